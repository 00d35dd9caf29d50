"""Live-kernel roofline explorer."""

from __future__ import annotations

import ipywidgets as widgets
import pandas as pd
from IPython.display import display

from lib import charts
from lib.charts.roofline import INTENSITY_RANGE


def roofline_controls(rooflines: pd.DataFrame) -> widgets.VBox:
    """A chip drop-down and a logarithmic intensity slider driving :func:`lib.charts.roofline_chart`.

    ``rooflines`` is :func:`lib.charts.roofline_chips` output. The returned box has
    the attributes ``chip`` (product name), ``intensity`` (operations per byte,
    from 0.1 to 10,000) and ``output``; ``chart()`` rebuilds the chart for the
    current values.
    """
    products = rooflines["product"].tolist()
    chip = widgets.Dropdown(options=products, value=products[0], description="Chip")
    low, high = INTENSITY_RANGE
    intensity = widgets.FloatLogSlider(value=10.0, base=10, min=-1, max=4, step=0.1,
                                       description="Ops per byte", readout_format=".3g")
    assert (low, high) == (10.0 ** intensity.min, 10.0 ** intensity.max)
    box = widgets.VBox()
    box.chip, box.intensity = chip, intensity
    box.chart = lambda: charts.roofline_chart(rooflines, chip=chip.value, intensity=intensity.value)
    box.output = widgets.interactive_output(lambda **_: display(box.chart()), {"chip": chip, "intensity": intensity})
    box.children = [widgets.HBox([chip, intensity]), box.output]
    return box
