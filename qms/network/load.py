"""Read ``network.yaml``: the network model with its source map, and its members' folders."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import ValidationError

from qms.errors import Problem
from qms.load.messages import translate
from qms.load.yaml_reader import SourceMap, parse_text, read_file
from qms.location import SourceLocation
from qms.network.model import Network

__all__ = ["NETWORK_FILE", "NetworkFile", "is_network", "read_network"]

NETWORK_FILE = "network.yaml"


def is_network(path: str | Path) -> bool:
    """True when ``path`` is a network folder or its ``network.yaml``."""
    p = Path(path)
    return (p.is_dir() and (p / NETWORK_FILE).is_file()) or (p.name == NETWORK_FILE and p.is_file())


@dataclass
class NetworkFile:
    """A read ``network.yaml``: the model (None when it did not validate), problems and positions."""

    path: Path
    network: Network | None
    smap: SourceMap | None
    problems: list[Problem] = field(default_factory=list)

    @property
    def root(self) -> Path:
        """The folder of ``network.yaml``; member paths are relative to it."""
        return self.path.parent

    def where(self, *path: str | int, key: bool = False) -> SourceLocation:
        """The position of a YAML path of the file (the file itself when unknown)."""
        if self.smap is None:
            return SourceLocation(str(self.path))
        return self.smap.locate(tuple(path), key=key)

    def member_paths(self) -> list[Path]:
        """The member folders, resolved against the network's folder, in the file's order."""
        return [Path(os.path.normpath(self.root / m)) for m in self.network.members] if self.network else []


def _shown(path: Path) -> str:
    try:
        return path.relative_to(Path.cwd()).as_posix()
    except ValueError:
        return str(path)


def read_network(path: str | Path) -> NetworkFile:
    """Read and validate ``network.yaml``; never raises for bad input.

    Parameters
    ----------
    path
        A network folder or its ``network.yaml``.
    """
    file = Path(path)
    file = file / NETWORK_FILE if file.is_dir() else file
    shown = _shown(file.absolute()) if file.is_absolute() else file.as_posix()
    text, problems = read_file(file, shown)
    if text is None:
        return NetworkFile(file, None, None, problems)
    parsed, problems = parse_text(text, shown)
    if parsed is None:
        return NetworkFile(file, None, None, problems)
    smap = parsed.source_map
    if not isinstance(parsed.data, dict):
        return NetworkFile(file, None, smap, [Problem(smap.locate(()), "expected a mapping of keys",
                                                        "start with `network: <id>`")])
    try:
        network = Network.model_validate(parsed.data)
    except ValidationError as exc:
        return NetworkFile(file, None, smap, problems + translate(exc, Network, smap))
    return NetworkFile(file, network, smap, problems)
