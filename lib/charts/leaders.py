"""Charts of the Part II opener: the nine leaders side by side.

Builders follow the rules of :mod:`lib.charts`: data first, options keyword-only,
title, source line, units, description, colours from :mod:`lib.theme`, no fixed
width, and interactivity through Vega-Lite params so that the static page works
without a kernel.
"""

from __future__ import annotations

import altair as alt
import pandas as pd

from lib import theme
from lib.charts.params import choice_title, keep_one

LEADERS = ["Intel", "Habana Labs", "NVIDIA", "SambaNova", "Tesla", "Google", "Graphcore", "Kneron", "Cerebras",
           "Hailo"]
"""The companies of the nine profiles, in the report's order (§1 covers Intel and Habana Labs)."""

GROUPS = {
    "integrated device manufacturer": "Incumbent chip maker",
    "fabless GPU designer": "Incumbent chip maker",
    "start-up": "Start-up",
    "automaker": "Carmaker",
    "cloud/internet company": "Cloud provider",
}
"""The report's mix of leaders: ``companies.kind`` -> the group the book names."""

PURPOSES = ["Cloud", "Cloud/Edge", "Edge", "Inference", "Not printed"]
"""Values of the product table's purpose column (하드웨어 목적), in the order the charts show them."""

OUTSIDE = "Outside the four layers"

SHORT_LAYERS = {"Cloud Service": "Cloud", "Deep Learning Platform": "Platform", "Deep Learning Compiler": "Compiler",
                "Runtime Library & Driver": "Runtime", OUTSIDE: "Outside"}
"""Short axis labels for the software layers (the tooltip gives the full name)."""


def leader_roster(companies: pd.DataFrame) -> pd.DataFrame:
    """The profiled companies with the group they stand for (incumbent, start-up, carmaker, cloud provider)."""
    frame = companies[companies["profiled"]].copy()
    frame["group"] = frame["kind"].astype(str).map(GROUPS)
    if frame["group"].isna().any():
        raise KeyError(f"no group for kinds {sorted(frame.loc[frame['group'].isna(), 'kind'].unique())}")
    frame["order"] = frame["company"].map({c: i for i, c in enumerate(LEADERS)})
    return frame.sort_values("order").drop(columns="order").reset_index(drop=True)


def product_purpose_chart(products: pd.DataFrame, corrections: pd.DataFrame | None = None, *,
                          profiled_only: bool = False) -> alt.LayerChart:
    """The report's product table: each product placed by its purpose, coloured by hardware class.

    With ``corrections``, a radio button switches the purpose column between the
    report's printed values and the corrected ones (A5, A6, A7); the tooltip
    shows both. The purpose is the report's "하드웨어 목적" column: it equates
    Cloud with training (학습) and Edge with inference (추론).
    """
    frame = products.copy()
    for column in ("company", "hardware_class_printed", "purpose_printed"):
        frame[column] = frame[column].astype("string").fillna("").astype(str)
    if profiled_only:
        frame = frame[frame["company"].isin(LEADERS)]
    frame["purpose_printed"] = frame["purpose_printed"].replace({"": "Not printed"})
    frame["purpose_corrected"] = frame["purpose_printed"]
    frame["class_corrected"] = frame["hardware_class_printed"]
    if corrections is not None:
        fixes = corrections[corrections["dataset"] == "flagship_products"]
        for fix in fixes.itertuples():
            product = fix.record.split("=", 1)[1]
            column = {"purpose_printed": "purpose_corrected", "hardware_class_printed": "class_corrected"}[fix.field]
            frame.loc[frame["product"] == product, column] = f"{fix.corrected_value} ({fix.correction_id})"
        frame["purpose_corrected"] = frame["purpose_corrected"].str.replace(r" \(A\d+\)$", "", regex=True)
    frame["label"] = frame["company"] + ": " + frame["product"]  # a label cut short still names its company
    order = frame.sort_values("row")["label"].tolist()
    classes = list(dict.fromkeys(frame["hardware_class_printed"]))
    picked = alt.selection_point(name="class_pick", fields=["hardware_class_printed"], bind="legend")
    base = alt.Chart(frame)
    layers_params = [picked]
    x_field = "purpose_printed"
    if corrections is not None:
        shown = alt.param(name="purpose_view", value="As printed",
                          bind=alt.binding_radio(options=["As printed", "Corrected"], name="Purpose column: "))
        base = base.transform_calculate(
            purpose_shown=f"{shown.name} == 'Corrected' ? datum.purpose_corrected : datum.purpose_printed")
        layers_params.append(shown)
        x_field = "purpose_shown"
    chart = base.mark_point(size=160, filled=True).encode(
        x=alt.X(f"{x_field}:N", title="Purpose (하드웨어 목적)", scale=alt.Scale(domain=PURPOSES),
                axis=alt.Axis(labelAngle=theme.upright_on_a_phone())),
        y=alt.Y("label:N", sort=order, title=None, axis=alt.Axis(labelLimit=170)),
        color=alt.Color("hardware_class_printed:N", title="Class as printed", legend=alt.Legend(orient="top"),
                        scale=theme.colour_scale("hardware_class", classes)),
        opacity=alt.condition(picked, alt.value(1.0), alt.value(0.15)),
        tooltip=[alt.Tooltip("product:N", title="Product"), alt.Tooltip("company:N", title="Company"),
                 alt.Tooltip("hardware_class_printed:N", title="Class as printed"),
                 alt.Tooltip("class_corrected:N", title="Class after corrections"),
                 alt.Tooltip("purpose_printed:N", title="Purpose as printed"),
                 alt.Tooltip("purpose_corrected:N", title="Purpose after corrections")],
    ).add_params(*layers_params)
    return chart.properties(
        title=alt.Title("What the leaders' flagship products are for",
                        subtitle=["Source: report, 글로벌 인공지능 반도체 선도기업 분석, product table "
                                  "(인공지능 반도체 선도기업의 대표 제품, 유형 및 목적)",
                                  "In the report, Cloud means training and Edge inference.",
                                  "Click a class in the legend to pick it out."]),
        description=("Dot chart of the report's flagship products: one row per product, placed in the column of "
                     "its stated purpose (cloud, cloud/edge, edge, inference) and coloured by hardware class."),
    )


def stack_cells(stack: pd.DataFrame, layers: pd.DataFrame) -> pd.DataFrame:
    """Software items per company and layer (umbrella entries left out, their parts counted)."""
    frame = stack[stack["layer_evidence"].astype(str) != "umbrella"].copy()
    frame["layer"] = frame["layer"].astype("string").fillna(OUTSIDE).astype(str)
    frame["item"] = frame["software"] + frame["own_software"].map({True: "", False: " (third-party)"})
    cells = frame.groupby(["company", "layer"], sort=False).agg(
        items=("software", "size"), own=("own_software", "sum"),
        software=("item", lambda s: ", ".join(s))).reset_index()
    cells["own"] = cells["own"].astype(int)
    order = {layer: i for i, layer in enumerate(layers.sort_values("order")["layer"])}
    order[OUTSIDE] = len(order)
    cells["layer_order"] = cells["layer"].map(order)
    cells["layer_short"] = cells["layer"].map(SHORT_LAYERS).fillna(cells["layer"])
    return cells


def stack_count_chart(stack: pd.DataFrame, layers: pd.DataFrame) -> alt.LayerChart:
    """Company x software-layer matrix: a coloured cell where the report names software of the company.

    The number in each cell counts the software items the report names there
    (frameworks the company supports but does not make included; the tooltip
    marks them third-party).
    """
    cells = stack_cells(stack, layers)
    layer_order = cells.sort_values("layer_order")["layer"].drop_duplicates().tolist()
    short_order = [SHORT_LAYERS.get(layer, layer) for layer in layer_order]
    companies = [c for c in LEADERS if c in set(cells["company"])]
    x = alt.X("layer_short:N", sort=short_order, title="Software layer (top of the stack on the left)",
              axis=alt.Axis(labelAngle=theme.upright_on_a_phone()))
    y = alt.Y("company:N", sort=companies, title=None)
    tooltip = [alt.Tooltip("company:N", title="Company"), alt.Tooltip("layer:N", title="Layer"),
               alt.Tooltip("items:Q", title="Items named (count)"),
               alt.Tooltip("own:Q", title="Of them the company's own (count)"),
               alt.Tooltip("software:N", title="Software")]
    rects = alt.Chart(cells).mark_rect(stroke="white", strokeWidth=2).encode(
        x=x, y=y, color=alt.Color("layer:N", title="Layer", scale=theme.colour_scale("layer", layer_order), legend=None),
        tooltip=tooltip)
    text = alt.Chart(cells).mark_text(color="white", fontWeight="bold", fontSize=13).encode(
        x=x, y=y, text="items:Q", tooltip=tooltip)
    return alt.layer(rects, text).properties(
        title=alt.Title("Where each leader ships software",
                        subtitle=["Source: report §1-§9, software-stack paragraphs (소프트웨어 스택).",
                                  "Number: software items the report names in that layer (count)."]),
        description=("Matrix of the leading companies (rows) against the four software-stack layers (columns); "
                     "a filled cell means the report names software of that company in that layer."),
    )


# --- metrics for the explorer --------------------------------------------------------------------

METRICS = {
    "funding": "Funding raised in USD rounds (USD million)",
    "rounds": "Funding rounds in the report's tables (count)",
    "products": "Products in the report's product table (count)",
    "software": "Software items named in the report (count)",
    "deals": "Acquisitions and investments named (count)",
    "claims": "Numeric claims in the company's section (count)",
}
"""The metrics the explorer offers, with their units."""


def company_metrics(*, rounds: pd.DataFrame, products: pd.DataFrame, stack: pd.DataFrame, deals: pd.DataFrame,
                    claims: pd.DataFrame, nvidia_investments: pd.DataFrame | None = None) -> pd.DataFrame:
    """One row per leader and metric of :data:`METRICS` (``company``, ``metric``, ``value``).

    Funding adds USD rounds only (a round in euros is left out); companies with
    no funding table get no funding rows rather than a zero. Deals count the
    rows of ``acquisitions_investments`` plus, for NVIDIA, the rows of its 2021
    investments table when ``nvidia_investments`` is given.
    """
    rows = []
    usd = rounds[rounds["currency"].astype(str) == "USD"]
    for company in LEADERS:
        company_rounds = rounds[rounds["company"].astype(str) == company]
        if len(company_rounds):
            rows.append((company, METRICS["funding"], float(usd.loc[usd["company"].astype(str) == company,
                                                                    "amount_million"].sum())))
            rows.append((company, METRICS["rounds"], float(len(company_rounds))))
        rows.append((company, METRICS["products"], float((products["company"].astype(str) == company).sum())))
        rows.append((company, METRICS["software"], float(((stack["company"].astype(str) == company)
                                                          & (stack["layer_evidence"].astype(str) != "umbrella")).sum())))
        extra = len(nvidia_investments) if nvidia_investments is not None and company == "NVIDIA" else 0
        rows.append((company, METRICS["deals"], float((deals["acquirer"].astype(str) == company).sum() + extra)))
        section = claims["report_section"].astype(str).str.contains(company, regex=False)
        rows.append((company, METRICS["claims"], float((section & ~claims["report_section"].astype(str).str.startswith("§ ")
                                                        & (claims["company"].astype(str) == company)).sum())))
    return pd.DataFrame(rows, columns=["company", "metric", "value"])


def leaders_metric_chart(metrics: pd.DataFrame, *, metric: str | None = None,
                         companies: list[str] | None = None) -> alt.Chart:
    """One bar per company for one metric of :func:`company_metrics`.

    With ``metric=None`` the chart carries a drop-down over every metric (a
    Vega-Lite param), so the static page can switch metrics without a kernel.
    """
    frame = metrics.copy()
    if companies is not None:
        frame = frame[frame["company"].isin(companies)]
    if metric is not None:
        frame = frame[frame["metric"] == metric]
    if frame.empty:
        raise ValueError(f"no values for metric={metric!r}, companies={companies!r}")
    shown = [c for c in LEADERS if c in set(frame["company"])]
    present = set(frame["metric"])
    names = [m for m in METRICS.values() if m in present] + [m for m in dict.fromkeys(frame["metric"]) if m not in METRICS.values()]
    chart = alt.Chart(frame).mark_bar().encode(
        x=alt.X("value:Q", title=metric if metric else "Value (unit in the title)"),
        y=alt.Y("company:N", sort=shown, title=None),
        color=alt.Color("company:N", scale=theme.colour_scale("company", shown), legend=None),
        tooltip=[alt.Tooltip("company:N", title="Company"), alt.Tooltip("metric:N", title="Metric"),
                 alt.Tooltip("value:Q", title="Value", format=",.4g")],
    )
    if metric is None:
        chart = keep_one(chart, name="metric_pick", field="metric", options=names, label="Metric: ")
    return chart.properties(
        title=alt.Title(metric if metric else choice_title("The leaders on one measure:", "metric_pick", names),
                        subtitle="Source: report §1-§9 as transcribed in the book's data (funding, products, "
                                 "software, deals, claims)"),
        description="Bar chart comparing the leading companies on one measure from the report's data.",
    )
