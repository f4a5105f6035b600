"""Memory helpers shared by the stages: pausing the cyclic garbage collector."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

__all__ = ["quiet_gc"]


@contextmanager
def quiet_gc() -> Iterator[None]:
    """Pause the cyclic garbage collector while a large structure is built.

    Why: loading a system or writing its BPMN allocates hundreds of thousands of objects
    that form no cycles; with a large heap the collector's full passes would cost more
    than the work itself and make the time per element grow with the size. Reference
    counting still frees everything.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
