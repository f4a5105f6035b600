"""Print each case of the given rule folders with its findings (dev helper for reviewing cases).

Usage: python tests/check/tools/show.py S003 Q504
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[3]))
from tests.check.harness import actual, expected, run_rule

ROOT = Path(__file__).resolve().parents[1] / "rules"
for code in sys.argv[1:]:
    for case in sorted((ROOT / code).iterdir()):
        loaded, findings = run_rule(case, code)
        errors = [p.format() for p in loaded.problems if p.severity == "error"]
        got = actual(case, findings)
        ok = got == expected(case) if case.name.startswith("invalid-") else not got
        print("OK " if ok else "XX ", code, case.name, *errors)
        for f in sorted(findings, key=lambda f: (f.file, f.line, f.column)):
            print(f"     {f.line}:{f.column} {f.message}")
