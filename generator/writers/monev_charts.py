"""The monev report's charts drawn with matplotlib (Agg, no display): PNG bytes that are the
same for the same figures, in the fonts zi ships, labelled in Bahasa Indonesia."""

from __future__ import annotations

import io
import textwrap
from functools import lru_cache
from typing import Any

from generator.document.monev_report import DataGrafik
from generator.writers.resources import templates_dir

DPI = 200
"""Resolution of the charts: sharp on paper, small enough to embed twice."""
WIDTH_CM = 16.0
"""Printed width: the portrait body of A4 and F4 with 2.5 and 2 cm margins, less a little."""
FONT_FILES = {"arial": ("LiberationSans-Regular.ttf", "LiberationSans-Bold.ttf"),
              "bookman": ("texgyrebonum-regular.otf", "texgyrebonum-bold.otf")}
"""The shipped font files matplotlib draws the labels with, per `tampilan.huruf`."""
FONT_NAMES = {"arial": "Liberation Sans", "bookman": "TeX Gyre Bonum"}
"""Their family names."""
DUE_COLOUR, DONE_COLOUR = "#9aa5b1", "#8b0000"
"""Planned in grey, done in the KPU's dark red."""


@lru_cache(maxsize=1)
def _pyplot() -> Any:  # matplotlib's pyplot module; imported once, on the Agg backend
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib import font_manager
    from matplotlib import pyplot as plt

    fonts = templates_dir() / "fonts"
    for files in FONT_FILES.values():
        for name in files:
            font_manager.fontManager.addfont(str(fonts / name))
    return plt


def _style(huruf: str) -> dict[str, Any]:
    return {"font.family": FONT_NAMES[huruf], "font.size": 9, "axes.spines.top": False,
            "axes.spines.right": False, "svg.hashsalt": "zi", "path.simplify": False}


def _png(figure: Any) -> bytes:
    """The figure as an opaque RGB PNG without a date or software stamp (PDF/A wants no
    transparency groups it does not need)."""
    from PIL import Image

    out = io.BytesIO()
    figure.savefig(out, format="png", dpi=DPI, facecolor="white",
                   metadata={"Software": None})
    with Image.open(io.BytesIO(out.getvalue())) as image:
        flat = image.convert("RGB")
    result = io.BytesIO()
    flat.save(result, format="PNG", optimize=False)
    return result.getvalue()


def area_chart(data: DataGrafik, huruf: str) -> bytes:
    """Per area: steps due by the quarter and steps done, side by side as horizontal bars."""
    plt = _pyplot()
    labels = ["\n".join(textwrap.wrap(a, 38)) for a in data.area]
    # each area's band is as tall as its label needs (two lines at least, for the two bars)
    bands = [max(2, label.count("\n") + 1) * 0.42 for label in labels]
    height_cm = 3.4 + sum(bands)
    with plt.rc_context(_style(huruf)):
        figure, axes = plt.subplots(figsize=(WIDTH_CM / 2.54, height_cm / 2.54))
        positions, edge = [], 0.0
        for band in bands:
            positions.append(edge + band / 2)
            edge += band
        bar = 0.3
        due = axes.barh([p - bar / 2 for p in positions], data.jatuh_tempo, bar,
                        color=DUE_COLOUR, label="Jatuh tempo s.d. akhir triwulan")
        done = axes.barh([p + bar / 2 for p in positions], data.selesai, bar,
                         color=DONE_COLOUR, label="Selesai")
        axes.bar_label(due, padding=2, fontsize=8)
        axes.bar_label(done, padding=2, fontsize=8)
        axes.set_yticks(positions, labels, fontsize=8)
        axes.set_ylim(edge, 0)
        axes.set_xlabel("Banyaknya langkah aksi")
        axes.xaxis.get_major_locator().set_params(integer=True)
        axes.set_xlim(0, max([*data.jatuh_tempo, *data.selesai, 1]) * 1.15)
        axes.set_title("Langkah jatuh tempo dan selesai per area", fontweight="bold",
                       fontsize=10)
        figure.legend(loc="lower center", ncol=2, frameon=False, fontsize=8)
        figure.tight_layout(rect=(0, 1.0 / height_cm, 1, 1))
        try:
            return _png(figure)
        finally:
            plt.close(figure)


def month_chart(data: DataGrafik, huruf: str) -> bytes:
    """By month, cumulative: steps due as planned and steps done."""
    plt = _pyplot()
    months = list(range(len(data.bulan)))
    with plt.rc_context(_style(huruf)):
        figure, axes = plt.subplots(figsize=(WIDTH_CM / 2.54, 7.5 / 2.54))
        axes.plot(months, data.rencana_kumulatif, marker="o", color=DUE_COLOUR, linewidth=2,
                  label="Rencana: langkah jatuh tempo (kumulatif)")
        axes.plot(months, data.realisasi_kumulatif, marker="s", color=DONE_COLOUR,
                  linewidth=2, label="Realisasi: langkah selesai (kumulatif)")
        labelled = [m for m in months if len(months) <= 6 or (m + 1) % 3 == 0]
        for series in (data.rencana_kumulatif, data.realisasi_kumulatif):
            for x in labelled:
                y = series[x]
                axes.annotate(str(y), (x, y), textcoords="offset points", xytext=(0, 6),
                              ha="center", fontsize=8)
        axes.set_xticks(months, data.bulan)
        axes.set_ylabel("Banyaknya langkah aksi")
        axes.set_ylim(0, max([*data.rencana_kumulatif, *data.realisasi_kumulatif, 1]) * 1.2)
        axes.set_xlim(-0.5, len(months) - 0.5)
        axes.yaxis.get_major_locator().set_params(integer=True)
        axes.grid(axis="y", color="#dddddd", linewidth=0.6)
        axes.legend(loc="upper center", bbox_to_anchor=(0.5, -0.14), ncol=2, frameon=False,
                    fontsize=8)
        axes.set_title("Rencana dan realisasi per bulan", fontweight="bold", fontsize=10)
        figure.tight_layout()
        try:
            return _png(figure)
        finally:
            plt.close(figure)
