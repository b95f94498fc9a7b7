"""Messages about a plan, each tied to a file position, collected before failing once."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from enum import StrEnum


@dataclass(frozen=True, order=True)
class Position:
    """A place in a plan file, 1-based as editors show it."""

    line: int
    """Line number, counted from 1."""
    column: int
    """Column number, counted from 1."""


class Severity(StrEnum):
    """How much a message weighs; the value is the word a message is printed with."""

    ERROR = "error"
    """Stops a build (printed without a word)."""
    WARNING = "peringatan"
    """Printed with its rule code; the build goes on (unless --strict)."""


@dataclass(frozen=True, order=True)
class Diagnostic:
    """One problem found in a plan, printed as `file:line:column: message`."""

    file: str
    """The plan file as the user named it."""
    position: Position
    """Where in the file the problem is."""
    message: str
    """What is wrong and what was expected, in Bahasa Indonesia."""
    severity: Severity = field(default=Severity.ERROR, compare=False)
    """`error` stops a build; `peringatan` (warning) does not."""
    kode: str = field(default="", compare=False)
    """A stable rule code for rule checks, e.g. 'mengingat-urutan'."""

    def __post_init__(self) -> None:
        # a severity given as its word ('peringatan') is the enum member all the same
        object.__setattr__(self, "severity", Severity(self.severity))

    @property
    def is_error(self) -> bool:
        """Errors stop a build; warnings are printed and the build goes on."""
        return self.severity is Severity.ERROR

    def __str__(self) -> str:
        where = f"{self.file}:{self.position.line}:{self.position.column}"
        message = _printable(self.message)
        if self.is_error:
            return f"{where}: {message}"
        return f"{where}: peringatan [{self.kode}]: {message}"


def _printable(text: str) -> str:
    """One line, no terminal control sequences: text quoted from a plan is shown escaped; a
    non-breaking or other wide space (pasted from Word) is shown as the space it looks like."""
    return "".join(
        ch if ch.isprintable() or ch == " " else
        " " if unicodedata.category(ch) == "Zs" else
        {"\n": "\\n", "\t": "\\t", "\r": "\\r"}.get(ch, f"\\x{ord(ch):02x}" if ord(ch) < 256
                                                      else f"\\u{ord(ch):04x}")
        for ch in text)


def field_name(path: tuple[str | int, ...]) -> str:
    """A path as users read it: `keputusan.menimbang[2]`, list items counted from 1."""
    text = ""
    for part in path:
        if isinstance(part, int):
            text += f"[{part + 1}]"
        else:
            text += ("." if text else "") + part
    return text or "berkas"


class PlanError(Exception):
    """Raised when a plan has errors; carries every one of them."""

    def __init__(self, diagnostics: list[Diagnostic], ditekan: int = 0):
        self.diagnostics = sorted(diagnostics)
        self.ditekan = ditekan
        """Warnings silenced by a `# zi: abaikan` comment, for the summary."""
        super().__init__("\n".join(str(d) for d in self.diagnostics))
