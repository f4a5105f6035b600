"""The registry: every rule, listed explicitly, read top to bottom (as yamllint's rules/__init__).

Adding a rule = one file under ``rules/structure`` or ``rules/quality``, one line here and one
line in its rule set (``rulesets/<scope>.yaml``). Importing this module fails on a duplicate
code, name or alias, or an unknown criterion id.
"""

from __future__ import annotations

from qms.check.criteria import criterion
from qms.check.rule import Rule
from qms.check.rules.quality import (
    q001_stub_process,
    q002_suppression_reason,
    q003_as_of_missing,
    q101_process_owner,
    q102_process_inputs_outputs,
    q103_process_measures,
    q104_process_resources,
    q105_process_risks,
    q106_risk_complete,
    q107_review_missing,
    q108_review_overdue,
    q109_documented_information,
    q110_document_control,
    q111_step_pdca,
    q112_pdca_phases,
    q113_pdca_check_act,
    q114_core_process_customers,
    q115_early_warning,
    q116_process_improvement,
    q117_process_interfaces,
    q201_measure_complete,
    q202_target_missed,
    q203_result_trend,
    q204_perception_measures,
    q205_results_balance,
    q206_eqavet_indicators,
    q207_objective_measures,
    q208_outcome_measures,
    q301_stakeholder_review,
    q302_stakeholder_requirements,
    q303_stakeholder_unlinked,
    q304_partnership_follow_up,
    q305_customer_feedback,
    q306_feedback_loop,
    q307_needs_identification,
    q401_qm_responsibilities,
    q402_strategy_chain,
    q403_scope_coverage,
    q404_workplace_learning,
    q405_regional_impact,
    q406_staff_competence,
    q407_special_tasks,
    q408_objective_external_refs,
    q409_budget_process,
    q410_deviation_handling,
    q411_competence_assessment,
    q501_self_evaluation,
    q502_evaluation_published,
    q503_stakeholder_participation,
    q504_audit_programme,
    q505_auditor_independence,
    q506_management_review,
    q507_external_evaluation,
    q508_peer_learning,
    q509_annual_cycle,
    q510_results_communicated,
    q511_development_plan,
    q512_action_overdue,
    q513_maturity_evidence,
    q514_maturity_self_assessment,
    q515_maturity_contradicted,
    q516_finding_out_of_scope,
    q517_weakness_without_action,
    q518_action_effect,
    q519_record_before_event,
    q520_results_not_segmented,
    q521_approval_dates,
)
from qms.check.rules.structure import (
    s001_start_event_required,
    s002_end_event_required,
    s003_no_dead_end,
    s004_no_disconnected,
    s005_no_unreachable,
    s006_superfluous_gateway,
    s007_fake_join,
    s008_no_implicit_split,
    s009_no_gateway_join_fork,
    s010_labelled_branches,
    s011_label_required,
    s012_no_duplicate_flows,
    s013_single_blank_start_event,
    s014_no_deadlock,
    s015_no_lack_of_sync,
    s016_lane_required,
    s017_no_call_cycle,
    s018_message_event_direction,
    s019_event_flow_direction,
)

__all__ = ["RULES", "by_code", "rule_for"]

RULES: tuple[Rule, ...] = (
    s001_start_event_required.check,
    s002_end_event_required.check,
    s003_no_dead_end.check,
    s004_no_disconnected.check,
    s005_no_unreachable.check,
    s006_superfluous_gateway.check,
    s007_fake_join.check,
    s008_no_implicit_split.check,
    s009_no_gateway_join_fork.check,
    s010_labelled_branches.check,
    s011_label_required.check,
    s012_no_duplicate_flows.check,
    s013_single_blank_start_event.check,
    s014_no_deadlock.check,
    s015_no_lack_of_sync.check,
    s016_lane_required.check,
    s017_no_call_cycle.check,
    s018_message_event_direction.check,
    s019_event_flow_direction.check,
    q001_stub_process.check,
    q002_suppression_reason.check,
    q003_as_of_missing.check,
    q101_process_owner.check,
    q102_process_inputs_outputs.check,
    q103_process_measures.check,
    q104_process_resources.check,
    q105_process_risks.check,
    q106_risk_complete.check,
    q107_review_missing.check,
    q108_review_overdue.check,
    q109_documented_information.check,
    q110_document_control.check,
    q111_step_pdca.check,
    q112_pdca_phases.check,
    q113_pdca_check_act.check,
    q114_core_process_customers.check,
    q115_early_warning.check,
    q116_process_improvement.check,
    q117_process_interfaces.check,
    q201_measure_complete.check,
    q202_target_missed.check,
    q203_result_trend.check,
    q204_perception_measures.check,
    q205_results_balance.check,
    q206_eqavet_indicators.check,
    q207_objective_measures.check,
    q208_outcome_measures.check,
    q301_stakeholder_review.check,
    q302_stakeholder_requirements.check,
    q303_stakeholder_unlinked.check,
    q304_partnership_follow_up.check,
    q305_customer_feedback.check,
    q306_feedback_loop.check,
    q307_needs_identification.check,
    q401_qm_responsibilities.check,
    q402_strategy_chain.check,
    q403_scope_coverage.check,
    q404_workplace_learning.check,
    q405_regional_impact.check,
    q406_staff_competence.check,
    q407_special_tasks.check,
    q408_objective_external_refs.check,
    q409_budget_process.check,
    q410_deviation_handling.check,
    q411_competence_assessment.check,
    q501_self_evaluation.check,
    q502_evaluation_published.check,
    q503_stakeholder_participation.check,
    q504_audit_programme.check,
    q505_auditor_independence.check,
    q506_management_review.check,
    q507_external_evaluation.check,
    q508_peer_learning.check,
    q509_annual_cycle.check,
    q510_results_communicated.check,
    q511_development_plan.check,
    q512_action_overdue.check,
    q513_maturity_evidence.check,
    q514_maturity_self_assessment.check,
    q515_maturity_contradicted.check,
    q516_finding_out_of_scope.check,
    q517_weakness_without_action.check,
    q518_action_effect.check,
    q519_record_before_event.check,
    q520_results_not_segmented.check,
    q521_approval_dates.check,
)


def _validate(rules: tuple[Rule, ...]) -> None:
    seen: dict[str, str] = {}
    for r in rules:
        for key in (r.code, r.name, *r.aliases):
            if key in seen:
                raise ValueError(f"rule key '{key}' of {r.code} is already used by {seen[key]}")
            seen[key] = r.code
        for cid in r.criteria:
            if criterion(cid) is None:
                raise ValueError(f"rule {r.code} cites unknown criterion '{cid}'")


_validate(RULES)

_BY_KEY = {key: r for r in RULES for key in (r.code, r.name, *r.aliases)}


def by_code(code: str) -> Rule:
    """The rule with ``code`` (or name or alias); KeyError when there is none.

    Examples
    --------
    >>> by_code("no-dead-end").code
    'S003'
    """
    return _BY_KEY[code]


def rule_for(key: str) -> Rule | None:
    """The rule with code, name or alias ``key``, or None."""
    return _BY_KEY.get(key)
