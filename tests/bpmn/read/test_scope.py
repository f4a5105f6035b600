"""Ids handed out while reading: kept when valid, made valid otherwise, unique per scope."""

from __future__ import annotations

from qms.bpmn.read.scope import Ids, name_id, ref


def test_ids_are_kept_when_valid_and_suffixed_when_taken() -> None:
    ids = Ids()
    assert [ids.take("a"), ids.take("a"), ids.take("a"), ids.take("x y")] == ["a", "a_2", "a_3", "x_y"]


def test_a_reference_loses_its_prefix_and_a_name_becomes_a_short_id() -> None:
    assert ref("tns:Process_1") == "Process_1" and ref(None) == ""
    assert name_id("Hyväksy hankinta") == "hyvaksy_hankinta"
