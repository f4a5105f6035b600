"""The canonical YAML writer: model → text that loads back to an equal model."""

from __future__ import annotations

from typing import Any

import yaml
from pydantic import BaseModel

from qms.model import Flow, MessageFlow, Process, QualitySystem

__all__ = ["dump_process", "dump_system", "process_data", "system_data"]

_Dumper: type = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


class _Flow(dict):  # type: ignore[type-arg]
    """A mapping written in flow style on one line: ``{id: a, task: Tee}``."""


class _Block(dict):  # type: ignore[type-arg]
    """A mapping written in block style."""


class _Lines(list):  # type: ignore[type-arg]
    """A sequence always written one item per line."""


class _Dumper2(_Dumper):  # type: ignore[misc]
    pass


def _repr_flow(dumper: yaml.SafeDumper, data: dict[str, Any]) -> yaml.Node:
    return dumper.represent_mapping("tag:yaml.org,2002:map", data.items(), flow_style=True)


def _repr_block(dumper: yaml.SafeDumper, data: dict[str, Any]) -> yaml.Node:
    return dumper.represent_mapping("tag:yaml.org,2002:map", data.items(), flow_style=False)


def _repr_list(dumper: yaml.SafeDumper, data: list[Any]) -> yaml.Node:
    flow = all(isinstance(x, str | int | float) and not isinstance(x, bool) for x in data) and (
        sum(len(str(x)) + 2 for x in data) < 70
    )
    return dumper.represent_sequence("tag:yaml.org,2002:seq", data, flow_style=flow)


_Dumper2.add_representer(_Flow, _repr_flow)
_Dumper2.add_representer(_Block, _repr_block)
_Dumper2.add_representer(list, _repr_list)
_Dumper2.add_representer(
    _Lines, lambda d, data: d.represent_sequence("tag:yaml.org,2002:seq", list(data), flow_style=False)
)


def _plain(obj: BaseModel) -> dict[str, Any]:
    data: dict[str, Any] = obj.model_dump(mode="json", by_alias=True, exclude_defaults=True)
    return data


def _texts_flow(value: Any) -> Any:
    if isinstance(value, dict):
        if value and all(isinstance(v, str) for v in value.values()) and set(value) <= {"fi", "en", "sv", "se"}:
            return _Flow(value)
        return _Block({k: _texts_flow(v) for k, v in value.items()})
    if isinstance(value, list):
        return [_texts_flow(v) for v in value]
    return value


def _flow_item(flow: Flow | MessageFlow, name_key: str) -> Any:
    data = _plain(flow)
    label = data.get(name_key)
    if set(data) <= {"from", "to", name_key} and (label is None or (isinstance(label, str) and label.strip())):
        key = f"{data['from']} -> {data['to']}"
        return key if label is None else {key: label}
    return _Flow(data)


def process_data(process: Process) -> dict[str, Any]:
    """The canonical data of a process file, in model field order, defaults left out."""
    data = _plain(process)
    out: dict[str, Any] = {}
    for key, value in data.items():
        if key == "steps":
            out[key] = [_Flow(_texts_flow(s)) for s in value]
        elif key == "flow":
            out[key] = _Lines(_flow_item(f, "label") for f in process.flow)
        elif key == "messages":
            out[key] = _Lines(_flow_item(m, "name") for m in process.messages)
        elif key in {"documents", "risks", "inputs", "outputs", "resources", "records"}:
            out[key] = [_Flow(_texts_flow(v)) if isinstance(v, dict) and len(str(v)) < 110 else _texts_flow(v)
                        for v in value]
        else:
            out[key] = _texts_flow(value)
    return out


def system_data(system: QualitySystem) -> dict[str, Any]:
    """The canonical data of ``system.yaml`` (without the processes)."""
    data = _plain(system)
    data.pop("processes", None)
    out: dict[str, Any] = {}
    for key, value in data.items():
        if key in {"roles", "org_units", "stakeholders", "education_forms"} and isinstance(value, list):
            out[key] = [_Flow(_texts_flow(v)) if len(str(v)) < 110 else _texts_flow(v) for v in value]
        else:
            out[key] = _texts_flow(value)
    return out


def _dump(data: dict[str, Any], header: str) -> str:
    body: str = yaml.dump(data, Dumper=_Dumper2, allow_unicode=True, sort_keys=False, width=100,
                          default_flow_style=False)
    return header + body


def dump_process(process: Process, *, header: str = "") -> str:
    """Write ``process`` as canonical YAML (steps one per line, flows as ``a -> b: label``)."""
    return _dump(process_data(process), header)


def dump_system(system: QualitySystem, *, header: str = "") -> str:
    """Write the ``system.yaml`` of ``system`` as canonical YAML."""
    return _dump(system_data(system), header)
