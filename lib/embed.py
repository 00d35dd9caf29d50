"""How the built site embeds a chart: static SVG first, interactive Vega on top.

When the book is built (``lib.build`` sets ``AICHIPS_STATIC_CHARTS=1`` for the
kernels), :mod:`lib.theme` enables the Altair renderer :func:`render` defined
here. For every chart it

* lays the Vega-Lite spec out twice, for a wide column and for a phone
  (:data:`LAYOUTS`: total width, legend position, wrapped titles);
* compiles each layout to a Vega spec with vl-convert (so the page never ships
  the Vega-Lite compiler) and renders it to SVG (so the chart is on the page
  before any JavaScript runs, prints, and reads without JavaScript);
* writes one ``<figure class="bk-chart">`` holding both SVGs (CSS shows the one
  that fits its column, each labelled with the chart's text description) and
  the two Vega specs as JSON.

``lib/sphinxext/offline_vega.py`` then adds a small loader to the page that, when
a chart comes into view or is touched, loads the Vega runtime from the site
itself and replaces the static drawing with a live one of exactly the same size,
with its bound inputs, legend selections and tooltips.

Outside the build (Binder, JupyterLab) Altair's own renderer is used.
"""

from __future__ import annotations

import copy
import hashlib
import html
import json
import re
import textwrap

ENV_FLAG = "AICHIPS_STATIC_CHARTS"
"""Environment variable that switches the build's kernels to :func:`render`."""

LAYOUTS = {
    "wide": {"width": 720, "chars": 92, "legend": {"titleLimit": 320}, "axis": {"labelLimit": 220}},
    "narrow": {"width": 340, "chars": 36,
               "legend": {"orient": "bottom", "direction": "vertical", "titleLimit": 320, "labelLimit": 300},
               "axis": {"labelLimit": 130, "labelOverlap": "greedy"}},
}
"""Total drawing width (pixels, legend included) and text wrapping of each layout.
The wide layout is used where the chart's column is at least as wide as it."""

VEGA_LITE_VERSION = "6.4"

_ID = re.compile(r'\bid="([^"]+)"')


def _wrap(text, chars: int):
    """Break a title (a string or a list of lines) into lines of at most ``chars`` characters."""
    if isinstance(text, str):
        return textwrap.wrap(text, chars) if len(text) > chars else text
    if isinstance(text, list) and all(isinstance(line, str) for line in text):
        return [part for line in text for part in (textwrap.wrap(line, chars) or [""])]
    return text


def _wrap_axis_titles(node, chars: int) -> None:
    """Wrap long axis and legend titles of every x/y/colour channel, in layers too."""
    if isinstance(node, dict):
        encoding = node.get("encoding")
        if isinstance(encoding, dict):
            for channel in encoding.values():
                if not isinstance(channel, dict):
                    continue
                if isinstance(channel.get("title"), (str, list)):
                    channel["title"] = _wrap(channel["title"], chars)
                for guide in ("axis", "legend"):
                    if isinstance(channel.get(guide), dict) and isinstance(channel[guide].get("title"), (str, list)):
                        channel[guide]["title"] = _wrap(channel[guide]["title"], chars)
        for key in ("layer", "hconcat", "vconcat", "concat"):
            for child in node.get(key, []):
                _wrap_axis_titles(child, chars)
        if isinstance(node.get("spec"), dict):
            _wrap_axis_titles(node["spec"], chars)


def layout_spec(spec: dict, layout: str) -> dict:
    """A copy of the Vega-Lite ``spec`` laid out for ``layout`` ("wide" or "narrow").

    Single and layered views get the layout's total width (``autosize: fit``);
    titles and subtitles are wrapped to fit; legends move below the plot on the
    narrow layout.
    """
    options = LAYOUTS[layout]
    out = copy.deepcopy(spec)
    if not any(key in out for key in ("hconcat", "vconcat", "concat", "facet", "repeat")):
        out["width"] = options["width"]
        out["autosize"] = {"type": "fit-x", "contains": "padding"}
    title = out.get("title")
    if isinstance(title, str):
        out["title"] = {"text": _wrap(title, options["chars"])}
    elif isinstance(title, dict):
        out["title"] = dict(title, text=_wrap(title.get("text", ""), options["chars"]))
        if "subtitle" in title:
            out["title"]["subtitle"] = _wrap(title["subtitle"], int(options["chars"] * 1.2))
    _wrap_axis_titles(out, options["chars"])
    config = out.setdefault("config", {})
    config["legend"] = {**config.get("legend", {}), **options["legend"]}
    config["axis"] = {**config.get("axis", {}), **options["axis"]}
    return out


def stack_bottom_legends(vega: dict) -> dict:
    """Stack legends placed below the plot one under another (Vega places them side by side)."""
    legend = vega.setdefault("config", {}).setdefault("legend", {})
    legend["layout"] = {"bottom": {"direction": "vertical", "anchor": "start"}}
    return vega


def _prefix_ids(svg: str, prefix: str) -> str:
    """Make the ids inside one SVG unique on the page (clip paths, gradients)."""
    for name in set(_ID.findall(svg)):
        svg = svg.replace(f'id="{name}"', f'id="{prefix}-{name}"').replace(f"url(#{name})", f"url(#{prefix}-{name})")
    return svg


def chart_id(spec: dict) -> str:
    """A short id derived from the spec alone, so two builds write the same page."""
    return "chart-" + hashlib.sha256(json.dumps(spec, sort_keys=True).encode()).hexdigest()[:12]


def bound_inputs(spec: dict) -> int:
    """How many of the spec's params are bound to an HTML input (they get a reserved row each)."""
    count = 0

    def walk(node):
        nonlocal count
        if isinstance(node, dict):
            bind = node.get("bind") if "name" in node else None
            if isinstance(bind, dict) and "input" in bind:
                count += 1
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(spec.get("params", []))
    for layer in spec.get("layer", []):
        walk(layer.get("params", []))
    return count


def chart_html(spec: dict) -> str:
    """The ``<figure>`` that stands for one chart on the built page."""
    import vl_convert

    ident = chart_id(spec)
    description = spec.get("description") or ""
    views, compiled = [], {}
    for layout in LAYOUTS:
        vega = vl_convert.vegalite_to_vega(layout_spec(spec, layout), vl_version=VEGA_LITE_VERSION)
        if layout == "narrow":
            vega = stack_bottom_legends(vega)
        svg = _prefix_ids(vl_convert.vega_to_svg(vega), f"{ident}-{layout}")
        svg = svg.replace("<svg ", f'<svg role="img" aria-label="{html.escape(description)}" ', 1)
        compiled[layout] = vega
        views.append(f'<div class="bk-chart__static bk-chart__static--{layout}">{svg}</div>')
    inputs = bound_inputs(spec)
    controls = (f'<div class="bk-chart__controls" style="--bk-inputs: {inputs}"></div>' if inputs else "")
    payload = json.dumps(compiled, separators=(",", ":"), sort_keys=True).replace("</", "<\\/")
    return (f'<figure class="bk-chart" id="{ident}" data-wide="{LAYOUTS["wide"]["width"]}">'
            + "".join(views) + controls
            + f'<script type="application/json" class="bk-chart__spec">{payload}</script>'
            + "</figure>")


def render(spec: dict, **metadata) -> dict:
    """Altair renderer used by the build: a MIME bundle holding :func:`chart_html`."""
    return {"text/html": chart_html(spec), "text/plain": f"<{spec.get('description') or 'chart'}>"}
