"""The leaders explorer: changing a control changes the chart."""

import pandas as pd

from lib import widgets


def _metrics():
    return pd.DataFrame({"company": ["Intel", "NVIDIA", "Hailo", "Intel", "Hailo"],
                         "metric": ["Products (count)"] * 3 + ["Deals (count)"] * 2,
                         "value": [6.0, 2.0, 1.0, 7.0, 0.0]})


def _companies(chart):
    return {r["company"] for d in chart.to_dict()["datasets"].values() for r in d}


def test_metric_dropdown_switches_the_chart():
    box = widgets.leaders_controls(_metrics())
    assert box.metric.options == ("Products (count)", "Deals (count)")
    assert box.chart().to_dict()["encoding"]["x"]["title"] == "Products (count)"
    assert _companies(box.chart()) == {"Intel", "NVIDIA", "Hailo"}
    box.metric.value = "Deals (count)"
    spec = box.chart().to_dict()
    assert spec["encoding"]["x"]["title"] == "Deals (count)"
    assert _companies(box.chart()) == {"Intel", "Hailo"}


def test_company_selector_limits_the_companies():
    box = widgets.leaders_controls(_metrics())
    assert box.companies.options == ("Intel", "NVIDIA", "Hailo")
    box.companies.value = ("NVIDIA",)
    assert _companies(box.chart()) == {"NVIDIA"}
    box.companies.value = ()
    assert _companies(box.chart()) == {"Intel", "NVIDIA", "Hailo"}
