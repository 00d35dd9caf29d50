"""Live-kernel controls of the Tesla chapter: the Dojo ExaPOD calculator."""

from __future__ import annotations

import ipywidgets as widgets
import pandas as pd

from lib import charts
from lib.widgets.wiring import chart_box


def dojo_controls(claims: pd.DataFrame, *, tesla_cabinets: int = 10, max_cabinets: int = 16) -> widgets.VBox:
    """A cabinet slider driving :func:`lib.charts.dojo_exapod_chart`.

    The returned box has the attribute ``cabinets`` (the slider) and ``output``
    (where the chart is drawn); ``chart()`` rebuilds the chart for the slider's
    value. The slider starts at the report's cabinet count.
    """
    hierarchy = charts.dojo_hierarchy(claims)
    start = int(hierarchy.set_index("level").loc["ExaPOD", "contains"])
    cabinets = widgets.IntSlider(value=start, min=1, max=max_cabinets, step=1, description="Cabinets")
    return chart_box({"cabinets": cabinets},
                     lambda: charts.dojo_exapod_chart(hierarchy, cabinets=cabinets.value,
                                                      tesla_cabinets=tesla_cabinets, max_cabinets=max_cabinets),
                     top=cabinets)
