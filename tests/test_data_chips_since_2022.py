"""Content of chips_since_2022: conversions, empty fields, sources, and agreement with its conversion script."""

import importlib.util
import re

import pandas as pd
import pytest

from lib import data

GIB = 2**30 / 1e9


@pytest.fixture(scope="module")
def chips() -> pd.DataFrame:
    return data.load("chips_since_2022").set_index("product")


def test_loads_validated_with_units(chips):
    assert len(chips) == 23
    units = data.load("chips_since_2022").attrs["units"]
    assert units["memory_gb"] == "GB" and units["memory_bandwidth_gb_s"] == "GB/s"
    assert units["peak_bf16_tflops"] == "TFLOPS" and units["peak_int8_tops"] == "TOPS" and units["tdp_w"] == "W"


def test_companies_are_the_books_names(chips):
    companies = set(data.load("companies")["company"])
    assert set(chips["company"]) <= companies


def test_memory_is_converted_from_the_vendors_unit(chips):
    factor = chips["memory_unit"].astype(str).map({"GB": 1.0, "GiB": GIB, "MB": 0.001})
    has = chips["memory_value"].notna()
    assert (chips["memory_unit"].notna() == has).all() and (chips["memory_gb"].notna() == has).all()
    assert (chips.loc[has, "memory_gb"] - chips.loc[has, "memory_value"] * factor[has]).abs().max() < 5e-4
    assert chips.loc["TPU v4", "memory_gb"] == pytest.approx(34.36, abs=0.01)  # 32 GiB is 34.36 GB
    assert chips.loc["Bow IPU", "memory_gb"] == pytest.approx(0.9)


def test_bandwidth_is_converted_to_decimal_gb_per_second(chips):
    factor = chips["memory_bandwidth_unit"].astype(str).map({"GB/s": 1.0, "GiB/s": GIB, "TB/s": 1000.0})
    has = chips["memory_bandwidth_value"].notna()
    assert (chips["memory_bandwidth_gb_s"].notna() == has).all()
    converted = chips.loc[has, "memory_bandwidth_value"] * factor[has]
    assert (chips.loc[has, "memory_bandwidth_gb_s"] - converted).abs().max() <= 0.05
    assert chips.loc["Inferentia2", "memory_bandwidth_gb_s"] == pytest.approx(880.5, abs=0.1)  # 820 GiB/s
    # Google's two v5p documents agree once units are converted: 2575 GiB/s = 2765 GB/s.
    assert 2575 * GIB == pytest.approx(chips.loc["TPU v5p", "memory_bandwidth_gb_s"], abs=1)


def test_fields_without_a_first_rate_source_stay_empty(chips):
    assert chips.loc[["H200 SXM", "B200 (Blackwell)", "Instinct MI355X (MI350 series)", "WSE-3 (CS-3)"],
                     ["peak_bf16_tflops", "peak_fp16_tflops", "peak_fp8_tflops", "peak_int8_tops"]].isna().all().all()
    assert pd.isna(chips.loc["H100 SXM", "peak_bf16_tflops"])  # the source says FP16; BF16 would be an assumption
    assert pd.isna(chips.loc["TPU7x (Ironwood)", "memory_bandwidth_gb_s"])
    assert chips.loc["WSE-3 (CS-3)", ["memory_bandwidth_gb_s", "tdp_w"]].isna().all()
    assert chips.loc[["Gaudi 2", "Gaudi 3"], ["memory_type", "tdp_w", "process_node"]].isna().all().all()
    assert pd.isna(chips.loc["TPU v4", "tdp_w"])  # Google gives measured power, not a TDP
    assert chips["announced"].isna().sum() == 5  # TPU v4, Inferentia2, Trn1, Gaudi 2, SN40L: dates not re-verified


def test_every_recorded_peak_is_in_the_quote_or_the_reference_cells(chips):
    for product, row in chips.iterrows():
        text = f"{row['quote']} {row['peak_as_given']}".replace(",", "")
        for column in ("peak_bf16_tflops", "peak_fp16_tflops", "peak_fp8_tflops", "peak_int8_tops"):
            if pd.notna(row[column]):
                assert re.search(rf"(?<![\d.]){row[column]:g}(?!\d)", text), (product, column)
    expected_only = chips["peak_as_given"].fillna("").str.contains(r"\?")  # AnandTech's "989?" = expected, not stated
    assert expected_only.sum() == 1
    assert chips.loc[expected_only, ["peak_bf16_tflops", "peak_int8_tops"]].isna().all().all()


def test_fp8_format_goes_with_an_fp8_figure(chips):
    assert (chips["fp8_format"].notna() == chips["peak_fp8_tflops"].notna()).all()
    assert chips.loc["Trainium3 (Trn3)", "fp8_format"] == "MXFP8/MXFP4"


def test_sources_quotes_and_confidence(chips):
    for product, row in chips.iterrows():
        assert all(url.startswith("https://") for url in row["source_url"].split(" ; ")), product
        assert row["quote"].strip(), product
    assert set(chips["confidence"].astype(str)) == {"high", "medium"}


def test_cross_checks_stated_in_the_reference(chips):
    # Trillium: "4.7x peak compute per chip vs v5e".
    assert chips.loc["TPU v6e (Trillium)", "peak_bf16_tflops"] / chips.loc["TPU v5e", "peak_bf16_tflops"] == \
        pytest.approx(4.66, abs=0.01)
    # Trn2 UltraServer instance of 16 chips: 20.8 FP8 PF and 10.7 BF16 PF.
    assert 16 * chips.loc["Trainium2 (Trn2)", "peak_fp8_tflops"] / 1000 == pytest.approx(20.8, abs=0.05)
    assert 16 * chips.loc["Trainium2 (Trn2)", "peak_bf16_tflops"] / 1000 == pytest.approx(10.7, abs=0.05)
    # INT8 = 2 x BF16 on the chips that publish both, except TPU v4 (one figure for both).
    both = chips.dropna(subset=["peak_bf16_tflops", "peak_int8_tops"]).drop("TPU v4")
    assert ((both["peak_int8_tops"] / both["peak_bf16_tflops"]).round(2).between(1.99, 2.0)).all()


def test_conversion_script_reproduces_the_file(tmp_path, monkeypatch):
    path = data.DATA_DIR / "scripts" / "build_chips_since_2022.py"
    spec = importlib.util.spec_from_file_location("build_chips_since_2022", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    monkeypatch.setattr(module, "OUTPUT", tmp_path / "chips_since_2022.csv")
    monkeypatch.setattr(module, "DATA", tmp_path)
    module.main([])
    assert (tmp_path / "chips_since_2022.csv").read_bytes() == (data.DATA_DIR / "chips_since_2022.csv").read_bytes()
    assert module.memory_gb(1, "GiB") == pytest.approx(1.073741824)
    assert module.bandwidth_gb_s(2.9, "TB/s") == pytest.approx(2900)
