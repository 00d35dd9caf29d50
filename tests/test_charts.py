"""Chart builders: assert on the Vega-Lite spec (to_dict() validates it against the schema)."""

import pandas as pd
import pytest

from lib import charts


def _datasets(spec):
    return list(spec["datasets"].values())


def _params(spec):
    """Params by name, wherever Altair put them (top level or a layer)."""
    found = {p["name"]: p for p in spec.get("params", [])}
    for layer in spec.get("layer", []):
        found.update({p["name"]: p for p in layer.get("params", [])})
    return found


def _find_layer(spec, mark):
    for layer in spec["layer"]:
        kind = layer["mark"]["type"] if isinstance(layer["mark"], dict) else layer["mark"]
        if kind == mark:
            return layer
    raise AssertionError(f"no {mark} layer")


def test_cagr_and_segment_growth(market):
    assert charts.cagr(100, 121, 2) == pytest.approx(10.0)
    with pytest.raises(ValueError):
        charts.cagr(0, 10, 2)
    growth = charts.segment_growth(market, start=2021, end=2023).set_index(["view", "segment"])
    assert growth.loc[("By application", "Cars"), "cagr_pct"] == pytest.approx(100.0)
    assert growth.loc[("By application", "Phones"), "cagr_pct"] == pytest.approx(10.0)
    total = growth.loc[("By application", "Total")]
    assert (total.start_value, total.end_value) == (130.0, 213.1)


def test_trend_chart_has_view_dropdown_legend_highlight_and_marked_estimates(market):
    spec = charts.market_trend_chart(market).to_dict()
    line = _find_layer(spec, "line")
    params = _params(spec)
    assert params["view"]["bind"]["input"] == "select"
    assert params["view"]["bind"]["options"] == ["By application", "By device type"]
    assert params["segment_pick"]["bind"] == "legend"
    assert {"param": "view"} in [t.get("filter") for t in line["transform"]]
    enc = line["encoding"]
    assert enc["y"]["title"] == "Revenue (USD million)" and enc["y"]["type"] == "quantitative"
    assert enc["strokeDash"]["field"] == "period"
    assert "'E'" in enc["x"]["axis"]["labelExpr"]
    assert _find_layer(spec, "rect")["encoding"]["x"]["field"] == "start"
    rows = [r for d in _datasets(spec) for r in d if "period" in r]
    # the last actual year is repeated as the first point of the dashed estimate line
    assert {(r["year"], r["period"]) for r in rows if r["segment"] == "Cars"} >= {(2021, "Actual"), (2021, "Gartner estimate")}
    assert not any(r["period"] == "Actual" and r["is_estimate"] for r in rows)


def test_trend_chart_with_fixed_view_and_years_has_no_dropdown(market):
    spec = charts.market_trend_chart(market, view="By device type", years=(2021, 2023)).to_dict()
    line = _find_layer(spec, "line")
    assert list(_params(spec)) == ["segment_pick"]
    assert "transform" not in line
    rows = [r for d in _datasets(spec) for r in d if "segment" in r]
    assert {r["segment"] for r in rows} == {"GPU", "FPGA"}
    assert min(r["year"] for r in rows) == 2021
    with pytest.raises(ValueError, match="no market data"):
        charts.market_trend_chart(market, view="By device type", years=(1990, 1991))


def test_cagr_ranking_shows_computed_bars_and_printed_ticks(market):
    printed = pd.DataFrame({"view": ["By application"], "segment": ["Cars"], "cagr_2021_2026_pct": [99.0]})
    spec = charts.cagr_ranking_chart(market, printed=printed, start=2021, end=2023).to_dict()
    bar, tick = _find_layer(spec, "bar"), _find_layer(spec, "tick")
    assert bar["encoding"]["x"]["field"] == "cagr_pct" and bar["encoding"]["y"]["sort"] == "-x"
    assert "2023E" in bar["encoding"]["x"]["title"]
    assert tick["encoding"]["x"]["field"] == "cagr_2021_2026_pct"
    rows = {r["segment"]: r for d in _datasets(spec) for r in d}
    assert rows["Cars"]["cagr_pct"] == pytest.approx(100.0) and rows["Cars"]["cagr_2021_2026_pct"] == 99.0
    assert "Total" not in rows
    assert {"param": "view"} in [t.get("filter") for t in tick["transform"]]


def test_cagr_ranking_without_printed_values_has_bars_only(market):
    spec = charts.cagr_ranking_chart(market, view="By application", start=2020, end=2023).to_dict()
    assert len(spec["layer"]) == 1
    assert "view" not in _params(spec)


def test_share_chart_normalises_and_fades_estimates(market):
    spec = charts.market_share_chart(market).to_dict()
    enc = spec["encoding"]
    assert enc["y"]["stack"] == "normalize" and enc["y"]["axis"]["format"] == "%"
    faded = enc["opacity"]["condition"]
    assert faded["field"] == "is_estimate" and faded["scale"]["range"][0] == 1.0
    assert faded["scale"]["range"][1] < 1.0
    assert set(_params(spec)) == {"share_pick", "view"}
