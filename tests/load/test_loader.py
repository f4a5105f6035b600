"""Loader tests: every broken input gives exact messages at exact positions, all at once."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from qms.load import load

HERE = Path(__file__).parent
BROKEN = sorted((HERE / "broken").glob("*.yaml"))
EXPECT = re.compile(r"^# expect: (\d+):(\d+) (\w+): (.*)$")


def _expected(path: Path) -> list[tuple[int, int, str, str]]:
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        m = EXPECT.match(line)
        if m:
            out.append((int(m[1]), int(m[2]), m[3], m[4]))
    return sorted(out)


def _actual(path: Path) -> list[tuple[int, int, str, str]]:
    result = load(path)
    assert result.problems, f"{path.name}: expected problems, got none"
    got = []
    for p in result.problems:
        text = p.message + (f" ({p.hint})" if p.hint else "")
        got.append((p.location.line, p.location.column, p.severity, text))
    return sorted(got)


@pytest.mark.parametrize("path", BROKEN, ids=[p.stem for p in BROKEN])
def test_broken_file(path: Path) -> None:
    expected = _expected(path)
    assert expected, f"{path.name} has no '# expect:' header"
    assert _actual(path) == expected


def test_broken_system_reports_all_problems_together() -> None:
    root = HERE / "systems" / "refs"
    expected = _expected(root / "processes" / "a.yaml")
    result = load(root)
    assert result.system is not None
    assert _actual(root) == expected
    assert all(p.location.file.endswith("processes/a.yaml") for p in result.problems)


def test_valid_single_process_has_positions(tmp_path: Path) -> None:
    f = tmp_path / "p.yaml"
    f.write_text(
        "process: p\nname: P\ncategory: core\nsteps:\n  - {id: a, start: A}\n  - {id: b, end: B}\nflow:\n  - a -> b\n",
        encoding="utf-8",
    )
    result = load(f)
    assert result.ok and result.standalone
    p = result.system.processes[0]
    assert (p.steps[1].loc.line, p.steps[1].loc.column) == (6, 5)
    assert (p.flow[0].loc.line, p.flow[0].loc.column) == (8, 5)
    assert p.steps[1].where("end").column == 18


def _one(path: Path) -> str:
    result = load(path)
    assert result.system is None or not result.ok
    assert len(result.problems) == 1, result.problems
    return result.problems[0].format()


def test_not_utf8(tmp_path: Path) -> None:
    f = tmp_path / "latin1.yaml"
    f.write_bytes("process: p\nname: Hyv\u00e4ksynt\u00e4\n".encode("latin-1"))
    assert _one(f).endswith("latin1.yaml:2:10: error: file is not UTF-8 (byte 0xe4) (save the file as UTF-8 in your editor)")


def test_binary_garbage(tmp_path: Path) -> None:
    f = tmp_path / "garbage.yaml"
    f.write_bytes(bytes(range(256)) * 4)
    assert _one(f).endswith("garbage.yaml:1:1: error: file is binary, not a YAML text file (check the file name and its content)")


def test_alias_bomb(tmp_path: Path) -> None:
    lines = ["a: &a [x, x, x, x, x, x, x, x, x]"]
    for prev, name in zip("abcdefgh", "bcdefghi", strict=True):
        lines.append(f"{name}: &{name} [" + ", ".join([f"*{prev}"] * 9) + "]")
    f = tmp_path / "bomb.yaml"
    f.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert _one(f).endswith(
        "bomb.yaml:1:1: error: YAML aliases expand to too many elements (alias bomb?) "
        "(write the content out instead of nesting aliases)"
    )


def test_huge_file(tmp_path: Path) -> None:
    f = tmp_path / "huge.yaml"
    with f.open("wb") as handle:
        handle.write(b"process: p\nname: P\ncategory: core\ndescription: |\n")
        chunk = b"  " + b"x" * 1000 + b"\n"
        for _ in range(50 * 1024):
            handle.write(chunk)
    assert _one(f).endswith("huge.yaml:1:1: error: file is 49.0 MB, more than the 32 MB limit "
                            "(split the description into several process files)")


def test_folder_without_system_yaml(tmp_path: Path) -> None:
    assert _one(tmp_path).endswith(
        ": error: folder has no system.yaml (a system folder holds system.yaml and processes/*.yaml; "
        "create one with `qms new system DIR`)"
    )


def test_path_does_not_exist(tmp_path: Path) -> None:
    assert _one(tmp_path / "nothing").endswith("nothing: error: path does not exist (check the spelling)")


def test_duplicate_process_ids_across_files(tmp_path: Path) -> None:
    (tmp_path / "processes").mkdir()
    (tmp_path / "system.yaml").write_text("system: s\nname: S\nprovider: {id: s, name: S}\n", encoding="utf-8")
    for name in ("a", "b"):
        (tmp_path / "processes" / f"{name}.yaml").write_text("process: x\nname: X\ncategory: core\n", encoding="utf-8")
    problems = load(tmp_path).problems
    assert [p.message for p in problems] == ["duplicate process id 'x'"]
    assert problems[0].location.file.endswith("b.yaml") and problems[0].location.line == 1


def test_nfd_text_is_normalised(tmp_path: Path) -> None:
    import unicodedata

    f = tmp_path / "nfd.yaml"
    name = unicodedata.normalize("NFD", "Hyväksyntä")
    f.write_text(f"process: p\nname: {name}\ncategory: core\n", encoding="utf-8")
    assert load(f).system.processes[0].name == "Hyväksyntä"


def test_yes_is_a_word_not_a_boolean(tmp_path: Path) -> None:
    f = tmp_path / "p.yaml"
    f.write_text(
        "process: p\nname: P\ncategory: core\nsteps:\n  - {id: d, decision: Ok?}\n  - {id: x, end: X}\n"
        "flow:\n  - d -> x: yes\n",
        encoding="utf-8",
    )
    assert load(f).system.processes[0].flow[0].label == "yes"
