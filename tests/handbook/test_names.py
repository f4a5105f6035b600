"""Safe and collision-free file names."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from qms.handbook.names import file_stem, safe_relpath

ids = st.from_regex(r"\A[A-Za-z_][A-Za-z0-9_.-]{0,12}\Z")


def test_case_variants_get_distinct_names() -> None:
    assert file_stem("talous") == "talous"
    assert file_stem("Talous") == "~talous"
    assert file_stem("Talous").lower() != file_stem("talous").lower()


@given(st.lists(ids, unique=True, max_size=20))
def test_names_are_unique_ignoring_case(values: list[str]) -> None:
    stems = [file_stem(v).casefold() for v in values]
    assert len(set(stems)) == len(stems)
    for stem in stems:
        safe_relpath(f"processes/{stem}.html")


@pytest.mark.parametrize("bad", ["../x", "a/b", "", ".hidden", "a b", "ä", "x\\y", "/etc"])
def test_non_ids_cannot_name_files(bad: str) -> None:
    with pytest.raises(ValueError, match="is not an id"):
        file_stem(bad)


@pytest.mark.parametrize("name", ["con", "NUL", "aux.x", "com1", "lpt9"])
def test_windows_device_names_are_avoided(name: str) -> None:
    assert file_stem(name).split(".")[0] not in {"con", "nul", "aux", "com1", "lpt9"}


@pytest.mark.parametrize("bad", ["../a.html", "a/../../b", "/abs", "a//b", "A.html", "a\\b", "./a"])
def test_unsafe_paths_are_refused(bad: str) -> None:
    with pytest.raises(ValueError, match="not a safe relative path"):
        safe_relpath(bad)
