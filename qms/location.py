"""Where a model element came from: file, YAML path, line and column (1-based)."""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["SourceLocation"]


@dataclass(frozen=True, slots=True)
class SourceLocation:
    """A position in a source file.

    Why: every error and every finding must point at a line a quality team can open.
    ``yaml_path`` is the dotted path of the element (``steps[3].lane``).
    """

    file: str
    line: int = 0
    column: int = 0
    yaml_path: str = ""

    def __str__(self) -> str:
        if self.line:
            return f"{self.file}:{self.line}:{self.column}"
        return self.file
