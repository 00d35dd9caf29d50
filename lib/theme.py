"""The book's Altair theme and embed options, enabled on import.

Charts are drawn as SVG (readable by screen readers and by the browser tests),
with an action menu that exports PNG/SVG and shows the source, but has no link to
the online Vega editor, so a chart never sends a reader off the site.
"""

import altair as alt

THEME_NAME = "aichips"

FONT = "system-ui, -apple-system, 'Segoe UI', 'Noto Sans', 'Noto Sans CJK KR', sans-serif"

PALETTE = [
    "#1f5f99", "#d9822b", "#2a9d6f", "#c0392b", "#7b61c4",
    "#8c6d46", "#d35fa6", "#6b7280", "#a7a52d", "#2bb3c0",
]
"""Ten categorical colours (a re-ordered Tableau 10, darkened for contrast on white)."""

ESTIMATE_OPACITY = 0.55
"""Opacity of marks that show estimates rather than actual values."""

EMBED_OPTIONS = {
    "renderer": "svg",
    "actions": {"export": True, "source": True, "compiled": False, "editor": False},
}


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
