"""Widgets for live kernels: changing a control changes the chart they drive."""

import pytest

from lib import widgets


def _rows(chart, key="segment"):
    return [r for d in chart.to_dict()["datasets"].values() for r in d if key in r]


def _params(spec):
    found = {p["name"]: p for p in spec.get("params", [])}
    for layer in spec.get("layer", []):
        found.update({p["name"]: p for p in layer.get("params", [])})
    return found


def test_view_dropdown_switches_the_chart(market):
    box = widgets.market_controls(market)
    assert box.view.options == ("By application", "By device type")
    assert {r["segment"] for r in _rows(box.chart())} == {"Automotive", "Communications"}
    box.view.value = "By device type"
    assert {r["segment"] for r in _rows(box.chart())} == {"Graphics processing unit", "FPGA"}


def test_year_slider_limits_the_years(market):
    box = widgets.market_controls(market)
    assert (box.years.min, box.years.max) == (2020, 2023)
    box.years.value = (2022, 2023)
    assert {r["year"] for r in _rows(box.chart())} == {2022, 2023}


def test_scenario_sliders_set_the_growth_rate_and_horizon(market):
    box = widgets.scenario_controls(market)
    assert box.rate.value == pytest.approx(28.0, abs=0.05)  # (213.1 / 130) ** 0.5 - 1
    box.rate.value = 5.0
    box.until.value = 2030
    spec = box.chart().to_dict()
    assert _params(spec)["growth"] == {"name": "growth", "value": 5.0}
    assert max(r["year"] for r in _rows(box.chart(), "base")) == 2030
    box.rate.value = -10.0
    assert _params(box.chart().to_dict())["growth"]["value"] == -10.0


def test_chart_box_exposes_controls_and_redraws_from_their_values():
    import altair as alt
    import ipywidgets
    import pandas as pd

    from lib.widgets.wiring import chart_box

    size = ipywidgets.IntSlider(value=3, min=1, max=9)
    box = chart_box({"size": size}, lambda: alt.Chart(pd.DataFrame({"x": range(size.value)})).mark_point())
    assert box.size is size and isinstance(box.children[0], ipywidgets.HBox) and box.children[1] is box.output
    size.value = 5
    assert len(next(iter(box.chart().to_dict()["datasets"].values()))) == 5
    assert chart_box({"size": size}, box.chart, top=size).children[0] is size
