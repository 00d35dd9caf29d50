"""Serve the charts' JavaScript from the built site, and only where a chart needs it.

The book's charts reach the page as static SVG with their compiled Vega specs
(see :mod:`lib.embed`). This extension

* writes the Vega runtime alone (no Vega-Lite compiler, no Vega-Embed: the specs
  are compiled at build time) to ``_static/vega/`` (a folder of its own, so no
  theme setting adds it to every page). The runtime is the npm package's own
  ``build/vega.min.js``, kept in ``vendor/`` with its licence; the npm
  lock file pins the same version, and a test checks the two are identical;
* adds, on pages that hold a chart and only there, the small deferred loader
  ``charts.js`` that fetches that runtime when a chart comes into view or is
  touched; nothing chart-related blocks the first paint;
* moves each chart's compiled specs out of its page into a small script of its
  own, ``_static/charts/<digest>.js``, which the loader fetches with the runtime:
  the page carries only what is drawn (a third of a chart page's bytes were
  specs), and scripts, unlike fetched JSON, also load from a site opened from disk;
* adds the book's stylesheet ``book.css`` (chart layout, print) to every page;
* drops the ipywidgets state myst-nb embeds for executed widget cells: widgets
  are for live kernels, so the static page carries none of their bytes;
* removes duplicate ``<script>`` entries from every page: Sphinx 7.4 can list an
  inline script twice (with Thebe on, ``const THEBE_JS_URL`` is then declared
  twice and the page throws).
"""

from __future__ import annotations

import hashlib
import re
from functools import lru_cache
from pathlib import Path

CHART_MARKER = 'class="bk-chart"'
"""Text that marks a page holding at least one chart."""

BUNDLE_DIR = "vega"
STATIC_DIR = Path(__file__).parent / "static"
WIDGET_STATE_TYPE = "application/vnd.jupyter.widget-state+json"


SPEC_DIR = "charts"
"""Folder of ``_static/`` holding the charts' compiled specs, one script per chart."""

_FIGURE_WITH_SPEC = re.compile(
    r'(<figure class="bk-chart"[^>]*?)>((?:(?!<figure\b).)*?)'
    r'<script type="application/json" class="bk-chart__spec">(.*?)</script>', re.S)
_SPEC_NAME = re.compile(r'<figure class="bk-chart"[^>]*\bdata-spec="([0-9a-f]+)"')

VEGA_VERSION = "6.4.0"
"""Version of the Vega runtime served with the site (its major version is the one
of the specs vl-convert compiles, checked by a test)."""

VENDORED_BUNDLE = Path(__file__).parent / "vendor" / f"vega-{VEGA_VERSION}.min.js"


@lru_cache(maxsize=1)
def bundle_source() -> str:
    """Vega's UMD build: one classic script defining ``window.vega``."""
    return VENDORED_BUNDLE.read_text(encoding="utf-8")


def bundle_filename() -> str:
    """Path of the runtime relative to ``_static/``; it changes whenever its content does."""
    tag = hashlib.sha256(bundle_source().encode()).hexdigest()[:10]
    return f"{BUNDLE_DIR}/vega-{tag}.js"


def write_bundle(app) -> None:
    """Write the runtime into the HTML output folder and register the book's static files."""
    if app.builder.format != "html":
        return
    target = Path(app.outdir) / "_static" / bundle_filename()
    if not target.exists():
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(bundle_source(), encoding="utf-8")


def spec_script(name: str, payload: str) -> str:
    """The script that holds one chart's compiled specs (a JSON object, valid JavaScript)."""
    return f'(window.bkChartSpecs = window.bkChartSpecs || {{}})["{name}"] = {payload};\n'


def move_specs(html: str) -> tuple[str, dict[str, str]]:
    """Take every chart's specs out of a page.

    Returns the page, where each chart figure names its specs with ``data-spec``,
    and the specs by name (a digest of their text, so equal charts share a file).
    """
    specs: dict[str, str] = {}

    def move(match) -> str:
        payload = match.group(3)
        name = hashlib.sha256(payload.encode()).hexdigest()[:12]
        specs[name] = payload
        return f'{match.group(1)} data-spec="{name}">{match.group(2)}'

    return _FIGURE_WITH_SPEC.sub(move, html), specs


def write_chart_specs(app, site) -> None:
    """``finish-pages`` step: move the charts' specs to ``_static/charts/``; delete specs no page names.

    A spec file already holding the same text is left untouched (its name is a digest of it).
    """
    folder = site.outdir / "_static" / SPEC_DIR
    for page, html in site.pages.items():
        site.pages[page], specs = move_specs(html)
        for name, payload in specs.items():
            folder.mkdir(parents=True, exist_ok=True)
            path, text = folder / f"{name}.js", spec_script(name, payload)
            if not path.exists() or path.read_text(encoding="utf-8") != text:
                path.write_text(text, encoding="utf-8")
    named = {name for html in site.pages.values() for name in _SPEC_NAME.findall(html)}
    for stale in folder.glob("*.js"):
        if stale.stem not in named:
            stale.unlink()


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


def drop_widget_state(scripts: list) -> list:
    """Remove the ipywidgets state scripts myst-nb adds for executed widget cells."""
    return [s for s in scripts if (getattr(s, "attributes", {}) or {}).get("type") != WIDGET_STATE_TYPE]


def add_page_scripts(app, pagename, templatename, context, doctree) -> None:
    """On a page with charts, add the loader; on every page, drop widget state and duplicate scripts."""
    if CHART_MARKER in context.get("body", ""):
        app.add_js_file("charts.js", defer="defer", **{"data-bundle": bundle_filename()})
    if "script_files" in context:
        context["script_files"][:] = dedupe_scripts(drop_widget_state(context["script_files"]))


def add_static_path(app, config) -> None:
    """Serve ``lib/sphinxext/static`` (loader and stylesheet) from ``_static/``."""
    config.html_static_path = [*config.html_static_path, str(STATIC_DIR)]


def setup(app):
    """Register the extension with Sphinx."""
    app.setup_extension("lib.sphinxext.finish")
    app.connect("finish-pages", write_chart_specs, priority=300)
    app.connect("config-inited", add_static_path)
    app.connect("builder-inited", write_bundle)
    app.connect("html-page-context", add_page_scripts)
    app.add_css_file("book.css")
    return {"version": "2.0", "parallel_read_safe": True, "parallel_write_safe": True}
