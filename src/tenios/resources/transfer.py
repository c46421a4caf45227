"""``client.transfer``: move a connected call elsewhere, or refer it back to your PBX."""

from __future__ import annotations

from typing import TYPE_CHECKING, Union

from .._endpoints import REFER_CALL, TRANSFER_CALL
from .._methods import ApiCall, ModeT, api_method
from .._types import NOT_GIVEN, NotGiven, Timeout
from ._base import Resource

if TYPE_CHECKING:
    from ..types import DestinationType, SuccessResponse
    from ..types.enums import DestinationTypeName


class Transfer(Resource[ModeT]):
    """The Transfer Call and Refer Call APIs."""

    @api_method
    def call(
        self,
        call_uuid: str,
        *,
        destination_type: Union[DestinationType, DestinationTypeName],
        destination: str,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
    ) -> ApiCall[SuccessResponse]:
        """Transfer a call that is already forwarded and connected.

        ``destination`` is an E.164 number for ``EXTERNALNUMBER``, else a SIP user or trunk name.
        Moves a live call, so it is never repeated once the request may have reached TENIOS.
        """
        return self._call(
            TRANSFER_CALL,
            timeout,
            {
                "call_uuid": call_uuid,
                "destination_type": destination_type,
                "destination": destination,
            },
        )

    @api_method
    def refer(
        self, call_uuid: str, *, sip_uri: str, timeout: Union[Timeout, NotGiven] = NOT_GIVEN
    ) -> ApiCall[SuccessResponse]:
        """Hand a call back to your PBX with a SIP REFER to ``sip_uri`` (``sip:`` or ``sips:``).

        Meant for calls that came in over a SIP trunk. Moves a live call, so it is never
        repeated once the request may have reached TENIOS.
        """
        return self._call(REFER_CALL, timeout, {"call_uuid": call_uuid, "sip_uri": sip_uri})
