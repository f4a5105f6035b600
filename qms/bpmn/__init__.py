"""BPMN 2.0: export with diagram layout (DI) and import from any tool."""

from qms.bpmn.export import export_process, export_system, exportable

__all__ = ["export_process", "export_system", "exportable"]
