"""Charts of the chip comparison: every chip of the book on one footing.

Both builders take the output of :func:`lib.chips.chip_table` (long) or
:func:`lib.chips.chip_wide` (one row per chip). Compute figures are coloured by
what they count (INT8 TOPS, bf16 TFLOPS, ...), never converted; a control picks
one precision, and "All" keeps them apart by colour. Filters by hardware class
and deployment are Vega-Lite parameters bound to drop-downs, so they work on the
static site; passing a value instead fixes the filter and drops the control
(the live-kernel explorer does that).
"""

from __future__ import annotations

import math

import altair as alt
import pandas as pd

from lib import chips, theme
from lib.charts.params import bound_choice, layer_with_filters

ALL = "All"
NOT_COMPUTE = "Not a compute figure"
SOURCE = ("Source: report §1-§9 tables and text (corrections A9-A14); Jetson Xavier NX and A100: "
          "outside figures X1-X3")
COUNTED_DOMAIN = chips.PRECISIONS + [NOT_COMPUTE]


DEPLOYMENT_SHAPES = {"Data centre": "circle", "Edge": "triangle-up"}
"""The mark of each kind of deployment in the scatter charts."""

def _beside_point(field: str, gap: int, *, flip_after: float) -> dict:
    """Mark properties that write a label beside its point: to the right, or to the left once the point
    sits beyond ``flip_after`` of the plot's width, so no label runs past the drawing's edge at any width."""
    flipped = f"scale('x', datum['{field}']) > width * {flip_after}"
    return {"align": alt.expr(f"{flipped} ? 'right' : 'left'"), "dx": alt.expr(f"{flipped} ? {-gap} : {gap}")}


def _label(metric: str) -> str:
    label, unit = chips.METRICS[metric]
    return f"{label} ({unit})"


def _fmt(value: float) -> str:
    return f"{value:,.0f}" if value >= 100 else f"{value:,.3g}"


def _filter_expr(name: str, field: str) -> str:
    return f"({name} == '{ALL}' || datum.{field} == {name})"


def _filters(frame: pd.DataFrame, *, precision, hardware_class, deployment, use_precision: bool = True):
    """Apply fixed filters in pandas; return the frame, the params to add and the Vega-Lite filter expressions.

    A filter that would offer a single value besides "All" gets no drop-down: it could change nothing.
    """
    params, exprs = [], []
    spec = [("chip_class", "hardware_class", hardware_class, [ALL] + sorted(frame["hardware_class"].unique()), "Class: "),
            ("chip_deployment", "deployment", deployment, [ALL] + sorted(frame["deployment"].unique()), "Deployment: ")]
    if use_precision:
        spec.insert(0, ("chip_precision", "counted", precision,
                        [ALL] + [p for p in chips.PRECISIONS if p in set(frame["counted"])], "Precision: "))
    for name, field, fixed, options, label in spec:
        if fixed is None and len(options) <= 2:
            continue  # one value only: a drop-down would change nothing
        if fixed is None:
            params.append(bound_choice(name, options, label))
            exprs.append(_filter_expr(name, field))
        elif fixed != ALL:
            frame = frame[frame[field] == fixed]
    return frame, params, exprs


def chip_ranking_chart(table: pd.DataFrame, *, metric: str | None = None, precision: str | None = None,
                       hardware_class: str | None = None, deployment: str | None = None) -> alt.LayerChart:
    """A sortable ranking: every chip with a figure for the chosen metric, largest first, on a log scale.

    Parameters
    ----------
    table : DataFrame
        :func:`lib.chips.chip_table` output.
    metric : str, optional
        A key of :data:`lib.chips.METRICS`; by default a drop-down (parameter
        ``chip_metric``) picks it, starting with peak compute.
    precision, hardware_class, deployment : str, optional
        Fixed filters ("All" for none); by default drop-downs set them. The
        precision filter applies to compute figures only.
    """
    frame = table.assign(counted=[p if m == "peak_compute" else NOT_COMPUTE
                                  for m, p in zip(table["metric"], table["precision"])],
                         metric_label=table["metric"].map(_label))
    frame["value_text"] = [f"{_fmt(v)} {u}" for v, u in zip(frame["value"], frame["unit"])]
    frame, params, exprs = _filters(frame, precision=None, hardware_class=hardware_class, deployment=deployment,
                                    use_precision=False)
    if precision is None:  # the precision filter leaves the other metrics alone
        options = [ALL] + [p for p in chips.PRECISIONS if p in set(frame["counted"])]
        params.append(bound_choice("chip_precision", options, "Precision: "))
        exprs.append(f"(chip_precision == '{ALL}' || datum.counted == chip_precision "
                     f"|| datum.counted == '{NOT_COMPUTE}')")
    elif precision != ALL:
        frame = frame[frame["counted"].isin([precision, NOT_COMPUTE])]
    metrics = [m for m in chips.METRICS if m in set(frame["metric"])]
    if metric is None:
        params.insert(0, alt.param(name="chip_metric", value="peak_compute", bind=alt.binding_select(
            options=metrics, labels=[_label(m) for m in metrics], name="Metric: ")))
        exprs.insert(0, "datum.metric == chip_metric")
        shown = "the metric a drop-down picks"
    else:
        if metric not in chips.METRICS:
            raise ValueError(f"metric must be one of {list(chips.METRICS)}")
        frame = frame[frame["metric"] == metric]
        shown = _label(metric).lower()
    domain = [c for c in COUNTED_DOMAIN if c in set(frame["counted"])]
    y = alt.Y("chip:N", sort="-x", title=None, axis=alt.Axis(labelLimit=140, labelPadding=4))
    x = alt.X("value:Q", title="Value in the metric's unit (log scale)", scale=alt.Scale(type="log"),
              axis=alt.Axis(format="~s"))
    tooltip = [alt.Tooltip("chip:N", title="Chip"), alt.Tooltip("company:N", title="Company"),
               alt.Tooltip("metric_label:N", title="Metric"), alt.Tooltip("value_text:N", title="Value"),
               alt.Tooltip("counted:N", title="Counted as"), alt.Tooltip("kind:N", title="Kind of figure"),
               alt.Tooltip("hardware_class:N", title="Class"), alt.Tooltip("deployment:N", title="Deployment"),
               alt.Tooltip("value_printed:N", title="As printed"), alt.Tooltip("corrections:N", title="Corrections"),
               alt.Tooltip("source:N", title="Source")]
    def marks(base):
        points = base.mark_point(filled=True, size=110).encode(
            y=y, x=x, tooltip=tooltip,
            color=alt.Color("counted:N", title="Counted as", scale=theme.colour_scale("precision", domain),
                            legend=alt.Legend(orient="bottom", direction="vertical")),
            shape=alt.Shape("kind:N", title="Kind of figure", scale=alt.Scale(
                domain=chips.KINDS, range=["circle", "diamond", "square", "triangle-up", "cross"]), legend=None))
        labels = base.mark_text(fontSize=11, color="#374151", **_beside_point("value", 8, flip_after=0.6)).encode(
            y=y, x=x, text="value_text:N", tooltip=tooltip)
        return points, labels

    chart = layer_with_filters(frame, exprs, params, marks)
    return chart.properties(
        height=alt.Step(22), padding={"left": 12, "top": 5, "right": 5, "bottom": 5},
        title=alt.Title("The book's chips ranked, one metric at a time",
                        subtitle=[SOURCE, "Vendor peaks, not measured speed; colour: what a compute figure counts; "
                                          "diamond: peak per chip derived from a system"]),
        description=f"Dot chart ranking the chips of the book by {shown}, largest first, on a logarithmic axis, "
                    "coloured by what a compute figure counts and shaped by the kind of figure (vendor peak, peak "
                    "derived per chip, typical power, specification).")


def _axis(metric: str, values: pd.Series) -> tuple[alt.Scale, str]:
    positive = values[values > 0]
    log = len(positive) > 1 and positive.max() / positive.min() >= 10
    title = _label(metric) + (", log scale" if log else "")
    if metric == "peak_compute":
        title = "Peak compute per chip (T ops/s" + (", log scale)" if log else ")")
    if log:
        # room to the right of the largest value
        return alt.Scale(type="log", domain=[10 ** math.floor(math.log10(positive.min())),
                                             10 ** math.ceil(math.log10(positive.max() * 3))]), title
    return alt.Scale(domain=[0, float(values.max()) * 1.6]), title


def chip_scatter_chart(wide: pd.DataFrame, *, x: str = "power", y: str = "peak_compute", precision: str | None = None,
                       hardware_class: str | None = None, deployment: str | None = None) -> alt.LayerChart:
    """One metric against another for every chip that has both figures.

    Parameters
    ----------
    wide : DataFrame
        :func:`lib.chips.chip_wide` output.
    x, y : str
        Keys of :data:`lib.chips.METRICS`. An axis whose values span a factor of
        ten or more is logarithmic, and its title says so.
    precision, hardware_class, deployment : str, optional
        Fixed filters ("All" for none); by default drop-downs on the page set
        them (the precision one only when an axis is peak compute).

    Points are coloured by what their compute figure counts and shaped by
    deployment; the tooltip gives both values with units, the kind of compute
    figure and, where power is drawn too, TOPS per watt at that precision.
    """
    for metric in (x, y):
        if metric not in chips.METRICS:
            raise ValueError(f"{metric!r} is not one of {list(chips.METRICS)}")
    compute = "peak_compute" in (x, y)
    frame = wide.dropna(subset=[x, y]).copy()
    if frame.empty:
        raise ValueError(f"no chip has both {x} and {y}")
    x_scale, x_title = _axis(x, frame[x])  # axes fit every chip with both figures, whatever the filters
    y_scale, y_title = _axis(y, frame[y])
    frame["counted"] = [p if (compute and p) else NOT_COMPUTE for p in frame["precision"]]
    frame, params, exprs = _filters(frame, precision=precision, hardware_class=hardware_class,
                                    deployment=deployment, use_precision=compute)
    frame = frame.assign(x_text=[f"{_fmt(v)} {chips.METRICS[x][1]}" for v in frame[x]],
                         y_text=[f"{_fmt(v)} {chips.METRICS[y][1]}" for v in frame[y]],
                         ratio_text=[(f"{r:.3g} T ops/s per W ({p})" if pd.notna(r) else "")
                                     for r, p in zip(frame["tops_per_w"], frame["precision"])])
    enc_x = alt.X(f"{x}:Q", title=x_title, scale=x_scale)
    enc_y = alt.Y(f"{y}:Q", title=y_title, scale=y_scale)
    tooltip = [alt.Tooltip("chip:N", title="Chip"), alt.Tooltip("company:N", title="Company"),
               alt.Tooltip("x_text:N", title=chips.METRICS[x][0]), alt.Tooltip("y_text:N", title=chips.METRICS[y][0]),
               alt.Tooltip("counted:N", title="Compute counted as"),
               alt.Tooltip("compute_kind:N", title="Kind of compute figure"),
               alt.Tooltip("hardware_class:N", title="Class"), alt.Tooltip("deployment:N", title="Deployment")]
    if "power" in (x, y) and compute:
        tooltip.append(alt.Tooltip("ratio_text:N", title="Compute per watt"))
    domain = [c for c in COUNTED_DOMAIN if c in set(frame["counted"])]

    def marks(base):
        points = base.mark_point(filled=True, size=130).encode(
            x=enc_x, y=enc_y, tooltip=tooltip,
            color=alt.Color("counted:N", title="Compute counted as", scale=theme.colour_scale("precision", domain),
                            legend=alt.Legend(orient="bottom", direction="vertical")),
            shape=alt.Shape("deployment:N", title="Deployment",
                            scale=theme.shape_scale(DEPLOYMENT_SHAPES, frame["deployment"]),
                            legend=alt.Legend(orient="top", direction="horizontal")))
        labels = base.mark_text(dy=-7, fontSize=11, color="#374151", **_beside_point(x, 9, flip_after=0.5)).encode(
            x=enc_x, y=enc_y, text="chip:N")
        return points, labels

    chart = layer_with_filters(frame, exprs, params, marks)
    x_label, y_label = chips.METRICS[x][0].lower(), chips.METRICS[y][0].lower()
    return chart.properties(
        title=alt.Title(f"{chips.METRICS[y][0]} against {x_label}, chip by chip",
                        subtitle=[SOURCE, "Vendor peaks, not measured speed; precisions shown apart, never converted"]),
        description=f"Scatter chart of {y_label} against {x_label} for the chips of the book that have both "
                    f"figures ({len(frame)} chips), coloured by what the compute figure counts and shaped by "
                    "deployment (data centre or edge), with each chip named beside its point.")
