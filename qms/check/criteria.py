"""The criteria catalogue (criteria.md §B) as data: what is asked, by which version of which framework.

Each criterion belongs to a framework (:mod:`qms.model.frameworks`) and says, per version of that
framework, which clause or passage asks for it (``refs``). A criterion without a ref in the version
in force does not apply on that day: ISO 9001:2008 asks for no risk register, and 531/2017 did not
exist in 2013. ``source`` tells an evaluator how binding it is: ``law`` (a legal duty), ``framework``
(the text of a standard or recommendation), ``good_practice`` (what evaluators expect, derived from
a framework), ``qms`` (a convention of this toolkit). The ids are qms's own: no framework numbers
its descriptors this way.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Literal

from qms.check.i18n import Msg
from qms.model.frameworks import FRAMEWORKS as _FRAMEWORKS
from qms.model.frameworks import framework

__all__ = ["CRITERIA", "FRAMEWORKS", "SOURCES", "Criterion", "Source", "criterion"]

Automation = Literal["AUTO", "SEMI", "HUMAN"]
Source = Literal["law", "framework", "good_practice", "qms"]
SOURCES: tuple[str, ...] = ("law", "framework", "good_practice", "qms")


@dataclass(frozen=True, slots=True)
class Criterion:
    """One criterion of the catalogue, in qms's own words, with its reference per framework version.

    Why: rules cite these ids, the coverage report lists them per framework, and the handbook's
    criteria page shows them. ``automation``: AUTO = the model alone shows it, SEMI = the model
    plus a record a person confirms, HUMAN = a record only. ``evidence`` lists the kinds of
    evidence record that can show it.
    """

    id: str
    framework: str
    titles: dict[str, str]
    refs: dict[str, str]
    source: Source
    level: str
    automation: Automation
    evidence: tuple[str, ...] = field(default=())

    @property
    def title(self) -> str:
        """The English title."""
        return self.titles["en"]

    def title_in(self, lang: str) -> str:
        """The title in ``lang`` (fi, en, sv; English when there is none)."""
        return self.titles.get(lang) or self.titles["en"]

    @property
    def ref(self) -> str:
        """The reference in the newest version of the framework that has one."""
        fw = framework(self.framework)
        order = [v.id for v in fw.versions] if fw else list(self.refs)
        newest = [v for v in order if v in self.refs]
        return self.refs[newest[-1]] if newest else ""

    def ref_in(self, version_id: str | None) -> str | None:
        """The reference in ``version_id``, or None when that version does not ask for this."""
        return self.refs.get(version_id) if version_id else None

    def applies_on(self, day: dt.date) -> bool:
        """True when the version of its framework in force on ``day`` asks for this criterion."""
        fw = framework(self.framework)
        current = fw.in_force_on(day) if fw else None
        return current is not None and current.id in self.refs


#: Framework id → English display name, in report order (the full records are in qms.model.frameworks).
FRAMEWORKS: dict[str, str] = {f.id: f.label("en") for f in _FRAMEWORKS}

LAW_BOTH = {"630/1998": "630/1998 24 §", "531/2017": "531/2017 126 §"}
LAW_NEW = {"531/2017": "531/2017 126 §"}
EQ = ("2009", "2020")
Q11, Q14, Q20 = "2011", "2014", "2020"


def _t(en: str, fi: str, sv: str) -> dict[str, str]:
    return {"en": en, "fi": fi, "sv": sv}


def _eq(phase: Msg) -> dict[str, str]:
    return {v: Msg("EQAVET {version}: {phase}", version=v, phase=phase) for v in EQ}


def _iso(old: str | None, new: str) -> dict[str, str]:
    refs = {"9001:2015": f"ISO 9001:2015 {new}"}
    if old:
        refs["9001:2008"] = f"ISO 9001:2008 {old}"
    return refs


def _fi(old: Msg | None, new: Msg, *, before_2014: Msg | None = None, asked_before_2014: bool = True) -> dict[str, str]:
    """The references of a national criterion by version of the steering: ``new`` from 2020,
    ``old`` for 2014–2019 and ``before_2014`` (default ``old``) for 2011–2013, before the criteria
    of the 2014–2015 self-evaluation existed; ``asked_before_2014=False``: not asked then."""
    refs: dict[str, str] = {Q20: Msg("qms, after {source}", source=new)}
    early = (before_2014 or old) if asked_before_2014 else None
    for version, source in ((Q14, old), (Q11, early)):
        if source:
            refs[version] = Msg("qms, after {source}", source=source)
    return refs


_C = Criterion
CRITERIA: tuple[Criterion, ...] = (
    _C("FI-LAW-1", "FI-LAW", _t("The provider evaluates its education and other activities and their effectiveness",
                                "Koulutuksen järjestäjä arvioi koulutustaan ja muuta toimintaansa sekä niiden vaikuttavuutta",
                                "Anordnaren utvärderar sin utbildning och övriga verksamhet och deras genomslag"),
       LAW_BOTH, "law", "S", "SEMI", ("self_assessment_report", "audit_report")),
    _C("FI-LAW-2", "FI-LAW", _t("The provider is responsible for quality and for continuous improvement of quality management",
                                "Koulutuksen järjestäjä vastaa laadusta ja laadunhallinnan jatkuvasta kehittämisestä",
                                "Anordnaren ansvarar för kvaliteten och för att kvalitetsledningen ständigt utvecklas"),
       LAW_NEW, "law", "S", "SEMI", ("meeting_minutes", "other")),
    _C("FI-LAW-3", "FI-LAW", _t("The provider takes part regularly in external evaluation",
                                "Koulutuksen järjestäjä osallistuu säännöllisesti ulkopuoliseen arviointiin",
                                "Anordnaren deltar regelbundet i extern utvärdering"),
       LAW_BOTH, "law", "S", "HUMAN", ("external_evaluation_report",)),
    _C("FI-LAW-4", "FI-LAW", _t("Key results of the provider's own evaluations are published",
                                "Omien arviointien keskeiset tulokset julkistetaan",
                                "De viktigaste resultaten av de egna utvärderingarna offentliggörs"),
       LAW_BOTH, "law", "S", "SEMI", ("publication",)),
    _C("FI-QMS-1", "FI-QMS", _t("The quality system covers every unit, result area and form of education",
                                "Laatujärjestelmä kattaa kaikki yksiköt, tulosalueet ja koulutusmuodot",
                                "Kvalitetssystemet omfattar alla enheter, resultatområden och utbildningsformer"),
       _fi(Msg("Quality strategy 2011–2020; criteria of 2015"), Msg("Quality strategy 2030, goal 1; ISO 4.3"),
           before_2014=Msg("Quality strategy 2011–2020")),
       "good_practice", "S/A", "AUTO"),
    _C("FI-QMS-2", "FI-QMS", _t("Purpose, strategy, objectives, measures and processes form a traceable chain",
                                "Toiminta-ajatus, strategia, tavoitteet, mittarit ja prosessit muodostavat jäljitettävän ketjun",
                                "Verksamhetsidé, strategi, mål, mätare och processer bildar en spårbar kedja"),
       _fi(Msg("Criteria of 2015 (leadership)"), Msg("Karvi 2019–2022; quality strategy 2030, goal 5"),
           before_2014=Msg("OPH quality recommendation 2008 (leadership)")), "good_practice", "S", "AUTO"),
    _C("FI-QMS-3", "FI-QMS", _t("Core processes name their customers, whose feedback is collected and feeds the process",
                                "Ydinprosessit nimeävät asiakkaansa, joiden palaute kerätään ja ohjataan prosessiin",
                                "Kärnprocesserna namnger sina kunder, vars respons samlas in och leds till processen"),
       _fi(Msg("Quality strategy 2011–2020 (customer orientation)"), Msg("Quality strategy 2030, goal 2; Karvi 2019–2022")),
       "good_practice", "P/S", "AUTO", ("survey_report",)),
    _C("FI-QMS-4", "FI-QMS", _t("Measures have a data source, a rhythm and a forum that reviews them",
                                "Mittareilla on tietolähde, seurantaväli ja foorumi, joka käsittelee ne",
                                "Mätarna har en datakälla, en rytm och ett forum som behandlar dem"),
       _fi(Msg("Quality strategy 2011–2020 (knowledge base)"), Msg("Quality strategy 2030, goal 4")), "good_practice", "S", "AUTO"),
    _C("FI-QMS-5", "FI-QMS", _t("Students, staff and working life take part in planning, evaluating and developing quality",
                                "Opiskelijat, henkilöstö ja työelämä osallistuvat laadun suunnitteluun, arviointiin ja kehittämiseen",
                                "Studerande, personal och arbetsliv deltar i planering, utvärdering och utveckling av kvaliteten"),
       _fi(Msg("Criteria of 2015"), Msg("Karvi 2019–2022"), before_2014=Msg("OPH quality recommendation 2008 (participation)")),
       "good_practice", "S", "SEMI", ("meeting_minutes", "self_assessment_report")),
    _C("FI-QMS-6", "FI-QMS", _t("Learning at workplaces is within quality management",
                                "Työpaikalla järjestettävä koulutus kuuluu laadunhallinnan piiriin",
                                "Utbildning på arbetsplatsen omfattas av kvalitetsledningen"),
       _fi(Msg("Quality strategy 2011–2020 (apprenticeship criteria)"), Msg("Karvi 2019–2022; EQAVET+")), "good_practice", "A", "AUTO"),
    _C("FI-QMS-7", "FI-QMS", _t("Working-life cooperation and partnerships are managed and followed up",
                                "Työelämäyhteistyötä ja kumppanuuksia johdetaan ja seurataan",
                                "Samarbete med arbetslivet och partnerskap leds och följs upp"),
       _fi(Msg("Criteria of 2015"), Msg("Karvi 2019–2022"), before_2014=Msg("OPH quality recommendation 2008 (partnerships)")),
       "good_practice", "A", "SEMI", ("partnership_agreement",)),
    _C("FI-QMS-8", "FI-QMS", _t("Regional impact and anticipation of competence needs are planned and measured",
                                "Aluevaikuttavuus ja osaamistarpeiden ennakointi suunnitellaan ja mitataan",
                                "Regional effekt och prognoser av kompetensbehov planeras och mäts"),
       _fi(Msg("Quality strategy 2011–2020 (effectiveness)"), Msg("Quality strategy 2030; EQAVET indicator 9")),
       "good_practice", "A", "AUTO"),
    _C("FI-QMS-9", "FI-QMS", _t("Results are communicated to staff and stakeholders",
                                "Tuloksista viestitään henkilöstölle ja sidosryhmille",
                                "Resultaten kommuniceras till personal och intressenter"),
       _fi(None, Msg("Karvi 2022 recommendation")), "good_practice", "S", "AUTO", ("publication",)),
    _C("FI-QMS-10", "FI-QMS", _t("An annual cycle ties planning, follow-up, evaluation and review together",
                                 "Vuosikello sitoo suunnittelun, seurannan, arvioinnin ja kehittämisen yhteen",
                                 "En årsklocka binder samman planering, uppföljning, utvärdering och utveckling"),
       _fi(Msg("OPH quality recommendation 2008"), Msg("Karvi 2019–2022 practice; EQAVET cycle")), "good_practice", "S", "AUTO"),
    _C("FI-QMS-11", "FI-QMS", _t("A development plan based on evaluation findings exists and is followed up",
                                 "Arviointituloksiin perustuva kehittämissuunnitelma on olemassa ja sitä seurataan",
                                 "En utvecklingsplan som bygger på utvärderingsresultat finns och följs upp"),
       _fi(Msg("Criteria of 2015"), Msg("Karvi 2019–2022; EQAVET review"),
           before_2014=Msg("OPH quality recommendation 2008 (continuous improvement)")), "good_practice", "S", "AUTO"),
    _C("FI-QMS-12", "FI-QMS", _t("The provider self-assesses the maturity of its quality management, with evidence",
                                 "Järjestäjä itsearvioi laadunhallintansa tason ja perustelee sen todentavalla aineistolla",
                                 "Anordnaren självvärderar kvalitetsledningens nivå och styrker den med belägg"),
       _fi(Msg("Criteria of 2015 (self-evaluation 2014–2015)"), Msg("Karvi 2019–2022 evaluation model"),
           asked_before_2014=False),  # no model with levels before OKM-2014
       "good_practice", "S", "SEMI", ("self_assessment_report",)),
    _C("FI-QMS-13", "FI-QMS", _t("Staff competence development is planned from the strategy and evaluated",
                                 "Henkilöstön osaamisen kehittäminen suunnitellaan strategiasta ja arvioidaan",
                                 "Personalens kompetensutveckling planeras utifrån strategin och utvärderas"),
       _fi(Msg("Criteria of 2015"), Msg("Karvi 2019–2022; EQAVET indicator 2"),
           before_2014=Msg("OPH quality recommendation 2008 (staff competence)")), "good_practice", "A", "AUTO"),
    _C("FI-QMS-14", "FI-QMS", _t("Special tasks of the provider are covered by processes and measures",
                                 "Järjestäjän erityistehtävät katetaan prosesseilla ja mittareilla",
                                 "Anordnarens specialuppgifter täcks av processer och mätare"),
       _fi(Msg("Licence or the provider's own act"), Msg("Licence or the provider's own act")), "good_practice", "S", "AUTO"),
    _C("FI-QMS-15", "FI-QMS", _t("Peer review or benchmarking is used for learning from others",
                                 "Vertaisarviointia tai benchmarkingia käytetään toisilta oppimiseen",
                                 "Kollegial utvärdering eller benchmarking används för att lära av andra"),
       _fi(Msg("OPH quality recommendation 2008 (peer review)"), Msg("Karvi 2019–2022")), "good_practice", "S", "SEMI",
       ("peer_review_report", "benchmarking_report")),
    _C("FI-QMS-16", "FI-QMS", _t("The assessment of competence (skills demonstrations) is quality-assured",
                                 "Osaamisen arvioinnin (näyttöjen) laatu varmistetaan",
                                 "Kvaliteten i bedömningen av kunnande (yrkesprov) säkras"),
       _fi(Msg("Criteria of 2015 (skills demonstrations)"), Msg("Karvi 2019–2022, awarding of qualifications"),
           before_2014=Msg("OPH quality recommendation 2008 (skills demonstrations)")),
       "good_practice", "A", "AUTO"),
    _C("EQAVET-P1", "EQAVET", _t("Provider targets reflect national and European goals and the strategy",
                                 "Järjestäjän tavoitteet heijastavat kansallisia ja eurooppalaisia tavoitteita ja strategiaa",
                                 "Anordnarens mål speglar nationella och europeiska mål och strategin"),
       _eq(Msg("planning phase")), "framework", "S", "SEMI", ("other",)),
    _C("EQAVET-P2", "EQAVET", _t("Goals and targets are explicit and monitored through indicators",
                                 "Tavoitteet ovat selkeitä ja niitä seurataan mittareilla",
                                 "Målen är tydliga och följs upp med mätare"),
       _eq(Msg("planning phase")), "framework", "S/P", "AUTO"),
    _C("EQAVET-P3", "EQAVET", _t("Needs of working life, the region and learners are identified with stakeholders and feed planning",
                                 "Työelämän, alueen ja oppijoiden tarpeet tunnistetaan sidosryhmien kanssa ja ne ohjaavat suunnittelua",
                                 "Arbetslivets, regionens och de studerandes behov identifieras med intressenterna och styr planeringen"),
       _eq(Msg("planning phase; indicator 9")), "framework", "A", "AUTO"),
    _C("EQAVET-P4", "EQAVET", _t("Responsibilities for quality management are explicitly allocated",
                                 "Laadunhallinnan vastuut on nimetty",
                                 "Ansvaret för kvalitetsledningen är uttryckligen fördelat"),
       _eq(Msg("planning phase")), "framework", "S", "AUTO"),
    _C("EQAVET-I1", "EQAVET", _t("Resources are assigned in line with the targets of the plans",
                                 "Resurssit kohdennetaan suunnitelmien tavoitteiden mukaisesti",
                                 "Resurser fördelas i enlighet med planernas mål"),
       _eq(Msg("implementation phase")), "framework", "A", "SEMI", ("budget_decision",)),
    _C("EQAVET-E1", "EQAVET", _t("Self-evaluation is carried out periodically",
                                 "Itsearviointia tehdään säännöllisesti", "Självvärdering görs regelbundet"),
       _eq(Msg("evaluation phase")), "framework", "S", "AUTO", ("self_assessment_report",)),
    _C("EQAVET-E2", "EQAVET", _t("Evaluation covers processes and outcomes, including learner and staff satisfaction",
                                 "Arviointi kattaa prosessit ja tulokset, myös oppijoiden ja henkilöstön tyytyväisyyden",
                                 "Utvärderingen omfattar processer och resultat, också de studerandes och personalens nöjdhet"),
       _eq(Msg("evaluation phase")), "framework", "S", "AUTO", ("survey_report",)),
    _C("EQAVET-E3", "EQAVET", _t("Early-warning mechanisms detect a risk of failure such as drop-out",
                                 "Varhaisen puuttumisen keinot tunnistavat keskeyttämisen ja muun epäonnistumisen riskin",
                                 "Mekanismer för tidig varning upptäcker risk för avbrott och misslyckande"),
       _eq(Msg("evaluation phase (early warning systems)")), "framework", "P", "AUTO"),
    _C("EQAVET-R1", "EQAVET", _t("Feedback from learners and staff is collected and used for action (closed loop)",
                                 "Oppijoiden ja henkilöstön palaute kerätään ja käytetään toimenpiteisiin (suljettu silmukka)",
                                 "Respons från studerande och personal samlas in och leder till åtgärder (sluten slinga)"),
       _eq(Msg("review phase")), "framework", "A", "AUTO"),
    _C("EQAVET-IND", "EQAVET", _t("The measure set covers the provider-relevant EQAVET reference indicators",
                                  "Mittaristo kattaa järjestäjälle soveltuvat EQAVET-viiteindikaattorit",
                                  "Mätarna täcker de EQAVET-referensindikatorer som gäller anordnaren"),
       _eq(Msg("reference indicators 2–6, 8–10")), "framework", "S", "AUTO"),
    _C("EQAVET-CYCLE", "EQAVET", _t("Every process, or the cycle that governs it, plans, does, checks and acts",
                                    "Jokainen prosessi, tai sitä ohjaava vuosikello, suunnittelee, toteuttaa, arvioi ja kehittää",
                                    "Varje process, eller årsklockan som styr den, planerar, genomför, utvärderar och utvecklar"),
       _eq(Msg("quality cycle")), "framework", "P", "AUTO"),
    _C("ISO-4.4-a", "ISO", _t("Each process states its inputs and outputs", "Jokaisen prosessin syötteet ja tuotokset on määritetty",
                              "Varje process anger sina indata och utdata"),
       _iso(None, "4.4.1 a"), "framework", "P", "AUTO"),
    _C("ISO-4.4-b", "ISO", _t("The sequence and interaction of processes are defined",
                              "Prosessien järjestys ja vuorovaikutus on määritetty",
                              "Processernas ordningsföljd och samverkan är fastställda"),
       _iso("4.1 b", "4.4.1 b"), "framework", "A", "AUTO"),
    _C("ISO-4.4-c", "ISO", _t("Each process has criteria and performance indicators",
                              "Jokaisella prosessilla on kriteerit ja suorituskykymittarit",
                              "Varje process har kriterier och prestationsmått"),
       _iso("4.1 c; 8.2.3", "4.4.1 c; 9.1.1"), "framework", "P", "AUTO"),
    _C("ISO-4.4-d", "ISO", _t("The resources each process needs are determined",
                              "Kunkin prosessin tarvitsemat resurssit on määritetty",
                              "De resurser varje process behöver är fastställda"),
       _iso("4.1 d; 6.1", "4.4.1 d; 7.1"), "framework", "P", "AUTO"),
    _C("ISO-4.4-e", "ISO", _t("Responsibilities and authorities are assigned", "Vastuut ja valtuudet on määritetty",
                              "Ansvar och befogenheter är tilldelade"),
       _iso("5.5.1", "4.4.1 e; 5.3"), "framework", "P", "AUTO"),
    _C("ISO-4.4-f", "ISO", _t("Risks and opportunities of each process are identified with controls",
                              "Kunkin prosessin riskit ja mahdollisuudet on tunnistettu hallintakeinoineen",
                              "Varje process risker och möjligheter är identifierade med åtgärder"),
       _iso(None, "4.4.1 f; 6.1"), "framework", "P", "AUTO"),
    _C("ISO-4.4-g", "ISO", _t("Processes are evaluated and changed when needed", "Prosesseja arvioidaan ja muutetaan tarvittaessa",
                              "Processerna utvärderas och ändras vid behov"),
       _iso("4.1 e; 8.2.3", "4.4.1 g"), "framework", "P", "AUTO"),
    _C("ISO-4.4-h", "ISO", _t("Processes and the quality system are improved", "Prosesseja ja laatujärjestelmää parannetaan",
                              "Processerna och kvalitetssystemet förbättras"),
       _iso("4.1 f; 8.5.1", "4.4.1 h; 10.1, 10.3"), "framework", "P/S", "AUTO"),
    _C("ISO-4.4.2", "ISO", _t("Documented information supports the processes and keeps evidence",
                              "Dokumentoitu tieto tukee prosesseja ja säilyttää todentavan aineiston",
                              "Dokumenterad information stöder processerna och bevarar belägg"),
       _iso("4.2", "4.4.2; 7.5"), "framework", "P", "AUTO"),
    _C("ISO-4.2", "ISO", _t("Interested parties and their requirements are identified and reviewed",
                            "Sidosryhmät ja niiden vaatimukset on tunnistettu ja niitä seurataan",
                            "Intressenterna och deras krav är identifierade och följs upp"),
       _iso(None, "4.2"), "framework", "S", "AUTO"),
    _C("ISO-9.2", "ISO", _t("Internal audits are carried out according to a programme",
                            "Sisäisiä auditointeja tehdään ohjelman mukaisesti",
                            "Interna revisioner genomförs enligt ett program"),
       _iso("8.2.2", "9.2"), "framework", "S", "AUTO", ("audit_report",)),
    _C("ISO-9.3", "ISO", _t("Top management reviews the quality system at planned intervals",
                            "Ylin johto katselmoi laatujärjestelmän suunnitelluin väliajoin",
                            "Högsta ledningen genomgår kvalitetssystemet med planerade intervall"),
       _iso("5.6", "9.3"), "framework", "S", "SEMI", ("meeting_minutes",)),
    _C("ISO-10.2", "ISO", _t("Deviations, complaints and nonconformities are handled with corrective action",
                             "Poikkeamat, valitukset ja palautteet käsitellään korjaavin toimenpitein",
                             "Avvikelser, klagomål och bristande överensstämmelse hanteras med korrigerande åtgärder"),
       _iso("8.3; 8.5.2", "10.2"), "framework", "A", "AUTO"),
    _C("EFQM-RADAR", "EFQM", _t("Results show targets, trends over three periods or more, and comparisons",
                                "Tuloksissa näkyvät tavoitteet, vähintään kolmen jakson trendit ja vertailut",
                                "Resultaten visar mål, trender över minst tre perioder och jämförelser"),
       {"2010": Msg("EFQM {version}: RADAR, results criteria {criteria}", version="2010", criteria="6–9"),
        "2013": Msg("EFQM {version}: RADAR, results criteria {criteria}", version="2013", criteria="6–9"),
        "2020": Msg("EFQM {version}: RADAR, criteria {criteria}", version="2020", criteria="6–7")},
       "framework", "S", "AUTO", ("benchmarking_report",)),
    _C("EFQM-6", "EFQM", _t("Results cover stakeholder perceptions as well as performance",
                            "Tulokset kattavat sidosryhmien näkemykset ja suorituskyvyn",
                            "Resultaten omfattar intressenternas uppfattningar och prestationer"),
       {v: Msg("EFQM {version}: criteria {criteria}", version=v, criteria=c)
        for v, c in (("2010", "6–9"), ("2013", "6–9"), ("2020", "6–7"))},
       "framework", "S", "AUTO"),
    _C("CAF-RES", "CAF", _t("Results cover citizen/customer, people, social and key performance results",
                            "Tulokset kattavat asiakas-, henkilöstö-, yhteiskunnalliset ja keskeiset suorituskykytulokset",
                            "Resultaten omfattar kund-, personal-, samhälls- och nyckelresultat"),
       {v: Msg("CAF {version}: criteria {criteria}", version=v, criteria="6–9") for v in ("2006", "2013", "2020")}, "framework", "S", "AUTO"),
    _C("CAF-SA", "CAF", _t("The organisation self-assesses with CAF and acts on it",
                           "Organisaatio tekee CAF-itsearvioinnin ja toimii sen pohjalta",
                           "Organisationen självvärderar med CAF och agerar utifrån den"),
       {v: Msg("CAF {version}: self-assessment", version=v) for v in ("2006", "2013", "2020")},
       "framework", "S", "SEMI", ("self_assessment_report",)),
)

_BY_ID = {c.id: c for c in CRITERIA}


def criterion(criterion_id: str) -> Criterion | None:
    """Return the criterion with ``criterion_id``, or None.

    Examples
    --------
    >>> criterion("ISO-9.2").automation
    'AUTO'
    >>> criterion("ISO-4.4-f").applies_on(dt.date(2014, 3, 1))
    False
    >>> criterion("FI-LAW-2").ref
    '531/2017 126 §'
    """
    return _BY_ID.get(criterion_id)
