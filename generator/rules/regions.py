"""Rules on the regions a plan names: another office's, one that does not exist, this office's
own name misspelt or without its level, and a title naming the province instead of the office.

Every region is looked up in the gazetteer (reference/regions.py), without regard to case, so
'KOMISI PEMILIHAN UMUM KABUPATEN GUNUNGKIDUL', 'Kab. Berau' and 'wilayah Gunungkidul' count.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from generator.plan.model import Rencana
from generator.plan.roles import every_string
from generator.reference import regions
from generator.reference.regions import Sebutan, Wilayah
from generator.rules.decree_body import warn_at
from generator.rules.unfinished import without_level_word
from generator.source.diagnostics import Diagnostic
from generator.source.yaml_reader import Path, Source

_BARE_BEFORE = frozenset({"wilayah", "se", "daerah", "kawasan", "seluruh"})
"""Words that make a bare name a region ('wilayah Gunungkidul', 'se-Sulawesi Barat'): without
them a bare name may be a person's, a street's or a river's."""
_LEVEL_OR_OFFICE = frozenset({"kabupaten", "kab", "kota", "provinsi", "prov", "kpu", "kip",
                              "umum", "administrasi"})
"""The word before a region's name that makes it one ('Kota', 'KPU', '... Pemilihan Umum')."""
_DIRECTIONS = re.compile(r"(?:[ -]+(?:Utara|Selatan|Timur|Barat|Tengah|Tenggara|Daya|Raya|Laut|"
                         r"UTARA|SELATAN|TIMUR|BARAT|TENGAH|TENGGARA|DAYA|RAYA|LAUT)\b)+")
"""Direction words after a region's name that make it none: 'wilayah Kutai Timur Tenggara'."""
_NOT_TEXT = frozenset({"logo", "situs", "tingkat", "kolom", "huruf", "tanggal", "nip"})
"""Keys whose values are no prose a region could be named in."""
_CITATION = ("undang", "peraturan", "keputusan presiden", "lembaran negara")
"""A Mengingat or Dasar Hukum item that cites a law: 'Pembentukan Kabupaten X' names regions on
purpose."""


@dataclass(frozen=True)
class Kantor:
    """This office as the gazetteer knows it."""

    wilayah: Wilayah | None
    """The office's own region, None for a name the gazetteer lacks ('Contoh')."""
    provinsi: tuple[Wilayah, ...]
    """The province it lies in (itself for a provincial office), and the one 'satker.provinsi'
    names when that differs (Tambrauw lay in Papua Barat until Papua Barat Daya was formed)."""
    tingkat: str
    """'provinsi', 'kabupaten' or 'kota', as 'satker.tingkat' says."""
    nama: str
    """'satker.nama' without a level word."""

    @property
    def sebutan(self) -> str:
        """'KPU Kabupaten Kutai Timur', for messages."""
        return f"KPU {self.tingkat.capitalize()} {self.nama}"


def kantor(plan: Rencana) -> Kantor:
    """This office's region and province, from 'satker'."""
    satker = plan.satker
    nama = without_level_word(satker.nama) or satker.nama
    found = regions.cari(nama, satker.tingkat)
    own = found[0] if found else None
    provinces = [regions.provinsi_dari(own)] if own else []
    if satker.provinsi:
        provinces += regions.cari(satker.provinsi, "provinsi")
    return Kantor(own, tuple(dict.fromkeys(provinces)), satker.tingkat, nama)


def _texts(source: Source) -> Iterator[tuple[Path, str]]:
    """Every text of the plan a region can be named in: prose, titles, people's positions,
    citations."""
    for path, text in every_string(source.data):
        if not path or path[0] == "satker" or path[-1] in _NOT_TEXT or \
                path[0] == "orang" and path[-1] == "nama":
            continue
        yield path, text


def _cites_law(path: Path, text: str) -> bool:
    """A Mengingat or Dasar Hukum item citing a law, whose title may name regions on purpose;
    an office named in it ('Keputusan KPU Kabupaten Paser Nomor ...') is still checked."""
    return any(key in ("mengingat", "dasar_hukum") for key in path) and \
        any(word in text.lower() for word in _CITATION)


def _title(path: Path) -> Path | None:
    """The title a text belongs to: the decree's 'tentang', a 'judul' of the booklet or table,
    or the cover (all its lines together, one title); None for a text that is no title."""
    if "sampul" in path:
        return path[:path.index("sampul") + 1]
    return path if path[-1] in ("tentang", "judul") else None


def _written(text: str, mention: Sebutan) -> str:
    return " ".join(text[mention.start:mention.end].split())


def _is_own(office: Kantor, mention: Sebutan) -> bool:
    return office.wilayah is not None and office.wilayah in mention.kandidat and (
        mention.kata_tingkat is None or mention.kata_tingkat == office.tingkat)


def _is_own_province(office: Kantor, mention: Sebutan) -> bool:
    return len(mention.kandidat) == 1 and mention.kandidat[0] in office.provinsi


def _part_of_own_province(office: Kantor, mention: Sebutan) -> bool:
    """A bare 'Papua' in a Papua Barat Daya office's plan ('Orang Asli Papua'), 'Riau' in
    Kepulauan Riau's: part of the own province's name, not another province."""
    return mention.kata_tingkat is None and not mention.kantor and any(
        regions.kunci(w.nama) in regions.kunci(p.nama)
        for w in mention.kandidat for p in office.provinsi)


def _within_own_province(office: Kantor, mention: Sebutan) -> bool:
    """A provincial office names the kabupaten and kota it oversees ('supervisi ke KPU Kota
    Makassar'): its own region, not another's."""
    return office.tingkat == "provinsi" and all(
        regions.provinsi_dari(w) in office.provinsi for w in mention.kandidat)


def _name_of(wilayah: Wilayah) -> str:
    return wilayah.nama_resmi if wilayah.tingkat != "provinsi" else f"Provinsi {wilayah.nama}"


def check_regions(plan: Rencana, source: Source) -> list[Diagnostic]:
    """Every region rule over every text of the plan, then over 'satker.nama' itself."""
    office = kantor(plan)
    found = check_satker_nama(plan, source, office)
    texts = [(path, text, regions.sebutan(text)) for path, text in _texts(source)]
    own_titles = {_title(path) for path, _, mentions in texts
                  if any(_is_own(office, m) for m in mentions)}
    for path, text, mentions in texts:
        found += _check_text(source, path, text, mentions, office,
                             _title(path) not in own_titles)
    return list(dict.fromkeys(found))


def _check_text(source: Source, path: Path, text: str, mentions: list[Sebutan], office: Kantor,
                province_is_title: bool) -> list[Diagnostic]:
    """The findings of one text; `province_is_title`: the text is a title that names the
    province and not also this office ('KPU Kabupaten X Provinsi Y' on a cover is right)."""
    found: list[Diagnostic] = []
    taken: list[tuple[int, int]] = []
    cited = _cites_law(path, text)
    for mention in mentions:
        if _formed_by_law(text, mention.start) or cited and not mention.kantor:
            continue
        extra = _DIRECTIONS.match(text, mention.end)
        if extra and mention.kata_tingkat is None and (
                mention.kantor or mention.kata_sebelum in _BARE_BEFORE):
            nama = " ".join(text[mention.nama_start:extra.end()].split())
            found.append(warn_at(source, path, mention.nama_start, "wilayah-tak-dikenal",
                               _unknown_message(nama, mention.kandidat[0])))
            taken.append((mention.start, extra.end()))
            continue
        message = _mention(path, text, mention, office, province_is_title)
        if message is not None:
            code, words = message
            found.append(warn_at(source, path, mention.nama_start, code, words))
            taken.append((mention.start, mention.end))
    if office.wilayah is not None:
        for near in regions.mirip(text, office.wilayah):
            if any(a <= near.start < b for a, b in taken) or \
                    not _named_as_region(text, near, office.wilayah):
                continue
            taken.append((near.start, near.end))
            found.append(warn_at(source, path, near.start, "satker-nama",
                               f"'{near.tertulis}' salah ketik? nama kantor ini "
                               f"{office.sebutan}: maksud Anda '{near.benar}'?"))
    for unknown in regions.tak_dikenal(text):
        if any(a <= unknown.start < b for a, b in taken) or cited and not unknown.kantor or \
                regions.kunci(unknown.nama) == regions.kunci(office.nama):
            continue
        proposal = _proposal(unknown.nama, unknown.kata_tingkat)
        if proposal is None:
            continue  # 'Kabupaten Layak Anak', 'KPU Kabupaten Terbaik': a title, not a place
        found.append(warn_at(source, path, unknown.start, "wilayah-tak-dikenal",
                           _unknown_message(unknown.nama, proposal)))
    return found


def _formed_by_law(text: str, start: int) -> bool:
    """A region in the title of the law that formed it ('Undang-Undang Nomor 47 Tahun 1999
    tentang Pembentukan Kabupaten Nunukan, ... Kabupaten Kutai Timur'): cited, not copied."""
    clause = re.split(r"[;\n]", text[max(0, start - 300):start])[-1]
    return "pembentukan" in clause.lower()


def _named_as_region(text: str, near: regions.Mirip, own: Wilayah) -> bool:
    """A near miss of a short name counts only after a level word or an office ('KPU Kota
    Ambom'): bare, 'Bimo' or 'Pasar' is a person or a market, not 'Bima' or 'Paser'."""
    if near.benar != own.nama or len(regions.kunci(own.nama)) >= 8:
        return True
    before = text[:near.start].split()
    return bool(before) and regions.kunci(before[-1]) in _LEVEL_OR_OFFICE


def _unknown_message(nama: str, proposal: Wilayah) -> str:
    return f"tidak ada {proposal.tingkat} bernama '{nama}': maksud Anda '{_name_of(proposal)}'?"


def _proposal(nama: str, tingkat: str) -> Wilayah | None:
    """The region meant: the one the name begins with ('Ambon' for 'Ambon Timur', 'Kalimantan
    Timur' for 'Kalimantan Timur Tenggara'), else the nearest name ('Kutai Kartanegra')."""
    words = nama.split()
    for n in range(len(words) - 1, 0, -1):
        found = regions.cari(" ".join(words[:n]), tingkat)
        if found:
            return found[0]
    near = regions.usulan(nama, tingkat)
    return near[0] if near else None


def _mention(path: Path, text: str, mention: Sebutan, office: Kantor,
             province_is_title: bool) -> tuple[str, str] | None:
    """The code and message for one region named in a text, or None when it is in order."""
    written = _written(text, mention)
    if _is_own(office, mention):
        return _own_mention(text, mention, office, written)
    if office.wilayah is not None and office.wilayah in mention.kandidat and \
            not mention.tingkat_cocok:
        return ("satker-nama", f"'{written}': kantor ini {office.sebutan}, bukan "
                f"{mention.kata_tingkat}; maksud Anda '{office.sebutan}'?")
    if _is_own_province(office, mention):
        if office.tingkat != "provinsi" and _title(path) and province_is_title and (
                mention.kantor or mention.kata_tingkat):
            return ("judul-provinsi", f"judul menyebut '{written}', padahal rencana ini milik "
                    f"{office.sebutan}: tersalin dari rencana provinsi? maksud Anda "
                    f"'{office.sebutan}'?")
        return None
    if _part_of_own_province(office, mention) or _within_own_province(office, mention):
        return None
    if mention.kata_tingkat is None and not mention.kantor and \
            mention.kata_sebelum not in _BARE_BEFORE and not all(
                w.tingkat == "provinsi" for w in mention.kandidat):
        return None
    if office.wilayah is None and regions.kunci(office.nama) == regions.kunci(
            text[mention.nama_start:mention.end]):
        return None
    hint = ""
    if not office.provinsi and all(w.tingkat == "provinsi" for w in mention.kandidat):
        hint = "; bila ini provinsi kantor ini, isi 'satker.provinsi'"
    if mention.kantor:
        return ("satker-lain", f"'{written}' bukan kantor ini: nama kantor lain yang tersalin? "
                f"maksud Anda '{office.sebutan}'?{hint}")
    meant = " atau ".join(_name_of(w) for w in mention.kandidat)
    return ("satker-lain", f"'{written}' ({meant}) bukan wilayah {office.sebutan}: tersalin "
            "dari rencana kantor lain? bila memang dimaksud, tambahkan '# zi: abaikan "
            f"satker-lain' di baris ini{hint}")


def _own_mention(text: str, mention: Sebutan, office: Kantor,
                 written: str) -> tuple[str, str] | None:
    """This office named: without its level word, or spelt otherwise than its official name."""
    assert office.wilayah is not None
    name = " ".join(text[mention.nama_start:mention.end].split())
    if mention.kantor and mention.kata_tingkat is None and not _short_form(office.wilayah, name):
        return ("satker-nama", f"'{written}' tanpa kata tingkat: maksud Anda "
                f"'{office.sebutan}'?")
    spellings = {_spelling(n) for n in (office.wilayah.nama, office.nama, *office.wilayah.alias)}
    if (mention.kantor or mention.kata_tingkat) and _spelling(name) not in spellings:
        return ("satker-nama", f"'{name}' ditulis lain dari nama resmi kantor ini: maksud Anda "
                f"'{office.wilayah.nama}'?")
    return None


def _spelling(name: str) -> str:
    """A name as spelt, case aside: 'GUNUNG KIDUL' is not 'Gunungkidul', 'Una Una' is 'Una-Una'."""
    return " ".join(name.lower().replace("-", " ").split())


def _short_form(wilayah: Wilayah, name: str) -> bool:
    """'KPU Kaltim', 'KPU DIY': a province's short form is a name of its own, level included."""
    return wilayah.tingkat == "provinsi" and regions.kunci(name) != regions.kunci(
        wilayah.nama) and len(regions.kunci(name)) <= 7


def check_satker_nama(plan: Rencana, source: Source, office: Kantor) -> list[Diagnostic]:
    """'satker.nama' that is no region but nearly one ('Penajam Paser Utra'), a region of
    another level than 'satker.tingkat', or the region spelt otherwise ('Gunung Kidul')."""
    if office.wilayah is not None:
        official = office.wilayah.nama
        if _spelling(office.nama) not in {_spelling(n) for n in (official, *office.wilayah.alias)}:
            return [warn_at(source, ("satker", "nama"), 0, "satker-nama",
                          f"'satker.nama' '{office.nama}' ditulis lain dari nama resminya: "
                          f"maksud Anda '{official}'? nama ini tercetak di kop dan judul")]
        return []
    other = regions.cari(office.nama)
    if other:
        levels = " atau ".join(sorted({w.tingkat for w in other}))
        return [warn_at(source, ("satker", "tingkat"), 0, "satker-nama",
                      f"'{office.nama}' adalah {levels}, bukan {office.tingkat}: periksa "
                      f"'satker.tingkat'")]
    proposal = regions.usulan(office.nama, office.tingkat)
    if not proposal:
        return []
    return [warn_at(source, ("satker", "nama"), 0, "satker-nama",
                  f"'satker.nama' '{office.nama}' bukan nama {office.tingkat} mana pun: "
                  f"maksud Anda '{proposal[0].nama}'? nama ini tercetak di kop dan judul")]
