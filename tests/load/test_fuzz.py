"""Random mutations of a valid system never raise out of ``load()`` and never end the CLI in a traceback."""

from __future__ import annotations

import re
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path

from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from qms.cli import cli
from qms.errors import Problem
from qms.load import load

BASE = Path(__file__).parent / "newcomer"
FILES = ("system.yaml", "processes/poikkeamat.yaml")
TEXTS = {name: (BASE / name).read_text(encoding="utf-8") for name in FILES}
DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
NUMBER = re.compile(r"(?<![\w-])\d+(?![\w-])")
KEY = re.compile(r"^(\s*-?\s*)([a-z_]+):", re.MULTILINE)

Mutation = Callable[[str], str]


def _nth(pattern: re.Pattern[str], text: str, n: int) -> re.Match[str] | None:
    found = list(pattern.finditer(text))
    return found[n % len(found)] if found else None


def _replace(pattern: re.Pattern[str], n: int, new: str, group: int = 0) -> Mutation:
    def mutate(text: str) -> str:
        m = _nth(pattern, text, n)
        return text if m is None else text[: m.start(group)] + new + text[m.end(group) :]
    return mutate


def _at(fraction: float, edit: Callable[[str, int], str]) -> Mutation:
    return lambda text: edit(text, int(fraction * len(text)))


def _line(fraction: float, edit: Callable[[list[str], int], list[str]]) -> Mutation:
    def mutate(text: str) -> str:
        lines = text.split("\n")
        return "\n".join(edit(lines, int(fraction * (len(lines) - 1))))
    return mutate


index = st.integers(min_value=0, max_value=400)
where = st.floats(min_value=0, max_value=1)
word = st.text(min_size=0, max_size=12)
mutations = st.one_of(
    # dates: possible and impossible ones, and datetimes
    st.builds(lambda n, y, m, d: _replace(DATE, n, f"{y:04d}-{m:02d}-{d:02d}"), index,
              st.integers(0, 9999), st.integers(0, 99), st.integers(0, 99)),
    st.builds(lambda n: _replace(DATE, n, "2026-11-30T25:61:00"), index),
    # numbers: other numbers, words, huge ones
    st.builds(lambda n, new: _replace(NUMBER, n, new), index,
              st.one_of(word, st.integers().map(str), st.just("1e999"), st.just(".nan"))),
    # keys: renamed
    st.builds(lambda n, new: _replace(KEY, n, new, 2), index, word),
    # indentation: a line moved right or left
    st.builds(lambda f, k: _line(f, lambda ls, i: [*ls[:i], " " * k + ls[i].lstrip(), *ls[i + 1 :]]),
              where, st.integers(0, 7)),
    st.builds(lambda f: _line(f, lambda ls, i: [*ls[:i], "\t" + ls[i], *ls[i + 1 :]]), where),
    # lines: dropped or doubled
    st.builds(lambda f: _line(f, lambda ls, i: [*ls[:i], *ls[i + 1 :]]), where),
    st.builds(lambda f: _line(f, lambda ls, i: [*ls[: i + 1], *ls[i:]]), where),
    # characters: any Unicode (control characters and surrogates' neighbours included) inserted
    st.builds(lambda f, s: _at(f, lambda t, i: t[:i] + s + t[i:]), where, st.text(min_size=1, max_size=4)),
    st.builds(lambda f, c: _at(f, lambda t, i: t[:i] + c + t[i:]), where, st.sampled_from(list("[]{}:,'\"&*!|>%@`#-?"))),
    # truncation
    st.builds(lambda f: _at(f, lambda t, i: t[:i]), where),
)
cases = st.tuples(st.sampled_from(FILES), st.lists(mutations, min_size=1, max_size=3))


def _mutated(folder: Path, name: str, changes: list[Mutation]) -> None:
    shutil.copytree(BASE, folder)
    text = TEXTS[name]
    for change in changes:
        text = change(text)
    (folder / name).write_bytes(text.encode("utf-8", "surrogatepass"))


# A case writes a system folder and loads it: a few milliseconds; 150 keep `make test` fast.
@settings(max_examples=150, deadline=None)
@given(cases)
def test_load_never_raises(case: tuple[str, list[Mutation]]) -> None:
    name, changes = case
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "jedu"
        _mutated(folder, name, changes)
        result = load(folder)
        for problem in result.problems:
            assert isinstance(problem, Problem)
            assert problem.location.file and problem.message
            assert "Traceback" not in problem.message and "datetime." not in problem.message


# Through the CLI a case also runs every rule and qms fmt: 40 keep the whole test under ten seconds.
@settings(max_examples=40, deadline=None)
@given(cases)
def test_check_and_fmt_never_print_a_traceback(case: tuple[str, list[Mutation]]) -> None:
    name, changes = case
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "jedu"
        _mutated(folder, name, changes)
        for command in (["check", str(folder), "--format", "json"], ["fmt", "--check", str(folder)]):
            result = CliRunner().invoke(cli, command)
            assert "Traceback" not in result.output
            assert result.exit_code in (0, 1, 2), result.output
