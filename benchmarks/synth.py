"""Synthetic quality systems and processes for the benchmarks: realistic shape, any size.

A process is written the way a quality team writes one: lanes for roles, tasks with
documents, information systems and notes, decisions whose branches join again, approval
loops back to an earlier step, parallel branches with a split and a join, messages to
stakeholders, measures, risks and a review. The output is deterministic for a seed.

The text is plain YAML in flow style (one step per line), written without a YAML library
so that a 100,000-step file is written in about a second.
"""

from __future__ import annotations

import json
import random
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

__all__ = [
    "ROLES",
    "STAKEHOLDERS",
    "SynthProcess",
    "chain_process",
    "realistic_process",
    "system_yaml",
    "write_process",
    "write_system",
]

#: Roles of the synthetic provider; the first eight are the lanes of a realistic process.
ROLES: tuple[str, ...] = (
    "johtoryhma", "rehtori", "koulutuspaallikko", "opettaja", "opinto_ohjaaja",
    "talous", "laatupaallikko", "tyoelamapalvelut", "hallitus", "opiskelijapalvelut",
)
STAKEHOLDERS: tuple[str, ...] = ("opiskelija", "tyopaikka", "okm", "huoltaja")
SYSTEMS: tuple[str, ...] = ("Wilma", "Primus", "eHOKS", "Arvo", "Koski", "Vipunen")

_VERBS = ("Suunnittelu", "Valmistelu", "Käsittely", "Hyväksyntä", "Tiedottaminen", "Arviointi",
          "Seuranta", "Kirjaaminen", "Ohjaus", "Päätös", "Yhteenveto", "Palautteen keruu")
_OBJECTS = ("opintojen", "henkilökohtaistamisen", "näyttöjen", "talousarvion", "työpaikkajakson",
            "palautteen", "tutkinnon osan", "koulutustarjonnan", "kehittämistoimien", "riskien")
_VERBS_EN = ("Planning", "Preparing", "Processing", "Approving", "Informing", "Assessing",
             "Monitoring", "Recording", "Guiding", "Deciding", "Summarising", "Collecting feedback")
_QUESTIONS = ("Hyväksytäänkö?", "Onko tieto riittävä?", "Tarvitaanko muutoksia?", "Täyttyvätkö kriteerit?")


def _q(text: str) -> str:
    """A YAML double-quoted scalar (JSON string syntax is valid YAML)."""
    return json.dumps(text, ensure_ascii=False)


@dataclass
class SynthProcess:
    """One synthetic process: its YAML text and what it holds (for sizing the baselines)."""

    id: str
    text: str
    steps: int
    flows: int
    lanes: int
    documents: int = 0
    messages: int = 0
    stats: dict[str, int] = field(default_factory=dict)


def _name(rng: random.Random, i: int, multilingual: bool) -> str:
    v, o = rng.randrange(len(_VERBS)), rng.randrange(len(_OBJECTS))
    fi = f"{_OBJECTS[o].capitalize()} {_VERBS[v].lower()} {i}"
    if multilingual:
        return f"{{fi: {_q(fi)}, en: {_q(f'{_VERBS_EN[v]} {i}')}}}"
    return _q(fi)


def chain_process(pid: str, n_steps: int) -> SynthProcess:
    """A straight chain: a start event, ``n_steps - 2`` tasks and an end event, no lanes.

    This is the shape of the peers' published numbers (the "10,000-task chain").
    """
    if n_steps < 2:
        raise ValueError("a chain needs at least 2 steps")
    out = [
        f"process: {pid}",
        f"name: {_q(f'Ketju {n_steps}')}",
        "category: core",
        "steps:",
        "  - {id: s0, start: \"Alku\"}",
    ]
    out.extend(f"  - {{id: s{i}, task: {_q(f'Tehtävä {i}')}}}" for i in range(1, n_steps - 1))
    out.append(f"  - {{id: s{n_steps - 1}, end: \"Loppu\"}}")
    out.append("flow:")
    ids = [f"s{i}" for i in range(n_steps)]
    for k in range(0, n_steps - 1, 10):
        out.append(f"  - {' -> '.join(ids[k:k + 11])}")
    return SynthProcess(pid, "\n".join(out) + "\n", n_steps, n_steps - 1, 0)


class _Builder:
    """Grows a process block by block; tracks the open ends that the next step connects to."""

    def __init__(self, pid: str, rng: random.Random, lanes: list[str], docs: list[str],
                 callees: list[str]) -> None:
        self.pid, self.rng, self.lanes, self.docs, self.callees = pid, rng, lanes, docs, callees
        self.steps: list[str] = []
        self.flows: list[str] = []
        self.messages: list[str] = []
        self.tails: list[tuple[str, str | None]] = []  # (step id, label of the flow out of it)
        self.lane = 0
        self.n = 0

    def _id(self, prefix: str) -> str:
        self.n += 1
        return f"{prefix}{self.n}"

    def _move_lane(self) -> str:
        if self.rng.random() < 0.35:
            self.lane = self.rng.randrange(len(self.lanes))
        return self.lanes[self.lane]

    def _connect(self, target: str) -> None:
        for src, label in self.tails:
            self.flows.append(f"  - {_q(f'{src} -> {target}: {label}')}" if label else f"  - {src} -> {target}")

    def add(self, sid: str, line: str, *, connect: bool = True) -> str:
        if connect:
            self._connect(sid)
        self.steps.append(line)
        self.tails = [(sid, None)]
        return sid

    def start(self) -> None:
        lane = self._move_lane()
        self.add("alku", f"  - {{id: alku, start: \"Prosessi käynnistyy\", lane: {lane}, trigger: timer, "
                         f"when: \"elokuu\"}}", connect=False)

    def task(self) -> str:
        rng = self.rng
        sid = self._id("t")
        lane = self._move_lane()
        parts = [f"id: {sid}", f"task: {_name(rng, self.n, rng.random() < 0.3)}", f"lane: {lane}",
                 f"pdca: {rng.choice(('plan', 'do', 'do', 'check', 'act'))}"]
        roll = rng.random()
        if self.docs and roll < 0.25:
            parts.append(f"documents: [{rng.choice(self.docs)}]")
        elif self.docs and roll < 0.35:
            parts.append(f"reads: [{rng.choice(self.docs)}]")
        if rng.random() < 0.15:
            parts.append(f"systems: [{rng.choice(SYSTEMS)}]")
        if rng.random() < 0.05:
            parts.append(f"note: {_q('Huom: ' + rng.choice(_OBJECTS) + ' kirjataan järjestelmään')}")
        if rng.random() < 0.1:
            parts.append(f"raci: {{responsible: {lane}, accountable: {self.lanes[0]}}}")
        if rng.random() < 0.06:
            st = rng.choice(STAKEHOLDERS)
            self.messages.append(f"  - {_q(f'{sid} -> {st}: tieto')}")
        self.add(sid, "  - {" + ", ".join(parts) + "}")
        return sid

    def decision_branches(self) -> None:
        """A decision whose two branches (1–2 tasks and 1 task) meet at the next step."""
        d = self._id("d")
        self.add(d, f"  - {{id: {d}, decision: {_q(self.rng.choice(_QUESTIONS))}, lane: {self._move_lane()}}}")
        self.tails = [(d, "kyllä")]
        self.task()
        if self.rng.random() < 0.5:
            self.task()
        yes_end = self.tails[0][0]
        self.tails = [(d, "ei")]
        self.task()
        self.tails = [(yes_end, None), (self.tails[0][0], None)]
        self.task()  # the branches meet at a task, as a modeller draws it (not at a gateway)

    def decision_loop(self) -> None:
        """An approval: the step before it is redone until the decision says yes."""
        back = self.task()
        d = self._id("d")
        self.add(d, f"  - {{id: {d}, decision: {_q('Hyväksytty?')}, lane: {self._move_lane()}}}")
        self.flows.append(f"  - {_q(f'{d} -> {back}: ei')}")
        self.tails = [(d, "kyllä")]

    def parallel(self) -> None:
        """A parallel split into 2–3 tasks and a parallel join."""
        p = self._id("p")
        self.add(p, f"  - {{id: {p}, parallel: \"Rinnakkain\", lane: {self._move_lane()}}}")
        ends = []
        for _ in range(self.rng.choice((2, 2, 3))):
            self.tails = [(p, None)]
            ends.append(self.task())
        j = self._id("p")
        self.tails = [(e, None) for e in ends]
        self.add(j, f"  - {{id: {j}, parallel: \"Yhdistyminen\", lane: {self.lanes[self.lane]}}}")

    def call(self) -> None:
        sid = self._id("c")
        self.add(sid, f"  - {{id: {sid}, call: {self.rng.choice(self.callees)}, lane: {self._move_lane()}}}")

    def event(self) -> None:
        sid = self._id("e")
        self.add(sid, f"  - {{id: {sid}, event: {_q('Määräaika umpeutuu')}, trigger: timer, "
                      f"when: \"30 päivää\", lane: {self._move_lane()}}}")

    def end(self) -> None:
        self.add("loppu", f"  - {{id: loppu, end: \"Prosessi päättyy\", lane: {self._move_lane()}}}")


# block kind → (weight, number of steps it adds at most)
_BLOCKS: tuple[tuple[str, float, int], ...] = (
    ("task", 0.52, 1),
    ("decision_branches", 0.14, 5),
    ("decision_loop", 0.12, 2),
    ("parallel", 0.12, 5),
    ("event", 0.05, 1),
    ("call", 0.05, 1),
)


def realistic_process(pid: str, n_steps: int, *, lanes: int = 8, seed: int = 0,
                      callees: list[str] | None = None, roles: tuple[str, ...] = ROLES) -> SynthProcess:
    """A process of exactly ``n_steps`` steps that reads like a hand-written one.

    Parameters
    ----------
    pid
        The process id.
    n_steps
        Number of steps (at least 3: start, a task, end).
    lanes
        Number of lanes (roles); every step sits in one.
    seed
        Seed of the random choices: the same arguments give the same text.
    callees
        Ids of processes that ``call`` steps may call; none: no call steps.
    """
    if n_steps < 3:
        raise ValueError("a realistic process needs at least 3 steps")
    rng = random.Random(f"{pid}:{seed}")
    lane_ids = list(roles[:lanes])
    n_docs = max(1, min(40, n_steps // 8))
    docs = [f"doc_{pid}_{i}" for i in range(n_docs)]
    b = _Builder(pid, rng, lane_ids, docs, callees or [])
    b.start()
    kinds = [k for k, _, _ in _BLOCKS if k != "call" or callees]
    weights = [w for k, w, _ in _BLOCKS if k != "call" or callees]
    size = {k: s for k, _, s in _BLOCKS}
    while True:
        left = n_steps - 1 - len(b.steps)  # one is kept for the end event
        if left <= 0:
            break
        kind = rng.choices(kinds, weights)[0]
        if size[kind] > left:
            kind = "task"
        getattr(b, kind)()
    b.end()

    out = [
        f"process: {pid}",
        f"name: {{fi: {_q(f'Prosessi {pid}')}, en: {_q(f'Process {pid}')}}}",
        f"code: {_q(pid.upper()[:8])}",
        f"category: {rng.choice(('core', 'core', 'support', 'management'))}",
        f"owner: {lane_ids[0]}",
        f"purpose: {_q('Kuvaa, miten ' + rng.choice(_OBJECTS) + ' hoidetaan laadukkaasti ja tasapuolisesti.')}",
        f"customers: [{STAKEHOLDERS[0]}]",
        f"lanes: [{', '.join(lane_ids)}]",
        "inputs:",
        f"  - {{name: {_q('Strategia ja tavoitteet')}}}",
        "outputs:",
        f"  - {{name: {_q('Toteutunut ' + rng.choice(_OBJECTS) + ' suunnitelma')}}}",
        "steps:",
        *b.steps,
        "flow:",
        *b.flows,
    ]
    if b.messages:
        out += ["messages:", *b.messages]
    out.append("measures:")
    for k in range(1, 3):
        out += [
            f"  - id: M-{pid}-{k}",
            f"    name: {_q(f'Mittari {k}: tyytyväisyys')}",
            "    type: perception",
            "    target: \">= 4,0\"",
            "    alert: \"< 3,5\"",
            f"    source: {_q('Arvo-palaute')}",
            "    source_kind: national_survey",
            "    frequency: vuosittain",
            f"    owner: {lane_ids[0]}",
            f"    processes: [{pid}]",
            "    results: [{period: \"2024\", value: 4.1}, {period: \"2025\", value: 4.2}]",
        ]
    out += [
        "risks:",
        f"  - {{id: R-{pid}-1, name: {_q('Aikataulu venyy')}, likelihood: 3, impact: 2, "
        f"controls: [{_q('Viikkoseuranta')}], owner: {lane_ids[0]}, review_date: 2026-09-30}}",
        "documents:",
    ]
    out += [f"  - {{id: {d}, name: {_q(f'Asiakirja {i}')}, type: form, owner: {lane_ids[i % len(lane_ids)]}, "
            f"version: \"1\", approved_by: johtoryhma, approved: 2025-08-01, review_due: 2026-08-01}}" for i, d in enumerate(docs)]
    out += [
        "records:",
        f"  - {{name: {_q('Päätöspöytäkirja')}, system: Primus, retention: {_q('10 vuotta')}}}",
        "review: {version: \"2\", approved_by: johtoryhma, approved: 2025-09-15, last_reviewed: 2025-09-15, "
        "next_review: 2026-09-15}",
    ]
    return SynthProcess(pid, "\n".join(out) + "\n", len(b.steps), len(b.flows), len(lane_ids),
                        len(docs), len(b.messages))


def system_yaml(sid: str, process_ids: list[str]) -> str:
    """The ``system.yaml`` of a synthetic provider whose process map lists ``process_ids``."""
    out = [
        f"system: {sid}",
        f"name: {{fi: {_q('Synteettinen koulutuskuntayhtymä')}, en: {_q('Synthetic federation of education')}}}",
        "as_of: 2026-03-01",
        "default_language: fi",
        "languages: [fi, en]",
        "provider:",
        f"  id: {sid}",
        f"  name: {_q('Synteettinen koulutuskuntayhtymä')}",
        "  frameworks: [FI-531/2017, EQAVET]",
        f"  quality_policy: {_q('Laatu johdetaan järjestäjätasolla.')}",
        "roles:",
    ]
    out += [f"  - {{id: {r}, name: {_q(r.replace('_', ' ').capitalize())}, org_unit: {sid}_unit}}" for r in ROLES]
    out += ["org_units:", f"  - {{id: {sid}_unit, name: {_q('Kuntayhtymä')}, level: jarjestaja}}",
            "stakeholders:"]
    out += [f"  - {{id: {s}, name: {_q(s.capitalize())}, category: [external]}}" for s in STAKEHOLDERS]
    groups: dict[str, list[str]] = {"management": [], "core": [], "support": []}
    for i, p in enumerate(process_ids):
        groups[("core", "core", "support", "management")[i % 4]].append(p)
    out += ["architecture:", "  groups:"]
    for cat, members in groups.items():
        out.append(f"    - {{id: g_{cat}, name: {_q(cat.capitalize())}, category: {cat}, "
                   f"processes: [{', '.join(members)}]}}")
    out += [
        "annual_cycle:",
        f"  name: {_q('Vuosikello')}",
        "  events:",
        f"    - {{id: itsearviointi, name: {_q('Itsearviointi')}, months: [3], pdca: check}}",
        f"    - {{id: johdon_katselmus, name: {_q('Johdon katselmus')}, months: [11], pdca: act}}",
    ]
    return "\n".join(out) + "\n"


def _system_processes(n_processes: int, n_steps: int, seed: int) -> Iterator[SynthProcess]:
    ids = [f"p{i:04d}" for i in range(n_processes)]
    for i, pid in enumerate(ids):
        callees = [ids[(i + 1) % n_processes]] if n_processes > 1 else None
        yield realistic_process(pid, n_steps, seed=seed, callees=callees)


def write_system(root: Path, n_processes: int, n_steps: int, *, seed: int = 0) -> dict[str, int]:
    """Write a system folder of ``n_processes`` realistic processes of ``n_steps`` steps each.

    Returns counts (processes, steps, flows, documents, messages, bytes).
    """
    (root / "processes").mkdir(parents=True, exist_ok=True)
    ids = [f"p{i:04d}" for i in range(n_processes)]
    (root / "system.yaml").write_text(system_yaml("synth", ids), encoding="utf-8")
    totals = {"processes": 0, "steps": 0, "flows": 0, "documents": 0, "messages": 0, "bytes": 0}
    for sp in _system_processes(n_processes, n_steps, seed):
        (root / "processes" / f"{sp.id}.yaml").write_text(sp.text, encoding="utf-8")
        totals["processes"] += 1
        totals["steps"] += sp.steps
        totals["flows"] += sp.flows
        totals["documents"] += sp.documents
        totals["messages"] += sp.messages
        totals["bytes"] += len(sp.text.encode("utf-8"))
    return totals


def write_process(root: Path, process: SynthProcess) -> Path:
    """Write ``process`` as the only process of a system folder; return the folder."""
    (root / "processes").mkdir(parents=True, exist_ok=True)
    (root / "system.yaml").write_text(system_yaml("synth", [process.id]), encoding="utf-8")
    (root / "processes" / f"{process.id}.yaml").write_text(process.text, encoding="utf-8")
    return root


if __name__ == "__main__":  # pragma: no cover - a manual look at the output
    import sys

    print(realistic_process("demo", int(sys.argv[1]) if len(sys.argv) > 1 else 30).text)
