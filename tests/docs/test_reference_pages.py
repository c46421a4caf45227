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
