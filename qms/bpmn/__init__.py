"""BPMN 2.0: export with diagram layout (DI) and import from any tool."""

from qms.bpmn.export import export_process, export_system, exportable
from qms.bpmn.read import ImportResult, read_bpmn

__all__ = ["ImportResult", "export_process", "export_system", "exportable", "read_bpmn"]
