"""The store's tables: athletes, plan versions, imports, activities and their sets, logs, accounts.

SQLAlchemy 2 declarative mappings, used only inside ``runlift.store``: the rest of
runlift sees domain objects and the store's own frozen records, never these rows.
Every time is stored in UTC (``UtcDateTime``), every amount with its unit in the
column's name. The same tables serve SQLite and PostgreSQL; Alembic's migrations in
``runlift/store/migrations`` create them, and a test checks that the migrations and
these mappings agree on both.
"""

from __future__ import annotations

from datetime import UTC, date, datetime

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Date,
    DateTime,
    Dialect,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    TypeDecorator,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

NAMING_CONVENTION = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}
"""Constraint names fixed in advance, so migrations can name what they change on both
databases (SQLite gives unnamed constraints no name to drop)."""


class UtcDateTime(TypeDecorator[datetime]):
    """An aware ``datetime`` stored as UTC without an offset, read back as aware UTC.

    SQLite has no time zones and PostgreSQL's ``timestamptz`` returns the server's
    zone: storing naive UTC and attaching UTC on the way out gives the same value on
    both. A naive datetime is refused: it would be a time in no known zone.
    """

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        """Convert an aware time to naive UTC for storage."""
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError(f"a time with a zone is needed, not {value.isoformat()}")
        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        """Attach UTC to the stored time."""
        return None if value is None else value.replace(tzinfo=UTC)


class Base(DeclarativeBase):
    """The declarative base of every table."""

    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class AthleteRow(Base):
    """One athlete: the profile as given, and which plan version is current."""

    __tablename__ = "athletes"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(UtcDateTime())
    profile_yaml: Mapped[str] = mapped_column(Text)
    current_version: Mapped[int | None] = mapped_column(Integer)


class PlanVersionRow(Base):
    """One plan made for an athlete, kept as made: rows are inserted, never updated."""

    __tablename__ = "plan_versions"

    athlete_id: Mapped[str] = mapped_column(
        ForeignKey("athletes.id", ondelete="CASCADE"), primary_key=True
    )
    version: Mapped[int] = mapped_column(Integer, primary_key=True)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime())
    valid_from: Mapped[date] = mapped_column(Date)
    reason: Mapped[str] = mapped_column(Text)
    profile_doc: Mapped[str] = mapped_column(Text)
    plan_doc: Mapped[str] = mapped_column(Text)
    nutrition_doc: Mapped[str] = mapped_column(Text)
    changes_doc: Mapped[str] = mapped_column(Text, default="[]")

    __table_args__ = (CheckConstraint("version >= 1", name="version_from_1"),)


class ImportRow(Base):
    """One file imported for an athlete: its hash, name and format."""

    __tablename__ = "imports"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    athlete_id: Mapped[str] = mapped_column(ForeignKey("athletes.id", ondelete="CASCADE"))
    sha256: Mapped[str] = mapped_column(String(64))
    file_name: Mapped[str] = mapped_column(String(500))
    format: Mapped[str] = mapped_column(String(20))
    size_bytes: Mapped[int] = mapped_column(Integer)
    imported_at: Mapped[datetime] = mapped_column(UtcDateTime())

    __table_args__ = (UniqueConstraint("athlete_id", "sha256"),)


class ActivityRow(Base):
    """One activity: recorded by a device or an app, or logged by hand."""

    __tablename__ = "activities"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    athlete_id: Mapped[str] = mapped_column(ForeignKey("athletes.id", ondelete="CASCADE"))
    import_id: Mapped[int | None] = mapped_column(ForeignKey("imports.id", ondelete="CASCADE"))
    source: Mapped[str] = mapped_column(String(20))
    sport: Mapped[str] = mapped_column(String(20))
    sub_sport: Mapped[str | None] = mapped_column(String(20))
    source_sport: Mapped[str | None] = mapped_column(String(100))
    start: Mapped[datetime] = mapped_column(UtcDateTime())
    elapsed_s: Mapped[float | None] = mapped_column(Float)
    moving_s: Mapped[float | None] = mapped_column(Float)
    distance_m: Mapped[float | None] = mapped_column(Float)
    average_heart_rate_bpm: Mapped[float | None] = mapped_column(Float)
    max_heart_rate_bpm: Mapped[float | None] = mapped_column(Float)
    ascent_m: Mapped[float | None] = mapped_column(Float)
    name: Mapped[str | None] = mapped_column(String(500))
    rpe: Mapped[float | None] = mapped_column(Float)
    session_id: Mapped[str | None] = mapped_column(String(40))
    laps_doc: Mapped[str] = mapped_column(Text, default="[]")

    sets: Mapped[list[SetRow]] = relationship(
        back_populates="activity", cascade="all, delete-orphan", order_by="SetRow.position"
    )

    # Also the index of every query by athlete and time (its leading columns).
    __table_args__ = (UniqueConstraint("athlete_id", "start", "sport"),)


class SetRow(Base):
    """One logged set of a lift."""

    __tablename__ = "sets"

    activity_id: Mapped[int] = mapped_column(
        ForeignKey("activities.id", ondelete="CASCADE"), primary_key=True
    )
    position: Mapped[int] = mapped_column(Integer, primary_key=True)
    exercise_id: Mapped[str | None] = mapped_column(String(80))
    raw_name: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(20))
    reps: Mapped[int | None] = mapped_column(Integer)
    load_kg: Mapped[float | None] = mapped_column(Float)
    duration_s: Mapped[float | None] = mapped_column(Float)
    distance_m: Mapped[float | None] = mapped_column(Float)
    rpe: Mapped[float | None] = mapped_column(Float)
    rir: Mapped[float | None] = mapped_column(Float)

    activity: Mapped[ActivityRow] = relationship(back_populates="sets")


class SessionMarkRow(Base):
    """A planned session marked missed by hand, by the plan's own session id (``w03-run1``).

    A session marked done by hand becomes a manual activity matched to it instead, so
    that it counts as training load like any recorded one.
    """

    __tablename__ = "session_marks"

    athlete_id: Mapped[str] = mapped_column(
        ForeignKey("athletes.id", ondelete="CASCADE"), primary_key=True
    )
    session_id: Mapped[str] = mapped_column(String(40), primary_key=True)
    status: Mapped[str] = mapped_column(String(10))
    reason: Mapped[str | None] = mapped_column(String(20))
    marked_at: Mapped[datetime] = mapped_column(UtcDateTime())

    __table_args__ = (CheckConstraint("status IN ('missed')", name="status_known"),)


class CheckInRow(Base):
    """One day's check-in: sleep, soreness, stress, mood, resting heart rate, body mass."""

    __tablename__ = "check_ins"

    athlete_id: Mapped[str] = mapped_column(
        ForeignKey("athletes.id", ondelete="CASCADE"), primary_key=True
    )
    day: Mapped[date] = mapped_column(Date, primary_key=True)
    sleep_h: Mapped[float | None] = mapped_column(Float)
    soreness: Mapped[int | None] = mapped_column(Integer)
    stress: Mapped[int | None] = mapped_column(Integer)
    mood: Mapped[int | None] = mapped_column(Integer)
    resting_hr_bpm: Mapped[float | None] = mapped_column(Float)
    mass_kg: Mapped[float | None] = mapped_column(Float)


class BodyMassRow(Base):
    """One weighing from a scale's file."""

    __tablename__ = "body_mass"

    athlete_id: Mapped[str] = mapped_column(
        ForeignKey("athletes.id", ondelete="CASCADE"), primary_key=True
    )
    measured_at: Mapped[datetime] = mapped_column(UtcDateTime(), primary_key=True)
    import_id: Mapped[int | None] = mapped_column(ForeignKey("imports.id", ondelete="CASCADE"))
    mass_kg: Mapped[float] = mapped_column(Float)
    body_fat_percent: Mapped[float | None] = mapped_column(Float)


class EventRow(Base):
    """Illness, injury or travel over a range of dates."""

    __tablename__ = "events"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    athlete_id: Mapped[str] = mapped_column(ForeignKey("athletes.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(20))
    first_day: Mapped[date] = mapped_column(Date)
    last_day: Mapped[date] = mapped_column(Date)
    note: Mapped[str | None] = mapped_column(Text)
    windows_doc: Mapped[str | None] = mapped_column(Text)
    equipment_doc: Mapped[str | None] = mapped_column(Text)

    __table_args__ = (CheckConstraint("last_day >= first_day", name="range_in_order"),)


class UserRow(Base):
    """A person who logs in: an athlete, a coach, or both; the e-mail is stored case-folded."""

    __tablename__ = "users"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    email: Mapped[str] = mapped_column(String(254), unique=True)
    password_hash: Mapped[str] = mapped_column(String(255))
    created_at: Mapped[datetime] = mapped_column(UtcDateTime())


class AthleteOwnerRow(Base):
    """Which user owns an athlete (one owner per athlete; a user may own several)."""

    __tablename__ = "athlete_owners"

    athlete_id: Mapped[str] = mapped_column(
        ForeignKey("athletes.id", ondelete="CASCADE"), primary_key=True
    )
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)


class CoachLinkRow(Base):
    """An athlete's invitation of a coach by e-mail; the coach sees the athlete while it stands.

    The invitation names an e-mail address, not an account: it counts from the moment
    an account with that address exists, so a coach may sign up after being invited.
    """

    __tablename__ = "coach_links"

    athlete_id: Mapped[str] = mapped_column(
        ForeignKey("athletes.id", ondelete="CASCADE"), primary_key=True
    )
    coach_email: Mapped[str] = mapped_column(String(254), primary_key=True, index=True)
    invited_at: Mapped[datetime] = mapped_column(UtcDateTime())
    revoked_at: Mapped[datetime | None] = mapped_column(UtcDateTime())


class CalendarTokenRow(Base):
    """A private calendar subscription: the SHA-256 of its secret, never the secret itself."""

    __tablename__ = "calendar_tokens"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    athlete_id: Mapped[str] = mapped_column(ForeignKey("athletes.id", ondelete="CASCADE"))
    token_sha256: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime())
    revoked_at: Mapped[datetime | None] = mapped_column(UtcDateTime())

    # One subscription stands per athlete: a second active row cannot be stored.
    __table_args__ = (
        Index(
            "ix_calendar_tokens_one_active",
            "athlete_id",
            unique=True,
            sqlite_where=text("revoked_at IS NULL"),
            postgresql_where=text("revoked_at IS NULL"),
        ),
    )


class LoginAttemptRow(Base):
    """One login attempt, kept a day for the rate limits every worker and host shares."""

    __tablename__ = "login_attempts"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    email: Mapped[str] = mapped_column(String(254))
    client: Mapped[str] = mapped_column(String(64))
    succeeded: Mapped[bool] = mapped_column(Boolean)
    at: Mapped[datetime] = mapped_column(UtcDateTime())

    __table_args__ = (
        Index("ix_login_attempts_email_at", "email", "at"),
        Index("ix_login_attempts_client_at", "client", "at"),
    )


__all__ = [
    "ActivityRow",
    "AthleteOwnerRow",
    "AthleteRow",
    "Base",
    "BodyMassRow",
    "CalendarTokenRow",
    "CheckInRow",
    "CoachLinkRow",
    "EventRow",
    "ImportRow",
    "LoginAttemptRow",
    "PlanVersionRow",
    "SessionMarkRow",
    "SetRow",
    "UserRow",
    "UtcDateTime",
]
