"""``qms new``: a valid, commented starting point for a system or a process."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from qms.cli.output import EXIT_LOAD, write_atomic
from qms.model import slugify

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
process: {pid}
name: {name}
category: core                # management | core | support
owner: {owner}                # a role id from system.yaml
purpose: Mitä prosessi tuottaa ja kenelle.
lanes: [{lanes}]              # role ids, top to bottom in the diagram
steps:
  - {{id: alku, start: Palautekierros alkaa, lane: {lane1}}}
  - {{id: kysely, task: Palautekysely opiskelijoille, lane: {lane1}, pdca: do}}
  - {{id: riittava, decision: Onko vastausaste riittävä?, lane: {lane1}, pdca: check}}
  - {{id: muistutus, task: Muistutus, lane: {lane1}, pdca: do}}
  - {{id: kasittely, task: Tulosten käsittely ja toimenpiteet, lane: {lane2}, pdca: act}}
  - {{id: loppu, end: Tulokset käsitelty, lane: {lane2}}}
flow:                         # a -> b -> c ; a decision's branches carry labels
  - alku -> kysely -> riittava
  - riittava -> kasittely: kyllä
  - riittava -> muistutus: ei
  - muistutus -> riittava
  - kasittely -> loppu
measures:
  - id: {pid}-vastausaste
    name: Vastausaste
    type: process
    target: ">= 60 %"         # a comparison: >=, <=, >, <, = and a number
    source: Oma kysely
    frequency: vuosittain
    owner: {owner}
review: {{version: "1", approved_by: {owner}, next_review: {next_year}}}
"""


@click.group("new", epilog="""\b
Examples:
  qms new system laatu                       # ./laatu/system.yaml + processes/palaute.yaml
  cd laatu && qms new process "Opiskelijapalaute"
  qms new process "Talousarvion laadinta" --system laatu""")
def command() -> None:
    """Create a valid, commented starting point: a system folder or a process file."""


@command.command("system")
@click.argument("directory", type=click.Path(path_type=Path))
@click.option("--name", help="The provider's name (default: the folder name).")
def new_system(directory: Path, name: str | None) -> None:
    """Create DIRECTORY with system.yaml and one example process."""
    import datetime as dt

    if (directory / "system.yaml").exists():
        click.echo(f"{directory / 'system.yaml'}: already exists; nothing written", err=True)
        sys.exit(EXIT_LOAD)
    today = dt.date.today()
    name = name or directory.resolve().name
    write_atomic(directory / "system.yaml", SYSTEM_TEMPLATE.format(
        sid=slugify(directory.resolve().name), name=_quote(name), folder=directory, today=today.isoformat()))
    write_atomic(directory / "processes" / "palaute.yaml", PROCESS_TEMPLATE.format(
        pid="palaute", name="Opiskelijapalaute", owner="laatuvastaava", lanes="opettaja, laatuvastaava",
        lane1="opettaja", lane2="laatuvastaava", next_year=today.replace(year=today.year + 1).isoformat()))
    click.echo(f"created {directory}/system.yaml and {directory}/processes/palaute.yaml")
    click.echo(f"next: qms check {directory}")


@command.command("process")
@click.argument("name")
@click.option("--system", "system_dir", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="The system folder (default: the current folder when it has system.yaml).")
@click.option("--owner", default="laatuvastaava", show_default=True, help="Owner role id.")
def new_process(name: str, system_dir: Path | None, owner: str) -> None:
    """Create processes/<id>.yaml for a process called NAME (the id is made from the name)."""
    import datetime as dt

    base = system_dir if system_dir is not None else Path(".")
    folder = base / "processes" if (base / "system.yaml").is_file() else base
    pid = slugify(name)
    target = folder / f"{pid}.yaml"
    if target.exists():
        click.echo(f"{target}: already exists; nothing written", err=True)
        sys.exit(EXIT_LOAD)
    today = dt.date.today()
    write_atomic(target, PROCESS_TEMPLATE.format(
        pid=pid, name=_quote(name), owner=owner, lanes=f"opettaja, {owner}" if owner != "opettaja" else owner,
        lane1="opettaja", lane2=owner, next_year=today.replace(year=today.year + 1).isoformat()))
    click.echo(f"created {target}")
    click.echo(f"next: qms check {base if folder != base else target}")


def _quote(text: str) -> str:
    if any(c in text for c in ":#{}[],&*!|>'\"%@`") or text != text.strip():
        return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'
    return text
