"""Landscape chart builders: products by purpose and class, Gartner's device mix."""

import re

import pandas as pd
import pytest

from lib import charts, data, embed, theme


@pytest.fixture
def products():
    """Four products in the shape of data.load("flagship_products")."""
    return pd.DataFrame({
        "row": [1, 2, 3, 4],
        "company": pd.Categorical(["NVIDIA", "NVIDIA", "Xilinx", "Google"]),
        "product": ["A100", "Xavier", "Vitis AI", "TPU"],
        "hardware_class_printed": pd.Categorical(["CPU", "GPU", "FPGA", "NPU"]),
        "purpose_printed": pd.Categorical(["Cloud", "Edge", "Inference", None]),
    })


@pytest.fixture
def corrections():
    return pd.DataFrame({
        "correction_id": ["A1", "A2", "A4", "A5", "A8"],
        "dataset": ["flagship_products"] * 4 + ["claims"],
        "record": ["product=A100", "product=Xavier", "product=Vitis AI", "product=TPU", "claim_id=C049"],
        "field": ["hardware_class_printed"] * 3 + ["purpose_printed", "value"],
        "printed_value": ["CPU", "GPU", "FPGA", "", "11"],
        "corrected_value": ["GPU", "SoC (edge AI module)", "software development stack (not a chip)", "Cloud", "10"],
        "confidence": ["high", "medium", "high", "high", "high"],
    })


def test_product_classes_puts_corrections_beside_the_printed_class(products, corrections):
    table = charts.product_classes(products, corrections).set_index("product")
    assert list(table["class_printed"]) == ["CPU", "GPU", "FPGA", "NPU"]
    assert list(table["class_corrected"]) == ["GPU", "SoC", "Software (not a chip)", "NPU"]
    assert table.loc["Xavier", "class_corrected_label"] == "SoC (edge AI module)"
    assert list(table["class_correction"]) == ["A1", "A2", "A4", ""]
    assert table.loc["TPU", "deployment"] == "Not printed"
    assert table.loc["TPU", "deployment_correction"] == "A5: Cloud (high confidence)"
    assert table.loc["A100", "deployment_correction"] == ""


def test_product_classes_rejects_a_correction_that_does_not_match_the_table(products, corrections):
    wrong = corrections.copy()
    wrong.loc[0, "printed_value"] = "GPU"
    with pytest.raises(ValueError, match="A100"):
        charts.product_classes(products, wrong)
    unknown = corrections.copy()
    unknown.loc[1, "corrected_value"] = "Quantum thing"
    with pytest.raises(KeyError, match="Quantum thing"):
        charts.product_classes(products, unknown)


def test_short_class_covers_every_hardware_class_colour():
    for label in charts.landscape.CLASS_ORDER:
        assert charts.short_class(label) in theme.COLOURS["hardware_class"]


def test_products_chart_has_a_class_radio_and_registry_colours(products, corrections):
    spec = charts.products_chart(charts.product_classes(products, corrections)).to_dict()
    (param,) = spec["params"]
    assert param["name"] == "class_basis" and param["value"] == "As printed"
    assert param["bind"]["input"] == "radio" and param["bind"]["options"] == ["As printed", "Corrected"]
    assert "class_basis == 'Corrected'" in spec["transform"][0]["calculate"]
    enc = spec["encoding"]
    assert enc["color"]["field"] == "hardware_class"
    scale = enc["color"]["scale"]
    assert scale["range"] == [theme.COLOURS["hardware_class"][c] for c in scale["domain"]]
    assert {"SoC", "Software (not a chip)"} <= set(scale["domain"])
    assert enc["y"]["field"] == "deployment" and enc["y"]["sort"][0] == "Cloud"
    assert "count" in enc["x"]["title"]
    assert {t["field"] for t in enc["tooltip"]} >= {"product", "company", "class_printed", "class_corrected_label"}
    assert spec["title"]["subtitle"][0].startswith("Source:")
    assert spec["description"]


def test_products_chart_with_a_fixed_basis_and_filters(products, corrections):
    table = charts.product_classes(products, corrections)
    spec = charts.products_chart(table, basis="Corrected", companies=["NVIDIA"]).to_dict()
    assert "params" not in spec
    assert spec["transform"][0]["calculate"] == "datum.class_corrected"
    rows = [r for d in spec["datasets"].values() for r in d]
    assert {r["product"] for r in rows} == {"A100", "Xavier"}
    spec = charts.products_chart(table, basis="As printed", deployments=["Edge"]).to_dict()
    assert [r["product"] for d in spec["datasets"].values() for r in d] == ["Xavier"]
    with pytest.raises(ValueError):
        charts.products_chart(table, basis="Guessed")


def test_products_chart_says_when_nothing_matches(products, corrections):
    table = charts.product_classes(products, corrections)
    spec = charts.products_chart(table, basis="As printed", companies=["Nobody"]).to_dict()
    assert spec["title"]["subtitle"] == ["No product matches the filters."]


@pytest.fixture
def device():
    rows = []
    for segment, values in {"Graphics processing unit": [2, 6], "FPGA": [1, 1],
                            "Integrated baseband/application processor": [7, 13]}.items():
        for year, value in zip([2021, 2022], values):
            rows.append({"segment": segment, "segment_ko": "", "year": year,
                         "revenue_usd_million": float(value), "is_estimate": year == 2022})
    return pd.DataFrame(rows)


def test_device_mix_adds_shares_and_kinds(device):
    mix = charts.device_mix(device).set_index(["segment", "year"])
    assert mix.loc[("Graphics processing unit", 2021), "share_pct"] == pytest.approx(20.0)
    assert mix.loc[("Graphics processing unit", 2022), "share_pct"] == pytest.approx(30.0)
    assert mix.loc[("FPGA", 2021), "kind"] == "FPGA"
    assert mix.loc[("FPGA", 2022), "values"] == "Gartner estimate"
    with pytest.raises(KeyError):
        charts.device_mix(device.assign(segment="Abacus"))


def test_device_mix_chart_has_a_year_slider_starting_at_the_last_actual_year(device):
    spec = charts.device_mix_chart(device).to_dict()
    (param,) = spec["params"]
    assert param["bind"]["input"] == "range" and (param["bind"]["min"], param["bind"]["max"]) == (2021, 2022)
    assert param["value"] == 2021
    assert {"filter": "datum.year == device_year"} in spec["transform"]
    enc = spec["encoding"]
    assert enc["x"]["title"] == "Revenue (USD million)" and enc["y"]["sort"] == "-x"
    assert enc["color"]["scale"]["range"][0] == theme.COLOURS["segment"]["Graphics processing unit"]
    assert "Share of the year's total (%)" in [t["title"] for t in enc["tooltip"]]
    fixed = charts.device_mix_chart(device, year=2022).to_dict()
    assert "params" not in fixed and "estimate" in fixed["title"]["subtitle"][0]
    with pytest.raises(ValueError):
        charts.device_mix_chart(device, year=1999)


def test_device_mix_chart_shortens_long_axis_labels(device):
    axis = charts.device_mix_chart(device).to_dict()["encoding"]["y"]["axis"]
    assert "Baseband + app. processor" in axis["labelExpr"] and axis["labelExpr"].endswith("|| datum.value")


def test_device_labels_are_whole_on_a_phone():
    import vl_convert

    device = data.load("market_by_device")
    spec = charts.device_mix_chart(device).to_dict()
    for layout in ("wide", "narrow"):
        drawing = embed.static_svg(vl_convert.vegalite_to_vega(embed.layout_spec(spec, layout)))
        axes = [re.findall(r">([^<>]+)</text", group) for group in re.findall(r'role-axis-label.*?</g>', drawing, re.S)]
        [labels] = [labels for labels in axes if "GPU" in labels]
        assert len(labels) == device["segment"].nunique() and not any("…" in label for label in labels), (layout, labels)


def test_products_chart_legend_sits_below_the_bars(products, corrections):
    spec = charts.products_chart(charts.product_classes(products, corrections)).to_dict()
    assert spec["encoding"]["color"]["legend"]["orient"] == "bottom"
