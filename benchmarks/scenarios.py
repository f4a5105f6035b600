"""The benchmark scenarios: each one adds rows to the table and targets to check.

Every scenario runs alone (``run.py --only NAME``); what it needs from another scenario
(a loaded system, an exported file) is made on demand and cached in the run's context.
"""

from __future__ import annotations

import contextlib
import json
import math
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import before
import floor
import network
import qmsapi
import synth
from crossings import crossings_scenario
from harness import SCALE_BUDGET, ChildSampler, Measure, NotAvailable, Row, Target, cpu_seconds, na, time_call
from lxml import etree
from peers import Peers

__all__ = ["FULL", "QUICK", "SCENARIOS", "Context", "Sizes"]

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "bpmn-corpus"
BEFORE = f"qms reader of {before.REVISION} (before)"
BPMNDI = "{http://www.omg.org/spec/BPMN/20100524/DI}BPMNDiagram"
EXT = "{http://www.omg.org/spec/BPMN/20100524/MODEL}extensionElements"
QMS_NS = "urn:qms:bpmn:1"


@dataclass(frozen=True)
class Sizes:
    """The sizes of one run: the full issue sizes, or ``--quick`` ones for a smoke test."""

    system: tuple[int, int]  # processes × steps
    big: int  # steps of the single-process scenarios
    scale: tuple[int, ...]  # steps of the scaling series
    render_sample: int  # diagrams given to Graphviz
    corpus_limit: int | None  # files of the BPMN corpus (None: all)

    def label_system(self) -> str:
        return f"{self.system[0]}×{self.system[1]}"

    def label_big(self) -> str:
        return _k(self.big)


FULL = Sizes((500, 40), 10_000, (1_000, 10_000, 100_000), 16, None)
QUICK = Sizes((12, 20), 400, (100, 1_000), 2, 8)


def _k(n: int) -> str:
    return f"{n // 1000}k" if n >= 1000 and n % 1000 == 0 else str(n)


@dataclass
class Context:
    """What the scenarios share in one run: sizes, peers, a work folder and cached set-ups."""

    sizes: Sizes
    peers: Peers
    work: Path
    profiler: Any = None  # profile.Profiler when --profile
    rows: list[Row] = field(default_factory=list)
    targets: list[Target] = field(default_factory=list)
    cache: dict[str, Any] = field(default_factory=dict)

    # ------------------------------------------------------------------ qms timing

    def time_qms(self, key: str, fn: Callable[[], Any], **kw: Any) -> tuple[Measure, Any]:
        """Time a qms call; a missing part or a failure becomes ``n/a (reason)``, not a crash."""
        try:
            m, result = time_call(fn, **kw)
        except NotAvailable as exc:
            return na(str(exc)), None
        except Exception as exc:  # a qms bug is shown in the table; the run goes on
            return na(f"error: {type(exc).__name__}: {str(exc).splitlines()[0][:90] if str(exc) else ''}"), None
        if self.profiler is not None:
            self.profiler.profile(key, fn)
        return m, result

    def fresh(self, args: list[str]) -> dict[str, Any] | str:
        """Run benchmarks/worker.py with ``args`` in a fresh interpreter: its JSON, or why it failed."""
        here = Path(__file__).resolve().parent
        cmd = [sys.executable, str(here / "worker.py"), *args]
        if self.profiler is not None:
            cmd.append("--profile")
        done = subprocess.run(cmd, capture_output=True, text=True, check=False, cwd=here)
        lines = [ln for ln in done.stdout.splitlines() if ln.startswith("{")]
        if done.returncode != 0 or not lines:
            tail = done.stderr.strip().splitlines()
            return f"worker failed: {tail[-1][:90] if tail else done.returncode}"
        out: dict[str, Any] = json.loads(lines[-1])
        if self.profiler is not None and "profiles" in out:
            self.profiler.summaries.update(out["profiles"]["summaries"])
            self.profiler.totals.update(out["profiles"]["totals"])
        return out

    def time_import(self, key: str, file: Path, runs: int = 3, budget: float | None = None, *,
                    before: bool = False) -> Measure:
        """qms's import of ``file`` (``before``: the reader before its rewrite, :mod:`before`), timed
        in a fresh interpreter like every peer's."""
        out = self.fresh(["import", str(file), str(runs), key, *([f"--budget={budget}"] if budget else []),
                          *(["--before"] if before else [])])
        return na(out) if isinstance(out, str) else _measure(out, "import")

    def target(self, name: str, ok: bool | None, detail: str) -> None:
        self.targets.append(Target(name, "N/A" if ok is None else ("PASS" if ok else "FAIL"), detail))

    # ------------------------------------------------------------------ set-ups (cached)

    def system_dir(self) -> Path:
        """The synthetic N × M system: from benchmarks/gen.py (the checks' generator) when it is
        there, else from synth.py; the same folder serves every system scenario of the run."""
        if "system_dir" not in self.cache:
            n, m = self.sizes.system
            root = self.work / f"system-{n}x{m}"
            try:
                import gen  # written beside the checks (optional)

                gen.write_system(root, n, m, seed=1)
                self.cache["system_source"] = "gen.py"
            except (ImportError, AttributeError, TypeError):
                shutil.rmtree(root, ignore_errors=True)
                synth.write_system(root, n, m)
                self.cache["system_source"] = "synth.py"
            self.cache["system_dir"] = root
        return self.cache["system_dir"]  # type: ignore[no-any-return]

    def system(self) -> Any:
        """The loaded synthetic system (loaded once, untimed when another scenario needs it)."""
        if "system" not in self.cache:
            self.cache["system"] = qmsapi.load(self.system_dir())
        return self.cache["system"]

    def big_dir(self, shape: str, n: int | None = None) -> Path:
        n = n or self.sizes.big
        key = f"big_dir:{shape}:{n}"
        if key not in self.cache:
            pid = f"{shape}{_k(n)}"
            sp = synth.chain_process(pid, n) if shape == "chain" else synth.realistic_process(pid, n)
            self.cache[key] = synth.write_process(self.work / f"{shape}-{n}", sp)
        return self.cache[key]  # type: ignore[no-any-return]

    def big(self, shape: str, n: int | None = None) -> Any:
        key = f"big:{shape}:{n or self.sizes.big}"
        if key not in self.cache:
            self.cache[key] = qmsapi.load(self.big_dir(shape, n))
        return self.cache[key]

    def exported(self, key: str, make: Callable[[], bytes]) -> dict[str, Path]:
        """BPMN files of one model: ``full`` (qms's export), ``plain`` (without qms's extension
        elements: what another tool would write) and ``nodi`` (plain without DI, for layouters)."""
        ck = f"files:{key}"
        if ck not in self.cache:
            xml = make()
            self.cache[ck] = write_variants(self.work / "bpmn", key, xml)
        return self.cache[ck]  # type: ignore[no-any-return]


def _strip_qms_attributes(root: etree._Element) -> None:
    # A function of its own, so that no element proxy outlives it: lxml strips a subtree that a
    # Python object still points into by moving it to a new document, node by node, which took
    # minutes for the 100,000-step diagram (the loop variable held its last waypoint).
    prefix = f"{{{QMS_NS}}}"
    for el in root.iter(etree.Element):
        for name in [a for a in el.attrib if a.startswith(prefix)]:
            del el.attrib[name]


def write_variants(folder: Path, key: str, xml: bytes) -> dict[str, Path]:
    """The export as written (``full``), without qms's extensions (``plain``), and without the
    diagram as well (``nodi``); elements are removed with strip_elements (see above)."""
    folder.mkdir(parents=True, exist_ok=True)
    full = folder / f"{key}.bpmn"
    full.write_bytes(xml)
    root = etree.fromstring(xml, etree.XMLParser(huge_tree=True))
    etree.strip_elements(root, EXT, with_tail=False)
    _strip_qms_attributes(root)
    etree.cleanup_namespaces(root)
    plain = folder / f"{key}-plain.bpmn"
    plain.write_bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True))
    etree.strip_elements(root, BPMNDI, with_tail=False)
    nodi = folder / f"{key}-nodi.bpmn"
    nodi.write_bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True))
    return {"full": full, "plain": plain, "nodi": nodi}


def _ratio_target(ctx: Context, name: str, qms: Measure, base: Measure, *, factor: float) -> None:
    """``qms ≤ base × factor``: qms takes at most ``factor`` of the baseline's time."""
    if qms.ok and not base.ok and base.at_least is not None:
        ratio = base.at_least / qms.value  # type: ignore[operator]
        met = qms.value <= base.at_least * factor  # type: ignore[operator]
        ctx.target(name, True if met else None, f"qms {qms.show()} vs baseline {base.show()} "
                   f"(baseline/qms > {ratio:.2f}, needs ≥ {1 / factor:.2f})")
        return
    if not qms.ok or not base.ok:
        ctx.target(name, None, f"qms {qms.show()}, baseline {base.show()}")
        return
    limit = base.value * factor  # type: ignore[operator]
    ratio = base.value / qms.value  # type: ignore[operator]
    ctx.target(name, qms.value <= limit, f"qms {qms.show()} vs baseline {base.show()} "  # type: ignore[operator]
               f"(baseline/qms {ratio:.2f}, needs ≥ {1 / factor:.2f})")


# ---------------------------------------------------------------------------------------------
# (a) load and check


def load_scenario(ctx: Context) -> None:
    label = ctx.sizes.label_system()
    try:
        root = ctx.system_dir()
    except Exception as exc:  # shown in the table
        ctx.rows.append(Row(f"load {label} system", na(f"set-up failed: {exc}")))
        return
    m, result = ctx.time_qms("load-system", lambda: qmsapi.load(root), max_runs=3, budget=10)
    files = sorted(root.rglob("*.yaml"))
    texts = [f.read_text(encoding="utf-8") for f in files]
    size = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    note = f"{len(files)} files, {size:.1f} MB YAML from {ctx.cache['system_source']}"
    if result is not None:
        ctx.cache["system"] = result
        procs = result.system.processes
        note = (f"{sum(len(p.steps) for p in procs):,} steps, {sum(len(p.flow) for p in procs):,} flows; "
                + note)
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    floor_m, _ = time_call(lambda: [yaml.load(t, Loader=loader) for t in texts], max_runs=3, budget=5)
    ctx.rows.append(Row(f"load {label} system (YAML → model)", m, [("libyaml parse only (floor)", floor_m)], note))


def check_scenario(ctx: Context) -> None:
    label = ctx.sizes.label_system()
    try:
        result = ctx.system()
        run = qmsapi.check(result.system)
    except NotAvailable as exc:
        ctx.rows.append(Row(f"check {label} system (beyond load)", na(str(exc))))
        ctx.target(f"check {label} under 1 s beyond loading", None, str(exc))
        return
    m, findings = ctx.time_qms("check-system", run, max_runs=3, budget=5)
    note = f"{len(findings)} findings" if findings is not None else ""
    ctx.rows.append(Row(f"check {label} system (beyond load)", m, [], note))
    ok = None if not m.ok else m.value < 1.0  # type: ignore[operator]
    ctx.target(f"check {label} under 1 s beyond loading", ok, f"qms {m.show()}")


# ---------------------------------------------------------------------------------------------
# (b) export with DI


def _export_peers(ctx: Context, files: dict[str, Path], *, layout: bool, slow: bool) -> list[tuple[str, Measure]]:
    p = ctx.peers
    out = [
        ("bpmn-moddle toXML", p.measure("bpmn.io", "to-xml", files["plain"])),
    ]
    if layout:
        out.append(("bpmn-auto-layout + toXML", p.measure("bpmn.io", "layout", files["nodi"])))
    out.append(("pm4py write_bpmn (DI kept)", p.measure("pm4py", "write", files["plain"])))
    if layout:
        out.append(("pm4py write_bpmn + layout", p.measure("pm4py", "layout-write", files["nodi"])))
    if slow:
        out.append(("bpmn-io to_xml", p.measure("bpmn-io", "write", files["plain"], max_runs=1)))
        if layout:
            out.append(("bpmn-io layout_process", p.measure("bpmn-io", "layout-write", files["nodi"], max_runs=1)))
    return out


def _floor_export(xml: bytes) -> tuple[Measure, str]:
    sk = floor.skeleton(xml)
    m, _ = time_call(lambda: floor.build(sk), max_runs=3, budget=5)
    return m, f"{sk.elements:,} elements, {sk.attributes:,} attributes"


def export_scenario(ctx: Context) -> None:
    big = ctx.sizes.label_big()
    for shape, title in (("chain", f"{big}-step chain"), ("realistic", f"{big}-step process, 8 lanes")):
        name = f"export {title} (BPMN + DI)"
        try:
            process = ctx.big(shape)
        except NotAvailable as exc:
            ctx.rows.append(Row(name, na(str(exc))))
            continue
        system = process.system
        proc = system.processes[0]
        m, xml = ctx.time_qms(f"export-{shape}", lambda s=system, p=proc: qmsapi.export_process(s, p))
        if xml is None:
            ctx.rows.append(Row(name, m))
            for t in ("≤ ½ bpmn.io layout+export", "≤ 2× lxml floor", "≥ 20× faster than pm4py with layout"):
                ctx.target(f"export {big} {shape}: {t}", None, m.show())
            continue
        files = ctx.exported(f"{shape}{big}", lambda x=xml: x)
        fm, fnote = _floor_export(xml)
        fm.note = fnote
        bases = [("lxml floor (same elements)", fm), *_export_peers(ctx, files, layout=True, slow=shape == "chain")]
        note = f"{len(xml) / 1e6:.1f} MB"
        ctx.rows.append(Row(name, m, bases, note))
        b = dict(bases)
        _ratio_target(ctx, f"export {big} {shape}: ≤ ½ bpmn.io layout+export", m, b["bpmn-auto-layout + toXML"],
                      factor=0.5)
        _ratio_target(ctx, f"export {big} {shape}: within 2× of the lxml floor", m, fm, factor=2.0)
        _ratio_target(ctx, f"export {big} {shape}: ≥ 20× faster than pm4py with layout", m,
                      b["pm4py write_bpmn + layout"], factor=1 / 20)

    label = ctx.sizes.label_system()
    name = f"export {label} system (one file, BPMN + DI)"
    try:
        system = ctx.system().system
    except NotAvailable as exc:
        ctx.rows.append(Row(name, na(str(exc))))
        return
    m, xml = ctx.time_qms("export-system", lambda: qmsapi.export_system(system), max_runs=3)
    if xml is None:
        ctx.rows.append(Row(name, m))
        return
    files = ctx.exported(f"system{label}", lambda: xml)
    fm, fnote = _floor_export(xml)
    fm.note = fnote
    bases = [("lxml floor (same elements)", fm), *_export_peers(ctx, files, layout=False, slow=False)]
    ctx.rows.append(Row(name, m, bases, f"{len(xml) / 1e6:.1f} MB"))


# ---------------------------------------------------------------------------------------------
# (c) import


def _import_files(ctx: Context, key: str) -> dict[str, Path]:
    """The BPMN files of ``key`` (``chain``, ``realistic`` or ``system``), exporting on demand."""
    big, label = ctx.sizes.label_big(), ctx.sizes.label_system()
    if key == "system":
        return ctx.exported(f"system{label}", lambda: qmsapi.export_system(ctx.system().system))
    loaded = ctx.big(key)
    return ctx.exported(f"{key}{big}", lambda: qmsapi.export_process(loaded.system, loaded.system.processes[0]))


def _before(datas: list[tuple[bytes, str]]) -> Measure:
    """The reader before its rewrite (:mod:`before`), in this process, on the same files."""
    try:
        read = before.read_before()
    except NotAvailable as exc:
        return na(str(exc))

    def all_files() -> None:
        for data, path in datas:
            with contextlib.suppress(Exception):  # (a file it cannot read is skipped, as for the peers)
                read(data, path, max_bytes=1 << 30)

    m, _ = time_call(all_files, max_runs=3)
    return m


def _import_peers(ctx: Context, file: Path, *, bpmn_io: bool = True) -> list[tuple[str, Measure]]:
    data = file.read_bytes()
    fm, _ = time_call(lambda: floor.parse(data), max_runs=3)
    p = ctx.peers
    out = [
        ("lxml parse only (floor)", fm),
        (BEFORE, ctx.time_import("import-before", file, before=True)),
        ("bpmn-moddle fromXML", p.measure("bpmn.io", "from-xml", file)),
        ("pm4py read_bpmn", p.measure("pm4py", "read", file)),
    ]
    if bpmn_io:
        out.append(("bpmn-io from_xml", p.measure("bpmn-io", "read", file, max_runs=1)))
    return out


IMPORT_ROUNDS = 2
"""Rounds of the 10,000-step imports: qms, then the peers, then qms and the peers again."""


def _best(a: Measure | None, b: Measure) -> Measure:
    """The better of two measures of one quantity (a missing one yields to a measured one)."""
    if a is None or not a.ok:
        return b
    if not b.ok or b.value is None or a.value is None:
        return a
    return Measure(min(a.value, b.value), [*a.runs, *b.runs], note=a.note or b.note, extra=a.extra)


def _import_rounds(ctx: Context, key: str, file: Path) -> tuple[Measure, list[tuple[str, Measure]]]:
    """qms and its peers timed in alternating rounds, each keeping its best run.

    Why: this machine's speed drifts by up to 2× within minutes. Timed one after the other,
    qms and a peer can meet different phases, and the ratio shows the drift; alternating
    rounds let a slow phase hit both alike. (bpmn-io, minutes per run, runs in the first round.)
    """
    m: Measure | None = None
    bases: dict[str, Measure] = {}
    for i in range(IMPORT_ROUNDS):
        m = _best(m, ctx.time_import(f"import-{key}", file))
        for name, b in _import_peers(ctx, file, bpmn_io=i == 0):
            bases[name] = _best(bases.get(name), b)
    assert m is not None
    return m, list(bases.items())


def import_scenario(ctx: Context) -> None:
    big, label = ctx.sizes.label_big(), ctx.sizes.label_system()
    try:
        read = qmsapi.import_bpmn()
    except NotAvailable as exc:
        read = None
        missing = str(exc)
    for key, title in (("chain", f"{big}-step chain"), ("realistic", f"{big}-step process, 8 lanes"),
                       ("system", f"{label} system")):
        name = f"import {title} (foreign BPMN)"
        try:
            files = _import_files(ctx, key)
        except NotAvailable as exc:
            ctx.rows.append(Row(name, na(f"no input: {exc}")))
            continue
        except Exception as exc:  # shown in the table
            ctx.rows.append(Row(name, na(f"no input: export failed: {type(exc).__name__}")))
            continue
        plain = files["plain"]
        data = plain.read_bytes()
        if read is None:
            m, bases = na(missing), _import_peers(ctx, plain)
        elif key == "system":
            m, bases = ctx.time_import(f"import-{key}", plain), _import_peers(ctx, plain)
        else:
            m, bases = _import_rounds(ctx, key, plain)
        ctx.rows.append(Row(name, m, bases, f"{len(data) / 1e6:.1f} MB, no qms extensions"))
        if key != "system":
            b = dict(bases)
            _ratio_target(ctx, f"import {big} {key}: no slower than bpmn-moddle fromXML", m,
                          b["bpmn-moddle fromXML"], factor=1.0)
            _ratio_target(ctx, f"import {big} {key}: ≥ 3× faster than pm4py", m, b["pm4py read_bpmn"],
                          factor=1 / 3)
            _ratio_target(ctx, f"import {big} {key}: within 1.5× of the reader before", m, b[BEFORE],
                          factor=1.5)
        if key == "realistic" and read is not None:
            full = files["full"]
            m2 = ctx.time_import("import-own", full)
            ctx.rows.append(Row(f"import {title} (qms's own export)", m2, [], "with qms:model: the lossless path"))


def corpus_scenario(ctx: Context) -> None:
    name = "import BPMN corpus (MIWG, every file)"
    if not CORPUS.is_dir():
        ctx.rows.append(Row(name, na(f"skipped: {CORPUS} is absent")))
        return
    files = sorted(CORPUS.rglob("*.bpmn"))
    if ctx.sizes.corpus_limit:
        files = files[: ctx.sizes.corpus_limit]
        name = f"import BPMN corpus (first {len(files)} files)"
    datas = [(f.read_bytes(), str(f)) for f in files]
    listing = ctx.work / "corpus.txt"
    listing.write_text("\n".join(str(f) for f in files) + "\n", encoding="utf-8")
    try:
        read = qmsapi.import_bpmn()
    except NotAvailable as exc:
        m = na(str(exc))
    else:
        failed: list[str] = []

        def all_files() -> None:
            failed.clear()
            for data, path in datas:
                try:
                    read(data, path)
                except Exception as exc:  # counted, as for the peers
                    failed.append(f"{Path(path).name}: {type(exc).__name__}")

        m, _ = ctx.time_qms("import-corpus", all_files, max_runs=3)
        if m.ok and failed:
            m.note = f"{len(failed)} of {len(files)} files raised (first: {failed[0]})"

    def parse_all() -> None:
        for data, _ in datas:
            with contextlib.suppress(etree.XMLSyntaxError):  # a broken file is skipped by every tool
                floor.parse(data)

    fm, _ = time_call(parse_all, max_runs=3)
    p = ctx.peers
    bases = [
        ("lxml parse only (floor)", fm),
        (BEFORE, _before(datas)),
        ("bpmn-moddle fromXML", p.measure("bpmn.io", "from-xml-many", listing)),
        ("pm4py read_bpmn", p.measure("pm4py", "read-many", listing)),
        ("bpmn-io from_xml", p.measure("bpmn-io", "read-many", listing)),
    ]
    size = sum(len(d) for d, _ in datas)
    ctx.rows.append(Row(name, m, bases, f"{len(files)} files, {size / 1e6:.1f} MB"))


# ---------------------------------------------------------------------------------------------
# (d) qms build


def _edit_one_process(folder: Path) -> Path:
    """Change the name of the first task of the first process file (a real model change)."""
    from ruamel.yaml import YAML

    yaml = YAML()
    yaml.preserve_quotes = True
    for path in sorted((folder / "processes").glob("*.yaml")):
        data = yaml.load(path.read_text(encoding="utf-8"))
        for step in data.get("steps") or []:
            if "task" in step:
                value = step["task"]
                if isinstance(value, dict):
                    first = next(iter(value))
                    value[first] = f"{value[first]} (muokattu {time.time_ns() % 1000})"
                else:
                    step["task"] = f"{value} (muokattu {time.time_ns() % 1000})"
                with path.open("w", encoding="utf-8") as handle:
                    yaml.dump(data, handle)
                return path
    raise NotAvailable("no process with a task to edit")


def _run_timed(cmd: list[str]) -> Measure:
    """Wall and CPU time of a command (its children included); a failing exit is noted, not hidden."""
    c0, t0 = cpu_seconds(), time.perf_counter()
    done = subprocess.run(cmd, capture_output=True, text=True, check=False)
    wall, cpu = time.perf_counter() - t0, cpu_seconds() - c0
    m = Measure(wall, [wall], extra={"cpu": cpu})
    if done.returncode != 0:
        tail = [ln for ln in (done.stderr or done.stdout).strip().splitlines() if ln.strip()]
        if "Traceback" in (done.stderr or ""):
            return na(f"crashed: {tail[-1][:100] if tail else done.returncode}")
        m.note = f"exit {done.returncode}: {tail[-1][:80] if tail else ''}"
    return m


def _build_command() -> list[str]:
    """The argv of ``qms build`` as a user runs it: the console script, a fresh process each time."""
    exe = Path(sys.executable).parent / "qms"
    return [str(exe), "build"] if exe.exists() else [sys.executable, "-m", "qms", "build"]


def _warm_rebuild(ctx: Context, folder: Path, out: Path) -> tuple[Measure, list[Path]]:
    """What ``qms build --watch`` does after a save, in this process: :func:`qms.build.build` with the
    memo the watch keeps, after a first build of the same folder; each run follows an edit."""
    try:
        from qms.build import Memo, build
    except ImportError as exc:
        return na(f"not built: qms.build.Memo ({exc})"), []
    memo = Memo()
    edited: list[Path] = []

    def edit() -> None:
        edited.append(_edit_one_process(folder))

    try:
        build(folder, out, memo=memo)
        m, _ = time_call(lambda: build(folder, out, memo=memo), max_runs=5 if ctx.sizes is FULL else 2, budget=8,
                         setup=edit)
    except Exception as exc:  # a qms bug is shown in the table; the run goes on
        return na(f"error: {type(exc).__name__}: {str(exc).splitlines()[0][:90] if str(exc) else ''}"), edited
    if ctx.profiler is not None:
        ctx.profiler.profile("build-warm", lambda: (edit(), build(folder, out, memo=memo)))
    return m, edited


TARGET_REBUILD = "rebuild after one edit: under 1 s"


def build_scenario(ctx: Context) -> None:
    quick = ctx.sizes is not FULL
    src = ROOT / "models" / "redu"
    name = "qms build models/redu" if not quick else "qms build 3×12 synthetic system"
    folder = ctx.work / "build" / "redu"
    out = ctx.work / "build" / "site"
    shutil.rmtree(folder.parent, ignore_errors=True)
    if quick:  # a smoke test: the smallest system that still has every kind of page
        synth.write_system(folder, 3, 12)
    else:
        shutil.copytree(src, folder)
    argv = [*_build_command(), str(folder), "-o", str(out)]
    # the commands import lazily: what a rebuild after an edit imports is the start-up to note (best of 3)
    imports = [sys.executable, "-c", "import qms.cli.build, qms.check, qms.bpmn, qms.render.svg, jinja2"]
    start = min((_run_timed(imports) for _ in range(3)), key=lambda m: m.value if m.ok else math.inf)
    startup = f"Python + the imports of a rebuild alone {start.show()}" if start.ok else ""
    cold = _run_timed(argv)
    ctx.rows.append(Row(f"{name}, cold", cold, [], "; ".join(n for n in ("a fresh process", _cpu_note(cold)) if n)))
    if not cold.ok:
        ctx.target(TARGET_REBUILD, None, cold.show())
        return
    runs = []
    edited = folder
    for _ in range(3 if ctx.sizes is FULL else 1):
        edited = _edit_one_process(folder)
        runs.append(_run_timed(argv))
    good = [r for r in runs if r.ok]
    best = min(good, key=lambda r: r.value) if good else runs[0]  # type: ignore[arg-type,return-value]
    if good:
        best.runs = [r.value for r in good]  # type: ignore[misc]
    ctx.rows.append(Row(f"{name}, after one edited process", best, [],
                        "; ".join(n for n in (f"a fresh process, edited {edited.name}", startup) if n)))
    if ctx.sizes is FULL:
        same = _run_timed(argv)
        ctx.rows.append(Row(f"{name}, nothing changed", same, [], "; ".join(
            n for n in ("a fresh process", _cpu_note(same)) if n)))
    warm, warm_edits = _warm_rebuild(ctx, folder, out)
    runs_note = f"best of {len(warm.runs)}: {', '.join(f'{r:.2f}' for r in warm.runs)} s" if warm.ok else ""
    ctx.rows.append(Row(f"{name}, rebuild after one edit, warm (qms build --watch)", warm, [], "; ".join(
        n for n in ("in-process, after a first build", f"edited {warm_edits[-1].name}" if warm_edits else "",
                    runs_note) if n)))
    fresh = f"a fresh `qms build` process {best.show()}" + (f" ({startup})" if startup else "")
    if not warm.ok:
        ctx.target(TARGET_REBUILD, None, f"warm: {warm.show()}; {fresh}")
        return
    ctx.target(TARGET_REBUILD, warm.value < 1.0,  # type: ignore[operator]
               f"warm rebuild {warm.show()} (qms build --watch, in-process); {fresh}")


def _cpu_note(m: Measure) -> str:
    if not m.ok or not m.value:
        return ""
    return f"CPU/wall {m.extra['cpu'] / m.value:.2f}"


# ---------------------------------------------------------------------------------------------
# (e) render


def render_scenario(ctx: Context) -> None:
    label = ctx.sizes.label_system()
    try:
        system = ctx.system().system
        draw = qmsapi.draw_flow()
        render_all = qmsapi.render_all()
    except NotAvailable as exc:
        ctx.rows.append(Row(f"render {label}: DOT of every process", na(str(exc))))
        ctx.target("rendering uses both cores", None, str(exc))
        return
    procs = [p for p in system.processes if p.steps]
    m, diagrams = ctx.time_qms("render-dot", lambda: [draw(p, system) for p in procs], max_runs=3)
    ctx.rows.append(Row(f"render {label}: DOT of every process", m, [],
                        f"{len(procs)} diagrams, {sum(len(d.dot) for d in diagrams) / 1e6:.1f} MB DOT"
                        if diagrams else ""))
    if not diagrams:
        ctx.target("rendering uses both cores", None, m.show())
        return
    if not qmsapi.dot_available():
        ctx.rows.append(Row("render sample: SVG through dot", na("Graphviz dot is not on PATH")))
        ctx.target("rendering uses both cores", None, "no dot")
        return
    sample = diagrams[: ctx.sizes.render_sample]
    from qms.render.svg import render

    busy = os.getloadavg()[0]
    # timed alone (not through time_qms): a profile of threads that wait for Graphviz says nothing,
    # and the CPU count must cover this one run only
    c0 = cpu_seconds()
    with ChildSampler() as sampler:
        try:
            par, _ = time_call(lambda: render_all(sample, "svg"), max_runs=1)
        except Exception as exc:  # shown in the table
            par = na(f"error: {type(exc).__name__}: {str(exc).splitlines()[0][:90] if str(exc) else ''}")
    cpu = cpu_seconds() - c0
    try:
        seq, _ = time_call(lambda: [render(d, "svg") for d in sample], max_runs=1)
        seq.note = "one dot at a time"
    except Exception as exc:  # shown in the table
        seq = na(f"error: {type(exc).__name__}: {str(exc).splitlines()[0][:90] if str(exc) else ''}")
    cores = os.cpu_count() or 1
    if par.ok and par.value:
        par.note = f"CPU/wall {cpu / par.value:.2f} on {cores} cores; up to {sampler.most} Graphviz processes at once"
    ctx.rows.append(Row(f"render sample of {len(sample)}: SVG through dot (render_all)", par,
                        [("same diagrams, sequential", seq)]))
    if not (par.ok and par.value):
        ctx.target("rendering uses both cores", None, par.show())
        return
    ratio = cpu / par.value
    detail = (f"CPU/wall {ratio:.2f} during render_all (≥ 1.5 on 2 cores), {sampler.most} Graphviz processes "
              + (f"at once, speed-up over sequential {seq.value / par.value:.2f}×" if seq.ok else "at once"))  # type: ignore[operator]
    if cores < 2:
        ctx.target("rendering uses both cores", None, detail + "; one core only")
    elif ratio >= 1.5:
        ctx.target("rendering uses both cores", True, detail)
    elif busy > 1.0:
        # others hold a core: judge by whether qms ran one Graphviz process per core
        ctx.target("rendering uses both cores", sampler.most >= 2,
                   detail + f"; machine busy (load average {busy:.1f}), judged by processes at once")
    else:
        ctx.target("rendering uses both cores", False, detail)


# ---------------------------------------------------------------------------------------------
# (f) scaling


STAGES = ("load", "check", "export", "import")


SCALE_LIMIT = 120.0
"""Seconds a scaling step may be expected to take; a stage growing faster than that is skipped."""


def _too_slow(series: list[tuple[int, float]], n: int) -> str:
    """A reason to skip size ``n`` when the stage grew quadratically before and would take too long."""
    if len(series) < 2:
        return ""
    (n0, us0), (n1, us1) = series[-2], series[-1]
    if us1 / us0 <= 1.5:
        return ""
    expected = us1 * (us1 / us0) ** (math.log(n / n1) / math.log(n1 / n0)) * n / 1e6
    if expected <= SCALE_LIMIT:
        return ""
    return f"skipped: its growth so far predicts {expected:.0f} s (limit {SCALE_LIMIT:.0f} s)"


def _scale_size(ctx: Context, n: int, skip: dict[str, str]) -> dict[str, Measure]:
    """Load, check and export one size in a fresh interpreter, then import its plain export in
    another, as ``qms import`` runs (see worker.py)."""
    folder = ctx.big_dir("realistic", n)
    runs = 3  # at every size: a best of three compared with one run would flatter the small sizes
    out = ctx.fresh(["scale", str(folder), str(n), str(runs), str(ctx.work / "bpmn"), *skip])
    if isinstance(out, str):
        return {stage: na(out) for stage in STAGES}
    results: dict[str, Measure] = {}
    for stage in ("load", "check", "export"):
        results[stage] = _measure(out, stage, skip)
    plain = out.get("plain")
    results["import"] = (ctx.time_import(f"scale-import-{n}", Path(plain), runs, SCALE_BUDGET) if plain
                         else na("no input: export failed or skipped"))
    return results


def _measure(out: dict[str, Any], stage: str, skip: dict[str, str] | None = None) -> Measure:
    got = out.get(stage, {"error": "not run"})
    if "runs" in got:
        return Measure(min(got["runs"]), got["runs"])
    return na((skip or {}).get(stage, "") if got["error"] == "skip" else got["error"])


def scaling_scenario(ctx: Context) -> None:
    per_step: dict[str, list[tuple[int, float]]] = {s: [] for s in STAGES}
    for n in ctx.sizes.scale:
        skip = {stage: why for stage in ("check", "export") if (why := _too_slow(per_step[stage], n))}
        results = _scale_size(ctx, n, skip)
        for stage in STAGES:
            m = results[stage]
            note = ""
            if m.ok:
                us = m.value / n * 1e6  # type: ignore[operator]
                series = per_step[stage]
                note = f"{us:.1f} µs/step"
                if series:
                    prev_n, prev_us = series[-1]
                    growth = us / prev_us
                    note += f", ×{growth:.2f} per step vs {_k(prev_n)}"
                    if growth > 1.5:
                        note += "  ⚠ SUPER-LINEAR"
                series.append((n, us))
            ctx.rows.append(Row(f"scale: {stage} {_k(n)} steps", m, [], note))
    for stage in STAGES:
        series = per_step[stage]
        if len(series) < 2:
            ctx.target(f"{stage} scales linearly", None, "not enough sizes measured")
            continue
        growths = [(b[0], b[1] / a[1]) for a, b in zip(series, series[1:], strict=False)]
        worst = max(g for _, g in growths)
        detail = ", ".join(f"{_k(n)}: ×{g:.2f}" for n, g in growths) + " (per-step time vs the size before; ≤ 1.5)"
        ctx.target(f"{stage} scales linearly", worst <= 1.5, detail)


# ---------------------------------------------------------------------------------------------
# memory


_MEMORY_SCRIPT = r"""
import json, resource, sys, time
sys.path.insert(0, sys.argv[2])
import qmsapi
def peak():
    # VmHWM: the high-water mark of this process's own memory. ru_maxrss is not used: after
    # fork + exec it still holds the parent's peak (the benchmark runner's).
    try:
        with open("/proc/self/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
mode, path = sys.argv[4], sys.argv[3]
out = {"start": peak()}
if mode in ("build", "all"):
    result = qmsapi.load(sys.argv[1]); out["load"] = peak()
    try:
        qmsapi.check(result.system)(); out["check"] = peak()
    except qmsapi.NotAvailable:
        pass
    try:
        xml = qmsapi.export_system(result.system); out["export"] = peak()
        open(path, "wb").write(xml)
        del xml
    except qmsapi.NotAvailable:
        pass
if mode in ("import", "all"):
    try:
        read = qmsapi.import_bpmn()
        read(open(path, "rb").read(), path); out["import"] = peak()
    except qmsapi.NotAvailable:
        pass
print(json.dumps(out))
"""


def _memory(ctx: Context, mode: str) -> dict[str, float] | str:
    """Peak RSS after each stage of one fresh process: ``build`` (load, check, one-file export),
    ``import`` (read that file) or ``all`` (everything in one process)."""
    here = str(Path(__file__).resolve().parent)
    done = subprocess.run([sys.executable, "-c", _MEMORY_SCRIPT, str(ctx.system_dir()), here,
                           str(ctx.work / "mem.bpmn"), mode], capture_output=True, text=True, check=False)
    lines = [ln for ln in done.stdout.splitlines() if ln.startswith("{")]
    if done.returncode != 0 or not lines:
        tail = done.stderr.strip().splitlines()
        return f"failed: {tail[-1][:90] if tail else done.returncode}"
    stages: dict[str, float] = json.loads(lines[-1])
    return stages


def memory_scenario(ctx: Context) -> None:
    """Peak memory as the commands use it: ``qms check``/``qms export --single``/``qms build``
    load, check and export in one process; ``qms import`` reads the file in another. The
    target is the larger of the two. A third process that also imports while it still holds
    the loaded system (no command does) is shown for comparison."""
    label = ctx.sizes.label_system()
    target = f"peak memory {label} under 500 MB"
    runs = {mode: _memory(ctx, mode) for mode in ("build", "import", "all")}
    titles = {"build": "load + check + one-file export", "import": "import of that file",
              "all": "all four in one process (no command does this)"}
    peaks: dict[str, float] = {}
    for mode, got in runs.items():
        name = f"peak memory, {label} system: {titles[mode]}"
        if isinstance(got, str):
            ctx.rows.append(Row(name, na(got)))
            continue
        peak = max(got.values())
        peaks[mode] = peak
        note = " → ".join(f"{k} {v:.0f}" for k, v in got.items())
        ctx.rows.append(Row(name, Measure(peak, [peak], unit="MB"), [], f"peak RSS (VmHWM) after {note} MB"))
    if "build" not in peaks or "import" not in peaks:
        ctx.target(target, None, "a memory run failed")
        return
    worst = max(peaks["build"], peaks["import"])
    detail = f"{worst:.0f} MB (load + check + export {peaks['build']:.0f} MB; import {peaks['import']:.0f} MB"
    detail += f"; all in one process {peaks['all']:.0f} MB)" if "all" in peaks else ")"
    ctx.target(target, worst < 500, detail)


SCENARIOS: dict[str, Callable[[Context], None]] = {
    "load": load_scenario,
    "check": check_scenario,
    "export": export_scenario,
    "import": import_scenario,
    "corpus": corpus_scenario,
    "build": build_scenario,
    "render": render_scenario,
    "scaling": scaling_scenario,
    "memory": memory_scenario,
    "network": network.network_scenario,
    "layout": lambda ctx: crossings_scenario(ctx, CORPUS),
}


def new_workdir() -> Path:
    return Path(tempfile.mkdtemp(prefix="qms-bench-"))

