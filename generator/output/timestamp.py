"""One timestamp for every file of a build, so that the same inputs give the same bytes."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime

from generator.plan.model import Rencana


def waktu_build(plan: Rencana) -> datetime:
    """SOURCE_DATE_EPOCH when set; otherwise the decree's date (or 1 January of its year)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return datetime.fromtimestamp(int(epoch), UTC)
    day = (plan.keputusan.tanggal if plan.keputusan else None) or \
        (plan.mandiri.tanggal if plan.mandiri else None) or date(plan.tahun, 1, 1)
    return datetime(day.year, day.month, day.day, tzinfo=UTC)


@contextmanager
def source_date_epoch(when: datetime) -> Iterator[None]:
    """Font subsetting (fontTools) stamps the time it runs unless SOURCE_DATE_EPOCH is set."""
    previous = os.environ.get("SOURCE_DATE_EPOCH")
    os.environ["SOURCE_DATE_EPOCH"] = str(int(when.timestamp()))
    try:
        yield
    finally:
        if previous is None:
            del os.environ["SOURCE_DATE_EPOCH"]
        else:
            os.environ["SOURCE_DATE_EPOCH"] = previous
