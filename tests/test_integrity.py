"""Integrity checks: the recorded discrepancies, and each check seen to pass and to fail.

The first tests run every check on the real data and compare the discrepancies
with data/data_notes.csv. The rest feed each check tiny inline frames, one
consistent and one not, so that every check is seen to catch what it is for.
Nothing in data/ is modified.
"""

import math

import pandas as pd
import pytest

from lib import data, integrity
from lib.integrity import Finding


def _same(a, b) -> bool:
    """Numbers equal to about six significant figures (data_notes' precision); text equal."""
    try:
        x, y = float(a), float(b)
    except (TypeError, ValueError):
        return str(a) == str(b)
    return math.isclose(x, y, rel_tol=1e-5, abs_tol=1e-9)


def test_checks_find_exactly_the_recorded_discrepancies():
    found = {(f.check, f.dataset, f.record): f for f in integrity.run_all_checks()}
    notes = data.load("data_notes")
    recorded = {(str(r.check), str(r.dataset), r.record): r for r in notes.itertuples()}
    new = sorted(set(found) - set(recorded))
    gone = sorted(set(recorded) - set(found))
    assert not new, f"discrepancies not in data/data_notes.csv: {[found[k] for k in new]}"
    assert not gone, f"data/data_notes.csv lists discrepancies the checks no longer find: {gone}"
    for key, finding in found.items():
        note = recorded[key]
        assert _same(note.printed, finding.printed), (key, note.printed, finding.printed)
        assert _same(note.computed, finding.computed), (key, note.computed, finding.computed)


def test_every_check_compares_something_and_is_listed_in_the_package():
    findings = integrity.all_findings()
    ran = {f.check for f in findings}
    fields = data.resource_descriptor("data_notes")["schema"]["fields"]
    listed = next(f for f in fields if f["name"] == "check")["constraints"]["enum"]
    assert ran == set(listed)
    assert all(isinstance(f.consistent, bool) for f in findings)


def test_discrepancies_are_exactly_the_inconsistent_findings():
    everything = integrity.all_findings()
    assert integrity.run_all_checks() == [f for f in everything if not f.consistent]
    assert any(f.consistent for f in everything)


# --- tiny inline frames ------------------------------------------------------------------------

CLAIM_COLUMNS = ["claim_id", "report_section", "company", "product", "segment", "metric", "qualifier", "value", "unit",
                 "printed_resolution", "period", "value_printed"]


def claims(*rows) -> pd.DataFrame:
    """A claims frame from dicts; missing columns are empty."""
    frame = pd.DataFrame([{c: row.get(c) for c in CLAIM_COLUMNS} for row in rows])
    frame["value"] = frame["value"].astype(float)
    frame["printed_resolution"] = frame["printed_resolution"].astype(float)
    return frame


def bad(findings: list[Finding]) -> list[Finding]:
    return [f for f in findings if not f.consistent]


def segments(values: dict[str, dict[int, float]]) -> pd.DataFrame:
    return pd.DataFrame([{"segment": s, "year": y, "revenue_usd_million": float(v)}
                         for s, series in values.items() for y, v in series.items()])


def totals(table: str, values: dict[int, float]) -> pd.DataFrame:
    return pd.DataFrame([{"table": table, "year": y, "total_usd_million": float(v)} for y, v in values.items()])


def test_market_totals_allow_half_a_unit_per_row():
    seg = segments({"A": {2021: 10, 2022: 20}, "B": {2021: 5, 2022: 6}})
    assert not bad(integrity.check_market_totals(seg, totals("application", {2021: 16, 2022: 26}), "application"))
    off = bad(integrity.check_market_totals(seg, totals("application", {2021: 17, 2022: 26}), "application"))
    assert [(f.record, f.printed, f.computed, f.tolerance) for f in off] == [("table=application; year=2021", 17.0, 15.0, 1.0)]


def test_market_tables_must_print_the_same_totals():
    both = pd.concat([totals("application", {2021: 100}), totals("device", {2021: 100})])
    assert not bad(integrity.check_market_tables_agree(both))
    both = pd.concat([totals("application", {2021: 100}), totals("device", {2021: 101})])
    assert len(bad(integrity.check_market_tables_agree(both))) == 1


def test_cagr_allows_for_rounded_cells_but_no_more():
    # 7 -> 194 over five years is 94.3 %, but 6.5 -> 194.5 gives 97.3 %: a printed 95.8 % is consistent.
    seg = segments({"Storage": {2021: 7, 2026: 194}, "Big": {2021: 1000, 2026: 2000}})
    tot = totals("application", {2021: 1007, 2026: 2194})
    cagr = pd.DataFrame({"table": "application", "segment": ["Storage", "Big", "Total"], "cagr_2021_2026_pct": [95.8, 14.9, 16.9]})
    assert not bad(integrity.check_market_cagr(seg, tot, cagr, "application"))
    cagr["cagr_2021_2026_pct"] = [99.0, 15.0, 16.9]  # beyond the rounding range; Big's 14.87 % is not 15.0
    assert sorted(f.record for f in bad(integrity.check_market_cagr(seg, tot, cagr, "application"))) == [
        "table=application; segment=Big", "table=application; segment=Storage"]


def test_market_claims_growth_share_and_size():
    app = segments({"Phones": {2021: 100, 2022: 150}, "Cars": {2021: 100, 2022: 50}})
    dev = segments({"GPU": {2021: 200, 2022: 200}})
    tot = totals("application", {2021: 200, 2022: 200})
    good = claims({"claim_id": "C1", "segment": "Phones", "metric": "yoy_growth", "value": 50.0, "printed_resolution": 0.1, "period": "2022"},
                  {"claim_id": "C2", "segment": "Phones", "metric": "share_of_market", "value": 75.0, "printed_resolution": 0.1, "period": "2022"},
                  {"claim_id": "C3", "segment": "Total", "metric": "market_revenue", "value": 200, "printed_resolution": 100, "period": "2022"})
    assert not bad(integrity.check_market_claims(good, app, dev, tot))
    wrong = claims({"claim_id": "C4", "segment": "Cars", "metric": "share_of_market", "value": 40.0, "printed_resolution": 0.1, "period": "2022"})
    assert [f.computed for f in bad(integrity.check_market_claims(wrong, app, dev, tot))] == [25.0]


def test_restated_claims_must_agree():
    same = claims({"claim_id": "C1", "metric": "cabinets", "value": 11, "report_section": "§4 Tesla"},
                  {"claim_id": "C2", "metric": "cabinets", "value": 11, "report_section": "§ Success factors"})
    assert len(integrity.check_restated_claims(same)) == 1 and not bad(integrity.check_restated_claims(same))
    same.loc[1, "value"] = 10
    assert [f.record for f in bad(integrity.check_restated_claims(same))] == ["claim_id=C2"]


def test_korean_amounts_are_spelled_out():
    assert integrity.korean_number("1억 5,000만 달러") == 150_000_000
    assert integrity.korean_number("300만 유로") == 3_000_000
    assert integrity.korean_number("2억 7천만 달러가 넘는") == 270_000_000
    assert integrity.korean_number("1조 2,000억개") == 1.2e12
    assert integrity.korean_number("565억원") == 56_500_000_000


def test_printed_amounts_catch_a_mistyped_amount_or_currency():
    rounds = pd.DataFrame({"company": ["Hailo", "Hailo"], "date": pd.to_datetime(["2019-01", "2019-01"]), "round": ["Grant", "Series A"],
                           "amount_printed": ["300만 유로", "850만 달러"], "amount_million": [3.0, 8.5], "currency": ["EUR", "USD"]})
    wse = pd.DataFrame({"generation": ["WSE-2"], "transistors_printed": ["2조 6천억개"], "transistors_trillion": [2.6]})
    money = claims({"claim_id": "C1", "unit": "KRW million", "value": 56500, "value_printed": "565억원"})
    assert not bad(integrity.check_printed_amounts(rounds, money, wse))
    rounds.loc[0, "currency"] = "USD"
    rounds.loc[1, "amount_million"] = 85.0
    assert len(bad(integrity.check_printed_amounts(rounds, money, wse))) == 2


ROUNDS = pd.DataFrame({
    "company": ["Hailo", "Hailo", "Hailo", "Kneron", "Kneron"],
    "date": pd.to_datetime(["2018-06", "2019-01", "2021-06", "2017-11", "2018-05"]),
    "round_type": ["Series A", "Grant", "Series C", "Series A", "Series A"],
    "amount_million": [80.0, 10.0, 100.0, 15.0, 18.0],
    "currency": ["USD", "EUR", "USD", "USD", "USD"],
})


def test_funding_totals_add_usd_rounds_only():
    # 180 USD + 10 EUR: "more than 180" fails, because euros are not converted.
    total = claims({"claim_id": "C1", "company": "Hailo", "metric": "funding_total", "qualifier": "more than", "value": 180, "printed_resolution": 10})
    [finding] = integrity.check_funding_claims(total, ROUNDS)
    assert not finding.consistent and finding.computed == 180.0 and "10 EUR million not added" in finding.note
    total.loc[0, "value"] = 170
    assert not bad(integrity.check_funding_claims(total, ROUNDS))


def test_funding_named_rounds_and_cut_off_dates():
    named = claims({"claim_id": "C1", "company": "Kneron", "metric": "series_a_amount", "value": 33, "printed_resolution": 1, "period": None},
                   {"claim_id": "C2", "company": "Kneron", "metric": "series_a_amount", "value": 15, "printed_resolution": 1, "period": "2017-11"},
                   {"claim_id": "C3", "company": "Hailo", "metric": "funding_total", "qualifier": "about", "value": 80, "printed_resolution": 1, "period": "to 2020-12"})
    assert not bad(integrity.check_funding_claims(named, ROUNDS))
    named.loc[1, "value"] = 33  # the November 2017 round alone is 15
    assert [f.record for f in bad(integrity.check_funding_claims(named, ROUNDS))] == ["claim_id=C2"]


def dojo(cabinets: float) -> pd.DataFrame:
    section = "§4 Tesla"
    return claims(
        {"claim_id": "C1", "report_section": section, "product": "D1", "metric": "training_nodes_per_chip", "value": 354},
        {"claim_id": "C2", "report_section": section, "product": "Dojo training tile", "metric": "d1_chips_per_tile", "value": 25},
        {"claim_id": "C3", "report_section": section, "product": "Dojo training tile", "metric": "peak_performance", "value": 9},
        {"claim_id": "C4", "report_section": section, "product": "Dojo cabinet", "metric": "tiles_per_cabinet", "value": 12},
        {"claim_id": "C5", "report_section": section, "product": "Dojo ExaPod", "metric": "cabinets_per_exapod", "value": cabinets},
        {"claim_id": "C6", "report_section": section, "product": "Dojo ExaPod", "metric": "peak_performance", "value": 1.1, "printed_resolution": 0.1})


def test_dojo_hierarchy_multiplies_out():
    [ten] = integrity.check_dojo_hierarchy(dojo(10))
    assert ten.consistent and ten.computed == pytest.approx(1.08) and "3,000 D1 chips" in ten.note
    [eleven] = integrity.check_dojo_hierarchy(dojo(11))
    assert not eleven.consistent and eleven.computed == pytest.approx(1.188)


def test_graphcore_pods_are_built_of_m2000s():
    platforms = pd.DataFrame({"product": ["IPU-M2000", "IPU-POD16", "IPU-POD64", "GraphCloud"],
                              "ipu_processors_printed": [4, None, None, None], "m2000_units_printed": [None, 4, None, None],
                              "pflops_printed": [1.0, 4.0, 16.0, None]})
    assert len(integrity.check_graphcore_platforms(platforms)) == 3 and not bad(integrity.check_graphcore_platforms(platforms))
    platforms.loc[2, "pflops_printed"] = 20.0
    platforms.loc[1, "m2000_units_printed"] = 8
    assert sorted(f.record for f in bad(integrity.check_graphcore_platforms(platforms))) == [
        "product=IPU-POD16", "product=IPU-POD64"]



def test_graphcore_platforms_carry_a_processor_of_the_processor_table():
    processors = pd.DataFrame({"product": ["Colossus™ MK1-GC2 IPU", "Colossus™ MK2 GC2000 IPU"]})
    platforms = pd.DataFrame({"product": ["IPU-M2000", "IPU-POD16"], "ipu_processors_printed": [4, None],
                              "features_ko": ["4개의 ColossusTM MK2 GC2000 IPU 프로세서 탑재, 1 PetaFLOPS 달성",
                                              "4개의 IPU-M2000 연결, 4 PetaFLOPS 달성"]})
    found = integrity.check_graphcore_platform_processors(platforms, processors)
    assert [f.record for f in found] == ["product=IPU-M2000"] * 2 and not bad(found)
    assert found[0].computed == "Colossus™ MK2 GC2000 IPU"
    platforms.loc[0, "features_ko"] = "8개의 Colossus™ MK3 GC300 IPU 프로세서 탑재"
    wrong = bad(integrity.check_graphcore_platform_processors(platforms, processors))
    assert [(f.printed, f.computed) for f in wrong] == [("Colossus™ MK3 GC300 IPU", "not in graphcore_ipu_processors"),
                                                        (4.0, 8.0)]

def wse(unit2: str = "PB/s", density2: float = 56.247) -> pd.DataFrame:
    return pd.DataFrame({"generation": ["WSE-1", "WSE-2"], "ai_cores": [400000, 850000], "memory_bandwidth": [9.0, 20.0],
                         "memory_bandwidth_unit": ["PB/s", unit2], "fabric_bandwidth_pbit_s": [100.0, 220.0],
                         "transistors_trillion": [1.2, 2.6], "die_area_mm2": [46225.0, 46225.0], "density_mtr_per_mm2": [25.96, density2]})


def test_wse_increase_reads_values_in_their_printed_units():
    increase = pd.DataFrame({"metric": ["ai_cores", "memory_bandwidth", "fabric_bandwidth_pbit_s", "die_area_mm2"],
                             "increase_x": [2.13, 2.22, 2.2, None]})
    assert len(integrity.check_wse_increase(wse(), increase)) == 3 and not bad(integrity.check_wse_increase(wse(), increase))
    [unit] = bad(integrity.check_wse_increase(wse(unit2="Pb/s"), increase))
    assert unit.record == "metric=memory_bandwidth" and unit.computed == pytest.approx(2.5 / 9)
    increase.loc[2, "increase_x"] = 2.22
    assert [f.record for f in bad(integrity.check_wse_increase(wse(), increase))] == ["metric=fabric_bandwidth_pbit_s"]


def test_wse_density_to_the_printed_digits():
    assert not bad(integrity.check_wse_density(wse(density2=56.247)))
    [truncated] = bad(integrity.check_wse_density(wse(density2=56.246)))
    assert truncated.record == "generation=WSE-2" and truncated.tolerance == pytest.approx(0.0005)


def test_prose_against_tables_compares_values_and_units():
    tables = {name: data.load(name) for name in
              ["cerebras_wse", "tpu_generations", "hailo8_products", "kneron_products", "nvidia_investments_2021"]}
    real = data.load("claims")
    die = real[real["metric"] == "die_area"].astype({"unit": str})
    assert [f.printed for f in bad(integrity.check_prose_against_tables(die, tables))] == ["46225 m²"]
    die["unit"] = "mm²"
    assert not bad(integrity.check_prose_against_tables(die, tables))
    edge = real[(real["product"] == "Edge TPU") & (real["metric"] == "peak_performance")].copy()
    edge["value"] = 8.0
    assert [f.computed for f in bad(integrity.check_prose_against_tables(edge, tables))] == [4.0]


def test_kneron_model_size_within_its_limits():
    size = claims({"claim_id": "C1", "product": "Kneron-003", "metric": "model_size", "qualifier": "at most", "value": 64, "printed_resolution": 1},
                  {"claim_id": "C2", "product": "Kneron-003", "metric": "model_size", "value": 57, "printed_resolution": 1})
    products = pd.DataFrame({"product": ["Kneron-003"], "model_size_limit_mb": [64]})
    assert not bad(integrity.check_kneron_model_size(size, products))
    size.loc[0, "value"] = 50
    assert [f.record for f in bad(integrity.check_kneron_model_size(size, products))] == ["claim_id=C1"]


def test_nervana_timeline_adds_up():
    timeline = claims(
        {"claim_id": "C1", "product": "Nervana NNP-T/NNP-I", "metric": "announcement_year", "value": 2019, "period": "2019-11"},
        {"claim_id": "C2", "product": "Nervana NNP-T/NNP-I", "metric": "months_to_discontinuation", "value": 3},
        {"claim_id": "C3", "product": "Nervana NNP-T/NNP-I", "metric": "development_halted_year", "value": 2020, "period": "2020-02"})
    deals = pd.DataFrame({"acquirer": ["Intel"], "target": ["Habana Labs"], "year": [2019]})
    assert not bad(integrity.check_nervana_timeline(timeline, deals))
    timeline.loc[1, "value"] = 6
    deals.loc[0, "year"] = 2018
    assert len(bad(integrity.check_nervana_timeline(timeline, deals))) == 2


def test_cagr_bounds_bracket_the_rate_and_ties_are_overlapping_ranges():
    from lib.integrity import cagr_bounds, ranges_overlap

    dsp, mcu = cagr_bounds(14, 216, 5), cagr_bounds(49, 755, 5)
    assert dsp[0] == pytest.approx(71.56, abs=0.01) and dsp[1] == pytest.approx(74.19, abs=0.01)
    assert mcu[0] < ((755 / 49) ** 0.2 - 1) * 100 < mcu[1]
    assert ranges_overlap(dsp, mcu) and ranges_overlap(mcu, dsp)
    assert not ranges_overlap(cagr_bounds(2107, 11360, 5), cagr_bounds(4786, 12200, 5))
    exact = cagr_bounds(100, 121, 2, half=0.0)
    assert exact[0] == pytest.approx(10.0) and exact[1] == pytest.approx(10.0)

def test_cs2_rack_fraction_within_one_rack_unit():
    claims = pd.DataFrame({"claim_id": ["a", "b"], "product": ["CS-2", "CS-2"],
                           "metric": ["height", "rack_fraction"], "report_section": ["s", "s"],
                           "value": [26.0, 1 / 3]})
    finding = integrity.check_cs2_rack(claims)
    assert finding.consistent and finding.computed == pytest.approx(26 / 1.75 / 42)
    taller = claims.assign(value=[40.0, 1 / 3])
    assert not integrity.check_cs2_rack(taller).consistent


def test_tpu_pod_speedup_cannot_fail_at_one_significant_figure():
    claims = pd.DataFrame([
        {"claim_id": "C1", "report_section": "§5 Google", "product": "TPU v4", "metric": "per_chip_speedup_vs_v3",
         "value": 2.0, "printed_resolution": 1.0},
        {"claim_id": "C2", "report_section": "§5 Google", "product": "TPU v4 pod", "metric": "chips_per_pod",
         "value": 4096.0, "printed_resolution": 1.0},
        {"claim_id": "C3", "report_section": "§5 Google", "product": "TPU v4 pod", "metric": "peak_performance",
         "value": 1.0, "printed_resolution": 1.0}])
    tpu = pd.DataFrame({"generation": ["TPU v3"], "tops": [90.0]})
    [finding] = integrity.check_tpu_pod_speedup(claims, tpu)
    assert finding.computed == pytest.approx(1e6 / 4096 / 90)
    assert finding.consistent
    [far] = integrity.check_tpu_pod_speedup(claims.assign(value=[9.0, 4096.0, 1.0]), tpu)
    assert not far.consistent
