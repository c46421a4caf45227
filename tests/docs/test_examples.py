"""Every Python example in README.md and docs/ runs against the emulator."""

from __future__ import annotations

from pathlib import Path

import pytest

from .snippets import run_markdown

ROOT = Path(__file__).resolve().parents[2]
PAGES = [ROOT / "README.md", *sorted((ROOT / "docs").rglob("*.md"))]
# Pages whose examples are the point of the page: finding none there means the extraction broke.
MUST_RUN_EXAMPLES = {
    "README.md",
    "docs/index.md",
    "docs/quickstart.md",
    "docs/configuration.md",
    "docs/errors.md",
    "docs/resources/callback.md",
    "docs/resources/acd.md",
    "docs/resources/transfer.md",
    "docs/resources/call-control.md",
    "docs/resources/makecall.md",
    "docs/resources/recording.md",
    "docs/resources/monitoring.md",
    "docs/resources/cloud-pbx.md",
    "docs/resources/cdrs.md",
    "docs/resources/numbers.md",
}


@pytest.mark.parametrize("page", PAGES, ids=[str(p.relative_to(ROOT)) for p in PAGES])
def test_examples_on_the_page_run(page: Path) -> None:
    name = page.relative_to(ROOT).as_posix()
    ran = run_markdown(page.read_text(encoding="utf-8"), name)
    if name in MUST_RUN_EXAMPLES:
        assert ran, f"{name} has no Python example that runs"
