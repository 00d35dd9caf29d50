"""Charts of the Cerebras chapter: WSE-1 against WSE-2, and a wafer against a GPU die.

The WSE comparison is drawn as ratios (WSE-2 / WSE-1) computed from the printed
cells, beside the printed "Increase" column. Memory bandwidth is the one row
whose ratio depends on how its units are read (correction A12: WSE-2's "20 Pb/s"
is 20 PB/s), so the chart carries a radio button between the two readings.
"""

from __future__ import annotations

import altair as alt
import pandas as pd

from lib import theme
from lib.charts.params import choice_title, keep_one

SOURCE_WSE = "Source: report §8, table 〈Cerebras의 WSE 세대별 비교〉 (credited to Anandtech, April 2021)"

READINGS = ["Units as printed", "Units corrected (A12)"]
"""The two readings of the WSE table: every cell in its printed unit, or WSE-2's
memory bandwidth in PB/s, as public sources give it."""

_BYTES_PER_UNIT = {"PB/s": 1.0, "Pb/s": 1 / 8}

WSE_METRICS = {
    # column of cerebras_wse -> (label, unit shown in tooltips)
    "ai_cores": ("AI cores", "cores"),
    "die_area_mm2": ("Die area", "mm²"),
    "transistors_trillion": ("Transistors", "trillion"),
    "density_mtr_per_mm2": ("Transistor density", "million per mm²"),
    "onboard_sram_gb": ("On-board SRAM", "GB"),
    "memory_bandwidth": ("Memory bandwidth", "PB/s"),
    "fabric_bandwidth_pbit_s": ("Fabric bandwidth", "Pb/s"),
}


def wse_ratios(wse: pd.DataFrame, increase: pd.DataFrame) -> pd.DataFrame:
    """WSE-2 / WSE-1 for every numeric row of the table, under both readings of the units.

    Returns one row per metric and reading with ``metric``, ``label``, ``reading``,
    ``wse1`` and ``wse2`` (as text with units), ``ratio`` and ``printed_increase``
    (``NaN`` where the report prints "_").

    >>> wse = pd.DataFrame({"generation": ["WSE-1", "WSE-2"], "ai_cores": [4, 8], "die_area_mm2": [1, 1],
    ...     "transistors_trillion": [1, 2], "density_mtr_per_mm2": [1, 2], "onboard_sram_gb": [1, 2],
    ...     "memory_bandwidth": [9, 20], "memory_bandwidth_unit": ["PB/s", "Pb/s"], "fabric_bandwidth_pbit_s": [1, 2]})
    >>> inc = pd.DataFrame({"metric": ["memory_bandwidth"], "increase_x": [2.22]})
    >>> r = wse_ratios(wse, inc).set_index(["metric", "reading"])["ratio"]
    >>> round(r["memory_bandwidth", "Units as printed"], 3), round(r["memory_bandwidth", "Units corrected (A12)"], 3)
    (0.278, 2.222)
    """
    rows = wse.set_index("generation")
    one, two = rows.loc["WSE-1"], rows.loc["WSE-2"]
    printed = increase.set_index("metric")["increase_x"]
    out = []
    for metric, (label, unit) in WSE_METRICS.items():
        for reading in READINGS:
            if metric == "memory_bandwidth":
                unit_one, unit_two = str(one["memory_bandwidth_unit"]), str(two["memory_bandwidth_unit"])
                if reading == READINGS[1]:
                    unit_two = unit_one
                a = one[metric] * _BYTES_PER_UNIT[unit_one]
                b = two[metric] * _BYTES_PER_UNIT[unit_two]
                shown_one, shown_two = f"{one[metric]:g} {unit_one}", f"{two[metric]:g} {unit_two}"
            else:
                a, b = float(one[metric]), float(two[metric])
                shown_one, shown_two = f"{a:,g} {unit}", f"{b:,g} {unit}"
            out.append({"metric": metric, "label": label, "reading": reading, "wse1": shown_one, "wse2": shown_two,
                        "ratio": b / a, "printed_increase": printed.get(metric, float("nan"))})
    return pd.DataFrame(out)


def wse_increase_chart(wse: pd.DataFrame, increase: pd.DataFrame, *, reading: str | None = None) -> alt.LayerChart:
    """Bars: WSE-2 / WSE-1 computed from the printed cells; ticks: the printed "Increase" column.

    Parameters
    ----------
    wse, increase : DataFrame
        The ``cerebras_wse`` and ``cerebras_wse_increase`` resources.
    reading : str, optional
        One of :data:`READINGS`. By default the chart has radio buttons to switch
        between them on the page.
    """
    frame = wse_ratios(wse, increase)
    frame["printed_text"] = frame["printed_increase"].map(lambda v: "not printed (_)" if pd.isna(v) else f"{v:g}x")
    if reading is not None:
        if reading not in READINGS:
            raise ValueError(f"reading must be one of {READINGS}")
        frame = frame[frame["reading"] == reading]
    order = list(dict.fromkeys(frame["label"]))
    y = alt.Y("label:N", title=None, sort=order, axis=alt.Axis(labelLimit=200))
    tooltip = [alt.Tooltip("label:N", title="Row"), alt.Tooltip("wse1:N", title="WSE-1"),
               alt.Tooltip("wse2:N", title="WSE-2"), alt.Tooltip("ratio:Q", title="WSE-2 / WSE-1 (times)", format=".3f"),
               alt.Tooltip("printed_text:N", title="Printed increase"), alt.Tooltip("reading:N", title="Reading")]
    base = alt.Chart(frame)
    bars = base.mark_bar(color=theme.COLOURS["company"]["Cerebras"]).encode(
        x=alt.X("ratio:Q", title="WSE-2 ÷ WSE-1 (times)", scale=alt.Scale(domainMin=0)), y=y, tooltip=tooltip)
    ticks = base.transform_filter("isValid(datum.printed_increase)").mark_tick(
        color="#111827", thickness=3, size=22).encode(x="printed_increase:Q", y=y, tooltip=tooltip)
    labels = base.mark_text(align="left", dx=4, fontSize=11, color="#374151").encode(
        x="ratio:Q", y=y, text=alt.Text("ratio:Q", format=".2f"))
    chart = alt.layer(bars, ticks, labels)
    if reading is None:
        chart = keep_one(chart, name="reading", field="reading", options=READINGS,
                         label="Memory-bandwidth units: ", widget="radio")
    return chart.properties(
        title=alt.Title("WSE-2 against WSE-1: ratios recomputed, printed increase as ticks",
                        subtitle=[SOURCE_WSE, "Bars and labels: computed from the printed cells; black ticks: "
                                  "the printed Increase column"]),
        description="Horizontal bar chart of the ratio WSE-2 / WSE-1 for each row of the report's Cerebras table, "
                    "with the printed Increase values as ticks; a radio button switches the memory-bandwidth row "
                    "between its printed units (Pb/s against PB/s, a ratio of 0.28) and corrected units (2.22).")


def wafer_vs_die_frame(wse: pd.DataFrame, outside: pd.DataFrame) -> pd.DataFrame:
    """Die area, transistors and density of WSE-1, WSE-2 and NVIDIA's A100, long form.

    ``outside`` is the ``outside_figures`` resource (rows for the A100 die).
    Returns ``chip``, ``company``, ``metric`` (label with unit), ``value``,
    ``times_a100`` (value / the A100's value) and ``source``.
    """
    a100 = outside[outside["product"] == "A100 (GA100 die)"].set_index("metric")["value"]
    rows = []
    for row in wse.itertuples():
        rows.append({"chip": row.generation, "company": "Cerebras", "area": row.die_area_mm2,
                     "transistors": row.transistors_trillion * 1000,
                     "density": row.transistors_trillion * 1e6 / row.die_area_mm2, "source": "report §8"})
    rows.append({"chip": "A100", "company": "NVIDIA", "area": a100["die_area"], "transistors": a100["transistors"],
                 "density": a100["transistors"] * 1e3 / a100["die_area"],
                 "source": "outside figure (TechPowerUp, TweakTown)"})
    wide = pd.DataFrame(rows)
    metrics = {"area": "Die area (mm²)", "transistors": "Transistors (billion)",
               "density": "Density (million transistors per mm²)"}
    long = wide.melt(id_vars=["chip", "company", "source"], value_vars=list(metrics), var_name="key", value_name="value")
    long["metric"] = long["key"].map(metrics)
    reference = long[long["chip"] == "A100"].set_index("key")["value"]
    long["times_a100"] = long["value"] / long["key"].map(reference)
    return long.drop(columns="key")[["chip", "company", "metric", "value", "times_a100", "source"]]


def wafer_scale_chart(frame: pd.DataFrame, *, metric: str | None = None) -> alt.LayerChart:
    """One bar per chip for a metric picked from a drop-down (or fixed with ``metric``).

    ``frame`` is :func:`wafer_vs_die_frame` output. Bars are coloured by company
    and labelled with the multiple of the A100's value.
    """
    metrics = list(dict.fromkeys(frame["metric"]))
    data = frame.copy()
    data["label"] = data["times_a100"].map(lambda v: f"{v:,.2f}× A100" if v < 10 else f"{v:,.0f}× A100")
    if metric is not None:
        if metric not in metrics:
            raise ValueError(f"metric must be one of {metrics}")
        data = data[data["metric"] == metric]
    companies = list(dict.fromkeys(data["company"]))
    x_title = metric if metric is not None else "Value (unit in the title)"
    base = alt.Chart(data).encode(
        y=alt.Y("chip:N", title=None, sort=["WSE-1", "WSE-2", "A100"]),
        x=alt.X("value:Q", title=x_title),
        tooltip=[alt.Tooltip("chip:N", title="Chip"), alt.Tooltip("metric:N", title="Metric"),
                 alt.Tooltip("value:Q", title="Value", format=",.1f"),
                 alt.Tooltip("times_a100:Q", title="Multiple of the A100", format=",.2f"),
                 alt.Tooltip("source:N", title="Source")])
    bars = base.mark_bar().encode(color=alt.Color("company:N", title="Company",
                                                  scale=theme.colour_scale("company", companies)))
    text = base.mark_text(align="left", dx=4, fontSize=11, color="#374151").encode(text="label:N")
    chart = alt.layer(bars, text)
    area = frame[(frame["metric"] == "Die area (mm²)") & (frame["chip"] != "A100")]["times_a100"]
    if metric is None:
        chart = keep_one(chart, name="wafer_metric", field="metric", options=metrics, label="Compare: ")
    return chart.properties(
        title=alt.Title("A whole wafer against the largest GPU die the report names" if metric is not None else
                        choice_title("A whole wafer against the largest GPU die the report names:", "wafer_metric",
                                     metrics),
                        subtitle=["Source: report §8 (WSE); A100: TechPowerUp and TweakTown, May 2020 "
                                  "(outside figures X1, X2)", "Labels: multiple of the A100's value"]),
        description="Bar chart comparing WSE-1, WSE-2 and NVIDIA's A100 die on die area, transistor count or "
                    "transistor density, chosen from a drop-down"
                    + (f"; each wafer has about {area.max():.0f} times the A100's area." if len(area) else "."))
