"""``tenios <resource> <method>``: an API method from the shell, its arguments checked by the SDK."""

from __future__ import annotations

import argparse
import json
import os
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from . import _exit
from ._output import emit, fail

SECRET_ENV = {"supervisor_key": "TENIOS_SUPERVISOR_KEY", "push_secret": "TENIOS_PUSH_SECRET"}
"""Where each secret argument comes from when its ``--...-file`` is not given."""


def _flag(name: str) -> str:
    return "--" + name.replace("_", "-")


def aware_time(text: str) -> datetime:
    """An ISO date or time from the command line; one without a zone is read as UTC."""
    moment = datetime.fromisoformat(text[:-1] + "+00:00" if text.endswith("Z") else text)
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=timezone.utc)


_CONVERT: dict[str, Any] = {"int": int, "float": float, "datetime": aware_time, "file": Path}


def add_commands(subparsers: Any, commands: dict[str, dict[str, dict[str, Any]]]) -> dict[str, Any]:
    """One subcommand per resource, one sub-subcommand per method, from the generated table;
    returns each resource's group of methods, for commands that join them."""
    groups: dict[str, Any] = {}
    for resource, methods in commands.items():
        first = next(iter(methods))
        group = subparsers.add_parser(
            resource,
            help=f"the {resource} API",
            description=f"The {resource} API: one subcommand per method.",
            epilog=f"example: {_example(resource, first, methods[first])}",
        )
        actions = groups[resource] = group.add_subparsers(
            dest="method", metavar="METHOD", required=True
        )
        for command, spec in methods.items():
            example = _example(resource, command, spec)
            parser = actions.add_parser(
                command,
                help=spec["help"],
                description=spec["help"],
                epilog=f"example: {example}",
            )
            for parameter in spec["parameters"]:
                _add_parameter(parser, parameter)
            if not spec["listing"] and "timeout" not in {p["name"] for p in spec["parameters"]}:
                parser.add_argument("--timeout", type=float, help="seconds for this request")
            parser.set_defaults(run=run, resource=resource.replace("-", "_"), spec=spec)
    return groups


def _example(resource: str, command: str, spec: dict[str, Any]) -> str:
    words = ["tenios", resource, command]
    for parameter in spec["parameters"]:
        if parameter["required"] and parameter["kind"] != "secret":
            value = parameter.get("choices", ["..."])[0]
            words.append(
                value if parameter["positional"] else f"{_flag(parameter['name'])} {value}"
            )
    return " ".join(words)


def _add_parameter(parser: argparse.ArgumentParser, parameter: dict[str, Any]) -> None:
    name, kind = parameter["name"], parameter["kind"]
    if kind == "secret":
        parser.add_argument(
            _flag(name) + "-file",
            dest=name,
            type=Path,
            help=f"a file holding the {name} (default: ${SECRET_ENV[name]}); never the value "
            "itself on the command line, which other users can see",
        )
        return
    options: dict[str, Any] = {}
    if kind in _CONVERT:
        options["type"] = _CONVERT[kind]
    if kind == "choice":
        options["choices"] = parameter["choices"]
    if kind == "json":
        options["type"] = json.loads
        options["metavar"] = "JSON"
    if kind == "bool":
        options["action"] = argparse.BooleanOptionalAction
    if parameter["positional"]:
        parser.add_argument(name, **options)
        return
    if "default" in parameter:
        options["default"] = parameter["default"]
        options["help"] = f"default {parameter['default']}"
    parser.add_argument(_flag(name), dest=name, required=parameter["required"], **options)


def _secret(name: str, given: Any) -> str:
    if given is not None:
        return Path(given).read_text(encoding="utf-8").strip()
    value = os.environ.get(SECRET_ENV[name], "")
    if not value:
        raise ValueError(f"{name} is needed: set {SECRET_ENV[name]} or pass {_flag(name)}-file")
    return value


def run(args: argparse.Namespace, client: Any) -> int:
    """Call the method with the parsed arguments; print its result (items one per line)."""
    spec: dict[str, Any] = args.spec
    kwargs: dict[str, Any] = {}
    for parameter in spec["parameters"]:
        value = getattr(args, parameter["name"])
        if parameter["kind"] == "secret":
            value = _secret(parameter["name"], value)
        if value is not None:
            kwargs[parameter["name"]] = value
    if getattr(args, "timeout", None) is not None and "timeout" not in kwargs:
        kwargs["timeout"] = args.timeout
    method = getattr(getattr(client, args.resource), spec["method"])
    result = method(**kwargs)
    if spec["listing"]:
        for item in result:
            emit(item)
    else:
        emit(result)
    return _exit.OK


def run_safely(args: argparse.Namespace) -> int:
    """``run`` with a client from the environment, each failure a one-line message and a code."""
    import tenios

    try:
        with tenios.TeniosClient(access_key=read_key(args)) as client:
            return int(args.run(args, client))
    except tenios.TeniosError as error:
        fail(f"{type(error).__name__}: {error}")
        return _exit.for_error(error)
    except BrokenPipeError:
        raise
    except (OSError, ValueError) as error:
        fail(str(error))
        return _exit.USAGE


def read_key(args: argparse.Namespace) -> Any:
    """The access key from ``--access-key-file``, else ``None`` (the client reads the environment)."""
    path = getattr(args, "access_key_file", None)
    return Path(path).read_text(encoding="utf-8").strip() if path else None
