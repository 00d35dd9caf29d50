"""Print the book's performance figures (``make bench``).

Figures, each measured here and now on this machine:

* clean build seconds and no-change rebuild seconds (``python -m lib.build``),
* pages in the table of contents and charts in the built site,
* JavaScript bytes loaded by the heaviest chart page, raw and gzip,
* per page, the median time from navigation start to every chart rendered,
* size of a fresh virtual environment made from ``requirements.txt`` alone,
* a fresh kernel's time to its first chart (start, import, load, build, render to HTML).

Goals (reported, not asserted): clean build < 60 s, rebuild < 5 s, chart-page
JavaScript < 1 MB gzip, all charts rendered within 1 s of load.
"""

from __future__ import annotations

import gzip
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from lib import site
from lib.build import build

RUNS_PER_PAGE = 5


def timed_build(*, clean: bool) -> float:
    start = time.perf_counter()
    if build(clean=clean) != 0:
        raise SystemExit("build failed")
    return time.perf_counter() - start


def page_javascript(path: str) -> tuple[int, int]:
    """Raw and gzip bytes of every script a page loads (local files plus inline scripts)."""
    page = site.SITE_DIR / path
    html = page.read_text(encoding="utf-8")
    raw = gz = 0
    for src in re.findall(r'<script[^>]*\bsrc="([^"?]+)', html):
        body = (page.parent / src).resolve().read_bytes()
        raw, gz = raw + len(body), gz + len(gzip.compress(body))
    for inline in re.findall(r"<script(?![^>]*\bsrc=)[^>]*>(.*?)</script>", html, flags=re.S):
        body = inline.encode()
        raw, gz = raw + len(body), gz + len(gzip.compress(body))
    return raw, gz


def render_times(pages: list[str]) -> dict[str, float]:
    """Median milliseconds from navigation start until every chart on the page has an SVG."""
    from playwright.sync_api import sync_playwright

    medians = {}
    with site.serve() as (base_url, _log), sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=site.chromium_executable(), args=site.CHROMIUM_ARGS)
        for path in pages:
            samples = []
            for _ in range(RUNS_PER_PAGE):
                context = browser.new_context()
                page = context.new_page()
                page.goto(base_url + path, wait_until="commit")
                page.wait_for_function(
                    """() => document.readyState !== 'loading' &&
                       [...document.querySelectorAll("[id^='altair-viz-']")].every(d => d.querySelector('svg, canvas'))""",
                    polling="raf", timeout=30_000)
                samples.append(page.evaluate("performance.now()"))
                context.close()
            medians[path] = statistics.median(samples)
        browser.close()
    return medians


def fresh_environment() -> tuple[int, float]:
    """Bytes of a new venv holding requirements.txt, and its kernel's time to a first chart."""
    with tempfile.TemporaryDirectory() as tmp:
        env = Path(tmp) / "venv"
        subprocess.run([sys.executable, "-m", "venv", str(env)], check=True)
        subprocess.run([env / "bin" / "python", "-m", "pip", "install", "--quiet", "--disable-pip-version-check",
                        "-r", "requirements.txt", "-c", "constraints.txt"], check=True, cwd=site.ROOT,
                       stderr=subprocess.DEVNULL)
        size = sum(p.stat().st_size for p in env.rglob("*") if p.is_file() and not p.is_symlink())
        probe = (
            "import time, jupyter_client\n"
            "t = time.perf_counter()\n"
            "km, kc = jupyter_client.manager.start_new_kernel(kernel_name='python3')\n"
            "reply = kc.execute_interactive('from lib import charts, data\\n"
            "html = charts.market_trend_chart(data.load_market())._repr_mimebundle_()[\"text/html\"]\\n"
            "assert \"altair-viz-\" in html', timeout=120)\n"
            "assert reply['content']['status'] == 'ok', reply['content']\n"
            "print(time.perf_counter() - t)\n"
            "kc.stop_channels(); km.shutdown_kernel(now=True)\n"
        )
        out = subprocess.run([env / "bin" / "python", "-c", probe], check=True, capture_output=True, text=True,
                             cwd=tmp)
        return size, float(out.stdout.strip().splitlines()[-1])


def main() -> None:
    clean = timed_build(clean=True)
    rebuild = timed_build(clean=False)
    pages = site.toc_pages()
    charts = {p: (site.SITE_DIR / p).read_text(encoding="utf-8").count('<div id="altair-viz-') for p in pages}
    chart_pages = [p for p in pages if charts[p]]
    heaviest = max(chart_pages, key=lambda p: page_javascript(p)[1])
    raw, gz = page_javascript(heaviest)
    times = render_times(pages)
    env_bytes, first_chart = fresh_environment()

    print(f"clean build:                 {clean:8.1f} s   (goal < 60 s)")
    print(f"no-change rebuild:           {rebuild:8.1f} s   (goal < 5 s)")
    print(f"pages in the TOC:            {len(pages):8d}")
    print(f"charts in the site:          {sum(charts.values()):8d}")
    print(f"chart page JavaScript:       {raw / 1e6:8.2f} MB raw, {gz / 1e6:.2f} MB gzip ({heaviest}; goal < 1 MB gzip)")
    print("navigation to all charts rendered (median of %d):" % RUNS_PER_PAGE)
    for path, ms in times.items():
        print(f"  {path:40s} {ms:8.0f} ms  ({charts[path]} charts)")
    print(f"fresh requirements.txt venv: {env_bytes / 1e6:8.0f} MB")
    print(f"fresh kernel to first chart: {first_chart:8.1f} s")


if __name__ == "__main__":
    main()
