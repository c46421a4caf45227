"""``client.makecall``: click-to-call: ring a number, then bridge it to a TENIOS number."""

from __future__ import annotations

from typing import TYPE_CHECKING, Optional, Union

from .._endpoints import MAKECALL_INIT, MAKECALL_STATUS
from .._methods import ApiCall, ModeT, api_method
from .._operations import poll_until_terminal
from .._types import NOT_GIVEN, NotGiven, Timeout
from ._base import Resource

if TYPE_CHECKING:
    from ..types import MakecallInitResponse, MakecallStatusResponse


class Makecall(Resource[ModeT]):
    """The Makecall API."""

    @api_method
    def init(
        self,
        *,
        destination_number: str,
        tenios_number: str,
        caller_id: Optional[str] = None,
        callstate_info_url: Optional[str] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
    ) -> ApiCall[MakecallInitResponse]:
        """Call ``destination_number``; once answered, bridge it to ``tenios_number``'s routing.

        The routing's Call Control requests then carry the variables ``callback_id`` (this
        call's id) and ``callback_bleg_uuid``. ``callstate_info_url`` (HTTPS) is posted to on
        every status change. Places a phone call, so it is never repeated once the request may
        have reached TENIOS.
        """
        return self._call(
            MAKECALL_INIT,
            timeout,
            {
                "destination_number": destination_number,
                "tenios_number": tenios_number,
                "caller_id": caller_id,
                "callstate_info_url": callstate_info_url,
            },
        )

    @api_method
    def status(
        self, id: int, *, timeout: Union[Timeout, NotGiven] = NOT_GIVEN
    ) -> ApiCall[MakecallStatusResponse]:
        """The current status of a makecall (the statuses of a callback)."""
        return self._call(MAKECALL_STATUS, timeout, {"id": id})

    @api_method
    def wait(
        self, id: int, *, timeout: float = 300.0, poll_interval: float = 2.0
    ) -> ApiCall[MakecallStatusResponse]:
        """Poll the status until it is terminal; ``timeout`` is the whole deadline in seconds.

        Works as `callback.wait`: each poll's request timeout is cut to the time left, passing
        failures are polled through while time is left, other errors are raised at once.

        Raises:
            WaitTimeoutError: the deadline passed before a terminal status was seen.
        """
        return poll_until_terminal(
            self._client._settings(),  # pyright: ignore[reportPrivateUsage]
            self._client.timeout,
            MAKECALL_STATUS,
            id,
            timeout=timeout,
            poll_interval=poll_interval,
        )
