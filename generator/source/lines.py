"""The line a part of a long text is on, so a finding inside a `>-` or `|` block points at it.

A value's position is where it starts (for a block, its `>-`); the words of a finding may be
lines below. The value's lines as written are found in order in the value as read, and the one
that holds the finding's offset gives its line. When they cannot be matched (escapes in a quoted
text), the value's own position is kept.
"""

from __future__ import annotations

from generator.source.diagnostics import Position
from generator.source.yaml_reader import Path, Source


def position_in(source: Source, path: Path, value: str, offset: int) -> Position:
    """Where the character `offset` of the text `value` at `path` is in the file."""
    start = source.where(path)
    if path not in source.values or not source.lines or "\n" not in value and \
            start.line - 1 < len(source.lines) and \
            value in source.lines[start.line - 1]:
        return _column(source, start, value, offset)
    cursor = 0
    best = start
    last_line = min(len(source.lines), start.line + value.count("\n") + value.count(" ") + 2)
    for index in range(start.line - 1, last_line):
        raw = source.lines[index]
        written = raw[start.column - 1:] if index == start.line - 1 else raw
        core = written.strip().strip("\"'").strip()
        if not core:
            continue
        found = value.find(core, cursor)
        if found < 0:
            continue
        if found > offset:
            return best
        best = Position(index + 1, raw.find(core) + 1 + max(0, offset - found)
                        if offset < found + len(core) else raw.find(core) + 1)
        cursor = found + len(core)
        if offset < cursor or cursor >= len(value):
            return best
    return best


def _column(source: Source, start: Position, value: str, offset: int) -> Position:
    """A value on one line: the column of the offset, when the text is written as read."""
    if start.line - 1 < len(source.lines):
        at = source.lines[start.line - 1].find(value, start.column - 1)
        if at >= 0:
            return Position(start.line, at + offset + 1)
    return start
