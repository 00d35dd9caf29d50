"""How the built site embeds a chart: static SVG first, interactive Vega on top.

When the book is built (``lib.build`` sets ``AICHIPS_STATIC_CHARTS=1`` for the
kernels), :mod:`lib.theme` enables the Altair renderer :func:`render` defined
here. For every chart it

* lays the Vega-Lite spec out twice, for a wide column and for a phone
  (:data:`LAYOUTS`: total width, legend position, wrapped titles and, on a
  phone, wrapped legend labels);
* compiles each layout to a Vega spec with vl-convert (so the page never ships
  the Vega-Lite compiler) and renders it to SVG, its text measured with
  :data:`MEASURING_FONT` (so the chart is on the page before any JavaScript
  runs, prints, and reads without JavaScript, with no label cut off);
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

LABEL_GAP = 8
"""Least space (pixels) between two axis labels; where labels may be thinned, one
closer than this to its neighbour is left out rather than drawn touching it."""

LAYOUTS = {
    "wide": {"width": 720, "chars": 92, "legend": {"titleLimit": 320},
             "axis": {"labelLimit": 220, "labelSeparation": LABEL_GAP}},
    "narrow": {"width": 340, "chars": 36,
               "legend": {"orient": "bottom", "direction": "vertical", "titleLimit": 320, "labelLimit": 300},
               "axis": {"labelLimit": 130, "labelSeparation": LABEL_GAP},
               "thinned_axes": ("axisQuantitative", "axisTemporal")},
}
"""Total drawing width (pixels, legend included) and text wrapping of each layout.
The wide layout is used where the chart's column is at least as wide as it. On the
narrow one, number and date axes may leave out labels that would crowd (the ticks
say where the missing ones fall); a category axis keeps every label, since a bar
without its name cannot be read."""

LEGEND_ROOM = {"chars": 28, "char_px": 7, "symbol_px": 25}
"""What a legend below a phone chart can use: it starts under the plot, after the y-axis
labels, so a label gets about 28 characters (of about 7 pixels) beside its symbol."""

LEGEND_CHANNELS = ("color", "fill", "stroke", "shape", "strokeDash", "opacity", "size")

VEGA_LITE_VERSION = "6.4"

MEASURING_FONT = "DejaVu Sans"
"""The font the build lays chart text out with (Debian's fonts-dejavu-core). It is
wider than the system fonts readers' browsers draw ``theme.FONT`` with (San
Francisco, Segoe UI, Roboto) and is what Chromium draws on Debian, so a label
placed for it is never cut off by the reader's font. The drawing itself names
``theme.FONT``."""

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


def _field_values(spec: dict, field: str) -> list[str]:
    """The distinct text values of ``field`` in the spec's datasets and inline data, in order."""
    rows = [row for values in spec.get("datasets", {}).values() for row in values]

    def inline(node):
        if isinstance(node, dict):
            data = node.get("data")
            if isinstance(data, dict) and isinstance(data.get("values"), list):
                rows.extend(data["values"])
            for key in ("layer", "hconcat", "vconcat", "concat"):
                for child in node.get(key, []):
                    inline(child)

    inline(spec)
    return list(dict.fromkeys(str(row[field]) for row in rows
                              if isinstance(row, dict) and isinstance(row.get(field), str)))


def _fit_phone_legends(node, spec: dict) -> None:
    """Fit each legend of ``node`` (and its layers) to a phone: long labels wrap onto a
    second line (a lookup in ``labelExpr``), no label is cut, and a legend keeps only as
    many columns as fit beside each other."""
    room = LEGEND_ROOM["chars"] * LEGEND_ROOM["char_px"]
    if not isinstance(node, dict):
        return
    for name, channel in (node.get("encoding") or {}).items():
        if name not in LEGEND_CHANNELS or not isinstance(channel, dict) or "field" not in channel:
            continue
        if "legend" in channel and channel["legend"] is None:
            continue
        legend = channel["legend"] = dict(channel.get("legend") or {})
        domain = (channel.get("scale") or {}).get("domain")
        labels = ([str(v) for v in domain] if isinstance(domain, list) and all(isinstance(v, str) for v in domain)
                  else _field_values(spec, channel["field"]))
        wrapped = {label: textwrap.wrap(label, LEGEND_ROOM["chars"]) for label in labels
                   if len(label) > LEGEND_ROOM["chars"]}
        if wrapped and "labelExpr" not in legend:
            legend["labelExpr"] = f"{json.dumps(wrapped, ensure_ascii=False)}[datum.label] || datum.label"
        legend["labelLimit"] = min(legend.get("labelLimit", room), room)
        if legend.get("columns", 1) > 1 and labels:
            widest = min(max(map(len, labels)), LEGEND_ROOM["chars"]) * LEGEND_ROOM["char_px"] + LEGEND_ROOM["symbol_px"]
            legend["columns"] = max(1, min(legend["columns"], (room + LEGEND_ROOM["symbol_px"]) // widest))
    for child in node.get("layer", []):
        _fit_phone_legends(child, spec)


def layout_spec(spec: dict, layout: str) -> dict:
    """A copy of the Vega-Lite ``spec`` laid out for ``layout`` ("wide" or "narrow").

    Single and layered views get the layout's total width (``autosize: fit``);
    titles and subtitles are wrapped to fit; legends move below the plot on the
    narrow layout, where long legend labels wrap and multi-column legends narrow.
    """
    options = LAYOUTS[layout]
    out = copy.deepcopy(spec)
    if not any(key in out for key in ("hconcat", "vconcat", "concat", "facet", "repeat")):
        out["width"] = options["width"]
        # resize: Vega fits again after each layout, since a narrower plot can round its axis to a
        # different end and move labels at the bars' ends; one pass would leave them past the edge
        out["autosize"] = {"type": "fit-x", "contains": "padding", "resize": True}
    title = out.get("title")
    if isinstance(title, str):
        out["title"] = {"text": _wrap(title, options["chars"])}
    elif isinstance(title, dict):
        out["title"] = dict(title, text=_wrap(title.get("text", ""), options["chars"]))
        if "subtitle" in title:
            out["title"]["subtitle"] = _wrap(title["subtitle"], int(options["chars"] * 1.2))
    _wrap_axis_titles(out, options["chars"])
    if layout == "narrow":
        _fit_phone_legends(out, out)
    config = out.setdefault("config", {})
    config["legend"] = {**config.get("legend", {}), **options["legend"]}
    config["axis"] = {**config.get("axis", {}), **options["axis"]}
    for axes in options.get("thinned_axes", ()):
        config[axes] = {**config.get(axes, {}), "labelOverlap": "greedy"}
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


def static_svg(vega: dict) -> str:
    """The SVG of a compiled Vega spec, its text laid out with :data:`MEASURING_FONT`."""
    import vl_convert

    from lib.theme import FONT

    named = json.dumps(FONT)[1:-1]
    if named not in json.dumps(vega):
        return vl_convert.vega_to_svg(vega)
    measured = json.loads(json.dumps(vega).replace(named, MEASURING_FONT))
    return vl_convert.vega_to_svg(measured).replace(f'font-family="{MEASURING_FONT}"',
                                                    f'font-family="{FONT}"')


_MARK_ATTRIBUTES = re.compile(r' (?:role="graphics-[a-z-]+"|aria-roledescription="[^"]*"|aria-label="[^"]*"'
                              r'|aria-hidden="true"|pointer-events="none")')
_GEOMETRY = re.compile(r' (d|transform|x|y|x1|x2|y1|y2|width|height)="([^"]*)"')
_LONG_DECIMAL = re.compile(r"-?\d+\.\d{3,}")
_HINT = re.compile(r"<(tspan|text)\b([^>]*)>(?=(?:Click|Hover|Tap)\b)")
HINT_CLASS = "bk-chart__hint"
"""Class of a drawn line that tells the reader how to use the live chart ("Click a legend
entry…"); the print stylesheet hides it, keeping its place, since paper cannot be clicked."""


def _short_number(match) -> str:
    return f"{float(match.group(0)):.2f}".rstrip("0").rstrip(".")


def lean_svg(svg: str) -> str:
    """A static drawing without what only the live chart uses, about half the bytes.

    The drawing is one image to assistive technology (``role="img"`` with the chart's
    description, added by :func:`chart_html`), so the per-mark ARIA attributes and
    pointer settings go; the font names move to the root, where text inherits them;
    coordinates keep two decimals, a hundredth of a pixel. A line that starts with
    "Click", "Hover" or "Tap" gets the class :data:`HINT_CLASS`.
    """
    from lib.theme import FONT

    svg = _MARK_ATTRIBUTES.sub("", svg)
    svg = _HINT.sub(rf'<\1\2 class="{HINT_CLASS}">', svg)
    svg = _GEOMETRY.sub(lambda m: f' {m.group(1)}="{_LONG_DECIMAL.sub(_short_number, m.group(2))}"', svg)
    font = f' font-family="{FONT}"'
    if font in svg:
        svg = svg.replace(font, "").replace("<svg ", f"<svg{font} ", 1)
    return svg


def measuring_font_missing() -> bool:
    """Whether vl-convert lacks :data:`MEASURING_FONT` (it would then measure with a fallback)."""
    import vl_convert

    def width(font):
        spec = {"data": {"values": [{"a": "Measured label", "b": 1}]}, "mark": "bar", "config": {"font": font},
                "encoding": {"y": {"field": "a", "type": "nominal"}, "x": {"field": "b", "type": "quantitative"}}}
        return vl_convert.vegalite_to_scenegraph(spec)["origin"][0]

    return width(MEASURING_FONT) == width("No Such Font Family")


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
        svg = _prefix_ids(lean_svg(static_svg(vega)), f"{ident}-{layout}")
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
