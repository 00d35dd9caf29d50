"""Charts of the market chapter: revenue by segment, growth ranking, market share.

Every builder takes the data first and options as keywords, sets encoding types
and unit-bearing titles explicitly, and never displays or saves anything. When a
builder is called without a fixed ``view``, the chart carries its own drop-down
(a Vega-Lite parameter bound to a ``<select>``), so the static site stays
interactive without a kernel; the ipywidgets controls in :mod:`lib.widgets` call
the same builders with fixed options instead.

Estimates are always marked: year labels of estimated years end in "E", estimate
marks are dashed or faded, and the estimate period is shaded.
"""

from __future__ import annotations

import altair as alt
import pandas as pd

from lib import theme

REVENUE_TITLE = "Revenue (USD million)"


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

    Returns one row per view and segment with ``start_value``, ``end_value`` and
    ``cagr_pct``; the totals have ``segment == "Total"``.
    """
    wide = market.pivot_table(index=["view", "segment"], columns="year", values="revenue_usd_million",
                              aggfunc="sum", observed=True)
    totals = wide.groupby(level="view", observed=True).sum()
    totals.index = pd.MultiIndex.from_product([totals.index, ["Total"]], names=["view", "segment"])
    both = pd.concat([wide, totals])
    growth = pd.DataFrame({"start_value": both[start], "end_value": both[end]}).reset_index()
    growth["cagr_pct"] = [cagr(a, b, end - start) for a, b in zip(growth.start_value, growth.end_value)]
    return growth


def _year_axis(first_estimate: int | None) -> alt.Axis:
    label = "datum.value" if first_estimate is None else (
        f"datum.value >= {first_estimate} ? datum.value + 'E' : '' + datum.value")
    return alt.Axis(title="Year (E = Gartner estimate)" if first_estimate else "Year",
                    labelExpr=label, labelAngle=0)


def _first_estimate_year(frame: pd.DataFrame) -> int | None:
    years = frame.loc[frame["is_estimate"], "year"]
    return int(years.min()) if len(years) else None


def _view_param(market: pd.DataFrame, view: str | None):
    """A drop-down over the market views, or ``None`` when the view is fixed."""
    if view is not None:
        return None
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
    return frame


def market_trend_chart(market: pd.DataFrame, *, view: str | None = None,
                       years: tuple[int, int] | None = None) -> alt.LayerChart:
    """Revenue of each market segment over time, one line per segment.

    Parameters
    ----------
    market : DataFrame
        :func:`lib.data.load_market` output (``view``, ``segment``, ``year``,
        ``revenue_usd_million``, ``is_estimate``).
    view : str, optional
        Show one view only; by default the chart has a drop-down to switch views.
    years : (int, int), optional
        First and last year to show.

    Returns
    -------
    alt.LayerChart
        Shaded estimate period, solid lines for actual years and dashed lines for
        estimates; clicking a legend entry highlights that segment.
    """
    frame = _restrict(market, view, years)
    first_estimate = _first_estimate_year(frame)
    # The last actual year starts the dashed estimate line, so the two parts join.
    last_actual = frame.loc[~frame["is_estimate"], "year"].max()
    lines = pd.concat([
        frame.assign(period=frame["is_estimate"].map({False: "Actual", True: "Gartner estimate"})),
        frame[frame["year"] == last_actual].assign(period="Gartner estimate"),
    ], ignore_index=True) if first_estimate else frame.assign(period="Actual")

    picked = alt.selection_point(name="segment_pick", fields=["segment"], bind="legend")
    x = alt.X("year:O", axis=_year_axis(first_estimate))
    line = alt.Chart(lines).mark_line(point=True).encode(
        x=x,
        y=alt.Y("revenue_usd_million:Q", title=REVENUE_TITLE),
        color=alt.Color("segment:N", title="Segment (click to highlight)", sort=None),
        strokeDash=alt.StrokeDash("period:N", title="Values",
                                  scale=alt.Scale(domain=["Actual", "Gartner estimate"], range=[[1, 0], [5, 4]])),
        detail="period:N",
        opacity=alt.condition(picked, alt.value(1.0), alt.value(0.15)),
        tooltip=[alt.Tooltip("segment:N", title="Segment"), alt.Tooltip("year:O", title="Year"),
                 alt.Tooltip("revenue_usd_million:Q", title=REVENUE_TITLE, format=",.0f"),
                 alt.Tooltip("period:N", title="Values")],
    ).add_params(picked)
    param = _view_param(market, view)
    if param is not None:
        line = line.add_params(param).transform_filter(param)
    layers = [line]
    if first_estimate:
        band = alt.Chart(pd.DataFrame({"start": [first_estimate], "end": [int(frame["year"].max())]})).mark_rect(
            color="#f3f4f6").encode(x="start:O", x2="end:O")
        layers.insert(0, band)
    chart = alt.layer(*layers).properties(
        title=alt.Title("AI-semiconductor revenue by segment",
                        subtitle="Gartner (May 2022); shaded years and dashed lines are estimates"),
        description="Line chart of AI-semiconductor revenue by market segment per year, in USD million.",
    )
    return chart


def cagr_ranking_chart(market: pd.DataFrame, *, printed: pd.DataFrame | None = None, view: str | None = None,
                       start: int = 2021, end: int = 2026) -> alt.LayerChart:
    """Segments ranked by compound annual growth between ``start`` and ``end``.

    Bars show the CAGR computed from the table's own values; when ``printed`` is
    given (columns ``view``, ``segment``, ``cagr_2021_2026_pct``), a black tick
    marks the CAGR printed in the report beside each bar.
    """
    growth = segment_growth(_restrict(market, view, None), start=start, end=end)
    growth = growth[growth["segment"] != "Total"]
    if printed is not None:
        growth = growth.merge(printed[["view", "segment", "cagr_2021_2026_pct"]].astype(
            {"view": str, "segment": str}), on=["view", "segment"], how="left")
    estimate_note = f"{end} values are Gartner estimates" if end >= 2022 else "actual values"
    y = alt.Y("segment:N", sort="-x", title=None)
    bars = alt.Chart(growth).mark_bar(opacity=theme.ESTIMATE_OPACITY).encode(
        x=alt.X("cagr_pct:Q", title=f"CAGR {start}–{end}E (% a year)"),
        y=y,
        color=alt.Color("segment:N", legend=None),
        tooltip=[alt.Tooltip("segment:N", title="Segment"),
                 alt.Tooltip("cagr_pct:Q", title="CAGR computed (%)", format=".1f"),
                 alt.Tooltip("start_value:Q", title=f"{start} (USD million)", format=",.0f"),
                 alt.Tooltip("end_value:Q", title=f"{end}E (USD million)", format=",.0f")],
    )
    layers = [bars]
    if printed is not None:
        layers.append(alt.Chart(growth).mark_tick(color="black", thickness=2, size=18).encode(
            x="cagr_2021_2026_pct:Q", y=y,
            tooltip=[alt.Tooltip("segment:N", title="Segment"),
                     alt.Tooltip("cagr_2021_2026_pct:Q", title="CAGR printed in the report (%)", format=".1f")]))
    param = _view_param(market, view)
    if param is not None:
        layers = [layer.transform_filter(param) for layer in layers]
        layers[0] = layers[0].add_params(param)
    chart = alt.layer(*layers).properties(
        title=alt.Title(f"Growth ranking, {start}–{end}",
                        subtitle=f"Bars: computed from the table; ticks: as printed. {estimate_note}."),
        description=f"Bar chart ranking market segments by compound annual growth rate {start}-{end}.",
    )
    return chart


def market_share_chart(market: pd.DataFrame, *, view: str | None = None) -> alt.Chart:
    """Each segment's share of the year's total, as 100 % stacked bars; estimates are faded."""
    frame = _restrict(market, view, None)
    first_estimate = _first_estimate_year(frame)
    picked = alt.selection_point(name="share_pick", fields=["segment"], bind="legend")
    chart = alt.Chart(frame).mark_bar().encode(
        x=alt.X("year:O", axis=_year_axis(first_estimate)),
        y=alt.Y("sum(revenue_usd_million):Q", stack="normalize", title="Share of the year's total",
                axis=alt.Axis(format="%")),
        color=alt.Color("segment:N", title="Segment (click to highlight)", sort=None),
        order=alt.Order("segment:N"),
        opacity=alt.condition(picked, alt.Opacity("is_estimate:N", title="Gartner estimate",
                                                   scale=alt.Scale(domain=[False, True],
                                                                   range=[1.0, theme.ESTIMATE_OPACITY])),
                              alt.value(0.12)),
        tooltip=[alt.Tooltip("segment:N", title="Segment"), alt.Tooltip("year:O", title="Year"),
                 alt.Tooltip("revenue_usd_million:Q", title=REVENUE_TITLE, format=",.0f"),
                 alt.Tooltip("is_estimate:N", title="Estimate")],
    ).add_params(picked).properties(
        title=alt.Title("Share of the AI-semiconductor market",
                        subtitle="Gartner (May 2022); faded bars (years marked E) are estimates"),
        description="Stacked bar chart of each segment's share of AI-semiconductor revenue per year.",
    )
    param = _view_param(market, view)
    return chart if param is None else chart.add_params(param).transform_filter(param)
