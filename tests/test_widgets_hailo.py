"""The Hailo chapter's live-kernel explorer: changing a control changes the chart."""

import pandas as pd

from lib import charts, widgets


def _products():
    hailo = pd.DataFrame({"product": ["Chip"], "tops": [20.0], "typical_power_w": [2.0]})
    kneron = pd.DataFrame({"product": ["SoC"], "mac_per_cycle": [512.0]})
    claims = pd.DataFrame({"product": ["Edge TPU", "Edge TPU"], "metric": ["peak_performance", "power"],
                           "value": [4.0, 2.0]})
    return charts.edge_products(hailo, kneron, claims)


def _plotted(chart):
    return {r["product"] for d in chart.to_dict()["datasets"].values() for r in d if "product" in r}


def test_reference_slider_sets_the_line():
    box = widgets.edge_efficiency_controls(_products())
    box.reference.value = 7.5
    line = box.chart().to_dict()["layer"][0]
    assert any("7.5 * datum.power_w" in t.get("calculate", "") for t in line["transform"])


def test_company_picker_filters_the_points():
    box = widgets.edge_efficiency_controls(_products())
    assert box.companies.options == ("Hailo", "Google")
    assert _plotted(box.chart()) == {"Chip", "Edge TPU"}
    box.companies.value = ("Google",)
    assert _plotted(box.chart()) == {"Edge TPU"}
    box.companies.value = ()
    assert _plotted(box.chart()) == {"Chip", "Edge TPU"}
