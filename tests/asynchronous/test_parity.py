"""Both clients have the same resources, methods, parameters and results, by construction.

The methods are derived from the clients themselves (their resources found by type, not listed
here), so an endpoint added to one client only, or with another signature, fails this test.
"""

from __future__ import annotations

import inspect
from typing import Any

import pytest

import tenios
from tenios._endpoints import ENDPOINTS
from tenios.resources._base import Resource


def _resources(client: object) -> dict[str, Any]:
    found: dict[str, Any] = {}
    for name in dir(type(client)):
        value: object = getattr(client, name)
        if not name.startswith("_") and isinstance(value, Resource):
            found[name] = value
    return found


def _methods(owner: Any) -> dict[str, inspect.Signature]:
    return {
        name: inspect.signature(getattr(owner, name))
        for name in dir(owner)
        if not name.startswith("_") and inspect.isroutine(getattr(owner, name))
    }


@pytest.fixture
def clients() -> Any:
    sync = tenios.TeniosClient(access_key="parity-key")
    asynchronous = tenios.AsyncTeniosClient(access_key="parity-key")
    yield sync, asynchronous
    sync.close()


def test_both_clients_have_the_same_resources_and_methods(clients: Any) -> None:
    sync, asynchronous = clients
    resources = _resources(sync)
    assert set(resources) == set(_resources(asynchronous))
    assert {"callback", "makecall", "cdrs", "numbers"} <= set(resources)  # the walk finds them
    for name, resource in resources.items():
        assert set(_methods(resource)) == set(_methods(getattr(asynchronous, name))), name


def _container(annotation: str) -> tuple[str, str]:
    """``"Iterator[Cdr]"`` -> ``("Iterator", "Cdr")``; ``"Cdr"`` -> ``("", "Cdr")``."""
    head, bracket, rest = annotation.partition("[")
    return (
        (head, rest[:-1]) if bracket and head in ("Iterator", "AsyncIterator") else ("", annotation)
    )


def test_every_method_has_the_same_parameters_and_result_on_both(clients: Any) -> None:
    sync, asynchronous = clients
    compared = 0
    for name, resource in _resources(sync).items():
        twin = getattr(asynchronous, name)
        for method, signature in _methods(resource).items():
            other = inspect.signature(getattr(twin, method))
            where = f"{name}.{method}"
            assert list(signature.parameters.values()) == list(other.parameters.values()), where
            kind, result = _container(str(signature.return_annotation))
            async_kind, async_result = _container(str(other.return_annotation))
            assert result == async_result, where
            assert (kind, async_kind) in {("", ""), ("Iterator", "AsyncIterator")}, where
            is_coroutine = inspect.iscoroutinefunction(getattr(twin, method))
            assert is_coroutine == (kind == ""), where  # awaited, or iterated with async for
            compared += 1
    assert compared >= len(ENDPOINTS)  # at least one method per endpoint was compared


def test_the_client_level_methods_match(clients: Any) -> None:
    sync, asynchronous = clients
    assert inspect.signature(sync.post) == inspect.signature(asynchronous.post)
    assert inspect.iscoroutinefunction(asynchronous.post)
    assert inspect.signature(sync.with_options) == inspect.signature(asynchronous.with_options)
    assert inspect.iscoroutinefunction(asynchronous.aclose)
