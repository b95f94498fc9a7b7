"""The HTML writer: the document context through Jinja2 into HTML, then WeasyPrint into PDF."""

from __future__ import annotations

import atexit
import base64
import os
import traceback
from datetime import datetime
from functools import lru_cache
from pathlib import Path
from typing import Any

from jinja2 import ChoiceLoader, StrictUndefined, TemplateError, select_autoescape
from markupsafe import Markup, escape

from generator.document.decree import Dokumen, DokumenMandiri
from generator.text.inline import is_runs, plain
from generator.writers.fetch import ConfinedLoader, template_roots, url_fetcher
from generator.writers.layout import FIRST_STEP_COLUMN, label_width
from generator.writers.limits import bounded
from generator.writers.problem import TemplateProblem
from generator.writers.resources import templates_dir
from generator.writers.templating import CachedCompileEnvironment, code_message, jinja_message

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
    """Templates from the user's folder first, then the shipped ones; sandboxed, escaped,
    each read only from inside its folder."""
    user = Path(user_dir) if user_dir else None
    folders = ([user] if user else []) + [templates_dir()]
    env = CachedCompileEnvironment(
        loader=ChoiceLoader([ConfinedLoader(folder, user) for folder in folders]),
        autoescape=select_autoescape(["html"]),
        undefined=StrictUndefined,
        finalize=_finalize,
    )
    env.filters["baris"] = _lines
    env.globals["kolom_sel_pertama"] = FIRST_STEP_COLUMN
    return env


TEMPLATES = {Dokumen: "keputusan.html", DokumenMandiri: "rencana-aksi.html"}
"""The HTML template of each document kind."""


def render_html(doc: Dokumen | DokumenMandiri, when: datetime | None = None,
                templates: Path | None = None) -> str:
    """The document as one HTML page with print CSS, dated `when` in its metadata."""
    portrait, landscape = PAGE_SIZES[doc.kertas]
    stamp = when.strftime("%Y-%m-%dT%H:%M:%SZ") if when else ""
    env = _environment(str(templates) if templates else None)
    name = TEMPLATES[type(doc)]
    sheets = [(templates_dir() / "keputusan.css").as_uri()]
    if templates is not None and os.path.lexists(templates / "keputusan.css"):
        sheets.append((templates / "keputusan.css").absolute().as_uri())
    logo = getattr(doc, "logo", None)
    logo_uri = (f"data:image/{getattr(doc, 'logo_jenis', '')};base64,"
                f"{base64.b64encode(logo).decode('ascii')}") if logo else ""
    try:
        with bounded(f"templat {name}"):
            template = env.get_template(name)
            return template.render(doc=_laid_out(doc),
                                   page={"portrait": portrait, "landscape": landscape},
                                   waktu=stamp, stylesheets=sheets, logo=logo_uri)
    except TemplateError as exc:
        raise TemplateProblem(_html_error(exc, name)) from None
    except TemplateProblem:
        raise
    except Exception as exc:  # whatever else a template's code raises is the template's fault
        raise TemplateProblem(f"{_html_error(exc, name)}: {code_message(exc)}") from None


class _LaidOut:
    """The document as the HTML templates read it: its own fields, and the layout number this
    writer decides (`lebar_label`, the label column's width in cm) under the name templates
    have always read it by."""

    def __init__(self, doc: Dokumen, lebar_label: float):
        self._doc = doc
        self.lebar_label = lebar_label

    def __getattr__(self, name: str) -> object:
        return getattr(self._doc, name)


def _laid_out(doc: Dokumen | DokumenMandiri) -> Dokumen | DokumenMandiri | _LaidOut:
    return _LaidOut(doc, label_width(doc)) if isinstance(doc, Dokumen) else doc


def _html_error(exc: Exception, template: str | None = None) -> str:
    """Name the template file and line: from the error itself or from its traceback; a Jinja
    error goes on with its Indonesian description, any other stops at the place."""
    name, line = getattr(exc, "name", None) or getattr(exc, "filename", None), \
        getattr(exc, "lineno", None)
    if not isinstance(exc, TemplateError) or not name:
        name, line = template, None
    if line is None:
        for frame in reversed(traceback.extract_tb(exc.__traceback__)):
            if frame.filename.endswith((".html", ".css")):
                name, line = frame.filename, frame.lineno
                break
    where = f"templat {Path(name).name}" if name else "templat HTML"
    if line:
        where += f" baris {line}"
    return f"{where}: {jinja_message(exc)}" if isinstance(exc, TemplateError) else where


@lru_cache(maxsize=1)
def _font_config() -> Any:  # weasyprint has no type information
    """One font configuration per process, let go before the interpreter tears down the
    modules its finaliser calls (else Python prints an ignored error at exit)."""
    from weasyprint.text.fonts import FontConfiguration

    atexit.register(_font_config.cache_clear)
    return FontConfiguration()


def render_pdf(doc: Dokumen | DokumenMandiri, when: datetime,
               templates: Path | None = None) -> bytes:
    """The document as PDF; a decree's salinan and a standalone plan are tagged PDF/A-2a.

    A keputusan.css in the user's template folder is applied after the shipped one; relative
    addresses in the HTML are taken from the user's folder when there is one. WeasyPrint reads
    only through the confined fetcher; any address refused fails the build afterwards.
    """
    name = TEMPLATES[type(doc)]
    published = isinstance(doc, DokumenMandiri) or doc.salinan
    return layout_pdf(render_html(doc, when, templates), name, templates, published)


def layout_pdf(text: str, name: str, templates: Path | None, published: bool) -> bytes:
    """Filled HTML laid out as PDF (published: PDF/A-2a, else tagged), reading only through the
    confined fetcher, within the layout bounds; every failure is the template's message."""
    from weasyprint import HTML

    refused: list[str] = []
    fetcher = url_fetcher(template_roots(templates), refused)
    options = {"pdf_variant": SALINAN_VARIANT} if published else {"pdf_tags": True}
    base = templates if templates is not None else templates_dir()  # a user's img src="cap.png"
    with bounded(f"templat {name}", "tata letak PDF"):
        try:
            html = HTML(string=text, base_url=str(base.absolute()) + "/", url_fetcher=fetcher)
            if _attachments(html.etree_element):
                raise TemplateProblem(f"templat {name}: lampiran berkas di dalam PDF "
                                      "(rel=\"attachment\") tidak diizinkan")
            pdf: bytes = html.write_pdf(font_config=_font_config(), **options)
        except (TemplateProblem, MemoryError):
            raise
        except Exception as exc:  # HTML or CSS of a user's template the layout engine trips on
            raise TemplateProblem(f"templat {name}: tata letak PDF gagal "
                                  f"({type(exc).__name__}: {exc})") from None
    if refused:
        raise TemplateProblem(f"templat {name}: " + "; ".join(refused))
    return pdf


def _attachments(root: Any) -> bool:  # an lxml element; WeasyPrint has no types
    """Whether any element asks WeasyPrint to embed a file in the PDF (rel="attachment")."""
    return any("attachment" in str(element.get("rel", "")).lower().split()
               for element in root.iter())
