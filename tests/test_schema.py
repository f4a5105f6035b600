"""The JSON Schema of the YAML format: compact flow lines allowed, list defaults shown, processes apart."""

from __future__ import annotations

from qms.schema import process_schema, system_schema


def test_the_process_schema_accepts_compact_flow_lines() -> None:
    schema = process_schema()
    assert schema["title"] == "qms process description"
    variants = schema["properties"]["flow"]["items"]["anyOf"]
    assert {"type": "string", "pattern": "->", "description": "a -> b -> c  or  a -> b: label"} in variants
    assert schema["properties"]["steps"]["default"] == []


def test_the_system_schema_leaves_processes_to_their_files() -> None:
    schema = system_schema()
    assert "processes" not in schema["properties"]
    assert schema["title"] == "qms quality system (system.yaml)"
