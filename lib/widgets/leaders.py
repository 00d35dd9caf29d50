"""Live-kernel controls of the Part II opener: pick companies and a metric."""

from __future__ import annotations

import ipywidgets as widgets
import pandas as pd

from lib import charts
from lib.charts.leaders import LEADERS
from lib.widgets.wiring import chart_box


def leaders_controls(metrics: pd.DataFrame) -> widgets.VBox:
    """A metric drop-down and a company multi-select driving :func:`lib.charts.leaders_metric_chart`.

    ``metrics`` is :func:`lib.charts.company_metrics` output. The returned box
    has the attributes ``metric`` and ``companies`` (the two controls) and
    ``output``; ``chart()`` rebuilds the chart for the current values. With no
    company selected, every company that has the metric is shown.
    """
    known = list(charts.leaders.METRICS.values())
    names = [m for m in known if m in set(metrics["metric"])] + [m for m in dict.fromkeys(metrics["metric"]) if m not in known]
    present = [c for c in LEADERS if c in set(metrics["company"])]
    metric = widgets.Dropdown(options=names, value=names[0], description="Metric",
                              layout=widgets.Layout(width="auto"))
    companies = widgets.SelectMultiple(options=present, value=tuple(present), description="Companies", rows=6)

    def chart():
        picked = list(companies.value) or present
        return charts.leaders_metric_chart(metrics, metric=metric.value, companies=picked)

    return chart_box({"metric": metric, "companies": companies}, chart)
