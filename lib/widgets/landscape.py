"""Live-kernel controls of the landscape chapter."""

from __future__ import annotations

import ipywidgets as widgets
import pandas as pd

from lib import charts
from lib.charts.landscape import BASES, DEPLOYMENTS
from lib.widgets.wiring import chart_box

ALL = "All"


def products_controls(products: pd.DataFrame, corrections: pd.DataFrame) -> widgets.VBox:
    """Class basis, purpose and company controls driving :func:`lib.charts.products_chart`.

    The returned box has the attributes ``basis`` (class as printed or
    corrected), ``deployment`` and ``company`` (filters; "All" keeps every
    product) and ``output``; ``chart()`` rebuilds the chart for the current
    control values.
    """
    table = charts.product_classes(products, corrections)
    basis = widgets.RadioButtons(options=list(BASES), value=BASES[0], description="Class")
    deployment = widgets.Dropdown(options=[ALL] + [d for d in DEPLOYMENTS if d in set(table["deployment"])],
                                  value=ALL, description="Purpose")
    company = widgets.Dropdown(options=[ALL] + sorted(table["company"].unique(), key=str.casefold),
                               value=ALL, description="Company")
    return chart_box(
        {"basis": basis, "deployment": deployment, "company": company},
        lambda: charts.products_chart(table, basis=basis.value,
                                      deployments=None if deployment.value == ALL else [deployment.value],
                                      companies=None if company.value == ALL else [company.value]),
        top=widgets.HBox([basis, widgets.VBox([deployment, company])]))
