"""A missed target leads to an improvement action.

Why: a missed target is where improvement starts; an evaluator asks what was done about it.
The rule reports the latest result that misses its target only when no action of the
development plan addresses the measure (its ``effect_measure:``, or a finding it names whose
``measures:`` list it). Targets are read as comparisons (``">= 4,3"``, ``"≥ 70 %"``, ``"≤ 45 pv"``,
``"100 %"``, ``"< 2 %"``; decimal comma or point); a target without a comparison sign means
*at least*. A target that is not a number (``"<= valtakunnallinen keskiarvo"``) is not
compared.

Fix: nothing to fix in the file: link an improvement action to the measure (its finding's
``measures:`` or the action's ``effect_measure:``), or review whether the target is right.

**Bad**::

    process: rekrytointi
    name: Rekrytointi
    category: support
    steps:
      - {id: alku, start: Alku}
      - {id: loppu, end: Loppu}
    flow: [alku -> loppu]
    measures:
      - id: M-HR-1
        name: Rekrytoinnin läpimenoaika
        target: "≤ 45 pv"
        results: [{period: "2024", value: 52}, {period: "2025", value: "47 pv"}]

**Good**::

    process: rekrytointi
    name: Rekrytointi
    category: support
    steps:
      - {id: alku, start: Alku}
      - {id: loppu, end: Loppu}
    flow: [alku -> loppu]
    measures:
      - id: M-HR-1
        name: Rekrytoinnin läpimenoaika
        target: "≤ 45 pv"
        results: [{period: "2024", value: 52}, {period: "2025", value: "44 pv"}]
"""

from __future__ import annotations

from collections.abc import Iterator

from qms.check.context import Context
from qms.check.finding import Finding, finding, loc
from qms.check.i18n import Msg
from qms.check.rule import rule
from qms.check.targets import latest_result, parse_target
from qms.model import QualitySystem


def _acted_on(system: QualitySystem) -> set[str]:
    """Measures an improvement action addresses: its ``effect_measure``, or a finding it names."""
    plan = system.development_plan
    if plan is None:
        return set()
    by_finding = {f.id: f.measures for f in plan.findings}
    out = set()
    for a in plan.actions:
        if a.status == "cancelled":
            continue
        if a.effect_measure:
            out.add(a.effect_measure)
        for fid in a.findings:
            out.update(by_finding.get(fid, []))
    return out


def _number(value: float) -> str:
    return f"{value:g}".replace(".", ",")


@rule(code="Q202", name="target-missed", scope="system", default_severity="warning", standalone=True)
def check(system: QualitySystem, ctx: Context) -> Iterator[Finding]:
    acted = _acted_on(system)
    for holder, m in system.all_measures():
        if m.id in acted:
            continue
        target = parse_target(m.target)
        latest = latest_result([(r.period, r.value) for r in m.results])
        if target is None or latest is None:
            continue
        period, value = latest
        if target.met_by(value):
            continue
        unit = f" {target.unit}" if target.unit else ""
        alert = parse_target(m.alert) if m.alert and m.alert.strip()[:1] in "<>≤≥=" else None
        past = bool(alert and m.alert and alert.met_by(value))
        fields = {"measure": m.id, "value": f"{_number(value)}{unit}", "period": period,
                  "target": str(m.target).strip(), "alert": (m.alert or "").strip()}
        yield finding(
            Msg("the latest result of measure '{measure}' ({value} in {period}) misses its target {target}; "
                "it is past the alert level {alert}, and no action addresses it", **fields) if past else
            Msg("the latest result of measure '{measure}' ({value} in {period}) misses its target {target}, "
                "and no action addresses it", **fields),
            at=loc(m, "target"), process=holder.process if holder else "", element=m.id,
            hint=Msg("plan an improvement action for the measure (`effect_measure:` or a finding's `measures:`), "
                     "or review the target"),
        )
