"""``runlift calc``: the training calculator; every number comes from ``runlift.science``."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import asdict
from datetime import timedelta
from pathlib import Path
from typing import Annotated, TypeVar

import typer

from runlift.cli import render
from runlift.cli.commands import Command, Group
from runlift.domain.quantities import parse_distance_m, parse_duration_s, quantity
from runlift.domain.records import check_race_time
from runlift.errors import InvalidInput
from runlift.io.load_csv import read_daily_loads
from runlift.science import energy, load, running, strength
from runlift.units import format_duration, format_pace
from runlift.vocabulary import DistanceName, Sex

app = typer.Typer(
    help="Training calculator: paces, race predictions, 1RM, RPE loads, resting energy, load.",
    no_args_is_help=True,
    rich_markup_mode="markdown",
    cls=Group,
)

JsonFlag = Annotated[bool, typer.Option("--json", help="Print JSON instead of tables.")]

OPTION_FOR_PARAMETER = {
    "distance_m": "--distance",
    "time_s": "--time",
    "known_time_s": "--time",
    "target_distance_m": "--to",
    "vdot": "--vdot",
    "weight_kg": "--weight",
    "reps": "--reps",
    "rpe": "--rpe",
    "one_rep_max_kg": "--one-rep-max",
    "increment_kg": "--increment",
    "mass_kg": "--mass",
    "height_cm": "--height",
    "age_years": "--age",
    "body_fat_percent": "--body-fat",
    "exponent": "--exponent",
}

T = TypeVar("T")


@contextmanager
def _options_named() -> Iterator[None]:
    """Re-raise science errors with the command-line option the user typed."""
    try:
        yield
    except InvalidInput as exc:
        option = OPTION_FOR_PARAMETER.get(exc.field)
        if option is None:
            raise
        raise InvalidInput(option, exc.value, exc.expected) from None


def _race(distance: str, time: str) -> tuple[float, float]:
    """A race result, refused when it beats the world record (``did you mean h:mm:00?``)."""
    distance_m = parse_distance_m(distance, field="--distance")
    time_s = parse_duration_s(time, field="--time")
    check_race_time(time_s=time_s, distance_m=distance_m, field="--time", written=time)
    return distance_m, time_s


def _paces_dict(paces: running.TrainingPaces) -> dict[str, dict[str, float]]:
    return {
        "easy": {"min_s_per_km": paces.easy_min_s_per_km, "max_s_per_km": paces.easy_max_s_per_km},
        "marathon": {"s_per_km": paces.marathon_s_per_km},
        "threshold": {"s_per_km": paces.threshold_s_per_km},
        "interval": {"s_per_km": paces.interval_s_per_km},
        "repetition": {"s_per_km": paces.repetition_s_per_km},
    }


def _round(value: float, digits: int = 1) -> float:
    return round(value, digits)


@app.command(cls=Command, name="vdot")
def vdot_command(
    distance: Annotated[str, typer.Option(help="Race distance: 5k, 10k, half, 1500m, 3.1mi ...")],
    time: Annotated[str, typer.Option(help="Race time as mm:ss or h:mm:ss.")],
    as_json: JsonFlag = False,
) -> None:
    """VDOT (Daniels & Gilbert) from a race result."""
    distance_m, time_s = _race(distance, time)
    with _options_named():
        value = running.vdot(distance_m=distance_m, time_s=time_s)
    if as_json:
        render.emit_json({"vdot": _round(value, 2)})
        return
    render.key_values(
        "VDOT",
        {"race": f"{distance} in {format_duration(time_s)}", "VDOT": _round(value, 1)},
        caption="Daniels & Gilbert 1979, Oxygen Power",
    )


@app.command(cls=Command, name="paces")
def paces_command(
    vdot: Annotated[float | None, typer.Option(help="VDOT, if known.")] = None,
    distance: Annotated[str | None, typer.Option(help="Race distance (with --time).")] = None,
    time: Annotated[str | None, typer.Option(help="Race time (with --distance).")] = None,
    as_json: JsonFlag = False,
) -> None:
    """Training paces E, M, T, I, R per km (Daniels' Running Formula)."""
    value = _vdot_from_options(vdot, distance, time)
    with _options_named():
        paces = running.training_paces(vdot=value)
    if as_json:
        render.emit_json(
            {
                "vdot": _round(value, 2),
                "paces": {
                    zone: {k: _round(v) for k, v in bounds.items()}
                    for zone, bounds in _paces_dict(paces).items()
                },
            }
        )
        return
    rows = [
        (
            "Easy (E)",
            f"{format_pace(paces.easy_min_s_per_km)} – {format_pace(paces.easy_max_s_per_km)}",
        ),
        ("Marathon (M)", format_pace(paces.marathon_s_per_km)),
        ("Threshold (T)", format_pace(paces.threshold_s_per_km)),
        ("Interval (I)", format_pace(paces.interval_s_per_km)),
        ("Repetition (R)", format_pace(paces.repetition_s_per_km)),
    ]
    render.table(
        f"Training paces at VDOT {value:.1f}",
        ("zone", "pace"),
        rows,
        caption="Daniels J. Daniels' Running Formula, 3rd ed., Human Kinetics, 2014",
    )


def _vdot_from_options(vdot: float | None, distance: str | None, time: str | None) -> float:
    if vdot is not None:
        if distance is not None or time is not None:
            raise InvalidInput("--vdot", vdot, "give either --vdot or --distance with --time")
        return vdot
    if distance is None or time is None:
        raise InvalidInput("--vdot", None, "give --vdot, or a race as --distance and --time")
    distance_m, time_s = _race(distance, time)
    with _options_named():
        return running.vdot(distance_m=distance_m, time_s=time_s)


DEFAULT_TARGETS = ",".join(d.value for d in DistanceName)


@app.command(cls=Command, name="predict")
def predict_command(
    distance: Annotated[str, typer.Option(help="Known race distance.")],
    time: Annotated[str, typer.Option(help="Known race time.")],
    method: Annotated[str, typer.Option(help="vdot (Daniels) or riegel.")] = "vdot",
    to: Annotated[str, typer.Option(help="Comma-separated target distances.")] = DEFAULT_TARGETS,
    exponent: Annotated[float, typer.Option(help="Riegel's fatigue exponent.")] = 1.06,
    as_json: JsonFlag = False,
) -> None:
    """Equivalent race times at other distances (VDOT or Riegel)."""
    distance_m, time_s = _race(distance, time)
    if method not in {"vdot", "riegel"}:
        raise InvalidInput("--method", method, "use vdot or riegel")
    targets = [t.strip() for t in to.split(",") if t.strip()]
    if not targets:
        raise InvalidInput("--to", to, "name at least one distance, e.g. --to 10k,half")
    predictor = _predictor(method, distance_m, time_s, exponent)
    predictions = []
    for target in targets:
        target_m = parse_distance_m(target, field="--to")
        try:
            predicted_s = predictor(target_m)
        except InvalidInput as exc:  # a target the method cannot predict: name it as typed
            raise InvalidInput("--to", target, exc.expected) from None
        predictions.append(
            {
                "distance": target,
                "distance_m": _round(target_m),
                "time_s": _round(predicted_s),
                "time": format_duration(predicted_s),
                "pace_s_per_km": _round(predicted_s / target_m * 1000),
            }
        )
    if as_json:
        render.emit_json({"method": method, "predictions": predictions})
        return
    source = (
        "Daniels & Gilbert 1979 (VDOT race equivalence)"
        if method == "vdot"
        else f"Riegel 1981, Am Sci 69:285 (exponent {exponent})"
    )
    render.table(
        f"Predictions from {distance} in {format_duration(time_s)}",
        ("distance", "time", "pace"),
        [
            (str(p["distance"]), str(p["time"]), format_pace(float(str(p["pace_s_per_km"]))))
            for p in predictions
        ],
        caption=source,
    )


def _predictor(
    method: str, distance_m: float, time_s: float, exponent: float
) -> Callable[[float], float]:
    if method == "riegel":
        with _options_named():
            running.riegel_time_s(
                known_distance_m=distance_m,
                known_time_s=time_s,
                target_distance_m=distance_m,
                exponent=exponent,
            )

        def riegel(target_m: float) -> float:
            return running.riegel_time_s(
                known_distance_m=distance_m,
                known_time_s=time_s,
                target_distance_m=target_m,
                exponent=exponent,
            )

        return riegel
    with _options_named():
        value = running.vdot(distance_m=distance_m, time_s=time_s)

    def daniels(target_m: float) -> float:
        return running.race_time_s(vdot=value, distance_m=target_m)

    return daniels


@app.command(cls=Command, name="1rm")
def one_rep_max_command(
    weight: Annotated[float, typer.Option(help="Load lifted, kg.")],
    reps: Annotated[int, typer.Option(help="Repetitions completed.")],
    rpe: Annotated[float | None, typer.Option(help="RPE of the set (6-10).")] = None,
    as_json: JsonFlag = False,
) -> None:
    """Estimated one-repetition maximum from a set (seven published equations, or the RPE chart)."""
    with _options_named():
        estimates = strength.one_rep_max_estimates_kg(weight_kg=weight, reps=reps)
        if rpe is None:
            chosen = strength.one_rep_max_kg(weight_kg=weight, reps=reps)
            method = str(strength.DEFAULT_ONE_REP_MAX_FORMULA)
        else:
            chosen = strength.one_rep_max_from_rpe_set_kg(weight_kg=weight, reps=reps, rpe=rpe)
            method = "rpe_chart"
    data = {
        "estimates": {str(k): _round(v) for k, v in estimates.items()},
        "method": method,
        "one_rep_max_kg": _round(chosen),
    }
    if as_json:
        render.emit_json(data)
        return
    rows = [(str(name), _round(value)) for name, value in estimates.items()]
    rows.append((f"runlift ({method})", _round(chosen)))
    render.table(
        f"Estimated 1RM from {weight:g} kg x {reps}" + (f" @ RPE {rpe:g}" if rpe else ""),
        ("equation", "1RM kg"),
        rows,
        caption="Equations: Epley 1985, Brzycki 1993, Lombardi 1989, Mayhew 1992, "
        "O'Conner 1989, Wathan 1994, Lander 1985; RPE chart after Tuchscherer 2008",
    )


@app.command(cls=Command, name="rpe")
def rpe_command(
    reps: Annotated[int, typer.Option(help="Repetitions per set (1-12).")],
    rpe: Annotated[float, typer.Option(help="Target RPE (6-10, half steps).")],
    one_rep_max: Annotated[float | None, typer.Option(help="1RM in kg, to get a load.")] = None,
    increment: Annotated[float, typer.Option(help="Smallest load step, kg.")] = 2.5,
    as_json: JsonFlag = False,
) -> None:
    """Percentage of 1RM for reps at an RPE, and the load if the 1RM is given."""
    with _options_named():
        percent = strength.percent_one_rep_max(reps=reps, rpe=rpe)
        load_kg = (
            None
            if one_rep_max is None
            else strength.load_for_percent_kg(
                one_rep_max_kg=one_rep_max, percent_1rm=percent, increment_kg=increment
            )
        )
    if as_json:
        render.emit_json({"percent_1rm": percent, "load_kg": load_kg})
        return
    render.key_values(
        f"{reps} reps @ RPE {rpe:g}",
        {"% 1RM": percent, "reps in reserve": 10 - rpe, "load kg": load_kg},
        caption="RPE chart after Tuchscherer 2008; RPE = 10 - RIR (Zourdos 2016, Helms 2016)",
    )


@app.command(cls=Command, name="energy")
def energy_command(
    mass: Annotated[float, typer.Option(help="Body mass, kg.")],
    height: Annotated[float, typer.Option(help="Height, cm.")],
    age: Annotated[float, typer.Option(help="Age, years.")],
    sex: Annotated[Sex, typer.Option(help="male or female.", case_sensitive=False)],
    body_fat: Annotated[float | None, typer.Option(help="Body fat, %.")] = None,
    as_json: JsonFlag = False,
) -> None:
    """Resting energy expenditure by three published equations."""
    with _options_named():
        values: dict[str, float | None] = {
            "mifflin_st_jeor": energy.mifflin_st_jeor_kcal_per_day(
                mass_kg=mass, height_cm=height, age_years=age, sex=sex
            ),
            "harris_benedict_revised": energy.harris_benedict_revised_kcal_per_day(
                mass_kg=mass, height_cm=height, age_years=age, sex=sex
            ),
            "cunningham": None
            if body_fat is None
            else energy.cunningham_kcal_per_day(
                fat_free_mass_kg=energy.fat_free_mass_kg(mass_kg=mass, body_fat_percent=body_fat)
            ),
        }
    rounded = {k: None if v is None else _round(v) for k, v in values.items()}
    if as_json:
        render.emit_json({"resting_kcal_per_day": rounded})
        return
    render.table(
        "Resting energy, kcal/day",
        ("equation", "kcal/day"),
        list(rounded.items()),
        caption="Mifflin 1990; Roza & Shizgal 1984; Cunningham 1980 (needs --body-fat)",
    )


@app.command(cls=Command, name="load")
def load_command(
    file: Annotated[Path, typer.Argument(help="CSV: date,load or date,duration_min,rpe")],
    as_json: JsonFlag = False,
) -> None:
    """Acute/chronic load, ACWR, CTL/ATL/TSB per day and monotony/strain per week.

    The acute:chronic ratio compares the last week with the last four: it is left out
    (``—``, ``null`` in JSON) until the file holds 28 days, since before that there is no
    chronic load to compare with and the ratio only says that training has started.
    """
    daily = read_daily_loads(file.read_text(encoding="utf-8-sig"))
    days = load.daily_load_metrics(loads_au=daily.loads_au)
    weeks = load.weekly_load_metrics(loads_au=daily.loads_au)
    history = load.CHRONIC_WINDOW_DAYS
    day_rows: list[dict[str, render.Cell]] = []
    for metrics in days:
        row: dict[str, render.Cell] = {
            "date": (daily.start + timedelta(days=metrics.day_index)).isoformat()
        }
        row.update({k: _maybe_round(v) for k, v in asdict(metrics).items() if k != "day_index"})
        if metrics.day_index + 1 < history:
            row["acwr_ewma"] = None
            row["acwr_rolling"] = None
        day_rows.append(row)
    week_rows: list[dict[str, render.Cell]] = []
    for week in weeks:
        row = {"week_start": (daily.start + timedelta(days=7 * week.week_index)).isoformat()}
        row.update({k: _maybe_round(v) for k, v in asdict(week).items() if k != "week_index"})
        week_rows.append(row)
    if as_json:
        render.emit_json(
            {
                "days": day_rows,
                "weeks": week_rows,
                "acwr_from_day": history,
                "days_given": len(days),
            }
        )
        return
    if len(days) < history:
        render.line(
            f"[yellow]Only {quantity(len(days), 'days')} of history: the acute:chronic ratio "
            f"(ACWR) needs {history}, so it is left out until then.[/]"
        )
    render.table(
        "Daily training load",
        ("date", "load", "acute", "chronic", "ACWR", "CTL", "ATL", "TSB"),
        [
            (
                r["date"],
                r["load_au"],
                r["acute_ewma_au"],
                r["chronic_ewma_au"],
                r["acwr_ewma"],
                r["ctl_au"],
                r["atl_au"],
                r["tsb_au"],
            )
            for r in day_rows
        ],
        caption="sRPE (Foster 2001); EWMA ACWR 7/28 d (Williams 2017); CTL/ATL 42/7 d",
    )
    if not week_rows:
        render.line("Weekly monotony and strain need a whole week (7 days) of loads.")
        return
    render.table(
        "Weekly monotony and strain",
        ("week from", "load", "monotony", "strain"),
        [(r["week_start"], r["total_au"], r["monotony"], r["strain_au"]) for r in week_rows],
        caption="Foster 1998",
    )


def _maybe_round(value: T) -> T | float:
    return round(value, 2) if isinstance(value, float) else value
