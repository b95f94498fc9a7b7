"""The layout checker itself: a PDF made to break each invariant is caught, a clean one passes."""

from __future__ import annotations

import pytest
from weasyprint import HTML

from tests.layout import check_pdf

PAGE = """<style>
@page { size: 215mm 330mm; margin: 2cm 2cm 2cm 2.5cm; }
body { font: 12pt sans-serif; margin: 0; } p { margin: 0 0 4pt; }
.ttd { margin-left: 50%; } .pisah { break-before: page; } b { font-weight: bold; }
table { width: 100%; table-layout: fixed; border-collapse: collapse; }
td { border: 0.6pt solid black; padding: 2pt; vertical-align: top; }
</style>"""
BODY = "<p>KESATU : Menetapkan Rencana Aksi sebagaimana tercantum dalam Lampiran.</p>"
SIGNATURE = ('<div class="ttd"><p>Ditetapkan di Contoh</p><p>pada tanggal 5 Januari 2026</p>'
             "<p>KETUA,</p><p>ttd.</p><p>NAMA KETUA</p></div>")
AUTHENTICATION = "<div><p>Salinan sesuai dengan aslinya</p><p>Kepala Subbagian,</p></div>"
FILLER = "".join(f"<p>Baris isi ke-{i} yang mengisi halaman.</p>" for i in range(44))


def pdf_of(body: str) -> bytes:
    """A one-column F4 document with zi's margins around the given HTML."""
    return HTML(string=PAGE + body).write_pdf()


def rules(body: str) -> list[tuple[int, str, str]]:
    return [(p.page, p.rule, p.text) for p in check_pdf(pdf_of(body))]


def test_a_clean_page_passes():
    assert rules(BODY + SIGNATURE + AUTHENTICATION) == []


def test_signature_alone_on_its_page():
    assert rules(BODY + f'<div class="pisah">{SIGNATURE}</div>') == [
        (2, "signature without the text it signs above it", "Ditetapkan di Contoh")]


def test_authentication_on_another_page_than_its_signature():
    assert rules(BODY + SIGNATURE + f'<div class="pisah">{AUTHENTICATION}</div>') == [
        (2, "authentication not on its signature's page", "Salinan sesuai dengan aslinya")]


def test_authentication_across_the_full_width():
    wide = ("<div><p>Salinan sesuai dengan aslinya</p><p>Kepala Subbagian Teknis "
            "Penyelenggaraan Pemilu dan Hukum dan Sumber Daya Manusia,</p></div>")
    assert rules(BODY + SIGNATURE + wide) == [
        (1, "authentication beyond the left half",
         "Kepala Subbagian Teknis Penyelenggaraan Pemilu dan Hukum dan Sumber")]


@pytest.mark.parametrize("last", ["<p><b>IV PENGUATAN AKUNTABILITAS KINERJA</b></p>",
                                  "<p>Target :</p>", "<p>BAB II</p>"])
def test_heading_or_lead_in_at_the_foot_of_a_page(last):
    found = rules(FILLER + last + '<p class="pisah">Isi yang diumumkan.</p>')
    text = last.replace("<p>", "").replace("</p>", "").replace("<b>", "").replace("</b>", "")
    assert found == [(1, "heading, area row or lead-in ends the page", text)]


def test_word_past_the_page_edge():
    body = BODY + '<p style="white-space: nowrap">' + "Titik" * 40 + "</p>"
    assert rules(body) == [(1, "word outside the page body", "Titik" * 40)]


def test_word_across_its_cell_border():
    token = "kpukotacontohpengaduan@gmail.com"
    table = (f'<table><col style="width: 10%"><col style="width: 90%"><tr><td>{token}</td>'
             "<td>isi</td></tr></table>")
    found = rules(BODY + table)
    assert [(page, rule) for page, rule, _ in found] == [
        (1, "word crosses its cell's right border")]
    assert found[0][2].startswith("kpukota")


def test_markup_star_printed():
    assert rules("<p>Diumumkan melalui *website* resmi.</p>") == [
        (1, "markup star printed", "*website*")]
