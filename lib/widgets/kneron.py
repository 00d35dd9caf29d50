"""Live-kernel controls of the Kneron chapter."""

from __future__ import annotations

import ipywidgets as widgets
import pandas as pd

from lib import charts
from lib.widgets.wiring import chart_box


def kneron_clock_controls(products: pd.DataFrame) -> widgets.VBox:
    """A clock slider and an operations-per-MAC choice driving :func:`lib.charts.kneron_mac_chart`.

    The returned box has the attributes ``clock`` (assumed clock, MHz),
    ``ops_per_mac`` (how a multiply-accumulate is counted) and ``output``;
    ``chart()`` rebuilds the chart for the current values.
    """
    clock = widgets.IntSlider(value=500, min=100, max=1000, step=50, description="Clock (MHz)",
                              style={"description_width": "initial"})
    ops_per_mac = widgets.Dropdown(options=[("2 (multiply + add)", 2), ("1 (one MAC = one op)", 1)], value=2,
                                   description="Ops per MAC", style={"description_width": "initial"})
    return chart_box({"clock": clock, "ops_per_mac": ops_per_mac},
                     lambda: charts.kneron_mac_chart(products, clock_mhz=clock.value, ops_per_mac=ops_per_mac.value))
