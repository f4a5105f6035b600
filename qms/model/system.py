"""The whole quality system: provider, organisation, architecture, cycle and plans."""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

from pydantic import Field, field_validator, model_validator

from qms.model.base import Id, Lang, StrictModel, Text, YearMonthOrDate
from qms.model.frameworks import FRAMEWORKS, SELF_ASSESSMENT_MODELS, framework, self_assessment_model
from qms.model.measure import Measure
from qms.model.process import Process
from qms.suggest import did_you_mean

__all__ = [
    "Action",
    "AnnualCycle",
    "Approval",
    "ApprovalRecord",
    "Architecture",
    "CheckConfig",
    "CycleEvent",
    "DevelopmentPlan",
    "EducationForm",
    "EvaluationActivity",
    "EvaluationFinding",
    "EvidenceRecord",
    "FeedbackInstrument",
    "GlossaryEntry",
    "MATURITY_LEVELS",
    "MaturityItem",
    "Objective",
    "OrgUnit",
    "Partnership",
    "ProcessGroup",
    "Provider",
    "QualityGroup",
    "QualitySystem",
    "Role",
    "SelfAssessment",
    "SpecialTask",
    "Stakeholder",
    "Strategy",
]


def _did_you_mean(word: str, known: list[str]) -> str:
    hint = did_you_mean(word, known)
    return f" ({hint})" if hint else ""


def _listify(value: Any) -> Any:
    return [value] if isinstance(value, str | int) else value


class SpecialTask(StrictModel):
    """A special task in the licence (järjestämislupa), mapped to processes and measures."""

    id: Id
    name: Text
    processes: list[Id] = Field(default_factory=list)
    measures: list[Id] = Field(default_factory=list)


class Provider(StrictModel):
    """The education provider (koulutuksen järjestäjä)."""

    id: Id
    name: Text
    alt_names: list[Text] = Field(default_factory=list)
    business_id: str | None = None
    owner_type: str | None = None
    owners: list[Text] = Field(default_factory=list)
    regions: list[Text] = Field(default_factory=list)
    sites: list[Text] = Field(default_factory=list)
    languages: list[Lang] = Field(default_factory=list)
    purpose: Text | None = None
    vision: Text | None = None
    values: list[Text] = Field(default_factory=list)
    quality_policy: Text | None = None
    frameworks: list[str] = Field(default_factory=list)
    special_tasks: list[SpecialTask] = Field(default_factory=list)


class Objective(StrictModel):
    """A strategic or operational objective with its measures and processes."""

    id: Id
    name: Text
    level: Literal["strategic", "operational", "unit", "process"] = "strategic"
    parent: Id | None = None
    owner: Id | None = None
    measures: list[Id] = Field(default_factory=list)
    processes: list[Id] = Field(default_factory=list)
    external_refs: list[Text] = Field(default_factory=list)


class Strategy(StrictModel):
    """The provider's strategy and its objectives."""

    id: Id
    name: Text
    period: str | None = None
    objectives: list[Objective] = Field(default_factory=list)


class Role(StrictModel):
    """A role (a lane in the diagrams): no personal data, only the function."""

    id: Id
    name: Text
    org_unit: Id | None = None
    qm_responsibility: bool = False
    qms_owner: bool = False
    responsibilities: list[Text] = Field(default_factory=list)


OrgLevel = Literal["jarjestaja", "tulosalue", "oppilaitos", "koulutusala", "toimipiste", "tiimi", "yksikko"]


class OrgUnit(StrictModel):
    """An organisation unit at one level (järjestäjä, tulosalue, oppilaitos, tiimi …)."""

    id: Id
    name: Text
    level: OrgLevel
    parent: Id | None = None
    manager: Id | None = None
    sites: list[Text] = Field(default_factory=list)


class Stakeholder(StrictModel):
    """An interested party (sidosryhmä); an external participant (pool) in the flows."""

    id: Id
    name: Text
    category: list[str] = Field(default_factory=list)
    requirements: list[Text] = Field(default_factory=list)
    channels: list[Text] = Field(default_factory=list)
    review_date: dt.date | None = None

    _cat = field_validator("category", mode="before")(classmethod(lambda cls, v: _listify(v)))


class EducationForm(StrictModel):
    """A form of education and training in the licence (koulutusmuoto)."""

    id: Id
    name: Text
    kind: str | None = None
    learning_environments: list[str] = Field(default_factory=list)


class QualityGroup(StrictModel):
    """The quality group (laaturyhmä): chair, members and mandate."""

    id: Id
    name: Text
    chair: Id | None = None
    members: list[Text] = Field(default_factory=list)
    mandate: list[Text] = Field(default_factory=list)
    meets: Text | None = None
    founded: str | None = None


class ProcessGroup(StrictModel):
    """A group of the process map (a process area), in drawing order."""

    id: Id
    name: Text
    category: Literal["management", "core", "support"]
    processes: list[Id] = Field(default_factory=list)


class Architecture(StrictModel):
    """The process architecture: groups and their order, and the value chain."""

    groups: list[ProcessGroup] = Field(default_factory=list)
    value_chain: list[Id] = Field(default_factory=list)
    customer_need: Text | None = None
    customer_result: Text | None = None


class FeedbackInstrument(StrictModel):
    """A feedback survey or channel and where its results go (closes the loop)."""

    id: Id
    name: Text
    target_groups: list[str] = Field(default_factory=list)
    timing: Text | None = None
    channel: Text | None = None
    owner: Id | None = None
    measures: list[Id] = Field(default_factory=list)
    feeds: list[Id] = Field(default_factory=list)
    analysis: str | None = None
    actions: list[Id] = Field(default_factory=list)
    languages: list[Lang] = Field(default_factory=list)


EvaluationType = Literal[
    "self_assessment",
    "internal_audit",
    "peer_review",
    "benchmarking",
    "management_review",
    "external_evaluation",
    "survey_round",
    "risk_review",
]


class EvaluationActivity(StrictModel):
    """An evaluation: self-assessment, internal audit, peer review, benchmarking …"""

    id: Id
    name: Text
    type: EvaluationType
    date: YearMonthOrDate | None = None
    status: Literal["planned", "done"] = "done"
    processes: list[Id] = Field(default_factory=list)
    org_units: list[Id] = Field(default_factory=list)
    education_forms: list[Id] = Field(default_factory=list)
    responsible: Id | None = None
    auditors: list[Id] = Field(default_factory=list)
    participants: list[str] = Field(default_factory=list)
    publish_required: bool = False
    published: dt.date | None = None
    evidence: list[Id] = Field(default_factory=list)


class EvaluationFinding(StrictModel):
    """A finding of an evaluation: a strength, an area for improvement, a nonconformity."""

    id: Id
    name: Text
    kind: Literal["strength", "improvement_area", "nonconformity", "observation", "good_practice"] = (
        "improvement_area"
    )
    source: Id | None = None
    source_text: Text | None = None
    processes: list[Id] = Field(default_factory=list)
    measures: list[Id] = Field(default_factory=list)
    criteria: list[str] = Field(default_factory=list)


class Action(StrictModel):
    """An improvement action of the development plan."""

    id: Id
    name: Text
    findings: list[Id] = Field(default_factory=list)
    owner: Id | None = None
    due: dt.date | None = None
    status: Literal["planned", "ongoing", "done", "verified", "cancelled"] = "planned"
    verified: dt.date | None = None
    effect_measure: Id | None = None
    processes: list[Id] = Field(default_factory=list)
    priority: Literal["high", "normal", "low"] | None = None


class DevelopmentPlan(StrictModel):
    """The quality-management development plan (kehittämissuunnitelma)."""

    id: Id
    name: Text
    start: dt.date | None = None
    end: dt.date | None = None
    adopted: YearMonthOrDate | None = None
    follow_up: list[Id] = Field(default_factory=list)
    findings: list[EvaluationFinding] = Field(default_factory=list)
    actions: list[Action] = Field(default_factory=list)
    internal: bool = False  # kept out of a public handbook


class CycleEvent(StrictModel):
    """An event of the annual cycle (vuosikello) in one or more months."""

    id: Id
    name: Text
    months: list[int] = Field(default_factory=list)
    continuous: bool = False
    kind: list[str] = Field(default_factory=list)
    pdca: Literal["plan", "do", "check", "act"] | None = None
    forum: Text | None = None
    inputs: list[Text] = Field(default_factory=list)
    outputs: list[Text] = Field(default_factory=list)
    audience: list[str] = Field(default_factory=list)
    evaluation: Id | None = None

    @model_validator(mode="before")
    @classmethod
    def _short(cls, data: Any) -> Any:
        if isinstance(data, dict):
            data = dict(data)
            if "month" in data and "months" not in data:
                data["months"] = data.pop("month")
            for key in ("months", "kind", "audience"):
                if key in data:
                    data[key] = _listify(data[key])
            pdca = data.get("pdca")
            if isinstance(pdca, str) and len(pdca) == 1:
                data["pdca"] = {"p": "plan", "d": "do", "c": "check", "a": "act"}.get(pdca.lower(), pdca)
        return data

    @field_validator("months")
    @classmethod
    def _valid_months(cls, value: list[int]) -> list[int]:
        for m in value:
            if not 1 <= m <= 12:
                raise ValueError(f"month {m} is not 1–12")
        return value


class AnnualCycle(StrictModel):
    """The annual cycle (vuosikello): when planning, follow-up and evaluation happen."""

    name: Text
    cycle_start_month: int = Field(default=1, ge=1, le=12)
    events: list[CycleEvent] = Field(default_factory=list)
    internal: bool = False  # kept out of a public handbook


#: Karvi's scale, lowest first (laadunarviointi.karvi.fi): missing, emerging, developed, advanced.
MaturityLevel = Literal["puuttuva", "alkava", "kehittynyt", "edistynyt"]
MATURITY_LEVELS: tuple[str, ...] = ("puuttuva", "alkava", "kehittynyt", "edistynyt")


class MaturityItem(StrictModel):
    """A self-assessed level for one evaluation area or item, with what it rests on (never computed).

    ``area_id`` names an area of the self-assessment model (Karvi-2022: ``K1`` … ``K5``);
    ``measures``, ``evaluations`` and ``feedback`` cite the data the level rests on, so that the
    checks can hold the level against it.
    """

    id: Id
    area: Text
    area_id: str | None = None
    level: MaturityLevel
    justification: Text | None = None
    evidence: list[Id] = Field(default_factory=list)
    measures: list[Id] = Field(default_factory=list)
    evaluations: list[Id] = Field(default_factory=list)
    feedback: list[Id] = Field(default_factory=list)

    @field_validator("level", mode="before")
    @classmethod
    def _karvi_word(cls, value: Any) -> Any:
        if value in ("kehittyva", "kehittyvä"):
            raise ValueError("Karvi's scale says 'kehittynyt', not 'kehittyvä': "
                             "use one of puuttuva, alkava, kehittynyt, edistynyt")
        return value


class SelfAssessment(StrictModel):
    """The provider's own self-assessment on a self-assessment model (``framework``: ``Karvi-2022``, ``OKM-2014``)."""

    framework: str
    date: dt.date | None = None
    participants: list[Text] = Field(default_factory=list)
    items: list[MaturityItem] = Field(default_factory=list)

    @field_validator("framework")
    @classmethod
    def _known_model(cls, value: str) -> str:
        if self_assessment_model(value) is None:
            known = [m.id for m in SELF_ASSESSMENT_MODELS]
            raise ValueError(f"unknown self-assessment model '{value}'{_did_you_mean(value, known)}; "
                             f"use one of {', '.join(known)}")
        return value



class EvidenceRecord(StrictModel):
    """A record that shows a criterion is met where the model cannot show it."""

    id: Id
    kind: Literal[
        "external_evaluation_report",
        "publication",
        "self_assessment_report",
        "meeting_minutes",
        "peer_review_report",
        "benchmarking_report",
        "partnership_agreement",
        "budget_decision",
        "survey_report",
        "audit_report",
        "other",
    ]
    title: Text
    criteria: list[str] = Field(default_factory=list)
    uri: str | None = None
    date: dt.date | None = None
    owner: Id | None = None
    valid_until: dt.date | None = None
    note: Text | None = None


class Partnership(StrictModel):
    """A partnership (e.g. with another provider) with its agreement and review."""

    id: Id
    name: Text
    partner: Id
    purpose: Text | None = None
    agreement_ref: Text | None = None
    review_date: dt.date | None = None
    processes: list[Id] = Field(default_factory=list)
    actions: list[Id] = Field(default_factory=list)


class GlossaryEntry(StrictModel):
    """A term of the handbook's glossary."""

    term: Text
    definition: Text


class ApprovalRecord(StrictModel):
    """One approval of a version of the quality system: the version, the approving body and the date."""

    version: str | None = None
    approved_by: Id | None = None
    approved: dt.date | None = None

    @field_validator("version", mode="before")
    @classmethod
    def _version_text(cls, value: Any) -> Any:
        return str(value) if isinstance(value, int | float) else value


class Approval(ApprovalRecord):
    """The approval in force of the quality system as a whole, by its approving body (board, management
    team), its next review, and the earlier approvals (``history``, newest first)."""

    next_review: dt.date | None = None
    history: list[ApprovalRecord] = Field(default_factory=list)


class CheckConfig(StrictModel):
    """Check configuration: profile, per-rule severities (or ``off``), parameters, framework versions.

    ``frameworks`` pins a framework to a version (``ISO: "9001:2008"``) or switches it off
    (``EFQM: off``); by default each framework's newest version in force at ``as_of`` applies.
    """

    profile: Literal["recommended", "strict", "small-provider"] = "recommended"
    rules: dict[str, Literal["error", "warning", "info", "off"]] = Field(default_factory=dict)
    review_interval_months: int = 12
    audit_cycle_years: int = 3
    frameworks: dict[str, str] = Field(default_factory=dict)

    @field_validator("frameworks")
    @classmethod
    def _known_versions(cls, value: dict[str, str]) -> dict[str, str]:
        problems = []
        for fw_id, version_id in value.items():
            fw = framework(fw_id)
            if fw is None:
                known = [f.id for f in FRAMEWORKS]
                problems.append(f"unknown framework '{fw_id}'{_did_you_mean(fw_id, known)}; "
                                f"use one of {', '.join(known)}")
            elif version_id != "off" and fw.version(str(version_id)) is None:
                known = [v.id for v in fw.versions]
                problems.append(f"{fw_id} has no version '{version_id}'{_did_you_mean(str(version_id), known)}; "
                                f"use one of {', '.join(known)}, or off")
        if problems:
            raise ValueError("; ".join(problems))
        return value


class QualitySystem(StrictModel):
    """A provider's quality-system description (toimintajärjestelmäkuvaus).

    Why: one object holds what a handbook, a process map and an evaluator need. It
    comes from ``system.yaml`` plus ``processes/**/*.yaml``; everything but the id, the
    name and the provider is optional so that a small provider can start small.
    ``as_of`` is the date the checks treat as today: they never read the clock.
    """

    system: Id
    name: Text
    notice: Text | None = None
    as_of: dt.date | None = None
    approval: Approval | None = None
    default_language: Lang = "fi"
    languages: list[Lang] = Field(default_factory=list)
    provider: Provider
    strategy: Strategy | None = None
    roles: list[Role] = Field(default_factory=list)
    org_units: list[OrgUnit] = Field(default_factory=list)
    stakeholders: list[Stakeholder] = Field(default_factory=list)
    education_forms: list[EducationForm] = Field(default_factory=list)
    quality_groups: list[QualityGroup] = Field(default_factory=list)
    architecture: Architecture = Architecture()
    measures: list[Measure] = Field(default_factory=list)
    feedback: list[FeedbackInstrument] = Field(default_factory=list)
    evaluations: list[EvaluationActivity] = Field(default_factory=list)
    annual_cycle: AnnualCycle | None = None
    development_plan: DevelopmentPlan | None = None
    self_assessment: SelfAssessment | None = None
    evidence: list[EvidenceRecord] = Field(default_factory=list)
    partnerships: list[Partnership] = Field(default_factory=list)
    glossary: list[GlossaryEntry] = Field(default_factory=list)
    checks: CheckConfig = CheckConfig()
    paper: Literal["a4", "a3"] = "a4"  # printed swimlanes: landscape pages of this size (a wide one is cut)
    processes: list[Process] = Field(default_factory=list)

    @property
    def id(self) -> str:
        """The system id."""
        return self.system

    def process(self, process_id: str) -> Process | None:
        """Return the process with ``process_id``, or None."""
        for p in self.processes:
            if p.process == process_id:
                return p
        return None

    def all_measures(self) -> list[tuple[Process | None, Measure]]:
        """Every measure with the process that holds it (None for the catalogue)."""
        out: list[tuple[Process | None, Measure]] = [(None, m) for m in self.measures]
        for p in self.processes:
            out.extend((p, m) for m in p.measures)
        return out
