"""Models of the Call Control Voice API (``/interrupt-ecc-block``)."""

from __future__ import annotations

from ._base import RequestModel
from ._fields import NonBlankStr

__all__ = ["InterruptBlockRequest"]


class InterruptBlockRequest(RequestModel):
    """Arguments of ``/interrupt-ecc-block``."""

    call_uuid: NonBlankStr
