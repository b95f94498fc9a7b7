"""The YAML the importer writes reads back as exactly the data it was given, whatever the
text (quotes, colons, '#', line breaks, YAML's own break characters, leading spaces), and a
comment can never end early and turn a file's text into plan keys."""

from __future__ import annotations

from datetime import date

import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.importer.notes import Guess
from generator.importer.yaml_text import plan_yaml
from generator.source.yaml_reader import FastSafeLoader

_TEXT = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=120)
_SCALAR = st.one_of(_TEXT, st.integers(-10**6, 10**6), st.booleans(), st.none(),
                    st.dates(date(2000, 1, 1), date(2100, 12, 31)))
_KEY = st.from_regex(r"[a-z_]{1,12}", fullmatch=True)
_DATA = st.recursive(_SCALAR, lambda inner: st.one_of(
    st.lists(inner, max_size=4), st.dictionaries(_KEY, inner, max_size=4)), max_leaves=25)


def _load(text: str) -> object:
    return yaml.load(text, Loader=FastSafeLoader)


@settings(max_examples=300, derandomize=True, database=None, deadline=None)
@given(data=st.dictionaries(_KEY, _DATA, min_size=1, max_size=5), note=_TEXT,
       header=st.lists(_TEXT, max_size=3))
def test_what_is_written_reads_back_the_same(data, note, header):
    first = next(iter(data))
    text = plan_yaml(data, [Guess((first,), note), Guess(("tidak", "ada"), note)], header)
    assert _load(text) == data


def test_long_texts_fold_and_lines_keep_their_breaks():
    data = {"keputusan": {"tentang": ("Rencana Aksi Zona Integritas " * 6).strip(),
                          "menimbang": ["bahwa a: b # c", "baris satu\nbaris dua"]}}
    text = plan_yaml(data, [Guess(("keputusan", "tentang"), "tebakan: periksa\u2028kunci: x")],
                     [])
    assert "tentang: >-\n" in text
    assert "- |-\n      baris satu\n      baris dua\n" in text
    assert "  # tebakan: periksa kunci: x\n  tentang:" in text
    assert _load(text) == data
