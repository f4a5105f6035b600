"""Semantic diff of two versions of a system or a process, from folders or git revisions."""

from qms.diff.output import FORMATS, format_changes, process_names
from qms.diff.semantic import Change, diff_processes, diff_systems
from qms.diff.versions import load_side, split_range

__all__ = ["FORMATS", "Change", "diff_processes", "diff_systems", "format_changes", "load_side",
           "process_names", "split_range"]
