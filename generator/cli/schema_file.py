"""The schema file beside a plan, written by `zi check`, `zi build` and `zi new`."""

from __future__ import annotations

import json
from pathlib import Path

from generator.output.build import Output, write_atomically
from generator.plan.schema import TITLE, fingerprint, named_schema, schema_text


def write_schema_beside(plan: Path) -> Path | None:
    """Write the schema a plan's modeline names when it is missing or an older zi's.

    A plan copied alone to another folder then gets its schema on the first `zi check` or
    `zi build`; a schema file that zi did not write is left alone. Returns the file written.
    """
    target = named_schema(plan)
    if target is None:
        return None
    try:
        if target.exists():
            current = target.read_text(encoding="utf-8")
            if f"sidik {fingerprint()}" in current:
                return None  # current, known without generating the schema (a tenth of a build)
            if f'"title": {json.dumps(TITLE)}' not in current or current == schema_text():
                return None
        text = schema_text()
        write_atomically(Output(target, text.encode("utf-8")))
    except (OSError, UnicodeDecodeError):
        return None  # a read-only folder: the plan still checks and builds
    return target
