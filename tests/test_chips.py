"""The chip table: one row per chip and metric, precisions kept apart, every figure traceable."""

import pandas as pd
import pytest

from lib import chips, data


@pytest.fixture(scope="module")
def table():
    return chips.chip_table()


def test_one_row_per_chip_and_metric_with_one_unit_per_metric(table):
    assert not table.duplicated(["chip", "metric"]).any()
    assert set(table["metric"]) <= set(chips.METRICS)
    for metric, (_, unit) in chips.METRICS.items():
        assert set(table.loc[table["metric"] == metric, "unit"]) <= {unit}


def test_every_chip_is_in_the_roster_and_every_figure_has_a_source(table):
    roster = data.load("chips")
    assert set(table["chip"]) <= set(roster["chip"])
    assert (table["source"].str.len() > 0).all()
    assert set(table["kind"]) <= set(chips.KINDS)


def test_compute_figures_name_their_precision_and_others_do_not(table):
    compute = table["metric"] == "peak_compute"
    assert set(table.loc[compute, "precision"]) <= set(chips.PRECISIONS)
    assert (table.loc[~compute, "precision"] == "").all()


def test_tpu_figures_follow_the_corrections_and_keep_the_printed_value(table):
    by = table.set_index(["chip", "metric"])
    assert by.loc[("TPU v1", "peak_compute"), "value"] == 92
    assert by.loc[("TPU v1", "peak_compute"), "precision"] == chips.INT8
    assert by.loc[("TPU v1", "peak_compute"), "value_printed"].startswith("23")
    assert by.loc[("TPU v1", "peak_compute"), "corrections"] == "A9"
    assert by.loc[("TPU v3", "peak_compute"), "value"] == 123
    assert by.loc[("TPUv4i", "peak_compute"), "precision"] == chips.BF16
    assert "TPU v4" in set(table["chip"]) and by.loc[("TPU v4", "peak_compute"), "kind"] == chips.DERIVED


def test_derived_per_chip_peaks_divide_the_system_figure(table):
    by = table.set_index(["chip", "metric"])["value"]
    assert by[("D1", "peak_compute")] == pytest.approx(9000 / 25)
    assert by[("Colossus MK2 GC200", "peak_compute")] == pytest.approx(1000 / 4)
    assert by[("TPU v4", "peak_compute")] == pytest.approx(1e6 / 4096)


def test_wse2_bandwidth_is_read_in_the_corrected_unit(table):
    by = table.set_index(["chip", "metric"])
    assert by.loc[("WSE-2", "memory_bandwidth"), "value"] == 20000
    assert by.loc[("WSE-2", "memory_bandwidth"), "corrections"] == "A12"


def test_tops_per_watt_only_where_both_figures_exist(table):
    ratio = chips.tops_per_watt(table).set_index("chip")
    assert set(ratio.index) == {"Edge TPU", "Hailo-8 AI Processor"}
    assert ratio.loc["Edge TPU", "tops_per_w"] == pytest.approx(2.0)
    assert ratio.loc["Hailo-8 AI Processor", "tops_per_w"] == pytest.approx(10.4)
    assert ratio.loc["Edge TPU", "precision"] != ratio.loc["Hailo-8 AI Processor", "precision"]


def test_wide_table_has_one_row_per_chip(table):
    wide = chips.chip_wide(table)
    assert list(wide["chip"]) == list(dict.fromkeys(table["chip"]))
    assert wide.set_index("chip").loc["Edge TPU", "tops_per_w"] == pytest.approx(2.0)
    assert pd.isna(wide.set_index("chip").loc["WSE-1", "peak_compute"])


def test_coverage_counts_chips_per_metric(table):
    counts = chips.coverage(table).set_index("metric")["chips"]
    assert counts["power"] == 2 and counts["peak_compute"] == table.query("metric == 'peak_compute'")["chip"].nunique()


def test_derived_checks_recompute_from_the_source_rows(table):
    checks = chips.derived_checks(table, data.load("claims")).set_index("what")
    assert checks.loc["D1: peak per chip", "recomputed"] == pytest.approx(360)
    assert checks.loc["TPU v4 against TPU v3, per chip", "recomputed"] == pytest.approx(1e6 / 4096 / 123)
    assert checks.loc["TPU v4 against TPU v3, per chip", "verdict"].startswith("consistent")
    assert "122 to 366" in checks.loc["TPU v4: peak per chip", "verdict"]
    assert checks.loc["Hailo-8 AI Processor: compute per watt", "recomputed"] == pytest.approx(10.4)
