"""``client.callback``: start a callback, read its status, wait for it to finish."""

from __future__ import annotations

from typing import TYPE_CHECKING, Optional, Union

from .. import _clock
from .._endpoints import CALLBACK_INIT, CALLBACK_STATUS
from .._exceptions import APITimeoutError, WaitTimeoutError
from .._types import NOT_GIVEN, NotGiven, Timeout
from .._validation import seconds_argument
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

        Raises:
            WaitTimeoutError: the deadline passed before a terminal status was seen.
        """
        timeout = seconds_argument("timeout", timeout)
        poll_interval = seconds_argument("poll_interval", poll_interval, allow_zero=True)
        deadline = _clock.monotonic() + timeout
        while True:
            remaining = deadline - _clock.monotonic()
            if remaining <= 0:
                raise WaitTimeoutError(f"callback {id!r} did not finish within {timeout} s")
            try:
                answer = self.status(id, timeout=_cut(self._client.timeout, remaining))
            except APITimeoutError as exc:
                if deadline - _clock.monotonic() > 0:
                    raise
                raise WaitTimeoutError(
                    f"callback {id!r} did not finish within {timeout} s"
                ) from exc
            if answer.is_terminal:
                return answer
            _clock.sleep(max(0.0, min(poll_interval, deadline - _clock.monotonic())))


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
