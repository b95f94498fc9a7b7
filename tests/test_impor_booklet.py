"""Importing the Rencana Kerja booklet: zi's own DOCX comes back as a plan that builds to the
same text, and booklets typed by hand are read by their words and numbers."""

from __future__ import annotations

import copy
import io
import tempfile
from pathlib import Path

import pytest
import yaml
from docx import Document
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.importer.booklet import booklet_blocks, read_booklet, without_derived_matrix
from generator.importer.grid import Cell, Row, Table
from generator.importer.notes import Guess
from generator.importer.word import Paragraph, read_docx
from generator.output.build import render_checked
from generator.plan.model import Rencana, RencanaKerja
from tests.conftest import FIXTURES, PLANS, docx_blocks

BOOKLET_PLANS = ["kalimantan-barat-2025", "merangin-2025"]
SETTINGS = dict(deadline=None, derandomize=True, database=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


def _docx(data: dict, tmp_path: Path, versi: str = "asli") -> bytes:
    plan = Rencana.model_validate(data)
    [output] = render_checked(plan, "rencana", tmp_path, formats=["docx"], versions=[versi])
    return output.data


def _imported(data: dict, tmp_path: Path, versi: str = "asli"
              ) -> tuple[dict, list[Guess], bytes]:
    original = _docx(data, tmp_path, versi)
    tahun = data["keputusan"]["tahun"]
    kerja, guesses = read_booklet(booklet_blocks(read_docx(original)), tahun)
    return kerja, guesses, original


@pytest.mark.parametrize("versi", ["asli", "salinan"])
@pytest.mark.parametrize("name", BOOKLET_PLANS)
def test_round_trip_builds_the_same_text(name: str, versi: str, tmp_path: Path) -> None:
    data = yaml.safe_load((PLANS / f"{name}.yaml").read_text(encoding="utf-8"))
    kerja, guesses, original = _imported(data, tmp_path, versi)
    again = copy.deepcopy(data)
    # the lampiran's title stands before the booklet's blocks: the lead reads it, not read_booklet
    again["rencana_kerja"] = {"judul": data["rencana_kerja"].get("judul"), **kerja}
    assert docx_blocks(_docx(again, tmp_path, versi)) == docx_blocks(original)
    assert guesses == []


def test_round_trip_kalimantan_barat_structure(tmp_path: Path) -> None:
    data = yaml.safe_load((PLANS / "kalimantan-barat-2025.yaml").read_text(encoding="utf-8"))
    kerja, _, _ = _imported(data, tmp_path)
    original = data["rencana_kerja"]
    assert kerja["sampul"] == [line.upper() for line in original["sampul"]]
    assert kerja["situs"] == "id.kpu.go.id/kalbar"
    assert kerja["tanggal_pengantar"] == "April 2025"
    assert [bab["judul"] for bab in kerja["bab"]] == [
        "PENDAHULUAN", "PROGRAM KERJA PEMBANGUNAN ZONA INTEGRITAS",
        "RENCANA AKSI/RENCANA KERJA PEMBANGUNAN ZONA INTEGRITAS", "PENUTUP"]
    dasar = kerja["bab"][0]["bagian"][1]
    # catalog keys where the catalog cites the text word for word, in the printed (lawful) order
    assert dasar["dasar_hukum"][:8] == [
        "uu-28-1999", "uu-1-2015", "uu-7-2017", "perpres-81-2010", "perpres-54-2018",
        "pkpu-8-2019", "pkpu-14-2020", "permenpanrb-90-2021"]
    assert dasar["dasar_hukum"][8] == " ".join(original["bab"][0]["bagian"][1]["dasar_hukum"][8]
                                               .split())
    bab3 = kerja["bab"][2]
    assert bab3["matriks"] is True
    assert [a["area"] for a in bab3["area"]] == [a["area"] for a in original["bab"][2]["area"]]
    assert bab3["area"][0]["target"] == [" ".join(t.split())
                                         for t in original["bab"][2]["area"][0]["target"]]
    assert "   1) Koordinator Manajemen Perubahan;" in bab3["area"][0]["rencana_aksi"]
    assert kerja["matriks"][2]["komponen"][0] == {"nama": "Perencanaan Kebutuhan Pegawai",
                                                  "capaian": {6: 50, 12: 50}}
    # the last row, which zi keeps beside the signature in a table of its own, is read too
    assert kerja["matriks_komponen_hasil"] == [
        {"nama": "Peningkatan Pelayanan Publik", "capaian": {"1-12": 100}},
        {"nama": "Pemerintah yang Bersih dan Akuntabel", "capaian": {"1-12": 100}}]


def test_merangin_chapter_with_the_action_table(tmp_path: Path) -> None:
    data = yaml.safe_load((PLANS / "merangin-2025.yaml").read_text(encoding="utf-8"))
    kerja, _, _ = _imported(data, tmp_path)
    assert kerja["sampul"] is False
    assert "kata_pengantar" not in kerja
    assert [bab.get("tabel_rencana_aksi", False) for bab in kerja["bab"]] == [False, True, False]
    # the table's own title is not part of the chapter's text
    assert kerja["bab"][1]["isi"].endswith("sebagaimana tercantum dalam tabel berikut.\n")
    assert kerja["bab"][0]["bagian"][1] == {
        "judul": "DASAR HUKUM",
        "dasar_hukum": ["uu-28-1999", "uu-31-1999", "uu-7-2017", "perpres-81-2010",
                        "permenpanrb-90-2021"]}
    assert kerja["bab"][0]["bagian"][2]["isi"].splitlines()[2:5] == [
        "1. pencanangan pembangunan Zona Integritas oleh pimpinan dan seluruh pegawai;",
        "2. pembentukan Tim Kerja Pembangunan Zona Integritas;",
        "3. penyusunan rencana kerja dan rencana aksi pada enam area perubahan:"]
    assert kerja["bab"][0]["bagian"][2]["isi"].splitlines()[5] == "   a. Manajemen Perubahan;"


# --- booklets typed by hand in Word ---------------------------------------------------------

def _numbered(paragraph, level: int = 0) -> None:
    """Give a python-docx paragraph Word's automatic numbering at a level."""
    ppr = paragraph._p.get_or_add_pPr()
    ppr.get_or_add_numPr().get_or_add_ilvl().val = level
    ppr.get_or_add_numPr().get_or_add_numId().val = 1


def _hand_made(lines: list[tuple[str, int | None]]) -> bytes:
    """A DOCX of plain paragraphs; a level numbers the paragraph automatically."""
    document = Document()
    for text, level in lines:
        paragraph = document.add_paragraph(text)
        if level is not None:
            _numbered(paragraph, level)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


HAND_TYPED = [
    ("BAB I", None), ("PENDAHULUAN", None),
    ("A. LATAR BELAKANG", None),
    ("Zona Integritas dibangun setiap tahun.", None),
    ("Tahapannya adalah:", None),
    ("1. pencanangan;", None), ("2. pembangunan, meliputi:", None),
    ("a. manajemen perubahan;", None), ("b. penataan tata laksana;", None),
    ("3. pemantauan.", None),
    ("B. DASAR HUKUM", None),
    ("1. Undang-Undang Nomor 25 Tahun 2009 tentang Pelayanan Publik;", None),
    ("2. Peraturan Bupati Merangin Nomor 3 Tahun 2024 tentang Zona Integritas.", None),
    ("BAB II RENCANA KERJA", None),
    ("A. AREA I - Manajemen Perubahan", None),
    ("Target:", None), ("1. Komitmen meningkat.", None), ("2. Budaya kerja berubah.", None),
    ("Rencana Aksi:", None), ("Membentuk tim kerja.", None),
    ("BAB III", None), ("PENUTUP", None), ("Demikian.", None),
]


def test_hand_typed_booklet() -> None:
    kerja, guesses = read_booklet(read_docx(_hand_made(HAND_TYPED)), 2025)
    assert kerja == {
        "sampul": False,
        "bab": [
            {"judul": "PENDAHULUAN", "bagian": [
                {"judul": "LATAR BELAKANG", "isi":
                    "Zona Integritas dibangun setiap tahun.\n\nTahapannya adalah:\n\n"
                    "1. pencanangan;\n2. pembangunan, meliputi:\n   a. manajemen perubahan;\n"
                    "   b. penataan tata laksana;\n3. pemantauan.\n"},
                {"judul": "DASAR HUKUM", "dasar_hukum": [
                    "Undang-Undang Nomor 25 Tahun 2009 tentang Pelayanan Publik",
                    "Peraturan Bupati Merangin Nomor 3 Tahun 2024 tentang Zona Integritas"]}]},
            {"judul": "RENCANA KERJA", "area": [
                {"area": "Manajemen Perubahan",
                 "target": ["Komitmen meningkat.", "Budaya kerja berubah."],
                 "rencana_aksi": "Membentuk tim kerja.\n"}]},
            {"judul": "PENUTUP", "isi": "Demikian.\n"}]}
    # the catalog knows UU 25/2009 but cites it with its Lembaran Negara: the text is kept
    assert guesses == [Guess(
        ("rencana_kerja", "bab", 0, "bagian", 1, "dasar_hukum", 0),
        "paragraf ke-12: katalog zi memuat peraturan ini (uu-25-2009) dengan kutipan yang lain; "
        "ganti dengan 'uu-25-2009' bila kutipan katalog yang dipakai")]


WORD_NUMBERED = [
    ("RENCANA KERJA", None), ("", None), ("KOMISI PEMILIHAN UMUM", None),
    ("KABUPATEN MERANGIN", None), ("TAHUN 2024", None),
    ("KATA PENGANTAR", None), ("Puji syukur.", None),
    ("Bangko, Maret 2025", None), ("Ketua Komisi Pemilihan Umum", None),
    ("Kabupaten Merangin,", None), ("Hendri Saputra", None),
    ("BAB I", None), ("PENDAHULUAN", None),
    ("LATAR BELAKANG", 0),
    ("Langkahnya:", None),
    ("pencanangan", 1), ("pembangunan", 1), ("manajemen perubahan", 2), ("pemantauan", 1),
    ("Tabel", None),
]


def test_word_numbering_becomes_list_markup() -> None:
    kerja, guesses = read_booklet(read_docx(_hand_made(WORD_NUMBERED)), 2025)
    assert kerja["sampul"] == ["RENCANA KERJA"]
    assert kerja["kata_pengantar"] == "Puji syukur.\n"
    assert kerja["tanggal_pengantar"] == "Maret 2025"
    assert kerja["bab"] == [{"judul": "PENDAHULUAN", "bagian": [
        {"judul": "LATAR BELAKANG", "isi": "Langkahnya:\n\n- pencanangan\n- pembangunan\n"
                                           "   - manajemen perubahan\n- pemantauan\n\nTabel\n"}]}]
    assert guesses == [
        Guess(("rencana_kerja", "sampul"), "paragraf ke-5: sampul bertahun 2024, rencana "
                                           "bertahun 2025; zi mencetak tahun rencana"),
        Guess(("rencana_kerja", "bab", 0, "bagian", 0, "isi"),
              "paragraf ke-16: penomoran otomatis Word; jenis nomornya tidak terbaca, zi menomori "
              "a., 1., a), 1) menurut kedalaman (ganti '-' dengan '1.' atau 'a.' bila perlu)"),
    ]


def test_unrecognised_structure_stays_as_text_with_a_guess() -> None:
    blocks = [Paragraph("Naskah tanpa bab apa pun.", place="paragraf ke-1"),
              Paragraph("- butir berpoin", place="paragraf ke-2")]
    kerja, guesses = read_booklet(blocks, 2025)
    assert kerja == {"sampul": False, "bab": [
        {"judul": "Rencana Kerja", "isi": "Naskah tanpa bab apa pun.\n\n- butir berpoin\n"}]}
    assert [g.message for g in guesses] == [
        "paragraf ke-1: tidak ada BAB yang dikenali; seluruh naskah dimasukkan ke satu bab; "
        "beri judulnya",
        "paragraf ke-2: butir berpoin; zi menomori a., 1., a), 1) menurut kedalaman"]


# --- generated booklets -----------------------------------------------------------------------

BASE = yaml.safe_load((FIXTURES / "minimal.yaml").read_text(encoding="utf-8"))
WORDS = ["zona", "integritas", "pegawai", "layanan", "publik", "evaluasi", "*website*", "rapat",
         "komitmen", "dokumen", "kinerja", "*role model*", "pengawasan", "tim", "SOP", "KPU",
         "2026", "(ZI)", "tata", "kelola", "WBK/WBBM", "laporan;", "dan", "di", "dengan"]
KEYS = ["uu-28-1999", "uu-7-2017", "uu-14-2008", "pp-94-2021", "perpres-81-2010",
        "permenpanrb-90-2021", "pkpu-8-2019", "kepkpu-314-2021"]
AREAS = ["Manajemen Perubahan", "Penataan Tatalaksana", "Penguatan Pengawasan",
         "Peningkatan Kualitas Pelayanan Publik"]
sentence = st.lists(st.sampled_from(WORDS), min_size=2, max_size=9).map(
    lambda words: " ".join(words).capitalize() + ".")
title = st.lists(st.sampled_from(["Latar", "Belakang", "Tujuan", "Proses", "Program", "Kerja",
                                  "Pembangunan", "Zona", "Integritas", "WBK/WBBM"]),
                 min_size=1, max_size=4).map(" ".join)
MARKERS = ["-", "1.", "a.", "1)", "a)"]


@st.composite
def items(draw, depth: int = 0, parent: str = "") -> list[str]:
    """A list whose nested lists number otherwise than their parent (same-style nesting reads
    back as one list: see the module docstring of the test)."""
    marker = draw(st.sampled_from([m for m in MARKERS if m != parent and (
        m != "-" or parent in ("", "-") and depth == 0)] or ["1."]))
    lines = []
    for _ in range(draw(st.integers(1, 3))):
        lines.append("   " * depth + f"{marker} {draw(sentence)}")
        if depth < 2 and draw(st.booleans()) and draw(st.booleans()):
            lines += draw(items(depth + 1, marker if marker != "-" else "a."))
    return lines


@st.composite
def narrative(draw) -> str:
    """Paragraphs and lists, a paragraph between two lists."""
    blocks: list[str] = []
    for index in range(draw(st.integers(1, 4))):
        if index % 2 == 0 or not draw(st.booleans()):
            blocks.append(" ".join(draw(st.lists(sentence, min_size=1, max_size=3))))
        else:
            blocks.append("\n".join(draw(items())))
    return "\n\n".join(blocks) + "\n"


capaian = st.dictionaries(st.integers(1, 12), st.sampled_from([25, 50, 100, 12.5]),
                          min_size=1, max_size=4)


@st.composite
def booklets(draw) -> dict:
    bab_count = draw(st.integers(1, 3))
    babs = []
    for _ in range(bab_count):
        bab: dict = {"judul": draw(title)}
        if draw(st.booleans()):
            bab["isi"] = draw(narrative())
        bagian = []
        for _ in range(draw(st.integers(0, 2))):
            part: dict = {"judul": draw(title)}
            if draw(st.booleans()):
                part["isi"] = draw(narrative())
            bagian.append(part)
        if draw(st.booleans()):
            bases = draw(st.lists(st.sampled_from(KEYS), min_size=1, max_size=3, unique=True))
            bases.append(f"Peraturan Wali Kota Contoh Nomor {draw(st.integers(1, 40))} Tahun "
                         "2024 tentang Zona Integritas")
            bagian.append({"judul": "Dasar Hukum", "dasar_hukum": bases})
        if bagian:
            bab["bagian"] = bagian
        if draw(st.booleans()):
            bab["area"] = [{"area": name,
                            "target": draw(st.lists(sentence, min_size=1, max_size=3)),
                            "rencana_aksi": draw(narrative())}
                           for name in draw(st.lists(st.sampled_from(AREAS), min_size=1,
                                                     max_size=2, unique=True))]
        babs.append(bab)
    kerja: dict = {"bab": babs,
                   "sampul": draw(st.sampled_from([False, None, ["Rencana Kerja", "Tahun 2026"]]))}
    if draw(st.booleans()):
        kerja["situs"] = "kota-contoh.kpu.go.id"
    if draw(st.booleans()):
        kerja["kata_pengantar"] = draw(narrative())
        kerja["tanggal_pengantar"] = "Maret 2026"
    with_matrix = draw(st.integers(-1, bab_count - 1))
    if with_matrix >= 0:
        babs[with_matrix]["matriks"] = True
        if draw(st.booleans()):
            kerja["matriks"] = [{"area": "Manajemen Perubahan", "komponen": [
                {"nama": "Tim Kerja", "capaian": draw(capaian)},
                {"nama": "*Whistle Blowing System*", "capaian": draw(capaian)}]}]
        if draw(st.booleans()):
            kerja["matriks_komponen_hasil"] = [{"nama": "Survei Persepsi Korupsi",
                                                "capaian": draw(capaian)}]
    with_table = draw(st.integers(-1, bab_count - 1))
    if with_table >= 0:
        babs[with_table]["tabel_rencana_aksi"] = True
    return {key: value for key, value in kerja.items() if value is not None}


@settings(max_examples=25, **SETTINGS)
@given(kerja=booklets())
def test_generated_booklets_round_trip(kerja: dict) -> None:
    data = copy.deepcopy(BASE)
    data["rencana_kerja"] = kerja
    with tempfile.TemporaryDirectory() as folder:
        imported, guesses, original = _imported(data, Path(folder))
        again = copy.deepcopy(data)
        again["rencana_kerja"] = imported
        assert docx_blocks(_docx(again, Path(folder))) == docx_blocks(original)
    assert guesses == []


ODD_TEXT = st.sampled_from(["BAB", "BAB I", "BAB IV PENUTUP", "A.", "A. AREA I - X", "Target :",
                            "Rencana Aksi :", "1.", "a) x", "- x", "KATA PENGANTAR", "",
                            "TAHUN 2025", "KOMISI PEMILIHAN UMUM", "Ketua", "Kota, Mei 2025",
                            "DASAR HUKUM", "B. DASAR HUKUM", "TARGET CAPAIAN", "I.", "1", "Jan",
                            "100%", "v", "LANGKAH AKSI", "Ditetapkan di X", "*", "\\*", "\t",
                            "1. ;", "2. x; dan", "\n", "Mar", "KOMPONEN INDIKATOR"])
odd_paragraph = st.builds(lambda text, numbered, level, n: Paragraph(
    text, numbered, level, place=f"paragraf ke-{n}"), st.one_of(ODD_TEXT, st.lists(
        ODD_TEXT, max_size=3).map(" ".join)), st.sampled_from([False, False, True]),
    st.integers(0, 9), st.integers(1, 99))
odd_cell = st.builds(Cell, ODD_TEXT, st.integers(0, 14), st.integers(1, 13), st.booleans())
odd_table = st.builds(lambda rows: Table(tuple(rows), "tabel ke-1"), st.lists(st.builds(
    lambda cells: Row(tuple(cells)), st.lists(odd_cell, max_size=15)), max_size=5))


@settings(max_examples=300, **SETTINGS)
@given(blocks=st.lists(st.one_of(odd_paragraph, odd_table), max_size=40))
def test_odd_input_never_raises(blocks: list) -> None:
    kerja, guesses = read_booklet(booklet_blocks(blocks), 2025)
    RencanaKerja.model_validate(kerja)  # always a valid rencana_kerja
    assert all(isinstance(g, Guess) and g.path[0] == "rencana_kerja" for g in guesses)


def _typed_like_kalimantan_barat() -> bytes:
    """A short booklet typed the way the published KalBar booklet reads (shared/reference/002):
    en dashes, 'Target:' without a space, a matrix titled with last year, BAB II missing."""
    document = Document()
    for text in ["RENCANA KERJA", "PEMBANGUNAN ZONA INTEGRITAS", "", "", "KOMISI PEMILIHAN UMUM",
                 "PROVINSI KALIMANTAN BARAT", "id.kpu.go.id/kalbar", "TAHUN 2025",
                 "KATA PENGANTAR", "Dalam rangka keberlanjutan Pembangunan Zona Integritas.",
                 "Pontianak, April 2025", "Ketua Komisi Pemilihan Umum",
                 "Provinsi Kalimantan Barat,", "", "Muhammad Syarifuddin Budi",
                 "BAB I", "PENDAHULUAN", "A. LATAR BELAKANG", "Komitmen yang kuat.",
                 "B. DASAR HUKUM", "Dasar hukum penyusunan rencana kerja adalah :",
                 "1. Undang-Undang Nomor 7 Tahun 2017 tentang Pemilihan Umum;"]:
        document.add_paragraph(text)
    item = document.add_paragraph("2. Peraturan Presiden Nomor 81 Tahun 2010 tentang ")
    item.add_run("Grand Design").italic = True
    item.add_run(" Reformasi Birokrasi 2010-2025.")
    for text in ["BAB III", "RENCANA AKSI/RENCANA KERJA PEMBANGUNAN ZONA INTEGRITAS",
                 "A. AREA I - Manajemen Perubahan", "Target :", "1. Meningkatnya komitmen.",
                 "Rencana Aksi :", "Rencana aksinya adalah:", "a. Memperbaharui Tim.",
                 "b. Menyelenggarakan rapat koordinator, yaitu:",
                 "1) Koordinator Manajemen Perubahan;", "2) Koordinator Penataan Tatalaksana.",
                 "c. Membangun budaya kerja.", "B. AREA II – Penataan Tatalaksana", "Target:",
                 "1. Meningkatnya penggunaan teknologi informasi.", "Rencana Aksi :",
                 "1. Memastikan bahwa SOP mengacu peta proses bisnis.",
                 "TARGET CAPAIAN PEMBANGUNAN ZONA INTEGRITAS MENUJU WBK/WBBM",
                 "KPU PROVINSI KALIMANTAN BARAT TAHUN 2024"]:
        document.add_paragraph(text)
    months = ["Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agt", "Sep", "Okt", "Nov", "Des"]
    rows = [["No.", "AREA PEMBANGUNAN", "2024"], ["", "", *months],
            ["I.", "Manajemen Perubahan"], ["1", "Tim Kerja", "", "", "", "100%"],
            ["2", "Pemantauan dan Evaluasi", *["100%"] * 12],
            ["II.", "Komponen Hasil"], ["1", "Peningkatan Pelayanan Publik", *["100%"] * 12]]
    table = document.add_table(rows=len(rows), cols=14)
    for r, texts in enumerate(rows):
        for c, text in enumerate(texts):
            table.cell(r, c).text = text
    table.cell(0, 2).merge(table.cell(0, 13))
    for r in (2, 5):
        table.cell(r, 1).merge(table.cell(r, 13))
    for text in ["Ketua Komisi Pemilihan Umum", "Provinsi Kalimantan Barat,", "",
                 "Muhammad Syarifudin Budi", "BAB IV", "PENUTUP", "Demikian Rencana Kerja ini."]:
        document.add_paragraph(text)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def test_booklet_typed_like_the_published_one() -> None:
    kerja, guesses = read_booklet(read_docx(_typed_like_kalimantan_barat()), 2025)
    assert kerja == {
        "sampul": ["RENCANA KERJA", "PEMBANGUNAN ZONA INTEGRITAS"],
        "situs": "id.kpu.go.id/kalbar",
        "kata_pengantar": "Dalam rangka keberlanjutan Pembangunan Zona Integritas.\n",
        "tanggal_pengantar": "April 2025",
        "bab": [
            {"judul": "PENDAHULUAN", "bagian": [
                {"judul": "LATAR BELAKANG", "isi": "Komitmen yang kuat.\n"},
                {"judul": "DASAR HUKUM",
                 "isi": "Dasar hukum penyusunan rencana kerja adalah :\n",
                 "dasar_hukum": ["Undang-Undang Nomor 7 Tahun 2017 tentang Pemilihan Umum",
                                 "perpres-81-2010"]}]},
            {"judul": "RENCANA AKSI/RENCANA KERJA PEMBANGUNAN ZONA INTEGRITAS", "area": [
                {"area": "Manajemen Perubahan", "target": ["Meningkatnya komitmen."],
                 "rencana_aksi": "Rencana aksinya adalah:\n\na. Memperbaharui Tim.\n"
                                 "b. Menyelenggarakan rapat koordinator, yaitu:\n"
                                 "   1) Koordinator Manajemen Perubahan;\n"
                                 "   2) Koordinator Penataan Tatalaksana.\n"
                                 "c. Membangun budaya kerja.\n"},
                {"area": "Penataan Tatalaksana",
                 "target": ["Meningkatnya penggunaan teknologi informasi."],
                 "rencana_aksi": "1. Memastikan bahwa SOP mengacu peta proses bisnis.\n"}],
             "matriks": True},
            {"judul": "PENUTUP", "isi": "Demikian Rencana Kerja ini.\n"}],
        "matriks": [{"area": "Manajemen Perubahan", "komponen": [
            {"nama": "Tim Kerja", "capaian": {4: 100}},
            {"nama": "Pemantauan dan Evaluasi", "capaian": {"1-12": 100}}]}],
        "matriks_komponen_hasil": [{"nama": "Peningkatan Pelayanan Publik",
                                    "capaian": {"1-12": 100}}],
    }
    assert [(g.path, g.message) for g in guesses] == [
        (("rencana_kerja", "bab", 0, "bagian", 1, "dasar_hukum", 0),
         "paragraf ke-22: katalog zi memuat peraturan ini (uu-7-2017) dengan kutipan yang lain; "
         "ganti dengan 'uu-7-2017' bila kutipan katalog yang dipakai"),
        (("rencana_kerja", "bab", 1, "judul"),
         "paragraf ke-24: tertulis BAB III; zi menomori bab ini BAB II"),
        (("rencana_kerja", "matriks"), "paragraf ke-42: judul matriks bertahun 2024, rencana "
                                       "bertahun 2025; zi mencetak tahun rencana"),
        # read_docx counts the paragraphs of table cells too
        (("rencana_kerja", "bab", 2, "judul"),
         "paragraf ke-110: tertulis BAB IV; zi menomori bab ini BAB III"),
    ]


def test_matrix_derived_from_the_table_is_left_out(tmp_path: Path) -> None:
    data = yaml.safe_load((PLANS / "merangin-2025.yaml").read_text(encoding="utf-8"))
    data["rencana_kerja"]["bab"][1]["matriks"] = True  # printed from the table's schedules
    kerja, guesses, _ = _imported(data, tmp_path)
    assert guesses == []
    assert kerja["matriks"][0]["komponen"][2] == {
        "nama": "Pemantauan dan Evaluasi Pembangunan WBK/WBBM",
        "capaian": {3: 100, 6: 100, 9: 100, 12: 100}}
    assert "matriks" not in without_derived_matrix(kerja, data["rencana_aksi"])
    changed = copy.deepcopy(kerja)
    changed["matriks"][0]["komponen"][0]["capaian"] = {"1-12": 100}
    assert without_derived_matrix(changed, data["rencana_aksi"]) == changed
    assert without_derived_matrix(kerja, {"area": "bukan tabel"}) == kerja


def test_contents_list_skipped_and_title_over_two_centred_lines() -> None:
    document = Document()
    for text in ["KATA PENGANTAR", "Puji syukur.", "DAFTAR ISI", "KATA PENGANTAR\ti",
                 "BAB I PENDAHULUAN\t1", "BAB II RENCANA AKSI\t4"]:
        document.add_paragraph(text)
    for text in ["BAB I", "RENCANA KERJA PEMBANGUNAN", "ZONA INTEGRITAS"]:
        document.add_paragraph(text).alignment = 1  # centred
    document.add_paragraph("Naskah bab.")
    buffer = io.BytesIO()
    document.save(buffer)
    kerja, guesses = read_booklet(read_docx(buffer.getvalue()), 2025)
    assert kerja == {"sampul": False, "kata_pengantar": "Puji syukur.\n", "bab": [
        {"judul": "RENCANA KERJA PEMBANGUNAN ZONA INTEGRITAS", "isi": "Naskah bab.\n"}]}
    assert guesses == [
        Guess(("rencana_kerja", "kata_pengantar"), "paragraf ke-2: tanda tangan kata pengantar "
                                                   "tidak ditemukan; zi menambahkannya"),
        Guess(("rencana_kerja",), "paragraf ke-3: daftar isi dilewati; zi tidak mencetaknya")]


@pytest.mark.parametrize("texts", [
    ["BAB I PENDAHULUAN", "B. DASAR HUKUM", "1. ;", "2. ; dan"],
    ["BAB I PENDAHULUAN", "A. AREA I - X", "Target :", "1. ;", "Rencana Aksi :", "1. ;"],
    ["BAB I PENDAHULUAN", "A. AREA I - X", "Target :", "Rencana Aksi :", "Naskah."],
    ["KATA PENGANTAR", "Kota, Mei 2025", "Ketua"],
    ["DAFTAR ISI", "TAHUN 2025"],
])
def test_odd_booklets_still_give_a_valid_plan(texts: list[str]) -> None:
    blocks = [Paragraph(text, place=f"paragraf ke-{n}") for n, text in enumerate(texts, 1)]
    kerja, _ = read_booklet(blocks, 2025)
    RencanaKerja.model_validate(kerja)


def test_a_decree_without_booklet_has_no_booklet_blocks(tmp_path: Path) -> None:
    data = yaml.safe_load((PLANS / "kutai-timur-2025.yaml").read_text(encoding="utf-8"))
    blocks = read_docx(_docx(data, tmp_path))
    assert any(isinstance(b, Paragraph) and b.text == "LAMPIRAN I" for b in blocks)
    assert booklet_blocks(blocks) == []
