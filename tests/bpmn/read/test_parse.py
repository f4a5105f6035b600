"""Hardened parsing: a DOCTYPE, a file over the limit and malformed XML are located errors."""

from __future__ import annotations

import pytest

from qms.bpmn.read.parse import check_size, parse
from qms.bpmn.tags import BPMN
from qms.errors import UserError

GOOD = f'<definitions xmlns="{BPMN}" id="d" targetNamespace="urn:x"/>'.encode()


def test_a_bpmn_root_parses() -> None:
    assert parse(GOOD).tag == f"{{{BPMN}}}definitions"


@pytest.mark.parametrize(("data", "said"), [
    (b'<?xml version="1.0"?>\n<!DOCTYPE x [<!ENTITY a "b">]>' + GOOD, "DOCTYPE or an ENTITY"),
    (GOOD.replace(b"/>", b">"), "not well-formed XML"),
    (b'<definitions xmlns="urn:other"/>', "not a BPMN 2.0 file"),
])
def test_what_is_not_safe_bpmn_is_a_located_error(data: bytes, said: str) -> None:
    with pytest.raises(UserError) as err:
        parse(data, "f.bpmn")
    (problem,) = err.value.problems
    assert said in problem.message and problem.location.file == "f.bpmn" and problem.location.line >= 1


def test_a_file_over_the_limit_is_refused_before_parsing() -> None:
    with pytest.raises(UserError, match="more than the limit"):
        check_size(3 * 2**20, "big.bpmn", max_bytes=2**20)
    check_size(2**20, "ok.bpmn", max_bytes=2**20)
