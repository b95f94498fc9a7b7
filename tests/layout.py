"""Layout invariants a legal officer checks by eye, read from a PDF's words and their positions.

A decree is publishable as generated only if, on every page: a signature block has the end of the
text it signs above it; the salinan authentication sits in the left half of the signature's page;
no area row, heading or lead-in line is left alone at the foot of a page; every word lies inside
the page body and inside the table cell it starts in; and no markup star of the plan is printed.
The same checks run on zi's PDFs and on its DOCX as LibreOffice lays them out.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from pathlib import Path

import pdfplumber

CM = 72 / 2.54
SIGNATURE_STARTS = ("Ditetapkan di",)
"""How a decree's signature block begins (the place of enactment)."""
AUTHENTICATION_START = "Salinan sesuai dengan aslinya"
"""The first line of the salinan's authentication block."""
PAGE_NUMBER = re.compile(r"^-\s*\d+\s*-$")
LEAD_IN = re.compile(r":\s*$")
"""A line ending in a colon announces what follows ("Target :", "... sebagai berikut:")."""
SLACK = 3.0
"""Points a justified line may reach into the margin (about 1 mm) without anyone seeing it."""
HEADING = re.compile(r"^(BAB\s+[IVXLC]+\b|[IVXLC]+\.?\s+[A-Z][A-Z ,&/()-]{3,}$)")
"""A chapter heading or an area row: roman numeral followed by capitals."""


@dataclass(frozen=True)
class Margins:
    """The page body in points: nothing but the page number may lie outside it."""

    left: float = 2.5 * CM
    """Binding side."""
    right: float = 2.0 * CM
    """Outer side."""
    top: float = 0.8 * CM
    """Above the body only the page number, which sits in the top margin."""
    bottom: float = 2.0 * CM
    """Foot of the page."""


@dataclass(frozen=True)
class Line:
    """One printed line: characters sharing a baseline, across table cells too."""

    text: str
    """Its words joined by single spaces."""
    x0: float
    """Left edge in points."""
    x1: float
    """Right edge in points."""
    top: float
    """Top edge in points from the top of the page."""
    bottom: float
    """Bottom edge in points."""
    bold: bool
    """True when every visible character is set in a bold face."""


@dataclass(frozen=True)
class Violation:
    """One broken invariant, worded for the person reading a failed test."""

    page: int
    """1-based page number in the PDF."""
    rule: str
    """Short name of the invariant: signature, authentication, last-line, outside, cell, markup."""
    text: str
    """The offending text."""

    def __str__(self) -> str:
        return f"page {self.page}: {self.rule}: {self.text!r}"


def _lines(page) -> list[Line]:
    """The page's lines, top to bottom, without the page number."""
    found = []
    for raw in page.extract_text_lines(return_chars=True, strip=True):
        chars = [c for c in raw["chars"] if c["text"].strip()]
        if not chars or PAGE_NUMBER.match(raw["text"].strip()):
            continue
        bold = all("bold" in c["fontname"].lower() for c in chars)
        found.append(Line(" ".join(raw["text"].split()), raw["x0"], raw["x1"], raw["top"],
                          raw["bottom"], bold))
    return sorted(found, key=lambda line: (line.top, line.x0))


def _is_body(line: Line, signature: Line) -> bool:
    """Text the signature signs: left of the signature column, not a bold heading or label."""
    return line.bottom <= signature.top and not line.bold and line.x0 < signature.x0 - 0.5 * CM


def _signature_rules(number: int, lines: list[Line], middle: float,
                     starts: tuple[str, ...]) -> list[Violation]:
    problems = []
    signatures = [line for line in lines if line.text.startswith(starts)]
    for signature in signatures:
        if not any(_is_body(line, signature) for line in lines):
            problems.append(Violation(number, "signature without the text it signs above it",
                                      signature.text))
    for index, line in enumerate(lines):
        if not line.text.startswith(AUTHENTICATION_START):
            continue
        if not any(s.top < line.top for s in signatures):
            problems.append(Violation(number, "authentication not on its signature's page",
                                      line.text))
        for below in lines[index:]:
            if below.x1 > middle + SLACK:
                problems.append(Violation(number, "authentication beyond the left half",
                                          below.text))
    return problems


def _last_line_rule(number: int, lines: list[Line], width: float) -> list[Violation]:
    if not any(not line.bold and line.x0 < width / 2 for line in lines):
        return []  # a title page (cover, lampiran heading before a cover) has no body text
    last = max(lines, key=lambda line: line.bottom)
    if last.bold or LEAD_IN.search(last.text) or HEADING.match(last.text):
        return [Violation(number, "heading, area row or lead-in ends the page", last.text)]
    return []


def _word_rules(number: int, page, margins: Margins) -> list[Violation]:
    problems = []
    words = page.extract_words(x_tolerance=1.5, use_text_flow=False)
    width, height = float(page.width), float(page.height)
    cells = [cell for table in page.find_tables() for cell in table.cells]
    for word in words:
        text = word["text"]
        if "*" in text:
            problems.append(Violation(number, "markup star printed", text))
        outside = (word["x0"] < margins.left - SLACK or word["x1"] > width - margins.right + SLACK
                   or word["top"] < margins.top or word["bottom"] > height - margins.bottom + SLACK)
        if outside:
            problems.append(Violation(number, "word outside the page body", text))
            continue
        middle = (word["top"] + word["bottom"]) / 2
        start = word["x0"] + 0.5
        for x0, top, x1, bottom in cells:
            if x0 <= start < x1 and top <= middle <= bottom:
                if word["x1"] > x1 + 0.5:
                    problems.append(Violation(number, "word crosses its cell's right border",
                                              text))
                break
    return problems


def check_pdf(pdf: bytes | Path, signature_starts: tuple[str, ...] = SIGNATURE_STARTS,
              margins: Margins | None = None) -> list[Violation]:
    """Every broken layout invariant of the PDF, page by page."""
    margins = margins or Margins()
    source = io.BytesIO(pdf) if isinstance(pdf, bytes) else pdf
    problems: list[Violation] = []
    with pdfplumber.open(source) as document:
        for number, page in enumerate(document.pages, start=1):
            lines = _lines(page)
            middle = (margins.left + float(page.width) - margins.right) / 2
            problems += _signature_rules(number, lines, middle, signature_starts)
            problems += _last_line_rule(number, lines, float(page.width))
            problems += _word_rules(number, page, margins)
            page.flush_cache()
    return problems


def report(problems: list[Violation]) -> str:
    """The violations one per line, for an assertion message."""
    return "\n".join(str(problem) for problem in problems)
