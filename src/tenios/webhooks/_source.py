"""Whether a request came from TENIOS's documented source address, also behind your proxies."""

from __future__ import annotations

import ipaddress
from collections.abc import Iterable
from typing import Optional, Union

from .._exceptions import RequestValidationError

__all__ = ["TENIOS_SOURCE_IPS", "is_tenios_source"]

TENIOS_SOURCE_IPS: tuple[str, ...] = ("80.239.139.193",)
"""The addresses TENIOS documents as the source of its HTTPS-POSTs."""

_Address = Union[ipaddress.IPv4Address, ipaddress.IPv6Address]
_Network = Union[ipaddress.IPv4Network, ipaddress.IPv6Network]


def is_tenios_source(
    ip: str,
    *,
    forwarded_for: Union[str, Iterable[str], None] = None,
    trusted_proxies: Iterable[str] = (),
) -> bool:
    """Whether a request came from one of ``TENIOS_SOURCE_IPS``.

    Args:
        ip: the address of the direct peer (the socket's remote address).
        forwarded_for: the ``X-Forwarded-For`` header (or its values, when sent several times).
            It is read only when ``ip`` is one of ``trusted_proxies``, since anyone can send it.
        trusted_proxies: addresses or networks (``"10.0.0.0/8"``) of your own reverse proxies.
            A malformed entry raises ``tenios.RequestValidationError`` (a ``ValueError``): it is
            your configuration, not the caller's.

    Returns:
        ``True`` when the client is a TENIOS address: the peer itself, or, behind trusted
        proxies, the right-most ``X-Forwarded-For`` hop that is not one of them. A malformed
        address anywhere on that path gives ``False``.
    """
    proxies = _networks(trusted_proxies)
    client = _parse_address(ip)
    if client is None:
        return False
    if _is_trusted(client, proxies):
        client = _client_behind_proxies(forwarded_for, proxies)
    return client is not None and client in _tenios_addresses()


def _networks(trusted_proxies: Iterable[str]) -> list[_Network]:
    networks: list[_Network] = []
    for proxy in trusted_proxies:
        try:
            networks.append(ipaddress.ip_network(str(proxy).strip(), strict=False))
        except ValueError:
            raise RequestValidationError(
                f"trusted_proxies has {str(proxy)!r}, which is no address or network "
                "(e.g. 10.0.0.5 or 10.0.0.0/8)",
                field="trusted_proxies",
            ) from None
    return networks


def _client_behind_proxies(
    forwarded_for: Union[str, Iterable[str], None], proxies: list[_Network]
) -> Optional[_Address]:
    if forwarded_for is None:
        return None
    values = [forwarded_for] if isinstance(forwarded_for, str) else list(forwarded_for)
    hops = [hop for value in values for hop in value.split(",")]
    # Each proxy appends the peer it saw, so the right-most hop we do not trust is the client;
    # everything left of it may have been written by the client itself.
    for hop in reversed(hops):
        address = _parse_address(hop)
        if address is None or not _is_trusted(address, proxies):
            return address
    return None


def _is_trusted(address: _Address, proxies: list[_Network]) -> bool:
    return any(address.version == proxy.version and address in proxy for proxy in proxies)


def _parse_address(text: str) -> Optional[_Address]:
    if not isinstance(text, str):  # pyright: ignore[reportUnnecessaryIsInstance]
        return None  # e.g. a framework's "no peer address" None
    text = text.strip()
    if text.startswith("[") and "]" in text:  # "[2001:db8::1]:443"
        text = text[1 : text.index("]")]
    elif text.count(":") == 1:  # "192.0.2.1:443"
        text = text.split(":", 1)[0]
    try:
        address = ipaddress.ip_address(text)
    except ValueError:
        return None
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        return address.ipv4_mapped  # "::ffff:80.239.139.193" from a dual-stack socket
    return address


def _tenios_addresses() -> frozenset[_Address]:
    return frozenset(ipaddress.ip_address(ip) for ip in TENIOS_SOURCE_IPS)
