"""Chart builders of the chip comparison, on tiny inline tables."""

import pandas as pd
import pytest

from lib import charts, chips, theme

ROWS = [
    ("A", "Alpha", "NPU", "Edge", "peak_compute", 4.0, "T ops/s", chips.INT8, chips.PEAK),
    ("A", "Alpha", "NPU", "Edge", "power", 2.0, "W", "", chips.STATED),
    ("B", "Beta", "GPU", "Data centre", "peak_compute", 100.0, "T ops/s", chips.BF16, chips.PEAK),
    ("B", "Beta", "GPU", "Data centre", "on_chip_memory", 40.0, "MB", "", chips.SPEC),
    ("C", "Gamma", "NPU", "Data centre", "peak_compute", 300.0, "T ops/s", chips.FLOPS_UNSTATED, chips.DERIVED),
    ("C", "Gamma", "NPU", "Data centre", "on_chip_memory", 900.0, "MB", "", chips.SPEC),
    ("C", "Gamma", "NPU", "Data centre", "power", 300.0, "W", "", chips.TYPICAL),
]


@pytest.fixture
def table():
    frame = pd.DataFrame(ROWS, columns=["chip", "company", "hardware_class", "deployment", "metric", "value", "unit",
                                        "precision", "kind"])
    return frame.assign(chapter="x", value_printed="", corrections="", source="test", note="")


def _params(spec):
    return {p["name"]: p for layer in [spec, *spec.get("layer", [])] for p in layer.get("params", [])}


def _filters(layer):
    return [t["filter"] for t in layer.get("transform", []) if "filter" in t]


def test_ranking_has_metric_precision_class_and_deployment_controls(table):
    spec = charts.chip_ranking_chart(table).to_dict()
    params = _params(spec)
    assert set(params) == {"chip_metric", "chip_precision", "chip_class", "chip_deployment"}
    assert params["chip_metric"]["value"] == "peak_compute"
    assert "Peak compute (T ops/s)" in params["chip_metric"]["bind"]["labels"]
    assert params["chip_precision"]["bind"]["options"][0] == "All"
    assert any("Not a compute figure" in f for f in _filters(spec["layer"][0]))
    assert spec["title"]["text"] and "Source" in spec["title"]["subtitle"][0]
    assert spec["description"]


def test_ranking_is_sorted_on_a_log_axis_and_coloured_by_precision(table):
    spec = charts.chip_ranking_chart(table).to_dict()
    enc = spec["layer"][0]["encoding"]
    assert enc["y"]["sort"] == "-x"
    assert enc["x"]["scale"]["type"] == "log" and "log scale" in enc["x"]["title"]
    assert enc["color"]["scale"] == theme.colour_scale("precision", enc["color"]["scale"]["domain"]).to_dict()
    assert "Not a compute figure" in enc["color"]["scale"]["domain"]


def test_ranking_with_fixed_choices_has_no_controls(table):
    spec = charts.chip_ranking_chart(table, metric="peak_compute", precision=chips.INT8, hardware_class="All",
                                     deployment="All").to_dict()
    assert _params(spec) == {}
    rows = [r for d in spec["datasets"].values() for r in d]
    assert {(r["chip"], r["metric"]) for r in rows} == {("A", "peak_compute")}


def test_scatter_has_controls_and_log_axis_when_range_is_wide(table):
    wide = chips.chip_wide(table)
    spec = charts.chip_scatter_chart(wide, x="power", y="peak_compute").to_dict()
    params = {p["name"]: p for p in spec.get("params", []) + [q for layer in spec.get("layer", [])
                                                                for q in layer.get("params", [])]}
    assert "chip_precision" in params and set(_params(spec)) <= {"chip_precision", "chip_class", "chip_deployment"}
    # a drop-down is offered only where it has a choice to make: "All" and at least two values
    assert all(len(p["bind"]["options"]) > 2 for p in params.values() if "bind" in p)
    enc = spec["layer"][0]["encoding"]
    assert enc["x"]["scale"]["type"] == "log" and "log scale" in enc["x"]["title"]
    assert enc["y"]["scale"]["type"] == "log"
    assert enc["shape"]["field"] == "deployment"
    assert any(t.get("title") == "Compute per watt" for t in enc["tooltip"])


def test_scatter_without_compute_has_no_precision_control_and_linear_narrow_axis(table):
    wide = chips.chip_wide(table)
    spec = charts.chip_scatter_chart(wide, x="on_chip_memory", y="power").to_dict()
    assert "chip_precision" not in _params(spec)
    assert spec["layer"][0]["encoding"]["x"]["scale"].get("type") != "log"


def test_scatter_fixed_filters_drop_rows(table):
    wide = chips.chip_wide(table)
    spec = charts.chip_scatter_chart(wide, x="on_chip_memory", y="peak_compute", precision=chips.BF16,
                                     hardware_class="All", deployment="All").to_dict()
    rows = [r for d in spec["datasets"].values() for r in d]
    assert {r["chip"] for r in rows} == {"B"}
    assert _params(spec) == {}
    # the shape legend names only the deployments drawn
    shape = spec["layer"][0]["encoding"]["shape"]["scale"]
    assert shape == {"domain": ["Data centre"], "range": ["circle"]}


def test_scatter_rejects_a_pair_with_no_chip(table):
    with pytest.raises(ValueError):
        charts.chip_scatter_chart(chips.chip_wide(table), x="die_area", y="power")


def test_labels_flip_to_the_left_of_points_near_the_right_edge():
    table = chips.chip_table()
    for chart, field in ((charts.chip_ranking_chart(table), "value"),
                         (charts.chip_scatter_chart(chips.chip_wide(table)), "power")):
        text = next(layer for layer in chart.to_dict()["layer"] if layer["mark"]["type"] == "text")
        align, dx = text["mark"]["align"]["expr"], text["mark"]["dx"]["expr"]
        assert f"scale('x', datum['{field}']) > width *" in align and align.endswith("? 'right' : 'left'")
        assert dx.split("?")[0] == align.split("?")[0] and dx.split("?")[1].strip().startswith("-")
