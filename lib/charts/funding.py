"""Funding of one company: each round and the running total, from the report's Crunchbase tables.

The start-ups side by side (the Part II opener's timeline) are drawn by
:func:`lib.charts.companies.funding_timeline_chart`.
"""

from __future__ import annotations

import altair as alt
import pandas as pd

from lib import theme

AMOUNT_TITLE = "Amount raised (USD million)"
BAR_OPACITY = 0.55
"""Bars are lighter than the running-total line drawn over them."""
RULE_COLOUR = "#6b7280"
"""Neutral grey of the rule and label marking a total stated in the text."""


def funding_cumulative(rounds: pd.DataFrame, *, company: str) -> pd.DataFrame:
    """The company's USD rounds in date order, numbered from 0, with a ``cumulative_million`` column.

    A round in another currency is left out (it cannot be added without a
    conversion the report does not make).

    >>> rows = pd.DataFrame({"company": ["X", "X", "X"], "seq": [1, 2, 3],
    ...                      "date": pd.to_datetime(["2021-01", "2020-01", "2020-06"]),
    ...                      "amount_million": [5.0, 10.0, 3.0], "currency": ["USD", "USD", "EUR"]})
    >>> funding_cumulative(rows, company="X")["cumulative_million"].tolist()
    [10.0, 15.0]
    """
    frame = rounds[(rounds["company"].astype(str) == company) & (rounds["currency"].astype(str) == "USD")]
    if frame.empty:
        raise ValueError(f"no USD funding rounds for {company!r}")
    order = ["date", "seq"] if "seq" in frame.columns else ["date"]
    frame = frame.sort_values(order, kind="stable").reset_index(drop=True)
    frame["company"] = frame["company"].astype(str)
    frame["cumulative_million"] = frame["amount_million"].cumsum()
    return frame


def company_funding_chart(rounds: pd.DataFrame, *, company: str, stated_total: float | None = None,
                          stated_label: str | None = None, source: str = "Crunchbase") -> alt.LayerChart:
    """Each funding round as a bar and the running total as dashed steps, in the company's colour.

    Parameters
    ----------
    rounds : DataFrame
        ``funding_rounds`` (``company``, ``seq``, ``date``, ``round``, ``amount_million``,
        ``amount_printed``, ``currency``, ``lead_investors``).
    company : str
        Whose rounds to draw.
    stated_total : float, optional
        A total the report's text states (USD million); drawn as a grey rule
        labelled ``stated_label``.
    source : str
        The source the report credits for the table, named in the subtitle.
    """
    frame = funding_cumulative(rounds, company=company)
    frame = frame.assign(date_label=frame["date"].dt.strftime("%Y-%m"),
                         lead=frame["lead_investors"].fillna("not stated").replace("", "not stated"),
                         round=frame["round"].astype(str))
    colour = alt.Color("company:N", scale=theme.colour_scale("company", [company]), legend=None)
    x = alt.X("date:T", title="Date of round", axis=alt.Axis(format="%Y", tickCount="year"),
              scale=alt.Scale(padding=14))
    tooltip = [alt.Tooltip("date_label:N", title="Date"), alt.Tooltip("round:N", title="Round")]
    if "amount_printed" in frame.columns:
        tooltip.append(alt.Tooltip("amount_printed:N", title="As printed"))
    tooltip += [alt.Tooltip("amount_million:Q", title="Amount (USD million)", format=",.1f"),
                alt.Tooltip("cumulative_million:Q", title="Running total (USD million)", format=",.1f"),
                alt.Tooltip("lead:N", title="Lead investors")]
    bars = alt.Chart(frame).mark_bar(size=14, opacity=BAR_OPACITY).encode(
        x=x, y=alt.Y("amount_million:Q", title=AMOUNT_TITLE), color=colour, tooltip=tooltip)
    steps = alt.Chart(frame).mark_line(interpolate="step-after", strokeDash=[5, 3], point=alt.OverlayMarkDef(size=60)).encode(
        x=x, y="cumulative_million:Q", color=colour, tooltip=tooltip)
    layers = [bars, steps]
    explained = "Bars: each round; dashed steps: running total"
    if stated_total is not None:
        label = stated_label or f"Stated total: {stated_total:,.0f}"
        stated = pd.DataFrame({"value": [stated_total], "label": [label]})
        layers.append(alt.Chart(stated).mark_rule(color=RULE_COLOUR, strokeDash=[2, 2]).encode(
            y="value:Q", tooltip=[alt.Tooltip("label:N", title="Report text"),
                                  alt.Tooltip("value:Q", title="USD million", format=",.0f")]))
        # under the rule, where the running total is still low: above it the label met the top gridline
        layers.append(alt.Chart(stated).mark_text(align="left", baseline="top", dx=4, dy=4, color=RULE_COLOUR,
                                                  fontSize=12).encode(
            x=alt.value(0), y="value:Q", text="label:N"))
        explained += "; grey rule: the total stated in the text"
    total = frame["cumulative_million"].iloc[-1]
    return alt.layer(*layers).properties(
        title=alt.Title(f"{company}: funding rounds and running total",
                        subtitle=[f"Source: report, {company} section ({source}).", f"{explained}."]),
        description=(f"{company}'s {len(frame)} funding rounds from {frame['date_label'].iloc[0]} to "
                     f"{frame['date_label'].iloc[-1]} as bars, with the running total as a step line reaching "
                     f"USD {total:,.0f} million" + (f"; a grey rule marks {label}." if stated_total is not None else ".")),
    )
