"""Live-kernel controls of the "After the report" chapter."""

from __future__ import annotations

import ipywidgets as widgets
import pandas as pd
from IPython.display import display

from lib import charts, theme
from lib.charts.since_2022 import CATEGORY_SHAPES, GROUPS


def forecast_controls(frame: pd.DataFrame) -> widgets.VBox:
    """Series check-list and a group drop-down driving :func:`lib.charts.forecast_outcome_chart`.

    ``frame`` is :func:`lib.charts.forecast_outcome_frame` output. The returned box
    has the attributes ``series`` (a multiple selection of series, all picked at
    first), ``group`` (which group the chart's own drop-down starts on) and
    ``output``; ``chart()`` rebuilds the chart for the current values.
    """
    names = list(dict.fromkeys(frame["series"]))
    series = widgets.SelectMultiple(options=names, value=tuple(names), rows=min(len(names), 7),
                                    description="Series", layout=widgets.Layout(width="auto"))
    group = widgets.Dropdown(options=[(label, key) for key, label in GROUPS.items()],
                             value="same", description="Show")
    box = widgets.VBox()
    box.series, box.group = series, group
    box.chart = lambda: charts.forecast_outcome_chart(frame, series=list(series.value), group=group.value)
    box.output = widgets.interactive_output(lambda **_: display(box.chart()), {"series": series, "group": group})
    box.children = [widgets.HBox([series, group]), box.output]
    return box


def timeline_controls(events: pd.DataFrame) -> widgets.VBox:
    """Company and kind-of-event selections driving :func:`lib.charts.company_timeline_chart`.

    The returned box has the attributes ``companies``, ``categories`` (multiple
    selections, all picked at first) and ``output``; ``chart()`` rebuilds the chart.
    """
    companies_all = [c for c in theme.COLOURS["company"] if c in set(events["company"].astype(str))]
    kinds_all = [k for k in CATEGORY_SHAPES if k in set(events["category"].astype(str))]
    companies = widgets.SelectMultiple(options=companies_all, value=tuple(companies_all), rows=6,
                                       description="Companies")
    categories = widgets.SelectMultiple(options=kinds_all, value=tuple(kinds_all), rows=6, description="Events")
    box = widgets.VBox()
    box.companies, box.categories = companies, categories
    box.chart = lambda: charts.company_timeline_chart(events, companies=list(companies.value),
                                                      categories=list(categories.value))
    box.output = widgets.interactive_output(lambda **_: display(box.chart()),
                                            {"companies": companies, "categories": categories})
    box.children = [widgets.HBox([companies, categories]), box.output]
    return box
