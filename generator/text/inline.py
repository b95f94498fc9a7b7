"""The inline markup of plan texts: `*miring*` for foreign terms, `**tebal**`, `\\*` for a star."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TypeGuard


@dataclass(frozen=True)
class Run:
    """A stretch of text with one style; line breaks inside stay as '\\n'."""

    text: str
    """The literal text, unescaped: renderers escape it for their format."""
    italic: bool = False
    """True for foreign terms written between stars."""
    bold: bool = False
    """True for text written between double stars."""


Runs = tuple[Run, ...]
"""A whole text as styled stretches."""


def _tokens(text: str) -> list[tuple[str, str]]:
    """('text', s), ('esc', '*') and ('mark', '*' or '**') tokens."""
    tokens: list[tuple[str, str]] = []
    i = 0
    buffer = ""
    while i < len(text):
        if text[i] == "\\" and text[i + 1: i + 2] == "*":
            buffer += "*"
            i += 2
            continue
        if text[i] == "*":
            width = 2 if text[i + 1: i + 2] == "*" else 1
            if buffer:
                tokens.append(("text", buffer))
                buffer = ""
            tokens.append(("mark", "*" * width))
            i += width
            continue
        buffer += text[i]
        i += 1
    if buffer:
        tokens.append(("text", buffer))
    return tokens


def parse(text: str) -> Runs:
    """Styled runs; a star that opens nothing or closes nothing prints as itself.

    A mark opens only before a non-space and closes only after one, so '2 * 3' stays as written.
    """
    tokens = _tokens(text)
    # decide which marks pair up: a stack per mark kind
    pairs: dict[int, int] = {}
    open_at: dict[str, int] = {}
    for index, (kind, value) in enumerate(tokens):
        if kind != "mark":
            continue
        before = tokens[index - 1][1][-1:] if index and tokens[index - 1][0] == "text" else ""
        after = tokens[index + 1][1][:1] if index + 1 < len(tokens) and \
            tokens[index + 1][0] == "text" else ""
        if value in open_at and before and not before.isspace():
            pairs[open_at.pop(value)] = index
        elif value not in open_at and after and not after.isspace():
            open_at[value] = index
    closing = set(pairs.values())
    runs: list[Run] = []
    italic = bold = False
    for index, (kind, value) in enumerate(tokens):
        if kind == "mark" and (index in pairs or index in closing):
            if value == "*":
                italic = index in pairs
            else:
                bold = index in pairs
            continue
        piece = value
        if runs and (runs[-1].italic, runs[-1].bold) == (italic, bold):
            runs[-1] = Run(runs[-1].text + piece, italic, bold)
        else:
            runs.append(Run(piece, italic, bold))
    return tuple(run for run in runs if run.text)


def plain(runs: Runs) -> str:
    """The text without styling, as a reader of the PDF sees it."""
    return "".join(r.text for r in runs)


def is_runs(value: object) -> TypeGuard[Runs]:
    """True for parsed text: a template that prints it as a plain value still gets words."""
    return isinstance(value, tuple) and all(isinstance(item, Run) for item in value)
