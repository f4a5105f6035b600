"""Which rules run at which severity: profiles, ``checks:`` in system.yaml, ``[tool.qms]``, CLI.

Precedence, lowest first: the profile's rule sets → the profile's overrides → ``[tool.qms]``
of the nearest ``pyproject.toml`` → ``checks:`` of ``system.yaml`` → ``--select``/``--ignore``.
The profile itself is chosen by ``--profile``, else ``checks.profile``, else ``[tool.qms]``
``profile``, else ``recommended``.
"""

from __future__ import annotations

import dataclasses
import re
import tomllib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from qms.check.context import Settings
from qms.check.finding import Severity
from qms.check.rule import Rule
from qms.errors import Problem
from qms.load.messages import translate
from qms.load.yaml_reader import SourceMap
from qms.location import SourceLocation
from qms.model import CheckConfig, QualitySystem
from qms.suggest import did_you_mean

__all__ = [
    "PROFILES",
    "RULESETS",
    "Config",
    "ProjectConfig",
    "find_project_config",
    "parse_project_config",
    "resolve_config",
    "ruleset",
    "select_rules",
]

RULESETS: tuple[str, ...] = ("structure", "process", "system")
PROFILES: tuple[str, ...] = ("recommended", "strict", "small-provider")


@cache
def ruleset(name: str) -> dict[str, Any]:
    """The data of a rule set or profile file in ``qms/check/rulesets/`` (``structure``, ``strict``)."""
    text = resources.files("qms.check.rulesets").joinpath(f"{name}.yaml").read_text(encoding="utf-8")
    data = yaml.safe_load(text) or {}
    if not isinstance(data, dict):
        raise ValueError(f"ruleset {name} is not a mapping")
    return data


def _profile_severities(name: str, rules: Sequence[Rule]) -> tuple[dict[str, Severity | None], dict[str, Any]]:
    """Severity of every rule code under profile ``name``, and the profile's options."""
    data = ruleset(name)
    severities: dict[str, Severity | None] = {}
    options: dict[str, Any] = {}
    for parent in data.get("extends", []):
        if parent in RULESETS:
            for code, sev in (ruleset(parent).get("rules") or {}).items():
                severities[code] = _severity_or_off(sev)
        else:
            inherited, inherited_options = _profile_severities(parent, rules)
            severities.update(inherited)
            options.update(inherited_options)
    for code, sev in (data.get("rules") or {}).items():
        severities[code] = _severity_or_off(sev)
    for low, high in (data.get("escalate") or {}).items():
        for code, sev in severities.items():
            if sev is not None and sev.value == low:
                severities[code] = Severity.parse(high)
    options.update(data.get("options") or {})
    for r in rules:  # a rule in no set runs at its default severity
        severities.setdefault(r.code, r.default_severity)
    return severities, options


def _severity_or_off(value: str) -> Severity | None:
    return None if str(value) == "off" else Severity.parse(value)


@dataclass(frozen=True)
class ProjectConfig:
    """The ``[tool.qms]`` table of a ``pyproject.toml``, with the file's text for positions."""

    file: str
    data: Mapping[str, Any]
    text: str = ""

    def locate(self, *path: str) -> SourceLocation:
        r"""Where the key at ``path`` (``("profile",)``, ``("rules", "Q410")``) of ``[tool.qms]`` is
        written; the table's header when the key is not found, 1:1 without one.

        Only the ``[tool.qms]`` table and its sub-tables are searched, never the rest of the file.

        Examples
        --------
        >>> text = 'profile = "x"\n[tool.qms]\nprofile = "strict"\nrules = {Q0410 = "off"}\n'
        >>> p = ProjectConfig("pyproject.toml", {}, text)
        >>> str(p.locate("profile")), str(p.locate("rules", "Q0410"))
        ('pyproject.toml:3:1', 'pyproject.toml:4:10')
        """
        positions = toml_positions(self.text)
        probe = tuple(path)
        while probe:
            if probe in positions:
                return SourceLocation(self.file, *positions[probe])
            probe = probe[:-1]
        return SourceLocation(self.file, *positions.get((), (1, 1)))


_HEADER = re.compile(r"^\s*\[\s*([^\]\[]+?)\s*\]")
_KEY = re.compile(r'(^\s*|[{,]\s*)"?([A-Za-z0-9_.-]+)"?\s*=')


def toml_positions(text: str, table: str = "tool.qms") -> dict[tuple[str, ...], tuple[int, int]]:
    """Line and column of each key of ``[table]`` and its sub-tables (one level of inline tables).

    ``()`` is the table's header.
    """
    out: dict[tuple[str, ...], tuple[int, int]] = {}
    current: tuple[str, ...] | None = None
    for number, line in enumerate(text.splitlines(), 1):
        header = _HEADER.match(line)
        if header:
            name = header[1].replace('"', "").replace(" ", "")
            current = tuple(name[len(table) :].strip(".").split(".")) if name.startswith(table) else None
            if current == ("",):
                current = ()
                out[()] = (number, line.index("[") + 1)
            continue
        if current is None:
            continue
        outer: tuple[str, ...] = current
        for m in _KEY.finditer(line):
            inline = m[1].strip() in ("{", ",") and m.start() > 0
            path = (*outer, m[2]) if inline else (*current, m[2])
            column = m.start(2) + 1 - (1 if line[m.start(2) - 1 : m.start(2)] == '"' else 0)
            out.setdefault(path, (number, column))
            if not inline:
                outer = path  # ``rules = {Q410 = "off"}``: the keys in braces belong to ``rules``
    return out


def parse_project_config(text: str, file: str) -> tuple[ProjectConfig | None, list[Problem]]:
    """Parse the ``[tool.qms]`` table of a pyproject.toml; None when the file has none."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        return None, [Problem(SourceLocation(file, 1, 1), f"invalid TOML: {exc}", "fix the file", rule="config")]
    table = data.get("tool", {}).get("qms")
    if table is None:
        return None, []
    if not isinstance(table, dict):
        return None, [Problem(SourceLocation(file, 1, 1), "[tool.qms] is not a table", rule="config")]
    return ProjectConfig(file, table, text), []


def find_project_config(start: Path) -> tuple[ProjectConfig | None, list[Problem]]:
    """Find the nearest ``pyproject.toml`` with a ``[tool.qms]`` table upward from ``start``.

    This is the one function of :mod:`qms.check` that reads a file.
    """
    folder = start.resolve()
    if not folder.is_dir():
        folder = folder.parent
    for candidate in (folder, *folder.parents):
        path = candidate / "pyproject.toml"
        if path.is_file():
            try:
                text = path.read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError) as exc:
                return None, [Problem(SourceLocation(str(path)), f"cannot read: {exc}", rule="config")]
            found, problems = parse_project_config(text, _display(path))
            if found is not None or problems:
                return found, problems
    return None, []


def _display(path: Path) -> str:
    try:
        return str(path.relative_to(Path.cwd()))
    except ValueError:
        return str(path)


@dataclass(frozen=True)
class Config:
    """The resolved configuration of one check run.

    ``severities`` maps every rule code to its severity, or None when the rule is off.
    ``problems`` are mistakes in the configuration itself (unknown rule names, bad values).
    """

    settings: Settings = field(default_factory=Settings)
    severities: Mapping[str, Severity | None] = field(default_factory=dict)
    problems: tuple[Problem, ...] = ()

    def severity(self, r: Rule) -> Severity | None:
        """The severity ``r`` runs at, or None when it is off."""
        return self.severities.get(r.code, r.default_severity)


def select_rules(selectors: Iterable[str], rules: Sequence[Rule]) -> tuple[set[str], list[str]]:
    """Rule codes matching ``selectors`` (code, name, alias, rule set, or code prefix like ``Q5``).

    Returns the matched codes and the selectors that matched nothing.

    Examples
    --------
    >>> from qms.check.registry import RULES
    >>> codes, unknown = select_rules(["S001", "no-dead-end", "Q50", "bogus"], RULES)
    >>> "S003" in codes and "Q501" in codes, unknown
    (True, ['bogus'])
    """
    codes: set[str] = set()
    unknown: list[str] = []
    for raw in selectors:
        key = raw.strip()
        if not key:
            continue
        if key == "all":
            hit = {r.code for r in rules}
        elif key in RULESETS:
            hit = set(ruleset(key).get("rules") or {})
        else:
            hit = {r.code for r in rules if r.matches(key) or (key[:1] in "SQ" and r.code.startswith(key))}
        if not hit:
            unknown.append(key)
        codes |= hit
    return codes, unknown


def _rule_key(key: str, rules: Sequence[Rule]) -> Rule | None:
    return next((r for r in rules if r.matches(key)), None)


def _apply_rules(
    severities: dict[str, Severity | None], table: Mapping[str, str], rules: Sequence[Rule],
    where: Any, problems: list[Problem],
) -> None:
    for key, value in table.items():
        r = _rule_key(str(key), rules)
        if r is None:
            hint = did_you_mean(key, [x.code for x in rules] + [x.name for x in rules]) or "use a rule code or name"
            problems.append(Problem(where(key), f"unknown rule '{key}' in the check configuration", hint, rule="config"))
            continue
        severities[r.code] = _severity_or_off(value)


def resolve_config(
    system: QualitySystem | None,
    rules: Sequence[Rule],
    *,
    project: ProjectConfig | None = None,
    profile: str | None = None,
    select: Sequence[str] = (),
    ignore: Sequence[str] = (),
) -> Config:
    """Resolve profile, parameters and per-rule severities for one run (see the module doc)."""
    problems: list[Problem] = []
    project_cfg: CheckConfig | None = None
    if project is not None:
        try:
            project_cfg = CheckConfig.model_validate(dict(project.data))
        except ValidationError as exc:
            problems.extend(_project_problems(exc, project))
    system_cfg = system.checks if system is not None else None
    set_in_system = system_cfg.model_fields_set if system_cfg is not None else set()
    set_in_project = project_cfg.model_fields_set if project_cfg is not None else set()

    def pick(name: str, default: Any) -> Any:
        if system_cfg is not None and name in set_in_system:
            return getattr(system_cfg, name)
        if project_cfg is not None and name in set_in_project:
            return getattr(project_cfg, name)
        return default

    chosen = profile or pick("profile", "recommended")
    if chosen not in PROFILES:
        problems.append(Problem(SourceLocation("qms"), f"unknown profile '{chosen}'",
                                did_you_mean(chosen, PROFILES) or f"use one of: {', '.join(PROFILES)}", rule="config"))
        chosen = "recommended"
    severities, options = _profile_severities(chosen, rules)
    if project_cfg is not None and project is not None:
        _apply_rules(severities, project_cfg.rules, rules, lambda k: project.locate("rules", k), problems)
    if system_cfg is not None and system is not None:
        cfg = system_cfg
        _apply_rules(severities, cfg.rules, rules, lambda k: cfg.where("rules", k, key=True) or SourceLocation("?"),
                     problems)
    if select:
        chosen_codes, unknown = select_rules(select, rules)
        problems.extend(Problem(SourceLocation("--select"), f"unknown rule '{u}'", _near(u, rules), rule="config")
                        for u in unknown)
        for r in rules:
            if r.code not in chosen_codes:
                severities[r.code] = None
            elif severities.get(r.code) is None:
                severities[r.code] = r.default_severity
    if ignore:
        dropped, unknown = select_rules(ignore, rules)
        problems.extend(Problem(SourceLocation("--ignore"), f"unknown rule '{u}'", _near(u, rules), rule="config")
                        for u in unknown)
        for code in dropped:
            severities[code] = None
    settings = Settings(
        profile=chosen,
        review_interval_months=int(pick("review_interval_months", 12)),
        audit_cycle_years=int(pick("audit_cycle_years", 3)),
        options=options,
    )
    return Config(settings, severities, tuple(problems))


def _project_problems(exc: ValidationError, project: ProjectConfig) -> list[Problem]:
    """The errors of ``[tool.qms]`` in the words and places of the loader's messages."""
    smap = SourceMap(project.file)
    for path, pos in toml_positions(project.text).items():
        smap.keys[path] = smap.values[path] = pos
    return [dataclasses.replace(p, message=f"[tool.qms] {p.message}", rule="config",
                                hint=p.hint or "see `qms check --help` for the keys")
            for p in translate(exc, CheckConfig, smap)]


def _near(key: str, rules: Sequence[Rule]) -> str:
    return did_you_mean(key, [r.code for r in rules] + [r.name for r in rules]) or "use a rule code, name or set"
