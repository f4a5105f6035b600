"""Loading: YAML files → located, cross-referenced model; and the canonical YAML writer."""

from qms.load.dump import dump_process, dump_system
from qms.load.loader import LoadResult, load, load_or_raise, process_files

__all__ = ["LoadResult", "dump_process", "dump_system", "load", "load_or_raise", "process_files"]
