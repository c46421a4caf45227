"""Receive TENIOS's HTTPS-POSTs (call start, block end, call end, forwards) and log them.

Only the standard library's ``http.server`` and the SDK. Each post is verified (``accessKey`` and,
when configured, ``customerNumber``) before it is read: a wrong key gets 403, a body that is not a
valid event gets 400, a good one 200.

Run it::

    TENIOS_WEBHOOK_ACCESS_KEY=<the key of your HTTPS-POST setup> python examples/webhook_receiver.py 8080

and try it from another shell (the default key, ``change-me``, is for local tries only)::

    curl -i localhost:8080 -d '{"requestType": "CALL_START", "customerNumber": 200000,
        "accessKey": "change-me", "variables": {"caller_id_number": "+4917012345678"}}'

TENIOS posts over HTTPS from 80.239.139.193: put this behind a TLS-terminating reverse proxy, and
set ``TENIOS_TRUSTED_PROXIES`` to the proxy's address so that only posts from TENIOS get in.
Optional settings: ``TENIOS_CUSTOMER_NUMBER`` (checked when set).
"""

from __future__ import annotations

import contextlib
import logging
import os
import sys
from collections.abc import Sequence
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Callable, Optional

from tenios import WebhookPayloadError, WebhookVerificationError, webhooks

ACCESS_KEY_ENV = "TENIOS_WEBHOOK_ACCESS_KEY"
DEFAULT_ACCESS_KEY = "change-me"
"""Used when the environment variable is not set: for local tries only."""
MAX_BODY_BYTES = 64 * 1024

log = logging.getLogger("webhook_receiver")

EventHandler = Callable[[webhooks.WebhookEvent], None]


def log_event(event: webhooks.WebhookEvent) -> None:
    """The default event handler: one log line per post (never the key)."""
    variables = event.variables
    detail = ""
    if isinstance(event, webhooks.BlockEndEvent):
        detail = f" block={event.block_type}"
    elif isinstance(event, (webhooks.InitiateForwardEvent, webhooks.ForwardAnswerEvent)):
        detail = f" forward_to={event.destination} ({event.destination_type})"
    log.info(
        "%s call=%s from=%s to=%s%s",
        event.request_type,
        variables.call_uuid,
        variables.caller_id_number,
        variables.destination_number,
        detail,
    )


def make_server(
    host: str,
    port: int,
    *,
    access_key: str,
    customer_number: Optional[int] = None,
    trusted_proxies: Optional[Sequence[str]] = None,
    on_event: EventHandler = log_event,
) -> ThreadingHTTPServer:
    """A server that verifies each post, passes the event to ``on_event`` and answers 200.

    ``port=0`` picks a free port (``server.server_address`` tells which). With
    ``trusted_proxies`` set, only posts from TENIOS's address (seen through those proxies'
    ``X-Forwarded-For``) are read; the others get 403.
    """

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            if trusted_proxies is not None and not webhooks.is_tenios_source(
                self.client_address[0],
                forwarded_for=self.headers.get_all("X-Forwarded-For"),
                trusted_proxies=trusted_proxies,
            ):
                self._answer(403, "not from a TENIOS address")
                return
            body = self._read_body()
            if body is None:
                return
            try:
                event = webhooks.parse_event(
                    body, access_key=access_key, customer_number=customer_number
                )
            except WebhookVerificationError as exc:
                log.warning("refused a post: %s", exc)
                self._answer(403, "verification failed")
                return
            except WebhookPayloadError as exc:
                log.warning("bad post: %s", exc)
                self._answer(400, str(exc))
                return
            on_event(event)
            self._answer(200, "")

        def _read_body(self) -> Optional[bytes]:
            length = self.headers.get("Content-Length", "")
            if not length.isdigit():
                self._answer(411, "Content-Length required")
                return None
            if int(length) > MAX_BODY_BYTES:
                self._answer(413, "body too large")
                return None
            return self.rfile.read(int(length))

        def _answer(self, status: int, text: str) -> None:
            content = text.encode()
            self.send_response(status)
            self.send_header("Content-Type", "text/plain; charset=utf-8")
            self.send_header("Content-Length", str(len(content)))
            self.end_headers()
            self.wfile.write(content)

        def log_message(self, format: str, *args: object) -> None:
            log.debug(format, *args)

    return ThreadingHTTPServer((host, port), Handler)


def main(argv: Sequence[str]) -> None:
    """Serve on 127.0.0.1 at the port given as the first argument (default 8080)."""
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")
    access_key = os.environ.get(ACCESS_KEY_ENV) or DEFAULT_ACCESS_KEY
    if access_key == DEFAULT_ACCESS_KEY:
        log.warning("using the default key %r: set %s", DEFAULT_ACCESS_KEY, ACCESS_KEY_ENV)
    customer_number = os.environ.get("TENIOS_CUSTOMER_NUMBER")
    proxies = os.environ.get("TENIOS_TRUSTED_PROXIES")
    server = make_server(
        "127.0.0.1",
        int(argv[1]) if len(argv) > 1 else 8080,
        access_key=access_key,
        customer_number=int(customer_number) if customer_number else None,
        trusted_proxies=proxies.split(",") if proxies else None,
    )
    log.info("listening on http://%s:%s", *server.server_address[:2])
    with server, contextlib.suppress(KeyboardInterrupt):
        server.serve_forever()


if __name__ == "__main__":
    main(sys.argv)
