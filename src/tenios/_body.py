"""Reading an answer's body: decode it as text, parse the JSON, redact the secrets."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, Optional, cast

from ._logging import redact

if TYPE_CHECKING:
    import httpx
    from pydantic import JsonValue


def read_json(response: httpx.Response, secrets: Sequence[str]) -> JsonValue:
    """The body as JSON with every secret redacted, or the (redacted) text when it is not JSON;
    ``None`` when it cannot be decoded as text."""
    text = ascii_text(response)
    if text is None:
        try:
            text = response.text
        except (UnicodeError, LookupError):
            return None
    try:
        data = json.loads(text)
    except (ValueError, RecursionError):  # RecursionError: nesting deeper than the parser allows
        return redact(text, secrets)
    # Redact after parsing: a server that echoes the request may JSON-escape a key ("\u0051..."),
    # which no search of the raw text finds. Without escapes or a secret, there is nothing to do.
    if "\\" not in text and not any(secret and secret in text for secret in secrets):
        return cast("JsonValue", data)
    return cast("JsonValue", _redact_strings(data, secrets))


def _redact_strings(data: object, secrets: Sequence[str]) -> object:
    """``data`` (freshly parsed JSON, changed in place) with every secret redacted from strings.

    A loop, not recursion: an answer nested as deep as the JSON parser allows must not fail here.
    """
    holder: list[object] = [data]
    pending: list[tuple[Any, Any]] = [(holder, 0)]
    while pending:
        container, slot = pending.pop()
        value = container[slot]
        if isinstance(value, str):
            container[slot] = redact(value, secrets)
        elif isinstance(value, list):
            items = cast("list[object]", value)
            pending.extend((items, index) for index in range(len(items)))
        elif isinstance(value, dict):
            mapping = cast("dict[str, object]", value)
            if any(secret and secret in name for name in mapping for secret in secrets):
                mapping = {redact(name, secrets): item for name, item in mapping.items()}
                container[slot] = mapping
            pending.extend((mapping, name) for name in mapping)
    return holder[0]


def utf8_content(response: httpx.Response) -> Optional[bytes]:
    """The body's bytes when httpx would read them as UTF-8 (no charset or ``charset=utf-8``, and
    the client's default encoding); ``None`` for any other answer.

    ``response.text`` parses the Content-Type with the email package and builds a decoder, which
    costs more than the JSON parsing; these bytes can go to the JSON parser as they are.
    """
    if response.default_encoding != "utf-8":
        return None
    content_type = (response.headers.get("content-type") or "").lower()
    if "charset" in content_type and not (
        content_type.count("charset") == 1 and _charset(content_type) in ("utf-8", "utf8")
    ):
        return None
    return response.content


def ascii_text(response: httpx.Response) -> Optional[str]:
    """``response.text`` for the usual answer, ASCII bytes read as UTF-8; ``None`` for any other
    (ASCII reads the same in every decoding httpx could pick, and decodes without a codec)."""
    content = utf8_content(response)
    if content is None or not content.isascii():
        return None
    return content.decode("ascii")


def _charset(content_type: str) -> str:
    for parameter in content_type.split(";")[1:]:
        name, _, value = parameter.partition("=")
        if name.strip() == "charset":
            return value.strip().strip("\"'")
    return ""
