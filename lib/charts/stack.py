"""Charts and tables of the software-stack chapter: who ships what at which layer.

The data are ``company_software_stack`` (one row per piece of software a company
offers or supports, as the report names it) and ``software_stack_layers`` (the
four layers, top to bottom). Umbrella names for a whole stack (SynapseAI,
SambaFlow, Poplar) have no layer of their own: their parts have rows, so the
charts leave the umbrellas out and name them in each part's tooltip.

When a builder is called with ``controls=True`` (the default), the chart carries
its own drop-downs (Vega-Lite parameters bound to ``<select>`` elements), so the
static site stays interactive without a kernel; the ipywidgets controls in
:mod:`lib.widgets.stack` call the same builders with ``controls=False`` and fixed
options instead.
"""

from __future__ import annotations

import json

import altair as alt
import pandas as pd

from lib import theme

OUTSIDE = "Outside the four layers"
"""Column of the matrix for software the report lists but that belongs to no layer."""
_OUTSIDE_KEY = repr(OUTSIDE)

ALL_COMPANIES = "All companies"
ALL_LAYERS = "All layers"

OWN, THIRD_PARTY = "Own or co-developed", "Third-party"
STATED, ASSIGNED, NO_LAYER = "The report", "This book (from the description)", "No layer"

KINDS = {
    "Own software, layer stated in the report": "square",
    "Own software, layer assigned in this book": "diamond",
    "Own software outside the four layers": "cross",
    "Third-party framework or format": "circle",
}
"""Mark shapes of the matrix: whose software, and who puts it in its layer."""

SOURCE = "Source: KISDI AI Trend Watch 2022-9, § Leading companies and §1-§9 (소프트웨어 스택)"


_SHORT_LABELS = ("{'Cloud Service': ['Cloud', 'service'], 'Deep Learning Platform': ['Platform', ''], "
                 "'Deep Learning Compiler': ['Compiler', ''], 'Runtime Library & Driver': ['Runtime', '& driver'], "
                 f"{_OUTSIDE_KEY}: ['Outside', 'the layers']}}[datum.label] || datum.label")
"""Two-line column headings of the matrix (the tooltips give the full layer names)."""


def _layer_names(layers: pd.DataFrame) -> list[str]:
    return [str(name) for name in layers.sort_values("order")["layer"]]


def stack_items(stack: pd.DataFrame, layers: pd.DataFrame) -> pd.DataFrame:
    """One row per piece of software placed in the matrix (umbrellas left out).

    Columns: ``company``, ``software``, ``column`` (the layer, or :data:`OUTSIDE`),
    ``column_order`` (1-4 top to bottom, 5 outside), ``source`` (:data:`OWN` or
    :data:`THIRD_PARTY`), ``placed_by`` (who puts it in that layer: :data:`STATED`,
    :data:`ASSIGNED` or :data:`NO_LAYER`), ``part_of``, ``description``,
    ``company_order`` (order of first appearance, as in the report) and ``slot``
    (0, 1, ... within its company and column, for side-by-side marks).
    """
    names = _layer_names(layers)
    items = stack[stack["layer_evidence"] != "umbrella"].copy()
    layer = items["layer"].astype("string").fillna("")
    items["column"] = layer.where(layer != "", OUTSIDE).astype(str)
    unknown = set(items["column"]) - set(names) - {OUTSIDE}
    if unknown:
        raise ValueError(f"layers not in software_stack_layers: {sorted(unknown)}")
    items["column_order"] = items["column"].map({name: i + 1 for i, name in enumerate(names)}).fillna(
        len(names) + 1).astype(int)
    items["source"] = items["own_software"].map({True: OWN, False: THIRD_PARTY})
    items["placed_by"] = items["layer_evidence"].map({"stated": STATED, "assigned": ASSIGNED,
                                                      "outside the layers": NO_LAYER})
    names_of_kinds = list(KINDS)
    items["kind"] = items["placed_by"].map({STATED: names_of_kinds[0], ASSIGNED: names_of_kinds[1],
                                            NO_LAYER: names_of_kinds[2]}).where(items["source"] == OWN,
                                                                                names_of_kinds[3])
    order = {name: i for i, name in enumerate(dict.fromkeys(stack["company"].astype(str)))}
    items["company"] = items["company"].astype(str)
    items["company_order"] = items["company"].map(order)
    items["part_of"] = items["part_of"].astype("string").fillna("").astype(str)
    items = items.sort_values(["company_order", "column_order"], kind="stable").reset_index(drop=True)
    items["slot"] = items.groupby(["company", "column"]).cumcount()
    return items[["company", "software", "column", "column_order", "source", "placed_by", "kind", "part_of",
                  "description", "company_order", "slot"]]


def layer_coverage(stack: pd.DataFrame, layers: pd.DataFrame, *, own_only: bool = False,
                   stated_only: bool = False) -> pd.DataFrame:
    """Number of items each company has in each of the four layers.

    One row per company (in report order, including companies with nothing in
    the layers), one column per layer (top to bottom) and ``layers_covered``
    (how many of the four have at least one item). ``own_only`` counts only the
    company's own software; ``stated_only`` only items the report itself places
    in a layer.
    """
    items = stack_items(stack, layers)
    companies = list(dict.fromkeys(items.sort_values("company_order")["company"]))
    names = _layer_names(layers)
    kept = items[items["column"] != OUTSIDE]
    if own_only:
        kept = kept[kept["source"] == OWN]
    if stated_only:
        kept = kept[kept["placed_by"] == STATED]
    counts = pd.crosstab(kept["company"], kept["column"]).reindex(index=companies, columns=names, fill_value=0)
    counts.columns.name, counts.index.name = None, "company"
    counts["layers_covered"] = (counts[names] > 0).sum(axis="columns")
    return counts


def _js(text: str) -> str:
    return json.dumps(text)


def _controls(items: pd.DataFrame, company: str | None, layer: str | None):
    """Two drop-downs (company, layer) as Vega-Lite params, and the test they set."""
    companies = list(dict.fromkeys(items.sort_values("company_order")["company"]))
    columns = list(dict.fromkeys(items.sort_values("column_order")["column"]))
    pick_company = alt.param(name="pick_company", value=company or ALL_COMPANIES,
                             bind=alt.binding_select(options=[ALL_COMPANIES, *companies], name="Company: "))
    pick_layer = alt.param(name="pick_layer", value=layer or ALL_LAYERS,
                           bind=alt.binding_select(options=[ALL_LAYERS, *columns], name="Layer: "))
    test = (f"(pick_company == {_js(ALL_COMPANIES)} || datum.company == pick_company) && "
            f"(pick_layer == {_js(ALL_LAYERS)} || datum.column == pick_layer)")
    return [pick_company, pick_layer], test


def _fixed_test(company: str | None, layer: str | None) -> str:
    parts = []
    if company is not None:
        parts.append(f"datum.company == {_js(company)}")
    if layer is not None:
        parts.append(f"datum.column == {_js(layer)}")
    return " && ".join(parts) or "true"


def _check_choice(items: pd.DataFrame, company: str | None, layer: str | None) -> None:
    if company is not None and company not in set(items["company"]):
        raise ValueError(f"no software listed for company {company!r}")
    if layer is not None and layer not in set(items["column"]):
        raise ValueError(f"unknown layer {layer!r}")


def _tooltip() -> list[alt.Tooltip]:
    return [alt.Tooltip("software:N", title="Software"), alt.Tooltip("company:N", title="Company"),
            alt.Tooltip("column:N", title="Layer"), alt.Tooltip("part_of:N", title="Part of"),
            alt.Tooltip("source:N", title="Whose software"), alt.Tooltip("placed_by:N", title="Layer placed by"),
            alt.Tooltip("description:N", title="What it does (report)")]


def stack_matrix_chart(stack: pd.DataFrame, layers: pd.DataFrame, *, company: str | None = None,
                       layer: str | None = None, controls: bool = True) -> alt.Chart:
    """Company × layer matrix: one mark per piece of software, shaped by :data:`KINDS`.

    Parameters
    ----------
    stack, layers : DataFrame
        ``company_software_stack`` and ``software_stack_layers`` as loaded by :func:`lib.data.load`.
    company, layer : str, optional
        Company and layer (or :data:`OUTSIDE`) to highlight; the others fade.
    controls : bool
        With ``True`` the chart carries two drop-downs (company, layer) that set
        the highlight, starting from ``company`` and ``layer``; with ``False`` the
        highlight is fixed.

    Colours are the book's layer colours; the shape tells own software from
    third-party frameworks, and items the report places in a layer from items
    this book places from the report's description.
    """
    items = stack_items(stack, layers)
    _check_choice(items, company, layer)
    columns = list(dict.fromkeys(items.sort_values("column_order")["column"]))
    companies = list(dict.fromkeys(items.sort_values("company_order")["company"]))
    if controls:
        params, test = _controls(items, company, layer)
    else:
        params, test = [], _fixed_test(company, layer)
    colour = theme.colour_scale("layer", columns)
    # a phone's plot gives each column about 50 px for up to seven marks: smaller marks and headings there
    narrow = theme.ON_A_PHONE
    chart = alt.Chart(items).mark_point(filled=True, size=alt.ExprRef(f"{narrow} ? 26 : 150"),
                                        strokeWidth=alt.ExprRef(f"{narrow} ? 1 : 1.5")).encode(
        x=alt.X("column:N", sort=columns, title=None,
                axis=alt.Axis(orient="top", labelAngle=0, labelExpr=_SHORT_LABELS, labelLimit=120,
                              labelFontSize=alt.ExprRef(f"{narrow} ? 10 : 12"), domain=False, ticks=False)),
        xOffset=alt.XOffset("slot:O", scale=alt.Scale(paddingOuter=0.3)),
        y=alt.Y("company:N", sort=companies, title=None, scale=alt.Scale(paddingOuter=0.7),
                axis=alt.Axis(domain=False, ticks=False)),
        fill=alt.Fill("column:N", scale=colour, legend=None),
        stroke=alt.Stroke("column:N", scale=colour, legend=None),
        shape=alt.Shape("kind:N", title="Mark", scale=alt.Scale(domain=list(KINDS), range=list(KINDS.values())),
                        legend=alt.Legend(orient="bottom", direction="vertical", symbolFillColor="#374151",
                                          symbolStrokeColor="#374151", labelLimit=320)),
        opacity=alt.condition(test, alt.value(1.0), alt.value(0.12)),
        tooltip=_tooltip(),
    ).properties(
        height=alt.Step(34),
        title=alt.Title("What each leader ships, layer by layer",
                        subtitle=[SOURCE, "Umbrella names (SynapseAI, SambaFlow, Poplar) are shown through their parts"]),
        description=("Matrix of the ten profiled companies (rows) against the four software-stack layers and a column for "
                     "software outside the layers. Each mark is one piece of software the report names: squares are the "
                     "company's own software in a layer the report names, diamonds own software placed in a layer by this "
                     "book, crosses own software outside the layers, circles third-party frameworks."),
    )
    for param in params:
        chart = chart.add_params(param)
    return chart


def stack_list_chart(stack: pd.DataFrame, layers: pd.DataFrame, *, company: str | None = None,
                     layer: str | None = None, controls: bool = True) -> alt.LayerChart:
    """One company's stack, or one layer across companies, as a list of coloured bands.

    Each row is one piece of software, written as "Company: software" on a band
    in its layer's colour, ordered from the cloud layer at the top to the driver
    at the bottom, so a single company reads as its stack. With ``controls=True``
    two drop-downs filter the rows (starting from ``company`` and ``layer``; None
    means all); with ``controls=False`` the filter is fixed.
    """
    items = stack_items(stack, layers)
    _check_choice(items, company, layer)
    columns = list(dict.fromkeys(items.sort_values("column_order")["column"]))
    items = items.sort_values(["column_order", "company_order", "slot"], kind="stable").reset_index(drop=True)
    items["rank"] = range(len(items))
    items["label"] = items["company"] + ": " + items["software"] + items["source"].map(
        {OWN: "", THIRD_PARTY: " (third-party)"})
    if controls:
        params, test = _controls(items, company, layer)
    else:  # a fixed choice: keep only the matching rows
        params, test = [], "true"
        if company is not None:
            items = items[items["company"] == company]
        if layer is not None:
            items = items[items["column"] == layer]
    y = alt.Y("label:N", sort=alt.EncodingSortField("rank", order="ascending"), axis=None)
    base = alt.Chart(items).encode(y=y, tooltip=_tooltip())
    if controls:
        base = base.transform_filter(test)
    band = base.mark_rect(opacity=0.35, stroke="white", strokeWidth=2).encode(
        x=alt.value(0), x2=alt.value("width"),
        color=alt.Color("column:N", title="Layer", scale=theme.colour_scale("layer", columns),
                        legend=alt.Legend(orient="top", direction="vertical", columns=2, labelLimit=220, symbolOpacity=1)),
    )
    text = base.mark_text(align="left", baseline="middle", dx=6, fontSize=12, color="#111827", limit=540).encode(
        x=alt.value(0), text="label:N")
    chart = alt.layer(band, text).properties(
        height=alt.Step(24),
        title=alt.Title("A company's stack, or a layer across companies",
                        subtitle=[SOURCE, "Top to bottom: cloud service, platform, compiler, runtime and driver"]),
        description=("List of the software the report names, one row per item, coloured by stack layer and ordered from "
                     "the cloud layer down to the runtime library and driver; drop-downs filter it by company and by layer."),
    )
    for param in params:
        chart = chart.add_params(param)
    return chart
