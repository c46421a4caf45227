"""The error answers the emulator gives, worded and shaped as on the vendor pages (``shared/seeds``).

Each error is raised as an `ApiFailure` by the rules or the handlers and turned into the
JSON body ``{"success": false?, "error_code", "error_message", "fields"}`` by the app. The
``"success": false`` member is present exactly where the vendor pages show it.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

__all__ = [
    "ApiFailure",
    "agent_not_found",
    "agent_not_in_wrap_up",
    "all_skills_required",
    "bad_credentials",
    "block_not_interruptible",
    "call_not_connected",
    "call_not_found",
    "callback_not_found",
    "destination_blacklisted",
    "field_is_required",
    "invalid_email",
    "invalid_field",
    "invalid_json",
    "invalid_value",
    "makecall_not_found",
    "method_not_allowed",
    "not_ready_reason_not_found",
    "number_not_found",
    "recording_not_found",
    "unknown_method",
    "verification_not_approved",
]


class ApiFailure(Exception):
    """An error answer of the emulated API.

    Attributes:
        code: the ``error_code``.
        message: the ``error_message``.
        fields: the request parameters named as the cause.
        with_success_flag: whether the body also carries ``"success": false``.
        status: the HTTP status (400 for every documented error).
    """

    def __init__(
        self,
        code: str,
        message: str,
        fields: Sequence[str] = (),
        *,
        with_success_flag: bool = False,
        status: int = 400,
    ) -> None:
        super().__init__(f"{code}: {message}")
        self.code = code
        self.message = message
        self.fields = list(fields)
        self.with_success_flag = with_success_flag
        self.status = status

    def body(self) -> dict[str, Any]:
        """The JSON body of the answer, members in the vendor pages' order."""
        body: dict[str, Any] = {"success": False} if self.with_success_flag else {}
        body.update(error_code=self.code, error_message=self.message, fields=self.fields)
        return body


def bad_credentials() -> ApiFailure:
    """A wrong ``access_key``, or (on ``/callback/init``) an unknown ``callback_config_id``."""
    return ApiFailure("BAD_CREDENTIALS", "Bad credentials")


def field_is_required(name: str) -> ApiFailure:
    """A mandatory parameter is missing (Callback and ACD pages)."""
    return ApiFailure("FIELD_IS_REQUIRED", f"Parameter '{name}' is required", [name])


def invalid_json(fields: Sequence[str] = ()) -> ApiFailure:
    """The body is not a JSON object, has unknown parameters, or (Transfer, Call Control pages)
    misses one; ``fields`` names the unknown parameters."""
    return ApiFailure(
        "INVALID_JSON", "An invalid JSON object was provided in the request body.", fields
    )


def invalid_value(name: str) -> ApiFailure:
    """A parameter has the wrong type or format."""
    return ApiFailure(
        "INVALID_VALUE", "Invalid parameter type or format", [name], with_success_flag=True
    )


def invalid_field(name: str, value: object) -> ApiFailure:
    """A parameter that identifies something (``call_uuid``) is malformed."""
    return ApiFailure(
        "INVALID_FIELD", f"Invalid '{name}' input parameter. Invalid value - '{value}'.", [name]
    )


def agent_not_found() -> ApiFailure:
    """No agent of the account has this e-mail."""
    return ApiFailure("AGENT_NOT_FOUND", "Agent not found.")


def invalid_email() -> ApiFailure:
    """The e-mail is not syntactically valid."""
    return ApiFailure(
        "AGENT_STATE_INVALID_EMAIL",
        "Invalid email. You can use only valid email of agent which belongs to your account.",
        ["email"],
    )


def not_ready_reason_not_found() -> ApiFailure:
    """The ``nrr`` is not a configured not-ready reason."""
    return ApiFailure(
        "AGENT_NOT_READY_REASON_NOT_FOUND", "Agent not ready reason not found.", ["nrr"]
    )


def all_skills_required() -> ApiFailure:
    """A user-details change did not list every skill of the account."""
    return ApiFailure(
        "ACD_USER_DETAILS_ALL_SKILLS_REQUIRED_ERROR",
        "Provide all user skills to use this API.",
        with_success_flag=True,
    )


def call_not_found() -> ApiFailure:
    """No active call has this ``call_uuid``."""
    return ApiFailure(
        "CALL_UUID_NOT_FOUND", "The call wasn't found", ["call_uuid"], with_success_flag=True
    )


def callback_not_found() -> ApiFailure:
    """No callback has this ``id``."""
    return ApiFailure("CALLBACK_NOT_FOUND", "Callback id not found", ["id"])


def block_not_interruptible() -> ApiFailure:
    """The running block cannot be interrupted. The vendor documents no code: this one is ours."""
    return ApiFailure(
        "BLOCK_NOT_INTERRUPTIBLE",
        "The current block cannot be interrupted.",
        ["call_uuid"],
        with_success_flag=True,
    )


def call_not_connected() -> ApiFailure:
    """A transfer of a call that is not forwarded and connected yet. Undocumented: our code."""
    return ApiFailure(
        "CALL_NOT_CONNECTED",
        "The call must be forwarded and connected before it can be transferred.",
        ["call_uuid"],
        with_success_flag=True,
    )


def agent_not_in_wrap_up() -> ApiFailure:
    """A wrap-up change for an agent who is not in wrap-up (Wrap-Up page; message ours)."""
    return ApiFailure(
        "AGENT_NOT_IN_WRAP_UP", "Agent is not in wrap-up.", ["agent_email"], with_success_flag=True
    )


def destination_blacklisted() -> ApiFailure:
    """A listen-in whose supervisor destination is on the account's blacklist (message ours)."""
    return ApiFailure(
        "LISTEN_IN_SUPERVISOR_DESTINATION_IN_BLACKLIST",
        "The supervisor destination is blacklisted.",
        ["supervisor_destination"],
        with_success_flag=True,
    )


def makecall_not_found() -> ApiFailure:
    """No makecall has this ``id`` (worded like the callback's error; the code is ours)."""
    return ApiFailure("MAKECALL_NOT_FOUND", "Makecall id not found", ["id"])


def recording_not_found() -> ApiFailure:
    """No running recording of this call has this uuid. Undocumented: our code."""
    return ApiFailure(
        "RECORDING_NOT_FOUND",
        "No running recording of this call has this recording_uuid.",
        ["recording_uuid"],
        with_success_flag=True,
    )


def verification_not_approved(status: str) -> ApiFailure:
    """An order with a verification that is unknown, pending or rejected. Undocumented: our code."""
    return ApiFailure(
        "VERIFICATION_NOT_APPROVED",
        f"The verification is {status.lower()}; numbers can be ordered with approved ones only.",
        ["verification_id"],
        with_success_flag=True,
    )


def number_not_found() -> ApiFailure:
    """A cancellation of a number the account does not have. Undocumented: our code."""
    return ApiFailure(
        "NUMBER_NOT_FOUND",
        "The account has no such phone number.",
        ["phone_number"],
        with_success_flag=True,
    )


def unknown_method(path: str) -> ApiFailure:
    """A path that is no API method: 404, as the overview page says, in the usual error shape."""
    return ApiFailure("UNKNOWN_METHOD", f"Unknown API method {path}", status=404)


def method_not_allowed(method: str) -> ApiFailure:
    """Any HTTP method but POST: 405, in the usual error shape (every TENIOS method is a POST)."""
    return ApiFailure("METHOD_NOT_ALLOWED", f"Method {method} not allowed; use POST", status=405)
