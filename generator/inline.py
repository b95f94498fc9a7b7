"""The small inline markup of plan texts: `*miring*` for foreign terms, `\\*` for a star."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Run:
    """A stretch of text with one style; line breaks inside stay as '\\n'."""

    text: str
    """The literal text, unescaped: renderers escape it for their format."""
    italic: bool = False
    """True for foreign terms written between stars."""


Runs = tuple[Run, ...]
"""A whole text as styled stretches."""


def parse(text: str) -> Runs:
    """Split text at unescaped stars; an unpaired star prints as itself."""
    pieces: list[tuple[str, bool]] = []
    buffer = ""
    italic_start: int | None = None  # index in pieces where the open italic began
    i = 0
    while i < len(text):
        char = text[i]
        if char == "\\" and i + 1 < len(text) and text[i + 1] == "*":
            buffer += "*"
            i += 2
            continue
        after = text[i + 1] if i + 1 < len(text) else " "
        before = text[i - 1] if i else " "
        opens = italic_start is None and not after.isspace()
        closes = italic_start is not None and not before.isspace()
        if char == "*" and (opens or closes):
            pieces.append((buffer, False))
            buffer = ""
            if italic_start is None:
                italic_start = len(pieces)
                pieces.append(("*", False))  # placeholder, replaced when closed
            else:
                opened = italic_start
                inner = "".join(t for t, _ in pieces[opened + 1:])
                del pieces[opened:]
                if inner:
                    pieces.append((inner, True))
                else:
                    pieces.append(("**", False))
                italic_start = None
            i += 1
            continue
        buffer += char
        i += 1
    pieces.append((buffer, False))
    runs: list[Run] = []
    for piece, italic in pieces:
        if not piece:
            continue
        if runs and runs[-1].italic == italic:
            runs[-1] = Run(runs[-1].text + piece, italic)
        else:
            runs.append(Run(piece, italic))
    return tuple(runs)


def plain(runs: Runs) -> str:
    """The text without styling, as a reader of the PDF sees it."""
    return "".join(r.text for r in runs)
