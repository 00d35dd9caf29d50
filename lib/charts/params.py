"""Bound Vega-Lite parameters shared by the chart builders: a control, and one that keeps the rows it names.

These work on the static site without a kernel: the control is drawn by Vega
beside the chart, and the filter runs in the browser.
"""

from __future__ import annotations

import json
import textwrap

import altair as alt

from lib import theme

_BINDINGS = {"select": alt.binding_select, "radio": alt.binding_radio}


def bound_choice(name: str, options: list, label: str, widget: str = "select") -> alt.Parameter:
    """A parameter named ``name`` bound to a drop-down (``widget="select"``) or radio buttons
    (``"radio"``) offering ``options``, starting on the first; filters that read it are the caller's."""
    if widget not in _BINDINGS:
        raise ValueError(f"widget must be one of {list(_BINDINGS)}")
    return alt.param(name=name, value=options[0], bind=_BINDINGS[widget](options=options, name=label))


def keep_one(chart, *, name: str, field: str, options: list, label: str, widget: str = "select"):
    """Add a :func:`bound_choice` named ``name`` to ``chart`` and keep only the rows whose ``field``
    equals the chosen option."""
    pick = bound_choice(name, options, label, widget)
    return chart.add_params(pick).transform_filter(alt.datum[field] == pick)


def layer_with_filters(frame, exprs: list[str], params: list, marks) -> alt.LayerChart:
    """Layer the marks ``marks(base)`` returns, drawn from ``frame`` filtered by every Vega expression in
    ``exprs``, with the bound ``params`` those expressions read."""
    base = alt.Chart(frame)
    for expr in exprs:
        base = base.transform_filter(expr)
    chart = alt.layer(*marks(base))
    return chart.add_params(*params) if params else chart


def choice_title(heading: str, name: str, options: list | dict, *, chars: int = 34) -> alt.ExprRef:
    """A chart title whose last lines name the option the parameter ``name`` holds.

    ``options`` lists the parameter's values, or maps each to the words shown for it.
    A drawing made before any choice (the static page, paper) then says what it
    shows. On a narrow plot (``theme.ON_A_PHONE``) the lines are wrapped
    at ``chars`` characters; titles drawn by Vega from an expression are not wrapped
    by the layouts.
    """
    shown = options if isinstance(options, dict) else {option: option for option in options}
    wide = {option: [heading, words] for option, words in shown.items()}
    narrow = {option: [*textwrap.wrap(heading, chars), *textwrap.wrap(words, chars)] for option, words in shown.items()}
    return alt.ExprRef(expr=f"({theme.ON_A_PHONE} ? {json.dumps(narrow)} : {json.dumps(wide)})[{name}]")
