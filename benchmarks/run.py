"""Print the book's performance figures (``make bench``).

Every figure is measured here and now, on this machine, and printed beside the
same figure for a reference book: one page of plain Jupyter Book with its default
configuration and one Altair chart of the same data (built in this run into
``_build/bench-reference``). Figures, not assertions:

* clean build and no-change rebuild seconds (``python -m lib.build``);
* pages in the table of contents and charts in the built site;
* JavaScript a chart page loads up front (its ``<script>`` files and inline
  scripts), and what it loads once its charts have turned live, gzip;
* the stylesheets that page links (all of them block the first paint), gzip;
* per page, median of 5 in headless Chromium: first contentful paint, time until
  every chart is visible, time until every chart on the first screen is live;
  and the same for this machine's floor, a page of one paragraph and one SVG
  with no stylesheet or script (no page can do better here);
* Lighthouse 12 (npm ``lighthouse``, pinned in ``package.json``), mobile profile,
  pages served gzip-compressed: performance, accessibility, best practices, SEO
  for the landing page, the heaviest chart page and the catalogue;
* the size of a fresh virtual environment made from ``requirements.txt`` and its
  kernel's time to a first chart.

``--skip-build`` measures the site as it is built (no build timings);
``--skip-venv`` leaves out the fresh environment.

Goals (issue "pages that appear at once"): up-front JavaScript <= 350 KB gzip;
charts visible <= 200 ms and interactive <= 500 ms; Lighthouse performance >= 95,
the other three categories 100.
"""

from __future__ import annotations

import gzip
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path

from lib import site
from lib.build import build

RUNS_PER_PAGE = 5
REFERENCE_DIR = site.ROOT / "_build" / "bench-reference"
LIGHTHOUSE = site.ROOT / "node_modules" / ".bin" / "lighthouse"
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]


def timed_build(*, clean: bool) -> float:
    start = time.perf_counter()
    if build(clean=clean) != 0:
        raise SystemExit("build failed")
    return time.perf_counter() - start


def page_javascript(page: Path) -> int:
    """Gzip bytes of every script a page loads up front (local files plus inline scripts)."""
    html = page.read_text(encoding="utf-8")
    total = 0
    for src in re.findall(r'<script[^>]*\bsrc="([^"?]+)', html):
        if src.startswith("http"):
            continue
        total += len(gzip.compress((page.parent / src).resolve().read_bytes()))
    for inline in re.findall(r"<script(?![^>]*\bsrc=)(?![^>]*application/(?:json|vnd))[^>]*>(.*?)</script>",
                             html, flags=re.S):
        total += len(gzip.compress(inline.encode()))
    return total


def page_stylesheets(page: Path) -> tuple[int, int]:
    """Number and gzip bytes of the stylesheets a page links (``@import``\\s followed): all of them block
    the first paint."""
    html = page.read_text(encoding="utf-8")
    files: list[Path] = []
    pending = [(page.parent / re.search(r'href="([^"?]+)', link).group(1)).resolve()
               for link in re.findall(r"<link\b[^>]*>", html) if 'rel="stylesheet"' in link]
    while pending:
        sheet = pending.pop(0)
        if sheet in files:
            continue
        files.append(sheet)
        pending += [(sheet.parent / url).resolve()
                    for url in re.findall(r'@import\s+(?:url\()?["\']([^"\']+)', sheet.read_text(encoding="utf-8"))]
    return len(files), sum(len(gzip.compress(f.read_bytes())) for f in files)


def lazy_javascript(page: Path) -> int:
    """Gzip bytes of the chart runtime a page fetches once a chart comes into view."""
    match = re.search(r'data-bundle="([^"]+)"', page.read_text(encoding="utf-8"))
    if not match:
        return 0
    static = page.parent / re.search(r'src="([^"]*)charts\.js', page.read_text(encoding="utf-8")).group(1)
    return len(gzip.compress((static / match.group(1)).read_bytes()))


CHARTS_VISIBLE = """() => {
  const figures = [...document.querySelectorAll("figure.bk-chart, .vega-embed, [id^='altair-viz-']")];
  return figures.length > 0 && figures.every(f => {
    const svg = f.querySelector("svg, canvas");
    if (!svg) return false;
    const r = svg.getBoundingClientRect();
    return r.width > 0 && r.height > 0;
  }) && performance.now();
}"""

FIRST_SCREEN_LIVE = """() => {
  const figures = [...document.querySelectorAll("figure.bk-chart, .vega-embed, [id^='altair-viz-']")]
    .filter(f => f.getBoundingClientRect().top < window.innerHeight);
  return figures.every(f => f.classList.contains("bk-chart--live") || f.classList.contains("vega-embed")
                            || f.querySelector(".vega-embed")) && performance.now();
}"""
"""Both conditions return the page's clock when they first hold (checked before each frame), so
a timing does not include the round trip that reports it to the benchmark."""


def page_timings(base_url: str, path: str, browser, *, cdn_bundle: str = "") -> dict[str, float]:
    """Median milliseconds from navigation start: first paint, charts visible, first-screen charts live.

    A plain Jupyter Book page loads Vega, Vega-Lite and Vega-Embed from a CDN; with
    ``cdn_bundle`` those requests are answered locally with that one script, as if
    the CDN were instant.
    """
    samples: dict[str, list[float]] = {"fcp": [], "visible": [], "live": []}
    for _ in range(RUNS_PER_PAGE):
        context = browser.new_context(viewport={"width": 1366, "height": 900})
        page = context.new_page()
        if cdn_bundle:
            context.route("https://cdn.jsdelivr.net/**", lambda route: route.fulfill(
                body=cdn_bundle if "vega@" in route.request.url else "", content_type="text/javascript"))
        page.goto(base_url + path, wait_until="commit")
        samples["visible"].append(page.wait_for_function(CHARTS_VISIBLE, polling="raf", timeout=30_000).json_value())
        samples["live"].append(page.wait_for_function(FIRST_SCREEN_LIVE, polling="raf", timeout=30_000).json_value())
        page.wait_for_load_state("load")
        samples["fcp"].append(page.evaluate(
            "(performance.getEntriesByName('first-contentful-paint')[0] || {startTime: NaN}).startTime"))
        context.close()
    # a load can end before Chromium records a first contentful paint: such a sample has no paint figure
    return {key: statistics.median([v for v in values if v == v] or [float("nan")]) for key, values in samples.items()}


def lighthouse(url: str) -> dict[str, float]:
    """Lighthouse category scores (0-100) for one URL, mobile profile."""
    with tempfile.TemporaryDirectory() as tmp:
        report = Path(tmp) / "report.json"
        env = dict(os.environ, CHROME_PATH=site.chromium_executable())
        subprocess.run([str(LIGHTHOUSE), url, "--quiet", "--output=json", f"--output-path={report}",
                        f"--only-categories={','.join(CATEGORIES)}",
                        "--chrome-flags=--headless=new --no-sandbox --disable-gpu"],
                       check=True, env=env, cwd=tmp, capture_output=True)
        result = json.loads(report.read_text())
    return {c: round(result["categories"][c]["score"] * 100) for c in CATEGORIES}


FLOOR_PAGE = ('<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Floor</title></head><body>'
              '<p>One paragraph.</p><figure class="bk-chart bk-chart--live"><svg width="100" height="60">'
              '<rect width="40" height="60"/></svg></figure></body></html>')
"""The least a page can be: what the timings of this machine cannot go below."""


def floor_timings(browser) -> dict[str, float]:
    """:func:`page_timings` of :data:`FLOOR_PAGE`."""
    with tempfile.TemporaryDirectory() as tmp:
        (Path(tmp) / "index.html").write_text(FLOOR_PAGE, encoding="utf-8")
        with site.serve(Path(tmp), compress=True) as (url, _):
            return page_timings(url, "index.html", browser)


REFERENCE_PAGE = """\
---
jupytext:
  text_representation: {{extension: .md, format_name: myst, format_version: 0.13}}
kernelspec: {{display_name: Python 3, language: python, name: python3}}
---

# Reference chart

```{{code-cell}} ipython3
import altair as alt
import pandas as pd

market = pd.read_csv({csv!r})
alt.Chart(market).mark_line(point=True).encode(x="year:O", y="revenue_usd_million:Q", color="segment:N")
```
"""


def cdn_libraries() -> str:
    """Vega, Vega-Lite and Vega-Embed in one script: what a plain page fetches from the CDN."""
    import vl_convert

    from lib import embed

    # wrapped in a function, so its top-level names do not collide with the page's own
    return "(function () {\n" + vl_convert.javascript_bundle(vl_version=embed.VEGA_LITE_VERSION) + "\n})();\n"


def build_reference() -> Path:
    """A one-page plain Jupyter Book (default configuration) with one Altair chart of the same data."""
    shutil.rmtree(REFERENCE_DIR, ignore_errors=True)
    REFERENCE_DIR.mkdir(parents=True)
    csv = str(site.ROOT / "data" / "market_by_application.csv")
    (REFERENCE_DIR / "_config.yml").write_text("title: Reference\n")
    (REFERENCE_DIR / "_toc.yml").write_text("format: jb-book\nroot: index\n")
    (REFERENCE_DIR / "index.md").write_text(REFERENCE_PAGE.format(csv=csv))
    env = {k: v for k, v in os.environ.items() if k != "AICHIPS_STATIC_CHARTS"}
    subprocess.run([str(Path(sys.executable).parent / "jupyter-book"), "build", str(REFERENCE_DIR)],
                   check=True, capture_output=True, env=env)
    return REFERENCE_DIR / "_build" / "html"


def fresh_environment() -> tuple[int, float]:
    """Bytes of a new venv holding requirements.txt, and its kernel's time to a first chart."""
    with tempfile.TemporaryDirectory() as tmp:
        env = Path(tmp) / "venv"
        subprocess.run([sys.executable, "-m", "venv", str(env)], check=True)
        subprocess.run([env / "bin" / "python", "-m", "pip", "install", "--quiet", "--disable-pip-version-check",
                        "-r", "requirements.txt", "-c", "constraints.txt"], check=True, cwd=site.ROOT,
                       stderr=subprocess.DEVNULL)
        size = sum(p.stat().st_size for p in env.rglob("*") if p.is_file() and not p.is_symlink())
        probe = textwrap.dedent("""\
            import time, jupyter_client
            t = time.perf_counter()
            km, kc = jupyter_client.manager.start_new_kernel(kernel_name='python3')
            reply = kc.execute_interactive('from lib import charts, data\\n'
                'market = data.load_market()\\n'
                'bundle = charts.market_trend_chart(market, view="By application")._repr_mimebundle_()\\n'
                'assert bundle', timeout=120)
            assert reply['content']['status'] == 'ok', reply['content']
            print(time.perf_counter() - t)
            kc.stop_channels(); km.shutdown_kernel(now=True)
            """)
        out = subprocess.run([env / "bin" / "python", "-c", probe], check=True, capture_output=True, text=True,
                             cwd=tmp)
        return size, float(out.stdout.strip().splitlines()[-1])


def _ratio(ours: float, theirs: float) -> str:
    return f"{ours / theirs:5.2f}x" if theirs else "   -  "


def main() -> None:
    from playwright.sync_api import sync_playwright

    skip_build = "--skip-build" in sys.argv[1:]
    clean = rebuild = float("nan")
    if not skip_build:
        clean = timed_build(clean=True)
        rebuild = timed_build(clean=False)
    reference = build_reference()
    pages = site.toc_pages()
    charts = {p: (site.SITE_DIR / p).read_text(encoding="utf-8").count('<figure class="bk-chart"') for p in pages}
    chart_pages = [p for p in pages if charts[p]]
    heaviest = max(chart_pages, key=lambda p: page_javascript(site.SITE_DIR / p))
    cdn = cdn_libraries()
    js_ours = page_javascript(site.SITE_DIR / heaviest)
    js_reference = page_javascript(reference / "index.html") + len(gzip.compress(cdn.encode()))
    lazy = lazy_javascript(site.SITE_DIR / heaviest)

    print(f"clean build:                   {clean:8.1f} s")
    print(f"no-change rebuild:             {rebuild:8.1f} s")
    print(f"pages in the TOC:              {len(pages):8d}")
    print(f"charts in the site:            {sum(charts.values()):8d}")
    print(f"up-front JavaScript, heaviest chart page ({heaviest}):")
    print(f"  book      {js_ours / 1e3:8.0f} KB gzip   (goal <= 350 KB)")
    print(f"  reference {js_reference / 1e3:8.0f} KB gzip   (its page scripts plus the three Vega libraries it"
          f" loads from a CDN); ratio {_ratio(js_ours, js_reference)}")
    print(f"  chart runtime fetched when a chart comes into view: {lazy / 1e3:.0f} KB gzip")
    css_files, css_bytes = page_stylesheets(site.SITE_DIR / heaviest)
    ref_files, ref_bytes = page_stylesheets(reference / "index.html")
    print(f"render-blocking CSS, same page: book {css_bytes / 1e3:.0f} KB gzip in {css_files} file(s); reference"
          f" {ref_bytes / 1e3:.0f} KB in {ref_files}; ratio {_ratio(css_bytes, ref_bytes)}")

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=site.chromium_executable(), args=site.CHROMIUM_ARGS)
        with site.serve(reference, compress=True) as (ref_url, _):
            ref = page_timings(ref_url, "index.html", browser, cdn_bundle=cdn)
        floor = floor_timings(browser)
        with site.serve(compress=True) as (base_url, _):
            print(f"timings, median of {RUNS_PER_PAGE} (ms from navigation; goal: visible <= 200, live <= 500):")
            print(f"  {'page':38s} {'charts':>6s} {'paint':>7s} {'visible':>8s} {'live':>7s}")
            for path in chart_pages:
                t = page_timings(base_url, path, browser)
                print(f"  {path:38s} {charts[path]:6d} {t['fcp']:7.0f} {t['visible']:8.0f} {t['live']:7.0f}")
            print(f"  {'reference (plain Jupyter Book + Altair)':38s} {1:6d} {ref['fcp']:7.0f} "
                  f"{ref['visible']:8.0f} {ref['live']:7.0f}")
            print(f"  {'floor: one paragraph and one SVG':38s} {1:6d} {floor['fcp']:7.0f} "
                  f"{floor['visible']:8.0f} {floor['live']:7.0f}")
            browser.close()
            print("Lighthouse 12, mobile profile, gzip (performance / accessibility / best practices / SEO;"
                  " goal 95 / 100 / 100 / 100):")
            for label, path in (("landing", "index.html"), ("chart page", heaviest),
                                ("catalogue", "chapters/data_catalogue.html")):
                scores = lighthouse(base_url + path)
                print(f"  {label:12s} {path:38s} " + " / ".join(f"{scores[c]:3d}" for c in CATEGORIES))
        print("  (the reference page is not audited: its chart needs a CDN that is out of reach here)")

    if "--skip-venv" not in sys.argv[1:]:
        env_bytes, first_chart = fresh_environment()
        print(f"fresh requirements.txt venv:   {env_bytes / 1e6:8.0f} MB")
        print(f"fresh kernel to first chart:   {first_chart:8.1f} s")


if __name__ == "__main__":
    main()
