"""The Rencana Kerja booklet read back from a DOCX into the plan's `rencana_kerja`.

Best effort on purpose: zi's own booklet comes back whole (cover, kata pengantar, BAB with
sections A., B., ..., Dasar Hukum lists, AREA sections with Target and Rencana Aksi, the monthly
TARGET CAPAIAN matrix, the chapter that carries the Rencana Aksi table), and a booklet typed by
hand in Word is read by the same words and numbers ("BAB I", "A. LATAR BELAKANG", "1.", Word's
automatic numbering). What is not recognised stays as paragraphs, with a guess saying where.
Only text is read, never paragraph styles, so both kinds of file take the same path.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from pydantic import ValidationError

from generator.importer.grid import Table
from generator.importer.notes import Guess, PlanPath
from generator.importer.word import Block, Paragraph
from generator.plan.model import RencanaAksi
from generator.plan.schedule import step_months
from generator.reference import catalog
from generator.rules import drafting
from generator.text import indonesian

ROOT: PlanPath = ("rencana_kerja",)

_LAMPIRAN = re.compile(r"^LAMPIRAN(?:\s+[IVXLC]+)?\s*$")
_BAB = re.compile(r"^BAB\s+([IVXLC]+|\d+)\b\.?(?:[\s:.\-–—]+(\S.*))?$", re.S)
_SECTION = re.compile(r"^([A-Z])\.[\t ]+(\S.*)$", re.S)
_AREA = re.compile(r"^AREA\s+([IVXLC]+)\s*[-–—:]\s*(\S.*)$", re.I | re.S)
_TARGET = re.compile(r"^target\s*(?::\s*(.*))?$", re.I | re.S)
_RENCANA_AKSI = re.compile(r"^rencana\s+aksi\s*(?::\s*(.*))?$", re.I | re.S)
_ITEM = re.compile(r"^(\d+|[a-z])([.)])[\t ]+(\S.*)$", re.S)
"""A typed list label, as generator/text/narrative.py reads one."""
_BULLET = re.compile(r"^[•▪●◦‣·–-][\t ]+(\S.*)$", re.S)
_PLACE_DATE = re.compile(r"^[A-Z][\w .'’-]{1,40},\s+(\S.*\b(?:19|20)\d{2})\s*$")
_SIGNER = re.compile(r"^ketua\b", re.I)
_ROMAN = re.compile(r"^[IVXLC]+\.?$")
_DIGITS = re.compile(r"^\d+\.?$")
_PERCENT = re.compile(r"^(\d+(?:[.,]\d+)?)\s*%?$")
_TOC_PAGE = re.compile(r"(\.{3,}|…|\t)\s*[\divxlc]+\s*$", re.I)
_MONTHS = {"jan": 1, "feb": 2, "peb": 2, "mar": 3, "apr": 4, "mei": 5, "may": 5, "jun": 6,
           "jul": 7, "agu": 8, "agt": 8, "ags": 8, "aug": 8, "sep": 9, "okt": 10, "oct": 10,
           "nov": 11, "nop": 11, "des": 12, "dec": 12}
_LISTS = ("DAFTAR ISI", "DAFTAR TABEL", "DAFTAR GAMBAR", "DAFTAR LAMPIRAN")
"""Lists of contents a hand-made booklet may have; zi prints none."""


MATRIKS_JUDUL = "TARGET CAPAIAN PEMBANGUNAN ZONA INTEGRITAS MENUJU WBK/WBBM"
"""The matrix's first title line as zi prints it (generator/document/booklet.py)."""


def _plain(block: Block) -> str:
    """A paragraph's text without italic marks, spaces folded; '' for a table."""
    if isinstance(block, Table):
        return ""
    return " ".join(block.plain.split())


def _flat(text: str) -> str:
    """Marked text on one line: tabs and soft breaks become spaces."""
    return " ".join(text.replace("\t", " ").replace("\n", " ").split())


def _blank(block: Block) -> bool:
    return isinstance(block, Paragraph) and not block.text.strip()


def _heading(block: Block) -> bool:
    """A BAB heading, the KATA PENGANTAR heading, or a list of contents zi does not print;
    not a line of a table of contents ('BAB I PENDAHULUAN ..... 1')."""
    text = _plain(block)
    if text.upper() in ("KATA PENGANTAR", *_LISTS):
        return True
    return bool(_BAB.match(text)) and len(text) <= 150 and \
        not _TOC_PAGE.search(block.text.rstrip() if isinstance(block, Paragraph) else "")


def booklet_blocks(blocks: Sequence[Block]) -> Sequence[Block]:
    """The body of the lampiran that holds a booklet (a BAB or KATA PENGANTAR heading): after
    its header and title, before its closing signature ('Ditetapkan di'). The whole document
    when it has no lampiran header; nothing when no lampiran holds a booklet."""
    starts = [i for i, b in enumerate(blocks) if _LAMPIRAN.match(_plain(b))
              and any(_plain(n).upper().startswith("KEPUTUSAN") for n in blocks[i + 1:i + 3])]
    ranges = [(s, e) for s, e in zip(starts, [*starts[1:], len(blocks)], strict=False)]
    chosen = next(((s, e) for s, e in ranges if any(_heading(b) for b in blocks[s:e])), None)
    if chosen is None:
        return blocks if not starts else []
    start, end = chosen
    i = start
    while i < end and not _blank(blocks[i]) and not _heading(blocks[i]):
        i += 1  # the header: LAMPIRAN, KEPUTUSAN ..., NOMOR ..., TENTANG ...
    while i < end and _blank(blocks[i]):
        i += 1
    while i < end and isinstance(blocks[i], Paragraph) and not _blank(blocks[i]) and \
            not _heading(blocks[i]):
        i += 1  # the lampiran's title
    closing = [j for j in range(i, end) if _plain(blocks[j]).startswith("Ditetapkan di")]
    if closing:
        end = closing[-1]
    while end > i and _blank(blocks[end - 1]):
        end -= 1
    return blocks[i:end]


@dataclass
class _Level:
    """One open level of a list being read."""

    style: str
    """'1.', 'a.', '1)', 'a)', or '-' for Word's automatic numbering."""
    number: int
    """The number of its last item (a = 1)."""


@dataclass
class _Narrative:
    """Paragraphs and list items written back as narrative markup."""

    guesses: list[Guess]
    """Where its guesses go."""
    path: PlanPath
    """The key its text goes to, for the guesses."""
    blocks: list[list[str]] = field(default_factory=list)
    """Markup lines by block: a paragraph, or one list; blocks are set apart by a blank line."""
    levels: list[_Level] = field(default_factory=list)
    """The open levels of the list being read, outermost first; empty after a paragraph."""
    noted: set[str] = field(default_factory=set)
    """The kinds of guess already made for this text."""
    word_base: int = 0
    """The Word level the current automatically numbered list starts at."""

    def note(self, kind: str, message: str) -> None:
        """One guess of each kind per text."""
        if kind not in self.noted:
            self.noted.add(kind)
            self.guesses.append(Guess(self.path, message))

    def paragraph(self, text: str) -> None:
        self.levels = []
        if text:
            self.blocks.append([text])

    def item(self, style: str, number: int, text: str, place: str) -> None:
        """A typed item ('1.', 'a)', a bullet as '-'): a new list after a paragraph."""
        if not self.levels:
            self.blocks.append([])
            depth = 0
            if number != 1 and style != "-":
                self.note("nomor", f"{place}: daftar tidak dimulai dari 1 atau a; zi "
                                   "menomori ulang dari awal")
        else:
            depth = self._depth(style, number, place)
        del self.levels[depth:]
        self.levels.append(_Level(style, number))
        marker = "-" if style == "-" else _label(style, number)
        self.blocks[-1].append("   " * depth + f"{marker} {text}")

    def _depth(self, style: str, number: int, place: str) -> int:
        """The level an item goes to: the one it continues, else one deeper when it starts a
        list (number 1), else the current one (zi renumbers)."""
        for depth in range(len(self.levels) - 1, -1, -1):
            level = self.levels[depth]
            if level.style == style and (style == "-" or number == level.number + 1):
                return depth
        if number == 1 or style == "-":
            return len(self.levels)
        self.note("nomor", f"{place}: nomor butir tidak berurutan; zi menomori ulang")
        return len(self.levels) - 1

    def word_item(self, level: int, text: str, place: str) -> None:
        """An item numbered by Word: its depth is Word's level, counted from the level the
        list starts at."""
        self.note("word", f"{place}: penomoran otomatis Word; jenis nomornya tidak terbaca, "
                          "zi menomori a., 1., a), 1) menurut kedalaman (ganti '-' dengan "
                          "'1.' atau 'a.' bila perlu)")
        if not self.levels:
            self.blocks.append([])
            self.word_base = level
        depth = max(0, min(level - self.word_base, len(self.levels)))
        del self.levels[depth:]
        self.levels.append(_Level("-", 0))
        self.blocks[-1].append("   " * depth + f"- {text}")

    def add(self, block: Paragraph) -> None:
        """A paragraph of the file, as a paragraph or a list item."""
        text = block.text.strip()
        found = _ITEM.match(text)
        bullet = _BULLET.match(text)
        if block.numbered and not found:
            self.word_item(block.level, _flat(text), block.place)
        elif found:
            label, close, body = found.groups()
            number = int(label) if label.isdigit() else ord(label) - ord("a") + 1
            self.item(("1" if label.isdigit() else "a") + close, number, _flat(body), block.place)
        elif bullet:
            self.note("poin", f"{block.place}: butir berpoin; zi menomori a., 1., a), 1) "
                              "menurut kedalaman")
            self.item("-", 0, _flat(bullet[1]), block.place)
        else:
            self.paragraph(_flat(text))

    def text(self) -> str:
        """The markup: blocks apart by a blank line, ending in a newline; '' when empty."""
        text = "\n\n".join("\n".join(lines) for lines in self.blocks if lines)
        return text + "\n" if text else ""


def _label(style: str, number: int) -> str:
    return (str(number) if style[0] == "1" else indonesian.letter(number - 1)) + style[1]


def _narrative(paragraphs: Sequence[Block], guesses: list[Guess], path: PlanPath) -> str:
    """Paragraphs of the file as narrative markup; a table becomes paragraphs, with a guess."""
    writer = _Narrative(guesses, path)
    for block in paragraphs:
        if isinstance(block, Table):
            guesses.append(Guess(path, f"{block.place}: tabel ini tidak dikenali; isinya "
                                       "dijadikan paragraf, satu baris tabel satu paragraf"))
            for row in block.rows:
                if not row.empty:
                    writer.paragraph(" | ".join(_flat(t) for t in row.texts if t.strip()))
        elif block.text.strip():
            writer.add(block)
    return writer.text()


def _strip_label(block: Paragraph) -> tuple[str, str]:
    """An item's text without its label, and the label's style ('' for none)."""
    text = block.text.strip()
    found = _ITEM.match(text)
    if found:
        return _flat(found[3]), ("1" if found[1].isdigit() else "a") + found[2]
    bullet = _BULLET.match(text)
    if bullet:
        return _flat(bullet[1]), "-"
    return _flat(text), "-" if block.numbered else ""


def _is_item(block: Block) -> bool:
    return isinstance(block, Paragraph) and (block.numbered or bool(
        _ITEM.match(block.text.strip()) or _BULLET.match(block.text.strip())))


def _cover(lines: list[Paragraph], tahun: int, guesses: list[Guess]) -> dict[str, Any]:
    """Cover lines: the title lines, and the foot zi prints itself (KOMISI PEMILIHAN UMUM,
    the region, the website, TAHUN ...) when the last lines are that foot, set apart by a
    blank line if the cover has any."""
    at = [i for i, p in enumerate(lines) if p.text.strip()]
    texts = [_flat(lines[i].text) for i in at]
    if not texts:
        return {"sampul": False}
    result: dict[str, Any] = {}
    foot = 0
    year = re.fullmatch(r"TAHUN\s+(\d{4})", texts[-1], re.I)
    k = len(texts) - 2
    situs = None
    if k >= 0 and " " not in texts[k] and "." in texts[k]:
        situs = texts[k]
        k -= 1
    start = k - 1
    if year and start > 0 and texts[start].upper() == "KOMISI PEMILIHAN UMUM":
        spaced = at[start] > 0 and not lines[at[start] - 1].text.strip()
        if spaced or len(at) == len(lines):
            foot = len(texts) - start
            if situs:
                result["situs"] = situs
            if int(year[1]) != tahun:
                guesses.append(Guess((*ROOT, "sampul"), f"{lines[at[-1]].place}: sampul "
                                     f"bertahun {year[1]}, rencana bertahun {tahun}; zi "
                                     "mencetak tahun rencana"))
    if not foot:
        guesses.append(Guess((*ROOT, "sampul"), f"{lines[at[0]].place}: kaki sampul (KOMISI "
                             "PEMILIHAN UMUM, wilayah, situs, TAHUN) tidak dikenali; semua "
                             "baris dijadikan judul sampul, dan zi menambahkan kakinya sendiri"))
    return {"sampul": texts[:len(texts) - foot], **result}


def _signature_start(blocks: list[Block]) -> tuple[int, str | None]:
    """Where a signature (place and date, Ketua, name) begins, and its date."""
    for i, block in enumerate(blocks):
        text = _plain(block)
        found = _PLACE_DATE.match(text)
        following = [_plain(b) for b in blocks[i + 1:i + 3] if _plain(b)]
        if found and following and _SIGNER.match(following[0]):
            return i, found[1]
        if _SIGNER.match(text) and len(text) < 120 and i + 4 >= len(blocks):
            return i, None
    return len(blocks), None


def _matrix_months(table: Table) -> tuple[int, dict[int, int]]:
    """The row that names the months, and month by grid column."""
    for index, row in enumerate(table.rows[:4]):
        months = {}
        for cell in row.cells:
            key = _plain_text(cell.text)[:3].lower()
            if key in _MONTHS:
                months[cell.column] = _MONTHS[key]
        if len(months) >= 6:
            return index, months
    return -1, {}


def _plain_text(text: str) -> str:
    return " ".join(text.replace("*", "").split())


def _is_matrix(table: Table) -> bool:
    return _matrix_months(table)[0] >= 0 and not _is_action_table(table)


def _is_action_table(table: Table) -> bool:
    head = " ".join(" ".join(r.texts) for r in table.rows[:3]).upper()
    return "LANGKAH AKSI" in head or ("KOMPONEN" in head and "INDIKATOR" in head)


def _number(value: float) -> int | float:
    return int(value) if value == int(value) else value


def _capaian(cells: dict[int, float]) -> dict[int | str, int | float]:
    """Twelve months' percents, runs of one value written as a range ('1-12': 100)."""
    result: dict[int | str, int | float] = {}
    month = 1
    while month <= 12:
        if month not in cells:
            month += 1
            continue
        last = month
        while last + 1 in cells and cells[last + 1] == cells[month]:
            last += 1
        result[month if last == month else f"{month}-{last}"] = _number(cells[month])
        month = last + 1
    return result


@dataclass
class _Matrix:
    """The matrix rows read so far."""

    areas: list[dict[str, Any]] = field(default_factory=list)
    """Areas with their komponen rows, as the plan writes them."""
    odd: list[str] = field(default_factory=list)
    """What could not be read as a row or a percent, for the guesses."""

    def area(self, name: str) -> None:
        self.areas.append({"area": name, "komponen": []})

    def komponen(self, name: str, values: Sequence[str], place: str) -> None:
        cells: dict[int, float] = {}
        for month, value in enumerate(values, start=1):
            text = _plain_text(value)
            if not text:
                continue
            found = _PERCENT.match(text)
            if found:
                cells[month] = min(100.0, float(found[1].replace(",", ".")))
            else:
                cells[month] = 100.0
                self.odd.append(f"{place}: isi sel '{text}' dibaca sebagai 100%")
        if not self.areas:
            self.area("Area")
        self.areas[-1]["komponen"].append({"nama": name, "capaian": _capaian(cells)})

    months: dict[int, int] = field(default_factory=dict)
    """Grid column -> month, as read off the matrix's header."""

    def table(self, table: Table) -> None:
        header, self.months = _matrix_months(table)
        self.rows(table, header + 1)

    def rows(self, table: Table, start: int = 0) -> None:
        """The matrix's rows from `start` on (a continuation table: all of them)."""
        months = self.months
        columns = sorted(months, key=lambda c: months[c])
        for number, row in enumerate(table.rows[start:], start=start + 1):
            first = row.at(0)
            second = row.at(1)
            if first is None or row.empty:
                continue
            label = _plain_text(first.text)
            name = _flat(second.text) if second is not None and second is not first else ""
            if _ROMAN.match(label) and name:
                self.area(name)
            elif _DIGITS.match(label) and name:
                values = ["" for _ in range(12)]
                for column in columns:
                    cell = row.at(column)
                    if cell is not None and cell.column == column:
                        values[months[column] - 1] = cell.text
                self.komponen(name, values, f"{table.place}, baris {number}")
            else:
                self.odd.append(f"{table.place}, baris {number}: baris tidak dikenali "
                                f"('{_plain_text(' '.join(row.texts))[:60]}'), dilewati")

    def flattened(self, lines: list[str], place: str) -> int:
        """Rows zi keeps beside the signature, read as lines of one cell; returns how many
        lines were rows."""
        i = 0
        while i < len(lines):
            label = lines[i].strip()
            if _ROMAN.match(label) and i + 1 < len(lines):
                self.area(_flat(lines[i + 1]))
                i += 2
            elif _DIGITS.match(label) and i + 13 < len(lines):
                self.komponen(_flat(lines[i + 1]), lines[i + 2:i + 14], place)
                i += 14
            else:
                break
        return i


class _Booklet:
    """One pass over the booklet's blocks."""

    def __init__(self, blocks: Sequence[Block], tahun: int):
        self.blocks = [b for b in blocks if not _plain(b).startswith("Salinan sesuai dengan")]
        cut = next((i for i, b in enumerate(self.blocks)
                    if _plain(b).startswith("Ditetapkan di")), len(self.blocks))
        self.blocks = self.blocks[:cut]
        self.tahun = tahun
        self.guesses: list[Guess] = []
        self.result: dict[str, Any] = {}
        self.matrix: _Matrix | None = None
        self.table_seen = False

    def run(self) -> tuple[dict[str, Any], list[Guess]]:
        blocks = self.blocks
        heads = [i for i, b in enumerate(blocks) if _heading(b)]
        self.result["bab"] = []
        if not heads:
            self.result["sampul"] = False
            place = blocks[0].place if blocks else "lampiran"
            self.guesses.append(Guess((*ROOT, "bab", 0, "judul"), f"{place}: tidak ada BAB yang "
                                      "dikenali; seluruh naskah dimasukkan ke satu bab; beri "
                                      "judulnya"))
            self.chapter(None, blocks)
        front = blocks[:heads[0]] if heads else []
        if front and all(isinstance(b, Paragraph) and len(_plain(b)) <= 160 for b in front):
            self.result.update(_cover([b for b in front if isinstance(b, Paragraph)],
                                      self.tahun, self.guesses))
            front = []
        elif heads:
            self.result["sampul"] = False
        for n, start in enumerate(heads):
            end = heads[n + 1] if n + 1 < len(heads) else len(blocks)
            if _plain(blocks[start]).upper() == "KATA PENGANTAR":
                self.foreword(blocks[start + 1:end])
            elif _plain(blocks[start]).upper() in _LISTS:
                self.guesses.append(Guess(ROOT, f"{blocks[start].place}: "
                                          f"{_plain(blocks[start]).lower()} dilewati; zi tidak "
                                          "mencetaknya"))
            else:
                self.chapter(blocks[start], blocks[start + 1:end])
        if not self.result["bab"]:
            place = blocks[heads[0]].place
            self.guesses.append(Guess((*ROOT, "bab", 0, "judul"), f"{place}: tidak ada BAB yang "
                                      "dikenali; beri bab pertama judulnya"))
            self.chapter(None, [])
        if any(_plain(b) or isinstance(b, Table) for b in front):
            self.leading(front)
        if self.matrix is not None:
            self.finish_matrix()
        return self._ordered(), self.guesses

    def _ordered(self) -> dict[str, Any]:
        order = ("sampul", "situs", "kata_pengantar", "tanggal_pengantar", "bab", "matriks",
                 "matriks_komponen_hasil")
        return {key: self.result[key] for key in order if key in self.result}

    def leading(self, front: list[Block]) -> None:
        """Text before the first BAB that is not a cover: the first chapter's opening text."""
        path = (*ROOT, "bab", 0, "isi")
        self.guesses.append(Guess(path, f"{front[0].place}: naskah sebelum BAB pertama "
                                        "dipindahkan ke awal bab pertama"))
        text = _narrative(front, self.guesses, path)
        first = self.result["bab"][0]
        first["isi"] = text + ("\n" + first["isi"] if first.get("isi") else "")
        self.result["bab"][0] = {"judul": first.pop("judul"), **first}

    def foreword(self, body: list[Block]) -> None:
        at, when = _signature_start(body)
        text = _narrative(body[:at], self.guesses, (*ROOT, "kata_pengantar"))
        if text:
            self.result["kata_pengantar"] = text
        if when:
            self.result["tanggal_pengantar"] = when
        elif at == len(body) and text:
            place = [b for b in body if _plain(b) or isinstance(b, Table)][-1].place
            self.guesses.append(Guess((*ROOT, "kata_pengantar"), f"{place}: tanda tangan kata "
                                      "pengantar tidak ditemukan; zi menambahkannya"))

    def chapter(self, heading: Block | None, body: list[Block]) -> None:
        """One BAB: its title, opening text, sections, areas, matrix and table."""
        number = len(self.result["bab"])
        path: PlanPath = (*ROOT, "bab", number)
        title = ""
        if heading is not None:
            found = _BAB.match(_plain(heading))
            written = found[1] if found else "?"
            text = heading.text.strip() if isinstance(heading, Paragraph) else ""
            title = _flat(re.sub(r"^\*?BAB\s+\S+", "", text, count=1)).strip(" .:-–—*")
            if not title:
                while body and _blank(body[0]):
                    body = body[1:]
                if body and isinstance(body[0], Paragraph) and not _section_head(body[0]) \
                        and not _is_item(body[0]) and len(_plain(body[0])) <= 200:
                    title = _flat(body[0].text)
                    centred = body[0].centered
                    body = body[1:]
                    while centred and body and isinstance(body[0], Paragraph) and \
                            body[0].centered and _plain(body[0]).isupper() and \
                            not _section_head(body[0]) and len(title) < 200:
                        title = f"{title} {_flat(body[0].text)}"  # a title over two lines
                        body = body[1:]
            if not title:
                self.guesses.append(Guess((*path, "judul"), f"{heading.place}: BAB {written} "
                                          "tanpa judul; isi judulnya"))
            if written != indonesian.roman(number + 1):
                self.guesses.append(Guess((*path, "judul"), f"{heading.place}: tertulis BAB "
                                          f"{written}; zi menomori bab ini BAB "
                                          f"{indonesian.roman(number + 1)}"))
        bab: dict[str, Any] = {"judul": title or "Rencana Kerja"}
        self.result["bab"].append(bab)
        opening, sections, tail = self.split(body, path, bab)
        isi = _narrative(opening, self.guesses, (*path, "isi"))
        bagian: list[dict[str, Any]] = []
        areas: list[dict[str, Any]] = []
        for head, content in sections:
            area = _AREA.match(_section_title(head))
            if area:
                read = self.area(head, content, (*path, "area", len(areas)), area)
                if read is not None:
                    areas.append(read)
                    continue
            if areas:
                self.guesses.append(Guess((*path, "bagian", len(bagian)), f"{head.place}: "
                                          "bagian sesudah bagian AREA; zi mencetak bagian biasa "
                                          "sebelum bagian AREA"))
            bagian.append(self.section(head, content, (*path, "bagian", len(bagian))))
        more = _narrative(tail, self.guesses, (*path, "isi"))
        if more:
            self.guesses.append(Guess((*path, "isi"), f"{tail[0].place}: naskah sesudah "
                                      "matriks atau tabel dipindahkan ke naskah pembuka bab"))
            isi = f"{isi}\n{more}" if isi else more
        found_parts = {"isi": isi, "bagian": bagian, "area": areas}
        for key in _BAB_ORDER:
            value = found_parts.get(key, bab.pop(key, None))
            if value:
                bab[key] = value

    def split(self, body: list[Block], path: PlanPath, bab: dict[str, Any]
              ) -> tuple[list[Block], list[tuple[Paragraph, list[Block]]], list[Block]]:
        """The chapter's opening text, its sections, and text after its matrix or table;
        the matrix, the Rencana Aksi table and the signature after the matrix are taken out."""
        opening: list[Block] = []
        sections: list[tuple[Paragraph, list[Block]]] = []
        tail: list[Block] = []
        skip = self.titles_of_tables(body)
        i = 0
        after_special = False
        while i < len(body):
            block = body[i]
            if i in skip:
                i += 1
                continue
            if isinstance(block, Table):
                if _is_action_table(block):
                    i = self.action_table(body, i, path, bab)
                    after_special = True
                    continue
                if _is_matrix(block):
                    i = self.matrix_table(body, i, path, bab)
                    after_special = True
                    continue
            elif _section_head(block) and not after_special:
                sections.append((block, []))
                i += 1
                continue
            if after_special:
                tail.append(block)
            elif sections:
                sections[-1][1].append(block)
            else:
                opening.append(block)
            i += 1
        return opening, sections, tail

    def titles_of_tables(self, body: list[Block]) -> set[int]:
        """Capital title lines just before the Rencana Aksi table or the matrix."""
        skip: set[int] = set()
        for i, block in enumerate(body):
            if not isinstance(block, Table) or not (_is_action_table(block) or _is_matrix(block)):
                continue
            j = i - 1
            while j >= 0 and _blank(body[j]):
                j -= 1
            taken = 0
            while j >= 0 and taken < 3 and isinstance(body[j], Paragraph):
                text = _plain(body[j])
                if not text or text != text.upper() or _section_head(body[j]) or \
                        _ITEM.match(text):
                    break
                if not re.search(r"RENCANA AKSI|TARGET CAPAIAN|TAHUN \d{4}|MATRIKS", text):
                    break
                skip.add(j)
                if _is_matrix(block):
                    self.matrix_title(body[j], text)
                taken += 1
                j -= 1
        return skip

    def matrix_title(self, block: Block, text: str) -> None:
        year = re.search(r"TAHUN\s+(\d{4})", text)
        if year and int(year[1]) != self.tahun:
            self.guesses.append(Guess((*ROOT, "matriks"), f"{block.place}: judul matriks "
                                      f"bertahun {year[1]}, rencana bertahun {self.tahun}; zi "
                                      "mencetak tahun rencana"))
        if text.startswith("TARGET CAPAIAN") and text != MATRIKS_JUDUL:
            self.guesses.append(Guess((*ROOT, "matriks"), f"{block.place}: judul matriks "
                                      f"'{text}'; zi mencetak '{MATRIKS_JUDUL}'"))

    def action_table(self, body: list[Block], i: int, path: PlanPath, bab: dict[str, Any]) -> int:
        table = body[i]
        if not self.table_seen:
            self.table_seen = True
            bab["tabel_rencana_aksi"] = True
        else:
            self.guesses.append(Guess((*path, "tabel_rencana_aksi"), f"{table.place}: tabel "
                                      "rencana aksi kedua; zi mencetak tabelnya sekali saja"))
        return self.continuation(body, i + 1, None)

    def matrix_table(self, body: list[Block], i: int, path: PlanPath, bab: dict[str, Any]) -> int:
        table = body[i]
        assert isinstance(table, Table)
        if self.matrix is not None:
            self.guesses.append(Guess((*path, "matriks"), f"{table.place}: matriks kedua; zi "
                                      "mencetak matriks yang sama di setiap bab bermatriks"))
            bab["matriks"] = True
            return self.continuation(body, i + 1, None)
        self.matrix = _Matrix()
        self.matrix.table(table)
        bab["matriks"] = True
        return self.continuation(body, i + 1, self.matrix)

    def continuation(self, body: list[Block], i: int, matrix: _Matrix | None) -> int:
        """Past what follows a table: the rows zi keeps beside the signature (one cell holding
        a table) and the signature under the matrix."""
        j = i
        while j < len(body) and _blank(body[j]):
            j += 1
        block = body[j] if j < len(body) else None
        if isinstance(block, Table) and len(block.rows) == 1 and len(block.rows[0].cells) == 1:
            lines = block.rows[0].cells[0].text.split("\n")
            if matrix is not None:
                matrix.flattened(lines, block.place)
            return j + 1
        if isinstance(block, Table) and not _is_matrix(block) and not _is_action_table(block):
            if matrix is not None:  # the last rows, kept with the signature, read through
                matrix.rows(block)
            j += 1
            i = j
            while j < len(body) and _blank(body[j]):
                j += 1
            block = body[j] if j < len(body) else None
        if block is not None and _SIGNER.match(_plain(block)) and len(_plain(block)) < 120:
            more = 1 if _plain(block).endswith(",") else 2
            j += 1
            while j < len(body) and more and isinstance(body[j], Paragraph) and \
                    not _section_head(body[j]) and len(_plain(body[j])) < 120:
                more -= 0 if _blank(body[j]) else 1
                j += 1
            return j
        return i

    def finish_matrix(self) -> None:
        assert self.matrix is not None
        areas = list(self.matrix.areas)
        for message in self.matrix.odd:
            self.guesses.append(Guess((*ROOT, "matriks"), message))
        hasil = None
        if areas and areas[-1]["area"].strip().lower() == "komponen hasil":
            hasil = areas.pop()
        empty = [a for a in areas if not a["komponen"]]
        for area in empty:
            self.guesses.append(Guess((*ROOT, "matriks"), f"area matriks '{area['area']}' "
                                      "tanpa komponen, dilewati"))
        areas = [a for a in areas if a["komponen"]]
        if areas:
            self.result["matriks"] = areas
        if hasil and hasil["komponen"]:
            self.result["matriks_komponen_hasil"] = hasil["komponen"]

    def section(self, head: Paragraph, content: list[Block], path: PlanPath) -> dict[str, Any]:
        title = _section_title(head)
        bagian: dict[str, Any] = {"judul": title}
        if re.search(r"\b(DASAR|LANDASAN)\s+HUKUM\b", title, re.I):
            isi, bases = self.legal_bases(content, path)
            if isi:
                bagian["isi"] = isi
            if bases:
                bagian["dasar_hukum"] = bases
            return bagian
        isi = _narrative(content, self.guesses, (*path, "isi"))
        if isi:
            bagian["isi"] = isi
        return bagian

    def legal_bases(self, content: list[Block], path: PlanPath) -> tuple[str, list[str]]:
        """The trailing numbered list of regulations, each as a catalog key when the catalog
        cites it word for word, else as its text without the closing ';'."""
        end = len(content)
        while end and _blank(content[end - 1]):
            end -= 1
        start = end
        while start and (_is_item(content[start - 1]) or _blank(content[start - 1])):
            start -= 1
        while start < end and _blank(content[start]):
            start += 1
        items = [b for b in content[start:end] if isinstance(b, Paragraph) and b.text.strip()]
        labels = {_strip_label(b)[1] for b in items}
        if not items or len(labels) > 1 or any(b.level for b in items):
            if items:
                self.guesses.append(Guess((*path, "isi"), f"{items[0].place}: daftar dasar hukum "
                                          "bertingkat; dibiarkan sebagai naskah"))
            return _narrative(content, self.guesses, (*path, "isi")), []
        isi = _narrative(content[:start], self.guesses, (*path, "isi"))
        bases: list[str] = []
        for block in items:
            base = self.legal_base(block, (*path, "dasar_hukum", len(bases)))
            if base:
                bases.append(base)
        per = date(self.tahun, 12, 31)
        printed = drafting.in_lawful_order(drafting.dasar_hukum_dari(bases, per))
        if bases and [d.indeks for d in printed] != list(range(len(bases))):
            self.guesses.append(Guess((*path, "dasar_hukum"), f"{items[0].place}: dasar hukum "
                                      "tidak urut menurut hierarki; zi mengurutkannya"))
        return isi, bases

    def legal_base(self, block: Paragraph, path: PlanPath) -> str:
        text, _ = _strip_label(block)
        text = re.sub(r"(\s*[;,.]\s*(dan|atau)?)+$", "", text).strip()
        rujukan = catalog.baca_rujukan(text)
        found = catalog.cari(rujukan) if rujukan else None
        if found is None:
            return text
        cited = {catalog.sitasi(found.kunci, when) for when in
                 (date(self.tahun, 1, 1), date(self.tahun, 12, 31))}
        if cited == {text + ";"}:
            return found.kunci
        self.guesses.append(Guess(path, f"{block.place}: katalog zi memuat peraturan ini "
                                  f"({found.kunci}) dengan kutipan yang lain; ganti dengan "
                                  f"'{found.kunci}' bila kutipan katalog yang dipakai"))
        return text

    def area(self, head: Paragraph, content: list[Block], path: PlanPath,
             found: re.Match[str]) -> dict[str, Any] | None:
        """An AREA section: its Target list and Rencana Aksi text; None when either is
        missing (the section is then read as an ordinary one)."""
        target_at = next((i for i, b in enumerate(content)
                          if _TARGET.match(_plain(b))), None)
        aksi_at = next((i for i, b in enumerate(content)
                        if _RENCANA_AKSI.match(_plain(b))), None)
        if target_at is None or aksi_at is None or aksi_at < target_at:
            self.guesses.append(Guess(path[:-2] + ("bagian",), f"{head.place}: bagian AREA "
                                      "tanpa 'Target :' dan 'Rencana Aksi :'; dibaca sebagai "
                                      "bagian biasa"))
            return None
        before = [b for b in content[:target_at] if not _blank(b)]
        if before:
            self.guesses.append(Guess(path, f"{before[0].place}: naskah sebelum 'Target :' "
                                      "dipindahkan ke rencana aksi"))
        targets = []
        lead = _TARGET.match(_plain(content[target_at]))
        if lead and lead[1]:
            targets.append(lead[1])
        styles = set()
        for block in content[target_at + 1:aksi_at]:
            if isinstance(block, Table):
                self.guesses.append(Guess((*path, "target"), f"{block.place}: tabel di target "
                                          "dilewati"))
            elif block.text.strip():
                text, style = _strip_label(block)
                styles.add((style, block.level))
                targets.append(text)
        if len(styles) > 1:
            self.guesses.append(Guess((*path, "target"), f"{head.place}: target bertingkat; "
                                      "zi mencetak semua target bernomor 1., 2., ..."))
        rest = content[aksi_at + 1:]
        aksi_lead = _RENCANA_AKSI.match(_plain(content[aksi_at]))
        writer_path = (*path, "rencana_aksi")
        aksi = _narrative(
            ([Paragraph(aksi_lead[1], place=content[aksi_at].place)]
             if aksi_lead and aksi_lead[1] else []) + before + rest,
            self.guesses, writer_path)
        if not targets or not aksi:
            self.guesses.append(Guess(path[:-2] + ("bagian",), f"{head.place}: bagian AREA "
                                      "tanpa target atau tanpa rencana aksi; dibaca sebagai "
                                      "bagian biasa"))
            return None
        expected = indonesian.roman(int(path[-1]) + 1) if isinstance(path[-1], int) else ""
        if found[1].upper() != expected:
            self.guesses.append(Guess((*path, "area"), f"{head.place}: tertulis AREA "
                                      f"{found[1]}; zi menomori area ini AREA {expected}"))
        return {"area": _flat(found[2]).strip(), "target": targets, "rencana_aksi": aksi}


_BAB_ORDER = ("judul", "isi", "bagian", "area", "matriks", "tabel_rencana_aksi")
"""The keys of a bab in the order the plans write them."""


def _section_head(block: Block) -> bool:
    """A lettered section heading 'A. LATAR BELAKANG', typed or numbered by Word."""
    if not isinstance(block, Paragraph):
        return False
    text = _plain(block)
    if not text or len(text) > 200 or text.endswith((";", ",")):
        return False
    if _SECTION.match(text) and not block.numbered:
        return True
    letters = [c for c in text if c.isalpha()]
    return block.numbered and block.level == 0 and bool(letters) and text == text.upper() \
        and len(text) <= 150 and not _ITEM.match(text)


def _section_title(block: Paragraph) -> str:
    text = block.text.strip()
    found = _SECTION.match(text)
    return _flat(found[2] if found and not block.numbered else text)


def read_booklet(blocks: Sequence[Block], tahun: int) -> tuple[dict[str, Any], list[Guess]]:
    """The plan's `rencana_kerja` from the blocks of the lampiran that holds the booklet, and
    what had to be guessed (paths from the plan's root)."""
    return _Booklet(blocks, tahun).run()


def without_derived_matrix(kerja: dict[str, Any], rencana_aksi: Any) -> dict[str, Any]:
    """The `rencana_kerja` without its `matriks` when zi derives the same matrix from the
    Rencana Aksi table's schedules (100% in every month a step is due), so that the plan keeps
    one fact in one place; unchanged when they differ or the table cannot be validated."""
    if not kerja.get("matriks") or rencana_aksi is None:
        return kerja
    try:
        aksi = RencanaAksi.model_validate(rencana_aksi)
    except ValidationError:
        return kerja
    derived = []
    for area in aksi.area:
        komponen = [k for p in area.program or () for k in p.komponen] + list(area.komponen or ())
        derived.append((_flat(area.nama), [
            (_flat(k.nama), _capaian({m: 100.0 for i in k.indikator for step in i.langkah
                                      for m in step_months(step)})) for k in komponen]))
    read = [(_flat(a["area"]), [(_flat(k["nama"]), k["capaian"]) for k in a["komponen"]])
            for a in kerja["matriks"]]
    if read != derived:
        return kerja
    return {key: value for key, value in kerja.items() if key != "matriks"}
