"""Charts of the Hailo chapter: peak compute against power for the book's edge products.

Vendor peaks (TOPS) and typical power are what a spec sheet states, not what a
chip delivers on a given network, and the report names no number format for
them. The builders keep that visible: every row carries its precision ("not
stated" where the report gives none) and the source of each figure.
"""

from __future__ import annotations

import altair as alt
import pandas as pd

from lib import theme

NOT_STATED = "not stated"


def edge_products(hailo: pd.DataFrame, kneron: pd.DataFrame, claims: pd.DataFrame,
                  outside: pd.DataFrame | None = None) -> pd.DataFrame:
    """The book's edge products with whatever peak compute and power the sources give.

    Rows: every Hailo-8 product, Google's Edge TPU (claims of §5), Kneron's two
    SoCs (the report gives MACs per cycle only) and, if ``outside`` is given, its
    peak-performance rows used in §9 (Jetson Xavier NX). Columns: ``product``, ``company``,
    ``tops``, ``power_w``, ``tops_per_w`` (only where both are given),
    ``precision``, ``source`` and ``note``.
    """
    rows = []
    for row in hailo.itertuples():
        rows.append({"product": row.product, "company": "Hailo", "tops": row.tops, "power_w": row.typical_power_w,
                     "precision": NOT_STATED, "source": "report §9 (Hailo website)",
                     "note": "typical-mode power" if pd.notna(row.typical_power_w) else "power not stated"})
    edge_tpu = claims[claims["product"] == "Edge TPU"].set_index("metric")["value"]
    rows.append({"product": "Edge TPU", "company": "Google", "tops": edge_tpu.get("peak_performance"),
                 "power_w": edge_tpu.get("power"), "precision": NOT_STATED, "source": "report §5",
                 "note": "power as stated in the text"})
    for row in kneron[kneron["mac_per_cycle"].notna()].itertuples():
        rows.append({"product": row.product, "company": "Kneron", "tops": float("nan"), "power_w": float("nan"),
                     "precision": NOT_STATED, "source": "report §7",
                     "note": f"{row.mac_per_cycle:,.0f} MAC per cycle; no clock or power given"})
    if outside is not None:
        used_here = outside["used_in"].str.split("; ").apply(lambda places: "§9 Hailo" in places)
        for row in outside[used_here & (outside["metric"] == "peak_performance")].itertuples():
            rows.append({"product": row.product, "company": row.company, "tops": row.value, "power_w": float("nan"),
                         "precision": row.precision or NOT_STATED, "source": f"outside figure {row.figure_id}",
                         "note": "power at that peak not captured"})
    frame = pd.DataFrame(rows)
    frame["tops"] = frame["tops"].astype(float)
    frame["power_w"] = frame["power_w"].astype(float)
    frame["tops_per_w"] = frame["tops"] / frame["power_w"]
    return frame


def edge_efficiency_chart(products: pd.DataFrame, *, reference: float | None = None,
                          max_reference: float = 15.0) -> alt.LayerChart:
    """Peak TOPS against power for products that state both, with a reference efficiency line.

    Parameters
    ----------
    products : DataFrame
        :func:`edge_products` output; rows without both figures are left out.
    reference : float, optional
        TOPS per watt of the dashed reference line. By default a slider on the
        page sets it (from 0.5 to ``max_reference``, starting at 5).

    Points above the line are more efficient than the reference; the tooltip
    gives each product's TOPS per watt, its precision and its source.
    """
    data = products.dropna(subset=["tops", "power_w"]).copy()
    if data.empty:
        raise ValueError("no product states both peak compute and power")
    companies = list(dict.fromkeys(data["company"]))
    top_power = float(data["power_w"].max()) * 1.3
    start = 5.0 if reference is None else float(reference)
    slider = alt.param(name="reference_tops_per_w", value=start,
                       bind=alt.binding_range(min=0.5, max=max_reference, step=0.5,
                                              name="Reference line (TOPS per W): ")) if reference is None else None
    k = "reference_tops_per_w" if slider is not None else repr(start)
    x = alt.X("power_w:Q", title="Power (W)", scale=alt.Scale(domain=[0, top_power]))
    top_tops = float(data["tops"].max()) * 1.25
    y = alt.Y("tops:Q", title="Peak performance (TOPS, precision not stated)", scale=alt.Scale(domain=[0, top_tops]))
    line_data = pd.DataFrame({"power_w": [0.0, top_power]})
    line = alt.Chart(line_data).transform_calculate(
        tops=f"{k} * datum.power_w", label=f"'reference: ' + format({k}, '.1f') + ' TOPS per W'").mark_line(
        strokeDash=[6, 4], color="#6b7280").encode(
        x=x, y=alt.Y("tops:Q"), tooltip=[alt.Tooltip("label:N", title="Line")])
    # the line's value, written where it leaves the plot (its right end, or the top)
    line_value = alt.Chart(pd.DataFrame({"one": [1]})).transform_calculate(
        power_w=f"min({top_power}, {top_tops} / {k})", tops=f"{k} * min({top_power}, {top_tops} / {k})",
        label=f"format({k}, '.1f') + ' TOPS per W'").mark_text(
        align="right", dx=-4, dy=-8, fontSize=11, color="#4b5563").encode(x=x, y=alt.Y("tops:Q"), text="label:N")
    tooltip = [alt.Tooltip("product:N", title="Product"), alt.Tooltip("tops:Q", title="Peak (TOPS)", format=".1f"),
               alt.Tooltip("power_w:Q", title="Power (W)", format=".1f"),
               alt.Tooltip("tops_per_w:Q", title="TOPS per W", format=".1f"),
               alt.Tooltip("precision:N", title="Precision"), alt.Tooltip("source:N", title="Source")]
    points = alt.Chart(data).mark_point(size=140, filled=True).encode(
        x=x, y=y, color=alt.Color("company:N", title="Company", scale=theme.colour_scale("company", companies)),
        tooltip=tooltip)
    labels = alt.Chart(data).mark_text(align="left", dx=9, dy=-6, fontSize=11, color="#374151").encode(
        x=x, y=y, text="product:N")
    chart = alt.layer(line, line_value, points, labels)
    if slider is not None:
        chart = chart.add_params(slider)
    return chart.properties(
        title=alt.Title("Vendor peak compute against power, edge products of the report",
                        subtitle=["Source: report §9 (Hailo-8: 26 TOPS, 2.5 W typical) and §5 (Edge TPU: 4 TOPS, 2 W)",
                                  "Peaks as the vendors state them, not measured throughput; points above the "
                                  "dashed line beat the reference"]),
        description="Scatter chart of peak tera-operations per second against power in watts for the edge "
                    "products whose report section gives both figures, with a dashed line of constant TOPS per "
                    "watt whose slope a slider sets.")
