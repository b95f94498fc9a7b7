"""`# zi: abaikan <kode>`: a plan that is right silences a rule on one line (or one block), and
`zi check` says how many warnings it silenced. Also the office code a decree number carries is
not read as the year of a legal basis."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from generator.cli import main
from generator.reference.catalog import baca_rujukan
from generator.rules import check_file
from generator.rules.suppression import baca_abaikan
from tests.conftest import FIXTURES

RULES = FIXTURES / "rules"
KETUA_LAMA = "  ketua_lama: {nama: Muhammad Nasir, peran: ketua}"
BLOK_USANG = ("    - >-\n"
              "      Peraturan Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi\n")


def _copy(tmp_path: Path, fixture: str, old: str, new: str) -> Path:
    text = (RULES / fixture).read_text(encoding="utf-8")
    assert old in text
    plan = tmp_path / fixture
    plan.write_text(text.replace(old, new), encoding="utf-8")
    return plan


KECIL = {"komponen-hilang"}
"""Completeness warnings the small rule fixtures get for being small; not what is tested here."""


def _codes(plan: Path) -> list[str]:
    return [d.kode for d in check_file(plan, shown_as=plan.name).warnings if d.kode not in KECIL]


def _check(plan: Path) -> tuple[int, list[str], list[str]]:
    out, err = io.StringIO(), io.StringIO()
    code = main(["check", plan.name], out, err)
    return code, out.getvalue().splitlines(), err.getvalue().splitlines()


def test_comment_silences_its_code_on_its_line_and_the_summary_counts_it(tmp_path, monkeypatch):
    plan = _copy(tmp_path, "ketua-ganda.yaml", KETUA_LAMA,
                 KETUA_LAMA + "  # zi: abaikan ketua-ganda")
    monkeypatch.chdir(tmp_path)
    checked = check_file(plan, shown_as=plan.name)
    assert _codes(plan) == []
    assert [d.kode for d in checked.ditekan] == ["ketua-ganda"]
    code, _, err = _check(plan)
    assert code == 0
    assert not [line for line in err if "[ketua-ganda]" in line]
    assert err[-1].endswith(" (1 peringatan diabaikan dengan '# zi: abaikan').")


def test_a_comment_after_a_block_header_covers_the_block(tmp_path, monkeypatch):
    plan = _copy(tmp_path, "mengingat-usang.yaml", BLOK_USANG,
                 BLOK_USANG.replace(">-\n", ">-  # zi: abaikan mengingat-usang\n"))
    monkeypatch.chdir(tmp_path)
    code, _, err = _check(plan)
    assert code == 0
    assert [line for line in err if "[mengingat-usang]" in line] == [
        "mengingat-usang.yaml:19:79: peringatan [mengingat-usang]: 'Peraturan Menteri PANRB "
        "Nomor 10 Tahun 2019' sudah tidak berlaku; tersalin dari keputusan lama? Maksud Anda "
        "'Peraturan Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi Nomor 90 Tahun "
        "2021 tentang Pembangunan dan Evaluasi Zona Integritas Menuju Wilayah Bebas dari Korupsi "
        "dan Wilayah Birokrasi Bersih dan Melayani di Instansi Pemerintah'? Tulis kuncinya "
        "'permenpanrb-90-2021'"]
    assert "mengingat-usang 1" in err[-1]
    assert err[-1].endswith(" (1 peringatan diabaikan dengan '# zi: abaikan').")


@pytest.mark.parametrize("comment", ["  # zi: abaikan orang-mirip", "  # zi: abaikan",
                                     "  # abaikan ketua-ganda"])
def test_a_comment_naming_another_code_or_none_silences_nothing(tmp_path, comment):
    plan = _copy(tmp_path, "ketua-ganda.yaml", KETUA_LAMA, KETUA_LAMA + comment)
    assert _codes(plan) == ["ketua-ganda"]
    assert check_file(plan, shown_as=plan.name).ditekan == ()


def test_a_zi_comment_after_unquoted_prose_is_no_cut_text(tmp_path):
    line = "    - bahwa untuk membangun Zona Integritas perlu menetapkan rencana aksi;"
    plan = _copy(tmp_path, "ketua-ganda.yaml", line, line + " # zi: abaikan tahun-lain")
    assert _codes(plan) == ["ketua-ganda"]


def test_codes_may_be_listed_and_cover_only_their_lines():
    found = baca_abaikan(["a: b  # zi: abaikan satker-lain, tahun-lain", "c: d",
                          "e: >-  # zi: abaikan mengingat-usang", "  teks", "", "  lagi",
                          "f: g"])
    assert found.per_baris == {1: {"satker-lain", "tahun-lain"}, 3: {"mengingat-usang"},
                               4: {"mengingat-usang"}, 5: {"mengingat-usang"},
                               6: {"mengingat-usang"}}


def test_a_decree_number_with_the_office_code_is_read_with_its_own_year():
    text = ("Keputusan Komisi Pemilihan Umum Kabupaten Sleman Nomor 12/HK.03.1-Kpt/3404/2025 "
            "tentang Penetapan Tim")
    found = baca_rujukan(text)
    assert found is not None
    assert (found.nomor, found.tahun) == ("12/HK.03.1-Kpt/3404/2025", 2025)


def test_a_plan_whose_only_warning_is_silenced_is_good_and_says_so(tmp_path, monkeypatch):
    """The corpus case of a plan that is right: last year's evaluation, followed up."""
    plan = tmp_path / "abaikan-tahun-evaluasi.yaml"
    plan.write_text((FIXTURES / "salah-salin" / plan.name).read_text(encoding="utf-8"),
                    encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    code, out, err = _check(plan)
    assert (code, err) == (0, [])
    assert out[-1] == ("abaikan-tahun-evaluasi.yaml: baik, tidak ada kesalahan (1 peringatan "
                       "diabaikan dengan '# zi: abaikan').")
