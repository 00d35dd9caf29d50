"""SambaNova: its funding rounds, each round and the running total."""

from __future__ import annotations

import altair as alt
import pandas as pd

from lib import theme


def funding_steps(rounds: pd.DataFrame, *, company: str) -> pd.DataFrame:
    """One company's USD rounds in date order, with the running total in ``cumulative_million``.

    >>> import pandas as pd
    >>> rounds = pd.DataFrame({"company": ["X", "X"], "date": pd.to_datetime(["2020-01-01", "2019-01-01"]),
    ...                        "amount_million": [5.0, 2.0], "currency": ["USD", "USD"]})
    >>> funding_steps(rounds, company="X")["cumulative_million"].tolist()
    [2.0, 7.0]
    """
    frame = rounds[(rounds["company"] == company) & (rounds["currency"] == "USD")].sort_values("date").copy()
    if frame.empty:
        raise ValueError(f"no USD funding rounds for {company!r}")
    frame["cumulative_million"] = frame["amount_million"].cumsum()
    frame["company"] = frame["company"].astype(str)
    return frame.reset_index(drop=True)


def funding_rounds_chart(rounds: pd.DataFrame, *, company: str, claimed_total: float | None = None,
                         source: str) -> alt.LayerChart:
    """Each funding round as a bar and the running total as a step line, in USD million.

    Parameters
    ----------
    rounds : DataFrame
        ``funding_rounds`` rows (``company``, ``date``, ``round``, ``amount_million``,
        ``amount_printed``, ``currency``, ``lead_investors``).
    company : str
        The company to draw (its colour comes from the book's registry).
    claimed_total : float, optional
        A total stated in the text (USD million), drawn as a dashed rule.
    source : str
        The source line for the subtitle.
    """
    frame = funding_steps(rounds, company=company)
    frame["month"] = frame["date"].dt.strftime("%Y-%m")
    colour = alt.Color("company:N", scale=theme.colour_scale("company", [company]), legend=None)
    x = alt.X("date:T", title="Date of the round", axis=alt.Axis(format="%Y", tickCount="year"))
    tooltip = [alt.Tooltip("month:N", title="Date"), alt.Tooltip("round:N", title="Round"),
               alt.Tooltip("amount_million:Q", title="Amount (USD million)", format=",.1f"),
               alt.Tooltip("amount_printed:N", title="As printed"),
               alt.Tooltip("lead_investors:N", title="Investors"),
               alt.Tooltip("cumulative_million:Q", title="Running total (USD million)", format=",.1f")]
    bars = alt.Chart(frame).mark_bar(size=14).encode(
        x=x, y=alt.Y("amount_million:Q", title="USD million"), color=colour, tooltip=tooltip)
    steps = alt.Chart(frame).mark_line(interpolate="step-after", point=True, strokeDash=[5, 3]).encode(
        x=x, y="cumulative_million:Q", color=colour, tooltip=tooltip)
    layers = [bars, steps]
    subtitle = [source, "Bars: each round; dashed steps: running total"]
    if claimed_total is not None:
        rule = pd.DataFrame({"total": [claimed_total], "what": [f"Total in the text: more than {claimed_total:,.0f}"]})
        layers.append(alt.Chart(rule).mark_rule(color="#6b7280", strokeDash=[2, 2]).encode(
            y="total:Q", tooltip=[alt.Tooltip("what:N", title="Stated"), alt.Tooltip("total:Q", title="USD million", format=",")]))
        subtitle[1] += "; grey rule: the total stated in the text"
    return alt.layer(*layers).properties(
        title=alt.Title(f"{company}'s funding rounds", subtitle=subtitle),
        description=f"Bar chart of {company}'s funding rounds by date in USD million, with a step line of the running total.",
    )
