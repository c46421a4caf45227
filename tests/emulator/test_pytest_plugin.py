"""The ``tenios`` pytest plugin: registered by entry point, cheap to load, and its fixtures give
each test a fresh emulator and a client on it."""

from __future__ import annotations

import importlib
import importlib.metadata
import sys

import pytest

import tenios
from tenios.testing import DEMO_AGENT_EMAIL, Emulator

pytest_plugins = ["pytester"]


def test_the_plugin_is_registered_as_a_pytest11_entry_point() -> None:
    entry_points = importlib.metadata.distribution("tenios").entry_points  # 3.9 has no group=
    plugins = {ep.name: ep.value for ep in entry_points if ep.group == "pytest11"}
    assert plugins["tenios"] == "tenios.testing.pytest_plugin"


def test_loading_the_plugin_does_not_load_the_emulator_or_the_client() -> None:
    # pytest imports every installed plugin at startup, in every project that installs tenios:
    # importing it afresh must load only the plugin and its packages.
    saved = {name: module for name, module in sys.modules.items() if name.split(".")[0] == "tenios"}
    for name in saved:
        del sys.modules[name]
    try:
        importlib.import_module("tenios.testing.pytest_plugin")
        loaded = {name for name in sys.modules if name.split(".")[0] == "tenios"}
    finally:
        for name in [name for name in sys.modules if name.split(".")[0] == "tenios"]:
            del sys.modules[name]
        sys.modules.update(saved)
    assert loaded == {
        "tenios",
        "tenios._exceptions",
        "tenios._version",
        "tenios.testing",
        "tenios.testing.pytest_plugin",
    }


def test_the_fixtures_give_an_emulator_and_a_client_on_it(
    tenios_emulator: Emulator, tenios_client: tenios.TeniosClient
) -> None:
    tenios_client.acd.change_agent_state(DEMO_AGENT_EMAIL, state="NOT_READY")
    assert tenios_emulator.agent(DEMO_AGENT_EMAIL).state == "NOT_READY"
    assert [entry.endpoint for entry in tenios_emulator.journal] == ["acd.change_agent_state"]


def test_each_test_gets_a_fresh_emulator(tenios_emulator: Emulator) -> None:
    # Whatever ran before (the test above changed the agent), this emulator starts anew.
    assert tenios_emulator.journal == []
    assert tenios_emulator.agent(DEMO_AGENT_EMAIL).state == "READY"


def test_the_package_exports_what_it_lists_and_nothing_else() -> None:
    import tenios.testing as testing

    assert dir(testing) == sorted(testing.__all__)
    for name in testing.__all__:
        assert getattr(testing, name) is not None
    unknown = "Nothing"
    with pytest.raises(AttributeError, match="has no attribute 'Nothing'"):
        getattr(testing, unknown)


_CLOCK_TEST = """
import pytest

{marker}
def test_clock(tenios_emulator):
    print("SCALE", tenios_emulator.clock.scale)
"""


@pytest.mark.parametrize(
    ("marker", "ini", "scale"),
    [
        ("", "", 1.0),
        ("@pytest.mark.tenios(time_scale=100)", "", 100.0),
        ("", "tenios_time_scale = 50", 50.0),
        ("@pytest.mark.tenios(time_scale=200)", "tenios_time_scale = 50", 200.0),
    ],
)
def test_the_fixtures_clock_is_set_by_marker_or_ini(
    pytester: pytest.Pytester, marker: str, ini: str, scale: float
) -> None:
    pytester.makeini(f"[pytest]\n{ini}\n")
    pytester.makepyfile(_CLOCK_TEST.format(marker=marker))
    result = pytester.runpytest_inprocess("-s", "-p", "no:randomly", "--strict-markers")
    result.assert_outcomes(passed=1)
    assert f"SCALE {scale}" in result.stdout.str()


def test_a_bad_time_scale_is_a_usage_error(pytester: pytest.Pytester) -> None:
    pytester.makepyfile(_CLOCK_TEST.format(marker="@pytest.mark.tenios(time_scale=0)"))
    result = pytester.runpytest_inprocess()
    assert "time_scale must be a number above 0, not 0" in result.stdout.str()
    assert result.ret != 0
