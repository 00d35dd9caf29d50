"""ipywidgets controls for live kernels (Binder, Thebe, JupyterLab).

Each ``<thing>_controls`` function only wires widgets to a chart builder of
:mod:`lib.charts`; all logic stays in the builder. The static site shows the
builder's own Vega-Lite controls instead, so these cells are tagged
``remove-output`` in the chapters. One module per topic, re-exported here.
"""

from lib.widgets.chips import chip_controls
from lib.widgets.factors import factors_controls
from lib.widgets.hailo import edge_efficiency_controls
from lib.widgets.kneron import kneron_clock_controls
from lib.widgets.landscape import products_controls
from lib.widgets.leaders import leaders_controls
from lib.widgets.market import (market_controls, scenario_controls)
from lib.widgets.roofline import roofline_controls
from lib.widgets.since_2022 import (forecast_controls, timeline_controls)
from lib.widgets.stack import stack_controls
from lib.widgets.tesla import dojo_controls

__all__ = [name for name in dir() if not name.startswith("_")]
