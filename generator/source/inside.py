"""Where a piece of a text value stands in the file: the line of a word inside a `>-` block."""

from __future__ import annotations

from generator.source.diagnostics import Position
from generator.source.yaml_reader import Path, Source


def position_in(source: Source, path: Path, offset: int) -> Position:
    """The file position of character `offset` of the text value at `path`.

    A folded or multi-line value joins its lines, so the value's characters are followed in the
    file one by one from where the value starts, skipping what YAML dropped (indentation, line
    breaks, quotes, the `>-` indicator); the value's own position when the file is not at hand.
    """
    start = source.where(path)
    value = _value(source.data, path)
    if not source.text or value is None or path not in source.values:
        return start
    lines = source.text.splitlines(keepends=True)
    if start.line > len(lines):
        return start
    here = sum(len(line) for line in lines[:start.line - 1]) + start.column - 1
    text = source.text
    for char in value[:offset + 1]:
        if char.isspace():
            continue
        found = text.find(char, here)
        if found < 0:
            return start
        here = found + 1
    line = text.count("\n", 0, here - 1) + 1
    column = here - 1 - (text.rfind("\n", 0, here - 1) + 1) + 1
    return Position(line, column)


def _value(data: object, path: Path) -> str | None:
    for key in path:
        if isinstance(data, dict) and key in data:
            data = data[key]
        elif isinstance(data, list) and isinstance(key, int) and 0 <= key < len(data):
            data = data[key]
        else:
            return None
    return data if isinstance(data, str) else None
