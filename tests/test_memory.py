"""The collector pause is scoped: the state before the block comes back, also after an error."""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest

from qms.memory import quiet_gc


@pytest.fixture
def collector() -> Iterator[None]:
    enabled = gc.isenabled()
    yield
    if enabled:
        gc.enable()
    else:
        gc.disable()


@pytest.mark.usefixtures("collector")
def test_the_collector_is_back_on_after_an_error() -> None:
    gc.enable()
    with pytest.raises(RuntimeError), quiet_gc():
        assert not gc.isenabled()
        raise RuntimeError("boom")
    assert gc.isenabled()


@pytest.mark.usefixtures("collector")
def test_a_collector_that_was_off_stays_off() -> None:
    gc.disable()
    with quiet_gc():
        pass
    assert not gc.isenabled()
