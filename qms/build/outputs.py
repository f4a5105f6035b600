"""The output stages of a build: BPMN files, diagrams drawn by Graphviz (and the pages wide flows print on),
handbook pages and its PDF."""

from __future__ import annotations

import dataclasses
import os
import time
from collections.abc import Iterable, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import TYPE_CHECKING

from qms.build.cache import Cache, code_fingerprint, sha
from qms.build.result import BuildResult, Key, Memo, Progress, StageReport
from qms.errors import UserError
from qms.handbook import SYSTEM, Assets, CriteriaReport, DiagramSpec, Page, Part, file_stem, process_dep, static_files
from qms.handbook.pdf import PdfError, chromium_binary, print_to_pdf, stack_pages
from qms.model import QualitySystem

if TYPE_CHECKING:
    from qms.render.dot import Diagram

__all__ = ["PDF_FILE", "Drawing", "bpmn_stage", "handbook_stage"]

PDF_FILE = "handbook.pdf"


def bpmn_stage(system: QualitySystem, lang: str, cache: Cache, key: Key, report: BuildResult,
                progress: Progress) -> None:
    t0 = time.perf_counter()
    st = StageReport("bpmn")
    described = [p for p in system.processes if not p.is_stub]
    progress.stage("bpmn", len(described))
    for i, p in enumerate(described, 1):
        rel = f"bpmn/{file_stem(p.process)}.bpmn"
        k = key("bpmn", {SYSTEM, process_dep(p.process)})
        if cache.fresh(rel, k):
            st.reused += 1
        else:
            from qms.bpmn import export_process  # lxml is imported at the first export

            cache.write(rel, k, export_process(system, p, lang=lang), report.written)
            st.made += 1
        progress.step("bpmn", i, len(described))
    st.seconds = time.perf_counter() - t0
    progress.done(st)
    report.stages.append(st)


def handbook_stage(pages: Sequence[Page], drawing: Drawing, crit: CriteriaReport | None, cache: Cache,
                    key: Key, page_extra: str, memo: Memo, pdf_key: str | None, report: BuildResult,
                    progress: Progress, *, search: bool = True) -> None:
    """The site: pages whose inputs changed, first those that show no diagram still being drawn;
    then, with ``search``, its search index when a page changed or there is none."""
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
        k = sha(code_fingerprint("static"), rel)
        if cache.fresh(rel, k):
            st.reused += 1
        else:
            cache.write(rel, k, data, report.written)
            st.made += 1
    report.index = cache.out / "index.html"
    if search and (st.made or not (cache.out / "pagefind").is_dir()):
        _index_search(cache.out, report)
    if pdf_key is not None:
        st.note = _make_pdf(cache, cache.out, pdf_key, report)
    st.seconds = time.perf_counter() - t0 - waited
    progress.done(st)
    report.stages.append(st)


def _index_search(site: Path, report: BuildResult) -> None:
    """The search index of the site (Pagefind), made again when a page or style sheet changed.

    A failure leaves the site without search and says why (exit status 1, as for a diagram
    that could not be drawn); the pages are still good.
    """
    from qms.handbook.publish import SearchIndexError, index_search

    try:
        index_search(site)
    except SearchIndexError as exc:
        report.failed = True
        report.messages.append(f"{exc}; the site works, its search page finds nothing")


def _write_page(pg: Page, k: str, assets: Assets, drawing: Drawing, key: Key, page_extra: str, memo: Memo,
                cache: Cache, report: BuildResult) -> None:
    parts = {part.name: _part_html(part, assets, key, page_extra, memo) for part in pg.parts}
    data = pg.render(dataclasses.replace(assets, parts=parts) if parts else assets)
    # A page showing a diagram that could not be drawn is made again next time.
    complete = all(d in drawing.drawn for d in pg.diagrams)
    cache.write(pg.path, k, data, report.written, remember=complete)


def _part_html(part: Part, assets: Assets, key: Key, page_extra: str, memo: Memo) -> str:
    """A part of a page: kept in the memo while its inputs and the diagrams it shows are the same."""
    shown = (sha(assets.diagrams.get(d, "")) for d in part.diagrams)
    k = key("page", part.deps, page_extra, part.name, *shown)
    kept = memo.parts.get(part.name)
    if kept is None or kept[0] != k:
        kept = memo.parts[part.name] = (k, part.render(assets))
    return kept[1]


class Drawing:
    """The diagrams stage. Reused diagrams are read at once; the others are drawn by Graphviz
    in the background (one process per core) until :meth:`finish` collects them.

    A diagram Graphviz fails on is missing from ``drawn`` (its page says so) and one
    message says why; the others are still drawn. Without Graphviz none is drawn.
    """

    def __init__(self, specs: Sequence[DiagramSpec], cache: Cache, key: Key, graphviz: str) -> None:
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
            drawn = spec.draw()
            diagrams = drawn if isinstance(drawn, list) else [drawn]
            dot_key = sha("dot", graphviz, *(text for d in diagrams for text in (d.engine, d.dot)))
            if cache.fresh_content(spec.path, dot_key):
                cache.remember(spec.path, k, dot_key)
                self.drawn[spec.path] = cache.read(spec.path).decode("utf-8")
                self.stage.reused += 1
            else:
                self.todo.append((spec, k, dot_key))
                self.futures.append(self.pool.submit(_draw_pages, drawn) if isinstance(drawn, list)
                                    else self.pool.submit(_draw_one, drawn))
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


def _draw_pages(diagrams: list[Diagram]) -> bytes | str:
    """The printed pages of a flow, stacked into one SVG file; or why Graphviz could not draw one."""
    drawn = [_draw_one(d) for d in diagrams]
    failed = [svg for svg in drawn if isinstance(svg, str)]
    if failed:
        return failed[0]
    return stack_pages([svg.decode("utf-8") for svg in drawn if isinstance(svg, bytes)]).encode("utf-8")


def _make_pdf(cache: Cache, out: Path, key: str, report: BuildResult) -> str:
    """Print ``print.html`` to ``handbook.pdf`` (reused while the print version is unchanged)."""
    k = sha(key, cache.new.get("print.html", {}).get("sha", ""))
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


