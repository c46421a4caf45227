"""The tables and trees the docs show by hand agree with the code, so they cannot drift."""

from __future__ import annotations

import inspect
import re
from pathlib import Path

import pytest

import tenios
from tenios._endpoints import ENDPOINTS
from tenios._exceptions import _ERROR_CODES, error_class_for  # pyright: ignore[reportPrivateUsage]
from tenios._methods import ApiMethod, ListingMethod
from tenios.resources.acd import ACD
from tenios.resources.call_control import CallControl
from tenios.resources.callback import Callback
from tenios.resources.cdrs import Cdrs
from tenios.resources.cloud_pbx import CloudPbx
from tenios.resources.makecall import Makecall
from tenios.resources.monitoring import Monitoring
from tenios.resources.numbers import Numbers
from tenios.resources.recording import Recording
from tenios.resources.transfer import Transfer

DOCS = Path(__file__).resolve().parents[2] / "docs"
_ROW = re.compile(r"^\|(.+)\|\s*$")


def _section(page: str, heading: str) -> str:
    """The text under ``## heading`` up to the next ``## ``."""
    text = (DOCS / page).read_text(encoding="utf-8")
    start = text.index(f"\n## {heading}\n")
    end = text.find("\n## ", start + 1)
    return text[start : end if end != -1 else len(text)]


def _table(text: str) -> list[list[str]]:
    """The body rows of the first markdown table in ``text``, cells stripped of spaces and ``."""
    rows: list[list[str]] = []
    for line in text.splitlines():
        match = _ROW.match(line.strip())
        if match is None:
            if rows:
                break
            continue
        cells = [cell.strip().strip("`") for cell in match[1].split("|")]
        if not all(set(cell) <= set("-: ") for cell in cells):
            rows.append(cells)
    return rows[1:]  # without the header


def test_the_error_tree_on_the_errors_page_is_the_class_tree() -> None:
    tree = _section("errors.md", "The tree").split("```text\n", 1)[1].split("```", 1)[0]
    parents: dict[str, str] = {}
    stack: list[str] = []
    for line in tree.splitlines():
        name = line.lstrip("│├└─ ")
        depth = (len(line) - len(name)) // 4
        del stack[depth:]
        if stack:
            parents[name] = stack[-1]
        stack.append(name)

    exceptions = {
        name
        for name in tenios.__all__
        if inspect.isclass(cls := getattr(tenios, name)) and issubclass(cls, tenios.TeniosError)
    }
    assert set(parents) | {"TeniosError"} == exceptions
    for name, parent in parents.items():
        assert getattr(tenios, parent) in getattr(tenios, name).__bases__, name


def test_the_error_code_table_lists_every_code_and_its_class() -> None:
    rows = _table(_section("errors.md", "Which error code maps where"))
    on_the_page = dict(rows)

    in_the_code = {code: error_class_for(400, code).__name__ for code in _ERROR_CODES}
    assert on_the_page == in_the_code


def test_the_status_table_predicts_the_class_of_every_answer_without_a_known_code() -> None:
    second_table = _section("errors.md", "Which error code maps where").split(
        "classified by its HTTP status", 1
    )[1]
    rows = dict(_table(second_table))
    for status in range(300, 600):
        if str(status) in rows:
            expected = rows[str(status)]
        elif status >= 500:
            expected = rows["5xx"]
        else:
            expected = rows["any other"]
        assert error_class_for(status, None).__name__ == expected, status
        assert error_class_for(status, "A_CODE_THE_SDK_DOES_NOT_KNOW").__name__ == expected


def test_the_retry_table_on_the_configuration_page_matches_the_endpoint_table() -> None:
    rows = _table(_section("configuration.md", "Retries"))
    on_the_page = {method: answer.startswith("yes") for method, answer in rows}

    assert on_the_page == {endpoint.name: endpoint.safe_to_retry for endpoint in ENDPOINTS}


@pytest.mark.parametrize(
    ("resource", "page"),
    [
        (Callback, "resources/callback.md"),
        (ACD, "resources/acd.md"),
        (Transfer, "resources/transfer.md"),
        (CallControl, "resources/call-control.md"),
        (Makecall, "resources/makecall.md"),
        (Recording, "resources/recording.md"),
        (Monitoring, "resources/monitoring.md"),
        (CloudPbx, "resources/cloud-pbx.md"),
        (Cdrs, "resources/cdrs.md"),
        (Numbers, "resources/numbers.md"),
    ],
)
def test_each_resource_page_lists_every_method_and_endpoint(resource: type, page: str) -> None:
    text = (DOCS / page).read_text(encoding="utf-8")
    public = [
        name
        for name, member in vars(resource).items()
        if isinstance(member, (ApiMethod, ListingMethod)) and not name.startswith("_")
    ]

    assert public
    for name in public:
        assert f"| `{name}(" in text, f"{page} does not list {resource.__name__}.{name}"
    prefix = re.sub(r"(?<=[a-z])(?=[A-Z])", "_", resource.__name__).lower() + "."
    for endpoint in ENDPOINTS:
        if endpoint.name.startswith(prefix):
            assert f"`{endpoint.path}`" in text, f"{page} does not name {endpoint.path}"


def test_the_api_reference_documents_every_public_name_and_subpackage() -> None:
    reference = (DOCS / "reference" / "tenios.md").read_text(encoding="utf-8")
    documented = set(re.findall(r"^::: tenios\.(\w+)$", reference, flags=re.MULTILINE))
    public = [name for name in tenios.__all__ if name != "__version__"]
    subpackages = [name for name in public if inspect.ismodule(getattr(tenios, name))]

    missing = [
        name
        for name in public
        if name not in subpackages and name not in documented | set(tenios.types.__all__)
    ]
    assert missing == []
    assert "types" in subpackages
    for name in subpackages:
        page = (DOCS / "reference" / f"{name}.md").read_text(encoding="utf-8")
        assert f"::: tenios.{name}\n" in page, name
