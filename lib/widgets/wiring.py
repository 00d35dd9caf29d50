"""The wiring every live-kernel explorer shares: controls above a chart that redraws when they change."""

from __future__ import annotations

from collections.abc import Callable, Mapping

import altair as alt
import ipywidgets as widgets
from IPython.display import display


def chart_box(controls: Mapping[str, widgets.Widget], chart: Callable[[], alt.TopLevelMixin], *,
              top: widgets.Widget | None = None) -> widgets.VBox:
    """A box of ``controls`` above an output area that shows ``chart()`` and redraws it on any change.

    Each control becomes an attribute of the box under its key (``box.years``),
    ``box.chart`` is ``chart`` (it reads the controls' current values) and
    ``box.output`` the output area. ``top`` is what is placed above the output;
    by default the controls side by side.
    """
    box = widgets.VBox()
    for name, control in controls.items():
        setattr(box, name, control)
    box.chart = chart
    box.output = widgets.interactive_output(lambda **_: display(box.chart()), dict(controls))
    box.children = [top if top is not None else widgets.HBox(list(controls.values())), box.output]
    return box
