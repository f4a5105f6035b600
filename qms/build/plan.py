"""The plan of a build: load, key each output by its inputs, run the stages, save the cache."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from qms.build.cache import Cache, code_fingerprint, graphviz_version, input_hashes, read_inputs, sha
from qms.build.checks import check_outputs, check_stage, counts, problem_view
from qms.build.outputs import Drawing, bpmn_stage, handbook_stage
from qms.build.result import STAGES, BuildResult, Memo, Progress, Quiet
from qms.errors import UserError
from qms.files import write_atomic
from qms.handbook import ALL, site_pages
from qms.handbook.build import diagram_specs
from qms.load import load

__all__ = ["build"]


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
    progress = progress or Quiet()
    memo = memo if memo is not None else Memo()
    out_dir = Path(out)
    read = read_inputs(Path(path))
    result = load(path)
    report = BuildResult(out_dir, problems=list(result.problems))
    system = result.system
    if system is None or not result.ok:
        views = [problem_view(p) for p in result.problems]
        if "check" in wanted:
            out_dir.mkdir(parents=True, exist_ok=True)
            from qms.check.engine import problem_finding

            loaded = [problem_finding(p) for p in result.problems]
            for rel, data in check_outputs(loaded, files=len(result.files)).items():
                write_atomic(out_dir / rel, data)
                report.written.append(rel)
        report.counts = counts(views)
        report.messages.append("the input has load errors: nothing else was built")
        return report
    lang = lang or system.default_language
    out_dir.mkdir(parents=True, exist_ok=True)
    cache = Cache(out_dir)
    hashes = input_hashes(result, read)

    def key(kind: str, deps: Iterable[str], *extra: str) -> str:
        dep_list = sorted(set(deps))
        if ALL in dep_list:
            dep_list = [ALL]
        code = code_fingerprint("page" if kind == "pdf" else kind)
        return sha(code, kind, lang, *extra, *(f"{d}={hashes.get(d, '')}" for d in dep_list))

    # Graphviz starts first and draws while the other stages run; the stages report in the
    # order they finish, and ``report.stages`` lists them in the order of STAGES.
    drawing = None
    if wanted & {"diagrams", "handbook"}:
        if memo.graphviz is None:
            memo.graphviz = graphviz_version()
        drawing = Drawing(diagram_specs(system, lang=lang), cache, key, memo.graphviz)
    try:
        pages = site_pages(system, lang=lang) if "handbook" in wanted else []
        page_extra = "bpmn" if "bpmn" in wanted else ""
        crit = check_stage(result, system, cache, key, wanted, pages, page_extra, report, progress, lang)
        if "bpmn" in wanted:
            bpmn_stage(system, lang, cache, key, report, progress)
        if drawing is not None and "handbook" in wanted:
            pdf_key = key("pdf", [ALL], page_extra) if pdf else None
            handbook_stage(pages, drawing, crit, cache, key, page_extra, memo, pdf_key, report, progress,
                           search="search" in wanted)
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


