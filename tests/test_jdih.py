"""Ready for JDIH: files named by the decree, and the metadata record beside the salinan PDF."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from generator.cli import main
from generator.output.batch import STAMP, build_many, up_to_date
from generator.output.build import JDIH, render_checked, targets
from generator.output.jdih import dasar_nama, slug_nomor
from generator.rules import check_file
from tests.conftest import EXAMPLE, FIXTURES

MINIMAL = FIXTURES / "minimal.yaml"
DECREE = ["asli.docx", "asli.pdf", "salinan.docx", "salinan.pdf", "salinan.jdih.json"]


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), out, err)
    return code, out.getvalue(), err.getvalue()


def written(folder: Path) -> list[str]:
    """The files of a plan's output folder, in the order the build wrote them (its stamp)."""
    return json.loads((folder / STAMP).read_text(encoding="utf-8"))["berkas"]


def record(plan: Path, nama: str = "biasa") -> tuple[str, bytes]:
    """The JDIH record of a plan, rendered alone (no PDF is laid out)."""
    checked = check_file(plan)
    wanted = [t for t in targets(checked.plan, nama=nama) if t.fmt == JDIH]
    [output] = render_checked(checked.plan, plan.stem, Path("out"), only=wanted, nama=nama)
    return output.path.name, output.data


def test_the_kutai_timur_record_is_exactly_this():
    name, data = record(EXAMPLE, "nomor")
    assert name == "keputusan-400-2025-salinan.jdih.json"
    assert data == (FIXTURES / "jdih" / "kutai-timur-2025.jdih.json").read_bytes()
    fields = json.loads(data)
    assert fields["fileDownload"] == "keputusan-400-2025-salinan.pdf"
    assert fields["tanggal_penetapan"] == "2025-09-09"
    assert fields["tanggal_pengundangan"] is None  # a keputusan is not promulgated
    # nothing the plan does not say is filled in
    assert [k for k, v in fields.items() if v in ("", None)] == [
        "idData", "tanggal_pengundangan", "noPanggil", "singkatanJenis", "deskripsiFisik",
        "sumber", "subjek", "isbn", "bidangHukum", "teuBadan", "nomorIndukBuku", "urlDownload",
        "abstrak", "urlabstrak", "urlDetailPeraturan", "pemrakarsa", "lokasi"]


def test_with_usual_names_the_record_names_the_usual_pdf():
    name, data = record(EXAMPLE)
    assert name == "keputusan-salinan.jdih.json"
    assert json.loads(data)["fileDownload"] == "keputusan-salinan.pdf"


@pytest.mark.parametrize(("nomor", "tahun", "slug"), [
    ("400", 2025, "400"),
    ("400/HK.03.1-Kpt/6408/2025", 2025, "400-hk-03-1-kpt-6408"),
    ("400/HK.03.1-Kpt/6408/2024", 2025, "400-hk-03-1-kpt-6408-2024"),
    ("12 A/Kpts/KPU-Kab/2025", 2025, "12-a-kpts-kpu-kab"),
    ("../../etc/passwd", 2025, "etc-passwd"),
    ("Nº 7 — Revisi", 2025, "no-7-revisi"),
    ("/ . -", 2025, ""),
    ("2025", 2025, "2025"),
    ("1/" + "x" * 200, 2025, "1-" + "x" * 58),
])
def test_a_nomor_becomes_a_safe_part_of_a_file_name(nomor, tahun, slug):
    assert slug_nomor(nomor, tahun) == slug


def test_a_nomor_with_slashes_names_every_decree_file(tmp_path):
    plan = tmp_path / "rencana.yaml"
    plan.write_text(MINIMAL.read_text(encoding="utf-8").replace(
        "  tahun: 2026\n", "  nomor: 400/HK.03.1-Kpt/6408/2026\n  tahun: 2026\n", 1),
        encoding="utf-8")
    code, out, err = run("build", str(plan), "-o", str(tmp_path / "out"), "--nama-berkas",
                         "nomor")
    assert code == 0, err
    stem = "keputusan-400-hk-03-1-kpt-6408-2026"
    assert written(tmp_path / "out" / "rencana") == [f"{stem}-{d}" for d in DECREE]
    assert sorted(p.name for p in (tmp_path / "out" / "rencana").iterdir()) == sorted(
        [STAMP, *(f"{stem}-{d}" for d in DECREE)])
    fields = json.loads((tmp_path / "out" / "rencana" / f"{stem}-salinan.jdih.json").read_text(
        encoding="utf-8"))
    assert fields["noPeraturan"] == "400/HK.03.1-Kpt/6408/2026"
    assert fields["fileDownload"] == f"{stem}-salinan.pdf"
    assert "belum diisi" not in err


def test_without_a_nomor_the_usual_names_are_kept_and_said_once(tmp_path):
    code, out, err = run("build", str(MINIMAL), "-o", str(tmp_path), "-j", "2",
                         "--nama-berkas", "nomor")
    assert code == 0, err
    assert written(tmp_path / "minimal") == [f"keputusan-{d}" for d in DECREE]
    assert err.count("belum diisi") == 1
    assert f"{MINIMAL}: keputusan.nomor belum diisi: berkas keputusan diberi nama biasa " \
        "(keputusan-asli.pdf, keputusan-salinan.pdf, ...), bukan menurut nomornya" in err
    fields = json.loads((tmp_path / "minimal" / "keputusan-salinan.jdih.json").read_text(
        encoding="utf-8"))
    assert (fields["noPeraturan"], fields["tanggal_penetapan"]) == ("", None)
    assert fields["judul"] == (
        "Keputusan Komisi Pemilihan Umum Kota Contoh Tahun 2026 tentang Rencana Aksi "
        "Pembangunan Zona Integritas di Lingkungan KPU Kota Contoh Tahun 2026")
    assert fields["penerbit"] == "KPU Kota Contoh"
    assert fields["tempatTerbit"] == "Contoh"
    assert fields["penandatangan"] == "Nama Ketua"


def test_the_second_run_is_skipped_and_a_change_of_names_builds_again(tmp_path):
    out = tmp_path / "out"
    formats, versions = ("pdf",), ("salinan",)
    first = build_many([EXAMPLE], out, formats, versions, jobs=1, nama="nomor")
    assert [r.status for r in first] == ["dibangun"]
    assert written(out / EXAMPLE.stem) == ["keputusan-400-2025-salinan.pdf",
                                           "keputusan-400-2025-salinan.jdih.json"]
    record_bytes = (out / EXAMPLE.stem / "keputusan-400-2025-salinan.jdih.json").read_bytes()
    assert up_to_date(EXAMPLE, out, formats, versions, nama="nomor")
    assert not up_to_date(EXAMPLE, out, formats, versions)  # usual names: not built yet
    second = build_many([EXAMPLE], out, formats, versions, jobs=1, nama="nomor")
    assert [r.status for r in second] == ["dilewati"]
    (out / EXAMPLE.stem / "keputusan-400-2025-salinan.jdih.json").unlink()
    third = build_many([EXAMPLE], out, formats, versions, jobs=1, nama="nomor")
    assert [r.status for r in third] == ["dibangun"]
    assert (out / EXAMPLE.stem / "keputusan-400-2025-salinan.jdih.json").read_bytes() == \
        record_bytes  # same input, same bytes
    usual = build_many([EXAMPLE], out, formats, versions, jobs=1)
    assert [r.status for r in usual] == ["dibangun"]
    assert written(out / EXAMPLE.stem) == ["keputusan-salinan.pdf",
                                           "keputusan-salinan.jdih.json"]


@pytest.mark.parametrize(("options", "files"), [
    (["--format", "docx"], ["keputusan-asli.docx", "keputusan-salinan.docx"]),
    (["--versi", "asli", "--format", "pdf"], ["keputusan-asli.pdf"]),
])
def test_no_record_without_the_salinan_pdf_it_describes(tmp_path, options, files):
    code, _, err = run("build", str(MINIMAL), "-o", str(tmp_path), *options)
    assert code == 0, err
    assert written(tmp_path / "minimal") == files


def test_a_plan_without_a_decree_has_no_record(tmp_path):
    checked = check_file(FIXTURES / "layouts" / "mandiri.yaml")
    assert checked.plan.keputusan is None
    assert [t.name for t in targets(checked.plan, nama="nomor")] == [
        "rencana-aksi.docx", "rencana-aksi.pdf"]
    assert dasar_nama(checked.plan, "nomor").catatan == ""


def test_markup_in_the_title_is_left_out_and_text_stays_utf8(tmp_path):
    plan = tmp_path / "rencana.yaml"
    plan.write_text(MINIMAL.read_text(encoding="utf-8").replace(
        "tentang: Rencana Aksi", "tentang: Penerapan *Whistle Blowing System* dan Rencana Aksi",
        1).replace("tempat: Contoh", "tempat: Tanjung Selor — Bulungan", 1), encoding="utf-8")
    _, data = record(plan)
    fields = json.loads(data.decode("utf-8"))
    assert fields["judul"].startswith("Keputusan Komisi Pemilihan Umum Kota Contoh Tahun 2026 "
                                      "tentang Penerapan Whistle Blowing System dan Rencana Aksi")
    assert "Tanjung Selor — Bulungan".encode() in data  # not \u2014
