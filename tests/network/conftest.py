"""Networks written into a temporary folder, with members from the example systems."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import MODELS

LAMPPU = MODELS / "lamppu"
FIVE = ["redu", "lappia", "jedu", "kao", "sakk"]


def write_network(folder: Path, body: str, members: list[str] | None = None) -> Path:
    """``folder/network.yaml`` with the given members (example names or paths) and ``body`` after them."""
    folder.mkdir(parents=True, exist_ok=True)
    lines = ["network: testi", "name: Testiverkosto", "members:"]
    lines += [f"  - {MODELS / m if '/' not in m else m}" for m in (members or ["redu", "sakk"])]
    (folder / "network.yaml").write_text("\n".join(lines) + "\n" + body, encoding="utf-8")
    return folder
