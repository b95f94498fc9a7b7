"""`zi new` writes a starting plan that builds and whose every placeholder `zi check` warns of;
each answer is checked as it is typed, and a stopped `zi new` writes nothing."""

from __future__ import annotations

import io
import re
from collections import Counter

import pytest
import yaml

from generator.cli import main
from generator.cli.new_plan import Jawaban, draft_plan, nama_berkas
from generator.output.build import render_checked
from generator.reference.official_areas import area_resmi
from generator.rules import check_file
from generator.rules.unfinished import level_word
from tests.conftest import ROOT
from tests.terminal import Terminal as Pty

FLAGS = ["--tingkat", "kabupaten", "--nama", "Contoh Jaya", "--tempat", "Kota Jaya",
         "--tahun", "2026", "--ketua", "Ani Lestari", "--sekretaris", "Budi Santoso"]
KOMPONEN = sum(len(area.komponen) for area in area_resmi())
"""Each official komponen gets one indikator and one step: three '(tulis …)' texts."""


class Terminal(io.StringIO):
    """Answers typed at a terminal."""

    def isatty(self) -> bool:
        return True


class CtrlC(Terminal):
    """A terminal where Ctrl+C is pressed once the typed answers run out."""

    def readline(self, size: int = -1) -> str:
        line = super().readline(size)
        if not line:
            raise KeyboardInterrupt
        return line


def test_new_with_flags_builds_all_four_files_and_check_warns_of_each_placeholder(tmp_path):
    target = tmp_path / "rencana.yaml"
    out, err = io.StringIO(), io.StringIO()
    assert main(["new", *FLAGS, "-o", str(target)], out, err, io.StringIO()) == 0, err.getvalue()
    assert f"ditulis: {target}" in out.getvalue()
    assert (tmp_path / "rencana.schema.json").exists()
    checked = check_file(target)
    assert Counter(w.kode for w in checked.warnings) == {"isian-kosong": 3 * KOMPONEN,
                                                         "subtim-kosong": 1}
    lines = target.read_text(encoding="utf-8").splitlines()
    assert [lines[w.position.line - 1].strip() for w in checked.warnings
            if w.kode == "isian-kosong"][:3] == [
        "- nama: (tulis indikator)", "- aksi: (tulis langkah aksi)",
        "bukti_fisik: (tulis bukti fisik)"]
    assert all("(tulis" in lines[w.position.line - 1] for w in checked.warnings
               if w.kode == "isian-kosong")
    plan = checked.plan
    assert [a.nama for a in plan.rencana_aksi.area] == [a.nama for a in area_resmi()]
    assert [[k.nama for k in a.komponen] for a in plan.rencana_aksi.area] == \
        [list(a.komponen) for a in area_resmi()]
    assert plan.keputusan.menimbang is None and plan.keputusan.diktum is None  # standard body
    outputs = render_checked(plan, "rencana", tmp_path / "out")
    assert sorted(o.path.name for o in outputs) == [
        "keputusan-asli.docx", "keputusan-asli.pdf", "keputusan-salinan.docx",
        "keputusan-salinan.jdih.json", "keputusan-salinan.pdf"]


def test_check_of_a_fresh_plan_warns_and_fails_only_when_strict(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert main(["new", *FLAGS], io.StringIO(), io.StringIO(), io.StringIO()) == 0
    name = "rencana-contoh-jaya-2026.yaml"
    out, err = io.StringIO(), io.StringIO()
    assert main(["check", name], out, err) == 0
    shown = err.getvalue().splitlines()
    assert shown[0] == (
        f"{name}:39:21: peringatan [isian-kosong]: 'rencana_aksi.area[1].komponen[1]."
        "indikator[1].nama' masih berisi '(tulis indikator)': ganti dengan indikator yang "
        "sebenarnya")
    assert shown[-2] == (
        f"{name}:253:13: peringatan [subtim-kosong]: 'tim.tim_kerja.subtim' masih kosong: tulis "
        "sub-tim tiap area dengan koordinator dan anggotanya ({nama: ..., anggota: [{orang: ..., "
        "kedudukan: ...}]}); kini Lampiran II hanya memuat pengarah dan ketua tim kerja")
    assert shown[-1] == (f"0 kesalahan dan {3 * KOMPONEN + 1} peringatan ditemukan: "
                         f"isian-kosong {3 * KOMPONEN}, subtim-kosong 1.")
    assert main(["check", "--strict", name], io.StringIO(), io.StringIO()) == 1


def test_build_says_the_decree_still_holds_placeholders_and_strict_refuses_it(tmp_path,
                                                                               monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert main(["new", *FLAGS], io.StringIO(), io.StringIO(), io.StringIO()) == 0
    name = "rencana-contoh-jaya-2026.yaml"
    only = ["--format", "docx", "--versi", "asli", "-j", "1"]
    out, err = io.StringIO(), io.StringIO()
    assert main(["build", name, *only], out, err) == 0
    shown = err.getvalue().splitlines()
    assert shown[-1] == (f"{name}: keputusan masih memuat {3 * KOMPONEN} isian '(tulis …)' "
                         f"yang belum diisi; `zi check {name}` menunjukkan letaknya")
    assert [line.split(": ")[1] for line in shown[:-1]] == ["peringatan [subtim-kosong]"]
    assert (tmp_path / "output/rencana-contoh-jaya-2026/keputusan-asli.docx").is_file()

    out, err = io.StringIO(), io.StringIO()
    assert main(["build", name, *only, "--strict", "-o", "ketat"], out, err) == 1
    assert err.getvalue().splitlines()[-1] == (
        f"{name}: tidak dibangun (--strict: {3 * KOMPONEN + 1} peringatan dianggap kesalahan).")
    assert out.getvalue() == ("Selesai: 0 dibangun, 0 dilewati, 1 gagal "
                              f"({name}: --strict: {3 * KOMPONEN + 1} peringatan dianggap "
                              "kesalahan).\n")
    assert not (tmp_path / "ketat").exists()


def test_build_strict_builds_a_plan_without_warnings(tmp_path):
    out, err = io.StringIO(), io.StringIO()
    plan = str(ROOT / "plans" / "kutai-timur-2025.yaml")
    assert main(["build", plan, "--strict", "--format", "docx", "--versi", "asli", "-j", "1",
                 "-o", str(tmp_path)], out, err) == 0, err.getvalue()
    assert out.getvalue().endswith("Selesai: 1 dibangun, 0 dilewati, 0 gagal.\n")


def test_build_strict_is_not_for_watching():
    err = io.StringIO()
    assert main(["build", "x.yaml", "--strict", "--pantau"], io.StringIO(), err) == 2
    assert err.getvalue() == ("zi build: --strict tidak dipakai bersama --pantau; saat menyusun, "
                              "peringatan tampil di setiap putaran\n")


ASKED = {
    "tingkat": "Tingkat KPU: provinsi, kabupaten, atau kota: ",
    "nama": "Nama wilayah, tanpa 'Kabupaten'/'Kota'/'Provinsi' (mis. Kutai Timur): ",
    "tempat": "Kota tempat keputusan ditetapkan (mis. Sangatta): ",
    "tahun": "Tahun rencana aksi (mis. 2026): ",
    "ketua": "Nama Ketua KPU: ",
    "sekretaris": "Nama Sekretaris KPU: ",
}
BAD_THEN_GOOD = [  # (question, answer typed, what zi says back; None when it is accepted)
    ("tingkat", "desa", "  Tingkat harus provinsi, kabupaten, atau kota, bukan 'desa'."),
    ("tingkat", "Kabupaten", None),
    ("nama", "Kabupaten Paser", "  Nama memuat 'Kabupaten': tulis nama wilayahnya saja (mis. "
     "'Paser'); zi menambahkan kata tingkatnya sendiri."),
    ("nama", "../Paser", "  Nama tidak boleh memuat '/' atau '..': tulis nama wilayahnya saja, "
     "mis. 'Kutai Timur'."),
    ("nama", "Paser", None),
    ("tempat", "", "  Tempat wajib diisi."),
    ("tempat", "Tana Paser", None),
    ("tahun", "20266", "  Tahun harus bilangan bulat antara 2000 dan 2100, bukan '20266'."),
    ("tahun", "2026", None),
    ("ketua", "   ", "  Ketua wajib diisi."),
    ("ketua", "Ani Lestari", None),
    ("sekretaris", "Budi Santoso", None),
]
PASER = Jawaban("kabupaten", "Paser", "Tana Paser", 2026, "Ani Lestari", "Budi Santoso")


def test_new_asks_each_question_again_until_its_answer_is_usable(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    typed = Terminal("".join(f"{answer}\n" for _, answer, _ in BAD_THEN_GOOD))
    out, err = io.StringIO(), io.StringIO()
    assert main(["new"], out, err, typed) == 0, err.getvalue()
    expected = ""
    for question, _, said in BAD_THEN_GOOD:
        expected += ASKED[question] + (f"{said}\n" if said else "")
    expected += ("ditulis: rencana-paser-2026.yaml\n"
                 "Lanjutkan: ganti setiap '(tulis …)' dan isi sub-tim, lalu `zi check "
                 "rencana-paser-2026.yaml` dan `zi build rencana-paser-2026.yaml`.\n")
    assert out.getvalue() == expected
    assert (tmp_path / "rencana-paser-2026.yaml").read_text(encoding="utf-8") == draft_plan(PASER)


@pytest.mark.parametrize(("typed", "tingkat"), [
    ("Kabupaten", "kabupaten"), ("KOTA", "kota"), ("kab.", "kabupaten"), ("Kab", "kabupaten"),
    (" Provinsi ", "provinsi"), ("prov.", "provinsi")])
def test_tingkat_in_any_case_and_abbreviated(tmp_path, typed, tingkat):
    target = tmp_path / "r.yaml"
    flags = [typed if f == "kabupaten" else f for f in FLAGS]
    assert main(["new", *flags, "-o", str(target)], io.StringIO(), io.StringIO(),
                io.StringIO()) == 0
    assert yaml.safe_load(target.read_text(encoding="utf-8"))["satker"]["tingkat"] == tingkat


def test_flags_are_checked_together_in_one_message(tmp_path):
    err = io.StringIO()
    flags = ["--tingkat", "Desa", "--nama", "Kota Bontang", "--tempat", "Bontang", "--tahun",
             "dua ribu", "--ketua", "", "-o", str(tmp_path / "x.yaml")]
    assert main(["new", *flags], io.StringIO(), err, io.StringIO()) == 2
    assert err.getvalue().splitlines() == [
        "zi new: --tingkat harus provinsi, kabupaten, atau kota, bukan 'Desa'",
        "zi new: --nama memuat 'Kota': tulis nama wilayahnya saja (mis. 'Bontang'); zi "
        "menambahkan kata tingkatnya sendiri",
        "zi new: --tahun harus bilangan bulat antara 2000 dan 2100, bukan 'dua ribu'",
        "zi new: --ketua wajib diisi",
        "zi new: isi --sekretaris (atau jalankan di terminal untuk ditanya satu per satu)",
    ]
    assert list(tmp_path.iterdir()) == []


def test_a_flag_with_control_characters_or_a_backslash_is_refused(tmp_path):
    err = io.StringIO()
    flags = [{"Ani Lestari": "Ani\x1b[31m", "Contoh Jaya": "Contoh\\Jaya"}.get(f, f)
             for f in FLAGS]
    assert main(["new", *flags, "-o", str(tmp_path / "x.yaml")], io.StringIO(), err,
                io.StringIO()) == 2
    assert err.getvalue().splitlines() == [
        "zi new: --nama tidak boleh memuat '\\': tulis nama wilayahnya saja, mis. 'Kutai Timur'",
        "zi new: --ketua tidak boleh memuat karakter kendali (mis. dari tombol panah)",
    ]


def test_new_without_terminal_names_the_missing_flags(tmp_path):
    err = io.StringIO()
    assert main(["new", "--nama", "X", "-o", str(tmp_path / "x.yaml")], io.StringIO(), err,
                io.StringIO()) == 2
    assert err.getvalue() == ("zi new: isi --tingkat, --tempat, --tahun, --ketua, --sekretaris "
                              "(atau jalankan di terminal untuk ditanya satu per satu)\n")
    assert not (tmp_path / "x.yaml").exists()


def test_ctrl_c_while_asking_ends_with_one_line_and_writes_nothing(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    out, err = io.StringIO(), io.StringIO()
    assert main(["new"], out, err, CtrlC("kota\nBontang\n")) == 130
    assert out.getvalue().endswith(ASKED["tempat"] + "\n")
    assert err.getvalue() == "zi new: dibatalkan (Ctrl+C); tidak ada berkas yang ditulis.\n"
    assert list(tmp_path.iterdir()) == []


def test_answers_that_run_out_end_with_one_line_and_write_nothing(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    err = io.StringIO()
    assert main(["new"], io.StringIO(), err, Terminal("kota\n")) == 1
    assert err.getvalue() == ("zi new: masukan berakhir sebelum semua pertanyaan dijawab; "
                              "tidak ada berkas yang ditulis.\n")
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(("nama", "berkas"), [
    ("Kutai Timur", "rencana-kutai-timur-2026.yaml"),
    ("Tojo Una-Una", "rencana-tojo-una-una-2026.yaml"),
    ("Pangkajene  dan Kepulauan", "rencana-pangkajene-dan-kepulauan-2026.yaml"),
    ("../../etc/passwd", "rencana-etc-passwd-2026.yaml"),
    ("C:\\Windows", "rencana-c-windows-2026.yaml"),
    ("Bolaang Mongondow (Bolmong)", "rencana-bolaang-mongondow-bolmong-2026.yaml"),
    ("Sumbawa Barat\u00e9", "rencana-sumbawa-barate-2026.yaml"),
    ("...", "rencana-2026.yaml"),
])
def test_default_file_name_is_a_plain_name_in_the_current_folder(nama, berkas):
    assert nama_berkas(Jawaban("kabupaten", nama, "X", 2026, "A", "B")) == berkas


def test_output_that_is_a_folder_is_refused_before_asking(tmp_path):
    err, out = io.StringIO(), io.StringIO()
    assert main(["new", "-o", str(tmp_path)], out, err, Terminal("kota\n")) == 1
    assert err.getvalue() == (f"zi new: {tmp_path} adalah folder; tulis nama berkasnya, mis. "
                              f"{tmp_path / 'rencana.yaml'}\n")
    assert out.getvalue() == ""


def test_output_that_cannot_be_written_is_a_message(tmp_path):
    (tmp_path / "berkas").write_text("", encoding="utf-8")
    err = io.StringIO()
    target = tmp_path / "berkas" / "r.yaml"
    assert main(["new", *FLAGS, "-o", str(target)], io.StringIO(), err, io.StringIO()) == 1
    assert err.getvalue() == (f"zi new: {target} tidak dapat ditulis: salah satu foldernya "
                              "adalah berkas\n")


def test_new_never_overwrites_without_asking(tmp_path):
    target = tmp_path / "rencana.yaml"
    target.write_text("milik pengguna\n", encoding="utf-8")
    err = io.StringIO()
    assert main(["new", *FLAGS, "-o", str(target)], io.StringIO(), err, io.StringIO()) == 1
    assert err.getvalue() == f"zi new: {target} sudah ada; pakai --timpa untuk menimpanya\n"
    assert target.read_text(encoding="utf-8") == "milik pengguna\n"
    assert main(["new", *FLAGS, "-o", str(target), "--timpa"], io.StringIO(), io.StringIO(),
                io.StringIO()) == 0


def test_new_quotes_names_with_yaml_characters(tmp_path):
    target = tmp_path / "r.yaml"
    flags = [f if f != "Ani Lestari" else "Dr. Ani: \"Lestari\" #1" for f in FLAGS]
    assert main(["new", *flags, "-o", str(target)], io.StringIO(), io.StringIO(),
                io.StringIO()) == 0
    assert check_file(target).plan.orang["ketua"].nama == 'Dr. Ani: "Lestari" #1'


@pytest.mark.parametrize(("nama", "kata"), [
    ("Kabupaten Paser", "Kabupaten"), ("kab. Paser", "kab."), ("Kab Paser", "Kab"),
    ("KOTA Bontang", "KOTA"), ("Provinsi Kalimantan Timur", "Provinsi"),
    ("Paser Kabupaten", "Kabupaten"), ("Kotabaru", None), ("Kotawaringin Timur", None),
    ("Kabupatenan", None), ("Paser", None)])
def test_level_word_is_found_as_a_whole_word_in_any_case(nama, kata):
    assert level_word(nama) == kata


# A real terminal: `python -m generator new` in a pseudo-terminal, answered key by key.

@pytest.fixture
def terminal(tmp_path):
    started: list[Pty] = []

    def start() -> Pty:
        started.append(Pty(tmp_path, ["new"]))
        return started[-1]

    yield start
    for term in started:
        term.stop()


def test_zi_new_in_a_real_terminal_answered_badly_then_well(tmp_path, terminal, monkeypatch):
    term = terminal()
    for question, answer, said in BAD_THEN_GOOD:
        term.until(ASKED[question])
        term.type(f"{answer}\r".encode())
        if said:
            assert term.until(said + "\n") == f"{answer}\n{said}\n"  # echo, then the reason
    rest = term.end()
    assert term.code == 0, rest
    assert "ditulis: rencana-paser-2026.yaml\n" in rest
    written = tmp_path / "rencana-paser-2026.yaml"
    assert written.read_text(encoding="utf-8") == draft_plan(PASER)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["rencana-paser-2026.yaml",
                                                          "rencana.schema.json"]
    monkeypatch.chdir(tmp_path)
    err = io.StringIO()
    assert main(["check", written.name], io.StringIO(), err) == 0
    shown = err.getvalue().splitlines()
    assert shown[:3] == [
        "rencana-paser-2026.yaml:39:21: peringatan [isian-kosong]: 'rencana_aksi.area[1]."
        "komponen[1].indikator[1].nama' masih berisi '(tulis indikator)': ganti dengan "
        "indikator yang sebenarnya",
        "rencana-paser-2026.yaml:41:25: peringatan [isian-kosong]: 'rencana_aksi.area[1]."
        "komponen[1].indikator[1].langkah[1].aksi' masih berisi '(tulis langkah aksi)': ganti "
        "dengan langkah aksi yang sebenarnya",
        "rencana-paser-2026.yaml:42:32: peringatan [isian-kosong]: 'rencana_aksi.area[1]."
        "komponen[1].indikator[1].langkah[1].bukti_fisik' masih berisi '(tulis bukti fisik)': "
        "ganti dengan bukti fisik yang sebenarnya",
    ]
    assert shown[-1] == (f"0 kesalahan dan {3 * KOMPONEN + 1} peringatan ditemukan: "
                         f"isian-kosong {3 * KOMPONEN}, subtim-kosong 1.")
    assert main(["check", "--strict", written.name], io.StringIO(), io.StringIO()) == 1


def test_ctrl_c_in_a_real_terminal_ends_with_one_line_and_no_file(tmp_path, terminal):
    term = terminal()
    term.until(ASKED["tingkat"])
    term.type(b"kota\r")
    term.until(ASKED["nama"])
    term.type(b"\x03")
    rest = term.end()
    assert "Traceback" not in term.shown
    assert re.fullmatch(r"(\^C)?\nzi new: dibatalkan \(Ctrl\+C\); tidak ada berkas yang "
                        r"ditulis\.\n", rest), rest
    assert term.code == 130
    assert list(tmp_path.iterdir()) == []


def test_ctrl_d_in_a_real_terminal_ends_with_one_line_and_no_file(tmp_path, terminal):
    term = terminal()
    term.until(ASKED["tingkat"])
    term.type(b"\x04")
    rest = term.end()
    assert "Traceback" not in term.shown
    assert rest.endswith("\nzi new: masukan berakhir sebelum semua pertanyaan dijawab; tidak "
                         "ada berkas yang ditulis.\n"), rest
    assert term.code == 1
    assert list(tmp_path.iterdir()) == []


def test_ctrl_c_anywhere_else_ends_quietly_through_the_entry_point(monkeypatch, capsys):
    from generator import cli

    def interrupted() -> int:
        raise KeyboardInterrupt

    def exit_now(code: int) -> None:
        raise SystemExit(code)

    monkeypatch.setattr(cli, "main", interrupted)
    monkeypatch.setattr(cli.os, "_exit", exit_now)
    with pytest.raises(SystemExit) as ended:
        cli.main_entry()
    assert ended.value.code == 130
    assert capsys.readouterr().err == "\nzi: dibatalkan (Ctrl+C).\n"
