"""``qms new``: a valid, commented starting point for a system or a process."""

from __future__ import annotations

import datetime as dt
import sys
from dataclasses import dataclass
from pathlib import Path

import click

from qms.cli.output import EXIT_LOAD, write_atomic
from qms.errors import UserError
from qms.model import slugify
from qms.suggest import did_you_mean

__all__ = ["command"]

SYSTEM_TEMPLATE = """\
# The quality system of {name}: provider, roles, stakeholders and the process map.
# Processes live in processes/*.yaml, one file each. Run `qms check {folder}` after each change.
system: {sid}
name: {name}
as_of: {today}                # the date the checks treat as today (they never read the clock)
default_language: fi          # a plain text is in this language; or write {{fi: ..., en: ...}}
languages: [fi, en]

provider:
  id: {sid}
  name: {name}
  quality_policy: Laadunhallinta kattaa kaikki toiminnot ja koulutusmuodot.

roles:                        # roles, not persons: they become the lanes of the diagrams
  - {{id: johtoryhma, name: {{fi: Johtoryhmä, en: Management team}}}}
  - {{id: laatuvastaava, name: {{fi: Laatuvastaava, en: Quality coordinator}}, qm_responsibility: true}}
  - {{id: opettaja, name: {{fi: Opettaja, en: Teacher}}}}

stakeholders:                 # external participants: they become pools in BPMN
  - {{id: opiskelija, name: {{fi: Opiskelija, en: Student}}, category: student}}

architecture:                 # the process map: groups in drawing order
  groups:
    - {{id: johtaminen, name: {{fi: Johtamisprosessit, en: Management processes}}, category: management}}
    - {{id: ydin, name: {{fi: Ydinprosessit, en: Core processes}}, category: core, processes: [palaute]}}
    - {{id: tuki, name: {{fi: Tukiprosessit, en: Support processes}}, category: support, processes: []}}

annual_cycle:                 # vuosikello
  name: {{fi: Vuosikello, en: Annual cycle}}
  cycle_start_month: 8
  events:
    - {{id: suunnittelu, name: Toimintasuunnitelma, months: [10], pdca: plan}}
    - {{id: katselmus, name: Johdon katselmus, months: [6], kind: [management_review], pdca: act}}
"""

PROCESS_TEMPLATE = """\
# Process description: {name}. Steps are one per line; the key names the kind:
# start, end, event, task, decision, parallel, inclusive, call (of another process).
# {note}
process: {pid}
name: {name}
{category_line}# management | core | support
{owner_line}# a role id from system.yaml
purpose: {purpose}
{lanes_line}# role ids, top to bottom in the diagram
steps:
{steps}
flow:                         # a -> b -> c ; a decision's branches carry labels
{flow}
measures:
  - id: {pid}-{measure_id}
    name: {measure}
    type: process
    {target_line}# a comparison: >=, <=, >, <, = and a number
    source: Oma seuranta
    frequency: vuosittain
    owner: {owner}
review: {{version: "1", approved_by: {owner}, next_review: {next_year}}}
"""


@dataclass(frozen=True)
class ProcessKind:
    """A template of ``qms new process``: the words of a name that ask for it, its steps and flow.

    Steps are written with ``{a}`` (the owner's lane) and ``{b}`` (a second role's lane).
    """

    words: tuple[str, ...]
    category: str
    purpose: str
    steps: tuple[str, ...]
    flow: tuple[str, ...]
    measure: tuple[str, str, str]  # id, name, target


#: The kinds of process ``qms new process`` has a template for; ``plain`` when no word matches.
KINDS: dict[str, ProcessKind] = {
    "feedback": ProcessKind(
        ("palaute", "kysely", "feedback", "survey", "respons"), "core",
        "Palautteen keruu, käsittely ja toimenpiteet.",
        ("{{id: alku, start: Palautekierros alkaa, lane: {b}}}",
         "{{id: kysely, task: Palautekysely, lane: {b}, pdca: do}}",
         "{{id: riittava, decision: Onko vastausaste riittävä?, lane: {b}, pdca: check}}",
         "{{id: muistutus, task: Muistutus, lane: {b}, pdca: do}}",
         "{{id: kasittely, task: Tulosten käsittely ja toimenpiteet, lane: {a}, pdca: act}}",
         "{{id: loppu, end: Tulokset käsitelty, lane: {a}}}"),
        ("alku -> kysely -> riittava", "riittava -> kasittely: kyllä", "riittava -> muistutus: ei",
         "muistutus -> riittava", "kasittely -> loppu"),
        ("vastausaste", "Vastausaste", ">= 60 %"),
    ),
    "deviation": ProcessKind(
        ("poikkeam", "reklamaatio", "valitus", "korjaav", "deviation", "complaint"), "support",
        "Poikkeamien kirjaus, syiden selvitys ja korjaavat toimenpiteet.",
        ("{{id: havaittu, start: Poikkeama havaittu, lane: {b}}}",
         "{{id: kirjaus, task: Poikkeaman kirjaus, lane: {b}, pdca: do}}",
         "{{id: syy, task: Syyn selvitys, lane: {a}, pdca: check}}",
         "{{id: tarvitaanko, decision: Tarvitaanko korjaavia toimenpiteitä?, lane: {a}, pdca: check}}",
         "{{id: korjaus, task: Korjaavat toimenpiteet, lane: {a}, pdca: act}}",
         "{{id: kasitelty, end: Poikkeama käsitelty, lane: {a}}}"),
        ("havaittu -> kirjaus -> syy -> tarvitaanko", "tarvitaanko -> korjaus: kyllä",
         "tarvitaanko -> kasitelty: ei", "korjaus -> kasitelty"),
        ("kasittelyaika", "Käsittelyaika", "<= 30 pv"),
    ),
    "evaluation": ProcessKind(
        ("arvioin", "auditoin", "katselmu", "evaluation", "audit", "review"), "management",
        "Toiminnan arviointi ja kehittämistoimenpiteistä päättäminen.",
        ("{{id: alku, start: Arviointikausi alkaa, lane: {a}}}",
         "{{id: suunnittelu, task: Arvioinnin suunnittelu, lane: {a}, pdca: plan}}",
         "{{id: toteutus, task: Arvioinnin toteutus, lane: {b}, pdca: do}}",
         "{{id: analyysi, task: Tulosten analysointi, lane: {a}, pdca: check}}",
         "{{id: toimenpiteet, task: Kehittämistoimenpiteistä päättäminen, lane: {a}, pdca: act}}",
         "{{id: loppu, end: Arviointi raportoitu, lane: {a}}}"),
        ("alku -> suunnittelu -> toteutus -> analyysi -> toimenpiteet -> loppu",),
        ("toimenpiteet_toteutettu", "Toteutetut kehittämistoimenpiteet", ">= 80 %"),
    ),
    "plain": ProcessKind(
        (), "core", "Mitä prosessi tuottaa ja kenelle.",
        ("{{id: alku, start: Prosessi alkaa, lane: {a}}}",
         "{{id: suunnittelu, task: Suunnittelu, lane: {a}, pdca: plan}}",
         "{{id: toteutus, task: Toteutus, lane: {b}, pdca: do}}",
         "{{id: arviointi, task: Arviointi ja parantaminen, lane: {a}, pdca: check}}",
         "{{id: loppu, end: Prosessi päättyy, lane: {a}}}"),
        ("alku -> suunnittelu -> toteutus -> arviointi -> loppu",),
        ("toteutuminen", "Toteutuminen aikataulussa", ">= 90 %"),
    ),
}


def kind_of(name: str) -> str:
    """The kind of process a name asks for; ``plain`` when no word of a template matches.

    Examples
    --------
    >>> kind_of("Poikkeamien käsittely"), kind_of("Opiskelijapalaute"), kind_of("Työpaikkaohjaajien koulutus")
    ('deviation', 'feedback', 'plain')
    """
    lowered = name.lower()
    return next((k for k, kind in KINDS.items() if any(w in lowered for w in kind.words)), "plain")


def process_text(name: str, pid: str, kind: str, owner: str, other: str, next_review: str) -> str:
    """The text of a new process file of ``kind`` owned by ``owner`` (``other``: a second lane)."""
    k = KINDS[kind]
    lanes = {"a": owner, "b": other}
    note = ("The steps below are a starting point for this kind of process: replace them with yours."
            if kind != "plain" else "A plain skeleton: replace the steps with yours.")
    return PROCESS_TEMPLATE.format(
        name=_quote(name), pid=pid, note=note, category_line=f"category: {k.category}".ljust(29) + " ",
        owner=owner, owner_line=f"owner: {owner}".ljust(29) + " ", purpose=k.purpose,
        lanes_line=f"lanes: [{', '.join(dict.fromkeys((other, owner)))}]".ljust(29) + " ",
        steps="\n".join("  - " + step.format(**lanes) for step in k.steps),
        flow="\n".join(f"  - {line}" for line in k.flow),
        measure_id=k.measure[0], measure=k.measure[1], target_line=f'target: "{k.measure[2]}"'.ljust(25) + " ",
        next_year=next_review,
    )


@click.group("new", epilog="""\b
Examples:
  qms new system laatu                       # ./laatu/system.yaml + processes/palaute.yaml
  cd laatu && qms new process "Opiskelijapalaute"
  qms new process "Talousarvion laadinta" --system laatu
  qms new process "Poikkeamien käsittely" --owner laatuvastaava   # the deviation template""")
def command() -> None:
    """Create a valid, commented starting point: a system folder or a process file."""


@command.command("system")
@click.argument("directory", type=click.Path(path_type=Path))
@click.option("--name", help="The provider's name (default: the folder name).")
def new_system(directory: Path, name: str | None) -> None:
    """Create DIRECTORY with system.yaml and one example process."""
    if (directory / "system.yaml").exists():
        click.echo(f"{directory / 'system.yaml'}: already exists; nothing written", err=True)
        sys.exit(EXIT_LOAD)
    today = dt.date.today()
    name = name or directory.resolve().name
    write_atomic(directory / "system.yaml", SYSTEM_TEMPLATE.format(
        sid=slugify(directory.resolve().name), name=_quote(name), folder=directory, today=today.isoformat()))
    write_atomic(directory / "processes" / "palaute.yaml", process_text(
        "Opiskelijapalaute", "palaute", "feedback", "laatuvastaava", "opettaja", _next_year(today)))
    click.echo(f"created {directory}/system.yaml and {directory}/processes/palaute.yaml")
    click.echo(f"next: qms check {directory}")


@command.command("process")
@click.argument("name")
@click.option("--system", "system_dir", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="The system folder (default: the current folder when it has system.yaml).")
@click.option("--owner", default=None,
              help="Owner role id, one of the system's roles [default: its quality role, else its first role].")
@click.option("--kind", type=click.Choice([*KINDS, "auto"]), default="auto", show_default=True,
              help="The template: feedback, deviation, evaluation or plain; auto guesses from NAME.")
def new_process(name: str, system_dir: Path | None, owner: str | None, kind: str) -> None:
    """Create processes/<id>.yaml for a process called NAME (the id is made from the name).

    The owner must be a role of the system; the file passes `qms check` without errors.
    """
    base = system_dir if system_dir is not None else Path(".")
    in_system = (base / "system.yaml").is_file()
    folder = base / "processes" if in_system else base
    roles = _roles(base / "system.yaml") if in_system else {}
    owner = _owner(owner, roles, base / "system.yaml")
    other = next((r for r in roles if r != owner), owner)
    pid = slugify(name)
    target = folder / f"{pid}.yaml"
    if target.exists():
        click.echo(f"{target}: already exists; nothing written", err=True)
        sys.exit(EXIT_LOAD)
    chosen = kind_of(name) if kind == "auto" else kind
    write_atomic(target, process_text(name, pid, chosen, owner, other, _next_year(dt.date.today())))
    click.echo(f"created {target} ({chosen} template)")
    click.echo(f"next: qms check {base if folder != base else target}")


def _roles(system_file: Path) -> dict[str, bool]:
    """The role ids of system.yaml (and whether each has quality-management responsibility)."""
    from qms.load.yaml_reader import parse_text, read_file

    text, problems = read_file(system_file, str(system_file))
    parsed, more = parse_text(text, str(system_file)) if text is not None else (None, [])
    if parsed is None or not isinstance(parsed.data, dict):
        raise UserError([*problems, *more] or f"{system_file}: cannot read the roles")
    roles = parsed.data.get("roles") or []
    return {str(r["id"]): bool(r.get("qm_responsibility")) for r in roles if isinstance(r, dict) and "id" in r}


def _owner(owner: str | None, roles: dict[str, bool], system_file: Path) -> str:
    if not roles:
        return owner or "laatuvastaava"
    if owner is None:
        return next((r for r, qm in roles.items() if qm), next(iter(roles)))
    if owner not in roles:
        near = did_you_mean(owner, roles)
        raise click.BadParameter(
            f"'{owner}' is not a role of {system_file} ({near or 'roles: ' + ', '.join(roles)})", param_hint="--owner")
    return owner


def _next_year(today: dt.date) -> str:
    return (today.replace(day=28) if today.month == 2 and today.day == 29 else today).replace(
        year=today.year + 1).isoformat()


def _quote(text: str) -> str:
    if any(c in text for c in ":#{}[],&*!|>'\"%@`") or text != text.strip():
        return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'
    return text
