"""The six areas of PermenPANRB 90/2021 with their weights and official komponen, as data,
and an area told from a name written in any case or spelling."""

from __future__ import annotations

import difflib
import re
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources

import yaml

from generator.source.yaml_reader import FastSafeLoader


@dataclass(frozen=True)
class AreaResmi:
    """An area of PermenPANRB 90/2021 with its weight and official komponen."""

    nama: str
    """Area name."""
    bobot: float
    """Weight in the evaluation, out of 60 for all pengungkit areas."""
    komponen: tuple[str, ...]
    """Official komponen names."""


@lru_cache(maxsize=1)
def area_resmi() -> tuple[AreaResmi, ...]:
    """The six areas and their komponen, shipped as data."""
    text = resources.files("generator.reference").joinpath("data/komponen.yaml").read_text("utf-8")
    return tuple(AreaResmi(a["area"], a["bobot"], tuple(a["komponen"]))
                 for a in yaml.load(text, Loader=FastSafeLoader))


_MARKUP = re.compile(r"</?[a-z]+>|\*")
"""Italic and bold marks: '*Whistle Blowing System*', '<i>e-office</i>' (reference OCR)."""
_EJAAN = (
    (r"\bsumber daya manusia\b", "sdm"),
    (r"\btatalaksana\b", "tata laksana"),
    (r"\bwhistleblowing\b", "whistle blowing"),
    (r"\be govemment\b", "e government"),
    (r"\bsurvey\b", "survei"),
    (r"\bresiko\b", "risiko"),
    (r"\bakuntabilittas\b", "akuntabilitas"),
)
"""Spellings of the same words, folded to one: 'Sumber Daya Manusia' and 'SDM', 'Tatalaksana'
and 'Tata Laksana', the reference documents' OCR slips ('WBK/ WBBM' needs nothing: punctuation
is already a space)."""


@lru_cache(maxsize=4096)
def norm(text: str) -> str:
    """A name as compared: no markup, no accents, small letters, punctuation as spaces."""
    text = unicodedata.normalize("NFKD", _MARKUP.sub("", text.lower()))
    text = text.encode("ascii", "ignore").decode()
    text = " ".join(re.sub(r"[^a-z0-9]+", " ", text).split())
    for pattern, same in _EJAAN:
        text = re.sub(pattern, same, text)
    return text


@cache
def _areas() -> dict[str, AreaResmi]:
    return {a.nama: a for a in area_resmi()}


@lru_cache(maxsize=1024)
def area_dari_nama(name: str) -> str | None:
    """The official area a group's name is, written in any case or spelling, else None."""
    written = norm(name)
    best, score = None, 0.0
    for official in _areas():
        matcher = difflib.SequenceMatcher(None, norm(official), written)
        if matcher.real_quick_ratio() < max(score, 0.75) or \
                matcher.quick_ratio() < max(score, 0.75):
            continue  # cannot beat the best so far nor reach the threshold
        ratio = matcher.ratio()
        if ratio > score:
            best, score = official, ratio
    return best if score >= 0.75 else None


def area_dimaksud(text: str) -> str | None:
    """The official area a wrong 'area_resmi' most likely meant, for a 'maksud Anda' hint."""
    meant = area_dari_nama(text)
    if meant is not None:
        return meant
    words = set(norm(text).split())
    holding = [a for a in _areas() if words and words <= set(norm(a).split())]
    return holding[0] if len(holding) == 1 else None
