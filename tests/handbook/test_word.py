"""The Word copy, opened with python-docx: headings, table of contents, pictures, tables, stable bytes."""

from __future__ import annotations

import io
import re
import shutil
import struct
import subprocess
import zlib
from pathlib import Path

import docx
import pytest
from docx.document import Document

from qms.handbook.paths import diagram_path
from qms.handbook.publish import word_copy
from qms.handbook.word import to_docx, word_diagrams
from qms.model import QualitySystem


def _png(width: int, height: int) -> bytes:
    """A white RGB PNG of the given size."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    rows = b"".join(b"\x00" + b"\xff\xff\xff" * width for _ in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b"")


PNG = _png(40, 20)


@pytest.fixture
def hostile_docx(hostile: QualitySystem) -> tuple[bytes, Document]:
    pictures = dict.fromkeys(word_diagrams(hostile), PNG)
    data = to_docx(hostile, lang="fi", pictures=pictures)
    return data, docx.Document(io.BytesIO(data))


def _headings(doc: Document) -> list[tuple[str, str]]:
    return [(p.style.name, p.text) for p in doc.paragraphs if p.style is not None
            and p.style.name is not None and (p.style.name.startswith("Heading") or p.style.name == "Title")]


def test_headings_are_words_own_and_names_stay_text(hostile: QualitySystem,
                                                    hostile_docx: tuple[bytes, Document]) -> None:
    _, doc = hostile_docx
    heads = _headings(doc)
    assert heads[0] == ("Title", "Koulutuskeskus <img src=x onerror=alert(2)>")
    level2 = [text for style, text in heads if style == "Heading 2"]
    assert len(level2) == len(hostile.processes)
    assert any(text.endswith("<script>alert(1)</script>") for text in level2)
    assert ("Heading 1", "Prosessikartta") in heads
    assert ("Heading 1", "Kehittämissuunnitelma") in heads


def test_table_of_contents_is_a_field_word_fills_in(hostile_docx: tuple[bytes, Document]) -> None:
    _, doc = hostile_docx
    body = doc.element.body.xml
    assert 'TOC \\o "1-3" \\h \\z \\u' in body
    assert 'w:fldCharType="begin"' in body and 'w:dirty="true"' in body


def test_every_diagram_is_a_picture_and_steps_are_tables(hostile: QualitySystem,
                                                         hostile_docx: tuple[bytes, Document]) -> None:
    _, doc = hostile_docx
    described = [p for p in hostile.processes if not p.is_stub]
    assert len(doc.inline_shapes) == 1 + len(described)  # the map and each flow
    step_tables = [t for t in doc.tables if t.rows[0].cells[0].text == "#"]
    assert [len(t.rows) - 1 for t in step_tables] == [len(p.steps) for p in described]


def test_approval_in_the_front_matter() -> None:
    system = QualitySystem.model_validate({
        "system": "s", "name": "S", "as_of": "2026-03-01", "provider": {"id": "p", "name": "P"},
        "roles": [{"id": "hallitus", "name": "Hallitus"}],
        "approval": {"version": "2026.1", "approved_by": "hallitus", "approved": "2026-01-20",
                     "next_review": "2027-01-20", "history": [{"version": "2025", "approved_by": "hallitus",
                                                               "approved": "2025-01-15"}]},
        "processes": [{"process": "a", "name": "A", "category": "core",
                       "review": {"version": "4", "approved": "2026-02-15"}}]})
    doc = docx.Document(io.BytesIO(to_docx(system, lang="en", pictures={})))
    front = [[c.text for c in row.cells] for row in doc.tables[0].rows]
    assert front[:4] == [["Version", "2026.1"], ["Approved", "20 January 2026"], ["Approved by", "Hallitus"],
                         ["Next review", "20 January 2027"]]
    assert doc.core_properties.version == "2026.1"
    assert [[c.text for c in row.cells] for row in doc.tables[1].rows] == [
        ["Version", "Approved", "Approved by"], ["2025", "15 January 2025", "Hallitus"]]
    text = "\n".join(p.text for p in doc.paragraphs)
    assert "This process was approved after the quality system as a whole: Version 2026.1" in text
    assert "The diagram could not be drawn for this build" in text  # no picture given: a note instead


def test_a_tall_picture_fits_the_page_height(hostile: QualitySystem) -> None:
    tall = {p: _png(10, 60) for p in word_diagrams(hostile)}
    doc = docx.Document(io.BytesIO(to_docx(hostile, lang="fi", pictures=tall)))
    assert {round(s.height.cm) for s in doc.inline_shapes} == {22}
    assert all(s.width.cm < 16 for s in doc.inline_shapes)


def test_same_model_same_bytes(hostile: QualitySystem, hostile_docx: tuple[bytes, Document]) -> None:
    data, _ = hostile_docx
    assert to_docx(hostile, lang="fi", pictures=dict.fromkeys(word_diagrams(hostile), PNG)) == data


@pytest.mark.needs_dot
def test_word_copy_draws_the_diagrams_as_png(hostile: QualitySystem) -> None:
    doc = docx.Document(io.BytesIO(word_copy(hostile, lang="en")))
    blobs = [doc.part.related_parts[s._inline.graphic.graphicData.pic.blipFill.blip.embed].blob
             for s in doc.inline_shapes]
    assert blobs and all(b.startswith(b"\x89PNG") for b in blobs)
    assert diagram_path("map") in word_diagrams(hostile)


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("soffice") is None,
                    reason="LibreOffice is not installed: `make test` installs it (make office-deps)")
def test_libreoffice_prints_the_word_copy(hostile: QualitySystem, tmp_path: Path) -> None:
    source = tmp_path / "handbook.docx"
    source.write_bytes(to_docx(hostile, lang="fi", pictures=dict.fromkeys(word_diagrams(hostile), PNG)))
    done = subprocess.run(["soffice", "--headless", f"-env:UserInstallation={(tmp_path / 'lo').as_uri()}",
                           "--convert-to", "pdf", "--outdir", str(tmp_path), str(source)],
                          capture_output=True, timeout=300, check=False)
    pdf = tmp_path / "handbook.pdf"
    assert done.returncode == 0 and pdf.is_file(), done.stderr
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF") and len(re.findall(rb"/Type\s*/Page\b", data)) >= 2
