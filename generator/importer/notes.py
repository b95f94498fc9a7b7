"""What the importer had to guess or could not read, tied to the place in the plan it concerns."""

from __future__ import annotations

from dataclasses import dataclass

PlanPath = tuple[str | int, ...]
"""A place in the plan, e.g. ('rencana_aksi', 'area', 0, 'nama'); () for the whole plan."""


@dataclass(frozen=True)
class Guess:
    """A guess or a problem, written as a YAML comment above the key it concerns."""

    path: PlanPath
    """The key the comment stands above."""
    message: str
    """The comment, in Bahasa Indonesia, naming the place in the file where it helps."""
    unread: bool = False
    """True when something in the file could not be read at all (also said on the terminal)."""
