"""The whole quality manual as one Word document (.docx): headings, a table of contents, pictures, tables."""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from qms.handbook.context import Assets, Ctx
from qms.handbook.paths import diagram_path
from qms.handbook.viewmodel import ordered_processes
from qms.model import Process, QualitySystem

if TYPE_CHECKING:
    from docx.document import Document
    from docx.text.paragraph import Paragraph

__all__ = ["WORD_DIAGRAMS", "to_docx", "word_diagrams"]

#: The diagram kinds the Word copy shows (as PNG): the map and each process's flow.
WORD_DIAGRAMS: tuple[str, ...] = ("map", "flow")

#: Characters XML 1.0 cannot hold; a name that holds one is shown without it.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_WIDTH_CM, _HEIGHT_CM = 16.0, 22.0


def word_diagrams(system: QualitySystem) -> list[str]:
    """Site paths of the diagrams :func:`to_docx` shows (their PNG goes by the same key)."""
    paths = [diagram_path("map")] if system.processes else []
    return paths + [diagram_path("flow", p.process) for p in system.processes if not p.is_stub]


def _text(value: str) -> str:
    return _NOT_XML.sub("", value)


def to_docx(system: QualitySystem, *, lang: str, pictures: Mapping[str, bytes]) -> bytes:
    """The quality manual as .docx bytes: the same system and pictures give the same bytes.

    Front matter (name, version and approval), a table of contents field (Word fills it
    in when the document is opened or F9 is pressed), the process map, then per process
    a heading, owner, purpose, the flow diagram, the step table, measures and documents,
    and the development plan. Headings use Word's own Heading styles, so the navigation
    pane, the table of contents and numbering work as in any document.

    Parameters
    ----------
    system
        The loaded system.
    lang
        Text language; interface words as the handbook's.
    pictures
        PNG bytes by the site path of the diagram (see :func:`word_diagrams`); a
        missing picture is replaced by a note.
    """
    import docx  # only the Word copy needs it

    c = Ctx(system, lang, 0, Assets())
    doc = docx.Document()
    _front_matter(doc, c)
    doc.add_heading(c.wp("process_map"), level=1)
    _picture(doc, c, pictures.get(diagram_path("map")))
    for category, procs in ordered_processes(system):
        doc.add_heading(c.wp(category), level=1)
        for p in procs:
            _process(doc, c, p, pictures)
    _plan(doc, c)
    doc.core_properties.title = _text(c.p(system.name))
    doc.core_properties.author = _text(c.p(system.provider.name))
    doc.core_properties.revision = 1
    if system.approval and system.approval.version:
        doc.core_properties.version = _text(system.approval.version)
    stamp = system.as_of or (system.approval.approved if system.approval else None)
    if stamp is not None:
        doc.core_properties.created = doc.core_properties.modified = _midnight(stamp)
    out = io.BytesIO()
    doc.save(out)
    return _fixed_zip_times(out.getvalue())


def _midnight(day: Any) -> Any:
    import datetime as dt

    return dt.datetime(day.year, day.month, day.day)


def _fixed_zip_times(data: bytes) -> bytes:
    """The same archive with every entry dated 1980-01-01, so equal documents are equal bytes."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=(1980, 1, 1, 0, 0, 0))
            entry.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(entry, source.read(info.filename))
    return out.getvalue()


def _front_matter(doc: Document, c: Ctx) -> None:
    system = c.system
    doc.add_heading(_text(c.p(system.provider.name)), level=0)
    doc.add_paragraph(_text(c.p(system.name)), style="Subtitle")
    approval = system.approval
    rows: list[tuple[str, str]] = []
    if approval is not None:
        rows += [(c.wp("version"), approval.version or ""), (c.wp("approved"), c.date(approval.approved)),
                 (c.wp("approved_by"), c.plain_name(approval.approved_by, "body") if approval.approved_by else ""),
                 (c.wp("next_review"), c.date(approval.next_review))]
    if system.as_of:
        rows.append((c.wp("as_of"), c.date(system.as_of)))
    if system.notice:
        rows.append((c.wp("notice"), c.p(system.notice)))
    if approval is not None:
        doc.add_paragraph(c.wp("system_approval"), style="Heading 1")
    _facts(doc, [r for r in rows if r[1]])
    if approval is not None and approval.history:
        doc.add_paragraph(c.wp("earlier_versions"), style="Heading 2")
        _table(doc, [c.wp("version"), c.wp("approved"), c.wp("approved_by")],
               [[old.version or "", c.date(old.approved), c.plain_name(old.approved_by, "body") if old.approved_by else ""]
                for old in approval.history], widths=(4.0, 4.0, 8.0))
    doc.add_paragraph(c.wp("contents"), style="TOC Heading" if "TOC Heading" in _styles(doc) else "Heading 1")
    _toc_field(doc.add_paragraph(), c.wp("contents"))
    doc.add_page_break()  # type: ignore[no-untyped-call]


def _styles(doc: Document) -> set[str]:
    return {s.name for s in doc.styles if s.name}


def _toc_field(paragraph: Paragraph, placeholder: str) -> None:
    """A TOC field over Heading 1–3, marked dirty so Word fills it in on opening."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    def run_with(tag: str, **attrs: str) -> None:
        run = OxmlElement("w:r")
        element = OxmlElement(tag)
        for key, value in attrs.items():
            element.set(qn(key), value)
        run.append(element)
        paragraph._p.append(run)

    run_with("w:fldChar", **{"w:fldCharType": "begin", "w:dirty": "true"})
    instr = OxmlElement("w:r")
    text = OxmlElement("w:instrText")
    text.set(qn("xml:space"), "preserve")
    text.text = ' TOC \\o "1-3" \\h \\z \\u '
    instr.append(text)
    paragraph._p.append(instr)
    run_with("w:fldChar", **{"w:fldCharType": "separate"})
    paragraph.add_run(f"{placeholder} (F9)")
    run_with("w:fldChar", **{"w:fldCharType": "end"})


def _facts(doc: Document, rows: Sequence[tuple[str, str]]) -> None:
    if rows:
        _table(doc, None, [[label, value] for label, value in rows], widths=(5.0, 11.0))


def _table(doc: Document, header: Sequence[str] | None, rows: Sequence[Sequence[str]],
           widths: Sequence[float] = ()) -> None:
    """A grid table; ``widths`` in centimetres per column (else Word shares the page width)."""
    from docx.shared import Cm

    width = len(header) if header else len(rows[0])
    table = doc.add_table(rows=0, cols=width)
    table.style = "Table Grid"
    for column, cm in zip(table.columns, widths, strict=False):
        column.width = Cm(cm)
    if header:
        cells = table.add_row().cells
        for cell, value in zip(cells, header, strict=True):
            cell.text = ""
            cell.paragraphs[0].add_run(_text(value)).bold = True
    for row in rows:
        for cell, value in zip(table.add_row().cells, row, strict=True):
            cell.text = _text(value)
    for column, cm in zip(table.columns, widths, strict=False):
        for cell in column.cells:
            cell.width = Cm(cm)  # Word reads the width of each cell, LibreOffice that of the column


def _picture(doc: Document, c: Ctx, png: bytes | None) -> None:
    from docx.image.image import Image
    from docx.shared import Cm

    if png is None:
        doc.add_paragraph(c.wp("diagram_missing"))
        return
    image = Image.from_blob(png)
    tall = image.px_height / max(image.px_width, 1) > _HEIGHT_CM / _WIDTH_CM
    size = {"height": Cm(_HEIGHT_CM)} if tall else {"width": Cm(_WIDTH_CM)}
    doc.add_picture(io.BytesIO(png), **size)


def _process(doc: Document, c: Ctx, p: Process, pictures: Mapping[str, bytes]) -> None:
    code = f"{p.code} " if p.code else ""
    doc.add_heading(_text(code + c.p(p.name)), level=2)
    review = p.review
    facts = [(c.wp("process_owner"), c.plain_name(p.owner, "body") if p.owner else ""),
             (c.wp("purpose"), c.p(p.purpose)),
             (c.wp("version"), review.version or "" if review else ""),
             (c.wp("approved"), c.date(review.approved) if review else ""),
             (c.wp("next_review"), c.date(review.next_review) if review else "")]
    _facts(doc, [f for f in facts if f[1]])
    if c.later_than_system(review):
        doc.add_paragraph(f"{c.wp('approved_after_system')}: {c.approval_line(c.system.approval)}")
    if p.is_stub:
        return
    _picture(doc, c, pictures.get(diagram_path("flow", p.process)))
    doc.add_heading(c.wp("steps"), level=3)
    _table(doc, ["#", c.wp("step"), c.wp("kind"), c.wp("role"), "PDCA"],
           [[str(i), c.p(s.label) if s.label else (c.plain_name(s.call, "process") if s.call else s.id),
             c.wp(f"kind_{s.kind}"), c.plain_name(s.lane, "body") if s.lane else "", s.pdca or ""]
            for i, s in enumerate(p.steps, 1)], widths=(1.0, 7.0, 3.0, 3.5, 1.5))
    if p.measures:
        doc.add_heading(c.wp("measures"), level=3)
        _table(doc, [c.wp("measure"), c.wp("target"), c.wp("source"), c.wp("frequency"), c.wp("owner")],
               [[c.p(m.name), m.target or "", c.p(m.source), c.p(m.frequency),
                 c.plain_name(m.owner, "body") if m.owner else ""] for m in p.measures])
    if p.documents:
        doc.add_heading(c.wp("documents"), level=3)
        _table(doc, [c.wp("name"), c.wp("type"), c.wp("owner"), c.wp("version")],
               [[c.p(d.name), d.type, c.plain_name(d.owner, "body") if d.owner else "", d.version or ""]
                for d in p.documents])


def _plan(doc: Document, c: Ctx) -> None:
    plan = c.system.development_plan
    if plan is None:
        return
    doc.add_heading(c.wp("development_plan"), level=1)
    doc.add_paragraph(_text(c.p(plan.name)))
    if plan.actions:
        _table(doc, [c.wp("action"), c.wp("name"), c.wp("action_owner"), c.wp("due"), c.wp("status")],
               [[a.id, c.p(a.name), c.plain_name(a.owner, "body") if a.owner else "", c.date(a.due),
                 c.wp(f"status_{a.status}")] for a in plan.actions])
