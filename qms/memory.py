"""How often the cyclic garbage collector runs while the qms command works."""

from __future__ import annotations

import gc

__all__ = ["COMMAND_THRESHOLDS", "collect_less"]

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
