"""Take the README's screenshot of the overview page (docs/ringkasan.png): the test folder of a
province's plans built, one edited since and one not built, its page
opened in the system's Chromium, sorted by office.

    .venv/bin/python tools/ringkasan_screenshot.py [docs/ringkasan.png]
"""

from __future__ import annotations

import io
import shutil
import sys
import tempfile
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from PIL import Image  # noqa: E402
from playwright.sync_api import sync_playwright  # noqa: E402

from generator.output.batch import build_many, collect  # noqa: E402
from generator.output.overview import ringkasan  # noqa: E402
from generator.output.overview_page import tulis_ringkasan  # noqa: E402
from tests.overview_folder import province_folder  # noqa: E402

ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def main(target: Path) -> None:
    with tempfile.TemporaryDirectory() as temp:
        folder = province_folder(Path(temp) / "kpu-provinsi")
        out = Path(temp) / "output"
        plans = collect([str(folder)])
        build_many(plans, out, ("docx", "pdf"), ("asli", "salinan"), jobs=2)
        with (folder / "bungo-2025.yaml").open("a", encoding="utf-8") as plan:
            plan.write("# disunting sesudah dibangun\n")
        shutil.rmtree(out / "tebo-2025")
        rows = ringkasan(collect([str(folder)]), out)
        page_file = tulis_ringkasan(rows, out, "kpu-provinsi/", date(2025, 10, 6))
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
            page = browser.new_page(viewport={"width": 1600, "height": 1040})
            page.goto(page_file.as_uri())
            page.get_by_role("button", name="Kantor").click()
            shot = page.screenshot()
            browser.close()
    image = Image.open(io.BytesIO(shot)).convert("RGB")
    image = image.quantize(colors=128, method=Image.Quantize.MEDIANCUT)
    target.parent.mkdir(parents=True, exist_ok=True)
    image.save(target, optimize=True)
    print(f"{target}: {target.stat().st_size // 1024} KB")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs" / "ringkasan.png")
