"""`zi templat salin` and `zi templat periksa`: a folder copied, edited as an office would (in
Word, LibreOffice or a text editor), and every problem reported at once with its place."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import pytest

from generator.cli import main
from generator.writers.resources import templates_dir

SHIPPED = templates_dir()


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), out, err)
    return code, out.getvalue(), err.getvalue()


def copied(tmp_path: Path) -> Path:
    folder = tmp_path / "kantor"
    assert run("templat", "salin", str(folder))[0] == 0
    return folder


def edit_docx(path: Path, pattern: str, replacement: str, count: int = 1) -> None:
    """The DOCX at `path` with its body's XML edited (a regular expression, `count` times), as
    Word or LibreOffice would leave it after the user's change."""
    with zipfile.ZipFile(path) as original:
        members = [(info, original.read(info.filename)) for info in original.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as edited:
        for info, data in members:
            if info.filename == "word/document.xml":
                text, done = re.subn(pattern, replacement, data.decode("utf-8"), count=count)
                assert done == (count or done) and done, pattern
                data = text.encode("utf-8")
            edited.writestr(info, data)


def edit_text(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    path.write_text(text.replace(old, new), encoding="utf-8")


def test_salin_copies_every_template_and_says_what_next(tmp_path):
    folder = tmp_path / "kantor"
    code, out, err = run("templat", "salin", str(folder))
    assert (code, err) == (0, "")
    assert out == (
        f"Templat disalin ke {folder}:\n"
        "  keputusan.docx\n  rencana-aksi.docx\n  monev.docx\n  keputusan.html\n"
        "  rencana-aksi.html\n  monev.html\n  _bagian.html\n  keputusan.css\n  monev.css\n"
        "  fonts/ (11 berkas huruf dan lisensinya)\n"
        f"Lanjutkan: ubah kop dan gaya di {folder}/keputusan.docx (Word atau LibreOffice, "
        f"simpan sebagai .docx), lalu `zi templat periksa {folder}`, lalu "
        f"`zi build RENCANA --templates {folder}`.\n")
    for name in ("keputusan.docx", "keputusan.css", "_bagian.html",
                 "fonts/LiberationSans-Regular.ttf"):
        assert (folder / name).read_bytes() == (SHIPPED / name).read_bytes()


def test_salin_never_overwrites_without_timpa(tmp_path):
    folder = copied(tmp_path)
    (folder / "keputusan.css").write_text("/* kantor */\n", encoding="utf-8")
    code, out, err = run("templat", "salin", str(folder))
    assert (code, out) == (1, "")
    assert err == (f"zi templat salin: {folder} sudah berisi keputusan.docx, rencana-aksi.docx, "
                   "monev.docx, keputusan.html, rencana-aksi.html, dan 15 lagi; tidak ditimpa "
                   "(pakai --timpa untuk menimpa)\n")
    assert (folder / "keputusan.css").read_text(encoding="utf-8") == "/* kantor */\n"
    assert run("templat", "salin", str(folder), "--timpa")[0] == 0
    assert (folder / "keputusan.css").read_bytes() == (SHIPPED / "keputusan.css").read_bytes()


def test_the_copy_is_clean(tmp_path):
    folder = copied(tmp_path)
    assert run("templat", "periksa", str(folder)) == (0, (
        f"Templat di {folder} baik: 9 berkas diperiksa (keputusan.docx, rencana-aksi.docx, "
        "monev.docx, keputusan.html, rencana-aksi.html, monev.html, _bagian.html, "
        "keputusan.css, monev.css).\n"), "")


PEJABAT = r"<w:r><w:rPr/><w:t>\{\{ doc.pejabat \}\}</w:t></w:r>"
KOP_END = r"(\{\{ line \}\}</w:t></w:r></w:p>)<w:p><w:r><w:t>\{%p endfor %\}</w:t></w:r></w:p>"
PEJABAT_GONE = ("keputusan.docx: tag wajib hilang: 'doc.pejabat' (di templat bawaan: "
                "paragraf 15 (\"{{ doc.pejabat }}\"))")

DOCX_EDITS = {
    "kop-diubah": (
        r"(<w:t>)SALINAN(</w:t>)",
        r"\1SALINAN RESMI\2</w:r></w:p><w:p><w:r><w:t>Jl. Soekarno-Hatta No. 1, Sangatta"
        r"\2", []),
    "tag-terpecah-oleh-word": (
        PEJABAT,
        '<w:r><w:rPr/><w:t>{{ doc.</w:t></w:r><w:proofErr w:type="spellStart"/>'
        '<w:r w:rsidR="00AB12CD"><w:rPr><w:b/></w:rPr><w:t>peja</w:t></w:r>'
        '<w:proofErr w:type="spellEnd"/><w:r w:rsidRPr="0012EF34"><w:t>bat }}</w:t></w:r>', []),
    "tag-wajib-dihapus": (PEJABAT, "<w:r><w:t>KETUA KPU</w:t></w:r>", [PEJABAT_GONE]),
    "perulangan-tidak-ditutup": (KOP_END, r"\1", [
        "keputusan.docx paragraf 7 (\"{%p for line in doc.kop %}\"): perulangan "
        "'{%p for line in doc.kop %}' tidak ditutup: '{%p endfor %}' tidak ada"]),
    "isian-salah-eja": (PEJABAT, "<w:r><w:t>{{ doc.pejabt }}</w:t></w:r>", [
        "keputusan.docx paragraf 15 (\"{{ doc.pejabt }}\"): isian tidak dikenal "
        "'doc.pejabt'; maksud Anda 'doc.pejabat'?", PEJABAT_GONE]),
    "kurung-hilang": (PEJABAT, "<w:r><w:t>{ doc.pejabat }}</w:t></w:r>", [
        "keputusan.docx paragraf 15 (\"{ doc.pejabat }}\"): tag rusak: kurung kurawal atau "
        "tanda % hilang atau berlebih; tag ditulis utuh seperti {{ doc.pejabat }} atau "
        "{% if doc.salinan %}", PEJABAT_GONE]),
    "penyaring-salah-eja": (r"\{\{r line\|rt \}\}", "{{r line|rtt }}", [
        "keputusan.docx paragraf 12 (\"{{r line|rtt }}\"): penyaring tidak dikenal '|rtt'; "
        "maksud Anda '|rt'?"]),
    "kutip-lengkung": (
        r'\{%tr if row.jenis == "langkah" %\}', "{%tr if row.jenis == \u201clangkah\u201d %}",
        ["keputusan.docx tabel 1, baris 4, sel 1 (\"{%tr if row.jenis == \u201clangkah\u201d "
         "%}\"): tanda kutip lengkung di dalam tag '{%tr if row.jenis == \u201clangkah\u201d "
         "%}': ketik ulang dengan kutip lurus (\" atau ') dan matikan AutoCorrect "
         "'smart quotes'"]),
}


@pytest.mark.parametrize(("pattern", "replacement", "expected"), DOCX_EDITS.values(),
                         ids=DOCX_EDITS.keys())
def test_docx_edited_as_an_office_would(tmp_path, pattern, replacement, expected):
    folder = copied(tmp_path)
    edit_docx(folder / "keputusan.docx", pattern, replacement)
    code, out, err = run("templat", "periksa", str(folder))
    if not expected:
        assert (code, err) == (0, "")
        assert out.startswith(f"Templat di {folder} baik: 9 berkas diperiksa")
        return
    assert (code, out) == (1, "")
    assert err.splitlines() == [*expected, f"{len(expected)} masalah di templat {folder}; "
                                f"betulkan, lalu jalankan lagi `zi templat periksa {folder}`."]


def test_a_table_without_marker_or_title_is_named(tmp_path):
    """Both ways zi finds the 7-column Rencana Aksi table gone: the alt-text title LibreOffice
    drops, and the marker in its first cell."""
    folder = copied(tmp_path)
    edit_docx(folder / "keputusan.docx", r'<w:tblCaption w:val="rencana_aksi_7"/>', "", count=0)
    edit_docx(folder / "keputusan.docx", r"\{#-?\s*zi:tabel rencana_aksi_7\s*-?#\}", "x",
              count=0) if b"zi:tabel rencana_aksi_7" in _body(folder / "keputusan.docx") \
        else None
    code, out, err = run("templat", "periksa", str(folder))
    assert (code, out) == (1, "")
    assert err.splitlines() == [
        "keputusan.docx: tabel 'rencana_aksi_7' tidak ditemukan (0 dari 2): paragraf pertama "
        "sel pertama tabelnya harus memuat penanda {#zi:tabel rencana_aksi_7#}",
        f"1 masalah di templat {folder}; betulkan, lalu jalankan lagi "
        f"`zi templat periksa {folder}`."]


def _body(path: Path) -> bytes:
    with zipfile.ZipFile(path) as docx:
        return docx.read("word/document.xml")


def test_html_and_css_problems_by_line(tmp_path):
    folder = copied(tmp_path)
    edit_text(folder / "keputusan.html", '<p class="pejabat">{{ doc.pejabat }}</p>',
              '<p class="pejabat">{{ doc.pejabat }</p>\n  <p>{{ dok.nomor }}</p>')
    edit_text(folder / "monev.html", "<span>{{ line }}</span>{% endfor %}",
              "<span>{{ line }}</span>")
    edit_text(folder / "_bagian.html", "{%- macro butir(", "{%- macro butiran(")
    css = (folder / "keputusan.css").read_text(encoding="utf-8")
    (folder / "keputusan.css").write_text(css + ".kop { color: navy;\n", encoding="utf-8")
    code, out, err = run("templat", "periksa", str(folder))
    assert (code, out) == (1, "")
    assert err.splitlines() == [
        "keputusan.html baris 34: tag rusak: kurung kurawal atau tanda % hilang atau berlebih; "
        "tag ditulis utuh seperti {{ doc.pejabat }} atau {% if doc.salinan %}",
        "keputusan.html baris 35: isian tidak dikenal 'dok'; maksud Anda 'doc'?",
        "keputusan.html: tag wajib hilang: 'doc.pejabat' (di templat bawaan: baris 34)",
        "monev.html baris 21: perulangan '{% for line in doc.judul %}' tidak ditutup: "
        "'{% endfor %}' tidak ada",
        "_bagian.html: makro wajib hilang: 'butir' (di templat bawaan: baris 40)",
        f"keputusan.css baris {css.count(chr(10)) + 1}: kurung '{{' tidak ditutup dengan '}}'",
        f"6 masalah di templat {folder}; betulkan, lalu jalankan lagi "
        f"`zi templat periksa {folder}`."]


def test_a_file_that_is_not_a_docx(tmp_path):
    folder = copied(tmp_path)
    (folder / "rencana-aksi.docx").write_text("bukan dokumen Word", encoding="utf-8")
    code, out, err = run("templat", "periksa", str(folder))
    assert (code, out) == (1, "")
    assert err.splitlines() == [
        "rencana-aksi.docx: bukan berkas DOCX; simpan ulang dari Word atau LibreOffice dengan "
        "jenis berkas Word (.docx)",
        f"1 masalah di templat {folder}; betulkan, lalu jalankan lagi "
        f"`zi templat periksa {folder}`."]


def test_an_empty_folder_and_one_that_does_not_exist(tmp_path):
    empty = tmp_path / "kosong"
    empty.mkdir()
    assert run("templat", "periksa", str(empty)) == (1, "", (
        f"zi templat periksa: {empty} tidak berisi templat zi (mis. keputusan.docx, "
        f"keputusan.html, keputusan.css); salin dengan `zi templat salin {empty}`\n"))
    missing = tmp_path / "tidak-ada"
    assert run("templat", "periksa", str(missing)) == (1, "", (
        f"zi templat periksa: {missing} tidak ada; salin templat bawaan dengan "
        f"`zi templat salin {missing}`\n"))
