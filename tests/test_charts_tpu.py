"""TPU chart builders, on a tiny inline TPU table and corrections."""

import json

import pandas as pd
import pytest

from lib import charts, theme


@pytest.fixture
def tpu():
    return pd.DataFrame({"generation": ["TPU v1", "TPU v4", "Edge TPU"], "announced_year": [2016, 2021, 2018],
                         "process_node_nm": [28, 7, None], "on_chip_memory_mb": [28, 144, None],
                         "tops": [23.0, None, 4.0]})


@pytest.fixture
def corrections():
    rows = [("A9", "generation=TPU v1", "tops", "23", "92"), ("A11", "generation=TPU v4", "generation", "TPU v4", "TPUv4i"),
            ("A11", "generation=TPU v4", "announced_year", "2021", "2020"), ("A11", "generation=TPU v4", "tops", "", "138"),
            ("A12", "generation=WSE-2", "x", "1", "2")]
    frame = pd.DataFrame(rows, columns=["correction_id", "record", "field", "printed_value", "corrected_value"])
    frame["dataset"] = ["tpu_generations"] * 4 + ["cerebras_wse"]
    return frame


def test_versions_keep_printed_values_and_apply_corrections(tpu, corrections):
    v = charts.tpu_versions(tpu, corrections).set_index(["version", "generation"])
    assert v.loc[("As printed", "TPU v1"), "peak"] == 23 and v.loc[("Corrected", "TPU v1"), "peak"] == 92
    assert pd.isna(v.loc[("As printed", "TPU v4"), "peak"])
    v4 = v.loc[("Corrected", "TPU v4")]
    assert (v4["label"], v4["year"], v4["peak"], v4["precision"]) == ("TPUv4i", 2020, 138, "bf16 TFLOPS")
    assert v.loc[("Corrected", "Edge TPU"), "precision"] == "INT8 TOPS"
    assert (v.xs("As printed")["precision"] == "Precision not stated").all()
    assert v4["corrections"] == "A11" and v.loc[("Corrected", "Edge TPU"), "corrections"] == ""


def test_peak_chart_has_a_printed_corrected_toggle_and_precision_colours(tpu, corrections):
    spec = charts.tpu_peak_chart(charts.tpu_versions(tpu, corrections)).to_dict()
    bars, text = spec["layer"]
    [param] = spec.get("params", []) + bars.get("params", [])
    assert param["name"] == "tpu_version" and param["value"] == "Corrected"
    assert param["bind"]["input"] == "radio" and param["bind"]["options"] == ["As printed", "Corrected"]
    for layer in (bars, text):
        assert {"filter": "datum.version == tpu_version"} in layer["transform"]
    colour = bars["encoding"]["color"]
    assert colour["field"] == "precision"
    assert colour["scale"]["range"] == [theme.COLOURS["precision"][k] for k in colour["scale"]["domain"]]
    assert "INT8 TOPS or bf16 TFLOPS" in bars["encoding"]["y"]["title"]
    rows = [r for d in spec["datasets"].values() for r in d]
    assert {r["value_label"] for r in rows if r["generation"] == "TPU v4" and r["version"] == "As printed"} == {"not printed"}
    assert "Jouppi" in spec["title"]["subtitle"] and spec["description"]
    # the legend lists only what the chosen figures draw: no "not stated" beside the corrected bars
    legend = colour["legend"]["values"]["expr"]
    assert legend.endswith("[tpu_version]")
    assert json.loads(legend.removesuffix("[tpu_version]")) == {"As printed": ["Precision not stated"],
                                                               "Corrected": ["INT8 TOPS", "bf16 TFLOPS"]}


def test_peak_chart_with_one_version_has_no_toggle(tpu, corrections):
    spec = charts.tpu_peak_chart(charts.tpu_versions(tpu, corrections), version="Corrected").to_dict()
    assert "params" not in spec and all("params" not in layer for layer in spec["layer"])
    assert {r["version"] for d in spec["datasets"].values() for r in d} == {"Corrected"}
    assert spec["layer"][0]["encoding"]["color"]["legend"]["values"] == ["INT8 TOPS", "bf16 TFLOPS"]
    with pytest.raises(ValueError):
        charts.tpu_peak_chart(charts.tpu_versions(tpu, corrections), version="Both")
