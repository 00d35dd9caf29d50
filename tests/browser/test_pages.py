"""Every page of the table of contents, opened in headless Chromium.

On each page: no console error, page error, HTTP error or request to another host;
every chart renders an <svg> or <canvas>; every bound input exists and changing it
changes the chart; clicking a legend with a bound selection changes the chart;
axe-core finds no accessibility violation beyond the theme's known minor ones.
"""

import json
import re

import pytest

from lib import site

PAGES = site.toc_pages()
AXE = site.ROOT / "node_modules" / "axe-core" / "axe.min.js"
CHART_SELECTOR = "[id^='altair-viz-']"
RENDER_TIMEOUT_MS = 15_000

# Minor violations that come from the book theme itself, not from the book's content.
# Serious and critical violations are never accepted; the serious ones the theme
# writes are mended by lib/sphinxext/accessible_theme.py.
KNOWN_THEME_VIOLATIONS = {
    "region",  # moderate: the sidebar's logo link sits outside any landmark
}


def _charts_in_source(path):
    html = (site.SITE_DIR / path).read_text(encoding="utf-8")
    return len(re.findall(r'<div id="altair-viz-[0-9a-f]+"', html))


def _wait_for_charts(page):
    page.wait_for_function(
        f"""() => [...document.querySelectorAll("{CHART_SELECTOR}")]
                 .every(div => div.querySelector("svg, canvas"))""",
        timeout=RENDER_TIMEOUT_MS,
    )


def _chart_state(chart):
    return chart.evaluate("div => (div.querySelector('svg') || div.querySelector('canvas')).outerHTML")


@pytest.mark.parametrize("path", PAGES)
def test_page_loads_cleanly_and_offline(visit, path):
    v = visit(path)
    _wait_for_charts(v.page)
    v.page.wait_for_load_state("networkidle")
    assert v.foreign_requests == [], "requests to other hosts"
    assert v.http_errors == []
    assert v.page_errors == []
    assert v.console_errors == []


@pytest.mark.parametrize("path", PAGES)
def test_every_chart_renders(visit, path):
    v = visit(path)
    expected = _charts_in_source(path)
    _wait_for_charts(v.page)
    charts = v.page.locator(CHART_SELECTOR)
    assert charts.count() == expected
    for i in range(expected):
        svg = charts.nth(i).locator("svg.marks, canvas.marks")
        assert svg.count() == 1, f"chart {i} has no rendered marks"
        # a real drawing, not an empty frame
        assert charts.nth(i).locator("svg.marks path, svg.marks rect, svg.marks line").count() > 3


def _bound_inputs_in_specs(page):
    """Number of params bound to an HTML input, per chart, read from each chart's inline spec."""
    return page.evaluate(
        f"""() => [...document.querySelectorAll("{CHART_SELECTOR}")].map(div => {{
                const script = div.nextElementSibling;
                return (script.textContent.match(/"bind": {{"input"/g) || []).length;
            }})"""
    )


def test_binding_patterns_match_the_built_charts():
    """The spec patterns the tests below search for must find the book's controls, or they test nothing."""
    html = "".join((site.SITE_DIR / p).read_text(encoding="utf-8") for p in PAGES)
    assert html.count('"bind": {"input"') >= 1
    assert html.count('"bind": "legend"') >= 1


@pytest.mark.parametrize("path", PAGES)
def test_bound_inputs_exist_and_change_their_chart(visit, path):
    v = visit(path)
    _wait_for_charts(v.page)
    expected = _bound_inputs_in_specs(v.page)
    charts = v.page.locator(CHART_SELECTOR)
    for i, count in enumerate(expected):
        chart = charts.nth(i)
        inputs = chart.locator(".vega-bind select, .vega-bind input")
        assert inputs.count() == count, f"chart {i}: {inputs.count()} bound inputs, spec has {count}"
        for j in range(count):
            control = inputs.nth(j)
            before = _chart_state(chart)
            tag = control.evaluate("e => e.tagName.toLowerCase() + ':' + (e.type || '')")
            if tag.startswith("select"):
                values = control.evaluate("e => [...e.options].map(o => o.value)")
                current = control.input_value()
                control.select_option(next(val for val in values if val != current))
            elif tag == "input:checkbox":
                control.click()
            elif tag == "input:range":
                control.evaluate("e => { e.value = e.min; e.dispatchEvent(new Event('input', {bubbles: true})); }")
            else:
                control.click()
            v.page.wait_for_function(
                "([div, before]) => (div.querySelector('svg') || div.querySelector('canvas')).outerHTML !== before",
                arg=[chart.element_handle(), before], timeout=5_000)
    assert v.page_errors == [] and v.console_errors == []


@pytest.mark.parametrize("path", PAGES)
def test_legend_selection_changes_its_chart(visit, path):
    v = visit(path)
    _wait_for_charts(v.page)
    bound = v.page.evaluate(
        f"""() => [...document.querySelectorAll("{CHART_SELECTOR}")].map(
                div => /"bind": "legend"/.test(div.nextElementSibling.textContent))""")
    charts = v.page.locator(CHART_SELECTOR)
    for i, has_legend_binding in enumerate(bound):
        if not has_legend_binding:
            continue
        chart = charts.nth(i)
        symbol = chart.locator("g.role-legend g.role-legend-symbol path").first
        before = _chart_state(chart)
        symbol.click()
        v.page.wait_for_function(
            "([div, before]) => div.querySelector('svg').outerHTML !== before",
            arg=[chart.element_handle(), before], timeout=5_000)
    assert v.page_errors == []


@pytest.mark.parametrize("path", PAGES)
def test_accessibility(visit, path):
    v = visit(path)
    _wait_for_charts(v.page)
    v.page.add_script_tag(path=str(AXE))
    result = v.page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    violations = [(x["id"], x["impact"], len(x["nodes"])) for x in result["violations"]]
    severe = [x for x in violations if x[1] in ("serious", "critical")]
    assert severe == [], json.dumps(severe)
    unknown = [x for x in violations if x[0] not in KNOWN_THEME_VIOLATIONS]
    assert unknown == [], f"new accessibility violations: {unknown}"
