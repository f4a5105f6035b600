"""Print the findings of each case of the given rule folders (dev helper to review expectations)."""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[3]))
from tests.check.harness import actual, expected, run_rule  # noqa: E402

ROOT = Path(__file__).resolve().parents[1] / "rules"
for code in sys.argv[1:]:
    for case in sorted((ROOT / code).iterdir()):
        loaded, findings = run_rule(case, code)
        errs = [p.format() for p in loaded.problems if p.severity == "error"]
        got = actual(case, findings)
        want = expected(case)
        mark = "OK " if (got == want if case.name.startswith("invalid") else not got) else "XX "
        print(mark, code, case.name, "load-errors:" if errs else "", *errs)
        for f, g in zip(sorted(findings, key=lambda f: (f.file, f.line, f.column)), got):
            print(f"     # expect: {g[0]} @ {g[1] + ':' if g[1] != (case.name if case.is_file() else 'system.yaml') else ''}{g[2]}:{g[3]}   -- {f.message}")
