"""Charts of "After the report": the forecast against later figures, NVIDIA's revenue, the companies' timeline
(the successor chips are in :mod:`lib.charts.successor_chips`).

The data are ``market_since_2022`` and ``events_since_2022`` (figures and events
published after the report, each row with its source) beside the report's own
Gartner tables. Two rules shape every builder:

* a series is one publisher's one definition in one release. Lines join only the
  points of one series; a later, differently defined series is drawn as its own
  labelled line (or point), never chained to the report's line;
* estimates and forecasts are marked (hollow points, dashed lines, "E"/"F" in the
  tooltip), and every tooltip names the source of the point.

Colours come from :func:`lib.theme.colour_scale`: kind "series" for market series,
"company" for the timeline.
"""

from __future__ import annotations

import altair as alt
import pandas as pd

from lib import theme

REPORT_SERIES = "Gartner, May 2022 (the report)"
REPORT_SOURCE = "report § Market outlook (Gartner, May 2022)"
NVIDIA_SERIES = "NVIDIA Data Center revenue (fiscal years)"
BILLION_TITLE = "Revenue (USD billion)"
GROUPS = {
    "same": "The report's series only",
    "all": "Also later, differently defined series",
}
"""Options of the forecast chart's drop-down: which groups of series are drawn."""

FIRST_ESTIMATE = 2022
"""First estimated year of the report's Gartner tables."""

MARK_KIND = {"actual": "actual", "estimate": "estimate (E)", "forecast": "forecast (F)"}


def source_host(urls: str) -> str:
    """The first source address's host, for a short tooltip line."""
    first = str(urls).split(" ; ")[0]
    return first.split("/")[2] if "//" in first else first


def report_totals(printed: pd.DataFrame) -> pd.DataFrame:
    """The report's Gartner totals by year, as printed (USD million), with ``is_estimate``.

    ``printed`` is ``market_printed_totals`` (:func:`lib.data.load_market_printed`);
    both tables print the same total row, so the application table's is used.
    Gartner's May 2022 forecast gives 2020 and 2021 as actual and 2022 on as estimates.
    """
    app = printed[printed["table"].astype(str) == "application"]
    totals = pd.DataFrame({"year": app["year"].astype(int), "value_usd_million": app["total_usd_million"]})
    totals["is_estimate"] = totals["year"] >= FIRST_ESTIMATE
    return totals.reset_index(drop=True)


def forecast_outcome_frame(printed: pd.DataFrame, later: pd.DataFrame) -> pd.DataFrame:
    """One tidy frame of the report's forecast and Gartner's later figures, one row per point.

    Parameters
    ----------
    printed : DataFrame
        ``market_printed_totals`` (the report's printed total rows).
    later : DataFrame
        ``market_since_2022``; rows of Gartner series with a dollar value are kept:
        the report's own series (scope "same series as the report") and the later,
        differently defined whole-market series (scope "different definition").

    Returns
    -------
    DataFrame
        ``series``, ``group`` ("same" or "all"), ``year``, ``value_bn`` (USD billion),
        ``kind`` ("actual", "estimate", "forecast"), ``qualifier``, ``published``,
        ``source`` (host of the first source address or the report), ``row_id``.
    """
    totals = report_totals(printed)
    report = pd.DataFrame({
        "series": REPORT_SERIES, "group": "same", "year": totals["year"].astype(int),
        "value_bn": totals["value_usd_million"] / 1000,
        "kind": totals["is_estimate"].map({True: "estimate", False: "actual"}),
        "qualifier": "as stated", "published": "2022-05", "source": REPORT_SOURCE, "row_id": "report",
    })
    keep = later[later["series_label"].str.startswith("Gartner") & later["value_usd_million"].notna()
                 & later["scope"].astype(str).isin(["same series as the report", "different definition"])]
    rows = pd.DataFrame({
        "series": keep["series_label"],
        "group": keep["scope"].astype(str).map({"same series as the report": "same", "different definition": "all"}),
        "year": keep["year"].astype(int), "value_bn": keep["value_usd_million"] / 1000,
        "kind": keep["kind"].astype(str), "qualifier": keep["qualifier"].astype(str),
        "published": keep["published"], "source": keep["source_url"].map(source_host), "row_id": keep["row_id"],
    })
    frame = pd.concat([report, rows], ignore_index=True)
    frame["kind_label"] = frame["kind"].map(MARK_KIND)
    frame["value_label"] = [("more than " if q == "more than" else "") + f"{v:,.1f}"
                            for v, q in zip(frame["value_bn"], frame["qualifier"])]
    return frame


def forecast_outcome_chart(frame: pd.DataFrame, *, series: list[str] | None = None,
                           group: str = "same") -> alt.LayerChart:
    """The report's forecast against Gartner's later figures, one line per series.

    Parameters
    ----------
    frame : DataFrame
        :func:`forecast_outcome_frame` output.
    series : list of str, optional
        Series to draw (all by default).
    group : {"same", "all"}
        Which group the drop-down shows first: the report's series only, or also
        the later, differently defined series.

    Returns
    -------
    alt.LayerChart
        Lines join the points of one series only. Filled points are actual values,
        hollow points estimates and forecasts. A drop-down ("Show") adds or hides
        the differently defined series; the legend greys out the series it hides.
    """
    if group not in GROUPS:
        raise ValueError(f"group must be one of {list(GROUPS)}")
    data = frame if series is None else frame[frame["series"].isin(series)]
    if data.empty:
        raise ValueError("no series to draw")
    data = data.assign(filled=data["kind"] == "actual").sort_values(["series", "year"])
    order = [s for s in theme.COLOURS["series"] if s in set(data["series"])]
    show = alt.param(name="show_group", value=GROUPS[group],
                     bind=alt.binding_select(options=list(GROUPS.values()), name="Show: "))
    visible = f"show_group == '{GROUPS['all']}' || datum.group == 'same'"
    same = sorted(set(data.loc[data["group"] == "same", "series"]))
    # the legend lists every series; those the drop-down hides are greyed out
    listed = f"show_group == '{GROUPS['all']}' || indexof({same!r}, datum.value) >= 0 ? 1 : 0.3"
    colour = alt.Color("series:N", sort=order, scale=theme.colour_scale("series", order),
                       legend=alt.Legend(title="Series", orient="bottom", direction="vertical", labelLimit=360,
                                         symbolOpacity=alt.ExprRef(listed), labelOpacity=alt.ExprRef(listed)))
    tooltip = [alt.Tooltip("series:N", title="Series"), alt.Tooltip("year:O", title="Year"),
               alt.Tooltip("value_label:N", title=BILLION_TITLE), alt.Tooltip("kind_label:N", title="Kind"),
               alt.Tooltip("published:N", title="Published"), alt.Tooltip("source:N", title="Source"),
               alt.Tooltip("row_id:N", title="Row (sources table)")]
    base = alt.Chart(data).transform_filter(visible).encode(
        x=alt.X("year:O", title="Year", axis=alt.Axis(labelAngle=0)),
        y=alt.Y("value_bn:Q", title=BILLION_TITLE),
        color=colour,
    )
    lines = base.mark_line(strokeWidth=2).encode(detail="series:N")
    points = base.mark_point(size=70, strokeWidth=2, filled=True).encode(
        stroke=alt.Color("series:N", scale=theme.colour_scale("series", order), legend=None),
        fill=alt.condition("datum.filled", alt.Color("series:N", scale=theme.colour_scale("series", order),
                                                     legend=None), alt.value("white")),
        tooltip=tooltip,
    )
    return alt.layer(lines, points).add_params(show).properties(
        title=alt.Title("The report's forecast and what Gartner published later",
                        subtitle=["Source: report § Market outlook (Gartner, May 2022); Gartner releases Aug 2023 to "
                                  "Jan 2026 (see sources table)",
                                  "Filled points: actual; hollow: estimate or forecast. Each line is one release."]),
        description=("Line chart of worldwide AI-semiconductor revenue in USD billion by year: Gartner's May 2022 "
                     "forecast quoted by the report, and Gartner's later releases of the same series (Aug 2023, "
                     "May 2024), each as its own line; a drop-down adds Gartner's later, differently defined "
                     "series (data-center chips, AI processing semiconductors, AI processors) as separate lines. "
                     f"Series: {', '.join(order)}."),
    )


def nvidia_vs_market_frame(printed: pd.DataFrame, later: pd.DataFrame) -> pd.DataFrame:
    """NVIDIA's Data Center revenue by fiscal year beside the report's whole-market forecast.

    An NVIDIA fiscal year ends in late January, so FY\\ *n* is drawn at calendar
    year *n* − 1 (FY2026 ≈ 2025). Returns ``series``, ``year`` (calendar year drawn),
    ``period`` (as the source names it), ``value_bn``, ``kind``, ``source``, ``row_id``.
    """
    totals = report_totals(printed)
    totals = totals[totals["year"] >= 2021]
    report = pd.DataFrame({
        "series": REPORT_SERIES, "year": totals["year"].astype(int), "period": totals["year"].astype(str),
        "value_bn": totals["value_usd_million"] / 1000,
        "kind": totals["is_estimate"].map({True: "estimate (E)", False: "actual"}),
        "source": REPORT_SOURCE, "row_id": "report",
    })
    nv = later[later["series"] == "nvidia_data_center_fy"]
    nvidia = pd.DataFrame({
        "series": NVIDIA_SERIES, "year": nv["year"].astype(int) - 1,
        "period": [f"{p} (ended {d:%d %b %Y})" for p, d in zip(nv["period"], nv["period_end"])],
        "value_bn": nv["value_usd_million"] / 1000, "kind": nv["kind"].astype(str),
        "source": nv["source_url"].map(source_host), "row_id": nv["row_id"],
    })
    return pd.concat([report, nvidia], ignore_index=True)


def nvidia_vs_market_chart(frame: pd.DataFrame) -> alt.LayerChart:
    """Bars: NVIDIA Data Center revenue by fiscal year; line: the report's forecast of the whole market.

    ``frame`` is :func:`nvidia_vs_market_frame` output. Each bar sits at the calendar
    year its fiscal year mostly covers; the tooltip gives the fiscal year and its end.
    """
    series = [REPORT_SERIES, NVIDIA_SERIES]
    colour = alt.Color("series:N", sort=series, scale=theme.colour_scale("series", series),
                       legend=alt.Legend(title=None, orient="bottom", direction="vertical", labelLimit=360))
    tooltip = [alt.Tooltip("series:N", title="Series"), alt.Tooltip("period:N", title="Period"),
               alt.Tooltip("value_bn:Q", title=BILLION_TITLE, format=",.1f"), alt.Tooltip("kind:N", title="Kind"),
               alt.Tooltip("source:N", title="Source")]
    x = alt.X("year:O", title="Calendar year (NVIDIA: fiscal year ending the next January)",
              axis=alt.Axis(labelAngle=0))
    bars = alt.Chart(frame[frame["series"] == NVIDIA_SERIES]).mark_bar(size=28).encode(
        x=x, y=alt.Y("value_bn:Q", title=BILLION_TITLE), color=colour, tooltip=tooltip)
    report = frame[frame["series"] == REPORT_SERIES]
    line = alt.Chart(report).mark_line(strokeDash=[5, 3]).encode(x=x, y="value_bn:Q", color=colour)
    points = alt.Chart(report).mark_point(size=60, strokeWidth=2, filled=True).encode(
        x=x, y="value_bn:Q", color=colour, stroke=alt.Color("series:N", sort=series,
                                                            scale=theme.colour_scale("series", series), legend=None),
        fill=alt.condition("datum.kind == 'actual'", alt.value(theme.COLOURS["series"][REPORT_SERIES]),
                           alt.value("white")),
        tooltip=tooltip)
    return alt.layer(bars, line, points).properties(
        title=alt.Title("NVIDIA against the forecast market",
                        subtitle=["Source: NVIDIA results releases FY2023-FY2026; report § Market outlook "
                                  "(Gartner, May 2022)",
                                  "NVIDIA's segment includes systems, networking and software; hollow points: "
                                  "estimates (E)"]),
        description=("Bar and line chart in USD billion: NVIDIA's Data Center segment revenue for fiscal years "
                     "2023 to 2026, each drawn at the calendar year it mostly covers, against the dashed line of "
                     "Gartner's May 2022 forecast of the whole AI-semiconductor market that the report used, "
                     "2021 to 2026."),
    )


def timeline_frame(events: pd.DataFrame) -> pd.DataFrame:
    """Events ready to draw: a plotted date (the 15th for month-only dates) and readable labels."""
    frame = events.copy()
    frame["company"] = frame["company"].astype(str)
    frame["category"] = frame["category"].astype(str)
    frame["when"] = pd.to_datetime([d if len(d) == 10 else f"{d}-15" for d in frame["date"]])
    frame["date_label"] = [d + (f" ({n})" if n else "") for d, n in zip(frame["date"], frame["date_note"].fillna(""))]
    frame["amount_label"] = [
        (f"USD {a:,g} million" if pd.notna(a) else (g if isinstance(g, str) and g else "none given"))
        + (f" ({w})" if isinstance(w, str) and w else "")
        for a, g, w in zip(frame["amount_usd_million"], frame["amount_as_given"], frame["amount_what"])]
    frame["source"] = frame["source_url"].map(source_host)
    frame["lane"] = _lanes(frame)
    return frame


NEAR_DAYS = 60
"""Events of one company closer than this (in days) would draw one over the other on a phone."""


def _lanes(frame: pd.DataFrame) -> pd.Series:
    """Each event's lane in its company's row: 0 alone, spread around 0 in a run of near events."""
    lanes = pd.Series(0.0, index=frame.index)
    for _, rows in frame.sort_values("when", kind="stable").groupby("company", sort=False):
        gaps = rows["when"].diff().dt.days
        runs = (gaps.isna() | (gaps >= NEAR_DAYS)).cumsum()
        for _, run in rows.groupby(runs):
            centre = (len(run) - 1) / 2
            lanes[run.index] = [i - centre for i in range(len(run))]
    return lanes


CATEGORY_SHAPES = {"funding": "circle", "acquisition": "diamond", "distress": "triangle-down", "IPO": "square",
                   "contract": "cross", "expansion": "triangle-up", "product": "triangle-right"}


def company_timeline_chart(events: pd.DataFrame, *, companies: list[str] | None = None,
                           categories: list[str] | None = None) -> alt.Chart:
    """What happened to each company after the report, one row per company, one mark per event.

    Parameters
    ----------
    events : DataFrame
        ``events_since_2022`` (or a subset).
    companies, categories : list of str, optional
        Companies (rows) and kinds of event to draw; all by default.

    Returns
    -------
    alt.Chart
        Colour = company (the book's company colours), shape = kind of event;
        hovering shows the date, the event, the amount and the source. Clicking a
        shape in the legend highlights that kind of event.
    """
    frame = timeline_frame(events)
    if companies is not None:
        frame = frame[frame["company"].isin(companies)]
    if categories is not None:
        frame = frame[frame["category"].isin(categories)]
    if frame.empty:
        raise ValueError("no events to draw")
    order = [c for c in theme.COLOURS["company"] if c in set(frame["company"])]
    kinds = [k for k in CATEGORY_SHAPES if k in set(frame["category"])]
    lanes = frame["lane"].abs().max() + 0.25  # a row's half-height, in lanes: its outer marks stay inside it
    picked = alt.selection_point(name="kind_pick", fields=["category"], bind="legend")
    return alt.Chart(frame).mark_point(size=150, filled=True, strokeWidth=2).encode(
        x=alt.X("when:T", title="Date", scale=alt.Scale(padding=14), axis=alt.Axis(format="%Y", tickCount="year")),
        y=alt.Y("company:N", sort=order, title=None),
        # near events of one company side by side, not on top of each other
        yOffset=alt.YOffset("lane:Q", scale=alt.Scale(domain=[-lanes, lanes])),
        color=alt.Color("company:N", sort=order, scale=theme.colour_scale("company", order), legend=None),
        shape=alt.Shape("category:N", sort=kinds, scale=theme.shape_scale(CATEGORY_SHAPES, frame["category"]),
                        legend=alt.Legend(title="Kind of event", orient="bottom", columns=3, symbolFillColor="#4b5563",
                                          symbolStrokeColor="#4b5563")),
        opacity=alt.when(picked).then(alt.value(0.95)).otherwise(alt.value(0.12)),
        tooltip=[alt.Tooltip("company:N", title="Company"), alt.Tooltip("date_label:N", title="Date"),
                 alt.Tooltip("event_type:N", title="Event"), alt.Tooltip("description:N", title="What happened"),
                 alt.Tooltip("amount_label:N", title="Amount"), alt.Tooltip("source:N", title="Source"),
                 alt.Tooltip("confidence:N", title="Confidence"), alt.Tooltip("event_id:N", title="Row")],
    ).add_params(picked).properties(
        height=max(180, 38 * len(order)),
        title=alt.Title("The report's companies, 2023-2026",
                        subtitle=["Source: company releases, SEC filings and press reports (see sources table)",
                                  "Hover for the event, amount and source; click a shape to pick a kind of event"]),
        description=(f"Timeline of {len(frame)} events from {frame['date'].min()} to {frame['date'].max()}, one row per "
                     f"company ({', '.join(order)}); the shape gives the kind of event "
                     f"({', '.join(kinds)})."),
    )
