"""A decree DOCX read back into a plan: the body, each lampiran by what it holds (a Rencana Aksi
table, a team table, a narrative booklet), everyone it names, and what zi would write anyway
left out so that the plan stays short."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date
from difflib import SequenceMatcher
from typing import Any

from generator.document.decree import office_of
from generator.importer.action_table import ActionTableReader, Columns, header_columns
from generator.importer.booklet import read_booklet, without_derived_matrix
from generator.importer.decree_text import (
    DecreeText,
    closing_consideration,
    read_decree,
    strip_end,
)
from generator.importer.grid import Table
from generator.importer.lines import lines_of
from generator.importer.notes import Guess
from generator.importer.people import People
from generator.importer.team import read_team, team_columns
from generator.importer.word import Block, Paragraph, unmark
from generator.importer.wording import clean, title_case
from generator.plan.attachments import attachment_labels
from generator.plan.model import Rencana, with_keputusan
from generator.reference import regions
from generator.reference.catalog import baca_rujukan, cari, sitasi
from generator.reference.official_areas import norm
from generator.rules import drafting

_LAMPIRAN = re.compile(r"^LAMPIRAN(?:\s+([IVX]+))?\s*:?\s*(.*)$", re.DOTALL | re.IGNORECASE)


def _opens_lampiran(text: str) -> bool:
    """'LAMPIRAN', 'LAMPIRAN II', 'Lampiran I Keputusan Komisi ...', 'LAMPIRAN : KEPUTUSAN'."""
    found = _LAMPIRAN.match(clean(text).split("\n")[0].strip() if text else "")
    return found is not None and (not found.group(2) or
                                  found.group(2).upper().startswith("KEPUTUSAN"))


def _lampiran_starts(blocks: Sequence[Block]) -> list[int]:
    """Indexes of the blocks that open an attachment's header: a paragraph, or a small table
    (the header typed in the right cell of a borderless table)."""
    starts = []
    for index, block in enumerate(blocks):
        if isinstance(block, Paragraph):
            if _opens_lampiran(block.plain):
                starts.append(index)
        elif len(block.rows) <= 3 and any(_opens_lampiran(unmark(c.text))
                                          for row in block.rows for c in row.cells):
            starts.append(index)
    if not starts:  # no header at all: the tables after the decree are its attachments
        first = next((i for i, b in enumerate(blocks) if isinstance(b, Table) and (
            header_columns(b.rows) is not None or team_columns(b) is not None)), None)
        if first is not None:
            starts.append(first - 1 if first and isinstance(blocks[first - 1], Paragraph)
                          else first)
    return starts


def _header_end(blocks: Sequence[Block], start: int) -> tuple[int, list[str]]:
    """Past the header block (KEPUTUSAN ..., NOMOR ..., TENTANG ...) and the centred title:
    the index of the first content block and the title lines."""
    first = blocks[start]
    if isinstance(first, Table) and (header_columns(first.rows) is not None
                                     or team_columns(first) is not None):
        return start, []  # no header: the table itself begins the attachment
    index = start + 1
    in_tentang = False
    while index < len(blocks):
        block = blocks[index]
        if not isinstance(block, Paragraph):
            break
        text = clean(block.plain).replace("\n", " ")
        upper = text.upper()
        if not text:
            if in_tentang:
                index += 1
                break
            index += 1
            continue
        if upper.startswith(("KEPUTUSAN", "NOMOR", "KOMISI", "KABUPATEN", "KOTA", "PROVINSI",
                             "KETUA")) and not in_tentang:
            index += 1
            continue
        if upper.startswith("TENTANG"):
            in_tentang = True
            index += 1
            continue
        if in_tentang and not block.centered and text == upper:
            index += 1
            continue
        break
    title: list[str] = []
    while index < len(blocks):
        block = blocks[index]
        if not isinstance(block, Paragraph):
            break
        text = clean(block.plain).replace("\n", " ")
        if text and (text != text.upper() or _is_booklet_heading(text)):
            break
        if not text and title:
            break  # a blank line ends the title (a cover page may follow)
        if text:
            title.append(text)
        index += 1
    return index, title


def _is_booklet_heading(text: str) -> bool:
    return bool(re.match(r"^(BAB\s+[IVX]+|KATA PENGANTAR|DAFTAR ISI)\b", text.upper()))


def _mengingat(items: list[str], per: date) -> tuple[list[str], list[Guess]]:
    """Catalog keys where the regulation is in the catalog, the text as written otherwise."""
    result, guesses = [], []
    for number, text in enumerate(items):
        rujukan = baca_rujukan(text)
        peraturan = cari(rujukan) if rujukan else None
        if peraturan is None:
            result.append(text)
            continue
        result.append(peraturan.kunci)
        printed = sitasi(peraturan.kunci, per).rstrip(";")
        if norm(printed) != norm(text):
            guesses.append(Guess(("keputusan", "mengingat", number),
                                 f"dari katalog, kini dikutip lengkap; asli: \"{text}\""))
    return result, guesses


def _case_of(upper: str, *sentences: str) -> str | None:
    """The subject in its own case, found inside a sentence that quotes it (the closing
    consideration, KESATU)."""
    wanted = " ".join(upper.split()).lower()
    for sentence in sentences:
        flat = " ".join(sentence.split())
        at = flat.lower().find(wanted)
        if at >= 0:
            return flat[at:at + len(wanted)]
    return None


def _wilayah(text: DecreeText) -> tuple[str, str | None, list[Guess]]:
    """The region's name as the gazetteer spells it, and its province."""
    found = regions.cari(text.wilayah, text.tingkat)
    if found:
        wilayah = found[0]
        provinsi = regions.provinsi_dari(wilayah).nama if text.tingkat != "provinsi" else None
        return wilayah.nama, provinsi, []
    return title_case(text.wilayah), None, [Guess(("satker", "nama"), (
        f"tebakan: '{text.wilayah}' tidak ada di daftar wilayah; periksa ejaannya"))]


class DocxImport:
    """One DOCX's import: the plan mapping, the guesses, the count of steps read."""

    def __init__(self, blocks: Sequence[Block]):
        self.blocks = blocks
        self.guesses: list[Guess] = []
        self.plan: dict[str, Any] = {}
        self.steps = 0
        self.table_in_chapter = False

    def run(self) -> dict[str, Any]:
        starts = _lampiran_starts(self.blocks)
        body_end = starts[0] if starts else len(self.blocks)
        text = read_decree(lines_of(self.blocks[:body_end]))
        self.guesses += text.guesses
        nama, provinsi, guesses = _wilayah(text)
        self.guesses += guesses
        satker: dict[str, Any] = {"tingkat": text.tingkat, "nama": nama,
                                  "tempat": text.tempat or nama}
        if not text.tempat:
            self.guesses.append(Guess(("satker", "tempat"), "tebakan: 'Ditetapkan di' tidak "
                                      "terbaca; isi kota tempat keputusan ditetapkan"))
        if provinsi:
            satker["provinsi"] = provinsi
        people = People(f"{text.tingkat.capitalize()} {nama}")
        parts = self._lampiran(starts, people, text)
        signer = people.add(text.penandatangan or "...", f"Ketua KPU {people.wilayah}")
        if signer in people.guessed_names:
            self.guesses.append(Guess(("orang", signer, "nama"), "tebakan: nama ditulis ulang "
                                      "dari huruf kapital tanda tangan; periksa huruf dan "
                                      "gelarnya"))
        if text.pengesah_nama:
            pengesah = people.add(text.pengesah_nama, text.pengesah_jabatan, text.pengesah_nip)
        else:
            pengesah = next((k for k, p in people.orang.items()
                             if p.get("peran") == "sekretaris"), signer)
            self.guesses.append(Guess(("keputusan", "pengesah_salinan"), (
                "tebakan: berkas ini tidak memuat blok 'Salinan sesuai dengan aslinya'; isi "
                "orang yang mengesahkan salinan")))
        nomor: str | int | None = text.nomor
        if text.nomor is not None and text.nomor.isdigit() and not text.nomor.startswith("0"):
            nomor = int(text.nomor)
        keputusan: dict[str, Any] = {"nomor": nomor, "tahun": text.tahun,
                                     "tanggal": text.tanggal, "tentang": text.tentang}
        if text.nomor is None:
            del keputusan["nomor"]
        if text.tanggal is None:
            del keputusan["tanggal"]
        keputusan["menimbang"] = text.menimbang
        per = text.tanggal or date(text.tahun or 2000, 12, 31)
        keputusan["mengingat"], guesses = _mengingat(text.mengingat, per)
        keputusan["mengingat"] = keputusan["mengingat"] or ["(tulis dasar hukum)"]
        self.guesses += guesses
        keputusan["diktum"] = text.diktum
        keputusan["penandatangan"] = signer
        keputusan["pengesah_salinan"] = pengesah
        kinds = [k for k, v in parts if not (k == "rencana_aksi" and self.table_in_chapter)]
        if kinds != sorted(kinds, key=_ORDER.index):
            keputusan["lampiran"] = kinds
        if text.memperhatikan:
            self.guesses.append(Guess(("keputusan", "mengingat"), (
                "tidak dibawa: zi tidak mencetak 'Memperhatikan'; asli: " + "; ".join(
                    text.memperhatikan))))
        self.plan = {"satker": satker, "keputusan": keputusan, "orang": people.orang}
        for kind, value in parts:
            self.plan[kind] = value
        if "rencana_kerja" in self.plan:  # one fact in one place: a matrix zi derives goes
            self.plan["rencana_kerja"] = without_derived_matrix(
                self.plan["rencana_kerja"], self.plan.get("rencana_aksi"))
        if "tim" in self.plan and not self.plan["tim"]["pengarah"]:
            self.plan["tim"]["pengarah"] = [{"orang": signer,
                                             "kedudukan": "Pengarah merangkap Ketua"}]
        self._standard(text)
        return self.plan

    def _lampiran(self, starts: list[int], people: People,
                  text: DecreeText) -> list[tuple[str, Any]]:
        parts: list[tuple[str, Any]] = []
        bounds = list(zip(starts, [*starts[1:], len(self.blocks)], strict=True))
        for number, (start, end) in enumerate(bounds, start=1):
            content, title = _header_end(self.blocks, start)
            blocks = self.blocks[content:end]
            tables = [b for b in blocks if isinstance(b, Table)]
            action = [(t, h) for t in tables if (h := header_columns(t.rows)) is not None]
            team_at = next((i for i, t in enumerate(tables) if team_columns(t) is not None), None)
            team = tables[team_at:] if team_at is not None else []
            booklet = any(isinstance(b, Paragraph) and _is_booklet_heading(clean(b.plain))
                          for b in blocks)
            where = f"lampiran ke-{number} ({self.blocks[start].place})" if isinstance(
                self.blocks[start], Paragraph) else f"lampiran ke-{number}"
            if booklet:
                parts.append(("rencana_kerja", self._booklet(blocks, text.tahun, title)))
                if action:
                    self.table_in_chapter = True
                    parts.append(("rencana_aksi", self._action(tables, action, title, text,
                                                               inside=True)))
            elif action:
                parts.append(("rencana_aksi", self._action(tables, action, title, text)))
            elif team:
                try:
                    tim, guesses = read_team(team, people)
                except ValueError:
                    self.guesses.append(Guess((), f"{where}: tabel tim tanpa orang; tidak "
                                              "dibawa", unread=True))
                    continue
                self.guesses += guesses
                default = "SUSUNAN DAN PERSONALIA"
                judul = " ".join(title)
                if judul and not judul.upper().startswith(default):
                    tim = {"judul": title_case(judul), **tim}
                parts.append(("tim", tim))
            else:
                self.guesses.append(Guess((), f"{where}: tidak dikenali (bukan tabel rencana "
                                          "aksi, tabel tim, atau naskah ber-BAB); tidak dibawa",
                                          unread=True))
        return [p for p in parts if p[0] != "rencana_aksi" or p[1] is not None]

    def _action(self, tables: list[Table], action: list[tuple[Table, tuple[Columns, int]]],
                title: list[str], text: DecreeText, inside: bool = False) -> dict[str, Any]:
        first, (columns, skip) = action[0]
        reader = ActionTableReader(columns, first.place)
        started = False
        for table in tables:
            if table is first:
                started = True
                reader.read(table.rows[skip:], table.place, skip + 1)
                continue
            if not started:
                continue
            header = header_columns(table.rows)
            if header is not None:
                if header[0].roles != columns.roles:
                    break
                reader.read(table.rows[header[1]:], table.place, header[1] + 1)
            elif max((c.column + c.span for r in table.rows for c in r.cells),
                     default=0) == columns.width and team_columns(table) is None:
                reader.read(table.rows, table.place)
                if len(table.rows) > 2:  # not the last row kept with the signature
                    self.guesses.append(Guess(("rencana_aksi",), (
                        f"tebakan: {table.place} tanpa baris judul kolom dibaca sebagai "
                        "lanjutan tabel rencana aksi")))
            else:
                break
        self.steps += reader.steps
        self.guesses += reader.guesses
        rencana = reader.plan()
        judul = " ".join(title)
        wilayah = f"KPU {text.tingkat.upper()} {text.wilayah.upper()}"
        default = f"RENCANA AKSI PEMBANGUNAN ZONA INTEGRITAS {wilayah} TAHUN {text.tahun}"
        if judul and not inside and " ".join(judul.split()) != default:
            rencana = {"judul": title_case(judul), **rencana}
            self.guesses.append(Guess(("rencana_aksi", "judul"), (
                "judul tabel ditulis ulang dari huruf kapital (tercetak kapital lagi)")))
        return rencana

    def _booklet(self, blocks: Sequence[Block], tahun: int, title: list[str]) -> dict[str, Any]:
        closing = [i for i, b in enumerate(blocks) if isinstance(b, Paragraph)
                   and clean(b.plain).lower().startswith("ditetapkan di")]
        kerja, guesses = read_booklet(blocks[:closing[-1]] if closing else blocks, tahun)
        self.guesses += guesses
        judul = " ".join(title)
        if judul and not judul.startswith("RENCANA KERJA PEMBANGUNAN ZONA INTEGRITAS KPU "):
            kerja = {"judul": title_case(judul), **kerja}
        return kerja

    def _standard(self, text: DecreeText) -> None:
        """Leave out what zi writes itself: the closing consideration, the standard diktum
        (and with it the funding diktum's form)."""
        keputusan = self.plan["keputusan"]
        menimbang = keputusan["menimbang"]
        closing = menimbang[-1] if menimbang and closing_consideration(menimbang[-1]) else None
        if closing is not None:
            menimbang = menimbang[:-1]
        cased = _case_of(text.tentang, closing or "", *text.diktum[:1])
        if cased is not None:
            keputusan["tentang"] = cased
        else:
            keputusan["tentang"] = title_case(text.tentang)
            self.guesses.append(Guess(("keputusan", "tentang"), (
                "tebakan: judul ditulis ulang dari huruf kapital; periksa huruf besarnya")))
        keputusan["menimbang"] = menimbang or None
        diktum = keputusan.pop("diktum")
        keputusan["diktum"] = None
        plan = self._validated()
        if plan is None:
            keputusan["menimbang"] = menimbang or [closing or "bahwa ..."]
            keputusan["diktum"] = diktum or None
            self._tidy(keputusan)
            return
        office = office_of(plan)
        standard_closing = drafting.menimbang(with_keputusan(plan),
                                              office.lembaga_judul)[-1].rstrip(";")
        if closing is None:
            keputusan["penutup_menimbang"] = False
        elif strip_end(closing) != strip_end(standard_closing):
            keputusan["menimbang"] = [*menimbang, closing]
            keputusan["penutup_menimbang"] = False
            self.guesses.append(Guess(("keputusan", "penutup_menimbang"), (
                "pertimbangan penutup asli berbeda dari yang dibuat zi; ditulis apa adanya")))
        labels = list(attachment_labels(plan).values())
        wanted = [" ".join(d.split()) for d in diktum]
        best: tuple[float, bool] = (0.0, False)
        for anggaran in (False, True):
            keputusan["anggaran"] = anggaran
            candidate = self._validated()
            if candidate is None:
                continue
            made = [strip_end(d) for d in drafting.diktum(
                with_keputusan(candidate), f"Sekretariat {office.lembaga_judul}", labels)]
            if made == wanted:
                break
            if len(made) == len(wanted):
                alike = min(SequenceMatcher(None, a.lower(), b.lower()).ratio()
                            for a, b in zip(made, wanted, strict=True))
                best = max(best, (alike, anggaran))
        else:
            if best[0] >= SAME_DIKTUM:  # the standard diktum in other words: zi's wording
                keputusan["anggaran"] = best[1]
                where = "anggaran" if best[1] else "penandatangan"
                self.guesses.append(Guess(("keputusan", where), (
                    "diktum baku zi dipakai (isinya sama, kata-katanya dibakukan); asli: " +
                    " ".join(f"{word}: {said}." for word, said in zip(
                        text.diktum_words, diktum, strict=False)))))
            else:
                keputusan["anggaran"] = False
                keputusan["diktum"] = diktum or None
                if diktum:
                    self.guesses.append(Guess(("keputusan", "diktum"), (
                        "diktum asli berbeda dari diktum baku zi; ditulis apa adanya")))
        self._tidy(keputusan)

    def _tidy(self, keputusan: dict[str, Any]) -> None:
        for key in [k for k, v in keputusan.items() if v is None]:
            del keputusan[key]
        if keputusan.get("anggaran") is False:
            del keputusan["anggaran"]
        order = ["nomor", "tahun", "tanggal", "tentang", "menimbang", "penutup_menimbang",
                 "mengingat", "diktum", "anggaran", "penandatangan", "pengesah_salinan",
                 "lampiran"]
        ordered = {k: keputusan[k] for k in order if k in keputusan}
        keputusan.clear()
        keputusan.update(ordered)

    def _validated(self) -> Rencana | None:
        data = {k: v for k, v in self.plan.items()}
        data["keputusan"] = {k: v for k, v in self.plan["keputusan"].items() if v is not None}
        try:
            return Rencana.model_validate(data)
        except ValueError:
            return None


_ORDER = ["rencana_aksi", "rencana_kerja", "tim"]
SAME_DIKTUM = 0.6
"""How alike each diktum must be to zi's standard one (difflib ratio) to be taken as it: the same
decisions in an office's own words ('sebagaimana terlampir dalam lampiran Keputusan ini')."""
