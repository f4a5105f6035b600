"""Insert '# expect:' header lines into invalid cases that have none (dev helper).

It runs the rule, prints every finding for review, and writes the expectations after the
leading comment lines, shifting same-file line numbers by the inserted count. Review the
printed messages: a stamped expectation is only as right as the rule that produced it.
"""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[3]))
from tests.check.harness import actual, expected, header_file, run_rule

ROOT = Path(__file__).resolve().parents[1] / "rules"
for code in sys.argv[1:]:
    for case in sorted((ROOT / code).iterdir()):
        if not case.name.startswith("invalid-") or expected(case):
            continue
        loaded, findings = run_rule(case, code)
        head = header_file(case)
        own = head.name if case.is_file() else "system.yaml"
        lines = head.read_text(encoding="utf-8").splitlines(keepends=True)
        n_comments = 0
        while n_comments < len(lines) and lines[n_comments].startswith("#"):
            n_comments += 1
        got = actual(case, findings)
        shift = len(got)
        stamped = []
        for c, rel, line, col in got:
            if rel == own:
                stamped.append(f"# expect: {c} @ {line + shift}:{col}\n")
            else:
                stamped.append(f"# expect: {c} @ {rel}:{line}:{col}\n")
        head.write_text("".join(lines[:n_comments] + stamped + lines[n_comments:]), encoding="utf-8")
        print(f"{code}/{case.name}:")
        for f in sorted(findings, key=lambda f: (f.file, f.line, f.column)):
            print(f"    {f.line}:{f.column} {f.message}")
