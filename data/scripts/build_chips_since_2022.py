"""Convert the reference table of AI chips announced or documented after the report into ``chips_since_2022.csv``.

The input is the curated reference table ``since-2022/chips.csv`` (one row per
chip: vendor, product, peak compute by precision, memory, bandwidth, power,
process node, notes, source URL, the exact quoted phrase and a confidence).
Its cells mix numbers with units and qualifiers ("32 GiB HBM2", "820 GiB/s",
"989* (listed as 'FP16 Tensor', dense)"). This script turns them into tidy,
typed columns:

* every number is written by hand in ``PARSED`` below, and the script asserts
  that each one appears in the reference cell it was read from, so a typing
  slip fails the run;
* memory capacity keeps the vendor's own value and unit (GB or GiB, MB for
  on-chip SRAM) and adds ``memory_gb``, the same amount in decimal gigabytes
  (1 GiB = 2^30 bytes = 1.073741824 GB; 1 MB = 0.001 GB);
* memory bandwidth keeps the vendor's value and unit (GB/s, GiB/s, TB/s) and
  adds ``memory_bandwidth_gb_s`` in decimal GB/s (1 TB/s = 1000 GB/s;
  1 GiB/s = 1.073741824 GB/s; Google's "GBps" is read as GB/s);
* a field stays empty where the reference gives no first-rate figure: values
  it marks as assumed, expected ("989?"), "not verified" or "not captured" are
  not recorded as numbers (the reference's own text is kept in ``other_peak``
  and ``spec_notes``);
* the source URL(s), the exact quote and the confidence are copied unchanged
  (several URLs are joined by " ; " as elsewhere in the data package).

Run from the repository root::

    python data/scripts/build_chips_since_2022.py [path/to/since-2022/chips.csv]
    python data/scripts/update_datapackage.py

The default input is ``data/sources/since-2022/chips.csv``, the reference table as collected.
"""

from __future__ import annotations

import csv
import re
import sys
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent
DEFAULT_INPUT = DATA / "sources" / "since-2022" / "chips.csv"
OUTPUT = DATA / "chips_since_2022.csv"

GIB_IN_GB = 2**30 / 1e9  # 1.073741824

# Book's company name (as in companies.csv) for each vendor of the reference.
COMPANY = {
    "Google": "Google",
    "AWS (Annapurna Labs)": "Amazon",
    "NVIDIA": "NVIDIA",
    "AMD": "AMD",
    "Intel (Habana)": "Habana Labs",
    "Intel": "Intel",
    "Cerebras": "Cerebras",
    "SambaNova": "SambaNova",
    "Graphcore": "Graphcore",
    "Hailo": "Hailo",
    "Tesla": "Tesla",
}

# Per product, the values read from the reference's cells. Keys:
#   month: announcement year-month, only where the reference does not mark that date "not re-verified"
#   bf16, fp16, fp8, int8: peak (TFLOPS or TOPS) recorded only where the reference states it
#   fp8_format: the 8-bit float format the vendor names (plain FP8 or a variant)
#   basis: how the peak relates to sparsity (see SPARSITY_BASIS)
#   mem, mem_unit, mem_type: main memory as the vendor states it
#   bw, bw_unit: memory bandwidth as the vendor states it
#   tdp: power in watts, only where a first-rate source gives a per-chip TDP
#   node: process node, only where the reference does not mark it unverified
#   segment: data_center or edge
PARSED = {
    "TPU v4": dict(bf16=275, int8=275, basis="no_sparsity_published", mem=32, mem_unit="GiB", mem_type="HBM2",
                   bw=1200, bw_unit="GB/s"),
    "TPU v5e": dict(month="2023-08", bf16=197, int8=393, basis="no_sparsity_published", mem=16, mem_unit="GB",
                    mem_type="HBM2", bw=819, bw_unit="GB/s"),
    "TPU v5p": dict(month="2023-12", bf16=459, fp8=459, fp8_format="FP8", basis="no_sparsity_published", mem=95,
                    mem_unit="GiB", mem_type="HBM", bw=2765, bw_unit="GB/s"),
    "TPU v6e (Trillium)": dict(month="2024-05", bf16=918, int8=1836, basis="no_sparsity_published", mem=32,
                               mem_unit="GB", mem_type="HBM", bw=1638, bw_unit="GB/s"),
    "TPU7x (Ironwood)": dict(month="2025-04", bf16=2307, fp8=4614, fp8_format="FP8", basis="no_sparsity_published",
                             mem=192, mem_unit="GiB", mem_type="HBM"),
    "Inferentia2": dict(bf16=190, fp16=190, fp8=190, fp8_format="cFP8", int8=380, basis="dense_stated_or_sparse_listed",
                        mem=32, mem_unit="GiB", mem_type="HBM", bw=820, bw_unit="GiB/s"),
    "Trainium (Trn1)": dict(bf16=190, fp16=190, fp8=190, fp8_format="cFP8", int8=380,
                            basis="dense_stated_or_sparse_listed", mem=32, mem_unit="GiB", mem_type="HBM", bw=820,
                            bw_unit="GiB/s"),
    "Trainium2 (Trn2)": dict(month="2023-11", bf16=667, fp16=667, fp8=1299, fp8_format="FP8",
                             basis="dense_stated_or_sparse_listed", mem=96, mem_unit="GiB", mem_type="HBM", bw=2.9,
                             bw_unit="TB/s"),
    "Trainium3 (Trn3)": dict(month="2024-12", bf16=671, fp16=671, fp8=2517, fp8_format="MXFP8/MXFP4",
                             basis="dense_stated_or_sparse_listed", mem=144, mem_unit="GiB", mem_type="device memory",
                             bw=4.9, bw_unit="TB/s"),
    "H100 SXM": dict(month="2022-03", fp16=989, int8=1979, basis="dense_by_convention", mem=80, mem_unit="GB",
                     mem_type="HBM3", bw=3.35, bw_unit="TB/s", node="TSMC 4N"),
    "H200 SXM": dict(month="2023-11", basis="not_stated", mem=141, mem_unit="GB", mem_type="HBM3E", bw=4.8,
                     bw_unit="TB/s"),
    "B200 (Blackwell)": dict(month="2024-03", basis="not_stated", mem=192, mem_unit="GB", mem_type="HBM3E", bw=8,
                             bw_unit="TB/s", node="TSMC 4NP (4nm-class)"),
    "Instinct MI300X": dict(month="2023-06", basis="not_stated", mem=192, mem_unit="GB", mem_type="HBM3", tdp=750),
    "Instinct MI325X": dict(month="2024-06", basis="not_stated", mem=288, mem_unit="GB", mem_type="HBM3E", bw=6,
                            bw_unit="TB/s"),
    "Instinct MI355X (MI350 series)": dict(month="2025-06", basis="not_stated", mem=288, mem_unit="GB",
                                           mem_type="HBM3E", bw=8, bw_unit="TB/s", tdp=1400),
    "Gaudi 2": dict(basis="not_stated", mem=96, mem_unit="GB"),
    "Gaudi 3": dict(month="2024-04", basis="not_stated", mem=128, mem_unit="GB"),
    "Crescent Island (Xe3P data-center inference GPU)": dict(month="2025-10", basis="not_stated", mem=160,
                                                             mem_unit="GB", mem_type="LPDDR5X"),
    "WSE-3 (CS-3)": dict(month="2024-03", basis="not_stated", mem=44, mem_unit="GB", mem_type="on-chip SRAM",
                         node="TSMC 5nm-class"),
    "SN40L RDU": dict(basis="not_stated", mem=64, mem_unit="GB", mem_type="HBM", node="TSMC 5nm"),
    "Bow IPU": dict(month="2022-03", basis="not_stated", mem=900, mem_unit="MB", mem_type="on-chip SRAM",
                    node="TSMC 7nm, wafer-on-wafer"),
    "Hailo-10 (10H)": dict(month="2024-04", int8=20, basis="not_stated", segment="edge"),
    "D1 (Dojo) [pre-2022 baseline]": dict(month="2021-08", bf16=362, basis="not_stated", mem_type="on-chip SRAM",
                                          node="TSMC 7nm"),
}

SPARSITY_BASIS = {
    "no_sparsity_published": "The vendor publishes no sparsity figure; the peak is read as dense.",
    "dense_stated_or_sparse_listed": "The vendor lists sparse figures separately (or only dense ones); the peak is dense.",
    "dense_by_convention": "The source table follows the dense convention (its A100 column shows 312/624, the dense rates).",
    "not_stated": "The source does not say whether a peak is dense or sparse, or gives no peak.",
}

PEAK_COLUMNS = [("BF16", "peak_bf16_dense_tflops"), ("FP8", "peak_fp8_dense_tflops"), ("INT8", "peak_int8_dense_tops")]

HEADER = [
    "product", "company", "vendor", "segment", "announced_as_given", "announced", "status_2026",
    "peak_bf16_tflops", "peak_fp16_tflops", "peak_fp8_tflops", "fp8_format", "peak_int8_tops", "sparsity_basis",
    "peak_as_given", "other_peak", "memory_as_given", "memory_value", "memory_unit", "memory_type", "memory_gb",
    "memory_bandwidth_as_given", "memory_bandwidth_value", "memory_bandwidth_unit", "memory_bandwidth_gb_s", "tdp_w", "power_as_given",
    "process_node", "spec_notes", "source_url", "quote", "confidence",
]


def _number_text(value: float) -> str:
    """A number as written in a reference cell (no trailing .0; thousands with or without a comma)."""
    return f"{value:g}"


def _appears(value: float, *cells: str) -> bool:
    text = " ".join(cells).replace(",", "")
    return re.search(rf"(?<![\d.]){re.escape(_number_text(value))}(?![\d])", text) is not None


def _fmt(value: float | None, digits: int = 3) -> str:
    if value is None:
        return ""
    rounded = round(value, digits)
    return f"{rounded:g}" if rounded != int(rounded) else str(int(rounded))


def memory_gb(value: float, unit: str) -> float:
    """Convert a memory capacity to decimal gigabytes (10^9 bytes)."""
    return {"GB": 1.0, "GiB": GIB_IN_GB, "MB": 1e-3}[unit] * value


def bandwidth_gb_s(value: float, unit: str) -> float:
    """Convert a memory bandwidth to decimal GB/s (10^9 bytes per second)."""
    return {"GB/s": 1.0, "GiB/s": GIB_IN_GB, "TB/s": 1000.0}[unit] * value


def convert_row(row: dict) -> list[str]:
    product = row["product"]
    parsed = PARSED[product]
    compute_cells = (row["peak_bf16_dense_tflops"], row["peak_fp8_dense_tflops"], row["peak_int8_dense_tops"],
                     row["quote"])
    for key in ("bf16", "fp16", "fp8", "int8"):
        if key in parsed:
            assert _appears(parsed[key], *compute_cells), (product, key, parsed[key])
    if "mem" in parsed:
        assert _appears(parsed["mem"], row["memory"], row["other_peak"], row["quote"]), (product, "memory")
        assert parsed["mem_unit"] in row["memory"] + row["other_peak"] + row["quote"], (product, "memory unit")
    if "mem_type" in parsed and parsed["mem_type"] != "device memory":
        assert parsed["mem_type"].split()[-1] in row["memory"] + row["quote"], (product, "memory type")
    if "bw" in parsed:
        assert _appears(parsed["bw"], row["memory_bandwidth"], row["quote"]), (product, "bandwidth")
    if "tdp" in parsed:
        assert _appears(parsed["tdp"], row["tdp_w"]), (product, "tdp")
    if "month" in parsed:
        first_clause = row["announced"].split(";")[0].split(")")[0]
        assert "not re-verified" not in first_clause and row["announced"].startswith(parsed["month"]), product
    if "node" in parsed:
        assert "not verified" not in row["process_node"] and row["process_node"], product

    mem = parsed.get("mem")
    bw = parsed.get("bw")
    return [
        product,
        COMPANY[row["company"]],
        row["company"],
        parsed.get("segment", "data_center"),
        row["announced"],
        parsed.get("month", ""),
        row["status_2026"],
        *(_fmt(parsed.get(key)) for key in ("bf16", "fp16", "fp8")),
        parsed.get("fp8_format", ""),
        _fmt(parsed.get("int8")),
        parsed["basis"],
        "; ".join(f"{label}: {row[column]}" for label, column in PEAK_COLUMNS if row[column]),
        row["other_peak"],
        row["memory"],
        _fmt(mem), parsed.get("mem_unit", ""), parsed.get("mem_type", ""),
        _fmt(memory_gb(mem, parsed["mem_unit"]) if mem is not None else None),
        row["memory_bandwidth"],
        _fmt(bw), parsed.get("bw_unit", ""),
        _fmt(bandwidth_gb_s(bw, parsed["bw_unit"]) if bw is not None else None, 1),
        _fmt(parsed.get("tdp")),
        row["tdp_w"],
        parsed.get("node", ""),
        row["spec_notes"],
        " ; ".join(url.strip() for url in row["source_url"].split(" | ")),
        row["quote"],
        row["confidence"],
    ]


def main(argv: list[str]) -> int:
    source = Path(argv[0]) if argv else DEFAULT_INPUT
    with source.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert {r["product"] for r in rows} == set(PARSED), set(PARSED) ^ {r["product"] for r in rows}
    with OUTPUT.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(HEADER)
        writer.writerows(convert_row(row) for row in rows)
    print(f"wrote {len(rows)} rows to {OUTPUT.relative_to(DATA.parent)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
