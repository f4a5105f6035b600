"""JSON Schema of the YAML format (system.yaml and process files)."""

from __future__ import annotations

from typing import Any

from pydantic.json_schema import GenerateJsonSchema, NoDefault
from pydantic_core import core_schema

from qms.model import Process, QualitySystem

__all__ = ["process_schema", "system_schema"]


class _WithFactoryDefaults(GenerateJsonSchema):
    """Show ``[]`` and ``{}`` as the default of list and dict fields (made by a default factory)."""

    def get_default_value(self, schema: core_schema.WithDefaultSchema) -> Any:
        factory = schema.get("default_factory")
        if factory in (list, dict):
            return factory()
        return schema.get("default", NoDefault)


def _compact_flows(schema: dict[str, Any]) -> dict[str, Any]:
    # The loader also accepts `a -> b -> c` and `a -> b: label` lines in flow: and messages:.
    defs = schema.get("$defs", {})
    props = schema.get("properties", {})
    process = defs.get("Process", {}).get("properties") or props
    for key in ("flow", "messages"):
        if key in process and "items" in process[key]:
            process[key]["items"] = {
                "anyOf": [
                    process[key]["items"],
                    {"type": "string", "pattern": "->", "description": "a -> b -> c  or  a -> b: label"},
                    {"type": "object", "minProperties": 1, "maxProperties": 1},
                ]
            }
    return schema


def process_schema() -> dict[str, Any]:
    """The JSON Schema of one process file."""
    schema = Process.model_json_schema(by_alias=True, schema_generator=_WithFactoryDefaults)
    schema["title"] = "qms process description"
    return _compact_flows(schema)


def system_schema() -> dict[str, Any]:
    """The JSON Schema of ``system.yaml`` (processes live in their own files)."""
    schema = QualitySystem.model_json_schema(by_alias=True, schema_generator=_WithFactoryDefaults)
    schema["title"] = "qms quality system (system.yaml)"
    schema.get("properties", {}).pop("processes", None)
    return _compact_flows(schema)
