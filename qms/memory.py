"""How often the cyclic garbage collector runs while the qms command works."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

__all__ = ["COMMAND_THRESHOLDS", "collect_less", "quiet_gc"]

#: The collector's thresholds while a qms command runs (Python's defaults are 700, 10, 10).
COMMAND_THRESHOLDS: tuple[int, int, int] = (50_000, 20, 100)


def collect_less() -> None:
    """Let the cyclic garbage collector run less often, for the rest of the process.

    Why: loading a system, checking it or writing its BPMN allocates hundreds of thousands
    of objects that form no cycles; with the default thresholds the collector scans the
    growing heap again and again, and loading the 200-process benchmark system takes twice
    as long (1.1 s against 0.57 s of CPU). Cycles are still collected, a little later.

    Only a program decides this for its process: the ``qms`` command calls it before it
    runs (:func:`qms.cli.main`), and so do the benchmarks. The library never does.

    Examples
    --------
    >>> import gc
    >>> before = gc.get_threshold()
    >>> collect_less()
    >>> gc.get_threshold()
    (50000, 20, 100)
    >>> gc.set_threshold(*before)
    """
    gc.set_threshold(*COMMAND_THRESHOLDS)


@contextmanager
def quiet_gc() -> Iterator[None]:
    """Pause the cyclic garbage collector for the ``with`` block, then put it back as it was.

    Why: loading a system or writing its BPMN allocates hundreds of thousands of objects
    that form no cycles; with a large heap the collector's passes cost more than the work
    itself and make the time per element grow with the size. Reference counting still
    frees everything. Measured on the BPMN export: without it, 0.45 s of a 3.7 s export of
    the 500-process benchmark system and 0.32 s of a 2.4 s export of a 10,000-step process
    went to the collector (``gc.callbacks``).

    The collector is one per interpreter, so the pause holds for every thread while the
    block runs: wrap only the one call that a benchmark shows needs it, never a whole
    program. The state before the block (on or off) is restored, also when it raises.

    Examples
    --------
    >>> import gc
    >>> with quiet_gc():
    ...     gc.isenabled()
    False
    >>> gc.isenabled()
    True
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
