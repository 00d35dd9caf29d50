"""The build's chart renderer: static SVG for two layouts plus compiled Vega, deterministic."""

import json
import re
import textwrap

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
    # labels that may be thinned keep a gap, since readers' fonts can be wider than the build's
    assert wide["config"]["axis"]["labelSeparation"] == narrow["config"]["axis"]["labelSeparation"] == embed.LABEL_GAP


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


def test_layouts_fit_again_after_each_layout(spec):
    # a narrower plot can round its axis to another end and move end-of-bar labels; Vega refits
    for layout in embed.LAYOUTS:
        assert embed.layout_spec(spec, layout)["autosize"]["resize"] is True


def test_static_text_is_laid_out_with_the_measuring_font_but_names_the_book_font(spec):
    from lib.theme import FONT

    assert not embed.measuring_font_missing(), f"{embed.MEASURING_FONT} is not installed"
    import vl_convert

    vega = vl_convert.vegalite_to_vega(embed.layout_spec(spec, "narrow"), vl_version=embed.VEGA_LITE_VERSION)
    svg = embed.static_svg(vega)
    assert f'font-family="{FONT}"' in svg and embed.MEASURING_FONT not in svg
    # the measuring font changes the layout: it is used, not silently replaced by a fallback
    fallback = vl_convert.vega_to_svg(json.loads(json.dumps(vega).replace(json.dumps(FONT)[1:-1], "No Such Font")))
    assert svg != fallback


def test_phone_legends_wrap_long_labels_and_drop_columns_that_do_not_fit():
    long = "Gartner data-center chips (all kinds), Feb 2025"
    frame = pd.DataFrame({"series": [long, "Short"], "v": [1, 2]})
    chart = alt.Chart(frame).mark_point().encode(
        x="v:Q", color=alt.Color("series:N", legend=alt.Legend(orient="bottom", columns=3, labelLimit=360)))
    spec = chart.to_dict()
    legend = embed.layout_spec(spec, "narrow")["encoding"]["color"]["legend"]
    lines = textwrap.wrap(long, embed.LEGEND_ROOM["chars"])
    assert len(lines) == 2 and json.dumps(lines) in legend["labelExpr"] and "Short" not in legend["labelExpr"]
    assert legend["columns"] == 1 and legend["labelLimit"] <= embed.LEGEND_ROOM["chars"] * embed.LEGEND_ROOM["char_px"]
    # the wide layout keeps the builder's legend as it is
    assert embed.layout_spec(spec, "wide")["encoding"]["color"]["legend"] == {"orient": "bottom", "columns": 3,
                                                                              "labelLimit": 360}


def test_static_drawings_drop_what_only_the_live_chart_uses(spec):
    from lib.theme import FONT

    html = embed.chart_html(dict(spec, config={"font": FONT}))
    for drawing in re.findall(r"<svg .*?</svg>", html, re.S):
        root, body = drawing.split(">", 1)
        assert 'role="img"' in root and "aria-label=" in root and f'font-family="{FONT}"' in root
        assert "aria-" not in body and "role=" not in body and "pointer-events" not in body
        assert "font-family" not in body  # the text inherits the root's fonts
        assert not re.search(r'(?:d|transform)="[^"]*\d\.\d{3}', body)  # coordinates to the hundredth
    # the same text, placed to the hundredth of a pixel: only attributes go
    import vl_convert

    full = embed.static_svg(vl_convert.vegalite_to_vega(embed.layout_spec(dict(spec, config={"font": FONT}), "wide")))
    lean = embed.lean_svg(full)
    placed = r'<text[^>]*transform="translate\(([-\d.]+),([-\d.]+)\)[^"]*"[^>]*>([^<]*)</text>'
    before, after = re.findall(placed, full), re.findall(placed, lean)
    assert len(lean) < 0.8 * len(full) and [t for *_, t in after] == [t for *_, t in before] != []
    assert all(abs(float(a) - float(b)) <= 0.005 for p, q in zip(before, after) for a, b in zip(p[:2], q[:2]))


def test_static_drawings_mark_the_lines_that_explain_the_live_chart(spec):
    import vl_convert

    titled = dict(spec, title={"text": "Title", "subtitle": ["Source: a table", "Click a legend entry to highlight"]})
    lean = embed.lean_svg(embed.static_svg(vl_convert.vegalite_to_vega(embed.layout_spec(titled, "wide"))))
    hints = re.findall(rf'<(?:tspan|text)\b[^>]*class="{embed.HINT_CLASS}"[^>]*>([^<]*)<', lean)
    assert hints == ["Click a legend entry to highlight"]


def test_phone_drawings_keep_every_category_label_and_thin_only_numbers():
    import vl_convert

    names = [f"TPU v{i} (20{15 + i})" for i in range(1, 9)]
    bars = alt.Chart(pd.DataFrame({"chip": names, "peak": range(8)})).mark_bar().encode(
        x=alt.X("chip:N", axis=alt.Axis(labelAngle=0)), y="peak:Q").to_dict()
    narrow = embed.layout_spec(bars, "narrow")
    drawing = embed.static_svg(vl_convert.vegalite_to_vega(narrow))
    drawn = dict((name, opacity) for opacity, name in re.findall(r'<text[^>]*opacity="([\d.]+)"[^>]*>([^<]+)</text>', drawing))
    assert all(float(drawn[name]) > 0 for name in names)  # Vega hides a thinned label with opacity 0
    assert narrow["config"]["axisQuantitative"]["labelOverlap"] == "greedy" and "labelOverlap" not in narrow["config"]["axis"]
