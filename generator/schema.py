"""The JSON Schema of the plan format, so editors complete and flag fields as users type."""

from __future__ import annotations

from typing import Any

from generator.model import Rencana


def plan_schema() -> dict[str, Any]:
    """JSON Schema (draft 2020-12) of a plan file, descriptions in Bahasa Indonesia."""
    schema = Rencana.model_json_schema()
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "Rencana Aksi Zona Integritas (zi)",
        **{k: v for k, v in schema.items() if k != "title"},
    }
