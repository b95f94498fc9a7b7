"""`zi rollover`: next year's plan from this year's, changing only what is tied to the year.

The new plan is the old file's text with the year edited in place, so its comments, key order,
quoting and line breaks stay exactly as they were and a diff shows only what changed. Which
scalars to edit comes from the YAML node tree (their exact spans in the text); comments are
never touched.

Which years move is one rule per kind of field. Schedules (`jadwal`, `target_waktu`) and titles
(`tentang`, `judul`, `sampul`) move the plan year. In prose the plan year moves and a report's
year ("LAKIP 2024", "SKP tahun 2024") moves with it, but a fact about the past never does: a
full date, a document number with a year, a year next to a document word, the title of a cited
document, a range or an event. Those are listed for a person to check, cited documents first.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from generator.plan.model import Rencana
from generator.plan.roles import Role, keys_with
from generator.reference import catalog
from generator.rules import check_file, drafting
from generator.source.files import read_regular
from generator.source.yaml_reader import MAX_BYTES

NodePath = tuple[str | int, ...]
"""Keys and list indexes from the document root to a YAML node."""

_NUMBER = re.compile(r"(?<!\d)\d{4,}(?!\d)")
_MONTH = (r"(?:Januari|Februari|Pebruari|Maret|April|Mei|Juni|Juli|Agustus|September|Oktober|"
          r"Nopember|November|Desember|Jan|Feb|Peb|Mar|Apr|Jun|Jul|Agu|Ags|Agt|Agst|Sep|Sept|"
          r"Okt|Nov|Nop|Des)")
_FULL_DATE = re.compile(rf"\b\d{{1,2}}\s*{_MONTH}\.?,?\s*$", re.IGNORECASE)
"""A day and a month right before the year: '25 Agustus 2025' is a date that happened."""
_NUMBERED = re.compile(r"(?:\b(?:Nomor|No\.?)\s*:?\s*\S+\s+Tahun|"
                       r"\b(?:UU|PP|Perppu|Perpu|Perpres|Keppres|Inpres|Permen\w*|Kepmen\w*|"
                       r"PKPU|Perkom\w*|Perbawaslu|Perda|Pergub|Perbup|Perwal\w*|SE|SEB|"
                       r"Persekjen|Kepsekjen|Perka\w*|Perban\w*)(?:\s*-?\s*RB)?\s+\d+[A-Z]?\s+"
                       r"Tahun|Negara\s+Republik\s+Indonesia\s+Tahun)\s*$", re.IGNORECASE)
"""'Nomor 12 Tahun 2025', 'PKPU 5 Tahun 2025', 'Lembaran Negara Republik Indonesia Tahun
2017': a numbered document's year."""
_RANGE = r"\s*(?:-|–|—|s\.?\s?d\.?|s/d|sampai(?:\s+dengan)?|hingga)\s*"
_RANGE_START = re.compile(rf"^{_RANGE}\d{{4}}(?!\d)", re.IGNORECASE)
_RANGE_END = re.compile(rf"(?<!\d)\d{{4}}{_RANGE}$", re.IGNORECASE)
_DOCUMENT = (r"Berita\s+Acara|Surat|Keputusan|Peraturan|Undang-Undang|Instruksi|Edaran|"
             r"Nota\s+Dinas|Notul[ae]n?|Risalah|Nomor|No\.|tanggal|tgl\.?")
_REPORT = (r"LAKIP|LKjIP|SAKIP|SKP|Laporan\s+Kinerja|Laporan\s+Tahunan|Laporan\s+Keuangan|"
           r"tahun\s+sebelumnya")
_EVENT = (r"(?<!Komisi\s)(?<!Pengawas\s)(?<!Badan\s)(?:Pemilu|Pilkada|Pileg|Pilpres|Pemilihan)"
          r"(?!\s+Umum\s+(?:Republik|RI|Provinsi|Kabupaten|Kota)\b)")
_ANCHOR = re.compile(rf"\b(?:(?P<dokumen>(?:{_DOCUMENT})(?!\s+ini\b))|(?P<laporan>{_REPORT})|"
                     rf"(?P<peristiwa>{_EVENT})|(?P<tentang>tentang))\b", re.IGNORECASE)
"""The words that say whose year a year is; the nearest one before the year decides
('Keputusan ini' is the plan's own decree, not a cited one)."""
_NEAR = 8
"""A document, report or event word counts when at most this many words before the year."""
_TITLE = 30
"""A year this many words after 'tentang' can still be in the title it begins."""
_CITED_BEFORE_TITLE = re.compile(r"\b(?:Nomor|No\.|tanggal|tgl)|\d{4}|/", re.IGNORECASE)
"""Between a document word and 'tentang': the document is a cited one, not the plan's own."""
_EARLIER_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
_LIST_GOES_ON = re.compile(r"[\s,]*(?:(?:dan|serta|atau|maupun)[\s,]*)?")
"""What may stand between two years of one list: 'Pemilu 2014, 2019 dan 2024'."""
_SENTENCE_END = re.compile(r"(?:;|(?<![A-Z])(?<!\b\w)(?<!\b\w\w)(?<!\b\w\w\w)(?<!Prov)\.)"
                           r"(?=\s+[A-Z(\"'])|\n[ \t]*\n|\n[ \t]*\d+[.)][ \t]")

_SKIP = keys_with(Rencana, frozenset({Role.PERSON, Role.NAMING}))
"""Fields whose years are not the plan's: names, keys, choices (as the model marks them)."""
_CITING = keys_with(Rencana, frozenset({Role.CITATION}))
"""Fields that cite documents: a catalog key is checked as a regulation, free text is listed."""
_SCHEDULE = keys_with(Rencana, frozenset({Role.SCHEDULE})) | {"target_waktu"}
"""The plan's own schedule: the plan year moves, with nothing else to decide. A written
'target_waktu' is prose to the other rules, but its year is the schedule's."""
_CLEARED = (("keputusan", "nomor"), ("keputusan", "tanggal"), ("mandiri", "tanggal"))


RUTIN = ("tahun", "jadwal", "target_waktu", "tentang", "judul", "sampul")
"""Fields whose plan year moves without anyone needing to look: the year itself, schedules
(jadwal, target_waktu) and titles (tentang, judul, the booklet's sampul). The plan year in
prose, and report years, are shown line by line."""


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
    """The words around the years moved on this line, before the edit, for showing it to a
    person (the same for every edit on the line)."""
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
class RolloverResult:
    """The new plan's text and what a person should look at."""

    teks: str
    """The new plan, ready to write."""
    perubahan: list[Perubahan] = field(default_factory=list)
    """Every edit made."""
    tinjau: list[Tinjauan] = field(default_factory=list)
    """What needs a person's decision: first by line the cited documents and past dates left
    alone, then amended or replaced regulations, people, then by line the other years left
    alone (ranges, events, the rest) and comments that still name the old decree number."""
    tahun_lama: int = 0
    """The old plan's year."""
    tahun_baru: int = 0
    """The new plan's year."""


@dataclass
class _Tahun:
    """What a year found in a scalar is, and so whether it moves."""

    jenis: str
    """'geser' (moved), 'rujukan' (a cited document or date: listed first), 'rentang',
    'peristiwa' or 'lain' (listed), or 'abaikan' (not a year: left silently)."""
    alasan: str = ""
    """For a moved year: why, in Bahasa Indonesia."""


def _sentence_before(span: str, at: int) -> str:
    """The words of the sentence up to the year, on one line: the year's owner is in there."""
    before = span[max(0, at - 400):at]
    starts = [m.end() for m in _SENTENCE_END.finditer(before)]
    return " ".join(before[starts[-1] if starts else 0:].split())


def _words(text: str) -> int:
    return len(text.split())


def _classify(span: str, start: int, end: int, field_kind: str, old: int) -> _Tahun:
    """One year in a scalar's text: moved, listed (and as what), or not a year at all."""
    digits = span[start:end]
    pre, post = span[max(0, start - 1):start], span[end:end + 1]
    prepre, postpost = span[max(0, start - 2):max(0, start - 1)], span[end + 1:end + 2]
    if (pre in ".," and prepre.isdigit()) or (post in ".," and postpost.isdigit()) \
            or pre.isalpha() or post.isalpha() or pre == "_" or post == "_":
        return _Tahun("abaikan")  # 2.025.000, KPU2025, kunci_2025
    year = int(digits)
    if not 1945 <= year <= 2100:
        return _Tahun("abaikan")
    if field_kind == "kutipan":
        return _Tahun("rujukan")
    after = span[end:end + 40]
    before_raw = span[max(0, start - 40):start]
    token_start = max(span.rfind(c, 0, start) for c in " \t\n\"'(") + 1
    token = span[token_start:start]
    if _RANGE_START.match(after) or _RANGE_END.search(before_raw):
        return _Tahun("rentang")
    if re.match(r"^/\d{4}(?!\d)", after) and not token:
        return _Tahun("rentang")  # 2024/2025
    if re.fullmatch(r"\d{4}/", token):
        return _Tahun("rentang")
    if field_kind == "jadwal":
        return _Tahun("geser", "tahun rencana") if year == old else _Tahun("lain")
    if re.match(r"^-\d{1,2}-\d{1,2}\b", after) or re.search(r"\b\d{1,2}[-/.]\d{1,2}[-/.]$", token):
        return _Tahun("rujukan")  # 2025-08-25, 25/08/2025
    if pre and pre in "/-" and any(c.isalnum() for c in token):
        return _Tahun("rujukan")  # 73/PK.01-BA/1502/2025
    if _FULL_DATE.search(before_raw) or _NUMBERED.search(" ".join(before_raw.split())):
        return _Tahun("rujukan")
    sentence = _sentence_before(span, start)
    anchors = list(_ANCHOR.finditer(sentence))
    earlier = list(_EARLIER_YEAR.finditer(sentence))
    # a word before an earlier year is that year's ('Pemilu 2024 dan tahun 2025'), unless
    # this year continues its list ('Pemilu 2014, 2019 dan 2024')
    scope = earlier[-1].end() if earlier and not _LIST_GOES_ON.fullmatch(
        sentence[earlier[-1].end():]) else 0
    near = [a for a in anchors if a.start() >= scope]
    if near:
        anchor = near[-1]
        distance = _words(sentence[anchor.end():])
        if anchor.lastgroup == "tentang" and distance <= _TITLE:
            owner = [a for a in anchors if a.lastgroup == "dokumen" and a.start() < anchor.start()]
            # the title of a cited document; 'Keputusan ... tentang' without a number or date
            # is the plan's own decree
            if owner and (owner[-1].group().lower() != "keputusan" or _CITED_BEFORE_TITLE.search(
                    sentence[owner[-1].start():anchor.start()])):
                return _Tahun("rujukan")
        elif distance <= _NEAR:
            if anchor.lastgroup == "dokumen":
                return _Tahun("rujukan")
            if anchor.lastgroup == "peristiwa":
                return _Tahun("peristiwa")
            if anchor.lastgroup == "laporan" and year == old - 1:
                return _Tahun("geser", "tahun laporan sebelumnya")
    return _Tahun("geser", "tahun rencana") if year == old else _Tahun("lain")


def _walk(node: yaml.Node, path: NodePath
          ) -> Iterator[tuple[str, NodePath, yaml.Node, yaml.Node | None]]:
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


def _key(node_path: NodePath) -> str:
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


def _field_kind(node_path: NodePath) -> str:
    """How years in a scalar are treated: 'lewati', 'kutipan', 'jadwal', 'judul' or 'kalimat'."""
    names = [part for part in node_path if isinstance(part, str)]
    if any(name in _SKIP for name in names):
        return "lewati"
    if any(name in _CITING for name in names):
        return "kutipan"
    if any(name in _SCHEDULE for name in names):
        return "jadwal"
    return "judul" if _key(node_path) in RUTIN else "kalimat"


_LISTED = {
    "rujukan": "rujukan ke dokumen atau tanggal lampau, tidak diubah; periksa: '{kata}'",
    "rentang": "rentang tahun dibiarkan: '{kata}'",
    "peristiwa": "tahun {tahun} dibiarkan (peristiwa): '{kata}'",
    "lain": "tahun {tahun} dibiarkan: '{kata}'",
}
"""The review message for each kind of year left alone."""
_MERGE = 40
"""Years left alone this close together on one line are listed as one item."""


def _scan(span: str, field_kind: str, old: int) -> tuple[
        list[tuple[int, int, str]], list[tuple[str, int, int]], list[tuple[int, str]]]:
    """Every year in a scalar's text: those to move (start, end, reason), those left alone
    (kind, start of the word holding it, end) and numbers too long to be a year."""
    moved: list[tuple[int, int, str]] = []
    left: list[tuple[str, int, int]] = []
    typos: list[tuple[int, str]] = []
    for match in _NUMBER.finditer(span):
        digits, start, end = match.group(), match.start(), match.end()
        if len(digits) > 4:
            if not re.match(r"[\d.,/-]", span[max(0, start - 1):start]) \
                    and span[end:end + 1] != "/":
                typos.append((start, f"'{digits}' bukan tahun (salah ketik?), dibiarkan"))
            continue
        year = _classify(span, start, end, field_kind, old)
        if year.jenis == "geser":
            moved.append((start, end, year.alasan))
        elif year.jenis != "abaikan":
            word = max(span.rfind(c, 0, start) for c in " \t\n\"'(") + 1
            left.append((year.jenis, word, end))
    return moved, left, typos


def _listed(span: str, left: list[tuple[str, int, int]],
            field_kind: str) -> list[tuple[str, int, str]]:
    """The review items for the years left alone in one scalar: (kind, start, message);
    years of one kind close together on a line are one item, a cited entry is one item."""
    merged: list[list[Any]] = []  # [kind, start, end], the end growing as years merge
    for jenis, start, end in left:
        if field_kind == "kutipan" and merged:
            continue  # a cited entry is listed once, at its first year
        if merged and merged[-1][0] == jenis and "\n" not in span[merged[-1][2]:start] \
                and start - merged[-1][2] <= _MERGE:
            merged[-1][2] = end
            continue
        merged.append([jenis, start, end])
    items = []
    for jenis, start, end in merged:
        head, tail = _words_around(span, start, end)
        words = " ".join(f"{head}{span[start:end]}{tail}".split())
        years = ", ".join(dict.fromkeys(m.group() for m in _NUMBER.finditer(span[start:end])))
        items.append((jenis, start, _LISTED[jenis].format(kata=words, tahun=years)))
    return items


def _line_before_after(span: str, changes: list[tuple[int, int, str]],
                       shift: int) -> tuple[str, str]:
    """The words around the years moved on one line of a scalar, before and after."""
    first, last = changes[0][0], changes[-1][1]
    head, tail = _words_around(span, first, last)
    after = span[first:last]
    for start, end, _ in reversed(changes):
        after = after[:start - first] + str(int(span[start:end]) + shift) + after[end - first:]
    return f"{head}{span[first:last]}{tail}", f"{head}{after}{tail}"


def rollover(path: Path, tahun_baru: int) -> RolloverResult:
    """Next year's plan text from a valid plan file; raises PlanError if the plan is invalid.

    Any other year works too, earlier included (the CLI allows only later years): going back
    from the new plan to the old year restores every year the first rollover moved."""
    plan = check_file(path).plan
    old = plan.tahun
    shift = tahun_baru - old
    text = read_regular(path, MAX_BYTES).decode("utf-8-sig")  # the bytes just checked
    root = yaml.compose(text, Loader=yaml.SafeLoader)
    assert root is not None  # the plan was valid, so not empty
    edits: list[tuple[int, int, str, Perubahan]] = []
    cited: list[tuple[int, int, str]] = []  # (line in the old file, index, message): first
    review: list[tuple[int, int, str]] = []  # (line in the old file, index, message)

    def line_of(index: int) -> int:
        return text.count("\n", 0, index) + 1

    seen: set[int] = set()  # an alias repeats its anchor's node: edit that text once
    for kind, node_path, node, value in _walk(root, ()):
        if kind == "scalar":
            if node.start_mark.index in seen:
                continue
            seen.add(node.start_mark.index)
        if kind == "key":
            assert value is not None  # a key's event carries its value's node
            if tuple(node_path) in _CLEARED:
                start = _line_start(text, node.start_mark.index)
                end = _line_end(text, value.end_mark.index - 1)
                old_text = text[start:end]
                edits.append((start, end, "", Perubahan(line_of(start), old_text.strip(), "",
                                                        "dikosongkan untuk tahun baru",
                                                        _key(node_path))))
            continue
        field_kind = _field_kind(node_path)
        if field_kind == "lewati" or tuple(node_path) in _CLEARED:
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
        moved, left, typos = _scan(span, field_kind, old)
        review += [(line_of(span_start + at), span_start + at, message) for at, message in typos]
        for jenis, start, message in _listed(span, left, field_kind):
            item = (line_of(span_start + start), span_start + start, message)
            (cited if jenis == "rujukan" else review).append(item)
        by_line: dict[int, list[tuple[int, int, str]]] = {}
        for start, end, reason in moved:
            by_line.setdefault(line_of(span_start + start), []).append((start, end, reason))
        for line, changes in by_line.items():
            before, after = _line_before_after(span, changes, shift)
            edits += [(span_start + start, span_start + end, str(int(span[start:end]) + shift),
                       Perubahan(line, span[start:end], str(int(span[start:end]) + shift),
                                 reason, _key(node_path), before, after))
                      for start, end, reason in changes]

    new_text = text
    for start, end, replacement, _ in sorted(edits, key=lambda e: e[0], reverse=True):
        new_text = new_text[:start] + replacement + new_text[end:]
    result = RolloverResult(new_text, [e[3] for e in sorted(edits, key=lambda e: e[0])],
                   tahun_lama=old, tahun_baru=tahun_baru)
    nomor = plan.keputusan.nomor if plan.keputusan else None
    if nomor:
        gone = [(e[0], e[1]) for e in edits if not e[2]]
        review += [(line_of(at), at, f"komentar masih menyebut nomor keputusan lama '{nomor}': "
                    f"{comment}")
                   for at, comment in _comments(text, root)
                   if menyebut_nomor(comment, nomor, old)
                   and not any(start <= at < end for start, end in gone)]
    removed = [(e[3].baris, text.count("\n", e[0], e[1])) for e in edits if not e[2]]

    def new_line(line: int) -> int:
        return line - sum(count for at, count in removed if at < line)

    for change in result.perubahan:
        change.baris_baru = new_line(change.baris) if change.baru else 0

    result.tinjau = [Tinjauan(message, new_line(line)) for line, _, message in sorted(cited)]
    result.tinjau += [Tinjauan(message) for message in
                      _regulation_review(plan, tahun_baru) + _people_review(plan)]
    result.tinjau += [Tinjauan(message, new_line(line)) for line, _, message in sorted(review)]
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


def laporan(hasil: RolloverResult, berkas: str) -> list[str]:
    """The review list `zi rollover` prints: first what needs a decision, then the routine
    year changes as one counted line, then each prose line changed, before -> after."""
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
    prose: dict[tuple[int, str], list[Perubahan]] = {}
    for p in hasil.perubahan:
        if not p.rutin:
            prose.setdefault((p.baris_baru, p.kalimat_lama), []).append(p)
    if prose:
        lines.append(f"Diubah di kalimat, periksa ({len(prose)}):")
        for (baris, _), changes in prose.items():
            p = changes[0]
            reasons = ", ".join(dict.fromkeys(c.alasan for c in changes))
            lines.append(f"  - {berkas}:{baris}: ({p.kunci}) '{p.kalimat_lama}' -> "
                         f"'{p.kalimat_baru}' ({reasons})")
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
    before = drafting.reference_date(plan.keputusan)
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
