"""The imported plan written as YAML a person edits: block style, long texts folded, and a
comment above every key the importer had to guess."""

from __future__ import annotations

import json
import re
import textwrap
from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any

import yaml

from generator.importer.notes import Guess, PlanPath
from generator.source.yaml_reader import FastSafeLoader

WIDTH = 96
"""Lines are folded to stay within this width where the text allows."""
_BREAKS = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\ufeff]")
"""Characters YAML reads as line breaks (also NEL, LS, PS) or refuses: never inside a comment or
a block, where they would end it and let the file's text be read as plan keys."""


def _scalar(value: Any) -> str:
    """A scalar (or a list, in flow style) on one line, quoted only where YAML needs it."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, date):
        return value.isoformat()
    raw = isinstance(value, str) and re.search("[\x85\u2028\u2029]", value) is None
    text = yaml.safe_dump(value, default_flow_style=True, allow_unicode=raw,
                          width=1 << 30).rstrip("\n")
    text = text.removesuffix("\n...").removesuffix("...").rstrip("\n")
    if isinstance(value, str) and _read(f"k: {text}") != {"k": value}:
        text = json.dumps(value)  # JSON's escaped string is YAML's double-quoted one
    return text


def _read(text: str) -> Any:
    """YAML read back as zi reads plans (the C loader: a check per value stays cheap)."""
    return yaml.load(text, Loader=FastSafeLoader)


def _block(value: str, indent: str, head: int = 0) -> list[str] | None:
    """A long or multi-line text as a literal or folded block, when that reads back the same."""
    if value != value.strip() or _BREAKS.search(value.replace("\n", " ")):
        return None
    if "\n" in value:
        if any(line != line.strip() or not line for line in value.split("\n")):
            return None
        return ["|-"] + [indent + line for line in value.split("\n")]
    if "  " in value or head + 1 + len(_scalar(value)) <= WIDTH:
        return None
    lines = textwrap.wrap(value, width=max(40, WIDTH - len(indent)), break_long_words=False,
                          break_on_hyphens=False)
    return [">-"] + [indent + line for line in lines]


def _comment(message: str, indent: str) -> list[str]:
    wrapped = textwrap.wrap(_BREAKS.sub(" ", message), width=max(40, WIDTH - len(indent) - 2),
                            break_long_words=False, break_on_hyphens=False)
    return [f"{indent}# {line}" for line in wrapped] or [f"{indent}#"]


class _Writer:
    def __init__(self, guesses: Sequence[Guess]):
        self.notes: dict[PlanPath, list[str]] = {}
        for guess in guesses:
            self.notes.setdefault(guess.path, []).append(guess.message)
        self.lines: list[str] = []
        self.placed: set[PlanPath] = set()

    def _notes(self, path: PlanPath, indent: str) -> None:
        for message in self.notes.get(path, ()):
            self.lines.extend(_comment(message, indent))
        self.placed.add(path)

    def mapping(self, data: Mapping[Any, Any], path: PlanPath, indent: str,
                first_prefix: str | None = None) -> None:
        for number, (key, value) in enumerate(data.items()):
            here = (*path, key)
            prefix = first_prefix if number == 0 and first_prefix is not None else indent
            if number > 0 or first_prefix is None:
                if not path and number > 0:
                    self.lines.append("")
                self._notes(here, indent)
            self.entry(f"{prefix}{_key(key)}:", value, here, indent + "  ")

    def entry(self, head: str, value: Any, path: PlanPath, inner: str) -> None:
        if isinstance(value, Mapping) and value:
            self.lines.append(head)
            self.mapping(value, path, inner)
        elif isinstance(value, list) and value and all(
                isinstance(v, int) and not isinstance(v, bool) for v in value):
            self.lines.append(f"{head} [{', '.join(str(v) for v in value)}]")  # jadwal: [3, 6]
        elif isinstance(value, list) and value:
            self.lines.append(head)
            self.sequence(value, path, inner)
        elif isinstance(value, str) and (block := _block(value, inner, len(head))) is not None:
            self.lines.append(f"{head} {block[0]}")
            self.lines.extend(block[1:])
        else:
            shown = _scalar(value) if _is_scalar(value) else _empty(value)
            self.lines.append(f"{head} {shown}")

    def sequence(self, items: Sequence[Any], path: PlanPath, indent: str) -> None:
        for index, item in enumerate(items):
            here = (*path, index)
            self._notes(here, indent)
            if isinstance(item, Mapping) and item:
                first_key = (*here, next(iter(item)))
                self._notes(first_key, indent)
                self.mapping(item, here, indent + "  ", first_prefix=f"{indent}- ")
            elif isinstance(item, str) and (block := _block(item, indent + "  ",
                                                            len(indent) + 2)) is not None:
                self.lines.append(f"{indent}- {block[0]}")
                self.lines.extend(block[1:])
            elif _is_scalar(item) or (isinstance(item, list) and item):
                self.lines.append(f"{indent}- {_scalar(item)}")  # a list in a list: flow
            else:
                self.lines.append(f"{indent}- {_empty(item)}")


def _is_scalar(value: Any) -> bool:
    return value is None or isinstance(value, str | int | float | bool | date)


def _empty(value: Any) -> str:
    return "{}" if isinstance(value, Mapping) else "[]" if isinstance(value, list) else "null"


def _key(key: str | int) -> str:
    """A key as written, quoted where YAML would read it as something else ('no', 'on', '1');
    a number (a month of the matrix) as a number."""
    if isinstance(key, int):
        return str(key)
    plain = re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", key) is not None
    return key if plain and _read(key) == key else _scalar(key)


def plan_yaml(plan: Mapping[str, Any], guesses: Sequence[Guess], header: Sequence[str]) -> str:
    """The whole plan as YAML text with its header comment and the guesses in place."""
    writer = _Writer(guesses)
    writer.lines.extend(f"# {_BREAKS.sub(' ', line)}" if line else "#" for line in header)
    writer._notes((), "")
    writer.mapping(plan, (), "")
    unplaced = [g for g in guesses if g.path not in writer.placed]
    for guess in unplaced:  # a guess about a key that was not written: say it at the end
        writer.lines.extend(_comment(guess.message, ""))
    return "\n".join(writer.lines) + "\n"
