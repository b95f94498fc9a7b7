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
import tempfile
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.cli import main
from generator.cli.rollover import menyebut_nomor, rollover
from generator.rules import check_file
from tests.conftest import EXAMPLE_PLANS, FIXTURES, PLANS, ROOT

EXAMPLES = EXAMPLE_PLANS


def comments(text: str) -> list[str]:
    return [line for line in text.splitlines() if line.lstrip().startswith("#")]


PAST_FACT = re.compile(r"\b\d{1,2}\s+(?:Januari|Februari|Maret|April|Mei|Juni|Juli|Agustus|"
                       r"September|Oktober|November|Desember)\s+\d{4}\b|\S+/\d{4}\b|"
                       r"\bNomor\s+\S+\s+Tahun\s+\d{4}\b", re.IGNORECASE)
"""Full dates and document numbers with a year, found without the rollover's own rules."""


def past_facts(text: str) -> Counter:
    """Each full date and numbered document in the text outside schedules, cleared fields and
    comments, with how often it occurs."""
    kept = [line for line in text.splitlines()
            if not re.match(r"(?:(?:nomor|tanggal|target_waktu):|#)", line.lstrip(" -"))]
    return Counter(PAST_FACT.findall(" ".join(" ".join(kept).split())))


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
    assert past_facts(new_text) == past_facts(old_text)
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
    # every cited document or past date is listed, and unchanged on the line the list names
    new_lines = new_text.splitlines()
    for item in rollover(plan, year + 1).tinjau:
        if item.pesan.startswith("rujukan"):
            words = item.pesan.split("periksa: '", 1)[1].rstrip("'").strip("…")
            assert words in " ".join(new_lines[item.baris - 1].split()), item
            assert words in " ".join(old_text.split())


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


LAMPAU = FIXTURES / "rollover" / "dokumen-lampau-2025.yaml"


@pytest.mark.parametrize("cited", [
    "Berita Acara Pleno Nomor 73/PK.01-BA/1502/2025 tanggal 25 Agustus 2025",
    "Nomor 12 Tahun 2025 tentang Tim Kerja Zona",
    "Integritas Tahun 2025 perlu ditindaklanjuti",  # the title of the decree cited above
    "Surat Sekretaris Jenderal KPU Nomor 1050/SDM.12-SD/04/2025 tanggal 3 Maret 2025",
    "ditetapkan pada tanggal 6 Januari 2025.",
    "Surat Edaran Sekretaris Jenderal tahun 2025",
    "Surat Sekretaris Nomor 400/PP.01-SD/04/2025",
    "Notulen rapat 2025",
    "Berita Acara tanggal 14 Februari 2025 dan daftar hadir 14/02/2025",
])
def test_a_cited_document_or_date_stays_and_is_listed_first(cited):
    old_lines = LAMPAU.read_text(encoding="utf-8").splitlines()
    result = rollover(LAMPAU, 2026)
    new_lines = result.teks.splitlines()
    line = next(n for n, text in enumerate(old_lines, 1) if cited in text)
    assert new_lines[line - 1] == old_lines[line - 1]  # byte-identical (no line removed here)
    listed = [i for i, item in enumerate(result.tinjau) if item.baris == line]
    assert past_facts(result.teks) == past_facts(LAMPAU.read_text(encoding="utf-8"))
    assert listed and all(result.tinjau[i].pesan.startswith("rujukan ke dokumen atau tanggal "
                                                            "lampau, tidak diubah; periksa: '")
                          for i in listed)
    people = next(i for i, item in enumerate(result.tinjau) if item.pesan.startswith("orang"))
    assert max(listed) < people  # at the top of the list


@pytest.mark.parametrize(("before", "after"), [
    ("aksi: Menyusun LAKIP 2024 dan laporan tahunan 2024",
     "aksi: Menyusun LAKIP 2025 dan laporan tahunan 2025"),
    ("bukti_fisik: SKP Eselon III dan IV tahun 2024, SKP tahun 2024",
     "bukti_fisik: SKP Eselon III dan IV tahun 2025, SKP tahun 2025"),
    ("target_capaian: LAKIP 2024 diunggah", "target_capaian: LAKIP 2025 diunggah"),
    ("Zona Integritas tahun 2025;", "Zona Integritas tahun 2026;"),
    ("target_waktu: Januari - Maret 2025", "target_waktu: Januari - Maret 2026"),
    ("Renstra 2020-2024 dan Renstra 2025 s.d. 2029",) * 2,
    ("seperti pada Pemilu 2024 dan Pemilihan 2024", "seperti pada Pemilu 2024 dan Pemilihan 2024"),
])
def test_report_years_move_and_ranges_and_events_stay(before, after):
    old_lines = LAMPAU.read_text(encoding="utf-8").splitlines()
    result = rollover(LAMPAU, 2026)
    line = next(n for n, text in enumerate(old_lines, 1) if before in text)
    assert result.teks.splitlines()[line - 1] == old_lines[line - 1].replace(before, after)
    if before == after:
        assert any(item.baris == line and "dibiarkan" in item.pesan for item in result.tinjau)


def step_plan(tahun: int, aksi: list[str], target_waktu: list[str]) -> str:
    """The minimal plan for that year, with one step per (aksi, target_waktu); every aksi
    fragment on its own line of a folded block."""
    text = (FIXTURES / "minimal.yaml").read_text(encoding="utf-8").replace("2026", str(tahun))
    pad = " " * 20
    steps = "".join(
        f"                - aksi: >-\n{pad}" + f"\n{pad}".join(fragments) + "\n"
        f"                  bukti_fisik: SK Tim Kerja\n"
        f"                  target_waktu: {waktu}\n"
        f"                  target_capaian: 1 (satu) Dokumen\n"
        for fragments, waktu in zip(aksi, target_waktu, strict=True))
    start = text.index("                - aksi:")
    end = text.index("\ntim:")
    return text[:start] + steps + text[end:]


@pytest.mark.parametrize(("aksi", "baru", "daftar"), [
    ("Membentuk Tim Kerja tahun 2026", "Membentuk Tim Kerja tahun 2027", None),
    ("Menyusun LAKIP 2025", "Menyusun LAKIP 2026", None),
    ("Menyusun LAKIP 2024", "Menyusun LAKIP 2024", "tahun 2024 dibiarkan"),
    ("Berita Acara Pleno tahun 2026", None, "rujukan"),
    ("sesuai Surat Nomor 5/PP.01/2026", None, "rujukan"),
    ("sesuai surat tanggal 2 Januari 2026", None, "rujukan"),
    ("dimulai 2026-01-02", None, "rujukan"),
    ("Keputusan KPU Nomor 3 Tahun 2026 tentang Tim Kerja Tahun 2026", None, "rujukan"),
    ("menetapkan Keputusan KPU Kota Contoh tentang Rencana Aksi Tahun 2026",
     "menetapkan Keputusan KPU Kota Contoh tentang Rencana Aksi Tahun 2027", None),
    ("Komisi Pemilihan Umum Kota Contoh Tahun 2026", "Komisi Pemilihan Umum Kota Contoh Tahun 2027",
     None),
    ("seperti pada Pemilihan Serentak 2026", None, "tahun 2026 dibiarkan (peristiwa)"),
    ("pada Pemilu 2014, 2019 dan 2026", None, "tahun 2014, 2019, 2026 dibiarkan (peristiwa)"),
    ("sesudah Pemilu 2024 dan tahun 2026", "sesudah Pemilu 2024 dan tahun 2027",
     "tahun 2024 dibiarkan (peristiwa)"),
    ("mengikuti Renstra 2025-2029", None, "rentang tahun dibiarkan"),
    ("mengikuti Renstra 2024 s.d. 2026", None, "rentang tahun dibiarkan"),
    ("sesuai PKPU 5 Tahun 2026", None, "rujukan"),
    ("Surat Edaran Sekjen tentang Pelaksanaan Zona Integritas Tahun 2026", None, "rujukan"),
    ("Laporan Kinerja Instansi Pemerintah (LKjIP) tahun 2025",
     "Laporan Kinerja Instansi Pemerintah (LKjIP) tahun 2026", None),
    ("DIPA Tahun Anggaran 2026", "DIPA Tahun Anggaran 2027", None),
    ("rapat Senin, 6 Januari 2026", None, "rujukan"),
    ("Keputusan ini berlaku untuk tahun 2026", "Keputusan ini berlaku untuk tahun 2027", None),
    ("anggaran Rp 2.026.000", None, None),
    ("2026 tahun kerja", "2027 tahun kerja", None),
])
def test_which_years_in_prose_move(tmp_path, aksi, baru, daftar):
    plan = tmp_path / "rencana-2026.yaml"
    plan.write_text(step_plan(2026, [[aksi]], ["Januari 2026"]), encoding="utf-8")
    result = rollover(plan, 2027)
    assert f"{' ' * 20}{baru or aksi}\n" in result.teks
    line = plan.read_text(encoding="utf-8").splitlines().index(f"{' ' * 20}{aksi}") + 1
    listed = [item.pesan for item in result.tinjau if item.baris == line]
    assert (listed[0].startswith(daftar) if daftar else listed == []), listed


BULAN = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus",
         "September", "Oktober", "November", "Desember"]


@st.composite
def rencana_acak(draw) -> tuple[int, list[list[str]], list[str], list[str]]:
    """A plan year, each step's aksi fragments, its target_waktu, and the cited fragments.

    Years in plain prose and after a report word are the plan year or the one before; a year
    that is already the next plan's year could not be told apart on the way back."""
    tahun = draw(st.integers(2000, 2098))
    any_year = st.integers(tahun - 3, tahun + 1)
    bulan = st.sampled_from(BULAN)
    cited_kinds = st.sampled_from([
        "Berita Acara Pleno Nomor {n}/PK.01-BA/1502/{y} tanggal {d} {b} {y}",
        "Surat Sekretaris Nomor {n}/SDM.12-SD/04/{y}",
        "Keputusan KPU Nomor {n} Tahun {y} tentang Tim Kerja Tahun {y}",
        "surat tanggal {d} {b} {y}",
        "dimulai sejak {d} {b} {y}",
        "dengan kode {n}/PK.01/{y}",
        "daftar hadir {d:02}/03/{y}",
        "Notulen rapat {y}",
        "Renstra {y}-{y4}",
        "seperti pada Pemilu {y}",
    ])
    routine_kinds = st.sampled_from(["tahun {t}", "LAKIP {t1}", "SKP tahun {t1}",
                                     "laporan tahunan {t1}", "RKKL {t}", "Laporan Kinerja {t}"])
    aksi, waktu, cited = [], [], []
    for _ in range(draw(st.integers(1, 4))):
        fragments = []
        for _ in range(draw(st.integers(1, 4))):
            y = draw(any_year)
            values = {"n": draw(st.integers(1, 999)), "y": y, "y4": y + 4,
                      "d": draw(st.integers(1, 28)), "b": draw(bulan), "t": tahun,
                      "t1": tahun - 1}
            if draw(st.booleans()):
                fragments.append(draw(cited_kinds).format(**values))
                cited.append(fragments[-1])
            else:
                fragments.append("Menyusun " + draw(routine_kinds).format(**values))
        aksi.append(fragments)
        waktu.append(draw(st.sampled_from(["{b} {t}", "{b} - Desember {t}", "{b} dan Juni {t}"]))
                     .format(b=draw(bulan), t=tahun))
    return tahun, aksi, waktu, cited


@settings(derandomize=True, max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.too_slow])
@given(rencana_acak())
def test_rollover_and_back_restores_every_shift_and_leaves_listed_lines(rencana):
    tahun, aksi, waktu, cited = rencana
    with tempfile.TemporaryDirectory() as folder:
        old = Path(folder) / "lama.yaml"
        old.write_text(step_plan(tahun, aksi, waktu), encoding="utf-8")
        old_text = old.read_text(encoding="utf-8")
        forward = rollover(old, tahun + 1)
        new = Path(folder) / "baru.yaml"
        new.write_text(forward.teks, encoding="utf-8")
        back = rollover(new, tahun)
    old_lines, new_lines = old_text.splitlines(), forward.teks.splitlines()
    for item in forward.tinjau:
        if item.baris:
            assert new_lines[item.baris - 1] == old_lines[item.baris - 1], item
    for fragment in cited:
        assert forward.teks.count(fragment) == old_text.count(fragment), fragment
        line = next(n for n, text in enumerate(old_lines, 1) if text.endswith(fragment))
        assert any(item.baris == line for item in forward.tinjau), fragment
    shifted = [p for p in forward.perubahan if p.kunci == "target_waktu"]
    assert len(shifted) == len(waktu) and all(p.rutin for p in shifted)
    assert back.teks == old_text


def test_readme_example_is_what_rollover_prints():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Rencana tahun depan", 1)[1].split("\n## ", 1)[0]
    example = section.split("Contoh untuk rencana 2025", 1)[1].split("```\n", 2)[1]
    printed = LAMPAU.with_suffix(".expected").read_text(encoding="utf-8")
    printed = printed.replace("dokumen-lampau-2026.yaml", "rencana-2026.yaml").splitlines()
    shown = [line for line in example.splitlines() if line.strip() != "..."]
    assert len(shown) == 5 and all(line in printed for line in shown)


def test_a_schedule_shared_by_an_alias_is_edited_once(tmp_path):
    plan = tmp_path / "rencana-2026.yaml"
    plan.write_text(step_plan(2026, [["Menyusun"], ["Menyusun lagi"]], ["&w Januari 2026", "*w"]),
                    encoding="utf-8")
    result = rollover(plan, 2027)
    assert "target_waktu: &w Januari 2027\n" in result.teks
    assert "target_waktu: *w\n" in result.teks
    assert [p.kunci for p in result.perubahan].count("target_waktu") == 1
