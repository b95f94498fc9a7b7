"""A kop logo: confined to the plan's folder, checked, then printed in DOCX and PDF."""

from __future__ import annotations

import io
import zipfile

import pytest
from PIL import Image
from pypdf import PdfReader

from generator.output.build import render_plan
from generator.rules import check_file
from generator.source.diagnostics import PlanError
from tests.conftest import FIXTURES


def plan_with_logo(folder, logo: str):
    text = (FIXTURES / "minimal.yaml").read_text(encoding="utf-8")
    plan = folder / "rencana.yaml"
    plan.write_text(text.replace("  tempat: Contoh\n", f"  tempat: Contoh\n  logo: {logo}\n"),
                    encoding="utf-8")
    return plan


def png(path, size=(120, 120)):
    Image.new("RGB", size, (180, 20, 20)).save(path)


def test_logo_is_printed_in_docx_and_pdf(tmp_path):
    png(tmp_path / "logo.png")
    files = {o.path.name: o.data for o in render_plan(plan_with_logo(tmp_path, "logo.png"),
                                                      tmp_path / "out", ["docx", "pdf"],
                                                      ["asli"])}
    media = [n for n in zipfile.ZipFile(io.BytesIO(files["keputusan-asli.docx"])).namelist()
             if n.startswith("word/media/")]
    assert media == ["word/media/image1.png"]
    page = PdfReader(io.BytesIO(files["keputusan-asli.pdf"])).pages[0]
    assert len(page.images) == 1


def message(tmp_path, logo: str) -> list[str]:
    with pytest.raises(PlanError) as info:
        check_file(plan_with_logo(tmp_path, logo), shown_as="rencana.yaml")
    return [str(d) for d in info.value.diagnostics if "logo" in str(d)]


def test_a_logo_outside_the_plans_folder_is_refused(tmp_path):
    inner = tmp_path / "rencana"
    inner.mkdir()
    png(tmp_path / "luar.png")
    assert message(inner, "../luar.png") == [
        "rencana.yaml:6:9: 'satker.logo': berkas logo harus berada di dalam folder rencana"]
    assert message(inner, str(tmp_path / "luar.png")) == [
        "rencana.yaml:6:9: 'satker.logo': tulis nama berkas logo relatif terhadap folder "
        "rencana, mis. logo.png"]


@pytest.mark.parametrize("content, expected", [
    (None, "berkas logo 'logo.png' tidak ada"),
    (b"bukan gambar", "logo harus berupa gambar PNG atau JPEG"),
    (b"\x89PNG\r\n\x1a\n" + b"\0" * 40, "berkas logo rusak atau tidak dapat dibaca sebagai gambar"),
    ("besar", "logo 4001 x 10 piksel terlalu besar (paling besar 4000 x 4000)"),
])
def test_a_logo_is_checked_before_use(tmp_path, content, expected):
    if content == "besar":
        png(tmp_path / "logo.png", (4001, 10))
    elif content is not None:
        (tmp_path / "logo.png").write_bytes(content)
    assert message(tmp_path, "logo.png") == [f"rencana.yaml:6:9: 'satker.logo': {expected}"]
