"""What both writers share about templates: the error a broken one raises, the sandbox that
bounds what a template can ask for, and compiled code kept.

Compiled Jinja code is kept per process and on disk, so a template is compiled once, not per build.
Compiling the DOCX template's parts costs about 0.1 s per file written; loading the compiled code
costs a millisecond. Like Python's own __pycache__, the cache holds only code made from template
files (never plan text, which reaches templates as data), keyed by everything that shapes the code.
Loading code runs it, so an entry is used only when the opened file is a regular file of the user's
that no one else can write, and its HMAC (with a random key of the user's, kept beside the entries)
proves that zi wrote it for exactly that key: anything else is compiled afresh.
"""

from __future__ import annotations

import hashlib
import hmac
import importlib.util
import marshal
import os
import stat
import sys
import tempfile
from pathlib import Path
from types import CodeType
from typing import Any

import jinja2
from jinja2 import TemplateError, TemplateNotFound, UndefinedError
from jinja2.exceptions import SecurityError
from jinja2.runtime import Context
from jinja2.sandbox import SandboxedEnvironment

from generator.writers import limits
from generator.writers.limits import TemplateLimit

CACHE_ENV = "ZI_CACHE_DIR"
"""Where the cache lives; set to an empty value to keep compiled code in memory only."""

MAX_ENTRIES = 500
"""Entries kept on disk (a few KB each); the oldest written go first when there are more."""
MAX_ENTRY_BYTES = 8 * 1024 * 1024
"""An entry bigger than this is not read (the DOCX template's body compiles to about 1 MB)."""
ENTRY_MAGIC = b"zi-jinja-code 2\n"
"""The start of an entry: format version, then the HMAC-SHA256, then the marshalled code."""
KEY_FILE = "key"
"""The cache folder's random HMAC key, readable by the user alone."""
KEY_BYTES = 32

_MEMORY: dict[str, CodeType] = {}
_KEYS: dict[str, bytes] = {}


def jinja_message(exc: TemplateError) -> str:
    """A template error in Indonesian, with Jinja's own detail."""
    if isinstance(exc, TemplateNotFound):
        return f"kesalahan templat: templat '{exc.name}' tidak ada di folder templat"
    if isinstance(exc, UndefinedError):
        return f"isian tidak dikenal: {exc.message}"
    if isinstance(exc, TemplateLimit):
        return f"melampaui batas: {exc.message}"
    if isinstance(exc, SecurityError):
        return f"dilarang di templat: {exc.message}"
    return f"kesalahan templat: {exc.message}"


def code_message(exc: Exception) -> str:
    """An error raised by a template's own code (not by Jinja) in Indonesian, with Python's
    detail."""
    if isinstance(exc, RecursionError):
        return "kesalahan templat: makro atau isian memanggil dirinya sendiri tanpa akhir"
    return f"kesalahan templat saat mengisi ({type(exc).__name__}: {exc})"


def cache_dir() -> Path | None:
    """$ZI_CACHE_DIR, else $XDG_CACHE_HOME/zi, else ~/.cache/zi; None when turned off."""
    chosen = os.environ.get(CACHE_ENV)
    if chosen is not None:
        return Path(chosen) if chosen else None
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "zi"


def _calls(table: dict[str, Any]) -> list[tuple[str, str]]:
    """Filter or test names with how they are called: the compiler bakes both into the code."""
    return sorted((name, str(getattr(func, "jinja_pass_arg", ""))) for name, func in table.items())


class CachedCompileEnvironment(SandboxedEnvironment):
    """A sandboxed environment that reuses the code compiled from the same source and settings,
    and refuses, before doing it, work that would make a huge value or output."""

    intercepted_binops = frozenset({"*", "**", "+", "%"})
    concat = staticmethod(limits.bounded_concat)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        limits.bound_filters(self.filters)
        self.globals["lipsum"] = limits.lipsum
        self.globals["range"] = limits.safe_range

    def call_binop(self, context: Context, operator: str, left: Any, right: Any) -> Any:
        """The operator, once its result is known to stay within the value bounds."""
        limits.check_binop(operator, left, right)
        return super().call_binop(context, operator, left, right)

    def call(__self, __context: Context, __obj: Any, *args: Any,  # noqa: N805 (Jinja's)
             **kwargs: Any) -> Any:
        """A call from the template, once a string method's widths are known to be small."""
        limits.check_call(__obj, args, kwargs)
        return super().call(__context, __obj, *args, **kwargs)

    def wrap_str_format(self, value: Any) -> Any:
        """str.format from the template, with each field's width checked before formatting."""
        wrapper = super().wrap_str_format(value)
        if wrapper is None:
            return None
        text = value.__self__

        def checked(*args: Any, **kwargs: Any) -> Any:
            _check_format_fields(text, args, kwargs)
            return wrapper(*args, **kwargs)

        return checked

    def compile(self, source: Any, name: str | None = None, filename: str | None = None,
                raw: Any = False, defer_init: bool = False) -> Any:
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

    def _key(self, source: str, name: str | None, filename: str | None,
             defer_init: bool) -> str:
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
            sorted(self.intercepted_binops), sorted(self.intercepted_unops), ENTRY_MAGIC,
        )
        digest = hashlib.sha256(repr(settings).encode("utf-8"))
        digest.update(b"\0")
        digest.update(source.encode("utf-8", "surrogatepass"))
        return digest.hexdigest()


def _check_format_fields(text: str, args: tuple[Any, ...], kwargs: dict[str, Any]) -> None:
    """Every field's format spec in a str.format text, nested ones included."""
    import string

    try:
        fields = list(string.Formatter().parse(text))
    except ValueError:
        return  # str.format itself will say what is wrong
    for _, name, spec, _ in fields:
        if name is not None and spec:
            limits.check_format_spec(spec, args, kwargs)
            if "{" in spec:
                _check_format_fields(spec, args, kwargs)


def _mine(info: os.stat_result) -> bool:
    """Owned by this user (where the system has owners)."""
    return not hasattr(os, "getuid") or info.st_uid == os.getuid()


def _trusted(folder: Path) -> bool:
    """Run cached code only from a folder that no other user can write to."""
    try:
        info = folder.stat()
    except OSError:
        return False
    return stat.S_ISDIR(info.st_mode) and _mine(info) and not info.st_mode & 0o022


def _open_own(path: Path, limit: int, private: bool = False) -> bytes | None:
    """The bytes of a file that is, as opened (never through a symlink, never blocking on a
    FIFO): regular, the user's own, not writable (if `private`: not readable either) by others,
    and at most `limit` bytes; None otherwise."""
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0) \
        | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags)
    except OSError:
        return None
    try:
        info = os.fstat(fd)
        forbidden = 0o077 if private else 0o022
        if not stat.S_ISREG(info.st_mode) or not _mine(info) or info.st_mode & forbidden \
                or info.st_size > limit:
            return None
        with os.fdopen(fd, "rb", closefd=False) as handle:
            data = handle.read(limit + 1)
    except OSError:
        return None
    finally:
        os.close(fd)
    return data if len(data) <= limit else None


def _cache_key(folder: Path, create: bool) -> bytes | None:
    """The folder's HMAC key; made (readable by the user alone) when `create` and there is none
    or the one there cannot be trusted."""
    known = _KEYS.get(str(folder))
    if known is not None:
        return known
    path = folder / KEY_FILE
    key = _open_own(path, KEY_BYTES, private=True)
    if key is not None and len(key) == KEY_BYTES:
        _KEYS[str(folder)] = key
        return key
    if not create:
        return None
    fresh = os.urandom(KEY_BYTES)
    try:
        fd, temp = tempfile.mkstemp(prefix=".key.", suffix=".tmp", dir=folder)  # mode 0600
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(fresh)
            if os.path.lexists(path):
                os.replace(temp, path)  # the one there is not to be trusted
            else:
                try:
                    os.link(temp, path)  # another process's key, made meanwhile, is kept
                except FileExistsError:
                    return _cache_key(folder, create=False)
        finally:
            Path(temp).unlink(missing_ok=True)
    except OSError:
        return None
    _KEYS[str(folder)] = fresh
    return fresh


def _mac(secret: bytes, key: str, body: bytes) -> bytes:
    """The entry's HMAC: binds the code to the key it was compiled for and to this user's cache."""
    return hmac.new(secret, key.encode("ascii") + b"\0" + body, hashlib.sha256).digest()


def _load(key: str) -> CodeType | None:
    folder = cache_dir()
    if folder is None or not _trusted(folder):
        return None
    secret = _cache_key(folder, create=False)
    if secret is None:
        return None
    data = _open_own(folder / f"{key}.jinja-code", MAX_ENTRY_BYTES)
    if data is None or not data.startswith(ENTRY_MAGIC):
        return None
    mac = data[len(ENTRY_MAGIC):len(ENTRY_MAGIC) + 32]
    body = data[len(ENTRY_MAGIC) + 32:]
    if not hmac.compare_digest(mac, _mac(secret, key, body)):
        return None
    try:
        code = marshal.loads(body)
    except (ValueError, EOFError, TypeError):
        return None
    return code if isinstance(code, CodeType) else None


def _store(key: str, code: CodeType) -> None:
    """Write beside, then rename: a reader sees the whole entry or none; failures are ignored."""
    folder = cache_dir()
    if folder is None:
        return
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        if not _trusted(folder):
            return
        secret = _cache_key(folder, create=True)
        if secret is None:
            return
        body = marshal.dumps(code)
        fd, temp = tempfile.mkstemp(prefix=f".{key}.", suffix=".tmp", dir=folder)
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(ENTRY_MAGIC + _mac(secret, key, body) + body)
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
    entries.sort(key=lambda path: path.lstat().st_mtime_ns)
    for old in entries[:len(entries) - MAX_ENTRIES]:
        old.unlink(missing_ok=True)
