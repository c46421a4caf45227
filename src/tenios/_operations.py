"""Operations made of several API calls, written once for both clients: waiting for a call to
finish, changing part of an agent's record, and listing items page by page."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Optional, Protocol, TypeVar

from . import _clock
from ._endpoints import CHANGE_USER_DETAILS, RETRIEVE_USER_DETAILS, Endpoint
from ._exceptions import APIConnectionError, APIError, WaitTimeoutError
from ._http import cut_timeout
from ._logging import logger
from ._pipeline import Emit, ItemSteps, RequestSettings, Sleep, Steps, call, validate_arguments
from ._retry import pause_before_next_poll
from ._validation import seconds_argument
from .types.acd import UserDetailsUpdate

if TYPE_CHECKING:
    import httpx

    from ._exceptions import TeniosError
    from .types.pages import Page
    from .types.shared import SuccessResponse

__all__ = ["each_item", "poll_until_terminal", "update_user_details"]


class _Status(Protocol):
    @property
    def is_terminal(self) -> bool: ...


StatusT = TypeVar("StatusT", bound=_Status)


def poll_until_terminal(
    settings: RequestSettings,
    request_timeout: httpx.Timeout,
    endpoint: Endpoint[StatusT],
    id: object,
    *,
    timeout: float,
    poll_interval: float,
) -> Steps[StatusT]:
    """Poll ``endpoint`` for ``id`` until its status is terminal; ``timeout`` is the deadline.

    Each poll's request timeout is cut to the time left, and polls are never retried within
    themselves: a passing failure is polled through at the next interval (or after the server's
    ``Retry-After``) while time is left, so the wait never outlasts its deadline. Final errors
    are raised at once.
    """
    assert endpoint.request_model is not None
    validate_arguments(endpoint.request_model, {"id": id})  # before the deadline can pass
    timeout = seconds_argument("timeout", timeout)
    poll_interval = seconds_argument("poll_interval", poll_interval, allow_zero=True)
    poller = replace(settings, max_retries=0)
    subject = endpoint.name.split(".")[0]
    deadline = _clock.monotonic() + timeout
    failure: Optional[TeniosError] = None
    while True:
        remaining = deadline - _clock.monotonic()
        if remaining <= 0:
            raise WaitTimeoutError(
                f"{subject} {id!r} did not finish within {timeout} s"
            ) from failure
        try:
            answer = yield from call(
                poller, endpoint, {"id": id}, cut_timeout(request_timeout, remaining)
            )
        except (APIConnectionError, APIError) as exc:
            pause = pause_before_next_poll(exc, poll_interval)
            if pause is None:
                raise
            failure = exc
            logger.info("%s.wait: poll failed (%s), polling again", subject, type(exc).__name__)
        else:
            if answer.is_terminal:
                return answer
            pause = poll_interval
        yield Sleep(max(0.0, min(pause, deadline - _clock.monotonic())))


def update_user_details(
    settings: RequestSettings, timeout: httpx.Timeout, arguments: dict[str, object]
) -> Steps[SuccessResponse]:
    """Retrieve an agent's record, overlay what was given, and send it back whole."""
    given = validate_arguments(UserDetailsUpdate, arguments)
    current = yield from call(settings, RETRIEVE_USER_DETAILS, {"email": given.email}, timeout)
    record = given.applied_to(current)
    return (yield from call(settings, CHANGE_USER_DETAILS, record, timeout))


T = TypeVar("T")


def each_item(
    settings: RequestSettings,
    timeout: httpx.Timeout,
    endpoint: Endpoint[Page[T]],
    arguments: dict[str, object],
) -> ItemSteps[T]:
    """The items of every page of a listing, a page fetched only when the caller reaches it.

    The arguments are checked at once, before the caller iterates (nothing is sent if they are
    bad). The listing ends once ``total_items`` items were emitted, at an empty page, or (when
    TENIOS states no total) at a page shorter than the page size it applied; it never asks for a
    page beyond.
    """
    assert endpoint.request_model is not None
    first = validate_arguments(endpoint.request_model, {**arguments, "page": 1})
    asked: int = getattr(first, "page_size")  # noqa: B009 (every listing's request has one)
    return _pages(settings, timeout, endpoint, arguments, asked)


def _pages(
    settings: RequestSettings,
    timeout: httpx.Timeout,
    endpoint: Endpoint[Page[T]],
    arguments: dict[str, object],
    asked: int,
) -> ItemSteps[T]:
    emitted = 0
    number = 1
    while True:
        page = yield from call(settings, endpoint, {**arguments, "page": number}, timeout)
        yield Emit(page.items)
        emitted += len(page.items)
        if not page.items:
            return
        if page.total_items is not None:
            if emitted >= page.total_items:
                return
        elif len(page.items) < (page.page_size or asked):
            return
        number += 1
