"""The Python snippets of docs/webhooks.md and docs/call-control.md run, and print what they say."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

DOCS = Path(__file__).resolve().parents[2] / "docs"
FENCE = re.compile(r"^```python[^\n]*\n(.*?)^```", re.MULTILINE | re.DOTALL)


def snippets(*names: str) -> list[tuple[str, str]]:
    found: list[tuple[str, str]] = []
    for name in names:
        for number, code in enumerate(FENCE.findall((DOCS / name).read_text(encoding="utf-8"))):
            found.append((f"{name}#{number + 1}", code))
    return found


SNIPPETS = snippets("webhooks.md", "call-control.md")
RUNNABLE = [(where, code) for where, code in SNIPPETS if not code.startswith("# requires:")]


def test_both_pages_have_runnable_snippets_and_framework_snippets() -> None:
    framework = {code.split("\n", 1)[0] for _, code in SNIPPETS} - {
        code.split("\n", 1)[0] for _, code in RUNNABLE
    }
    assert framework == {"# requires: fastapi", "# requires: flask"}
    assert len(RUNNABLE) >= 6


@pytest.mark.parametrize(("where", "code"), SNIPPETS, ids=[where for where, _ in SNIPPETS])
def test_every_snippet_compiles(where: str, code: str) -> None:
    compile(code, where, "exec")


@pytest.mark.parametrize(("where", "code"), RUNNABLE, ids=[where for where, _ in RUNNABLE])
def test_snippet_runs_with_the_sdk_alone_and_prints_what_its_comments_say(
    where: str,
    code: str,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("TENIOS_WEBHOOK_ACCESS_KEY", raising=False)

    exec(compile(code, where, "exec"), {"__name__": "__docs__"})

    printed = capsys.readouterr().out.splitlines()
    # "print(...)  # text" promises that output line, as does a comment line right below a print.
    promised = re.findall(r"^\s*print\(.*\)[ \t]*\n?\s*#\s*(.+)$", code, re.MULTILINE)
    for comment in promised:
        assert comment.strip() in [line.strip() for line in printed], where
