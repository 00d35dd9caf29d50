"""Builders shared by the company chapters: the start-ups' funding timeline and one company's deals.

Every chart builder takes a DataFrame first and options as keywords and returns
an Altair chart with a title, a source line, units in the axis titles and a
text description. Colours come from :func:`lib.theme.colour_scale` (one colour
per company across the book).
"""

from __future__ import annotations

import altair as alt
import pandas as pd

from lib import theme

FUNDING_TITLE = "Cumulative funding (USD million)"


# --- funding -------------------------------------------------------------------------------------

def cumulative_funding(rounds: pd.DataFrame) -> pd.DataFrame:
    """Each company's rounds in date order with a running total of the USD rounds.

    Parameters
    ----------
    rounds : DataFrame
        Rows of ``funding_rounds`` (``company``, ``date``, ``round``, ``amount_million``,
        ``currency``, ``amount_printed``, ``lead_investors``).

    Returns
    -------
    DataFrame
        The rounds with ``cumulative_usd_million`` (USD rounds only: a round in
        another currency is not converted and leaves the total unchanged),
        ``counted`` (whether the round is in the total) and ``investors``
        (lead investors, or "not printed").

    >>> r = pd.DataFrame({"company": ["A", "A", "A"], "date": pd.to_datetime(["2020-01", "2021-01", "2020-06"]),
    ...                   "round": ["Seed", "B", "Grant"], "amount_million": [2.0, 10.0, 3.0],
    ...                   "currency": ["USD", "USD", "EUR"], "amount_printed": ["", "", ""], "lead_investors": ["X", None, None]})
    >>> cumulative_funding(r)["cumulative_usd_million"].tolist()
    [2.0, 2.0, 12.0]
    """
    frame = rounds.copy()
    frame["company"] = frame["company"].astype(str)
    frame["currency"] = frame["currency"].astype(str)
    frame = frame.sort_values(["company", "date"], kind="stable").reset_index(drop=True)
    frame["counted"] = frame["currency"] == "USD"
    usd = frame["amount_million"].where(frame["counted"], 0.0)
    frame["cumulative_usd_million"] = usd.groupby(frame["company"]).cumsum()
    investors = frame["lead_investors"].astype("string")
    frame["investors"] = investors.where(investors.notna() & (investors != ""), "not printed").astype(str)
    frame["amount_label"] = [f"{a:g} {c} million" + ("" if ok else " (not added: not USD)")
                             for a, c, ok in zip(frame["amount_million"], frame["currency"], frame["counted"])]
    return frame


def funding_timeline_chart(rounds: pd.DataFrame, *, companies: list[str] | None = None,
                           source: str = "report §3, §6-§9, funding tables credited to Crunchbase") -> alt.LayerChart:
    """Cumulative funding of each start-up over time: one step line per company, one point per round.

    Hovering a point shows the round, its date, the amount as printed and in
    USD million, the lead investors and the running total. Clicking a company in
    the legend picks it out (an empty selection shows every company).
    """
    frame = cumulative_funding(rounds)
    if companies is not None:
        frame = frame[frame["company"].isin(companies)]
    if frame.empty:
        raise ValueError("no funding rounds to draw")
    order = list(dict.fromkeys(frame.sort_values("date")["company"]))
    picked = alt.selection_point(name="funding_pick", fields=["company"], bind="legend")
    colour = alt.Color("company:N", title="Company", scale=theme.colour_scale("company", order),
                       legend=alt.Legend(orient="bottom", columns=3))
    x = alt.X("date:T", title="Date of the round", axis=alt.Axis(format="%Y", tickCount="year"))
    y = alt.Y("cumulative_usd_million:Q", title=FUNDING_TITLE)
    opacity = alt.condition(picked, alt.value(1.0), alt.value(0.15))
    lines = alt.Chart(frame).mark_line(interpolate="step-after").encode(
        x=x, y=y, color=colour, opacity=opacity, detail="company:N")
    points = alt.Chart(frame).mark_point(size=70, filled=True).encode(
        x=x, y=y, color=colour, opacity=opacity,
        shape=alt.Shape("counted:N", legend=None, scale=alt.Scale(domain=[True, False], range=["circle", "triangle-up"])),
        tooltip=[alt.Tooltip("company:N", title="Company"), alt.Tooltip("round:N", title="Round"),
                 alt.Tooltip("date:T", title="Date", format="%B %Y"),
                 alt.Tooltip("amount_printed:N", title="Amount as printed"),
                 alt.Tooltip("amount_label:N", title="Amount"),
                 alt.Tooltip("investors:N", title="Lead investors"),
                 alt.Tooltip("cumulative_usd_million:Q", title=FUNDING_TITLE, format=",.1f")],
    )
    return alt.layer(lines, points).add_params(picked).properties(
        title=alt.Title("Start-up funding, round by round",
                        subtitle=[f"Source: {source}.",
                                  "Running total of USD rounds; a triangle marks a round in another currency, not added.",
                                  "Click a company in the legend to pick it out."]),
        description=("Step chart of each start-up's cumulative funding in USD million by date of round, "
                     "one line per company, with a point for each round."),
    )


# --- acquisitions and investments ----------------------------------------------------------------

DEAL_SHAPES = {"acquisition": "diamond", "investment": "circle"}
"""The mark of each kind of deal, the same on every company's timeline."""


def deal_timeline_chart(deals: pd.DataFrame, *, company: str, title: str, source: str) -> alt.LayerChart:
    """Acquisitions and investments of one company on a time axis, one row per target.

    Parameters
    ----------
    deals : DataFrame
        One row per deal with ``target``, ``date`` (datetime; a year alone is
        its 1 January), ``date_label`` (the date as stated, e.g. "2019" or
        "March 2017"), ``kind`` ("acquisition" / "investment"), ``price_label``
        (text, "not printed" when missing) and ``date_basis`` (where the date
        comes from).
    company : str
        The acquirer, whose book colour the marks take.
    """
    frame = deals.dropna(subset=["date"]).copy()
    if frame.empty:
        raise ValueError("no dated deals to draw")
    frame["kind"] = frame["kind"].astype(str)
    order = frame.sort_values("date")["target"].tolist()
    y = alt.Y("target:N", sort=order, title=None)
    # padding keeps the first deal's mark off the axis line
    x = alt.X("date:T", title="Year of the deal", axis=alt.Axis(format="%Y", tickCount="year"),
              scale=alt.Scale(padding=14))
    tooltip = [alt.Tooltip("target:N", title="Company"), alt.Tooltip("kind:N", title="Deal"),
               alt.Tooltip("date_label:N", title="Date"), alt.Tooltip("price_label:N", title="Price or amount"),
               alt.Tooltip("date_basis:N", title="Date from")]
    colour = theme.colour_scale("company", [company]).to_dict()["range"][0]
    points = alt.Chart(frame).mark_point(size=140, filled=True, color=colour).encode(
        x=x, y=y, shape=alt.Shape("kind:N", title="Deal", legend=alt.Legend(orient="bottom"),
                                  scale=theme.shape_scale(DEAL_SHAPES, frame["kind"])),
        tooltip=tooltip)
    labels = alt.Chart(frame).mark_text(align="left", dx=10, fontSize=12, color="#374151").encode(
        x=x, y=y, text="price_label:N", tooltip=tooltip)
    return alt.layer(points, labels).properties(
        title=alt.Title(title, subtitle=f"Source: {source}."),
        description=f"Timeline of {company}'s acquisitions and investments by year, one row per company bought or funded.",
    )
