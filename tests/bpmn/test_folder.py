"""What an imported model needs from its folder's system.yaml, and how it is added there."""

from __future__ import annotations

from typing import Any

import yaml

from qms.bpmn.folder import Additions, add_to_system_yaml, needed, with_additions
from qms.model import Process, QualitySystem, Role, Stakeholder


def _process(**extra: Any) -> Process:
    data = {"process": "p", "name": "P", "category": "support",
            "steps": [{"id": "a", "start": "A", "lane": "kirjaamo"}, {"id": "b", "task": "B", "lane": "rehtori"},
                      {"id": "c", "end": "C"}],
            "flow": ["a -> b -> c"], **extra}
    return Process.model_validate(data)


def _system(*processes: Process, **extra: Any) -> QualitySystem:
    return QualitySystem.model_validate({"system": "s", "name": "S", "provider": {"id": "s", "name": "S"},
                                         "processes": list(processes), **extra})


def test_roles_named_by_their_lanes_and_nothing_twice() -> None:
    imported = _system(_process(lanes=["kirjaamo", "rehtori"], owner="rehtori"),
                       roles=[{"id": "kirjaamo", "name": "Kirjaamo"}])
    add = needed(imported, _system(roles=[{"id": "rehtori", "name": "Rehtori"}]))
    assert add.roles == [Role(id="kirjaamo", name="Kirjaamo")]
    assert needed(imported, _system(roles=[{"id": "rehtori", "name": "R"}, {"id": "kirjaamo", "name": "K"}])
                  ).lists() == {}


def test_parties_of_messages_inputs_and_customers_become_stakeholders_unless_known() -> None:
    p = _process(messages=["opiskelija -> a: Hakemus", "b -> q"], customers=["huoltaja", "rehtori"],
                 inputs=[{"name": "Tarve", "from": ["tyoelama", "q"]}])
    q = Process.model_validate({"process": "q", "name": "Q", "category": "core"})
    imported = _system(p, q, stakeholders=[{"id": "opiskelija", "name": "Opiskelija"}])
    add = needed(imported, _system(roles=[{"id": "rehtori", "name": "R"}]))
    assert add.stakeholders == [Stakeholder(id="opiskelija", name="Opiskelija"),
                                Stakeholder(id="huoltaja", name="huoltaja"),
                                Stakeholder(id="tyoelama", name="tyoelama")]


def test_called_and_parent_processes_not_in_the_file_become_stubs() -> None:
    p = _process(parent="ylaprosessi", steps=[{"id": "a", "start": "A"}, {"id": "b", "call": "arkistointi"},
                                              {"id": "x", "call": "q", "name": "Q:n kutsu"}, {"id": "c", "end": "C"}],
                 flow=["a -> b -> x -> c"])
    q = Process.model_validate({"process": "q", "name": "Q", "category": "core"})
    stubs = needed(_system(p, q)).stubs
    assert [(s.process, s.name, s.category, s.steps) for s in stubs] == [
        ("arkistointi", "arkistointi", "support", []), ("ylaprosessi", "ylaprosessi", "support", [])]


def test_measures_bring_their_objectives_forms_and_processes() -> None:
    p = _process(measures=[{"id": "m", "name": "M", "objectives": ["O1"], "education_forms": ["oppisopimus"],
                            "processes": ["raportointi"], "owner": "talous"}],
                 outputs=[{"name": "Raportti", "to": ["raportointi"]}])
    add = needed(_system(p))
    assert [o.id for o in add.objectives] == ["O1"]
    assert [f.id for f in add.education_forms] == ["oppisopimus"]
    assert [s.process for s in add.stubs] == ["raportointi"]
    assert add.stakeholders == []
    assert "talous" in [r.id for r in add.roles]
    system = with_additions(_system(), add)
    assert system.strategy is not None and [o.id for o in system.strategy.objectives] == ["O1"]
    assert [f.id for f in system.education_forms] == ["oppisopimus"]


SYSTEM = """\
# Our system
system: s
name: S   # the short name
roles:
- id: a
  name: A
- id: b
  name: B

# who we serve
stakeholders:
    - {id: x, name: X}
provider: {id: s, name: S}"""


def test_additions_go_to_the_end_of_each_list_and_every_other_line_stays() -> None:
    add = Additions(roles=[Role(id="c", name="Cee: 'quoted'")], stakeholders=[Stakeholder(id="y", name="Yy")],
                    education_forms=[])
    out = add_to_system_yaml(SYSTEM, add)
    assert out is not None
    assert out == SYSTEM.replace(
        "  name: B\n", "  name: B\n- {id: c, name: 'Cee: ''quoted'''}\n").replace(
        "    - {id: x, name: X}\n", "    - {id: x, name: X}\n    - {id: y, name: Yy}\n") + "\n"
    data = yaml.safe_load(out)
    assert data["roles"][-1] == {"id": "c", "name": "Cee: 'quoted'"}


def test_a_list_the_file_lacks_is_appended_at_its_end() -> None:
    add = Additions(org_units=[], education_forms=[], roles=[], stakeholders=[Stakeholder(id="y", name="Y")])
    out = add_to_system_yaml("system: s\nname: S\n", add)
    assert out == "system: s\nname: S\nstakeholders:\n  - {id: y, name: Y}\n"


def test_a_list_in_flow_style_or_empty_is_left_to_the_user() -> None:
    add = Additions(roles=[Role(id="c", name="C")])
    assert add_to_system_yaml("system: s\nroles: [{id: a, name: A}]\n", add) is None
    assert add_to_system_yaml("system: s\nroles:\n", add) is None
    assert add_to_system_yaml("- not a mapping\n", add) is None
    assert add_to_system_yaml("system: [\n", add) is None
