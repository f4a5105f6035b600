"""Checks: rules over a loaded system that report located findings, and the criteria coverage.

>>> from qms.check import RULES
>>> RULES[0].code, RULES[0].name
('S001', 'start-event-required')
"""

from qms.check.config import Config, find_project_config, resolve_config
from qms.check.coverage import CoverageReport, coverage
from qms.check.criteria import CRITERIA, FRAMEWORKS, Criterion
from qms.check.engine import CheckResult, check, run_checks
from qms.check.finding import Finding, Severity
from qms.check.registry import RULES
from qms.check.rule import Rule, rule

__all__ = [
    "CRITERIA",
    "FRAMEWORKS",
    "RULES",
    "CheckResult",
    "Config",
    "CoverageReport",
    "Criterion",
    "Finding",
    "Rule",
    "Severity",
    "check",
    "coverage",
    "find_project_config",
    "resolve_config",
    "rule",
    "run_checks",
]
