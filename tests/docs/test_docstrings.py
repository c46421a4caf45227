"""Docstrings are Markdown, as the API reference renders them (mkdocstrings, no reST)."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import tenios

PACKAGE = Path(tenios.__file__).parent
ROLE = re.compile(r":(meth|class|func|attr|exc|mod|data|obj):`")


def _docstrings() -> list[tuple[str, str]]:
    found: list[tuple[str, str]] = []
    for path in sorted(PACKAGE.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)):
                doc = ast.get_docstring(node, clean=False)
                if doc:
                    where = f"{path.relative_to(PACKAGE)}:{getattr(node, 'lineno', 1)}"
                    found.append((where, doc))
    return found


DOCSTRINGS = _docstrings()


def test_the_package_has_docstrings_to_check() -> None:
    assert len(DOCSTRINGS) > 100


def test_no_docstring_has_rest_markup() -> None:
    offenders: list[str] = []
    for where, doc in DOCSTRINGS:
        outside_code = re.sub(r"```.*?```", "", doc, flags=re.S)
        if ROLE.search(outside_code):
            offenders.append(f"{where}: a reST role renders as raw text")
        if any(line.rstrip().endswith("::") for line in outside_code.splitlines()):
            offenders.append(f"{where}: a reST '::' block renders as a stray paragraph")
    assert offenders == []
