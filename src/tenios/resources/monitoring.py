"""``client.monitoring``: a supervisor listens in on a live call."""

from __future__ import annotations

from typing import TYPE_CHECKING, Optional, Union

from .._endpoints import LISTEN_IN_START, LISTEN_IN_STOP
from .._methods import ApiCall, ModeT, api_method
from .._types import NOT_GIVEN, NotGiven, Timeout
from ._base import Resource

if TYPE_CHECKING:
    from ..types import SuccessResponse


class Monitoring(Resource[ModeT]):
    """The Silent Monitoring API."""

    @api_method
    def start(
        self,
        call_uuid: str,
        *,
        supervisor_key: str,
        supervisor_destination: str,
        whisper_to_agent: Optional[bool] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
    ) -> ApiCall[SuccessResponse]:
        """Call the supervisor at ``supervisor_destination`` into a live call, silently.

        ``supervisor_key`` is the second key TENIOS hands out for listening in: a secret like
        the access key, never shown in a repr, an error or a log line. With
        ``whisper_to_agent=True`` the supervisor can talk to the agent without the caller
        hearing. Rings a phone, so it is never repeated once the request may have reached TENIOS.
        """
        return self._call(
            LISTEN_IN_START,
            timeout,
            {
                "call_uuid": call_uuid,
                "supervisor_key": supervisor_key,
                "supervisor_destination": supervisor_destination,
                "whisper_to_agent": whisper_to_agent,
            },
        )

    @api_method
    def stop(
        self, call_uuid: str, *, timeout: Union[Timeout, NotGiven] = NOT_GIVEN
    ) -> ApiCall[SuccessResponse]:
        """End listening in on a call."""
        return self._call(LISTEN_IN_STOP, timeout, {"call_uuid": call_uuid})
