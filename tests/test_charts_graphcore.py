"""Graphcore and funding chart builders, on tiny inline frames."""

import pandas as pd
import pytest

from lib import charts, theme


def _layers(spec):
    return spec["layer"]


def _mark(layer):
    return layer["mark"]["type"] if isinstance(layer["mark"], dict) else layer["mark"]


@pytest.fixture
def processors():
    return pd.DataFrame({"product": ["A", "B"], "generation": ["MK1", "MK2"], "process_node_nm": [16, 7],
                         "cores": [100, 150], "threads": [600, 900], "in_processor_memory_mb": [300, 900],
                         "bandwidth_tb_s": [40.0, 50.0]})


@pytest.fixture
def platforms():
    return pd.DataFrame({"product": ["IPU-M2000", "IPU-POD16", "IPU-POD64", "GraphCloud"], "order": [1, 2, 3, 4],
                         "ipu_processors_printed": pd.array([4, None, None, None], dtype="Int64"),
                         "m2000_units_printed": pd.array([None, 4, None, None], dtype="Int64"),
                         "pflops_printed": [1.0, 4.0, 16.0, None]})


def test_generation_ratios_and_chart(processors):
    ratios = charts.ipu_generation_ratios(processors).set_index("metric")["ratio"]
    assert ratios.to_dict() == pytest.approx({"Cores": 1.5, "Threads": 1.5, "In-processor memory": 3.0,
                                              "Memory bandwidth": 1.25})
    spec = charts.ipu_generation_chart(processors, claimed_speedup=8).to_dict()
    bars = next(layer for layer in _layers(spec) if _mark(layer) == "bar")
    assert bars["encoding"]["x"]["field"] == "ratio" and bars["encoding"]["x"]["title"] == "MK2 ÷ MK1 (times)"
    assert bars["mark"]["color"] == theme.COLOURS["company"]["Graphcore"]
    tips = {t["title"] for t in bars["encoding"]["tooltip"]}
    assert {"MK1", "MK2", "Specification"} <= tips
    rows = [r for d in spec["datasets"].values() for r in d if "label" in r]
    assert {r["value"] for r in rows} == {1.0, 8.0}
    assert spec["title"]["subtitle"].startswith("Source: report §6") and "8x" in spec["description"]


def test_scaling_counts_ipus_from_table_machines_and_name(platforms):
    frame = charts.ipu_platform_scaling(platforms).set_index("product")
    assert frame["ipus"].to_dict() == {"IPU-M2000": 4, "IPU-POD16": 16, "IPU-POD64": 64}
    assert "name" in frame.loc["IPU-POD64", "basis"] and "IPU-M2000" in frame.loc["IPU-POD16", "basis"]
    assert (frame["tflops_per_ipu"] == 250).all()


def test_scaling_chart_has_a_linear_toggle(platforms):
    spec = charts.ipu_scaling_chart(platforms).to_dict()
    line = next(layer for layer in _layers(spec) if _mark(layer) == "line")
    [param] = spec.get("params", []) + line.get("params", [])
    assert param["name"] == "show_linear" and param["bind"]["input"] == "checkbox" and param["value"] is True
    assert line["encoding"]["opacity"]["condition"]["param"] == "show_linear"
    assert line["encoding"]["opacity"]["value"] == 0
    points = next(layer for layer in _layers(spec) if _mark(layer) == "point")
    assert points["encoding"]["y"]["title"] == "Peak compute as printed (PFLOPS)"
    assert points["encoding"]["x"]["title"] == "IPUs (chips)"
    ref = [r for d in spec["datasets"].values() for r in d if "label" in r]
    assert max(r["pflops"] for r in ref) == 16.0


def test_scaling_chart_with_fixed_reference(platforms):
    hidden = charts.ipu_scaling_chart(platforms, linear_reference=False).to_dict()
    assert not any(_mark(layer) == "line" for layer in _layers(hidden))
    shown = charts.ipu_scaling_chart(platforms, linear_reference=True).to_dict()
    line = next(layer for layer in _layers(shown) if _mark(layer) == "line")
    assert "params" not in line and "params" not in shown and "opacity" not in line["encoding"]
