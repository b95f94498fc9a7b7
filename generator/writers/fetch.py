"""What a template may read: data: URLs and files inside the template folders; nothing else.

Templates come by e-mail and flash drive. Whatever they name (an image, a stylesheet, a font, an
attachment, a template to include, through a symlink or '..'), zi reads only regular files whose
real path lies inside the shipped template folder or the user's --templates folder, plus installed
fonts a stylesheet asks for by name. Every other address is refused with a message and never
opened: no other file's bytes reach a document, and no connection is made.
"""

from __future__ import annotations

import base64
import binascii
import mimetypes
import os
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path
from typing import Any
from urllib.parse import unquote, unquote_to_bytes, urlsplit
from urllib.request import url2pathname

from jinja2 import BaseLoader, Environment, TemplateNotFound
from jinja2.loaders import split_template_path

from generator.writers.limits import read_regular
from generator.writers.problem import TemplateProblem
from generator.writers.resources import templates_dir

MAX_TEMPLATE_BYTES = 2 * 1024 * 1024
"""An HTML template or stylesheet file (the shipped ones are under 10 KB)."""
MAX_RESOURCE_BYTES = 20 * 1024 * 1024
"""An image or font a template uses."""

RESOURCE_SUFFIXES = frozenset({".css", ".png", ".jpg", ".jpeg", ".gif", ".svg", ".webp",
                               ".ttf", ".otf", ".ttc", ".woff", ".woff2"})
"""What a template may use from its folder: stylesheets, images and fonts."""
FONT_SUFFIXES = frozenset({".ttf", ".otf", ".ttc", ".woff", ".woff2"})

_HOME = Path(os.path.expanduser("~"))
SYSTEM_FONT_DIRS = (Path("/usr/share/fonts"), Path("/usr/local/share/fonts"),
                    _HOME / ".fonts", _HOME / ".local/share/fonts", Path("/Library/Fonts"),
                    Path("/System/Library/Fonts"), _HOME / "Library/Fonts",
                    Path(os.environ.get("WINDIR", "C:\\Windows")) / "Fonts")
"""Installed fonts, which a stylesheet's `src: local(...)` reaches (font files only)."""


class Refused(Exception):
    """An address a template may not use; the message says why, in Indonesian."""


def template_roots(user_dir: Path | None) -> tuple[Path, ...]:
    """The real paths of the shipped template folder and the user's one."""
    roots = [Path(os.path.realpath(templates_dir()))]
    if user_dir is not None:
        roots.append(Path(os.path.realpath(user_dir)))
    return tuple(roots)


def _inside(real: Path, roots: tuple[Path, ...]) -> bool:
    return any(real == root or real.is_relative_to(root) for root in roots)


def confined(path: Path, roots: tuple[Path, ...]) -> Path:
    """The real path of `path` when it lies inside one of `roots`; Refused otherwise."""
    real = Path(os.path.realpath(path))
    if not _inside(real, roots):
        raise Refused(f"berkas '{path}' berada di luar folder templat")
    return real


def read_template_file(path: Path, user_dir: Path | None, name: str, limit: int) -> bytes:
    """A template file's bytes (DOCX, HTML, CSS), confined to the template folders and read
    within `limit`; a TemplateProblem naming it otherwise."""
    try:
        real = confined(path, template_roots(user_dir))
    except Refused:
        raise TemplateProblem(f"templat {name}: berkas berada di luar folder templat (tautan "
                              "simbolik ke tempat lain tidak dipakai)") from None
    return read_regular(real, limit, f"templat {name}")


class ConfinedLoader(BaseLoader):
    """Jinja's file loader for one template folder, reading only regular UTF-8 files whose real
    path lies inside it, within MAX_TEMPLATE_BYTES."""

    def __init__(self, folder: Path, user_dir: Path | None) -> None:
        self.folder = folder
        self.user_dir = user_dir

    def get_source(self, environment: Environment,
                   template: str) -> tuple[str, str, Callable[[], bool]]:
        path = self.folder.joinpath(*split_template_path(template))
        if not os.path.lexists(path):
            raise TemplateNotFound(template)
        data = read_template_file(path, self.user_dir, template, MAX_TEMPLATE_BYTES)
        try:
            source = data.decode("utf-8")
        except UnicodeDecodeError:
            raise TemplateProblem(f"templat {template}: bukan teks UTF-8") from None
        stamp = _stamp(path)
        return source, str(path), lambda: _stamp(path) == stamp


def _stamp(path: Path) -> tuple[str, int, int] | None:
    """What tells an edited template from the one compiled: its target, time and size."""
    try:
        info = os.stat(path)
    except OSError:
        return None
    return os.path.realpath(path), info.st_mtime_ns, info.st_size


def _shown(url: str) -> str:
    """An address as a message shows it: a data: URL's start, any other up to 200 characters."""
    limit = 60 if url[:5].lower() == "data:" else 200
    return url if len(url) <= limit else url[:limit - 3] + "..."


def serve(url: str, roots: tuple[Path, ...]) -> tuple[bytes, str]:
    """The bytes and media type of an address a template may use; Refused otherwise."""
    scheme, _, rest = url.partition(":")
    scheme = scheme.lower()
    if scheme == "data":
        try:
            return _data(rest)
        except Refused as exc:
            raise Refused(f"alamat '{_shown(url)}' tidak sah: {exc}") from None
    if scheme != "file":
        raise Refused(f"alamat '{_shown(url)}' tidak diizinkan: templat hanya boleh memakai "
                      "alamat data: dan berkas di dalam folder templat")
    parts = urlsplit(url)
    if parts.netloc not in ("", "localhost"):
        raise Refused(f"alamat '{_shown(url)}' tidak diizinkan: berkas di komputer lain")
    path = Path(url2pathname(unquote(parts.path)))
    real = Path(os.path.realpath(path))
    font = real.suffix.lower() in FONT_SUFFIXES and _inside(real, _font_roots())
    if not font and not _inside(real, roots):
        raise Refused(f"alamat '{_shown(url)}' tidak diizinkan: berkas di luar folder templat")
    if real.suffix.lower() not in RESOURCE_SUFFIXES:
        raise Refused(f"alamat '{_shown(url)}' tidak diizinkan: templat hanya boleh memakai "
                      "lembar gaya (.css), gambar, dan huruf dari folder templat")
    if not os.path.lexists(real):
        raise FileNotFoundError(str(path))  # a missing image is skipped, as before
    try:
        data = read_regular(real, MAX_RESOURCE_BYTES, f"berkas '{path.name}'")
    except TemplateProblem as exc:
        raise Refused(f"alamat '{_shown(url)}' tidak diizinkan: {exc}") from None
    return data, mimetypes.guess_type(real.name)[0] or "application/octet-stream"


def _font_roots() -> tuple[Path, ...]:
    return tuple(Path(os.path.realpath(folder)) for folder in SYSTEM_FONT_DIRS)


def _data(rest: str) -> tuple[bytes, str]:
    """A data: URL's bytes and media type (RFC 2397)."""
    header, comma, payload = rest.partition(",")
    if not comma:
        raise Refused("alamat data: tanpa tanda koma")
    params = header.split(";")
    media = params[0].strip().lower() or "text/plain"
    if params[-1].strip().lower() == "base64":
        encoded = b"".join(unquote_to_bytes(payload).split())  # whitespace is allowed, ignored
        try:
            return base64.b64decode(encoded + b"=" * (-len(encoded) % 4), validate=True), media
        except (binascii.Error, ValueError):
            raise Refused("base64-nya rusak") from None
    charset = next((p.split("=", 1)[1] for p in params[1:] if p.lower().startswith("charset=")),
                   None)
    return unquote_to_bytes(payload), media + (f"; charset={charset}" if charset else "")


def url_fetcher(roots: tuple[Path, ...], refused: list[str]) -> Any:
    """A WeasyPrint URL fetcher that serves what `serve` allows and records every refusal in
    `refused` (WeasyPrint catches a fetcher's errors and goes on; the writer fails afterwards)."""
    fetcher_class = _fetcher_class()
    return fetcher_class(roots, refused) if fetcher_class else legacy_fetcher(roots, refused)


def _record(url: str, roots: tuple[Path, ...], refused: list[str]) -> tuple[bytes, str]:
    try:
        return serve(url, roots)
    except Refused as exc:
        if str(exc) not in refused:
            refused.append(str(exc))
        raise


def legacy_fetcher(roots: tuple[Path, ...],
                   refused: list[str]) -> Callable[[str], dict[str, Any]]:
    """The same fetcher for WeasyPrint before its URLFetcher class: a function returning a dict."""

    def fetch_url(url: str) -> dict[str, Any]:
        data, media = _record(url, roots, refused)
        return {"string": data, "mime_type": media.split(";")[0], "redirected_url": url}

    return fetch_url


@lru_cache(maxsize=1)
def _fetcher_class() -> Any:  # WeasyPrint has no type information
    from urllib.request import OpenerDirector

    try:
        from weasyprint.urls import URLFetcher, URLFetcherResponse
    except ImportError:  # an older WeasyPrint takes a plain function
        return None

    class TemplateFetcher(URLFetcher):  # type: ignore[misc]
        """No network, no other file: only data: and the template folders. None of urllib's
        handlers is installed, so nothing but `fetch` can open anything."""

        def __init__(self, roots: tuple[Path, ...], refused: list[str]) -> None:
            OpenerDirector.__init__(self)
            self._http_headers: dict[str, str]
            self._timeout, self._http_headers, self._request = 10, {}, None
            self._allowed_protocols, self._fail_on_errors = ("data", "file"), False
            self.roots, self.refused = roots, refused

        def fetch(self, url: str, headers: Any = None) -> Any:
            data, media = _record(url, self.roots, self.refused)
            return URLFetcherResponse(url, data, {"Content-Type": media})

    return TemplateFetcher
