"""The HTML writer: the document context through Jinja2 into HTML, then WeasyPrint into PDF."""

from __future__ import annotations

from datetime import datetime
from functools import lru_cache

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape
from markupsafe import Markup, escape

from generator.context import Dokumen, DokumenMandiri
from generator.resources import templates_dir

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


@lru_cache(maxsize=4)
def _environment(folder: str) -> Environment:
    env = Environment(
        loader=FileSystemLoader(folder),
        autoescape=select_autoescape(["html"]),
        undefined=StrictUndefined,
    )
    env.filters["baris"] = _lines
    return env


TEMPLATES = {Dokumen: "keputusan.html", DokumenMandiri: "rencana-aksi.html"}
"""The HTML template of each document kind."""


def render_html(doc: Dokumen | DokumenMandiri, when: datetime | None = None) -> str:
    """The document as one HTML page with print CSS, dated `when` in its metadata."""
    folder = templates_dir()
    portrait, landscape = PAGE_SIZES[doc.kertas]
    template = _environment(str(folder)).get_template(TEMPLATES[type(doc)])
    stamp = when.strftime("%Y-%m-%dT%H:%M:%SZ") if when else ""
    return template.render(doc=doc, page={"portrait": portrait, "landscape": landscape},
                           waktu=stamp)


@lru_cache(maxsize=1)
def _font_config():
    from weasyprint.text.fonts import FontConfiguration

    return FontConfiguration()


def render_pdf(doc: Dokumen | DokumenMandiri, when: datetime) -> bytes:
    """The document as PDF; a decree's salinan and a standalone plan are tagged PDF/A-2a."""
    from weasyprint import HTML

    html = HTML(string=render_html(doc, when), base_url=str(templates_dir()) + "/")
    published = isinstance(doc, DokumenMandiri) or doc.salinan
    options = {"pdf_variant": SALINAN_VARIANT} if published else {"pdf_tags": True}
    return html.write_pdf(font_config=_font_config(), **options)
