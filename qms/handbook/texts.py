"""The handbook's own words (headings, labels) in Finnish, English and Swedish, as data."""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

from qms.check.coverage import STATUSES, status_word

__all__ = ["FALLBACK", "UI_LANGUAGES", "WORDS", "ui_language", "word"]

#: Languages the interface is written in. Northern Sámi (``se``) pages use the Finnish
#: words: SAKK's staff and students read Finnish, and machine-made Sámi would be wrong.
UI_LANGUAGES: tuple[str, ...] = ("fi", "en", "sv")

#: Where a language has no interface words of its own: the language used instead.
FALLBACK: Mapping[str, str] = MappingProxyType({"se": "fi"})


def _w(fi: str, en: str, sv: str = "") -> Mapping[str, str]:
    return MappingProxyType({"fi": fi, "en": en, "sv": sv or en})


#: Key → words by language. Swedish falls back to English where it is not written.
WORDS: Mapping[str, Mapping[str, str]] = MappingProxyType(
    {
        # Site and navigation
        "handbook": _w("Laatukäsikirja", "Quality handbook", "Kvalitetshandbok"),
        "front": _w("Etusivu", "Front page", "Startsida"),
        "processes": _w("Prosessit", "Processes", "Processer"),
        "process_map": _w("Prosessikartta", "Process map", "Processkarta"),
        "roles": _w("Roolit ja vastuut", "Roles and responsibilities", "Roller och ansvar"),
        "measures": _w("Mittarit", "Measures", "Mätare"),
        "annual_cycle": _w("Vuosikello", "Annual cycle", "Årsklocka"),
        "development_plan": _w("Kehittämissuunnitelma", "Development plan", "Utvecklingsplan"),
        "criteria": _w("Kriteerien kattavuus", "Criteria coverage", "Kriterietäckning"),
        "glossary": _w("Sanasto", "Glossary", "Ordlista"),
        "print_version": _w("Tulostettava versio", "Printable version", "Utskriftsversion"),
        "main_nav": _w("Päävalikko", "Main navigation", "Huvudmeny"),
        "skip": _w("Siirry sisältöön", "Skip to content", "Hoppa till innehållet"),
        "contents": _w("Sisällys", "Contents", "Innehåll"),
        "notice": _w("Huomautus", "Notice", "Observera"),
        "generated": _w("Tuotettu qms-työkalulla", "Made with qms", "Skapad med qms"),
        "as_of": _w("Tilanne", "As of", "Läge"),
        "page_of": _w("sivu", "page", "sida"),
        # Front page
        "provider": _w("Koulutuksen järjestäjä", "Education provider", "Utbildningsanordnare"),
        "quality_policy": _w("Laatupolitiikka", "Quality policy", "Kvalitetspolicy"),
        "purpose": _w("Tarkoitus", "Purpose", "Syfte"),
        "mission": _w("Toiminta-ajatus", "Mission", "Verksamhetsidé"),
        "vision": _w("Visio", "Vision", "Vision"),
        "values": _w("Arvot", "Values", "Värderingar"),
        "strategy": _w("Strategia", "Strategy", "Strategi"),
        "objectives": _w("Tavoitteet", "Objectives", "Mål"),
        "frameworks": _w("Viitekehykset", "Frameworks", "Referensramar"),
        "sites": _w("Toimipaikat", "Sites", "Verksamhetsställen"),
        "owners": _w("Omistajat", "Owners", "Ägare"),
        "quality_group": _w("Laaturyhmä", "Quality group", "Kvalitetsgrupp"),
        "chair": _w("Puheenjohtaja", "Chair", "Ordförande"),
        "members": _w("Jäsenet", "Members", "Medlemmar"),
        "mandate": _w("Tehtävät", "Mandate", "Uppdrag"),
        "meets": _w("Kokoontuu", "Meets", "Sammanträder"),
        "map_alt": _w(
            "Prosessikartta: johtamis-, ydin- ja tukiprosessit. Laatikot ovat linkkejä prosessikuvauksiin.",
            "Process map: management, core and support processes. Each box links to its description.",
            "Processkarta: lednings-, kärn- och stödprocesser. Varje ruta länkar till sin beskrivning.",
        ),
        "map_missing": _w(
            "Prosessikarttaa ei voitu piirtää tähän koosteeseen. Prosessit on lueteltu alla.",
            "The process map could not be drawn for this build. The processes are listed below.",
            "Processkartan kunde inte ritas i denna version. Processerna listas nedan.",
        ),
        "diagram_missing": _w(
            "Kaaviota ei voitu piirtää tähän koosteeseen; vaiheet ovat alla olevassa taulukossa.",
            "The diagram could not be drawn for this build; the steps are in the table below.",
            "Diagrammet kunde inte ritas i denna version; stegen finns i tabellen nedan.",
        ),
        "open_svg": _w("Avaa kuva täysikokoisena", "Open the picture full size", "Öppna bilden i full storlek"),
        "download_bpmn": _w("Lataa BPMN 2.0 -tiedosto", "Download the BPMN 2.0 file", "Ladda ned BPMN 2.0-filen"),
        "sections": _w("Käsikirjan osat", "Parts of the handbook", "Handbokens delar"),
        "management": _w("Johtamisprosessit", "Management processes", "Ledningsprocesser"),
        "core": _w("Ydinprosessit", "Core processes", "Kärnprocesser"),
        "support": _w("Tukiprosessit", "Support processes", "Stödprocesser"),
        "customer_need": _w("Asiakkaan tarve", "Customer need", "Kundens behov"),
        "customer_result": _w("Asiakkaalle tuotettu tulos", "Customer result", "Kundens resultat"),
        # Process page
        "process": _w("Prosessi", "Process", "Process"),
        "description": _w("Kuvaus", "Description", "Beskrivning"),
        "process_card": _w("Prosessikortti", "Process card", "Processkort"),
        "code": _w("Tunnus", "Code", "Kod"),
        "category": _w("Prosessiryhmä", "Category", "Processgrupp"),
        "level": _w("Taso", "Level", "Nivå"),
        "parent": _w("Yläprosessi", "Parent process", "Överordnad process"),
        "subprocesses": _w("Aliprosessit", "Sub-processes", "Delprocesser"),
        "owner": _w("Omistaja", "Owner", "Ägare"),
        "process_owner": _w("Prosessinomistaja", "Process owner", "Processägare"),
        "action_owner": _w("Vastuutaho", "Responsible", "Ansvarig"),
        "customers": _w("Asiakkaat", "Customers", "Kunder"),
        "inputs": _w("Syötteet", "Inputs", "Indata"),
        "outputs": _w("Tuotokset", "Outputs", "Utdata"),
        "from": _w("mistä", "from", "från"),
        "to": _w("mihin", "to", "till"),
        "education_forms": _w("Koulutusmuodot", "Forms of education", "Utbildningsformer"),
        "org_units": _w("Organisaatioyksiköt", "Organisation units", "Organisationsenheter"),
        "resources": _w("Resurssit", "Resources", "Resurser"),
        "scope": _w("Rajaus", "Scope", "Avgränsning"),
        "scope_start": _w("Alkaa", "Starts", "Börjar"),
        "scope_end": _w("Päättyy", "Ends", "Slutar"),
        "criticality": _w("Kriittisyys", "Criticality", "Kritikalitet"),
        "tags": _w("Aihepiirit", "Topics", "Ämnen"),
        "flow_diagram": _w("Prosessikaavio", "Process diagram", "Processdiagram"),
        "flow_alt": _w(
            "Uimaratakaavio: prosessin vaiheet rooleittain. Sama sisältö on vaiheet-taulukossa.",
            "Swimlane diagram: the steps of the process by role. The steps table below has the same content.",
            "Simbanediagram: processens steg per roll. Stegtabellen nedan har samma innehåll.",
        ),
        "steps": _w("Vaiheet", "Steps", "Steg"),
        "step": _w("Vaihe", "Step", "Steg"),
        "kind": _w("Tyyppi", "Kind", "Typ"),
        "role": _w("Rooli", "Role", "Roll"),
        "pdca": _w("PDCA", "PDCA", "PDCA"),
        "next": _w("Seuraava", "Next", "Nästa"),
        "documents": _w("Dokumentit", "Documents", "Dokument"),
        "systems": _w("Järjestelmät", "Systems", "System"),
        "raci": _w("RACI", "RACI", "RACI"),
        "raci_legend": _w(
            "R = vastuussa toteutuksesta, A = tilivelvollinen, C = kuultava, I = tiedotettava",
            "R = responsible, A = accountable, C = consulted, I = informed",
            "R = ansvarig för utförandet, A = beslutsansvarig, C = konsulteras, I = informeras",
        ),
        "messages": _w("Viestit sidosryhmien kanssa", "Messages with stakeholders", "Meddelanden med intressenter"),
        "participant": _w("Osapuoli", "Participant", "Part"),
        "direction": _w("Suunta", "Direction", "Riktning"),
        "incoming": _w("saapuva", "incoming", "inkommande"),
        "outgoing": _w("lähtevä", "outgoing", "utgående"),
        "risks": _w("Riskit ja mahdollisuudet", "Risks and opportunities", "Risker och möjligheter"),
        "risk": _w("Riski", "Risk", "Risk"),
        "opportunity": _w("Mahdollisuus", "Opportunity", "Möjlighet"),
        "likelihood": _w("Todennäköisyys", "Likelihood", "Sannolikhet"),
        "impact": _w("Vaikutus", "Impact", "Konsekvens"),
        "controls": _w("Hallintakeinot", "Controls", "Åtgärder"),
        "review_date": _w("Tarkistuspäivä", "Review date", "Granskas"),
        "records": _w("Tallenteet", "Records", "Registreringar"),
        "retention": _w("Säilytys", "Retention", "Bevarande"),
        "system": _w("Järjestelmä", "System", "System"),
        "review": _w("Hyväksyntä ja versio", "Approval and version", "Godkännande och version"),
        "version": _w("Versio", "Version", "Version"),
        "approved_by": _w("Hyväksyjä", "Approved by", "Godkänd av"),
        "approved": _w("Hyväksytty", "Approved", "Godkänd"),
        "last_reviewed": _w("Viimeksi arvioitu", "Last reviewed", "Senast granskad"),
        "next_review": _w("Seuraava katselmointi", "Next review", "Nästa granskning"),
        "system_approval": _w("Toimintajärjestelmän hyväksyntä", "Approval of the quality system",
                              "Godkännande av kvalitetssystemet"),
        "approved_after_system": _w("Tämä prosessikuvaus on hyväksytty toimintajärjestelmän jälkeen",
                                    "This process was approved after the quality system as a whole",
                                    "Processen godkändes efter kvalitetssystemet som helhet"),
        "earlier_versions": _w("Aiemmat hyväksytyt versiot", "Earlier approved versions",
                               "Tidigare godkända versioner"),
        "search": _w("Haku", "Search", "Sök"),
        "search_label": _w("Hae käsikirjasta", "Search the handbook", "Sök i handboken"),
        "search_button": _w("Hae", "Search", "Sök"),
        "search_needs_server": _w("Haku toimii, kun käsikirja avataan verkkopalvelimelta, esimerkiksi komennolla "
                                  "qms serve.", "Search works when the handbook is opened from a web server, for "
                                  "example with qms serve.", "Sökningen fungerar när handboken öppnas från en "
                                  "webbserver, till exempel med qms serve."),
        "steps_performed": _w("Tehtävät prosesseissa", "Steps it performs", "Steg den utför"),
        "role_page": _w("Roolin tehtävät", "What the role does", "Rollens uppgifter"),
        "nothing_assigned": _w("Roolille ei ole kuvattu tehtäviä.", "Nothing is assigned to this role.",
                               "Inga uppgifter är beskrivna för rollen."),
        "full_size": _w("Suurenna", "Zoom in", "Förstora"),
        "print_small_text": _w("Tulosteessa kuvan pienin teksti on {size} pt, alle 8 pt: katso kuva sähköisestä "
                               "käsikirjasta tai SVG-tiedostona.",
                               "Printed, the picture's smallest text is {size} pt, under 8 pt: see the picture in "
                               "the online handbook or as an SVG file.",
                               "I utskriften är bildens minsta text {size} pt, under 8 pt: se bilden i den "
                               "elektroniska handboken eller som SVG-fil."),
        "print_page": _w("Sivu {k}/{n}", "Page {k} of {n}", "Sida {k} av {n}"),
        "outcome": _w("Arvioinnin tulos", "Review outcome", "Granskningens resultat"),
        "overdue": _w("myöhässä", "overdue", "försenad"),
        "type": _w("Tyyppi", "Type", "Typ"),
        "name": _w("Nimi", "Name", "Namn"),
        "stub_title": _w("Ei vielä kuvattu", "Not yet described", "Ännu inte beskriven"),
        "stub_text": _w(
            "Tämän prosessin vaiheita ei ole vielä kuvattu. Alla on se, mitä prosessista tiedetään.",
            "The steps of this process are not yet described. What is known of it is shown below.",
            "Processens steg är ännu inte beskrivna. Det som är känt om processen visas nedan.",
        ),
        "governed_by_cycle": _w(
            "Prosessia ohjataan järjestelmätason vuosikellolla.",
            "The process is governed by the system's annual cycle.",
            "Processen styrs av systemets årsklocka.",
        ),
        "none": _w("ei määritelty", "not stated", "inte angivet"),
        "see_also": _w("Katso myös", "See also", "Se även"),
        "back_to_map": _w("Takaisin prosessikarttaan", "Back to the process map", "Tillbaka till processkartan"),
        # Step kinds
        "kind_start": _w("Alkutapahtuma", "Start event", "Starthändelse"),
        "kind_end": _w("Lopputapahtuma", "End event", "Sluthändelse"),
        "kind_event": _w("Välitapahtuma", "Intermediate event", "Mellanhändelse"),
        "kind_task": _w("Tehtävä", "Task", "Uppgift"),
        "kind_decision": _w("Päätös", "Decision", "Beslut"),
        "kind_parallel": _w("Rinnakkaisuus", "Parallel", "Parallell"),
        "kind_inclusive": _w("Valinnainen haara", "Inclusive", "Inkluderande"),
        "kind_call": _w("Aliprosessi", "Sub-process", "Delprocess"),
        "kind_subprocess": _w("Upotettu aliprosessi", "Embedded sub-process", "Inbäddad delprocess"),
        "kind_event_gateway": _w("Tapahtumapohjainen haara", "Event-based gateway", "Händelsebaserad förgrening"),
        "kind_complex": _w("Monimutkainen haara", "Complex gateway", "Komplex förgrening"),
        "plan": _w("Suunnittele", "Plan", "Planera"),
        "do": _w("Toteuta", "Do", "Genomför"),
        "check": _w("Arvioi", "Check", "Utvärdera"),
        "act": _w("Kehitä", "Act", "Förbättra"),
        "timer": _w("ajastettu", "timer", "tidsstyrd"),
        "message": _w("viesti", "message", "meddelande"),
        "criticality_high": _w("korkea", "high", "hög"),
        "criticality_normal": _w("normaali", "normal", "normal"),
        "criticality_low": _w("matala", "low", "låg"),
        "level_process_area": _w("prosessialue", "process area", "processområde"),
        "level_main_process": _w("pääprosessi", "main process", "huvudprocess"),
        "level_process": _w("prosessi", "process", "process"),
        "level_subprocess": _w("aliprosessi", "sub-process", "delprocess"),
        # Measures
        "measure": _w("Mittari", "Measure", "Mätare"),
        "target": _w("Tavoite", "Target", "Mål"),
        "alert": _w("Hälytysraja", "Alert threshold", "Larmgräns"),
        "latest": _w("Viimeisin tulos", "Latest result", "Senaste resultat"),
        "results": _w("Tulokset", "Results", "Resultat"),
        "trend": _w("Kehitys", "Trend", "Utveckling"),
        "benchmark": _w("Vertailutieto", "Benchmark", "Jämförelse"),
        "source": _w("Tietolähde", "Data source", "Datakälla"),
        "frequency": _w("Seurantaväli", "Frequency", "Frekvens"),
        "reported_to": _w("Raportoidaan", "Reported to", "Rapporteras till"),
        "eqavet": _w("EQAVET-indikaattorit", "EQAVET indicators", "EQAVET-indikatorer"),
        "status": _w("Tila", "Status", "Status"),
        "met": _w("tavoite saavutettu", "target met", "målet uppnått"),
        "not_met": _w("tavoitetta ei saavutettu", "target not met", "målet inte uppnått"),
        "alerted": _w("hälytysraja ylittyi", "alert threshold crossed", "larmgränsen passerad"),
        "no_result": _w("ei tulosta", "no result", "inget resultat"),
        "unknown_status": _w("ei vertailtavissa", "not comparable", "inte jämförbar"),
        "system_measures": _w("Järjestelmätason mittarit", "System-level measures", "Mätare på systemnivå"),
        "period": _w("Kausi", "Period", "Period"),
        "value": _w("Arvo", "Value", "Värde"),
        "objective": _w("Tavoite", "Objective", "Mål"),
        # Roles
        "owns": _w("Omistaa prosessit", "Owns the processes", "Äger processerna"),
        "performs": _w("Toimii prosesseissa", "Takes part in", "Deltar i"),
        "measures_owned": _w("Vastaa mittareista", "Owns the measures", "Ansvarar för mätarna"),
        "documents_owned": _w("Vastaa dokumenteista", "Owns the documents", "Ansvarar för dokumenten"),
        "responsibilities": _w("Vastuut", "Responsibilities", "Ansvar"),
        "org_unit": _w("Yksikkö", "Unit", "Enhet"),
        "qm_responsibility": _w("Laadunhallinnan vastuu", "Quality-management responsibility", "Ansvar för kvalitetsledning"),
        "qms_owner": _w("Toimintajärjestelmän omistaja", "Owner of the quality system", "Ägare av kvalitetssystemet"),
        "role_matrix": _w("Roolit ja prosessit", "Roles and processes", "Roller och processer"),
        "matrix_legend": _w(
            "O = prosessin omistaja, T = toimii prosessissa (uimarata)",
            "O = owns the process, T = takes part (has a lane)",
            "O = äger processen, T = deltar (har en simbana)",
        ),
        "raci_steps": _w("RACI-vastuut vaiheissa", "RACI in the steps", "RACI i stegen"),
        "stakeholders": _w("Sidosryhmät", "Stakeholders", "Intressenter"),
        "requirements": _w("Vaatimukset ja odotukset", "Requirements and expectations", "Krav och förväntningar"),
        # Annual cycle
        "month": _w("Kuukausi", "Month", "Månad"),
        "events": _w("Tapahtumat", "Events", "Händelser"),
        "events_by_month": _w("Tapahtumat kuukausittain", "Events by month", "Händelser per månad"),
        "forum": _w("Toimielin", "Forum", "Forum"),
        "continuous": _w("Jatkuvat", "Continuous", "Fortlöpande"),
        "cycle_alt": _w(
            "Vuosikello: laadunhallinnan tapahtumat kuukausittain. Sama sisältö on taulukossa.",
            "Annual cycle: the quality-management events by month. The table has the same content.",
            "Årsklocka: kvalitetsledningens händelser per månad. Tabellen har samma innehåll.",
        ),
        "no_cycle": _w("Vuosikelloa ei ole kuvattu.", "No annual cycle is described.", "Ingen årsklocka är beskriven."),
        "evaluations": _w("Arvioinnit", "Evaluations", "Utvärderingar"),
        "date": _w("Ajankohta", "Date", "Tidpunkt"),
        "responsible": _w("Vastuutaho", "Responsible", "Ansvarig"),
        "planned": _w("suunniteltu", "planned", "planerad"),
        "done": _w("tehty", "done", "genomförd"),
        "feedback": _w("Palautejärjestelmä", "Feedback instruments", "Responsinstrument"),
        "timing": _w("Ajoitus", "Timing", "Tidpunkt"),
        "target_groups": _w("Kohderyhmät", "Target groups", "Målgrupper"),
        "feeds": _w("Käytetään prosesseissa", "Used in", "Används i"),
        # Development plan
        "no_plan": _w("Kehittämissuunnitelmaa ei ole kuvattu.", "No development plan is described.", "Ingen utvecklingsplan är beskriven."),
        "actions": _w("Kehittämistoimenpiteet", "Improvement actions", "Förbättringsåtgärder"),
        "action": _w("Toimenpide", "Action", "Åtgärd"),
        "findings": _w("Havainnot", "Findings", "Iakttagelser"),
        "finding": _w("Havainto", "Finding", "Iakttagelse"),
        "due": _w("Määräaika", "Due", "Tidsfrist"),
        "effect_measure": _w("Vaikutuksen mittari", "Effect measure", "Effektmätare"),
        "plan_period": _w("Suunnitelmakausi", "Plan period", "Planperiod"),
        "adopted": _w("Hyväksytty", "Adopted", "Antagen"),
        "follow_up": _w("Seuranta", "Follow-up", "Uppföljning"),
        "status_planned": _w("suunniteltu", "planned", "planerad"),
        "status_ongoing": _w("käynnissä", "ongoing", "pågår"),
        "status_done": _w("tehty", "done", "genomförd"),
        "status_verified": _w("vaikutus todennettu", "verified", "verifierad"),
        "status_cancelled": _w("peruttu", "cancelled", "inställd"),
        "summary": _w("Yhteenveto", "Summary", "Sammanfattning"),
        "finding_strength": _w("vahvuus", "strength", "styrka"),
        "finding_improvement_area": _w("kehittämiskohde", "area for improvement", "förbättringsområde"),
        "finding_nonconformity": _w("poikkeama", "nonconformity", "avvikelse"),
        "finding_observation": _w("huomio", "observation", "observation"),
        "finding_good_practice": _w("hyvä käytäntö", "good practice", "god praxis"),
        # Criteria and self-assessment
        "criterion": _w("Kriteeri", "Criterion", "Kriterium"),
        "coverage_intro": _w(
            "Raportti kertoo, mitä kuvaus näyttää kustakin laatukriteeristä. Se ei ole arvio"
            " laadunhallinnan kypsyydestä: kypsyystasot ovat organisaation oman itsearvioinnin tulos.",
            "The report tells what the description shows for each quality criterion. It is not a"
            " rating of quality management: maturity levels come from the organisation's own self-assessment.",
            "Rapporten visar vad beskrivningen visar för varje kvalitetskriterium. Den är ingen"
            " bedömning av kvalitetsledningen: mognadsnivåerna kommer från organisationens egen självvärdering.",
        ),
        "no_report": _w(
            "Kriteeriraporttia ei ole saatavilla tässä koosteessa.",
            "The criteria report is not available in this build.",
            "Kriterierapporten finns inte i denna version.",
        ),
        **{f"cov_{status.replace(' ', '-')}": _w(status_word(status, "fi"), status, status_word(status, "sv"))
           for status in STATUSES},
        "items_of": _w("/", "of", "av"),
        "shown_in": _w("Näkyy", "Shown in", "Syns i"),
        "severity_error": _w("virhe", "error", "fel"),
        "severity_warning": _w("varoitus", "warning", "varning"),
        "severity_info": _w("huomio", "note", "notering"),
        "where": _w("Kohta", "Where", "Var"),
        "hint": _w("Korjaus", "What to do", "Åtgärd"),
        "all_findings": _w("Kaikki havainnot", "All findings", "Alla iakttagelser"),
        "self_assessment": _w("Itsearviointi", "Self-assessment", "Självvärdering"),
        "area": _w("Arviointialue", "Evaluation area", "Bedömningsområde"),
        "maturity": _w("Kypsyystaso", "Maturity level", "Mognadsnivå"),
        "justification": _w("Perustelu", "Justification", "Motivering"),
        "evidence": _w("Todentava aineisto", "Evidence", "Belägg"),
        "participants": _w("Osallistujat", "Participants", "Deltagare"),
        "framework": _w("Arviointimalli", "Framework", "Bedömningsmodell"),
        "maturity_puuttuva": _w("puuttuva", "absent", "saknas"),
        "maturity_alkava": _w("alkava", "emerging", "begynnande"),
        "maturity_kehittynyt": _w("kehittynyt", "developed", "utvecklad"),
        "maturity_edistynyt": _w("edistynyt", "advanced", "avancerad"),
        "valid_until": _w("Voimassa", "Valid until", "Giltig till"),
        "criteria_count": _w("kriteeriä", "criteria", "kriterier"),
        # Glossary
        "term": _w("Termi", "Term", "Term"),
        "other_language": _w("Englanniksi", "In Finnish", "På engelska"),
        "definition": _w("Selitys", "Definition", "Förklaring"),
        "glossary_intro": _w(
            "Organisaation omat termit sekä laadunhallinnan keskeiset käsitteet suomeksi ja englanniksi.",
            "The organisation's own terms and the key quality-management concepts in Finnish and English.",
            "Organisationens egna termer och de centrala begreppen inom kvalitetsledning på finska och engelska.",
        ),
        "builtin_term": _w("yleinen termi", "general term", "allmän term"),
        # Categories of stakeholder ids shown as customers
        "yes": _w("kyllä", "yes", "ja"),
        "no": _w("ei", "no", "nej"),
        "id": _w("Tunniste", "Id", "Id"),
    }
)


def ui_language(lang: str) -> str:
    """Return the language the interface words are shown in for a page in ``lang``.

    Examples
    --------
    >>> ui_language("en"), ui_language("se"), ui_language("de")
    ('en', 'fi', 'fi')
    """
    if lang in UI_LANGUAGES:
        return lang
    return FALLBACK.get(lang, "fi")


def word(key: str, lang: str) -> str:
    """Return the interface word ``key`` for a page in ``lang``.

    Examples
    --------
    >>> word("glossary", "en"), word("glossary", "se"), word("glossary", "sv")
    ('Glossary', 'Sanasto', 'Ordlista')
    """
    return WORDS[key][ui_language(lang)]
