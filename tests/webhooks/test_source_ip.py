"""is_tenios_source: TENIOS's documented address, X-Forwarded-For only behind trusted proxies."""

from __future__ import annotations

from typing import Union

import pytest

from tenios import webhooks

TENIOS = "80.239.139.193"
PROXY = "10.0.0.5"


def test_the_documented_source_address() -> None:
    assert webhooks.TENIOS_SOURCE_IPS == ("80.239.139.193",)


@pytest.mark.parametrize(
    ("ip", "expected"),
    [
        (TENIOS, True),
        (f" {TENIOS} ", True),
        (f"::ffff:{TENIOS}", True),  # a dual-stack socket's view of an IPv4 peer
        ("80.239.139.194", False),
        ("127.0.0.1", False),
        ("2001:db8::1", False),
        ("", False),
        ("not an ip", False),
        ("80.239.139.193.1", False),
        ("999.1.1.1", False),
    ],
)
def test_a_direct_peer_is_checked_against_the_list(ip: str, expected: bool) -> None:
    assert webhooks.is_tenios_source(ip) is expected


def test_a_missing_peer_address_is_not_tenios() -> None:
    assert webhooks.is_tenios_source(None) is False  # type: ignore[arg-type]  # pyright: ignore[reportArgumentType]


def test_forwarded_for_is_ignored_when_the_peer_is_not_a_trusted_proxy() -> None:
    # Anyone can send the header: from an untrusted peer it proves nothing.
    assert not webhooks.is_tenios_source("203.0.113.9", forwarded_for=TENIOS)
    assert not webhooks.is_tenios_source(
        "203.0.113.9", forwarded_for=TENIOS, trusted_proxies=[PROXY]
    )


@pytest.mark.parametrize(
    ("forwarded_for", "expected"),
    [
        pytest.param(TENIOS, True, id="TENIOS behind one proxy"),
        pytest.param(f"203.0.113.9, {TENIOS}", True, id="client-written hops are ignored"),
        pytest.param(f"{TENIOS}, 203.0.113.9", False, id="spoofed left-most hop"),
        pytest.param(f"{TENIOS}, 10.0.0.7", True, id="through a second trusted proxy"),
        pytest.param([f"{TENIOS}", "10.0.0.7"], True, id="header sent twice"),
        pytest.param(f"{TENIOS}:4711", True, id="with a port"),
        pytest.param(f"[::ffff:{TENIOS}]:4711", True, id="bracketed IPv6 with a port"),
        pytest.param("unknown", False, id="obfuscated"),
        pytest.param(f"{TENIOS}, garbage", False, id="malformed right-most hop"),
        pytest.param("", False, id="empty header"),
        pytest.param(None, False, id="no header"),
        pytest.param("10.0.0.7, 10.0.0.8", False, id="only trusted proxies"),
    ],
)
def test_behind_a_trusted_proxy_the_right_most_untrusted_hop_counts(
    forwarded_for: Union[str, list[str], None], expected: bool
) -> None:
    result = webhooks.is_tenios_source(
        PROXY, forwarded_for=forwarded_for, trusted_proxies=[PROXY, "10.0.0.0/24"]
    )

    assert result is expected


def test_trusted_proxies_may_be_networks() -> None:
    assert webhooks.is_tenios_source("fd00::17", forwarded_for=TENIOS, trusted_proxies=["fd00::/8"])


def test_a_malformed_trusted_proxy_is_a_configuration_error() -> None:
    with pytest.raises(ValueError, match="proxy"):
        webhooks.is_tenios_source(TENIOS, trusted_proxies=["proxy.internal"])
