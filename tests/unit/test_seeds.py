"""The vendor pages' examples as test vectors: requests, answers and errors round-trip the SDK."""

from __future__ import annotations

import contextlib
import json
from pathlib import Path
from typing import Any, Optional

import pytest
import respx

import tenios
from tenios._endpoints import ENDPOINTS

from ._calls import MINIMAL_CALLS, call

SEED_DIR = Path(__file__).resolve().parent.parent / "fixtures" / "seeds"
SEED_FILES = ("000_callback.json", "002_call_control.json", "003_acd.json", "004_transfer.json")
PATHS = {endpoint.name: endpoint.path for endpoint in ENDPOINTS}


def _load() -> list[Any]:
    examples: list[Any] = []
    for name in SEED_FILES:
        document = json.loads((SEED_DIR / name).read_text(encoding="utf-8"))
        for example in document["examples"]:
            example["file"] = name
            examples.append(example)
    return examples


EXAMPLES = _load()


def _id(example: Any) -> str:
    return f"{example['file'][:3]}-{example['endpoint']}-{example['name']}"


def _select(*, producible: Optional[bool] = None, error: Optional[bool] = None) -> list[Any]:
    chosen = EXAMPLES
    if producible is not None:
        chosen = [e for e in chosen if (e["kwargs"] is not None) == producible]
    if error is not None:
        chosen = [e for e in chosen if (e["status"] >= 400) == error]
    return [pytest.param(e, id=_id(e)) for e in chosen]


def _mock(api: respx.MockRouter, example: Any) -> respx.Route:
    return api.post(PATHS[example["endpoint"]]).respond(example["status"], json=example["response"])


# The endpoints of the five vendor pages in shared/seeds; the rest have no seed page.
SEEDED_ENDPOINTS = {
    "callback.init",
    "callback.status",
    "acd.retrieve_agent_state",
    "acd.change_agent_state",
    "acd.retrieve_user_details",
    "acd.change_user_details",
    "transfer.call",
    "call_control.interrupt_block",
}


def test_every_seed_page_and_endpoint_is_covered() -> None:
    assert {e["endpoint"] for e in EXAMPLES} == SEEDED_ENDPOINTS
    assert len(EXAMPLES) == 34
    expected = {e["expect"] for e in EXAMPLES}
    assert all(hasattr(tenios, name) for name in expected)


@pytest.mark.parametrize("example", _select(producible=True))
def test_sdk_call_sends_the_seed_request(
    client: tenios.TeniosClient, api: respx.MockRouter, example: Any
) -> None:
    route = _mock(api, example)
    with contextlib.suppress(tenios.APIError):  # error examples answer with an error
        call(client, example["endpoint"], example["kwargs"])
    assert route.call_count == 1
    request = route.calls.last.request
    assert request.headers["Content-Type"] == "application/json"
    assert json.loads(request.content) == example["request"]


@pytest.mark.parametrize("example", _select(error=False))
def test_seed_answer_parses_to_its_model(
    client: tenios.TeniosClient, api: respx.MockRouter, example: Any
) -> None:
    _mock(api, example)
    kwargs = example["kwargs"] or MINIMAL_CALLS[example["endpoint"]].kwargs
    result = call(client, example["endpoint"], kwargs)
    assert type(result).__name__ == example["expect"]
    assert result.model_dump(mode="json") == example["response"]


@pytest.mark.parametrize("example", _select(error=True))
def test_seed_error_raises_its_class_with_every_detail(
    client: tenios.TeniosClient, api: respx.MockRouter, example: Any
) -> None:
    _mock(api, example)
    kwargs = example["kwargs"] or MINIMAL_CALLS[example["endpoint"]].kwargs
    with pytest.raises(tenios.APIError) as caught:
        call(client, example["endpoint"], kwargs)
    error = caught.value
    answer = example["response"]
    assert type(error).__name__ == example["expect"]
    assert error.status_code == example["status"]
    assert error.error_code == answer["error_code"]
    assert error.error_message == answer["error_message"]
    assert error.fields == answer["fields"]
    assert error.body == answer


REFUSED = [pytest.param(e, id=_id(e)) for e in EXAMPLES if "refused" in e]


@pytest.mark.parametrize("example", REFUSED)
def test_seed_request_with_invalid_argument_is_refused_before_sending(
    client: tenios.TeniosClient, api: respx.MockRouter, example: Any
) -> None:
    refused = example["refused"]
    route = api.post(PATHS[refused["endpoint"]]).respond(200, json={})
    with pytest.raises(tenios.RequestValidationError) as caught:
        call(client, refused["endpoint"], refused["kwargs"])
    assert caught.value.field == refused["field"]
    assert not route.called


def test_unsendable_examples_say_why() -> None:
    unsendable = [e for e in EXAMPLES if e["kwargs"] is None]
    assert unsendable
    assert all(e.get("note") for e in unsendable)


def test_minimal_calls_cover_every_endpoint() -> None:
    assert set(MINIMAL_CALLS) == set(PATHS)


def test_seed_files_are_valid_utf8_json() -> None:
    for name in SEED_FILES:
        raw = (SEED_DIR / name).read_bytes()
        assert json.loads(raw.decode("utf-8"))["examples"]
