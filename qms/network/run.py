"""The network's commands as library calls: check a network, compare systems or a network's members."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from qms.errors import Problem
from qms.location import SourceLocation
from qms.network.check import check_network
from qms.network.compare import Comparison, compare
from qms.network.load import NetworkFile, is_network, read_network
from qms.network.members import Member, summarise_all

__all__ = ["NetworkRun", "check_network_path", "compare_paths", "run_network"]


@dataclass
class NetworkRun:
    """A read network, its members' summaries and every problem found on the way."""

    file: NetworkFile
    members: list[Member] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    @property
    def loaded(self) -> list[Member]:
        """The members that loaded, first of each id."""
        return _first_of_each(self.members)


def _first_of_each(members: Sequence[Member]) -> list[Member]:
    """The members that loaded, the first of each id, in order."""
    seen: set[str] = set()
    out = []
    for m in members:
        if m.ok and m.id not in seen:
            seen.add(m.id)
            out.append(m)
    return out


def run_network(path: str | Path, *, with_coverage: bool = True, keep_models: bool = False,
                jobs: int | None = None, members: Sequence[Member] | None = None) -> NetworkRun:
    """Read the network at ``path``, summarise its members (unless given) and check the network."""
    net = read_network(path)
    run = NetworkRun(net)
    if net.network is None:
        run.problems = list(net.problems)
        return run
    run.members = list(members) if members is not None else summarise_all(
        net.member_paths(), with_coverage=with_coverage, keep_models=keep_models, jobs=jobs)
    run.problems = check_network(net, run.members)
    return run


def _duplicates(members: Sequence[Member]) -> list[Problem]:
    seen: dict[str, str] = {}
    problems = []
    for m in members:
        if not m.ok:
            continue
        if m.id in seen:
            problems.append(Problem(SourceLocation(m.path), f"two systems have the id '{m.id}' ({seen[m.id]} and {m.path})",
                                    "compare different systems, or give one its own `system:` id", rule="network"))
        seen.setdefault(m.id, m.path)
    return problems


def compare_paths(paths: Sequence[str], *, merge: bool = False, jobs: int | None = None
                  ) -> tuple[Comparison | None, list[Problem]]:
    """Compare one network folder, or system folders given one by one.

    Returns the comparison (None when nothing could be compared) and the problems: those of
    members that did not load, and of the network's mapping.
    """
    networks = [p for p in paths if is_network(p)]
    if networks and len(paths) > 1:
        return None, [Problem(SourceLocation(networks[0]), "a network is compared on its own",
                              "give one network folder, or system folders only")]
    if networks:
        run = run_network(networks[0], keep_models=merge, jobs=jobs)
        if run.file.network is None:
            return None, run.problems
        return compare(run.loaded, run.file.network, merge=merge), run.problems
    members = summarise_all(list(paths), keep_models=merge, jobs=jobs)
    problems = [p for m in members if not m.ok for p in m.problems if p.severity == "error"]
    problems += _duplicates(members)
    unique = _first_of_each(members)
    return (compare(unique, None, merge=merge) if unique else None), problems


def check_network_path(path: str | Path) -> list[Problem]:
    """``qms check NETWORK``: the network file, its members (each must load) and its mapping.

    A member's own findings come from ``qms check MEMBER``; here only what the network needs.
    """
    return run_network(path, with_coverage=False).problems
