"""Which version of each framework applies to a system."""

from __future__ import annotations

import datetime as dt

from qms.check.criteria import criterion
from qms.check.versions import applied_versions
from qms.model import Provider, QualitySystem


def _system(as_of: str | None, **checks: object) -> QualitySystem:
    provider = Provider(id="p", name="P", frameworks=checks.pop("named", []))  # type: ignore[arg-type]
    return QualitySystem(system="s", name="S", provider=provider, as_of=as_of, checks=checks)  # type: ignore[arg-type]


def test_the_newest_version_in_force_applies() -> None:
    applied = applied_versions(_system("2016-06-01"))
    assert applied["ISO"].version.id == "9001:2015"  # type: ignore[union-attr]
    assert applied["FI-LAW"].version.id == "630/1998"  # type: ignore[union-attr]
    assert all(a.in_force for fid, a in applied.items() if fid != "CAF")


def test_the_date_given_overrides_as_of() -> None:
    assert applied_versions(_system("2026-03-01"), dt.date(2013, 1, 31))["ISO"].version.id == "9001:2008"  # type: ignore[union-attr]


def test_without_a_date_the_newest_version_is_taken() -> None:
    assert applied_versions(_system(None))["EQAVET"].version.id == "2020"  # type: ignore[union-attr]


def test_an_optional_framework_applies_only_when_the_provider_names_it() -> None:
    assert not applied_versions(_system("2026-03-01"))["CAF"].in_force
    named = applied_versions(_system("2026-03-01", named=["CAF 2020"]))["CAF"]
    assert named.in_force and named.version.id == "2020"  # type: ignore[union-attr]


def test_a_pin_chooses_the_version_and_off_switches_a_framework_off() -> None:
    applied = applied_versions(_system("2017-06-01", frameworks={"ISO": "9001:2008", "EFQM": "off"}))
    assert applied["ISO"].version.id == "9001:2008" and applied["ISO"].pinned  # type: ignore[union-attr]
    assert not applied["EFQM"].in_force and applied["EFQM"].reason == "switched off in checks.frameworks"


def test_a_pin_not_in_force_applies_nothing() -> None:
    iso = applied_versions(_system("2014-03-01", frameworks={"ISO": "9001:2015"}))["ISO"]
    assert not iso.in_force and "2014-03-01" in iso.reason
    assert iso.ref(criterion("ISO-9.2")) is None  # type: ignore[arg-type]


def test_ref_is_the_passage_of_the_applied_version() -> None:
    applied = applied_versions(_system("2014-03-01"))
    assert applied["ISO"].ref(criterion("ISO-9.2")) == "ISO 9001:2008 8.2.2"  # type: ignore[arg-type]
    assert applied["ISO"].ref(criterion("ISO-4.4-f")) is None  # type: ignore[arg-type]
    assert applied["FI-LAW"].ref(criterion("FI-LAW-2")) is None  # type: ignore[arg-type]
