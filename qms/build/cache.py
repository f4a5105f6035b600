"""The build cache: content hashes of inputs and code, and ``DIR/.qms-cache.json``."""

from __future__ import annotations

import contextlib
import functools
import hashlib
import json
import shutil
import subprocess
from collections.abc import Mapping
from importlib import resources
from pathlib import Path

from qms import __version__
from qms.files import write_atomic
from qms.handbook import ALL, SYSTEM, process_dep, safe_relpath
from qms.load import LoadResult, process_files
from qms.load.loader import system_root

__all__ = ["CACHE_FILE", "Cache", "code_fingerprint", "graphviz_version", "input_files", "input_hashes",
           "read_inputs", "sha"]

#: The cache of a build folder: output path → key of its inputs and hash of its bytes.
CACHE_FILE = ".qms-cache.json"
_CACHE_VERSION = 1


def sha(*parts: bytes | str) -> str:
    h = hashlib.sha256()
    for part in parts:
        data = part.encode("utf-8") if isinstance(part, str) else part
        h.update(len(data).to_bytes(8, "big"))
        h.update(data)
    return h.hexdigest()


def input_files(path: Path) -> list[Path]:
    """The files a build of ``path`` reads: system.yaml and the process files, or one process file."""
    root = path.parent if path.name == "system.yaml" else path
    if not root.is_dir():
        found = system_root(path)  # a process file of a system folder is built with its system
        if found is None:
            return [path]
        root = found
    return [root / "system.yaml", *process_files(root)]


def read_inputs(path: Path) -> dict[Path, str]:
    """Content hash of each input file by its resolved path, read before the files are loaded.

    A file saved while the build runs (``--watch``) then gives the next build another
    key, so what this build made from the older text is made again.
    """
    hashes = {}
    for file in input_files(path):
        with contextlib.suppress(OSError):
            hashes[file.resolve()] = sha(file.read_bytes())
    return hashes


def input_hashes(result: LoadResult, read: Mapping[Path, str]) -> dict[str, str]:
    """Content hash of every input by dependency key (``system``, ``process:<id>``).

    A file that was not there when ``read`` was taken gets an empty hash, which no later
    build repeats.
    """
    system = result.system
    if system is None:
        return {}
    hashes: dict[str, str] = {}
    if result.root is not None:
        hashes[SYSTEM] = read.get((result.root / "system.yaml").resolve(), "")
    else:
        hashes[SYSTEM] = sha("")
    for p in system.processes:
        key = process_dep(p.process)
        hashes[key] = read.get(Path(p.loc.file).resolve(), "") if p.loc else sha(p.model_dump_json())
    hashes[ALL] = sha(*(f"{k}={v}" for k, v in sorted(hashes.items())))
    return hashes


#: The parts of qms each kind of output is made by: other code there, other outputs.
_CODE = {
    "check": ("check", "graph", "model", "load", "build"),
    "diagram": ("render", "graph", "model", "handbook"),
    "bpmn": ("bpmn", "graph", "model"),
    "page": ("handbook", "model", "check", "build"),
    "static": ("handbook",),
}


@functools.cache
def _package_hash(name: str) -> str:
    """A hash of one sub-package (or module) of qms: its code, templates and style sheets."""
    root = resources.files("qms") / name
    h = hashlib.sha256(name.encode())
    if root.is_file():
        h.update(root.read_bytes())
        return h.hexdigest()
    stack, files = [root], []
    while stack:
        folder = stack.pop()
        for entry in folder.iterdir():
            if entry.is_dir():
                if entry.name != "__pycache__":
                    stack.append(entry)
            elif entry.name.endswith((".py", ".html", ".css", ".yaml", ".json")):
                files.append(entry)
    for entry in sorted(files, key=str):
        h.update(str(entry.relative_to(root) if hasattr(entry, "relative_to") else entry.name).encode())
        h.update(entry.read_bytes())
    return h.hexdigest()


def code_fingerprint(kind: str) -> str:
    """The hash of the qms code that makes outputs of ``kind`` (and the qms version)."""
    return sha(__version__, *(_package_hash(name) for name in _CODE[kind]))


def graphviz_version() -> str:
    dot = shutil.which("dot")
    if dot is None:
        return "none"
    done = subprocess.run([dot, "-V"], capture_output=True, check=False)
    return done.stderr.decode("utf-8", "replace").strip()


class Cache:
    """``DIR/.qms-cache.json``: for each output, the key of its inputs and the hash of its bytes."""

    def __init__(self, out: Path) -> None:
        self.out = out
        self.path = out / CACHE_FILE
        self.old: dict[str, dict[str, str]] = {}
        self.new: dict[str, dict[str, str]] = {}
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
            if data.get("version") == _CACHE_VERSION and isinstance(data.get("outputs"), dict):
                self.old = data["outputs"]
        except (OSError, ValueError, AttributeError):
            self.old = {}

    def fresh(self, path: str, key: str) -> bool:
        """True when ``path`` was made from inputs with ``key`` and is on disk unchanged."""
        entry = self.old.get(path)
        if not entry or entry.get("key") != key:
            return False
        target = self.out / path
        try:
            ok = sha(target.read_bytes()) == entry.get("sha")
        except OSError:
            return False
        if ok:
            self.new[path] = entry
        return ok

    def write(self, path: str, key: str, data: bytes, written: list[str], *, remember: bool = True,
              content: str = "") -> None:
        """Write an output atomically; ``remember=False`` makes it stale for the next build.

        ``content`` is an optional second key: the hash of what the output is made from
        (a diagram's DOT text), checked by :meth:`fresh_content` when the inputs changed.
        """
        safe_relpath(path)
        write_atomic(self.out / path, data)
        self.new[path] = {"key": key if remember else "", "sha": sha(data)}
        if content:
            self.new[path]["content"] = content
        written.append(path)

    def fresh_content(self, path: str, content: str) -> bool:
        """True when ``path`` was made from the same content and is on disk unchanged."""
        entry = self.old.get(path)
        if not entry or entry.get("content") != content:
            return False
        try:
            return sha((self.out / path).read_bytes()) == entry.get("sha")
        except OSError:
            return False

    def remember(self, path: str, key: str, content: str) -> None:
        """Keep an unchanged output under the key of its new inputs."""
        self.new[path] = {**self.old[path], "key": key, "content": content}

    def read(self, path: str) -> bytes:
        return (self.out / path).read_bytes()

    def remove_stale(self) -> int:
        """Delete outputs of the last build that this build no longer makes."""
        gone = 0
        for path in sorted(set(self.old) - set(self.new)):
            try:
                safe_relpath(path)
            except ValueError:
                continue
            target = self.out / path
            if target.is_file():
                target.unlink()
                gone += 1
        return gone

    def save(self) -> None:
        data = {"version": _CACHE_VERSION, "qms": __version__, "outputs": dict(sorted(self.new.items()))}
        write_atomic(self.path, json.dumps(data, indent=1) + "\n")


