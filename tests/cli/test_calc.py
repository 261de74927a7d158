import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from runlift.cli.app import main


def run_json(capsys: pytest.CaptureFixture[str], *argv: str) -> dict[str, Any]:
    code = main([*argv, "--json"])
    out = capsys.readouterr().out
    assert code == 0, out
    data = json.loads(out)
    assert isinstance(data, dict)
    return data


def test_vdot(capsys: pytest.CaptureFixture[str]) -> None:
    data = run_json(capsys, "calc", "vdot", "--distance", "5k", "--time", "19:57")
    # Daniels' table: a 19:57 5 km is VDOT 50.
    assert data["vdot"] == pytest.approx(50.0, abs=0.15)


def test_paces_from_vdot_and_from_race_agree(capsys: pytest.CaptureFixture[str]) -> None:
    by_vdot = run_json(capsys, "calc", "paces", "--vdot", "50")
    paces = by_vdot["paces"]
    assert isinstance(paces, dict)
    assert set(paces) == {"easy", "marathon", "threshold", "interval", "repetition"}
    assert paces["easy"]["min_s_per_km"] < paces["easy"]["max_s_per_km"]
    assert (
        paces["repetition"]["s_per_km"]
        < paces["interval"]["s_per_km"]
        < paces["threshold"]["s_per_km"]
        < paces["marathon"]["s_per_km"]
        < paces["easy"]["min_s_per_km"]
    )
    by_race = run_json(capsys, "calc", "paces", "--distance", "5k", "--time", "19:57")
    assert by_race["paces"]["threshold"]["s_per_km"] == pytest.approx(
        paces["threshold"]["s_per_km"], abs=2
    )


@pytest.mark.parametrize("method", ["vdot", "riegel"])
def test_predict(capsys: pytest.CaptureFixture[str], method: str) -> None:
    data = run_json(
        capsys,
        "calc",
        "predict",
        "--distance",
        "5k",
        "--time",
        "20:00",
        "--method",
        method,
        "--to",
        "10k,half,marathon",
    )
    predictions = data["predictions"]
    assert isinstance(predictions, list)
    assert [p["distance_m"] for p in predictions] == [10000.0, 21097.5, 42195.0]
    times = [p["time_s"] for p in predictions]
    assert times == sorted(times)
    assert 41 * 60 < times[0] < 43 * 60


def test_riegel_matches_the_formula(capsys: pytest.CaptureFixture[str]) -> None:
    data = run_json(
        capsys,
        "calc",
        "predict",
        "--distance",
        "10k",
        "--time",
        "40:00",
        "--method",
        "riegel",
        "--to",
        "half",
    )
    expected = 2400 * (21097.5 / 10000) ** 1.06
    assert data["predictions"][0]["time_s"] == pytest.approx(expected, abs=0.1)


def test_one_rep_max(capsys: pytest.CaptureFixture[str]) -> None:
    data = run_json(capsys, "calc", "1rm", "--weight", "100", "--reps", "5")
    estimates = data["estimates"]
    assert isinstance(estimates, dict)
    assert set(estimates) == {
        "epley",
        "brzycki",
        "lombardi",
        "mayhew",
        "oconner",
        "wathan",
        "lander",
    }
    assert estimates["epley"] == pytest.approx(100 * (1 + 5 / 30), abs=0.1)
    assert estimates["brzycki"] == pytest.approx(100 * 36 / (37 - 5), abs=0.1)
    with_rpe = run_json(capsys, "calc", "1rm", "--weight", "100", "--reps", "5", "--rpe", "8")
    assert with_rpe["method"] == "rpe_chart"
    assert with_rpe["one_rep_max_kg"] > data["one_rep_max_kg"]


def test_rpe(capsys: pytest.CaptureFixture[str]) -> None:
    data = run_json(capsys, "calc", "rpe", "--reps", "5", "--rpe", "8", "--one-rep-max", "150")
    assert data["percent_1rm"] == pytest.approx(81.1, abs=0.05)
    assert data["load_kg"] == 122.5
    without = run_json(capsys, "calc", "rpe", "--reps", "1", "--rpe", "10")
    assert without == {"percent_1rm": 100.0, "load_kg": None}


def test_energy(capsys: pytest.CaptureFixture[str]) -> None:
    data = run_json(
        capsys,
        "calc",
        "energy",
        "--mass",
        "70",
        "--height",
        "175",
        "--age",
        "30",
        "--sex",
        "male",
        "--body-fat",
        "15",
    )
    kcal = data["resting_kcal_per_day"]
    assert kcal["mifflin_st_jeor"] == pytest.approx(1648.8, abs=0.1)
    assert kcal["cunningham"] == pytest.approx(500 + 22 * 70 * 0.85, abs=0.1)
    assert 1600 < kcal["harris_benedict_revised"] < 1800


def test_load(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    csv = tmp_path / "loads.csv"
    rows = ["date,duration_min,rpe"] + [f"2026-01-{d:02d},60,5" for d in range(1, 29)]
    csv.write_text("\n".join(rows) + "\n", encoding="utf-8")
    code = main(["calc", "load", str(csv), "--json"])
    data = json.loads(capsys.readouterr().out)
    assert code == 0
    assert len(data["days"]) == 28
    assert data["days"][0]["date"] == "2026-01-01"
    assert data["days"][-1]["load_au"] == 300
    assert len(data["weeks"]) == 4
    assert data["weeks"][0]["total_au"] == 2100


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["calc", "vdot", "--distance", "10k", "--time", "40:75"], "--time '40:75': seconds must"),
        (["calc", "vdot", "--distance", "10parsecs", "--time", "40:00"], "--distance"),
        (["calc", "vdot", "--distance", "10k", "--time", "0:30"], "--time"),
        (["calc", "1rm", "--weight", "-100", "--reps", "5"], "--weight"),
        (["calc", "rpe", "--reps", "5", "--rpe", "8.3"], "--rpe"),
        (
            ["calc", "energy", "--mass", "70", "--height", "175", "--age", "3", "--sex", "male"],
            "--age",
        ),
        (
            ["calc", "predict", "--distance", "5k", "--time", "20:00", "--method", "magic"],
            "--method",
        ),
        (["calc", "paces"], "--vdot"),
    ],
)
def test_bad_values_exit_1_naming_the_option(
    capsys: pytest.CaptureFixture[str], argv: list[str], message: str
) -> None:
    assert main(argv) == 1
    err = capsys.readouterr().err
    assert message in err
    assert "Traceback" not in err


def test_missing_file_exits_1(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    assert main(["calc", "load", str(tmp_path / "nope.csv")]) == 1
    assert "nope.csv" in capsys.readouterr().err


def test_usage_errors_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["calc", "vdot", "--distance", "10k"]) == 2
    assert "--time" in capsys.readouterr().err
    assert main(["calc", "nonsense"]) == 2


def test_tables_by_default(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["calc", "paces", "--vdot", "50"]) == 0
    out = capsys.readouterr().out
    assert "Threshold" in out
    assert "/km" in out


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["vdot", "--distance", "half", "--time", "1:50"],
            "error: --time '1:50': did you mean \"1:50:00\"? As written it is faster than anyone",
        ),
        (
            ["predict", "--distance", "5k", "--time", "20:00", "--to", "10k,100k"],
            "error: --to '100k': must be between 1500 and 42195",
        ),
    ],
)
def test_impossible_races_and_targets_name_the_option(
    capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    assert main(["calc", *args]) == 1
    (line,) = capsys.readouterr().err.splitlines()
    assert line.startswith(message)


@pytest.mark.parametrize("name", ["Half Marathon", "HALF", "half_marathon"])
def test_distance_names_in_any_case(capsys: pytest.CaptureFixture[str], name: str) -> None:
    assert main(["calc", "vdot", "--distance", name, "--time", "1:30:00", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["vdot"] > 0


def test_choices_in_any_case(capsys: pytest.CaptureFixture[str]) -> None:
    args = ["calc", "energy", "--mass", "70", "--height", "175", "--age", "30", "--json"]
    assert main([*args, "--sex", "Male"]) == 0
    male = json.loads(capsys.readouterr().out)
    assert main([*args, "--sex", "male"]) == 0
    assert json.loads(capsys.readouterr().out) == male


def test_no_ratio_without_history(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """On day 1 the acute:chronic ratio would read 3.6: there is no chronic load yet."""
    loads = tmp_path / "loads.csv"
    rows = [f"2026-01-{day:02d},{300 if day % 2 else 0}" for day in range(1, 31)]
    loads.write_text("date,load\n" + "\n".join(rows) + "\n", encoding="utf-8")
    assert main(["calc", "load", str(loads), "--json"]) == 0
    days = json.loads(capsys.readouterr().out)["days"]
    assert [d["acwr_ewma"] for d in days[:27]] == [None] * 27
    assert all(d["acwr_ewma"] is not None for d in days[27:])
    short = tmp_path / "short.csv"
    short.write_text("date,load\n2026-01-01,300\n2026-01-02,0\n", encoding="utf-8")
    assert main(["calc", "load", str(short)]) == 0
    out = capsys.readouterr().out
    assert "Only 2 days of history: the acute:chronic ratio (ACWR) needs 28" in out
    assert "3.6" not in out
    assert "need a whole week" in out


def test_help_shows_no_bool_type(capsys: pytest.CaptureFixture[str]) -> None:
    for command in (["--help"], ["plan", "--help"], ["lint", "--help"], ["calc", "vdot", "--help"]):
        assert main(command) == 0
        assert "<bool>" not in capsys.readouterr().out


def test_the_command_line_starts_without_the_heavy_libraries() -> None:
    # Quick commands stay quick: the store, the web stack, the solver, the file
    # readers and the renderers are loaded by the commands that use them.
    code = (
        "import sys, runlift.cli.app\n"
        "print(sorted({m.split('.')[0] for m in sys.modules} & "
        "{'sqlalchemy', 'alembic', 'argon2', 'fastapi', 'ortools', 'fitdecode', 'gpxpy', "
        "'jinja2', 'reportlab'}))"
    )
    done = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True)
    assert done.stdout.strip() == "[]"
