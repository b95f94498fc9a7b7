"""Every text of the example plans and of the valid fixtures: where no checker may fire."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import yaml

from tests.conftest import FIXTURES, PLANS

MENANAM_SALAH = ("salah-salin", "istilah", "wilayah", "kalender", "rules")
"""Fixture folders that plant mistakes on purpose (the copy-mistake corpus, the finders' own
cases, the rule fixtures): left out."""


SALAH_EJA = ("rules/istilah-salah-eja.yaml", "rules/bulan-salah-eja.yaml")
"""The rule fixtures that plant misspelt terms and months on purpose: left out too."""


def berkas_contoh() -> list[Path]:
    """The example plans and every fixture YAML outside the folders that plant mistakes."""
    fixtures = [p for p in FIXTURES.rglob("*.yaml")
                if not set(p.relative_to(FIXTURES).parts[:-1]) & set(MENANAM_SALAH)
                and p.relative_to(FIXTURES).as_posix() not in SALAH_EJA]
    return sorted(PLANS.glob("*.yaml")) + sorted(fixtures)


def muat(path: Path) -> Any:
    """The file's data, or None for the error fixtures that are not YAML at all."""
    try:
        return yaml.safe_load(path.read_text("utf-8"))
    except yaml.YAMLError:
        return None


def semua_teks(data: Any, seen: set[int] | None = None) -> Iterator[str]:
    """Every string of the data, keys too, each node once (an anchor may refer to itself)."""
    seen = set() if seen is None else seen
    if isinstance(data, dict | list):
        if id(data) in seen:
            return
        seen.add(id(data))
    if isinstance(data, dict):
        for key, value in data.items():
            yield from semua_teks(key, seen)
            yield from semua_teks(value, seen)
    elif isinstance(data, list):
        for value in data:
            yield from semua_teks(value, seen)
    elif isinstance(data, str):
        yield data


def teks_contoh() -> list[tuple[str, str]]:
    """(file name, text) for every string of the example plans and valid fixtures."""
    return [(path.name, text) for path in berkas_contoh()
            for text in semua_teks(muat(path))]
