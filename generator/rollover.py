"""`zi rollover`: next year's plan from this year's, changing only what is tied to the year.

The new plan is the old file's text with the year edited in place, so its comments, key order,
quoting and line breaks stay exactly as they were and a diff shows only what changed. Which
scalars to edit comes from the YAML node tree (their exact spans in the text); comments are
never touched.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import yaml

from generator import catalog, drafting
from generator.model import Rencana
from generator.validate import check_file

_YEAR = re.compile(r"(?<![\d.,/-])\b(\d{4,})\b(?![\d/])")
_CITATION = re.compile(r"(?:Nomor\s+\S+\s+Tahun|Negara\s+Republik\s+Indonesia\s+Tahun)\s*$",
                       re.IGNORECASE)
_REPORT = re.compile(r"(?:LAKIP|LKjIP|SAKIP|SKP|Laporan\s+Kinerja|Laporan\s+Tahunan|"
                     r"Laporan\s+Keuangan|tahun\s+sebelumnya)\b[^.;:\n]{0,40}$", re.IGNORECASE)
"""A year shortly after the name of an annual report is that report's year."""
_SKIP = {"mengingat", "dasar_hukum", "orang", "jadwal", "satker", "kolom", "tampilan",
         "capaian", "penandatangan", "pengesah_salinan", "tanpa_komponen"}
"""Fields whose years are not the plan's: citations, names, keys, months."""
_CLEARED = (("keputusan", "nomor"), ("keputusan", "tanggal"), ("mandiri", "tanggal"))


RUTIN = ("tahun", "target_waktu", "tentang", "judul", "sampul")
"""Fields whose plan year moves without anyone needing to look: the year itself, schedules
(target_waktu) and titles (tentang, judul, the booklet's sampul). The plan year elsewhere in
prose, and report years, are shown one by one."""


@dataclass
class Perubahan:
    """One edit of the old text."""

    baris: int
    """Line in the old file, from 1."""
    lama: str
    """The text replaced."""
    baru: str
    """Its replacement ('' for a removed entry)."""
    alasan: str
    """Why, in Bahasa Indonesia."""
    kunci: str = ""
    """The plan field edited, e.g. 'target_waktu' (for a list item, the list's field)."""
    kalimat_lama: str = ""
    """The words around a year in prose, before the edit, for showing it to a person."""
    kalimat_baru: str = ""
    """The same words after the edit."""
    baris_baru: int = 0
    """Line in the new file, from 1 (0 for a removed entry)."""

    @property
    def rutin(self) -> bool:
        """True for an edit nobody needs to read: a cleared entry, or the plan year moved in
        the year itself, a schedule or a title."""
        return not self.baru or (self.alasan == "tahun rencana" and self.kunci in RUTIN)


@dataclass
class Tinjauan:
    """Something a person has to decide about the new plan."""

    pesan: str
    """What to decide, in Bahasa Indonesia."""
    baris: int | None = None
    """Line in the new file it is about, from 1; None for the plan as a whole."""


@dataclass
class Hasil:
    """The new plan's text and what a person should look at."""

    teks: str
    """The new plan, ready to write."""
    perubahan: list[Perubahan] = field(default_factory=list)
    """Every edit made."""
    tinjau: list[Tinjauan] = field(default_factory=list)
    """What needs a person's decision: amended or replaced regulations, people, then by line
    the years left alone and comments that still name the old decree number."""
    tahun_lama: int = 0
    """The old plan's year."""
    tahun_baru: int = 0
    """The new plan's year."""


def _walk(node: yaml.Node, path: tuple):
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            yield from _walk(value, (*path, key.value))
            yield ("key", (*path, key.value), key, value)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            yield from _walk(item, (*path, index))
    elif isinstance(node, yaml.ScalarNode):
        yield ("scalar", path, node, None)


def _line_start(text: str, index: int) -> int:
    return text.rfind("\n", 0, index) + 1


def _line_end(text: str, index: int) -> int:
    end = text.find("\n", index)
    return len(text) if end < 0 else end + 1


def _key(node_path: tuple) -> str:
    return next((part for part in reversed(node_path) if isinstance(part, str)), "")


def _words_around(span: str, start: int, end: int) -> tuple[str, str]:
    """A few words either side of span[start:end] on its line, for showing an edit in prose."""
    line_start = span.rfind("\n", 0, start) + 1
    line_end = span.find("\n", end)
    if line_end < 0:
        line_end = len(span)
    before_text = re.sub(r"^(?:[>|][-+0-9]*|[\"'])", "", span[line_start:start])
    after_text = re.sub(r"[\"']$", "", span[end:line_end])
    before, after = before_text.split(), after_text.split()
    head = ("…" if len(before) > 4 else "") + " ".join(before[-4:])
    tail = " ".join(after[:4]) + ("…" if len(after) > 4 else "")
    if head and before_text[-1:].isspace():
        head += " "
    if tail and after_text[:1].isspace():
        tail = " " + tail
    return head, tail


def rollover(path: Path, tahun_baru: int) -> Hasil:
    """Next year's plan text from a valid plan file; raises PlanError if the plan is invalid."""
    plan = check_file(path).plan
    old = plan.tahun
    shift = tahun_baru - old
    text = path.read_text(encoding="utf-8-sig")
    root = yaml.compose(text, Loader=yaml.SafeLoader)
    edits: list[tuple[int, int, str, Perubahan]] = []
    review: list[tuple[int, str]] = []  # (line in the old file, message)

    def line_of(index: int) -> int:
        return text.count("\n", 0, index) + 1

    for kind, node_path, node, value in _walk(root, ()):
        if kind == "key":
            if tuple(node_path) in _CLEARED:
                start = _line_start(text, node.start_mark.index)
                end = _line_end(text, value.end_mark.index - 1)
                old_text = text[start:end]
                edits.append((start, end, "", Perubahan(line_of(start), old_text.strip(), "",
                                                        "dikosongkan untuk tahun baru",
                                                        _key(node_path))))
            continue
        if any(part in _SKIP for part in node_path if isinstance(part, str)):
            continue
        if node_path in (("keputusan", "tahun"), ("mandiri", "tahun")):
            start, end = node.start_mark.index, node.end_mark.index
            edits.append((start, end, str(tahun_baru),
                          Perubahan(line_of(start), text[start:end], str(tahun_baru),
                                    "tahun rencana", "tahun")))
            continue
        if node.tag != "tag:yaml.org,2002:str" or (
                isinstance(node_path[-1], int) and node.value in catalog.katalog()):
            continue
        span_start, span_end = node.start_mark.index, node.end_mark.index
        span = text[span_start:span_end]
        for match in _YEAR.finditer(span):
            digits = match.group(1)
            at = span_start + match.start(1)
            before = span[max(0, match.start() - 40):match.start()]
            if len(digits) > 4:
                review.append((line_of(at), f"'{digits}' bukan tahun (salah ketik?), dibiarkan"))
                continue
            year = int(digits)
            if not 1945 <= year <= 2100:
                continue
            if _CITATION.search(before):
                continue  # a regulation's own year
            if year == old:
                reason = "tahun rencana"
            elif year == old - 1 and _REPORT.search(before):
                reason = "tahun laporan sebelumnya"
            else:
                context = " ".join(before.split())[-30:]
                review.append((line_of(at), f"tahun {year} dibiarkan (\"...{context} {year}\")"))
                continue
            head, tail = _words_around(span, match.start(1), match.end(1))
            edits.append((at, at + 4, str(year + shift),
                          Perubahan(line_of(at), digits, str(year + shift), reason,
                                    _key(node_path), f"{head}{digits}{tail}",
                                    f"{head}{year + shift}{tail}")))

    new_text = text
    for start, end, replacement, _ in sorted(edits, key=lambda e: e[0], reverse=True):
        new_text = new_text[:start] + replacement + new_text[end:]
    result = Hasil(new_text, [e[3] for e in sorted(edits, key=lambda e: e[0])],
                   tahun_lama=old, tahun_baru=tahun_baru)
    nomor = plan.keputusan.nomor if plan.keputusan else None
    if nomor:
        gone = [(e[0], e[1]) for e in edits if not e[2]]
        review += [(line_of(at), f"komentar masih menyebut nomor keputusan lama '{nomor}': "
                    f"{comment}")
                   for at, comment in _comments(text, root)
                   if menyebut_nomor(comment, nomor, old)
                   and not any(start <= at < end for start, end in gone)]
    removed = [(e[3].baris, text.count("\n", e[0], e[1])) for e in edits if not e[2]]

    def new_line(line: int) -> int:
        return line - sum(count for at, count in removed if at < line)

    for change in result.perubahan:
        change.baris_baru = new_line(change.baris) if change.baru else 0

    result.tinjau = [Tinjauan(message) for message in
                     _regulation_review(plan, tahun_baru) + _people_review(plan)]
    result.tinjau += [Tinjauan(message, new_line(line)) for line, message in sorted(review)]
    return result


_COMMENT = re.compile(r"(?:^|(?<=[ \t]))#[^\n]*", re.MULTILINE)


def _comments(text: str, root: yaml.Node | None) -> list[tuple[int, str]]:
    """Every comment with where it starts: a '#' after a space or at a line's start, outside
    scalars (keys and values; they never overlap, so one bisect finds the one before)."""
    spans = sorted((node.start_mark.index, node.end_mark.index)
                   for _, _, node, _ in (_walk(root, ()) if root else ()))
    starts = [start for start, _ in spans]
    found = []
    for match in _COMMENT.finditer(text):
        before = bisect.bisect_right(starts, match.start()) - 1
        if before < 0 or spans[before][1] <= match.start():
            found.append((match.start(), match.group().rstrip()))
    return found


def menyebut_nomor(comment: str, nomor: str, tahun: int) -> bool:
    """Whether a comment names the decree of that nomor and year: 'Nomor 400', or 400 with its
    year ('400/2025', '400 Tahun 2025'), or the whole nomor when it carries the year itself."""
    number = rf"(?<![\w/.-]){re.escape(nomor)}(?!\w|-|/(?!{tahun}))"
    if re.search(rf"\bnomor\s*:?\s*{number}", comment, re.IGNORECASE):
        return True
    return bool(re.search(number, comment)) and (
        str(tahun) in nomor or re.search(rf"(?<!\d){tahun}(?!\d)", comment) is not None)


def laporan(hasil: Hasil, berkas: str) -> list[str]:
    """The review list `zi rollover` prints: first what needs a decision, then the routine
    year changes as one counted line, then each change made inside prose."""
    lines = [f"Perlu keputusan Anda ({len(hasil.tinjau)}):" if hasil.tinjau
             else "Perlu keputusan Anda: tidak ada."]
    lines += [f"  - {berkas}:{item.baris}: {item.pesan}" if item.baris else f"  - {item.pesan}"
              for item in hasil.tinjau]
    routine = [p for p in hasil.perubahan if p.rutin and p.baru]
    cleared = list(dict.fromkeys(p.kunci for p in hasil.perubahan if not p.baru))
    parts = []
    if routine:
        fields = Counter(p.kunci for p in routine).most_common()
        parts.append(f"tahun {hasil.tahun_lama} -> {hasil.tahun_baru} di {len(routine)} tempat ("
                     + ", ".join(f"{kunci} {count}" for kunci, count in fields) + ")")
    if cleared:
        parts.append(" dan ".join(cleared) + " dikosongkan")
    lines.append("Diubah otomatis: " + ("; ".join(parts) if parts else "tidak ada") + ".")
    prose = [p for p in hasil.perubahan if not p.rutin]
    if prose:
        lines.append(f"Diubah di kalimat, periksa ({len(prose)}):")
        for p in prose:
            lines.append(f"  - {berkas}:{p.baris_baru}: ({p.kunci}) '{p.kalimat_lama}' -> "
                         f"'{p.kalimat_baru}' ({p.alasan})")
    return lines


def _bases(plan: Rencana) -> list[str]:
    keys = list(plan.keputusan.mengingat) if plan.keputusan else []
    if plan.rencana_kerja:
        for bab in plan.rencana_kerja.bab:
            for bagian in bab.bagian:
                keys += bagian.dasar_hukum or []
    entries = catalog.katalog()
    return list(dict.fromkeys(k for k in keys if k in entries))


def _regulation_review(plan: Rencana, tahun_baru: int) -> list[str]:
    """Regulations amended or replaced between the old decree and the new year."""
    if plan.keputusan is None:
        return []
    before = drafting.tanggal_acuan(plan.keputusan)
    after = date(tahun_baru, 12, 31)
    entries = catalog.katalog()
    found = []
    for key in _bases(plan):
        peraturan = entries[key]
        new = [p for p in catalog.perubahan_berlaku(peraturan, after)
               if p not in catalog.perubahan_berlaku(peraturan, before)]
        if new:
            found.append(f"{key}: kini juga diubah dengan {new[-1].judul()}; kutipannya "
                         "diperbarui otomatis, periksa isinya")
        if peraturan.dicabut_dengan:
            replacement = entries[peraturan.dicabut_dengan]
            if before < replacement.berlaku_sejak <= after:
                found.append(f"{key}: dicabut dengan {replacement.judul()}; ganti dengan "
                             f"'{replacement.kunci}'")
    return found


def _people_review(plan: Rencana) -> list[str]:
    """Everyone named in the plan: offices change hands between years."""
    people = ", ".join(f"{p.nama}" for p in plan.orang.values())
    return [f"orang: pastikan masih menjabat dan jabatannya benar: {people}"]


def nama_baru(path: Path, tahun_lama: int, tahun_baru: int) -> Path:
    """kutai-timur-2025.yaml -> kutai-timur-2026.yaml; otherwise <name>-2026.yaml."""
    if str(tahun_lama) in path.stem:
        return path.with_name(path.stem.replace(str(tahun_lama), str(tahun_baru)) + path.suffix)
    return path.with_name(f"{path.stem}-{tahun_baru}{path.suffix}")
