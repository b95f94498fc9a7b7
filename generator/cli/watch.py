"""`zi build --pantau`: rebuild a plan each time it is saved, in one process that stays warm.

A drafting office saves its plan many times an hour. A new `zi build` pays for starting Python and
importing WeasyPrint on every save; here that is paid once, and each save costs only the layout.
Files are watched by polling their time and size, which works on every system and network drive.
"""

from __future__ import annotations

import signal
import time
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path

from generator.output.batch import collect, logo_state
from generator.writers.resources import TEMPLATE_FILES

Snapshot = dict[str, tuple[int, int]]
"""Modification time (ns) and size of each watched file, by path."""
Used = Mapping[str, str]
"""The logo files a round of builds used, each with the SHA-256 of the bytes it used."""


def snapshot(plan_args: Iterable[str], templates: Path | None = None) -> Snapshot:
    """The state of every plan named or found in a named folder, and of user templates."""
    files = list(collect(plan_args))
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


def _logos_now(used: Used) -> dict[str, str]:
    """What the logos a round used hold now."""
    return {path: logo_state(Path(path)) for path in used}


def pantau(plan_args: list[str], build: Callable[[], Used | None], say: Callable[[str], None],
           templates: Path | None = None, interval: float = 0.5,
           sleep: Callable[[float], None] | None = None) -> int:
    """Build now, then again whenever a watched file changes and stays unchanged for `interval`
    (an editor may write a file in several steps); Ctrl+C ends it with exit code 0.

    Plans and templates are looked at before each round, so one saved while it runs starts
    another; the logos are those each validated plan named, compared with the very bytes the
    round used: the last round always builds what was saved last.
    """
    sleep = sleep or time.sleep
    try:
        seen = snapshot(plan_args, templates)
        used = dict(build() or {})
        say("Memantau perubahan; simpan rencana untuk membangunnya lagi, Ctrl+C untuk berhenti.")
        while True:
            sleep(interval)
            now = snapshot(plan_args, templates)
            logos = _logos_now(used)
            if now == seen and logos == used:
                continue
            sleep(interval)
            if snapshot(plan_args, templates) != now or _logos_now(used) != logos:
                continue  # still being written; look again at the next turn
            seen = now
            used = dict(build() or {})
    except KeyboardInterrupt:
        say("Berhenti memantau.")
        return 0


def ignore_interrupt() -> None:
    """Worker initializer: Ctrl+C is for the watching process, which stops the workers itself."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
