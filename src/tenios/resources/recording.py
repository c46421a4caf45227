"""``client.recording``: record a live call; TENIOS delivers the files to your SFTP server."""

from __future__ import annotations

from typing import TYPE_CHECKING, Optional, Union

from .._endpoints import RECORDING_START, RECORDING_STOP
from .._methods import ApiCall, ModeT, api_method
from .._types import NOT_GIVEN, NotGiven, Timeout
from ._base import Resource

if TYPE_CHECKING:
    from ..types import RecordingStartResponse, SuccessResponse


class Recording(Resource[ModeT]):
    """The Call Recording API."""

    @api_method
    def start(
        self,
        call_uuid: str,
        *,
        record_caller: Optional[bool] = None,
        record_callee: Optional[bool] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
    ) -> ApiCall[RecordingStartResponse]:
        """Start recording a live call (both sides unless told otherwise).

        A call can be recorded several times. Never repeated once the request may have reached
        TENIOS: a repeat could start a second recording.
        """
        return self._call(
            RECORDING_START,
            timeout,
            {
                "call_uuid": call_uuid,
                "record_caller": record_caller,
                "record_callee": record_callee,
            },
        )

    @api_method
    def stop(
        self,
        call_uuid: str,
        *,
        recording_uuid: str,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
    ) -> ApiCall[SuccessResponse]:
        """Stop a recording started with `start`."""
        return self._call(
            RECORDING_STOP, timeout, {"call_uuid": call_uuid, "recording_uuid": recording_uuid}
        )
