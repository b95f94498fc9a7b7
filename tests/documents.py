"""The neutral document as a data file: saved once, read back into the writers' dataclasses.

Pandoc keeps its writer tests apart from its readers by feeding writers saved native documents;
here a JSON file does the same for `Dokumen` and `DokumenMandiri`. Each dataclass is written as
an object tagged with its class name ("_"), fields equal to their default left out, tuples as
lists and bytes as base64, so a fixture stays readable and small.
"""

from __future__ import annotations

import base64
import dataclasses
import json
from pathlib import Path
from typing import Any

from generator.document import action_table, booklet, decree
from generator.text import inline

DOCUMENT_MODULES = (decree, booklet, action_table, inline)
"""Where the document's dataclasses live."""


def _classes() -> dict[str, type]:
    found: dict[str, type] = {}
    for module in DOCUMENT_MODULES:
        for value in vars(module).values():
            if isinstance(value, type) and dataclasses.is_dataclass(value) and \
                    value.__module__ == module.__name__:
                found[value.__name__] = value
    return found


def _default(field: dataclasses.Field) -> Any:
    if field.default is not dataclasses.MISSING:
        return field.default
    if field.default_factory is not dataclasses.MISSING:
        return field.default_factory()
    return dataclasses.MISSING


def dump(value: Any) -> Any:
    """JSON-ready data for a document or any part of it."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        data: dict[str, Any] = {"_": type(value).__name__}
        for field in dataclasses.fields(value):
            item = getattr(value, field.name)
            if item != _default(field):
                data[field.name] = dump(item)
        return data
    if isinstance(value, tuple | list):
        return [dump(item) for item in value]
    if isinstance(value, bytes):
        return {"_bytes": base64.b64encode(value).decode("ascii")}
    return value


def load(data: Any, classes: dict[str, type] | None = None) -> Any:
    """The dataclasses back from `dump`'s data."""
    classes = classes if classes is not None else _classes()
    if isinstance(data, dict) and "_bytes" in data:
        return base64.b64decode(data["_bytes"])
    if isinstance(data, dict):
        fields = {key: load(value, classes) for key, value in data.items() if key != "_"}
        return classes[data["_"]](**fields)
    if isinstance(data, list):
        return tuple(load(item, classes) for item in data)
    return data


def save_document(document: Any, path: Path) -> None:
    """Write a document as a fixture file."""
    path.write_text(json.dumps(dump(document), ensure_ascii=False, indent=1) + "\n",
                    encoding="utf-8")


def read_document(path: Path) -> Any:
    """A document saved by `save_document`."""
    return load(json.loads(path.read_text(encoding="utf-8")))


def main(argv: list[str] | None = None) -> int:
    """Save the document a plan makes: `python -m tests.documents PLAN VERSI|mandiri OUT.json`."""
    import sys

    from generator.document.decree import build_document, build_mandiri
    from generator.rules import check_file

    plan_file, versi, out = argv if argv is not None else sys.argv[1:]
    checked = check_file(plan_file)
    document = build_mandiri(checked.plan) if versi == "mandiri" else \
        build_document(checked.plan, versi, checked.logo)
    save_document(document, Path(out))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
