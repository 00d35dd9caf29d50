"""Charts of the market chapter: revenue by segment, growth ranking, market share, scenario.

Every builder takes the data first and options as keywords, sets encoding types
and unit-bearing titles explicitly, and never displays or saves anything.

The two Gartner tables split the same market two ways (by application and by
device type) into fifteen differently named segments. Charts with a segment
legend (:func:`market_trend_chart`, :func:`market_share_chart`) therefore show
one view each: a legend lists only the segments drawn, and a legend selection
can never point at a segment that a view switch has hidden. The ranking has no
legend and keeps a drop-down over the views. The ipywidgets controls in
:mod:`lib.widgets` call the same builders with fixed options.

Estimates are always marked: year labels of estimated years end in "E" on the
axis and in tooltips, estimate marks are dashed or faded, and the estimate
period is shaded. Colours come from :func:`lib.theme.colour_scale` ("segment").
"""

from __future__ import annotations

import altair as alt
import pandas as pd

from lib import theme
from lib.integrity import cagr_bounds

REVENUE_TITLE = "Revenue (USD million)"
SOURCE = "Source: report § Market outlook; Gartner (May 2022)"
SCENARIO_COLOUR_KEY = "Total"


def cagr(first: float, last: float, years: int) -> float:
    """Compound annual growth rate in percent between two values ``years`` apart.

    >>> round(cagr(100.0, 121.0, 2), 6)
    10.0
    """
    if years <= 0 or first <= 0:
        raise ValueError("cagr needs a positive start value and a positive number of years")
    return ((last / first) ** (1 / years) - 1) * 100


def segment_growth(market: pd.DataFrame, *, start: int = 2021, end: int = 2026) -> pd.DataFrame:
    """CAGR of every segment (and of each view's total) between ``start`` and ``end``.

    Returns one row per view and segment with ``start_value``, ``end_value``,
    ``cagr_pct`` and the range of rates the table's cells allow once rounding to
    USD 1 million is taken into account (``cagr_low_pct``, ``cagr_high_pct``,
    from :func:`lib.integrity.cagr_bounds`); the totals have ``segment == "Total"``.
    """
    wide = market.pivot_table(index=["view", "segment"], columns="year", values="revenue_usd_million",
                              aggfunc="sum", observed=True)
    totals = wide.groupby(level="view", observed=True).sum()
    totals.index = pd.MultiIndex.from_product([totals.index, ["Total"]], names=["view", "segment"])
    both = pd.concat([wide, totals])
    growth = pd.DataFrame({"start_value": both[start], "end_value": both[end]}).reset_index()
    years = end - start
    growth["cagr_pct"] = [cagr(a, b, years) for a, b in zip(growth.start_value, growth.end_value)]
    bounds = [cagr_bounds(a, b, years) for a, b in zip(growth.start_value, growth.end_value)]
    growth["cagr_low_pct"] = [low for low, _ in bounds]
    growth["cagr_high_pct"] = [high for _, high in bounds]
    return growth


def year_label(year: int, is_estimate: bool) -> str:
    """``"2023E"`` for an estimated year, ``"2021"`` for an actual one."""
    return f"{int(year)}E" if is_estimate else str(int(year))


def _year_axis(first_estimate: int | None, last_estimate: int | None = None) -> alt.Axis:
    if first_estimate is None:
        label = "'' + datum.value"
    elif last_estimate is None:
        label = f"datum.value >= {first_estimate} ? datum.value + 'E' : '' + datum.value"
    else:
        label = (f"datum.value >= {first_estimate} && datum.value <= {last_estimate} ? datum.value + 'E' "
                 ": '' + datum.value")
    # on a phone six or more full labels touch; the century goes ("’22E"), every year stays labelled
    short = f"{theme.ON_A_PHONE} ? '\u2019' + slice(({label}), 2) : ({label})"
    return alt.Axis(title="Year (E = Gartner estimate)" if first_estimate else "Year",
                    labelExpr=short, labelAngle=0)


def _first_estimate_year(frame: pd.DataFrame) -> int | None:
    years = frame.loc[frame["is_estimate"], "year"]
    return int(years.min()) if len(years) else None


def _view_param(market: pd.DataFrame):
    """A drop-down over the market views (a Vega-Lite param bound to a ``<select>``)."""
    options = [str(v) for v in market["view"].cat.categories if (market["view"] == v).any()]
    return alt.selection_point(name="view", fields=["view"], value=[{"view": options[0]}],
                               bind=alt.binding_select(options=options, name="Market split: "))


def _restrict(market: pd.DataFrame, view: str | None, years: tuple[int, int] | None) -> pd.DataFrame:
    frame = market if view is None else market[market["view"] == view]
    if years is not None:
        frame = frame[frame["year"].between(*years)]
    if frame.empty:
        raise ValueError(f"no market data for view={view!r}, years={years!r}")
    frame = frame.copy()
    frame["view"] = frame["view"].astype(str)
    frame["segment"] = frame["segment"].astype(str)
    frame["year_label"] = [year_label(y, e) for y, e in zip(frame["year"], frame["is_estimate"])]
    return frame


def _segment_order(frame: pd.DataFrame) -> list[str]:
    """Segments by revenue in the last year shown, largest first (the legend reads like the chart)."""
    last = frame[frame["year"] == frame["year"].max()]
    return list(last.groupby("segment")["revenue_usd_million"].sum().sort_values(ascending=False).index)


def _segment_colour(order: list[str], *, legend: bool = True) -> alt.Color:
    return alt.Color("segment:N", sort=order, scale=theme.colour_scale("segment", order),
                     legend=alt.Legend(title="Segment", orient="bottom", direction="vertical", symbolOpacity=1.0,
                                       symbolStrokeWidth=3, labelLimit=320) if legend else None)


def market_trend_chart(market: pd.DataFrame, *, view: str,
                       years: tuple[int, int] | None = None) -> alt.LayerChart:
    """Revenue of each segment of one market view over time, one line per segment.

    Parameters
    ----------
    market : DataFrame
        :func:`lib.data.load_market` output (``view``, ``segment``, ``year``,
        ``revenue_usd_million``, ``is_estimate``).
    view : str
        The view drawn ("By application" or "By device type"); its legend lists
        only its own segments.
    years : (int, int), optional
        First and last year to show.

    Returns
    -------
    alt.LayerChart
        Shaded estimate period, solid lines for actual years and dashed lines for
        estimates; clicking a legend entry highlights that segment (clicking
        again, or clicking elsewhere, shows all segments again).
    """
    frame = _restrict(market, view, years)
    first_estimate = _first_estimate_year(frame)
    # The last actual year starts the dashed estimate line, so the two parts join.
    last_actual = frame.loc[~frame["is_estimate"], "year"].max()
    if first_estimate and pd.notna(last_actual):
        lines = pd.concat([
            frame.assign(period=frame["is_estimate"].map({False: "Actual", True: "Gartner estimate"})),
            frame[frame["year"] == last_actual].assign(period="Gartner estimate"),
        ], ignore_index=True)
    else:
        lines = frame.assign(period=frame["is_estimate"].map({False: "Actual", True: "Gartner estimate"}))
    order = _segment_order(frame)

    picked = alt.selection_point(name="segment_pick", fields=["segment"], bind="legend")
    line = alt.Chart(lines).mark_line(point=True).encode(
        x=alt.X("year:O", axis=_year_axis(first_estimate)),
        y=alt.Y("revenue_usd_million:Q", title=REVENUE_TITLE),
        color=_segment_colour(order),
        strokeDash=alt.StrokeDash("period:N", legend=None,  # explained in the subtitle
                                  scale=alt.Scale(domain=["Actual", "Gartner estimate"], range=[[1, 0], [5, 4]])),
        detail="period:N",
        # an empty selection (nothing clicked) selects every segment, so nothing is faded
        opacity=alt.when(picked).then(alt.value(1.0)).otherwise(alt.value(0.15)),
        tooltip=[alt.Tooltip("segment:N", title="Segment"), alt.Tooltip("year_label:N", title="Year"),
                 alt.Tooltip("revenue_usd_million:Q", title=REVENUE_TITLE, format=",.0f")],
    ).add_params(picked)
    layers = [line]
    if first_estimate:
        band = alt.Chart(pd.DataFrame({"start": [first_estimate], "end": [int(frame["year"].max())]})).mark_rect(
            color="#f3f4f6").encode(x="start:O", x2="end:O")
        layers.insert(0, band)
    split = view.lower()
    return alt.layer(*layers).properties(
        title=alt.Title(f"AI-semiconductor revenue {split}",
                        subtitle=[SOURCE, "Dashed lines, shaded years: estimates (E)", "Click a legend entry to highlight"]),
        description=(f"Line chart of worldwide AI-semiconductor revenue {split}, one line per segment, "
                     f"{int(frame['year'].min())} to {int(frame['year'].max())}, in USD million; "
                     f"estimated years are dashed. Segments: {', '.join(order)}."),
    )


def cagr_ranking_chart(market: pd.DataFrame, *, printed: pd.DataFrame | None = None, view: str | None = None,
                       start: int = 2021, end: int = 2026) -> alt.LayerChart:
    """Segments ranked by compound annual growth between ``start`` and ``end``.

    Bars show the CAGR computed from the table's own values; a thin grey bar
    behind each end shows the range of rates the rounded cells allow (two
    segments whose ranges overlap cannot be ranked: a tie). When ``printed`` is
    given (columns ``view``, ``segment``, ``cagr_2021_2026_pct``), a black tick
    marks the CAGR printed in the report. Without a fixed ``view`` the chart has
    a drop-down over the views; it has no legend (segments are named on the axis).
    """
    growth = segment_growth(_restrict(market, view, None), start=start, end=end)
    growth = growth[growth["segment"] != "Total"]
    if printed is not None:
        growth = growth.merge(printed[["view", "segment", "cagr_2021_2026_pct"]].astype(
            {"view": str, "segment": str}), on=["view", "segment"], how="left")
    end_label = f"{end}E" if end >= 2022 else str(end)
    order = list(growth["segment"].unique())
    # sorted on the computed rate itself: in a layer, sort="-x" meets the other layers' x fields and
    # Vega-Lite drops the sort (the segments would then stand in alphabetical order)
    y = alt.Y("segment:N", sort=alt.EncodingSortField("cagr_pct", op="max", order="descending"), title=None,
              axis=alt.Axis(labelLimit=230))
    ranked = alt.Chart(growth).encode(y=y)
    tooltip = [alt.Tooltip("segment:N", title="Segment"),
               alt.Tooltip("cagr_pct:Q", title="CAGR computed (% a year)", format=".2f"),
               alt.Tooltip("cagr_low_pct:Q", title="Lowest rate rounding allows (%)", format=".2f"),
               alt.Tooltip("cagr_high_pct:Q", title="Highest rate rounding allows (%)", format=".2f"),
               alt.Tooltip("start_value:Q", title=f"{start} revenue (USD million)", format=",.0f"),
               alt.Tooltip("end_value:Q", title=f"{end_label} revenue (USD million)", format=",.0f")]
    if printed is not None:
        tooltip.append(alt.Tooltip("cagr_2021_2026_pct:Q", title="CAGR printed in the report (%)", format=".1f"))
    bars = ranked.mark_bar(opacity=theme.ESTIMATE_OPACITY).encode(
        x=alt.X("cagr_pct:Q", title=f"CAGR {start}–{end_label} (% a year)"),
        color=_segment_colour(order, legend=False),
        tooltip=tooltip,
    )
    spread = ranked.mark_rule(color="#374151", strokeWidth=2).encode(
        x="cagr_low_pct:Q", x2="cagr_high_pct:Q", tooltip=tooltip)
    layers = [bars, spread]
    if printed is not None:
        layers.append(ranked.mark_tick(color="black", thickness=2, size=18).encode(
            x="cagr_2021_2026_pct:Q", tooltip=tooltip))
    note = ["Bars: computed from the table", "Grey rules: range the rounded cells allow"]
    if printed is not None:
        note[0] += "; ticks: as printed"
    if view is None:
        param = _view_param(market)
        layers = [layer.transform_filter(param) for layer in layers]
        layers[0] = layers[0].add_params(param)
    return alt.layer(*layers).properties(
        title=alt.Title(f"Growth ranking, {start}–{end_label}", subtitle=[SOURCE, *note]),
        description=(f"Bar chart ranking market segments by compound annual growth rate {start}-{end_label} "
                     "in percent a year, with the range allowed by rounding and the printed rate."),
    )


def market_share_chart(market: pd.DataFrame, *, view: str) -> alt.Chart:
    """Each segment's share of the year's total in one market view, as 100 % stacked bars.

    The share is computed before drawing, so the tooltip shows the share drawn
    (%) and the revenue behind it (USD million). Estimated years are labelled
    "E" and faded (no separate legend); clicking a legend entry highlights a segment.
    """
    frame = _restrict(market, view, None)
    frame["share_pct"] = frame["revenue_usd_million"] / frame.groupby("year")["revenue_usd_million"].transform("sum") * 100
    order = _segment_order(frame)
    frame["stack_order"] = frame["segment"].map({name: i for i, name in enumerate(order)})
    first_estimate = _first_estimate_year(frame)
    picked = alt.selection_point(name="share_pick", fields=["segment"], bind="legend")
    split = view.lower()
    return alt.Chart(frame).mark_bar().encode(
        x=alt.X("year:O", axis=_year_axis(first_estimate)),
        y=alt.Y("share_pct:Q", stack="zero", title="Share of the year's total (%)", scale=alt.Scale(domain=[0, 100])),
        color=_segment_colour(order),
        order=alt.Order("stack_order:Q"),
        opacity=(alt.when(~picked).then(alt.value(0.12))
                 .when(alt.datum.is_estimate).then(alt.value(theme.ESTIMATE_OPACITY))
                 .otherwise(alt.value(1.0))),
        tooltip=[alt.Tooltip("segment:N", title="Segment"), alt.Tooltip("year_label:N", title="Year"),
                 alt.Tooltip("share_pct:Q", title="Share of the year's total (%)", format=".1f"),
                 alt.Tooltip("revenue_usd_million:Q", title=REVENUE_TITLE, format=",.0f")],
    ).add_params(picked).properties(
        title=alt.Title(f"Share of the AI-semiconductor market, {split}",
                        subtitle=[SOURCE, "Faded bars (years marked E): estimates", "Click a legend entry to highlight"]),
        description=(f"Stacked bar chart of each segment's share of AI-semiconductor revenue per year, {split}, "
                     "in percent of the year's total; estimated years are faded."),
    )


def scenario_start_rate(market: pd.DataFrame, *, view: str = "By application") -> float:
    """Where the scenario's growth rate starts: the total's CAGR from the last actual
    year to the last Gartner year (2021-2026E: the rate the report quotes), in percent."""
    frame = _restrict(market, view, None)
    totals = frame.groupby("year")["revenue_usd_million"].sum()
    last_actual = int(frame.loc[~frame["is_estimate"], "year"].max())
    last = int(frame["year"].max())
    return cagr(float(totals[last_actual]), float(totals[last]), last - last_actual)


def market_scenario_chart(market: pd.DataFrame, *, rate: float | None = None, until: int = 2035,
                          view: str = "By application") -> alt.LayerChart:
    """The market total to the last Gartner year, extended at a constant yearly growth rate.

    The extension is computed in the browser (a Vega-Lite ``calculate`` on the
    param ``growth``), so the static page can move it. Without ``rate`` the
    param is bound to a slider that starts at Gartner's own CAGR of the last
    five years; with ``rate`` (what the live-kernel widget passes) the param is
    fixed at that value. The chart labels the extension as illustrative, not a
    forecast.

    Parameters
    ----------
    market : DataFrame
        :func:`lib.data.load_market` output.
    rate : float, optional
        Yearly growth after the last Gartner year, in percent.
    until : int
        Last year of the extension.
    view : str
        Which table's total to extend (both tables have the same totals).
    """
    frame = _restrict(market, view, None)
    totals = frame.groupby(["year", "is_estimate"], as_index=False)["revenue_usd_million"].sum()
    totals["year_label"] = [year_label(y, e) for y, e in zip(totals["year"], totals["is_estimate"])]
    last = int(totals["year"].max())
    if until <= last:
        raise ValueError(f"until must be after the last Gartner year ({last})")
    base = float(totals.loc[totals["year"] == last, "revenue_usd_million"].iloc[0])
    if rate is None:
        growth = alt.param(name="growth", value=round(scenario_start_rate(market, view=view), 1),
                           bind=alt.binding_range(min=-20, max=60, step=0.5, name="Growth a year after "
                                                  f"{last} (%, illustrative): "))
    else:
        growth = alt.param(name="growth", value=float(rate))
    extension = pd.DataFrame({"year": range(last, until + 1), "base": base})

    first_estimate = _first_estimate_year(frame)
    axis = _year_axis(first_estimate, last)
    axis.format, axis.tickMinStep, axis.labelOverlap = "d", 1, True
    years = alt.Scale(domain=[int(totals["year"].min()), until], nice=False, zero=False)
    x = alt.X("year:Q", axis=axis, scale=years)
    colour = theme.colour_scale("segment", [SCENARIO_COLOUR_KEY]).to_dict()["range"][0]
    band = alt.Chart(pd.DataFrame({"start": [last], "end": [until], "label": ["Illustrative,\nnot a forecast"]}))
    shade = band.mark_rect(color="#fef3c7").encode(x=alt.X("start:Q", axis=axis, scale=years), x2="end:Q")
    note = band.mark_text(align="left", baseline="top", dx=4, dy=4, color="#92400e", fontWeight="bold",
                          lineBreak="\n").encode(
        x=alt.X("start:Q", axis=axis, scale=years), y=alt.value(0), text="label:N")
    points = alt.OverlayMarkDef(color=colour, filled=True)
    gartner = alt.Chart(totals).mark_line(point=points, color=colour).encode(
        x=x, y=alt.Y("revenue_usd_million:Q", title="Market total (USD million)"),
        tooltip=[alt.Tooltip("year_label:N", title="Year"),
                 alt.Tooltip("revenue_usd_million:Q", title="Gartner total (USD million)", format=",.0f")])
    scenario = alt.Chart(extension).transform_calculate(
        revenue_usd_million=f"datum.base * pow(1 + growth / 100, datum.year - {last})",
        year_label=f"datum.year == {last} ? datum.year + 'E' : datum.year + ' (scenario)'",
        rate_pct="growth",
    ).mark_line(point=alt.OverlayMarkDef(color=colour, filled=False), color=colour, strokeDash=[2, 3]).encode(
        x=x, y="revenue_usd_million:Q",
        tooltip=[alt.Tooltip("year_label:N", title="Year"),
                 alt.Tooltip("revenue_usd_million:Q", title="Scenario total (USD million)", format=",.0f"),
                 alt.Tooltip("rate_pct:Q", title="Growth a year, set by the reader (%)", format=".1f")],
    ).add_params(growth)
    return alt.layer(shade, note, gartner, scenario).properties(
        title=alt.Title(f"What if growth went on after {last}? An illustrative scenario",
                        subtitle=[f"{SOURCE}, to {last}E", f"Dotted, after {last}: the growth rate set below",
                                  "Illustrative, not a forecast"]),
        description=(f"Line chart of the AI-semiconductor market total in USD million: Gartner's figures "
                     f"{int(totals['year'].min())}-{last} (estimates from {first_estimate}), then a dotted "
                     f"extension to {until} at a constant yearly growth rate the reader sets; illustrative, "
                     "not a forecast."),
    )
