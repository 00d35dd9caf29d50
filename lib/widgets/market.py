"""Live-kernel controls of the market chapter."""

from __future__ import annotations

import ipywidgets as widgets
import pandas as pd

from lib import charts
from lib.widgets.wiring import chart_box


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
    return chart_box({"view": view, "years": years},
                     lambda: charts.market_trend_chart(market, view=view.value, years=years.value))


def scenario_controls(market: pd.DataFrame) -> widgets.VBox:
    """A growth-rate slider and a horizon slider driving :func:`lib.charts.market_scenario_chart`.

    The rate starts at :func:`lib.charts.scenario_start_rate` (Gartner's CAGR
    from the last actual year to the last estimated one). The returned box has the attributes ``rate`` (percent a year),
    ``until`` (last year of the extension) and ``output``; ``chart()`` rebuilds
    the chart for the current values. The extension is illustrative, not a forecast.
    """
    start_rate = round(charts.scenario_start_rate(market), 1)
    last = int(market["year"].max())
    rate = widgets.FloatSlider(value=start_rate, min=-20, max=60, step=0.5, description="Growth (%/yr)",
                               readout_format=".1f")
    until = widgets.IntSlider(value=last + 9, min=last + 1, max=last + 20, step=1, description="Until")
    return chart_box({"rate": rate, "until": until},
                     lambda: charts.market_scenario_chart(market, rate=rate.value, until=until.value))
