"""Charts of the Graphcore chapter: the two IPU generations, and scaling from one machine to a pod."""

from __future__ import annotations

import re

import altair as alt
import pandas as pd

from lib import theme

GRAPHCORE = theme.COLOURS["company"]["Graphcore"]

IPU_METRICS = {
    # column: (label, unit)
    "cores": ("Cores", "cores"),
    "threads": ("Threads", "threads"),
    "in_processor_memory_mb": ("In-processor memory", "MB"),
    "bandwidth_tb_s": ("Memory bandwidth", "TB/s"),
}
"""The processor-table columns compared across generations (the process node is not a capability)."""


def ipu_generation_ratios(processors: pd.DataFrame, *, old: str = "MK1", new: str = "MK2") -> pd.DataFrame:
    """One row per metric: the two generations' values and ``ratio`` = new / old.

    >>> frame = pd.DataFrame({"generation": ["MK1", "MK2"], "cores": [100, 150], "threads": [600, 900],
    ...                       "in_processor_memory_mb": [300, 900], "bandwidth_tb_s": [45.0, 47.5]})
    >>> ipu_generation_ratios(frame).set_index("metric")["ratio"].round(2).tolist()
    [1.5, 1.5, 3.0, 1.06]
    """
    rows = processors.set_index(processors["generation"].astype(str))
    first, second = rows.loc[old], rows.loc[new]
    return pd.DataFrame([{"metric": label, "unit": unit, "old": float(first[column]), "new": float(second[column]),
                          "ratio": float(second[column]) / float(first[column])}
                         for column, (label, unit) in IPU_METRICS.items()])


def ipu_generation_chart(processors: pd.DataFrame, *, claimed_speedup: float | None = None,
                         old: str = "MK1", new: str = "MK2") -> alt.LayerChart:
    """How much each printed specification grew from one IPU generation to the next.

    Bars give ``new / old`` for cores, threads, memory and bandwidth (one unit,
    "times"), so specifications in different units share an axis; the tooltip
    shows both printed values with their units. A rule marks "same as before"
    (1x) and, when ``claimed_speedup`` is given, a dashed rule marks the
    performance gain the report's text claims.
    """
    ratios = ipu_generation_ratios(processors, old=old, new=new)
    ratios["old_label"] = [f"{v:,.6g} {u}" for v, u in zip(ratios["old"], ratios["unit"])]
    ratios["new_label"] = [f"{v:,.6g} {u}" for v, u in zip(ratios["new"], ratios["unit"])]
    x_title = f"{new} ÷ {old} (times)"
    y = alt.Y("metric:N", title=None, sort=None)
    bars = alt.Chart(ratios).mark_bar(color=GRAPHCORE).encode(
        x=alt.X("ratio:Q", title=x_title, scale=alt.Scale(domainMin=0)),
        y=y,
        tooltip=[alt.Tooltip("metric:N", title="Specification"), alt.Tooltip("old_label:N", title=old),
                 alt.Tooltip("new_label:N", title=new), alt.Tooltip("ratio:Q", title=x_title, format=".2f")])
    labels = alt.Chart(ratios).mark_text(align="left", dx=4, fontSize=12).encode(
        x="ratio:Q", y=y, text=alt.Text("ratio:Q", format=".2f"))
    refs = [{"value": 1.0, "label": "1x: no change"}]
    if claimed_speedup is not None:
        refs.append({"value": float(claimed_speedup), "label": f"{claimed_speedup:g}x: performance gain the text claims"})
    reference = pd.DataFrame(refs)
    rules = alt.Chart(reference).mark_rule(color="#374151", strokeDash=[6, 4]).encode(
        x="value:Q", tooltip=[alt.Tooltip("label:N", title="Reference")])
    # above the plot, where it crosses no bar however narrow the plot
    rule_text = alt.Chart(reference).mark_text(align="right", dx=2, baseline="bottom", y=-4, color="#374151",
                                               fontSize=11).encode(x="value:Q", text="label:N")
    layers = [bars, labels, rules]
    if claimed_speedup is not None:
        layers.append(rule_text.transform_filter(alt.datum.value > 1))
    return alt.layer(*layers).properties(
        title=alt.Title(f"Graphcore IPU: {new} against {old}",
                        subtitle="Source: report §6, Graphcore IPU processor table (graphcore.ai)"),
        description=(f"Bar chart of the ratio {new} / {old} for " + ", ".join(
            f"{m} ({r:.2f}x)" for m, r in zip(ratios["metric"], ratios["ratio"]))
            + (f"; a dashed line marks the claimed {claimed_speedup:g}x performance gain." if claimed_speedup else ".")),
    )


def ipu_platform_scaling(platforms: pd.DataFrame) -> pd.DataFrame:
    """The platforms with a compute figure, with their number of IPUs and how it is known.

    The IPU-M2000 states its IPUs; an IPU-POD16 states its IPU-M2000 machines
    (times the M2000's IPUs); an IPU-POD64 states neither, so its IPUs come
    from its name. Adds ``pflops_per_ipu`` and ``tflops_per_ipu``.
    """
    m2000 = platforms.set_index("product").loc["IPU-M2000"]
    per_machine = int(m2000["ipu_processors_printed"])
    rows = []
    for row in platforms[platforms["pflops_printed"].notna()].itertuples():
        name_match = re.fullmatch(r"IPU-POD(\d+)", str(row.product))
        if not pd.isna(row.ipu_processors_printed):
            ipus, basis = int(row.ipu_processors_printed), "stated in the table"
        elif not pd.isna(row.m2000_units_printed):
            ipus = int(row.m2000_units_printed) * per_machine
            basis = f"{int(row.m2000_units_printed)} IPU-M2000 × {per_machine} IPUs (stated)"
        elif name_match:
            ipus, basis = int(name_match.group(1)), "from the product name (make-up not stated)"
        else:
            continue
        rows.append({"product": row.product, "ipus": ipus, "pflops": float(row.pflops_printed), "basis": basis})
    frame = pd.DataFrame(rows)
    frame["pflops_per_ipu"] = frame["pflops"] / frame["ipus"]
    frame["tflops_per_ipu"] = frame["pflops_per_ipu"] * 1000
    return frame


def ipu_scaling_chart(platforms: pd.DataFrame, *, linear_reference: bool | None = None) -> alt.LayerChart:
    """Printed PFLOPS against the number of IPUs, with a line for perfectly linear scaling.

    The reference line extends the IPU-M2000's PFLOPS per IPU. With
    ``linear_reference=None`` (the default) a check box on the page shows or hides
    it; ``True`` or ``False`` fixes it (for the live-kernel controls).
    """
    frame = ipu_platform_scaling(platforms)
    base = frame.set_index("product").loc["IPU-M2000"]
    top = int(frame["ipus"].max())
    line_data = pd.DataFrame({"ipus": [0, top], "pflops": [0.0, top * base["pflops_per_ipu"]],
                              "label": [f"Linear: {base['tflops_per_ipu']:g} TFLOPS per IPU"] * 2})
    x = alt.X("ipus:Q", title="IPUs (chips)", scale=alt.Scale(domain=[0, top * 1.08], nice=False))
    y = alt.Y("pflops:Q", title="Peak compute as printed (PFLOPS)", scale=alt.Scale(domainMin=0))
    tooltip = [alt.Tooltip("product:N", title="Platform"), alt.Tooltip("ipus:Q", title="IPUs"),
               alt.Tooltip("basis:N", title="IPU count"), alt.Tooltip("pflops:Q", title="PFLOPS (printed)", format=".3g"),
               alt.Tooltip("tflops_per_ipu:Q", title="TFLOPS per IPU", format=".3g")]
    reference = alt.Chart(line_data).mark_line(color="#6b7280", strokeDash=[6, 4], strokeWidth=2).encode(
        x=x, y=y, tooltip=[alt.Tooltip("label:N", title="Reference")])
    layers = []
    if linear_reference is None:
        show = alt.param(name="show_linear", value=True,
                         bind=alt.binding_checkbox(name="Show the linear-scaling line "))
        reference = reference.encode(opacity=alt.condition(show, alt.value(1.0), alt.value(0.0))).add_params(show)
        layers.append(reference)
    elif linear_reference:
        layers.append(reference)
    points = alt.Chart(frame).mark_point(filled=True, size=110, color=GRAPHCORE).encode(x=x, y=y, tooltip=tooltip)
    names = alt.Chart(frame).encode(x=x, y=y, text="product:N")
    left = names.mark_text(align="left", dx=9, dy=-2, fontSize=12).transform_filter(alt.datum.ipus < top)
    right = names.mark_text(align="right", dx=-9, dy=-2, fontSize=12).transform_filter(alt.datum.ipus >= top)
    layers += [points, left, right]
    return alt.layer(*layers).properties(
        title=alt.Title("Graphcore: peak compute against the number of IPUs",
                        subtitle="Source: report §6, Graphcore platform table (graphcore.ai). Vendor peaks, not measured speed."),
        description=("Scatter plot of printed peak PFLOPS against IPUs: " + "; ".join(
            f"{p} {i} IPUs, {f:g} PFLOPS" for p, i, f in zip(frame["product"], frame["ipus"], frame["pflops"]))
            + ". A dashed line shows perfectly linear scaling from the IPU-M2000."),
    )
