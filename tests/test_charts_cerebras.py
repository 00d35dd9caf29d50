"""Cerebras chart builders, on tiny inline tables shaped like the data package's."""

import pandas as pd
import pytest

from lib import charts, theme


@pytest.fixture
def wse():
    return pd.DataFrame({
        "generation": ["WSE-1", "WSE-2"], "ai_cores": [100, 250], "die_area_mm2": [1000.0, 1000.0],
        "transistors_trillion": [1.0, 2.0], "density_mtr_per_mm2": [1000.0, 2000.0], "onboard_sram_gb": [10.0, 20.0],
        "memory_bandwidth": [8.0, 16.0], "memory_bandwidth_unit": ["PB/s", "Pb/s"],
        "fabric_bandwidth_pbit_s": [100.0, 300.0]})


@pytest.fixture
def increase():
    return pd.DataFrame({"metric": ["ai_cores", "die_area_mm2", "memory_bandwidth", "fabric_bandwidth_pbit_s"],
                         "increase_x": [2.5, float("nan"), 2.0, 2.9]})


@pytest.fixture
def outside():
    return pd.DataFrame({"figure_id": ["X1", "X2"], "company": ["NVIDIA", "NVIDIA"],
                         "product": ["A100 (GA100 die)"] * 2, "metric": ["die_area", "transistors"],
                         "value": [100.0, 50.0]})


def test_ratios_read_the_bandwidth_units_both_ways(wse, increase):
    ratios = charts.wse_ratios(wse, increase).set_index(["metric", "reading"])
    assert ratios.loc[("memory_bandwidth", "Units as printed"), "ratio"] == pytest.approx(0.25)
    assert ratios.loc[("memory_bandwidth", "Units corrected (A12)"), "ratio"] == pytest.approx(2.0)
    assert ratios.loc[("ai_cores", "Units as printed"), "ratio"] == pytest.approx(2.5)
    assert pd.isna(ratios.loc[("die_area_mm2", "Units as printed"), "printed_increase"])


def test_increase_chart_has_a_units_radio_and_printed_ticks(wse, increase):
    spec = charts.wse_increase_chart(wse, increase).to_dict()
    params = {p["name"]: p for p in spec.get("params", [])}
    assert params["reading"]["bind"]["input"] == "radio"
    assert params["reading"]["bind"]["options"] == charts.READINGS
    assert {"filter": "(datum['reading'] === reading)"} in spec["transform"]
    marks = [layer["mark"]["type"] for layer in spec["layer"]]
    assert marks == ["bar", "tick", "text"]
    assert spec["layer"][1]["encoding"]["x"]["field"] == "printed_increase"
    assert spec["layer"][0]["encoding"]["x"]["title"] == "WSE-2 ÷ WSE-1 (times)"
    assert spec["layer"][0]["mark"]["color"] == theme.COLOURS["company"]["Cerebras"]
    assert "Source: report §8" in spec["title"]["subtitle"][0] and spec["description"]


def test_increase_chart_with_a_fixed_reading_has_no_radio(wse, increase):
    spec = charts.wse_increase_chart(wse, increase, reading="Units corrected (A12)").to_dict()
    assert "params" not in spec
    rows = [r for d in spec["datasets"].values() for r in d]
    assert {r["reading"] for r in rows} == {"Units corrected (A12)"}
    with pytest.raises(ValueError):
        charts.wse_increase_chart(wse, increase, reading="other")


def test_wafer_frame_and_chart_compare_with_the_a100(wse, outside):
    frame = charts.wafer_vs_die_frame(wse, outside).set_index(["chip", "metric"])["times_a100"]
    assert frame["WSE-2", "Die area (mm²)"] == pytest.approx(10.0)
    assert frame["WSE-2", "Transistors (billion)"] == pytest.approx(40.0)
    spec = charts.wafer_scale_chart(charts.wafer_vs_die_frame(wse, outside)).to_dict()
    params = {p["name"]: p for p in spec["params"]}
    assert params["wafer_metric"]["bind"]["input"] == "select"
    assert params["wafer_metric"]["bind"]["options"][0] == "Die area (mm²)"
    colour = spec["layer"][0]["encoding"]["color"]
    assert colour["scale"]["domain"] == ["Cerebras", "NVIDIA"]
    assert colour["scale"]["range"] == [theme.COLOURS["company"]["Cerebras"], theme.COLOURS["company"]["NVIDIA"]]
    assert "10 times" in spec["description"]
