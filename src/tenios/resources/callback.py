"""``client.callback``: start a callback, read its status, wait for it to finish."""

from __future__ import annotations

from typing import TYPE_CHECKING, Optional, Union

from .._endpoints import CALLBACK_INIT, CALLBACK_STATUS
from .._methods import ApiCall, ModeT, api_method
from .._operations import poll_until_terminal
from .._types import NOT_GIVEN, NotGiven, Timeout
from ._base import Resource

if TYPE_CHECKING:
    from ..types import CallbackInitResponse, CallbackStatusResponse


class Callback(Resource[ModeT]):
    """The Callback API."""

    @api_method
    def init(
        self,
        *,
        callback_config_id: str,
        callback_number: str,
        delay: int,
        agent_announcement: Optional[str] = None,
        dtmf_key_to_trigger_customer_call: Optional[str] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
    ) -> ApiCall[CallbackInitResponse]:
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

    @api_method
    def status(
        self, id: int, *, timeout: Union[Timeout, NotGiven] = NOT_GIVEN
    ) -> ApiCall[CallbackStatusResponse]:
        """The current status of a callback."""
        return self._call(CALLBACK_STATUS, timeout, {"id": id})

    @api_method
    def wait(
        self, id: int, *, timeout: float = 300.0, poll_interval: float = 2.0
    ) -> ApiCall[CallbackStatusResponse]:
        """Poll the status until it is terminal; ``timeout`` is the whole deadline in seconds.

        Each poll's request timeout is cut to the time left. A poll that fails for a passing
        reason (no connection, a timeout, HTTP 408, 429 or 5xx) is repeated at the next interval,
        or after the server's ``Retry-After``, while time is left: the wait never outlasts its
        deadline. Other errors (an unknown id, a rejected key) are raised at once.

        Raises:
            WaitTimeoutError: the deadline passed before a terminal status was seen; chained from
                the last passing failure, if there was one.
        """
        return poll_until_terminal(
            self._client._settings(),  # pyright: ignore[reportPrivateUsage]
            self._client.timeout,
            CALLBACK_STATUS,
            id,
            timeout=timeout,
            poll_interval=poll_interval,
        )
