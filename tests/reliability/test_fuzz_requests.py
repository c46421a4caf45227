"""Fuzzing every public client method's arguments with hypothesis.

Random text, unicode (lone surrogates, NUL, other scripts' digits), numbers (huge ints, NaN,
infinities), None, bools, lists and mappings, mixed with plausible values so that valid calls are
common too. For each call, ``_oracle`` (written from the documents) says which body a correct SDK
sends or that the arguments are invalid. The SDK must then either send exactly that body, once,
at the MockTransport boundary, or raise ``RequestValidationError`` naming an argument and send
nothing. Any other exception fails.
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from typing import Any, Callable, Optional, cast

import httpx
import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

import tenios
from tenios import _clock
from tenios.resources._base import Resource
from tenios.types import AgentState, DestinationType, DocumentType, NumberType, UserSkill

from ..conftest import USER_DETAILS
from . import _oracle as oracle

KEY = "fuzz-access-key"

# -- strategies -------------------------------------------------------------------------------

_NASTY_TEXT = [
    "",
    " ",
    "\t\n",
    "\x00",
    "\ud800",
    "a\udfffb",
    "\u2028",
    "\u200f+491234567890",
    "+49\u00a01234567",
    "+\uff14\uff19\uff11\uff12\uff13\uff14",  # full-width digits
    "+\u0664\u0669\u0661\u0662\u0663\u0664\u0665",  # Arabic-Indic digits
    "\U0001f4de",
    "null",
    "true",
    '{"a": 1}',
]
_HUGE = [2**53 - 1, 2**53, 2**63, -(2**63), 10**30, 10**400, 10**5000]

junk: st.SearchStrategy[Any] = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.sampled_from(_HUGE),
    st.floats(),
    st.text(max_size=12),
    st.sampled_from(_NASTY_TEXT),
    st.binary(max_size=6),
    st.lists(st.one_of(st.integers(), st.text(max_size=4), st.none()), max_size=3),
    st.dictionaries(st.text(max_size=4), st.one_of(st.booleans(), st.text(max_size=3)), max_size=2),
)


def mixed(*plausible: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    """Either junk or a plausible value (valid or a near miss)."""
    return st.one_of(junk, *plausible)


phone = mixed(
    st.from_regex(r"\A\+?[0-9]{0,16}\Z"),
    st.sampled_from(["+491234567890", "+4922155400300", "+1", "+01234", "0049221"]),
)
address = mixed(
    st.emails(),
    st.sampled_from(["agent@example.com", "a@b", "a b@c.de", "@x.de", "a@@b.de", "a@b..de"]),
    st.sampled_from(_NASTY_TEXT).map(lambda text: f"{text}@example.com"),
)
key_press = mixed(st.sampled_from([*"0123456789*#", "", "10", "a", "**", "\u0663"]))
seconds = mixed(st.integers(min_value=-3, max_value=10**6), st.sampled_from(_HUGE))
some_text = mixed(st.text(max_size=20), st.sampled_from([*_NASTY_TEXT, "cfg-1"]))
optional_text = st.one_of(st.none(), some_text)
state = mixed(st.sampled_from([*AgentState, "READY", "NOT_READY", "ready", "BUSY", ""]))
destination_type = mixed(
    st.sampled_from([*DestinationType, "EXTERNALNUMBER", "SIP_USER", "sip_user", "SIP"])
)
identifier = mixed(
    st.integers(min_value=-3, max_value=10**9),
    st.one_of(st.text(max_size=8), st.from_regex(r"[0-9]{1,18}", fullmatch=True)),
    st.sampled_from(_HUGE),
)
flag = mixed(st.booleans(), st.booleans(), st.sampled_from([0, 1, "true", "yes"]))
optional_flag = st.one_of(st.none(), flag)
skill_names = st.sampled_from(["German", "English", "French", "", " "])
skill_map = st.dictionaries(
    st.one_of(skill_names, st.text(max_size=4), st.integers()), flag, max_size=3
)
skill_list = st.lists(
    st.builds(UserSkill, name=st.sampled_from(["German", "English"]), has_skill=st.booleans()),
    max_size=2,
)
skill_set = mixed(skill_map, skill_list)
request_timeout = st.one_of(
    st.none(),
    st.floats(min_value=0.001, max_value=600),
    st.sampled_from([0, -1, math.nan, math.inf, "5", True, httpx.Timeout(5.0)]),
    st.floats(),
)


# -- the recording boundary -------------------------------------------------------------------

DETAILS = USER_DETAILS
ANSWERS: dict[str, dict[str, Any]] = {
    "/callback/init": {"id": 10},
    "/callback/status": {"status": "DISCONNECTED"},
    "/acd/agent-state/retrieve": {"email": "agent@example.com", "state": "READY"},
    "/acd/details/user/retrieve": DETAILS,
    "/makecall/init": {"id": 11},
    "/makecall/status": {"status": "DISCONNECTED"},
    "/record-call/start": {"recording_uuid": "rec-1"},
    "/wrap-up/extend": {"success": True, "wrap_up_end_time": "2026-11-01T00:00:00.000Z"},
    "/cloud-pbx/list": {"items": [{"user_name": "+49221234567"}], "total_items": 1},
    "/cdrs/retrieve": {"items": [{"uuid": "leg-1"}], "total_items": 1},
    "/cdrs/count": {"total_items": 1},
    "/verification/create": {"verification_id": "v-1"},
    "/number/order": {"order_id": 1},
    "/number/cancel": {"cancellation_date": "2026-12-31"},
}


@dataclass
class Sent:
    """One request as it crossed the transport boundary."""

    path: str
    body: dict[str, Any]
    timeout: Mapping[str, Optional[float]]


def call_recording(invoke: Callable[[tenios.TeniosClient], object]) -> tuple[object, list[Sent]]:
    """Run ``invoke`` on a client over a MockTransport; return its result (or error) and sends."""
    sent: list[Sent] = []

    def handle(request: httpx.Request) -> httpx.Response:
        raw = request.content
        body = json.loads(raw.decode("utf-8"))  # strict: the body must be valid UTF-8 JSON
        sent.append(Sent(request.url.path, body, request.extensions["timeout"]))
        return httpx.Response(200, json=ANSWERS.get(request.url.path, {"success": True}))

    with httpx.Client(transport=httpx.MockTransport(handle)) as http:
        client = tenios.TeniosClient(access_key=KEY, http_client=http, max_retries=0)
        try:
            outcome: object = invoke(client)
        except tenios.TeniosError as error:  # the checks decide which errors are right
            outcome = error
    return outcome, sent


def assert_refused(outcome: object, sent: list[Sent], arguments: Mapping[str, Any]) -> None:
    """Invalid arguments: ``RequestValidationError`` naming an argument, nothing sent."""
    assert isinstance(outcome, tenios.RequestValidationError), f"{arguments!r} gave {outcome!r}"
    assert sent == [], "an invalid call must not send anything"
    assert outcome.field is not None
    assert outcome.field.split(".")[0] in arguments, outcome.field


def assert_sent(sent: Sent, path: str, body: dict[str, Any]) -> None:
    """The body is exactly what the rules allow: the given values, no nulls, the key."""
    assert sent.path == path
    assert sent.body == {"access_key": KEY, **body}
    assert None not in sent.body.values()


def expect(rule: Callable[[Mapping[str, Any]], oracle.Body], a: Mapping[str, Any]) -> Any:
    """The body ``rule`` builds from the arguments, or ``None`` when one is invalid."""
    try:
        if not oracle.timeout_is_valid(a.get("timeout")):
            return None
        return rule(a)
    except oracle.Invalid:
        return None


def check_single(
    path: str,
    rule: Callable[[Mapping[str, Any]], oracle.Body],
    invoke: Callable[[tenios.TeniosClient], object],
    arguments: Mapping[str, Any],
) -> None:
    """A one-request method: exactly the oracle's body, or refused with nothing sent."""
    body = expect(rule, arguments)
    outcome, sent = call_recording(invoke)
    if body is None:
        assert_refused(outcome, sent, arguments)
        return
    assert not isinstance(outcome, BaseException), f"refused valid {arguments!r}: {outcome}"
    assert len(sent) == 1
    assert_sent(sent[0], path, body)
    if isinstance(arguments["timeout"], (int, float)):
        assert set(sent[0].timeout.values()) == {arguments["timeout"]}


# -- one fuzzer per public method -------------------------------------------------------------

QUICK_EXAMPLES = 30
THOROUGH_EXAMPLES = 1500


@dataclass(frozen=True)
class Method:
    """A public method, the strategies for its arguments, and how to check one call."""

    name: str
    arguments: dict[str, st.SearchStrategy[Any]]
    check: Callable[[dict[str, Any]], None]


def _single(
    name: str,
    path: str,
    rule: Callable[[Mapping[str, Any]], oracle.Body],
    arguments: dict[str, st.SearchStrategy[Any]],
) -> Method:
    resource, method = name.split(".")

    def check(a: dict[str, Any]) -> None:
        check_single(path, rule, lambda c: getattr(getattr(c, resource), method)(**a), a)

    return Method(name, {**arguments, "timeout": request_timeout}, check)


def _check_wait(a: dict[str, Any], resource: str = "callback") -> None:
    valid = _wait_arguments_are_valid(a)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(_clock, "sleep", _no_sleep)
        outcome, sent = call_recording(lambda c: getattr(c, resource).wait(**a))
    if not valid:
        assert_refused(outcome, sent, a)
        return
    if isinstance(outcome, tenios.WaitTimeoutError):
        # A deadline of a few microseconds may pass before the first poll: a right answer.
        assert a["timeout"] < 0.01, f"gave up on {a!r}"
        assert len(sent) <= 1
    else:
        assert not isinstance(outcome, BaseException), f"refused valid {a!r}: {outcome}"
        assert len(sent) == 1
    for request in sent:
        assert_sent(request, f"/{resource}/status", {"id": oracle.callback_id(a["id"])})


def _no_sleep(seconds: float) -> None:
    """Polling does not wait in the fuzzer."""


def _agent_state(value: object) -> str:
    return oracle.member(value, oracle.AGENT_STATES)


def _wait_arguments_are_valid(a: Mapping[str, Any]) -> bool:
    try:
        oracle.callback_id(a["id"])
    except oracle.Invalid:
        return False
    return oracle.seconds(a["timeout"]) and oracle.seconds(a["poll_interval"], allow_zero=True)


def _check_update(a: dict[str, Any]) -> None:
    outcome, sent = call_recording(lambda c: c.acd.update_user_details(**a))
    try:
        if not oracle.timeout_is_valid(a["timeout"]):
            raise oracle.Invalid
        oracle.email(a["email"])
        for flag_name in ("cloud_acd_enabled", "sip_enabled", "external_number_enabled"):
            oracle.optional(a[flag_name], oracle.flag)
        oracle.optional(a["external_number"], oracle.e164)
        oracle.optional(a["state"], _agent_state)
        given: object = {} if a["user_skills"] is None else a["user_skills"]
        if not isinstance(given, Mapping):
            raise oracle.Invalid
        changes = cast("Mapping[object, object]", given)
        for skill, has in changes.items():
            oracle.text(skill)
            oracle.flag(has)
    except oracle.Invalid:
        assert_refused(outcome, sent, a)
        return
    current = {s["name"]: s["has_skill"] for s in DETAILS["user_skills"]}
    if set(changes) - set(current):  # only the retrieved record can tell
        assert isinstance(outcome, tenios.RequestValidationError)
        assert [s.path for s in sent] == ["/acd/details/user/retrieve"]
        return
    assert not isinstance(outcome, BaseException), f"refused valid {a!r}: {outcome}"
    merged = {key: DETAILS[key] if a[key] is None else a[key] for key in DETAILS if key in a}
    merged["email"] = a["email"]
    merged["user_skills"] = {**current, **changes}
    assert [s.path for s in sent] == ["/acd/details/user/retrieve", "/acd/details/user/change"]
    assert_sent(sent[1], "/acd/details/user/change", oracle.change_user_details_body(merged))


# -- the rest of the voice API --------------------------------------------------------------

_UTC = timezone.utc
moment = mixed(
    st.datetimes(timezones=st.sampled_from([_UTC, timezone(timedelta(hours=14))])),
    st.datetimes(),  # naive: refused
    st.sampled_from(
        [
            datetime.max.replace(tzinfo=timezone(timedelta(hours=-5))),
            datetime.min.replace(tzinfo=timezone(timedelta(hours=5))),
            "2026-11-01T00:00:00.000Z",
        ]
    ),
)
page_number = mixed(st.integers(min_value=-2, max_value=500), st.sampled_from(_HUGE))
url = mixed(
    st.sampled_from(
        ["https://example.com/state", "HTTPS://example.com", "http://example.com", "https://"]
    )
)
sip = mixed(
    st.sampled_from(["sip:4044@198.51.100.7:5060;user=phone", "SIPS:a@b", "sip:", "tel:+491"])
)
document = mixed(
    st.just(b"%PDF-1.4 proof"), st.binary(max_size=12), st.sampled_from([b"%PDF-", bytearray()])
)
area = mixed(st.sampled_from(["221", "0221", "30", "123456", "", "22a", "\u0662\u0662\u0661"]))
document_type = mixed(st.sampled_from([*DocumentType, "CONTRACT", "PASSPORT", ""]))
number_type = mixed(st.sampled_from([*NumberType, "GEOGRAPHICAL", "MOBILE"]))
optional_phone = st.one_of(st.none(), phone)


def _check_listing(name: str, path: str, rule: Callable[[Mapping[str, Any]], oracle.Body]) -> Any:
    """A listing is checked by its first page: refused at once, or that page's body sent."""
    resource, method = name.split(".")

    def check(a: dict[str, Any]) -> None:
        def first_page(c: tenios.TeniosClient) -> object:
            return next(iter(getattr(getattr(c, resource), method)(**a)), None)

        check_single(path, lambda b: rule({**b, "page": 1}), first_page, a)

    return check


METHODS: tuple[Method, ...] = (
    _single(
        "callback.init",
        "/callback/init",
        oracle.callback_init_body,
        {
            "callback_config_id": some_text,
            "callback_number": phone,
            "delay": seconds,
            "agent_announcement": optional_text,
            "dtmf_key_to_trigger_customer_call": st.one_of(st.none(), key_press),
        },
    ),
    _single("callback.status", "/callback/status", oracle.callback_status_body, {"id": identifier}),
    Method(
        "callback.wait",
        {
            "id": identifier,
            "timeout": mixed(st.floats(min_value=-1, max_value=1e6)),
            "poll_interval": mixed(st.floats(min_value=-1, max_value=10)),
        },
        _check_wait,
    ),
    _single(
        "acd.retrieve_agent_state",
        "/acd/agent-state/retrieve",
        oracle.email_body,
        {"email": address},
    ),
    _single(
        "acd.change_agent_state",
        "/acd/agent-state/change",
        oracle.change_agent_state_body,
        {"email": address, "state": state, "nrr": optional_text},
    ),
    _single(
        "acd.retrieve_user_details",
        "/acd/details/user/retrieve",
        oracle.email_body,
        {"email": address},
    ),
    _single(
        "acd.change_user_details",
        "/acd/details/user/change",
        oracle.change_user_details_body,
        {
            "email": address,
            "cloud_acd_enabled": flag,
            "sip_enabled": flag,
            "external_number_enabled": flag,
            "external_number": st.one_of(st.none(), phone),
            "state": state,
            "user_skills": skill_set,
        },
    ),
    Method(
        "acd.update_user_details",
        {
            "email": address,
            "cloud_acd_enabled": optional_flag,
            "sip_enabled": optional_flag,
            "external_number_enabled": optional_flag,
            "external_number": st.one_of(st.none(), phone),
            "state": st.one_of(st.none(), state),
            "user_skills": st.one_of(st.none(), skill_map, junk),
            "timeout": request_timeout,
        },
        _check_update,
    ),
    _single(
        "transfer.call",
        "/transfer-call",
        oracle.transfer_body,
        {"call_uuid": some_text, "destination_type": destination_type, "destination": phone},
    ),
    _single(
        "call_control.interrupt_block",
        "/interrupt-ecc-block",
        oracle.interrupt_body,
        {"call_uuid": some_text},
    ),
    _single(
        "makecall.init",
        "/makecall/init",
        oracle.makecall_init_body,
        {
            "destination_number": phone,
            "tenios_number": phone,
            "caller_id": optional_text,
            "callstate_info_url": st.one_of(st.none(), url),
        },
    ),
    _single("makecall.status", "/makecall/status", oracle.callback_status_body, {"id": identifier}),
    Method(
        "makecall.wait",
        {
            "id": identifier,
            "timeout": mixed(st.floats(min_value=-1, max_value=1e6)),
            "poll_interval": mixed(st.floats(min_value=-1, max_value=10)),
        },
        lambda a: _check_wait(a, "makecall"),
    ),
    _single(
        "recording.start",
        "/record-call/start",
        oracle.recording_start_body,
        {"call_uuid": some_text, "record_caller": optional_flag, "record_callee": optional_flag},
    ),
    _single(
        "recording.stop",
        "/record-call/stop",
        oracle.recording_stop_body,
        {"call_uuid": some_text, "recording_uuid": some_text},
    ),
    _single(
        "transfer.refer",
        "/refer-call",
        oracle.refer_body,
        {"call_uuid": some_text, "sip_uri": sip},
    ),
    _single(
        "monitoring.start",
        "/call/listen-in/start",
        oracle.listen_in_start_body,
        {
            "call_uuid": some_text,
            "supervisor_key": some_text,
            "supervisor_destination": mixed(phone, some_text),
            "whisper_to_agent": optional_flag,
        },
    ),
    _single(
        "monitoring.stop", "/call/listen-in/stop", oracle.call_uuid_body, {"call_uuid": some_text}
    ),
    _single(
        "acd.extend_wrap_up",
        "/wrap-up/extend",
        oracle.wrap_up_extend_body,
        {"email": address, "end_time": moment},
    ),
    _single(
        "acd.cancel_wrap_up", "/wrap-up/cancel", oracle.wrap_up_cancel_body, {"email": address}
    ),
    _single(
        "cloud_pbx.page",
        "/cloud-pbx/list",
        oracle.page_body,
        {"page": page_number, "page_size": page_number},
    ),
    Method(
        "cloud_pbx.list",
        {"page_size": page_number, "timeout": request_timeout},
        _check_listing("cloud_pbx.list", "/cloud-pbx/list", oracle.page_body),
    ),
    _single(
        "cdrs.page",
        "/cdrs/retrieve",
        oracle.cdrs_page_body,
        {
            "start_date_from": moment,
            "start_date_to": moment,
            "page": page_number,
            "page_size": page_number,
        },
    ),
    Method(
        "cdrs.list",
        {
            "start_date_from": moment,
            "start_date_to": moment,
            "page_size": page_number,
            "timeout": request_timeout,
        },
        _check_listing("cdrs.list", "/cdrs/retrieve", oracle.cdrs_page_body),
    ),
    _single(
        "cdrs.count",
        "/cdrs/count",
        oracle.period,
        {"start_date_from": moment, "start_date_to": moment},
    ),
    _single(
        "numbers.create_verification",
        "/verification/create",
        oracle.verification_body,
        {
            "country": some_text,
            "city": some_text,
            "zip": some_text,
            "street": some_text,
            "house_number": some_text,
            "area_code": area,
            "document_type": document_type,
            "document": document,
        },
    ),
    _single(
        "numbers.order",
        "/number/order",
        oracle.order_body,
        {
            "verification_id": some_text,
            "number_type": number_type,
            "link_to_number": optional_phone,
            "push_url": st.one_of(st.none(), url),
            "push_secret": optional_text,
        },
    ),
    _single("numbers.cancel", "/number/cancel", oracle.cancel_number_body, {"phone_number": phone}),
)


def fuzz(method: Method, max_examples: int) -> None:
    """Run ``method``'s check on ``max_examples`` generated argument sets."""

    @settings(
        max_examples=max_examples,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
    )
    @given(st.fixed_dictionaries(method.arguments))
    def run(arguments: dict[str, Any]) -> None:
        method.check(arguments)

    run()


def _name(method: Method) -> str:
    return method.name


def test_every_public_method_is_fuzzed() -> None:
    client = tenios.TeniosClient(access_key=KEY)
    resources = [name for name in dir(type(client)) if isinstance(getattr(client, name), Resource)]
    public = {
        f"{resource}.{name}"
        for resource in resources
        for name in dir(getattr(client, resource))
        if not name.startswith("_")
    }
    client.close()
    assert public == {method.name for method in METHODS}


@pytest.mark.parametrize("method", METHODS, ids=_name)
def test_fuzz_arguments(method: Method) -> None:
    fuzz(method, QUICK_EXAMPLES)


@pytest.mark.slow
@pytest.mark.parametrize("method", METHODS, ids=_name)
def test_fuzz_arguments_thoroughly(method: Method) -> None:
    fuzz(method, THOROUGH_EXAMPLES)
