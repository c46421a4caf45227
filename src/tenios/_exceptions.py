"""Every exception the SDK raises, and the one table that maps TENIOS error codes to them.

``__all__`` is the one list of their names: ``tenios`` re-exports it as it is.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Optional

if TYPE_CHECKING:
    import httpx
    from pydantic import JsonValue

__all__ = [
    "APIConnectionError",
    "APIError",
    "APITimeoutError",
    "AgentNotFoundError",
    "AgentNotInWrapUpError",
    "AllSkillsRequiredError",
    "AuthenticationError",
    "CallNotFoundError",
    "CallbackNotFoundError",
    "DestinationBlacklistedError",
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
]


class TeniosError(Exception):
    """Base class of everything the SDK raises."""


class APIConnectionError(TeniosError):
    """No HTTP response was received (DNS failure, refused or reset connection, TLS error)."""

    def __init__(self, message: str, *, request: Optional[httpx.Request] = None) -> None:
        super().__init__(message)
        self.message = message
        self.request = request
        """The request as sent, with the access key and other secrets redacted from its body."""


class APITimeoutError(APIConnectionError):
    """The request timed out before a complete response arrived."""


class APIError(TeniosError):
    """The TENIOS API answered with an error.

    Attributes:
        status_code: the HTTP status of the answer.
        error_code: TENIOS's raw ``error_code`` string (also for codes the SDK does not know),
            or ``None`` when the body has none.
        error_message: TENIOS's ``error_message``, or ``None``.
        fields: the request parameters TENIOS named as the cause.
        body: the decoded JSON body, or the raw text when it was not JSON (secrets redacted).
        retry_after: seconds the server asked us to wait (``Retry-After``), or ``None``.
    """

    def __init__(
        self,
        message: str,
        *,
        status_code: int,
        error_code: Optional[str] = None,
        error_message: Optional[str] = None,
        fields: Optional[list[str]] = None,
        body: JsonValue = None,
        request: Optional[httpx.Request] = None,
        response: Optional[httpx.Response] = None,
        retry_after: Optional[float] = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.status_code = status_code
        self.error_code = error_code
        self.error_message = error_message
        self.fields: list[str] = list(fields or [])
        self.body: JsonValue = body
        self.request = request
        """The request as sent, with the access key and other secrets redacted from its body."""
        self.response = response
        self.retry_after = retry_after

    def __repr__(self) -> str:
        return (
            f"{type(self).__name__}(status_code={self.status_code!r}, "
            f"error_code={self.error_code!r}, error_message={self.error_message!r}, "
            f"fields={self.fields!r})"
        )


class AuthenticationError(APIError):
    """The access key was rejected (``BAD_CREDENTIALS``, HTTP 401/403)."""


class InvalidRequestError(APIError):
    """TENIOS rejected the request's content (HTTP 400/422)."""


class InvalidJSONError(InvalidRequestError):
    """``INVALID_JSON``: the body was malformed, had an unknown parameter or missed one."""


class InvalidFieldError(InvalidRequestError):
    """``INVALID_FIELD``: a parameter had an invalid value."""


class InvalidValueError(InvalidRequestError):
    """``INVALID_VALUE``: a parameter had an invalid type or format."""


class FieldRequiredError(InvalidRequestError):
    """``FIELD_IS_REQUIRED``: a mandatory parameter was missing."""


class InvalidEmailError(InvalidRequestError):
    """``AGENT_STATE_INVALID_EMAIL``: the e-mail is malformed or not an agent of this account."""


class AllSkillsRequiredError(InvalidRequestError):
    """``ACD_USER_DETAILS_ALL_SKILLS_REQUIRED_ERROR``: a user-details change must list every skill."""


class AgentNotInWrapUpError(InvalidRequestError):
    """``AGENT_NOT_IN_WRAP_UP``: the agent's wrap-up cannot be extended or cancelled, as there is none."""


class DestinationBlacklistedError(InvalidRequestError):
    """``LISTEN_IN_SUPERVISOR_DESTINATION_IN_BLACKLIST``: the supervisor's number is blacklisted."""


class NotFoundError(APIError):
    """Something named in the request does not exist (HTTP 404, or a ``*_NOT_FOUND`` code)."""


class CallbackNotFoundError(NotFoundError):
    """``CALLBACK_NOT_FOUND``: no callback has this id."""


class CallNotFoundError(NotFoundError):
    """``CALL_UUID_NOT_FOUND``: no active call has this uuid."""


class AgentNotFoundError(NotFoundError):
    """``AGENT_NOT_FOUND``: no agent has this e-mail."""


class NotReadyReasonNotFoundError(NotFoundError):
    """``AGENT_NOT_READY_REASON_NOT_FOUND``: the not-ready reason (``nrr``) is not configured."""


class RateLimitError(APIError):
    """HTTP 429: too many requests."""


class ServerError(APIError):
    """HTTP 5xx: TENIOS (or a proxy in front of it) failed."""


class OperationFailedError(APIError):
    """A 2xx answer with ``"success": false`` and no error code."""


class ResponseValidationError(APIError):
    """A 2xx answer whose body is not JSON or not the documented shape."""


class RequestValidationError(TeniosError, ValueError):
    """The arguments of a call were invalid; nothing was sent.

    Attributes:
        field: the argument at fault (the first one, when several are).
        errors: one ``"field: rule"`` line per problem found.
    """

    def __init__(
        self, message: str, *, field: Optional[str] = None, errors: Optional[list[str]] = None
    ):
        super().__init__(message)
        self.message = message
        self.field = field
        self.errors: list[str] = list(errors or [message])


class WaitTimeoutError(TeniosError, TimeoutError):
    """A ``wait`` reached its deadline before the call it polls reached a terminal status."""


class WebhookError(TeniosError):
    """Base class of errors raised while reading a request TENIOS sent to your server."""


class WebhookVerificationError(WebhookError):
    """The request's ``accessKey`` or ``customerNumber`` did not match: do not trust it."""


class WebhookPayloadError(WebhookError, ValueError):
    """The request body is not JSON, not an object, or has fields of the wrong type."""


_ERROR_CODES: dict[str, type[APIError]] = {
    "BAD_CREDENTIALS": AuthenticationError,
    "INVALID_JSON": InvalidJSONError,
    "INVALID_FIELD": InvalidFieldError,
    "INVALID_VALUE": InvalidValueError,
    "FIELD_IS_REQUIRED": FieldRequiredError,
    "AGENT_STATE_INVALID_EMAIL": InvalidEmailError,
    "ACD_USER_DETAILS_ALL_SKILLS_REQUIRED_ERROR": AllSkillsRequiredError,
    "CALLBACK_NOT_FOUND": CallbackNotFoundError,
    "CALL_UUID_NOT_FOUND": CallNotFoundError,
    "AGENT_NOT_FOUND": AgentNotFoundError,
    "AGENT_NOT_READY_REASON_NOT_FOUND": NotReadyReasonNotFoundError,
    "AGENT_NOT_IN_WRAP_UP": AgentNotInWrapUpError,
    "LISTEN_IN_SUPERVISOR_DESTINATION_IN_BLACKLIST": DestinationBlacklistedError,
}

_STATUS_CATEGORIES: dict[int, type[APIError]] = {
    400: InvalidRequestError,
    401: AuthenticationError,
    403: AuthenticationError,
    404: NotFoundError,
    422: InvalidRequestError,
    429: RateLimitError,
}


def error_class_for(status_code: int, error_code: Optional[str]) -> type[APIError]:
    """The exception class for an error answer: by ``error_code`` first, then by HTTP status."""
    if error_code is not None and error_code in _ERROR_CODES:
        return _ERROR_CODES[error_code]
    if status_code >= 500:
        return ServerError
    return _STATUS_CATEGORIES.get(status_code, APIError)
