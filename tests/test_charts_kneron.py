"""Kneron chart builders and the efficiency table, on tiny inline frames."""

import pandas as pd
import pytest

from lib import charts, theme


@pytest.fixture
def products():
    return pd.DataFrame({"product": ["Big", "Small", "IP", "Model"], "order": [1, 2, 3, 4],
                         "category": ["SoC", "SoC", "SoC", "Deep learning model"],
                         "mac_per_cycle": pd.array([1000, 500, None, None], dtype="Int64"),
                         "features": ["a", "b", "c", "d"]})


@pytest.fixture
def claims():
    return pd.DataFrame({"claim_id": ["C1", "C2"], "product": ["Small", "Small"],
                         "metric": ["aa_batteries", "battery_life"], "qualifier": [None, "about"],
                         "value": [8.0, 15.0], "unit": ["count", "months"]})


def test_peak_tops():
    assert charts.peak_tops(1000, 500) == pytest.approx(1.0)
    assert charts.peak_tops(1000, 500, ops_per_mac=1) == pytest.approx(0.5)


def test_mac_chart_has_a_clock_slider_feeding_the_labels(products):
    spec = charts.kneron_mac_chart(products).to_dict()
    bars, text = spec["layer"]
    [param] = spec.get("params", []) + bars.get("params", [])
    assert param["name"] == "clock_mhz" and param["bind"]["input"] == "range" and param["value"] == 500
    assert (param["bind"]["min"], param["bind"]["max"]) == (100, 1000)
    assert bars["mark"]["color"] == theme.COLOURS["company"]["Kneron"]
    assert bars["encoding"]["y"]["title"] == "Multiply-accumulates per clock cycle (MAC/cycle)"
    calc = [t["calculate"] for t in text["transform"] if "calculate" in t]
    assert any("clock_mhz" in c for c in calc) and any("TOPS" in c for c in calc)
    assert text["encoding"]["text"]["field"] == "label"
    names = {r["product"] for d in spec["datasets"].values() for r in d}
    assert names == {"Big", "Small"}
    assert "illustrative" in " ".join(spec["title"]["subtitle"])


def test_mac_chart_with_a_fixed_clock_has_no_slider(products):
    spec = charts.kneron_mac_chart(products, clock_mhz=250, ops_per_mac=1).to_dict()
    assert "params" not in spec["layer"][0] and "params" not in spec
    calc = [t["calculate"] for t in spec["layer"][1]["transform"] if "calculate" in t]
    assert any("250.0" in c for c in calc)
    assert "1 operation" in spec["title"]["subtitle"][0]


def test_efficiency_table_says_what_is_missing(products, claims):
    table = charts.kneron_efficiency_table(products, claims).set_index("Chip")
    assert list(table.index) == ["Big", "Small", "IP"]
    assert table.loc["Big", "Compute as printed"] == "1,000 MAC per cycle"
    assert table.loc["IP", "Compute as printed"] == "not stated"
    assert table.loc["Big", "Precision"] == "not stated"
    assert "8 AA batteries for about 15 months" in table.loc["Small", "Power"]
    assert table["TOPS per watt"].str.startswith("cannot be computed").all()
    with_power = products.assign(tops=[2.0, None, None, None], power_w=[1.0, None, None, None],
                                 precision=["INT8", None, None, None])
    table = charts.kneron_efficiency_table(with_power, claims).set_index("Chip")
    assert table.loc["Big", "TOPS per watt"] == "2.00" and table.loc["Big", "Precision"] == "INT8"
