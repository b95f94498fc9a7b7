"""Write generator/reference/data/wilayah.tsv (provinces and kabupaten/kota) from cahyadsn/wilayah.

Source: https://github.com/cahyadsn/wilayah (MIT licence), file db/wilayah.sql, commit
d68e8d5516f969d1905d0b2940f20034becb0db7 (2026-02-13), "Data Kode Wilayah sesuai Kepmendagri
No 300.2.2-2138 Tahun 2025" (the repository's README says its data follow Kepmendagri
No 300.2.2-2430 Tahun 2025, which changed island codes, not provinces or kabupaten/kota).
Only the codes of two (provinsi) and four digits (kabupaten/kota) are kept.

Usage:
    git clone https://github.com/cahyadsn/wilayah /tmp/wilayah
    git -C /tmp/wilayah checkout d68e8d5516f969d1905d0b2940f20034becb0db7
    python tools/make_wilayah.py /tmp/wilayah/db/wilayah.sql > generator/reference/data/wilayah.tsv

Names are kept as the source writes them, except the abbreviation 'Kep.' written out and
stray spaces removed. ALIAS lists other spellings in use (older names, short forms); the
matcher in generator/wilayah.py already ignores spaces and hyphens inside a name
('Gunung Kidul' is 'Gunungkidul', 'Bau-Bau' is 'Bau Bau').
"""

from __future__ import annotations

import re
import sys
from collections import Counter

SOURCE = ("cahyadsn/wilayah db/wilayah.sql @ d68e8d5516f969d1905d0b2940f20034becb0db7 "
          "(2026-02-13)")
DECREE = "Kepmendagri Nomor 300.2.2-2138 Tahun 2025 tentang Pemberian dan Pemutakhiran Kode, " \
    "Data Wilayah Administrasi Pemerintahan, dan Pulau"

ALIAS = {
    "Aceh": ["Nanggroe Aceh Darussalam"],
    "Kepulauan Bangka Belitung": ["Bangka Belitung"],
    "Daerah Khusus Ibukota Jakarta": ["DKI Jakarta", "Daerah Khusus Jakarta", "Jakarta"],
    "Daerah Istimewa Yogyakarta": ["DI Yogyakarta", "DIY"],
    "Nusa Tenggara Barat": ["NTB"],
    "Nusa Tenggara Timur": ["NTT"],
    **{province: [short] for province, short in (
        ("Sumatera Utara", "Sumut"), ("Sumatera Barat", "Sumbar"), ("Sumatera Selatan", "Sumsel"),
        ("Kepulauan Riau", "Kepri"), ("Jawa Barat", "Jabar"), ("Jawa Tengah", "Jateng"),
        ("Jawa Timur", "Jatim"), ("Kalimantan Barat", "Kalbar"), ("Kalimantan Tengah", "Kalteng"),
        ("Kalimantan Selatan", "Kalsel"), ("Kalimantan Timur", "Kaltim"),
        ("Kalimantan Utara", "Kaltara"), ("Sulawesi Utara", "Sulut"),
        ("Sulawesi Tengah", "Sulteng"), ("Sulawesi Selatan", "Sulsel"),
        ("Sulawesi Tenggara", "Sultra"), ("Sulawesi Barat", "Sulbar"), ("Maluku Utara", "Malut"))},
    "Kabupaten Toba": ["Toba Samosir"],
    "Kota Padangsidimpuan": ["Padang Sidempuan"],
    "Kabupaten Kepulauan Siau Tagulandang Biaro": ["Siau Tagulandang Biaro", "Sitaro"],
    "Kabupaten Kepulauan Selayar": ["Selayar"],
    "Kabupaten Pangkajene dan Kepulauan": ["Pangkep"],
    "Kabupaten Pasangkayu": ["Mamuju Utara"],
    "Kabupaten Kepulauan Tanimbar": ["Maluku Tenggara Barat"],
    "Kabupaten Pulau Morotai": ["Morotai"],
    "Kabupaten Pulau Taliabu": ["Taliabu"],
    "Kota Tidore Kepulauan": ["Tidore"],
}
"""Other names in use, by official name: former names (Toba Samosir until 2020, Mamuju Utara
until 2017, Maluku Tenggara Barat until 2019) and short forms, the provinces' included ('Kaltim',
'se-Sulsel': how offices write them). One-word and hyphenated
spellings ('Fakfak', 'Tojo Una-Una', 'Palangka Raya') need none: the matcher ignores spaces
and hyphens inside a name."""

_ROW = re.compile(r"\('(\d{2}(?:\.\d{2})?)','([^']*)'\)")


def rows(sql: str) -> list[tuple[str, str, str, str]]:
    """(kode, tingkat, nama, nama_resmi) for every province and kabupaten/kota."""
    found: dict[str, str] = {}
    for kode, nama in _ROW.findall(sql):
        found[kode] = " ".join(nama.replace("Kep. ", "Kepulauan ").split())
    out = []
    for kode in sorted(found):
        resmi = found[kode]
        if len(kode) == 2:
            out.append((kode, "provinsi", resmi, resmi))
            continue
        tingkat, nama = resmi.split(" ", 1)
        if tingkat not in ("Kabupaten", "Kota"):
            raise SystemExit(f"{kode}: '{resmi}' is neither Kabupaten nor Kota")
        nama = nama.removeprefix("Administrasi ")
        out.append((kode, tingkat.lower(), nama, resmi))
    return out


def main(argv: list[str]) -> int:
    """Print the TSV; fail loudly when the counts are not 38/416/98."""
    with open(argv[1], encoding="utf-8") as handle:
        table = rows(handle.read())
    counts = Counter(t for _, t, _, _ in table)
    if (counts["provinsi"], counts["kabupaten"], counts["kota"]) != (38, 416, 98):
        raise SystemExit(f"unexpected counts: {dict(counts)}")
    known = {resmi for *_, resmi in table}
    if not set(ALIAS) <= known:
        raise SystemExit(f"aliases for unknown names: {set(ALIAS) - known}")
    print(f"# Wilayah administrasi pemerintahan: {counts['provinsi']} provinsi, "
          f"{counts['kabupaten']} kabupaten, {counts['kota']} kota.")
    print(f"# Sumber: {DECREE},")
    print(f"# sebagaimana dimuat {SOURCE}.")
    print("# Dibuat oleh tools/make_wilayah.py; jangan disunting tangan.")
    print("# kode\ttingkat\tnama\tnama_resmi\talias (dipisah '|')")
    for kode, tingkat, nama, resmi in table:
        print("\t".join((kode, tingkat, nama, resmi, "|".join(ALIAS.get(resmi, [])))))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
