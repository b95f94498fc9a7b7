"""`zi rollover`: next year's plan changes only what is tied to the year, and checks clean.

fixtures/rollover/<plan>.yaml beside .expected: what `zi rollover` prints for it. Set
ZI_PERBARUI_FIXTURE=1 to rewrite the expected files, then read the diff.
"""

from __future__ import annotations

import difflib
import io
import os
import re
import shutil

import pytest

from generator.cli import main
from generator.rollover import menyebut_nomor, rollover
from generator.validate import check_file
from tests.conftest import FIXTURES, PLANS

EXAMPLES = sorted(PLANS.glob("*.yaml"))


def comments(text: str) -> list[str]:
    return [line for line in text.splitlines() if line.lstrip().startswith("#")]


@pytest.mark.parametrize("plan", EXAMPLES, ids=lambda p: p.stem)
def test_rollover_of_each_example_checks_and_changes_only_years(plan, tmp_path):
    old_text = plan.read_text(encoding="utf-8")
    year = check_file(plan).plan.tahun
    target = tmp_path / "baru.yaml"
    out = io.StringIO()
    assert main(["rollover", str(plan), "--tahun", str(year + 1), "-o", str(target)], out,
                io.StringIO()) == 0
    new_text = target.read_text(encoding="utf-8")
    checked = check_file(target)  # raises on any error
    assert checked.plan.tahun == year + 1
    assert checked.plan.keputusan.nomor is None and checked.plan.keputusan.tanggal is None
    # only replaced regulations may need the office's attention in the new year
    assert {w.kode for w in checked.warnings} <= {"mengingat-dicabut"}
    assert comments(new_text) == comments(old_text)
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(
            None, old_text.splitlines(), new_text.splitlines()).get_opcodes():
        old_lines = old_text.splitlines()[i1:i2]
        new_lines = new_text.splitlines()[j1:j2]
        if tag == "delete":
            assert all(re.match(r"\s+(nomor|tanggal):", line) for line in old_lines), old_lines
        elif tag == "replace":
            kept = [line for line in old_lines if not re.match(r"\s+(nomor|tanggal):", line)]
            assert len(kept) == len(new_lines)
            for before, after in zip(kept, new_lines, strict=True):
                assert re.sub(r"\d{4}", "Y", before) == re.sub(r"\d{4}", "Y", after)
        else:
            assert tag == "equal"
    assert "\nPerlu keputusan Anda (" in out.getvalue()


def test_which_years_move(tmp_path):
    plan = tmp_path / "rencana-2025.yaml"
    text = (FIXTURES / "minimal.yaml").read_text(encoding="utf-8").replace("2026", "2025")
    text = text.replace("target_waktu: Januari 2025", "target_waktu: Januari 2025 # ada di 2025")
    text = text.replace(
        "                  target_capaian: 1 (satu) Dokumen",
        "                  target_capaian: LAKIP 2024 disusun seperti pada Pemilu 2019")
    plan.write_text(text, encoding="utf-8")
    result = rollover(plan, 2026)
    assert "target_waktu: Januari 2026 # ada di 2025" in result.teks  # the comment stays
    assert "LAKIP 2025 disusun seperti pada Pemilu 2019" in result.teks
    assert "- uu-7-2017" in result.teks  # a catalog key is not a year
    assert any("tahun 2019 dibiarkan" in item.pesan for item in result.tinjau)
    assert any(item.pesan.startswith("orang: pastikan") for item in result.tinjau)


def test_rollover_lists_amended_and_replaced_regulations():
    result = rollover(PLANS / "tambrauw-2023.yaml", 2024)
    assert any(item.pesan.startswith("uu-5-2014: dicabut dengan Undang-Undang Nomor 20 Tahun "
                                     "2023") for item in result.tinjau)
    assert any(item.pesan.startswith("uu-7-2017: kini juga diubah dengan Undang-Undang Nomor 7 "
                                     "Tahun 2023") for item in result.tinjau)


def test_rollover_never_overwrites(tmp_path):
    plan = tmp_path / "r-2026.yaml"
    plan.write_text((FIXTURES / "minimal.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "r-2027.yaml").write_text("milik pengguna\n", encoding="utf-8")
    err = io.StringIO()
    assert main(["rollover", str(plan), "--tahun", "2027"], io.StringIO(), err) == 1
    assert "sudah ada" in err.getvalue()
    assert (tmp_path / "r-2027.yaml").read_text(encoding="utf-8") == "milik pengguna\n"


@pytest.mark.parametrize("tahun", ["2026", "2025", "2101"])
def test_rollover_goes_to_a_later_year_only(tahun, tmp_path):
    plan = tmp_path / "r-2026.yaml"
    plan.write_text((FIXTURES / "minimal.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    err = io.StringIO()
    assert main(["rollover", str(plan), "--tahun", tahun], io.StringIO(), err) == 2
    assert err.getvalue() == ("zi rollover: --tahun harus tahun sesudah rencana ini (2026), "
                              f"paling lambat 2100, bukan {tahun}\n")
    assert [p.name for p in tmp_path.iterdir()] == ["r-2026.yaml"]


@pytest.mark.parametrize("plan", sorted((FIXTURES / "rollover").glob("*.yaml")),
                         ids=lambda p: p.stem)
def test_review_list_puts_decisions_first_and_routine_changes_on_one_line(plan, tmp_path,
                                                                          monkeypatch):
    shutil.copy(plan, tmp_path / plan.name)
    monkeypatch.chdir(tmp_path)
    out = io.StringIO()
    assert main(["rollover", plan.name, "--tahun", "2026"], out, io.StringIO()) == 0
    expected = plan.with_suffix(".expected")
    if os.environ.get("ZI_PERBARUI_FIXTURE"):
        expected.write_text(out.getvalue(), encoding="utf-8")
    assert out.getvalue() == expected.read_text(encoding="utf-8")


@pytest.mark.parametrize(("comment", "nomor", "named"), [
    ("# Keputusan KPU Kota Contoh Nomor 400 Tahun 2025", "400", True),
    ("# diregistrasi sebagai 400/2025", "400", True),
    ("# nomor: 400", "400", True),
    ("# 400 keputusan, tahun 2025", "400", True),
    ("# 400 lembar dicetak", "400", False),
    ("# Nomor 4000 Tahun 2025", "400", False),
    ("# Nomor 400 Tahun 2024", "400", True),
    ("# 400 Tahun 2024", "400", False),
    ("# 400/PP.01/2024", "400", False),
    ("# 1400/2025", "400", False),
    ("# asli: 123/PP.01-Kpt/05/2025", "123/PP.01-Kpt/05/2025", True),
    ("# asli: 123/PP.01-Kpt/05/2024", "123/PP.01-Kpt/05/2025", False),
])
def test_which_comments_name_the_old_decree(comment, nomor, named):
    assert menyebut_nomor(comment, nomor, 2025) is named


def test_comments_are_not_reviewed_when_the_old_plan_had_no_nomor(tmp_path):
    plan = tmp_path / "rencana-2026.yaml"
    text = (FIXTURES / "minimal.yaml").read_text(encoding="utf-8")
    plan.write_text("# Nomor 400 Tahun 2026, 400/2026\n" + text, encoding="utf-8")
    result = rollover(plan, 2027)
    assert [item for item in result.tinjau if "komentar" in item.pesan] == []
