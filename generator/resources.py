"""Where the templates and fonts are, whether installed or run from a checkout."""

from __future__ import annotations

from pathlib import Path


def templates_dir() -> Path:
    """The folder holding keputusan.docx, keputusan.html, keputusan.css and fonts/."""
    try:
        import generator.templates as package

        return Path(package.__path__[0])
    except ImportError:  # running from a source checkout that was not installed
        return Path(__file__).resolve().parent.parent / "templates"
