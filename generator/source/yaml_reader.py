"""Safe YAML loading that remembers where every key and value stands in the file."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, cast

import yaml

from generator.source.diagnostics import Diagnostic, Position, Severity

try:  # the C composer is several times faster; the pure one gives the same nodes
    from yaml import CSafeLoader as _FastLoader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _FastLoader  # type: ignore[assignment]

FastSafeLoader = _FastLoader
"""The fastest safe loader this PyYAML has, for every module that reads YAML."""

Path = tuple[str | int, ...]
"""Where a value sits in the plan: mapping keys and 0-based list indices."""

MAX_BYTES = 5 * 1024 * 1024
"""A plan is a few hundred kilobytes at most; anything larger is refused unread."""
MAX_NODES = 500_000
"""Aliases may make a small file expand without bound; stop walking past this many nodes."""
MAX_DEPTH = 100
"""Lists and mappings inside each other, at most; a real plan uses about 12 levels."""
MAX_DIGITS = 100
"""Digits of a whole number, at most; a NIP has 18, Python refuses to print 4,300."""
_C_SAFE_DEPTH = 2_000
"""Nesting the C composer takes safely: it recurses in C and crashed the process at about
30,000 levels on an 8 MB stack. Below this bound the walker checks MAX_DEPTH itself."""
_STARTS = (yaml.SequenceStartEvent, yaml.MappingStartEvent)
_ENDS = (yaml.SequenceEndEvent, yaml.MappingEndEvent)
_SELF_ALIAS = ("alias {alias} di dalam nilai {anchor} merujuk ke nilai itu sendiri, jadi isinya "
               "tidak berujung; tulis isinya tanpa alias")
_ANCHOR_NAME = re.compile(r"&([^\s,\[\]{}]+)")

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

_POINT_AT_START = ("found unexpected end of stream", "found unexpected document separator",
                   "expected the node content, but found '<stream end>'", "expected ',' or")
"""Problems found at the end of the file whose cause is where the value began."""

_COLLECTION_TAGS = {"tag:yaml.org,2002:map", "tag:yaml.org,2002:seq"}

_UNCLOSED = "tanda kutip pembuka {quote} di baris ini tidak ditutup; tutup di akhir teks"
_AFTER_CLOSING = {  # by the quote that closed too early
    "'": "teks sesudah tanda kutip penutup: apit SELURUH teks dengan tanda kutip; bila teksnya "
         "memuat kutip tunggal (Jum'at), apit dengan kutip ganda \"Jum'at\"",
    '"': "teks sesudah tanda kutip penutup: apit SELURUH teks dengan tanda kutip; bila teksnya "
         "memuat kutip ganda (\"Rapat\" dan evaluasi), apit dengan kutip tunggal "
         "'\"Rapat\" dan evaluasi'",
}
_TAG = "'!' di awal nilai dibaca YAML sebagai tag; apit teks dengan tanda kutip"
_DIRECTIVE = ("baris yang diawali '%' dibaca YAML sebagai direktif dan tidak diperlukan di rencana "
              "aksi; hapus baris itu, atau bila teks, apit dengan tanda kutip")
_ESCAPE = ("garis miring terbalik (\\) di dalam teks berkutip ganda memulai kode escape; tulis "
           "\\\\ atau apit teks dengan kutip tunggal")
_CONTROL_CHARACTER = "berkas memuat karakter kendali yang tidak diizinkan"
_FALLBACK = ("YAML tidak dapat dibaca di sini; periksa tanda kutip, titik dua, dan indentasi baris "
             "ini")

_PROBLEMS = (  # (start of PyYAML's problem, Indonesian message); every problem PyYAML 6 raises
    ("mapping values are not allowed", "titik dua (:) tidak boleh di sini; apit teks yang "
     "memuat ': ' dengan tanda kutip, atau periksa indentasinya"),
    ("found character '\\t'", "karakter tab tidak boleh dipakai untuk indentasi; gunakan spasi"),
    ("found a tab character", "karakter tab tidak boleh dipakai untuk indentasi; gunakan spasi"),
    ("found character", "karakter {char} tidak boleh mengawali nilai; apit teks dengan tanda "
     "kutip"),
    ("sequence entries are not allowed", "tanda '-' tanpa kutip memulai butir daftar dan tidak "
     "boleh ditulis di baris yang sama dengan kuncinya; tulis butir daftar di baris berikutnya, "
     "atau bila teks, apit dengan tanda kutip"),
    ("mapping keys are not allowed", "'? ' di awal nilai dibaca YAML sebagai penanda kunci; apit "
     "teks dengan tanda kutip"),
    ("found unexpected end of stream", "tanda kutip pembuka tidak ditutup; tutup di akhir teks"),
    ("found unexpected document separator", "tanda kutip pembuka tidak ditutup sebelum baris "
     "'---' atau '...'; tutup di akhir teks"),
    ("expected the node content, but found '<stream end>'", "nilai tidak lengkap: kurung '[' "
     "atau '{{' belum ditutup"),
    ("expected the node content, but found ']'", "kurung tutup ']' tanpa kurung buka '['; bila "
     "bagian dari teks, apit seluruh teks dengan tanda kutip"),
    ("expected the node content, but found '}'", "kurung tutup '}}' tanpa kurung buka '{{'; bila "
     "bagian dari teks, apit seluruh teks dengan tanda kutip"),
    ("expected the node content", "nilai tidak dapat diawali tanda {char}; apit teks dengan "
     "tanda kutip"),
    ("did not find expected node content", "nilai tidak dapat diawali tanda {char}; apit teks "
     "dengan tanda kutip"),  # libyaml's words, when the pure parser cannot say more
    ("expected ',' or ']'", "daftar dalam kurung siku [...] tidak ditutup dengan ']'"),
    ("expected ',' or '}'", "pemetaan dalam kurung kurawal {{...}} tidak ditutup dengan '}}'"),
    ("found undefined alias", "alias (*nama) dipakai tetapi jangkarnya (&nama) tidak ada; bila "
     "'*' bagian dari teks, apit teks dengan tanda kutip"),
    ("expected <block end>", "indentasi tidak rata: baris ini tidak sejajar dengan baris "
     "sebelumnya"),
    ("expected '<document start>'", "berkas hanya boleh berisi satu dokumen YAML; hapus baris "
     "'...' atau '%' sebelum baris ini"),
    ("but found another document", "berkas hanya boleh berisi satu dokumen YAML (hapus "
     "pemisah '---' yang kedua)"),
    ("found unknown escape character", _ESCAPE),
    ("expected escape sequence", _ESCAPE),
    ("could not find expected ':'", "titik dua (:) setelah kunci tidak ditemukan"),
    ("second occurrence", "jangkar (&nama) yang sama dipakai dua kali; bila '&' bagian dari "
     "teks, apit teks dengan tanda kutip"),
    ("found duplicate YAML directive", _DIRECTIVE),
    ("found incompatible YAML document", _DIRECTIVE),
    ("duplicate tag handle", _DIRECTIVE),
    ("found undefined tag handle", _TAG),
    ("found unexpected ':'", "titik dua (:) tanpa spasi sesudahnya di antara kurung {{...}} atau "
     "[...]; tulis 'kunci: nilai' dengan spasi sesudah titik dua, atau apit teks yang memuat titik "
     "dua dengan tanda kutip"),  # libyaml only: 'a:b' and 'a:,' between brackets
    ("special characters are not allowed", _CONTROL_CHARACTER),
    ("unacceptable character", _CONTROL_CHARACTER),
)
"""Matched against PyYAML's problem first, then against its context (_CONTEXTS)."""

_CONTEXTS = (  # (start of PyYAML's context, Indonesian message)
    ("while scanning a directive", _DIRECTIVE),
    ("while scanning an anchor", "'&' di awal nilai dibaca YAML sebagai jangkar; apit teks "
     "dengan tanda kutip"),
    ("while scanning an alias", "'*' di awal nilai dibaca YAML sebagai alias; apit teks dengan "
     "tanda kutip"),
    ("while parsing a tag", _TAG),
    ("while scanning a tag", _TAG),
    ("while scanning a block scalar", "tanda {block} di awal nilai memulai teks blok, jadi teks "
     "harus ditulis mulai baris berikutnya dengan indentasi lebih dalam; pindahkan teks ke baris "
     "berikutnya, atau bila tanda itu bagian dari teks, apit seluruh teks dengan tanda kutip"),
    ("while scanning a double-quoted scalar", _ESCAPE),
    ("while scanning a quoted scalar", "tanda kutip pembuka tidak ditutup; tutup di akhir teks"),
)

_BARE_DASH = ("tanda '-' tanpa kutip memulai butir daftar; untuk sel yang sengaja kosong tulis "
              "\"-\" dengan tanda kutip")
_FLOW_COLON = ("titik dua di dalam teks di antara {open}...{close}: apit teks itu dengan tanda "
               "kutip, mis. {example}")

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
"""Word's curly quotes look like quotes but protect nothing in YAML."""


def _curly_found(text: str) -> str:
    """The curly quote characters in a text, in the order of _CURLY, without repeats."""
    return "".join(quote for quote in _CURLY if quote in text)


def curly_hint(found: str) -> str:
    """The sentence naming the curly quotes the user actually typed."""
    return f"tanda kutip lengkung {' '.join(found)} tidak dihitung sebagai kutip oleh YAML"


_EDGE_SPACES = "\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a" \
    "\u200b\u202f\u205f\u2060\u3000\ufeff"
"""Spaces YAML does not count as spaces (Word's U+00A0, narrow and wide spaces, zero-width
ones): at the edges of an unquoted value they are invisible and mean nothing."""

_COMMENT_AFTER = re.compile(r"(\s+)#(.?)")
_ZI_COMMENT = re.compile(r"\s+#\s*zi:", re.IGNORECASE)
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
    text: str = ""
    """The file's text as read, to place a finding inside a long value (see source/inside.py)."""

    @cached_property
    def lines(self) -> list[str]:
        """The file's lines as written, for comments that speak to the checker."""
        return self.text.splitlines()

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
        self.warnings.append(Diagnostic(self.file, position, message, severity=Severity.WARNING,
                                        kode=code))


def _too_deep() -> str:
    return (f"daftar dan pemetaan bersarang terlalu dalam (lebih dari {MAX_DEPTH} tingkat); "
            "rencana aksi hanya perlu belasan tingkat: periksa kurung '[' dan '{' serta tanda "
            "'-' yang berderet, atau alias (*) yang bertumpuk")


def _deep_nesting(text: str, lines: list[str]) -> Position | None:
    """Where nesting first goes past MAX_DEPTH, found before the recursive composer sees the
    text; None when it does not, or when the composer may safely find out itself.

    Each level of nesting needs a '[' or a '{', or at most two levels a deeper column of its
    line: when that bound is low (any real plan) the costly scan is skipped. The scan reads
    the C parser's events, which keeps its own stack, so no nesting can crash it.
    """
    bound = text.count("[") + text.count("{") + 2 * max(map(len, lines), default=0) + 2
    if bound <= _C_SAFE_DEPTH:
        return None
    depth = 0
    try:
        for event in yaml.parse(text, Loader=FastSafeLoader):
            if isinstance(event, _STARTS):
                depth += 1
                if depth > MAX_DEPTH:
                    return _pos(event.start_mark)  # type: ignore[arg-type]  # set by the parser
            elif isinstance(event, _ENDS):
                depth -= 1
    except yaml.YAMLError:
        return None  # reading stops at the same problem before it is any deeper, and says so
    return None


def _pos(mark: yaml.Mark) -> Position:
    return Position(mark.line + 1, mark.column + 1)


def _problem_text(exc: yaml.YAMLError, lines: list[str] | None = None) -> str:
    """Indonesian for every problem PyYAML raises; its English never reaches the user."""
    problem = getattr(exc, "problem", None) or str(exc)
    context = getattr(exc, "context", None) or ""
    mark = getattr(exc, "problem_mark", None)
    char = "ini"
    if lines and mark is not None and mark.line < len(lines) and mark.column < len(
            lines[mark.line]):
        char = repr(lines[mark.line][mark.column])
    for english, indonesian in _PROBLEMS:
        if problem.startswith(english):
            return indonesian.format(char=char)
    for english, indonesian in _CONTEXTS:
        if context.startswith(english):
            return indonesian.format(block=_block_indicator(exc, lines or []))
    return _FALLBACK


def _block_indicator(exc: yaml.YAMLError, lines: list[str]) -> str:
    """The '>-' or '|' as written, so the message names what the user typed."""
    mark = getattr(exc, "context_mark", None)
    if mark is not None and mark.line < len(lines):
        found = re.match(r"[|>][-+0-9]*", lines[mark.line][mark.column:])
        if found:
            return f"'{found.group()}'"
    return "'>' atau '|'"


def _detailed_error(text: str, exc: yaml.MarkedYAMLError) -> yaml.MarkedYAMLError:
    """The pure-Python parser names the offending character; ask it once something failed."""
    try:
        yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as detailed:
        return detailed
    except yaml.YAMLError:  # a control character further on: the first problem is the one
        return exc
    except RecursionError:  # it recurses in Python; the nesting before the problem is bounded
        return exc
    return exc


def read_source(file: str, text: str) -> Source:
    """Parse YAML text safely; never raises for bad input, records errors instead."""
    source = Source(file, text=text)
    if len(text.encode("utf-8", "surrogatepass")) > MAX_BYTES:
        limit = MAX_BYTES // 1024 // 1024
        source.error(Position(1, 1), f"berkas terlalu besar (lebih dari {limit} MB); rencana "
                     "aksi biasanya hanya beberapa ratus KB")
        return source
    lines = text.splitlines()
    if (deep := _deep_nesting(text, lines)) is not None:
        source.error(deep, _too_deep())
        return source
    try:
        node = yaml.compose(text, Loader=FastSafeLoader)
    except yaml.MarkedYAMLError as fast_exc:
        exc = _detailed_error(text, fast_exc)
        mark = getattr(exc, "problem_mark", None)
        last = mark.line + 1 if mark else None
        if not _nbsp_errors(source, text, last) and not _quote_error(source, text, last):
            _syntax_error(source, text, exc)
        return source
    except yaml.YAMLError as exc:
        source.error(Position(1, 1), f"YAML tidak valid: {_problem_text(exc)}")
        return source
    if node is None:
        source.error(Position(1, 1), "berkas kosong: tidak ada isi rencana aksi")
        return source
    walker = _Walker(source, lines)
    data = walker.value(node, ())
    source.data = None if walker.broken else data
    if source.data is None and not source.errors:  # only spaces YAML does not count as spaces
        source.error(Position(1, 1), "berkas kosong: tidak ada isi rencana aksi")
    if _ANCHOR.search(text):
        _anchor_warnings(source, text)
    return source


_ANCHOR = re.compile(r"(?:^|[\s\[{,])&\S")
"""Where an anchor may stand; '&' inside prose ('Sarana & Prasarana') does not match."""


def _anchor_warnings(source: Source, text: str) -> None:
    """A value starting with '&' loses its first word to an anchor name; warn unless the
    anchor is used by an alias (then it was meant)."""
    anchored: list[yaml.ScalarEvent] = []
    used: set[str] = set()
    try:
        for event in yaml.parse(text, Loader=FastSafeLoader):
            if isinstance(event, yaml.ScalarEvent) and event.anchor is not None:
                anchored.append(event)
            elif isinstance(event, yaml.AliasEvent) and event.anchor is not None:
                used.add(event.anchor)
    except yaml.YAMLError:  # pragma: no cover - the same text was composed just before
        return
    for event in anchored:
        if event.anchor in used:
            continue
        printed = (f"yang tercetak hanya '{event.value}'" if event.value
                   else "nilainya menjadi kosong")
        source.warn(_pos(event.start_mark), "jangkar-yaml",  # type: ignore[arg-type]
                    f"'&' di awal nilai dibaca YAML sebagai nama jangkar, jadi '&{event.anchor}' "
                    f"dibuang dan {printed}; apit seluruh teks dengan tanda kutip")


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


def _tokens(text: str) -> list[yaml.Token]:
    """The tokens PyYAML's scanner made before it failed, for a closer look at the cause."""
    try:
        loader = yaml.SafeLoader(text)
    except yaml.YAMLError:  # a control character anywhere stops the pure reader at once
        return []
    tokens: list[yaml.Token] = []
    try:
        while loader.check_token():
            tokens.append(loader.get_token())  # type: ignore[no-untyped-call]
    except yaml.YAMLError:
        tokens.extend(loader.tokens)  # scanned before the failure, not yet handed out
    finally:
        loader.dispose()
    return tokens


def _open_bracket(text: str) -> yaml.Token | None:
    """The innermost '[' or '{' still open where the file ends."""
    opened: list[yaml.Token] = []
    for token in _tokens(text):
        if isinstance(token, (yaml.FlowSequenceStartToken, yaml.FlowMappingStartToken)):
            opened.append(token)
        elif isinstance(token, (yaml.FlowSequenceEndToken, yaml.FlowMappingEndToken)) and opened:
            opened.pop()
    return opened[-1] if opened else None


def _quote_error(source: Source, text: str, last: int | None) -> bool:
    """A quote opened and not closed on its line, or text after the closing quote, up to the
    line where reading failed: PyYAML notices either only lines later; True if one was found."""
    lines = text.splitlines()
    for token in _tokens(text):
        start, end = token.start_mark, token.end_mark
        if last is not None and start.line + 1 > last:
            break
        if not isinstance(token, yaml.ScalarToken) or token.style not in ("'", '"'):
            continue
        rest = lines[end.line][end.column:] if end.line < len(lines) else ""
        after = rest.lstrip(" \t")
        if not after or after[0] in "#,]}:":
            continue  # a quoted value that ends where a value may end, even over several lines
        if end.line > start.line:
            source.error(_pos(start), "YAML tidak valid: " + _UNCLOSED.format(quote=token.style))
        else:
            column = end.column + len(rest) - len(after)
            source.error(Position(end.line + 1, column + 1), "YAML tidak valid: "
                         + _AFTER_CLOSING[token.style])
        return True
    return False


def _syntax_error(source: Source, text: str, exc: yaml.MarkedYAMLError) -> None:
    """One message at the line that needs the fix, not where PyYAML noticed the problem."""
    lines = text.splitlines()
    problem = str(getattr(exc, "problem", ""))
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    message = _problem_text(exc, lines)
    if problem.startswith(_POINT_AT_START):
        mark = getattr(exc, "context_mark", None) or mark  # the quote or bracket left open
    quote = lines[mark.line][mark.column:mark.column + 1] if mark and mark.line < len(lines) \
        else ""
    if problem.startswith(("found unexpected end of stream", "found unexpected document")) \
            and quote in ("'", '"'):
        message = _UNCLOSED.format(quote=quote)
    if problem.startswith("could not find expected ':'") and exc.context_mark is not None:
        mark = exc.context_mark  # the line that lacks its colon, not the next key
        message = ("titik dua (:) setelah kunci tidak ditemukan; tulis 'kunci: nilai', atau "
                   "bila baris ini sambungan teks di atasnya, apit teks itu dengan tanda kutip")
    if problem.startswith("expected the node content, but found '<stream end>'") and (
            bracket := _open_bracket(text)):
        mark = bracket.start_mark
        pair = "[]" if isinstance(bracket, yaml.FlowSequenceStartToken) else "{}"
        message = f"kurung '{pair[0]}' di baris ini belum ditutup dengan '{pair[1]}'"
    if problem.startswith("sequence entries are not allowed") and mark is not None \
            and _BARE_VALUE.match(lines[mark.line][mark.column + 1:]):
        message = _BARE_DASH
    if problem.startswith(("expected ',' or ']', but got ':'", "expected ',' or '}', but got ':'")):
        mark, message = _flow_colon(lines, exc) or (mark, message)
    if mark is not None and mark.line < len(lines) and (
            curly := _curly_found(lines[mark.line])):
        message += f"; {curly_hint(curly)}: ganti dengan kutip biasa \" \""
    source.error(_pos(mark) if mark else Position(1, 1), f"YAML tidak valid: {message}")


_BARE_VALUE = re.compile(r"[ \t]*(?:#.*)?$")
"""Nothing but maybe a comment: the '-' was the whole value."""


def _flow_colon(lines: list[str], exc: yaml.MarkedYAMLError) -> tuple[yaml.Mark, str] | None:
    """A ': ' inside a value between brackets closed on the same line: the bracket is not the
    problem, the colon is; the message shows the value quoted."""
    opened, found = exc.context_mark, exc.problem_mark
    if opened is None or found is None or opened.line != found.line or found.line >= len(lines):
        return None
    line = lines[opened.line]
    open_char = line[opened.column:opened.column + 1]
    if open_char not in ("[", "{"):
        return None
    close_char = "]" if open_char == "[" else "}"
    depth, quote = 0, ""
    for index in range(opened.column, len(line)):
        char = line[index]
        if quote:
            quote = "" if char == quote else quote
        elif char in "'\"":
            quote = char
        elif char in "[{":
            depth += 1
        elif char in "]}":
            depth -= 1
            if depth == 0:
                break
    else:
        return None  # not closed on its line: the bracket message is right
    begin = max(line.rfind(",", 0, found.column), line.rfind(open_char, 0, found.column)) + 1
    ends = [i for i in (line.find(",", found.column), line.find(close_char, found.column)) if i > 0]
    item = line[begin:min(ends) if ends else len(line)].strip()
    if open_char == "{" and ": " in item:
        key, value = item.split(": ", 1)
        example = f'{key}: "{value.strip()}"'
    else:
        example = f'"{item}"'
    return found, _FLOW_COLON.format(open=open_char, close=close_char, example=example)


class _Walker:
    """Turns composed YAML nodes into plain values while recording positions.

    The walk keeps its own stack instead of recursing, so no nesting can exhaust Python's
    recursion; it stops at MAX_DEPTH levels, at a value that contains itself through an alias,
    and after MAX_NODES values, each with one positioned message.
    """

    def __init__(self, source: Source, lines: list[str]):
        self.source = source
        self.lines = lines
        self.constructor = yaml.SafeLoader("")
        self.count = 0
        """Values visited, aliases counted each time they are used."""
        self.stopped = False
        """The walk was cut short (too many values, too deep): the rest is not visited."""
        self.broken = False
        """The values are not checked against the model: a non-breaking space indents a key
        (the nesting is wrong), or the walk was cut short."""

    def value(self, root: yaml.Node, path: Path) -> Any:
        """The plain value of a node; collections with unusual tags are refused."""
        holder: list[Any] = [None]
        open_nodes: set[int] = set()
        stack: list[tuple[yaml.Node | None, Path, Any, Any, int]] = [(root, path, holder, 0, 0)]
        while stack:
            node, path, parent, slot, depth = stack.pop()
            if node is None:  # leaving the collection whose id is `slot`
                open_nodes.discard(slot)
                continue
            parent[slot] = self._visit(node, path, depth, open_nodes, stack)
            if self.stopped:
                break
        return holder[0]

    def _visit(self, node: yaml.Node, path: Path, depth: int, open_nodes: set[int],
               stack: list[tuple[yaml.Node | None, Path, Any, Any, int]]) -> Any:
        """One node's value; a collection comes back empty, its items pushed on `stack`."""
        self.count += 1
        if self.count > MAX_NODES:
            self._stop(node, "berkas terlalu besar atau memakai alias (*) berulang-ulang; isi "
                       "rencana aksi tanpa alias")
            return None
        self.source.values.setdefault(path, _pos(node.start_mark))
        if isinstance(node, yaml.ScalarNode):
            return self.scalar(node, path)
        if node.tag not in _COLLECTION_TAGS:
            self._refuse_tag(node, path)
            return None
        if id(node) in open_nodes:
            self.source.refused.add(path)
            self.source.error(_pos(node.start_mark), self._self_alias(node))
            self.broken = True
            return None
        if depth >= MAX_DEPTH:
            self._stop(node, _too_deep())
            return None
        open_nodes.add(id(node))
        stack.append((None, path, None, id(node), depth))  # popped after every item
        if isinstance(node, yaml.SequenceNode):
            items: list[Any] = [None] * len(node.value)
            for index in range(len(node.value) - 1, -1, -1):
                stack.append((node.value[index], (*path, index), items, index, depth + 1))
            return items
        mapping = cast(yaml.MappingNode, node)  # a scalar or a sequence has returned above
        result, children = self.mapping(mapping, path, in_list=bool(path) and isinstance(
            path[-1], int))
        for key, value_node in reversed(children):
            stack.append((value_node, (*path, key), result, key, depth + 1))
        return result

    def _self_alias(self, node: yaml.Node) -> str:
        """The message for a value that contains itself, naming its anchor as written."""
        mark = node.start_mark
        line = self.lines[mark.line] if mark.line < len(self.lines) else ""
        found = _ANCHOR_NAME.match(line, mark.column)
        if found is None:
            return _SELF_ALIAS.format(alias="(*nama)", anchor="ini")
        return _SELF_ALIAS.format(alias=f"*{found[1]}", anchor=f"&{found[1]}")

    def _stop(self, node: yaml.Node, message: str) -> None:
        """Cut the walk short with one message; the values are not checked further."""
        if not self.stopped:
            self.stopped = True
            self.broken = True
            self.source.error(_pos(node.start_mark), message)

    def scalar(self, node: yaml.ScalarNode, path: Path | None = None) -> Any:
        if path is not None and not node.style and node.tag == "tag:yaml.org,2002:str" \
                and node.value.strip(_EDGE_SPACES) != node.value:
            node = self._without_edge_spaces(node)
        if node.tag not in _SCALAR_TAGS:
            self._refuse_tag(node, path)
            return None
        if node.tag == "tag:yaml.org,2002:timestamp":
            return node.value  # dates are parsed by the model, with a clear message
        if node.tag == "tag:yaml.org,2002:int" and len(node.value) > MAX_DIGITS:
            return self._refuse_value(node, path, f"angka {node.value[:20]}... terlalu panjang "
                                      f"(lebih dari {MAX_DIGITS} digit); bila ini teks, apit "
                                      "dengan tanda kutip")
        try:
            value = self.constructor.construct_object(node, deep=True)
        except (ValueError, OverflowError, yaml.YAMLError):
            return self._refuse_value(node, path, "nilai ini tidak dapat dibaca; bila ini teks, "
                                      "apit dengan tanda kutip")
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

    def _refuse_value(self, node: yaml.ScalarNode, path: Path | None, message: str) -> None:
        """Report a value YAML cannot turn into one the model can check."""
        self.source.error(_pos(node.start_mark), message)
        if path is not None:
            self.source.refused.add(path)

    def _without_edge_spaces(self, node: yaml.ScalarNode) -> yaml.ScalarNode:
        """The value without invisible spaces at its edges, typed again as YAML would have
        typed it without them (2026 and a Word space is the number 2026); its position kept."""
        text = node.value.strip(_EDGE_SPACES)
        tag = self.constructor.resolve(  # type: ignore[no-untyped-call]
            yaml.ScalarNode, text, (True, False))
        return yaml.ScalarNode(tag, text, node.start_mark, node.end_mark, node.style)

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
                             f"{curly_hint(_curly_found(value[0] + value[-1]))} dan akan ikut "
                             "tercetak; ganti dengan kutip biasa \" \" atau hapus")
        keys = [part for part in path if isinstance(part, str)]
        if keys and keys[-1] in _NOT_PROSE:
            return
        end = node.end_mark
        rest = self.lines[end.line][end.column:] if end.line < len(self.lines) else ""
        cut = _COMMENT_AFTER.match(rest)
        if cut and _ZI_COMMENT.match(rest):  # '# zi: abaikan kode' is meant as a comment
            cut = None
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

    def mapping(self, node: yaml.MappingNode, path: Path, in_list: bool
                ) -> tuple[dict[str, Any], list[tuple[str, yaml.Node]]]:
        """The mapping's keys checked, in a dict waiting for its values, and the value nodes
        to visit in order."""
        result: dict[str, Any] = {}
        children: list[tuple[str, yaml.Node]] = []
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
            result[key] = None
            children.append((key, value_node))
        return result, children
