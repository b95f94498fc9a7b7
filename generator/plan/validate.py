"""A plan's YAML into the model, every problem turned into a positioned Indonesian message."""

from __future__ import annotations

import difflib
from contextvars import ContextVar
from typing import Any, TypeVar, cast, get_origin

from pydantic import BaseModel, ValidationError

from generator.plan.attachments import ATTACHMENT_KINDS
from generator.plan.model import Rencana
from generator.plan.progress import planned_steps
from generator.plan.roles import Role, inner_model, marked
from generator.reference import catalog
from generator.reference.dates import bulan_salah
from generator.reference.official_areas import area_dimaksud
from generator.source.diagnostics import Diagnostic, PlanError, field_name
from generator.source.yaml_reader import Path, Source

_TYPE_NAMES = {
    "string_type": "teks",
    "int_type": "bilangan bulat",
    "int_parsing": "bilangan bulat",
    "int_from_float": "bilangan bulat",
    "float_type": "angka",
    "bool_type": "ya/tidak (true/false)",
    "list_type": "daftar (baris-baris yang diawali '- ')",
    "dict_type": "pemetaan (baris-baris 'kunci: nilai')",
    "model_type": "pemetaan (baris-baris 'kunci: nilai')",
    "model_attributes_type": "pemetaan (baris-baris 'kunci: nilai')",
    "date_type": "tanggal, mis. 2025-09-09",
}


def _describe(value: Any, written: str | None = None) -> str:
    """A value as the user wrote it: 'nilai ya/tidak 'yes'', 'angka .nan', 'teks '...''."""
    if value is None:
        return "kosong"
    if isinstance(value, bool):
        return f"nilai ya/tidak '{written or str(value).lower()}'"
    if isinstance(value, int | float):
        return f"angka {written or value}"
    if isinstance(value, str):
        shown = value if len(value) <= 40 else value[:37] + "..."
        return f"teks '{shown}'"
    if isinstance(value, list):
        return "daftar"
    if isinstance(value, dict):
        return "pemetaan"
    return type(value).__name__


_ROOT: ContextVar[type[BaseModel]] = ContextVar("root", default=Rencana)
"""The model of the whole file being validated: a plan, or a monev realisation file."""


def _model_at(path: Path) -> type[BaseModel] | None:
    """The model class that the value at `path` must match, for listing its keys."""
    model: Any = _ROOT.get()
    skip_key = False  # the next key names an entry of a dict field (a person's key)
    for part in path:
        if isinstance(part, int) or skip_key:
            skip_key = False
            continue
        info = model.model_fields.get(part) if model is not None else None
        if info is None:
            return None
        model = inner_model(info.annotation)
        skip_key = get_origin(info.annotation) is dict
    return cast("type[BaseModel] | None", model)


def _known_keys(parent: Path) -> list[str]:
    model = _model_at(parent)
    return list(model.model_fields) if model else []


def _closest(word: str, choices: list[str]) -> str | None:
    """The choice a typo most likely meant, if any is close enough."""
    close = difflib.get_close_matches(word.lower(), choices, n=1, cutoff=0.75)
    return close[0] if close else None


def _unknown_key(source: Source, path: Path) -> Diagnostic:
    key = str(path[-1])
    parent = path[:-1]
    known = _known_keys(parent)
    where = f" di '{field_name(parent)}'" if parent else ""
    message = f"kunci '{key}' tidak dikenal{where}"
    close = _closest(key, known)
    if key.isdigit() and _lookup(source.data, path) is None:
        message += (f"; '{key}' tampaknya sisa angka berkoma (mis. 1,5): di dalam {{...}} koma "
                    "memisahkan isian, jadi tulis angkanya tanpa koma atau apit dengan tanda kutip")
    elif close:
        message += f"; maksud Anda '{close}'?"
    elif known:
        message += f"; kunci yang dikenal: {', '.join(known)}"
    return Diagnostic(source.file, source.where(path, key=True), message)


_OWN_KINDS = {"tanggal", "salah_satu", "jadwal", "capaian", "dokumen", "rencana_kerja",
              "mandiri", "realisasi"}
"""Error kinds raised by the model itself, whose messages are already Indonesian."""

_BOUNDS = {"greater_than_equal", "less_than_equal", "greater_than", "less_than"}


def data_path(data: Any, loc: tuple[Any, ...], *, missing: bool = False) -> Path:
    """The plan path of a pydantic error location: union tags and validator names, which are
    not in the plan ('Capaian', 'constrained-str', 'function-after[...]'), are left out."""
    path: list[str | int] = []
    for index, part in enumerate(loc):
        if isinstance(data, dict) and part in data:
            data = data[part]
        elif isinstance(data, list) and isinstance(part, int) and 0 <= part < len(data):
            data = data[part]
        elif missing and index == len(loc) - 1 and isinstance(part, str):
            pass  # the key that should be there
        else:
            continue
        path.append(part)
    return tuple(path)


def _field_info(path: Path) -> Any:
    """The pydantic field behind a plan path (None for list items and unknown paths)."""
    if not path or isinstance(path[-1], int):
        return None
    model = _model_at(path[:-1])
    return model.model_fields.get(path[-1]) if model else None


def _bounds(path: Path, error: dict[str, Any]) -> str:
    """'bilangan bulat 0 sampai 999999': the field's whole range, not only the side broken."""
    ctx = error.get("ctx") or {}
    low = ctx.get("ge", ctx.get("gt"))
    high = ctx.get("le", ctx.get("lt"))
    info = _field_info(path)
    for item in info.metadata if info else ():
        low = getattr(item, "ge", None) if getattr(item, "ge", None) is not None else low
        high = getattr(item, "le", None) if getattr(item, "le", None) is not None else high
    if low is not None and high is not None:
        return f"bilangan bulat {low} sampai {high}"
    return f"paling sedikit {low}" if low is not None else f"paling banyak {high}"


def _choice_hint(value: Any, choices: list[str]) -> str:
    """'Kabupaten' -> write it in small letters; 'kabupatn' -> the choice meant."""
    if not isinstance(value, str):
        return ""
    if value.strip().lower() in choices:
        return f"; tulis dengan huruf kecil: {value.strip().lower()}"
    close = _closest(value.strip(), choices)
    return f"; maksud Anda '{close}'?" if close else ""


def _area_hint(value: Any) -> str:
    """'Pengawasan', 'penataan tatalaksana' -> the official area's name as it must be written."""
    meant = area_dimaksud(str(value)) if isinstance(value, str) else None
    return f"; maksud Anda '{meant}'?" if meant else ""


def _quote_hint(written: str | None, value: Any) -> str:
    shown = written if written is not None else str(value).lower()
    return f"; bila memang teks, apit dengan tanda kutip: \"{shown}\""


def _message(name: str, kind: str, error: dict[str, Any], value: Any,
             written: str | None, path: Path) -> str:
    """The Indonesian message for one pydantic error, naming the field and what it expects."""
    said = _describe(value, written)
    if kind == "teks_ya_tidak":
        return (f"'{name}' harus berupa teks; {written or str(value).lower()} tanpa tanda kutip "
                f"dibaca YAML sebagai nilai ya/tidak{_quote_hint(written, value)}")
    if kind == "teks_angka":
        return (f"'{name}' harus berupa teks atau bilangan bulat 0 ke atas, bukan {said}"
                f"{_quote_hint(written, value)}")
    if kind == "jenis":
        return f"'{name}' harus berupa {error['ctx']['harapan']}, bukan {said}"
    if kind == "tanggal" and (isinstance(value, bool) or not isinstance(value, str | int)):
        return (f"'{name}' harus berupa tanggal, mis. 2025-09-09 atau 9 September 2025, bukan "
                f"{said}")
    if kind in ("ya_tidak", "bool_type", "bool_parsing"):
        return f"'{name}' harus ya atau tidak (true atau false), bukan {said}"
    info = _field_info(path)
    if value is None and info is not None and not info.is_required():
        return f"'{name}' kosong; tulis isinya, atau hapus baris ini bila tidak dipakai"
    if kind in _TYPE_NAMES:
        unquote = ("; hapus tanda kutipnya" if kind in ("int_type", "int_parsing")
                   and isinstance(value, str) and value.strip().isdigit() else "")
        return f"'{name}' harus berupa {_TYPE_NAMES[kind]}, bukan {said}{unquote}"
    if kind in ("float_parsing", "float_type"):
        return f"'{name}' harus berupa angka, mis. 100 atau 50.5, bukan {said}"
    if kind == "finite_number":
        return f"'{name}' harus berupa angka biasa, mis. 100, bukan {said}"
    if kind == "int_parsing_size":
        return f"'{name}' harus berupa bilangan bulat yang wajar, bukan {said}"
    if kind == "literal_error":
        expected = error["ctx"]["expected"].replace("'", "").replace(" or ", ", ")
        hint = _area_hint(value) if path[-1:] == ("area_resmi",) else _choice_hint(
            value, expected.split(", "))
        return f"'{name}' harus salah satu dari: {expected}; tertulis {said}" + hint
    if kind in ("too_short", "string_too_short"):
        return f"'{name}' tidak boleh kosong"
    if kind in ("too_long", "string_too_long"):
        return f"'{name}' terlalu panjang"
    if kind in _BOUNDS:
        return f"'{name}' harus {_bounds(path, error)}, bukan {said}"
    if kind in _OWN_KINDS:
        return f"'{name}': {error['msg']}" if path else error["msg"]
    expected = f"; yang diharapkan: {info.description}" if info and info.description else ""
    return f"'{name}' tidak dapat dipakai: {said}{expected}"


def _translate(source: Source, error: dict[str, Any]) -> Diagnostic:
    kind = error["type"]
    path = data_path(source.data, tuple(error["loc"]), missing=kind == "missing")
    name = field_name(path)
    if kind == "extra_forbidden":
        return _unknown_key(source, path)
    if kind == "missing":
        parent = path[:-1]
        where = f" di '{field_name(parent)}'" if parent else ""
        message = f"'{path[-1]}' wajib diisi{where} tetapi belum ada"
        return Diagnostic(source.file, source.where(parent, key=True), message)
    value = error.get("input")
    slip = bulan_salah(value) if kind == "tanggal" and isinstance(value, str) else []
    if slip:  # '20 Januarri 2026': the month is the mistake, with the spelling code
        return Diagnostic(source.file, source.where(path),
                          f"'{name}': nama bulan '{slip[0].tertulis}' salah eja: maksud Anda "
                          f"'{slip[0].benar}'? (tulis seperti 9 September 2025 atau 2025-09-09)",
                          kode="bulan-salah-eja")
    message = _message(name, kind, error, value, source.written.get(path), path)
    return Diagnostic(source.file, source.where(path), message)


def _translate_all(source: Source, errors: list[Any]) -> list[Diagnostic]:
    """Translate every error, dropping 'missing X' where a misspelt key already suggests X."""
    suggested = set()
    for error in errors:
        if error["type"] == "extra_forbidden":
            path = data_path(source.data, tuple(error["loc"]))
            close = _closest(str(path[-1]), _known_keys(path[:-1]))
            if close:
                suggested.add((*path[:-1], close))
    kept = []
    for error in errors:
        path = data_path(source.data, tuple(error["loc"]), missing=error["type"] == "missing")
        if not (error["type"] == "missing" and path in suggested) and not _under(
                path, source.refused):
            kept.append(_translate(source, error))
    return kept


def _under(path: Path, roots: set[Path]) -> bool:
    return any(path[: len(root)] == root for root in roots)


def _person_refs(data: Any) -> list[Path]:
    """Paths of every value that names a person key (a KunciOrang field), in the raw data."""
    return [path for path, _ in marked(Rencana, data, Role.PERSON)] if isinstance(data, dict) \
        else []


def _lookup(data: Any, path: Path) -> Any:
    for part in path:
        data = data[part]
    return data


_LIST_PEOPLE = 10
"""Up to this many people, an unknown key's message lists them all."""


def _check_refs(source: Source) -> list[Diagnostic]:
    data = source.data
    people = data.get("orang") if isinstance(data, dict) else None
    keys = [str(k) for k in people] if isinstance(people, dict) else []
    found = []
    for path in _person_refs(data):
        ref = _lookup(data, path)
        if isinstance(ref, bool) or not isinstance(ref, str | int | float):
            continue  # a wrong type is reported by the model
        ref = str(ref)
        if ref in keys:
            continue
        message = f"'{field_name(path)}': orang '{ref}' tidak ada di 'orang'"
        close = _closest(ref, keys)
        if close:
            message += f"; maksud Anda '{close}'? Bila orang lain, tambahkan di bawah 'orang'"
        elif keys and len(keys) <= _LIST_PEOPLE:
            message += (f"; orang yang ada: {', '.join(keys)}; atau tambahkan '{ref}' di bawah "
                        "'orang'")
        else:
            message += (f"; tambahkan '{ref}' di bawah 'orang' (dengan 'nama' dan 'jabatan' atau "
                        "'peran'), atau tulis salah satu kunci yang ada di sana")
        found.append(Diagnostic(source.file, source.where(path), message))
    return found


def _check_catalog_keys(source: Source) -> list[Diagnostic]:
    data = source.data
    keputusan = data.get("keputusan") if isinstance(data, dict) else None
    items = keputusan.get("mengingat") if isinstance(keputusan, dict) else None
    if not isinstance(items, list):
        return []
    entries = catalog.katalog()
    found = []
    for index, item in enumerate(items):
        if isinstance(item, str) and catalog.KEY_PATTERN.match(item) and item not in entries:
            path = ("keputusan", "mengingat", index)
            message = f"'{field_name(path)}': peraturan '{item}' tidak ada di katalog"
            jenis, nomor, _ = item.split("-")
            same = [key for key in entries if key.startswith(f"{jenis}-{nomor}-")]
            close = _closest(item, same) if same else None
            message += f"; maksud Anda '{close}'?" if close else (
                "; lihat daftar kunci dengan `zi katalog`, atau tulis kutipannya lengkap")
            found.append(Diagnostic(source.file, source.where(path), message))
    return found


def _check_lampiran(source: Source, plan: Rencana) -> list[Diagnostic]:
    """The table placed in a chapter needs its data and one chapter; the attachment order
    names each attachment the plan has, once."""
    found = []

    def problem(path: Path, message: str) -> None:
        found.append(Diagnostic(source.file, source.where(path),
                                f"'{field_name(path)}': {message}"))

    kerja = plan.rencana_kerja
    chapters = [i for i, bab in enumerate(kerja.bab) if bab.tabel_rencana_aksi] if kerja else []
    for index in chapters:
        path: Path = ("rencana_kerja", "bab", index, "tabel_rencana_aksi")
        if plan.rencana_aksi is None:
            problem(path, "tabel dicetak dari 'rencana_aksi', yang belum diisi; isi "
                    "'rencana_aksi' atau hapus baris ini")
        elif index != chapters[0]:
            problem(path, f"tabel rencana aksi sudah dicetak di rencana_kerja.bab"
                    f"[{chapters[0] + 1}]; cetak di satu bab saja")
    order = plan.keputusan.lampiran if plan.keputusan else None
    if order is None:
        return found
    seen: dict[str, int] = {}
    name: str
    for index, name in enumerate(order):
        path = ("keputusan", "lampiran", index)
        if name in seen:
            problem(path, f"'{name}' sudah disebut di keputusan.lampiran[{seen[name] + 1}]; "
                    "sebut tiap lampiran sekali")
        elif name == "rencana_aksi" and chapters and plan.rencana_aksi is not None:
            problem(path, f"tabel rencana aksi dicetak di rencana_kerja.bab[{chapters[0] + 1}], "
                    "bukan lampiran tersendiri; hapus 'rencana_aksi' dari daftar ini")
        elif getattr(plan, name) is None:
            problem(path, f"lampiran '{name}' belum diisi; isi '{name}' atau hapus dari "
                    "daftar ini")
        seen.setdefault(name, index)
    for name in ATTACHMENT_KINDS:
        placed = name == "rencana_aksi" and chapters
        if getattr(plan, name) is not None and name not in seen and not placed:
            problem(("keputusan", "lampiran"), f"'{name}' diisi tetapi tidak disebut di sini; "
                    "tambahkan agar tercetak sebagai lampiran (urutan daftar menentukan "
                    "LAMPIRAN I, II, ...)")
    return found


def _takes_text(annotation: Any) -> bool:
    """Whether a field's type holds text (a dict's key type does not count)."""
    if annotation is str:
        return True
    args = getattr(annotation, "__args__", ()) or ()
    if get_origin(annotation) is dict:
        args = args[1:]
    return any(_takes_text(arg) for arg in args)


def _numbers_printed_otherwise(source: Source) -> list[Diagnostic]:
    """Text fields given a number YAML rewrites: 0400 is octal 256, 1:30 is 90, 1_000 is 1000."""
    found = []
    for path, written in source.written.items():
        try:
            value = _lookup(source.data, path)
        except (KeyError, IndexError, TypeError):
            continue
        if isinstance(value, bool) or not isinstance(value, int) or written == str(value):
            continue
        named = path[: max(i for i, part in enumerate(path) if isinstance(part, str)) + 1]
        info = _field_info(named)
        if info is not None and _takes_text(info.annotation):
            found.append(Diagnostic(source.file, source.where(path), (
                f"'{field_name(path)}': {written} tanpa tanda kutip dibaca YAML sebagai angka "
                f"{value} dan akan tercetak {value}; apit dengan tanda kutip: \"{written}\"")))
    return found


def _check_step_ids(source: Source, plan: Rencana) -> list[Diagnostic]:
    """A step's `id` names it in the monev file: two steps with one id would share a record."""
    first: dict[str, Path] = {}
    found = []
    for step in planned_steps(plan):
        code = step.langkah.id
        if code is None:
            continue
        if code in first:
            found.append(Diagnostic(source.file, source.where((*step.path, "id")), (
                f"'{field_name((*step.path, 'id'))}': kode langkah '{code}' sudah dipakai "
                f"langkah lain (baris {source.where((*first[code], 'id')).line}); setiap "
                "langkah perlu kode sendiri")))
        else:
            first[code] = step.path
    return found


def validate_source(source: Source) -> Rencana:
    """Validate read YAML; raise PlanError with every problem when anything is wrong."""
    problems = list(source.errors) + list(source.warnings)
    if source.data is not None and not isinstance(source.data, dict):
        problems.append(Diagnostic(source.file, source.where(()), "isi berkas harus berupa "
                                   "pemetaan (baris-baris 'kunci: nilai'), mulai dari 'satker:'"))
        raise PlanError(problems)
    plan = None
    if source.data is not None:
        try:
            plan = Rencana.model_validate(source.data)
        except ValidationError as exc:
            problems += _translate_all(source, exc.errors(include_url=False))
        problems += _check_refs(source) + _check_catalog_keys(source)
        if plan is not None:
            problems += _check_lampiran(source, plan) + _check_step_ids(source, plan)
        problems += _numbers_printed_otherwise(source)
    if any(d.is_error for d in problems) or plan is None:
        raise PlanError(_unique(problems))
    return plan


ModelT = TypeVar("ModelT", bound=BaseModel)


def validate_file_model(source: Source, model: type[ModelT]) -> ModelT:
    """Another kind of file (a monev realisation file) validated against its own model, with
    the same positioned messages; PlanError with every problem when anything is wrong."""
    problems = list(source.errors) + list(source.warnings)
    if source.data is not None and not isinstance(source.data, dict):
        problems.append(Diagnostic(source.file, source.where(()), "isi berkas harus berupa "
                                   "pemetaan (baris-baris 'kunci: nilai')"))
        raise PlanError(problems)
    result = None
    token = _ROOT.set(model)
    try:
        result = model.model_validate(source.data or {})
    except ValidationError as exc:
        problems += _translate_all(source, exc.errors(include_url=False))
    finally:
        _ROOT.reset(token)
    if any(d.is_error for d in problems) or result is None:
        raise PlanError(_unique(problems))
    return result


def _unique(items: list[Diagnostic]) -> list[Diagnostic]:
    return list(dict.fromkeys(items))
