"""What the endpoints beyond the first five areas do to the emulated account (see ``_handlers``)."""

from __future__ import annotations

import base64
import uuid
from collections.abc import Mapping
from datetime import datetime
from typing import Any

from . import _errors
from ._account import NUMBERS_BEGIN, Makecall, Verification, legs_of, makecall_status_at
from ._handlers import Handler, find_agent, find_call, issued_id, whole_number
from ._rules import wire_time
from ._store import Store

__all__ = ["ACCOUNT_HANDLERS", "finished_legs"]

MAX_PAGE_SIZE = 1000
"""The emulator's cap on ``page_size`` (TENIOS documents none; the answer states what applied)."""


def makecall_init(store: Store, params: dict[str, Any], now: float) -> dict[str, Any]:
    """``/makecall/init``: ``tenios_number`` must be a number of the account."""
    account = store.account
    if params["tenios_number"] not in account.phone_numbers:
        raise _errors.invalid_value("tenios_number")
    account.last_makecall_id += 1
    makecall = Makecall(
        id=account.last_makecall_id,
        requested_at=now,
        call_uuid=str(uuid.uuid4()),
        bleg_uuid=str(uuid.uuid4()),
        failure=store.scripted_failures.popleft() if store.scripted_failures else None,
        **params,
    )
    account.makecalls[makecall.id] = makecall
    if account.route is not None:
        account.route(makecall)
    return {"id": makecall.id}


def makecall_status(store: Store, params: dict[str, Any], now: float) -> dict[str, Any]:
    """``/makecall/status``: the statuses of a callback, the destination called first."""
    number = issued_id(params["id"])
    makecall = None if number is None else store.account.makecalls.get(number)
    if makecall is None:
        raise _errors.makecall_not_found()
    return {"status": makecall_status_at(makecall, now, store.timings)}


def recording_start(store: Store, params: dict[str, Any], now: float) -> dict[str, Any]:
    """``/record-call/start``: only a live call can be recorded, as often as wanted."""
    recording_uuid = str(uuid.uuid4())
    find_call(store, params["call_uuid"]).recordings[recording_uuid] = True
    return {"recording_uuid": recording_uuid}


def recording_stop(store: Store, params: dict[str, Any], now: float) -> dict[str, Any]:
    """``/record-call/stop``: answers ``"success": "true"``, a string, as the vendor page shows."""
    recordings = find_call(store, params["call_uuid"]).recordings
    if not recordings.get(params["recording_uuid"]):
        raise _errors.recording_not_found()
    recordings[params["recording_uuid"]] = False
    return {"success": "true"}


def refer_call(store: Store, params: dict[str, Any], now: float) -> dict[str, Any]:
    """``/refer-call``: the call must be live."""
    find_call(store, params["call_uuid"]).refers.append(params["sip_uri"])
    return {"success": True}


def listen_in_start(store: Store, params: dict[str, Any], now: float) -> dict[str, Any]:
    """``/call/listen-in/start``: a wrong supervisor key reads as bad credentials, as documented."""
    account = store.account
    if account.supervisor_key is None or params["supervisor_key"] != account.supervisor_key:
        raise _errors.bad_credentials()
    target = find_call(store, params["call_uuid"])
    if params["supervisor_destination"] in account.blacklisted_destinations:
        raise _errors.destination_blacklisted()
    target.listeners.append(params["supervisor_destination"])
    return {"success": True}


def listen_in_stop(store: Store, params: dict[str, Any], now: float) -> dict[str, Any]:
    """``/call/listen-in/stop``: ends every listen-in on a live call (none is fine)."""
    find_call(store, params["call_uuid"]).listeners.clear()
    return {"success": True}


def _in_wrap_up(store: Store, email: str, now: float) -> None:
    find_agent(store, email)
    if store.account.wrap_up_until.get(email, float("-inf")) <= now:
        raise _errors.agent_not_in_wrap_up()


def wrap_up_extend(store: Store, params: dict[str, Any], now: float) -> dict[str, Any]:
    """``/wrap-up/extend``: the agent must be in wrap-up; it then ends at ``end_time``."""
    email = params["agent_email"]
    _in_wrap_up(store, email, now)
    end = wire_time(params["end_time"])
    store.account.wrap_up_until[email] = store.account.clock_time(end)
    return {"success": True, "wrap_up_end_time": params["end_time"]}


def wrap_up_cancel(store: Store, params: dict[str, Any], now: float) -> dict[str, Any]:
    """``/wrap-up/cancel``: the agent must be in wrap-up; it ends now."""
    _in_wrap_up(store, params["agent_email"], now)
    del store.account.wrap_up_until[params["agent_email"]]
    return {"success": True}


def _page(items: list[dict[str, Any]], params: Mapping[str, Any]) -> dict[str, Any]:
    page = whole_number(params["page"])
    size = min(whole_number(params["page_size"]), MAX_PAGE_SIZE)
    start = (page - 1) * size
    return {
        "items": items[start : start + size],
        "page": page,
        "page_size": size,
        "total_items": len(items),
    }


def cloud_pbx_list(store: Store, params: dict[str, Any], now: float) -> dict[str, Any]:
    """``/cloud-pbx/list``: the account's users, a page at a time."""
    return {"success": True, **_page(store.account.pbx_users, params)}


def finished_legs(store: Store, now: float) -> list[dict[str, Any]]:
    """The CDR legs of the emulator's own callbacks and makecalls that have ended by ``now``."""
    account = store.account
    legs: list[dict[str, Any]] = []
    for callback in store.callbacks.values():
        legs += legs_of(
            (f"callback-{callback.id}-a", f"callback-{callback.id}-b"),
            caller=callback.callback_number,
            first="+4922155400300",
            second=callback.callback_number,
            requested=account.wall_time(callback.requested_at),
            delay=callback.delay,
            failure=callback.failure,
            timings=store.timings,
            now=account.wall_time(now),
        )
    for makecall in account.makecalls.values():
        if makecall.routing_pending and makecall.failure is None:
            continue  # the call lasts until its routing plan has run
        legs += legs_of(
            (makecall.call_uuid, makecall.bleg_uuid),
            caller=makecall.caller_id or makecall.tenios_number,
            first=makecall.destination_number,
            second=makecall.tenios_number,
            requested=account.wall_time(makecall.requested_at),
            delay=0,
            failure=makecall.failure,
            timings=store.timings,
            now=account.wall_time(now),
            ended_at=None
            if makecall.routing_ended_at is None
            else account.wall_time(makecall.routing_ended_at),
        )
    return legs


def _period(params: Mapping[str, Any]) -> tuple[datetime, datetime]:
    start, end = wire_time(params["start_date_from"]), wire_time(params["start_date_to"])
    if start > end:
        raise _errors.invalid_value("start_date_to")
    return start, end


def cdrs_retrieve(store: Store, params: dict[str, Any], now: float) -> dict[str, Any]:
    """``/cdrs/retrieve``: recorded CDRs and the legs of finished calls, by start time."""
    start, end = _period(params)
    return _page(store.account.cdrs_between(start, end, finished_legs(store, now)), params)


def cdrs_count(store: Store, params: dict[str, Any], now: float) -> dict[str, Any]:
    """``/cdrs/count``: how many CDRs ``/cdrs/retrieve`` would list for the period."""
    start, end = _period(params)
    return {"total_items": len(store.account.cdrs_between(start, end, finished_legs(store, now)))}


def verification_create(store: Store, params: dict[str, Any], now: float) -> dict[str, Any]:
    """``/verification/create``: pending until a test approves or rejects it."""
    verification = Verification(
        str(uuid.uuid4()),
        params["area_code"],
        params["document_type"],
        len(base64.b64decode(params["document_data"])),
    )
    store.account.verifications[verification.id] = verification
    return {"verification_id": verification.id}


def number_order(store: Store, params: dict[str, Any], now: float) -> dict[str, Any]:
    """``/number/order``: needs an approved verification; the order id is a number, as the
    vendor's Java example reads it. The ``push_url`` is not called: its payload is unknown."""
    account = store.account
    verification = account.verifications.get(params["verification_id"])
    if verification is None or verification.status != "APPROVED":
        raise _errors.verification_not_approved(verification.status if verification else "UNKNOWN")
    account.orders += 1
    account.phone_numbers.add(f"+{NUMBERS_BEGIN + account.orders}")
    return {"order_id": account.orders}


def number_cancel(store: Store, params: dict[str, Any], now: float) -> dict[str, Any]:
    """``/number/cancel``: the number is gone at once; the date is today on the emulator's clock."""
    account = store.account
    if params["phone_number"] not in account.phone_numbers:
        raise _errors.number_not_found()
    account.phone_numbers.discard(params["phone_number"])
    return {"cancellation_date": account.wall_time(now).date().isoformat()}


ACCOUNT_HANDLERS: Mapping[str, Handler] = {
    "makecall.init": makecall_init,
    "makecall.status": makecall_status,
    "recording.start": recording_start,
    "recording.stop": recording_stop,
    "transfer.refer": refer_call,
    "monitoring.start": listen_in_start,
    "monitoring.stop": listen_in_stop,
    "acd.extend_wrap_up": wrap_up_extend,
    "acd.cancel_wrap_up": wrap_up_cancel,
    "cloud_pbx.page": cloud_pbx_list,
    "cdrs.page": cdrs_retrieve,
    "cdrs.count": cdrs_count,
    "numbers.create_verification": verification_create,
    "numbers.order": number_order,
    "numbers.cancel": number_cancel,
}
"""The handler of each endpoint beyond the first five areas, by endpoint name."""
