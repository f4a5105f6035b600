"""The strict base model: equal models hash alike, locations take no part, typos fail."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from qms.location import SourceLocation
from qms.model import Process, Role


def test_equal_models_have_equal_hashes_and_meet_in_a_set() -> None:
    a, b = Role(id="x", name="X"), Role(id="x", name="X")
    assert a == b
    assert hash(a) == hash(b)
    assert len({a, b}) == 1
    assert Role(id="x", name="Y") != a


def test_models_with_lists_hash_and_differ_by_their_lists() -> None:
    base = {"process": "p", "name": "P", "category": "core", "steps": [{"id": "a", "task": "A"}]}
    one, two = Process.model_validate(base), Process.model_validate(base)
    other = Process.model_validate({**base, "steps": [{"id": "b", "task": "B"}]})
    assert {one: 1}[two] == 1
    assert one != other
    assert len({one, two, other}) == 2


def test_the_source_location_takes_no_part_in_equality() -> None:
    a, b = Role(id="x", name="X"), Role(id="x", name="X")
    a.set_source(SourceLocation("a.yaml", line=1, column=1))
    assert a == b and hash(a) == hash(b)
    assert a.loc is not None and b.loc is None


def test_an_unknown_key_is_an_error() -> None:
    with pytest.raises(ValidationError, match="ownr"):
        Role.model_validate({"id": "x", "name": "X", "ownr": "y"})
