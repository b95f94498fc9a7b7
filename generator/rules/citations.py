"""stub"""

from generator.plan.model import Rencana
from generator.source.diagnostics import Diagnostic
from generator.source.yaml_reader import Source


def check_citations(plan: Rencana, source: Source) -> list[Diagnostic]:
    """stub"""
    return []
