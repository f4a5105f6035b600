"""Rule-test harness: write examples to disk, load them, run one rule, read ``# expect:`` headers.

A test case is a single process file (``invalid-x.yaml``) or a small system folder
(``invalid-x/system.yaml`` + ``processes/*.yaml``). Invalid cases declare their findings in
header comments of the file (for a folder: of ``system.yaml``)::

    # expect: S003 @ 12:5                       (in the same file)
    # expect: Q504 @ processes/talous.yaml:3:10  (in another file of the folder)

A single process file may set "today" with ``# as-of: 2026-03-01``.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from qms.check.config import resolve_config
from qms.check.engine import check
from qms.check.finding import Finding
from qms.check.registry import RULES
from qms.load import LoadResult, load

EXPECT = re.compile(r"^#\s*expect:\s*([SQ]\d{3})\s*@\s*(?:(\S+?):)?(\d+):(\d+)\s*$")
AS_OF = re.compile(r"^#\s*as-of:\s*(\d{4}-\d{2}-\d{2})\s*$")
FILE_SEPARATOR = re.compile(r"^# file: (\S+)\s*$", re.MULTILINE)

Expected = tuple[str, str, int, int]


def header_file(case: Path) -> Path:
    """The file whose header holds the expectations: the case itself or its system.yaml."""
    return case / "system.yaml" if case.is_dir() else case


def expected(case: Path) -> list[Expected]:
    """The ``(code, file, line, column)`` expectations of a case, file relative to the case."""
    out = []
    head = header_file(case)
    default = "system.yaml" if case.is_dir() else case.name
    for line in head.read_text(encoding="utf-8").splitlines():
        m = EXPECT.match(line.strip())
        if m:
            out.append((m[1], m[2] or default, int(m[3]), int(m[4])))
    return sorted(out)


def as_of(case: Path) -> dt.date | None:
    """The ``# as-of:`` date of a single-file case, if any."""
    for line in header_file(case).read_text(encoding="utf-8").splitlines():
        m = AS_OF.match(line.strip())
        if m:
            return dt.date.fromisoformat(m[1])
    return None


def run_rule(case: Path, code: str) -> tuple[LoadResult, list[Finding]]:
    """Load ``case`` and run only the rule ``code`` (at its default severity)."""
    loaded = load(case)
    assert loaded.system is not None, [p.format() for p in loaded.problems]
    config = resolve_config(loaded.system, RULES, select=[code])
    result = check(loaded.system, config, as_of=as_of(case), standalone=loaded.standalone)
    return loaded, result.findings


def actual(case: Path, findings: list[Finding]) -> list[Expected]:
    """Findings as ``(code, file relative to the case, line, column)``."""
    base = case if case.is_dir() else case.parent
    out = []
    for f in findings:
        try:
            rel = Path(f.file).resolve().relative_to(base.resolve()).as_posix()
        except ValueError:
            rel = f.file
        out.append((f.code, rel, f.line, f.column))
    return sorted(out)


def write_example(text: str, target: Path) -> Path:
    """Write a docstring example: a process file, or a system folder split at ``# file:`` lines."""
    if not text.lstrip().startswith("system:"):
        target.mkdir(parents=True, exist_ok=True)
        path = target / "example.yaml"
        path.write_text(text, encoding="utf-8")
        return path
    folder = target / "example"
    parts = FILE_SEPARATOR.split(text)
    (folder / "processes").mkdir(parents=True)
    (folder / "system.yaml").write_text(parts[0], encoding="utf-8")
    for name, body in zip(parts[1::2], parts[2::2], strict=True):
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(body.lstrip("\n"), encoding="utf-8")
    return folder
