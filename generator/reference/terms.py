"""The lexicon of official terms: near misses that copying leaves ('Zona Integrasi', 'Angggota').

Data: reference/data/istilah.yaml (fixed phrases, distinctive words, team roles, months) and
reference/data/komponen.yaml (the areas and komponen of PermenPANRB 90/2021). Distances come
from rapidfuzz. A real word is never a near miss by itself ('Integrasi', 'Anggaran',
'Pelaksana'): a phrase is matched as a phrase around a word of it written right, a word of
another form of the same root is no slip ('Layanan' for 'Pelayanan'), and team roles are
matched only where a role stands (at the start of a text or cell, after ':' or ',').
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources

import yaml
from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA


@dataclass(frozen=True)
class Salah:
    """A near miss of an official term in a text, with the spelling it should have."""

    start: int
    """Where the misspelt words start in the text."""
    end: int
    """Where they end."""
    tertulis: str
    """The words as written: 'Penguasaan Akuntabilitas'."""
    benar: str
    """The official spelling: 'Penguatan Akuntabilitas'."""
    jenis: str
    """What was missed: 'frasa', 'kata', 'peran', 'singkatan' or 'bulan'."""


@dataclass(frozen=True)
class Cocok:
    """An official area or komponen a written name stands for."""

    resmi: str
    """The official name, as generator/reference/data/komponen.yaml writes it."""
    skor: float
    """rapidfuzz ratio of the two names (100: the same, ignoring case and punctuation)."""

    @property
    def persis(self) -> bool:
        """Written as the official name (in any case, spacing or punctuation)."""
        return self.skor >= 100


@dataclass(frozen=True)
class _Token:
    start: int
    end: int
    text: str
    key: str
    run: int
    """Tokens of one run stand together (spaces, a line break or a hyphen between them)."""


@dataclass(frozen=True)
class _Frasa:
    resmi: str
    words: tuple[str, ...]
    compact: str


@dataclass(frozen=True)
class _Lexicon:
    frasa: tuple[_Frasa, ...]
    sah: frozenset[str]
    anchors: dict[str, tuple[tuple[int, int], ...]]
    kata: dict[str, str]
    peran: dict[str, str]
    singkatan: dict[str, str]
    inti: dict[tuple[str, ...], str]
    serupa: frozenset[str]
    kata_istilah: frozenset[str]
    bulan: tuple[str, ...]
    bulan_keliru: dict[str, str]
    area: dict[str, str]
    komponen: dict[str, tuple[str, str]]


_WORD = re.compile(r"[^\W\d_]+")
_STOPWORDS = frozenset({"dan", "dari", "di", "yang", "ke", "atas", "untuk", "dalam", "terhadap"})
_PREFIX = re.compile(r"^(?:meng|meny|mem|men|me|peng|peny|pem|pen|per|pe|ber|be|di|ke|ter|se)")
_SUFFIX = re.compile(r"(?:kan|an|i|nya)$")


def kunci(text: str) -> str:
    """Small letters only, no accents: words compared without case, spaces or punctuation."""
    text = unicodedata.normalize("NFKD", text.lower()).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z]", "", text)


def _words(text: str) -> tuple[str, ...]:
    return tuple(kunci(w) for w in _WORD.findall(re.sub(r"\([^()]*\)", " ", text)))


_GAP = re.compile(r" +| *\r?\n *| *- *")
"""Between two words of one term: spaces, one line break or a hyphen, never a tab (the next
cell of a table) or punctuation."""


def _tokens(text: str) -> list[_Token]:
    tokens: list[_Token] = []
    run = 0
    for m in _WORD.finditer(text):
        if tokens and not _GAP.fullmatch(text, tokens[-1].end, m.start()):
            run += 1
        tokens.append(_Token(m.start(), m.end(), m.group(0), kunci(m.group(0)), run))
    return tokens


def _root(word: str) -> str:
    """A crude root, to tell another form of one word ('layanan', 'pelayanan') from a slip."""
    return _SUFFIX.sub("", _PREFIX.sub("", word)) or word


def _data_file(name: str) -> object:
    text = resources.files("generator.reference").joinpath(f"data/{name}").read_text("utf-8")
    return yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))


@cache
def _lexicon() -> _Lexicon:
    """Read istilah.yaml and komponen.yaml once per process."""
    data = _data_file("istilah.yaml")
    areas = _data_file("komponen.yaml")
    assert isinstance(data, dict) and isinstance(areas, list)
    entries: list[tuple[str, list[str]]] = [(e["istilah"], e.get("sah", [])) for e in
                                            data["frasa"]]
    area: dict[str, str] = {}
    komponen: dict[str, tuple[str, str]] = {}
    for a in areas:
        entries.append((a["area"], []))
        area["".join(_words(a["area"]))] = a["area"]
        for k in a["komponen"]:
            name = k.replace("*", "")
            entries.append((name, []))
            komponen["".join(_words(name))] = (name, a["area"])
    for e in data["frasa"]:
        for form in e.get("sah", []):
            if "".join(_words(e["istilah"])) in area:
                area["".join(_words(form))] = area["".join(_words(e["istilah"]))]
    frasa: list[_Frasa] = []
    sah: set[str] = set()
    anchors: dict[str, list[tuple[int, int]]] = {}
    for name, others in entries:
        words = _words(name)
        if len(words) < 2 or any(f.compact == "".join(words) for f in frasa):
            continue
        index = len(frasa)
        frasa.append(_Frasa(name, words, "".join(words)))
        sah.update(kunci(o) for o in [name, *others])
        for pos, word in enumerate(words):
            if len(word) >= 4 and word not in _STOPWORDS:
                anchors.setdefault(word, []).append((index, pos))
    roles = {kunci(r): r for r in data["peran"]}
    sah.update(roles)
    return _Lexicon(
        frasa=tuple(frasa), sah=frozenset(sah),
        anchors={k: tuple(v) for k, v in anchors.items()},
        kata={kunci(k): k for k in data["kata"]},
        peran={k: v for k, v in roles.items() if len(_WORD.findall(v)) == 1},
        singkatan={kunci(s): s for s in data["singkatan"]},
        inti={_words(k): v for k, v in data["inti"].items()},
        serupa=frozenset(kunci(s) for s in data["serupa"]),
        kata_istilah=frozenset(w for f in frasa for w in f.words) | frozenset(
            kunci(w) for w in [*data["kata"], *data["peran"]]),
        bulan=tuple(data["bulan"]),
        bulan_keliru=dict(data["bulan_keliru"]),
        area=area, komponen=komponen)


def bulan() -> tuple[str, ...]:
    """The twelve month names, January first."""
    return _lexicon().bulan


@cache
def bulan_inggris() -> dict[str, str]:
    """English month names and the Indonesian month each is: 'July' -> 'Juli'."""
    data = _data_file("istilah.yaml")
    assert isinstance(data, dict)
    return dict(data.get("bulan_inggris", {}))


def bulan_keliru() -> dict[str, str]:
    """Old or wrong spellings of months that are wrong anywhere: 'Nopember' -> 'November'."""
    return _lexicon().bulan_keliru


def _max_edits(length: int) -> int:
    return 1 if length <= 6 else 2 if length <= 12 else 3 if length <= 20 else 4


def _joined(text: str, tokens: list[_Token], i: int, j: int) -> bool:
    """Tokens i..j stand together as one term."""
    return tokens[i].run == tokens[j].run


@lru_cache(maxsize=65536)
def _frasa_cocok(keys: tuple[str, ...], index: int) -> bool:
    """The words are a slip of the phrase: close as a whole and word by word, and no word that
    differs is a word of another term ('Penguatan Tata Laksana' names a team, not a slip)."""
    lex = _lexicon()
    frasa = lex.frasa[index]
    compact = "".join(keys)
    if compact in lex.sah or compact[:1] != frasa.compact[:1]:
        return False
    m = len(frasa.words)
    if any(keys[i:i + m] == frasa.words for i in range(len(keys) - m + 1)):
        return False  # the phrase itself, with a word beside it
    if len(keys) != m:
        return OSA.distance(compact, frasa.compact) <= 1 and \
            fuzz.ratio(compact, frasa.compact) >= 90
    if OSA.distance(compact, frasa.compact) > _max_edits(len(frasa.compact)) or \
            fuzz.ratio(compact, frasa.compact) < 85:
        return False
    differ = [(a, b) for a, b in zip(keys, frasa.words, strict=True) if a != b]
    if not differ or len(differ) > max(1, m // 3):
        return False
    return all((fuzz.ratio(a, b) >= 75 or OSA.distance(a, b) == 1) and _root(a) != _root(b)
               and a not in lex.kata_istilah for a, b in differ)


def _frasa(text: str, tokens: list[_Token]) -> list[Salah]:
    lex = _lexicon()
    found = []
    seen: set[tuple[int, int, int]] = set()
    lengths = [0]
    for token in tokens:
        lengths.append(lengths[-1] + len(token.key))
    for i, token in enumerate(tokens):
        for index, _pos in lex.anchors.get(token.key, ()):
            frasa = lex.frasa[index]
            m = len(frasa.words)
            room = _max_edits(len(frasa.compact))
            for n in (m - 1, m, m + 1):
                for start in range(max(0, i - n + 1), min(i, len(tokens) - n) + 1):
                    end = start + n
                    if n < 1 or (start, n, index) in seen or \
                            abs(lengths[end] - lengths[start] - len(frasa.compact)) > room or \
                            tokens[start].run != tokens[end - 1].run:
                        continue
                    seen.add((start, n, index))
                    if _frasa_cocok(tuple(t.key for t in tokens[start:end]), index):
                        first, last = tokens[start], tokens[end - 1]
                        found.append(Salah(first.start, last.end, text[first.start:last.end],
                                           frasa.resmi, "frasa"))
    return found


@lru_cache(maxsize=8192)
def _kata_mirip(key: str, choices: tuple[str, ...]) -> str | None:
    """The term a word is a slip of, if any (cached: plans repeat their words)."""
    lex = _lexicon()
    if len(key) < 5 or key in lex.serupa or key in lex.sah or key in choices:
        return None
    best = process.extractOne(key, choices, scorer=fuzz.ratio, score_cutoff=80)
    if best is None:
        return None
    term = best[0]
    edits = OSA.distance(key, term)
    if term[:1] != key[:1] or edits > (1 if len(term) <= 10 else 2) or _root(key) == _root(term):
        return None
    if len(term) <= 5 and sorted(key) != sorted(term) and len(key) != len(term) + 1:
        return None  # a short word: only letters swapped or doubled ('Ketau'), not 'Kedua'
    return term


def _role_before(text: str, start: int) -> bool:
    """A role stands at the start of a text or cell, after a colon or comma ('Ketua: ...') or
    after 'merangkap', 'sebagai' or 'selaku' ('Koordinator merangkap Anggota')."""
    j = start - 1
    while j >= 0 and text[j] in " \t":
        j -= 1
    return j < 0 or text[j] in ":;,(\n•/-" or \
        re.search(r"\b(?:merangkap|sebagai|selaku)$", text[:j + 1], re.I) is not None


_ROLE_AFTER = frozenset({"tim", "kpu", "komisi", "pokja", "kelompok", "sekretariat", "bidang",
                         "subbagian", "merangkap", "unit"})
"""Words that follow a role ('Anggota Tim', 'Ketua KPU'), where a person's name does not."""


def _kata(text: str, tokens: list[_Token]) -> list[Salah]:
    lex = _lexicon()
    kata = tuple(lex.kata)
    peran = tuple(lex.peran)
    found = []
    for i, token in enumerate(tokens):
        term = _kata_mirip(token.key, kata)
        if term is not None and len(token.key) >= 6:
            found.append(Salah(token.start, token.end, token.text, lex.kata[term], "kata"))
            continue
        if not token.text[0].isupper():
            continue
        nxt = tokens[i + 1] if i + 1 < len(tokens) else None
        at_role = _role_before(text, token.start) or (
            nxt is not None and nxt.key in _ROLE_AFTER)
        name_follows = nxt is not None and nxt.text[0].isupper() and \
            nxt.key not in _ROLE_AFTER and re.fullmatch(r" +", text[token.end:nxt.start])
        if at_role and not name_follows:  # 'Anggita Putri' is a person
            term = _kata_mirip(token.key, peran)
            if term is not None:
                found.append(Salah(token.start, token.end, token.text, lex.peran[term], "peran"))
    return found


_PAIR = re.compile(r"(?<![A-Za-z])([A-Z]{2,6})[ \t]*/[ \t]*([A-Z]{2,6})(?![A-Za-z])")
_CAPS = re.compile(r"(?<![A-Za-z])[A-Z]{5,6}(?![A-Za-z])")


def _singkatan(text: str) -> list[Salah]:
    lex = _lexicon()
    found = []
    for match in _PAIR.finditer(text):
        key = kunci(match.group(1) + match.group(2))
        for known, written in lex.singkatan.items():
            if key != known and len(known) > 6 and OSA.distance(key, known) == 1:
                found.append(Salah(match.start(), match.end(), match.group(0), written,
                                   "singkatan"))
    for match in _CAPS.finditer(text):
        key = kunci(match.group(0))
        if key in lex.singkatan or key in lex.serupa:
            continue
        for known, written in lex.singkatan.items():
            if "/" not in written and len(known) >= 5 and OSA.distance(key, known) == 1:
                found.append(Salah(match.start(), match.end(), match.group(0), written,
                                   "singkatan"))
    return found


def _inti(text: str, tokens: list[_Token]) -> list[Salah]:
    """'Internalisasi Blowing System': the words of a term's core behind a wrong first word."""
    lex = _lexicon()
    found = []
    for core, term in lex.inti.items():
        n = len(core)
        lead = _words(term)[: len(_words(term)) - n]
        for i in range(len(tokens) - n + 1):
            if tuple(t.key for t in tokens[i:i + n]) != core or \
                    not _joined(text, tokens, i, i + n - 1):
                continue
            before = tokens[i - len(lead):i] if i >= len(lead) else []
            if before and _joined(text, tokens, i - len(lead), i) and \
                    tuple(t.key for t in before) == lead:
                continue
            if before and _joined(text, tokens, i - len(lead), i):
                start = before[0].start
            else:
                start = tokens[i].start
            end = tokens[i + n - 1].end
            found.append(Salah(start, end, text[start:end], term, "frasa"))
    return found


def salah_ketik(text: str) -> list[Salah]:
    """Every near miss of an official term in a text, left to right, none overlapping.

    Months are left to generator.bulan, which knows where a month stands."""
    tokens = _tokens(text)
    found = _singkatan(text) + _frasa(text, tokens) + _inti(text, tokens) + _kata(text, tokens)
    found.sort(key=lambda s: (s.start, -(s.end - s.start)))
    kept: list[Salah] = []
    for salah in found:
        if kept and salah.start < kept[-1].end:
            continue
        if salah.tertulis.isupper() and len(salah.tertulis) > 3:  # 'ZONA INTEGRITSA'
            salah = Salah(salah.start, salah.end, salah.tertulis, salah.benar.upper(),
                          salah.jenis)
        kept.append(salah)
    return kept


def _cocok_nama(written: str, names: dict[str, str], cutoff: float) -> Cocok | None:
    key = "".join(_words(written.replace("*", "")))
    if key in names:
        return Cocok(names[key], 100.0)
    best = process.extractOne(key, tuple(names), scorer=fuzz.ratio, score_cutoff=cutoff)
    if best is not None:
        return Cocok(names[best[0]], best[1])
    words = set(_words(written.replace("*", "")))
    holding = {v for k, v in _spaced(names).items() if len(words) > 1 and words <= set(k)}
    if len(holding) == 1:
        official = holding.pop()
        return Cocok(official, fuzz.ratio(key, kunci(official)))
    return None


def _spaced(names: dict[str, str]) -> dict[tuple[str, ...], str]:
    """The official names by their words, for a name that is part of one ('Pelayanan Publik')."""
    return {_words(v): v for v in names.values()}


def area_resmi(nama: str) -> Cocok | None:
    """The official area a written area name stands for, misspelt or shortened
    ('Penguasaan Akuntabilitas Kinerja' -> 'Penguatan Akuntabilitas Kinerja', 'Pelayanan Publik'
    -> 'Peningkatan Kualitas Pelayanan Publik'); None for an area of the office's own
    ('Inovasi Pelayanan')."""
    return _cocok_nama(nama, _lexicon().area, 85)


def komponen_resmi(nama: str) -> Cocok | None:
    """The official komponen a written name stands for, misspelt or not; None for others."""
    names = {k: v[0] for k, v in _lexicon().komponen.items()}
    return _cocok_nama(nama, names, 85)


def area_komponen(komponen: str) -> str:
    """The official area an official komponen belongs to."""
    for name, area in _lexicon().komponen.values():
        if name == komponen:
            return area
    raise KeyError(komponen)
