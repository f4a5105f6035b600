"""The exact findings of each example system in models/ (recommended profile), pinned.

A check that stops firing, or a new one that starts, fails here. The lists start from
example-systems.md (§1.13, §2.6, §3.4); the findings the brief does not list are marked
"beyond the brief" with the reason they stay. Every list is also checked with a clock set far
in the future: the checks must read ``as_of``, never the clock.
"""

from __future__ import annotations

import datetime as dt
import time

import pytest

from qms.check import run_checks
from qms.check.finding import Severity
from qms.load import load
from tests.conftest import MODELS

STUBS = {
    "redu": ["laadunhallinta", "palaute_poikkeamat", "strateginen_johtaminen", "tietohallinto",
             "tilat_oppimisymparistot", "tyovoimakoulutus"],
    "sakk": ["asuntola_opiskelijapalvelut", "henkilosto", "johtaminen", "opiskelijan_polku",
             "saamen_kieli_kulttuuri", "talous_hallinto"],
    "lappia": ["ammatillinen_peruskoulutus", "johtaminen", "laadunhallinta", "tukipalvelut",
               "tyossaoppiminen_naytot"],
}

EXPECTED: dict[str, list[tuple[str, str]]] = {
    "redu": [
        *[("Q001", s) for s in STUBS["redu"]],                   # 5 six stubs (info)
        ("Q108", "rekrytointi"),                                 # 1 T2 review overdue (ISO-4.4-g)
        ("Q202", "M-HR-1"),                                      # 7 47 pv > 45 pv (info)
        ("Q203", "M-TAL-3"),                                     # 8 one result period (EFQM-RADAR)
        ("Q206", ""),                                            # EQAVET-IND coverage info, expected everywhere
        ("Q306", "FB-6"),                                        # 3 open feedback loop (EQAVET-R1)
        *[("Q504", s) for s in STUBS["redu"]],                   # 6 audit programme 2024–2026 misses the stubs
        ("Q512", "KS-2025-03"),                                  # 2 action past due (FI-QMS-11)
        ("Q513", "SA-4"),                                        # 4 kehittyvä without evidence (FI-QMS-12)
    ],
    "sakk": [
        *[("Q001", s) for s in STUBS["sakk"]],                   # 5 stubs J1, P2, P4, T1–T3
        ("Q105", "tyoelama_aluepalvelut"),                       # 1 P3: no risks, no governing cycle
        ("Q202", "M-S2"), ("Q202", "M-S5"),                      # 10 below target
        *[("Q203", f"M-S{i}") for i in range(1, 6)],             # 10 two result periods at most
        ("Q204", ""),                                            # 7 no staff perception measure
        ("Q206", ""),                                            # EQAVET-IND coverage info
        ("Q410", ""),                                            # 8 no deviation-handling process
        ("Q501", ""),                                            # beyond the brief: no self-assessment yet (EQAVET-E1)
        ("Q504", ""),                                            # 4 no internal audit programme
        ("Q507", ""),                                            # 9 no external evaluation record
        ("Q508", "EA-S1"),                                       # 10 benchmarking older than one cycle
        ("Q512", "LS-3"),                                        # 2 LS-3 past due
        ("Q514", ""),                                            # 3 no maturity self-assessment (info)
    ],
    "lappia": [
        *[("Q001", s) for s in STUBS["lappia"]],                 # 4 stubs J1, J2, Y1, Y2, T1
        ("Q202", "M-L1"), ("Q202", "M-L2"), ("Q202", "M-L5"), ("Q202", "M-L6"),  # 1 below target
        *[("Q203", f"M-L{i}") for i in range(1, 8)],             # 2 one result period
        ("Q206", ""),                                            # EQAVET-IND coverage info
        ("Q208", ""),                                            # beyond the brief: no outcome measure (FI-LAW-1)
        ("Q301", "neuvottelukunta"),                             # 3 no review_date (ISO-4.2)
        ("Q401", ""),                                            # beyond the brief: no quality group (EQAVET-P4)
        ("Q405", ""),                                            # beyond the brief: no regional-impact process
        ("Q406", ""),                                            # beyond the brief: no staff-competence process
        ("Q409", ""),                                            # beyond the brief: no finance process (info)
        ("Q410", ""),                                            # 5 no deviation-handling process
        ("Q501", ""),                                            # beyond the brief: no self-assessment (EQAVET-E1)
        ("Q502", ""),                                            # beyond the brief: no publication of results
        ("Q504", ""),                                            # beyond the brief: no internal audit programme
        ("Q507", ""),                                            # 6 no external evaluation record
        ("Q514", ""),                                            # beyond the brief: no maturity self-assessment (info)
    ],
}


def _findings(name: str) -> list[tuple[str, str]]:
    folder = MODELS / name
    assert (folder / "system.yaml").is_file(), f"models/{name}/system.yaml is missing: the example must be committed"
    loaded = load(folder)
    assert [p.format() for p in loaded.problems if p.severity == "error"] == []
    findings = run_checks(loaded.system)
    assert [f for f in findings if f.severity is Severity.ERROR] == [], "an example has no error-level finding"
    return sorted((f.code, f.element or f.process) for f in findings)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_example_findings_are_pinned(name: str) -> None:
    assert _findings(name) == sorted(EXPECTED[name])


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_example_findings_do_not_depend_on_the_clock(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    class FarFuture(dt.date):
        @classmethod
        def today(cls) -> dt.date:
            return dt.date(2999, 12, 31)

    class FarFutureTime(dt.datetime):
        @classmethod
        def now(cls, tz: dt.tzinfo | None = None) -> dt.datetime:
            return dt.datetime(2999, 12, 31, tzinfo=tz)

    monkeypatch.setattr(dt, "date", FarFuture)
    monkeypatch.setattr(dt, "datetime", FarFutureTime)
    monkeypatch.setattr(time, "time", lambda: 32503593600.0)
    assert _findings(name) == sorted(EXPECTED[name])
