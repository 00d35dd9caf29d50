"""Chart builders: assert on the Vega-Lite spec (to_dict() validates it against the schema)."""

import pandas as pd
import pytest

from lib import charts, data, theme


def _datasets(spec):
    return list(spec["datasets"].values())


def _rows(spec, key="segment"):
    return [r for d in _datasets(spec) for r in d if key in r]


def _params(spec):
    """Params by name, wherever Altair put them (top level or a layer)."""
    found = {p["name"]: p for p in spec.get("params", [])}
    for layer in spec.get("layer", []):
        found.update({p["name"]: p for p in layer.get("params", [])})
    return found


def test_a_shape_scale_lists_only_the_kinds_drawn_in_its_own_order():
    shapes = {"acquisition": "diamond", "investment": "circle", "merger": "square"}
    scale = theme.shape_scale(shapes, pd.Series(["merger", "acquisition", "merger"])).to_dict()
    assert scale == {"domain": ["acquisition", "merger"], "range": ["diamond", "square"]}


def _find_layer(spec, mark):
    for layer in spec["layer"]:
        kind = layer["mark"]["type"] if isinstance(layer["mark"], dict) else layer["mark"]
        if kind == mark:
            return layer
    raise AssertionError(f"no {mark} layer")


def _tooltip_titles(encoding):
    return [t["title"] for t in encoding["tooltip"]]


def test_cagr_and_segment_growth(market):
    assert charts.cagr(100, 121, 2) == pytest.approx(10.0)
    with pytest.raises(ValueError):
        charts.cagr(0, 10, 2)
    growth = charts.segment_growth(market, start=2021, end=2023).set_index(["view", "segment"])
    assert growth.loc[("By application", "Automotive"), "cagr_pct"] == pytest.approx(100.0)
    assert growth.loc[("By application", "Communications"), "cagr_pct"] == pytest.approx(10.0)
    total = growth.loc[("By application", "Total")]
    assert (total.start_value, total.end_value) == (130.0, 213.1)
    # the rounding range brackets the point value and is wider for the smaller base
    fpga = growth.loc[("By device type", "FPGA")]
    gpu = growth.loc[("By device type", "Graphics processing unit")]
    assert fpga.cagr_low_pct < fpga.cagr_pct < fpga.cagr_high_pct
    assert fpga.cagr_high_pct - fpga.cagr_low_pct > gpu.cagr_high_pct - gpu.cagr_low_pct


def test_every_market_segment_has_its_own_registry_colour_and_name():
    market = data.load_market()
    assert market["segment"].nunique() == 15
    assert market["segment"].str.lower().nunique() == 15  # no two legend entries read the same
    for _, frame in market.groupby("view", observed=True):  # each chart draws one view
        segments = sorted(frame["segment"].unique())
        scale = theme.colour_scale("segment", segments).to_dict()  # KeyError if a label is missing
        assert len(set(scale["range"])) == len(segments)


def test_trend_chart_draws_one_view_with_registry_colours_and_legend_highlight(market):
    spec = charts.market_trend_chart(market, view="By application").to_dict()
    line = _find_layer(spec, "line")
    params = _params(spec)
    assert set(params) == {"segment_pick"} and params["segment_pick"]["bind"] == "legend"
    enc = line["encoding"]
    # the legend lists this view's segments only, largest last-year revenue first, in registry colours
    assert enc["color"]["scale"]["domain"] == ["Communications", "Automotive"]
    assert enc["color"]["scale"]["range"] == [theme.COLOURS["segment"]["Communications"],
                                              theme.COLOURS["segment"]["Automotive"]]
    assert {r["segment"] for r in _rows(spec)} == {"Automotive", "Communications"}
    # nothing clicked = everything selected (empty=True is Vega-Lite's default, so no "empty": false)
    condition = enc["opacity"]["condition"][0]
    assert condition["param"] == "segment_pick" and condition.get("empty", True) is True
    assert condition["value"] == 1.0 and enc["opacity"]["value"] < 1.0
    assert enc["y"]["title"] == "Revenue (USD million)" and enc["y"]["type"] == "quantitative"
    assert enc["strokeDash"]["field"] == "period"
    assert "'E'" in enc["x"]["axis"]["labelExpr"]
    # a narrow plot writes years short ("’22E"), so six of them fit a phone
    assert enc["x"]["axis"]["labelExpr"].startswith(f"width < {theme.NARROW_PLOT} ? '\u2019' + slice(")
    assert {"field": "year_label", "type": "nominal", "title": "Year"} in enc["tooltip"]
    assert _find_layer(spec, "rect")["encoding"]["x"]["field"] == "start"
    rows = _rows(spec, "period")
    # the last actual year is repeated as the first point of the dashed estimate line
    assert {(r["year"], r["period"]) for r in rows if r["segment"] == "Automotive"} >= {
        (2021, "Actual"), (2021, "Gartner estimate")}
    assert not any(r["period"] == "Actual" and r["is_estimate"] for r in rows)
    assert {r["year_label"] for r in rows} == {"2020", "2021", "2022E", "2023E"}
    assert "Source:" in spec["title"]["subtitle"][0]
    assert "USD million" in spec["description"]


def test_trend_chart_with_years_limits_the_data(market):
    spec = charts.market_trend_chart(market, view="By device type", years=(2021, 2023)).to_dict()
    rows = _rows(spec)
    assert {r["segment"] for r in rows} == {"Graphics processing unit", "FPGA"}
    assert min(r["year"] for r in rows) == 2021
    with pytest.raises(ValueError, match="no market data"):
        charts.market_trend_chart(market, view="By device type", years=(1990, 1991))


def test_cagr_ranking_shows_computed_bars_rounding_ranges_and_printed_ticks(market):
    printed = pd.DataFrame({"view": ["By application"], "segment": ["Automotive"], "cagr_2021_2026_pct": [99.0]})
    spec = charts.cagr_ranking_chart(market, printed=printed, start=2021, end=2023).to_dict()
    bar, rule, tick = _find_layer(spec, "bar"), _find_layer(spec, "rule"), _find_layer(spec, "tick")
    assert bar["encoding"]["x"]["field"] == "cagr_pct"
    assert bar["encoding"]["y"]["sort"] == {"field": "cagr_pct", "op": "max", "order": "descending"}
    assert "2023E" in bar["encoding"]["x"]["title"]
    assert bar["encoding"]["color"]["legend"] is None
    assert bar["encoding"]["color"]["scale"]["range"][0] == theme.COLOURS["segment"][
        bar["encoding"]["color"]["scale"]["domain"][0]]
    assert (rule["encoding"]["x"]["field"], rule["encoding"]["x2"]["field"]) == ("cagr_low_pct", "cagr_high_pct")
    assert tick["encoding"]["x"]["field"] == "cagr_2021_2026_pct"
    assert "2023E revenue (USD million)" in _tooltip_titles(bar["encoding"])
    rows = {r["segment"]: r for r in _rows(spec)}
    assert rows["Automotive"]["cagr_pct"] == pytest.approx(100.0) and rows["Automotive"]["cagr_2021_2026_pct"] == 99.0
    assert "Total" not in rows
    params = _params(spec)
    assert params["view"]["bind"]["input"] == "select"
    assert params["view"]["bind"]["options"] == ["By application", "By device type"]
    assert {"param": "view"} in [t.get("filter") for t in tick["transform"]]


def test_cagr_ranking_for_one_view_has_no_dropdown_and_no_ticks(market):
    spec = charts.cagr_ranking_chart(market, view="By application", start=2020, end=2023).to_dict()
    assert len(spec["layer"]) == 2
    assert "view" not in _params(spec)


def test_share_chart_tooltips_show_the_share_drawn_and_estimates_fade_without_a_legend(market):
    spec = charts.market_share_chart(market, view="By application").to_dict()
    enc = spec["encoding"]
    assert enc["y"]["field"] == "share_pct" and enc["y"]["title"] == "Share of the year's total (%)"
    assert enc["color"]["legend"]["symbolOpacity"] == 1.0
    assert enc["color"]["scale"]["domain"] == ["Communications", "Automotive"]
    conditions = enc["opacity"]["condition"]
    assert conditions[0]["test"] == {"not": {"param": "share_pick"}}  # empty selection: nothing faded
    assert conditions[1]["test"] == "datum.is_estimate" and conditions[1]["value"] < enc["opacity"]["value"] == 1.0
    assert "field" not in enc["opacity"]  # no "true/false" legend
    titles = _tooltip_titles(enc)
    assert "Share of the year's total (%)" in titles and "Revenue (USD million)" in titles
    rows = _rows(spec)
    by_year = {}
    for r in rows:
        by_year[r["year"]] = by_year.get(r["year"], 0) + r["share_pct"]
    assert all(total == pytest.approx(100.0) for total in by_year.values())
    assert {r["year_label"] for r in rows if r["is_estimate"]} == {"2022E", "2023E"}
    assert set(_params(spec)) == {"share_pick"}


def test_scenario_chart_has_a_growth_slider_and_an_illustrative_extension(market):
    spec = charts.market_scenario_chart(market, until=2026).to_dict()
    growth = _params(spec)["growth"]
    assert growth["bind"]["input"] == "range"
    # starts at the total's CAGR from the last actual year (2021: 130) to the last year (2023: 213.1)
    assert growth["value"] == pytest.approx(round(charts.cagr(130, 213.1, 2), 1))
    line = [layer for layer in spec["layer"] if "transform" in layer][0]
    calc = {t["as"]: t["calculate"] for t in line["transform"]}
    assert "pow(1 + growth / 100, datum.year - 2023)" in calc["revenue_usd_million"]
    ext = [r for r in _rows(spec, "base")]
    assert [r["year"] for r in ext] == [2023, 2024, 2025, 2026] and ext[0]["base"] == pytest.approx(213.1)
    text = _find_layer(spec, "text")
    assert "not a forecast" in _datasets(spec)[[i for i, d in enumerate(_datasets(spec)) if d and "label" in d[0]][0]][0]["label"]
    assert text["encoding"]["text"]["field"] == "label"
    assert any("not a forecast" in line for line in spec["title"]["subtitle"])
    with pytest.raises(ValueError):
        charts.market_scenario_chart(market, until=2023)


def test_scenario_chart_with_a_fixed_rate_has_no_slider(market):
    spec = charts.market_scenario_chart(market, rate=5.0).to_dict()
    assert _params(spec)["growth"] == {"name": "growth", "value": 5.0}


def test_cagr_ranking_draws_the_fastest_growing_segment_first(market):
    import re

    import vl_convert

    # FPGA (first in the alphabet) made the slower grower, so an alphabetical axis would fail
    slow = market.assign(revenue_usd_million=market["revenue_usd_million"].where(market["segment"] != "FPGA", 8.0))
    chart = charts.cagr_ranking_chart(slow, view="By device type", start=2021, end=2023)
    drawing = vl_convert.vegalite_to_svg(chart.to_dict())
    labels = re.findall(r'translate\(([-\d.]+),([-\d.]+)\)[^>]*>(FPGA|Graphics processing unit)</text>', drawing)
    assert [name for _, y, name in sorted(labels, key=lambda t: float(t[1]))] == ["Graphics processing unit", "FPGA"]
