"""What each endpoint does to the emulated account, once its parameters passed the rules."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from typing import Any, Callable, Optional

from . import _errors
from ._rules import is_e164
from ._store import Agent, Call, Store

__all__ = ["HANDLERS", "Handler", "find_agent", "find_call", "issued_id", "whole_number"]

Handler = Callable[[Store, dict[str, Any], float], dict[str, Any]]
"""``(store, checked parameters, now on the emulator's clock) -> JSON answer``."""


def whole_number(value: object) -> int:
    """A whole number the rules let through: an int, or a string of digits (as Java clients send)."""
    return int(str(value))


def issued_id(raw: object) -> Optional[int]:
    """An id as a number, or ``None`` when it cannot be one the emulator issued."""
    if isinstance(raw, int):
        return raw
    # A string id must be ASCII digits; a longer one than any issued id cannot match anyway.
    if isinstance(raw, str) and raw.isascii() and raw.isdigit() and len(raw) <= 20:
        return int(raw)
    return None


def find_agent(store: Store, email: str) -> Agent:
    """The agent with this e-mail (``AGENT_NOT_FOUND`` otherwise)."""
    agent = store.agents.get(email)
    if agent is None:
        raise _errors.agent_not_found()
    return agent


def find_call(store: Store, call_uuid: str) -> Call:
    """The live call with this uuid (``CALL_UUID_NOT_FOUND`` otherwise)."""
    call = store.calls.get(call_uuid)
    if call is None:
        raise _errors.call_not_found()
    return call


def callback_init(store: Store, params: dict[str, Any], now: float) -> dict[str, Any]:
    """``/callback/init``: an unknown configuration is reported as bad credentials, as TENIOS does."""
    if params["callback_config_id"] not in store.callback_config_ids:
        raise _errors.bad_credentials()
    params["delay"] = whole_number(params["delay"])
    callback = store.new_callback(requested_at=now, **params)
    return {"id": callback.id}


def callback_status(store: Store, params: dict[str, Any], now: float) -> dict[str, Any]:
    """``/callback/status``: the id may be a number or a string of digits."""
    number = issued_id(params["id"])
    callback = None if number is None else store.callbacks.get(number)
    if callback is None:
        raise _errors.callback_not_found()
    return {"status": store.callback_status(callback, now)}


def retrieve_agent_state(store: Store, params: dict[str, Any], now: float) -> dict[str, Any]:
    """``/acd/agent-state/retrieve``."""
    agent = find_agent(store, params["email"])
    return {"email": agent.email, "state": agent.state}


def change_agent_state(store: Store, params: dict[str, Any], now: float) -> dict[str, Any]:
    """``/acd/agent-state/change``: a given ``nrr`` must be a configured not-ready reason."""
    agent = find_agent(store, params["email"])
    reason = params.get("nrr")
    if reason is not None and reason not in store.not_ready_reasons:
        raise _errors.not_ready_reason_not_found()
    agent.state = params["state"]
    agent.not_ready_reason = reason if agent.state == "NOT_READY" else None
    return {"success": True}


def retrieve_user_details(store: Store, params: dict[str, Any], now: float) -> dict[str, Any]:
    """``/acd/details/user/retrieve``: every skill of the account, with this agent's flag."""
    agent = find_agent(store, params["email"])
    return {
        "success": True,
        "cloud_acd_enabled": agent.cloud_acd_enabled,
        "sip_enabled": agent.sip_enabled,
        "external_number_enabled": agent.external_number_enabled,
        "external_number": agent.external_number,
        "state": agent.state,
        "current_destination": agent.current_destination,
        "user_skills": [{"name": name, "has_skill": name in agent.skills} for name in store.skills],
    }


def _skill_flags(store: Store, items: list[Mapping[str, Any]]) -> dict[str, bool]:
    names = Counter(str(item["name"]) for item in items)
    if any(count > 1 for count in names.values()) or not set(names) <= set(store.skills):
        raise _errors.invalid_value("user_skills")
    if set(names) != set(store.skills):
        raise _errors.all_skills_required()
    return {str(item["name"]): bool(item["has_skill"]) for item in items}


def change_user_details(store: Store, params: dict[str, Any], now: float) -> dict[str, Any]:
    """``/acd/details/user/change``: replaces the whole record; every skill must be listed."""
    agent = find_agent(store, params["email"])
    flags = _skill_flags(store, params["user_skills"])
    agent.cloud_acd_enabled = params["cloud_acd_enabled"]
    agent.sip_enabled = params["sip_enabled"]
    agent.external_number_enabled = params["external_number_enabled"]
    agent.external_number = params.get("external_number")
    agent.state = params["state"]
    agent.skills = {name for name, has in flags.items() if has}
    return {"success": True}


def transfer_call(store: Store, params: dict[str, Any], now: float) -> dict[str, Any]:
    """``/transfer-call``: the call must exist and be connected; a PSTN target must be E.164."""
    if params["destination_type"] == "EXTERNALNUMBER" and not is_e164(params["destination"]):
        raise _errors.invalid_value("destination")
    call = find_call(store, params["call_uuid"])
    if not call.connected:
        raise _errors.call_not_connected()
    call.transfers.append((params["destination_type"], params["destination"]))
    return {"success": True}


def interrupt_block(store: Store, params: dict[str, Any], now: float) -> dict[str, Any]:
    """``/interrupt-ecc-block``: fails with ``BLOCK_NOT_INTERRUPTIBLE`` where the block cannot be."""
    call = find_call(store, params["call_uuid"])
    if not call.interruptible:
        raise _errors.block_not_interruptible()
    call.interruptions += 1
    return {"success": True}


HANDLERS: Mapping[str, Handler] = {
    "callback.init": callback_init,
    "callback.status": callback_status,
    "acd.retrieve_agent_state": retrieve_agent_state,
    "acd.change_agent_state": change_agent_state,
    "acd.retrieve_user_details": retrieve_user_details,
    "acd.change_user_details": change_user_details,
    "transfer.call": transfer_call,
    "call_control.interrupt_block": interrupt_block,
}
"""The handler of each endpoint, by endpoint name."""
