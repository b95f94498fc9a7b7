"""Decree bodies drafted by the rules: each plan in fixtures/body beside its expected text.

Set ZI_PERBARUI_FIXTURE=1 to rewrite the expected files after a deliberate change, then read
the diff before committing it.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from generator.document.decree import build_document
from generator.rules import check_file, drafting
from generator.text import indonesian
from generator.writers.text_writer import render_text
from tests.conftest import FIXTURES

CASES = sorted((FIXTURES / "body").glob("*.yaml"))


def drafted(plan: Path) -> str:
    checked = check_file(plan, shown_as=plan.name)
    text = render_text(build_document(checked.plan, "salinan"))
    if checked.warnings:
        text += "\n--- peringatan ---\n" + "".join(f"{w}\n" for w in checked.warnings)
    return text


@pytest.mark.parametrize("plan", CASES, ids=lambda p: p.stem)
def test_body(plan: Path):
    expected = plan.with_suffix(".txt")
    text = drafted(plan)
    if os.environ.get("ZI_PERBARUI_FIXTURE"):
        expected.write_text(text, encoding="utf-8")
    assert text == expected.read_text(encoding="utf-8")


def test_three_attachments_are_named_in_one_phrase():
    labels = indonesian.lampiran_labels(3)
    assert drafting.name_attachments(labels) == "Lampiran I, Lampiran II, dan Lampiran III"
    assert drafting.name_attachments(["LAMPIRAN"]) == "Lampiran"


@pytest.mark.parametrize("count, phrase", [(1, "huruf a"), (2, "huruf a dan huruf b"),
                                           (3, "huruf a sampai dengan huruf c"),
                                           (5, "huruf a sampai dengan huruf e")])
def test_closing_consideration_refers_to_the_letters(count, phrase):
    assert drafting.letters_cited(count) == phrase


@pytest.mark.parametrize("text, mark, result", [
    ("bahwa a", ";", "bahwa a;"), ("bahwa a;", ";", "bahwa a;"), ("bahwa a.", ";", "bahwa a;"),
    ("bahwa a ;  ", ";", "bahwa a;"), ("Diktum", ".", "Diktum."), ("Diktum.", ".", "Diktum."),
    ("Diktum;", ".", "Diktum."),
])
def test_punctuation_is_never_doubled(text, mark, result):
    assert drafting.end_with(text, mark) == result


def test_kutai_timur_body_matches_the_reference_as_corrected():
    """plans/kutai-timur-2025.yaml drafts the body of reference 001, corrected (see comments)."""
    from tests.conftest import EXAMPLE

    expected = FIXTURES / "kutai-timur-2025.txt"
    text = drafted(EXAMPLE).replace(str(EXAMPLE), EXAMPLE.name)
    if os.environ.get("ZI_PERBARUI_FIXTURE"):
        expected.write_text(text, encoding="utf-8")
    assert text == expected.read_text(encoding="utf-8")
