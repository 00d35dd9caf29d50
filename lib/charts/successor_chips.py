"""Charts and tables of "After the report": the chips the companies launched after it.

The data are ``chips_since_2022`` (one row per chip, each with its source) beside
the report's own product table (``flagship_products``). Peaks are compared at one
precision at a time, and a figure a first-rate source does not state stays empty
("not given"), never filled from a weaker one.
"""

from __future__ import annotations

import re

import altair as alt
import pandas as pd

from lib import theme
from lib.charts.params import choice_title
from lib.charts.since_2022 import source_host


PRECISIONS = {
    "BF16": ("peak_bf16_tflops", "TFLOPS"),
    "FP16": ("peak_fp16_tflops", "TFLOPS"),
    "FP8": ("peak_fp8_tflops", "TFLOPS"),
    "INT8": ("peak_int8_tops", "TOPS"),
}
"""The precisions a peak can be compared at: column of ``chips_since_2022`` and unit."""

REPORT_DATE = pd.Timestamp("2022-10-31")


def chip_era(announced, announced_as_given: str) -> str:
    """"by the report (2022)" for chips announced before 31 Oct 2022, "after the report" later,
    "date not verified" where the data give no month (a "pre-2022"/"pre-2023" note counts as before)."""
    if pd.notna(announced):
        return "by the report (2022)" if announced <= REPORT_DATE else "after the report"
    if "pre-2022" in str(announced_as_given) or "pre-2023" in str(announced_as_given):
        return "by the report (2022)"
    return "date not verified"


def chip_peaks_frame(chips: pd.DataFrame) -> pd.DataFrame:
    """One row per chip and precision (BF16, FP16, FP8, INT8) with the peak or why there is none.

    ``value`` holds the peak only where the data give it at that precision; for FP8 only
    the plain "FP8" format counts (AWS's cFP8 and the MXFP8/MXFP4 microscaling formats are
    other formats). ``status`` is "given", "not given" or "other format: <name>", and
    ``label`` the text a table or tooltip shows.
    """
    rows = []
    for chip in chips.itertuples():
        era = chip_era(chip.announced, chip.announced_as_given)
        for precision, (column, unit) in PRECISIONS.items():
            value = getattr(chip, column)
            status = "given" if pd.notna(value) else "not given"
            if precision == "FP8" and pd.notna(value) and chip.fp8_format != "FP8":
                status, value = f"other format: {chip.fp8_format}", float("nan")
            rows.append({
                "product": chip.product, "company": str(chip.company), "segment": str(chip.segment),
                "announced": chip.announced, "era": era, "precision": precision, "unit": unit,
                "value": value, "status": status,
                "label": f"{value:,.0f} {unit}" if status == "given" else status,
                "sparsity": str(chip.sparsity_basis).replace("_", " "),
                "other_peak": chip.other_peak if isinstance(chip.other_peak, str) else "",
                "source": source_host(chip.source_url), "confidence": str(chip.confidence),
            })
    return pd.DataFrame(rows)


def short_chip_name(product: str) -> str:
    """A chip's name short enough for an axis: no bracketed note, no long parenthesis, no "Instinct".

    >>> short_chip_name("Crescent Island (Xe3P data-center inference GPU)"), short_chip_name("TPU v6e (Trillium)")
    ('Crescent Island', 'TPU v6e (Trillium)')
    >>> short_chip_name("D1 (Dojo) [pre-2022 baseline]"), short_chip_name("Instinct MI355X (MI350 series)")
    ('D1 (Dojo)', 'MI355X')
    """
    name = re.sub(r"\s*\[.*?\]", "", product)
    name = re.sub(r"\s*\(([^)]*)\)", lambda m: f" ({m.group(1)})" if len(m.group(1)) <= 10 and " " not in m.group(1) else "", name)
    return name.replace("Instinct ", "").strip()


def chip_peaks_chart(peaks: pd.DataFrame, *, precision: str = "BF16") -> alt.LayerChart:
    """Peak compute per chip at one precision at a time, picked from a drop-down.

    Parameters
    ----------
    peaks : DataFrame
        :func:`chip_peaks_frame` output.
    precision : {"BF16", "FP16", "FP8", "INT8"}
        The precision the drop-down starts on.

    Returns
    -------
    alt.LayerChart
        Points on a log scale, coloured by company, filled for chips announced after
        the report and hollow for those the report could have known; chips with no
        figure at the chosen precision say "not given" (or name their other format)
        beside the axis instead of a point.
    """
    if precision not in PRECISIONS:
        raise ValueError(f"precision must be one of {list(PRECISIONS)}")
    data = peaks.assign(after=peaks["era"] == "after the report", chip=peaks["product"].map(short_chip_name),
                        when=peaks["announced"].dt.strftime("%Y-%m").fillna("date not verified"))
    order = list(data.drop_duplicates("product").sort_values(["announced", "product"], na_position="first")["chip"])
    if len(set(order)) < len(order):
        raise ValueError("two chips share a short name")
    companies = [c for c in theme.COLOURS["company"] if c in set(data["company"])]
    pick = alt.param(name="precision_pick", value=precision,
                     bind=alt.binding_select(options=list(PRECISIONS), name="Precision: "))
    y = alt.Y("chip:N", sort=order, title=None, axis=alt.Axis(labelLimit=150))
    tooltip = [alt.Tooltip("product:N", title="Chip"), alt.Tooltip("company:N", title="Company"),
               alt.Tooltip("when:N", title="Announced"), alt.Tooltip("precision:N", title="Precision"),
               alt.Tooltip("label:N", title="Peak per chip"), alt.Tooltip("sparsity:N", title="Sparsity basis"),
               alt.Tooltip("other_peak:N", title="Other figures (as given)"), alt.Tooltip("source:N", title="Source")]
    base = alt.Chart(data).transform_filter("datum.precision == precision_pick")
    colour = alt.Color("company:N", sort=companies, scale=theme.colour_scale("company", companies),
                       legend=alt.Legend(title="Company", orient="bottom", columns=2))
    points = base.transform_filter("isValid(datum.value)").mark_point(size=90, strokeWidth=2, filled=True).encode(
        x=alt.X("value:Q", scale=alt.Scale(type="log"), title="Peak per chip (TFLOPS; INT8: TOPS; log)",
                axis=alt.Axis(values=[10, 30, 100, 300, 1000, 3000, 10000], format=",")),
        y=y, stroke=colour,
        # no legend=None here: Vega-Lite merges the fill and stroke legends, and a hidden fill legend hides both
        fill=alt.condition("datum.after", alt.Color("company:N", scale=theme.colour_scale("company", companies)),
                           alt.value("white")),
        tooltip=tooltip)
    missing = base.transform_filter("!isValid(datum.value)").mark_text(
        align="left", dx=4, fontSize=11, color="#6b7280", fontStyle="italic").encode(
        x=alt.value(0), y=y, text="status:N", tooltip=tooltip)
    return alt.layer(missing, points).add_params(pick).properties(
        height=22 * len(order),
        title=alt.Title(choice_title("Peak compute per chip, at one precision:", "precision_pick", list(PRECISIONS)),
                        subtitle=["Source: vendor documentation and press (chips_since_2022; see sources table)",
                                  "Filled: announced after Oct 2022; hollow: by then or date not verified. "
                                  "Peaks are vendor maxima, not delivered speed"]),
        description=("Dot chart of peak compute per chip on a log scale for the successor chips of the report's "
                     "companies and their rivals, at one precision chosen from a drop-down (BF16, FP16, FP8, INT8); "
                     "chips without a first-rate figure at that precision are labelled 'not given'. "
                     f"Chips: {', '.join(order)}."),
    )


NOT_GIVEN = "–"
"""What :func:`chips_table` prints for a figure no first-rate source gives."""


def chips_table(chips: pd.DataFrame) -> pd.DataFrame:
    """A readable table of the chips: peaks at four precisions, memory, bandwidth, power.

    Empty numeric fields read "–" (not given by a first-rate source), which keeps the
    ten columns narrow enough for a page; an FP8-class figure in another format names
    the format. Rows are grouped by company (the name is printed on a group's first row).
    """
    def num(value, digits=0):
        return NOT_GIVEN if pd.isna(value) else f"{value:,.{digits}f}"

    rows = []
    for chip in chips.itertuples():
        fp8 = num(chip.peak_fp8_tflops)
        if pd.notna(chip.peak_fp8_tflops) and chip.fp8_format != "FP8":
            fp8 += f" ({chip.fp8_format})"
        rows.append({
            "Company": str(chip.company), "Chip": short_chip_name(chip.product),
            "Announced": f"{chip.announced:%Y-%m}" if pd.notna(chip.announced) else "not verified",
            "BF16 TFLOPS": num(chip.peak_bf16_tflops), "FP16 TFLOPS": num(chip.peak_fp16_tflops), "FP8 TFLOPS": fp8,
            "INT8 TOPS": num(chip.peak_int8_tops), "Memory (GB)": num(chip.memory_gb, digits=1),
            "Bandwidth (GB/s)": num(chip.memory_bandwidth_gb_s), "TDP (W)": num(chip.tdp_w),
        })
    table = pd.DataFrame(rows)
    table["Company"] = table["Company"].where(table["Company"] != table["Company"].shift(), "")
    return table


def report_entries(chips: pd.DataFrame, flagship: pd.DataFrame, *, keep: list[str] | None = None) -> pd.DataFrame:
    """Each company with chips in the later data beside its entry in the report's 2022 product table.

    ``flagship`` is ``flagship_products``. Companies in ``keep`` (e.g. the nine profiled
    ones) are listed even without a later chip ("none in the data"); a company the
    report's table lacks reads "not in the table".
    """
    in_report = flagship.assign(company=flagship["company"].astype(str)).groupby("company", sort=False)["product"]
    in_report = in_report.agg(", ".join)
    later = chips.assign(company=chips["company"].astype(str), chip=chips["product"].map(short_chip_name))
    later = later.groupby("company", sort=False)["chip"].agg(", ".join)
    companies = [c for c in theme.COLOURS["company"] if c in set(later.index) | set(keep or [])]
    return pd.DataFrame({
        "Company": companies,
        "In the report's product table (2022)": [in_report.get(c, "not in the table") for c in companies],
        "Chips in the later data": [later.get(c, "none in the data") for c in companies],
    })
