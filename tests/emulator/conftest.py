"""Fixtures of the emulator's tests: ``emulator``, a fresh emulator with demo data on a
``ManualClock`` that the test moves with ``advance`` (a module may override it)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tenios.testing import Emulator, ManualClock


@pytest.fixture
def emulator() -> Iterator[Emulator]:
    with Emulator(clock=ManualClock()) as emulator:
        yield emulator
