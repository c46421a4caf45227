"""``tenios.testing``: a local emulator of the TENIOS API for tests, demos and notebooks.

```python
from tenios.testing import Emulator, ManualClock

emulator = Emulator(clock=ManualClock())
client = emulator.client()                 # in-process, no sockets
callback = client.callback.init(
    callback_config_id=tenios.testing.DEMO_CALLBACK_CONFIG_ID,
    callback_number="+491234567890",
    delay=0,
)
emulator.advance(20)
assert client.callback.status(callback.id).status == "DISCONNECTED"

with emulator.serve() as base_url:         # the same API over loopback HTTP/1.1
    ...
```

Also a pytest plugin (fixtures ``tenios_emulator`` and ``tenios_client``) and
``python -m tenios.testing --port 8080``. See ``docs/testing.md``.

Names are loaded on first use, so importing this package (as pytest does for the plugin) is cheap.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ._account import (
        DEMO_CDRS_COUNT as DEMO_CDRS_COUNT,
        DEMO_CDRS_FROM as DEMO_CDRS_FROM,
        DEMO_CDRS_TO as DEMO_CDRS_TO,
        DEMO_PHONE_NUMBER as DEMO_PHONE_NUMBER,
        DEMO_SUPERVISOR_KEY as DEMO_SUPERVISOR_KEY,
        DEMO_TENIOS_NUMBER as DEMO_TENIOS_NUMBER,
        DEMO_VERIFICATION_ID as DEMO_VERIFICATION_ID,
        Makecall as Makecall,
        Verification as Verification,
    )
    from ._block_check import CallControlProblem as CallControlProblem
    from ._clock import Clock as Clock, ManualClock as ManualClock, ScaledClock as ScaledClock
    from ._emulator import Emulator as Emulator
    from ._journal import REDACTED as REDACTED, JournalEntry as JournalEntry
    from ._lifecycle import CallbackTimings as CallbackTimings
    from ._lookup import EmulatorLookupError as EmulatorLookupError
    from ._routing import RoutedCall as RoutedCall
    from ._simulate import (
        CallControlLoop as CallControlLoop,
        CallControlRun as CallControlRun,
        SimulatedCall as SimulatedCall,
        WebhookDelivery as WebhookDelivery,
    )
    from ._simulated_calls import (
        SIMULATED_CALLER as SIMULATED_CALLER,
        SIMULATED_DESTINATION as SIMULATED_DESTINATION,
    )
    from ._store import (
        DEMO_ACCESS_KEY as DEMO_ACCESS_KEY,
        DEMO_AGENT_EMAIL as DEMO_AGENT_EMAIL,
        DEMO_CALL_UUID as DEMO_CALL_UUID,
        DEMO_CALLBACK_CONFIG_ID as DEMO_CALLBACK_CONFIG_ID,
        DEMO_NOT_READY_REASON as DEMO_NOT_READY_REASON,
        DEMO_SKILLS as DEMO_SKILLS,
        Agent as Agent,
        Call as Call,
        Callback as Callback,
    )

# Where each public name lives.
_LAZY: dict[str, str] = {
    "Clock": "._clock",
    "ManualClock": "._clock",
    "ScaledClock": "._clock",
    "Emulator": "._emulator",
    "SIMULATED_CALLER": "._simulated_calls",
    "SIMULATED_DESTINATION": "._simulated_calls",
    "REDACTED": "._journal",
    "JournalEntry": "._journal",
    "CallbackTimings": "._lifecycle",
    "CallControlProblem": "._block_check",
    "EmulatorLookupError": "._lookup",
    "RoutedCall": "._routing",
    "DEMO_CDRS_COUNT": "._account",
    "DEMO_CDRS_FROM": "._account",
    "DEMO_CDRS_TO": "._account",
    "DEMO_PHONE_NUMBER": "._account",
    "DEMO_SUPERVISOR_KEY": "._account",
    "DEMO_TENIOS_NUMBER": "._account",
    "DEMO_VERIFICATION_ID": "._account",
    "Makecall": "._account",
    "Verification": "._account",
    "CallControlLoop": "._simulate",
    "CallControlRun": "._simulate",
    "SimulatedCall": "._simulate",
    "WebhookDelivery": "._simulate",
    "DEMO_ACCESS_KEY": "._store",
    "DEMO_AGENT_EMAIL": "._store",
    "DEMO_CALL_UUID": "._store",
    "DEMO_CALLBACK_CONFIG_ID": "._store",
    "DEMO_NOT_READY_REASON": "._store",
    "DEMO_SKILLS": "._store",
    "Agent": "._store",
    "Call": "._store",
    "Callback": "._store",
}

__all__ = [
    "DEMO_ACCESS_KEY",
    "DEMO_AGENT_EMAIL",
    "DEMO_CALLBACK_CONFIG_ID",
    "DEMO_CALL_UUID",
    "DEMO_CDRS_COUNT",
    "DEMO_CDRS_FROM",
    "DEMO_CDRS_TO",
    "DEMO_NOT_READY_REASON",
    "DEMO_PHONE_NUMBER",
    "DEMO_SKILLS",
    "DEMO_SUPERVISOR_KEY",
    "DEMO_TENIOS_NUMBER",
    "DEMO_VERIFICATION_ID",
    "REDACTED",
    "SIMULATED_CALLER",
    "SIMULATED_DESTINATION",
    "Agent",
    "Call",
    "CallControlLoop",
    "CallControlProblem",
    "CallControlRun",
    "Callback",
    "CallbackTimings",
    "Clock",
    "Emulator",
    "EmulatorLookupError",
    "JournalEntry",
    "Makecall",
    "ManualClock",
    "RoutedCall",
    "ScaledClock",
    "SimulatedCall",
    "Verification",
    "WebhookDelivery",
]


def __getattr__(name: str) -> Any:
    if name not in _LAZY:
        raise AttributeError(f"module 'tenios.testing' has no attribute {name!r}")
    value = getattr(importlib.import_module(_LAZY[name], __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)
