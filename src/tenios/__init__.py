"""tenios: a typed Python SDK for the TENIOS voice API.

Quick start::

    import tenios

    with tenios.TeniosClient() as client:  # key from TENIOS_ACCESS_KEY
        callback = client.callback.init(
            callback_config_id="...", callback_number="+491234567890", delay=0
        )
        print(client.callback.wait(callback.id).status)

Names are loaded on first use, so ``import tenios`` stays cheap.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from ._version import __version__

if TYPE_CHECKING:
    from . import (
        call_control as call_control,
        testing as testing,
        types as types,
        webhooks as webhooks,
    )
    from ._client import TeniosClient as TeniosClient
    from ._exceptions import (
        AgentNotFoundError as AgentNotFoundError,
        AllSkillsRequiredError as AllSkillsRequiredError,
        APIConnectionError as APIConnectionError,
        APIError as APIError,
        APITimeoutError as APITimeoutError,
        AuthenticationError as AuthenticationError,
        CallbackNotFoundError as CallbackNotFoundError,
        CallNotFoundError as CallNotFoundError,
        FieldRequiredError as FieldRequiredError,
        InvalidEmailError as InvalidEmailError,
        InvalidFieldError as InvalidFieldError,
        InvalidJSONError as InvalidJSONError,
        InvalidRequestError as InvalidRequestError,
        InvalidValueError as InvalidValueError,
        NotFoundError as NotFoundError,
        NotReadyReasonNotFoundError as NotReadyReasonNotFoundError,
        OperationFailedError as OperationFailedError,
        RateLimitError as RateLimitError,
        RequestValidationError as RequestValidationError,
        ResponseValidationError as ResponseValidationError,
        ServerError as ServerError,
        TeniosError as TeniosError,
        WaitTimeoutError as WaitTimeoutError,
        WebhookError as WebhookError,
        WebhookPayloadError as WebhookPayloadError,
        WebhookVerificationError as WebhookVerificationError,
    )
    from ._types import NOT_GIVEN as NOT_GIVEN, NotGiven as NotGiven
    from .types import (
        AgentState as AgentState,
        AgentStateResponse as AgentStateResponse,
        CallbackInitResponse as CallbackInitResponse,
        CallbackStatus as CallbackStatus,
        CallbackStatusResponse as CallbackStatusResponse,
        DestinationType as DestinationType,
        SuccessResponse as SuccessResponse,
        UserDetailsResponse as UserDetailsResponse,
        UserSkill as UserSkill,
    )

_EXCEPTIONS = (
    "APIConnectionError",
    "APIError",
    "APITimeoutError",
    "AgentNotFoundError",
    "AllSkillsRequiredError",
    "AuthenticationError",
    "CallNotFoundError",
    "CallbackNotFoundError",
    "FieldRequiredError",
    "InvalidEmailError",
    "InvalidFieldError",
    "InvalidJSONError",
    "InvalidRequestError",
    "InvalidValueError",
    "NotFoundError",
    "NotReadyReasonNotFoundError",
    "OperationFailedError",
    "RateLimitError",
    "RequestValidationError",
    "ResponseValidationError",
    "ServerError",
    "TeniosError",
    "WaitTimeoutError",
    "WebhookError",
    "WebhookPayloadError",
    "WebhookVerificationError",
)
_TYPES = (
    "AgentState",
    "AgentStateResponse",
    "CallbackInitResponse",
    "CallbackStatus",
    "CallbackStatusResponse",
    "DestinationType",
    "SuccessResponse",
    "UserDetailsResponse",
    "UserSkill",
)
_SUBMODULES = ("call_control", "testing", "types", "webhooks")

# Where each lazily loaded public name lives.
_LAZY: dict[str, str] = {
    "TeniosClient": "._client",
    "NOT_GIVEN": "._types",
    "NotGiven": "._types",
    **dict.fromkeys(_EXCEPTIONS, "._exceptions"),
    **dict.fromkeys(_TYPES, ".types"),
}

__all__ = [
    "NOT_GIVEN",
    "APIConnectionError",
    "APIError",
    "APITimeoutError",
    "AgentNotFoundError",
    "AgentState",
    "AgentStateResponse",
    "AllSkillsRequiredError",
    "AuthenticationError",
    "CallNotFoundError",
    "CallbackInitResponse",
    "CallbackNotFoundError",
    "CallbackStatus",
    "CallbackStatusResponse",
    "DestinationType",
    "FieldRequiredError",
    "InvalidEmailError",
    "InvalidFieldError",
    "InvalidJSONError",
    "InvalidRequestError",
    "InvalidValueError",
    "NotFoundError",
    "NotGiven",
    "NotReadyReasonNotFoundError",
    "OperationFailedError",
    "RateLimitError",
    "RequestValidationError",
    "ResponseValidationError",
    "ServerError",
    "SuccessResponse",
    "TeniosClient",
    "TeniosError",
    "UserDetailsResponse",
    "UserSkill",
    "WaitTimeoutError",
    "WebhookError",
    "WebhookPayloadError",
    "WebhookVerificationError",
    "__version__",
    "call_control",
    "testing",
    "types",
    "webhooks",
]


def __getattr__(name: str) -> Any:
    if name in _SUBMODULES:
        module = importlib.import_module(f".{name}", __name__)
    elif name in _LAZY:
        module = importlib.import_module(_LAZY[name], __name__)
        value = getattr(module, name)
        globals()[name] = value
        return value
    else:
        raise AttributeError(f"module 'tenios' has no attribute {name!r}")
    globals()[name] = module
    return module


def __dir__() -> list[str]:
    return sorted(__all__)
