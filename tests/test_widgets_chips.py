"""The chip explorer: changing a control changes the chart."""

import pandas as pd

from lib import chips, widgets

ROWS = [
    ("A", "NPU", "Edge", "peak_compute", 4.0, chips.INT8, chips.PEAK),
    ("A", "NPU", "Edge", "power", 2.0, "", chips.STATED),
    ("B", "GPU", "Data centre", "peak_compute", 100.0, chips.BF16, chips.PEAK),
    ("B", "GPU", "Data centre", "on_chip_memory", 40.0, "", chips.SPEC),
    ("B", "GPU", "Data centre", "power", 250.0, "", chips.TYPICAL),
    ("C", "NPU", "Data centre", "peak_compute", 300.0, chips.FLOPS_UNSTATED, chips.DERIVED),
    ("C", "NPU", "Data centre", "on_chip_memory", 900.0, "", chips.SPEC),
]


def _table():
    frame = pd.DataFrame(ROWS, columns=["chip", "hardware_class", "deployment", "metric", "value", "precision", "kind"])
    return frame.assign(company="Co", chapter="x", unit=frame["metric"].map(lambda m: chips.METRICS[m][1]),
                        value_printed="", corrections="", source="test", note="")


def _plotted(chart):
    return {r["chip"] for d in chart.to_dict()["datasets"].values() for r in d}


def test_defaults_plot_compute_against_power():
    box = widgets.chip_controls(_table())
    spec = box.chart().to_dict()
    assert spec["layer"][0]["encoding"]["x"]["field"] == "power"
    assert spec["layer"][0]["encoding"]["y"]["field"] == "peak_compute"
    assert _plotted(box.chart()) == {"A", "B"}


def test_metric_pickers_change_the_axes():
    box = widgets.chip_controls(_table())
    box.x.value = "on_chip_memory"
    assert box.chart().to_dict()["layer"][0]["encoding"]["x"]["field"] == "on_chip_memory"
    assert _plotted(box.chart()) == {"B", "C"}


def test_filters_narrow_the_points():
    box = widgets.chip_controls(_table())
    box.deployment.value = "Edge"
    assert _plotted(box.chart()) == {"A"}
    box.deployment.value = "All"
    box.precision.value = chips.BF16
    assert _plotted(box.chart()) == {"B"}
    box.precision.value = "All"
    box.hardware_class.value = "GPU"
    assert _plotted(box.chart()) == {"B"}


def test_a_pair_without_chips_says_so():
    box = widgets.chip_controls(_table())
    box.x.value = "on_chip_memory"
    box.y.value = "on_chip_memory"
    assert box.chart() is None and "No chip" in box.message.value
