"""`zi build --pantau`: rebuild a plan each time it is saved, in one process that stays warm.

A drafting office saves its plan many times an hour. A new `zi build` pays for starting Python and
importing WeasyPrint on every save; here that is paid once, and each save costs only the layout.
Files are watched by polling their time and size, which works on every system and network drive.
"""

from __future__ import annotations

import signal
import time
from collections.abc import Callable, Iterable
from pathlib import Path

from generator.batch import collect, logo_file
from generator.resources import TEMPLATE_FILES

Snapshot = dict[str, tuple[int, int]]
"""Modification time (ns) and size of each watched file, by path."""


def snapshot(plan_args: Iterable[str], templates: Path | None = None) -> Snapshot:
    """The state of every plan named or found in a named folder, its logo and user templates."""
    files = []
    for plan in collect(plan_args):
        files.append(plan)
        logo = logo_file(plan)
        if logo is not None:
            files.append(logo)
    if templates is not None:
        files += [templates / name for name in TEMPLATE_FILES]
    state: Snapshot = {}
    for path in files:
        try:
            info = path.stat()
        except OSError:
            continue
        state[str(path)] = (info.st_mtime_ns, info.st_size)
    return state


def pantau(plan_args: list[str], build: Callable[[], object], say: Callable[[str], None],
           templates: Path | None = None, interval: float = 0.5,
           sleep: Callable[[float], None] | None = None) -> int:
    """Build now, then again whenever a watched file changes and stays unchanged for `interval`
    (an editor may write a file in several steps); Ctrl+C ends it with exit code 0."""
    sleep = sleep or time.sleep
    try:
        seen = snapshot(plan_args, templates)
        build()
        say("Memantau perubahan; simpan rencana untuk membangunnya lagi, Ctrl+C untuk berhenti.")
        while True:
            sleep(interval)
            now = snapshot(plan_args, templates)
            if now == seen:
                continue
            sleep(interval)
            if snapshot(plan_args, templates) != now:
                continue  # still being written; look again at the next turn
            seen = now
            build()
    except KeyboardInterrupt:
        say("Berhenti memantau.")
        return 0


def ignore_interrupt() -> None:
    """Worker initializer: Ctrl+C is for the watching process, which stops the workers itself."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
