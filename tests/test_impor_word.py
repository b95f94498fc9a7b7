"""`zi impor` on the odd ways a Word decree is typed, each built here in a few lines with
python-docx and read back: what the office wrote must land where it belongs."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

from generator.importer import ImportProblem, import_file

BODY = [
    "KEPUTUSAN KOMISI PEMILIHAN UMUM",
    "KOTA BONTANG",
    "NOMOR 12 TAHUN 2025",
    "TENTANG",
    "RENCANA AKSI ZONA INTEGRITAS KOMISI PEMILIHAN UMUM KOTA BONTANG TAHUN 2025",
    "KETUA KOMISI PEMILIHAN UMUM KOTA BONTANG,",
    "Menimbang\t:",
    "bahwa dalam rangka pembangunan zona integritas perlu menetapkan rencana aksi;",
    "bahwa berdasarkan pertimbangan sebagaimana dimaksud dalam huruf a, perlu menetapkan "
    "Keputusan Komisi Pemilihan Umum Kota Bontang tentang Rencana Aksi Zona Integritas Komisi "
    "Pemilihan Umum Kota Bontang Tahun 2025;",
    "Mengingat\t:",
    "Undang-Undang Nomor 7 Tahun 2017 tentang Pemilihan Umum;",
    "Peraturan Bupati Bontang Nomor 3 Tahun 2020 tentang Tata Naskah;",
    "MEMUTUSKAN:",
    "Menetapkan\t:\tKEPUTUSAN KOMISI PEMILIHAN UMUM KOTA BONTANG TENTANG RENCANA AKSI.",
    "KESATU.\tMenetapkan Rencana Aksi sebagaimana tercantum dalam Lampiran.",
    "KEDUA.\tKeputusan ini mulai berlaku pada tanggal ditetapkan.",
    "Ditetapkan di : Bontang",
    "Pada tanggal : 3 Maret 2025",
    "KETUA KOMISI PEMILIHAN UMUM",
    "KOTA BONTANG,",
    "ttd",
    "ANI LESTARI, S.H.",
]


def _document(body: list[str] = BODY):
    document = Document()
    for line in body:
        paragraph = document.add_paragraph(line)
        if line.isupper():
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    return document


def _table(document, rows: list[list[str]], merges: tuple = ()):
    table = document.add_table(rows=len(rows), cols=len(rows[0]))
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            table.cell(r, c).text = text
    for (r1, c1), (r2, c2) in merges:
        table.cell(r1, c1).merge(table.cell(r2, c2))
    return table


def _save(document, tmp_path: Path, name: str = "sk.docx") -> Path:
    path = tmp_path / name
    document.save(str(path))
    return path


def _header_right(document, lines: list[str]) -> None:
    """The lampiran header typed in the right cell of a borderless two-column table."""
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 1).text = "\n".join(lines)


def _steps(plan: dict) -> list[tuple[str, str, str]]:
    found = []
    for area in plan["rencana_aksi"]["area"]:
        for group in area.get("program", [area]):
            for komponen in group["komponen"]:
                for indikator in komponen["indikator"]:
                    for step in indikator["langkah"]:
                        found.append((area["nama"], komponen["nama"], step["aksi"]))
    return found


def test_lettered_areas_a_two_row_header_and_a_header_in_a_table(tmp_path):
    document = _document()
    _header_right(document, ["Lampiran", "Keputusan Komisi Pemilihan Umum Kota Bontang",
                             "Nomor 12 Tahun 2025", "Tentang Rencana Aksi"])
    _table(document, [
        ["NO.", "KOMPONEN", "INDIKATOR", "KEGIATAN", "BUKTI FISIK/DATA DUKUNG", "TARGET", ""],
        ["", "", "", "", "", "WAKTU", "CAPAIAN"],
        ["A.", "MANAJEMEN PERUBAHAN", "", "", "", "", ""],
        ["1.", "Tim Kerja", "SK Tim", "Membentuk tim", "SK", "Januari 2025", "1 (satu) SK"],
        ["", "", "", "Rapat tim", "Notulen", "Maret 2025", "4 (empat) Notulen"],
        ["B.", "PENATAAN TATA LAKSANA", "", "", "", "", ""],
        ["1.", "SOP", "SOP disusun", "Menyusun SOP", "Dokumen SOP", "Juni 2025", "Tersusun"],
    ], merges=(((0, 5), (0, 6)),))
    imported = import_file(_save(document, tmp_path))
    plan = imported.plan
    assert "  # diktum asli berbeda dari diktum baku zi; ditulis apa adanya\n  diktum:" in \
        imported.yaml
    assert _steps(plan) == [("Manajemen Perubahan", "Tim Kerja", "Membentuk tim"),
                            ("Manajemen Perubahan", "Tim Kerja", "Rapat tim"),
                            ("Penataan Tata Laksana", "SOP", "Menyusun SOP")]
    rapat = plan["rencana_aksi"]["area"][0]["komponen"][0]["indikator"][0]["langkah"][1]
    assert rapat == {"aksi": "Rapat tim", "bukti_fisik": "Notulen", "target_waktu": "Maret 2025",
                     "target_capaian": {"jumlah": 4, "satuan": "Notulen"}}
    keputusan = plan["keputusan"]
    assert keputusan["menimbang"] == ["bahwa dalam rangka pembangunan zona integritas perlu "
                                      "menetapkan rencana aksi"]
    assert keputusan["mengingat"] == ["uu-7-2017", "Peraturan Bupati Bontang Nomor 3 Tahun 2020 "
                                      "tentang Tata Naskah"]
    assert keputusan["diktum"] == [  # not zi's standard wording: kept as written, with a note
        "Menetapkan Rencana Aksi sebagaimana tercantum dalam Lampiran",
        "Keputusan ini mulai berlaku pada tanggal ditetapkan"]
    assert plan["satker"] == {"tingkat": "kota", "nama": "Bontang", "tempat": "Bontang",
                              "provinsi": "Kalimantan Timur"}
    assert plan["orang"]["ani"]["nama"] == "Ani Lestari, S.H."


def test_an_area_column_and_headers_longer_than_usual(tmp_path):
    document = _document()
    document.add_paragraph("LAMPIRAN")
    _table(document, [
        ["NO", "AREA PERUBAHAN", "KOMPONEN", "INDIKATOR", "LANGKAH-LANGKAH AKSI",
         "BUKTI FISIK", "TARGET WAKTU PENYELESAIAN"],
        ["1", "Manajemen Perubahan", "Tim Kerja", "SK", "Membentuk tim", "SK", "Januari 2025"],
        ["2", "Manajemen Perubahan", "Budaya Kerja", "Apel", "Apel pagi", "Foto", "Setiap hari"],
        ["1", "Penguatan Pengawasan", "SPIP", "Peta risiko", "Menyusun peta", "Peta",
         "Juni 2025"],
    ])
    plan = import_file(_save(document, tmp_path)).plan
    assert plan["rencana_aksi"]["kolom"] == 6
    assert _steps(plan) == [("Manajemen Perubahan", "Tim Kerja", "Membentuk tim"),
                            ("Manajemen Perubahan", "Budaya Kerja", "Apel pagi"),
                            ("Penguatan Pengawasan", "SPIP", "Menyusun peta")]
    assert plan["rencana_aksi"]["area"][0]["komponen"][1]["indikator"][0]["langkah"][0][
        "target_waktu"] == "Setiap hari"


def test_revisions_links_and_content_controls_read_as_the_page_shows(tmp_path):
    document = _document()
    document.add_paragraph("LAMPIRAN")
    table = _table(document, [
        ["NO", "KOMPONEN", "INDIKATOR", "LANGKAH AKSI", "BUKTI FISIK", "TARGET WAKTU"],
        ["I", "MANAJEMEN PERUBAHAN", "", "", "", ""],
        ["1", "Tim Kerja", "SK", "", "SK", "Januari 2025"],
    ])
    cell = table.cell(2, 3)._tc.find(".//{*}p")
    who = 'w:author="a" w:date="2025-01-01T00:00:00Z"'
    cell.append(parse_xml(f'<w:del {nsdecls("w")} w:id="1" {who}>'
                          '<w:r><w:delText>Dihapus </w:delText></w:r></w:del>'))
    cell.append(parse_xml(f'<w:ins {nsdecls("w")} w:id="2" {who}>'
                          '<w:r><w:t xml:space="preserve">Membentuk </w:t></w:r></w:ins>'))
    cell.append(parse_xml(f'<w:sdt {nsdecls("w")}><w:sdtContent><w:r><w:rPr><w:i/></w:rPr>'
                          '<w:t>task force</w:t></w:r></w:sdtContent></w:sdt>'))
    plan = import_file(_save(document, tmp_path)).plan
    assert _steps(plan) == [("Manajemen Perubahan", "Tim Kerja", "Membentuk *task force*")]


def test_a_decree_without_any_lampiran_header_still_gives_its_table(tmp_path):
    document = _document()
    _table(document, [
        ["NO", "KOMPONEN", "INDIKATOR", "LANGKAH AKSI", "BUKTI FISIK", "TARGET WAKTU"],
        ["I", "MANAJEMEN PERUBAHAN", "", "", "", ""],
        ["1", "Tim Kerja", "SK", "Membentuk tim", "SK", "Januari 2025"],
    ])
    plan = import_file(_save(document, tmp_path)).plan
    assert _steps(plan) == [("Manajemen Perubahan", "Tim Kerja", "Membentuk tim")]
    assert plan["keputusan"]["nomor"] == 12


@pytest.mark.parametrize(("data", "message"), [
    (b"", "bukan berkas DOCX (bukan arsip zip)"),
    (b"PK\x03\x04 rusak", "arsip zip rusak"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100,
     "berkas Word lama (.doc); simpan dulu sebagai .docx dari Word atau LibreOffice"),
])
def test_a_file_that_is_not_a_docx_gets_one_line_naming_it(tmp_path, data, message):
    path = tmp_path / "sk.docx"
    path.write_bytes(data)
    with pytest.raises(ImportProblem) as problem:
        import_file(path)
    assert str(problem.value).startswith(f"{path}: tidak dapat dibaca sebagai DOCX: {message}")


def test_a_docx_that_is_no_decree_says_what_was_looked_for(tmp_path):
    document = Document()
    document.add_paragraph("Dengan hormat, bersama ini kami sampaikan undangan rapat.")
    path = _save(document, tmp_path, "surat.docx")
    with pytest.raises(ImportProblem) as problem:
        import_file(path)
    assert str(problem.value) == (
        f"{path}: tidak ada judul 'KEPUTUSAN KOMISI PEMILIHAN UMUM ...' di awal berkas; bukan "
        "keputusan KPU?")


def test_a_decree_of_kpu_ri_is_refused_with_the_reason(tmp_path):
    document = _document(["KEPUTUSAN KOMISI PEMILIHAN UMUM REPUBLIK INDONESIA",
                          "NOMOR 1 TAHUN 2025"])
    path = _save(document, tmp_path)
    with pytest.raises(ImportProblem) as problem:
        import_file(path)
    assert "tidak menyebut kabupaten, kota, atau provinsi" in str(problem.value)


def test_a_zip_bomb_is_refused_before_it_is_unpacked(tmp_path):
    import zipfile
    path = tmp_path / "bom.docx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", b"<" + b" " * (40 * 1024 * 1024))
    with pytest.raises(ImportProblem) as problem:
        import_file(path)
    assert "bagian word/document.xml lebih dari 30 MB" in str(problem.value)


def test_a_docx_read_from_bytes_pasted_in_memory_is_the_same(tmp_path):
    """The same decree saved twice reads the same (no state kept between imports)."""
    document = _document()
    document.add_paragraph("LAMPIRAN")
    _table(document, [["NO", "KOMPONEN", "INDIKATOR", "LANGKAH AKSI", "BUKTI FISIK", "WAKTU"],
                      ["I", "MANAJEMEN PERUBAHAN", "", "", "", ""],
                      ["1", "Tim Kerja", "SK", "Membentuk tim", "SK", "Januari 2025"]])
    buffer = io.BytesIO()
    document.save(buffer)
    first, second = tmp_path / "a.docx", tmp_path / "b.docx"
    first.write_bytes(buffer.getvalue())
    second.write_bytes(buffer.getvalue())
    assert import_file(first).plan == import_file(second).plan


def test_a_komponen_on_its_own_row_and_a_row_without_a_step(tmp_path):
    document = _document()
    document.add_paragraph("LAMPIRAN")
    _table(document, [
        ["NO", "KOMPONEN", "INDIKATOR", "LANGKAH AKSI", "BUKTI FISIK", "TARGET WAKTU"],
        ["I", "MANAJEMEN PERUBAHAN", "", "", "", ""],
        ["1", "Tim Kerja", "", "", "", ""],
        ["", "", "SK Tim", "Membentuk tim", "SK", "Januari 2025"],
        ["2", "Budaya Kerja", "Apel", "", "Foto apel", "Januari - Desember 2025"],
    ])
    imported = import_file(_save(document, tmp_path))
    komponen = imported.plan["rencana_aksi"]["area"][0]["komponen"]
    assert [k["nama"] for k in komponen] == ["Tim Kerja", "Budaya Kerja"]
    assert komponen[0]["indikator"][0]["langkah"][0]["aksi"] == "Membentuk tim"
    assert komponen[1]["indikator"][0]["langkah"] == [{
        "aksi": "(tulis langkah aksi)", "bukti_fisik": "Foto apel",
        "target_waktu": "Januari - Desember 2025"}]
    assert [g.message for g in imported.notes if g.unread] == [
        "tabel ke-1, baris 5: baris tanpa langkah aksi; ditulis '(tulis langkah aksi)'"]


def test_a_team_table_typed_by_hand(tmp_path):
    """Groups in the NAMA column, 'Anggota' merged down, a blank kedudukan, degrees in names."""
    document = _document()
    document.add_paragraph("LAMPIRAN")
    _table(document, [
        ["NO", "KOMPONEN", "INDIKATOR", "LANGKAH AKSI", "BUKTI FISIK", "TARGET WAKTU"],
        ["I", "MANAJEMEN PERUBAHAN", "", "", "", ""],
        ["1", "Tim Kerja", "SK", "Membentuk tim", "SK", "Januari 2025"],
    ])
    document.add_paragraph("LAMPIRAN II")
    _table(document, [
        ["NO.", "NAMA", "JABATAN", "KEDUDUKAN DALAM TIM"],
        ["I", "PENGARAH", "", ""],
        ["1.", "Ani Lestari, S.H.", "Ketua KPU Kota Bontang", "Pengarah merangkap Ketua"],
        ["II", "TIM KERJA PEMBANGUNAN ZONA INTEGRITAS", "", ""],
        ["1.", "Budi Santoso", "Sekretaris KPU Kota Bontang", "Ketua"],
        ["a.", "Tim Manajemen Perubahan", "", ""],
        ["1.", "Citra Dewi", "Kepala Subbagian Hukum", "Anggota"],
        ["2.", "Dodi", "Staf Subbagian Hukum", ""],
        ["3.", "Eka Putri", "Staf Subbagian Umum", ""],
    ], merges=(((6, 3), (7, 3)),))
    imported = import_file(_save(document, tmp_path))
    plan = imported.plan
    assert plan["orang"]["ani"] == {"nama": "Ani Lestari, S.H.", "peran": "ketua"}
    assert plan["orang"]["budi"] == {"nama": "Budi Santoso", "peran": "sekretaris"}
    assert plan["tim"] == {
        "pengarah": [{"orang": "ani", "kedudukan": "Pengarah merangkap Ketua"}],
        "tim_kerja": {"ketua": {"orang": "budi", "kedudukan": "Ketua"}, "subtim": [
            {"nama": "Tim Manajemen Perubahan", "anggota": [
                {"orang": "citra", "kedudukan": "Anggota"},
                {"orang": "dodi", "kedudukan": "Anggota"},
                {"orang": "eka", "kedudukan": "Anggota"}]}]}}
    assert [g.message for g in imported.notes if g.path == ("tim",)] == [
        "tebakan: tabel ke-2, baris 9: kedudukan Eka Putri kosong; ditulis 'Anggota'"]
    assert plan["keputusan"]["penandatangan"] == "ani"


def test_programs_numbered_like_areas_or_like_komponen(tmp_path):
    """As in the published Kutai Timur decree: 'I. MANAJEMEN PERUBAHAN' then 'I Pembangunan
    Unit Kerja ...' (a program), and under V '1 Pengendalian Gratifikasi' on a row of its own
    with its komponen numbered from 1 again."""
    document = _document()
    document.add_paragraph("LAMPIRAN")
    _table(document, [
        ["NO", "KOMPONEN", "INDIKATOR", "LANGKAH AKSI", "BUKTI FISIK", "TARGET WAKTU"],
        ["I. MANAJEMEN PERUBAHAN", "", "", "", "", ""],
        ["I", "Pembangunan Unit Kerja Menuju WBK/WBBM", "", "", "", ""],
        ["1", "Tim Kerja", "SK", "Membentuk tim", "SK", "Januari 2025"],
        ["V. PENGUATAN PENGAWASAN", "", "", "", "", ""],
        ["1", "Pengendalian Gratifikasi", "", "", "", ""],
        ["1", "Public Campaign", "Informasi", "Sosialisasi", "Foto", "Juni 2025"],
        ["2", "Implementasi", "Laporan", "Melapor", "Laporan", "Desember 2025"],
        ["2", "Whistle Blowing System", "", "", "", ""],
        ["1", "Internalisasi WBS", "Sosialisasi", "Rapat WBS", "Undangan", "Juni 2025"],
    ], merges=(((1, 0), (1, 5)), ((4, 0), (4, 5))))
    areas = import_file(_save(document, tmp_path)).plan["rencana_aksi"]["area"]
    assert [a["nama"] for a in areas] == ["Manajemen Perubahan", "Penguatan Pengawasan"]
    assert [(p["nama"], [k["nama"] for k in p["komponen"]]) for p in areas[0]["program"]] == [
        ("Pembangunan Unit Kerja Menuju WBK/WBBM", ["Tim Kerja"])]
    assert [(p["nama"], [k["nama"] for k in p["komponen"]]) for p in areas[1]["program"]] == [
        ("Pengendalian Gratifikasi", ["Public Campaign", "Implementasi"]),
        ("Whistle Blowing System", ["Internalisasi WBS"])]
