"""The gazetteer: every province and kabupaten/kota, to tell this office's region from others.

Data: generator/reference/data/wilayah.tsv (Kepmendagri 300.2.2-2138 Tahun 2025, written by
tools/make_wilayah.py). Names are compared without case, spaces, hyphens and dots, so
'GUNUNG KIDUL', 'Gunungkidul' and 'Gunung-Kidul' are one name; a name is only found as whole
words ('Batu' is not found in 'Batuah').
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources

from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA

TINGKAT = ("provinsi", "kabupaten", "kota")
"""The three levels of a region, as 'satker.tingkat' writes them."""


@dataclass(frozen=True)
class Wilayah:
    """One province or kabupaten/kota of the Kemendagri code list."""

    kode: str
    """Kemendagri code: '64' for a province, '64.08' for a kabupaten/kota."""
    tingkat: str
    """'provinsi', 'kabupaten' or 'kota'."""
    nama: str
    """The name without its level word: 'Kutai Timur', 'Jakarta Pusat', 'Kalimantan Timur'."""
    nama_resmi: str
    """The official name: 'Kabupaten Kutai Timur', 'Kota Administrasi Jakarta Pusat'."""
    alias: tuple[str, ...] = ()
    """Other names in use: former names, short forms ('Toba Samosir', 'DKI Jakarta')."""

    @property
    def kode_provinsi(self) -> str:
        """The code of the province this region is (or lies in)."""
        return self.kode[:2]


@dataclass(frozen=True)
class Sebutan:
    """A region named in a text: 'KPU Kabupaten Bogor', 'Kota Bogor' or a bare 'Bogor'."""

    start: int
    """Where the mention starts, with its office and level words ('KPU Kabupaten ...')."""
    end: int
    """Where the name ends."""
    nama_start: int
    """Where the name itself starts."""
    kandidat: tuple[Wilayah, ...]
    """The regions the name can be: one, or several for a bare 'Bogor' (kabupaten and kota)."""
    kata_tingkat: str | None
    """The level the text gives ('kabupaten', 'kota', 'provinsi'), None for a bare name."""
    kantor: bool
    """Written as an office: after 'KPU', 'KIP' or 'Komisi Pemilihan Umum'."""
    tingkat_cocok: bool
    """False when the level written is not the region's ('Kota Kutai Timur')."""
    kata_sebelum: str
    """The word before the mention, in small letters ('wilayah', 'di'), or ''."""

    @property
    def wilayah(self) -> Wilayah | None:
        """The one region meant, when the text says which."""
        return self.kandidat[0] if len(self.kandidat) == 1 else None


@dataclass(frozen=True)
class TakDikenal:
    """An office name whose region does not exist: 'KPU Kabupaten Kalimantan Timur Tenggara'."""

    start: int
    """Where the region's name starts (after the level word)."""
    end: int
    """Where it ends."""
    nama: str
    """The name as written."""
    kata_tingkat: str
    """The level written before it."""
    kantor: bool
    """Written as an office (after 'KPU'); without one only 'Kabupaten X'/'Provinsi X' count."""


@dataclass(frozen=True)
class Mirip:
    """A near miss of a region's name: 'Kabupatn Kutai Timur', 'Kutai Timor'."""

    start: int
    """Where the misspelt words start."""
    end: int
    """Where they end."""
    tertulis: str
    """The words as written."""
    benar: str
    """The right spelling."""


_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
_LEVEL = {"kabupaten": "kabupaten", "kab": "kabupaten", "kota": "kota", "provinsi": "provinsi",
          "prov": "provinsi", "propinsi": "provinsi"}
"""Level words as written, to the level they mean ('Kab.', 'Prov.', the old 'Propinsi')."""
_LEVEL_FULL = {"kabupaten": "Kabupaten", "kota": "Kota", "provinsi": "Provinsi"}
_OFFICE = (("kpu",), ("kip",), ("komisi", "pemilihan", "umum"),
           ("komisi", "independen", "pemilihan"))
"""Words that make a region an office: KPU, and Aceh's KIP (Komisi Independen Pemilihan)."""
_COMMON = frozenset({
    "agam", "aru", "banjar", "batang", "batu", "belu", "bima", "bone", "buru", "ende", "jakarta",
    "kapuas", "karo", "kaur", "kuningan", "landak", "lebak", "malaka", "malang", "medan",
    "metro", "padang", "palu", "pati", "puncak", "seram", "serang", "sigi", "solok", "sula",
    "tapin", "tegal", "toba", "kudus", "muna", "barru", "paser", "sabang", "dairi", "siak",
    "lahat", "tual", "alor", "kendal", "ngada", "demak", "badung", "bungo", "tebo", "binjai",
    "jember", "ketapang", "lingga", "sorong", "subang", "rembang", "sampang",
})
"""Names that are also common words or given names ('batu', 'malang', 'sorong', 'Bima'; checked
against the root words of PySastrawi's dictionary): never found bare, only after a level word
or an office ('Kota Batu', 'KPU Kabupaten Malang')."""
_DIRECTION = frozenset({"utara", "selatan", "timur", "barat", "tengah", "tenggara", "daya",
                        "laut", "raya", "hulu", "hilir", "ilir", "ulu", "kepulauan", "darat"})
"""Words that extend a region's name into another region: 'Kutai Timur Tenggara' is none."""
_STOP = frozenset({"tahun", "nomor", "tentang", "menuju", "dalam", "di", "dan", "untuk", "pada",
                   "sebagai", "yang", "melalui", "kepada", "terkait", "se", "periode", "atas",
                   "dengan", "oleh", "ke", "dari", "ini", "itu", "serta", "atau", "kabupaten",
                   "kota", "provinsi", "kpu", "komisi", "ta", "masa", "bulan", "tanggal"})
"""Words that end the name of an office's region ('KPU Kabupaten X Tahun 2025')."""


_GAP = re.compile(r" +| *\r?\n *| *- *")
"""Between two words of one name: spaces, one line break or a hyphen; a tab is a table's next
cell and punctuation ends the name."""
_LEVEL_GAP = re.compile(r"\.?(?: +| *\r?\n *)")
"""After a level word or an initial: 'Kab. Bogor', 'D.I. Yogyakarta'."""


@dataclass(frozen=True)
class _Token:
    start: int
    end: int
    text: str
    key: str
    run: int
    """Tokens of one run stand together as one name (see _GAP and _joined)."""


@lru_cache(maxsize=65536)
def kunci(text: str) -> str:
    """A name as compared: small letters only, no accents, spaces, hyphens or dots."""
    text = unicodedata.normalize("NFKD", text.lower()).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z]", "", text)


@lru_cache(maxsize=1024)
def _tokens(text: str) -> tuple[_Token, ...]:
    """The words of a text, read once for the three finders that each look at it."""
    tokens: list[_Token] = []
    run = 0
    for m in _WORD.finditer(text):
        if tokens:
            gap = text[tokens[-1].end:m.start()]
            if not (_GAP.fullmatch(gap) or len(tokens[-1].text) <= 2 and
                    re.fullmatch(r"\. *", gap)):
                run += 1
        tokens.append(_Token(m.start(), m.end(), m.group(0), kunci(m.group(0)), run))
    return tuple(tokens)


@dataclass(frozen=True)
class _Data:
    semua: tuple[Wilayah, ...]
    by_key: dict[str, tuple[Wilayah, ...]]
    by_kode: dict[str, Wilayah]
    max_words: int


@cache
def _data() -> _Data:
    """Read wilayah.tsv once per process."""
    text = resources.files("generator.reference").joinpath("data/wilayah.tsv").read_text("utf-8")
    semua = []
    for line in text.splitlines():
        if not line or line.startswith("#"):
            continue
        kode, tingkat, nama, resmi, alias = line.split("\t")
        semua.append(Wilayah(kode, tingkat, nama, resmi, tuple(a for a in alias.split("|") if a)))
    by_key: dict[str, list[Wilayah]] = {}
    max_words = 1
    for w in semua:
        for name in (w.nama, *w.alias):
            by_key.setdefault(kunci(name), []).append(w)
            max_words = max(max_words, len(_WORD.findall(name)))
    return _Data(tuple(semua), {k: tuple(v) for k, v in by_key.items()},
                 {w.kode: w for w in semua}, max_words + 1)


def semua_wilayah() -> tuple[Wilayah, ...]:
    """Every province and kabupaten/kota, in code order."""
    return _data().semua


def cari(nama: str, tingkat: str | None = None) -> tuple[Wilayah, ...]:
    """The regions of this name ('Bogor' -> kabupaten and kota), of one level if given.

    A level word in the name counts: cari('Kota Bogor') is the kota only."""
    words = _tokens(nama)
    if words and words[0].key in _LEVEL and len(words) > 1:
        tingkat = tingkat or _LEVEL[words[0].key]
        words = words[1:]
        if words and words[0].key == "administrasi" and len(words) > 1:
            words = words[1:]
    found = _data().by_key.get("".join(t.key for t in words), ())
    return tuple(w for w in found if tingkat is None or w.tingkat == tingkat)


def provinsi_dari(wilayah: Wilayah) -> Wilayah:
    """The province a kabupaten/kota lies in (a province is its own)."""
    return _data().by_kode[wilayah.kode_provinsi]


def usulan(nama: str, tingkat: str | None = None, batas: int = 3) -> list[Wilayah]:
    """The regions whose name is closest to a name that is none, best first, for 'maksud Anda'."""
    choices = {w: kunci(w.nama) for w in _data().semua if tingkat in (None, w.tingkat)}
    best = process.extract(kunci(nama), choices, scorer=fuzz.ratio, limit=batas,
                           score_cutoff=75)
    return [w for _, _, w in best]


def _joined(text: str, tokens: tuple[_Token, ...], i: int, j: int) -> bool:
    """Tokens i..j stand together as one name: spaces, one line break, a hyphen or an initial's
    dot between them, never a tab (a table's next cell) or punctuation."""
    return tokens[i].run == tokens[j].run


def _longest(text: str, tokens: tuple[_Token, ...], i: int) -> tuple[int, tuple[Wilayah, ...]]:
    """The longest region name starting at token i: (index after it, regions), or (i, ())."""
    data = _data()
    key = ""
    best: tuple[int, tuple[Wilayah, ...]] = (i, ())
    for j in range(i, min(len(tokens), i + data.max_words)):
        if j > i and not _joined(text, tokens, j - 1, j):
            break
        key += tokens[j].key
        if key in data.by_key:
            best = (j + 1, data.by_key[key])
    return best


def _capitalised(token: _Token) -> bool:
    return token.text[0].isupper()


def _office_before(tokens: tuple[_Token, ...], i: int) -> int | None:
    """The index where an office's words ('KPU', 'Komisi Pemilihan Umum') end just before i."""
    for words in _OFFICE:
        n = len(words)
        if i >= n and tuple(t.key for t in tokens[i - n:i]) == words:
            return i - n
    return None


def _level_before(text: str, tokens: tuple[_Token, ...], i: int) -> tuple[int, str] | None:
    """('Kabupaten' | 'Kab.' | 'Kota Administrasi' ...) just before token i: (its index, level)."""
    k = i - 1
    if k >= 0 and tokens[k].key == "administrasi":
        k -= 1
    if k >= 0 and tokens[k].key in _LEVEL and _joined_level(text, tokens, k, i):
        return k, _LEVEL[tokens[k].key]
    return None


def _joined_level(text: str, tokens: tuple[_Token, ...], k: int, i: int) -> bool:
    """A level word (and 'Administrasi') stands right before the name: 'Kab. Bogor'."""
    return all(re.fullmatch(_LEVEL_GAP, text[tokens[a].end:tokens[a + 1].start])
               for a in range(k, i))


def sebutan(text: str) -> list[Sebutan]:
    """Every region named in a text, in any case: with an office, a level word, or bare.

    A bare name is found only when capitalised and not a common word ('Malang', 'Batu'); the
    longest name wins ('Papua Barat Daya', not 'Papua'); a level word picks among regions of one
    name ('Kota Bogor'), and a region of another level still is one ('Kota Kutai Timur')."""
    tokens = _tokens(text)
    found: list[Sebutan] = []
    i = 0
    while i < len(tokens):
        end, regions = _longest(text, tokens, i)
        if not regions:
            i += 1
            continue
        level = _level_before(text, tokens, i)
        start_index = level[0] if level else i
        office = _office_before(tokens, start_index)
        named = tokens[i:end]
        if level is None and office is None:
            bare_ok = all(_capitalised(t) for t in named if len(t.key) > 3) and not (
                len(named) == 1 and named[0].key in _COMMON)
            if not bare_ok or (named[0].key in _LEVEL):
                i += 1
                continue
        if level is not None and _extended(text, tokens, end) > end:
            i = end  # 'Kabupaten Kalimantan Timur Tenggara' names no region: see tak_dikenal
            continue
        kandidat = regions
        cocok = True
        if level is not None:
            same = tuple(w for w in regions if w.tingkat == level[1])
            cocok = bool(same)
            kandidat = same or regions
        first = office if office is not None else start_index
        before = tokens[first - 1].key if first > 0 else ""
        found.append(Sebutan(tokens[first].start, tokens[end - 1].end, tokens[i].start,
                             kandidat, level[1] if level else None, office is not None, cocok,
                             before))
        i = end
    return found


def tak_dikenal(text: str) -> list[TakDikenal]:
    """Names after a level word that are no region: 'KPU Kabupaten Kalimantan Timur Tenggara',
    'Komisi Pemilihan Umum Kota Kutai Timur Raya', 'Provinsi Borneo'. After 'Kota' only when an
    office precedes it ('di Kota Sangatta' names a town)."""
    tokens = _tokens(text)
    found = []
    for k, token in enumerate(tokens):
        office = _office_before(tokens, k) is not None
        if token.key not in _LEVEL or not _capitalised(token) or not office and \
                _LEVEL[token.key] == "kota":
            continue  # 'di Kota Sangatta' is a town, not an office
        i = k + 1
        if i < len(tokens) and tokens[i].key == "administrasi":
            i += 1
        if i >= len(tokens) or not _joined_level(text, tokens, k, i):
            continue
        end, regions = _longest(text, tokens, i)
        if regions:
            extra = _extended(text, tokens, end)
            if extra == end:
                continue
            end = extra
        else:
            end = i
            while end < len(tokens) and end - i < 5 and _capitalised(tokens[end]) and \
                    tokens[end].key not in _STOP and \
                    (end == i or _joined(text, tokens, end - 1, end)):
                end += 1
            if end == i:
                continue
        found.append(TakDikenal(tokens[i].start, tokens[end - 1].end,
                                text[tokens[i].start:tokens[end - 1].end], _LEVEL[token.key],
                                office))
    return found


def _extended(text: str, tokens: tuple[_Token, ...], end: int) -> int:
    """Past the direction words that make a region's name another's ('... Timur Tenggara')."""
    while end < len(tokens) and tokens[end].key in _DIRECTION and _capitalised(tokens[end]) \
            and _joined(text, tokens, end - 1, end):
        end += 1
    return end


def _max_edits(length: int) -> int:
    return 1 if length <= 6 else 2 if length <= 12 else 3


def mirip(text: str, wilayah: Wilayah) -> list[Mirip]:
    """Near misses of one region's name and level word: 'Kabupatn Kutai Timur', 'Kutai Timor'.

    Words that are themselves a region's name ('Kutai Barat') are never a near miss."""
    tokens = _tokens(text)
    own = kunci(wilayah.nama)
    size = len(_WORD.findall(wilayah.nama))
    found: list[Mirip] = []
    taken: set[int] = set()
    room = _max_edits(len(own))
    lengths = [0]
    for token in tokens:
        lengths.append(lengths[-1] + len(token.key))
    for n in sorted({max(1, size - 1), size, size + 1}, reverse=True):
        for i in range(len(tokens) - n + 1):
            if abs(lengths[i + n] - lengths[i] - len(own)) > room or \
                    tokens[i].key[:1] != own[:1] or tokens[i].run != tokens[i + n - 1].run or \
                    any(x in taken for x in range(i, i + n)):
                continue
            window = tokens[i:i + n]
            key = "".join(t.key for t in window)
            if key == own or not _capitalised(window[0]) or key in _data().by_key:
                continue
            if key[:1] != own[:1] or OSA.distance(key, own) > _max_edits(len(own)) or \
                    fuzz.ratio(key, own) < 75:
                continue
            if _longest(text, tokens, i)[1]:
                continue  # begins with another region's name ('Kutai Barat Daya' is not own)
            taken.update(range(i, i + n))
            found.append(Mirip(window[0].start, window[-1].end,
                               text[window[0].start:window[-1].end], wilayah.nama))
    if wilayah.tingkat != "kota":
        level = _LEVEL_FULL[wilayah.tingkat]
        for i, token in enumerate(tokens):
            if i in taken or token.key in _LEVEL or not _capitalised(token):
                continue
            if OSA.distance(token.key, level.lower()) > 2 or fuzz.ratio(token.key,
                                                                         level.lower()) < 75:
                continue
            end, regions = _longest(text, tokens, i + 1) if i + 1 < len(tokens) else (0, ())
            near = any(m.start == tokens[i + 1].start for m in found) if i + 1 < len(
                tokens) else False
            if regions or near:
                found.append(Mirip(token.start, token.end, token.text, level))
    return sorted(found, key=lambda m: m.start)
