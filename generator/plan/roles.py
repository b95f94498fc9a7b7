"""What a plan field holds beyond its type, marked once in the model and found by one walker.

A field's annotation may carry a `Role` (`Annotated[Teks, Role.PERSON]`): a person's key, a
citation, a schedule, or a name or choice. Every other text is the plan's own prose, which the
copy-mistake rules read and a rollover moves the year in. The walkers go through raw YAML data
(before or after validation) along the model's fields, so no rule lists field names by hand.
"""

from __future__ import annotations

from collections.abc import Iterator
from enum import Enum
from functools import cache
from typing import Any, get_origin

from pydantic import BaseModel
from pydantic.fields import FieldInfo

Path = tuple[str | int, ...]
"""Keys and list indexes from the top of a plan to a value."""


class Role(Enum):
    """What a field's text is, when it is not the plan's own prose."""

    PROSE = "prosa"
    """Sentences and titles the plan composes (any field not marked otherwise)."""
    PERSON = "kunci orang"
    """The key of a person under 'orang'."""
    CITATION = "kutipan"
    """Legal bases: catalog keys or full citations, checked as regulations."""
    SCHEDULE = "jadwal"
    """Months of a step."""
    NAMING = "nama"
    """Names, keys, choices and figures: written as they are, never composed as sentences."""


def role_of(info: FieldInfo) -> Role:
    """The role a field's annotation carries; prose when it carries none."""
    return next((item for item in info.metadata if isinstance(item, Role)), Role.PROSE)


def inner_model(annotation: Any) -> type[BaseModel] | None:
    """The model inside an annotation such as `list[Komponen] | None` or `dict[str, Orang]`."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in getattr(annotation, "__args__", ()) or ():
        found = inner_model(arg)
        if found is not None:
            return found
    return None


def _fields(model: type[BaseModel] | None) -> dict[str, FieldInfo]:
    return model.model_fields if model is not None else {}


def walk(model: type[BaseModel] | None, data: Any, path: Path = ()
         ) -> Iterator[tuple[Path, Role, Any]]:
    """Every marked field's value (whole, whatever its type) with its path and role, and every
    string outside marked fields as prose. Keys the model does not know are walked as prose."""
    if isinstance(data, dict):
        fields = _fields(model)
        for key, value in data.items():
            info = fields.get(key) if isinstance(key, str) else None
            role = role_of(info) if info is not None else Role.PROSE
            if role is not Role.PROSE:
                yield (*path, key), role, value
                continue
            inner = inner_model(info.annotation) if info is not None else None
            if info is not None and get_origin(info.annotation) is dict and \
                    isinstance(value, dict):
                # a mapping of entries: each entry's value is of the inner model
                for entry, item in value.items():
                    yield from walk(inner, item, (*path, key, entry))
            else:
                yield from walk(inner, value, (*path, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from walk(model, value, (*path, index))
    elif isinstance(data, str):
        yield path, Role.PROSE, data


def every_string(data: Any, path: Path = ()) -> Iterator[tuple[Path, str]]:
    """Every string of the raw data at all, marked or not, with its path."""
    if isinstance(data, dict):
        for key, value in data.items():
            yield from every_string(value, (*path, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from every_string(value, (*path, index))
    elif isinstance(data, str):
        yield path, data


def marked(model: type[BaseModel], data: Any, role: Role) -> list[tuple[Path, Any]]:
    """The value of every field marked `role`, with its path."""
    return [(path, value) for path, found, value in walk(model, data) if found is role]


def prose(model: type[BaseModel], data: Any) -> Iterator[tuple[Path, str]]:
    """Every string of the plan's own prose, with its path."""
    for path, role, value in walk(model, data):
        if role is Role.PROSE:
            yield path, value


@cache
def keys_with(model: type[BaseModel], roles: frozenset[Role]) -> frozenset[str]:
    """The names of the fields marked with one of `roles`, anywhere under `model`."""
    found: set[str] = set()
    seen: set[type[BaseModel]] = set()

    def visit(current: type[BaseModel]) -> None:
        if current in seen:
            return
        seen.add(current)
        for name, info in current.model_fields.items():
            if role_of(info) in roles:
                found.add(name)
            inner = inner_model(info.annotation)
            if inner is not None:
                visit(inner)

    visit(model)
    return frozenset(found)
