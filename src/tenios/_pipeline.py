"""The one request pipeline: build the request, send it, retry what is safe, map errors, parse.

Every resource method ends here. Nothing in this module keeps per-request state outside the call
stack, so one client can serve many threads.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, NoReturn, Optional, TypeVar, cast

import httpx
from pydantic import ValidationError

from . import _clock
from ._body import read_json
from ._endpoints import Endpoint
from ._exceptions import (
    APIConnectionError,
    APIError,
    APITimeoutError,
    OperationFailedError,
    RequestValidationError,
    ResponseValidationError,
    TeniosError,
    error_class_for,
)
from ._logging import logger
from ._retry import (
    MAX_RETRY_AFTER_SECONDS,
    RETRY_AFTER_STATUS,
    Failure,
    backoff_seconds,
    may_retry_failure,
    may_retry_status,
    parse_retry_after,
)
from .types._base import RequestModel, ResponseModel

ResponseT = TypeVar("ResponseT", bound=ResponseModel)
RequestT = TypeVar("RequestT", bound=RequestModel)

_NOT_SENT_ERRORS = (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout)


@dataclass(frozen=True)
class Connection:
    """What a request needs from its client: where, with which key, over which pool."""

    http: httpx.Client
    base_url: httpx.URL
    access_key: str = field(repr=False)
    headers: Mapping[str, str]
    max_retries: int
    # Endpoint URLs, joined once: ``URL.join`` costs about as much as the rest of a call.
    _urls: dict[str, httpx.URL] = field(
        default_factory=dict[str, httpx.URL], init=False, repr=False, compare=False
    )

    def url_for(self, path: str) -> httpx.URL:
        """The absolute URL of an endpoint ``path`` under ``base_url``."""
        url = self._urls.get(path)
        if url is None:
            url = self._urls[path] = self.base_url.join(path.lstrip("/"))
        return url


class _TransportFailure(Exception):
    def __init__(self, kind: Failure, cause: httpx.HTTPError) -> None:
        super().__init__(str(cause))
        self.kind = kind
        self.cause = cause


def validate_arguments(model: type[RequestT], arguments: Mapping[str, object]) -> RequestT:
    """Build a request model, turning pydantic's report into a ``RequestValidationError``."""
    try:
        return model.model_validate(arguments)
    except ValidationError as exc:
        problems = [_describe_problem(error) for error in exc.errors(include_url=False)]
        first_field = problems[0][0]
        lines = [f"{name} {rule}" if name else rule for name, rule in problems]
        raise RequestValidationError(
            "; ".join(lines), field=first_field or None, errors=lines
        ) from None


def _describe_problem(error: Any) -> tuple[str, str]:
    location = [part for part in error["loc"] if isinstance(part, int) or str(part).isidentifier()]
    name = ".".join(str(part) for part in location)
    kind = error["type"]
    if kind == "value_error":
        rule = str(error["ctx"]["error"])
        if not name:  # a rule across fields names its field itself
            name, _, rule = rule.partition(" ")
        return name, rule
    if kind == "missing":
        return name, "is required"
    if kind == "extra_forbidden":
        return name, "is not an argument of this call"
    message: str = error["msg"]
    return name, message.replace("Input should be", "must be", 1)


def send(
    connection: Connection,
    endpoint: Endpoint[ResponseT],
    arguments: RequestModel,
    timeout: httpx.Timeout,
) -> ResponseT:
    """Send one API call with the retry rules of DESIGN §3 and return the parsed answer."""
    if connection.http.is_closed:
        raise TeniosError("This TeniosClient has been closed; create a new client to make calls.")
    request = _build_request(connection, endpoint, arguments, timeout)
    attempts = connection.max_retries + 1
    for attempt in range(1, attempts + 1):
        started = _clock.monotonic()
        try:
            response = _exchange(connection.http, request)
        except _TransportFailure as failure:
            _log_attempt(endpoint, type(failure.cause).__name__, attempt, attempts, started)
            retry = attempt < attempts and may_retry_failure(
                failure.kind, safe=endpoint.safe_to_retry
            )
            if not retry:
                raise _connection_error(endpoint, request, failure, attempt) from failure.cause
            _wait(endpoint, backoff_seconds(attempt - 1), attempt, attempts, failure.kind.value)
            continue
        _log_attempt(endpoint, str(response.status_code), attempt, attempts, started)
        if response.is_success:
            return _parse_success(connection, endpoint, request, response)
        error = _api_error(connection, endpoint, request, response, attempt)
        delay = _retry_delay(endpoint, error, attempt, attempts)
        if delay is None:
            raise error
        _wait(endpoint, delay, attempt, attempts, f"HTTP {error.status_code}")
    raise AssertionError("the last attempt returns or raises")  # pragma: no cover


def _build_request(
    connection: Connection,
    endpoint: Endpoint[ResponseT],
    arguments: RequestModel,
    timeout: httpx.Timeout,
) -> httpx.Request:
    body = {
        "access_key": connection.access_key,
        **arguments.model_dump(mode="json", exclude_none=True),
    }
    return connection.http.build_request(
        "POST",
        connection.url_for(endpoint.path),
        content=json.dumps(body, ensure_ascii=False).encode(),
        headers={**connection.headers, "Content-Type": "application/json"},
        timeout=timeout,
    )


def _exchange(http: httpx.Client, request: httpx.Request) -> httpx.Response:
    """Send and read the whole answer; transport errors become ``_TransportFailure``."""
    try:
        # Never follow a redirect, even when a passed-in client would: the body carries the key.
        response = http.send(request, stream=True, follow_redirects=False)
    except _NOT_SENT_ERRORS as exc:
        raise _TransportFailure(Failure.NOT_SENT, exc) from exc
    except httpx.HTTPError as exc:
        raise _TransportFailure(Failure.SENT, exc) from exc
    try:
        response.read()
    except httpx.DecodingError:
        # The body does not match its Content-Encoding: judge the answer by its status alone.
        return httpx.Response(
            response.status_code, headers=_without_encoding(response.headers), request=request
        )
    except httpx.HTTPError as exc:  # a body cut short is a dropped connection
        raise _TransportFailure(Failure.SENT, exc) from exc
    finally:
        response.close()
    return response


def _without_encoding(headers: httpx.Headers) -> list[tuple[str, str]]:
    return [
        (k, v)
        for k, v in headers.multi_items()
        if k.lower() not in {"content-encoding", "content-length"}
    ]


def _retry_delay(
    endpoint: Endpoint[ResponseT], error: APIError, attempt: int, attempts: int
) -> Optional[float]:
    """Seconds to wait before the next attempt, or ``None`` when the error is final."""
    if attempt >= attempts or not may_retry_status(error.status_code, safe=endpoint.safe_to_retry):
        return None
    if error.retry_after is not None:
        return error.retry_after if error.retry_after <= MAX_RETRY_AFTER_SECONDS else None
    return backoff_seconds(attempt - 1)


def _wait(endpoint: Endpoint[Any], delay: float, attempt: int, attempts: int, reason: str) -> None:
    logger.info(
        "retrying %s in %.2f s, attempt %d of %d (%s)",
        endpoint.name,
        delay,
        attempt + 1,
        attempts,
        reason,
    )
    _clock.sleep(delay)


def _log_attempt(
    endpoint: Endpoint[Any], outcome: str, attempt: int, attempts: int, started: float
) -> None:
    if logger.isEnabledFor(10):  # DEBUG, without importing logging here for a constant
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
    endpoint: Endpoint[Any], request: httpx.Request, failure: _TransportFailure, attempt: int
) -> APIConnectionError:
    timed_out = isinstance(failure.cause, httpx.TimeoutException)
    what = "timed out" if timed_out else f"failed ({type(failure.cause).__name__})"
    message = f"POST {endpoint.path} {what}"
    if attempt > 1:
        message += f" after {attempt} attempts"
    message += "."
    if failure.kind is Failure.SENT and not endpoint.safe_to_retry:
        message += _unsafe_note(endpoint)
    error_class = APITimeoutError if timed_out else APIConnectionError
    return error_class(message, request=request)


def _api_error(
    connection: Connection,
    endpoint: Endpoint[Any],
    request: httpx.Request,
    response: httpx.Response,
    attempt: int,
    body: Any = None,
) -> APIError:
    body = read_json(response, connection.access_key) if body is None else body
    data: Mapping[str, Any] = cast("dict[str, Any]", body) if isinstance(body, dict) else {}
    code = data.get("error_code") if isinstance(data.get("error_code"), str) else None
    text = data.get("error_message") if isinstance(data.get("error_message"), str) else None
    raw_fields = data.get("fields")
    fields = (
        [str(f) for f in cast("list[object]", raw_fields)] if isinstance(raw_fields, list) else []
    )
    status = response.status_code
    retry_after = parse_retry_after(response.headers) if status in RETRY_AFTER_STATUS else None
    error_class = error_class_for(status, code)

    headline = (
        f"{code}: {text or 'no message'}"
        if code
        else f"HTTP {status} {response.reason_phrase}".rstrip()
    )
    if not code and text:
        headline += f": {text}"
    hint = endpoint.error_hints.get(code or "")
    if hint:
        headline += f" ({hint})"
    details = f"HTTP {status}" + (f", fields: {', '.join(fields)}" if fields else "")
    message = f"{headline} ({details}; POST {endpoint.path})"
    if attempt > 1:
        message += f" after {attempt} attempts"
    if retry_after is not None and retry_after > MAX_RETRY_AFTER_SECONDS:
        message += f"; the server asks to retry after {retry_after:.0f} s"
    if not endpoint.safe_to_retry and (status >= 500 or status == 408):
        message += "." + _unsafe_note(endpoint)
    return error_class(
        message,
        status_code=status,
        error_code=code,
        error_message=text,
        fields=fields,
        body=body,
        request=request,
        response=response,
        retry_after=retry_after,
    )


def _parse_success(
    connection: Connection,
    endpoint: Endpoint[ResponseT],
    request: httpx.Request,
    response: httpx.Response,
) -> ResponseT:
    decoded = read_json(response, connection.access_key)
    if not isinstance(decoded, dict):
        _raise_bad_shape(endpoint, request, response, decoded, "the body is not a JSON object")
    body = cast("dict[str, Any]", decoded)
    if isinstance(body.get("error_code"), str):
        raise _api_error(connection, endpoint, request, response, 1, body)
    if _is_false(body.get("success")):
        raise OperationFailedError(
            f"TENIOS answered success=false without an error code (HTTP {response.status_code}; "
            f"POST {endpoint.path})",
            status_code=response.status_code,
            body=body,
            request=request,
            response=response,
        )
    try:
        return endpoint.response_model.model_validate(body)
    except ValidationError as exc:
        problems = "; ".join(
            f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in exc.errors(include_url=False)
        )
        _raise_bad_shape(endpoint, request, response, body, problems)


_FALSE_WORDS = frozenset({"false", "f", "no", "n", "off", "0"})


def _is_false(flag: object) -> bool:
    """Whether a ``success`` flag means "failed" in any form pydantic would read as ``False``."""
    if isinstance(flag, str):
        return flag.lower() in _FALSE_WORDS
    return flag is False or (isinstance(flag, (int, float)) and flag == 0)


def _raise_bad_shape(
    endpoint: Endpoint[Any], request: httpx.Request, response: httpx.Response, body: Any, why: str
) -> NoReturn:
    raise ResponseValidationError(
        f"Unexpected answer to POST {endpoint.path} (HTTP {response.status_code}): {why}",
        status_code=response.status_code,
        body=body,
        request=request,
        response=response,
    )
