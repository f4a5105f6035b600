"""Publishing the handbook beyond the pages: the public edition, the search index, the Word copy."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path

from qms.errors import QmsError, UserError
from qms.files import write_atomic
from qms.handbook.build import build_site, diagram_specs
from qms.handbook.names import safe_relpath
from qms.handbook.pdf import stack_pages
from qms.handbook.word import to_docx, word_diagrams
from qms.model import QualitySystem

__all__ = ["DOCX_FILE", "PUBLIC_MANIFEST", "SearchIndexError", "draw", "index_search", "public_site", "public_system",
           "word_copy", "write_public"]

#: The Word copy's name in the output folder (beside ``handbook.pdf``).
DOCX_FILE = "handbook.docx"
#: The list of files a public edition wrote, in its folder: the next one removes those it no longer makes.
PUBLIC_MANIFEST = ".qms-public.json"


class SearchIndexError(QmsError):
    """Pagefind ran but did not write the index; the message carries its output."""


def public_system(system: QualitySystem) -> QualitySystem:
    """The system as a public handbook shows it: what is marked ``internal: true`` left out.

    Internal processes go, and so do the ``call:`` steps' links to them (the step stays,
    its name shown as text); an internal development plan or annual cycle goes whole.

    Examples
    --------
    >>> s = QualitySystem.model_validate({"system": "s", "name": "S", "provider": {"id": "p", "name": "P"},
    ...     "processes": [{"process": "a", "name": "A", "category": "core"},
    ...                   {"process": "b", "name": "B", "category": "core", "internal": True}]})
    >>> [p.process for p in public_system(s).processes]
    ['a']
    """
    kept = [p for p in system.processes if not p.internal]
    update: dict[str, object] = {"processes": kept}
    if system.development_plan is not None and system.development_plan.internal:
        update["development_plan"] = None
    if system.annual_cycle is not None and system.annual_cycle.internal:
        update["annual_cycle"] = None
    ids = {p.process for p in kept}
    groups = [g.model_copy(update={"processes": [i for i in g.processes if i in ids]})
              for g in system.architecture.groups]
    update["architecture"] = system.architecture.model_copy(update={
        "groups": groups, "value_chain": [i for i in system.architecture.value_chain if i in ids]})
    return system.model_copy(update=update)


def draw(system: QualitySystem, *, lang: str, paths: Sequence[str] | None = None, fmt: str = "svg") -> dict[str, bytes]:
    """The handbook's diagrams drawn by Graphviz (in parallel), by site path; ``paths`` picks some.

    Printed pages (a spec that draws a list) are stacked into one SVG file; in other formats they are left out.
    """
    from qms.render.svg import render_all

    specs = [s for s in diagram_specs(system, lang=lang) if paths is None or s.path in paths]
    drawn = {s.path: s.draw() for s in specs}
    drawn = {path: d for path, d in drawn.items() if fmt == "svg" or not isinstance(d, list)}
    outputs = iter(render_all([one for d in drawn.values() for one in (d if isinstance(d, list) else [d])], fmt))
    return {path: (stack_pages([next(outputs).decode("utf-8") for _ in d]).encode("utf-8")
                   if isinstance(d, list) else next(outputs)) for path, d in drawn.items()}


def public_site(system: QualitySystem, *, lang: str) -> dict[str, bytes]:
    """The public handbook site in memory: :func:`public_system`, without the criteria page."""
    shown = public_system(system)
    drawn = {path: svg.decode("utf-8") for path, svg in draw(shown, lang=lang).items()}
    return build_site(shown, lang=lang, diagrams=drawn, public=True)


def write_public(files: Mapping[str, bytes], out: Path) -> list[str]:
    """Write a public edition into ``out``; files of the previous public edition that it no longer has go.

    A public edition must never show what an earlier full build left in the folder (an
    internal process page, the criteria page), so the folder must be empty or hold a public
    edition: one whose :data:`PUBLIC_MANIFEST` lists what it wrote.

    Returns
    -------
    list
        The site paths removed.

    Raises
    ------
    UserError
        When ``out`` holds files but no public edition.
    """
    manifest = out / PUBLIC_MANIFEST
    if out.is_dir() and any(out.iterdir()) and not manifest.is_file():
        raise UserError(f"{out} holds files of another build; a public edition is written to an empty folder "
                        "(or one that holds an earlier public edition): choose another -o")
    before = set(json.loads(manifest.read_text(encoding="utf-8"))) if manifest.is_file() else set()
    for rel, data in sorted(files.items()):
        write_atomic(out / safe_relpath(rel), data)
    removed = sorted(rel for rel in before - set(files) if _inside(rel))
    for rel in removed:
        (out / rel).unlink(missing_ok=True)
    write_atomic(manifest, json.dumps(sorted(files), indent=0).encode("utf-8"))
    return removed


def _inside(rel: object) -> bool:
    """True for a clean relative path inside the site (a manifest entry to trust)."""
    try:
        return isinstance(rel, str) and safe_relpath(rel) == rel
    except ValueError:
        return False


def word_copy(system: QualitySystem, *, lang: str, pictures: Mapping[str, bytes] | None = None) -> bytes:
    """The Word copy of the manual, its diagrams drawn as PNG unless given."""
    if pictures is None:
        pictures = draw(system, lang=lang, paths=word_diagrams(system), fmt="png")
    return to_docx(system, lang=lang, pictures=pictures)


def index_search(site: Path, *, timeout: float = 300.0) -> None:
    """Build the search index of a written site into ``site/pagefind/`` with Pagefind.

    Pagefind reads each page's ``lang`` and stems words of that language (Finnish,
    Swedish and English among them), so ``talousarviota`` finds *talousarvio*. Only
    the ``data-pagefind-body`` part of a page is indexed: the print version and the
    search page are not.

    Raises
    ------
    SearchIndexError
        When Pagefind fails or does not finish within ``timeout`` seconds.
    """
    shutil.rmtree(site / "pagefind", ignore_errors=True)  # no index files of an earlier build stay behind
    command = [sys.executable, "-m", "pagefind", "--site", str(site), "--output-subdir", "pagefind", "--silent"]
    try:
        done = subprocess.run(command, capture_output=True, timeout=timeout, check=False)
    except subprocess.TimeoutExpired as exc:
        raise SearchIndexError(f"Pagefind did not index {site} within {timeout:.0f} s") from exc
    if done.returncode != 0 or not (site / "pagefind" / "pagefind.js").is_file():
        output = (done.stderr or done.stdout).decode("utf-8", "replace").strip()
        raise SearchIndexError(f"Pagefind could not index {site} (exit {done.returncode}): {output[-2000:]}")
