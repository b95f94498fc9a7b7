"""A plan's logo: confined to the plan's folder and checked before any writer sees it."""

from __future__ import annotations

import io
from pathlib import Path

MAX_BYTES = 2 * 1024 * 1024
"""A kop logo is a few hundred kilobytes at most."""
MAX_SIDE = 4000
"""Pixels per side; larger images are refused before they are decoded."""
_KINDS = {b"\x89PNG\r\n\x1a\n": "png", b"\xff\xd8\xff": "jpeg"}


def muat_logo(plan_dir: Path, name: str) -> tuple[bytes, str]:
    """The logo's bytes and kind ('png' or 'jpeg'); ValueError with an Indonesian reason."""
    relative = Path(name)
    if relative.is_absolute() or not name.strip():
        raise ValueError("tulis nama berkas logo relatif terhadap folder rencana, mis. logo.png")
    folder = plan_dir.resolve()
    path = (folder / relative).resolve()
    if folder not in path.parents:
        raise ValueError("berkas logo harus berada di dalam folder rencana")
    if not path.is_file():
        raise ValueError(f"berkas logo '{name}' tidak ada")
    if path.stat().st_size > MAX_BYTES:
        raise ValueError(f"berkas logo lebih dari {MAX_BYTES // 1024 // 1024} MB")
    data = path.read_bytes()
    kind = next((k for magic, k in _KINDS.items() if data.startswith(magic)), None)
    if kind is None:
        raise ValueError("logo harus berupa gambar PNG atau JPEG")
    from PIL import Image

    try:
        with Image.open(io.BytesIO(data)) as image:
            width, height = image.size
            if width > MAX_SIDE or height > MAX_SIDE:
                raise ValueError(f"logo {width} x {height} piksel terlalu besar (paling besar "
                                 f"{MAX_SIDE} x {MAX_SIDE})")
            image.verify()
    except ValueError:
        raise
    except Exception:  # a truncated or malformed image
        raise ValueError("berkas logo rusak atau tidak dapat dibaca sebagai gambar") from None
    return data, kind
