"""The adaptation's words: its rules, what a plan's future is, and the changes it returns.

A plan version is adapted on a day ``today`` (the athlete's local date, D). Every
session that starts before D, and every session already done, is **kept** exactly as
it is: the past is never rewritten. The others are the **future**, which the
decisions may re-prescribe, move, drop or add to (``runlift.programme.adaptation``).

What the athlete actually did in the days before D, the **done** view, is what the
rules judge: a session missed before D did not happen, so it neither takes a rest day
nor counts as a lift of its week, and a make-up can take its place.

Each decision names its rule: runlift's own ``RL-5`` to ``RL-11``
(``runlift.rules.catalogue.conventions``) and the guideline IDs behind them. A
session the adaptation changed carries the rule's ID among its ``rules`` and ends
its ``explanation`` with a line that starts with that ID.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from enum import StrEnum
from typing import Final
from zoneinfo import ZoneInfo

from runlift.domain.athlete import AthleteProfile
from runlift.domain.log import TrainingEvent
from runlift.domain.plan import Plan, PlanAdjustment, PlannedSession, PlanWeek
from runlift.domain.sessions import ScheduledSession, SessionId, SessionSpec
from runlift.domain.week import WeekContext
from runlift.programme.assembly import WrittenSession
from runlift.programme.lifting_sessions import ExerciseLibrary
from runlift.rules.catalogue import rule
from runlift.rules.checkers.rl_3 import loads_the_day
from runlift.rules.checkers.rl_4 import is_race
from runlift.vocabulary import EvidenceProfile, LiftKind, RunKind, SessionStatus

RL_ABILITY: Final = "RL-5"
"""New maxima and VDOT from the log flow into the prescriptions."""
RL_RPE: Final = "RL-6"
"""Lifting autoregulation from the logged RPE (LFT-5)."""
RL_MISSED: Final = "RL-7"
"""A missed key session is made up in its week, or the week's least important gives way."""
RL_EVENT: Final = "RL-8"
"""Illness, injury and travel."""
RL_RETURN: Final = "RL-9"
"""The return ramp after an illness or an injury."""
RL_FATIGUE: Final = "RL-10"
"""Fatigue and the planned acute:chronic ratio ease sessions; nothing is made harder."""
RL_GOAL: Final = "RL-11"
"""A changed goal re-periodises the weeks after the current one."""

ADAPTATION_RULES: Final = frozenset(
    {RL_ABILITY, RL_RPE, RL_MISSED, RL_EVENT, RL_RETURN, RL_FATIGUE, RL_GOAL}
)
"""Every rule ID of the adaptation's own decisions."""

MAKEUP_SUFFIX: Final = "-makeup"
"""A make-up's id is the missed session's id with this suffix: ``w05-run2-makeup``."""

DONE: Final = frozenset({SessionStatus.DONE, SessionStatus.PARTIAL})
"""Statuses of a session that was done (in full or in part)."""


def parameter(rule_id: str, name: str, profile: EvidenceProfile) -> float:
    """A number of an adaptation rule under the athlete's evidence profile."""
    return rule(rule_id).param(name, profile)


class ChangeKind(StrEnum):
    """What happened to a session from one plan version to the next."""

    MOVED = "moved"
    CHANGED = "changed"
    DROPPED = "dropped"
    ADDED = "added"


@dataclass(frozen=True, slots=True, kw_only=True)
class Change:
    """One session moved, changed, dropped or added, and why.

    Attributes:
        session_id: the session.
        kind: moved (its start changed, and maybe its prescription), changed (its
            prescription only), dropped or added.
        before: the session in the version before (None when added).
        after: the session in the new version (None when dropped).
        rules: the rule IDs behind the change, the decision's own first.
        reason: one sentence for the athlete.
    """

    session_id: SessionId
    kind: ChangeKind
    before: PlannedSession | None
    after: PlannedSession | None
    rules: tuple[str, ...]
    reason: str


@dataclass(frozen=True, slots=True, kw_only=True)
class Adaptation:
    """A plan version adapted on ``today``: the new plan, its profile and the changes.

    Attributes:
        today: the day of the adaptation (the new version is valid from it).
        plan: the adapted plan; its sessions before ``today`` are the old plan's.
        profile: the profile the new plan's prescriptions are written for (maxima
            and the recent race may be the log's, RL-5 and RL-6; the goal may be new,
            RL-11).
        changes: every session moved, changed, dropped or added, in time order.
        notes: decisions that changed nothing the athlete should still know about
            (a missed session that could not be made up, say), one line each.
    """

    today: date
    plan: Plan
    profile: AthleteProfile
    changes: tuple[Change, ...]
    notes: tuple[str, ...] = ()

    @property
    def changed(self) -> bool:
        """Whether a new version is needed: a session changed.

        A new number that moves no session yet is read from the log again next time.
        """
        return bool(self.changes)

    @property
    def rules(self) -> tuple[str, ...]:
        """Every rule ID the changes name, adaptation rules first, without repeats."""
        found = dict.fromkeys(r for change in self.changes for r in change.rules)
        own = sorted((r for r in found if r in ADAPTATION_RULES), key=_rule_number)
        return (*own, *(r for r in found if r not in ADAPTATION_RULES))

    @property
    def reason(self) -> str:
        """The new version's reason in one line: what changed, with the rules."""
        counts = dict.fromkeys(ChangeKind, 0)
        for change in self.changes:
            counts[change.kind] += 1
        parts = [f"{n} {kind.value}" for kind, n in counts.items() if n]
        what = ", ".join(parts) if parts else "prescriptions re-written"
        rules = ", ".join(self.rules)
        return f"adapted on {self.today.isoformat()}: {what}" + (f" ({rules})" if rules else "")


def _rule_number(rule_id: str) -> int:
    return int(rule_id.split("-")[1])


def makeup_id(session_id: str) -> SessionId:
    """The id of the make-up of ``session_id``."""
    return SessionId(f"{session_id}{MAKEUP_SUFFIX}")


def is_makeup(session_id: str) -> bool:
    """Whether ``session_id`` names a make-up."""
    return session_id.endswith(MAKEUP_SUFFIX)


def written_id(session_id: str) -> SessionId:
    """The id the programme wrote the session under (a make-up's is its original's)."""
    if is_makeup(session_id):
        return SessionId(session_id[: -len(MAKEUP_SUFFIX)])
    return SessionId(session_id)


def worth_making_up(spec: SessionSpec) -> bool:
    """A key session in RL-7's sense: a long or hard run, a heavy or key lift (not the race)."""
    if is_race(spec):
        return False
    if spec.is_run:
        return spec.key or spec.is_hard_run or spec.kind is RunKind.LONG
    return spec.key or spec.is_heavy_lower or spec.kind is LiftKind.EXPLOSIVE


def loaded(spec: SessionSpec) -> bool:
    """A loaded session (RL-3): a hard or long run, a heavy-lower or explosive lift."""
    return loads_the_day(spec)


def kept(
    session: PlannedSession, *, today: date, statuses: Mapping[SessionId, SessionStatus]
) -> bool:
    """Whether the adaptation must leave ``session`` as it is: before ``today``, or done."""
    scheduled = session.scheduled
    return scheduled.local_date < today or statuses.get(scheduled.id) in DONE


def future(
    sessions: Iterable[PlannedSession],
    *,
    today: date,
    statuses: Mapping[SessionId, SessionStatus],
) -> list[PlannedSession]:
    """The sessions the adaptation may change, in the order given."""
    return [s for s in sessions if not kept(s, today=today, statuses=statuses)]


def done_view(
    sessions: Iterable[ScheduledSession],
    *,
    today: date,
    statuses: Mapping[SessionId, SessionStatus],
) -> list[ScheduledSession]:
    """The sessions as the athlete lives them: those before ``today`` only if done."""
    return [s for s in sessions if s.local_date >= today or statuses.get(s.id) in DONE]


def plan_sessions(plan: Plan) -> list[PlannedSession]:
    """Every session of the plan in time order."""
    return [s for week in plan.weeks for s in week.sessions]


def adaptation_tail(explanation: Sequence[str]) -> int:
    """How many lines at the end of ``explanation`` are the adaptation's own (``RL-5: ...``)."""
    count = 0
    for line in reversed(explanation):
        head = line.split(":", 1)[0]
        if head not in ADAPTATION_RULES:
            break
        count += 1
    return count


def tail(session: PlannedSession) -> tuple[str, ...]:
    """The adaptation's own lines at the end of a session's explanation."""
    count = adaptation_tail(session.explanation)
    return session.explanation[len(session.explanation) - count :] if count else ()


def line_of(session: PlannedSession, rule_id: str) -> str | None:
    """The adaptation's line of ``rule_id`` on ``session``, if it has one."""
    return next((line for line in tail(session) if line.startswith(f"{rule_id}:")), None)


def rebuilt(
    session: PlannedSession,
    *,
    before: WrittenSession,
    written: WrittenSession,
    lines: tuple[str, ...],
) -> PlannedSession | None:
    """``session`` written again: its placement part kept, ``written`` and ``lines`` after it.

    ``before`` is what the programme wrote for it under the version's profile: the end
    of its explanation before the adaptation's lines. None when it is not (the week's
    outline changed under new numbers): the session is then left as it is.
    """
    own_tail = tail(session)
    if written == before and lines == own_tail:
        return session
    core = session.explanation[: len(session.explanation) - len(own_tail)]
    size = len(before.explanation)
    if size > len(core) or core[len(core) - size :] != before.explanation:
        return None
    placement_lines = core[: len(core) - size]
    placement_rules = [
        r for r in session.rules if r not in before.rules and r not in ADAPTATION_RULES
    ]
    own = [line.split(":", 1)[0] for line in lines]
    spec = dataclasses.replace(written.spec, id=session.scheduled.id)
    start = session.scheduled.start
    scheduled = ScheduledSession(
        spec=spec, start=start, end=start + timedelta(minutes=spec.duration_min)
    )
    return PlannedSession(
        scheduled=scheduled,
        prescription=written.prescription,
        rules=tuple(dict.fromkeys((*placement_rules, *written.rules, *own))),
        explanation=(*placement_lines, *written.explanation, *lines),
    )


@dataclass(slots=True)
class Reasons:
    """Reasons gathered for each session id while deciding: (rule IDs, sentence)."""

    by_id: dict[SessionId, list[tuple[tuple[str, ...], str]]] = field(default_factory=dict)

    def add(self, session_id: SessionId, rule_ids: tuple[str, ...], text: str) -> None:
        """Add a reason (once) for ``session_id``."""
        entry = (rule_ids, text)
        found = self.by_id.setdefault(session_id, [])
        if entry not in found:
            found.append(entry)


@dataclass(frozen=True, slots=True, kw_only=True)
class Context:
    """What every decision reads: the day, the statuses, the athlete and the events.

    Attributes:
        today: the day of the adaptation.
        not_before: a session added or moved starts at or after this moment.
        statuses: each planned session's status on ``today``.
        profile: the profile the new prescriptions are written for.
        events: every illness, injury and travel.
        week: the rules' context (goal, priority, evidence profile, rest days, zone).
        zone: the athlete's time zone.
        library: the exercise library.
    """

    today: date
    not_before: datetime
    statuses: Mapping[SessionId, SessionStatus]
    profile: AthleteProfile
    events: tuple[TrainingEvent, ...]
    week: WeekContext
    zone: ZoneInfo
    library: ExerciseLibrary


@dataclass(slots=True)
class Draft:
    """One week of the plan while it is adapted: its sessions, and what it left out."""

    week: PlanWeek
    sessions: list[PlannedSession]
    dropped: list[PlanAdjustment] = field(default_factory=list)

    def replace(self, old: PlannedSession, new: PlannedSession) -> None:
        """Put ``new`` where ``old`` is."""
        self.sessions = [new if s is old else s for s in self.sessions]

    def drop(
        self,
        session: PlannedSession,
        rule_ids: tuple[str, ...],
        why: str,
        reasons: Reasons,
    ) -> None:
        """Leave ``session`` out of the week, say why in the week's adjustments."""
        self.sessions = [s for s in self.sessions if s.scheduled.id != session.scheduled.id]
        spec = session.scheduled.spec
        text = f"{', '.join(rule_ids)}: '{spec.title}' is left out: {why}"
        self.dropped.append(
            PlanAdjustment(
                rule_ids=rule_ids, kind="dropped", session_id=spec.id, title=spec.title, text=text
            )
        )
        reasons.add(spec.id, rule_ids, why)


def views(drafts: Sequence[Draft], ctx: Context) -> list[ScheduledSession]:
    """The drafts' sessions as the athlete lives them (``done_view``)."""
    sessions = [s.scheduled for d in drafts for s in d.sessions]
    return done_view(sessions, today=ctx.today, statuses=ctx.statuses)
