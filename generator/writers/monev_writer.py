"""The quarterly monev report written as PDF (monev.html through WeasyPrint) and DOCX (the
docxtpl template monev.docx), by the decree's machinery: the same confined templates, fonts,
paper and bounds, with the charts drawn once and embedded in both."""

from __future__ import annotations

import base64
import io
import secrets
from datetime import datetime
from pathlib import Path
from typing import Any

from docx.document import Document as DocxDocument
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm
from jinja2 import TemplateError

from generator.document.monev_report import DokumenMonev
from generator.writers import docx_writer, html_writer
from generator.writers.limits import bounded
from generator.writers.monev_charts import WIDTH_CM, area_chart, month_chart
from generator.writers.problem import TemplateProblem
from generator.writers.resources import template_file, templates_dir
from generator.writers.templating import code_message

HTML_TEMPLATE = "monev.html"
"""The PDF's template."""
DOCX_TEMPLATE = "monev.docx"
"""The DOCX's template."""
STYLESHEETS = ("keputusan.css", "monev.css")
"""The decree's page, fonts and tables, then the report's own sections and charts."""
CHARTS = ("area", "bulan")
"""The charts, by the name templates read them under (`grafik.area`, `grafik.bulan`)."""


def charts(doc: DokumenMonev) -> dict[str, bytes]:
    """Each chart as PNG bytes."""
    return {"area": area_chart(doc.grafik, doc.huruf), "bulan": month_chart(doc.grafik, doc.huruf)}


def render_monev_html(doc: DokumenMonev, when: datetime | None = None,
                      templates: Path | None = None,
                      drawn: dict[str, bytes] | None = None) -> str:
    """The report as one HTML page with print CSS and its charts as data: URLs."""
    portrait, landscape = html_writer.PAGE_SIZES[doc.kertas]
    stamp = when.strftime("%Y-%m-%dT%H:%M:%SZ") if when else ""
    env = html_writer._environment(str(templates) if templates else None)
    sheets = [(templates_dir() / name).as_uri() for name in STYLESHEETS]
    for name in STYLESHEETS:
        if templates is not None and (templates / name).exists():
            sheets.append((templates / name).absolute().as_uri())
    pictures = drawn if drawn is not None else charts(doc)
    grafik = {name: "data:image/png;base64," + base64.b64encode(pictures[name]).decode("ascii")
              for name in CHARTS}
    logo = (f"data:image/{doc.logo_jenis};base64,{base64.b64encode(doc.logo).decode('ascii')}"
            if doc.logo else "")
    try:
        with bounded(f"templat {HTML_TEMPLATE}"):
            template = env.get_template(HTML_TEMPLATE)
            return template.render(doc=doc, page={"portrait": portrait, "landscape": landscape},
                                   waktu=stamp, stylesheets=sheets, logo=logo, grafik=grafik)
    except TemplateError as exc:
        raise TemplateProblem(html_writer._html_error(exc, HTML_TEMPLATE)) from None
    except TemplateProblem:
        raise
    except Exception as exc:  # whatever else a template's code raises is the template's fault
        raise TemplateProblem(f"{html_writer._html_error(exc, HTML_TEMPLATE)}: "
                              f"{code_message(exc)}") from None


def render_monev_pdf(doc: DokumenMonev, when: datetime, templates: Path | None = None,
                     drawn: dict[str, bytes] | None = None) -> bytes:
    """The report as PDF; the salinan, published, is PDF/A-2a as the decree's salinan is."""
    return html_writer.layout_pdf(render_monev_html(doc, when, templates, drawn), HTML_TEMPLATE,
                                  templates, doc.salinan)


def render_monev_docx(doc: DokumenMonev, when: datetime, templates: Path | None = None,
                      drawn: dict[str, bytes] | None = None) -> bytes:
    """The report as DOCX bytes stamped with `when`; logo and charts are placed after filling,
    where the template printed their markers."""
    path = template_file(DOCX_TEMPLATE, templates)
    pictures = drawn if drawn is not None else charts(doc)
    logo_marker = f"ZILOGO{secrets.token_hex(16)}" if doc.logo else ""
    markers = {name: f"ZIGRAFIK{secrets.token_hex(16)}" for name in CHARTS}
    with bounded(f"templat {DOCX_TEMPLATE}"):
        template = docx_writer._fill(path, DOCX_TEMPLATE, templates,
                                     {"doc": doc, "logo": logo_marker, "grafik": markers})
        try:
            return _finish(template.docx, doc, when, logo_marker, markers, pictures)
        except (TemplateProblem, MemoryError):
            raise
        except Exception as exc:  # a template without the styles or parts the writer adjusts
            raise TemplateProblem(f"templat {DOCX_TEMPLATE}: hasil pengisian tidak dapat diolah "
                                  f"({type(exc).__name__}: {exc})") from None


def _finish(document: DocxDocument, doc: DokumenMonev, when: datetime, logo_marker: str,
            markers: dict[str, str], pictures: dict[str, bytes]) -> bytes:
    """Pictures, paper, fonts, pagination and properties of the filled template."""
    if logo_marker and doc.logo:
        docx_writer._place_logo(document, logo_marker, doc.logo, DOCX_TEMPLATE)
    for name, marker in markers.items():
        _place_chart(document, marker, pictures[name])
    docx_writer._set_sections(document, doc.kertas, [(False, True)])
    styles = {style.style_id: style.name for style in document.styles}
    docx_writer._keep_together(document, styles)
    docx_writer._set_font_and_language(document, doc.huruf)
    return docx_writer.saved(document, doc.judul_metadata, doc.penulis, when)


def _place_chart(document: DocxDocument, marker: str, png: bytes) -> None:
    """Every text run holding the marker becomes the chart, WIDTH_CM wide; a template that
    printed no marker simply has no chart."""
    part = document.part
    for text in list(part.element.iter(qn("w:t"))):
        if not text.text or marker not in text.text:
            continue
        run = text.getparent()
        text.text = text.text.replace(marker, "")
        picture: Any = OxmlElement("w:r")
        picture.add_drawing(part.new_pic_inline(io.BytesIO(png), Cm(WIDTH_CM), None))
        run.addnext(picture)
