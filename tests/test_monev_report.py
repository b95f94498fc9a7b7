"""The Laporan Monitoring dan Evaluasi Triwulan: the Kutai Timur plan with a realisation file as
an office fills it in (tests/fixtures/monev), built as DOCX and PDF and read back; its figures
recomputed here from the plan's schedule and the records, not from zi's progress module."""

from __future__ import annotations

import io
import re
import shutil
from pathlib import Path

import pdfplumber
import pytest
import yaml
from docx import Document
from docx.shared import Cm
from pypdf import PdfReader

from generator.document.monev_report import ATURAN_LKE
from generator.output.monev import render_monev
from generator.source.diagnostics import PlanError
from generator.text import indonesian
from tests.conftest import FIXTURES, docx_text, squash

MONEV = FIXTURES / "monev"
PLAN = MONEV / "kutai-timur-2025.yaml"
BULAN = ("januari", "februari", "maret", "april", "mei", "juni", "juli", "agustus",
         "september", "oktober", "november", "desember")
QUARTER_END = {1: 3, 2: 6, 3: 9, 4: 12}

# What the realisation fixture records, read by a person from kutai-timur-2025.monev.yaml:
# the steps counted done by each quarter (latest record 'selesai') and those cancelled.
DONE = {1: {"I": ["I.1.1.1", "I.1.2.1"]},
        2: {"I": ["I.1.1.1", "I.1.2.1"], "II": ["II.1.1"], "IV": ["IV.1.1", "IV.2.1"]}}
CANCELLED = {1: [], 2: ["III.1.1"]}
# Steps under way ('berjalan') whose schedule runs past the quarter: due, yet not late.
ONGOING = {1: ["I.1.3.1"], 2: ["I.1.3.1", "I.1.4.1"]}
# The LKE estimate by hand: bobot x tuntas / komponen resmi, per area with anything tuntas.
# TW I: Manajemen Perubahan has Tim Kerja and Rencana Pembangunan ZI done (8 x 2/4 = 4).
# TW II: also both komponen of Akuntabilitas (10 x 2/2 = 10). SOP is not tuntas although II.1.1
# is done: 'Evaluasi SOP Pelayanan' (VII.10.1, in the office's own area Inovasi Pelayanan, due
# April) is a step of that komponen too, and it is not reported.
LKE = {
    1: ([("1", "Manajemen Perubahan", "8", "4",
          "2: Tim Kerja, Rencana Pembangunan Zona Integritas", "4,00")], "4,00 dari 60"),
    2: ([("1", "Manajemen Perubahan", "8", "4",
          "2: Tim Kerja, Rencana Pembangunan Zona Integritas", "4,00"),
         ("4", "Penguatan Akuntabilitas Kinerja", "10", "2",
          "2: Keterlibatan Pimpinan, Pengelolaan Akuntabilitas Kinerja", "10,00")],
        "14,00 dari 60"),
}
# Overdue steps with the follow-up the meeting recorded (others print '(belum ditetapkan)').
FOLLOW_UP = {
    1: {"VI.1.1": "Menunggu pedoman standar pelayanan dari KPU RI"},
    2: {"VI.1.1": "Menunggu pedoman standar pelayanan dari KPU RI",
        "I.1.4.2": "(belum ditetapkan)"},
}


def _first_month(text: str) -> int:
    """The earliest month a 'target_waktu' names ('Januari - Desember 2025' -> 1)."""
    words = re.findall(r"[a-z]+", text.lower())
    return min(BULAN.index(w) + 1 for w in words if w in BULAN)


def _plan_steps() -> list[tuple[str, str, int]]:
    """(area roman, area name, first month) of every step, read from the plan's YAML."""
    plan = yaml.safe_load(PLAN.read_text(encoding="utf-8"))
    steps = []
    for a, area in enumerate(plan["rencana_aksi"]["area"], start=1):
        komponen = area.get("komponen") or [k for p in area["program"] for k in p["komponen"]]
        for k in komponen:
            for indikator in k["indikator"]:
                for step in indikator["langkah"]:
                    steps.append((indonesian.roman(a), area["nama"],
                                  _first_month(step["target_waktu"])))
    return steps


def _percent(done: int, due: int) -> str:
    if not due:
        return "-"
    value = round(100 * done / due, 1)
    return f"{value:g}%".replace(".", ",")


def expected_summary(quarter: int) -> list[tuple[str, ...]]:
    """The summary rows recomputed: steps, due by the quarter's end, done, percent."""
    steps = _plan_steps()
    rows = []
    for roman in dict.fromkeys(s[0] for s in steps):
        mine = [s for s in steps if s[0] == roman]
        due = sum(1 for s in mine if s[2] <= QUARTER_END[quarter]) - sum(
            1 for code in CANCELLED[quarter] if code.split(".")[0] == roman)  # neither due nor done
        done = len(DONE[quarter].get(roman, []))
        rows.append((roman, mine[0][1], str(len(mine)), str(due), str(done),
                     _percent(done, due)))
    total_due = sum(int(r[3]) for r in rows)
    total_done = sum(int(r[4]) for r in rows)
    rows.append(("", "Jumlah", str(len(steps)), str(total_due), str(total_done),
                 _percent(total_done, total_due)))
    return rows


@pytest.fixture(scope="module")
def reports(tmp_path_factory) -> dict[tuple[int, str, str], bytes]:
    """Both quarters, both versions, both formats of the fixture, keyed (quarter, versi, fmt)."""
    out = tmp_path_factory.mktemp("monev")
    built = {}
    for quarter in (1, 2):
        for output in render_monev(PLAN, quarter, out):
            assert output.path.parent == out / "kutai-timur-2025"
            match = re.fullmatch(r"monev-tw(\d)-(asli|salinan)\.(docx|pdf)", output.path.name)
            assert match, output.path.name
            built[(int(match[1]), match[2], match[3])] = output.data
    return built


def _pdf_lines(data: bytes) -> list[str]:
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        return [line["text"] for page in pdf.pages for line in page.extract_text_lines()]


def _docx_table(data: bytes, first_header: str, header: str) -> list[list[str]]:
    """The rows of the table whose heading row starts with `first_header` and holds `header`."""
    document = Document(io.BytesIO(data))
    for table in document.tables:
        cells = [c.text for c in table.rows[0].cells]
        if cells[0] == first_header and header in cells:
            return [[c.text for c in row.cells] for row in table.rows[1:]]
    raise AssertionError(f"no table headed {first_header} ... {header}")


def test_the_hand_computation_reads_every_step_of_the_plan():
    steps = _plan_steps()
    assert len(steps) == 58
    assert sum(1 for s in steps if s[2] <= 3) == 50  # 39 + 5 + 3 + 3 steps begin by March


@pytest.mark.parametrize("quarter", [1, 2])
def test_summary_per_area_in_docx(reports, quarter):
    rows = _docx_table(reports[(quarter, "asli", "docx")], "NO", "AREA PERUBAHAN")
    assert [tuple(r) for r in rows] == expected_summary(quarter)


@pytest.mark.parametrize("quarter", [1, 2])
def test_summary_per_area_in_pdf(reports, quarter):
    lines = _pdf_lines(reports[(quarter, "asli", "pdf")])
    for roman, name, steps, due, done, percent in expected_summary(quarter):
        # a long area name wraps: its first words are on the row's line with the figures
        first_words = " ".join(name.split()[:3])
        wanted = f"{roman} {first_words}".strip()
        row = [line for line in lines if line.startswith(wanted)
               and line.endswith(f" {steps} {due} {done} {percent}")]
        assert len(row) == 1, (wanted, steps, due, done, percent)


@pytest.mark.parametrize("quarter", [1, 2])
def test_opening_gives_the_totals(reports, quarter):
    total = expected_summary(quarter)[-1]
    due, done = int(total[3]), int(total[4])
    late = due - done - len(ONGOING[quarter])
    roman = indonesian.roman(quarter)
    sentence = (f"Dari 58 langkah aksi dalam rencana, {due} langkah sudah jatuh tempo sampai "
                f"akhir Triwulan {roman} dan {done} langkah di antaranya telah selesai "
                f"({total[5]}); {late} langkah terlambat dicantumkan beserta tindak lanjutnya, "
                f"dan {len(ONGOING[quarter])} langkah lain masih berjalan sesuai jadwalnya yang "
                "belum berakhir.")
    assert sentence in squash(docx_text(reports[(quarter, "asli", "docx")]))
    assert sentence in squash(" ".join(_pdf_lines(reports[(quarter, "asli", "pdf")])))


@pytest.mark.parametrize("quarter", [1, 2])
def test_overdue_steps_with_their_follow_up(reports, quarter):
    rows = _docx_table(reports[(quarter, "asli", "docx")], "NO", "TINDAK LANJUT")
    total = expected_summary(quarter)[-1]
    assert len(rows) == int(total[3]) - int(total[4]) - len(ONGOING[quarter])
    assert [r[0] for r in rows] == [str(i) for i in range(1, len(rows) + 1)]
    follow_up = {r[1]: r[5] for r in rows}
    for code, text in FOLLOW_UP[quarter].items():
        assert follow_up[code] == text
    done = [c for codes in DONE[quarter].values() for c in codes]
    assert not set(follow_up) & set(done + CANCELLED[quarter] + ONGOING[quarter])


def test_step_table_shows_status_realisation_and_evidence(reports):
    rows = {r[0]: r for r in _docx_table(reports[(2, "asli", "docx")], "KODE", "BUKTI")}
    assert rows["I.1.1.1"][4:] == ["Selesai", "100%", "bukti/sk-tim.pdf"]
    assert rows["I.1.2.1"][4:] == ["Selesai", "100%",
                                   "bukti/rencana-aksi.pdf (berkas tidak ditemukan)"]
    assert rows["I.1.3.1"][4:] == ["Berjalan", "50%", "bukti/monev-tw1.pdf"]
    assert rows["II.1.1"][4:] == ["Selesai", "100%", "https://kab-kutaitimur.kpu.go.id/sop"]
    assert rows["III.1.1"][4:] == ["Batal", "0%", ""]
    assert rows["IV.1.1"][4:] == ["Selesai", "100%", "(belum ada bukti)"]
    assert rows["VI.1.1"][4:] == ["Belum dimulai", "0%", ""]
    assert rows["V.1.1.1"][3:] == ["Januari - Desember 2025", "Belum dilaporkan", "-", ""]
    assert rows["I"][1] == "Manajemen Perubahan"  # the area's heading row


@pytest.mark.parametrize("quarter", [1, 2])
def test_lke_estimate_states_its_rule(reports, quarter):
    expected_rows, total = LKE[quarter]
    rows = _docx_table(reports[(quarter, "asli", "docx")], "NO", "AREA (LKE)")
    assert len(rows) == 7  # six official areas and the total
    tuntas = [tuple(r) for r in rows[:6] if r[5] != "0,00"]
    assert tuntas == expected_rows
    assert rows[6][1:] == ["Jumlah perkiraan"] * 4 + [total]
    assert ATURAN_LKE.startswith("Perkiraan nilai = bobot area × (banyaknya komponen resmi")
    assert "hanya perkiraan" in ATURAN_LKE
    text = squash(docx_text(reports[(quarter, "asli", "docx")]))
    assert ATURAN_LKE in text
    pdf = squash(" ".join(_pdf_lines(reports[(quarter, "asli", "pdf")])))
    assert squash(ATURAN_LKE) in pdf
    assert f"Jumlah perkiraan {total}" in pdf


def test_title_and_kop(reports):
    lines = _pdf_lines(reports[(1, "asli", "pdf")])
    assert lines[:5] == ["KOMISI PEMILIHAN UMUM", "KABUPATEN KUTAI TIMUR",
                         "LAPORAN MONITORING DAN EVALUASI TRIWULAN I",
                         "PEMBANGUNAN ZONA INTEGRITAS", "KPU KABUPATEN KUTAI TIMUR TAHUN 2025"]
    docx_lines = [line for line in docx_text(reports[(2, "asli", "docx")]).splitlines() if line]
    assert docx_lines[:5] == ["KOMISI PEMILIHAN UMUM", "KABUPATEN KUTAI TIMUR",
                              "LAPORAN MONITORING DAN EVALUASI TRIWULAN II",
                              "PEMBANGUNAN ZONA INTEGRITAS",
                              "KPU KABUPATEN KUTAI TIMUR TAHUN 2025"]


@pytest.mark.parametrize("fmt", ["docx", "pdf"])
def test_asli_and_salinan_differ_only_where_they_should(reports, fmt):
    def text(versi: str) -> str:
        data = reports[(2, versi, fmt)]
        return squash(docx_text(data) if fmt == "docx" else " ".join(_pdf_lines(data)))

    asli, salinan = text("asli"), text("salinan")
    signature = "Sangatta, ........................ 2025 Ketua Tim Kerja Pembangunan Zona " \
        "Integritas KPU Kabupaten Kutai Timur,"
    assert f"{signature} Sudirman" in asli
    assert f"{signature} ttd. Sudirman Salinan sesuai dengan aslinya SEKRETARIAT KOMISI " \
        "PEMILIHAN UMUM KABUPATEN KUTAI TIMUR Kepala Subbagian Teknis Penyelenggaraan Pemilu " \
        "dan Hukum, Azis Ali Achmadi" in salinan
    assert salinan.startswith("SALINAN KOMISI PEMILIHAN UMUM")
    assert asli.startswith("KOMISI PEMILIHAN UMUM")
    assert "Salinan sesuai" not in asli and "ttd." not in asli
    assert salinan.removeprefix("SALINAN ").split(" Sangatta,")[0] == asli.split(" Sangatta,")[0]


def test_salinan_pdf_is_archival_and_asli_is_not(reports):
    def part(data: bytes) -> str | None:
        xmp = PdfReader(io.BytesIO(data)).xmp_metadata
        found = re.search(rb"pdfaid:part[>=\"']+(\d)", xmp.stream.get_data()) if xmp else None
        return found[1].decode() if found else None

    assert part(reports[(2, "salinan", "pdf")]) == "2"
    assert part(reports[(2, "asli", "pdf")]) is None


def test_charts_are_in_the_docx(reports):
    document = Document(io.BytesIO(reports[(2, "asli", "docx")]))
    shapes = list(document.inline_shapes)
    assert len(shapes) == 2
    assert all(abs(shape.width - Cm(16)) < Cm(0.01) for shape in shapes)
    images = [p for p in document.part.package.parts if p.content_type == "image/png"]
    assert len(images) == 2
    assert all(p.blob.startswith(b"\x89PNG") for p in images)
    text = docx_text(reports[(2, "asli", "docx")])
    assert "Grafik 1. Langkah aksi jatuh tempo dan selesai per area sampai akhir Triwulan II" \
        in text
    assert "Grafik 2. Langkah aksi jatuh tempo menurut rencana dan langkah selesai, kumulatif " \
        "per bulan" in text


def test_charts_are_in_the_pdf_above_their_captions(reports):
    with pdfplumber.open(io.BytesIO(reports[(2, "salinan", "pdf")])) as pdf:
        found = {}
        for page in pdf.pages:
            for line in page.extract_text_lines():
                if line["text"].startswith("Grafik "):
                    found[line["text"][:8]] = (page, line)
        assert sorted(found) == ["Grafik 1", "Grafik 2"]
        for page, caption in found.values():
            above = [im for im in page.images if im["bottom"] <= caption["top"]
                     and caption["top"] - im["bottom"] < 20]
            assert len(above) == 1
            width_cm = above[0]["width"] / 72 * 2.54
            assert round(width_cm, 1) == 16.0
            assert abs((above[0]["x0"] + above[0]["x1"]) / 2 - page.width / 2) < 40


def test_page_size_f4(reports):
    with pdfplumber.open(io.BytesIO(reports[(1, "asli", "pdf")])) as pdf:
        assert {(round(p.width / 72 * 25.4), round(p.height / 72 * 25.4))
                for p in pdf.pages} == {(215, 330)}
    section = Document(io.BytesIO(reports[(1, "asli", "docx")])).sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (215, 330)


def _copy_fixture(target: Path, extra: str = "") -> Path:
    plan = target / "kutai-timur-2025.yaml"
    plan.write_text(PLAN.read_text(encoding="utf-8") + extra, encoding="utf-8")
    shutil.copy(MONEV / "kutai-timur-2025.monev.yaml", target)
    shutil.copytree(MONEV / "bukti", target / "bukti")
    return plan


def test_a4_without_weasyprint_warnings(tmp_path, no_weasyprint_warnings):
    plan = _copy_fixture(tmp_path, "tampilan:\n  kertas: a4\n")
    outputs = {o.path.name: o.data for o in render_monev(plan, 2, tmp_path / "out")}
    assert sorted(outputs) == ["monev-tw2-asli.docx", "monev-tw2-asli.pdf",
                               "monev-tw2-salinan.docx", "monev-tw2-salinan.pdf"]
    with pdfplumber.open(io.BytesIO(outputs["monev-tw2-salinan.pdf"])) as pdf:
        assert {(round(p.width / 72 * 25.4), round(p.height / 72 * 25.4))
                for p in pdf.pages} == {(210, 297)}
    section = Document(io.BytesIO(outputs["monev-tw2-asli.docx"])).sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    assert no_weasyprint_warnings == []


def test_same_inputs_same_bytes(tmp_path):
    plan = _copy_fixture(tmp_path)
    first = render_monev(plan, 1, tmp_path / "a", formats=("docx",), versions=("asli",))
    second = render_monev(plan, 1, tmp_path / "b", formats=("docx",), versions=("asli",))
    assert first[0].data == second[0].data


def test_only_the_formats_and_versions_asked_for(tmp_path):
    plan = _copy_fixture(tmp_path)
    outputs = render_monev(plan, 3, tmp_path / "out", formats=("docx",), versions=("salinan",))
    assert [o.path for o in outputs] == [tmp_path / "out" / "kutai-timur-2025" /
                                         "monev-tw3-salinan.docx"]


def test_invalid_realisation_file_is_a_plan_error(tmp_path):
    plan = _copy_fixture(tmp_path)
    (tmp_path / "kutai-timur-2025.monev.yaml").write_text(
        "tahun: 2025\nlangkah:\n  - id: I.1.1.1\n    triwulan:\n      1: {status: kelar}\n",
        encoding="utf-8")
    with pytest.raises(PlanError) as caught:
        render_monev(plan, 1, tmp_path / "out")
    assert [str(d) for d in caught.value.diagnostics] == [
        f"{tmp_path / 'kutai-timur-2025.monev.yaml'}:5:19: 'langkah[1].triwulan.1.status' "
        "harus salah satu dari: belum, berjalan, selesai, batal; tertulis teks 'kelar'"]
    assert not (tmp_path / "out").exists()


def test_missing_realisation_file_is_a_plan_error(tmp_path):
    plan = _copy_fixture(tmp_path)
    (tmp_path / "kutai-timur-2025.monev.yaml").unlink()
    with pytest.raises(PlanError) as caught:
        render_monev(plan, 1, tmp_path / "out")
    assert [str(d) for d in caught.value.diagnostics] == [
        f"{tmp_path / 'kutai-timur-2025.monev.yaml'}:1:1: berkas tidak ada"]


def test_invalid_plan_is_a_plan_error(tmp_path):
    plan = _copy_fixture(tmp_path)
    plan.write_text("satker: {}\n", encoding="utf-8")
    with pytest.raises(PlanError):
        render_monev(plan, 1, tmp_path / "out")


def test_plan_without_rencana_aksi_is_a_plan_error(tmp_path):
    plan = tmp_path / "kalimantan-barat-2025.yaml"
    shutil.copy(FIXTURES.parent.parent / "plans" / "kalimantan-barat-2025.yaml", plan)
    (tmp_path / "kalimantan-barat-2025.monev.yaml").write_text("tahun: 2025\nlangkah: []\n",
                                                               encoding="utf-8")
    with pytest.raises(PlanError) as caught:
        render_monev(plan, 1, tmp_path / "out")
    assert [str(d) for d in caught.value.diagnostics] == [
        f"{plan}:1:1: rencana ini tidak punya 'rencana_aksi': tidak ada langkah aksi untuk "
        "dipantau"]
