"""Widgets for live kernels: changing a control changes the chart they drive."""

from lib import widgets


def _rows(chart):
    return [r for d in chart.to_dict()["datasets"].values() for r in d if "segment" in r]


def test_view_dropdown_switches_the_chart(market):
    box = widgets.market_controls(market)
    assert box.view.options == ("By application", "By device type")
    assert {r["segment"] for r in _rows(box.chart())} == {"Cars", "Phones"}
    box.view.value = "By device type"
    assert {r["segment"] for r in _rows(box.chart())} == {"GPU", "FPGA"}


def test_year_slider_limits_the_years(market):
    box = widgets.market_controls(market)
    assert (box.years.min, box.years.max) == (2020, 2023)
    box.years.value = (2022, 2023)
    assert {r["year"] for r in _rows(box.chart())} == {2022, 2023}
