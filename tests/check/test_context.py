"""What rules share: groups of people, dates of periods, and the indexes of a system built once."""

from __future__ import annotations

import datetime as dt

from qms.check.context import Context, add_months, group_of, period_end, period_year
from qms.model import Process, QualitySystem


def test_groups_months_and_periods() -> None:
    assert [group_of(c) for c in ("Opiskelija", "employer", "teachers", "authority")] == [
        "student", "working_life", "staff", None]
    assert add_months(dt.date(2024, 1, 31), 1) == dt.date(2024, 2, 29)
    assert add_months(dt.date(2025, 1, 15), -13) == dt.date(2023, 12, 15)
    assert period_year("2024/2025") == 2025 and period_year(None) is None
    assert period_end("2025-02") == dt.date(2025, 2, 28)
    assert period_end("2025-03-20") == dt.date(2025, 3, 20)


def test_the_flow_of_a_process_is_built_once_and_released() -> None:
    p = Process.model_validate({"process": "p", "name": "P", "category": "core",
                                "steps": [{"id": "a", "start": "A"}, {"id": "b", "end": "B"}], "flow": ["a -> b"]})
    ctx = Context(QualitySystem(system="s", name="S", provider={"id": "s", "name": "S"}, processes=[p]),
                  as_of=dt.date(2026, 1, 1))
    view = ctx.flow(p)
    assert ctx.flow(p) is view and view.graph.nodes == ["a", "b"]
    ctx.release(p)
    assert ctx.flow(p) is not view
    assert ctx.processes == {"p": p} and ctx.described == [p]
    assert ctx.years_before(2) == dt.date(2024, 1, 1)
