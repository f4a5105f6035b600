"""Write rule-test cases from a Python dict (dev helper, not a test): path -> text.

Usage: python tests/check/tools/mkcases.py cases_file.py   (the file defines CASES = {...})
For a folder case, use keys like "Q504/invalid-x/system.yaml" and ".../processes/a.yaml".
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
