"""``tenios webhook parse`` and ``tenios call-control validate``: read a body, say what it is."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any, cast

from . import _exit
from ._output import emit, fail


def add_commands(subparsers: Any) -> None:
    """``webhook parse`` (``call-control validate`` joins the API's call-control group)."""
    webhook = subparsers.add_parser(
        "webhook",
        help="debug HTTPS-POST receivers",
        description="Read what TENIOS posts, as your receiver would.",
        epilog="example: tenios webhook parse post.json",
    )
    webhook_actions = webhook.add_subparsers(dest="action", metavar="ACTION", required=True)
    parse = webhook_actions.add_parser(
        "parse",
        help="parse an HTTPS-POST body and print the event (its key is not checked)",
        epilog="example: tenios webhook parse post.json",
    )
    parse.add_argument("file", nargs="?", type=Path, help="the body (default: stdin)")
    parse.set_defaults(run=_parse_event)


def add_validate(actions: Any) -> None:
    """``call-control validate`` beside the API method of the same resource."""
    validate = actions.add_parser(
        "validate",
        help="check a Call Control answer ({'blocks': [...]}) and print every problem",
        epilog="example: tenios call-control validate answer.json",
    )
    validate.add_argument("file", nargs="?", type=Path, help="the answer (default: stdin)")
    validate.set_defaults(run=_validate_answer)


def _read(file: Any) -> bytes:
    return Path(file).read_bytes() if file is not None else sys.stdin.buffer.read()


def _parse_event(args: argparse.Namespace) -> int:
    import tenios
    from tenios import webhooks

    try:
        event = webhooks.parse_event(_read(args.file), access_key=None)
    except tenios.WebhookPayloadError as error:
        fail(str(error))
        return _exit.INVALID_BLOCKS
    emit({"type": type(event).__name__, **event.model_dump(mode="json", exclude={"access_key"})})
    return _exit.OK


def _validate_answer(args: argparse.Namespace) -> int:
    from ..call_control._response import _BLOCK_CLASSES  # pyright: ignore[reportPrivateUsage]
    from ..testing._block_check import CallControlProblem, block_problems

    try:
        answer: Any = json.loads(_read(args.file))
    except ValueError as error:
        fail(f"not JSON: {error}")
        return _exit.INVALID_BLOCKS
    blocks: Any = cast("dict[str, Any]", answer).get("blocks") if isinstance(answer, dict) else None
    if not isinstance(blocks, list):
        problems = [CallControlProblem(0, None, None, "not a JSON object with a 'blocks' list")]
    else:
        items: list[object] = list(cast("list[object]", blocks))
        objects: list[dict[str, Any]] = [
            cast("dict[str, Any]", block) if isinstance(block, dict) else {} for block in items
        ]
        problems = block_problems(0, objects, _BLOCK_CLASSES)
    emit({"ok": not problems, "problems": [vars(problem) for problem in problems]})
    for problem in problems:
        fail(str(problem).replace("loop 0, ", "", 1).replace("loop 0: ", "", 1))
    return _exit.INVALID_BLOCKS if problems else _exit.OK
