"""``qms build``: check report, diagrams, BPMN and handbook into one folder, redoing only what changed.

One module per part: :mod:`~qms.build.result` (what a build reports), :mod:`~qms.build.cache`
(content hashes and the cache file), :mod:`~qms.build.checks` and :mod:`~qms.build.outputs`
(the stages), :mod:`~qms.build.plan` (the order of the stages) and :mod:`~qms.build.watch`.
"""

from qms.build.cache import CACHE_FILE
from qms.build.checks import check_outputs, criteria_report
from qms.build.plan import build
from qms.build.result import STAGES, BuildResult, Memo, Progress, StageReport
from qms.build.watch import Rebuild, watch

__all__ = [
    "CACHE_FILE",
    "STAGES",
    "BuildResult",
    "Memo",
    "Progress",
    "Rebuild",
    "StageReport",
    "build",
    "check_outputs",
    "criteria_report",
    "watch",
]
