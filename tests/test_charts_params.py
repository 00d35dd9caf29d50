"""The shared bound-parameter helpers of the chart builders."""

import re

import altair as alt
import pandas as pd
import pytest

from lib import embed
from lib.charts.params import bound_choice, choice_title, keep_one, layer_with_filters

FRAME = pd.DataFrame({"metric": ["a", "b"], "value": [1, 2]})


@pytest.mark.parametrize("widget, input_type", [("select", "select"), ("radio", "radio")])
def test_keep_one_binds_a_control_starting_on_the_first_option_and_filters_on_it(widget, input_type):
    chart = keep_one(alt.Chart(FRAME).mark_bar().encode(x="value:Q"), name="pick", field="metric",
                     options=["b", "a"], label="Metric: ", widget=widget)
    spec = chart.to_dict()
    (param,) = spec["params"]
    assert param["name"] == "pick" and param["value"] == "b"
    assert param["bind"] == {"input": input_type, "options": ["b", "a"], "name": "Metric: "}
    assert spec["transform"] == [{"filter": "(datum['metric'] === pick)"}]


def test_keep_one_refuses_an_unknown_control():
    with pytest.raises(ValueError, match="widget"):
        keep_one(alt.Chart(FRAME).mark_bar(), name="p", field="metric", options=["a"], label="x", widget="slider")


def test_layer_with_filters_filters_every_layer_and_adds_the_params_once():
    pick = alt.param(name="p", value="a", bind=alt.binding_select(options=["a", "b"]))
    chart = layer_with_filters(FRAME, ["datum.metric == p"], [pick],
                               lambda base: (base.mark_point().encode(x="value:Q"), base.mark_text().encode(x="value:Q")))
    spec = chart.to_dict()
    assert [p["name"] for p in spec["params"]] == ["p"]
    assert all(layer["transform"] == [{"filter": "datum.metric == p"}] for layer in spec["layer"])


def test_layer_with_filters_without_params_adds_none():
    spec = layer_with_filters(FRAME, [], [], lambda base: (base.mark_point().encode(x="value:Q"),)).to_dict()
    assert "params" not in spec and "transform" not in spec["layer"][0]


def test_bound_choice_starts_on_the_first_option_and_leaves_filtering_to_the_caller():
    spec = alt.Chart(FRAME).mark_bar().add_params(bound_choice("p", ["b", "a"], "Pick: ", "radio")).to_dict()
    [param] = spec["params"]
    assert param["value"] == "b" and param["bind"] == {"input": "radio", "options": ["b", "a"], "name": "Pick: "}
    assert "transform" not in spec


def test_choice_title_names_the_option_the_drawing_shows_and_wraps_on_a_phone():
    import vl_convert

    frame = pd.DataFrame({"metric": ["Funding raised in USD rounds (USD million)", "Products (count)"], "v": [1.0, 2.0]})
    options = list(frame["metric"])
    chart = keep_one(alt.Chart(frame).mark_bar().encode(x="v:Q"), name="pick", field="metric", options=options,
                     label="Metric: ").properties(title=alt.Title(choice_title("The leaders on one measure:", "pick",
                                                                                options)))
    lines = {}
    for layout in ("wide", "narrow"):
        drawing = embed.static_svg(vl_convert.vegalite_to_vega(embed.layout_spec(chart.to_dict(), layout)))
        title = re.search(r'role-title-text.*?</g>', drawing, re.S).group(0)
        lines[layout] = re.findall(r">([^<>]+)</t", title)
    assert lines["wide"] == ["The leaders on one measure:", options[0]]  # the first option, chosen at the start
    assert lines["narrow"][0] == "The leaders on one measure:" and " ".join(lines["narrow"][1:]) == options[0]
    assert len(lines["narrow"]) > 2 and max(map(len, lines["narrow"])) <= 34
