"""The Sphinx extension that serves Vega from the site: the pinned runtime, page scoping, de-duplication."""

import os
import re
import subprocess
import sys
import textwrap
from pathlib import Path

import altair as alt
import pytest

from lib.sphinxext import offline_vega


def test_vendored_runtime_is_the_pinned_npm_build():
    """The served Vega is byte for byte the npm package that package-lock.json pins."""
    import json

    root = Path(__file__).resolve().parent.parent
    lock = json.loads((root / "package-lock.json").read_text())
    assert lock["packages"]["node_modules/vega"]["version"] == offline_vega.VEGA_VERSION
    npm_build = root / "node_modules" / "vega" / "build" / "vega.min.js"
    assert npm_build.read_bytes() == offline_vega.VENDORED_BUNDLE.read_bytes()


def test_runtime_matches_the_compiled_specs_major_version():
    import vl_convert

    from lib import embed

    vega = vl_convert.vegalite_to_vega({"mark": "point", "data": {"values": [{}]}}, vl_version=embed.VEGA_LITE_VERSION)
    major = offline_vega.VEGA_VERSION.split(".")[0]
    assert vega["$schema"].endswith(f"/v{major}.json")
    assert f'version="{offline_vega.VEGA_VERSION}"' in offline_vega.bundle_source()
    assert "cdn.jsdelivr" not in offline_vega.bundle_source() and "unpkg.com" not in offline_vega.bundle_source()


class _Script:
    def __init__(self, filename, **attributes):
        self.filename, self.attributes = filename, attributes

    def __str__(self):
        return self.filename or ""


def test_dedupe_keeps_first_of_identical_scripts_only():
    a, b = _Script(None, body="const THEBE_JS_URL = 1"), _Script(None, body="const THEBE_JS_URL = 1")
    c, d = _Script("x.js"), _Script(None, body="other")
    assert offline_vega.dedupe_scripts([a, c, b, d]) == [a, c, d]


def test_widget_state_is_dropped():
    state = _Script(None, type="application/vnd.jupyter.widget-state+json", body="{}")
    other = _Script("x.js")
    assert offline_vega.drop_widget_state([state, other]) == [other]


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

           <figure class="bk-chart" id="chart-test"><div>drawing</div><script type="application/json" class="bk-chart__spec">{"wide":{"marks":[]}}</script></figure>
        """))
    (src / "plain.rst").write_text("Plain\n=====\n\nNo chart here.\n")
    out = src / "_build"
    subprocess.run([sys.executable, "-m", "sphinx", "-W", "-q", "-b", "html", str(src), str(out)], check=True,
                   cwd=Path(__file__).resolve().parent.parent)
    return out


def test_chart_page_loads_the_deferred_loader_only(built_site):
    html = (built_site / "chart.html").read_text()
    bundle = offline_vega.bundle_filename()
    assert (built_site / "_static" / bundle).exists()
    loader = re.search(r"<script[^>]*charts\.js[^>]*>", html).group(0)
    assert 'defer="defer"' in loader and f'data-bundle="{bundle}"' in loader
    # the runtime itself is fetched by the loader when a chart is near, never by a <script> of the page
    assert f"{bundle}" not in html.replace(loader, "")
    assert (built_site / "_static" / "charts.js").exists() and (built_site / "_static" / "book.css").exists()


def test_chart_specs_leave_the_page_for_a_script_of_their_own(built_site):
    html = (built_site / "chart.html").read_text()
    assert "bk-chart__spec" not in html and '"marks"' not in html
    name = re.search(r'<figure class="bk-chart" id="chart-test" data-spec="([0-9a-f]{12})">', html).group(1)
    script = (built_site / "_static" / offline_vega.SPEC_DIR / f"{name}.js").read_text()
    assert script == offline_vega.spec_script(name, '{"wide":{"marks":[]}}')


def test_specs_are_named_by_content_and_unnamed_ones_deleted(tmp_path):
    from lib.sphinxext.finish import BuiltSite

    def figure(payload):
        return (f'<figure class="bk-chart" id="c" data-wide="720"><svg></svg>'
                f'<script type="application/json" class="bk-chart__spec">{payload}</script></figure>')

    (tmp_path / "a.html").write_text(figure('{"wide":1}') + figure('{"wide":2}'))
    (tmp_path / "b.html").write_text(figure('{"wide":1}'))
    stale = tmp_path / "_static" / offline_vega.SPEC_DIR / "0123456789ab.js"
    stale.parent.mkdir(parents=True)
    stale.write_text("old")
    site = BuiltSite(tmp_path)
    offline_vega.write_chart_specs(None, site)
    site.save()
    first = re.findall(r'data-spec="([0-9a-f]+)"', (tmp_path / "a.html").read_text())
    assert len(set(first)) == 2 and re.findall(r'data-spec="([0-9a-f]+)"', (tmp_path / "b.html").read_text()) == first[:1]
    assert sorted(p.stem for p in stale.parent.glob("*.js")) == sorted(first)  # the stale spec is gone
    # a second pass (an incremental build leaves pages already moved) keeps what the pages name
    again = BuiltSite(tmp_path)
    offline_vega.write_chart_specs(None, again)
    assert again.save() == 0 and sorted(p.stem for p in stale.parent.glob("*.js")) == sorted(first)
    # a page rebuilt with a chart whose spec file exists leaves that file as it was
    kept = stale.parent / f"{first[0]}.js"
    os.utime(kept, (1, 1))
    (tmp_path / "b.html").write_text(figure('{"wide":1}'))
    offline_vega.write_chart_specs(None, BuiltSite(tmp_path))
    assert kept.stat().st_mtime == 1


def test_page_without_chart_loads_no_chart_script(built_site):
    html = (built_site / "plain.html").read_text()
    assert "charts.js" not in html and "vega-" not in html
    assert "book.css" in html


def test_repeated_inline_script_is_written_once(built_site):
    for page in ("chart.html", "plain.html", "index.html"):
        html = (built_site / page).read_text()
        assert len(re.findall(r"const REPEATED = 1;", html)) == 1, page
