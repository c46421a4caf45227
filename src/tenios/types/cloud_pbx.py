"""Models of the Cloud-PBX API (``/cloud-pbx/list``)."""

from __future__ import annotations

from typing import Optional

from ._base import ResponseModel
from .pages import PageRequest

__all__ = ["CloudPbxListRequest", "PbxUser"]


class CloudPbxListRequest(PageRequest):
    """Arguments of ``/cloud-pbx/list``."""


class PbxUser(ResponseModel):
    """A Cloud-PBX user. TENIOS never sends the password."""

    user_name: str
    first_name: Optional[str] = None
    last_name: Optional[str] = None
    internal_extension: Optional[str] = None
    """The internal extension; may be empty."""
    outbound_allowed: Optional[bool] = None
    sip_login_enabled: Optional[bool] = None
    """Whether the user may log in to the web phone."""
    call_history_enabled: Optional[bool] = None
    email: Optional[str] = None
