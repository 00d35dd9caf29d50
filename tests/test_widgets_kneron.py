"""The Kneron clock explorer: changing a control changes the chart."""

import pandas as pd

from lib import widgets


def _calculations(chart):
    spec = chart.to_dict()
    return [t["calculate"] for layer in spec["layer"] for t in layer.get("transform", []) if "calculate" in t]


def test_clock_slider_and_ops_choice_drive_the_chart():
    products = pd.DataFrame({"product": ["Big"], "mac_per_cycle": pd.array([1000], dtype="Int64"),
                             "features": ["a"], "category": ["SoC"]})
    box = widgets.kneron_clock_controls(products)
    assert (box.clock.min, box.clock.max, box.clock.value) == (100, 1000, 500)
    assert any("500.0" in c for c in _calculations(box.chart()))
    box.clock.value = 800
    assert any("800.0" in c for c in _calculations(box.chart()))
    assert "params" not in box.chart().to_dict()
    box.ops_per_mac.value = 1
    rows = [r for d in box.chart().to_dict()["datasets"].values() for r in d]
    assert {r["ops_per_mac"] for r in rows} == {1}
