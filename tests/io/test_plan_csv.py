import pytest

from runlift.errors import ImportFormatError
from runlift.io.plan_csv import read_plan_csv
from runlift.vocabulary import LiftKind, RunKind

PLAN = """date,start,end,title,category
2026-03-02,07:00,08:00,Back squat 5x5,
2026-03-02,18:00,19:00,Evening session,RUN;INTERVALS
2026-03-03,,,Long run,
2026-03-04,12:00,13:00,Team meeting,
"""


def test_reads_rows_categories_and_all_day_entries() -> None:
    result = read_plan_csv(PLAN, timezone="Europe/Berlin")
    assert [s.spec.kind for s in result.sessions] == [
        LiftKind.HEAVY_LOWER,
        RunKind.INTERVALS,
        RunKind.LONG,
    ]
    assert result.sessions[0].start.isoformat() == "2026-03-02T07:00:00+01:00"
    assert result.sessions[2].all_day
    assert result.ignored == ("Team meeting",)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("date,title\n2026-03-02,Run\n", "missing column"),
        ("date,start,end,title\n02/03/2026,07:00,08:00,Run\n", "line 2: date '02/03/2026'"),
        ("date,start,end,title\n2026-03-02,7am,08:00,Run\n", "line 2: start '7am'"),
        ("date,start,end,title\n2026-02-30,07:00,08:00,Run\n", "'2026-02-30' is not a calendar"),
        ("date,start,end,title\n2026-03-02,07:00,24:30,Run\n", "end '24:30' is not a time of day"),
        ("date,start,end,title\n2026-03-02,09:00,08:00,Run\n", "must be after start"),
    ],
)
def test_bad_rows_fail_whole(text: str, message: str) -> None:
    with pytest.raises(ImportFormatError, match=message):
        read_plan_csv(text)
