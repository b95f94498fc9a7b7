"""The overview page as a person sees it in a real browser: the system's headless Chromium,
driven by Playwright, opening `ringkasan.html` as a file, no server. Skipped where Chromium or
Playwright is missing; in CI their absence is a failure."""

from __future__ import annotations

import os
import shutil
from datetime import date
from pathlib import Path

import pytest

from generator.output.batch import build_one, collect
from generator.output.overview import ringkasan
from generator.output.overview_page import tulis_ringkasan
from tests.overview_folder import SALAH, province_folder

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]
"""No sandbox (containers), no GPU, nothing fetched in the background."""


def chromium() -> str | None:
    """The system's Chromium, or None; in CI its absence (or Playwright's) is a failure."""
    found = CHROMIUM if os.access(CHROMIUM, os.X_OK) else shutil.which("chromium")
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        found = None
    if not found and os.environ.get("CI"):
        pytest.fail("Chromium (/usr/bin/chromium) and Playwright are required in CI")
    return found


@pytest.fixture(scope="module")
def browser():
    command = chromium()
    if command is None:
        pytest.skip("Chromium or Playwright is not installed")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        launched = p.chromium.launch(executable_path=command, args=ARGS)
        yield launched
        launched.close()


@pytest.fixture(scope="module")
def page_file(tmp_path_factory) -> Path:
    """A province's folder of 34 plans, one of them built (its salinan as DOCX and PDF with
    the JDIH record), and its overview page."""
    root = tmp_path_factory.mktemp("provinsi")
    folder = province_folder(root / "rencana")
    out = root / "output"
    result = build_one(str(folder / "kerinci-2025.yaml"), str(out), ("docx", "pdf"),
                       ("salinan",))
    assert result.status.value == "dibangun", result.messages
    rows = ringkasan(collect([str(folder)]), out)
    return tulis_ringkasan(rows, out, "rencana/", date(2025, 10, 6))


@pytest.fixture
def page(browser, page_file):
    """The page opened as a file; every request it makes and every dialog it opens recorded."""
    context = browser.new_context(accept_downloads=True)
    opened = context.new_page()
    opened.requests, opened.dialogs = [], []
    opened.on("request", lambda request: opened.requests.append(request.url))
    opened.on("dialog", lambda dialog: (opened.dialogs.append(dialog.message), dialog.dismiss()))
    opened.goto(page_file.as_uri())
    yield opened
    context.close()


def visible(page) -> int:
    return page.locator("#ringkasan tbody tr:visible").count()


def column(page, header: str) -> list[str]:
    """The first line of each visible row's cell under `header`, top to bottom."""
    index = page.locator("#ringkasan thead th[data-kolom]").all_inner_texts()
    position = [text.split()[0] if text.split() else "" for text in index].index(header)
    cells = page.locator(f"#ringkasan tbody tr:visible > td:nth-child({position + 1})")
    return [text.strip().splitlines()[0] if text.strip() else "" for text in
            cells.all_inner_texts()]


def offices(page) -> list[str]:
    return [text.splitlines()[0] for text in
            page.locator("#ringkasan tbody tr:visible .kantor").all_inner_texts()]


def region(office: str) -> str:
    """'KPU Kota Jambi' -> 'jambi'."""
    return office.split(" ", 2)[2].casefold()


def test_every_plan_is_a_row_and_the_page_fetches_nothing(page, page_file):
    assert page.title() == "Ringkasan Rencana Aksi Zona Integritas"
    assert visible(page) == 34
    assert page.locator("#jumlah").inner_text() == "34 dari 34 rencana ditampilkan"
    assert page.locator("header").inner_text().splitlines() == [
        "KOMISI PEMILIHAN UMUM", "Ringkasan Rencana Aksi Pembangunan Zona Integritas",
        "34 rencana dari rencana/ · data per 6 Oktober 2025"]
    assert page.requests == [page_file.as_uri()]


def test_markup_in_a_plan_is_shown_as_text_and_never_run(page):
    row = page.locator("#ringkasan tbody tr", has_text="zz-markup-2025.yaml")
    assert row.locator(".kantor").inner_text() == "KPU Kabupaten Merangin <script>alert(1)</script>"
    assert page.dialogs == []
    assert page.locator("script").count() == 1


def test_clicking_a_header_sorts_and_clicking_again_reverses(page):
    button = page.get_by_role("button", name="Kantor")
    button.click()
    ascending = offices(page)
    assert ascending[:4] == ["KPU Kota Balikpapan", "KPU Kabupaten Batanghari",
                             "KPU Kabupaten Bengkayang", "KPU Kabupaten Berau"]
    assert ascending[-3:] == ["KPU Kabupaten Tanjung Jabung Barat",
                              "KPU Kabupaten Tanjung Jabung Timur", "KPU Kabupaten Tebo"]
    assert ascending == sorted(ascending, key=region)  # by the region, not 'Kabupaten'/'Kota'
    header = page.locator("th[data-kolom]", has=button)
    assert (header.get_attribute("aria-sort"), header.locator(".panah").inner_text()) == (
        "ascending", "▲")
    button.click()
    assert offices(page) == ascending[::-1]
    assert (header.get_attribute("aria-sort"), header.locator(".panah").inner_text()) == (
        "descending", "▼")
    other = page.locator("th[data-kolom]", has=page.get_by_role("button", name="Tahun"))
    assert (other.get_attribute("aria-sort"), other.locator(".panah").inner_text()) == (
        "none", "↕")


def test_numbers_sort_as_numbers_and_blanks_go_last(page):
    page.get_by_role("button", name="TW I", exact=True).click()
    assert column(page, "TW")[:4] == ["24%", "47,1%", "100%", "—"]
    assert offices(page)[:3] == ["KPU Kabupaten Kutai Timur", "KPU Kabupaten Sarolangun",
                                 "KPU Kabupaten Kerinci"]
    page.get_by_role("button", name="TW I", exact=True).click()
    assert column(page, "TW")[:4] == ["100%", "47,1%", "24%", "—"]
    page.get_by_role("button", name="Peringatan").click()
    assert column(page, "Peringatan")[-6:] == ["0", "1", "1", "1", "1", "8"]
    page.get_by_role("button", name="Tahun").click()
    years = column(page, "Tahun")
    assert (years[0], years[-2:]) == ("2023", ["2026", ""])  # the invalid plan has no year


def test_typing_in_the_search_box_hides_the_other_rows(page):
    page.get_by_label("Cari").fill("kutai")
    assert offices(page) == ["KPU Kabupaten Kutai Barat", "KPU Kabupaten Kutai Timur"]
    assert page.locator("#jumlah").inner_text() == "2 dari 34 rencana ditampilkan"
    page.get_by_label("Cari").fill("satker-lain")
    assert visible(page) == 5
    page.get_by_label("Cari").fill("kota samarinda")
    assert offices(page) == ["KPU Kota Samarinda"]
    page.get_by_label("Cari").fill("tidak ada kantor ini")
    assert (visible(page), page.locator("#tidak-ada").is_visible()) == (0, True)
    assert page.locator("#jumlah").inner_text() == "0 dari 34 rencana ditampilkan"
    page.get_by_label("Cari").fill("")
    assert (visible(page), page.locator("#tidak-ada").is_visible()) == (34, False)


def test_the_select_shows_a_status_or_the_plans_with_warnings(page):
    choose = page.get_by_label("Tampilkan")
    choose.select_option(label="dengan peringatan")
    assert sorted(offices(page)) == [
        "KPU Kabupaten Kutai Barat", "KPU Kabupaten Landak",
        "KPU Kabupaten Merangin <script>alert(1)</script>", "KPU Kabupaten Muaro Jambi",
        "KPU Kabupaten Sambas"]
    choose.select_option(label="status: salah")
    assert column(page, "Kantor") == ["KPU Kabupaten Merangin"]
    assert page.locator("#ringkasan tbody tr:visible .berkas-rencana").inner_text() == SALAH
    choose.select_option(label="dengan realisasi monev")
    assert offices(page) == ["KPU Kabupaten Kerinci", "KPU Kabupaten Kutai Timur",
                             "KPU Kabupaten Sarolangun"]
    page.get_by_label("Cari").fill("kutai")
    assert offices(page) == ["KPU Kabupaten Kutai Timur"]
    assert page.locator("#jumlah").inner_text() == "1 dari 34 rencana ditampilkan"
    choose.select_option(label="semua rencana")
    assert offices(page) == ["KPU Kabupaten Kutai Barat", "KPU Kabupaten Kutai Timur"]


def test_a_link_opens_the_file_it_names(page, page_file):
    row = page.locator("#ringkasan tbody tr", has_text="kerinci-2025.yaml")
    assert row.locator("td.tautan").inner_text().splitlines() == [
        "rencana", "monev: realisasi", "salinan: docx jdih pdf"]
    folder = page_file.parent
    with page.expect_download() as download:
        row.get_by_role("link", name="rencana").click()
    plan = folder.parent / "rencana" / "kerinci-2025.yaml"
    assert download.value.url == plan.as_uri()
    assert Path(download.value.path()).read_bytes() == plan.read_bytes()
    row.get_by_role("link", name="jdih").click()
    page.wait_for_url("**/keputusan-salinan.jdih.json")
    assert page.url == (folder / "kerinci-2025" / "keputusan-salinan.jdih.json").as_uri()
    assert '"noPeraturan": "100/HK.03.1-Kpt/1500/2025"' in page.locator("body").inner_text()
    page.go_back()
    page.locator("#ringkasan tbody tr", has_text="kerinci-2025.yaml").get_by_role(
        "link", name="pdf").click()
    page.wait_for_url("**/keputusan-salinan.pdf")
    assert page.url == (folder / "kerinci-2025" / "keputusan-salinan.pdf").as_uri()
