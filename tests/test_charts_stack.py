"""Software-stack charts: the matrix, the stack list and the coverage counts, on tiny inline data."""

import pandas as pd
import pytest

from lib import charts, theme
from lib.charts.stack import ALL_COMPANIES, ALL_LAYERS, KINDS, OUTSIDE

LAYERS = ["Cloud Service", "Deep Learning Platform", "Deep Learning Compiler", "Runtime Library & Driver"]


@pytest.fixture
def layers():
    return pd.DataFrame({"layer": LAYERS[::-1], "order": [4, 3, 2, 1]})  # deliberately out of order


@pytest.fixture
def stack():
    rows = [
        # company, software, part_of, layer, own, evidence
        ("Acme", "AcmeStack", "", "", True, "umbrella"),
        ("Acme", "Acme compiler", "AcmeStack", "Deep Learning Compiler", True, "stated"),
        ("Acme", "Acme runtime", "AcmeStack", "Runtime Library & Driver", True, "assigned"),
        ("Acme", "PyTorch", "", "Deep Learning Platform", False, "stated"),
        ("Acme", "Acme cloud", "", "Cloud Service", True, "stated"),
        ("Beta", "Beta security", "", "", True, "outside the layers"),
        ("Beta", "Beta compiler", "", "Deep Learning Compiler", True, "stated"),
        ("Beta", "Beta tuner", "", "Deep Learning Compiler", True, "stated"),
    ]
    frame = pd.DataFrame(rows, columns=["company", "software", "part_of", "layer", "own_software", "layer_evidence"])
    frame["layer"] = frame["layer"].replace("", None)
    frame["description"] = "What " + frame["software"] + " does."
    return frame


def _rows(spec):
    return [r for d in spec["datasets"].values() for r in d]


def _params(spec):
    found = {p["name"]: p for p in spec.get("params", [])}
    for layer in spec.get("layer", []):
        found.update({p["name"]: p for p in layer.get("params", [])})
    return found


def test_items_leave_out_umbrellas_and_put_unlayered_software_outside(stack, layers):
    items = charts.stack_items(stack, layers).set_index("software")
    assert "AcmeStack" not in items.index
    assert items.loc["Beta security", "column"] == OUTSIDE and items.loc["Beta security", "column_order"] == 5
    assert items.loc["Acme cloud", "column_order"] == 1 and items.loc["Acme runtime", "column_order"] == 4
    assert list(items.loc[["Beta compiler", "Beta tuner"], "slot"]) == [0, 1]
    assert items.loc["PyTorch", "kind"] == "Third-party framework or format"
    assert items.loc["Acme runtime", "kind"] == "Own software, layer assigned in this book"
    assert items.loc["Beta security", "kind"] == "Own software outside the four layers"


def test_layer_coverage_counts_layers_under_each_rule(stack, layers):
    every = charts.layer_coverage(stack, layers)
    assert list(every.columns[:4]) == LAYERS
    assert every.loc["Acme", "layers_covered"] == 4 and every.loc["Beta", "layers_covered"] == 1
    assert every.loc["Beta", "Deep Learning Compiler"] == 2
    assert charts.layer_coverage(stack, layers, own_only=True).loc["Acme", "layers_covered"] == 3
    both = charts.layer_coverage(stack, layers, own_only=True, stated_only=True)
    assert both.loc["Acme", "layers_covered"] == 2


def test_unknown_layer_is_an_error(stack, layers):
    stack.loc[1, "layer"] = "Quantum layer"
    with pytest.raises(ValueError, match="Quantum layer"):
        charts.stack_items(stack, layers)


def test_matrix_has_dropdowns_layer_colours_shapes_and_tooltips(stack, layers):
    chart = charts.stack_matrix_chart(stack, layers)
    spec = chart.to_dict()
    params = _params(spec)
    assert params["pick_company"]["bind"]["input"] == "select"
    assert params["pick_company"]["bind"]["options"] == [ALL_COMPANIES, "Acme", "Beta"]
    assert params["pick_layer"]["bind"]["options"] == [ALL_LAYERS, *LAYERS, OUTSIDE]
    assert params["pick_company"]["value"] == ALL_COMPANIES
    enc = spec["encoding"]
    assert enc["x"]["sort"] == [*LAYERS, OUTSIDE] and enc["y"]["sort"] == ["Acme", "Beta"]
    assert enc["fill"]["scale"] == theme.colour_scale("layer", [*LAYERS, OUTSIDE]).to_dict()
    assert enc["shape"]["scale"]["range"] == list(KINDS.values())
    assert "pick_company" in enc["opacity"]["condition"]["test"]
    assert {t["field"] for t in enc["tooltip"]} >= {"software", "company", "column", "description", "source"}
    assert spec["title"]["text"] and "KISDI" in spec["title"]["subtitle"][0]
    assert chart.description and "width" not in spec


def test_matrix_with_fixed_highlight_has_no_dropdowns(stack, layers):
    spec = charts.stack_matrix_chart(stack, layers, company="Beta", controls=False).to_dict()
    assert _params(spec) == {}
    assert spec["encoding"]["opacity"]["condition"]["test"] == 'datum.company == "Beta"'
    with pytest.raises(ValueError, match="Gamma"):
        charts.stack_matrix_chart(stack, layers, company="Gamma")


def test_list_chart_filters_through_its_dropdowns(stack, layers):
    chart = charts.stack_list_chart(stack, layers, company="Acme")
    spec = chart.to_dict()
    params = _params(spec)
    assert params["pick_company"]["value"] == "Acme" and params["pick_layer"]["value"] == ALL_LAYERS
    band = spec["layer"][0]
    assert any("pick_layer" in t.get("filter", "") for t in band.get("transform", []) + spec.get("transform", []))
    assert band["encoding"]["color"]["scale"]["range"][0] == theme.COLOURS["layer"]["Cloud Service"]
    labels = [r["label"] for r in sorted(_rows(spec), key=lambda r: r["rank"])]
    # top to bottom: cloud, platform, compiler, runtime, outside
    assert labels[:2] == ["Acme: Acme cloud", "Acme: PyTorch (third-party)"]
    assert labels[-1] == "Beta: Beta security"


def test_list_chart_with_fixed_choice_keeps_only_matching_rows(stack, layers):
    spec = charts.stack_list_chart(stack, layers, layer="Deep Learning Compiler", controls=False).to_dict()
    assert _params(spec) == {}
    assert {r["software"] for r in _rows(spec)} == {"Acme compiler", "Beta compiler", "Beta tuner"}
