"""``client.callback``: start a callback, read its status, wait for it to finish."""

from __future__ import annotations

from typing import TYPE_CHECKING, Optional, Union

from .. import _clock
from .._endpoints import CALLBACK_INIT, CALLBACK_STATUS
from .._exceptions import APIConnectionError, APIError, TeniosError, WaitTimeoutError
from .._logging import logger
from .._pipeline import validate_arguments
from .._retry import may_retry_status
from .._types import NOT_GIVEN, NotGiven, Timeout
from .._validation import seconds_argument
from ..types.callback import CallbackStatusRequest
from ._base import Resource

if TYPE_CHECKING:
    import httpx

    from ..types import CallbackId, CallbackInitResponse, CallbackStatusResponse


class Callback(Resource):
    """The Callback API."""

    def init(
        self,
        *,
        callback_config_id: str,
        callback_number: str,
        delay: int,
        agent_announcement: Optional[str] = None,
        dtmf_key_to_trigger_customer_call: Optional[str] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
    ) -> CallbackInitResponse:
        """Ask TENIOS to call an agent and then ``callback_number`` after ``delay`` seconds.

        Places a phone call, so it is never repeated once the request may have reached TENIOS.
        """
        return self._call(
            CALLBACK_INIT,
            timeout,
            {
                "callback_config_id": callback_config_id,
                "callback_number": callback_number,
                "delay": delay,
                "agent_announcement": agent_announcement,
                "dtmf_key_to_trigger_customer_call": dtmf_key_to_trigger_customer_call,
            },
        )

    def status(
        self, id: CallbackId, *, timeout: Union[Timeout, NotGiven] = NOT_GIVEN
    ) -> CallbackStatusResponse:
        """The current status of a callback."""
        return self._call(CALLBACK_STATUS, timeout, {"id": id})

    def wait(
        self, id: CallbackId, *, timeout: float = 300.0, poll_interval: float = 2.0
    ) -> CallbackStatusResponse:
        """Poll the status until it is terminal; ``timeout`` is the whole deadline in seconds.

        Each poll's request timeout is cut to the time left. A poll that fails for a passing
        reason (no connection, a timeout, HTTP 408, 429 or 5xx) is repeated at the next interval,
        or after the server's ``Retry-After``, while time is left: the wait never outlasts its
        deadline. Other errors (an unknown id, a rejected key) are raised at once.

        Raises:
            WaitTimeoutError: the deadline passed before a terminal status was seen; chained from
                the last passing failure, if there was one.
        """
        validate_arguments(CallbackStatusRequest, {"id": id})  # before the deadline can pass
        timeout = seconds_argument("timeout", timeout)
        poll_interval = seconds_argument("poll_interval", poll_interval, allow_zero=True)
        poller = self._client.with_options(max_retries=0).callback  # retries happen between polls
        deadline = _clock.monotonic() + timeout
        failure: Optional[TeniosError] = None
        while True:
            remaining = deadline - _clock.monotonic()
            if remaining <= 0:
                raise WaitTimeoutError(
                    f"callback {id!r} did not finish within {timeout} s"
                ) from failure
            try:
                answer = poller.status(id, timeout=_cut(self._client.timeout, remaining))
            except (APIConnectionError, APIError) as exc:
                pause = _pause_after(exc, poll_interval)
                if pause is None:
                    raise
                failure = exc
                logger.info("callback.wait: poll failed (%s), polling again", type(exc).__name__)
            else:
                if answer.is_terminal:
                    return answer
                pause = poll_interval
            _clock.sleep(max(0.0, min(pause, deadline - _clock.monotonic())))


def _pause_after(error: TeniosError, poll_interval: float) -> Optional[float]:
    """Seconds to wait before polling again after ``error``, or ``None`` when it is final."""
    if isinstance(error, APIConnectionError):
        return poll_interval
    if isinstance(error, APIError) and may_retry_status(error.status_code, safe=True):
        return max(poll_interval, error.retry_after or 0.0)
    return None


def _cut(timeout: httpx.Timeout, limit: float) -> httpx.Timeout:
    """``timeout`` with no phase longer than ``limit`` seconds."""
    import httpx

    def cut(value: Optional[float]) -> float:
        return limit if value is None else min(value, limit)

    return httpx.Timeout(
        connect=cut(timeout.connect),
        read=cut(timeout.read),
        write=cut(timeout.write),
        pool=cut(timeout.pool),
    )
