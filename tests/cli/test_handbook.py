"""``qms handbook``: the site with its search index, --docx, --public, and clean errors."""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner

from qms.cli import cli
from tests.conftest import MODELS

pytestmark = [pytest.mark.slow, pytest.mark.needs_dot]


def test_site_search_index_and_word_copy(tmp_path: Path) -> None:
    out = tmp_path / "site"
    result = CliRunner().invoke(cli, ["handbook", str(MODELS / "sakk"), "-o", str(out), "--docx"])
    assert result.exit_code == 0, result.output
    assert (out / "index.html").is_file() and (out / "search.html").is_file()
    assert (out / "pagefind" / "pagefind.js").is_file()
    assert f"{out / 'handbook.docx'}\n" in result.output
    document = docx.Document(io.BytesIO((out / "handbook.docx").read_bytes()))
    assert document.inline_shapes and document.tables


def test_no_search(tmp_path: Path) -> None:
    out = tmp_path / "site"
    result = CliRunner().invoke(cli, ["handbook", str(MODELS / "sakk"), "-o", str(out), "--no-search"])
    assert result.exit_code == 0, result.output
    assert not (out / "pagefind").exists()


def test_public_edition_leaves_out_internal_processes(tmp_path: Path) -> None:
    system = tmp_path / "sakk"
    shutil.copytree(MODELS / "sakk", system)
    first = sorted((system / "processes").glob("*.yaml"))[0]
    pid = next(line.split(":", 1)[1].strip() for line in first.read_text(encoding="utf-8").splitlines()
               if line.startswith("process:"))
    first.write_text(first.read_text(encoding="utf-8") + "internal: true\n", encoding="utf-8")
    out = tmp_path / "julkinen"
    result = CliRunner().invoke(cli, ["handbook", str(system), "-o", str(out), "--public", "--no-search"])
    assert result.exit_code == 0, result.output
    assert (out / "index.html").is_file() and not (out / "criteria.html").exists()
    assert not (out / "processes" / f"{pid}.html").exists()
    full = tmp_path / "kaikki"
    CliRunner().invoke(cli, ["handbook", str(system), "-o", str(full), "--no-search"])
    assert (full / "processes" / f"{pid}.html").is_file()


def test_a_word_copy_that_cannot_be_written_is_a_clean_error(tmp_path: Path) -> None:
    out = tmp_path / "site"
    (out / "handbook.docx").mkdir(parents=True)
    result = CliRunner().invoke(cli, ["handbook", str(MODELS / "sakk"), "-o", str(out), "--docx", "--no-search"])
    assert result.exit_code == 2
    assert f"{out / 'handbook.docx'}: error: cannot write the file: " in result.output
    assert "Traceback" not in result.output


def test_public_edition_never_keeps_pages_of_another_build(tmp_path: Path) -> None:
    system = tmp_path / "sakk"
    shutil.copytree(MODELS / "sakk", system)
    full = tmp_path / "site"
    assert CliRunner().invoke(cli, ["handbook", str(system), "-o", str(full), "--no-search"]).exit_code == 0
    refused = CliRunner().invoke(cli, ["handbook", str(system), "-o", str(full), "--public", "--no-search"])
    assert refused.exit_code == 2
    assert "holds files of another build; a public edition is written to an empty folder" in refused.output
    assert (full / "criteria.html").is_file()

    public = tmp_path / "julkinen"
    assert CliRunner().invoke(cli, ["handbook", str(system), "-o", str(public), "--public", "--no-search"]).exit_code == 0
    first = sorted((system / "processes").glob("*.yaml"))[0]
    pid = next(line.split(":", 1)[1].strip() for line in first.read_text(encoding="utf-8").splitlines()
               if line.startswith("process:"))
    assert (public / "processes" / f"{pid}.html").is_file()
    first.write_text(first.read_text(encoding="utf-8") + "internal: true\n", encoding="utf-8")
    again = CliRunner().invoke(cli, ["handbook", str(system), "-o", str(public), "--public", "--no-search"])
    assert again.exit_code == 0, again.output
    assert not (public / "processes" / f"{pid}.html").exists()
