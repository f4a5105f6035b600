"""The frameworks a quality system is judged against, with the dates each version was in force.

Why: a description dated 2013 is judged by the law and the standards of 2013, not of today.
A system's ``as_of`` picks, for every framework, the newest version in force on that day;
``checks.frameworks`` in system.yaml may pin another version or switch a framework off.
The self-assessment models (Karvi's, and the 2014 criteria of the national quality working
group) carry their scale and, where it is known, their evaluation areas.

Dates are the day a version came into force (a law) or was published (a standard, a
recommendation); ``until`` is the last day it applied. Where the catalogue paraphrases a
source or a date is not from the text itself, ``note`` says so.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Literal

__all__ = [
    "FRAMEWORKS",
    "SELF_ASSESSMENT_MODELS",
    "Framework",
    "Kind",
    "SelfAssessmentModel",
    "Version",
    "framework",
    "in_force",
    "self_assessment_model",
    "version",
]

D = dt.date

#: ``law``: a legal duty · ``recommendation``: a national or European recommendation
#: (good practice the evaluator expects) · ``standard``: a voluntary management-system model.
Kind = Literal["law", "recommendation", "standard"]


@dataclass(frozen=True, slots=True)
class Version:
    """One version of a framework and the days it applied."""

    id: str
    name: dict[str, str]
    since: dt.date
    until: dt.date | None = None
    note: str = ""

    def applies_on(self, day: dt.date) -> bool:
        """True when this version was in force on ``day``."""
        return self.since <= day and (self.until is None or day <= self.until)

    def label(self, lang: str = "en") -> str:
        """The version's name in ``lang`` (English when there is none)."""
        return self.name.get(lang) or self.name["en"]


@dataclass(frozen=True, slots=True)
class Framework:
    """A framework: the law, the national quality steering, EQAVET, ISO 9001, EFQM, CAF."""

    id: str
    name: dict[str, str]
    kind: Kind
    versions: tuple[Version, ...]
    #: applied to every provider unless switched off; False: only when the provider names it
    #: in ``provider.frameworks`` or ``checks.frameworks`` pins a version
    default: bool = True

    def label(self, lang: str = "en") -> str:
        """The framework's name in ``lang``."""
        return self.name.get(lang) or self.name["en"]

    def version(self, version_id: str) -> Version | None:
        """The version with ``version_id``, or None."""
        return next((v for v in self.versions if v.id == version_id), None)

    def in_force_on(self, day: dt.date) -> Version | None:
        """The newest version in force on ``day``, or None before the first one."""
        found = [v for v in self.versions if v.applies_on(day)]
        return max(found, key=lambda v: v.since) if found else None


def _v(vid: str, en: str, fi: str, sv: str, since: dt.date, until: dt.date | None = None, note: str = "") -> Version:
    return Version(vid, {"en": en, "fi": fi, "sv": sv}, since, until, note)


FRAMEWORKS: tuple[Framework, ...] = (
    Framework("FI-LAW", {"en": "Act on Vocational Education and Training", "fi": "Laki ammatillisesta koulutuksesta",
                         "sv": "Lagen om yrkesutbildning"}, "law", (
        _v("630/1998", "Act 630/1998 on Vocational Education and Training, section 24 (with 631/1998 for adult VET)",
           "Laki ammatillisesta koulutuksesta (630/1998) 24 § (aikuiskoulutuksessa 631/1998)",
           "Lagen om yrkesutbildning (630/1998) 24 § (vuxenutbildning 631/1998)",
           D(1999, 1, 1), D(2017, 12, 31), "section numbers of 630/1998 and 631/1998 are quoted from secondary sources"),
        _v("531/2017", "Act 531/2017 on Vocational Education and Training, section 126",
           "Laki ammatillisesta koulutuksesta (531/2017) 126 §", "Lagen om yrkesutbildning (531/2017) 126 §",
           D(2018, 1, 1)),
    )),
    Framework("FI-QMS", {"en": "Finnish national VET quality steering (as read by qms)",
                         "fi": "Ammatillisen koulutuksen kansallinen laadunhallinnan ohjaus (qms:n tulkinta)",
                         "sv": "Nationell styrning av kvalitetsledning i yrkesutbildningen (qms tolkning)"},
              "recommendation", (
        _v("2011", "OPH quality recommendation 2008 and quality strategy 2011–2020",
           "OPH:n laadunhallintasuositus 2008 ja laatustrategia 2011–2020",
           "Utbildningsstyrelsens kvalitetsrekommendation 2008 och kvalitetsstrategin 2011–2020",
           D(2011, 6, 1), D(2013, 12, 31), "the strategy was published in 2011; the criteria followed in 2014"),
        _v("2014", "OPH quality recommendation 2008, quality strategy 2011–2020, criteria of the 2014–2015 self-evaluation",
           "OPH:n laadunhallintasuositus 2008, laatustrategia 2011–2020, itsearvioinnin 2014–2015 kriteeristö",
           "Utbildningsstyrelsens kvalitetsrekommendation 2008, kvalitetsstrategin 2011–2020, kriterierna för "
           "självvärderingen 2014–2015",
           D(2014, 1, 1), D(2019, 12, 31), "the criteria of the self-evaluation 2014–2015 (OKM-2014) are taken as in "
           "force from the start of 2014; the strategy's successor came in late 2019"),
        _v("2020", "Quality strategy 2030 and Karvi's evaluation model 2019–2022",
           "Laatustrategia 2030 ja Karvin arviointimalli 2019–2022",
           "Kvalitetsstrategin 2030 och NCU:s utvärderingsmodell 2019–2022",
           D(2020, 1, 1), None, "the 2030 strategy (OKM 2019:29) is taken as in force from the start of 2020"),
    )),
    Framework("EQAVET", {"en": "EQAVET, the European quality assurance reference framework for VET",
                         "fi": "EQAVET, ammatillisen koulutuksen eurooppalainen laadunvarmistuksen viitekehys",
                         "sv": "EQAVET, den europeiska referensramen för kvalitetssäkring inom yrkesutbildning"},
              "recommendation", (
        _v("2009", "EQAVET Recommendation of 18 June 2009", "EQAVET-suositus 18.6.2009", "EQAVET-rekommendationen 18.6.2009",
           D(2009, 6, 18), D(2020, 11, 23)),
        _v("2020", "Council Recommendation of 24 November 2020 on VET, Annex II (EQAVET)",
           "Neuvoston suositus ammatillisesta koulutuksesta 24.11.2020, liite II (EQAVET)",
           "Rådets rekommendation om yrkesutbildning 24.11.2020, bilaga II (EQAVET)", D(2020, 11, 24)),
    )),
    Framework("ISO", {"en": "ISO 9001 quality management systems", "fi": "ISO 9001 laadunhallintajärjestelmät",
                      "sv": "ISO 9001 ledningssystem för kvalitet"}, "standard", (
        _v("9001:2008", "ISO 9001:2008", "ISO 9001:2008", "ISO 9001:2008", D(2008, 11, 15), D(2018, 9, 14),
           "withdrawn with the end of the transition to 9001:2015"),
        _v("9001:2015", "ISO 9001:2015", "ISO 9001:2015", "ISO 9001:2015", D(2015, 9, 15)),
    )),
    Framework("EFQM", {"en": "EFQM Model", "fi": "EFQM-malli", "sv": "EFQM-modellen"}, "standard", (
        _v("2010", "EFQM Excellence Model 2010", "EFQM Excellence -malli 2010", "EFQM Excellence-modellen 2010",
           D(2009, 10, 1), D(2012, 9, 30)),
        _v("2013", "EFQM Excellence Model 2013", "EFQM Excellence -malli 2013", "EFQM Excellence-modellen 2013",
           D(2012, 10, 1), D(2019, 10, 31)),
        _v("2020", "EFQM Model 2020", "EFQM-malli 2020", "EFQM-modellen 2020", D(2019, 11, 1)),
    )),
    Framework("CAF", {"en": "CAF, the Common Assessment Framework", "fi": "CAF-arviointimalli",
                      "sv": "CAF, gemensam bedömningsram"}, "standard", (
        _v("2006", "CAF 2006", "CAF 2006", "CAF 2006", D(2006, 9, 1), D(2013, 8, 31)),
        _v("2013", "CAF 2013", "CAF 2013", "CAF 2013", D(2013, 9, 1), D(2020, 5, 31)),
        _v("2020", "CAF 2020", "CAF 2020", "CAF 2020", D(2020, 6, 1)),
    ), default=False),
)

_BY_ID = {f.id: f for f in FRAMEWORKS}


def framework(framework_id: str) -> Framework | None:
    """The framework with ``framework_id``, or None.

    >>> framework("ISO").in_force_on(dt.date(2014, 3, 1)).id
    '9001:2008'
    >>> framework("FI-LAW").in_force_on(dt.date(2026, 3, 1)).id
    '531/2017'
    """
    return _BY_ID.get(framework_id)


def version(framework_id: str, version_id: str) -> Version | None:
    """One version of one framework, or None."""
    fw = framework(framework_id)
    return fw.version(version_id) if fw else None


def in_force(day: dt.date) -> dict[str, Version | None]:
    """The newest version of every framework in force on ``day`` (None where none was).

    >>> {k: (v.id if v else None) for k, v in in_force(dt.date(2013, 1, 31)).items()}["EFQM"]
    '2013'
    """
    return {f.id: f.in_force_on(day) for f in FRAMEWORKS}


@dataclass(frozen=True, slots=True)
class SelfAssessmentModel:
    """A self-assessment model: its scale, lowest first, and its evaluation areas (id → name)."""

    id: str
    name: str
    since: dt.date
    scale: tuple[str, ...]
    areas: dict[str, str]
    note: str = ""


#: Karvi's four-level scale (laadunarviointi.karvi.fi): missing, emerging, developed, advanced.
KARVI_SCALE: tuple[str, ...] = ("puuttuva", "alkava", "kehittynyt", "edistynyt")

SELF_ASSESSMENT_MODELS: tuple[SelfAssessmentModel, ...] = (
    SelfAssessmentModel(
        "OKM-2014", "Criteria of a functioning quality management system (national quality working group), "
        "self-evaluation of 2014–2015", D(2014, 1, 1), KARVI_SCALE, {},
        "the criterion texts are not recorded here; areas are free text"),
    SelfAssessmentModel(
        "Karvi-2022", "Karvi's evaluation model for VET quality management systems 2019–2022", D(2019, 11, 6),
        KARVI_SCALE,
        {"K1": "Johtaminen, ohjaus ja laadunhallinta", "K2": "Tutkintojen ja koulutuksen järjestäminen",
         "K3": "Järjestämisen edellytykset", "K4": "Työelämäyhteistyö, kumppanuudet ja sidosryhmät",
         "K5": "Tulokset"},
        "area ids are qms's; the names paraphrase the published model's areas"),
)

_MODELS = {m.id: m for m in SELF_ASSESSMENT_MODELS}


def self_assessment_model(model_id: str) -> SelfAssessmentModel | None:
    """The self-assessment model with ``model_id``, or None."""
    return _MODELS.get(model_id)
