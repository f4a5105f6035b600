"""Generate a realistic synthetic quality system: N processes × M steps, as a system folder.

Each process has lanes (roles), a start, tasks with documents and information systems,
decisions with labelled branches that join again, loops back to an earlier step, parallel
branches with a split and a join, messages to stakeholders, measures with targets and
results, risks and a review. The system has roles, stakeholders, units, education forms, a
strategy whose objectives hold the measures, feedback instruments, evaluations, a vuosikello
and a development plan. The output is deterministic for a seed and, by construction, free of
structural errors, so a check run exercises every rule without drowning in findings.

Usage::

    python benchmarks/gen.py OUT_DIR [--processes 500] [--steps 40] [--seed 1]
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

ROLES = ("johtoryhma", "rehtori", "koulutuspaallikko", "opettaja", "opinto_ohjaaja", "talous",
         "laatupaallikko", "tyoelamapalvelut", "hallitus", "opiskelijapalvelut")
STAKEHOLDERS = (("opiskelija", "student"), ("tyopaikka", "working_life_employer"), ("okm", "authority"),
                ("huoltaja", "guardian"))
SYSTEMS = ("Wilma", "Primus", "eHOKS", "Arvo", "Koski", "Vipunen")
VERBS = ("Suunnittelu", "Valmistelu", "Käsittely", "Hyväksyntä", "Tiedottaminen", "Arviointi", "Seuranta",
         "Kirjaaminen", "Ohjaus", "Päätös", "Yhteenveto", "Palautteen keruu")
OBJECTS = ("opintojen", "talousarvion", "palautteen", "työpaikkojen", "osaamisen", "HOKSin", "näytön",
           "rekrytoinnin", "ennakoinnin", "laadun")
PDCA = ("plan", "do", "check", "act")
FORMS = ("perustutkinto", "ammattitutkinto", "oppisopimus", "koulutussopimus")
UNITS = (("jarjestaja", "jarjestaja", None), ("ta_koulutus", "tulosalue", "jarjestaja"),
         ("ta_tuki", "tulosalue", "jarjestaja"))

__all__ = ["process_yaml", "system_yaml", "write_system"]


class _Steps:
    """Builds one process's steps and flow lines, block by block."""

    def __init__(self, rng: random.Random, lanes: list[str]) -> None:
        self.rng = rng
        self.lanes = lanes
        self.steps: list[str] = []
        self.flow: list[str] = []
        self.documents: list[str] = []
        self.messages: list[str] = []
        self.n = 0

    def _id(self, prefix: str) -> str:
        self.n += 1
        return f"{prefix}{self.n}"

    def _name(self) -> str:
        return f"{self.rng.choice(OBJECTS).capitalize()} {self.rng.choice(VERBS).lower()}"

    def task(self) -> str:
        sid = self._id("t")
        extra = ""
        if self.rng.random() < 0.3:
            doc = f"d_{sid}"
            self.documents.append(doc)
            extra += f", documents: [{doc}]"
        if self.rng.random() < 0.3:
            extra += f", systems: [{self.rng.choice(SYSTEMS)}]"
        lane = self.rng.choice(self.lanes)
        self.steps.append(f"{{id: {sid}, task: {self._name()}, lane: {lane}, pdca: {PDCA[self.n % 4]}{extra}}}")
        if self.rng.random() < 0.1:
            who = self.rng.choice(STAKEHOLDERS)[0]
            self.messages.append(f'"{sid} -> {who}: tieto"' if self.rng.random() < 0.5 else f'"{who} -> {sid}: tarve"')
        return sid

    def gateway(self, kind: str, name: str) -> str:
        sid = self._id("g")
        pdca = ", pdca: check" if kind == "decision" else ""
        self.steps.append(f"{{id: {sid}, {kind}: {name}, lane: {self.rng.choice(self.lanes)}{pdca}}}")
        return sid

    def link(self, a: str, b: str, label: str | None = None) -> None:
        self.flow.append(f'"{a} -> {b}: {label}"' if label else f"{a} -> {b}")


def process_yaml(index: int, n_processes: int, n_steps: int, rng: random.Random) -> str:
    """One process file with about ``n_steps`` steps."""
    pid = f"p{index:04d}"
    lanes = rng.sample(ROLES, 6)
    b = _Steps(rng, lanes)
    b.steps.append(f"{{id: alku, start: Prosessi {index} alkaa, lane: {lanes[0]}}}")
    last = "alku"
    history = [last]
    while len(b.steps) < n_steps - 1:
        room = n_steps - 1 - len(b.steps)
        roll = rng.random()
        if roll < 0.2 and room >= 5:  # decision whose branches join again
            d = b.gateway("decision", "Onko valmis?")
            b.link(last, d)
            t1, t2 = b.task(), b.task()
            b.link(d, t1, "kyllä")
            b.link(d, t2, "ei")
            join = b.task()
            b.link(t1, join)
            b.link(t2, join)
            last = join
        elif roll < 0.3 and room >= 6:  # parallel branches with a split and a join
            split = b.gateway("parallel", "Rinnakkain")
            b.link(last, split)
            branches = [b.task() for _ in range(rng.choice((2, 3)))]
            join = b.gateway("parallel", "Valmiit")
            for t in branches:
                b.link(split, t)
                b.link(t, join)
            last = join
        elif roll < 0.4 and room >= 3 and len(history) > 2:  # a loop back to an earlier task
            d = b.gateway("decision", "Hyväksytäänkö?")
            b.link(last, d)
            back = rng.choice([h for h in history[-4:] if h.startswith("t")] or [last])
            b.link(d, back, "ei, korjataan")
            nxt = b.task()
            b.link(d, nxt, "kyllä")
            last = nxt
        else:
            t = b.task()
            b.link(last, t)
            last = t
        history.append(last)
    b.steps.append(f"{{id: loppu, end: Prosessi {index} valmis, lane: {lanes[0]}}}")
    b.link(last, "loppu")
    prev, nxt = f"p{(index - 1) % n_processes:04d}", f"p{(index + 1) % n_processes:04d}"
    category = ("management", "core", "support")[index % 3]
    tags = ("regional_impact", "staff_competence", "finance", "deviation_handling", "student_path")[index % 5]
    docs = "".join(
        f"  - {{id: {d}, name: Asiakirja {d}, type: form, owner: {lanes[0]}, version: \"1\", approved_by: {lanes[0]},"
        f" approved: 2025-06-01, review_due: 2027-06-01}}\n" for d in b.documents
    )
    measures = "".join(
        f"  - {{id: M-{index:04d}-{k}, name: Mittari {k}, type: {('process', 'outcome', 'perception')[k]},"
        f" target: \">= {60 + k} %\", alert: \"< 50 %\", eqavet_indicators: [{2 + (index + k) % 9}],"
        f" stakeholder_group: {('student', 'staff', 'working_life')[index % 3]}, source: Vipunen, frequency: vuosittain, owner: {lanes[0]},"
        f" reported_to: [Johtoryhmä], objectives: [O{index % 5 + 1}],"
        f" results: [{{period: \"2023\", value: {55 + k}}}, {{period: \"2024\", value: {60 + k}}},"
        f" {{period: \"2025\", value: {rng.randint(55, 75)}}}]}}\n" for k in range(3)
    )
    return (
        f"# Synthetic process {index} ({n_steps} steps).\n"
        f"process: {pid}\nname: Prosessi {index}\ncategory: {category}\nowner: {lanes[0]}\n"
        f"purpose: Synteettinen prosessi {index}\ntags: [{tags}]\n"
        f"customers: [opiskelija]\neducation_forms: [{', '.join(FORMS)}]\norg_units: [jarjestaja, ta_koulutus, ta_tuki]\n"
        f"inputs: [{{name: Lähtötiedot, from: [{prev}]}}]\noutputs: [{{name: Tulokset, to: [{nxt}]}}]\n"
        f"resources: [{{kind: role, name: {lanes[0]}}}, {{kind: system, name: Wilma}}]\n"
        f"lanes: [{', '.join(lanes)}]\n"
        "steps:\n" + "".join(f"  - {s}\n" for s in b.steps)
        + "flow:\n" + "".join(f"  - {f}\n" for f in b.flow)
        + ("messages:\n" + "".join(f"  - {m}\n" for m in b.messages) if b.messages else "")
        + "measures:\n" + measures
        + "risks:\n"
        f"  - {{id: R-{index:04d}-1, name: Riski, likelihood: 3, impact: 3, controls: [Seuranta], owner: {lanes[0]},"
        " review_date: 2026-06-30}\n"
        + ("documents:\n" + docs if docs else "")
        + "records:\n  - {name: Pöytäkirjat, system: Asianhallinta}\n"
        "review: {version: 2, approved_by: johtoryhma, approved: 2025-06-01, next_review: 2026-06-01,"
        " outcome: Ei kehittämistarpeita}\n"
    )


def system_yaml(n_processes: int) -> str:
    """The system.yaml around ``n_processes`` synthetic processes."""
    pids = [f"p{i:04d}" for i in range(n_processes)]
    roles = "".join(f"  - {{id: {r}, name: {r.capitalize()}{', qms_owner: true' if r == 'rehtori' else ''}"
                    f"{', qm_responsibility: true' if r == 'laatupaallikko' else ''}}}\n" for r in ROLES)
    stakeholders = "".join(f"  - {{id: {s}, name: {s.capitalize()}, category: [{c}], requirements: [Palvelu],"
                           f" review_date: 2026-12-31}}\n" for s, c in STAKEHOLDERS)
    units = "".join(f"  - {{id: {u}, name: {u}, level: {lvl}{f', parent: {parent}' if parent else ''}}}\n"
                    for u, lvl, parent in UNITS)
    forms = "".join(f"  - {{id: {f}, name: {f.capitalize()}, learning_environments: [oppilaitos, tyopaikka]}}\n"
                    for f in FORMS)
    objectives = "".join(f"    - {{id: O{k}, name: Tavoite {k}, owner: rehtori, processes: [{pids[k % n_processes]}],"
                         f" external_refs: [OKM]}}\n" for k in range(1, 6))
    audits = "".join(
        f"  - {{id: EA-A{k}, name: Auditointi {k}, type: internal_audit, date: {2024 + k % 3}-10,"
        f" processes: [{', '.join(pids[k::3])}], auditors: [laatupaallikko]}}\n" for k in range(3)
    )
    return (
        "# Synthetic quality system for benchmarks (benchmarks/gen.py).\n"
        "system: synth\nname: Synteettinen järjestelmä\nas_of: 2026-03-01\n"
        "provider: {id: synth, name: Synteettinen koulutuskuntayhtymä, purpose: Osaamista alueelle}\n"
        "strategy:\n  id: s\n  name: Strategia\n  objectives:\n" + objectives
        + "roles:\n" + roles + "org_units:\n" + units + "stakeholders:\n" + stakeholders
        + "education_forms:\n" + forms
        + "quality_groups:\n  - {id: laaturyhma, name: Laaturyhmä, chair: laatupaallikko, members: [Rehtori],"
          " mandate: [Vuosikello]}\n"
        + "feedback:\n"
          f"  - {{id: FB-1, name: Opiskelijapalaute, target_groups: [student], feeds: [{', '.join(pids)}],"
          f" analysis: {pids[0]}.t1}}\n"
          f"  - {{id: FB-2, name: Henkilöstökysely, target_groups: [staff], feeds: [{pids[0]}], actions: [KS-1]}}\n"
          f"  - {{id: FB-3, name: Työpaikkakysely, target_groups: [workplace_instructor], feeds: [{pids[0]}],"
          f" measures: [M-0000-2], actions: [KS-1]}}\n"
        + "evaluations:\n"
          "  - {id: EA-1, name: Itsearviointi, type: self_assessment, date: 2025-09-01,"
          " participants: [management, staff, student, working_life], publish_required: true, published: 2025-11-01}\n"
          "  - {id: EA-6, name: Vertaisarviointi, type: peer_review, date: 2025-10}\n" + audits
        + "annual_cycle:\n  name: Vuosikello\n  events:\n"
          "    - {id: suunnittelu, name: Suunnittelu, months: [9], kind: annual_plan, pdca: plan}\n"
          "    - {id: toteutus, name: Toteutus, months: [10], kind: operations, pdca: do}\n"
          "    - {id: kysely, name: Kysely, months: [11], kind: survey, pdca: check}\n"
          "    - {id: katselmus, name: Johdon katselmus, months: [4], kind: management_review, pdca: act,"
          " inputs: [Mittarit], outputs: [Päätökset]}\n"
          "    - {id: tiedotus, name: Tiedotus, months: [6], kind: communication, pdca: act, audience: [staff, public]}\n"
        + "development_plan:\n  id: ks\n  name: Kehittämissuunnitelma\n  start: 2025-01-01\n  end: 2027-12-31\n"
          "  follow_up: [katselmus]\n  findings: [{id: F-1, name: Havainto}]\n"
          "  actions: [{id: KS-1, name: Toimi, findings: [F-1], owner: laatupaallikko, due: 2026-12-31}]\n"
        + "self_assessment:\n  framework: Karvi-2022\n  items: [{id: SA-1, area: Johtaminen, level: alkava}]\n"
        + "evidence:\n  - {id: EV-1, kind: external_evaluation_report, title: Karvi 2022, date: 2022-05-03,"
          " criteria: [FI-LAW-3]}\n"
    )


def write_system(out: Path, n_processes: int, n_steps: int, seed: int = 1) -> Path:
    """Write ``out/system.yaml`` and ``out/processes/p0000.yaml`` …; return ``out``."""
    rng = random.Random(seed)
    (out / "processes").mkdir(parents=True, exist_ok=True)
    (out / "system.yaml").write_text(system_yaml(n_processes), encoding="utf-8")
    for i in range(n_processes):
        (out / "processes" / f"p{i:04d}.yaml").write_text(process_yaml(i, n_processes, n_steps, rng), encoding="utf-8")
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--processes", type=int, default=500)
    parser.add_argument("--steps", type=int, default=40)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    write_system(args.out, args.processes, args.steps, args.seed)
    print(f"wrote {args.out}: {args.processes} processes × ~{args.steps} steps")
    return 0


if __name__ == "__main__":
    sys.exit(main())
