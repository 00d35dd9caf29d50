"""The roofline model: attainable throughput of a chip for a workload of given arithmetic intensity.

A chip can do at most ``peak`` operations per second, and it can bring data from
its memory at most ``bandwidth`` bytes per second. A workload that performs
``intensity`` operations for every byte it moves from memory can therefore run no
faster than ``min(peak, bandwidth × intensity)``. Below the *ridge point*
(``peak / bandwidth`` operations per byte) memory bandwidth binds; above it the
compute peak does (Williams, Waterman and Patterson, "Roofline", CACM 2009;
https://crd.lbl.gov/departments/computer-science/par/research/roofline/introduction/).

Units throughout: peaks in tera-operations per second (TFLOPS for floating point,
TOPS for integers), bandwidth in decimal GB/s (10^9 bytes per second), intensity
in operations per byte, so ``bandwidth_gb_s × intensity / 1000`` is in T ops/s.
"""

from __future__ import annotations

import math

import altair as alt
import pandas as pd

from lib import theme

PRECISIONS = {
    "bf16": ("peak_bf16_tflops", "BF16", "TFLOPS", "FLOP"),
    "int8": ("peak_int8_tops", "INT8", "TOPS", "op"),
}
"""Precision key -> (peak column of ``chips_since_2022``, label, throughput unit, operation name)."""

LIMITS = ["Memory-bound", "Compute-bound"]
SOURCES = {"Google": "Google Cloud TPU docs", "Amazon": "AWS Neuron docs", "NVIDIA": "NVIDIA figures via AnandTech"}
"""How the chart's source line names each company's figures (see ``source_url`` per row)."""
INTENSITY_RANGE = (0.1, 10_000.0)
"""Arithmetic intensities the chart spans (operations per byte): from streaming a vector to a large matrix product."""


PLOT_HEIGHT = 320
READOUT_LINE = 15
"""Height of the roofline plot and line height of its readout (pixels)."""

def peak_from_macs(macs: float, clock_hz: float, *, ops_per_mac: int = 2) -> float:
    """Peak throughput in tera-operations per second of ``macs`` multiply-accumulate units at ``clock_hz``.

    One multiply-accumulate counts as two operations (a multiply and an add).

    >>> round(peak_from_macs(256 * 256, 700e6), 2)   # TPU v1 (Jouppi et al., ISCA 2017)
    91.75
    """
    return ops_per_mac * macs * clock_hz / 1e12


def attainable(peak: float, bandwidth_gb_s: float, intensity: float) -> float:
    """Roofline bound in T ops/s: ``min(peak, bandwidth × intensity)``.

    >>> attainable(100.0, 1000.0, 10.0)   # 1000 GB/s x 10 op/byte = 10 T op/s < 100
    10.0
    """
    return min(float(peak), float(bandwidth_gb_s) * float(intensity) / 1000.0)


def ridge_point(peak: float, bandwidth_gb_s: float) -> float:
    """Intensity (operations per byte) at which the memory and compute limits meet.

    >>> ridge_point(100.0, 1000.0)
    100.0
    """
    return float(peak) * 1000.0 / float(bandwidth_gb_s)


def binding_limit(peak: float, bandwidth_gb_s: float, intensity: float) -> str:
    """"Memory-bound" below the ridge point, "Compute-bound" at or above it."""
    return LIMITS[0] if float(bandwidth_gb_s) * float(intensity) / 1000.0 < float(peak) else LIMITS[1]


def roofline_chips(chips: pd.DataFrame, *, precision: str = "bf16") -> pd.DataFrame:
    """Chips of ``chips_since_2022`` that state a dense peak at ``precision`` and a memory bandwidth.

    Rows whose peak is of unstated sparsity (``sparsity_basis == "not_stated"``)
    are left out: a roofline drawn from an "up to" figure would overstate the roof.
    Columns: ``product``, ``company``, ``peak`` (T ops/s), ``bandwidth_gb_s``,
    ``ridge`` (ops per byte), ``precision`` (label), ``unit``, ``confidence``,
    ``source_url``; ordered by company, then peak.
    """
    if precision not in PRECISIONS:
        raise ValueError(f"precision must be one of {list(PRECISIONS)}")
    column, label, unit, _ = PRECISIONS[precision]
    usable = chips.dropna(subset=[column, "memory_bandwidth_gb_s"])
    usable = usable[usable["sparsity_basis"].astype(str) != "not_stated"]
    frame = pd.DataFrame({
        "product": usable["product"].astype(str), "company": usable["company"].astype(str),
        "peak": usable[column].astype(float), "bandwidth_gb_s": usable["memory_bandwidth_gb_s"].astype(float),
        "precision": label, "unit": unit, "confidence": usable["confidence"].astype(str),
        "source_url": usable["source_url"].astype(str)})
    frame["ridge"] = frame["peak"] * 1000.0 / frame["bandwidth_gb_s"]
    return frame.sort_values(["company", "peak"]).reset_index(drop=True)


def _decade_floor(value: float) -> float:
    return 10.0 ** math.floor(math.log10(value))


def _decade_ceil(value: float) -> float:
    return 10.0 ** math.ceil(math.log10(value))


def _source(companies: list[str]) -> str:
    named = [SOURCES.get(company, company) for company in companies]
    return "Source: chips_since_2022 (" + ", ".join(named) + ")"


def _decades(low: float, high: float) -> list[float]:
    first, last = round(math.log10(low)), round(math.log10(high))
    return [float(10.0 ** k) for k in range(first, last + 1)]


def roofline_chart(rooflines: pd.DataFrame, *, chip: str | None = None,
                   intensity: float | None = None) -> alt.LayerChart:
    """Interactive roofline: attainable throughput against arithmetic intensity, log-log.

    Parameters
    ----------
    rooflines : DataFrame
        :func:`roofline_chips` output (one precision only).
    chip : str, optional
        Product to highlight. By default a drop-down on the page (Vega-Lite
        parameter ``roof_chip``) picks it, starting with the first row.
    intensity : float, optional
        Workload intensity in operations per byte. By default a slider on the
        page (parameter ``log_intensity``, log10 of the intensity, -1 to 4) sets it.

    The attainable throughput ``min(peak, bandwidth × intensity)`` and the binding
    limit are computed by Vega-Lite transforms, so the static page updates
    without a kernel. The other chips' roofs are drawn faint for comparison.
    """
    if rooflines.empty:
        raise ValueError("no chip has both a peak and a memory bandwidth")
    if rooflines["precision"].nunique() != 1:
        raise ValueError("a roofline compares chips at one precision only")
    label, unit = rooflines["precision"].iloc[0], rooflines["unit"].iloc[0]
    op = "FLOP" if unit == "TFLOPS" else "op"
    products = rooflines["product"].tolist()
    if chip is not None and chip not in products:
        raise ValueError(f"{chip!r} is not among the chips: {products}")
    low, high = INTENSITY_RANGE
    y_low = _decade_floor(float(rooflines["bandwidth_gb_s"].min()) * low / 1000.0)
    y_high = _decade_ceil(float(rooflines["peak"].max()) * 1.5)

    if chip is None:
        chip_param = alt.param(name="roof_chip", value=products[0],
                               bind=alt.binding_select(options=products, name="Chip: "))
    else:
        chip_param = alt.param(name="roof_chip", value=chip)
    if intensity is None:
        log_param = alt.param(name="log_intensity", value=1.0,
                              bind=alt.binding_range(min=math.log10(low), max=math.log10(high), step=0.1,
                                                     name=f"Workload intensity, log₁₀ {op}/byte: "))
    else:
        if not low <= intensity <= high:
            raise ValueError(f"intensity must lie between {low} and {high} {op} per byte")
        log_param = alt.param(name="log_intensity", value=math.log10(intensity))

    # Three points per chip draw its roof exactly on log-log axes: both ends and the ridge.
    roofs = pd.concat([rooflines.assign(intensity=x) for x in (low, high)] + [rooflines.assign(intensity=rooflines["ridge"])])
    roofs = roofs.sort_values(["product", "intensity"])
    attain = "min(datum.peak, datum.bandwidth_gb_s * datum.intensity / 1000)"
    x = alt.X("intensity:Q", title=f"Arithmetic intensity ({op} per byte, log scale)",
              scale=alt.Scale(type="log", domain=[low, high]), axis=alt.Axis(format=",~g", values=_decades(low, high), labelFlush=True))
    y = alt.Y("attainable:Q", title=f"Attainable {label} {unit} (dense, log scale)",
              scale=alt.Scale(type="log", domain=[y_low, y_high]), axis=alt.Axis(format=",~g", values=_decades(y_low, y_high)))
    roof_tip = [alt.Tooltip("product:N", title="Chip"), alt.Tooltip("peak:Q", title=f"Peak ({unit})", format=",.0f"),
                alt.Tooltip("bandwidth_gb_s:Q", title="Memory bandwidth (GB/s)", format=",.0f"),
                alt.Tooltip("ridge:Q", title=f"Ridge point ({op}/byte)", format=",.0f")]
    base = alt.Chart(roofs).transform_calculate(attainable=attain)
    others = base.transform_filter("datum.product != roof_chip").mark_line(
        color="#9ca3af", strokeWidth=1.2, opacity=0.6).encode(x=x, y=y, detail="product:N", tooltip=roof_tip)
    companies = list(dict.fromkeys(rooflines["company"]))
    picked = base.transform_filter("datum.product == roof_chip").mark_line(strokeWidth=3).encode(
        x=x, y=y, color=alt.Color("company:N", scale=theme.colour_scale("company", companies), legend=None),
        tooltip=roof_tip)
    ridge = alt.Chart(rooflines).transform_filter("datum.product == roof_chip").transform_calculate(
        intensity="datum.ridge", attainable="datum.peak").mark_point(
        shape="diamond", size=90, filled=True, color="#111827").encode(
        x=x, y=y, tooltip=[alt.Tooltip("product:N", title="Chip"),
                           alt.Tooltip("ridge:Q", title=f"Ridge point ({op}/byte)", format=",.0f"),
                           alt.Tooltip("peak:Q", title=f"Peak ({unit})", format=",.0f")])
    workload = alt.Chart(rooflines).transform_filter("datum.product == roof_chip").transform_calculate(
        intensity="pow(10, log_intensity)").transform_calculate(
        attainable=attain,
        limit=f"datum.bandwidth_gb_s * datum.intensity / 1000 < datum.peak ? '{LIMITS[0]}' : '{LIMITS[1]}'",
        share="datum.attainable / datum.peak")
    work_tip = [alt.Tooltip("product:N", title="Chip"),
                alt.Tooltip("intensity:Q", title=f"Workload intensity ({op}/byte)", format=",.3~r"),
                alt.Tooltip("attainable:Q", title=f"Attainable ({unit})", format=",.3~r"),
                alt.Tooltip("share:Q", title="Share of peak", format=".1%"),
                alt.Tooltip("limit:N", title="Limit that binds")]
    # the rule starts below the three-line readout in the plot's top-left corner, so it never crosses the text
    rule = workload.mark_rule(strokeDash=[4, 4], color="#4b5563").encode(
        x=x, y=alt.value(3 * READOUT_LINE + 10), y2=alt.value(PLOT_HEIGHT))
    point = workload.mark_point(size=160, filled=True, stroke="#111827", strokeWidth=1).encode(
        x=x, y=y, color=alt.Color("limit:N", title="Limit", scale=theme.colour_scale("roofline", LIMITS),
                                  legend=alt.Legend(orient="top")),
        tooltip=work_tip)
    readout = workload.transform_calculate(
        text=f"[datum.product, format(datum.intensity, ',.3~r') + ' {op}/byte → ' + "
             f"format(datum.attainable, ',.3~r') + ' {unit}', datum.limit + ' (' + "
             f"format(datum.share, '.1%') + ' of peak)']").mark_text(
        align="left", baseline="top", fontSize=12, lineHeight=READOUT_LINE, color="#111827").encode(
        x=alt.value(6), y=alt.value(4), text="text:N")
    chart = alt.layer(others, picked, ridge, rule, point, readout).add_params(chip_param, log_param).resolve_scale(
        color="independent")
    picks = "a chip picked from a drop-down" if chip is None else chip
    return chart.properties(
        height=PLOT_HEIGHT,
        title=alt.Title(f"Roofline: attainable {label} throughput",
                        subtitle=f"Per chip, dense {label} peaks; attainable = min(peak, bandwidth × intensity). "
                                 f"{_source(companies)}"),
        description=f"Log-log roofline chart for {picks}: attainable dense {label} {unit} against arithmetic "
                    f"intensity in {op}s per byte, rising with memory bandwidth until the ridge point and flat at "
                    "the compute peak after it. A point marks the workload intensity set by a slider, coloured by "
                    "whether memory bandwidth or compute limits it; the other chips' roofs are drawn in grey.",
    )
