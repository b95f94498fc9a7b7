"""Reading a user's file without trusting it: a regular file of bounded size, or a reason why
not in the user's words."""

from __future__ import annotations

import errno
import os
import stat

_CHUNK = 1024 * 1024
"""Bytes asked of the system per read."""

_LOOP = "adalah tautan simbolik (symlink) yang melingkar ke dirinya sendiri"


class UnreadableFile(ValueError):
    """A file that is not read: its `reason` reads after 'berkas NAME', in Bahasa Indonesia."""

    def __init__(self, reason: str, kind: str):
        super().__init__(reason)
        self.reason = reason
        """E.g. 'tidak ada', 'adalah folder, bukan berkas', 'lebih dari 5 MB'."""
        self.kind = kind
        """'tidak-ada', 'bukan-berkas', 'terlalu-besar', 'melingkar', 'izin' or 'lain':
        what went wrong, for callers that word a case their own way."""


def _size(limit: int) -> str:
    """A limit in the unit users know: '5 MB', '300 KB'."""
    if limit >= 1024 * 1024 and limit % (1024 * 1024) == 0:
        return f"{limit // 1024 // 1024} MB"
    return f"{max(1, limit // 1024)} KB"


def _not_regular(mode: int) -> UnreadableFile | None:
    """Why a file of this mode is not read (it could block, never end, or is not a file)."""
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISLNK(mode):  # only when links are not followed: it led nowhere when resolved
        return UnreadableFile(_LOOP, "melingkar")
    if stat.S_ISDIR(mode):
        reason = "adalah folder, bukan berkas"
    elif stat.S_ISFIFO(mode):
        reason = "adalah pipa (FIFO), bukan berkas biasa"
    elif stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        reason = "adalah perangkat (device), bukan berkas biasa"
    elif stat.S_ISSOCK(mode):
        reason = "adalah soket, bukan berkas biasa"
    else:
        reason = "bukan berkas biasa"
    return UnreadableFile(reason, "bukan-berkas")


def _os_problem(exc: OSError | ValueError) -> UnreadableFile:
    """The system's refusal in the user's words."""
    code = getattr(exc, "errno", None)
    if isinstance(exc, ValueError):  # a NUL byte in the name
        return UnreadableFile("memuat karakter yang tidak diizinkan pada namanya", "lain")
    if code == errno.ENOENT:
        return UnreadableFile("tidak ada", "tidak-ada")
    if code == errno.ELOOP:
        return UnreadableFile(_LOOP, "melingkar")
    if code in (errno.EACCES, errno.EPERM):
        return UnreadableFile("tidak dapat dibaca: tidak ada izin membacanya", "izin")
    if code == errno.ENOTDIR:
        return UnreadableFile("tidak ada: salah satu foldernya adalah berkas", "tidak-ada")
    if code == errno.ENAMETOOLONG:
        return UnreadableFile("tidak dapat dibaca: namanya terlalu panjang", "lain")
    if code == errno.EISDIR:
        return UnreadableFile("adalah folder, bukan berkas", "bukan-berkas")
    return UnreadableFile(f"tidak dapat dibaca ({exc.strerror or exc})", "lain")


def read_regular(path: str | os.PathLike[str], limit: int, *,
                 follow_symlinks: bool = True) -> bytes:
    """The whole content of a regular file of at most `limit` bytes; UnreadableFile otherwise.

    The file is stat'ed before it is opened (a FIFO, a device, a folder or a socket is never
    read: reading would block or never end), opened without blocking and checked again by the
    handle it was opened with (it may have been swapped meanwhile), and read up to `limit` + 1
    bytes only, so a file that grows while it is read is refused too.
    """
    try:
        info = os.stat(path, follow_symlinks=follow_symlinks)
    except (OSError, ValueError) as exc:
        raise _os_problem(exc) from None
    if (problem := _not_regular(info.st_mode)) is not None:
        raise problem
    too_large = UnreadableFile(f"lebih dari {_size(limit)}", "terlalu-besar")
    if info.st_size > limit:
        raise too_large
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0) \
        | getattr(os, "O_NOCTTY", 0) | (0 if follow_symlinks else getattr(os, "O_NOFOLLOW", 0))
    try:
        fd = os.open(path, flags)
    except (OSError, ValueError) as exc:
        raise _os_problem(exc) from None
    try:
        if (problem := _not_regular(os.fstat(fd).st_mode)) is not None:
            raise problem
        chunks: list[bytes] = []
        total = 0
        while total <= limit:
            chunk = os.read(fd, min(_CHUNK, limit + 1 - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
    except OSError as exc:
        raise _os_problem(exc) from None
    finally:
        os.close(fd)
    if total > limit:
        raise too_large
    return b"".join(chunks)
