"""Which version of each framework applies to a system: the newest in force at ``as_of``, or a pin.

Why: an evaluator judges a 2013 description by the law and standards of 2013. A framework with
no version in force on that day, one switched off with ``checks.frameworks``, or an optional one
(CAF) the provider does not name, applies to nothing: its criteria are *not applicable* and the
rules that cite only them report nothing.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from qms.check.criteria import Criterion
from qms.check.i18n import Msg
from qms.model import QualitySystem
from qms.model.frameworks import FRAMEWORKS, Framework, Version

__all__ = ["Applied", "applied_versions"]


@dataclass(frozen=True, slots=True)
class Applied:
    """A framework as applied to one system: its version, whether it was in force, and why not."""

    framework: Framework
    version: Version | None
    in_force: bool
    pinned: bool = False
    reason: str = ""

    def ref(self, c: Criterion) -> str | None:
        """The reference of ``c`` in the applied version, or None when it does not apply."""
        return c.ref_in(self.version.id) if self.in_force and self.version else None


def _named(system: QualitySystem, fw: Framework) -> bool:
    return any(name.upper().startswith(fw.id) for name in system.provider.frameworks)


def applied_versions(system: QualitySystem, day: dt.date | None = None) -> dict[str, Applied]:
    """Framework id → how it applies to ``system`` on ``day`` (default: ``system.as_of``).

    Without a date the newest version of each framework is taken.

    Examples
    --------
    >>> from qms.model import Provider
    >>> s = QualitySystem(system="s", name="S", provider=Provider(id="p", name="P"), as_of="2014-03-01")
    >>> a = applied_versions(s)
    >>> a["FI-LAW"].version.id, a["ISO"].version.id, a["CAF"].in_force
    ('630/1998', '9001:2008', False)
    """
    day = day or system.as_of
    pins = system.checks.frameworks
    out: dict[str, Applied] = {}
    for fw in FRAMEWORKS:
        pin = pins.get(fw.id)
        if pin == "off":
            out[fw.id] = Applied(fw, None, False, True, Msg("switched off in checks.frameworks"))
        elif pin is not None:
            v = fw.version(pin)
            ok = v is not None and (day is None or v.applies_on(day))
            out[fw.id] = Applied(fw, v, ok, True, "" if ok else Msg("the pinned version was not in force on {day}", day=str(day)))
        elif not fw.default and not _named(system, fw):
            out[fw.id] = Applied(fw, None, False, False, Msg("not among the provider's frameworks"))
        elif day is None:
            out[fw.id] = Applied(fw, fw.versions[-1], True)
        else:
            v = fw.in_force_on(day)
            out[fw.id] = Applied(fw, v, v is not None, False, "" if v else Msg("no version was in force on {day}", day=str(day)))
    return out
