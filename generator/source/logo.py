"""A plan's logo: confined to the plan's folder and checked before any writer sees it."""

from __future__ import annotations

import io
import os
import warnings
from pathlib import Path

from generator.source.files import UnreadableFile, read_regular

MAX_BYTES = 2 * 1024 * 1024
"""A kop logo is a few hundred kilobytes at most."""
MAX_SIDE = 4000
"""Pixels per side; larger images are refused before they are decoded."""
_KINDS = {b"\x89PNG\r\n\x1a\n": "png", b"\xff\xd8\xff": "jpeg"}
_BROKEN = "berkas logo rusak atau tidak dapat dibaca sebagai gambar"


class _TooLarge(ValueError):
    """An image whose size alone refuses it, said in our words, not the image library's."""


def load_logo(plan_dir: Path, name: str) -> tuple[bytes, str]:
    """The logo's bytes and kind ('png' or 'jpeg'); ValueError with an Indonesian reason."""
    relative = Path(name)
    if relative.is_absolute() or not name.strip():
        raise ValueError("tulis nama berkas logo relatif terhadap folder rencana, mis. logo.png")
    try:
        folder = Path(os.path.realpath(plan_dir))
        path = Path(os.path.realpath(folder / relative))  # a symlink loop is left unresolved
    except (OSError, ValueError):
        raise ValueError(f"berkas logo '{name}' tidak dapat dibaca") from None
    if folder not in path.parents:
        raise ValueError("berkas logo harus berada di dalam folder rencana")
    try:  # the last part is resolved already: refuse it if it became a link meanwhile
        data = read_regular(path, MAX_BYTES, follow_symlinks=False)
    except UnreadableFile as exc:
        if exc.kind == "terlalu-besar":
            raise ValueError(f"berkas logo {exc.reason}") from None
        raise ValueError(f"berkas logo '{name}' {exc.reason}") from None
    kind = next((k for magic, k in _KINDS.items() if data.startswith(magic)), None)
    if kind is None:
        raise ValueError("logo harus berupa gambar PNG atau JPEG")
    _decode(data)
    return data, kind


def _decode(data: bytes) -> None:
    """Decode every pixel, as a writer would: a truncated JPEG or a PNG whose compressed data
    is corrupt passes a header check, and its size is refused before anything is decoded."""
    from PIL import Image, ImageFile

    lenient = ImageFile.LOAD_TRUNCATED_IMAGES  # WeasyPrint sets it when it is imported
    ImageFile.LOAD_TRUNCATED_IMAGES = False
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data)) as image:
                width, height = image.size
                if width > MAX_SIDE or height > MAX_SIDE:
                    raise _TooLarge(f"logo {width} x {height} piksel terlalu besar (paling "
                                    f"besar {MAX_SIDE} x {MAX_SIDE})")
                image.verify()  # chunk checksums; the image cannot be used after it
            with Image.open(io.BytesIO(data)) as image:
                image.load()
    except _TooLarge:
        raise
    except Exception:  # truncated, corrupt, a decompression bomb: the library's own words
        raise ValueError(_BROKEN) from None
    finally:
        ImageFile.LOAD_TRUNCATED_IMAGES = lenient
