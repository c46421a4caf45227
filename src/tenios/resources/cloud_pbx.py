"""``client.cloud_pbx``: the account's Cloud-PBX users, a page at a time or all of them."""

from __future__ import annotations

from typing import TYPE_CHECKING, Union

from .._endpoints import LIST_PBX_USERS
from .._methods import ApiCall, Items, ModeT, api_method, listing_method
from .._types import NOT_GIVEN, NotGiven, Timeout
from ._base import Resource

if TYPE_CHECKING:
    from ..types import Page, PbxUser


class CloudPbx(Resource[ModeT]):
    """The Cloud-PBX API."""

    @api_method
    def page(
        self,
        *,
        page: int = 1,
        page_size: int = 100,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
    ) -> ApiCall[Page[PbxUser]]:
        """One page of users (``page`` 1 is the first; TENIOS may cap ``page_size``)."""
        return self._call(LIST_PBX_USERS, timeout, {"page": page, "page_size": page_size})

    @listing_method
    def list(
        self, *, page_size: int = 100, timeout: Union[Timeout, NotGiven] = NOT_GIVEN
    ) -> Items[PbxUser]:
        """Every user, fetched a page at a time as you iterate."""
        return self._list(LIST_PBX_USERS, timeout, {"page_size": page_size})
