"""Many plans at once: in parallel, skipping those whose inputs have not changed."""

from __future__ import annotations

import gc
import hashlib
import json
import os
import re
import stat
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from enum import StrEnum
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from generator import __version__
from generator.output.build import (
    Output,
    Target,
    render_checked,
    targets,
    write_all,
    write_atomically,
)
from generator.output.folders import output_folder, write_reason
from generator.output.jdih import dasar_nama
from generator.output.workers import new_pool, processes, stop_pool, why_stopped
from generator.plan.realisasi import SUFFIX as MONEV_SUFFIX
from generator.rules import check_bytes
from generator.source.diagnostics import PlanError
from generator.source.logo import MAX_BYTES as LOGO_BYTES
from generator.source.plan_file import read_bytes
from generator.writers.problem import TemplateProblem
from generator.writers.resources import TEMPLATE_FILES, templates_dir

if TYPE_CHECKING:
    from concurrent.futures import Executor, Future

STAMP = ".zi-jejak.json"
"""Written beside a plan's outputs: the fingerprint of the inputs they were built from."""
T = TypeVar("T")
STAMP_BYTES = 64 * 1024
"""A stamp is a few hundred bytes; a larger file is not one zi wrote."""


class BuildStatus(StrEnum):
    """What became of one plan in a build; the value is the word the report prints."""

    BUILT = "dibangun"
    """Its files were written."""
    SKIPPED = "dilewati"
    """Unchanged since its last build: nothing was written."""
    FAILED = "gagal"
    """Not built: its errors, or why the build stopped."""


@dataclass
class BuildResult:
    """What happened to one plan."""

    plan: str
    """The plan file as named on the command line."""
    status: BuildStatus
    """Built, skipped (unchanged) or failed."""
    files: list[str] = field(default_factory=list)
    """Files written."""
    messages: list[str] = field(default_factory=list)
    """Messages: the plan's errors and warnings, or why it failed."""
    memory_mb: float = 0.0
    """Peak resident memory of the process that built it."""
    worker_died: bool = False
    """A worker process died while building it: a pool kept for later builds must be renewed."""
    logo: tuple[str, str] | None = None
    """The logo file the plan names and the SHA-256 of the bytes the build used (or found
    there, when it failed): a watch builds again when that file holds other bytes."""


def collect(paths: Iterable[str]) -> list[Path]:
    """Plan files from files and folders (a folder's *.yaml, sorted).

    A folder's hidden files are left out: a flash drive written on a Mac carries a '._x.yaml'
    beside every 'x.yaml' (its Finder data, not a plan). So are the monev realisation files
    ('x.monev.yaml') beside the plans. A hidden file named itself is read.
    """
    found: list[Path] = []
    for name in paths:
        path = Path(name)
        if path.is_dir():
            for pattern in ("*.yaml", "*.yml"):
                found += sorted(p for p in path.glob(pattern)
                                if not p.name.startswith(".") and not p.name.endswith(MONEV_SUFFIX)
                                and p.is_file())
        else:
            found.append(path)
    return list(dict.fromkeys(found))


RACY_NS = 3_000_000_000
"""A file changed less than this long ago is hashed again rather than trusted to its time and
size (a save in the same clock tick keeps both; FAT's clock ticks every 2 seconds)."""


def _file_digest(path: Path) -> str:
    """The SHA-256 of a file's bytes, kept while its time and size stay what they were."""
    info = path.stat()
    if time.time_ns() - info.st_mtime_ns < RACY_NS:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    return _digest_cached(str(path), info.st_mtime_ns, info.st_size, info.st_ino)


@lru_cache(maxsize=256)
def _digest_cached(path: str, mtime: int, size: int, inode: int) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def logo_state(path: Path) -> str:
    """What a logo file holds now, for comparing with what a build used: the digest of its
    bytes, or why there are none to read ('' when missing); never reads a FIFO or a device,
    nor more than a logo may be."""
    try:
        info = path.stat()
    except OSError:
        return ""
    if not stat.S_ISREG(info.st_mode):
        return f"bukan-berkas:{stat.S_IFMT(info.st_mode)}"
    if info.st_size > LOGO_BYTES:
        return f"besar:{info.st_mtime_ns}:{info.st_size}"
    try:
        return _file_digest(path)
    except OSError:
        return ""


@lru_cache(maxsize=4)
def _shared_inputs(user_templates: str | None = None) -> str:
    """Templates, fonts, catalog, official komponen and the version: hashed once per process
    (per round of a watch), before anything is rendered."""
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
        digest.update(resources.files("generator.reference").joinpath(name).read_bytes())
    return digest.hexdigest()


def forget_shared_inputs() -> None:
    """Hash templates, fonts and catalog again at the next check (a long-running watch)."""
    _shared_inputs.cache_clear()


def fingerprint(formats: tuple[str, ...], versions: tuple[str, ...],
                templates: Path | None = None, nama: str = "biasa") -> str:
    """Everything every plan's outputs depend on, hashed: templates, fonts, catalog, version and
    options, the way files are named too (switching it builds the files under their new names).
    Taken before rendering: a template saved during a build makes the next build run again."""
    digest = hashlib.sha256()
    shared = _shared_inputs(str(templates) if templates else None)
    for part in (shared, ",".join(formats), ",".join(versions),
                 os.environ.get("SOURCE_DATE_EPOCH", ""), f"nama-berkas={nama}"):
        digest.update(part.encode())
        digest.update(b"\0")
    return digest.hexdigest()


def logo_file(plan: Path, text: str | None = None) -> Path | None:
    """The logo a plan seems to name, found without validating it (block or flow style); only
    for watching a plan that failed, whose validated model is not there to say."""
    if text is None:
        try:
            text = plan.read_text(encoding="utf-8", errors="replace")
        except OSError:
            return None
    found = re.search(r"(?:^|[\s{,])logo\s*:\s*['\"]?([^'\"#,{}\n]+?)['\"]?\s*(?:[,}#]|$)",
                      text, re.MULTILINE)
    return plan.parent / found.group(1).strip() if found and found.group(1).strip() else None


@dataclass(frozen=True)
class Stamp:
    """What `.zi-jejak.json` records of a build: enough to tell, without validating the plan
    again, whether its outputs are current."""

    jejak: str
    """The fingerprint of the inputs shared by every plan, and the options (`fingerprint`)."""
    rencana: str
    """SHA-256 of the plan bytes that were validated and rendered."""
    logo: tuple[str, str] | None
    """The logo the validated plan names, as written there (relative to the plan), and the
    SHA-256 of the bytes rendered; None without a logo."""
    berkas: tuple[str, ...]
    """The files written, in the plan's output folder."""

    def json(self) -> bytes:
        """The stamp file's content."""
        logo = {"berkas": self.logo[0], "sidik": self.logo[1]} if self.logo else None
        return json.dumps({"jejak": self.jejak, "rencana": self.rencana, "logo": logo,
                           "berkas": list(self.berkas)}, indent=1).encode("utf-8")


def read_stamp(path: Path) -> Stamp | None:
    """A stamp as written by this version of zi; anything else (missing, unreadable, not JSON,
    JSON of another shape or with fields of the wrong type) is as if there were none."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))  # a FIFO never waits
        with os.fdopen(fd, "rb") as handle:
            if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):
                return None
            raw = handle.read(STAMP_BYTES + 1)
        recorded = json.loads(raw) if len(raw) <= STAMP_BYTES else None
    except (OSError, ValueError, RecursionError):
        return None
    if not isinstance(recorded, dict):
        return None
    jejak, rencana = recorded.get("jejak"), recorded.get("rencana")
    logo, berkas = recorded.get("logo"), recorded.get("berkas")
    if not (isinstance(jejak, str) and isinstance(rencana, str) and isinstance(berkas, list)
            and all(isinstance(name, str) and _plain_name(name) for name in berkas)):
        return None
    if logo is not None:
        if not (isinstance(logo, dict) and isinstance(logo.get("berkas"), str)
                and isinstance(logo.get("sidik"), str)):
            return None
        logo = (logo["berkas"], logo["sidik"])
    return Stamp(jejak, rencana, logo, tuple(berkas))


def _plain_name(name: str) -> bool:
    """A file name inside the plan's output folder, not a path elsewhere."""
    return bool(name) and name not in (".", "..") and "/" not in name and "\\" not in name


def _current(recorded: Stamp | None, plan: Path, digest: str, jejak: str, folder: Path) -> bool:
    """True when `recorded` is of these very plan bytes, shared inputs and options, its logo
    still holds the bytes rendered, and its files are all there."""
    if recorded is None or recorded.jejak != jejak or recorded.rencana != digest:
        return False
    if recorded.logo is not None and logo_state(plan.parent / recorded.logo[0]) != \
            recorded.logo[1]:
        return False
    return all((folder / name).is_file() for name in recorded.berkas)


def up_to_date(plan: Path, out_dir: Path, formats: tuple[str, ...],
               versions: tuple[str, ...], templates: Path | None = None,
               nama: str = "biasa") -> bool:
    """True when the last build of this plan used the same inputs and its files are there."""
    try:
        raw = read_bytes(plan, str(plan))
    except PlanError:
        return False
    folder = output_folder(out_dir, plan.stem)
    return _current(read_stamp(folder / STAMP), plan, _sha256(raw),
                    fingerprint(formats, versions, templates, nama), folder)


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _peak_mb() -> float:
    try:
        import resource

        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    except ImportError:  # pragma: no cover - not on Linux
        return 0.0


@dataclass
class Share:
    """Some of one plan's files, rendered in memory by one worker."""

    outputs: list[Output]
    """The files rendered; empty when the plan failed."""
    messages: list[str]
    """The plan's warnings, or why it failed."""
    failed: bool
    """True when the plan could not be built."""
    memory_mb: float
    """Peak resident memory of the worker."""
    positions: list[int] = field(default_factory=list)
    """Where each output comes among all the plan's files, to write them in the usual order."""
    worker_died: bool = False
    """The worker died before it returned this share."""
    plan_digest: str = ""
    """SHA-256 of the plan bytes validated and rendered."""
    logo: tuple[str, str] | None = None
    """The logo the validated plan names (as written) and SHA-256 of the bytes rendered."""


def render_part(plan_name: str, out_dir: str, formats: tuple[str, ...],
                versions: tuple[str, ...], templates: str | None = None,
                part: tuple[int, int] = (0, 1), nama: str = "biasa",
                raw: bytes | None = None) -> Share:
    """Validate a plan and render share `part` = (index, count) of its files; never raises.

    `raw` is the plan's bytes as the caller read them (read here when not given): exactly these
    are validated, rendered and fingerprinted, whatever is saved meanwhile. The cyclic garbage
    collector is paused while rendering: a layout makes hundreds of thousands of objects, and
    collections that walk them all again and again cost a tenth of the time.
    """
    plan = Path(plan_name)
    paused = gc.isenabled()
    gc.disable()
    try:
        if raw is None:
            raw = read_bytes(plan, plan_name)
        checked = check_bytes(raw, plan_name, plan.parent)
        user = Path(templates) if templates else None
        index, count = part
        every = targets(checked.plan, formats, versions, nama)
        mine = share(every, count)[index]
        outputs = render_checked(checked.plan, plan.stem, Path(out_dir), formats, versions, user,
                                 checked.logo, only=mine, nama=nama)
        note = dasar_nama(checked.plan, nama).catatan
        messages = [str(w) for w in checked.warnings] + ([f"{plan_name}: {note}"] if note else [])
        logo = (checked.plan.satker.logo, _sha256(checked.logo[0])) \
            if checked.logo is not None and checked.plan.satker.logo else None
        return Share(outputs, messages, False, _peak_mb(), sorted(every.index(t) for t in mine),
                      plan_digest=_sha256(raw), logo=logo)
    except PlanError as exc:
        return Share([], [str(d) for d in exc.diagnostics], True, _peak_mb())
    except TemplateProblem as exc:
        return Share([], [str(exc)], True, _peak_mb())
    except Exception as exc:  # a broken template must not stop the other plans
        return Share([], [f"{type(exc).__name__}: {exc}"], True, _peak_mb())
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


def _agreed(values: list[T]) -> T:
    """The one digest every share reports; one that matches nothing when they differ (two
    workers read a logo before and after it was saved: the next build must run again)."""
    if all(v == values[0] for v in values):
        return values[0]
    if isinstance(values[0], str):
        return "berbeda"  # type: ignore[return-value]
    named: Any = next(v for v in values if v)  # a (file, digest) pair
    return (named[0], "berbeda")  # type: ignore[return-value]


def finish(plan_name: str, out_dir: str, formats: tuple[str, ...], versions: tuple[str, ...],
           templates: str | None, parts: list[Share], nama: str = "biasa",
           jejak: str | None = None) -> BuildResult:
    """Write a plan's files once every share is rendered, with the stamp of their inputs:
    `jejak`, the fingerprint taken before rendering (taken now when not given), and the plan
    and logo bytes the shares validated and rendered."""
    memory = max((p.memory_mb for p in parts), default=0.0)
    failed = next((p for p in parts if p.failed), None)
    plan = Path(plan_name)
    if failed is not None:
        return BuildResult(plan_name, BuildStatus.FAILED, [], failed.messages, memory,
                     any(p.worker_died for p in parts))
    if jejak is None:
        jejak = fingerprint(formats, versions, Path(templates) if templates else None, nama)
    pairs = [pair for p in parts for pair in zip(p.positions, p.outputs, strict=True)]
    outputs = [o for _, o in sorted(pairs, key=lambda pair: pair[0])]
    rencana = _agreed([p.plan_digest for p in parts])
    logo = _agreed([p.logo for p in parts])
    try:
        written = write_all(outputs)
        stamp = Stamp(jejak, rencana, logo, tuple(p.name for p in written))
        write_atomically(Output(output_folder(Path(out_dir), plan.stem) / STAMP, stamp.json()))
    except OSError as exc:
        where = exc.filename or out_dir
        return BuildResult(plan_name, BuildStatus.FAILED, [],
                           [f"tidak dapat menulis {where}: {write_reason(exc)}"], memory)
    return BuildResult(plan_name, BuildStatus.BUILT, [str(p) for p in written], parts[0].messages,
                       memory, logo=(str(plan.parent / logo[0]), logo[1]) if logo else None)


def _received(future: Future[Share]) -> Share:
    """A worker's share; a worker that died (killed, out of memory) is marked, to be retried;
    a share that could not come back otherwise fails its plan alone."""
    from concurrent.futures.process import BrokenProcessPool

    try:
        return future.result()
    except BrokenProcessPool as exc:
        return _died(exc)
    except Exception as exc:
        return Share([], [f"{type(exc).__name__}: {exc}"], True, 0.0)


def _died(exc: BaseException | str) -> Share:
    """The failed share of a worker that died, whether the pool said so on submit or on result."""
    why = exc if isinstance(exc, str) else f"{type(exc).__name__}: {exc}"
    return Share([], [f"pekerja berhenti sebelum selesai ({why}); rencana lain tetap dibangun"],
                  True, 0.0, worker_died=True)


def build_one(plan_name: str, out_dir: str, formats: tuple[str, ...],
              versions: tuple[str, ...], templates: str | None = None,
              nama: str = "biasa", raw: bytes | None = None,
              jejak: str | None = None) -> BuildResult:
    """Build one plan in this process; never raises for a bad plan or a broken template."""
    part = render_part(plan_name, out_dir, formats, versions, templates, nama=nama, raw=raw)
    return finish(plan_name, out_dir, formats, versions, templates, [part], nama, jejak)


@dataclass
class _Todo:
    """A plan to build, read once: these bytes are validated, rendered and fingerprinted."""

    plan: Path
    """The plan file."""
    raw: bytes
    """Its bytes as read before building."""
    logo: tuple[str, str] | None
    """The logo its text seems to name and that file's state now: what a watch compares
    when the build fails and no validated plan says which logo it names."""


def build_many(plans: list[Path], out_dir: Path, formats: tuple[str, ...],
               versions: tuple[str, ...], jobs: int, force: bool = False,
               done: Callable[[BuildResult], None] = lambda result: None,
               templates: Path | None = None, pool: Executor | None = None,
               nama: str = "biasa") -> list[BuildResult]:
    """Build every plan, `jobs` at a time; unchanged ones are skipped unless `force`; `nama`
    'nomor' names the decree's files by its number.

    With fewer plans than jobs, each plan's files are shared among the workers, so one plan's
    two PDFs are laid out at the same time. A `pool` given is used and left running (its
    workers stay warm for the next build); otherwise one is started, even for one plan: a crash
    in a worker is a message, a crash in zi would be none. Each plan is read once. A worker
    that dies (a crash in a C library, out of memory) breaks the pool and every plan in it, so
    those are built again, each alone in a worker of its own: the plan that kills its worker
    then fails alone and the others are built.
    """
    user = str(templates) if templates else None
    jejak = fingerprint(formats, versions, templates, nama)
    results: list[BuildResult] = []

    def report(result: BuildResult) -> None:
        results.append(result)
        done(result)

    todo: list[_Todo] = []
    for plan in plans:
        try:
            raw = read_bytes(plan, str(plan))
        except PlanError as exc:
            report(BuildResult(str(plan), BuildStatus.FAILED, [],
                               [str(d) for d in exc.diagnostics]))
            continue
        folder = output_folder(out_dir, plan.stem)
        recorded = None if force else read_stamp(folder / STAMP)
        if _current(recorded, plan, _sha256(raw), jejak, folder):
            logo = recorded.logo if recorded else None
            report(BuildResult(str(plan), BuildStatus.SKIPPED,
                         logo=(str(plan.parent / logo[0]), logo[1]) if logo else None))
            continue
        named = logo_file(plan, raw.decode("utf-8", errors="replace"))
        todo.append(_Todo(plan, raw, (str(named), logo_state(named)) if named else None))
    if not todo:
        return results

    def finished(item: _Todo, result: BuildResult) -> None:
        if result.status is BuildStatus.FAILED and result.logo is None:
            result.logo = item.logo
        report(result)

    pdfs = len(versions) if "pdf" in formats else 1
    count = max(1, min(jobs // len(todo), pdfs))
    args = (str(out_dir), formats, versions, user)
    executor = pool or new_pool(min(jobs, len(todo) * count))
    try:
        broken = _shared(executor, todo, count, args, nama, jejak, finished)
    except BaseException:
        if pool is None:
            stop_pool(executor)  # Ctrl+C or SIGTERM: workers stopped, not waited for
        raise
    if pool is None:
        executor.shutdown(wait=not broken)
        if broken:
            stop_pool(executor)
    if broken:
        _one_by_one(broken, jobs, args, nama, jejak, finished)
    return results


_Args = tuple[str, tuple[str, ...], tuple[str, ...], str | None]
"""What every plan of a build is built with: output folder, formats, versions, templates."""


def _shared(executor: Executor, todo: list[_Todo], count: int, args: _Args, nama: str,
            jejak: str, finished: Callable[[_Todo, BuildResult], None]) -> list[_Todo]:
    """Build every plan in `count` shares in the pool; returns the plans a dead worker took
    down with it (its own and every other one in the pool), to be built again."""
    from concurrent.futures import as_completed

    parts: dict[int, list[Share]] = {id(item): [] for item in todo}
    broken: list[_Todo] = []

    def received(item: _Todo, part: Share) -> None:
        parts[id(item)].append(part)
        if len(parts[id(item)]) != count:
            return
        if any(p.worker_died for p in parts[id(item)]):
            broken.append(item)
        else:
            finished(item, finish(str(item.plan), *args, parts[id(item)], nama, jejak))

    futures = {}
    for item in todo:
        for i in range(count):
            try:
                futures[executor.submit(render_part, str(item.plan), *args, (i, count), nama,
                                        item.raw)] = item
            except Exception as exc:  # the pool broke (a worker died) before this share
                received(item, _died(exc))
    for future in as_completed(futures):
        received(futures[future], _received(future))
    return sorted(broken, key=todo.index)


def _one_by_one(todo: list[_Todo], jobs: int, args: _Args, nama: str, jejak: str,
                finished: Callable[[_Todo, BuildResult], None]) -> None:
    """Build plans again each alone in a worker of its own, `jobs` at a time: a worker that dies
    now was killed by its own plan, which fails with why; the pool is renewed for the next."""
    from concurrent.futures import FIRST_COMPLETED, wait

    waiting = list(todo)
    lanes: list[Executor | None] = [None] * max(1, min(jobs, len(todo)))
    running: dict[Future[Share], tuple[int, _Todo, list[Any]]] = {}

    def lost(lane: int, item: _Todo, why: BaseException | str) -> None:
        pool = lanes[lane]
        lanes[lane] = None
        if pool is not None:
            stop_pool(pool)
        result = finish(str(item.plan), *args, [_died(why)], nama, jejak)
        result.worker_died = True
        finished(item, result)

    try:
        while waiting or running:
            busy = {lane for lane, _, _ in running.values()}
            for lane in range(len(lanes)):
                if not waiting or lane in busy:
                    continue
                item = waiting.pop(0)
                try:
                    pool = lanes[lane] = lanes[lane] or new_pool(1)
                    future = pool.submit(render_part, str(item.plan), *args, (0, 1), nama,
                                         item.raw)
                except Exception as exc:  # could not start a worker, or it died at once
                    lost(lane, item, exc)
                    continue
                running[future] = (lane, item, processes(pool))
            if not running:
                continue
            done, _ = wait(running, return_when=FIRST_COMPLETED)
            for future in done:
                lane, item, workers = running.pop(future)
                part = _received(future)
                if part.worker_died:
                    lost(lane, item, why_stopped(workers[0]) if workers else part.messages[0])
                else:
                    finished(item, finish(str(item.plan), *args, [part], nama, jejak))
    finally:
        for kept in lanes:
            if kept is not None:
                if running:
                    stop_pool(kept)
                else:
                    kept.shutdown()
