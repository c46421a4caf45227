"""A small IVR on the Call Control API: greet, ask for a digit, forward the call by that digit.

Only the standard library's ``http.server`` and the SDK. TENIOS asks this server for blocks each
time the previous ones have run:

* loop 0: say the menu and collect one digit into the variable ``menu_choice``;
* loop 1: bridge the call to the destination of that digit (or apologise and hang up);
* loop 2 and later: no blocks, so the routing plan goes on after the Call Control block.

Run it::

    TENIOS_CALL_CONTROL_ACCESS_KEY=<the key of your Call Control block> python examples/ivr_server.py 8081

and try it from another shell (the default key, ``change-me``, is for local tries only)::

    curl -i localhost:8081 -d '{"requestType": "EXTERNAL_CALL_CONTROL", "customerNumber": 200000,
        "accessKey": "change-me", "variables": {}, "loopCount": 0,
        "requestStatus": "REQUESTING_BLOCKS", "blocksProcessingResult": null}'

The prompt announcements of ``COLLECT_DIGITS`` must exist in your TENIOS portal; change
``MENU_ANNOUNCEMENT`` and ``INVALID_INPUT_ANNOUNCEMENT`` to yours, and ``ROUTES`` to your numbers.
Optional settings: ``TENIOS_CUSTOMER_NUMBER`` (checked when set).
"""

from __future__ import annotations

import contextlib
import logging
import os
import sys
from collections.abc import Mapping, Sequence
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Optional

from tenios import WebhookPayloadError, WebhookVerificationError
from tenios.call_control import (
    CallControlRequest,
    CallControlResponse,
    Destination,
    HangupCause,
    RequestStatus,
    parse_request,
)

ACCESS_KEY_ENV = "TENIOS_CALL_CONTROL_ACCESS_KEY"
DEFAULT_ACCESS_KEY = "change-me"
"""Used when the environment variable is not set: for local tries only."""
MAX_BODY_BYTES = 64 * 1024

VOICE = "en-us.female.1"
MENU_TEXT = "Welcome. For sales press 1, for support press 2, then the hash key."
MENU_ANNOUNCEMENT = "IVR_Menu"
INVALID_INPUT_ANNOUNCEMENT = "IVR_Invalid_Input"
CHOICE_VARIABLE = "menu_choice"
ROUTES: Mapping[str, Destination] = {
    "1": Destination(destination_type="SIP_USER", destination="1001"),
    "2": Destination(destination_type="EXTERNALNUMBER", destination="+4978787878"),
}
"""Which destination each digit forwards to."""

log = logging.getLogger("ivr_server")


def answer(
    request: CallControlRequest, routes: Mapping[str, Destination] = ROUTES
) -> CallControlResponse:
    """The blocks for one request of the loop."""
    if request.request_status != RequestStatus.REQUESTING_BLOCKS:
        # VALIDATION_ERRORS: TENIOS refused our last answer and ignores this one.
        log.error("TENIOS refused the blocks: %s", "; ".join(request.validation_errors))
        return CallControlResponse()
    if request.loop_count == 0:
        return (
            CallControlResponse()
            .say(MENU_TEXT, voice_name=VOICE)
            .collect_digits(
                announcement_name=MENU_ANNOUNCEMENT,
                error_announcement_name=INVALID_INPUT_ANNOUNCEMENT,
                variable_name=CHOICE_VARIABLE,
                min_digits=1,
                max_digits=1,
                terminator="#",
                max_tries=3,
                timeout=10,
            )
        )
    if request.loop_count == 1:
        choice = request.variables.get(CHOICE_VARIABLE)
        destination = routes.get(choice) if choice is not None else None
        if destination is None:
            log.info("no route for choice %r", choice)
            return (
                CallControlResponse()
                .say("Sorry, that is not an option. Goodbye.", voice_name=VOICE)
                .hangup(HangupCause.NORMAL_UNSPECIFIED)
            )
        return CallControlResponse().bridge([destination], bridge_mode="SEQUENTIAL")
    return CallControlResponse()


def make_server(
    host: str, port: int, *, access_key: str, customer_number: Optional[int] = None
) -> ThreadingHTTPServer:
    """A server that verifies each Call Control request and answers with ``answer``'s blocks.

    ``port=0`` picks a free port (``server.server_address`` tells which). A wrong key gets 403,
    a body that is not a Call Control request 400.
    """

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            body = self._read_body()
            if body is None:
                return
            try:
                request = parse_request(
                    body, access_key=access_key, customer_number=customer_number
                )
            except WebhookVerificationError as exc:
                log.warning("refused a request: %s", exc)
                self._answer(403, b"verification failed", "text/plain; charset=utf-8")
                return
            except WebhookPayloadError as exc:
                log.warning("bad request: %s", exc)
                self._answer(400, str(exc).encode(), "text/plain; charset=utf-8")
                return
            log.info(
                "call %s, loop %s: %s",
                request.variables.call_uuid,
                request.loop_count,
                request.request_status,
            )
            self._answer(200, answer(request).to_json(), "application/json")

        def _read_body(self) -> Optional[bytes]:
            length = self.headers.get("Content-Length", "")
            if not length.isdigit():
                self._answer(411, b"Content-Length required", "text/plain; charset=utf-8")
                return None
            if int(length) > MAX_BODY_BYTES:
                self._answer(413, b"body too large", "text/plain; charset=utf-8")
                return None
            return self.rfile.read(int(length))

        def _answer(self, status: int, content: bytes, content_type: str) -> None:
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(content)))
            self.end_headers()
            self.wfile.write(content)

        def log_message(self, format: str, *args: object) -> None:
            log.debug(format, *args)

    return ThreadingHTTPServer((host, port), Handler)


def main(argv: Sequence[str]) -> None:
    """Serve on 127.0.0.1 at the port given as the first argument (default 8081)."""
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")
    access_key = os.environ.get(ACCESS_KEY_ENV) or DEFAULT_ACCESS_KEY
    if access_key == DEFAULT_ACCESS_KEY:
        log.warning("using the default key %r: set %s", DEFAULT_ACCESS_KEY, ACCESS_KEY_ENV)
    customer_number = os.environ.get("TENIOS_CUSTOMER_NUMBER")
    server = make_server(
        "127.0.0.1",
        int(argv[1]) if len(argv) > 1 else 8081,
        access_key=access_key,
        customer_number=int(customer_number) if customer_number else None,
    )
    log.info("listening on http://%s:%s", *server.server_address[:2])
    with server, contextlib.suppress(KeyboardInterrupt):
        server.serve_forever()


if __name__ == "__main__":
    main(sys.argv)
