"""Charts of the landscape chapter: the report's products table and Gartner's device types.

``product_classes`` joins the report's table of 23 flagship products with the
corrections recorded for it; ``products_chart`` draws the products by deployment
and hardware class, with a radio button that switches between the class as
printed and as corrected; ``device_mix_chart`` draws what Gartner counted as
AI-semiconductor revenue in one year, by device type, with a year slider.
"""

from __future__ import annotations

import json

import altair as alt
import pandas as pd

from lib import theme
from lib.charts.params import choice_title

BASES = ("As printed", "Corrected")
"""The two ways of labelling a product's hardware class."""

CLASS_ORDER = ["CPU", "GPU", "FPGA", "NPU", "SoC", "Software (not a chip)"]
"""Short hardware classes, in legend order (colours from :mod:`lib.theme`)."""

SHORT_CLASS = {
    "SoC (edge AI module)": "SoC",
    "NPU (ASIC; coarse-grained reconfigurable dataflow chip)": "NPU",
    "software development stack (not a chip)": "Software (not a chip)",
}
"""Corrected class labels of ``corrections`` mapped to the short classes drawn in charts."""

DEPLOYMENTS = ["Cloud", "Cloud/Edge", "Edge", "Inference", "Not printed"]
"""Values of the table's purpose column (하드웨어 목적), in axis order; "Not printed" stands for "_"."""

GARTNER_KIND = {
    "Graphics processing unit": "GPU",
    "FPGA": "FPGA",
    "Other application-specific": "ASIC/NPU (stand-alone accelerators)",
    "Microprocessor (compute)": "CPU (PCs and servers)",
    "Microprocessor (embedded)": "CPU (embedded)",
    "Microcontroller": "CPU (small embedded core)",
    "Application/multimedia processor": "System-on-chip: CPU + GPU + NPU blocks",
    "Integrated baseband/application processor": "System-on-chip: modem + CPU + GPU + NPU blocks",
    "Digital signal processor": "None of the four (signal processor)",
}
"""Gartner's device types mapped to the report's four kinds. This mapping is the
book's reading of the categories, not a definition printed by Gartner or the report."""

DEVICE_SHORT = {
    "Application/multimedia processor": "App./multimedia processor",
    "Integrated baseband/application processor": "Baseband + app. processor",
    "Graphics processing unit": "GPU",
    "Microprocessor (compute)": "Microprocessor (compute)",
    "Microprocessor (embedded)": "Microprocessor (embedded)",
    "Other application-specific": "Other application-specific",
    "Digital signal processor": "Digital signal processor",
    "Microcontroller": "Microcontroller",
    "FPGA": "FPGA",
}
"""Axis labels for Gartner's device types (the tooltip gives the full names)."""

DEVICE_SHORTEST = {
    "Application/multimedia processor": "App./media proc.",
    "Integrated baseband/application processor": "Baseband + app.",
    "Microprocessor (compute)": "MPU (compute)",
    "Microprocessor (embedded)": "MPU (embedded)",
    "Other application-specific": "Other app.-specific",
    "Digital signal processor": "DSP",
    "Microcontroller": "MCU",
}
"""Shorter labels where a phone's plot leaves the axis too little room (other types keep
their :data:`DEVICE_SHORT` label)."""

DEVICE_REVENUE_TITLE = "Revenue (USD million)"


def short_class(label: str) -> str:
    """The short hardware class drawn for a printed or corrected class label.

    >>> short_class("SoC (edge AI module)"), short_class("GPU")
    ('SoC', 'GPU')
    """
    label = str(label)
    if label in CLASS_ORDER:
        return label
    if label in SHORT_CLASS:
        return SHORT_CLASS[label]
    raise KeyError(f"no short hardware class for {label!r}; add it to lib.charts.landscape.SHORT_CLASS")


def _corrections_for(corrections: pd.DataFrame, field: str) -> pd.DataFrame:
    rows = corrections[(corrections["dataset"].astype(str) == "flagship_products")
                       & (corrections["field"] == field)].copy()
    rows["product"] = rows["record"].str.removeprefix("product=")
    return rows


def product_classes(products: pd.DataFrame, corrections: pd.DataFrame) -> pd.DataFrame:
    """The products table with its class and deployment corrections beside the printed values.

    Parameters
    ----------
    products : DataFrame
        ``data.load("flagship_products")`` (``row``, ``company``, ``product``,
        ``hardware_class_printed``, ``purpose_printed``).
    corrections : DataFrame
        ``data.load("corrections")``; rows of dataset ``flagship_products`` are used.

    Returns
    -------
    DataFrame
        One row per product: ``row``, ``company``, ``product``, ``class_printed``,
        ``class_corrected`` (short class), ``class_corrected_label`` (the corrected
        label as recorded), ``class_correction`` (correction ID or ""),
        ``deployment`` (purpose as printed, "Not printed" for "_"),
        ``deployment_correction`` (e.g. "A5: Cloud (high confidence)" or "").
    """
    table = pd.DataFrame({
        "row": products["row"].astype(int),
        "company": products["company"].astype(str),
        "product": products["product"].astype(str),
        "class_printed": products["hardware_class_printed"].astype(str),
        "deployment": products["purpose_printed"].astype(object).where(products["purpose_printed"].notna(),
                                                                       "Not printed").astype(str),
    })
    unknown = sorted(set(table["deployment"]) - set(DEPLOYMENTS))
    if unknown:
        raise ValueError(f"unexpected purpose values {unknown}")
    classes = _corrections_for(corrections, "hardware_class_printed").set_index("product")
    missing = sorted(set(classes.index) - set(table["product"]))
    if missing:
        raise KeyError(f"class corrections for products not in the table: {missing}")
    for printed, product in zip(classes["printed_value"], classes.index):
        shown = table.loc[table["product"] == product, "class_printed"].iloc[0]
        if printed != shown:
            raise ValueError(f"{product}: correction says printed {printed!r}, table has {shown!r}")
    table["class_corrected_label"] = table["product"].map(classes["corrected_value"]).fillna(table["class_printed"])
    table["class_corrected"] = table["class_corrected_label"].map(short_class)
    table["class_printed"].map(short_class)  # every printed class must have a colour too
    table["class_correction"] = table["product"].map(classes["correction_id"].astype(str)).fillna("")
    purposes = _corrections_for(corrections, "purpose_printed").set_index("product")
    notes = (purposes["correction_id"].astype(str) + ": " + purposes["corrected_value"] + " ("
             + purposes["confidence"].astype(str) + " confidence)")
    table["deployment_correction"] = table["product"].map(notes).fillna("")
    return table.sort_values("row").reset_index(drop=True)


def _restrict_products(table: pd.DataFrame, deployments, companies) -> pd.DataFrame:
    frame = table
    if deployments is not None:
        frame = frame[frame["deployment"].isin(list(deployments))]
    if companies is not None:
        frame = frame[frame["company"].isin(list(companies))]
    return frame.copy()


def products_chart(table: pd.DataFrame, *, basis: str | None = None, deployments=None,
                   companies=None) -> alt.Chart:
    """The report's flagship products, one block each, by deployment and hardware class.

    Parameters
    ----------
    table : DataFrame
        :func:`product_classes` output.
    basis : {"As printed", "Corrected"}, optional
        Colour by the class as printed or as corrected. By default the chart
        carries a radio button (a Vega-Lite param) that switches between the two,
        starting with the class as printed.
    deployments, companies : list of str, optional
        Show only these deployments (purpose values) or companies.

    Returns
    -------
    alt.Chart
        Horizontal stacked bars: one bar per deployment, one block per product,
        coloured by hardware class; the tooltip names product and company.
    """
    if basis is not None and basis not in BASES:
        raise ValueError(f"basis must be one of {BASES}, not {basis!r}")
    frame = _restrict_products(table, deployments, companies)
    frame["one"] = 1
    if basis is None:
        param = alt.param(name="class_basis", value=BASES[0],
                          bind=alt.binding_radio(options=list(BASES), name="Hardware class: "))
        chosen = f"class_basis == '{BASES[1]}' ? datum.class_corrected : datum.class_printed"
    else:
        param = None
        chosen = "datum.class_corrected" if basis == BASES[1] else "datum.class_printed"
    shown = [d for d in DEPLOYMENTS if d in set(frame["deployment"])] or DEPLOYMENTS
    chart = alt.Chart(frame).transform_calculate(
        hardware_class=chosen,
    ).transform_calculate(
        class_rank=f"indexof({CLASS_ORDER!r}, datum.hardware_class)",
    ).mark_bar(stroke="white", strokeWidth=2).encode(
        x=alt.X("one:Q", stack="zero", title="Products in the report's table (count)",
                axis=alt.Axis(tickMinStep=1, format="d")),
        y=alt.Y("deployment:N", sort=shown, title="Purpose as printed (하드웨어 목적)"),
        color=alt.Color("hardware_class:N", title="Hardware class",
                        scale=theme.colour_scale("hardware_class", CLASS_ORDER),
                        legend=alt.Legend(orient="bottom", columns=3)),
        order=alt.Order("class_rank:Q"),
        tooltip=[alt.Tooltip("product:N", title="Product"), alt.Tooltip("company:N", title="Company"),
                 alt.Tooltip("hardware_class:N", title="Class shown"),
                 alt.Tooltip("class_printed:N", title="Class as printed"),
                 alt.Tooltip("class_corrected_label:N", title="Class corrected"),
                 alt.Tooltip("class_correction:N", title="Class correction"),
                 alt.Tooltip("deployment:N", title="Purpose as printed"),
                 alt.Tooltip("deployment_correction:N", title="Purpose correction")],
    )
    if param is not None:
        chart = chart.add_params(param)
    which = {None: "switch between the class as printed and as corrected",
             "As printed": "class as printed", "Corrected": "class as corrected"}[basis]
    subtitle = [f"Source: the report's table of leading companies' products; {which}.",
                "One block per product; purposes as printed (see the correction notes)."]
    if frame.empty:
        subtitle = ["No product matches the filters."]
    return chart.properties(
        height=alt.Step(34),
        title=alt.Title("The report's flagship AI products by purpose and hardware class", subtitle=subtitle),
        description=("Stacked bar chart of the products listed in the report's product table, one block per "
                     "product, grouped by the printed purpose (Cloud, Cloud/Edge, Edge, Inference, not printed) "
                     "and coloured by hardware class, as printed or as corrected."),
    )


def device_mix(device: pd.DataFrame) -> pd.DataFrame:
    """Gartner's revenue by device type with each year's share and the book's kind mapping.

    Adds ``share_pct`` (percent of that year's total), ``kind`` (from
    :data:`GARTNER_KIND`) and ``values`` ("Actual" or "Gartner estimate").
    """
    frame = device.copy()
    frame["segment"] = frame["segment"].astype(str)
    unknown = sorted(set(frame["segment"]) - set(GARTNER_KIND))
    if unknown:
        raise KeyError(f"no kind mapped for device types {unknown}")
    totals = frame.groupby("year")["revenue_usd_million"].transform("sum")
    frame["share_pct"] = frame["revenue_usd_million"] / totals * 100
    frame["kind"] = frame["segment"].map(GARTNER_KIND)
    frame["values"] = frame["is_estimate"].map({False: "Actual", True: "Gartner estimate"})
    return frame


def device_mix_chart(device: pd.DataFrame, *, year: int | None = None) -> alt.Chart:
    """AI-semiconductor revenue by Gartner device type in one year.

    Parameters
    ----------
    device : DataFrame
        ``data.load("market_by_device")`` (``segment``, ``segment_ko``, ``year``,
        ``revenue_usd_million``, ``is_estimate``).
    year : int, optional
        Show this year only; by default the chart has a year slider (a
        Vega-Lite param) starting at 2021, the last actual year.

    Returns
    -------
    alt.Chart
        Horizontal bars, largest first, coloured by device type; the tooltip
        gives the revenue, the share of the year's total and the book's mapping
        of the device type to the four kinds of AI chip.
    """
    frame = device_mix(device)
    years = sorted(int(y) for y in frame["year"].unique())
    actual = [int(y) for y in frame.loc[~frame["is_estimate"], "year"].unique()]
    start = max(actual) if actual else years[0]
    if year is not None:
        if year not in years:
            raise ValueError(f"no device data for {year}")
        frame = frame[frame["year"] == year]
    segments = list(GARTNER_KIND)
    chart = alt.Chart(frame).mark_bar().encode(
        x=alt.X("revenue_usd_million:Q", title=DEVICE_REVENUE_TITLE),
        y=alt.Y("segment:N", sort="-x", title=None,
                axis=alt.Axis(labelExpr=f"({theme.ON_A_PHONE} ? {json.dumps({**DEVICE_SHORT, **DEVICE_SHORTEST})} "
                                        f": {json.dumps(DEVICE_SHORT)})[datum.value] || datum.value")),
        color=alt.Color("segment:N", legend=None,
                        scale=theme.colour_scale("segment", [s for s in segments
                                                            if s in set(frame["segment"])])),
        opacity=alt.condition("datum.is_estimate", alt.value(theme.ESTIMATE_OPACITY), alt.value(1.0)),
        tooltip=[alt.Tooltip("segment:N", title="Device type"), alt.Tooltip("segment_ko:N", title="Korean"),
                 alt.Tooltip("year:O", title="Year"), alt.Tooltip("values:N", title="Values"),
                 alt.Tooltip("revenue_usd_million:Q", title=DEVICE_REVENUE_TITLE, format=",.0f"),
                 alt.Tooltip("share_pct:Q", title="Share of the year's total (%)", format=".1f"),
                 alt.Tooltip("kind:N", title="Closest kind (book's reading)")],
    )
    if year is None:
        param = alt.param(name="device_year", value=start,
                          bind=alt.binding_range(min=years[0], max=years[-1], step=1, name="Year: "))
        chart = chart.add_params(param).transform_filter("datum.year == device_year")
        which = f"{years[0]}–{years[-1]}; from 2022 Gartner estimates (faded bars)"
    else:
        which = f"{year}" + (" (Gartner estimate)" if bool(frame["is_estimate"].any()) else "")
    heading = "What Gartner counts as AI-semiconductor revenue, by device type"
    estimated = set(frame.loc[frame["is_estimate"], "year"].astype(int))
    return chart.properties(
        title=alt.Title(heading if year is not None else choice_title(
                            f"{heading}:", "device_year",
                            {y: f"{y}" + (" (Gartner estimate)" if y in estimated else "") for y in years}),
                        subtitle=[f"Source: Gartner (May 2022), reprinted in the report's market outlook; {which}."]),
        description=("Horizontal bar chart of worldwide AI-semiconductor revenue by Gartner device type for one "
                     "year, in USD million, largest first."),
    )
