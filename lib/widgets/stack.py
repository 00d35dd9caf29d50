"""Live-kernel controls of the software-stack chapter."""

from __future__ import annotations

import ipywidgets as widgets
import pandas as pd

from lib import charts
from lib.charts.stack import ALL_COMPANIES, ALL_LAYERS
from lib.widgets.wiring import chart_box


def stack_controls(stack: pd.DataFrame, layers: pd.DataFrame, *, company: str | None = None,
                   layer: str | None = None) -> widgets.VBox:
    """A company and a layer drop-down driving :func:`lib.charts.stack_list_chart`.

    The returned box has the attributes ``company`` and ``layer`` (the two
    controls, each with an "All ..." option) and ``output`` (where the chart is
    drawn); ``chart()`` rebuilds the chart for the current control values.
    """
    items = charts.stack_items(stack, layers)
    companies = list(dict.fromkeys(items.sort_values("company_order")["company"]))
    columns = list(dict.fromkeys(items.sort_values("column_order")["column"]))
    pick_company = widgets.Dropdown(options=[ALL_COMPANIES, *companies], value=company or ALL_COMPANIES,
                                    description="Company")
    pick_layer = widgets.Dropdown(options=[ALL_LAYERS, *columns], value=layer or ALL_LAYERS, description="Layer")
    return chart_box({"company": pick_company, "layer": pick_layer},
                     lambda: charts.stack_list_chart(
                         stack, layers, controls=False,
                         company=None if pick_company.value == ALL_COMPANIES else pick_company.value,
                         layer=None if pick_layer.value == ALL_LAYERS else pick_layer.value))
