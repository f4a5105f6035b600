"""Write rule-test cases from a Python file defining ``CASES = {relative path: text}`` (dev helper).

Usage: python tests/check/tools/mkcases.py my_cases.py
Paths are relative to tests/check/rules/, e.g. "Q504/invalid-x/system.yaml".
"""

import runpy
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1] / "rules"
cases = runpy.run_path(sys.argv[1])["CASES"]
for rel, text in cases.items():
    path = ROOT / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text.lstrip("\n"), encoding="utf-8")
    print("wrote", path.relative_to(ROOT))
