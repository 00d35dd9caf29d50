"""Serve Vega, Vega-Lite and Vega-Embed from the built site, never from a CDN.

Altair's HTML output loads its three JavaScript libraries from a CDN unless
``window.VEGA_DEBUG`` already names the versions it expects. This extension

* writes one self-contained bundle of the three libraries, made by
  ``vl_convert.javascript_bundle`` at the Vega-Lite version Altair targets, to
  ``_static/vega/`` in the output (a folder of its own, so no theme or book
  setting adds it to every page);
* adds, on pages that hold an Altair chart and only there, an inline script that
  sets ``VEGA_DEBUG`` to those versions, followed by the bundle, both in
  ``<head>`` so they run before the charts' own scripts;
* gives Vega-Embed's icon-only action menu an accessible name;
* removes duplicate ``<script>`` entries from every page: Sphinx 7.4 can list an
  inline script twice (with Thebe on, ``const THEBE_JS_URL`` is then declared
  twice and the page throws).

The versions are read from Altair's own HTML template, so the bundle always
matches what the charts ask for.
"""

from __future__ import annotations

import hashlib
import json
import re
from functools import lru_cache
from pathlib import Path

CHART_MARKER = 'id="altair-viz-'
"""Text that marks a page holding at least one Altair chart."""

BUNDLE_DIR = "vega"

ACTION_MENU_LABEL = "Chart menu: save as SVG or PNG, view source"

# Vega-Embed's action menu is a <summary> holding only an icon, which leaves it
# without an accessible name; label it once each chart is embedded.
LABEL_ACTION_MENU = f"""
const embedChart = window.vegaEmbed;
window.vegaEmbed = function (element, spec, options) {{
  return embedChart(element, spec, options).then(function (result) {{
    const root = typeof element === "string" ? document.querySelector(element) : element;
    root.querySelectorAll("details > summary").forEach(function (summary) {{
      summary.setAttribute("aria-label", {json.dumps(ACTION_MENU_LABEL)});
    }});
    return result;
  }});
}};
"""

_LOAD_CALL = re.compile(r'maybeLoadScript\("(vega|vega-lite|vega-embed)", "([^"]+)"\)')


@lru_cache(maxsize=1)
def expected_versions() -> dict[str, str]:
    """The versions Altair's HTML renderer checks in ``VEGA_DEBUG``.

    Returns a mapping such as ``{"vega_version": "6", "vegalite_version": "6.4.1",
    "vegaembed_version": "7"}``, keyed as Altair keys ``VEGA_DEBUG``.
    """
    import altair as alt

    with alt.renderers.enable("html"):
        html = alt.Chart().mark_point()._repr_mimebundle_()["text/html"]
    found = {f"{lib.replace('-', '', 1)}_version": version for lib, version in _LOAD_CALL.findall(html)}
    if set(found) != {"vega_version", "vegalite_version", "vegaembed_version"}:
        raise RuntimeError(f"cannot read the Vega versions from Altair's HTML template: {found}")
    return found


@lru_cache(maxsize=1)
def bundle_source() -> str:
    """One classic script defining ``window.vega``, ``window.vegaLite`` and ``window.vegaEmbed``.

    The bundle is wrapped in a function so that its top-level names stay private.
    """
    import vl_convert

    major_minor = ".".join(expected_versions()["vegalite_version"].split(".")[:2])
    code = vl_convert.javascript_bundle(vl_version=major_minor)
    return "(function () {\n" + code + "\n" + LABEL_ACTION_MENU + "})();\n"


def bundle_filename() -> str:
    """Path of the bundle relative to ``_static/`` (as ``add_js_file`` expects); it changes with the versions."""
    versions = expected_versions()
    tag = hashlib.sha256(json.dumps(versions, sort_keys=True).encode()).hexdigest()[:10]
    return f"{BUNDLE_DIR}/vega-bundle-{versions['vegalite_version']}-{tag}.js"


def debug_snippet() -> str:
    """Inline JavaScript telling Altair's charts that the libraries are already loaded."""
    return f"window.VEGA_DEBUG = Object.assign(window.VEGA_DEBUG || {{}}, {json.dumps(expected_versions())});"


def write_bundle(app) -> None:
    """Write the bundle into the HTML output folder (once per version set)."""
    if app.builder.format != "html":
        return
    target = Path(app.outdir) / "_static" / bundle_filename()
    if not target.exists():
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(bundle_source(), encoding="utf-8")


def _script_key(script) -> tuple:
    # Sphinx re-adds inline scripts with filename "" where they were registered with None.
    filename = getattr(script, "filename", script) or ""
    attributes = getattr(script, "attributes", {}) or {}
    return (str(filename), tuple(sorted((k, str(v)) for k, v in attributes.items())))


def dedupe_scripts(scripts: list) -> list:
    """Drop repeated entries (same file or same inline body, same attributes), keeping the first."""
    seen: set[tuple] = set()
    unique = []
    for script in scripts:
        key = _script_key(script)
        if key not in seen:
            seen.add(key)
            unique.append(script)
    return unique


def add_page_scripts(app, pagename, templatename, context, doctree) -> None:
    """On a page with charts, load the local libraries; on every page, drop duplicate scripts."""
    if CHART_MARKER in context.get("body", ""):
        app.add_js_file(None, body=debug_snippet(), priority=100)
        app.add_js_file(bundle_filename(), priority=101)
    if "script_files" in context:
        context["script_files"][:] = dedupe_scripts(context["script_files"])


def setup(app):
    """Register the extension with Sphinx."""
    app.connect("builder-inited", write_bundle)
    app.connect("html-page-context", add_page_scripts)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
