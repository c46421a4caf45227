"""One page of a listing (Cloud-PBX users, CDRs) and the arguments that ask for it."""

from __future__ import annotations

from typing import Annotated, Generic, Optional, TypeVar

from pydantic import Field, StrictInt

from .._validation import MAX_JSON_INT
from ._base import RequestModel, ResponseModel

__all__ = ["Page", "PageNumber", "PageRequest", "PageSize"]

T = TypeVar("T")

PageNumber = Annotated[StrictInt, Field(ge=1, le=MAX_JSON_INT)]
"""A page number: 1 is the first page."""
PageSize = Annotated[StrictInt, Field(ge=1, le=MAX_JSON_INT)]
"""How many items a page holds at most (TENIOS may cap it)."""


class PageRequest(RequestModel):
    """The paging arguments every listing takes."""

    page: PageNumber = 1
    page_size: PageSize = 100


class Page(ResponseModel, Generic[T]):
    """One page of items, as TENIOS answers a listing."""

    items: list[T] = []  # noqa: RUF012 (pydantic copies defaults)
    page: int = 1
    """This page's number (1 is the first)."""
    page_size: Optional[int] = None
    """The page size TENIOS applied, which may be smaller than the one asked for."""
    total_items: Optional[int] = None
    """How many items all pages hold together, when TENIOS says."""
