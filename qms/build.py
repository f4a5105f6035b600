"""``qms build``: check report, diagrams, BPMN and handbook into one folder, redoing only what changed."""

from __future__ import annotations

import contextlib
import dataclasses
import functools
import hashlib
import importlib.util
import json
import os
import shutil
import subprocess
import threading
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from qms import __version__
from qms.errors import Problem, UserError
from qms.files import write_atomic
from qms.handbook import (
    ALL,
    SYSTEM,
    Assets,
    CriteriaReport,
    CriterionView,
    DiagramSpec,
    FindingView,
    Page,
    Part,
    file_stem,
    process_dep,
    safe_relpath,
    site_pages,
    static_files,
)
from qms.handbook.build import diagram_specs
from qms.handbook.pdf import PdfError, chromium_binary, print_to_pdf
from qms.load import LoadResult, load, process_files
from qms.model import QualitySystem

if TYPE_CHECKING:
    from qms.render.dot import Diagram

__all__ = [
    "CACHE_FILE",
    "STAGES",
    "BuildResult",
    "Memo",
    "Progress",
    "Rebuild",
    "StageReport",
    "build",
    "check_outputs",
    "criteria_report",
    "watch",
]

#: The stages of a build, in order.
STAGES: tuple[str, ...] = ("check", "diagrams", "bpmn", "handbook")
#: The cache of a build folder: output path → key of its inputs and hash of its bytes.
CACHE_FILE = ".qms-cache.json"
_CACHE_VERSION = 1
PDF_FILE = "handbook.pdf"


class Progress(Protocol):
    """Where a build reports what it does (the CLI prints it; tests collect it)."""

    def stage(self, name: str, total: int) -> None:
        """A stage starts that has ``total`` outputs to consider."""

    def step(self, name: str, done: int, total: int) -> None:
        """``done`` outputs of the stage are finished (called while slow work runs)."""

    def done(self, report: StageReport) -> None:
        """The stage is finished."""


class _Quiet:
    def stage(self, name: str, total: int) -> None:
        pass

    def step(self, name: str, done: int, total: int) -> None:
        pass

    def done(self, report: StageReport) -> None:
        pass


@dataclass
class StageReport:
    """What one stage did: outputs made, reused from the last build, and removed."""

    name: str
    made: int = 0
    reused: int = 0
    removed: int = 0
    seconds: float = 0.0
    note: str = ""

    @property
    def summary(self) -> str:
        """One line: ``diagrams   2 made, 5 reused  (1.3 s)``."""
        parts = [f"{self.made} made", f"{self.reused} reused"]
        if self.removed:
            parts.append(f"{self.removed} removed")
        text = f"{self.name:<9} {', '.join(parts)}  ({self.seconds:.1f} s)"
        return f"{text}  {self.note}" if self.note else text


@dataclass
class BuildResult:
    """The outcome of :func:`build`."""

    out: Path
    stages: list[StageReport] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)  # findings by severity
    written: list[str] = field(default_factory=list)
    index: Path | None = None
    pdf: Path | None = None
    messages: list[str] = field(default_factory=list)  # notes for the user (a missing tool …)
    failed: bool = False  # an output could not be made (a diagram Graphviz failed on)
    errors: list[Any] = field(default_factory=list)  # error-level findings of the checks this build ran

    @property
    def ok(self) -> bool:
        """True when the input loaded, no finding is an error and every output was made."""
        return (not self.failed and not any(p.severity == "error" for p in self.problems)
                and not self.counts.get("error"))


# ---------------------------------------------------------------------------------------------
# Inputs and their hashes


def _sha(*parts: bytes | str) -> str:
    h = hashlib.sha256()
    for part in parts:
        data = part.encode("utf-8") if isinstance(part, str) else part
        h.update(len(data).to_bytes(8, "big"))
        h.update(data)
    return h.hexdigest()


def _input_files(path: Path) -> list[Path]:
    """The files a build of ``path`` reads: system.yaml and the process files, or one process file."""
    root = path.parent if path.name == "system.yaml" else path
    if not root.is_dir():
        return [path]
    return [root / "system.yaml", *process_files(root)]


def _read_inputs(path: Path) -> dict[Path, str]:
    """Content hash of each input file by its resolved path, read before the files are loaded.

    A file saved while the build runs (``--watch``) then gives the next build another
    key, so what this build made from the older text is made again.
    """
    hashes = {}
    for file in _input_files(path):
        with contextlib.suppress(OSError):
            hashes[file.resolve()] = _sha(file.read_bytes())
    return hashes


def _input_hashes(result: LoadResult, read: Mapping[Path, str]) -> dict[str, str]:
    """Content hash of every input by dependency key (``system``, ``process:<id>``).

    A file that was not there when ``read`` was taken gets an empty hash, which no later
    build repeats.
    """
    system = result.system
    assert system is not None
    hashes: dict[str, str] = {}
    if result.root is not None:
        hashes[SYSTEM] = read.get((result.root / "system.yaml").resolve(), "")
    else:
        hashes[SYSTEM] = _sha("")
    for p in system.processes:
        key = process_dep(p.process)
        hashes[key] = read.get(Path(p.loc.file).resolve(), "") if p.loc else _sha(p.model_dump_json())
    hashes[ALL] = _sha(*(f"{k}={v}" for k, v in sorted(hashes.items())))
    return hashes


#: The parts of qms each kind of output is made by: other code there, other outputs.
_CODE = {
    "check": ("check", "graph", "model", "load", "build.py"),
    "diagram": ("render", "graph", "model", "handbook"),
    "bpmn": ("bpmn", "graph", "model"),
    "page": ("handbook", "model", "check", "build.py"),
    "static": ("handbook",),
}


@functools.cache
def _package_hash(name: str) -> str:
    """A hash of one sub-package (or module) of qms: its code, templates and style sheets."""
    root = resources.files("qms") / name
    h = hashlib.sha256(name.encode())
    if root.is_file():
        h.update(root.read_bytes())
        return h.hexdigest()
    stack, files = [root], []
    while stack:
        folder = stack.pop()
        for entry in folder.iterdir():
            if entry.is_dir():
                if entry.name != "__pycache__":
                    stack.append(entry)
            elif entry.name.endswith((".py", ".html", ".css", ".yaml", ".json")):
                files.append(entry)
    for entry in sorted(files, key=str):
        h.update(str(entry.relative_to(root) if hasattr(entry, "relative_to") else entry.name).encode())
        h.update(entry.read_bytes())
    return h.hexdigest()


def _code_fingerprint(kind: str) -> str:
    """The hash of the qms code that makes outputs of ``kind`` (and the qms version)."""
    return _sha(__version__, *(_package_hash(name) for name in _CODE[kind]))


def _graphviz_version() -> str:
    dot = shutil.which("dot")
    if dot is None:
        return "none"
    done = subprocess.run([dot, "-V"], capture_output=True, check=False)
    return done.stderr.decode("utf-8", "replace").strip()


# ---------------------------------------------------------------------------------------------
# The check stage: everything that touches qms.check is in this section


def _run_checks(result: LoadResult) -> tuple[list[Any], Any]:
    """Findings of the rule engine plus the load and configuration problems, and the result.

    The same configuration as ``qms check``: ``checks:`` of system.yaml and ``[tool.qms]``
    of the nearest pyproject.toml.
    """
    from qms.check.config import find_project_config, resolve_config
    from qms.check.engine import check, problem_finding
    from qms.check.registry import RULES

    findings: list[Any] = [problem_finding(p) for p in result.problems]
    if result.system is None:
        return findings, None
    start = result.root if result.root is not None else Path(result.files[0]).parent
    project, problems = find_project_config(start)
    config = resolve_config(result.system, RULES, project=project)
    findings.extend(problem_finding(p) for p in (*problems, *config.problems))
    outcome = check(result.system, config, standalone=result.standalone)
    return findings + list(outcome.findings), outcome


def _problem_view(p: Problem) -> FindingView:
    return FindingView(severity=p.severity, code=p.rule or "load", name=p.rule or "load", message=p.message,
                       hint=p.hint, file=p.location.file, line=p.location.line, column=p.location.column,
                       process=p.process, element=p.element)


def _view(f: Any) -> FindingView:
    if isinstance(f, FindingView):
        return f
    return FindingView(
        severity=str(getattr(f.severity, "value", f.severity)), code=f.code, name=f.name, message=f.message,
        hint=f.hint, file=f.file, line=f.line, column=f.column, process=f.process, element=f.element,
        criteria=tuple(f.criteria),
    )


#: ``qms.check.coverage`` status → the handbook's coverage state.
_STATES = {"met": "shown", "partly met": "missing", "not met": "missing", "needs evidence": "human",
           "not applicable": "unknown", "not assessed": "unknown"}


def criteria_report(system: QualitySystem, findings: Iterable[Any], outcome: Any = None) -> CriteriaReport:
    """The criteria page's data from a check run: :func:`qms.check.coverage` per criterion.

    Each criterion carries its findings (from ``findings``), the evidence records and
    model elements the coverage report points at, and its note. Without ``outcome`` (no
    rule engine) only the findings are listed.
    """
    items = list(findings)
    views = [_view(f) for f in items]
    if outcome is None:
        return CriteriaReport(findings=tuple(views), counts=_counts(views))
    from qms.check import coverage

    report = coverage(system, outcome.findings)
    rows = []
    for fw in report.frameworks:
        for st in fw.criteria:
            cid = st.criterion.id
            evidence = tuple(p.ref for p in st.pointers if p.kind == "evidence" and p.ref)
            model = tuple(p.ref for p in st.pointers if p.kind == "model" and p.ref)
            rows.append(CriterionView(
                cid, fw.id, st.criterion.title, st.criterion.automation, _STATES.get(st.status, "unknown"),
                tuple(v for v in views if cid in v.criteria), evidence, model, st.note))
    frameworks = tuple((fw.id, fw.name) for fw in report.frameworks)
    return CriteriaReport(frameworks, tuple(rows), tuple(views), _counts(views))


def _counts(views: Iterable[FindingView]) -> dict[str, int]:
    out = {"error": 0, "warning": 0, "info": 0}
    for v in views:
        out[v.severity] = out.get(v.severity, 0) + 1
    return out


CHECK_REPORTS = ("report/check.txt", "report/check.json", "report/check.sarif")


def check_outputs(findings: Sequence[Any], outcome: Any = None, *, files: int = 0, processes: int = 0) -> dict[str, bytes]:
    """The check report as text, JSON (the ``qms check --format json`` contract) and SARIF 2.1.0,
    written by the same formatters as ``qms check``."""
    from qms.check.output import format_json, format_sarif, format_text, summarise

    summary = summarise(findings, files=files, processes=processes)
    ran = list(outcome.ran) if outcome is not None else []
    texts = (format_text(findings), format_json(findings, summary), format_sarif(findings, ran, version=__version__))
    return {rel: text.encode("utf-8") for rel, text in zip(CHECK_REPORTS, texts, strict=True)}


def _json_bytes(obj: object) -> bytes:
    return (json.dumps(obj, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


# ---------------------------------------------------------------------------------------------
# The cache


class _Cache:
    """``DIR/.qms-cache.json``: for each output, the key of its inputs and the hash of its bytes."""

    def __init__(self, out: Path) -> None:
        self.out = out
        self.path = out / CACHE_FILE
        self.old: dict[str, dict[str, str]] = {}
        self.new: dict[str, dict[str, str]] = {}
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
            if data.get("version") == _CACHE_VERSION and isinstance(data.get("outputs"), dict):
                self.old = data["outputs"]
        except (OSError, ValueError, AttributeError):
            self.old = {}

    def fresh(self, path: str, key: str) -> bool:
        """True when ``path`` was made from inputs with ``key`` and is on disk unchanged."""
        entry = self.old.get(path)
        if not entry or entry.get("key") != key:
            return False
        target = self.out / path
        try:
            ok = _sha(target.read_bytes()) == entry.get("sha")
        except OSError:
            return False
        if ok:
            self.new[path] = entry
        return ok

    def write(self, path: str, key: str, data: bytes, written: list[str], *, remember: bool = True,
              content: str = "") -> None:
        """Write an output atomically; ``remember=False`` makes it stale for the next build.

        ``content`` is an optional second key: the hash of what the output is made from
        (a diagram's DOT text), checked by :meth:`fresh_content` when the inputs changed.
        """
        safe_relpath(path)
        write_atomic(self.out / path, data)
        self.new[path] = {"key": key if remember else "", "sha": _sha(data)}
        if content:
            self.new[path]["content"] = content
        written.append(path)

    def fresh_content(self, path: str, content: str) -> bool:
        """True when ``path`` was made from the same content and is on disk unchanged."""
        entry = self.old.get(path)
        if not entry or entry.get("content") != content:
            return False
        try:
            return _sha((self.out / path).read_bytes()) == entry.get("sha")
        except OSError:
            return False

    def remember(self, path: str, key: str, content: str) -> None:
        """Keep an unchanged output under the key of its new inputs."""
        self.new[path] = {**self.old[path], "key": key, "content": content}

    def read(self, path: str) -> bytes:
        return (self.out / path).read_bytes()

    def remove_stale(self) -> int:
        """Delete outputs of the last build that this build no longer makes."""
        gone = 0
        for path in sorted(set(self.old) - set(self.new)):
            try:
                safe_relpath(path)
            except ValueError:
                continue
            target = self.out / path
            if target.is_file():
                target.unlink()
                gone += 1
        return gone

    def save(self) -> None:
        data = {"version": _CACHE_VERSION, "qms": __version__, "outputs": dict(sorted(self.new.items()))}
        write_atomic(self.path, json.dumps(data, indent=1) + "\n")


# ---------------------------------------------------------------------------------------------
# The pipeline


@dataclass
class Memo:
    """What a long-running process keeps between builds (``qms build --watch``).

    Why: after an edit of one process most of print.html is what it was. A warm process
    keeps each chapter of it under the key of its inputs and renders only the chapters
    whose inputs changed; the page is the same, byte for byte, as a cold build's. One
    entry per chapter is kept, so the memo does not grow with each edit.
    """

    parts: dict[str, tuple[str, str]] = field(default_factory=dict)  # part name → (key, HTML)
    graphviz: str | None = None  # ``dot -V`` of the first build


def build(
    path: str | Path,
    out: str | Path,
    *,
    lang: str | None = None,
    stages: Iterable[str] = STAGES,
    pdf: bool = False,
    progress: Progress | None = None,
    memo: Memo | None = None,
) -> BuildResult:
    """Build everything for a system into ``out``, redoing only what changed since the last build.

    Each output has a key made of the content hashes of the inputs it depends on (a
    process page: its process file, ``system.yaml`` and the processes it names; the map,
    the check report and the index pages: every file), the qms code and the options.
    An output whose key and bytes match ``out/.qms-cache.json`` is kept; every other one
    is made again and written atomically. Outputs of the last build that are no longer
    made (a deleted process) are removed; other files in ``out`` are never touched.
    Graphviz draws the changed diagrams while the checks, the BPMN export and the pages
    that show no changed diagram are made.

    Parameters
    ----------
    path
        A system folder (or a single process file).
    out
        The output folder; created when missing.
    lang
        Language of diagrams and handbook; default the system's default language.
    stages
        Any of ``check`` (``report/check.{txt,json,sarif}``), ``diagrams``
        (``diagrams/**.svg``), ``bpmn`` (``bpmn/<process>.bpmn``), ``handbook`` (the site,
        which includes the diagrams it shows).
    pdf
        Also print the handbook to ``handbook.pdf`` with headless Chromium.
    progress
        Receives one call per stage start, step and end.
    memo
        Kept by the caller between builds of the same folder (see :class:`Memo`); the
        outputs are the same with or without it.

    Returns
    -------
    BuildResult
        What was made; ``ok`` is False when loading failed or a finding is an error.

    Raises
    ------
    UserError
        For an unknown stage or language, or when the PDF cannot be made.
    """
    wanted = set(stages)
    unknown = wanted - set(STAGES)
    if unknown:
        raise UserError(f"unknown build stage(s): {', '.join(sorted(unknown))}; choose from {', '.join(STAGES)}")
    if pdf and "handbook" not in wanted:
        raise UserError("--pdf needs the handbook stage")
    progress = progress or _Quiet()
    memo = memo if memo is not None else Memo()
    out_dir = Path(out)
    read = _read_inputs(Path(path))
    result = load(path)
    report = BuildResult(out_dir, problems=list(result.problems))
    system = result.system
    if system is None or not result.ok:
        views = [_problem_view(p) for p in result.problems]
        if "check" in wanted:
            out_dir.mkdir(parents=True, exist_ok=True)
            from qms.check.engine import problem_finding

            loaded = [problem_finding(p) for p in result.problems]
            for rel, data in check_outputs(loaded, files=len(result.files)).items():
                write_atomic(out_dir / rel, data)
                report.written.append(rel)
        report.counts = _counts(views)
        report.messages.append("the input has load errors: fix them, then build again (nothing else was built)")
        return report
    lang = lang or system.default_language
    out_dir.mkdir(parents=True, exist_ok=True)
    cache = _Cache(out_dir)
    hashes = _input_hashes(result, read)
    def key(kind: str, deps: Iterable[str], *extra: str) -> str:
        dep_list = sorted(set(deps))
        if ALL in dep_list:
            dep_list = [ALL]
        code = _code_fingerprint("page" if kind == "pdf" else kind)
        return _sha(code, kind, lang, *extra, *(f"{d}={hashes.get(d, '')}" for d in dep_list))

    # Graphviz starts first and draws while the other stages run; the stages report in the
    # order they finish, and ``report.stages`` lists them in the order of STAGES.
    drawing = None
    if wanted & {"diagrams", "handbook"}:
        if memo.graphviz is None:
            memo.graphviz = _graphviz_version()
        drawing = _Drawing(diagram_specs(system, lang=lang), cache, key, memo.graphviz)
    try:
        pages = site_pages(system, lang=lang) if "handbook" in wanted else []
        page_extra = "bpmn" if "bpmn" in wanted and _bpmn_exporter() is not None else ""
        crit = _check_stage(result, system, cache, key, wanted, pages, page_extra, report, progress)
        if "bpmn" in wanted:
            _bpmn_stage(system, lang, cache, key, report, progress)
        if drawing is not None and "handbook" in wanted:
            pdf_key = key("pdf", [ALL], page_extra) if pdf else None
            _handbook_stage(pages, drawing, crit, cache, key, page_extra, memo, pdf_key, report, progress)
        if drawing is not None:
            drawing.finish(report, progress)
    finally:
        if drawing is not None:
            drawing.close()
    report.stages.sort(key=lambda s: STAGES.index(s.name))

    removed = cache.remove_stale()
    if removed and report.stages:
        report.stages[-1].removed += removed
    cache.save()
    return report


#: How :func:`build` keys an output: ``key(kind, deps, *extra)``. ``page_extra`` is part
#: of a page's key: "bpmn" when the process pages link the BPMN files the build makes.
_Key = Callable[..., str]


def _check_stage(result: LoadResult, system: QualitySystem, cache: _Cache, key: _Key, wanted: set[str],
                 pages: Sequence[Page], page_extra: str, report: BuildResult,
                 progress: Progress) -> CriteriaReport | None:
    """The check reports, and the criteria report when a page that shows it is made again."""
    check_targets = CHECK_REPORTS if "check" in wanted else ()
    all_key = key("check", [ALL])
    need_report = any(not cache.fresh(p, all_key) for p in check_targets) | any(
        pg.needs_report and not cache.fresh(pg.path, key("page", pg.deps, page_extra)) for pg in pages)
    crit: CriteriaReport | None = None
    if "check" not in wanted and not need_report:
        return crit
    t0 = time.perf_counter()
    st = StageReport("check")
    progress.stage("check", len(check_targets))
    if need_report:
        findings, outcome = _run_checks(result)
        views = [_view(f) for f in findings]
        crit = _system_relative(criteria_report(system, findings, outcome), result.root)
        report.counts = _counts(views)
        report.errors = [f for f, v in zip(findings, views, strict=True) if v.severity == "error"]
        for rel, data in check_outputs(findings, outcome, files=len(result.files),
                                       processes=len(system.processes)).items():
            if rel in check_targets:
                cache.write(rel, all_key, data, report.written)
                st.made += 1
        if outcome is None:
            st.note = "(rule engine not available: load problems only)"
    else:
        st.reused = len(check_targets)
        report.counts = _cached_counts(cache)
    c = report.counts
    st.note = f"{c.get('error', 0)} errors, {c.get('warning', 0)} warnings, {c.get('info', 0)} notes {st.note}".strip()
    st.seconds = time.perf_counter() - t0
    progress.done(st)
    report.stages.append(st)
    return crit


def _bpmn_stage(system: QualitySystem, lang: str, cache: _Cache, key: _Key, report: BuildResult,
                progress: Progress) -> None:
    t0 = time.perf_counter()
    st = StageReport("bpmn")
    exporter = _bpmn_exporter()
    described = [p for p in system.processes if not p.is_stub]
    progress.stage("bpmn", len(described))
    if exporter is None:
        st.note = "(BPMN export not available in this installation)"
    else:
        for i, p in enumerate(described, 1):
            rel = f"bpmn/{file_stem(p.process)}.bpmn"
            k = key("bpmn", {SYSTEM, process_dep(p.process)})
            if cache.fresh(rel, k):
                st.reused += 1
            else:
                cache.write(rel, k, exporter(system, p, lang), report.written)
                st.made += 1
            progress.step("bpmn", i, len(described))
    st.seconds = time.perf_counter() - t0
    progress.done(st)
    report.stages.append(st)


def _handbook_stage(pages: Sequence[Page], drawing: _Drawing, crit: CriteriaReport | None, cache: _Cache,
                    key: _Key, page_extra: str, memo: Memo, pdf_key: str | None, report: BuildResult,
                    progress: Progress) -> None:
    """The site: pages whose inputs changed, first those that show no diagram still being drawn."""
    t0 = time.perf_counter()
    st = StageReport("handbook")
    statics = static_files()
    progress.stage("handbook", len(pages) + len(statics))
    assets = Assets(drawing.drawn, crit, bpmn=bool(page_extra))  # drawn fills up when the drawing is finished
    todo = []
    for pg in pages:
        k = key("page", pg.deps, page_extra)
        if cache.fresh(pg.path, k):
            st.reused += 1
        else:
            todo.append((pg, k))
    ready = [(pg, k) for pg, k in todo if not drawing.waits_for(pg.diagrams)]
    waiting = [(pg, k) for pg, k in todo if drawing.waits_for(pg.diagrams)]
    waited = 0.0
    for i, (pg, k) in enumerate(ready + waiting, st.reused + 1):
        if drawing.waits_for(pg.diagrams):
            # While Graphviz draws, the parts of the waiting pages that show no new diagram are made.
            for part in (part for page, _ in waiting for part in page.parts):
                if not drawing.waits_for(part.diagrams):
                    _part_html(part, assets, key, page_extra, memo)
            w0 = time.perf_counter()
            drawing.finish(report, progress)
            waited = time.perf_counter() - w0
        _write_page(pg, k, assets, drawing, key, page_extra, memo, cache, report)
        progress.step("handbook", i, len(pages))
    st.made = len(todo)
    for rel, data in statics.items():
        k = _sha(_code_fingerprint("static"), rel)
        if cache.fresh(rel, k):
            st.reused += 1
        else:
            cache.write(rel, k, data, report.written)
            st.made += 1
    report.index = cache.out / "index.html"
    if pdf_key is not None:
        st.note = _make_pdf(cache, cache.out, pdf_key, report)
    st.seconds = time.perf_counter() - t0 - waited
    progress.done(st)
    report.stages.append(st)


def _write_page(pg: Page, k: str, assets: Assets, drawing: _Drawing, key: _Key, page_extra: str, memo: Memo,
                cache: _Cache, report: BuildResult) -> None:
    parts = {part.name: _part_html(part, assets, key, page_extra, memo) for part in pg.parts}
    data = pg.render(dataclasses.replace(assets, parts=parts) if parts else assets)
    # A page showing a diagram that could not be drawn is made again next time.
    complete = all(d in drawing.drawn for d in pg.diagrams)
    cache.write(pg.path, k, data, report.written, remember=complete)


def _part_html(part: Part, assets: Assets, key: _Key, page_extra: str, memo: Memo) -> str:
    """A part of a page: kept in the memo while its inputs and the diagrams it shows are the same."""
    shown = (_sha(assets.diagrams.get(d, "")) for d in part.diagrams)
    k = key("page", part.deps, page_extra, part.name, *shown)
    kept = memo.parts.get(part.name)
    if kept is None or kept[0] != k:
        kept = memo.parts[part.name] = (k, part.render(assets))
    return kept[1]


class _Drawing:
    """The diagrams stage. Reused diagrams are read at once; the others are drawn by Graphviz
    in the background (one process per core) until :meth:`finish` collects them.

    A diagram Graphviz fails on is missing from ``drawn`` (its page says so) and one
    message says why; the others are still drawn. Without Graphviz none is drawn.
    """

    def __init__(self, specs: Sequence[DiagramSpec], cache: _Cache, key: _Key, graphviz: str) -> None:
        self.t0 = time.perf_counter()
        self.cache = cache
        self.stage = StageReport("diagrams")
        self.total = len(specs)
        self.drawn: dict[str, str] = {}
        self.todo: list[tuple[DiagramSpec, str, str]] = []  # spec, key, key of its DOT text
        self.futures: list[Future[bytes | str]] = []
        # Each diagram goes to Graphviz as soon as it is known to have changed.
        self.pool = ThreadPoolExecutor(max_workers=os.cpu_count() or 1, thread_name_prefix="qms-build")
        for spec in specs:
            k = key("diagram", spec.deps, graphviz)
            if cache.fresh(spec.path, k):
                self.drawn[spec.path] = cache.read(spec.path).decode("utf-8")
                self.stage.reused += 1
                continue
            # The inputs changed; most edits (a measure result, a review date) leave the
            # picture as it was: when the DOT text is the same, Graphviz is not run again.
            diagram = spec.draw()
            dot_key = _sha("dot", graphviz, diagram.engine, diagram.dot)
            if cache.fresh_content(spec.path, dot_key):
                cache.remember(spec.path, k, dot_key)
                self.drawn[spec.path] = cache.read(spec.path).decode("utf-8")
                self.stage.reused += 1
            else:
                self.todo.append((spec, k, dot_key))
                self.futures.append(self.pool.submit(_draw_one, diagram))
        self.pending = {spec.path for spec, _, _ in self.todo}
        self.finished = False

    def waits_for(self, paths: Iterable[str]) -> bool:
        """True when one of these diagrams is still being drawn."""
        return not self.pending.isdisjoint(paths)

    def finish(self, report: BuildResult, progress: Progress) -> None:
        """Wait for Graphviz, write what it drew and report the stage (once)."""
        if self.finished:
            return
        self.finished = True
        st = self.stage
        progress.stage("diagrams", self.total)
        notes: list[str] = []
        for i, ((spec, k, dot_key), future) in enumerate(zip(self.todo, self.futures, strict=True), st.reused + 1):
            svg = future.result()
            progress.step("diagrams", i, self.total)
            if isinstance(svg, str):
                notes.append(svg)
                continue
            self.cache.write(spec.path, k, svg, report.written, content=dot_key)
            self.drawn[spec.path] = svg.decode("utf-8")
            st.made += 1
        self.pending.clear()
        if notes:
            st.note = f"{len(self.todo) - st.made} not drawn"
            report.messages.extend(dict.fromkeys(notes))  # "Graphviz is not installed" once
            report.failed = True
        st.seconds = time.perf_counter() - self.t0
        progress.done(st)
        report.stages.append(st)

    def close(self) -> None:
        """Stop drawing what has not started (after an error); wait for what has."""
        self.pool.shutdown(wait=True, cancel_futures=True)


def _draw_one(diagram: Diagram) -> bytes | str:
    """SVG of one diagram, or the message saying why Graphviz could not draw it."""
    from qms.render.svg import GraphvizError, GraphvizMissingError, render

    try:
        return render(diagram, "svg")
    except GraphvizMissingError:
        return "Graphviz (dot) is not installed: no diagram was drawn"
    except GraphvizError as exc:
        first = next((line for line in exc.stderr.splitlines() if line.strip()), "")
        return f"{diagram.name}: Graphviz failed ({first.strip()})"


def _system_relative(report: CriteriaReport, root: Path | None) -> CriteriaReport:
    """Finding locations relative to the system folder (``processes/x.yaml:3:5``) for the handbook."""
    if root is None:
        return report
    base = root.resolve()

    def rel(v: FindingView) -> FindingView:
        try:
            return dataclasses.replace(v, file=Path(v.file).resolve().relative_to(base).as_posix())
        except (ValueError, OSError):
            return v

    criteria = tuple(dataclasses.replace(c, findings=tuple(rel(f) for f in c.findings)) for c in report.criteria)
    return dataclasses.replace(report, criteria=criteria, findings=tuple(rel(f) for f in report.findings))


def _cached_counts(cache: _Cache) -> dict[str, int]:
    try:
        summary = json.loads(cache.read("report/check.json"))["summary"]
        return {"error": summary["errors"], "warning": summary["warnings"], "info": summary["infos"]}
    except (OSError, ValueError, KeyError):
        return {}


def _bpmn_exporter() -> Callable[[QualitySystem, Any, str], bytes] | None:
    """BPMN export, or None when this installation has none; lxml is imported at the first export."""
    if importlib.util.find_spec("qms.bpmn") is None:
        return None

    def export(system: QualitySystem, process: Any, lang: str) -> bytes:
        from qms.bpmn import export_process

        return export_process(system, process, lang=lang)

    return export


def _make_pdf(cache: _Cache, out: Path, key: str, report: BuildResult) -> str:
    """Print ``print.html`` to ``handbook.pdf`` (reused while the print version is unchanged)."""
    k = _sha(key, cache.new.get("print.html", {}).get("sha", ""))
    if cache.fresh(PDF_FILE, k):
        report.pdf = out / PDF_FILE
        return f"PDF reused: {PDF_FILE}"
    binary = chromium_binary()
    if binary is None:
        raise UserError(
            "--pdf needs Chromium, which is not installed: install it (Debian/Ubuntu: "
            "apt-get install chromium) or open print.html in a browser and print it to PDF"
        )
    try:
        data = print_to_pdf(out / "print.html", binary=binary)
    except PdfError as exc:
        raise UserError(str(exc)) from exc
    cache.write(PDF_FILE, k, data, report.written)
    report.pdf = out / PDF_FILE
    return f"PDF: {PDF_FILE}"


# ---------------------------------------------------------------------------------------------
# Watching: one warm process that builds again after each save


@dataclass
class Rebuild:
    """One build of :func:`watch`: the YAML files that changed (none before the first), the
    outcome, and the seconds it took. ``error`` is set when the build refused to start."""

    changed: list[str]
    result: BuildResult | None = None
    error: UserError | None = None
    seconds: float = 0.0


def watch(
    path: str | Path,
    out: str | Path,
    *,
    on_build: Callable[[Rebuild], None],
    lang: str | None = None,
    stages: Iterable[str] = STAGES,
    pdf: bool = False,
    interval: float = 0.3,
    stop: threading.Event | None = None,
    max_rebuilds: int | None = None,
) -> int:
    """Build, then build again each time a YAML file of the system is saved, until stopped.

    The files are polled every ``interval`` seconds: the modification time and size of
    system.yaml and of each process file (``processes/**/*.yaml``), so a new or deleted
    process counts as a change too. Each build is :func:`build` with one :class:`Memo`
    kept for the whole watch, so a rebuild after one edit redoes only what depends on the
    edited file. Input that does not load is reported in the :class:`Rebuild` and the
    watch goes on.

    Parameters
    ----------
    path, out, lang, stages, pdf
        As for :func:`build`.
    on_build
        Called after each build, the first one included.
    interval
        Seconds between two looks at the files.
    stop
        Set it (from another thread) to end the watch; it is checked between looks.
    max_rebuilds
        End after this many builds after the first one (None: until stopped).

    Returns
    -------
    int
        The number of builds after the first one.
    """
    root, out_dir = Path(path), Path(out)
    stop = stop or threading.Event()
    memo = Memo()

    def run(changed: list[str]) -> None:
        t0 = time.perf_counter()
        done = Rebuild(changed)
        try:
            done.result = build(root, out_dir, lang=lang, stages=stages, pdf=pdf, memo=memo)
        except UserError as exc:
            done.error = exc
        done.seconds = time.perf_counter() - t0
        on_build(done)

    seen = _stat_inputs(root)
    run([])
    rebuilds = 0
    while (max_rebuilds is None or rebuilds < max_rebuilds) and not stop.wait(interval):
        now = _stat_inputs(root)
        changed = sorted(name for name in seen.keys() | now.keys() if seen.get(name) != now.get(name))
        if changed:
            seen = now  # taken before the build: a save during the build is seen at the next look
            run(changed)
            rebuilds += 1
    return rebuilds


def _stat_inputs(path: Path) -> dict[str, tuple[int, int]]:
    """Modification time (ns) and size of each input file, by its path relative to the system folder."""
    root = path.parent if path.is_file() else path
    stats = {}
    for file in _input_files(path):
        with contextlib.suppress(OSError):  # removed while we looked
            st = file.stat()
            stats[file.relative_to(root).as_posix()] = (st.st_mtime_ns, st.st_size)
    return stats
