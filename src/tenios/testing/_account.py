"""The rest of the emulated account: makecalls, recordings, wrap-up, Cloud-PBX users, CDRs,
address verifications and phone numbers. Plain data; the emulator's lock guards it."""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from decimal import Decimal
from typing import Any, Callable, Optional

from ._lifecycle import CallbackTimings, status_after, timeline

__all__ = [
    "DEMO_CDRS_COUNT",
    "DEMO_CDRS_FROM",
    "DEMO_CDRS_TO",
    "DEMO_PBX_USERS",
    "DEMO_PHONE_NUMBER",
    "DEMO_SUPERVISOR_KEY",
    "DEMO_TENIOS_NUMBER",
    "DEMO_VERIFICATION_ID",
    "Account",
    "Forward",
    "Makecall",
    "Verification",
    "demo_cdrs",
    "inbound_call_legs",
    "legs_of",
    "makecall_status_at",
]

DEMO_TENIOS_NUMBER = "+4922112345670"
"""A service number of every emulated account: valid as ``tenios_number`` of a makecall."""
DEMO_PHONE_NUMBER = "+4922112345671"
"""Another number of every emulated account, free to be cancelled with ``numbers.cancel``."""
DEMO_SUPERVISOR_KEY = "test-supervisor-key"
"""The supervisor key every emulated account accepts for listening in."""
DEMO_VERIFICATION_ID = "5b0e3f5c-2f1e-4d5b-9c33-6a1e2f0d9a11"
"""An approved address verification every emulated account has: numbers can be ordered with it."""
DEMO_CDRS_FROM = datetime(2026, 11, 2, tzinfo=timezone.utc)
"""The start of the demo day whose CDRs every emulated account holds."""
DEMO_CDRS_TO = DEMO_CDRS_FROM + timedelta(days=1)
"""The end of the demo day."""
DEMO_CDRS_COUNT = 144
"""How many CDRs the demo day holds (72 calls of two legs, one every 20 minutes)."""
DEMO_PBX_USERS = (
    ("+49221123456701", "Anna", "Schmidt", "101", "anna.schmidt@example.com"),
    ("+49221123456702", "Ben", "Meyer", "102", "ben.meyer@example.com"),
    ("+49221123456703", "Carla", "Weber", "", "carla.weber@example.com"),
)
"""The Cloud-PBX users of every emulated account: user name, first and last name, extension, e-mail."""

RATE_PER_MINUTE = Decimal("0.0150")
"""What the emulator charges a started minute of a forwarded leg, in EUR."""
NUMBERS_BEGIN = 4922112345700
"""Numbers the emulator hands out for orders count up from here (digits after ``+``)."""


@dataclass
class Makecall:
    """A call placed with ``/makecall/init``; its status follows from the clock like a callback's.

    ``call_uuid`` is the leg to ``destination_number`` (called first), ``bleg_uuid`` the leg to
    ``tenios_number``; both are the uuids of its CDR legs. ``routing_state`` is ``None`` when the
    TENIOS number has no routing plan, else ``"WAITING"`` (until bridged), ``"RUNNING"``,
    ``"DONE"`` or ``"NEVER_BRIDGED"`` (the makecall failed first).
    """

    id: int
    destination_number: str
    tenios_number: str
    requested_at: float
    call_uuid: str
    bleg_uuid: str
    caller_id: Optional[str] = None
    callstate_info_url: Optional[str] = None
    failure: Optional[str] = None
    routing_state: Optional[str] = None
    routing_ended_at: Optional[float] = None
    """When the routing plan finished, on the emulator's clock."""

    @property
    def routing_pending(self) -> bool:
        """Whether the TENIOS number's routing plan has yet to run or is running."""
        return self.routing_state in ("WAITING", "RUNNING")


def makecall_status_at(makecall: Makecall, now: float, timings: CallbackTimings) -> str:
    """A makecall's status at ``now``: a callback's, held at CONNECTED while the TENIOS number's
    routing plan has not finished (the call lasts as long as its routing plan)."""
    status = status_after(now - makecall.requested_at, 0, makecall.failure, timings)
    if status == "DISCONNECTED" and makecall.routing_pending:
        return "CONNECTED"
    return status


@dataclass
class Verification:
    """An address verification: ``PENDING`` until a test approves or rejects it."""

    id: str
    area_code: str
    document_type: str
    document_bytes: int
    status: str = "PENDING"


@dataclass
class Account:
    """What the rest of the API knows about the account, beside the first five areas' store."""

    epoch: datetime = field(default_factory=lambda: datetime.now(timezone.utc))
    """The wall time at which the emulator's clock read 0 (CDR stamps are counted from it)."""
    supervisor_key: Optional[str] = None
    blacklisted_destinations: set[str] = field(default_factory=set[str])
    phone_numbers: set[str] = field(default_factory=set[str])
    makecalls: dict[int, Makecall] = field(default_factory=dict[int, Makecall])
    last_makecall_id: int = 0
    pbx_users: list[dict[str, Any]] = field(default_factory=list[dict[str, Any]])
    cdrs: list[dict[str, Any]] = field(default_factory=list[dict[str, Any]])
    """Recorded CDRs, sorted by start time; legs of the emulator's own calls are added on reading."""
    cdr_starts: list[datetime] = field(default_factory=list[datetime])
    """The start time of each CDR in ``cdrs``, for finding a period by bisection."""
    verifications: dict[str, Verification] = field(default_factory=dict[str, Verification])
    orders: int = 0
    wrap_up_until: dict[str, float] = field(default_factory=dict[str, float])
    """The clock time each agent's wrap-up ends, by e-mail."""
    route: Optional[Callable[[Makecall], None]] = None
    """Told of every new makecall, to run its TENIOS number's routing plan (the emulator's)."""

    def seed_demo_data(self) -> None:
        """Add the demo numbers, supervisor key, verification, Cloud-PBX users and CDRs."""
        self.supervisor_key = DEMO_SUPERVISOR_KEY
        self.phone_numbers.update({DEMO_TENIOS_NUMBER, DEMO_PHONE_NUMBER})
        self.verifications[DEMO_VERIFICATION_ID] = Verification(
            DEMO_VERIFICATION_ID, "221", "ALLOCATION_NOTICE", 0, status="APPROVED"
        )
        for user_name, first, last, extension, email in DEMO_PBX_USERS:
            self.pbx_users.append(
                {
                    "user_name": user_name,
                    "first_name": first,
                    "last_name": last,
                    "internal_extension": extension,
                    "outbound_allowed": True,
                    "sip_login_enabled": extension != "",
                    "call_history_enabled": True,
                    "email": email,
                }
            )
        self.add_cdrs(demo_cdrs())

    def add_cdrs(self, cdrs: list[dict[str, Any]]) -> None:
        """Record CDRs (wire form, each with a ``start_stamp``)."""
        new = sorted(((_parse(cdr["start_stamp"]), cdr) for cdr in cdrs), key=lambda p: p[0])
        if new and (not self.cdr_starts or new[0][0] >= self.cdr_starts[-1]):
            self.cdr_starts += [start for start, _ in new]  # a call that just ended: the latest
            self.cdrs += [cdr for _, cdr in new]
            return
        pairs = [*zip(self.cdr_starts, self.cdrs), *new]
        pairs.sort(key=lambda pair: pair[0])
        self.cdr_starts = [start for start, _ in pairs]
        self.cdrs = [cdr for _, cdr in pairs]

    def cdrs_between(
        self, start: datetime, end: datetime, extra: list[dict[str, Any]]
    ) -> list[dict[str, Any]]:
        """The CDRs whose call started from ``start`` to ``end`` (inclusive), by start time."""
        low = bisect.bisect_left(self.cdr_starts, start)
        high = bisect.bisect_right(self.cdr_starts, end)
        found = self.cdrs[low:high]
        more = [cdr for cdr in extra if start <= _parse(cdr["start_stamp"]) <= end]
        if more:
            found = sorted(found + more, key=lambda cdr: _parse(cdr["start_stamp"]))
        return found

    def wall_time(self, clock_seconds: float) -> datetime:
        """The wall time of a moment on the emulator's clock."""
        return self.epoch + timedelta(seconds=clock_seconds)

    def clock_time(self, wall: datetime) -> float:
        """The emulator's clock reading at a wall time."""
        return (wall - self.epoch).total_seconds()


def _parse(stamp: str) -> datetime:
    return datetime.fromisoformat(stamp.replace("Z", "+00:00"))


def _stamp(moment: datetime) -> str:
    return (
        moment.astimezone(timezone.utc).replace(tzinfo=None).isoformat(timespec="milliseconds")
        + "Z"
    )


def _leg(
    uuid: str,
    *,
    call_type: str,
    main_leg_uuid: Optional[str],
    bleg_uuid: Optional[str],
    caller: str,
    destination: str,
    start: datetime,
    answer: Optional[datetime],
    end: datetime,
    hangup_cause: str,
    charged: bool,
) -> dict[str, Any]:
    talk = (end - answer).total_seconds() if answer is not None else 0.0
    minutes = int(-(-talk // 60))
    cost = RATE_PER_MINUTE * minutes if charged else Decimal("0")
    return {
        "uuid": uuid,
        "call_type": call_type,
        "main_leg_uuid": main_leg_uuid,
        "bleg_uuid": bleg_uuid,
        "callerid_name": None,
        "callerid_number": caller,
        "destination_number": destination,
        "start_stamp": _stamp(start),
        "answer_stamp": None if answer is None else _stamp(answer),
        "end_stamp": _stamp(end),
        "duration": round((end - start).total_seconds(), 3),
        "billusec": int(talk * 1_000_000),
        "hangup_cause": hangup_cause,
        "prepaid": False,
        "cost": float(cost),
    }


def legs_of(
    uuids: tuple[str, str],
    *,
    caller: str,
    first: str,
    second: str,
    requested: datetime,
    delay: float,
    failure: Optional[str],
    timings: CallbackTimings,
    now: datetime,
    ended_at: Optional[datetime] = None,
) -> list[dict[str, Any]]:
    """The two CDR legs (uuids ``uuids``) of a finished callback or makecall, none while it runs.

    ``first`` is called first (the agent of a callback, the destination of a makecall) and
    ``second`` is bridged to it; both legs are forwards, charged by started minute. ``ended_at``
    is when the call ended if later than its timeline says (a makecall's routing plan ran longer).
    """
    steps = timeline(delay, failure, timings)
    end = requested + timedelta(seconds=steps[-1][0])
    if ended_at is not None and failure is None:
        end = max(end, ended_at)
    if end > now:
        return []
    at = {status: requested + timedelta(seconds=second_) for second_, status in steps}
    a_uuid, b_uuid = uuids
    a_answer = at.get("CALLING_B")
    b_answer = at.get("CONNECTED")
    legs = [
        _leg(
            a_uuid,
            call_type="FORWARD",
            main_leg_uuid=None,
            bleg_uuid=b_uuid if failure is None else None,
            caller=caller,
            destination=first,
            start=at["CALLING_A"],
            answer=a_answer,
            end=end,
            hangup_cause="NORMAL_CLEARING" if a_answer else "NO_ANSWER",
            charged=True,
        )
    ]
    if "CALLING_B" in at:
        legs.append(
            _leg(
                b_uuid,
                call_type="FORWARD",
                main_leg_uuid=a_uuid,
                bleg_uuid=a_uuid if b_answer else None,
                caller=caller,
                destination=second,
                start=at["CALLING_B"],
                answer=b_answer,
                end=end,
                hangup_cause="NORMAL_CLEARING" if b_answer else "USER_BUSY",
                charged=True,
            )
        )
    return legs


@dataclass(frozen=True)
class Forward:
    """The forward of an inbound call: its leg's uuid, where it went, when it rang and was
    answered."""

    uuid: str
    destination: str
    start: datetime
    answer: Optional[datetime]


def inbound_call_legs(
    call_uuid: str,
    *,
    caller: str,
    destination: str,
    start: datetime,
    end: datetime,
    forward: Optional[Forward] = None,
) -> list[dict[str, Any]]:
    """The CDR legs of an inbound call to ``destination`` (answered by TENIOS at ``start``, not
    charged) and of its forward, if any (charged by started minute)."""
    legs = [
        _leg(
            call_uuid,
            call_type="INBOUND",
            main_leg_uuid=None,
            bleg_uuid=None if forward is None else forward.uuid,
            caller=caller,
            destination=destination,
            start=start,
            answer=start,
            end=end,
            hangup_cause="NORMAL_CLEARING",
            charged=False,
        )
    ]
    if forward is not None:
        legs.append(
            _leg(
                forward.uuid,
                call_type="FORWARD",
                main_leg_uuid=call_uuid,
                bleg_uuid=call_uuid if forward.answer is not None else None,
                caller=caller,
                destination=forward.destination,
                start=forward.start,
                answer=forward.answer,
                end=end,
                hangup_cause="NORMAL_CLEARING" if forward.answer is not None else "NO_ANSWER",
                charged=True,
            )
        )
    return legs


def demo_cdrs(
    count: int = DEMO_CDRS_COUNT // 2, start: datetime = DEMO_CDRS_FROM, spacing: float = 1200.0
) -> list[dict[str, Any]]:
    """``count`` inbound calls forwarded to an agent, one every ``spacing`` seconds from
    ``start``: two CDR legs each (an INBOUND leg and its FORWARD)."""
    cdrs: list[dict[str, Any]] = []
    for index in range(count):
        begin = start + timedelta(seconds=index * spacing)
        answer = begin + timedelta(seconds=4)
        cdrs += inbound_call_legs(
            f"demo-{index:06d}-in",
            caller=f"+49170{1000000 + index:07d}",
            destination=DEMO_TENIOS_NUMBER,
            start=begin,
            end=answer + timedelta(seconds=30 + (index * 37) % 300),
            forward=Forward(
                f"demo-{index:06d}-fw",
                "+4922155400300",
                begin + timedelta(seconds=1),
                answer,
            ),
        )
    return cdrs
