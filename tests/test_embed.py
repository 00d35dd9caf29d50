"""The build's chart renderer: static SVG for two layouts plus compiled Vega, deterministic."""

import json
import re

import altair as alt
import pandas as pd
import pytest

from lib import embed


@pytest.fixture
def spec():
    frame = pd.DataFrame({"k": ["a", "b", "c"], "v": [1, 3, 2]})
    pick = alt.selection_point(name="pick", fields=["k"], bind="legend")
    level = alt.param(name="level", value=1, bind=alt.binding_range(min=0, max=3, name="Level "))
    return alt.Chart(frame).mark_bar().encode(x="k:N", y="v:Q", color="k:N").add_params(pick, level).properties(
        title=alt.Title("A title long enough to be wrapped on a phone, where the column is narrow",
                        subtitle="Source: a test"),
        description="Bar chart of v by k.").to_dict()


def test_layouts_set_width_and_move_legends_on_phones(spec):
    wide, narrow = embed.layout_spec(spec, "wide"), embed.layout_spec(spec, "narrow")
    assert wide["width"] == embed.LAYOUTS["wide"]["width"] and narrow["width"] == embed.LAYOUTS["narrow"]["width"]
    assert narrow["config"]["legend"]["orient"] == "bottom" and "orient" not in wide["config"]["legend"]
    assert isinstance(narrow["title"]["text"], list) and isinstance(wide["title"]["text"], str)
    assert "width" not in spec  # the chart's own spec is left alone


def test_concatenated_charts_keep_their_own_widths():
    concat = {"hconcat": [{"mark": "point"}, {"mark": "point"}]}
    assert "width" not in embed.layout_spec(concat, "narrow")


def test_chart_html_holds_both_drawings_and_specs(spec):
    html = embed.chart_html(spec)
    assert html.startswith(f'<figure class="bk-chart" id="{embed.chart_id(spec)}"')
    for layout in embed.LAYOUTS:
        drawing = re.search(rf'bk-chart__static--{layout}"><svg ([^>]*)>', html).group(1)
        assert 'role="img"' in drawing and 'aria-label="Bar chart of v by k."' in drawing
        assert f'width="{embed.LAYOUTS[layout]["width"]}"' in drawing
    payload = json.loads(re.search(r'class="bk-chart__spec">(.*?)</script>', html).group(1))
    assert set(payload) == set(embed.LAYOUTS)
    assert payload["narrow"]["$schema"].startswith("https://vega.github.io/schema/vega/")
    assert payload["narrow"]["config"]["legend"]["layout"]["bottom"]["direction"] == "vertical"
    assert 'style="--bk-inputs: 1"' in html  # one row reserved for the one bound input


def test_chart_html_is_deterministic_and_ids_are_unique(spec):
    first, second = embed.chart_html(spec), embed.chart_html(spec)
    assert first == second
    ids = re.findall(r'\bid="([^"]+)"', first)
    assert len(ids) == len(set(ids))


def test_ids_inside_drawings_are_prefixed():
    svg = '<svg><clipPath id="clip1"><rect/></clipPath><g clip-path="url(#clip1)"></g></svg>'
    out = embed._prefix_ids(svg, "chart-x-wide")
    assert 'id="chart-x-wide-clip1"' in out and "url(#chart-x-wide-clip1)" in out and 'id="clip1"' not in out


def test_bound_inputs_are_counted_in_layers_too():
    spec = {"layer": [{"params": [{"name": "a", "bind": {"input": "range"}}]},
                      {"params": [{"name": "b", "select": "point", "bind": "legend"}]}],
            "params": [{"name": "c", "bind": {"input": "select", "options": [1]}}]}
    assert embed.bound_inputs(spec) == 2


def test_the_build_switches_the_renderer_on(monkeypatch):
    from lib import build

    env = build.build_environment()
    assert env[embed.ENV_FLAG] == "1" and env["SOURCE_DATE_EPOCH"].isdigit()
    bundle = embed.render({"mark": "point", "data": {"values": [{"x": 1}]}, "description": "d"})
    assert bundle["text/html"].startswith('<figure class="bk-chart"')


def test_titles_given_as_lines_and_axis_titles_are_wrapped_on_phones():
    spec = {"title": {"text": ["short", "x " * 40], "subtitle": ["y " * 40]},
            "layer": [{"mark": "bar", "encoding": {"x": {"field": "a", "type": "quantitative", "title": "z " * 40},
                                                    "y": {"field": "b", "type": "nominal",
                                                          "axis": {"title": "w " * 40}}}}]}
    narrow = embed.layout_spec(spec, "narrow")
    limit = embed.LAYOUTS["narrow"]["chars"]
    assert narrow["title"]["text"][0] == "short" and all(len(line) <= limit for line in narrow["title"]["text"])
    layer = narrow["layer"][0]["encoding"]
    assert isinstance(layer["x"]["title"], list) and all(len(line) <= limit for line in layer["x"]["title"])
    assert isinstance(layer["y"]["axis"]["title"], list)
    assert spec["layer"][0]["encoding"]["x"]["title"] == "z " * 40  # the original is untouched
