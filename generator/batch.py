"""Many plans at once: in parallel, skipping those whose inputs have not changed."""

from __future__ import annotations

import hashlib
import json
import os
import re
from collections.abc import Callable, Iterable
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path

from generator import __version__
from generator.build import Output, render_checked, write_all, write_atomically
from generator.diagnostics import PlanError
from generator.render_docx import TemplateProblem
from generator.resources import TEMPLATE_FILES, templates_dir
from generator.validate import check_file

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


def fingerprint(plan: Path, formats: tuple[str, ...], versions: tuple[str, ...],
                templates: Path | None = None) -> str:
    """Everything an output depends on, hashed."""
    digest = hashlib.sha256()
    shared = _shared_inputs(str(templates) if templates else None)
    for part in (shared, _file_digest(plan), _logo_digest(plan), ",".join(formats),
                 ",".join(versions), os.environ.get("SOURCE_DATE_EPOCH", "")):
        digest.update(part.encode())
        digest.update(b"\0")
    return digest.hexdigest()


def _logo_digest(plan: Path) -> str:
    """A logo named in the plan is an input too (read without parsing the whole plan)."""
    found = re.search(r"^\s*logo:\s*['\"]?([^'\"#\n]+?)['\"]?\s*(?:#.*)?$",
                      plan.read_text(encoding="utf-8", errors="replace"), re.MULTILINE)
    logo = plan.parent / found.group(1) if found else None
    return _file_digest(logo) if logo is not None and logo.is_file() else ""


def up_to_date(plan: Path, out_dir: Path, formats: tuple[str, ...],
               versions: tuple[str, ...], templates: Path | None = None) -> bool:
    """True when the last build of this plan used the same inputs and its files are there."""
    stamp = out_dir / plan.stem / STAMP
    try:
        recorded = json.loads(stamp.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return (recorded.get("jejak") == fingerprint(plan, formats, versions, templates)
            and all((out_dir / plan.stem / name).is_file() for name in recorded.get("berkas", ())))


def _peak_mb() -> float:
    try:
        import resource

        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    except ImportError:  # pragma: no cover - not on Linux
        return 0.0


def build_one(plan_name: str, out_dir: str, formats: tuple[str, ...],
              versions: tuple[str, ...], templates: str | None = None) -> Hasil:
    """Build one plan; never raises for a bad plan or a broken template."""
    plan = Path(plan_name)
    try:
        checked = check_file(plan, shown_as=plan_name)
        user = Path(templates) if templates else None
        outputs = render_checked(checked.plan, plan.stem, Path(out_dir), formats, versions, user,
                                 checked.logo)
        written = write_all(outputs)
        stamp = {"jejak": fingerprint(plan, formats, versions, user),
                 "berkas": [p.name for p in written]}
        write_atomically(Output(Path(out_dir) / plan.stem / STAMP,
                                json.dumps(stamp, indent=1).encode("utf-8")))
        return Hasil(plan_name, "dibangun", [str(p) for p in written],
                     [str(w) for w in checked.warnings], _peak_mb())
    except PlanError as exc:
        return Hasil(plan_name, "gagal", [], [str(d) for d in exc.diagnostics], _peak_mb())
    except TemplateProblem as exc:
        return Hasil(plan_name, "gagal", [], [str(exc)], _peak_mb())
    except Exception as exc:  # a broken template must not stop the other plans
        return Hasil(plan_name, "gagal", [], [f"{type(exc).__name__}: {exc}"], _peak_mb())


def build_many(plans: list[Path], out_dir: Path, formats: tuple[str, ...],
               versions: tuple[str, ...], jobs: int, force: bool = False,
               done: Callable[[Hasil], None] = lambda result: None,
               templates: Path | None = None) -> list[Hasil]:
    """Build every plan, `jobs` at a time; unchanged ones are skipped unless `force`."""
    user = str(templates) if templates else None
    results: list[Hasil] = []
    todo: list[Path] = []
    for plan in plans:
        if not force and plan.is_file() and up_to_date(plan, out_dir, formats, versions,
                                                         templates):
            result = Hasil(str(plan), "dilewati")
            results.append(result)
            done(result)
        else:
            todo.append(plan)
    if jobs <= 1 or len(todo) <= 1:
        for plan in todo:
            result = build_one(str(plan), str(out_dir), formats, versions, user)
            results.append(result)
            done(result)
        return results
    with ProcessPoolExecutor(max_workers=min(jobs, len(todo))) as pool:
        futures = [pool.submit(build_one, str(plan), str(out_dir), formats, versions, user)
                   for plan in todo]
        for future in as_completed(futures):
            result = future.result()
            results.append(result)
            done(result)
    return results
