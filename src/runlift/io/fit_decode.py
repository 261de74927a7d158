"""FIT bytes decoded with fitdecode into the few messages the readers use.

fitdecode reads headers (several chained FIT files in one stream too), definition
and data messages, and checksums. This module decides what is damaged and what is
tolerated, and turns every failure into one :class:`~runlift.errors.ImportFormatError`:

Refused, as damaged:
    a header or file checksum (CRC) that does not match: the bytes changed after
    the device wrote them, and FIT cannot say which ones, so no figure of the file
    can be trusted; a file that ends before its header's length or inside a
    message (truncated); a data message whose local type was never defined; bytes
    where a chained file's header should be; anything else fitdecode cannot read.
Tolerated, as Garmin's own decoder tolerates it:
    a field whose size does not fit its type, and developer fields whose
    description is missing. fitdecode reads such fields as raw bytes, and runlift
    reads no field of that kind: the values it uses are checked for their type.

Only the messages the readers need are kept, as dictionaries of the profile's
field names (developer fields left out, so a developer field named like a profile
field cannot stand in for it); of the many ``record`` messages, only the time,
heart rate and distance.
"""

from __future__ import annotations

import io
import re
import struct
from dataclasses import dataclass, field
from typing import Final

import fitdecode
from fitdecode.types import DevField

from runlift.io.activity_input import refuse

FIT_FORMAT: Final = "FIT"

MESSAGE_FILE_ID: Final = 0
MESSAGE_SPORT: Final = 12
MESSAGE_SESSION: Final = 18
MESSAGE_LAP: Final = 19
MESSAGE_RECORD: Final = 20
MESSAGE_WEIGHT_SCALE: Final = 30
MESSAGE_ACTIVITY: Final = 34
MESSAGE_SET: Final = 225
"""Global message numbers of the FIT profile."""

KEPT_MESSAGES: Final = frozenset(
    {
        MESSAGE_FILE_ID,
        MESSAGE_SPORT,
        MESSAGE_SESSION,
        MESSAGE_LAP,
        MESSAGE_WEIGHT_SCALE,
        MESSAGE_ACTIVITY,
        MESSAGE_SET,
    }
)

_HEADER_MIN_BYTES: Final = 12
_SIGNATURE: Final = slice(8, 12)
_NOT_FIT_RE: Final = re.compile(r"not a FIT file @ (\d+)")

FitMessage = dict[str, object]
"""One data message: profile field name -> value as fitdecode decoded it."""


@dataclass(slots=True)
class RecordSample:
    """What runlift keeps of a ``record`` message (raw values, checked by the reader)."""

    timestamp: object
    heart_rate: object
    distance: object


@dataclass(slots=True)
class FitMessages:
    """The kept messages of a FIT file, in file order.

    Attributes:
        messages: global message number -> its data messages.
        records: the ``record`` messages' time, heart rate and distance.
    """

    messages: dict[int, list[FitMessage]] = field(default_factory=dict)
    records: list[RecordSample] = field(default_factory=list)

    def of(self, number: int) -> list[FitMessage]:
        """The data messages with this global number (empty when there are none)."""
        return self.messages.get(number, [])


def decode_fit(data: bytes, *, name: str) -> FitMessages:
    """Decode a FIT file's messages, refusing a damaged file (module docstring).

    Raises:
        ImportFormatError: the bytes are not a FIT file, or a damaged one.
    """
    if len(data) < _HEADER_MIN_BYTES or data[_SIGNATURE] != b".FIT":
        raise refuse(FIT_FORMAT, name, "not a FIT file (no '.FIT' signature in its header)")
    decoded = FitMessages()
    reader = fitdecode.FitReader(
        io.BytesIO(data),
        check_crc=fitdecode.CrcCheck.RAISE,
        error_handling=fitdecode.ErrorHandling.IGNORE,
    )
    try:
        with reader:
            _collect(reader, decoded)
    except fitdecode.FitEOFError:
        raise refuse(
            FIT_FORMAT,
            name,
            f"the file is truncated: it ends inside a message or before its checksum "
            f"(after {len(data)} bytes); copy it from the device again",
        ) from None
    except fitdecode.FitCRCError as error:
        where = "header" if "header" in str(error) else "contents"
        raise refuse(
            FIT_FORMAT,
            name,
            f"the file is damaged: the checksum (CRC) of its {where} does not match, "
            "so its bytes changed after the device wrote them",
        ) from None
    except fitdecode.FitHeaderError as error:
        raise refuse(FIT_FORMAT, name, _header_problem(str(error))) from None
    except fitdecode.FitParseError as error:
        raise refuse(FIT_FORMAT, name, _parse_problem(error)) from None
    except (
        fitdecode.FitError,
        struct.error,
        AssertionError,
        ArithmeticError,
        LookupError,
        TypeError,
        ValueError,
    ):
        # fitdecode has no error of its own for some damage (a message that runs past
        # the body length trips an assertion, odd sizes a struct error): all of it
        # means the same to the athlete.
        raise refuse(
            FIT_FORMAT, name, "the file is damaged: its bytes do not follow the FIT protocol"
        ) from None
    return decoded


def _collect(reader: fitdecode.FitReader, decoded: FitMessages) -> None:
    records = decoded.records
    messages = decoded.messages
    for frame in reader:
        if frame.frame_type != fitdecode.FIT_FRAME_DATA:
            continue
        number = frame.global_mesg_num
        if number == MESSAGE_RECORD:
            timestamp = heart_rate = distance = None
            for field_data in frame.fields:
                field_name = field_data.name
                if field_name == "timestamp":
                    timestamp = field_data.value
                elif field_name == "heart_rate" and not isinstance(field_data.field, DevField):
                    heart_rate = field_data.value
                elif field_name == "distance" and not isinstance(field_data.field, DevField):
                    distance = field_data.value
            records.append(RecordSample(timestamp, heart_rate, distance))
        elif number in KEPT_MESSAGES:
            values: FitMessage = {}
            for field_data in frame.fields:
                if field_data.field is not None and not isinstance(field_data.field, DevField):
                    values[field_data.name] = field_data.value
            messages.setdefault(number, []).append(values)


def _header_problem(text: str) -> str:
    found = _NOT_FIT_RE.search(text)
    if found is not None and found.group(1) != "0":
        return (
            f"the file is damaged: the bytes at {found.group(1)}, after its first part, "
            "are not the header of a further FIT part"
        )
    if found is not None or "unsupported" in text:
        return "not a FIT file (its header is not a FIT header)"
    return "the file is truncated inside a FIT header; copy it from the device again"


def _parse_problem(error: fitdecode.FitParseError) -> str:
    text = str(error)
    if "not defined" in text and "local message" in text:
        return (
            f"the file is damaged at byte {error.offset}: a message uses a local type "
            "that no definition declared"
        )
    return f"the file is damaged at byte {error.offset}: it breaks the FIT protocol"
