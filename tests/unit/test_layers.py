"""The layers of CONTRIBUTING's map hold: what sends does not import what parses inbound posts,
one open-enum mechanism, and httpx only in the HTTP layer."""

from __future__ import annotations

import ast
from pathlib import Path

import tenios

PACKAGE = Path(tenios.__file__).parent


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            found.add("." * node.level + (node.module or ""))
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    return found


def test_outbound_blocks_do_not_import_the_inbound_parser() -> None:
    for module in ("call_control/_blocks.py", "call_control/_response.py"):
        assert not any(name.endswith("_inbound") for name in _imports(PACKAGE / module)), module


def test_open_enums_have_one_mechanism() -> None:
    sources = {path: path.read_text(encoding="utf-8") for path in PACKAGE.rglob("*.py")}
    defining = [path.name for path, text in sources.items() if "class _KnownMember" in text]
    assert defining == ["_fields.py"]
    users = [p.relative_to(PACKAGE).as_posix() for p, t in sources.items() if "_KnownMember(" in t]
    assert users == ["types/_fields.py"]  # everything else spells it Open[E]
    assert all("union_mode" not in text for text in sources.values())


def test_httpx_is_imported_at_run_time_only_by_the_http_layer() -> None:
    importers: list[str] = []
    for path in PACKAGE.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in tree.body:  # module level, outside `if TYPE_CHECKING:` blocks
            if isinstance(node, ast.Import) and any(a.name == "httpx" for a in node.names):
                importers.append(path.relative_to(PACKAGE).as_posix())
    # The emulator (tenios.testing) is its own component and uses httpx to post to receivers.
    core = [name for name in importers if not name.startswith("testing/")]
    assert core == ["_http.py"]
