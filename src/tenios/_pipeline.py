"""The one request pipeline, written once for both clients: validate, build, send, retry, map
errors, parse.

It is sans-I/O: ``call`` is a generator that yields what it needs done (``Send`` a request,
``Sleep`` a while) and is sent the outcome back. The sync client drives it with blocking calls and
the async client with awaits (``_drive.py``); every decision is taken here, once. Nothing keeps
per-request state outside the generator, so one client can serve many threads or tasks.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Generator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Generic, NoReturn, Optional, TypeVar, Union, cast

from pydantic import BaseModel, ValidationError

from . import _clock
from ._body import read_json, utf8_content
from ._endpoints import Endpoint
from ._exceptions import (
    APIConnectionError,
    APIError,
    APITimeoutError,
    OperationFailedError,
    ResponseValidationError,
    TeniosError,
    error_class_for,
)
from ._http import TransportFailure, redacted_request
from ._logging import logger
from ._retry import (
    MAX_RETRY_AFTER_SECONDS,
    RETRY_AFTER_STATUS,
    Failure,
    delay_before_retry,
    parse_retry_after,
)
from .types._base import RequestModel
from .types._invalid import invalid_input

if TYPE_CHECKING:
    import httpx
    from pydantic import JsonValue

R = TypeVar("R")
T = TypeVar("T")
RequestT = TypeVar("RequestT", bound=RequestModel)


@dataclass(frozen=True)
class Send:
    """Effect: send this request and answer with the ``httpx.Response`` or a ``TransportFailure``."""

    request: httpx.Request


@dataclass(frozen=True)
class Sleep:
    """Effect: wait this many seconds, then answer with ``None``."""

    seconds: float


@dataclass(frozen=True)
class Emit(Generic[T]):
    """Effect of a listing: hand ``items`` (one page) to the caller who iterates, then go on."""

    items: Sequence[T]


Steps = Generator[Union[Send, Sleep], Any, R]
"""An operation in the making: yields effects for a driver to carry out, returns ``R``."""

ItemSteps = Generator[Union[Send, Sleep, Emit[T]], Any, None]
"""A listing in the making: like ``Steps``, and emits the items it produces."""


@dataclass(frozen=True)
class RequestSettings:
    """What a request needs from its client: where, with which key and headers, how often."""

    http: Union[httpx.Client, httpx.AsyncClient]
    """The pool the request is built for (``build_request`` adds its default headers)."""
    base_url: httpx.URL
    access_key: str = field(repr=False)
    headers: Mapping[str, str]
    max_retries: int
    # Endpoint URLs, joined once: ``URL.join`` measured 25-50 µs here, a tenth or more of a whole
    # call through a mock transport (about 260 µs, benchmarks/results.md row a1).
    _urls: dict[str, httpx.URL] = field(
        default_factory=dict[str, "httpx.URL"], init=False, repr=False, compare=False
    )

    def url_for(self, path: str) -> httpx.URL:
        """The absolute URL of an endpoint ``path`` under ``base_url``."""
        url = self._urls.get(path)
        if url is None:
            url = self._urls[path] = self.base_url.join(path.lstrip("/"))
        return url


def validate_arguments(model: type[RequestT], arguments: Mapping[str, object]) -> RequestT:
    """Build a request model, turning pydantic's report into a ``RequestValidationError``."""
    try:
        return model.model_validate(arguments)
    except ValidationError as exc:
        raise invalid_input(exc) from None


def call(
    settings: RequestSettings,
    endpoint: Endpoint[R],
    arguments: Mapping[str, object],
    timeout: httpx.Timeout,
) -> Steps[R]:
    """One API call: check ``arguments`` (nothing is sent if they are bad), then send it with
    the retry rules of DESIGN §3 and return the parsed answer."""
    if endpoint.request_model is None:  # client.post: the caller's own JSON object
        params: dict[str, Any] = dict(arguments)
        secrets: tuple[str, ...] = (settings.access_key,)
    else:
        request = validate_arguments(endpoint.request_model, arguments)
        params = request.model_dump(mode="json", exclude_none=True, by_alias=True)
        secrets = (settings.access_key, *request.secret_values())
    return (yield from _send(settings, endpoint, params, secrets, timeout))


def _send(
    settings: RequestSettings,
    endpoint: Endpoint[R],
    params: dict[str, Any],
    secrets: tuple[str, ...],
    timeout: httpx.Timeout,
) -> Steps[R]:
    if settings.http.is_closed:
        raise TeniosError("This client has been closed; create a new client to make calls.")
    request = settings.http.build_request(
        "POST",
        settings.url_for(endpoint.path),
        content=json.dumps(
            {"access_key": settings.access_key, **params}, ensure_ascii=False
        ).encode(),
        headers={**settings.headers, "Content-Type": "application/json"},
        timeout=timeout,
    )
    attempts = settings.max_retries + 1
    for attempt in range(1, attempts + 1):
        started = _clock.monotonic()
        answer: Union[httpx.Response, TransportFailure] = yield Send(request)
        if isinstance(answer, TransportFailure):
            cause = f"{type(answer.cause).__name__}: {answer.reason}"
            _log_attempt(endpoint, cause, attempt, attempts, started)
            error: TeniosError = _connection_error(endpoint, request, answer, attempt, secrets)
            outcome: Union[Failure, int] = answer.kind
            retry_after: Optional[float] = None
        else:
            _log_attempt(endpoint, str(answer.status_code), attempt, attempts, started)
            if answer.is_success:
                plain = _plain_success(endpoint, answer, secrets)
                if plain is not None:
                    return plain
            body = read_json(answer, secrets)
            if answer.is_success:
                return _parse_success(endpoint, request, answer, body, secrets)
            error = _api_error(endpoint, request, answer, body, attempt, secrets)
            outcome, retry_after = answer.status_code, error.retry_after
        delay = (
            delay_before_retry(
                outcome,
                safe=endpoint.safe_to_retry,
                retries_taken=attempt - 1,
                retry_after=retry_after,
            )
            if attempt < attempts
            else None
        )
        if delay is None:
            raise error
        logger.info(
            "retrying %s in %.2f s, attempt %d of %d (%s)",
            endpoint.name,
            delay,
            attempt + 1,
            attempts,
            outcome.value if isinstance(outcome, Failure) else f"HTTP {outcome}",
        )
        yield Sleep(delay)
    raise AssertionError("the last attempt returns or raises")  # pragma: no cover


def _log_attempt(
    endpoint: Endpoint[Any], outcome: str, attempt: int, attempts: int, started: float
) -> None:
    if logger.isEnabledFor(logging.DEBUG):
        elapsed_ms = (_clock.monotonic() - started) * 1000
        logger.debug(
            "%s POST %s -> %s (attempt %d of %d, %.1f ms)",
            endpoint.name,
            endpoint.path,
            outcome,
            attempt,
            attempts,
            elapsed_ms,
        )


def _unsafe_note(endpoint: Endpoint[Any]) -> str:
    return (
        f" The request may have reached TENIOS, which may have acted on it ({endpoint.side_effect});"
        " it was not repeated. Check before trying again."
    )


def _connection_error(
    endpoint: Endpoint[Any],
    request: httpx.Request,
    failure: TransportFailure,
    attempt: int,
    secrets: tuple[str, ...],
) -> APIConnectionError:
    what = failure.reason if failure.timed_out else f"failed: {failure.reason}"
    message = f"POST {endpoint.path} {what}"
    if attempt > 1:
        message += f" after {attempt} attempts"
    message += "."
    if failure.kind is Failure.SENT and not endpoint.safe_to_retry:
        message += _unsafe_note(endpoint)
    error_class = APITimeoutError if failure.timed_out else APIConnectionError
    safe_request = redacted_request(request, secrets)
    failure.cause.request = safe_request  # the chained httpx error must not carry the key either
    error = error_class(message, request=safe_request)
    error.__cause__ = failure.cause  # raised later, from the operation: chain it now
    return error


@dataclass(frozen=True)
class _ErrorBody:
    """What an error answer's body says: TENIOS's code, message and fields, when present."""

    code: Optional[str]
    text: Optional[str]
    fields: list[str]

    @classmethod
    def read(cls, body: JsonValue) -> _ErrorBody:
        data = cast("dict[str, Any]", body) if isinstance(body, dict) else {}
        code, text, fields = data.get("error_code"), data.get("error_message"), data.get("fields")
        return cls(
            code if isinstance(code, str) else None,
            text if isinstance(text, str) else None,
            [str(name) for name in cast("list[object]", fields)]
            if isinstance(fields, list)
            else [],
        )


def _api_error(
    endpoint: Endpoint[Any],
    request: httpx.Request,
    response: httpx.Response,
    body: JsonValue,
    attempt: int,
    secrets: tuple[str, ...],
) -> APIError:
    said = _ErrorBody.read(body)
    status = response.status_code
    retry_after = parse_retry_after(response.headers) if status in RETRY_AFTER_STATUS else None
    safe_request = redacted_request(request, secrets)
    response.request = safe_request
    return error_class_for(status, said.code)(
        _error_message(endpoint, said, response, attempt, retry_after),
        status_code=status,
        error_code=said.code,
        error_message=said.text,
        fields=said.fields,
        body=body,
        request=safe_request,
        response=response,
        retry_after=retry_after,
    )


def _error_message(
    endpoint: Endpoint[Any],
    said: _ErrorBody,
    response: httpx.Response,
    attempt: int,
    retry_after: Optional[float],
) -> str:
    """``CALLBACK_NOT_FOUND: Callback id not found (HTTP 400, fields: id; POST /callback/status)``."""
    status = response.status_code
    if said.code:
        headline = f"{said.code}: {said.text or 'no message'}"
    else:
        headline = f"HTTP {status} {response.reason_phrase}".rstrip()
        if said.text:
            headline += f": {said.text}"
    hint = endpoint.error_hints.get(said.code or "")
    if hint:
        headline += f" ({hint})"
    details = f"HTTP {status}" + (f", fields: {', '.join(said.fields)}" if said.fields else "")
    message = f"{headline} ({details}; POST {endpoint.path})"
    if attempt > 1:
        message += f" after {attempt} attempts"
    if retry_after is not None and retry_after > MAX_RETRY_AFTER_SECONDS:
        message += f"; the server asks to retry after {retry_after:.0f} s"
    if not endpoint.safe_to_retry and (status >= 500 or status == 408):
        message += "." + _unsafe_note(endpoint)
    return message


def _plain_success(
    endpoint: Endpoint[R], response: httpx.Response, secrets: tuple[str, ...]
) -> Optional[R]:
    """The answer's model read straight from its bytes in one pass of pydantic's core, when the
    body is plainly a success: UTF-8 without escapes, no secret echoed, and no top-level
    ``error_code`` or false ``success`` (looked up in the parsed model, not searched for in the
    text). ``None`` sends it the long way (``_parse_success``), which reads every other body the
    same and words the errors. A page of CDRs is half a megabyte: it is neither decoded to text
    nor checked for ASCII first (docs/performance.md, row f1)."""
    model = cast("Optional[type[BaseModel]]", endpoint.response_model)
    if model is None or model.model_config.get("extra") != "allow":  # unknown members are kept
        return None
    content = utf8_content(response)
    if content is None or b"\\" in content or _echoes_a_secret(content, secrets):
        return None
    try:
        parsed = model.model_validate_json(content)  # invalid UTF-8 fails here: the long way
    except ValidationError:
        return None
    extra, sent = parsed.model_extra or {}, parsed.model_fields_set
    if "error_code" in extra or "error_code" in sent:
        return None
    if ("success" in extra or "success" in sent) and _is_false(
        extra.get("success", parsed.__dict__.get("success"))
    ):
        return None
    return cast("R", parsed)


def _echoes_a_secret(content: bytes, secrets: tuple[str, ...]) -> bool:
    # UTF-8 is self-synchronising: a secret's bytes occur in valid UTF-8 only where its text does.
    return any(secret and secret.encode() in content for secret in secrets)


def _parse_success(
    endpoint: Endpoint[R],
    request: httpx.Request,
    response: httpx.Response,
    body: JsonValue,
    secrets: tuple[str, ...],
) -> R:
    if not isinstance(body, dict):
        _raise_bad_shape(
            endpoint, request, response, body, secrets, "the body is not a JSON object"
        )
    if isinstance(body.get("error_code"), str):
        raise _api_error(endpoint, request, response, body, 1, secrets)
    if _is_false(body.get("success")):
        response.request = redacted_request(request, secrets)
        raise OperationFailedError(
            f"TENIOS answered success=false without an error code (HTTP {response.status_code}; "
            f"POST {endpoint.path})",
            status_code=response.status_code,
            body=body,
            request=response.request,
            response=response,
        )
    if endpoint.response_model is None:  # client.post: the JSON object as it came
        return cast("R", body)
    model = cast("type[BaseModel]", endpoint.response_model)
    try:
        return cast("R", model.model_validate(body))
    except ValidationError as exc:
        problems = "; ".join(
            f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in exc.errors(include_url=False)
        )
        _raise_bad_shape(endpoint, request, response, body, secrets, problems)


_FALSE_WORDS = frozenset({"false", "f", "no", "n", "off", "0"})


def _is_false(flag: object) -> bool:
    """Whether a ``success`` flag means "failed" in any form pydantic would read as ``False``."""
    if isinstance(flag, str):
        return flag.lower() in _FALSE_WORDS
    return flag is False or (isinstance(flag, (int, float)) and flag == 0)


def _raise_bad_shape(
    endpoint: Endpoint[Any],
    request: httpx.Request,
    response: httpx.Response,
    body: JsonValue,
    secrets: tuple[str, ...],
    why: str,
) -> NoReturn:
    response.request = redacted_request(request, secrets)
    raise ResponseValidationError(
        f"Unexpected answer to POST {endpoint.path} (HTTP {response.status_code}): {why}",
        status_code=response.status_code,
        body=body,
        request=response.request,
        response=response,
    )
