"""Live-kernel controls of the Hailo chapter."""

from __future__ import annotations

import ipywidgets as widgets
import pandas as pd

from lib import charts
from lib.widgets.wiring import chart_box


def edge_efficiency_controls(products: pd.DataFrame) -> widgets.VBox:
    """A reference-efficiency slider and a company picker driving :func:`lib.charts.edge_efficiency_chart`.

    ``products`` is :func:`lib.charts.edge_products` output. The returned box has
    the attributes ``reference`` (TOPS per watt of the dashed line),
    ``companies`` (the companies shown) and ``output``; ``chart()`` rebuilds the
    chart for the current control values.
    """
    plotted = products.dropna(subset=["tops", "power_w"])
    names = list(dict.fromkeys(plotted["company"]))
    reference = widgets.FloatSlider(value=5.0, min=0.5, max=15.0, step=0.5, description="TOPS per W")
    companies = widgets.SelectMultiple(options=names, value=tuple(names), description="Companies")

    def chart():
        chosen = list(companies.value) or names  # an empty choice shows every company
        return charts.edge_efficiency_chart(products[products["company"].isin(chosen)], reference=reference.value)

    return chart_box({"reference": reference, "companies": companies}, chart)
