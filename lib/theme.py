"""The book's Altair theme and embed options, enabled on import.

Charts are drawn as SVG (readable by screen readers and by the browser tests),
with an action menu that exports PNG/SVG and shows the source, but has no link to
the online Vega editor, so a chart never sends a reader off the site.
"""

import os

import altair as alt

from lib import embed

THEME_NAME = "aichips"

FONT = "system-ui, -apple-system, 'Segoe UI', 'Noto Sans', 'Noto Sans CJK KR', sans-serif"

NARROW_PLOT = 400
"""Plot width (pixels) below which a chart writes its axis labels compactly (the phone
layout's plots are narrower, the laptop layout's wider)."""

ON_A_PHONE = f"width < {NARROW_PLOT}"
"""A Vega expression, true on a narrow plot: the condition of every phone-only setting."""


def upright_on_a_phone(angle: float = 0) -> alt.ExprRef:
    """A category axis's ``labelAngle``: ``angle`` on a wide plot, upright (-90) on a narrow
    one, where the labels would not fit side by side (a category keeps every label)."""
    return alt.ExprRef(f"{ON_A_PHONE} ? -90 : {angle}")


def shape_scale(shapes: dict[str, str], drawn) -> alt.Scale:
    """A shape scale of ``shapes`` (category -> mark shape) that lists only the categories in
    ``drawn``, in the order of ``shapes``: a legend then names no kind the chart does not draw."""
    present = set(drawn)
    domain = [category for category in shapes if category in present]
    return alt.Scale(domain=domain, range=[shapes[category] for category in domain])

PALETTE = [
    "#1f5f99", "#d9822b", "#2a9d6f", "#c0392b", "#7b61c4",
    "#8c6d46", "#d35fa6", "#6b7280", "#a7a52d", "#2bb3c0",
]
"""Ten categorical colours (a re-ordered Tableau 10, darkened for contrast on white)."""

COLOURS: dict[str, dict[str, str]] = {
    "company": {
        # the nine profiled companies (Habana Labs in a lighter shade of its owner, Intel)
        "Intel": "#1f5f99", "Habana Labs": "#5b9bd5", "NVIDIA": "#4d8a1c", "SambaNova": "#d9822b",
        "Tesla": "#c0392b", "Google": "#7b61c4", "Graphcore": "#d35fa6", "Kneron": "#1f9aa6",
        "Cerebras": "#8c6d46", "Hailo": "#a39e1f",
        # other companies of the report's tables
        "ARM": "#6b7280", "AMD": "#374151", "Xilinx": "#9ca3af", "Amazon": "#b45309",
    },
    "hardware_class": {
        "CPU": "#6b7280", "GPU": "#4d8a1c", "FPGA": "#d9822b", "NPU": "#1f5f99", "ASIC": "#1f5f99",
        "SoC": "#7b61c4", "Software (not a chip)": "#c0392b",
    },
    "segment": {
        # by application
        "Automotive": "#c0392b", "Communications": "#1f5f99", "Computing": "#d9822b", "Consumer": "#7b61c4",
        "Industrial": "#8c6d46", "Storage": "#2a9d6f",
        # by device type
        "Application/multimedia processor": "#7b61c4", "Digital signal processor": "#a39e1f",
        "FPGA": "#d9822b", "Graphics processing unit": "#4d8a1c",
        "Integrated baseband/application processor": "#1f5f99", "Microcontroller": "#d35fa6",
        "Microprocessor (compute)": "#374151", "Microprocessor (embedded)": "#9ca3af",
        "Other application-specific": "#1f9aa6",
        # the whole market (a total line, never beside the segments in one legend)
        "Total": "#111827",
    },
    "precision": {
        # what a peak "TOPS" figure counts (Google's TPU table mixes them)
        "INT8 TOPS": "#1f5f99", "bf16 TFLOPS": "#d9822b", "Precision not stated": "#9ca3af",
        "TFLOPS, format not stated": "#7b61c4", "Not a compute figure": "#374151",
    },
    "semiconductor": {
        # the report's split of system semiconductors (시스템반도체) in its implications
        "AI semiconductors": "#1f5f99", "Other system semiconductors": "#d1d5db",
    },
    "roofline": {
        # which limit binds a workload on the roofline model
        "Memory-bound": "#1f5f99", "Compute-bound": "#d9822b",
    },
    "series": {
        # market series after the report: the report's own Gartner series in dark grey and blues,
        # later and differently defined series in warm colours, company revenue in its company's colour
        "Gartner, May 2022 (the report)": "#111827",
        "Gartner AI semiconductors, Aug 2023": "#1f5f99",
        "Gartner AI semiconductors, May 2024": "#2bb3c0",
        "Gartner data-center chips (all kinds), Feb 2025": "#a39e1f",
        "Gartner 'AI processing' chips, Sep 2025": "#d9822b",
        "Gartner 'AI processors', Jan 2026": "#c0392b",
        "NVIDIA Data Center revenue (fiscal years)": "#4d8a1c",
    },
    "layer": {
        "Cloud Service": "#1f5f99", "Deep Learning Platform": "#2a9d6f", "Deep Learning Compiler": "#d9822b",
        "Runtime Library & Driver": "#7b61c4", "Outside the four layers": "#9ca3af",
    },
}
"""One colour per category across the whole book: a company, a hardware class, a
market segment or a software layer is drawn in the same colour in every chart.
Charts take their colour scales from :func:`colour_scale`, never from a palette
of their own."""

ESTIMATE_OPACITY = 0.55
"""Opacity of marks that show estimates rather than actual values."""

EMBED_OPTIONS = {
    "renderer": "svg",
    "actions": {"export": True, "source": True, "compiled": False, "editor": False},
}


def colour_scale(kind: str, domain=None) -> alt.Scale:
    """The book's colour scale for ``kind`` (a key of :data:`COLOURS`: "company", "hardware_class",
    "segment", "precision", "semiconductor", "roofline", "layer"...).

    ``domain`` (the categories a chart shows, in legend order) defaults to every
    category of that kind. A category without a colour raises ``KeyError``
    naming it, so no chart silently falls back to another palette.

    >>> colour_scale("company", ["NVIDIA", "Intel"]).to_dict()["range"]
    ['#4d8a1c', '#1f5f99']
    """
    colours = COLOURS[kind]
    names = list(colours) if domain is None else [str(name) for name in domain]
    missing = [name for name in names if name not in colours]
    if missing:
        raise KeyError(f"no {kind} colour for {missing}; add it to lib.theme.COLOURS[{kind!r}]")
    return alt.Scale(domain=names, range=[colours[name] for name in names])


@alt.theme.register(THEME_NAME, enable=True)
def aichips_theme() -> alt.theme.ThemeConfig:
    """Fonts, sizes and colours shared by every chart of the book."""
    return {
        "config": {
            "font": FONT,
            "view": {"continuousWidth": 560, "continuousHeight": 320, "discreteWidth": 560, "stroke": None},
            "range": {"category": PALETTE},
            "axis": {"labelFontSize": 12, "titleFontSize": 12, "titleFontWeight": "normal", "gridColor": "#e5e7eb"},
            "legend": {"labelFontSize": 12, "titleFontSize": 12, "labelLimit": 260},
            "title": {"fontSize": 15, "anchor": "start", "subtitleColor": "#4b5563", "subtitleFontSize": 12},
            "line": {"strokeWidth": 2.5},
            "point": {"size": 40, "filled": True},
        }
    }


alt.renderers.set_embed_options(**EMBED_OPTIONS)
alt.renderers.register("book", embed.render)
if os.environ.get(embed.ENV_FLAG) == "1":
    alt.renderers.enable("book")
