"""Live-kernel controls of the success-factor chapter: the company x factor matrix."""

from __future__ import annotations

import ipywidgets as widgets
import pandas as pd
from IPython.display import display

from lib import charts
from lib.charts.factors import COMPANY_ORDER, SHOW_LABELS, SHOW_OPTIONS


def factors_controls(readings: pd.DataFrame, factors: pd.DataFrame) -> widgets.VBox:
    """A "show" toggle and a company multi-select driving :func:`lib.charts.factor_matrix_chart`.

    The returned box has the attributes ``show`` (both / the report's attributions /
    the book's reading) and ``companies`` (the rows), and ``output``; ``chart()``
    rebuilds the chart for the current values. With no company selected, every
    company is shown.
    """
    present = [c for c in COMPANY_ORDER if c in set(readings["company"].astype(str))]
    rows = [c for c in COMPANY_ORDER]
    show = widgets.ToggleButtons(options=list(zip(SHOW_LABELS, SHOW_OPTIONS)), value="both", description="Show")
    companies = widgets.SelectMultiple(options=rows, value=tuple(rows), description="Companies", rows=6)
    box = widgets.VBox()
    box.show, box.companies = show, companies

    def chart():
        picked = [c for c in rows if c in companies.value] or rows
        return charts.factor_matrix_chart(readings, factors, show=show.value, companies=picked)

    box.chart = chart
    box.present = present
    box.output = widgets.interactive_output(lambda **_: display(box.chart()), {"show": show, "companies": companies})
    box.children = [show, companies, box.output]
    return box
