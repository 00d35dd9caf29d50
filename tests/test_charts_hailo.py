"""Hailo chart builders, on tiny inline tables shaped like the data package's."""

import pandas as pd
import pytest

from lib import charts, theme


@pytest.fixture
def products():
    hailo = pd.DataFrame({"product": ["Chip", "Card"], "tops": [20.0, 10.0], "typical_power_w": [2.0, float("nan")]})
    kneron = pd.DataFrame({"product": ["SoC"], "mac_per_cycle": [512.0]})
    claims = pd.DataFrame({"product": ["Edge TPU", "Edge TPU"], "metric": ["peak_performance", "power"],
                           "value": [4.0, 2.0]})
    outside = pd.DataFrame({"figure_id": ["X3", "X9", "X20"], "company": ["NVIDIA", "Vendor", "Vendor"],
                            "product": ["Module", "Example", "Other"], "metric": ["peak_performance"] * 3,
                            "value": [21.0, 108.0, 5.0], "precision": ["INT8", "", ""],
                            "used_in": ["§5 Google; §9 Hailo", "Reading a spec sheet", "§9 Hailo-like chapter"]})
    return charts.edge_products(hailo, kneron, claims, outside)


def test_edge_products_compute_efficiency_only_where_both_figures_exist(products):
    rows = products.set_index("product")
    assert rows.loc["Chip", "tops_per_w"] == pytest.approx(10.0)
    assert rows.loc["Edge TPU", "tops_per_w"] == pytest.approx(2.0)
    assert rows[["tops_per_w"]].loc[["Card", "SoC", "Module"]].isna().all().all()
    assert rows.loc["Chip", "precision"] == "not stated" and rows.loc["Module", "precision"] == "INT8"
    # an outside figure of other chapters stays out, even one whose place only begins like §9 Hailo
    assert "Example" not in rows.index and "Other" not in rows.index


def test_efficiency_chart_has_a_slider_reference_line_and_company_colours(products):
    spec = charts.edge_efficiency_chart(products).to_dict()
    params = {p["name"]: p for p in spec["params"]}
    assert params["reference_tops_per_w"]["bind"]["input"] == "range"
    assert params["reference_tops_per_w"]["value"] == 5.0
    line, value, points, _ = spec["layer"]
    assert line["mark"]["strokeDash"] == [6, 4]
    # the line says its value where it leaves the plot
    assert any("format(reference_tops_per_w, '.1f')" in t.get("calculate", "") for t in value["transform"])
    assert any("reference_tops_per_w * datum.power_w" in t.get("calculate", "") for t in line["transform"])
    assert points["encoding"]["x"]["title"] == "Power (W)"
    assert "TOPS" in points["encoding"]["y"]["title"]
    assert points["encoding"]["color"]["scale"]["range"] == [theme.COLOURS["company"]["Hailo"],
                                                               theme.COLOURS["company"]["Google"]]
    plotted = {r["product"] for d in spec["datasets"].values() for r in d if "product" in r}
    assert plotted == {"Chip", "Edge TPU"}
    assert "not measured" in spec["title"]["subtitle"][1]


def test_fixed_reference_draws_the_line_without_a_slider(products):
    spec = charts.edge_efficiency_chart(products, reference=2.5).to_dict()
    assert "params" not in spec
    assert any("2.5 * datum.power_w" in t.get("calculate", "") for t in spec["layer"][0]["transform"])


def test_efficiency_chart_needs_a_product_with_both_figures(products):
    with pytest.raises(ValueError):
        charts.edge_efficiency_chart(products[products["product"] == "Card"])
