"""Writes ``commands.json``: every resource method of the SDK as a plain-data command description.

Run ``python -m tenios._cli._generate`` after adding or changing a resource method; a test fails
while the table is out of date (as httpcore checks its generated sync code). The table is plain
data (JSON, read with the standard library) so that ``tenios --help`` starts without importing
httpx or pydantic.
"""

from __future__ import annotations

import enum
import inspect
import json
import re
from pathlib import Path

TABLE = Path(__file__).with_name("commands.json")


def _enum_values(annotation: str) -> list[str]:
    import tenios.types as types

    for name in re.findall(r"[A-Z]\w+", annotation):
        candidate = getattr(types, name, None)
        if isinstance(candidate, type) and issubclass(candidate, enum.Enum):
            return [str(member.value) for member in candidate]
    return []


SECRETS = frozenset({"supervisor_key", "push_secret"})
"""Arguments that are secrets: read from the environment or a file, never the command line."""


def _kind(annotation: str) -> str:
    if "Mapping" in annotation or "Skills" in annotation:
        return "json"
    if "Document" in annotation:
        return "file"
    if _enum_values(annotation):
        return "choice"
    for kind in ("datetime", "bool", "int", "float"):
        if re.search(rf"\b{kind}\b", annotation):
            return kind
    return "str"


def _parameter(parameter: inspect.Parameter) -> dict[str, object]:
    annotation = str(parameter.annotation)
    described: dict[str, object] = {
        "name": parameter.name,
        "kind": "secret" if parameter.name in SECRETS else _kind(annotation),
        "positional": parameter.kind is inspect.Parameter.POSITIONAL_OR_KEYWORD,
        "required": parameter.default is inspect.Parameter.empty,
    }
    if described["kind"] == "choice":
        described["choices"] = _enum_values(annotation)
    if parameter.default is not inspect.Parameter.empty and parameter.default is not None:
        default = parameter.default
        if isinstance(default, (str, int, float, bool)):
            described["default"] = default
    return described


def commands() -> dict[str, dict[str, dict[str, object]]]:
    """Each resource's methods: help line, parameters, and what they return."""
    from tenios import TeniosClient
    from tenios._methods import ApiMethod, ListingMethod
    from tenios.resources._base import Resource

    client = TeniosClient(access_key="generator")
    table: dict[str, dict[str, dict[str, object]]] = {}
    try:
        for resource_name in sorted(dir(type(client))):
            resource: object = getattr(client, resource_name)
            owner: type[object] = type(resource)
            if resource_name.startswith("_") or not isinstance(resource, Resource):
                continue
            methods: dict[str, dict[str, object]] = {}
            members: dict[str, object] = dict(vars(owner))
            for name, member in members.items():
                if name.startswith("_") or not isinstance(member, (ApiMethod, ListingMethod)):
                    continue
                signature = inspect.signature(member.__wrapped__)
                parameters = [
                    _parameter(p)
                    for p in list(signature.parameters.values())[1:]
                    if "NotGiven" not in str(p.annotation)  # the per-call HTTP timeout
                ]
                doc = inspect.getdoc(member.__wrapped__) or ""
                methods[name.replace("_", "-")] = {
                    "method": name,
                    "help": doc.split("\n", 1)[0],
                    "listing": isinstance(member, ListingMethod),
                    "parameters": parameters,
                }
            table[resource_name.replace("_", "-")] = methods
    finally:
        client.close()
    return table


def render() -> str:
    """The text of ``commands.json``."""
    return json.dumps(commands(), indent=1, ensure_ascii=False) + "\n"


if __name__ == "__main__":  # pragma: no cover - writes the file; test_cli checks it is current
    TABLE.write_text(render(), encoding="utf-8")
    print(f"wrote {TABLE}")
