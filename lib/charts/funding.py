"""Funding of one company: each round and the running total, from the report's Crunchbase tables."""

from __future__ import annotations

import altair as alt
import pandas as pd

from lib import theme

AMOUNT_TITLE = "Amount raised (USD million)"


def funding_cumulative(rounds: pd.DataFrame, *, company: str) -> pd.DataFrame:
    """The company's rounds in date order with a ``cumulative_million`` column (USD rounds only).

    >>> rows = pd.DataFrame({"company": ["X", "X"], "seq": [1, 2], "date": pd.to_datetime(["2020-01", "2021-01"]),
    ...                      "amount_million": [10.0, 5.0], "currency": ["USD", "USD"]})
    >>> funding_cumulative(rows, company="X")["cumulative_million"].tolist()
    [10.0, 15.0]
    """
    frame = rounds[(rounds["company"].astype(str) == company) & (rounds["currency"].astype(str) == "USD")]
    if frame.empty:
        raise ValueError(f"no USD funding rounds for {company!r}")
    frame = frame.sort_values(["date", "seq"]).copy()
    frame["cumulative_million"] = frame["amount_million"].cumsum()
    return frame


def company_funding_chart(rounds: pd.DataFrame, *, company: str, stated_total: float | None = None,
                          stated_label: str | None = None, source: str = "Crunchbase") -> alt.LayerChart:
    """Each funding round as a bar and the running total as a step line, in the company's colour.

    Parameters
    ----------
    rounds : DataFrame
        ``funding_rounds`` (``company``, ``seq``, ``date``, ``round``, ``amount_million``,
        ``currency``, ``lead_investors``).
    company : str
        Whose rounds to draw.
    stated_total : float, optional
        A total the report's text states; drawn as a dashed rule with ``stated_label``.
    source : str
        The source the report credits for the table, named in the subtitle.
    """
    frame = funding_cumulative(rounds, company=company)
    frame = frame.assign(date_label=frame["date"].dt.strftime("%Y-%m"),
                         lead=frame["lead_investors"].fillna("not stated").replace("", "not stated"),
                         round=frame["round"].astype(str))
    colour = theme.COLOURS["company"][company]
    x = alt.X("date:T", title="Date of round", axis=alt.Axis(format="%Y", tickCount="year"),
              scale=alt.Scale(padding=14))
    tooltip = [alt.Tooltip("date_label:N", title="Date"), alt.Tooltip("round:N", title="Round"),
               alt.Tooltip("amount_million:Q", title="Amount (USD million)", format=",.1f"),
               alt.Tooltip("cumulative_million:Q", title="Running total (USD million)", format=",.1f"),
               alt.Tooltip("lead:N", title="Lead investors")]
    bars = alt.Chart(frame).mark_bar(size=14, color=colour, opacity=theme.ESTIMATE_OPACITY).encode(
        x=x, y=alt.Y("amount_million:Q", title=AMOUNT_TITLE), tooltip=tooltip)
    line = alt.Chart(frame).mark_line(interpolate="step-after", color=colour, point=alt.OverlayMarkDef(
        color=colour, size=60)).encode(x=x, y="cumulative_million:Q", tooltip=tooltip)
    layers = [bars, line]
    if stated_total is not None:
        label = stated_label or f"Stated total: {stated_total:,.0f}"
        stated = pd.DataFrame({"value": [stated_total], "label": [label]})
        layers.append(alt.Chart(stated).mark_rule(color="#374151", strokeDash=[6, 4]).encode(
            y="value:Q", tooltip=[alt.Tooltip("label:N", title="Report text"),
                                  alt.Tooltip("value:Q", title="USD million", format=",.0f")]))
        layers.append(alt.Chart(stated).mark_text(align="left", dx=4, dy=-7, color="#374151", fontSize=12).encode(
            x=alt.value(0), y="value:Q", text="label:N"))
    total = frame["cumulative_million"].iloc[-1]
    return alt.layer(*layers).properties(
        title=alt.Title(f"{company}: funding rounds and running total",
                        subtitle=f"Source: report, {company} section ({source}). Bars: each round; line: running total."),
        description=(f"{company}'s {len(frame)} funding rounds from {frame['date_label'].iloc[0]} to "
                     f"{frame['date_label'].iloc[-1]} as bars, with the running total as a step line reaching "
                     f"USD {total:,.0f} million" + (f"; a dashed line marks {label}." if stated_total is not None else ".")),
    )
