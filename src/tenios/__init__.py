"""tenios: a typed Python SDK for the TENIOS voice API.

Quick start:

```python
import tenios

with tenios.TeniosClient() as client:  # key from TENIOS_ACCESS_KEY
    callback = client.callback.init(
        callback_config_id="...", callback_number="+491234567890", delay=0
    )
    print(client.callback.wait(callback.id).status)
```

The exceptions load with the package (they depend on nothing); everything else loads on first
use, so ``import tenios`` stays cheap.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from . import _exceptions
from ._exceptions import *  # noqa: F403  (the one list of error names is _exceptions.__all__)
from ._version import __version__

if TYPE_CHECKING:
    from . import (
        call_control as call_control,
        testing as testing,
        types as types,
        webhooks as webhooks,
    )
    from ._client import AsyncTeniosClient as AsyncTeniosClient, TeniosClient as TeniosClient
    from ._types import NOT_GIVEN as NOT_GIVEN, NotGiven as NotGiven
    from .types import (
        AgentState as AgentState,
        AgentStateResponse as AgentStateResponse,
        CallbackInitResponse as CallbackInitResponse,
        CallbackStatus as CallbackStatus,
        CallbackStatusResponse as CallbackStatusResponse,
        Cdr as Cdr,
        CdrCallType as CdrCallType,
        DestinationType as DestinationType,
        DocumentType as DocumentType,
        MakecallInitResponse as MakecallInitResponse,
        MakecallStatusResponse as MakecallStatusResponse,
        NumberCancelResponse as NumberCancelResponse,
        NumberOrderResponse as NumberOrderResponse,
        NumberType as NumberType,
        Page as Page,
        PbxUser as PbxUser,
        RecordingStartResponse as RecordingStartResponse,
        SuccessResponse as SuccessResponse,
        UserDetailsResponse as UserDetailsResponse,
        UserSkill as UserSkill,
        VerificationResponse as VerificationResponse,
        WrapUpResponse as WrapUpResponse,
    )

__all__: list[str] = [
    "NOT_GIVEN",
    "AgentState",
    "AgentStateResponse",
    "AsyncTeniosClient",
    "CallbackInitResponse",
    "CallbackStatus",
    "CallbackStatusResponse",
    "Cdr",
    "CdrCallType",
    "DestinationType",
    "DocumentType",
    "MakecallInitResponse",
    "MakecallStatusResponse",
    "NotGiven",
    "NumberCancelResponse",
    "NumberOrderResponse",
    "NumberType",
    "Page",
    "PbxUser",
    "RecordingStartResponse",
    "SuccessResponse",
    "TeniosClient",
    "UserDetailsResponse",
    "UserSkill",
    "VerificationResponse",
    "WrapUpResponse",
    "__version__",
    "call_control",
    "testing",
    "types",
    "webhooks",
]
__all__ += _exceptions.__all__

_SUBMODULES = frozenset({"call_control", "testing", "types", "webhooks"})
_ELSEWHERE = {
    "TeniosClient": "._client",
    "AsyncTeniosClient": "._client",
    "NOT_GIVEN": "._types",
    "NotGiven": "._types",
}
"""Where the lazily loaded names live that are not in ``tenios.types``."""


def __getattr__(name: str) -> Any:
    if name in _SUBMODULES:
        value: Any = importlib.import_module(f".{name}", __name__)
    elif name in __all__:
        module = importlib.import_module(_ELSEWHERE.get(name, ".types"), __name__)
        value = getattr(module, name)
    else:
        raise AttributeError(f"module 'tenios' has no attribute {name!r}")
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)
