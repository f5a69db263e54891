"""What went wrong with which input, so that a batch can go on and report at the end."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    """An input (or one record in it) that was set aside, or read with a caveat."""

    path: str
    reason: str
    where: str | None = None  # "line 3", "record 7", "entry 2"
    severity: str = "error"  # "error": set aside; "warning": read, but the user should know

    def __str__(self) -> str:
        place = f"{self.path}:{self.where}" if self.where else self.path
        return f"{place}: {self.reason}"
