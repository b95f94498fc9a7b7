"""`zi new` writes a starting plan that passes `zi check` without a warning and builds."""

from __future__ import annotations

import io

import yaml

from generator.build import render_checked
from generator.cli import main
from generator.new_plan import area_resmi
from generator.validate import check_file

FLAGS = ["--tingkat", "kabupaten", "--nama", "Contoh Jaya", "--tempat", "Kota Jaya",
         "--tahun", "2026", "--ketua", "Ani Lestari", "--sekretaris", "Budi Santoso"]


class Terminal(io.StringIO):
    """Answers typed at a terminal."""

    def isatty(self) -> bool:
        return True


def test_new_with_flags_passes_check_and_builds_all_four_files(tmp_path):
    target = tmp_path / "rencana.yaml"
    out, err = io.StringIO(), io.StringIO()
    assert main(["new", *FLAGS, "-o", str(target)], out, err, io.StringIO()) == 0, err.getvalue()
    assert f"ditulis: {target}" in out.getvalue()
    assert (tmp_path / "rencana.schema.json").exists()
    checked = check_file(target)
    assert checked.warnings == []
    plan = checked.plan
    assert [a.nama for a in plan.rencana_aksi.area] == [a.nama for a in area_resmi()]
    assert [[k.nama for k in a.komponen] for a in plan.rencana_aksi.area] == \
        [list(a.komponen) for a in area_resmi()]
    assert plan.keputusan.menimbang is None and plan.keputusan.diktum is None  # standard body
    outputs = render_checked(plan, "rencana", tmp_path / "out")
    assert sorted(o.path.name for o in outputs) == [
        "keputusan-asli.docx", "keputusan-asli.pdf", "keputusan-salinan.docx",
        "keputusan-salinan.pdf"]


def test_new_asks_on_a_terminal(tmp_path):
    answers = Terminal("kota\n\nTebing Tinggi\nTebing Tinggi\n2026\nAni\nBudi\n")
    out = io.StringIO()
    target = tmp_path / "baru.yaml"
    assert main(["new", "-o", str(target)], out, io.StringIO(), answers) == 0
    assert "'nama' wajib diisi." in out.getvalue()  # an empty answer is asked again
    data = yaml.safe_load(target.read_text(encoding="utf-8"))
    assert data["satker"] == {"tingkat": "kota", "nama": "Tebing Tinggi", "tempat": "Tebing Tinggi"}
    assert data["orang"]["ketua"] == {"nama": "Ani", "peran": "ketua"}


def test_new_without_terminal_names_the_missing_flags(tmp_path):
    err = io.StringIO()
    assert main(["new", "--nama", "X", "-o", str(tmp_path / "x.yaml")], io.StringIO(), err,
                io.StringIO()) == 2
    assert "isi --tingkat, --tempat, --tahun, --ketua, --sekretaris" in err.getvalue()
    assert not (tmp_path / "x.yaml").exists()


def test_new_never_overwrites_without_asking(tmp_path):
    target = tmp_path / "rencana.yaml"
    target.write_text("milik pengguna\n", encoding="utf-8")
    err = io.StringIO()
    assert main(["new", *FLAGS, "-o", str(target)], io.StringIO(), err, io.StringIO()) == 1
    assert target.read_text(encoding="utf-8") == "milik pengguna\n"
    assert main(["new", *FLAGS, "-o", str(target), "--timpa"], io.StringIO(), io.StringIO(),
                io.StringIO()) == 0


def test_new_quotes_names_with_yaml_characters(tmp_path):
    target = tmp_path / "r.yaml"
    flags = [f if f != "Ani Lestari" else "Dr. Ani: \"Lestari\" #1" for f in FLAGS]
    assert main(["new", *flags, "-o", str(target)], io.StringIO(), io.StringIO(),
                io.StringIO()) == 0
    assert check_file(target).plan.orang["ketua"].nama == 'Dr. Ani: "Lestari" #1'
