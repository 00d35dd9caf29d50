"""Live-kernel explorers of "After the report": setting a control changes the chart."""

import pytest

from lib import charts, data, widgets
from lib.charts import since_2022


@pytest.fixture(scope="module")
def frame():
    return charts.forecast_outcome_frame(data.load_market_printed("market_printed_totals"),
                                         data.load("market_since_2022"))


def _series(chart):
    return {r["series"] for rows in chart.to_dict()["datasets"].values() for r in rows}


def _show(chart):
    return next(p for p in chart.to_dict()["params"] if p["name"] == "show_group")["value"]


def test_series_selection_limits_the_lines(frame):
    box = widgets.forecast_controls(frame)
    assert since_2022.REPORT_SERIES in box.series.value and len(box.series.value) == frame["series"].nunique()
    box.series.value = (since_2022.REPORT_SERIES, "Gartner AI semiconductors, May 2024")
    assert _series(box.chart()) == {since_2022.REPORT_SERIES, "Gartner AI semiconductors, May 2024"}


def test_group_dropdown_sets_the_charts_own_selector(frame):
    box = widgets.forecast_controls(frame)
    assert _show(box.chart()) == since_2022.GROUPS["same"]
    box.group.value = "all"
    assert _show(box.chart()) == since_2022.GROUPS["all"]


def test_timeline_controls_pick_companies_and_kinds():
    events = data.load("events_since_2022")
    box = widgets.timeline_controls(events)
    assert "Cerebras" in box.companies.options and "IPO" in box.categories.options
    box.companies.value = ("Cerebras",)
    box.categories.value = ("IPO",)
    rows = [r for rows in box.chart().to_dict()["datasets"].values() for r in rows]
    assert rows and {r["company"] for r in rows} == {"Cerebras"} and {r["category"] for r in rows} == {"IPO"}
