"""A plan file read from disk: its bytes decoded as UTF-8, then its YAML read with positions."""

from __future__ import annotations

from pathlib import Path as FsPath

from generator.source.diagnostics import Diagnostic, PlanError, Position
from generator.source.files import UnreadableFile, read_regular
from generator.source.yaml_reader import MAX_BYTES, Source, read_source


def read_file(path: str | FsPath, shown_as: str | None = None) -> Source:
    """Read a plan file's YAML; a missing, unreadable, oversized or undecodable file is a
    PlanError (a FIFO or a device is refused before it is opened, so it cannot hang)."""
    name = shown_as or str(path)
    return decode_source(read_bytes(path, name), name)


def read_bytes(path: str | FsPath, name: str) -> bytes:
    """A plan file's bytes; a missing or unreadable file is a PlanError naming it as `name`."""
    try:
        raw = read_regular(path, MAX_BYTES)
    except UnreadableFile as exc:
        reason = exc.reason
        if exc.kind == "terlalu-besar":
            reason = (f"terlalu besar ({exc.reason}); rencana aksi biasanya hanya beberapa "
                      "ratus KB")
        raise PlanError([Diagnostic(name, Position(1, 1), f"berkas {reason}")]) from None
    return raw


def decode_source(raw: bytes, name: str) -> Source:
    """Plan bytes decoded and read as YAML; bytes that are not UTF-8 are a PlanError."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")) or _looks_utf16(raw):
        raise PlanError([Diagnostic(name, Position(1, 1), "berkas tersimpan sebagai UTF-16 "
                                    "(di Notepad: 'Unicode'); simpan ulang sebagai UTF-8")])
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise PlanError([Diagnostic(name, Position(line, 1), "berkas bukan teks UTF-8; simpan "
                                    "ulang sebagai UTF-8")]) from None
    return read_source(name, text)


def _looks_utf16(raw: bytes) -> bool:
    """UTF-16 without its mark: every other byte of the first line is NUL."""
    head = raw[:64]
    return len(head) >= 4 and (head[1::2].count(0) == len(head[1::2])
                               or head[0::2].count(0) == len(head[0::2]))
