"""Safe YAML loading that remembers where every key and value stands in the file."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import yaml

from generator.diagnostics import Diagnostic, Position

try:  # the C composer is several times faster; the pure one gives the same nodes
    from yaml import CSafeLoader as FastSafeLoader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as FastSafeLoader

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

_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]")
"""Characters that XML (and so DOCX) cannot hold; a line break and a tab are fine."""

_POINT_AT_START = ("found unexpected end of stream", "expected the node content",
                   "expected ',' or")
"""Problems found at the end of the file whose cause is where the value began."""

_COLLECTION_TAGS = {"tag:yaml.org,2002:map", "tag:yaml.org,2002:seq"}

_PROBLEMS = (  # (start of PyYAML's problem or context, Indonesian message)
    ("mapping values are not allowed", "titik dua (:) tidak boleh di sini; apit teks yang "
     "memuat ': ' dengan tanda kutip, atau periksa indentasinya"),
    ("found character '\\t'", "karakter tab tidak boleh dipakai untuk indentasi; gunakan spasi"),
    ("found a tab character", "karakter tab tidak boleh dipakai untuk indentasi; gunakan spasi"),
    ("found character", "karakter ini tidak boleh mengawali nilai; apit teks dengan tanda kutip"),
    ("found unexpected end of stream", "tanda kutip pembuka tidak ditutup"),
    ("expected the node content", "nilai tidak lengkap: kurung '[' atau '{' belum ditutup"),
    ("expected ',' or ']'", "daftar dalam kurung siku [...] tidak ditutup dengan ']'"),
    ("expected ',' or '}'", "pemetaan dalam kurung kurawal {...} tidak ditutup dengan '}'"),
    ("found undefined alias", "alias (*nama) dipakai tetapi jangkarnya (&nama) tidak ada"),
    ("expected <block end>", "indentasi tidak rata: baris ini tidak sejajar dengan baris "
     "sebelumnya"),
    ("expected a single document", "berkas hanya boleh berisi satu dokumen YAML (hapus "
     "pemisah '---' yang kedua)"),
    ("found unknown escape character", "karakter escape (\\) tidak dikenal di dalam teks "
     "berkutip ganda; gunakan kutip tunggal"),
    ("could not find expected ':'", "titik dua (:) setelah kunci tidak ditemukan"),
    ("found duplicate anchor", "jangkar (&nama) yang sama dipakai dua kali"),
    ("special characters are not allowed", "berkas memuat karakter kendali yang tidak "
     "diizinkan"),
    ("unacceptable character", "berkas memuat karakter kendali yang tidak diizinkan"),
)


_NBSP = "\u00a0"
_NBSP_MESSAGE = ("spasi tak-putus dari Word (U+00A0) {where}; YAML tidak menghitungnya sebagai "
                 "spasi: ganti dengan spasi biasa")
_NBSP_PLACES = (  # (pattern, where it is in words)
    (re.compile(r"^[ \t]*(\u00a0)"), "di awal baris"),
    (re.compile(r"^[ \t\u00a0]*(?:- +)*[^\s:#][^:#]*?(?<!\s):(\u00a0)"),
     "setelah titik dua"),
    (re.compile(r"^[ \t]*-(\u00a0)"), "setelah tanda '-'"),
)
"""Where a non-breaking space pasted from Word breaks the structure (not inside text)."""

_CURLY = "\u201c\u201d\u2018\u2019"
CURLY_HINT = "tanda kutip lengkung \u201c \u201d tidak dihitung sebagai kutip oleh YAML"
"""Word's curly quotes look like quotes but protect nothing in YAML."""

_COMMENT_AFTER = re.compile(r"(\s+)#(.?)")
_NOT_PROSE = {"tingkat", "penandatangan", "pengesah_salinan", "orang", "peran", "nip", "kertas",
              "huruf", "logo", "kolom", "tahun", "tanggal", "jadwal", "situs"}
"""Keys whose values are keys, choices or codes: a comment after them is a comment."""


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
    refused: set[Path] = field(default_factory=set)
    """Values already reported and dropped (unknown tags); the model need not report them."""
    written: dict[Path, str] = field(default_factory=dict)
    """Unquoted values YAML read as something other than text (yes, .nan, -5), as written, so
    a message can quote what the user typed rather than what YAML made of it."""
    warnings: list[Diagnostic] = field(default_factory=list)
    """Traps that do not stop reading but may change the printed text (a ' #' cutting a value,
    curly quotes), as coded warnings."""

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

    def warn(self, position: Position, code: str, message: str) -> None:
        """Record one trap that changes the printed text but does not stop the build."""
        self.warnings.append(Diagnostic(self.file, position, message, severity="peringatan",
                                        kode=code))


def _pos(mark: yaml.Mark) -> Position:
    return Position(mark.line + 1, mark.column + 1)


def _problem_text(exc: yaml.YAMLError) -> str:
    problem = getattr(exc, "problem", None) or str(exc)
    context = getattr(exc, "context", None) or ""
    for english, indonesian in _PROBLEMS:
        if problem.startswith(english) or context.startswith(english):
            return indonesian
    return f"YAML tidak dapat dibaca ({problem})"


def _detailed_error(text: str, exc: yaml.YAMLError) -> yaml.YAMLError:
    """The pure-Python parser names the offending character; ask it once something failed."""
    try:
        yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as detailed:
        return detailed
    return exc


def read_source(file: str, text: str) -> Source:
    """Parse YAML text safely; never raises for bad input, records errors instead."""
    source = Source(file)
    if len(text.encode("utf-8", "surrogatepass")) > MAX_BYTES:
        limit = MAX_BYTES // 1024 // 1024
        source.error(Position(1, 1), f"berkas terlalu besar (lebih dari {limit} MB); rencana "
                     "aksi biasanya hanya beberapa ratus KB")
        return source
    try:
        node = yaml.compose(text, Loader=FastSafeLoader)
    except yaml.MarkedYAMLError as fast_exc:
        exc = _detailed_error(text, fast_exc)
        mark = getattr(exc, "problem_mark", None)
        if not _nbsp_errors(source, text, mark.line + 1 if mark else None):
            _syntax_error(source, text, exc)
        return source
    except yaml.YAMLError as exc:
        source.error(Position(1, 1), f"YAML tidak valid: {_problem_text(exc)}")
        return source
    if node is None:
        source.error(Position(1, 1), "berkas kosong: tidak ada isi rencana aksi")
        return source
    walker = _Walker(source, text.splitlines())
    data = walker.value(node, ())
    source.data = None if walker.broken else data
    return source


def _nbsp_errors(source: Source, text: str, last: int | None) -> bool:
    """Report non-breaking spaces that break the structure up to the line where reading
    failed (those after it cannot be the cause); True if any was found."""
    found = False
    for number, line in enumerate(text.splitlines(), start=1):
        if last is not None and number > last:
            break
        if _NBSP not in line:
            continue
        for pattern, where in _NBSP_PLACES:
            match = pattern.match(line)
            if match:
                source.error(Position(number, match.start(1) + 1),
                             "YAML tidak valid: " + _NBSP_MESSAGE.format(where=where))
                found = True
                break
    return found


def _syntax_error(source: Source, text: str, exc: yaml.MarkedYAMLError) -> None:
    """One message at the line that needs the fix, not where PyYAML noticed the problem."""
    problem = str(getattr(exc, "problem", ""))
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    message = _problem_text(exc)
    if problem.startswith(_POINT_AT_START):
        mark = getattr(exc, "context_mark", None) or mark  # the quote or bracket left open
    if problem.startswith("could not find expected ':'") and exc.context_mark is not None:
        mark = exc.context_mark  # the line that lacks its colon, not the next key
        message = ("titik dua (:) setelah kunci tidak ditemukan; tulis 'kunci: nilai', atau "
                   "bila baris ini sambungan teks di atasnya, apit teks itu dengan tanda kutip")
    lines = text.splitlines()
    if mark is not None and mark.line < len(lines) and any(
            quote in lines[mark.line] for quote in _CURLY):
        message += f"; {CURLY_HINT}: ganti dengan kutip biasa \" \""
    source.error(_pos(mark) if mark else Position(1, 1), f"YAML tidak valid: {message}")


class _Walker:
    """Turns composed YAML nodes into plain values while recording positions."""

    def __init__(self, source: Source, lines: list[str]):
        self.source = source
        self.lines = lines
        self.constructor = yaml.SafeLoader("")
        self.count = 0
        self.stopped = False
        self.broken = False
        """A non-breaking space indents a key: nesting is wrong, so the values are not checked."""

    def value(self, node: yaml.Node, path: Path) -> Any:
        """The plain value of a node; collections with unusual tags are refused."""
        self.count += 1
        if self.count > MAX_NODES:
            if not self.stopped:
                self.stopped = True
                self.source.error(_pos(node.start_mark), "berkas terlalu besar atau memakai "
                                  "alias (*) berulang-ulang; isi rencana aksi tanpa alias")
            return None
        self.source.values.setdefault(path, _pos(node.start_mark))
        if not isinstance(node, yaml.ScalarNode) and node.tag not in _COLLECTION_TAGS:
            self._refuse_tag(node, path)
            return None
        if isinstance(node, yaml.MappingNode):
            return self.mapping(node, path, in_list=bool(path) and isinstance(path[-1], int))
        if isinstance(node, yaml.SequenceNode):
            return [self.value(item, (*path, i)) for i, item in enumerate(node.value)]
        return self.scalar(node, path)

    def scalar(self, node: yaml.ScalarNode, path: Path | None = None) -> Any:
        if node.tag not in _SCALAR_TAGS:
            self._refuse_tag(node, path)
            return None
        if node.tag == "tag:yaml.org,2002:timestamp":
            return node.value  # dates are parsed by the model, with a clear message
        value = self.constructor.construct_object(node, deep=True)
        if path is not None and not node.style and not isinstance(value, str):
            self.source.written[path] = node.value
        if path is not None and not node.style and isinstance(value, str):
            self._check_plain_text(node, value, path)
        if isinstance(value, str) and (bad := _CONTROL.search(value)):
            code = f"U+{ord(bad.group()):04X}"
            self.source.error(_pos(node.start_mark), f"teks memuat karakter kendali {code} yang "
                              "tidak dapat dicetak; hapus karakter itu")
            if path is not None:
                self.source.refused.add(path)
            return None
        return value

    def _check_plain_text(self, node: yaml.ScalarNode, value: str, path: Path) -> None:
        """Unquoted prose: a '-' list mark glued by a Word space, a ' #' that cut it, or curly
        quotes that will be printed."""
        if value.startswith("-" + _NBSP):
            start = node.start_mark
            self.source.error(Position(start.line + 1, start.column + 2), "YAML tidak valid: "
                              + _NBSP_MESSAGE.format(where="setelah tanda '-'"))
            self.source.refused.add(path)  # it was meant as a list, not as this text
            return
        if value[:1] in _CURLY and value[-1:] in _CURLY:
            self.source.warn(_pos(node.start_mark), "kutip-lengkung",
                             f"{CURLY_HINT} dan akan ikut tercetak; ganti dengan kutip biasa "
                             "\" \" atau hapus")
        keys = [part for part in path if isinstance(part, str)]
        if keys and keys[-1] in _NOT_PROSE:
            return
        end = node.end_mark
        rest = self.lines[end.line][end.column:] if end.line < len(self.lines) else ""
        cut = _COMMENT_AFTER.match(rest)
        if cut and (len(cut.group(1)) == 1 or cut.group(2).strip()):
            shown = value if len(value) <= 40 else "..." + value[-37:]
            self.source.warn(Position(end.line + 1, end.column + cut.end(1) + 1),
                             "komentar-memotong",
                             f"' #' memulai komentar YAML, jadi teks sesudahnya terpotong dan "
                             f"yang tercetak hanya '{shown}'; apit seluruh teks dengan tanda "
                             "kutip")

    def _refuse_tag(self, node: yaml.Node, path: Path | None) -> None:
        if path is not None:
            self.source.refused.add(path)
        tag = node.tag.replace("tag:yaml.org,2002:", "!!")
        self.source.error(_pos(node.start_mark), f"tag YAML '{tag}' tidak diizinkan; tulis "
                          "nilainya sebagai teks, angka, tanggal, daftar, atau pemetaan biasa")

    def mapping(self, node: yaml.MappingNode, path: Path, in_list: bool) -> dict[str, Any]:
        result: dict[str, Any] = {}
        first_seen: dict[str, Position] = {}
        first_key = None
        for key_node, value_node in node.value:
            key_pos = _pos(key_node.start_mark)
            merge = key_node.tag == "tag:yaml.org,2002:merge"
            if not isinstance(key_node, yaml.ScalarNode) or merge:
                self.source.error(key_pos, "kunci harus berupa teks biasa (penggabungan '<<' dan "
                                  "kunci bersusun tidak didukung)")
                continue
            key = str(self.scalar(key_node))
            if _NBSP in key:
                where = "di awal baris" if key.startswith(_NBSP) else "di dalam kunci"
                column = key_pos.column + (key.index(_NBSP) if not key_node.style else 1)
                self.source.error(Position(key_pos.line, column),
                                  "YAML tidak valid: " + _NBSP_MESSAGE.format(where=where))
                key = key.replace(_NBSP, " ").strip()
                self.broken = self.broken or where == "di awal baris"
            if key in first_seen:
                first = first_seen[key]
                message = (f"kunci '{key}' ditulis dua kali (pertama di baris {first.line}); "
                           "YAML hanya menyimpan yang terakhir, hapus salah satunya")
                if in_list and key == first_key:
                    item = "langkah" if path[-2:-1] == ("langkah",) else "butir"
                    message = (f"kunci '{key}' ditulis dua kali dalam satu {item} (pertama di "
                               f"baris {first.line}); awali {item} baru dengan '- ' "
                               f"(- {key}: ...): setiap butir daftar diawali '- '")
                    first_seen = {}  # the keys after it belong to the next item
                self.source.error(key_pos, message)
                first_seen.setdefault(key, key_pos)
                continue
            first_key = key if first_key is None else first_key
            first_seen[key] = key_pos
            child = (*path, key)
            self.source.keys[child] = key_pos
            result[key] = self.value(value_node, child)
        return result
