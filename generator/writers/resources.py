"""Where the templates and fonts are, whether installed or run from a checkout."""

from __future__ import annotations

import os
from pathlib import Path


def templates_dir() -> Path:
    """The folder holding keputusan.docx, keputusan.html, keputusan.css and fonts/."""
    try:
        import generator.writers.templates as package

        return Path(package.__path__[0])
    except ImportError:  # running from a source checkout that was not installed
        return Path(__file__).resolve().parents[2] / "templates"


TEMPLATE_FILES = ("keputusan.docx", "rencana-aksi.docx", "keputusan.html", "rencana-aksi.html",
                  "_bagian.html", "keputusan.css")
"""The files a user's own template folder may replace; any other file there is ignored."""


def template_file(name: str, user_dir: Path | None = None) -> Path:
    """A template from the user's folder when it has one, otherwise the shipped one.

    Whatever stands there under that name is the user's choice (a FIFO, a folder or a symlink
    out of the folder is refused by the writer with a message, never silently replaced)."""
    if user_dir is not None and os.path.lexists(user_dir / name):
        return user_dir / name
    return templates_dir() / name
