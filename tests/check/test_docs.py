"""The rule pages: title, metadata, sections and examples; the index lists every rule."""

from __future__ import annotations

from pathlib import Path

from qms.check.docs import index_page, main, rule_page, rule_pages
from qms.check.registry import RULES, by_code


def test_a_rule_page_has_its_title_metadata_and_examples() -> None:
    page = rule_page(by_code("S003"))
    assert "# S003 no-dead-end" in page
    assert "- **Rule set:** " in page and "**severity:** " in page
    assert "## Why" in page and "## Fix" in page
    assert page.count("```yaml") == 2


def test_the_index_lists_every_rule_once() -> None:
    index = index_page()
    assert all(index.count(f"[{r.code}]({r.code}.md)") == 1 for r in RULES)
    assert set(rule_pages()) == {"index.md", "criteria.md", *(f"{r.code}.md" for r in RULES)}


def test_main_writes_every_page(tmp_path: Path) -> None:
    assert main([str(tmp_path)]) == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(rule_pages())
