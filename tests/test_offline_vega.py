"""The Sphinx extension that serves Vega from the site: versions, page scoping, de-duplication."""

import re
import subprocess
import sys
import textwrap
from pathlib import Path

import altair as alt
import pytest

from lib.sphinxext import offline_vega


def test_versions_are_those_altair_html_checks():
    html = alt.Chart().mark_point()._repr_mimebundle_()["text/html"]
    versions = offline_vega.expected_versions()
    assert f'maybeLoadScript("vega-lite", "{versions["vegalite_version"]}")' in html
    assert f'maybeLoadScript("vega", "{versions["vega_version"]}")' in html
    assert f'maybeLoadScript("vega-embed", "{versions["vegaembed_version"]}")' in html


def test_bundle_defines_the_three_globals_and_fetches_nothing():
    source = offline_vega.bundle_source()
    for name in ("window.vegaEmbed=", "window.vega=", "window.vegaLite="):
        assert name in source
    assert "cdn.jsdelivr" not in source and "unpkg.com" not in source
    # Wrapped in a function: no top-level declarations leak into the page's global scope.
    assert source.startswith("(function () {") and source.rstrip().endswith("})();")


def test_debug_snippet_names_every_version():
    snippet = offline_vega.debug_snippet()
    for key, value in offline_vega.expected_versions().items():
        assert f'"{key}": "{value}"' in snippet


class _Script:
    def __init__(self, filename, **attributes):
        self.filename, self.attributes = filename, attributes

    def __str__(self):
        return self.filename or ""


def test_dedupe_keeps_first_of_identical_scripts_only():
    a, b = _Script(None, body="const THEBE_JS_URL = 1"), _Script(None, body="const THEBE_JS_URL = 1")
    c, d = _Script("x.js"), _Script(None, body="other")
    assert offline_vega.dedupe_scripts([a, c, b, d]) == [a, c, d]


CONF = '''
extensions = ["lib.sphinxext.offline_vega"]
html_theme = "basic"

def add_inline_script(app, env, docnames):
    # As sphinx-thebe does: Sphinx 7.4 then writes this inline script twice on every page.
    app.add_js_file(None, body="const REPEATED = 1;")


def setup(app):
    app.connect("env-before-read-docs", add_inline_script)
'''


@pytest.fixture(scope="module")
def built_site(tmp_path_factory):
    src = tmp_path_factory.mktemp("src")
    (src / "conf.py").write_text(CONF)
    (src / "index.rst").write_text(textwrap.dedent("""\
        Home
        ====

        .. toctree::

           chart
           plain
        """))
    (src / "chart.rst").write_text(textwrap.dedent("""\
        Chart
        =====

        .. raw:: html

           <div id="altair-viz-test"></div>
        """))
    (src / "plain.rst").write_text("Plain\n=====\n\nNo chart here.\n")
    out = src / "_build"
    subprocess.run([sys.executable, "-m", "sphinx", "-W", "-q", "-b", "html", str(src), str(out)], check=True,
                   cwd=Path(__file__).resolve().parent.parent)
    return out


def test_chart_page_loads_local_bundle_before_its_charts(built_site):
    html = (built_site / "chart.html").read_text()
    bundle = "_static/" + offline_vega.bundle_filename()
    assert (built_site / bundle).exists()
    head = html.split("</head>")[0]
    assert "window.VEGA_DEBUG" in head and f'src="{bundle}?v=' in head
    assert head.index("window.VEGA_DEBUG") < head.index(bundle)


def test_page_without_chart_loads_no_vega(built_site):
    html = (built_site / "plain.html").read_text()
    assert "vega-bundle" not in html and "VEGA_DEBUG" not in html


def test_repeated_inline_script_is_written_once(built_site):
    for page in ("chart.html", "plain.html", "index.html"):
        html = (built_site / page).read_text()
        assert len(re.findall(r"const REPEATED = 1;", html)) == 1, page
