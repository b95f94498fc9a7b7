"""What both writers share about templates: the error a broken one raises, and compiled code kept.

Compiled Jinja code is kept per process and on disk, so a template is compiled once, not per build.
Compiling the DOCX template's parts costs about 0.1 s per file written; loading the compiled code
costs a millisecond. Like Python's own __pycache__, the cache holds only code made from template
files (never plan text, which reaches templates as data), keyed by everything that shapes the code.
"""

from __future__ import annotations

import hashlib
import importlib.util
import marshal
import os
import sys
import tempfile
from pathlib import Path
from types import CodeType

import jinja2
from jinja2 import TemplateError, UndefinedError
from jinja2.exceptions import SecurityError
from jinja2.sandbox import SandboxedEnvironment

CACHE_ENV = "ZI_CACHE_DIR"
"""Where the cache lives; set to an empty value to keep compiled code in memory only."""

MAX_ENTRIES = 500
"""Entries kept on disk (a few KB each); the oldest written go first when there are more."""

_MEMORY: dict[str, CodeType] = {}


class TemplateProblem(Exception):
    """A user's template is broken or no longer has the structure the writer fills in."""


def jinja_message(exc: TemplateError) -> str:
    """A template error in Indonesian, with Jinja's own detail."""
    if isinstance(exc, UndefinedError):
        return f"isian tidak dikenal: {exc.message}"
    if isinstance(exc, SecurityError):
        return f"dilarang di templat: {exc.message}"
    return f"kesalahan templat: {exc.message}"


def cache_dir() -> Path | None:
    """$ZI_CACHE_DIR, else $XDG_CACHE_HOME/zi, else ~/.cache/zi; None when turned off."""
    chosen = os.environ.get(CACHE_ENV)
    if chosen is not None:
        return Path(chosen) if chosen else None
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "zi"


def _calls(table: dict) -> list[tuple[str, str]]:
    """Filter or test names with how they are called: the compiler bakes both into the code."""
    return sorted((name, str(getattr(func, "jinja_pass_arg", ""))) for name, func in table.items())


class CachedCompileEnvironment(SandboxedEnvironment):
    """A sandboxed environment that reuses the code compiled from the same source and settings."""

    def compile(self, source, name=None, filename=None, raw=False, defer_init=False):
        """Jinja's compile, with the code looked up in memory, then on disk, before compiling."""
        if raw or not isinstance(source, str):
            return super().compile(source, name, filename, raw, defer_init)
        key = self._key(source, name, filename, defer_init)
        code = _MEMORY.get(key) or _load(key)
        if code is None:
            code = super().compile(source, name, filename, raw, defer_init)
            _store(key, code)
        _MEMORY[key] = code
        return code

    def _key(self, source: str, name, filename, defer_init: bool) -> str:
        escape = self.autoescape(name) if callable(self.autoescape) else self.autoescape
        settings = (
            jinja2.__version__, importlib.util.MAGIC_NUMBER.hex(), sys.implementation.cache_tag,
            f"{type(self).__module__}.{type(self).__qualname__}", name, filename, defer_init,
            escape, self.finalize is not None, self.optimized, self.is_async,
            self.block_start_string, self.block_end_string, self.variable_start_string,
            self.variable_end_string, self.comment_start_string, self.comment_end_string,
            self.line_statement_prefix, self.line_comment_prefix, self.trim_blocks,
            self.lstrip_blocks, self.newline_sequence, self.keep_trailing_newline,
            sorted(self.extensions), _calls(self.filters), _calls(self.tests),
        )
        digest = hashlib.sha256(repr(settings).encode("utf-8"))
        digest.update(b"\0")
        digest.update(source.encode("utf-8", "surrogatepass"))
        return digest.hexdigest()


def _trusted(folder: Path) -> bool:
    """Run cached code only from a folder that no other user can write to."""
    try:
        info = folder.stat()
    except OSError:
        return False
    mine = not hasattr(os, "getuid") or info.st_uid == os.getuid()
    return mine and not info.st_mode & 0o022


def _load(key: str) -> CodeType | None:
    folder = cache_dir()
    if folder is None or not _trusted(folder):
        return None
    try:
        code = marshal.loads((folder / f"{key}.jinja-code").read_bytes())
    except (OSError, ValueError, EOFError, TypeError):
        return None
    return code if isinstance(code, CodeType) else None


def _store(key: str, code: CodeType) -> None:
    """Write beside, then rename: a reader sees the whole entry or none; failures are ignored."""
    folder = cache_dir()
    if folder is None:
        return
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        fd, temp = tempfile.mkstemp(prefix=f".{key}.", suffix=".tmp", dir=folder)
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(marshal.dumps(code))
            os.replace(temp, folder / f"{key}.jinja-code")
        except OSError:
            Path(temp).unlink(missing_ok=True)
            return
        _prune(folder)
    except OSError:
        pass


def _prune(folder: Path) -> None:
    """Keep the cache small when a user edits their own templates often."""
    entries = list(folder.glob("*.jinja-code"))
    if len(entries) <= MAX_ENTRIES:
        return
    entries.sort(key=lambda path: path.stat().st_mtime_ns)
    for old in entries[:len(entries) - MAX_ENTRIES]:
        old.unlink(missing_ok=True)
