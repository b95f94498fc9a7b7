"""`zi` in a real pseudo-terminal, as a person at a keyboard runs it: what it shows, how it ends."""

from __future__ import annotations

import fcntl
import os
import pty
import re
import select
import signal
import struct
import sys
import termios
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

HANG = 120
"""Seconds without any output after which the program is taken to hang: a guard against a
test that never ends, not a limit on speed (a loaded machine answers well within it)."""
MAX_READS = 20_000
"""Reads of the terminal before giving up: bounds the work of a program that never stops."""

_ESCAPES = re.compile(r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07]*\x07|\x1b[()][A-Z0-9]|\r")


class Terminal:
    """`python -m generator ARGS` running in a pseudo-terminal `columns` wide, in `folder`."""

    def __init__(self, folder: Path, args: list[str], columns: int = 100):
        env = {**os.environ, "PYTHONPATH": str(ROOT), "TERM": "xterm-256color",
               "COLUMNS": str(columns)}
        env.pop("NO_COLOR", None)
        self.pid, self.fd = pty.fork()
        if self.pid == 0:  # the child: becomes zi with the pty as its terminal
            try:
                os.chdir(folder)
                os.execve(sys.executable, [sys.executable, "-m", "generator", *args], env)
            finally:
                os._exit(127)
        fcntl.ioctl(self.fd, termios.TIOCSWINSZ, struct.pack("HHHH", 40, columns, 0, 0))
        self.shown = ""
        """Everything shown so far, line ends as '\\n', escape sequences kept."""
        self.read_to = 0
        self.code: int | None = None

    @property
    def text(self) -> str:
        """What was shown, without colours and cursor movements."""
        return _ESCAPES.sub("", self.shown)

    def _read(self) -> bool:
        """One chunk of output; False once the program closed the terminal."""
        ready, _, _ = select.select([self.fd], [], [], HANG)
        assert ready, f"no output within {HANG} s; so far: {self.shown!r}"
        try:
            chunk = os.read(self.fd, 65536)
        except OSError:  # EIO: every process holding the terminal has ended
            return False
        self.shown += chunk.decode("utf-8", "replace").replace("\r\n", "\n")
        return bool(chunk)

    def until(self, text: str) -> str:
        """Output up to and including the next `text`."""
        for _ in range(MAX_READS):
            found = self.shown.find(text, self.read_to)
            if found >= 0:
                part = self.shown[self.read_to:found + len(text)]
                self.read_to = found + len(text)
                return part
            assert self._read(), f"ended before {text!r}; shown: {self.shown!r}"
        raise AssertionError(f"{text!r} never shown: {self.shown!r}")

    def type(self, keys: bytes) -> None:
        """Keys pressed, e.g. b'kota\\r' or b'\\x03' (Ctrl+C)."""
        os.write(self.fd, keys)

    def end(self) -> str:
        """The rest of the output, once the program ended; its exit code is kept in `code`."""
        for _ in range(MAX_READS):
            if not self._read():
                break
        rest = self.shown[self.read_to:]
        self.read_to = len(self.shown)
        _, status = os.waitpid(self.pid, 0)
        self.code = os.waitstatus_to_exitcode(status)
        os.close(self.fd)
        return rest

    def stop(self) -> None:
        """After a failed assertion: end the program if it still runs."""
        if self.code is None:
            try:
                os.kill(self.pid, signal.SIGKILL)
                os.waitpid(self.pid, 0)
            except (ProcessLookupError, ChildProcessError):
                pass
            os.close(self.fd)


def run_zi(args: list[str], cwd: Path, columns: int = 100) -> Terminal:
    """Run zi to its end in a terminal; `.code` and `.text` say how it ended and what it showed."""
    terminal = Terminal(cwd, args, columns)
    try:
        terminal.end()
    finally:
        terminal.stop()
    return terminal
