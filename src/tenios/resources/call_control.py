"""``client.call_control``: methods for calls under Call Control."""

from __future__ import annotations

from typing import TYPE_CHECKING, Union

from .._endpoints import INTERRUPT_BLOCK
from .._methods import ApiCall, ModeT, api_method
from .._types import NOT_GIVEN, NotGiven, Timeout
from ._base import Resource

if TYPE_CHECKING:
    from ..types import SuccessResponse


class CallControl(Resource[ModeT]):
    """The Call Control Voice API."""

    @api_method
    def interrupt_block(
        self, call_uuid: str, *, timeout: Union[Timeout, NotGiven] = NOT_GIVEN
    ) -> ApiCall[SuccessResponse]:
        """Interrupt the block now running on a call; not every block can be interrupted.

        Never repeated once the request may have reached TENIOS.
        """
        return self._call(INTERRUPT_BLOCK, timeout, {"call_uuid": call_uuid})
