"""Part III: the report's success factors and its policy recommendations.

* :func:`factor_matrix_chart`: company x success factor, the report's attributions
  (filled squares) kept apart from the book's own reading of the Part II data
  (open diamonds); every mark links to the chapter section that shows the evidence.
* :func:`ai_share_chart`: the share of AI chips in system-semiconductor revenue,
  2020 and 2025E, as the report quotes it from Gartner (June 2021).
"""

from __future__ import annotations

import altair as alt
import pandas as pd

from lib import theme

COMPANY_ORDER = ["Intel", "Habana Labs", "NVIDIA", "SambaNova", "Tesla", "Google", "Graphcore", "Kneron",
                 "Cerebras", "Hailo"]
"""The report's order of the nine leaders (Intel and Habana Labs on rows of their own)."""

FACTOR_SHORT = {"SF1": "Unified", "SF2": "Ecosystem", "SF3": "Scalable"}
"""Short column labels of the three factors (they must fit a phone-width chart): one architecture for
training and inference, a complete hardware-software ecosystem, a highly scalable architecture."""

BASIS_LABELS = {"report": "The report (filled square)", "book": "This book's reading (open diamond)"}
"""Legend text of the two kinds of attribution."""

SHOW_OPTIONS = ["both", "report", "book"]
SHOW_LABELS = ["Both", "Report only", "Book only"]

CHAPTER_TITLES = {
    "leaders": "The leaders at a glance", "intel_habana": "Intel and Habana Labs", "nvidia": "NVIDIA",
    "sambanova": "SambaNova", "tesla": "Tesla", "google": "Google", "graphcore": "Graphcore", "kneron": "Kneron",
    "cerebras": "Cerebras", "hailo": "Hailo",
}
"""Short titles of the Part II chapters, for tooltips and link tables."""


def factor_matrix(readings: pd.DataFrame, factors: pd.DataFrame) -> pd.DataFrame:
    """One row per attribution, with the labels and link the matrix chart draws.

    Parameters
    ----------
    readings : DataFrame
        ``factor_readings``: company, factor_id, basis ('report' or 'book'),
        evidence, chapter, anchor.
    factors : DataFrame
        ``success_factors`` (for the factor's English and Korean names).

    Returns
    -------
    DataFrame
        The readings plus ``factor_label`` (short), ``factor_name``, ``factor_ko``,
        ``basis_label``, ``chapter_title`` and ``url`` (``<chapter>.html#<anchor>``,
        relative to a page in ``chapters/``).

    Raises
    ------
    ValueError
        If the book's reading repeats a pair the report already credits: the two
        must stay apart.
    """
    names = factors.drop_duplicates("factor_id").set_index("factor_id")
    frame = readings.copy()
    for column in ["company", "factor_id", "basis", "chapter"]:
        frame[column] = frame[column].astype(str)
    pairs = frame.groupby(["company", "factor_id"])["basis"].nunique()
    if (pairs > 1).any():
        raise ValueError(f"pairs both credited and read: {list(pairs[pairs > 1].index)}")
    frame["factor_label"] = frame["factor_id"].map(FACTOR_SHORT)
    frame["factor_name"] = frame["factor_id"].map(names["factor"].astype(str))
    frame["factor_ko"] = frame["factor_id"].map(names["factor_ko"].astype(str))
    frame["basis_label"] = frame["basis"].map(BASIS_LABELS)
    frame["chapter_title"] = frame["chapter"].map(CHAPTER_TITLES)
    frame["url"] = frame["chapter"] + ".html#" + frame["anchor"].astype(str)
    return frame


def factor_matrix_chart(readings: pd.DataFrame, factors: pd.DataFrame, *, show: str | None = None,
                        companies: list[str] | None = None) -> alt.LayerChart:
    """Company x success factor: who shows which factor, and who says so.

    Parameters
    ----------
    readings, factors : DataFrame
        See :func:`factor_matrix`.
    show : {"both", "report", "book"}, optional
        Which attributions to draw. By default the chart carries radio buttons
        (a Vega-Lite parameter ``factor_show`` bound to a radio input, starting at
        "both"); a fixed value draws that set without the buttons.
    companies : list of str, optional
        Rows to show (default: the nine leaders, Intel and Habana Labs apart).

    Returns
    -------
    alt.LayerChart
        A grey grid of every cell; the report's attributions as filled squares and
        the book's reading as open diamonds, both in the company's colour. Each mark
        links (``href``) to the chapter section that shows the evidence, and its
        tooltip names the factor, who makes the attribution, the evidence and the
        chapter.
    """
    frame = factor_matrix(readings, factors)
    rows = [c for c in (companies or COMPANY_ORDER)]
    frame = frame[frame["company"].isin(rows)]
    columns = [FACTOR_SHORT[f] for f in sorted(FACTOR_SHORT)]
    grid = pd.DataFrame([{"company": c, "factor_label": f} for c in rows for f in columns])
    y = alt.Y("company:N", sort=rows, title=None, axis=alt.Axis(labelLimit=140))
    x = alt.X("factor_label:N", sort=columns, title="Success factor", axis=alt.Axis(labelAngle=0, orient="top",
                                                                                    labelLimit=120))
    cells = alt.Chart(grid).mark_rect(fill="#f3f4f6", stroke="white", strokeWidth=2).encode(x=x, y=y)
    if show is None:
        param = alt.param(name="factor_show", value="both",
                          bind=alt.binding_radio(options=SHOW_OPTIONS, labels=SHOW_LABELS, name="Show: "))
        condition = "factor_show == 'both' || datum.basis == factor_show"
    else:
        if show not in SHOW_OPTIONS:
            raise ValueError(f"show must be one of {SHOW_OPTIONS}, not {show!r}")
        param = None
        frame = frame if show == "both" else frame[frame["basis"] == show]
        condition = "true"
    domain = [c for c in rows if c in set(frame["company"])] or rows[:1]
    marks = alt.Chart(frame).mark_point(size=260, strokeWidth=2.5, opacity=1, cursor="pointer").transform_filter(
        condition
    ).encode(
        x=x, y=y,
        shape=alt.Shape("basis_label:N", title="Who says so",
                        scale=alt.Scale(domain=list(BASIS_LABELS.values()), range=["square", "diamond"]),
                        legend=None),  # the subtitle is the key: the marks' colours follow the company
        stroke=alt.Stroke("company:N", scale=theme.colour_scale("company", domain), legend=None),
        fill=alt.condition("datum.basis == 'report'", alt.Fill("company:N", scale=theme.colour_scale("company", domain),
                                                               legend=None), alt.value("white")),
        href="url:N",
        tooltip=[alt.Tooltip("company:N", title="Company"), alt.Tooltip("factor_name:N", title="Factor"),
                 alt.Tooltip("factor_ko:N", title="요인"), alt.Tooltip("basis_label:N", title="Who says so"),
                 alt.Tooltip("evidence:N", title="Evidence"), alt.Tooltip("chapter_title:N", title="Chapter (click)")],
    )
    if param is not None:
        marks = marks.add_params(param)
    layers = alt.layer(cells, marks).properties(
        height=32 * len(rows),
        title=alt.Title("Who shows which success factor",
                        subtitle=["Source: report § Success factors (filled squares);",
                                  "the book's reading of report §1-§9 (open diamonds).",
                                  "Click a mark for the evidence."]),
        description=("Matrix of the nine leading companies (rows) against the report's three success factors (columns: "
                     "one architecture for training and inference, a hardware-software ecosystem, a scalable "
                     "architecture). Filled squares mark the report's attributions, open diamonds the book's own "
                     "reading of the company data; each mark links to the chapter with the evidence."),
    )
    return layers


AI_SHARE_SERIES = {"AI semiconductors": "AI semiconductors", "Other": "Other system semiconductors"}


def ai_share_frame(claims: pd.DataFrame) -> pd.DataFrame:
    """The AI share of system-semiconductor revenue as printed, and the rest, per year.

    Takes the ``ai_share_of_system_semiconductors`` rows of ``claims``; returns
    columns ``year``, ``year_label`` (estimates marked E: the report's date,
    October 2022, is after 2020 and before 2025), ``part``, ``share_pct``,
    ``value_printed`` and ``estimate``.
    """
    rows = claims[claims["metric"] == "ai_share_of_system_semiconductors"]
    if rows.empty:
        raise LookupError("no ai_share_of_system_semiconductors claims")
    out = []
    for row in rows.itertuples():
        year = int(str(row.period)[:4])
        estimate = year > 2022
        label = f"{year}E" if estimate else str(year)
        out.append({"year": year, "year_label": label, "part": "AI semiconductors", "share_pct": float(row.value),
                    "value_printed": str(row.value_printed), "estimate": estimate, "order": 0,
                    "label": f"{float(row.value):.1f} %"})
        out.append({"year": year, "year_label": label, "part": "Other system semiconductors",
                    "share_pct": 100 - float(row.value), "value_printed": "", "estimate": estimate, "order": 1,
                    "label": ""})
    return pd.DataFrame(out).sort_values(["year", "order"]).reset_index(drop=True)


def ai_share_chart(claims: pd.DataFrame) -> alt.LayerChart:
    """Stacked bars: AI chips' share of system-semiconductor revenue, 2020 and 2025E.

    Colours come from the ``semiconductor`` kind of :mod:`lib.theme`; the estimated
    year is faded and labelled E. The labels print the AI share.
    """
    frame = ai_share_frame(claims)
    order = list(dict.fromkeys(frame["year_label"]))
    parts = list(AI_SHARE_SERIES.values())
    x = alt.X("share_pct:Q", title="Share of system-semiconductor revenue (%)", scale=alt.Scale(domain=[0, 100]),
              stack="zero")
    y = alt.Y("year_label:N", sort=order, title=None)
    bars = alt.Chart(frame).mark_bar(height=34).encode(
        x=x, y=y,
        color=alt.Color("part:N", title=None, scale=theme.colour_scale("semiconductor", parts),
                        legend=alt.Legend(orient="bottom")),
        order=alt.Order("order:Q"),
        opacity=alt.condition("datum.estimate", alt.value(theme.ESTIMATE_OPACITY), alt.value(1.0)),
        tooltip=[alt.Tooltip("year_label:N", title="Year (E = estimate)"), alt.Tooltip("part:N", title="Part"),
                 alt.Tooltip("share_pct:Q", title="Share (%)", format=".1f")],
    )
    labels = alt.Chart(frame[frame["part"] == "AI semiconductors"]).mark_text(
        align="left", dx=5, fontSize=12, fontWeight="bold", color="#111827").encode(
        x="share_pct:Q", y=y, text="label:N")
    return alt.layer(bars, labels).properties(
        height=110,
        title=alt.Title("AI chips in system semiconductors",
                        subtitle=["Source: report § Implications, citing Gartner (June 2021).",
                                  "Share of revenue, %; E = estimate (faded)."]),
        description=("Stacked bar chart of the share of AI semiconductors in system-semiconductor revenue: "
                     + ", ".join(f"{r.share_pct:.1f} % in {r.year_label}" for r in frame[frame['order'] == 0].itertuples())
                     + ", as the report quotes Gartner (June 2021)."),
    )
