"""The BPMN reader as it was before it was rewritten, loaded from git, to time against in the same run.

``read_before()`` returns that reader's ``read_bpmn``; :class:`harness.NotAvailable` when git or the
revision is not there (a plain copy of the sources) or the old module no longer imports.
"""

from __future__ import annotations

import importlib.util
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from harness import NotAvailable

REVISION = "d60abb2"
"""The last revision with the single-module reader (``qms/bpmn/read.py``, 1,595 lines)."""
ROOT = Path(__file__).resolve().parents[1]


def read_before() -> Callable[..., Any]:
    """``read_bpmn`` of :data:`REVISION`, imported from a temporary copy of its source."""
    try:
        source = subprocess.run(["git", "show", f"{REVISION}:qms/bpmn/read.py"], cwd=ROOT, capture_output=True,
                                check=True, timeout=30).stdout
    except (OSError, subprocess.SubprocessError) as exc:
        raise NotAvailable(f"the reader of {REVISION} is not in git here ({type(exc).__name__})") from None
    path = Path(tempfile.mkdtemp(prefix="qms-before-")) / "read_before.py"
    path.write_bytes(source)
    spec = importlib.util.spec_from_file_location("read_before", path)
    if spec is None or spec.loader is None:
        raise NotAvailable("the old reader cannot be loaded")
    module = importlib.util.module_from_spec(spec)
    sys.modules["read_before"] = module  # (its dataclasses look their module up)
    try:
        spec.loader.exec_module(module)
    except Exception as exc:  # shown in the table
        raise NotAvailable(f"the reader of {REVISION} no longer imports ({type(exc).__name__})") from None
    # (it names unnamed steps by kind: the kinds added since get their own key as the name)
    for names in getattr(module, "_UNNAMED", {}).values():
        for kind in ("subprocess", "event_gateway", "complex"):
            names.setdefault(kind, kind)
    return module.read_bpmn  # type: ignore[no-any-return]
