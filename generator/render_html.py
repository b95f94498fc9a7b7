"""The HTML writer: the document context through Jinja2 into HTML, then WeasyPrint into PDF."""

from __future__ import annotations

import base64
import traceback
from datetime import datetime
from functools import lru_cache
from pathlib import Path

from jinja2 import ChoiceLoader, FileSystemLoader, StrictUndefined, TemplateError, select_autoescape
from markupsafe import Markup, escape

from generator.context import Dokumen, DokumenMandiri
from generator.inline import is_runs, plain
from generator.resources import templates_dir
from generator.templat import CachedCompileEnvironment, TemplateProblem, jinja_message

PAGE_SIZES = {
    "f4": ("215mm 330mm", "330mm 215mm"),
    "a4": ("210mm 297mm", "297mm 210mm"),
}
"""CSS page sizes, portrait then landscape."""

SALINAN_VARIANT = "pdf/a-2a"
"""The certified copy is archival and tagged: PDF/A-2 level A."""


def _lines(text: str) -> Markup:
    """Escape text and keep its line breaks."""
    return Markup("<br>").join(escape(part) for part in text.split("\n"))


def _finalize(value: object) -> object:
    """Styled runs printed as `{{ value }}` rather than through `teks()` print as plain words."""
    return plain(value) if is_runs(value) else value


@lru_cache(maxsize=4)
def _environment(user_dir: str | None) -> CachedCompileEnvironment:
    """Templates from the user's folder first, then the shipped ones; sandboxed, escaped."""
    folders = ([user_dir] if user_dir else []) + [str(templates_dir())]
    env = CachedCompileEnvironment(
        loader=ChoiceLoader([FileSystemLoader(folder) for folder in folders]),
        autoescape=select_autoescape(["html"]),
        undefined=StrictUndefined,
        finalize=_finalize,
    )
    env.filters["baris"] = _lines
    return env


TEMPLATES = {Dokumen: "keputusan.html", DokumenMandiri: "rencana-aksi.html"}
"""The HTML template of each document kind."""


def render_html(doc: Dokumen | DokumenMandiri, when: datetime | None = None,
                templates: Path | None = None) -> str:
    """The document as one HTML page with print CSS, dated `when` in its metadata."""
    portrait, landscape = PAGE_SIZES[doc.kertas]
    stamp = when.strftime("%Y-%m-%dT%H:%M:%SZ") if when else ""
    env = _environment(str(templates) if templates else None)
    try:
        template = env.get_template(TEMPLATES[type(doc)])
        sheets = [(templates_dir() / "keputusan.css").as_uri()]
        if templates is not None and (templates / "keputusan.css").is_file():
            sheets.append((templates / "keputusan.css").resolve().as_uri())
        logo = getattr(doc, "logo", None)
        logo_uri = (f"data:image/{doc.logo_jenis};base64,"
                    f"{base64.b64encode(logo).decode('ascii')}") if logo else ""
        return template.render(doc=doc, page={"portrait": portrait, "landscape": landscape},
                               waktu=stamp, stylesheets=sheets, logo=logo_uri)
    except TemplateError as exc:
        raise TemplateProblem(_html_error(exc)) from None


def _html_error(exc: TemplateError) -> str:
    """Name the template file and line: from the error itself or from its traceback."""
    name, line = getattr(exc, "name", None) or getattr(exc, "filename", None), \
        getattr(exc, "lineno", None)
    if line is None:
        for frame in reversed(traceback.extract_tb(exc.__traceback__)):
            if frame.filename.endswith((".html", ".css")):
                name, line = frame.filename, frame.lineno
                break
    where = f"templat {Path(name).name}" if name else "templat HTML"
    if line:
        where += f" baris {line}"
    return f"{where}: {jinja_message(exc)}"


@lru_cache(maxsize=1)
def _font_config():
    from weasyprint.text.fonts import FontConfiguration

    return FontConfiguration()


def render_pdf(doc: Dokumen | DokumenMandiri, when: datetime,
               templates: Path | None = None) -> bytes:
    """The document as PDF; a decree's salinan and a standalone plan are tagged PDF/A-2a.

    A keputusan.css in the user's template folder is applied after the shipped one.
    """
    from weasyprint import HTML

    html = HTML(string=render_html(doc, when, templates), base_url=str(templates_dir()) + "/")
    published = isinstance(doc, DokumenMandiri) or doc.salinan
    options = {"pdf_variant": SALINAN_VARIANT} if published else {"pdf_tags": True}
    return html.write_pdf(font_config=_font_config(), **options)
