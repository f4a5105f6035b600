"""The network's site: the comparison report beside each member's handbook, rebuilt from cached summaries."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from qms import __version__
from qms.errors import Problem
from qms.files import write_atomic
from qms.network.compare import compare
from qms.network.members import Member, fingerprint, member_from_dict, member_to_dict, summarise_all
from qms.network.output import format_comparison
from qms.network.run import NetworkRun, run_network

__all__ = ["CACHE_FILE", "NetworkSite", "build_network", "build_network_site"]

CACHE_FILE = ".qms-network-cache.json"

#: Builds one member's handbook into a folder (``qms.build.build`` in the command line).
MemberBuilder = Callable[[Path, Path], Any]


@dataclass
class NetworkSite:
    """What a network build made: the run, the summaries made again (not from the cache), the members built."""

    run: NetworkRun
    summarised: list[str] = field(default_factory=list)
    built: dict[str, Any] = field(default_factory=dict)
    index: Path | None = None

    @property
    def problems(self) -> list[Problem]:
        """Problems of the network and its members."""
        return self.run.problems


def _read_cache(out: Path) -> dict[str, Any]:
    try:
        data = json.loads((out / CACHE_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(data, dict) or data.get("version") != __version__:
        return {}
    members = data.get("members")
    return members if isinstance(members, dict) else {}


def _summaries(paths: list[Path], out: Path, jobs: int | None) -> tuple[list[Member], list[str], dict[str, Any]]:
    """The members' summaries: from the cache where a member's files are unchanged, else made again."""
    cache = _read_cache(out)
    prints = [fingerprint(p) for p in paths]
    members: dict[int, Member] = {}
    todo = []
    for i, (path, mark) in enumerate(zip(paths, prints, strict=True)):
        hit = cache.get(str(path))
        if isinstance(hit, dict) and hit.get("fingerprint") == mark:
            members[i] = member_from_dict(hit["summary"])
        else:
            todo.append(i)
    fresh = summarise_all([paths[i] for i in todo], jobs=jobs)
    members.update(zip(todo, fresh, strict=True))
    ordered = [members[i] for i in range(len(paths))]
    entries = {str(p): {"fingerprint": mark, "summary": member_to_dict(m)}
               for p, mark, m in zip(paths, prints, ordered, strict=True)}
    return ordered, [str(paths[i]) for i in todo], entries


def build_network_site(path: str | Path, out: str | Path, *, jobs: int | None = None,
                       links: Iterable[str] = ()) -> NetworkSite:
    """Write the comparison site of the network at ``path`` into ``out`` (``index.html``, ``network.json``).

    Members whose files did not change since the last build come from ``out``'s cache, so
    after one edit only that member is loaded and checked again. ``links`` are the ids of
    members whose handbook is in ``out/<id>/``.
    """
    target = Path(out)
    net_run = run_network(path, members=[])
    site = NetworkSite(net_run)
    if net_run.file.network is None:
        return site
    members, site.summarised, entries = _summaries(net_run.file.member_paths(), target, jobs)
    site.run = run_network(path, members=members)
    comparison = compare(site.run.loaded, net_run.file.network)
    hrefs = {i: f"{i}/index.html" for i in links}
    target.mkdir(parents=True, exist_ok=True)
    write_atomic(target / "index.html", format_comparison("html", comparison, links=hrefs))
    write_atomic(target / "network.json", format_comparison("json", comparison))
    write_atomic(target / CACHE_FILE, json.dumps({"version": __version__, "members": entries}, ensure_ascii=False,
                                                 sort_keys=True))
    site.index = target / "index.html"
    return site


def build_network(path: str | Path, out: str | Path, member_builder: MemberBuilder, *,
                  jobs: int | None = None) -> NetworkSite:
    """Build every member's handbook into ``out/<member id>/`` with ``member_builder``, then the network's site."""
    target = Path(out)
    first = build_network_site(path, target, jobs=jobs)
    if first.run.file.network is None:
        return first
    built = {m.id: member_builder(Path(m.path), target / m.id) for m in first.run.loaded}
    handbooks = [i for i in built if (target / i / "index.html").is_file()]
    site = build_network_site(path, target, jobs=jobs, links=handbooks)
    site.built = built
    return site
