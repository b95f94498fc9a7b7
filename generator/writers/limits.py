"""Bounds on filling and laying out a template: time, memory, output size, any one value's size.

A template travels between offices by e-mail; whatever it asks for, a build ends in a document
or a message within these bounds. The time limit is a timer signal (in the main thread, where the
CLI and every batch worker build); the memory limit lowers the process's address-space limit
while a template is filled (Linux); the size limits are checked before the work is done.
"""

from __future__ import annotations

import io
import os
import re
import signal
import stat
import struct
import sys
import threading
import zipfile
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from functools import lru_cache, wraps
from itertools import islice
from types import FrameType
from typing import Any

from jinja2 import TemplateError
from jinja2.utils import generate_lorem_ipsum

from generator.writers.problem import TemplateProblem

TIME_ENV = "ZI_BATAS_WAKTU_TEMPLAT"
"""Seconds one template may take to fill, or to lay out as PDF (default 120)."""
MEMORY_ENV = "ZI_BATAS_MEMORI_TEMPLAT"
"""Megabytes of memory one template may add while it is filled or laid out (default 2048)."""
DEFAULT_SECONDS = 120.0
DEFAULT_MEGABYTES = 2048

MAX_OUTPUT_CHARS = 32_000_000
"""Characters a template's text may come to (the largest example plan comes to 0.35 million)."""
MAX_VALUE_CHARS = MAX_OUTPUT_CHARS
"""Characters (or items) of any one value a template computes."""
MAX_WIDTH = 10_000
"""Widths, paddings and counts a template passes to a filter or method."""
MAX_INT_BITS = 10_000
"""Bits of an integer a template computes (about 3,000 digits)."""

DOCX_MAX_BYTES = 20 * 1024 * 1024
"""A DOCX template file's size on disk."""
DOCX_MAX_MEMBERS = 2_000
"""Files inside a DOCX template (Word writes about twenty)."""
DOCX_MAX_UNPACKED = 200 * 1024 * 1024
"""All files inside a DOCX template, unpacked (images included)."""
DOCX_MAX_XML = 30 * 1024 * 1024
"""The XML parts of a DOCX template, unpacked (the shipped one has under 1 MB)."""

_PRINTF = re.compile(r"%(?:\([^)]*\))?[-#0 +]*(\*|\d+)?(?:\.(\*|\d+))?")
_SPEC_NUMBERS = re.compile(r"\d+")


class TemplateLimit(TemplateError):
    """A template asked for more than a bound allows (a huge value or output)."""


def _problem(message: str) -> Exception:
    """The writers' TemplateProblem."""
    return TemplateProblem(message)


class _Expired(BaseException):
    """The deadline passed; a BaseException so that no `except Exception` on the way swallows it."""


class _State:
    """Whether a deadline is being enforced now (the signal handler acts only then)."""

    active = False


def seconds() -> float:
    """$ZI_BATAS_WAKTU_TEMPLAT as a positive number of seconds, else the default."""
    return _positive(os.environ.get(TIME_ENV), DEFAULT_SECONDS)


def megabytes() -> float:
    """$ZI_BATAS_MEMORI_TEMPLAT as a positive number of megabytes, else the default."""
    return _positive(os.environ.get(MEMORY_ENV), DEFAULT_MEGABYTES)


def _positive(text: str | None, default: float) -> float:
    try:
        value = float(text) if text else default
    except ValueError:
        return default
    return value if 0 < value < 1e9 else default


def _expire(signum: int, frame: FrameType | None) -> None:
    if _State.active:
        raise _Expired


def _quiet_expiry(hook: Callable[[Any], object]) -> Callable[[Any], None]:
    """An unraisable-exception hook that drops the deadline's exception (raised inside a
    finalizer or garbage-collector callback, it cannot stop the work: the timer fires again)
    and passes anything else to `hook`."""

    def quiet(unraisable: Any) -> None:
        if not isinstance(unraisable.exc_value, _Expired):
            hook(unraisable)

    return quiet


def _address_space() -> int | None:
    """The process's mapped memory in bytes (Linux), None where it cannot be read."""
    try:
        with open("/proc/self/statm", "rb") as handle:
            return int(handle.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        return None


def _lower_memory_limit(budget: int) -> tuple[int, int] | None:
    """Lower the address-space limit to what is mapped now plus `budget`; the old limits."""
    if not sys.platform.startswith("linux"):
        return None
    import resource

    mapped = _address_space()
    if mapped is None:
        return None
    soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    wanted = mapped + budget
    if hard != resource.RLIM_INFINITY:
        wanted = min(wanted, hard)
    if soft != resource.RLIM_INFINITY and soft <= wanted:
        return None
    try:
        resource.setrlimit(resource.RLIMIT_AS, (wanted, hard))
    except (ValueError, OSError):
        return None
    return soft, hard


@contextmanager
def bounded(what: str, doing: str = "pengisian") -> Iterator[None]:
    """Run the body within the time and memory limits; going over is a TemplateProblem that
    names `what` (e.g. 'templat keputusan.docx') and what was being done."""
    if _State.active:  # already inside a bounded stage: its limits hold
        yield
        return
    limit = seconds()
    budget = int(megabytes() * 1024 * 1024)
    timed = threading.current_thread() is threading.main_thread() and hasattr(signal, "setitimer")
    previous_handler = previous_timer = None
    previous_hook = sys.unraisablehook
    sys.unraisablehook = _quiet_expiry(previous_hook)
    if timed:
        previous_handler = signal.signal(signal.SIGALRM, _expire)
        previous_timer = signal.setitimer(signal.ITIMER_REAL, limit, 0.25)
    _State.active = True
    old_memory = _lower_memory_limit(budget)
    expired = exhausted = False
    try:
        yield
    except _Expired:
        expired = True
    except MemoryError:
        exhausted = True
    finally:
        try:
            _disarm(timed, previous_handler, previous_timer, old_memory, limit)
        except _Expired:  # the signal came before the handler was told to stand down
            expired = True
            _disarm(timed, previous_handler, previous_timer, old_memory, limit)
        sys.unraisablehook = previous_hook
    if expired:
        raise _problem(
            f"{what}: melampaui batas: {doing} dihentikan setelah {limit:g} detik; periksa "
            f"perulangan di templat (batas dapat diubah dengan {TIME_ENV})") from None
    if exhausted:
        raise _problem(
            f"{what}: melampaui batas: {doing} memerlukan memori lebih dari "
            f"{budget // (1024 * 1024)} MB; periksa perulangan di templat (batas dapat diubah "
            f"dengan {MEMORY_ENV})") from None


def _disarm(timed: bool, previous_handler: Any, previous_timer: tuple[float, float] | None,
            old_memory: tuple[int, int] | None, limit: float) -> None:
    """Stand the handler down, stop the timer, give back the old handler, timer and limit."""
    _State.active = False
    if timed:
        left = signal.setitimer(signal.ITIMER_REAL, 0)[0]
        signal.signal(signal.SIGALRM, previous_handler)
        delay, interval = previous_timer  # type: ignore[misc]  # set whenever timed
        if delay:
            signal.setitimer(signal.ITIMER_REAL, max(delay - (limit - left), 0.001), interval)
    if old_memory is not None:
        import resource

        resource.setrlimit(resource.RLIMIT_AS, old_memory)


def bounded_concat(parts: Iterable[str]) -> str:
    """Jinja's output joined, refused once it passes MAX_OUTPUT_CHARS."""
    chunks = []
    size = 0
    pieces = iter(parts)
    while batch := list(islice(pieces, 256)):  # counted a few hundred pieces at a time
        chunk = "".join(batch)
        size += len(chunk)
        if size > MAX_OUTPUT_CHARS:
            raise TemplateLimit(f"hasil pengisian lebih dari {MAX_OUTPUT_CHARS:,} karakter "
                                "(periksa perulangan di templat)".replace(",", "."))
        chunks.append(chunk)
    return "".join(chunks)


def _refuse(what: str) -> TemplateLimit:
    return TemplateLimit(f"{what} (periksa angka di templat)")


def _check_width(value: object, what: str) -> None:
    if isinstance(value, int) and value > MAX_WIDTH:
        raise _refuse(f"{what} {value} lebih dari {MAX_WIDTH}")
    if isinstance(value, str) and len(value) > MAX_WIDTH:
        raise _refuse(f"{what} lebih dari {MAX_WIDTH} karakter")


def _size(value: object) -> int | None:
    return len(value) if isinstance(value, (str, bytes, list, tuple)) else None


def check_printf(text: object) -> None:
    """A '%' format whose widths would make a huge string is refused before it is made."""
    if not isinstance(text, str) or "%" not in text:
        return
    for width, precision in _PRINTF.findall(text):
        for number in (width, precision):
            if number == "*":
                raise _refuse("lebar '*' dalam format '%' tidak didukung")
            if number and int(number) > MAX_WIDTH:
                raise _refuse(f"lebar {number} dalam format '%' lebih dari {MAX_WIDTH}")


def check_format_spec(spec: str, args: tuple[Any, ...], kwargs: dict[str, Any]) -> None:
    """A str.format field whose width or precision is huge is refused; a width given by a
    nested field ('{:>{w}}') is checked among the arguments, any of which it may be."""
    for number in _SPEC_NUMBERS.findall(spec):
        if len(number) > 6 or int(number) > MAX_WIDTH:
            raise _refuse(f"lebar {number} dalam format lebih dari {MAX_WIDTH}")
    if "{" in spec:
        for value in (*args, *kwargs.values()):
            _check_width(value if isinstance(value, int) else 0, "lebar dalam format")


def check_binop(operator: str, left: object, right: object) -> None:
    """Refuse an operation whose result would pass the value bounds, before computing it."""
    if operator == "*":
        for seq, count in ((left, right), (right, left)):
            length = _size(seq)
            if length is not None and isinstance(count, int) and length * count > MAX_VALUE_CHARS:
                raise _refuse(f"hasil perkalian lebih dari {MAX_VALUE_CHARS} karakter")
        if isinstance(left, int) and isinstance(right, int) and \
                left.bit_length() + right.bit_length() > MAX_INT_BITS:
            raise _refuse("bilangan hasil perkalian terlalu besar")
    elif operator == "**":
        if isinstance(left, int) and isinstance(right, int) and right > 0 and abs(left) > 1 and \
                right * left.bit_length() > MAX_INT_BITS:
            raise _refuse("bilangan hasil pangkat terlalu besar")
    elif operator == "+":
        sizes = (_size(left), _size(right))
        if None not in sizes and sizes[0] + sizes[1] > MAX_VALUE_CHARS:  # type: ignore[operator]
            raise _refuse(f"hasil penjumlahan lebih dari {MAX_VALUE_CHARS} karakter")
    elif operator == "%":
        check_printf(left)


_WIDTH_METHODS = {"center", "ljust", "rjust", "zfill", "expandtabs"}


def check_call(func: object, args: tuple[Any, ...], kwargs: dict[str, Any]) -> None:
    """Refuse a string method call that would make a huge string, before it is made."""
    owner = getattr(func, "__self__", None)
    if not isinstance(owner, (str, bytes)):
        return
    name = getattr(func, "__name__", "")
    if name in _WIDTH_METHODS:
        for value in (*args, *kwargs.values()):
            _check_width(value, f"lebar {name}()")
    elif name == "replace":
        _check_replace(owner, *args, **kwargs)


def _check_replace(text: Any, old: Any = None, new: Any = None, count: Any = -1, *_: Any,
                   **__: Any) -> None:
    if not isinstance(old, type(text)) or not isinstance(new, type(text)):
        return
    found = len(text) + 1 if not old else text.count(old)
    if isinstance(count, int) and count >= 0:
        found = min(found, count)
    if len(text) + found * (len(new) - len(old)) > MAX_VALUE_CHARS:
        raise _refuse(f"hasil replace lebih dari {MAX_VALUE_CHARS} karakter")


def _bounded(filter_func: Callable[..., Any], check: Callable[..., None],
             skip: int = 0) -> Callable[..., Any]:
    """A Jinja filter that first checks its arguments (after `skip` context arguments)."""

    @wraps(filter_func)
    def bounded_filter(*args: Any, **kwargs: Any) -> Any:
        check(*args[skip:], **kwargs)
        return filter_func(*args, **kwargs)

    bounded_filter.zi_bounded = True  # type: ignore[attr-defined]
    return bounded_filter


def _center(value: Any = None, width: Any = 80, *_: Any, **__: Any) -> None:
    _check_width(width, "lebar center")


def _indent(value: Any = None, width: Any = 4, *_: Any, **__: Any) -> None:
    _check_width(width, "lebar indent")


def _format(value: Any = None, *_: Any, **__: Any) -> None:
    check_printf(value)


def _replace(value: Any = None, old: Any = None, new: Any = None, count: Any = None, *_: Any,
             **__: Any) -> None:
    if isinstance(value, str) and isinstance(old, str) and isinstance(new, str):
        _check_replace(str(value), str(old), str(new), -1 if count is None else count)


def _tojson(value: Any = None, indent: Any = None, *_: Any, **__: Any) -> None:
    _check_width(indent, "indent tojson")


def _batch(value: Any = None, linecount: Any = 1, *_: Any, **__: Any) -> None:
    _check_width(linecount, "jumlah batch")


def _slice(value: Any = None, slices: Any = 1, *_: Any, **__: Any) -> None:
    _check_width(slices, "jumlah slice")


def bound_filters(filters: dict[str, Any]) -> None:
    """Replace the built-in filters that can be asked for a huge result with checked ones."""
    for name, check in (("center", _center), ("indent", _indent), ("format", _format),
                        ("replace", _replace), ("tojson", _tojson), ("batch", _batch),
                        ("slice", _slice)):
        original = filters.get(name)
        if original is None or getattr(original, "zi_bounded", False):
            continue
        skip = 1 if getattr(original, "jinja_pass_arg", None) is not None else 0
        filters[name] = _bounded(original, check, skip)


def safe_range(*args: int) -> range:
    """The sandbox's range, refused with a message past Jinja's MAX_RANGE items."""
    from jinja2.sandbox import MAX_RANGE

    numbers = range(*args)
    if len(numbers) > MAX_RANGE:
        raise TemplateLimit(f"range dengan {len(numbers)} angka (paling banyak {MAX_RANGE})")
    return numbers


def lipsum(n: int = 5, html: bool = True, min: int = 20, max: int = 100) -> str:  # noqa: A002
    """Jinja's placeholder text, at most a hundred paragraphs of a thousand words."""
    for value, what in ((n, "jumlah paragraf lipsum"), (min, "min lipsum"), (max, "max lipsum")):
        if isinstance(value, int) and value > 1000 or not isinstance(value, int):
            raise _refuse(f"{what} harus bilangan bulat sampai 1000")
    if n > 100:
        raise _refuse("jumlah paragraf lipsum lebih dari 100")
    return generate_lorem_ipsum(n=n, html=html, min=min, max=max)


def read_docx_template(path: str | os.PathLike[str], name: str) -> bytes:
    """A DOCX template's zip, checked from its directory and unpacked within the bounds, then
    packed again without compression: what docxtpl opens can be no bigger than was checked.

    The sizes a zip declares may lie; each member is therefore unpacked a piece at a time and
    counted, so a zip bomb is stopped after the bound, never unpacked whole. The result is kept
    per process for the same file, size and time (each DOCX written reads its template).
    """
    try:
        info = os.stat(path)
    except OSError:
        info = None
    if info is None or not stat.S_ISREG(info.st_mode):
        return _read_docx_template(path, name)  # its messages
    return _checked_docx(os.fspath(path), name, info.st_dev, info.st_ino, info.st_size,
                         info.st_mtime_ns)


@lru_cache(maxsize=4)
def _checked_docx(path: str, name: str, *stamp: int) -> bytes:
    """read_docx_template, once per file state (a refusal is not kept: it raises)."""
    return _read_docx_template(path, name)


def _read_docx_template(path: str | os.PathLike[str], name: str) -> bytes:
    problem = f"templat {name}"
    data = read_regular(path, DOCX_MAX_BYTES, problem)
    declared = _declared_members(data)
    if declared is not None and declared > DOCX_MAX_MEMBERS:
        raise _too_many(problem, declared)
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as source:
            members = source.infolist()
            if len(members) > DOCX_MAX_MEMBERS:
                raise _too_many(problem, len(members))
            total = sum(info.file_size for info in members)
            xml = sum(info.file_size for info in members if _is_xml(info.filename))
            if total > DOCX_MAX_UNPACKED or xml > DOCX_MAX_XML:
                raise _too_big(problem)
            out = io.BytesIO()
            unpacked = unpacked_xml = 0
            with zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as target:
                for info in members:
                    content = _unpack(source, info)
                    unpacked += len(content)
                    unpacked_xml += len(content) if _is_xml(info.filename) else 0
                    if unpacked > DOCX_MAX_UNPACKED or unpacked_xml > DOCX_MAX_XML:
                        raise _too_big(problem)
                    target.writestr(zipfile.ZipInfo(info.filename, info.date_time), content)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError, EOFError,
            RuntimeError, ValueError, OSError) as exc:
        raise _problem(f"{problem} tidak dapat dibuka sebagai DOCX ({exc})") from None
    return out.getvalue()


def _declared_members(data: bytes) -> int | None:
    """The member count in the zip's end record, read before zipfile lists every member
    (a zip64 count, which no DOCX template needs, counts as too many)."""
    end = data.rfind(b"PK\x05\x06", max(0, len(data) - 22 - 65535))
    if end < 0 or len(data) < end + 22:
        return None
    count = struct.unpack("<H", data[end + 10:end + 12])[0]
    return DOCX_MAX_MEMBERS + 1 if count == 0xFFFF else count


def _too_many(problem: str, count: int) -> Exception:
    return _problem(f"{problem}: berisi {count} berkas di dalamnya (paling banyak "
                           f"{DOCX_MAX_MEMBERS}); bukan DOCX biasa")


def _is_xml(name: str) -> bool:
    return name.lower().endswith((".xml", ".rels"))


def _too_big(problem: str) -> Exception:
    return _problem(
        f"{problem}: isinya setelah dibuka lebih dari {DOCX_MAX_UNPACKED // 2**20} MB (XML lebih "
        f"dari {DOCX_MAX_XML // 2**20} MB); bukan DOCX biasa (zip bom?)")


def _unpack(source: zipfile.ZipFile, info: zipfile.ZipInfo) -> bytes:
    """One member, a piece at a time, never more than it declares (the CRC is checked at the
    end by zipfile); declaring less than it holds ends the member early and fails its CRC."""
    chunks = []
    size = 0
    with source.open(info) as member:
        while chunk := member.read(1 << 16):
            size += len(chunk)
            if size > info.file_size:
                raise zipfile.BadZipFile(f"{info.filename} lebih besar dari yang tercatat")
            chunks.append(chunk)
    return b"".join(chunks)


def read_regular(path: str | os.PathLike[str], limit: int, problem: str) -> bytes:
    """A regular file's bytes, refused (with `problem` naming it) if not regular or over `limit`;
    the size is checked on the opened file before reading, and the read itself is bounded."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except OSError as exc:
        raise _problem(f"{problem} tidak dapat dibaca ({exc.strerror})") from None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise _problem(f"{problem} bukan berkas biasa")
        if info.st_size > limit:
            raise _problem(f"{problem} lebih dari {limit // 2**20} MB")
        with os.fdopen(fd, "rb", closefd=False) as handle:
            data = handle.read(limit + 1)
    except OSError as exc:
        raise _problem(f"{problem} tidak dapat dibaca ({exc.strerror})") from None
    finally:
        os.close(fd)
    if len(data) > limit:
        raise _problem(f"{problem} lebih dari {limit // 2**20} MB")
    return data
