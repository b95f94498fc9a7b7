"""`# zi: abaikan <kode>`: a plan that is right where a rule is not silences that rule on a line.

In the spirit of `# noqa`: the comment names the codes it silences (one or more, separated by
commas or spaces) and covers its own line; written after a block's `>-` or `|` it covers the
whole block. A comment naming no code silences nothing: silencing every rule by accident would
hide the mistakes the checker is for.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from generator.source.diagnostics import Diagnostic

_ABAIKAN = re.compile(r"(?:^|\s)#\s*zi:\s*abaikan\b([^#]*)", re.IGNORECASE)
_CODE = re.compile(r"[a-z][a-z0-9]*(?:-[a-z0-9]+)+")
_BLOCK_HEADER = re.compile(r"(?:^|[\s:-])[|>][-+0-9]*\s*$")


@dataclass(frozen=True)
class Abaikan:
    """The codes silenced on each line of a plan file."""

    per_baris: dict[int, frozenset[str]]
    """Line number (from 1) to the codes silenced there."""

    def menekan(self, diagnostic: Diagnostic) -> bool:
        """A warning (never an error) whose code this plan silences at its line."""
        return (not diagnostic.is_error and bool(diagnostic.kode)
                and diagnostic.kode in self.per_baris.get(diagnostic.position.line, ()))


def baca_abaikan(lines: list[str]) -> Abaikan:
    """Every `# zi: abaikan` comment of a file, spread over the block it heads."""
    per_baris: dict[int, frozenset[str]] = {}
    for index, line in enumerate(lines):
        found = _ABAIKAN.search(line)
        if not found:
            continue
        codes = frozenset(_CODE.findall(found.group(1).lower()))
        if not codes:
            continue
        covered = [index]
        if _BLOCK_HEADER.search(line[:found.start()]):
            indent = len(line) - len(line.lstrip())
            for later in range(index + 1, len(lines)):
                text = lines[later]
                if text.strip() and len(text) - len(text.lstrip()) <= indent:
                    break
                covered.append(later)
        for at in covered:
            per_baris[at + 1] = per_baris.get(at + 1, frozenset()) | codes
    return Abaikan(per_baris)


def pisahkan(found: list[Diagnostic], abaikan: Abaikan) -> tuple[list[Diagnostic],
                                                                   list[Diagnostic]]:
    """The findings kept, and the warnings silenced by a comment."""
    kept: list[Diagnostic] = []
    silenced: list[Diagnostic] = []
    for diagnostic in found:
        (silenced if abaikan.menekan(diagnostic) else kept).append(diagnostic)
    return kept, silenced
