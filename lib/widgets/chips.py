"""Live-kernel controls of the chip comparison."""

from __future__ import annotations

import ipywidgets as widgets
import pandas as pd
from IPython.display import display

from lib import charts, chips


def chip_controls(table: pd.DataFrame) -> widgets.VBox:
    """Metric pickers and filters driving :func:`lib.charts.chip_scatter_chart`.

    ``table`` is :func:`lib.chips.chip_table` output. The returned box has the
    attributes ``x`` and ``y`` (metrics, keys of :data:`lib.chips.METRICS`),
    ``precision``, ``hardware_class`` and ``deployment`` (filters, "All" for
    none), ``message`` (says when no chip has both figures) and ``output``;
    ``chart()`` rebuilds the chart for the current values, or returns ``None``
    when the chosen pair has no chip.
    """
    wide = chips.chip_wide(table)
    metrics = [(f"{label} ({unit})", key) for key, (label, unit) in chips.METRICS.items() if wide[key].notna().any()]
    x = widgets.Dropdown(options=metrics, value="power", description="Across")
    y = widgets.Dropdown(options=metrics, value="peak_compute", description="Up")
    all_ = charts.chips.ALL
    precision = widgets.Dropdown(options=[all_] + [p for p in chips.PRECISIONS if p in set(wide["precision"])],
                                 value=all_, description="Precision")
    hardware_class = widgets.Dropdown(options=[all_] + sorted(wide["hardware_class"].unique()), value=all_,
                                      description="Class")
    deployment = widgets.Dropdown(options=[all_] + sorted(wide["deployment"].unique()), value=all_,
                                  description="Deployment")
    message = widgets.HTML()
    box = widgets.VBox()
    box.x, box.y, box.precision, box.hardware_class, box.deployment, box.message = (
        x, y, precision, hardware_class, deployment, message)

    def chart():
        both = wide.dropna(subset=[x.value, y.value])
        if both.empty or x.value == y.value:
            message.value = "No chip has figures for both metrics; pick another pair."
            return None
        message.value = f"{len(both)} chip(s) have both figures (before filters)."
        return charts.chip_scatter_chart(wide, x=x.value, y=y.value, precision=precision.value,
                                         hardware_class=hardware_class.value, deployment=deployment.value)

    def show(**_):
        shown = chart()
        if shown is not None:
            display(shown)

    box.chart = chart
    box.output = widgets.interactive_output(show, {"x": x, "y": y, "precision": precision,
                                                   "hardware_class": hardware_class, "deployment": deployment})
    box.children = [widgets.HBox([x, y]), widgets.HBox([precision, hardware_class, deployment]), message, box.output]
    return box
