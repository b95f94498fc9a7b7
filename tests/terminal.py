"""Run `zi` in a real pseudo-terminal, as a person at a keyboard does, and read what it shows."""

from __future__ import annotations

import fcntl
import os
import pty
import re
import select
import struct
import subprocess
import sys
import termios
from dataclasses import dataclass
from pathlib import Path

HANG = 120
"""Seconds without any output after which the program is taken to hang (a guard, not a limit
on speed: a loaded machine still answers well within it)."""
MAX_READS = 20_000
"""Reads of the terminal before giving up: bounds the work of a program that never stops."""

_ESCAPES = re.compile(r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07]*\x07|\x1b[()][A-Z0-9]|\r")


@dataclass
class Screen:
    """What a finished program showed in the terminal."""

    code: int
    """Its exit code."""
    raw: str
    """Everything written to the terminal, escape sequences included."""

    @property
    def text(self) -> str:
        """The output without colours and cursor movements."""
        return _ESCAPES.sub("", self.raw)


def run_zi(args: list[str], cwd: Path, columns: int = 100,
           env: dict[str, str] | None = None) -> Screen:
    """Run `python -m generator ARGS` on a terminal `columns` wide until it ends."""
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 40, columns, 0, 0))
    environment = {**os.environ, "TERM": "xterm-256color", "COLUMNS": str(columns),
                   **(env or {})}
    environment.pop("NO_COLOR", None)
    process = subprocess.Popen([sys.executable, "-m", "generator", *args], cwd=cwd,
                               stdin=slave, stdout=slave, stderr=slave, env=environment,
                               start_new_session=True, close_fds=True)
    os.close(slave)
    chunks: list[bytes] = []
    try:
        for _ in range(MAX_READS):
            ready, _, _ = select.select([master], [], [], HANG)
            if not ready:
                raise AssertionError(f"zi {' '.join(args)} hangs: {b''.join(chunks)!r}")
            try:
                data = os.read(master, 65536)
            except OSError:  # the terminal closed: the program ended
                break
            if not data:
                break
            chunks.append(data)
        code = process.wait(timeout=HANG)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
        os.close(master)
    return Screen(code, b"".join(chunks).decode("utf-8", "replace"))
