"""Many plans at once: in parallel, skipping those whose inputs have not changed."""

from __future__ import annotations

import gc
import hashlib
import json
import os
import re
from collections.abc import Callable, Iterable
from contextlib import nullcontext
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

from generator import __version__
from generator.build import Output, Target, render_checked, targets, write_all, write_atomically
from generator.diagnostics import PlanError
from generator.files import output_folder
from generator.jdih import dasar_nama
from generator.resources import TEMPLATE_FILES, templates_dir
from generator.templat import TemplateProblem
from generator.validate import check_file

if TYPE_CHECKING:
    from concurrent.futures import Executor

STAMP = ".zi-jejak.json"
"""Written beside a plan's outputs: the fingerprint of the inputs they were built from."""


@dataclass
class Hasil:
    """What happened to one plan."""

    rencana: str
    """The plan file as named on the command line."""
    status: str
    """'dibangun' (built), 'dilewati' (skipped: unchanged) or 'gagal' (failed)."""
    berkas: list[str] = field(default_factory=list)
    """Files written."""
    pesan: list[str] = field(default_factory=list)
    """Messages: the plan's errors and warnings, or why it failed."""
    memori_mb: float = 0.0
    """Peak resident memory of the process that built it."""
    pekerja_mati: bool = False
    """A worker process died while building it: a pool kept for later builds must be renewed."""


def collect(paths: Iterable[str]) -> list[Path]:
    """Plan files from files and folders (a folder's *.yaml, sorted)."""
    found: list[Path] = []
    for name in paths:
        path = Path(name)
        if path.is_dir():
            found += sorted(p for p in path.glob("*.yaml") if p.is_file())
            found += sorted(p for p in path.glob("*.yml") if p.is_file())
        else:
            found.append(path)
    return list(dict.fromkeys(found))


def _file_digest(path: Path) -> str:
    stat = path.stat()
    return _digest_cached(str(path), stat.st_mtime_ns, stat.st_size)


@lru_cache(maxsize=256)
def _digest_cached(path: str, mtime: int, size: int) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


@lru_cache(maxsize=4)
def _shared_inputs(user_templates: str | None = None) -> str:
    """Templates, fonts, catalog, official komponen and the version: hashed once per process."""
    digest = hashlib.sha256(__version__.encode())
    folder = templates_dir()
    for path in sorted(p for p in folder.rglob("*") if p.is_file() and "__pycache__" not in
                       p.parts):
        digest.update(str(path.relative_to(folder)).encode())
        digest.update(_file_digest(path).encode())
    if user_templates:
        for name in TEMPLATE_FILES:
            path = Path(user_templates) / name
            if path.is_file():
                digest.update(f"user/{name}".encode())
                digest.update(_file_digest(path).encode())
    for name in ("data/peraturan.yaml", "data/komponen.yaml"):
        digest.update(resources.files("generator").joinpath(name).read_bytes())
    return digest.hexdigest()


def forget_shared_inputs() -> None:
    """Hash templates, fonts and catalog again at the next check (a long-running watch)."""
    _shared_inputs.cache_clear()


def fingerprint(plan: Path, formats: tuple[str, ...], versions: tuple[str, ...],
                templates: Path | None = None, nama: str = "biasa") -> str:
    """Everything an output depends on, hashed: the way files are named too, so that switching
    it builds the files under their new names."""
    digest = hashlib.sha256()
    shared = _shared_inputs(str(templates) if templates else None)
    for part in (shared, _file_digest(plan), _logo_digest(plan), ",".join(formats),
                 ",".join(versions), os.environ.get("SOURCE_DATE_EPOCH", ""),
                 f"nama-berkas={nama}"):
        digest.update(part.encode())
        digest.update(b"\0")
    return digest.hexdigest()


def _logo_digest(plan: Path) -> str:
    """A logo named in the plan is an input too."""
    logo = logo_file(plan)
    return _file_digest(logo) if logo is not None else ""


def logo_file(plan: Path) -> Path | None:
    """The logo file a plan names, found without parsing the whole plan; None if there is none."""
    try:
        text = plan.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return None
    found = re.search(r"^\s*logo:\s*['\"]?([^'\"#\n]+?)['\"]?\s*(?:#.*)?$", text, re.MULTILINE)
    logo = plan.parent / found.group(1) if found else None
    return logo if logo is not None and logo.is_file() else None


def up_to_date(plan: Path, out_dir: Path, formats: tuple[str, ...],
               versions: tuple[str, ...], templates: Path | None = None,
               nama: str = "biasa") -> bool:
    """True when the last build of this plan used the same inputs and its files are there."""
    folder = output_folder(out_dir, plan.stem)
    stamp = folder / STAMP
    try:
        recorded = json.loads(stamp.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return (recorded.get("jejak") == fingerprint(plan, formats, versions, templates, nama)
            and all((folder / name).is_file() for name in recorded.get("berkas", ())))


def _peak_mb() -> float:
    try:
        import resource

        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    except ImportError:  # pragma: no cover - not on Linux
        return 0.0


@dataclass
class Bagian:
    """Some of one plan's files, rendered in memory by one worker."""

    outputs: list[Output]
    """The files rendered; empty when the plan failed."""
    pesan: list[str]
    """The plan's warnings, or why it failed."""
    gagal: bool
    """True when the plan could not be built."""
    memori_mb: float
    """Peak resident memory of the worker."""
    posisi: list[int] = field(default_factory=list)
    """Where each output comes among all the plan's files, to write them in the usual order."""
    pekerja_mati: bool = False
    """The worker died before it returned this share."""


def render_part(plan_name: str, out_dir: str, formats: tuple[str, ...],
                versions: tuple[str, ...], templates: str | None = None,
                part: tuple[int, int] = (0, 1), nama: str = "biasa") -> Bagian:
    """Validate a plan and render share `part` = (index, count) of its files; never raises.

    The cyclic garbage collector is paused while rendering: a layout makes hundreds of thousands
    of objects, and collections that walk them all again and again cost a tenth of the time.
    """
    plan = Path(plan_name)
    paused = gc.isenabled()
    gc.disable()
    try:
        checked = check_file(plan, shown_as=plan_name)
        user = Path(templates) if templates else None
        index, count = part
        every = targets(checked.plan, formats, versions, nama)
        mine = share(every, count)[index]
        outputs = render_checked(checked.plan, plan.stem, Path(out_dir), formats, versions, user,
                                 checked.logo, only=mine, nama=nama)
        note = dasar_nama(checked.plan, nama).catatan
        messages = [str(w) for w in checked.warnings] + ([f"{plan_name}: {note}"] if note else [])
        return Bagian(outputs, messages, False, _peak_mb(), sorted(every.index(t) for t in mine))
    except PlanError as exc:
        return Bagian([], [str(d) for d in exc.diagnostics], True, _peak_mb())
    except TemplateProblem as exc:
        return Bagian([], [str(exc)], True, _peak_mb())
    except Exception as exc:  # a broken template must not stop the other plans
        return Bagian([], [f"{type(exc).__name__}: {exc}"], True, _peak_mb())
    finally:
        if paused:
            gc.enable()


def share(found: list[Target], count: int) -> list[list[Target]]:
    """Split a plan's files into `count` shares of similar cost: PDFs first, dealt in turn."""
    ordered = sorted(found, key=lambda t: t.fmt != "pdf")
    shares: list[list[Target]] = [[] for _ in range(count)]
    for i, target in enumerate(ordered):
        shares[i % count].append(target)
    return shares


def finish(plan_name: str, out_dir: str, formats: tuple[str, ...], versions: tuple[str, ...],
           templates: str | None, parts: list[Bagian], nama: str = "biasa") -> Hasil:
    """Write a plan's files once every share is rendered, with the stamp of their inputs."""
    memory = max((p.memori_mb for p in parts), default=0.0)
    failed = next((p for p in parts if p.gagal), None)
    if failed is not None:
        return Hasil(plan_name, "gagal", [], failed.pesan, memory,
                     any(p.pekerja_mati for p in parts))
    plan = Path(plan_name)
    pairs = [pair for p in parts for pair in zip(p.posisi, p.outputs, strict=True)]
    outputs = [o for _, o in sorted(pairs, key=lambda pair: pair[0])]
    try:
        written = write_all(outputs)
        user = Path(templates) if templates else None
        stamp = {"jejak": fingerprint(plan, formats, versions, user, nama),
                 "berkas": [p.name for p in written]}
        write_atomically(Output(output_folder(Path(out_dir), plan.stem) / STAMP,
                                json.dumps(stamp, indent=1).encode("utf-8")))
    except OSError as exc:
        return Hasil(plan_name, "gagal", [], [f"tidak dapat menulis: {exc}"], memory)
    return Hasil(plan_name, "dibangun", [str(p) for p in written], parts[0].pesan, memory)


def _received(future) -> Bagian:
    """A worker's share; a worker that died (killed, out of memory) fails its plan, not the run."""
    try:
        return future.result()
    except Exception as exc:
        return _died(exc)


def _died(exc: Exception) -> Bagian:
    """The failed share of a worker that died, whether the pool said so on submit or on result."""
    return Bagian([], [f"pekerja berhenti sebelum selesai ({type(exc).__name__}: {exc})"],
                  True, 0.0, pekerja_mati=True)


def build_one(plan_name: str, out_dir: str, formats: tuple[str, ...],
              versions: tuple[str, ...], templates: str | None = None,
              nama: str = "biasa") -> Hasil:
    """Build one plan in this process; never raises for a bad plan or a broken template."""
    part = render_part(plan_name, out_dir, formats, versions, templates, nama=nama)
    return finish(plan_name, out_dir, formats, versions, templates, [part], nama)


def build_many(plans: list[Path], out_dir: Path, formats: tuple[str, ...],
               versions: tuple[str, ...], jobs: int, force: bool = False,
               done: Callable[[Hasil], None] = lambda result: None,
               templates: Path | None = None, pool: Executor | None = None,
               nama: str = "biasa") -> list[Hasil]:
    """Build every plan, `jobs` at a time; unchanged ones are skipped unless `force`; `nama`
    'nomor' names the decree's files by its number.

    With fewer plans than jobs, each plan's files are shared among the workers, so one plan's
    two PDFs are laid out at the same time. A `pool` given is used and left running (its
    workers stay warm for the next build); otherwise one is started when there is work to share.
    """
    user = str(templates) if templates else None
    results: list[Hasil] = []
    todo: list[Path] = []
    for plan in plans:
        if not force and plan.is_file() and up_to_date(plan, out_dir, formats, versions,
                                                         templates, nama):
            result = Hasil(str(plan), "dilewati")
            results.append(result)
            done(result)
        else:
            todo.append(plan)
    if not todo:
        return results
    pdfs = len(versions) if "pdf" in formats else 1
    count = max(1, min(jobs // len(todo), pdfs))
    if pool is None and (jobs <= 1 or (len(todo) == 1 and count == 1)):
        for plan in todo:
            result = build_one(str(plan), str(out_dir), formats, versions, user, nama)
            results.append(result)
            done(result)
        return results
    from concurrent.futures import ProcessPoolExecutor, as_completed

    args = (str(out_dir), formats, versions, user)
    workers = min(jobs, len(todo) * count)
    with nullcontext(pool) if pool else ProcessPoolExecutor(max_workers=workers) as executor:
        parts: dict[str, list[Bagian]] = {str(plan): [] for plan in todo}

        def received(name: str, part: Bagian) -> None:
            parts[name].append(part)
            if len(parts[name]) == count:
                result = finish(name, *args, parts[name], nama)
                results.append(result)
                done(result)

        futures = {}
        for plan in todo:
            for i in range(count):
                try:
                    futures[executor.submit(render_part, str(plan), *args, (i, count),
                                            nama)] = str(plan)
                except Exception as exc:  # the pool broke (a worker died) before this share
                    received(str(plan), _died(exc))
        for future in as_completed(futures):
            received(futures[future], _received(future))
    return results
