"""Safe YAML loading that remembers where every key and value stands in the file."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import yaml

from generator.diagnostics import Diagnostic, Position

try:  # the C composer is several times faster; the pure one gives the same nodes
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Loader

Path = tuple[str | int, ...]
"""Where a value sits in the plan: mapping keys and 0-based list indices."""

MAX_BYTES = 5 * 1024 * 1024
"""A plan is a few hundred kilobytes at most; anything larger is refused unread."""
MAX_NODES = 500_000
"""Aliases may make a small file expand without bound; stop walking past this many nodes."""

_SCALAR_TAGS = {
    "tag:yaml.org,2002:str",
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null",
    "tag:yaml.org,2002:timestamp",
}

_PROBLEMS = {
    "mapping values are not allowed here": "titik dua (:) tidak boleh di sini; "
    "apakah teks yang memuat ': ' perlu diapit tanda kutip?",
    "could not find expected ':'": "tanda titik dua (:) yang diharapkan tidak ditemukan",
    "found character '\\t' that cannot start any token": "karakter tab tidak boleh dipakai "
    "untuk indentasi; gunakan spasi",
    "found undefined alias": "alias (*nama) dipakai tetapi jangkarnya (&nama) tidak ada",
    "did not find expected key": "indentasi tidak rata atau kunci yang diharapkan tidak ada",
    "did not find expected '-' indicator": "indentasi daftar (-) tidak rata",
    "found unexpected end of stream": "berkas berakhir sebelum teks yang diapit kutip ditutup",
    "found unknown escape character": "karakter escape (\\) tidak dikenal di dalam teks "
    "berkutip ganda",
    "expected a single document in the stream": "berkas hanya boleh berisi satu dokumen YAML "
    "(hapus pemisah '---' yang kedua)",
    "while scanning a simple key": "kunci tidak diakhiri titik dua (:)",
    "found unhashable key": "kunci harus berupa teks",
    "expected <block end>, but found '-'": "indentasi daftar (-) tidak rata",
    "expected <block end>, but found '<block mapping start>'": "indentasi tidak rata",
    "expected <block end>, but found '<scalar>'": "indentasi tidak rata",
    "found character that cannot start any token": "karakter ini tidak boleh mengawali nilai; "
    "apit teks dengan tanda kutip",
}


@dataclass
class Source:
    """A plan file read into plain Python values, with the position of each."""

    file: str
    """The file name as the user gave it, used in messages."""
    data: Any = None
    """The plain values: dicts, lists, str, int, float, bool, None."""
    values: dict[Path, Position] = field(default_factory=dict)
    """Where each value starts."""
    keys: dict[Path, Position] = field(default_factory=dict)
    """Where the key of each mapping entry starts."""
    errors: list[Diagnostic] = field(default_factory=list)
    """Problems found while reading (syntax, tags, duplicate keys)."""

    def where(self, path: Path, *, key: bool = False) -> Position:
        """The best-known position for a path: itself, else its nearest known parent."""
        table = self.keys if key else self.values
        while path:
            if path in table:
                return table[path]
            if key and path in self.values:
                return self.values[path]
            path = path[:-1]
        return self.values.get((), Position(1, 1))

    def error(self, position: Position, message: str) -> None:
        """Record one problem at a position."""
        self.errors.append(Diagnostic(self.file, position, message))


def _pos(mark: yaml.Mark) -> Position:
    return Position(mark.line + 1, mark.column + 1)


def _problem_text(exc: yaml.YAMLError) -> str:
    problem = getattr(exc, "problem", None) or str(exc)
    context = getattr(exc, "context", None) or ""
    for english, indonesian in _PROBLEMS.items():
        if problem.startswith(english) or context.startswith(english):
            return indonesian
    return f"YAML tidak dapat dibaca ({problem})"


def read_source(file: str, text: str) -> Source:
    """Parse YAML text safely; never raises for bad input, records errors instead."""
    source = Source(file)
    if len(text.encode("utf-8", "surrogatepass")) > MAX_BYTES:
        source.error(Position(1, 1), f"berkas terlalu besar (lebih dari {MAX_BYTES // 1024 // 1024} "
                     "MB); rencana aksi biasanya hanya beberapa ratus KB")
        return source
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        position = _pos(mark) if mark else Position(1, 1)
        source.error(position, f"YAML tidak valid: {_problem_text(exc)}")
        return source
    except yaml.YAMLError as exc:
        source.error(Position(1, 1), f"YAML tidak valid: {_problem_text(exc)}")
        return source
    if node is None:
        source.error(Position(1, 1), "berkas kosong: tidak ada isi rencana aksi")
        return source
    walker = _Walker(source)
    source.data = walker.value(node, ())
    return source


class _Walker:
    """Turns composed YAML nodes into plain values while recording positions."""

    def __init__(self, source: Source):
        self.source = source
        self.constructor = yaml.SafeLoader("")
        self.count = 0
        self.stopped = False

    def value(self, node: yaml.Node, path: Path) -> Any:
        self.count += 1
        if self.count > MAX_NODES:
            if not self.stopped:
                self.stopped = True
                self.source.error(_pos(node.start_mark), "berkas terlalu besar atau memakai "
                                  "alias (*) berulang-ulang; isi rencana aksi tanpa alias")
            return None
        self.source.values.setdefault(path, _pos(node.start_mark))
        if isinstance(node, yaml.MappingNode):
            return self.mapping(node, path)
        if isinstance(node, yaml.SequenceNode):
            return [self.value(item, (*path, i)) for i, item in enumerate(node.value)]
        return self.scalar(node)

    def scalar(self, node: yaml.ScalarNode) -> Any:
        if node.tag not in _SCALAR_TAGS:
            self.source.error(_pos(node.start_mark), f"tag YAML '{node.tag}' tidak diizinkan; "
                              "tulis nilainya sebagai teks, angka, atau tanggal biasa")
            return None
        if node.tag == "tag:yaml.org,2002:timestamp":
            return node.value  # dates are parsed by the model, with a clear message
        return self.constructor.construct_object(node, deep=True)

    def mapping(self, node: yaml.MappingNode, path: Path) -> dict[str, Any]:
        result: dict[str, Any] = {}
        first_seen: dict[str, Position] = {}
        for key_node, value_node in node.value:
            key_pos = _pos(key_node.start_mark)
            if not isinstance(key_node, yaml.ScalarNode) or key_node.tag == "tag:yaml.org,2002:merge":
                self.source.error(key_pos, "kunci harus berupa teks biasa (penggabungan '<<' dan "
                                  "kunci bersusun tidak didukung)")
                continue
            key = str(self.scalar(key_node))
            if key in first_seen:
                first = first_seen[key]
                self.source.error(key_pos, f"kunci '{key}' ditulis dua kali (pertama di baris "
                                  f"{first.line}); YAML hanya menyimpan yang terakhir, hapus salah "
                                  "satunya")
                continue
            first_seen[key] = key_pos
            child = (*path, key)
            self.source.keys[child] = key_pos
            result[key] = self.value(value_node, child)
        return result
