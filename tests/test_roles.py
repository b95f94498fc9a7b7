"""Field roles are marked once in the model and found by one walker, for every rule."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel

from generator.plan.model import Rencana
from generator.plan.roles import Role, every_string, keys_with, marked, prose, role_of
from generator.source.yaml_reader import read_source
from tests.conftest import EXAMPLE


def _models(model: type[BaseModel], seen: set[type[BaseModel]] | None = None
            ) -> set[type[BaseModel]]:
    seen = set() if seen is None else seen
    if model in seen:
        return seen
    seen.add(model)
    for info in model.model_fields.values():
        for arg in _args(info.annotation):
            if isinstance(arg, type) and issubclass(arg, BaseModel):
                _models(arg, seen)
    return seen


def _args(annotation: Any) -> list[Any]:
    found = [annotation]
    for arg in getattr(annotation, "__args__", ()) or ():
        found += _args(arg)
    return found


def test_every_field_documented_as_a_person_key_is_a_person_reference():
    """A field whose docstring says it holds a person's key is the KunciOrang type, and so
    checked against 'orang' by the one walker; and no other field is."""
    documented, typed = set(), set()
    for model in _models(Rencana):
        for name, info in model.model_fields.items():
            if (info.description or "").startswith("Kunci orang"):
                documented.add(f"{model.__name__}.{name}")
            if role_of(info) is Role.PERSON:
                typed.add(f"{model.__name__}.{name}")
    assert documented == typed == {"Keputusan.penandatangan", "Keputusan.pengesah_salinan",
                                   "Mandiri.penandatangan", "Anggota.orang"}


PLAN = {
    "satker": {"nama": "Paser"},
    "keputusan": {"tentang": "Rencana Aksi 2025", "penandatangan": "ketua",
                  "mengingat": ["uu-7-2017"], "pengesah_salinan": 7},
    "orang": {"ketua": {"nama": "Nama Ketua"}},
    "tim": {"pengarah": [{"orang": "ketua", "kedudukan": "Pengarah"}, "bukan pemetaan"],
            "tim_kerja": {"ketua": {"orang": "sekretaris", "kedudukan": "Ketua"},
                          "subtim": [{"nama": "Tim", "anggota": [{"orang": "x"}]}]}},
    "kunci_asing": {"penandatangan": "tidak dikenal model"},
}


def test_person_references_are_found_wherever_the_model_puts_them():
    assert marked(Rencana, PLAN, Role.PERSON) == [
        (("keputusan", "penandatangan"), "ketua"),
        (("keputusan", "pengesah_salinan"), 7),
        (("tim", "pengarah", 0, "orang"), "ketua"),
        (("tim", "tim_kerja", "ketua", "orang"), "sekretaris"),
        (("tim", "tim_kerja", "subtim", 0, "anggota", 0, "orang"), "x"),
    ]


def test_prose_leaves_out_names_keys_and_citations():
    assert list(prose(Rencana, PLAN)) == [
        (("keputusan", "tentang"), "Rencana Aksi 2025"),
        (("tim", "pengarah", 0, "kedudukan"), "Pengarah"),
        (("tim", "pengarah", 1), "bukan pemetaan"),
        (("tim", "tim_kerja", "ketua", "kedudukan"), "Ketua"),
        (("tim", "tim_kerja", "subtim", 0, "nama"), "Tim"),
        (("kunci_asing", "penandatangan"), "tidak dikenal model"),
    ]
    assert len(list(every_string(PLAN))) == 13


def test_the_rules_skip_the_fields_the_model_marks():
    """The key lists the copy-mistake rules and rollover once kept by hand, now read from the
    model's marks."""
    assert keys_with(Rencana, frozenset(Role) - {Role.PROSE}) == {
        "mengingat", "dasar_hukum", "orang", "jadwal", "satker", "penandatangan",
        "pengesah_salinan", "tanpa_komponen", "area_resmi", "capaian", "kolom", "tampilan",
        "id"}  # a step's monev code is a name, never prose for the copy-mistake rules


def test_walker_on_the_example_plan():
    source = read_source(str(EXAMPLE), EXAMPLE.read_text(encoding="utf-8"))
    people = marked(Rencana, source.data, Role.PERSON)
    assert all(value in source.data["orang"] for _, value in people)
    assert len(people) > 10
    texts = dict(prose(Rencana, source.data))
    assert ("keputusan", "tentang") in texts
    assert not any(path[0] in ("orang", "satker") or "mengingat" in path for path in texts)
