"""Write athlete profiles: a commented template per goal, and a profile from a wizard's answers."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

import yaml

from runlift.io.profile import lift_sessions_text
from runlift.vocabulary import GoalKind

RACE_AFTER_WEEKS = 18
"""The template's race is on the Sunday 18 weeks after the start, the bundled half's span."""
TEST_AFTER_WEEKS = 13
"""The template's strength test is on the Saturday 13 weeks after the start."""

_GOAL_BLOCKS: Mapping[GoalKind, str] = {
    GoalKind.RACE: (
        "  kind: race              # strength | hypertrophy | race | fat_loss | general_fitness\n"
        "  priority: running       # running | lifting | balanced\n"
        '  race: {{distance: half, date: {race}, target_time: "1:45:00"}}'
        "   # 5k, 10k, half, marathon ...\n"
    ),
    GoalKind.STRENGTH: (
        "  kind: strength\n  priority: lifting\n  date: {test}        # test day; or weeks: 12\n"
    ),
    GoalKind.HYPERTROPHY: (
        "  kind: hypertrophy\n  priority: lifting\n  weeks: 12               # 4-52\n"
    ),
    GoalKind.FAT_LOSS: "  kind: fat_loss\n  priority: balanced\n  weeks: 16\n",
    GoalKind.GENERAL_FITNESS: "  kind: general_fitness\n  priority: balanced\n  weeks: 8\n",
}


def template_yaml(goal: GoalKind, *, start: date, timezone: str = "UTC") -> str:
    """A commented profile template for ``goal``, starting on ``start``; valid as written.

    ``timezone`` is where the athlete trains (the command line gives the machine's zone).
    """
    lifts = lift_sessions_text()
    monday = start - timedelta(days=start.weekday())
    goal_block = _GOAL_BLOCKS[goal].format(
        race=(monday + timedelta(weeks=RACE_AFTER_WEEKS - 1, days=6)).isoformat(),
        test=(monday + timedelta(weeks=TEST_AFTER_WEEKS - 1, days=5)).isoformat(),
    )
    return f"""# runlift athlete profile. Every field is explained in `runlift schema profile`.
name: Your Name
sex: female                 # female | male (for the resting-energy equations)
birth_date: 1990-01-31
height_cm: 170
mass_kg: 65
# body_fat_percent: 20      # optional; enables the Cunningham resting-energy equation
timezone: {timezone}     # IANA zone name of where you train
start_date: {start.isoformat()}       # the plan starts on the Monday of this week
goal:
{goal_block}running:
  weekly_km: 20             # what you run now, per week
  # recent_race: {{distance: 10k, time: "50:30", date: 2026-10-04}}   # sets your paces
lifting:
  experience: intermediate  # novice | intermediate | advanced
  sessions_per_week: 2      # {lifts}
  maxes:                    # a 1RM, or a recent set: weight_kg + reps (+ rpe)
    back-squat: {{weight_kg: 70, reps: 5}}
    deadlift: {{one_rep_max_kg: 100}}
    bench-press: {{weight_kg: 40, reps: 6, rpe: 8}}
  equipment: [barbell, rack, dumbbells, bench, pull-up-bar, bands]
  style: full               # full | runner_specific (LFT-6 exercises only)
availability:               # local time windows you can train in, any number a day
  mon: ["06:30-07:30", "18:00-20:00"]
  tue: ["12:00-13:00"]
  wed: ["06:30-07:30", "18:00-20:00"]
  thu: []
  fri: ["18:00-20:00"]
  sat: ["08:00-12:00"]
  sun: ["08:00-11:00"]
rest_days_min: 1            # full rest days a week (SCH-10)
day: {{wake: "06:00", sleep: "22:30"}}   # for the protein-serving timeline (NUT-3)
evidence_profile: default   # default (6 h same-day gap) | moderate (4 h) | strict (8 h)
"""


@dataclass(kw_only=True)
class Answers:
    """What the wizard collected, already validated field by field."""

    name: str
    sex: str
    birth_date: date
    height_cm: float
    mass_kg: float
    timezone: str
    start_date: date
    goal: dict[str, object]
    weekly_km: float
    recent_race: dict[str, object] | None
    experience: str
    sessions_per_week: int
    maxes: dict[str, dict[str, float]]
    equipment: Sequence[str]
    availability: dict[str, list[str]]
    rest_days_min: int
    wake: str
    sleep: str
    evidence_profile: str
    body_fat_percent: float | None = None
    extra: dict[str, object] = field(default_factory=dict)


def answers_yaml(answers: Answers) -> str:
    """The profile YAML for the wizard's answers, in the documented field order."""
    data: dict[str, object] = {
        "name": answers.name,
        "sex": answers.sex,
        "birth_date": answers.birth_date,
        "height_cm": answers.height_cm,
        "mass_kg": answers.mass_kg,
    }
    if answers.body_fat_percent is not None:
        data["body_fat_percent"] = answers.body_fat_percent
    running: dict[str, object] = {"weekly_km": answers.weekly_km}
    if answers.recent_race is not None:
        running["recent_race"] = answers.recent_race
    data |= {
        "timezone": answers.timezone,
        "start_date": answers.start_date,
        "goal": answers.goal,
        "running": running,
        "lifting": {
            "experience": answers.experience,
            "sessions_per_week": answers.sessions_per_week,
            "maxes": answers.maxes,
            "equipment": list(answers.equipment),
        },
        "availability": answers.availability,
        "rest_days_min": answers.rest_days_min,
        "day": {"wake": answers.wake, "sleep": answers.sleep},
        "evidence_profile": answers.evidence_profile,
    }
    header = "# runlift athlete profile written by `runlift init`; see `runlift schema profile`.\n"
    return header + yaml.safe_dump(data, sort_keys=False, allow_unicode=True)
