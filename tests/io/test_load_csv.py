"""Reading daily training loads from CSV text."""

from __future__ import annotations

import math
from datetime import date
from pathlib import Path

import pytest

from runlift.errors import ImportFormatError
from runlift.io.load_csv import DailyLoads, read_daily_loads

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "loads"


def _fixture(name: str) -> str:
    return (FIXTURES / name).read_bytes().decode("utf-8")


def _detail(text: str) -> str:
    with pytest.raises(ImportFormatError) as info:
        read_daily_loads(text)
    assert info.value.format == "csv"
    return info.value.detail


# Real-shaped fixtures


def test_six_weeks_of_srpe_sessions() -> None:
    loads = read_daily_loads(_fixture("six_weeks_srpe.csv"))
    assert loads.start == date(2024, 3, 4)
    assert len(loads.loads_au) == 42
    assert math.fsum(loads.loads_au) == pytest.approx(11730.0)
    # Week 1 day by day; Tuesday holds two sessions (60 x 7 + 40 x 6), Wednesday has no row.
    assert loads.loads_au[:7] == (180.0, 660.0, 0.0, 300.0, 225.0, 450.0, 90.0)
    weekly = [math.fsum(loads.loads_au[w * 7 : w * 7 + 7]) for w in range(6)]
    assert weekly == pytest.approx([1905.0, 1955.0, 2005.0, 1805.0, 2005.0, 2055.0])


def test_bom_crlf_blank_lines_gaps_and_same_day_rows() -> None:
    loads = read_daily_loads(_fixture("daily_loads_bom_crlf.csv"))
    assert loads == DailyLoads(
        start=date(2024, 1, 1),
        loads_au=(300.0, 0.0, 0.0, 550.5, 0.0, 0.0, 200.0),
    )


# Layout details


def test_rows_in_any_order_columns_in_any_order_and_spaces() -> None:
    text = "RPE , date, Duration_Min\n6, 2024-05-03 ,50\n 4 ,2024-05-01, 30\n"
    loads = read_daily_loads(text)
    assert loads.start == date(2024, 5, 1)
    assert loads.loads_au == (120.0, 0.0, 300.0)


def test_quoted_fields_and_leading_blank_lines() -> None:
    loads = read_daily_loads('\n\n"date","load"\n"2024-02-28","12.5"\n2024-03-01,1e2\n')
    # 2024 is a leap year: 28 Feb, 29 Feb (rest), 1 Mar.
    assert loads == DailyLoads(start=date(2024, 2, 28), loads_au=(12.5, 0.0, 100.0))


def test_single_row_and_zero_load() -> None:
    assert read_daily_loads("date,load\n2024-01-01,0\n").loads_au == (0.0,)


def test_rpe_zero_session_is_a_rest_day() -> None:
    assert read_daily_loads("date,duration_min,rpe\n2024-01-01,30,0\n").loads_au == (0.0,)


def test_file_without_trailing_newline() -> None:
    assert read_daily_loads("date,load\r\n2024-01-01,5").loads_au == (5.0,)


# Errors: the whole file or nothing, with line, field, value and the fix


@pytest.mark.parametrize("text", ["", "\ufeff", "\n\n  \n", "\ufeff\r\n,\r\n"])
def test_empty_file(text: str) -> None:
    detail = _detail(text)
    assert "empty" in detail
    assert "date,load" in detail


def test_header_without_rows() -> None:
    assert "no data rows" in _detail("date,load\n\n")


@pytest.mark.parametrize(
    "header",
    [
        "date;load",
        "day,load",
        "date,load,notes",
        "date,date,load",
        "date,duration_min",
        "2024-01-01,300",
    ],
)
def test_unknown_header(header: str) -> None:
    detail = _detail(f"{header}\n2024-01-01,300\n")
    assert detail.startswith(f"line 1: header '{header}': must be 'date,load' or ")


@pytest.mark.parametrize(
    ("row", "expected"),
    [
        ("2024-01-01", "line 3: row '2024-01-01': must have 2 fields: date,load"),
        ("2024-01-01,300,", "line 3: row '2024-01-01,300,': must have 2 fields: date,load"),
        ("01/02/2024,300", "line 3: date '01/02/2024': must be an ISO calendar date YYYY-MM-DD"),
        ("2024-02-30,300", "line 3: date '2024-02-30': must be an ISO calendar date YYYY-MM-DD"),
        ("20240101,300", "line 3: date '20240101': must be an ISO calendar date YYYY-MM-DD"),
        ("2024-01-02,abc", "line 3: load 'abc': must be a finite decimal number, e.g. 42 or 7.5"),
        ("2024-01-02,", "line 3: load '': must be a finite decimal number, e.g. 42 or 7.5"),
        ("2024-01-02,nan", "line 3: load 'nan': must be a finite decimal number, e.g. 42 or 7.5"),
        ("2024-01-02,inf", "line 3: load 'inf': must be a finite decimal number, e.g. 42 or 7.5"),
        (
            "2024-01-02,1e999",
            "line 3: load '1e999': must be a finite decimal number, e.g. 42 or 7.5",
        ),
        (
            "2024-01-02,1_000",
            "line 3: load '1_000': must be a finite decimal number, e.g. 42 or 7.5",
        ),
        ("2024-01-02,-5", "line 3: load '-5': must be a load of at least 0"),
    ],
)
def test_bad_load_row(row: str, expected: str) -> None:
    assert _detail(f"date,load\n2024-01-01,100\n{row}\n") == expected


@pytest.mark.parametrize(
    ("row", "expected"),
    [
        ("2024-01-01,60,11", "line 2: rpe '11': must be between 0 and 10"),
        ("2024-01-01,60,-1", "line 2: rpe '-1': must be between 0 and 10"),
        ("2024-01-01,0,5", "line 2: duration_min '0': must be a finite number above zero"),
        ("2024-01-01,1441,5", "line 2: duration_min '1441': must be at most 1440"),
        (
            "2024-01-01,sixty,5",
            "line 2: duration_min 'sixty': must be a finite decimal number, e.g. 42 or 7.5",
        ),
        (
            "2024-01-01,60,hard",
            "line 2: rpe 'hard': must be a finite decimal number, e.g. 42 or 7.5",
        ),
        ("2024-01-01,60", "line 2: row '2024-01-01,60': must have 3 fields: date,duration_min,rpe"),
    ],
)
def test_bad_session_row(row: str, expected: str) -> None:
    assert _detail(f"date,duration_min,rpe\n{row}\n2024-01-02,30,3\n") == expected


def test_row_field_order_follows_the_header() -> None:
    detail = _detail("rpe,duration_min,date\n5,60\n")
    assert detail == "line 2: row '5,60': must have 3 fields: rpe,duration_min,date"


def test_line_numbers_count_blank_lines() -> None:
    assert _detail("date,load\n\n\n2024-01-01,x\n").startswith("line 4: load 'x'")


def test_one_bad_row_after_many_good_ones_fails_the_whole_file() -> None:
    good = "".join(f"2024-01-{day:02d},100\n" for day in range(1, 29))
    assert _detail(f"date,load\n{good}2024-01-29,-1\n").startswith("line 30: load '-1'")


def test_malformed_quoting_is_reported_with_its_line() -> None:
    assert _detail('date,load\n2024-01-01,"12"3\n').startswith("line 2: ")


def test_nul_byte_is_reported() -> None:
    assert _detail("date,load\n2024-01-01,1\x000\n").startswith("line 2: ")


def test_day_total_past_float_range() -> None:
    detail = _detail("date,load\n2024-01-01,1e308\n2024-01-01,1e308\n")
    assert detail.startswith("line 3: date '2024-01-01': ")
