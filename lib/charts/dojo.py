"""Tesla's Dojo: the hierarchy from training node to ExaPOD, and an ExaPOD calculator.

The figures come from the report's Tesla section (rows of ``claims``): 354
training nodes per D1 chip, 25 D1 chips per training tile, 9 PFLOPS per tile, 12
tiles per cabinet, 11 cabinets per ExaPOD and 1.1 EFLOPS for the ExaPOD. Only the
tile's peak is printed; the peak of a node, a chip, a cabinet and an ExaPOD is
what those counts multiply out to, and is marked as implied.
"""

from __future__ import annotations

import altair as alt
import pandas as pd

from lib import theme

LEVELS = ["Training node", "D1 chip", "Training tile", "Cabinet", "ExaPOD"]
"""The five levels of Dojo, smallest first."""

_COUNTS = {  # level -> (product, metric) of the claim giving how many of the level below it holds
    "D1 chip": ("D1", "training_nodes_per_chip"),
    "Training tile": ("Dojo training tile", "d1_chips_per_tile"),
    "Cabinet": ("Dojo cabinet", "tiles_per_cabinet"),
    "ExaPOD": ("Dojo ExaPod", "cabinets_per_exapod"),
}

SOURCE = "Source: report §4 (Tesla), Tesla AI Day (2021-08)"
SLIDER_ROW = "Your choice (slider)"


def _claim(claims: pd.DataFrame, section: str, product: str, metric: str) -> pd.Series:
    rows = claims[(claims["report_section"] == section) & (claims["product"] == product) & (claims["metric"] == metric)]
    if len(rows) != 1:
        raise LookupError(f"expected one claim {product!r} {metric!r} in {section!r}, found {len(rows)}")
    return rows.iloc[0]


def dojo_hierarchy(claims: pd.DataFrame, *, section: str = "§4 Tesla") -> pd.DataFrame:
    """The Dojo hierarchy of one report section, one row per level, smallest first.

    Columns: ``level``; ``contains`` (how many of the level below one unit holds,
    as printed) and ``contains_claim``; ``units_per_exapod``; ``peak_pflops``
    (peak per unit) with ``peak_basis`` ("printed" for the tile, "implied"
    elsewhere); ``printed_pflops`` (the ExaPOD's printed peak, in PFLOPS, on its
    row only).

    >>> import pandas as pd
    >>> rows = [("D1", "training_nodes_per_chip", 354), ("Dojo training tile", "d1_chips_per_tile", 25),
    ...         ("Dojo training tile", "peak_performance", 9), ("Dojo cabinet", "tiles_per_cabinet", 12),
    ...         ("Dojo ExaPod", "cabinets_per_exapod", 10), ("Dojo ExaPod", "peak_performance", 1.1)]
    >>> claims = pd.DataFrame([{"claim_id": f"C{i}", "report_section": "§4 Tesla", "product": p, "metric": m,
    ...                         "value": v} for i, (p, m, v) in enumerate(rows)])
    >>> float(dojo_hierarchy(claims).set_index("level")["peak_pflops"]["ExaPOD"])
    1080.0
    """
    counts = {level: _claim(claims, section, *key) for level, key in _COUNTS.items()}
    tile = _claim(claims, section, "Dojo training tile", "peak_performance")
    exapod = _claim(claims, section, "Dojo ExaPod", "peak_performance")
    tile_pflops = float(tile["value"])
    peak = {"Training tile": tile_pflops}
    peak["D1 chip"] = tile_pflops / float(counts["Training tile"]["value"])
    peak["Training node"] = peak["D1 chip"] / float(counts["D1 chip"]["value"])
    peak["Cabinet"] = tile_pflops * float(counts["Cabinet"]["value"])
    peak["ExaPOD"] = peak["Cabinet"] * float(counts["ExaPOD"]["value"])
    per_exapod = {"ExaPOD": 1.0}
    for upper, lower in zip(reversed(LEVELS[1:]), reversed(LEVELS[:-1])):
        per_exapod[lower] = per_exapod[upper] * float(counts[upper]["value"])
    rows = []
    for level in LEVELS:
        claim = counts.get(level)
        rows.append({
            "level": level,
            "contains": None if claim is None else float(claim["value"]),
            "contains_claim": None if claim is None else claim["claim_id"],
            "units_per_exapod": per_exapod[level],
            "peak_pflops": peak[level],
            "peak_basis": "printed" if level == "Training tile" else "implied",
            "printed_pflops": float(exapod["value"]) * 1000 if level == "ExaPOD" else None,
        })
    return pd.DataFrame(rows)


def _exapod_rows(hierarchy: pd.DataFrame, compare_cabinets: dict[str, int]) -> pd.DataFrame:
    levels = hierarchy.set_index("level")
    cabinet_pflops = float(levels.loc["Cabinet", "peak_pflops"])
    rows = [{"row": "Printed in the report", "order": 0, "basis": "Printed", "cabinets": None,
             "eflops": float(levels.loc["ExaPOD", "printed_pflops"]) / 1000}]
    for i, (label, cabinets) in enumerate(compare_cabinets.items(), start=1):
        rows.append({"row": label, "order": i, "basis": "Multiplied out", "cabinets": cabinets,
                     "eflops": cabinets * cabinet_pflops / 1000})
    rows.append({"row": SLIDER_ROW, "order": len(rows), "basis": "Multiplied out", "cabinets": None, "eflops": None})
    frame = pd.DataFrame(rows)
    frame["company"] = "Tesla"
    frame["tiles_per_cabinet"] = float(levels.loc["Cabinet", "contains"])
    frame["chips_per_tile"] = float(levels.loc["Training tile", "contains"])
    frame["nodes_per_chip"] = float(levels.loc["D1 chip", "contains"])
    frame["cabinet_pflops"] = cabinet_pflops
    return frame


def dojo_exapod_chart(hierarchy: pd.DataFrame, *, cabinets: int | None = None, tesla_cabinets: int = 10,
                      max_cabinets: int = 16) -> alt.LayerChart:
    """An ExaPOD calculator: peak EFLOPS for a number of cabinets, beside the printed 1.1.

    Parameters
    ----------
    hierarchy : DataFrame
        :func:`dojo_hierarchy` output.
    cabinets : int, optional
        Cabinets of the calculated ExaPOD. By default the chart carries a slider
        (a Vega-Lite parameter ``cabinets`` bound to a range input, starting at the
        report's count); a fixed value gives the same chart without the slider.
    tesla_cabinets : int
        The cabinet count Tesla gave at AI Day (correction A8), drawn as a row.
    max_cabinets : int
        Upper end of the slider.

    Returns
    -------
    alt.LayerChart
        One bar per row: the printed ExaPOD, the report's cabinet count multiplied
        out, Tesla's, and the slider's; a grey band marks the values that round to
        the printed figure. Tooltips give tiles, D1 chips and training nodes.
    """
    levels = hierarchy.set_index("level")
    report_cabinets = int(levels.loc["ExaPOD", "contains"])
    printed = float(levels.loc["ExaPOD", "printed_pflops"]) / 1000
    frame = _exapod_rows(hierarchy, {f"{report_cabinets} cabinets (report)": report_cabinets,
                                     f"{tesla_cabinets} cabinets (Tesla)": tesla_cabinets})
    if cabinets is None:
        param = alt.param(name="cabinets", value=report_cabinets,
                          bind=alt.binding_range(min=1, max=max_cabinets, step=1, name="Cabinets in the ExaPOD: "))
    else:
        param = alt.param(name="cabinets", value=int(cabinets))
    base = alt.Chart(frame).transform_calculate(
        cabinets=f"datum.row == '{SLIDER_ROW}' ? cabinets : datum.cabinets",
    ).transform_calculate(
        eflops=f"datum.row == '{SLIDER_ROW}' ? datum.cabinets * datum.cabinet_pflops / 1000 : datum.eflops",
        tiles="datum.cabinets * datum.tiles_per_cabinet",
    ).transform_calculate(
        chips="datum.tiles * datum.chips_per_tile",
    ).transform_calculate(
        nodes="datum.chips * datum.nodes_per_chip",
        label=f"format(datum.eflops, '.2f') + ' EF' + (datum.row == '{SLIDER_ROW}' ? ' (' + datum.cabinets + ' cab.)' : '')",
    )
    y = alt.Y("row:N", sort=frame["row"].tolist(), title=None, axis=alt.Axis(labelLimit=200))
    x_scale = alt.Scale(domain=[0, round(max_cabinets * float(levels.loc["Cabinet", "peak_pflops"]) / 1000 + 0.5, 1)])
    band = alt.Chart(pd.DataFrame({"low": [printed - 0.05], "high": [printed + 0.05]})).mark_rect(
        color="#e5e7eb").encode(x=alt.X("low:Q", scale=x_scale), x2="high:Q")
    tooltip = [alt.Tooltip("row:N", title="Row"), alt.Tooltip("eflops:Q", title="Peak (EFLOPS)", format=".3f"),
               alt.Tooltip("cabinets:Q", title="Cabinets"), alt.Tooltip("tiles:Q", title="Training tiles", format=","),
               alt.Tooltip("chips:Q", title="D1 chips", format=","), alt.Tooltip("nodes:Q", title="Training nodes", format=",")]
    bars = base.mark_bar(height=22).encode(
        x=alt.X("eflops:Q", title="Peak performance of one ExaPOD (EFLOPS)", scale=x_scale),
        y=y,
        color=alt.Color("company:N", scale=theme.colour_scale("company", ["Tesla"]), legend=None),
        opacity=alt.Opacity("basis:N", title="Figure", scale=alt.Scale(domain=["Printed", "Multiplied out"],
                                                                        range=[1.0, theme.ESTIMATE_OPACITY]),
                            legend=alt.Legend(orient="bottom", symbolFillColor=theme.COLOURS["company"]["Tesla"])),
        tooltip=tooltip,
    ).add_params(param)
    text = base.mark_text(align="left", dx=4, fontSize=12).encode(
        x=alt.X("eflops:Q", scale=x_scale), y=y, text="label:N", tooltip=tooltip)
    return alt.layer(band, bars, text).properties(
        title=alt.Title("Dojo ExaPOD: printed peak against its own numbers",
                        subtitle=[f"{SOURCE}. Cabinets x 12 tiles x 9 PFLOPS.",
                                  f"Grey band: values that round to the printed {printed:g} EFLOPS."]),
        description=(f"Bar chart of one Dojo ExaPOD's peak performance in EFLOPS: the printed {printed:g}, the report's "
                     f"{report_cabinets} cabinets multiplied out, Tesla's {tesla_cabinets} cabinets, and a number of "
                     "cabinets chosen with a slider."),
    )


BASES = ["Printed", "Implied by the counts"]
"""How a level's peak in the ladder chart is known: printed in the report, or implied by its counts."""


def dojo_ladder_chart(hierarchy: pd.DataFrame) -> alt.LayerChart:
    """Peak performance per unit at each Dojo level, on a logarithmic scale.

    The tile's peak is printed; the others are implied by the printed counts
    (filled points: printed, open points: implied).
    """
    frame = hierarchy.assign(tflops=hierarchy["peak_pflops"] * 1000, company="Tesla",
                             basis=hierarchy["peak_basis"].map(dict(zip(["printed", "implied"], BASES))),
                             step=[""] + [f"x {c:,.0f}" for c in hierarchy["contains"].iloc[1:]])
    y = alt.Y("level:N", sort=LEVELS, title=None)
    # padding: the smallest level's point sits clear of its axis label
    x = alt.X("tflops:Q", title="Peak per unit (TFLOPS, log scale)", scale=alt.Scale(type="log", padding=8))
    tooltip = [alt.Tooltip("level:N", title="Level"), alt.Tooltip("tflops:Q", title="Peak (TFLOPS)", format=",.2f"),
               alt.Tooltip("contains:Q", title="Units of the level below", format=","),
               alt.Tooltip("units_per_exapod:Q", title="Units per ExaPOD", format=","),
               alt.Tooltip("basis:N", title="Figure")]
    tesla = theme.COLOURS["company"]["Tesla"]
    points = alt.Chart(frame).mark_point(size=140, strokeWidth=2, filled=True).encode(
        x=x, y=y,
        # stroke, fill and shape share the field and title, so Vega-Lite draws one legend whose symbols
        # look like the marks: printed filled, implied open, both in Tesla's colour
        stroke=alt.Stroke("basis:N", title="Figure", scale=alt.Scale(domain=BASES, range=[tesla, tesla])),
        fill=alt.Fill("basis:N", title="Figure", scale=alt.Scale(domain=BASES, range=[tesla, "white"])),
        shape=alt.Shape("basis:N", title="Figure", scale=alt.Scale(domain=BASES, range=["square", "circle"]),
                        legend=alt.Legend(orient="bottom", symbolStrokeWidth=2, symbolOpacity=1)),
        tooltip=tooltip,
    )
    steps = alt.Chart(frame).mark_text(align="left", dx=10, dy=-12, fontSize=11, color="#4b5563").encode(
        x=x, y=y, text="step:N")
    return alt.layer(points, steps).properties(
        title=alt.Title("From training node to ExaPOD", subtitle=f"{SOURCE}. Labels: how many of the level below."),
        description="Dot plot of the peak performance per unit of each Dojo level, training node to ExaPOD, "
                    "in TFLOPS on a logarithmic scale.",
    )
