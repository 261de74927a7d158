"""Lossless JSON for runlift's domain objects: what the store keeps of a plan and a profile.

``plan.json`` is written for people and other tools: it rounds numbers and leaves
out what only the planner needs. The store must give back *exactly* the objects it
was given, so that a stored plan version exports to the same bytes as the plan
``runlift plan`` wrote. This codec walks the frozen dataclasses by their type
hints and writes every field: floats through JSON's shortest round-tripping
form, dates and times in ISO 8601, time zones by their IANA key, enums by value,
tuples and frozensets as lists (frozensets sorted, so equal sets give equal
text), mappings as lists of ``[key, value]`` pairs. A field whose type is a
union of dataclasses carries the class's name under ``"type"``.

``dumps(obj)`` and ``loads(cls, text)`` are inverses: ``loads(type(x), dumps(x)) == x``
for every supported object, and equal objects give equal text.
"""

from __future__ import annotations

import dataclasses
import enum
import functools
import json
import types
import typing
from collections.abc import Callable, Mapping
from datetime import UTC, date, datetime, time, timedelta, timezone
from typing import Any, TypeVar, cast
from zoneinfo import ZoneInfo

from runlift.errors import ImportFormatError

T = TypeVar("T")

_FORMAT = "runlift domain json"


def dumps(obj: object) -> str:
    """``obj`` (a domain dataclass) as compact, deterministic JSON text."""
    return json.dumps(_encode(obj, type(obj)), ensure_ascii=False, separators=(",", ":"))


def loads(cls: type[T], text: str) -> T:
    """The ``cls`` object that ``dumps`` wrote as ``text``.

    Raises:
        ImportFormatError: the text is not JSON, or not a ``cls`` as this codec writes it.
    """
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ImportFormatError(_FORMAT, f"not JSON (line {exc.lineno}: {exc.msg})") from None
    try:
        return cast(T, _decode(data, cls))
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise ImportFormatError(_FORMAT, f"not a stored {cls.__name__}: {exc}") from None


@functools.cache
def _hints(cls: type) -> tuple[tuple[str, Any], ...]:
    hints = typing.get_type_hints(cls)
    return tuple((f.name, hints[f.name]) for f in dataclasses.fields(cls) if f.init)


def _is_union(hint: Any) -> bool:
    return typing.get_origin(hint) in (typing.Union, types.UnionType)


def _supertype(hint: Any) -> Any:
    """The type a ``NewType`` stands for (``SessionId`` is a ``str``)."""
    while hasattr(hint, "__supertype__"):
        hint = hint.__supertype__
    return hint


def _zone_text(zone: object) -> str:
    if isinstance(zone, ZoneInfo):
        return zone.key
    if isinstance(zone, timezone):
        offset = zone.utcoffset(None)
        return "UTC" if offset == timedelta(0) else f"{offset.total_seconds():+g}"
    raise TypeError(f"cannot store the time zone {zone!r}")


def _zone(text: str) -> timezone | ZoneInfo:
    if text == "UTC":
        return UTC
    if text[0] in "+-":
        return timezone(timedelta(seconds=float(text)))
    return ZoneInfo(text)


def _encode(value: Any, hint: Any) -> Any:
    hint = _supertype(hint)
    if value is None:
        return None
    if _is_union(hint):
        members = [h for h in typing.get_args(hint) if h is not type(None)]
        if len(members) == 1:
            return _encode(value, members[0])
        if dataclasses.is_dataclass(value):
            return {"type": type(value).__name__, **_encode(value, type(value))}
        return _encode(value, type(value))
    origin = typing.get_origin(hint) or hint
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        cls: type = type(value)
        return {name: _encode(getattr(value, name), h) for name, h in _hints(cls)}
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, datetime):
        if value.tzinfo is None:
            return [value.isoformat(), None]
        return [value.replace(tzinfo=None).isoformat(), _zone_text(value.tzinfo), value.fold]
    if isinstance(value, (date, time)):
        return value.isoformat()
    if isinstance(value, timedelta):
        return value.total_seconds()
    if origin in (Mapping, dict) or isinstance(value, Mapping):
        key_hint, value_hint = typing.get_args(hint) or (Any, Any)
        return [[_encode(k, key_hint), _encode(v, value_hint)] for k, v in value.items()]
    if isinstance(value, (frozenset, set)):
        (item_hint,) = typing.get_args(hint) or (Any,)
        return sorted((_encode(v, item_hint) for v in value), key=json.dumps)
    if isinstance(value, (tuple, list)):
        args = typing.get_args(hint)
        if len(args) == 2 and args[1] is Ellipsis:
            return [_encode(v, args[0]) for v in value]
        if args:
            return [_encode(v, h) for v, h in zip(value, args, strict=True)]
        return [_encode(v, type(v)) for v in value]
    if isinstance(value, (bool, int, float, str)):
        return value
    raise TypeError(f"cannot store a {type(value).__name__}")


Decoder = Callable[[Any], Any]


def _decode(data: Any, hint: Any) -> Any:
    return _decoder(hint)(data)


def _optional(inner: Decoder) -> Decoder:
    return lambda data: None if data is None else inner(data)


def _union_decoder(hint: Any) -> Decoder:
    members = [h for h in typing.get_args(hint) if h is not type(None)]
    if len(members) == 1:
        return _decoder(members[0])
    classes = {m.__name__: _decoder(m) for m in members if _is_dataclass_type(m)}
    plain = [_decoder(m) for m in members if not _is_dataclass_type(m)]

    def decode(data: Any) -> Any:
        if isinstance(data, dict) and "type" in data:
            return classes[data["type"]]({k: v for k, v in data.items() if k != "type"})
        for member in plain:
            try:
                return member(data)
            except (TypeError, ValueError):
                continue
        raise ValueError(f"{data!r} matches none of {hint}")

    return decode


def _is_dataclass_type(hint: Any) -> bool:
    return isinstance(hint, type) and dataclasses.is_dataclass(hint)


def _dataclass_decoder(cls: type) -> Decoder:
    fields = {name: _decoder(h) for name, h in _hints(cls)}

    def decode(data: Any) -> Any:
        unknown = data.keys() - fields.keys()
        if unknown:
            raise ValueError(f"unknown fields {sorted(unknown)} of {cls.__name__}")
        return cls(**{name: fields[name](value) for name, value in data.items()})

    return decode


def _datetime(data: Any) -> datetime:
    text, zone, *fold = data
    moment = datetime.fromisoformat(text)
    if zone is None:
        return moment
    return moment.replace(tzinfo=_zone(zone), fold=fold[0] if fold else 0)


def _number(data: Any) -> Any:
    if isinstance(data, bool) or not isinstance(data, (int, float)):
        raise TypeError(f"{data!r} is not a number")
    # An int kept in a float field stays an int: the codec is lossless, not tidy.
    return data


def _exactly(kind: type) -> Decoder:
    def decode(data: Any) -> Any:
        if type(data) is not kind:
            raise TypeError(f"{data!r} is not a {kind.__name__}")
        return data

    return decode


@functools.cache
def _decoder(hint: Any) -> Decoder:
    """A function that reads values of ``hint``, built once per type (None reads as None)."""
    hint = _supertype(hint)
    if _is_union(hint):
        return _optional(_union_decoder(hint))
    origin = typing.get_origin(hint) or hint
    args = typing.get_args(hint)
    if _is_dataclass_type(origin):
        return _optional(_dataclass_decoder(origin))
    if isinstance(origin, type) and issubclass(origin, enum.Enum):
        return _optional(origin)
    simple: dict[Any, Decoder] = {
        datetime: _datetime,
        date: date.fromisoformat,
        time: time.fromisoformat,
        timedelta: lambda data: timedelta(seconds=data),
        float: _number,
        int: _exactly(int),
        str: _exactly(str),
        bool: _exactly(bool),
        Any: lambda data: data,
        object: lambda data: data,
    }
    if origin in simple:
        return _optional(simple[origin])
    if origin in (Mapping, dict, typing.Mapping):
        keys, values = _decoder(args[0]), _decoder(args[1])
        return _optional(lambda data: {keys(k): values(v) for k, v in data})
    if origin in (frozenset, set):
        items = _decoder(args[0])
        return _optional(lambda data: frozenset(items(v) for v in data))
    if origin is tuple:
        if len(args) == 2 and args[1] is Ellipsis:
            each = _decoder(args[0])
            return _optional(lambda data: tuple(each(v) for v in data))
        parts = [_decoder(h) for h in args]
        return _optional(lambda data: tuple(part(v) for v, part in zip(data, parts, strict=True)))
    raise TypeError(f"cannot read a {hint}")
