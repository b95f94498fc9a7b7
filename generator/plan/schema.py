"""The JSON Schema of the plan format, so editors complete and flag fields as users type.

pydantic's own schema describes Python types; a plan is YAML that zi reads leniently, so this
one describes what `zi check` accepts: numbers where text is expected, dates written two ways,
yes/no words, schedules in words. The editor reads YAML 1.2, where `yes` and `2025-09-09` are
text, so those words are accepted as text too.
"""

from __future__ import annotations

import hashlib
import json
import re
from functools import cache
from pathlib import Path
from typing import Any

import pydantic
from pydantic.json_schema import GenerateJsonSchema, JsonSchemaValue
from pydantic_core import core_schema

from generator import __version__
from generator.plan.model import Area, Orang, Rencana
from generator.plan.schedule import BULAN, one_of

SCHEMA_FILE = "rencana.schema.json"
"""The schema's file name, written beside a plan whose modeline names it."""
TITLE = "Rencana Aksi Zona Integritas (zi)"
"""The schema's title; also how zi knows a schema file it finds is one it wrote."""
MODELINE = f"# yaml-language-server: $schema={SCHEMA_FILE}"
"""The first line of a plan, telling VS Code's YAML extension which schema to use."""

_MODELINE = re.compile(r"#\s*yaml-language-server:\s*\$schema=(\S+)")

_HARI = r"(0?[1-9]|[12]\d|3[01])"
_BULAN_ANGKA = r"(0?[1-9]|1[0-2])"
_TANGGAL = (rf"^\s*(\d{{4}}-{_BULAN_ANGKA}-{_HARI}|{_HARI}\s+{one_of(BULAN)}\s+\d{{4}})\s*$")
"""2025-09-09 or 9 September 2025 (month in any case), as `_parse_tanggal` reads them."""
def _given(key: str) -> JsonSchemaValue:
    """The key is written with a value (the model treats an empty value as not written)."""
    return {"required": [key], "properties": {key: {"not": {"type": "null"}}}}


_ALTERNATIVES: dict[str, tuple[str, tuple[str, str]]] = {
    Orang.__name__: ("oneOf", ("jabatan", "peran")),
    Area.__name__: ("oneOf", ("komponen", "program")),
    Rencana.__name__: ("anyOf", ("keputusan", "mandiri")),
}
"""Models whose validator wants exactly one (oneOf) or at least one (anyOf) of two keys."""


class _PlanSchema(GenerateJsonSchema):
    """pydantic's validation-mode schema, widened to what zi's lenient reading accepts."""

    def str_schema(self, schema: core_schema.StringSchema) -> JsonSchemaValue:
        """Text, or a whole number >= 0 where the model turns it into text (`nomor: 400`)."""
        json_schema = super().str_schema(schema)
        if self._config.coerce_numbers_to_str or schema.get("coerce_numbers_to_str"):
            text = {k: v for k, v in json_schema.items() if k != "description"}
            widened = {"anyOf": [text, {"type": "integer", "minimum": 0}]}
            if "description" in json_schema:
                widened["description"] = json_schema["description"]
            return widened
        return json_schema

    def date_schema(self, schema: core_schema.DateSchema) -> JsonSchemaValue:
        """Text in either date form; YAML dates reach the model as text."""
        return {"type": "string", "pattern": _TANGGAL,
                "patternErrorMessage": "tulis seperti 2025-09-09 atau 9 September 2025"}

    def dict_schema(self, schema: core_schema.DictSchema) -> JsonSchemaValue:
        """A mapping whose keys follow a pattern, every other key refused."""
        json_schema = super().dict_schema(schema)
        # pydantic turns a key pattern into patternProperties, which lets any other key pass
        for pattern, values in json_schema.pop("patternProperties", {}).items():
            json_schema["propertyNames"] = {"pattern": pattern}
            json_schema["additionalProperties"] = values
        return json_schema


def plan_schema() -> dict[str, Any]:
    """JSON Schema (draft 2020-12) of a plan file, descriptions in Bahasa Indonesia."""
    schema = Rencana.model_json_schema(mode="validation", schema_generator=_PlanSchema)
    for name, (keyword, keys) in _ALTERNATIVES.items():
        target = schema if name == Rencana.__name__ else schema["$defs"][name]
        target[keyword] = [_given(key) for key in keys]
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": TITLE,
        "$comment": f"dibuat oleh zi; sidik {fingerprint()}",
        **{k: v for k, v in schema.items() if k != "title"},
    }


@cache
def fingerprint() -> str:
    """What the schema is made from (the modules and data it reads, zi's and pydantic's
    versions), hashed: a schema file carrying it is current without generating the schema."""
    digest = hashlib.sha256(f"{__version__} {pydantic.VERSION}".encode())
    package = Path(__file__).resolve().parent
    for name in ("model.py", "schema.py", "schedule.py"):
        digest.update((package / name).read_bytes())
    return digest.hexdigest()[:16]


@cache
def schema_text() -> str:
    """The schema as `zi schema` prints it and as the file beside a plan holds it."""
    return json.dumps(plan_schema(), indent=2, ensure_ascii=False) + "\n"


def named_schema(plan: Path) -> Path | None:
    """The schema file a plan's modeline names beside it, or None for any other modeline."""
    try:
        with plan.open(encoding="utf-8-sig") as file:
            first = file.readline(1000)
    except (OSError, UnicodeDecodeError):
        return None
    found = _MODELINE.match(first.strip())
    if not found or found[1].removeprefix("./") != SCHEMA_FILE:
        return None
    return plan.parent / SCHEMA_FILE
