"""Google's TPU generations: the report's table as printed and as corrected.

The printed table puts every generation's peak under one heading, "TOPS". The
figures are of two kinds: INT8 tera-operations per second (TPU v1 and the Edge
TPU, inference chips) and bf16 teraflops (TPU v2 and v3, training chips; TPUv4i
reaches the same 138 T in both). Corrections A9-A11 give the corrected values and
name the precision; :data:`PRECISION` records it per generation.
"""

from __future__ import annotations

import json
import re

import altair as alt
import pandas as pd

from lib import theme
from lib.charts.params import choice_title

PRECISION = {"TPU v1": "INT8 TOPS", "TPU v2": "bf16 TFLOPS", "TPU v3": "bf16 TFLOPS", "TPU v4": "bf16 TFLOPS",
             "Edge TPU": "INT8 TOPS"}
"""What each generation's corrected peak counts (corrections A9-A11 and the source notes)."""

NOT_STATED = "Precision not stated"
VERSIONS = ["As printed", "Corrected"]
SOURCE = "Source: report §5 (Google), credited to Jouppi et al. (2021); corrections A9-A11"


def _leading_number(text: str) -> float:
    match = re.match(r"\s*(\d+(?:\.\d+)?)", str(text))
    if not match:
        raise ValueError(f"no number at the start of {text!r}")
    return float(match.group(1))


def tpu_versions(tpu: pd.DataFrame, corrections: pd.DataFrame) -> pd.DataFrame:
    """The TPU table twice, as printed and as corrected, one row per version and generation.

    Columns: ``version`` ("As printed" or "Corrected"), ``generation`` (the
    printed name), ``label`` (the name under that version: "TPUv4i" for the
    corrected v4 column), ``order``, ``year``, ``process_node_nm``,
    ``on_chip_memory_mb``, ``peak`` (empty where nothing is printed),
    ``precision`` (:data:`NOT_STATED` for every printed figure, since the heading
    says only "TOPS") and ``corrections`` (IDs that changed the row).
    """
    fixes = corrections[corrections["dataset"] == "tpu_generations"]
    rows = []
    for order, row in enumerate(tpu.itertuples()):
        printed = {"version": "As printed", "generation": row.generation, "label": row.generation, "order": order,
                   "year": int(row.announced_year), "process_node_nm": row.process_node_nm,
                   "on_chip_memory_mb": row.on_chip_memory_mb,
                   "peak": None if pd.isna(row.tops) else float(row.tops), "precision": NOT_STATED, "corrections": ""}
        corrected = dict(printed, version="Corrected", precision=PRECISION[row.generation])
        mine = fixes[fixes["record"] == f"generation={row.generation}"]
        for fix in mine.itertuples():
            if fix.field == "generation":
                corrected["label"] = fix.corrected_value
            elif fix.field == "announced_year":
                corrected["year"] = int(fix.corrected_value)
            elif fix.field == "tops":
                corrected["peak"] = _leading_number(fix.corrected_value)
        corrected["corrections"] = ", ".join(sorted(set(mine["correction_id"]), key=lambda c: int(c[1:])))
        rows += [printed, corrected]
    frame = pd.DataFrame(rows)
    frame["peak"] = frame["peak"].astype(float)
    return frame


def _legend_entries(frame: pd.DataFrame, domain: list[str], version: str | None) -> list[str] | alt.ExprRef:
    """What the colour legend lists, in ``domain`` order: only the kinds of figure the shown version
    draws (with the radio buttons, an expression that follows the choice)."""
    drawn = {v: [kind for kind in domain if kind in set(frame.loc[frame["version"] == v, "precision"])]
             for v in VERSIONS}
    if version is not None:
        return drawn[version]
    return alt.ExprRef(f"{json.dumps(drawn)}[tpu_version]")


def tpu_peak_chart(versions: pd.DataFrame, *, version: str | None = None) -> alt.LayerChart:
    """Peak per chip of each TPU generation, with a toggle between printed and corrected.

    Parameters
    ----------
    versions : DataFrame
        :func:`tpu_versions` output.
    version : str, optional
        "As printed" or "Corrected" only. By default the chart carries radio
        buttons (a Vega-Lite parameter ``tpu_version``) that switch between them.

    Returns
    -------
    alt.LayerChart
        Bars coloured by what the figure counts (INT8 TOPS, bf16 TFLOPS, or not
        stated), a value label on each bar, and "not printed" where the table is
        empty.
    """
    if version is not None:
        if version not in VERSIONS:
            raise ValueError(f"version must be one of {VERSIONS}")
        versions = versions[versions["version"] == version]
    frame = versions.assign(value_label=[("not printed" if pd.isna(p) else f"{p:g}") for p in versions["peak"]],
                            peak_or_zero=versions["peak"].fillna(0.0),
                            chip=[f"{label} ({year})" for label, year in zip(versions["label"], versions["year"])])
    order = frame.sort_values(["order", "version"])["chip"].drop_duplicates().tolist()
    x = alt.X("chip:N", sort=order, title="TPU generation (year)",
              axis=alt.Axis(labelAngle=theme.upright_on_a_phone(-30), labelLimit=120))
    y_title = "Peak per chip (T ops/s: INT8 TOPS or bf16 TFLOPS)"
    domain = [NOT_STATED, "INT8 TOPS", "bf16 TFLOPS"]
    tooltip = [alt.Tooltip("label:N", title="Chip"), alt.Tooltip("year:Q", title="Year", format="d"),
               alt.Tooltip("peak:Q", title="Peak per chip (T ops/s)", format="g"),
               alt.Tooltip("precision:N", title="Counted as"),
               alt.Tooltip("process_node_nm:Q", title="Process node (nm)"),
               alt.Tooltip("on_chip_memory_mb:Q", title="On-chip memory (MB)"),
               alt.Tooltip("corrections:N", title="Corrections"), alt.Tooltip("version:N", title="Figures")]
    bars = alt.Chart(frame).mark_bar().encode(
        x=x,
        y=alt.Y("peak:Q", title=y_title, scale=alt.Scale(domain=[0, 150])),
        color=alt.Color("precision:N", title="Counted as", scale=theme.colour_scale("precision", domain),
                        legend=alt.Legend(orient="top", direction="vertical",
                                          values=_legend_entries(versions, domain, version))),
        tooltip=tooltip,
    )
    text = alt.Chart(frame).mark_text(dy=-7, fontSize=12).encode(
        x=x, y=alt.Y("peak_or_zero:Q", scale=alt.Scale(domain=[0, 150])), text="value_label:N", tooltip=tooltip)
    layers = [bars, text]
    if version is None:
        # the drawing before any choice (the static page, paper) shows the corrected figures, in colour
        param = alt.param(name="tpu_version", value=VERSIONS[1],
                          bind=alt.binding_radio(options=VERSIONS, name="Figures: "))
        layers = [layer.transform_filter("datum.version == tpu_version") for layer in layers]
        layers[0] = layers[0].add_params(param)
        shown = "as printed or corrected (radio buttons)"
    else:
        shown = version.lower()
    return alt.layer(*layers).properties(
        title=alt.Title(choice_title("Google TPU peak per chip:", "tpu_version",
                                     {v: f"figures {v.lower()}" for v in VERSIONS}) if version is None else
                        f"Google TPU generations: peak per chip, figures {version.lower()}", subtitle=SOURCE),
        description=f"Bar chart of the peak performance per chip of five Google TPU generations, {shown}, "
                    "coloured by whether the figure counts INT8 operations or bf16 floating-point operations.",
    )
