"""`zi templat periksa`: an office's template folder checked before any build, every problem at
once with its place, so a template edited in Word or LibreOffice fails here, not mid-build.

What is required is read from the shipped templates themselves (the fields they print, the loops
and conditions they test, the tables zi finds), and what may be used from the document classes the
writers fill the templates with, so the check follows both without a list kept by hand.
"""

from __future__ import annotations

import dataclasses
import difflib
import io
import re
import typing
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from jinja2 import Environment, TemplateSyntaxError, nodes

from generator.document.decree import Dokumen, DokumenMandiri
from generator.document.monev_report import DokumenMonev
from generator.writers.limits import DOCX_MAX_BYTES, read_docx_template, read_regular
from generator.writers.markers import table_kind
from generator.writers.problem import TemplateProblem
from generator.writers.resources import templates_dir

DOCX_FILES = ("keputusan.docx", "rencana-aksi.docx", "monev.docx")
HTML_FILES = ("keputusan.html", "rencana-aksi.html", "monev.html", "_bagian.html")
CSS_FILES = ("keputusan.css", "monev.css")
CHECKED_FILES = DOCX_FILES + HTML_FILES + CSS_FILES
"""Every file of a template folder that zi reads; `zi templat salin` copies these."""

TABLE_KINDS = ("rencana_aksi_7", "rencana_aksi_6", "rencana_aksi_18", "tim")
"""Tables the DOCX writer finds after filling, by their marker or their alt-text title."""

TEXT_LIMIT = 2 * 2**20
"""An HTML or CSS template bigger than this is refused, as the writers' limits would."""

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_PARTS = re.compile(r"word/(document|header\d*|footer\d*)\.xml")
_TAG = re.compile(r"\{\{(?:(?!\{[{%#]).)*?\}\}|\{%(?:(?!\{[{%#]).)*?%\}|\{#.*?#\}", re.S)
"""A whole tag: no other tag starts inside it (a tag missing its end does not swallow the next)."""
_STRAY = re.compile(r"\{\{|\}\}|\{%|%\}|\{#|#\}")
_DOCXTPL_PREFIX = re.compile(r"(\{%-?|\{\{-?)\s*(?:p|tr|tc|r)\s")
_SMART_QUOTES = "\u201c\u201d\u2018\u2019\u201e\u201a\u00ab\u00bb"
_TO_STRAIGHT = str.maketrans(_SMART_QUOTES, "\"\"''\"'\"\"")
_STATEMENT = re.compile(r"\{%-?\s*(?:(p|tr|tc|r)\s+)?(\w+)")
"""A statement's docxtpl prefix ('p' for a paragraph, 'tr' for a table row, ...) and keyword."""
_OPENERS = {"for": "endfor", "if": "endif", "with": "endwith", "macro": "endmacro",
            "call": "endcall", "filter": "endfilter", "block": "endblock", "raw": "endraw"}
_MIDDLES = {"else": ("for", "if"), "elif": ("if",)}
_JINJA_GLOBALS = {"range", "dict", "lipsum", "cycler", "joiner", "namespace", "loop", "caller",
                  "varargs", "kwargs", "true", "false", "none", "True", "False", "None"}


class _Open:
    """A value whose type zi does not describe further (a string, a dict, a macro's argument):
    any attribute of it is accepted."""


OPEN = _Open
_EXTRA_HTML = frozenset({"lebar_label"})
"""What the HTML writer adds to a decree for its templates (html_writer._LaidOut)."""

_CONTEXTS: dict[str, dict[str, Any]] = {
    "keputusan.docx": {"doc": Dokumen, "logo": str},
    "rencana-aksi.docx": {"doc": DokumenMandiri, "logo": str},
    "monev.docx": {"doc": DokumenMonev, "logo": str, "grafik": OPEN},
    "keputusan.html": {"doc": Dokumen, "page": OPEN, "waktu": str, "stylesheets": OPEN,
                       "logo": str, "kolom_sel_pertama": int},
    "rencana-aksi.html": {"doc": DokumenMandiri, "page": OPEN, "waktu": str,
                          "stylesheets": OPEN, "logo": str, "kolom_sel_pertama": int},
    "monev.html": {"doc": DokumenMonev, "page": OPEN, "waktu": str, "stylesheets": OPEN,
                   "logo": str, "grafik": OPEN, "kolom_sel_pertama": int},
    "_bagian.html": {"doc": Dokumen | DokumenMandiri | DokumenMonev, "page": OPEN,
                     "waktu": str, "stylesheets": OPEN, "logo": str, "grafik": OPEN,
                     "kolom_sel_pertama": int},
}
"""What each template is filled with, as the writers pass it."""
_FILTERS = {"docx": {"rt"}, "html": {"baris"}}
"""The filters each writer adds to Jinja's own."""


@dataclass(frozen=True)
class Finding:
    """One problem of a user's template, where it is and what to do."""

    file: str
    """The template's file name."""
    place: str
    """Where in it: 'paragraf 12 ("...")', 'tabel 2, baris 1, sel 1 (...)', 'baris 7'; '' for
    the whole file."""
    text: str
    """What is wrong and what is expected, in Indonesian."""

    def __str__(self) -> str:
        where = f"{self.file} {self.place}" if self.place else self.file
        return f"{where}: {self.text}"


@dataclass
class _Source:
    """A template's Jinja text, one line per DOCX paragraph (or the HTML's own lines), with the
    place of each line for messages."""

    text: str
    places: list[str]
    """The place of line N (1-based) at index N-1."""
    tables: list[str] = field(default_factory=list)
    """The tables found, by marker or alt-text title (DOCX only)."""
    written: list[str] = field(default_factory=list)
    """Each DOCX paragraph's tags as written, docxtpl's prefixes kept, for messages."""

    def place(self, line: int | None) -> str:
        if line is None or not 1 <= line <= len(self.places):
            return ""
        return self.places[line - 1]


def check_folder(folder: Path) -> tuple[list[str], list[Finding]]:
    """The template files found in `folder`, and every problem in them."""
    present = [name for name in CHECKED_FILES if (folder / name).exists()
               or (folder / name).is_symlink()]
    findings: list[Finding] = []
    for name in present:
        findings.extend(check_file(folder / name, name))
    return present, findings


def check_file(path: Path, name: str) -> list[Finding]:
    """Every problem of one template, `name` being the shipped file it replaces."""
    if name in CSS_FILES:
        try:
            text = _read_text(path, name)
        except TemplateProblem as exc:
            return [Finding(name, "", str(exc))]
        return _check_css(text, name)
    try:
        source, findings = _load(path, name)
    except TemplateProblem as exc:
        return [Finding(name, "", str(exc))]
    if name in DOCX_FILES:
        findings.extend(_check_tables(source, name))
    tree, syntax = _parse(source, name)
    findings.extend(syntax)
    if tree is not None:
        kind = "docx" if name in DOCX_FILES else "html"
        user = _Walker(_CONTEXTS[name], kind)
        user.walk(tree)
        findings.extend(Finding(name, source.place(line), text) for line, text in user.problems)
        findings.extend(_missing(user, name, source))
    return findings


def _read_text(path: Path, name: str) -> str:
    data = read_regular(path, TEXT_LIMIT, f"templat {name}")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise TemplateProblem(f"templat {name} bukan teks UTF-8 (bita ke-{exc.start + 1}); "
                              "simpan ulang sebagai UTF-8") from None


def _load(path: Path, name: str) -> tuple[_Source, list[Finding]]:
    """The template's Jinja source and the mangled tags found while reading it."""
    if name in DOCX_FILES:
        if not zipfile.is_zipfile(io.BytesIO(read_regular(path, DOCX_MAX_BYTES,
                                                          f"templat {name}"))):
            raise TemplateProblem("bukan berkas DOCX; simpan ulang dari Word atau LibreOffice "
                                  "dengan jenis berkas Word (.docx)")
        return _docx_source(read_docx_template(path, name), name)
    text = _read_text(path, name)
    findings = [Finding(name, f"baris {text.count(chr(10), 0, start) + 1}", problem)
                for start, problem in _mangled_html(text)]
    text = _TAG.sub(lambda tag: tag.group(0).translate(_TO_STRAIGHT), text)
    kept = [(tag.start(), tag.end()) for tag in _TAG.finditer(text)]
    strays = [m for m in _STRAY.finditer(text)
              if not any(start <= m.start() < end for start, end in kept)]
    for stray in reversed(strays):  # a broken tag's delimiters become text: the rest is read
        text = text[:stray.start()] + "  " + text[stray.end():]
    lines = text.count("\n") + 1
    return _Source(text, [f"baris {n}" for n in range(1, lines + 1)]), findings


def _mangled_html(text: str) -> Iterator[tuple[int, str]]:
    """Smart quotes inside tags and tag delimiters left alone, where each starts (an HTML
    template's own braces, in its CSS, are not tags)."""
    for tag in _TAG.finditer(text):
        if any(quote in tag.group(0) for quote in _SMART_QUOTES):
            yield tag.start(), _smart_quotes(tag.group(0))
    rest = _TAG.sub(lambda tag: " " * len(tag.group(0)), text)
    for stray in _STRAY.finditer(rest):
        yield stray.start(), _BROKEN


def _docx_source(data: bytes, name: str) -> tuple[_Source, list[Finding]]:
    """Each paragraph's text, its runs joined (Word splits a tag over runs), as one line."""
    from lxml import etree

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as docx:
            parts = sorted((n for n in docx.namelist() if _PARTS.fullmatch(n)),
                           key=lambda n: (n != "word/document.xml", n))
            if "word/document.xml" not in parts:
                raise TemplateProblem(f"templat {name} bukan DOCX Word: tidak ada "
                                      "word/document.xml")
            parser = etree.XMLParser(resolve_entities=False, no_network=True)
            roots = [(part, etree.fromstring(docx.read(part), parser)) for part in parts]
    except (zipfile.BadZipFile, etree.XMLSyntaxError, ValueError) as exc:
        raise TemplateProblem(f"templat {name} tidak dapat dibuka sebagai DOCX ({exc})") \
            from None
    lines: list[str] = []
    written: list[str] = []
    places: list[str] = []
    tables: list[str] = []
    findings: list[Finding] = []
    for part, root in roots:
        prefix = _part_name(part)
        all_tables = list(root.iter(_W + "tbl"))  # kept: lxml gives the same proxies back
        table_numbers = {id(tbl): n for n, tbl in enumerate(all_tables, start=1)}
        if part == "word/document.xml":
            tables = [_table_name(tbl) for tbl in all_tables]
        for number, paragraph in enumerate(root.iter(_W + "p"), start=1):
            text = "".join(t.text or "" for t in paragraph.iter(_W + "t"))
            place = prefix + _paragraph_place(paragraph, number, table_numbers) + \
                f' ("{_short(text)}")'
            fixed, problems = _mangled(text)
            findings.extend(Finding(name, place, problem) for problem in problems)
            lines.append(_DOCXTPL_PREFIX.sub(r"\1 ", fixed))
            places.append(place)
            written.append(fixed)
    return _Source("\n".join(lines), places, tables, written), findings


def _part_name(part: str) -> str:
    """'' for the body, 'kepala halaman 1 ' for word/header1.xml, 'kaki halaman 2 ' ..."""
    found = re.fullmatch(r"word/(header|footer)(\d*)\.xml", part)
    if found is None:
        return ""
    kind = "kepala halaman" if found.group(1) == "header" else "kaki halaman"
    return f"{kind} {found.group(2) or 1}, "


def _paragraph_place(paragraph: Any, number: int, tables: dict[int, int]) -> str:
    """'paragraf N', or the table, row and cell the paragraph is in."""
    cell = next(paragraph.iterancestors(_W + "tc"), None)
    if cell is None:
        return f"paragraf {number}"
    row = cell.getparent()
    table = row.getparent()
    rows = table.findall(_W + "tr")
    return (f"tabel {tables.get(id(table), 0)}, baris {rows.index(row) + 1}, "
            f"sel {row.findall(_W + 'tc').index(cell) + 1}")


def _table_name(table: Any) -> str:
    """The marker in the table's first cell's first paragraph, else its alt-text title (the
    writer's own reading of them)."""
    return table_kind(table) or ""


def _short(text: str, width: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[:width - 1] + "…"


def _mangled(text: str) -> tuple[str, list[str]]:
    """The text with smart quotes in tags made straight and a broken tag's line emptied, and
    what was wrong."""
    problems = []
    for tag in _TAG.findall(text):
        if any(quote in tag for quote in _SMART_QUOTES):
            problems.append(_smart_quotes(tag))
    fixed = text.translate(_TO_STRAIGHT) if problems else text
    rest = _TAG.sub("", fixed)
    if _STRAY.search(rest) or re.search(r"%\s*\}|\{\s*[%{]|\}\s+\}", rest):
        problems.append(_BROKEN)
        return "", problems
    return fixed, problems


def _smart_quotes(tag: str) -> str:
    return (f"tanda kutip lengkung di dalam tag '{_short(tag)}': ketik ulang dengan kutip lurus "
            "(\" atau ') dan matikan AutoCorrect 'smart quotes'")


_BROKEN = ("tag rusak: kurung kurawal atau tanda % hilang atau berlebih; tag ditulis utuh "
           "seperti {{ doc.pejabat }} atau {% if doc.salinan %}")


def _parse(source: _Source, name: str) -> tuple[nodes.Template | None, list[Finding]]:
    """The template's Jinja tree, or the unclosed and stray blocks, or Jinja's syntax error."""
    blocks = _blocks(source, name)
    if blocks:
        return None, blocks
    try:
        return Environment().parse(source.text), []
    except TemplateSyntaxError as exc:
        return None, [Finding(name, source.place(exc.lineno),
                              f"tag tidak dapat dibaca (Jinja: {exc.message})")]


def _blocks(source: _Source, name: str) -> list[Finding]:
    """Blocks opened and never closed, closed without being opened, or closed by the wrong end,
    each at its own place (Jinja names only the template's end)."""
    stack: list[tuple[str, int, str]] = []
    findings: list[Finding] = []
    for number, line in enumerate(source.written or source.text.split("\n"), start=1):
        for tag in re.findall(r"\{%.*?%\}", line):
            word = _STATEMENT.match(tag)
            keyword = word.group(2) if word else ""
            if keyword in _OPENERS:
                stack.append((keyword, number, tag))
            elif keyword in _MIDDLES:
                if not stack or stack[-1][0] not in _MIDDLES[keyword]:
                    findings.append(Finding(name, source.place(number),
                                            f"'{_short(tag)}' di luar {{% if %}} atau {{% for %}}"))
            elif keyword.startswith("end"):
                opener = keyword[3:]
                if not any(open_ == opener for open_, _, _ in stack):
                    findings.append(Finding(name, source.place(number),
                                            f"'{_short(tag)}' tanpa pembuka {{% {opener} %}}"))
                    continue
                while stack and stack[-1][0] != opener:
                    findings.append(_unclosed(stack.pop(), source, name))
                stack.pop()
    findings.extend(_unclosed(item, source, name) for item in reversed(stack))
    return sorted(findings, key=lambda f: _order(f, source))


def _order(finding: Finding, source: _Source) -> int:
    return source.places.index(finding.place) if finding.place in source.places else 0


def _unclosed(item: tuple[str, int, str], source: _Source, name: str) -> Finding:
    keyword, number, tag = item
    word = _STATEMENT.match(tag)
    prefix = word.group(1) if word else None
    end_word = f"{{%{prefix} " if prefix else "{% "
    kind = "perulangan" if keyword == "for" else "kondisi" if keyword == "if" else "blok"
    return Finding(name, source.place(number),
                   f"{kind} '{_short(tag)}' tidak ditutup: '{end_word}{_OPENERS[keyword]} %}}' "
                   "tidak ada")


def _check_tables(source: _Source, name: str) -> list[Finding]:
    """Each kind of table the shipped template has, as many times, found by marker or title."""
    shipped = _shipped_source(name)
    findings = []
    for kind in TABLE_KINDS:
        wanted, found = shipped.tables.count(kind), source.tables.count(kind)
        if found < wanted:
            findings.append(Finding(name, "", (
                f"tabel '{kind}' tidak ditemukan ({found} dari {wanted}): paragraf pertama sel "
                f"pertama tabelnya harus memuat penanda {{#zi:tabel {kind}#}}")))
    return findings


class _Walker:
    """Walks a template's tree with the type of each name in scope: records every field path
    used (loop variables spelt as the list they run over) and every name or field unknown."""

    def __init__(self, context: dict[str, Any], kind: str):
        self.context = context
        self.filters = set(Environment().filters) | _FILTERS[kind]
        self.extra = _EXTRA_HTML if kind == "html" else frozenset()
        self.kind = kind
        self.macros: dict[str, int] = {}
        """Each macro the template defines, with its line."""
        self.paths: dict[str, tuple[int, str]] = {}
        """Each field path used, with the line and written form of its first use."""
        self.problems: list[tuple[int, str]] = []

    def walk(self, node: nodes.Node, scope: dict[str, _Ref] | None = None) -> None:
        scope = {} if scope is None else scope
        if isinstance(node, nodes.For):
            self.expr(node.iter, scope)
            inner = dict(scope)
            item = self.expr(node.iter, scope, record=False)
            self._bind(node.target, _element(item), inner)
            inner["loop"] = _Ref(None, (OPEN,))
            if node.test is not None:
                self.expr(node.test, inner)
            for child in node.body:
                self.walk(child, inner)
            for child in node.else_:
                self.walk(child, scope)
        elif isinstance(node, nodes.With):
            inner = dict(scope)
            for target, value in zip(node.targets, node.values, strict=False):
                self._bind(target, self.expr(value, scope), inner)
            for child in node.body:
                self.walk(child, inner)
        elif isinstance(node, nodes.Assign):
            self._bind(node.target, self.expr(node.node, scope), scope)
        elif isinstance(node, nodes.Macro | nodes.CallBlock):
            inner = dict(scope)
            inner.update({arg.name: _Ref(None, (OPEN,)) for arg in node.args})
            if isinstance(node, nodes.Macro):
                scope[node.name] = _Ref(None, (OPEN,))
                self.macros.setdefault(node.name, node.lineno)
            else:
                self.expr(node.call, scope)
            for child in node.body:
                self.walk(child, inner)
        elif self.kind == "docx" and isinstance(node, nodes.Include | nodes.Import |
                                                 nodes.FromImport | nodes.Extends):
            self.problems.append((node.lineno, "templat DOCX tidak dapat menyisipkan berkas "
                                  "lain (include, import, extends)"))
        elif isinstance(node, nodes.FromImport):
            for imported in node.names:
                alias = imported[1] if isinstance(imported, tuple) else imported
                scope[alias] = _Ref(None, (OPEN,))
        elif isinstance(node, nodes.Import):
            scope[node.target] = _Ref(None, (OPEN,))
        elif isinstance(node, nodes.Expr):
            self.expr(node, scope)
        else:
            for child in node.iter_child_nodes():
                if isinstance(child, nodes.Expr):
                    self.expr(child, scope)
                else:
                    self.walk(child, scope)

    def _bind(self, target: nodes.Node, ref: _Ref | None, scope: dict[str, _Ref]) -> None:
        if isinstance(target, nodes.Name):
            scope[target.name] = ref or _Ref(None, (OPEN,))
        else:
            for name in target.find_all(nodes.Name):
                scope[name.name] = _Ref(None, (OPEN,))

    def expr(self, node: nodes.Node, scope: dict[str, _Ref], record: bool = True) -> _Ref | None:
        """The expression's type where zi's document describes it; unknown names reported."""
        if isinstance(node, nodes.Name):
            if node.name in scope:
                ref: _Ref | None = scope[node.name]
            elif node.name in self.context:
                ref = _Ref(node.name, (self.context[node.name],),
                           self.extra if node.name == "doc" else frozenset())
            elif node.name in _JINJA_GLOBALS:
                ref = None
            else:
                if record:
                    self._unknown(node.lineno, node.name, [*scope, *self.context])
                return None
        elif isinstance(node, nodes.Getattr):
            base = self.expr(node.node, scope, record)
            ref = None if base is None else self._attribute(base, node, record)
        elif isinstance(node, nodes.Getitem):
            base = self.expr(node.node, scope, record)
            if record:
                self.expr(node.arg, scope)
            ref = None if base is None else _item(base, node.arg)
        else:
            if isinstance(node, nodes.Filter | nodes.Test) and record and node.name not in \
                    self.filters and isinstance(node, nodes.Filter):
                self._unknown_filter(node.lineno, node.name)
            for child in node.iter_child_nodes():
                if record:
                    self.expr(child, scope)
            return None
        if record and ref is not None and ref.path is not None:
            self.paths.setdefault(ref.path, (node.lineno, _written(node)))
        return ref

    def _attribute(self, base: _Ref, node: nodes.Getattr, record: bool) -> _Ref | None:
        path = None if base.path is None else f"{base.path}.{node.attr}"
        if node.attr in base.extra:
            return _Ref(path, (OPEN,))
        found: list[Any] = []
        names: list[str] = []
        for kind in base.types:
            members = _members(kind)
            if members is None:
                return _Ref(path, (OPEN,))
            names.extend(members)
            if node.attr in members:
                found.append(members[node.attr])
        if not found:
            if record:
                self._unknown(node.lineno, f"{_written(node.node)}.{node.attr}",
                              [*names, *base.extra], prefix=f"{_written(node.node)}.")
            return None
        return _Ref(path, tuple(kind for each in found for kind in _variants(each)))

    def _unknown(self, line: int, written: str, known: list[str], prefix: str = "") -> None:
        last = written.rsplit(".", 1)[-1]
        close = difflib.get_close_matches(last, sorted(set(known)), n=1, cutoff=0.6)
        guess = f"; maksud Anda '{prefix}{close[0]}'?" if close else ""
        self.problems.append((line, f"isian tidak dikenal '{written}'{guess}"))

    def _unknown_filter(self, line: int, name: str) -> None:
        close = difflib.get_close_matches(name, sorted(self.filters), n=1, cutoff=0.6)
        guess = f"; maksud Anda '|{close[0]}'?" if close else ""
        self.problems.append((line, f"penyaring tidak dikenal '|{name}'{guess}"))


@dataclass(frozen=True)
class _Ref:
    """What a name or field stands for: its path from the context (None when not one of the
    document's fields) and its possible types (OPEN when zi does not describe it)."""

    path: str | None
    """'doc.lampiran[].kepala.label': the context name, fields, and '[]' for a loop's item."""
    types: tuple[Any, ...]
    """The types it may have (several for a union)."""
    extra: frozenset[str] = frozenset()
    """Fields a writer adds beside the type's own."""


def _written(node: nodes.Node) -> str:
    """A name or field as the template writes it."""
    if isinstance(node, nodes.Name):
        return node.name
    if isinstance(node, nodes.Getattr):
        return f"{_written(node.node)}.{node.attr}"
    if isinstance(node, nodes.Getitem):
        arg = node.arg
        inside = repr(arg.value) if isinstance(arg, nodes.Const) else \
            "…" if not isinstance(arg, nodes.Slice) else ":"
        return f"{_written(node.node)}[{inside}]"
    return "…"


def _variants(kind: Any) -> tuple[Any, ...]:
    """The types of a union, None left out; ClassVar unwrapped."""
    if typing.get_origin(kind) is typing.ClassVar:
        kind = typing.get_args(kind)[0]
    if typing.get_origin(kind) in (typing.Union, type(int | str)):
        return tuple(v for each in typing.get_args(kind) for v in _variants(each)
                     if v is not type(None))
    return (kind,)


def _members(kind: Any) -> dict[str, Any] | None:
    """A document class's fields and properties with their types; None for any other type."""
    if not (isinstance(kind, type) and dataclasses.is_dataclass(kind)):
        return None
    members: dict[str, Any] = dict(typing.get_type_hints(kind))
    for klass in reversed(kind.__mro__):
        for name, value in vars(klass).items():
            if isinstance(value, property) and value.fget is not None:
                members[name] = typing.get_type_hints(value.fget).get("return", OPEN)
            elif callable(value) and not name.startswith("_") and name not in members:
                members[name] = OPEN
    return members


def _element(ref: _Ref | None) -> _Ref | None:
    """A loop's item: the element type of the sequence."""
    if ref is None:
        return None
    kinds: list[Any] = []
    for kind in ref.types:
        args = typing.get_args(kind)
        if typing.get_origin(kind) in (tuple, list) and args:
            kinds.extend(v for arg in args if arg is not Ellipsis for v in _variants(arg))
        else:
            kinds.append(OPEN)
    return _Ref(None if ref.path is None else f"{ref.path}[]", tuple(kinds) or (OPEN,))


def _item(base: _Ref, arg: nodes.Node) -> _Ref | None:
    """A sequence's item by index (its path names the index) or a slice (the same type)."""
    if isinstance(arg, nodes.Slice):
        return _Ref(None if base.path is None else f"{base.path}[:]", base.types)
    element = _element(base)
    if element is None or base.path is None:
        return element
    index = repr(arg.value) if isinstance(arg, nodes.Const) else ""
    return _Ref(f"{base.path}[{index}]", element.types)


def _missing(user: _Walker, name: str, source: _Source) -> list[Finding]:
    """Fields the shipped template prints or tests that the user's no longer does; only the
    outermost missing one of a path is named."""
    shipped = _shipped_walk(name)
    findings = []
    for path, (line, written) in shipped.paths.items():
        parent = _parent(path)
        if path in user.paths or (parent is not None and parent not in user.paths):
            continue
        where = _shipped_source(name).place(line)
        findings.append(Finding(name, "", (
            f"tag wajib hilang: '{written}' (di templat bawaan: {where})")))
    for macro, line in shipped.macros.items():
        if macro not in user.macros:
            where = _shipped_source(name).place(line)
            findings.append(Finding(name, "", (
                f"makro wajib hilang: '{macro}' (di templat bawaan: {where})")))
    return findings


def _parent(path: str) -> str | None:
    cut = max(path.rfind("."), path.rfind("["))
    return path[:cut] if cut > 0 else None


_SHIPPED: dict[str, tuple[_Source, _Walker]] = {}


def _shipped(name: str) -> tuple[_Source, _Walker]:
    """The shipped template's source and what it uses, read once per process."""
    if name not in _SHIPPED:
        source, _ = _load(templates_dir() / name, name)
        walker = _Walker(_CONTEXTS.get(name, {}), "docx" if name in DOCX_FILES else "html")
        walker.walk(Environment().parse(source.text))
        _SHIPPED[name] = (source, walker)
    return _SHIPPED[name]


def _shipped_source(name: str) -> _Source:
    return _shipped(name)[0]


def _shipped_walk(name: str) -> _Walker:
    return _shipped(name)[1]


def _check_css(text: str, name: str) -> list[Finding]:
    """Braces closed, and what the CSS parser WeasyPrint uses cannot read."""
    import tinycss2  # type: ignore[import-untyped]  # WeasyPrint's CSS parser

    findings = [Finding(name, f"baris {line}", problem) for line, problem in _braces(text)]
    for rule in tinycss2.parse_stylesheet(text, skip_comments=True, skip_whitespace=True):
        if rule.type == "error":
            findings.append(Finding(name, f"baris {rule.source_line}",
                                    f"CSS tidak dapat dibaca ({rule.message})"))
        elif rule.type == "qualified-rule" and not findings:
            for item in tinycss2.parse_declaration_list(rule.content, skip_comments=True,
                                                        skip_whitespace=True):
                if item.type == "error":
                    findings.append(Finding(name, f"baris {item.source_line}",
                                            f"deklarasi CSS tidak dapat dibaca ({item.message})"))
    return findings


def _braces(text: str) -> Iterator[tuple[int, str]]:
    """Every '{' never closed and '}' never opened, outside comments and strings."""
    opened: list[int] = []
    line, i = 1, 0
    while i < len(text):
        char = text[i]
        if text.startswith("/*", i):
            end = text.find("*/", i + 2)
            end = len(text) if end < 0 else end + 2
            line += text.count("\n", i, end)
            i = end
            continue
        if char in "\"'":
            end = i + 1
            while end < len(text) and text[end] not in (char, "\n"):
                end += 2 if text[end] == "\\" else 1
            i = end + 1
            continue
        if char == "\n":
            line += 1
        elif char == "{":
            opened.append(line)
        elif char == "}":
            if opened:
                opened.pop()
            else:
                yield line, "kurung '}' tanpa pembuka '{'"
        i += 1
    for start in opened:
        yield start, "kurung '{' tidak ditutup dengan '}'"
