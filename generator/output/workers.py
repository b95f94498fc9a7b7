"""Worker processes of a build: they die with zi, and zi stops them at once when it is stopped.

A KPU Provinsi builds every kabupaten/kota in one run: a worker killed by one plan (out of memory,
a crash inside a C library) must cost that plan only, and a `zi` that is stopped (Ctrl+C, `kill`,
even `kill -9`) must not leave workers running on behind it.
"""

from __future__ import annotations

import contextlib
import os
import signal
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from typing import Any

_PR_SET_PDEATHSIG = 1
"""prctl option: the signal the kernel sends a process when its parent dies (Linux)."""


class Stopped(KeyboardInterrupt):
    """zi was asked to stop (SIGTERM): handled like Ctrl+C, so workers are stopped the same way."""


def on_terminate(signum: int, frame: object) -> None:
    """SIGTERM handler of the zi process: stop as on Ctrl+C."""
    raise Stopped


def start_worker(parent: int) -> None:
    """Pool initializer: die with the parent, and leave Ctrl+C to it (it stops the workers)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    if sys.platform.startswith("linux"):
        with contextlib.suppress(OSError, AttributeError):
            import ctypes

            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    if os.getppid() != parent:  # the parent died before the request above was made
        os._exit(1)


def new_pool(workers: int) -> ProcessPoolExecutor:
    """A pool whose workers end when zi ends, however it ends."""
    return ProcessPoolExecutor(max_workers=max(1, workers), initializer=start_worker,
                               initargs=(os.getpid(),))


def processes(pool: Any) -> list[Any]:
    """The pool's worker processes (multiprocessing.Process), as far as the pool shows them."""
    return list((getattr(pool, "_processes", None) or {}).values())


def stop_pool(pool: Any) -> None:
    """Stop a pool now: queued work cancelled, running workers killed rather than waited for
    (a worker may be in the middle of a layout that takes seconds)."""
    running = processes(pool)
    pool.shutdown(wait=False, cancel_futures=True)
    for process in running:
        with contextlib.suppress(Exception):
            process.kill()
    for process in running:
        with contextlib.suppress(Exception):
            process.join(5)


def why_stopped(process: Any) -> str:
    """How a worker process ended, in the user's words: the signal or the exit code."""
    code = None
    for _ in range(300):  # the pool's own thread may be reaping it: its code shows shortly
        with contextlib.suppress(Exception):
            process.join(0.01)
        code = getattr(process, "exitcode", None)
        if code is not None:
            break
        time.sleep(0.01)
    if code is None:
        return "prosesnya berhenti mendadak"
    if code < 0:
        try:
            name = signal.Signals(-code).name
        except ValueError:
            name = str(-code)
        return f"prosesnya dihentikan sinyal {name}"
    return f"prosesnya keluar dengan kode {code}"
