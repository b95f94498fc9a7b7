"""The six areas of PermenPANRB 90/2021 with their weights and official komponen, as data."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import yaml

from generator.yaml_source import FastSafeLoader


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
    text = resources.files("generator").joinpath("data/komponen.yaml").read_text("utf-8")
    return tuple(AreaResmi(a["area"], a["bobot"], tuple(a["komponen"]))
                 for a in yaml.load(text, Loader=FastSafeLoader))
