"""The criteria catalogue (criteria.md §B) as data: id, framework, statement, how it is checked."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

__all__ = ["CRITERIA", "FRAMEWORKS", "Criterion", "criterion"]

Automation = Literal["AUTO", "SEMI", "HUMAN"]


@dataclass(frozen=True, slots=True)
class Criterion:
    """One checkable criterion of the catalogue, paraphrased in the toolkit's own words.

    Why: rules cite these ids, the coverage report lists them per framework, and the
    handbook's criteria page shows them. ``automation``: AUTO = shown by the model alone,
    SEMI = model check plus a human's evidence, HUMAN = evidence record only.
    ``evidence`` lists the kinds of evidence record that can show it.
    """

    id: str
    framework: str
    title: str
    ref: str
    level: str
    automation: Automation
    evidence: tuple[str, ...] = ()


#: Framework id → display name, in report order.
FRAMEWORKS: dict[str, str] = {
    "FI-LAW": "Act on Vocational Education and Training 531/2017 §126",
    "FI-QMS": "Finnish VET quality management (OPH, Karvi, quality strategy)",
    "EQAVET": "EQAVET provider-level quality criteria",
    "ISO": "ISO 9001:2015 process approach, evaluation and improvement",
    "EFQM": "EFQM Model (RADAR lens)",
}

_C = Criterion
CRITERIA: tuple[Criterion, ...] = (
    _C("FI-LAW-1", "FI-LAW", "The provider evaluates its education and other activities, their quality and effectiveness",
       "531/2017 §126", "S", "SEMI", ("self_assessment_report", "audit_report")),
    _C("FI-LAW-2", "FI-LAW", "The provider is responsible for quality and for continuous improvement of quality management",
       "531/2017 §126", "S", "SEMI", ("meeting_minutes", "other")),
    _C("FI-LAW-3", "FI-LAW", "The provider takes part regularly in external evaluation",
       "531/2017 §126; Karvi", "S", "HUMAN", ("external_evaluation_report",)),
    _C("FI-LAW-4", "FI-LAW", "Key results of the provider's own evaluations are published and turned into action",
       "531/2017 §126; EQAVET review", "S", "SEMI", ("publication",)),
    _C("FI-QMS-1", "FI-QMS", "The quality system covers every unit, result area and education form of the licence",
       "OPH; quality strategy 2030 goal 1; ISO 4.3", "S/A", "AUTO"),
    _C("FI-QMS-2", "FI-QMS", "Purpose, strategy, objectives, measures and processes form a traceable chain",
       "Karvi 2015, 2022; quality strategy goal 5; EFQM 1", "S", "AUTO"),
    _C("FI-QMS-3", "FI-QMS", "Core processes name their customers, whose feedback is collected and feeds the process",
       "Quality strategy goal 2; Karvi 2022; ISO 9.1.2", "P/S", "AUTO", ("survey_report",)),
    _C("FI-QMS-4", "FI-QMS", "Measures have a data source, a rhythm and a forum that reviews them",
       "Quality strategy goal 4", "S", "AUTO"),
    _C("FI-QMS-5", "FI-QMS", "Students, staff and working life take part in planning, evaluating and developing quality",
       "Karvi 2022; EQAVET planning, evaluation", "S", "SEMI", ("meeting_minutes", "self_assessment_report")),
    _C("FI-QMS-6", "FI-QMS", "Learning at workplaces (apprenticeship, training agreement) is within quality management",
       "Karvi 2022; EQAVET+", "A", "AUTO"),
    _C("FI-QMS-7", "FI-QMS", "Working-life cooperation and partnerships are managed and followed up",
       "Karvi 2022; EQAVET implementation", "A", "SEMI", ("partnership_agreement",)),
    _C("FI-QMS-8", "FI-QMS", "Regional impact and anticipation of competence needs are planned and measured",
       "Quality strategy; EQAVET indicator 9", "A", "AUTO"),
    _C("FI-QMS-9", "FI-QMS", "Results are communicated to staff and stakeholders",
       "Karvi 2022", "S", "AUTO", ("publication",)),
    _C("FI-QMS-10", "FI-QMS", "An annual cycle ties planning, follow-up, evaluation and review together",
       "OPH, Karvi practice; EQAVET cycle", "S", "AUTO"),
    _C("FI-QMS-11", "FI-QMS", "A development plan based on evaluation findings exists and is followed up",
       "Karvi 2015, 2022; EQAVET review", "S", "AUTO"),
    _C("FI-QMS-12", "FI-QMS", "The provider self-assesses the maturity of its quality management, with evidence",
       "Karvi 2021–22 model", "S", "SEMI", ("self_assessment_report",)),
    _C("FI-QMS-13", "FI-QMS", "Staff competence development is planned from the strategy and evaluated",
       "Karvi 2022; EQAVET implementation, indicator 2", "A", "AUTO"),
    _C("FI-QMS-14", "FI-QMS", "Special tasks of the licence are covered by processes and measures",
       "Licence; FI-QMS-1", "S", "AUTO"),
    _C("FI-QMS-15", "FI-QMS", "Peer review or benchmarking is used for learning from others",
       "OPH peer review; 2008 recommendation", "S", "SEMI", ("peer_review_report", "benchmarking_report")),
    _C("EQAVET-P1", "EQAVET", "Provider targets reflect national and European goals and the strategy",
       "EQAVET planning", "S", "SEMI", ("other",)),
    _C("EQAVET-P2", "EQAVET", "Goals and targets are explicit and monitored through indicators",
       "EQAVET planning; ISO 6.2", "S/P", "AUTO"),
    _C("EQAVET-P3", "EQAVET", "Needs of working life, the region and learners are identified with stakeholders and feed planning",
       "EQAVET planning; indicator 9", "A", "AUTO"),
    _C("EQAVET-P4", "EQAVET", "Responsibilities for quality management are explicitly allocated",
       "EQAVET planning; ISO 5.3", "S", "AUTO"),
    _C("EQAVET-I1", "EQAVET", "Resources are assigned in line with the targets of the plans",
       "EQAVET implementation", "A", "SEMI", ("budget_decision",)),
    _C("EQAVET-E1", "EQAVET", "Self-evaluation is carried out periodically",
       "EQAVET evaluation; 531/2017", "S", "AUTO", ("self_assessment_report",)),
    _C("EQAVET-E2", "EQAVET", "Evaluation covers processes and outcomes, including learner and staff satisfaction",
       "EQAVET evaluation", "S", "AUTO", ("survey_report",)),
    _C("EQAVET-E3", "EQAVET", "Early-warning mechanisms detect a risk of failure such as drop-out",
       "EQAVET evaluation", "P", "AUTO"),
    _C("EQAVET-R1", "EQAVET", "Feedback from learners and staff is collected and used for action (closed loop)",
       "EQAVET review", "A", "AUTO"),
    _C("EQAVET-IND", "EQAVET", "The measure set covers the provider-relevant EQAVET reference indicators",
       "EQAVET indicators", "S", "AUTO"),
    _C("EQAVET-CYCLE", "EQAVET", "Every process, or the cycle that governs it, plans, does, checks and acts",
       "EQAVET cycle; ISO PDCA", "P", "AUTO"),
    _C("ISO-4.4-a", "ISO", "Each process states its inputs and outputs", "ISO 9001 4.4.1 a", "P", "AUTO"),
    _C("ISO-4.4-b", "ISO", "The sequence and interaction of processes are defined", "ISO 9001 4.4.1 b", "A", "AUTO"),
    _C("ISO-4.4-c", "ISO", "Each process has criteria and performance indicators", "ISO 9001 4.4.1 c; 9.1.1", "P", "AUTO"),
    _C("ISO-4.4-d", "ISO", "The resources each process needs are determined", "ISO 9001 4.4.1 d; 7.1", "P", "AUTO"),
    _C("ISO-4.4-e", "ISO", "Responsibilities and authorities are assigned", "ISO 9001 4.4.1 e; 5.3", "P", "AUTO"),
    _C("ISO-4.4-f", "ISO", "Risks and opportunities of each process are identified with controls",
       "ISO 9001 4.4.1 f; 6.1", "P", "AUTO"),
    _C("ISO-4.4-g", "ISO", "Processes are evaluated and changed when needed", "ISO 9001 4.4.1 g", "P", "AUTO"),
    _C("ISO-4.4-h", "ISO", "Processes and the quality system are improved", "ISO 9001 4.4.1 h; 10.1, 10.3", "P/S", "AUTO"),
    _C("ISO-4.4.2", "ISO", "Documented information supports the processes and keeps evidence",
       "ISO 9001 4.4.2; 7.5", "P", "AUTO"),
    _C("ISO-4.2", "ISO", "Interested parties and their requirements are identified and reviewed", "ISO 9001 4.2", "S", "AUTO"),
    _C("ISO-9.2", "ISO", "An internal audit programme covers the processes over the audit cycle",
       "ISO 9001 9.2", "S", "AUTO", ("audit_report",)),
    _C("ISO-9.3", "ISO", "Top management reviews the quality system at planned intervals",
       "ISO 9001 9.3", "S", "SEMI", ("meeting_minutes",)),
    _C("ISO-10.2", "ISO", "Deviations, complaints and nonconformities are handled with corrective action",
       "ISO 9001 10.2", "A", "AUTO"),
    _C("EFQM-RADAR", "EFQM", "Results show targets, trends over three periods or more, and comparisons",
       "EFQM RADAR; criteria 6–7", "S", "AUTO", ("benchmarking_report",)),
    _C("EFQM-6", "EFQM", "Results cover stakeholder perceptions as well as performance", "EFQM criteria 6–7", "S", "AUTO"),
)

_BY_ID = {c.id: c for c in CRITERIA}


def criterion(criterion_id: str) -> Criterion | None:
    """Return the criterion with ``criterion_id``, or None.

    Examples
    --------
    >>> criterion("ISO-9.2").automation
    'AUTO'
    >>> len(CRITERIA)
    45
    """
    return _BY_ID.get(criterion_id)
