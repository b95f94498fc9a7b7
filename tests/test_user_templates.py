"""A user's own templates: used where given, sandboxed, and broken ones named with their line."""

from __future__ import annotations

import io
import shutil

import pytest

from generator.cli import main
from generator.writers.resources import templates_dir
from tests.conftest import FIXTURES, edited_docx_template, pdf_text, squash

PLAN = FIXTURES / "minimal.yaml"


def build(tmp_path, templates, *extra) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(["build", str(PLAN), "-o", str(tmp_path / "out"), "--templates", str(templates),
                 "--versi", "asli", *extra], out, err)
    return code, out.getvalue(), err.getvalue()


def test_own_css_is_applied_after_the_shipped_one(tmp_path):
    own = tmp_path / "templat"
    own.mkdir()
    (own / "keputusan.css").write_text('.kop::after { content: "KOP KANTOR SENDIRI"; }\n',
                                       encoding="utf-8")
    code, _, err = build(tmp_path, own, "--format", "pdf")
    assert code == 0, err
    text = squash(pdf_text((tmp_path / "out" / "minimal" / "keputusan-asli.pdf").read_bytes()))
    assert "KOTA CONTOH KOP KANTOR SENDIRI" in text


def own_html(tmp_path, body: str):
    own = tmp_path / "templat"
    own.mkdir()
    source = (templates_dir() / "keputusan.html").read_text(encoding="utf-8")
    (own / "keputusan.html").write_text(source.replace("<body>", "<body>\n" + body, 1),
                                        encoding="utf-8")
    return own


@pytest.mark.parametrize("body, message", [
    ("{{ doc.tidak_ada }}", "isian tidak dikenal"),
    ("{% if %}", "kesalahan templat"),
    ("{{ doc.__class__.__mro__ }}", "dilarang di templat"),
    ('{% include "../../../../etc/passwd" %}', "kesalahan templat"),
])
def test_broken_html_template_names_file_and_line(tmp_path, body, message):
    own = own_html(tmp_path, body)
    line = (own / "keputusan.html").read_text(encoding="utf-8").splitlines().index(body) + 1
    code, out, err = build(tmp_path, own, "--format", "pdf")
    assert code == 1
    assert "Traceback" not in err
    assert message in err
    if "include" not in body:
        assert f"templat keputusan.html baris {line}:" in err
    assert not (tmp_path / "out" / "minimal").exists()


def test_broken_docx_template_is_named(tmp_path):
    own = tmp_path / "templat"
    own.mkdir()
    edited_docx_template(templates_dir() / "keputusan.docx", own / "keputusan.docx",
                         b"{{ doc.pejabat }}", b"{{ doc.pejabatt }}")
    code, _, err = build(tmp_path, own, "--format", "docx")
    assert code == 1
    assert "templat keputusan.docx: isian tidak dikenal" in err
    assert "pejabatt" in err
    assert "Traceback" not in err


def test_a_missing_template_folder_is_a_message(tmp_path):
    code, _, err = build(tmp_path, tmp_path / "tidak-ada")
    assert code == 1 and "folder templat" in err


def test_shipped_templates_are_untouched_by_a_user_folder(tmp_path):
    own = tmp_path / "templat"
    shutil.copytree(templates_dir(), own, ignore=shutil.ignore_patterns("fonts", "__*"))
    code, _, err = build(tmp_path, own, "--format", "docx")
    assert code == 0, err
