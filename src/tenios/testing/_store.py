"""The emulated account: callback configurations, agents and skills, not-ready reasons, calls and
callbacks. Plain data; the emulator's lock guards it."""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Optional

from ._account import Account
from ._lifecycle import CallbackTimings, status_after

__all__ = [
    "DEMO_ACCESS_KEY",
    "DEMO_AGENT_EMAIL",
    "DEMO_CALLBACK_CONFIG_ID",
    "DEMO_CALL_UUID",
    "DEMO_NOT_READY_REASON",
    "DEMO_SKILLS",
    "Agent",
    "Call",
    "Callback",
    "Store",
]

DEMO_ACCESS_KEY = "test-access-key"
"""The access key an ``Emulator()`` accepts unless told otherwise."""
DEMO_CALLBACK_CONFIG_ID = "demo-callback-config"
"""A callback configuration every emulator starts with."""
DEMO_AGENT_EMAIL = "agent@test.com"
"""An agent every emulator starts with: READY, SIP, the seed page's skills."""
DEMO_NOT_READY_REASON = "COF"
"""A not-ready reason every emulator starts with."""
DEMO_CALL_UUID = "3f2504e0-4f89-41d3-9a0c-0305e82c3301"
"""An active, connected, interruptible call every emulator starts with."""
DEMO_SKILLS = ("English", "German", "Sales", "Support", "Spanish", "Customer Service", "Accounting")
"""The account's skills every emulator starts with (as on the ACD vendor page)."""
_DEMO_AGENT_HAS = ("German", "Support", "Customer Service")


@dataclass
class Agent:
    """An ACD agent (a Cloud-PBX user) of the emulated account.

    ``skills`` holds the names of the account's skills this agent has.
    """

    email: str
    state: str = "READY"
    not_ready_reason: Optional[str] = None
    cloud_acd_enabled: bool = True
    sip_enabled: bool = True
    external_number_enabled: bool = False
    external_number: Optional[str] = None
    current_destination: str = "SIP"
    skills: set[str] = field(default_factory=set[str])


@dataclass
class Call:
    """An active call. ``transfers``, ``interruptions``, ``refers``, ``recordings`` (uuid: still
    running) and ``listeners`` (supervisor destinations) record what the API did to it."""

    call_uuid: str
    interruptible: bool = True
    connected: bool = True
    transfers: list[tuple[str, str]] = field(default_factory=list[tuple[str, str]])
    interruptions: int = 0
    refers: list[str] = field(default_factory=list[str])
    recordings: dict[str, bool] = field(default_factory=dict[str, bool])
    listeners: list[str] = field(default_factory=list[str])


@dataclass
class Callback:
    """A callback placed with ``/callback/init``; its status follows from the clock."""

    id: int
    callback_config_id: str
    callback_number: str
    delay: int
    requested_at: float
    agent_announcement: Optional[str] = None
    dtmf_key_to_trigger_customer_call: Optional[str] = None
    failure: Optional[str] = None


@dataclass
class Store:
    """Everything the emulated API knows about the account."""

    timings: CallbackTimings = field(default_factory=CallbackTimings)
    callback_config_ids: set[str] = field(default_factory=set[str])
    not_ready_reasons: set[str] = field(default_factory=set[str])
    skills: list[str] = field(default_factory=list[str])
    agents: dict[str, Agent] = field(default_factory=dict[str, Agent])
    calls: dict[str, Call] = field(default_factory=dict[str, Call])
    callbacks: dict[int, Callback] = field(default_factory=dict[int, Callback])
    scripted_failures: deque[str] = field(default_factory=deque[str])
    last_callback_id: int = 0
    account: Account = field(default_factory=Account)
    """Makecalls, recordings' owners, wrap-up, Cloud-PBX users, CDRs, verifications, numbers."""

    def seed_demo_data(self) -> None:
        """Add the demo configuration, agent, not-ready reason and call."""
        self.callback_config_ids.add(DEMO_CALLBACK_CONFIG_ID)
        self.not_ready_reasons.add(DEMO_NOT_READY_REASON)
        self.add_skills(DEMO_SKILLS)
        self.agents[DEMO_AGENT_EMAIL] = Agent(
            DEMO_AGENT_EMAIL,
            external_number_enabled=True,
            external_number="+4922155400300",
            skills=set(_DEMO_AGENT_HAS),
        )
        self.calls[DEMO_CALL_UUID] = Call(DEMO_CALL_UUID)
        self.account.seed_demo_data()

    def add_skills(self, names: Iterable[str]) -> None:
        """Add skills to the account (in order; names it has already are skipped)."""
        for name in names:
            if name not in self.skills:
                self.skills.append(name)

    def new_callback(
        self,
        *,
        callback_config_id: str,
        callback_number: str,
        delay: int,
        requested_at: float,
        agent_announcement: Optional[str] = None,
        dtmf_key_to_trigger_customer_call: Optional[str] = None,
    ) -> Callback:
        """Record a callback requested at ``requested_at``; the next scripted failure is its fate."""
        self.last_callback_id += 1
        callback = Callback(
            id=self.last_callback_id,
            callback_config_id=callback_config_id,
            callback_number=callback_number,
            delay=delay,
            requested_at=requested_at,
            agent_announcement=agent_announcement,
            dtmf_key_to_trigger_customer_call=dtmf_key_to_trigger_customer_call,
            failure=self.scripted_failures.popleft() if self.scripted_failures else None,
        )
        self.callbacks[callback.id] = callback
        return callback

    def callback_status(self, callback: Callback, now: float) -> str:
        """The status of ``callback`` at ``now`` on the emulator's clock."""
        return status_after(
            now - callback.requested_at, callback.delay, callback.failure, self.timings
        )
