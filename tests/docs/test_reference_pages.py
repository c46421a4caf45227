"""The API reference lists each public name once."""

from __future__ import annotations

import importlib
import re
from collections import defaultdict
from pathlib import Path
from typing import Any

import griffe

ROOT = Path(__file__).resolve().parents[2]
REFERENCE = ROOT / "docs" / "reference"
DIRECTIVE = re.compile(r"^::: (\S+)$((?:\n    .*)*)", re.M)
PRIVATE = re.compile(r"(?<![\w.])_[A-Za-z]\w*")
"""A private name as a signature would show it (``_BLOCK_CLASSES``), not one inside a word."""


def _documented() -> dict[str, list[tuple[str, Any]]]:
    """Each page's documented objects: a module directive shows its `__all__` minus its filters."""
    pages: dict[str, list[tuple[str, Any]]] = {}
    for page in sorted(REFERENCE.glob("*.md")):
        shown: list[tuple[str, Any]] = []
        for target, options in DIRECTIVE.findall(page.read_text(encoding="utf-8")):
            filters = re.search(r"filters: \[(.*)\]", options)
            excluded = [f.strip(' "')[1:] for f in filters.group(1).split(",")] if filters else []
            try:
                module = importlib.import_module(target)
            except ImportError:
                module_name, _, name = target.rpartition(".")
                shown.append((target, getattr(importlib.import_module(module_name), name)))
                continue
            for name in module.__all__:
                if not any(re.search(rule, name) for rule in excluded if rule != "^_"):
                    shown.append((f"{target}.{name}", getattr(module, name)))
        pages[page.name] = shown
    return pages


def test_every_public_name_is_on_one_reference_page_only() -> None:
    pages_of: dict[int, set[str]] = defaultdict(set)
    names: dict[int, str] = {}
    for page, shown in _documented().items():
        for name, obj in shown:
            if isinstance(obj, (type, griffe.Object)) or callable(obj):
                pages_of[id(obj)].add(page)
                names[id(obj)] = name
    twice = {names[key]: sorted(pages) for key, pages in pages_of.items() if len(pages) > 1}
    assert twice == {}


def _signature_texts(obj: griffe.Object) -> list[tuple[str, str]]:
    texts: list[tuple[str, str]] = []
    if isinstance(obj, griffe.Function):
        for parameter in obj.parameters:
            if not parameter.name.startswith("_"):
                texts.append((parameter.name, str(parameter.default or "")))
                texts.append((parameter.name, str(parameter.annotation or "")))
        texts.append(("return", str(obj.returns or "")))
    return texts


def test_no_signature_in_the_reference_shows_a_private_name() -> None:
    package = griffe.load("tenios", search_paths=[str(ROOT / "src")], resolve_aliases=True)
    found: list[str] = []
    seen: set[str] = set()

    def check(obj: griffe.Object) -> None:
        if obj.path in seen:
            return
        seen.add(obj.path)
        found.extend(
            f"{obj.path} {what}: {text}"
            for what, text in _signature_texts(obj)
            if PRIVATE.search(text)
        )
        if isinstance(obj, griffe.Class):
            for name, member in obj.members.items():
                if not name.startswith("_") or name == "__init__":
                    target = member.final_target if isinstance(member, griffe.Alias) else member
                    check(target)

    for module_name in (
        "tenios",
        "tenios.types",
        "tenios.call_control",
        "tenios.webhooks",
        "tenios.testing",
    ):
        module = importlib.import_module(module_name)
        node = package if module_name == "tenios" else package[module_name.split(".", 1)[1]]
        for name in module.__all__:
            member = node[name]
            check(member.final_target if isinstance(member, griffe.Alias) else member)
    assert len(seen) > 100
    assert found == []


def test_methods_a_class_gets_from_a_private_base_are_shown_on_its_page() -> None:
    """mkdocstrings shows inherited members only when told: a page whose classes take public
    methods from private bases (``Emulator`` from its mixins) must say ``inherited_members``."""
    for page in sorted(REFERENCE.glob("*.md")):
        for target, options in DIRECTIVE.findall(page.read_text(encoding="utf-8")):
            try:
                module = importlib.import_module(target)
            except ImportError:
                continue
            inheriting = [
                name
                for name in module.__all__
                if isinstance(cls := getattr(module, name), type)
                and any(
                    base.__module__.startswith("tenios")
                    and base.__name__ not in module.__all__
                    and any(
                        not member.startswith("_") and member != "model_config"
                        for member in vars(base)
                    )
                    for base in cls.__mro__[1:]
                )
            ]
            if inheriting:
                assert "inherited_members: true" in options, (page.name, inheriting)
