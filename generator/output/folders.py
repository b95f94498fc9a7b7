"""Where a build writes: the output folder a plan's name gives, always inside `-o DIR`, and why
a file could not be written there, in the user's words (shared by build, batch and the commands)."""

from __future__ import annotations

import errno
from pathlib import Path

_WRITE_ERRORS = {errno.EACCES: "tidak ada izin menulis di sana", errno.EPERM: "tidak diizinkan",
              errno.ENOSPC: "disk penuh", errno.EDQUOT: "kuota disk penuh",
              errno.EROFS: "disk hanya dapat dibaca",
              errno.ENAMETOOLONG: "nama berkas terlalu panjang",
              errno.ENOTDIR: "salah satu foldernya adalah berkas",
              errno.EEXIST: "salah satu foldernya adalah berkas",
              errno.EISDIR: "sudah ada folder dengan nama itu",
              errno.ENOENT: "foldernya tidak ada atau terhapus saat menulis",
              errno.ELOOP: "salah satu foldernya tautan simbolik (symlink) yang melingkar",
              errno.EIO: "kesalahan baca-tulis pada disk",
              errno.EBUSY: "sedang dipakai program lain",
              errno.ETXTBSY: "sedang dipakai program lain"}
"""Why a file cannot be written, in the user's words."""


def write_reason(exc: OSError) -> str:
    """An OSError in the user's words; the system's own text only as a detail."""
    return _WRITE_ERRORS.get(exc.errno or 0, f"kesalahan sistem ({exc.strerror or exc})")


def output_folder(out_dir: Path, stem: str) -> Path:
    """The folder a plan's files go to, always directly inside `out_dir`.

    A plan's file name gives it (kutai-timur-2025.yaml -> OUT/kutai-timur-2025); each leading
    '.' becomes '_', so that a hidden plan (.rencana.yaml) gets a visible folder (OUT/_rencana)
    and '..yaml' or '...yaml' (stem '.' or '..') can never name OUT itself or its parent.
    """
    name = stem.replace("/", "_").replace("\\", "_").replace("\0", "_")
    visible = name.lstrip(".")
    name = "_" * (len(name) - len(visible)) + visible
    return out_dir / (name or "_")
