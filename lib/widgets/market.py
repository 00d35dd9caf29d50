"""Live-kernel controls of the market chapter."""

from __future__ import annotations

import ipywidgets as widgets
import pandas as pd
from IPython.display import display

from lib import charts


def market_controls(market: pd.DataFrame) -> widgets.VBox:
    """A view drop-down and a year-range slider driving :func:`lib.charts.market_trend_chart`.

    The returned box has the attributes ``view``, ``years`` (the two controls)
    and ``output`` (where the chart is drawn); ``chart()`` rebuilds the chart
    for the current control values.
    """
    views = [str(v) for v in market["view"].cat.categories]
    first, last = int(market["year"].min()), int(market["year"].max())
    view = widgets.Dropdown(options=views, value=views[0], description="Market split")
    years = widgets.IntRangeSlider(value=(first, last), min=first, max=last, step=1, description="Years")
    box = widgets.VBox()
    box.view, box.years = view, years
    box.chart = lambda: charts.market_trend_chart(market, view=view.value, years=years.value)
    box.output = widgets.interactive_output(lambda **_: display(box.chart()), {"view": view, "years": years})
    box.children = [widgets.HBox([view, years]), box.output]
    return box
