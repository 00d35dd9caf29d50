"""Dojo chart builders, on a tiny inline claims table."""

import pandas as pd
import pytest

from lib import charts, theme


def dojo_claims(cabinets=11, section="§4 Tesla"):
    rows = [("D1", "training_nodes_per_chip", 354), ("Dojo training tile", "d1_chips_per_tile", 25),
            ("Dojo training tile", "peak_performance", 9), ("Dojo cabinet", "tiles_per_cabinet", 12),
            ("Dojo ExaPod", "cabinets_per_exapod", cabinets), ("Dojo ExaPod", "peak_performance", 1.1)]
    return pd.DataFrame([{"claim_id": f"C{i}", "report_section": section, "product": p, "metric": m, "value": float(v)}
                         for i, (p, m, v) in enumerate(rows)])


def _layers(spec):
    return spec["layer"]


def _params(spec):
    found = {p["name"]: p for p in spec.get("params", [])}
    for layer in spec.get("layer", []):
        found.update({p["name"]: p for p in layer.get("params", [])})
    return found


def test_hierarchy_multiplies_out_the_levels():
    h = charts.dojo_hierarchy(dojo_claims()).set_index("level")
    assert list(h.index) == charts.dojo.LEVELS
    assert h.loc["Cabinet", "peak_pflops"] == pytest.approx(108)
    assert h.loc["ExaPOD", "peak_pflops"] == pytest.approx(1188)
    assert h.loc["ExaPOD", "printed_pflops"] == pytest.approx(1100)
    assert h.loc["D1 chip", "peak_pflops"] == pytest.approx(0.36)
    assert h.loc["D1 chip", "units_per_exapod"] == 3300 and h.loc["Training node", "units_per_exapod"] == 3300 * 354
    assert (h["peak_basis"] == "printed").sum() == 1


def test_hierarchy_needs_every_claim():
    with pytest.raises(LookupError):
        charts.dojo_hierarchy(dojo_claims().iloc[1:])


def test_exapod_chart_has_a_cabinet_slider_and_the_printed_band():
    spec = charts.dojo_exapod_chart(charts.dojo_hierarchy(dojo_claims()), tesla_cabinets=10).to_dict()
    cabinets = _params(spec)["cabinets"]
    assert cabinets["value"] == 11
    assert cabinets["bind"]["input"] == "range" and cabinets["bind"]["max"] == 16
    rows = [r for d in spec["datasets"].values() for r in d if "row" in r]
    by_row = {r["row"]: r for r in rows}
    assert by_row["11 cabinets (report)"]["eflops"] == pytest.approx(1.188)
    assert by_row["10 cabinets (Tesla)"]["eflops"] == pytest.approx(1.08)
    assert by_row["Printed in the report"]["eflops"] == pytest.approx(1.1)
    band = [r for d in spec["datasets"].values() for r in d if "low" in r][0]
    assert (band["low"], band["high"]) == pytest.approx((1.05, 1.15))
    bars = _layers(spec)[1]
    assert bars["mark"]["type"] == "bar"
    assert bars["encoding"]["color"]["scale"]["range"] == [theme.COLOURS["company"]["Tesla"]]
    assert bars["encoding"]["x"]["title"] == "Peak performance of one ExaPOD (EFLOPS)"
    calc = [t["calculate"] for layer in _layers(spec)[1:] for t in layer.get("transform", []) if "calculate" in t]
    assert any("cabinets" in c and "Your choice (slider)" in c for c in calc)
    assert bars["encoding"]["y"]["sort"][0] == "Printed in the report"
    assert spec["title"]["text"] and "Tesla AI Day" in " ".join(spec["title"]["subtitle"])
    assert spec["description"]


def test_exapod_chart_with_fixed_cabinets_has_no_slider():
    spec = charts.dojo_exapod_chart(charts.dojo_hierarchy(dojo_claims()), cabinets=7).to_dict()
    cabinets = _params(spec)["cabinets"]
    assert cabinets["value"] == 7 and "bind" not in cabinets


def test_ladder_chart_is_log_scaled_with_levels_in_order():
    spec = charts.dojo_ladder_chart(charts.dojo_hierarchy(dojo_claims())).to_dict()
    points = _layers(spec)[0]
    assert points["encoding"]["x"]["scale"]["type"] == "log"
    assert "TFLOPS" in points["encoding"]["x"]["title"]
    assert points["encoding"]["y"]["sort"] == charts.dojo.LEVELS
    assert set(points["encoding"]["shape"]["scale"]["domain"]) == {"Printed", "Implied by the counts"}
