"""Roofline chart builders: arithmetic, chip selection and the spec of the interactive chart."""

import json

import pandas as pd
import pytest

from lib import charts, theme


def _chips():
    return pd.DataFrame({
        "product": ["Alpha", "Beta", "Gamma", "Delta"], "company": ["Google", "Amazon", "NVIDIA", "AMD"],
        "peak_bf16_tflops": [100.0, 400.0, None, 800.0], "peak_int8_tops": [200.0, None, 900.0, None],
        "memory_bandwidth_gb_s": [1000.0, 2000.0, 3000.0, 8000.0],
        "sparsity_basis": ["no_sparsity_published", "dense_stated_or_sparse_listed", "dense_by_convention",
                           "not_stated"],
        "confidence": ["high", "high", "medium", "medium"], "source_url": ["https://a", "https://b", "https://c",
                                                                            "https://d"]})


def test_peak_from_macs_counts_two_ops_per_mac():
    assert charts.peak_from_macs(256 * 256, 700e6) == pytest.approx(91.75, abs=0.01)
    assert charts.peak_from_macs(1000, 1e9, ops_per_mac=1) == pytest.approx(1.0)


def test_attainable_ridge_and_limit():
    assert charts.attainable(100, 1000, 10) == 10
    assert charts.attainable(100, 1000, 1000) == 100
    assert charts.ridge_point(100, 1000) == 100
    assert charts.binding_limit(100, 1000, 99) == "Memory-bound"
    assert charts.binding_limit(100, 1000, 100) == "Compute-bound"


def test_roofline_chips_keep_one_precision_and_drop_unstated_sparsity():
    bf16 = charts.roofline_chips(_chips())
    assert set(bf16["product"]) == {"Alpha", "Beta"}  # Delta's peak is of unstated sparsity
    assert bf16.set_index("product").loc["Beta", "ridge"] == pytest.approx(200)
    assert set(bf16["unit"]) == {"TFLOPS"} and set(bf16["precision"]) == {"BF16"}
    int8 = charts.roofline_chips(_chips(), precision="int8")
    assert set(int8["product"]) == {"Alpha", "Gamma"} and set(int8["unit"]) == {"TOPS"}
    with pytest.raises(ValueError):
        charts.roofline_chips(_chips(), precision="fp4")


def _layers(spec):
    return spec["layer"]


def test_static_chart_binds_a_chip_select_and_an_intensity_slider():
    spec = charts.roofline_chart(charts.roofline_chips(_chips())).to_dict()
    params = {p["name"]: p for p in spec["params"]}
    assert params["roof_chip"]["bind"]["input"] == "select"
    assert params["roof_chip"]["bind"]["options"] == ["Beta", "Alpha"]  # Amazon before Google
    assert params["log_intensity"]["bind"]["input"] == "range"
    assert (params["log_intensity"]["bind"]["min"], params["log_intensity"]["bind"]["max"]) == (-1, 4)
    text = json.dumps(spec)
    assert "min(datum.peak, datum.bandwidth_gb_s * datum.intensity / 1000)" in text
    assert "pow(10, log_intensity)" in text and "Memory-bound" in text
    assert spec["title"]["text"] == "Roofline: attainable BF16 throughput"
    assert spec["title"]["subtitle"].endswith("Source: chips_since_2022 (AWS Neuron docs, Google Cloud TPU docs)")
    assert spec["description"]


def test_axes_are_log_with_units_and_colours_come_from_the_theme():
    spec = charts.roofline_chart(charts.roofline_chips(_chips())).to_dict()
    encodings = [layer["encoding"] for layer in _layers(spec)]
    xs = [e["x"] for e in encodings if "field" in e.get("x", {})]
    ys = [e["y"] for e in encodings if "field" in e.get("y", {})]
    assert all(x["scale"]["type"] == "log" and "FLOP per byte" in x["title"] for x in xs if "title" in x)
    assert all(y["scale"]["type"] == "log" and "TFLOPS" in y["title"] for y in ys if "title" in y)
    colours = [e["color"] for e in encodings if "color" in e and "field" in e["color"]]
    limit = next(c for c in colours if c["field"] == "limit")
    assert limit["scale"]["range"] == [theme.COLOURS["roofline"][k] for k in ("Memory-bound", "Compute-bound")]
    company = next(c for c in colours if c["field"] == "company")
    assert company["scale"]["domain"] == ["Amazon", "Google"] and company["legend"] is None
    assert spec["resolve"]["scale"]["color"] == "independent"
    assert "width" not in spec


def test_fixed_chip_and_intensity_have_no_inputs():
    spec = charts.roofline_chart(charts.roofline_chips(_chips()), chip="Alpha", intensity=100).to_dict()
    params = {p["name"]: p for p in spec["params"]}
    assert params["roof_chip"]["value"] == "Alpha" and "bind" not in params["roof_chip"]
    assert params["log_intensity"]["value"] == pytest.approx(2) and "bind" not in params["log_intensity"]


def test_bad_inputs_are_refused():
    rooflines = charts.roofline_chips(_chips())
    with pytest.raises(ValueError):
        charts.roofline_chart(rooflines, chip="Omega")
    with pytest.raises(ValueError):
        charts.roofline_chart(rooflines, intensity=1e6)
    mixed = pd.concat([rooflines, charts.roofline_chips(_chips(), precision="int8")])
    with pytest.raises(ValueError, match="one precision"):
        charts.roofline_chart(mixed)
