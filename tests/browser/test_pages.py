"""Every page of the table of contents, opened in headless Chromium at phone and laptop width.

On each page: no console error, page error, HTTP error or request to another host;
every chart is on the page as SVG before any JavaScript runs, and turns live when it
comes into view, at the same size; no label of a chart is cut off, touches
another or overlaps other text, and no legend symbol is blank, drawn or live; every bound input exists and changing it changes
the chart; clicking a legend with a bound selection changes the chart; no chart is
wider than its box and no page scrolls sideways; the navigation opens on a phone;
printing shows every chart and no navigation; axe-core finds no violation at all.
"""

import json
import re

import pytest

from lib import site

PAGES = site.toc_pages()
AXE = site.ROOT / "node_modules" / "axe-core" / "axe.min.js"
CHART = "figure.bk-chart"
RENDER_TIMEOUT_MS = 15_000
WIDTHS = ["phone", "laptop"]
PRINT_VIEWPORT = {"width": 718, "height": 1000}  # an A4 page's text width at 96 px per inch
ABOUT_THE_CONTROLS = {"intro.html", "chapters/for_instructors.html"}
"""Pages whose text describes the charts' controls to every reader, on paper too."""
CONTROL_INSTRUCTIONS = r"""() => {
  const told = /\b(hover(ing)? over|click(ing)? (a|an|the|it)\b|drag the|the slider|drop-?downs?\b|radio buttons?|the buttons)/i;
  return [...document.querySelectorAll('.bd-article p, .bd-article li')]
    .filter(e => e.getClientRects().length && told.test(e.innerText))
    .map(e => e.innerText.match(told)[0] + ': ' + e.innerText.slice(0, 80)); }"""


def _charts_in_source(path):
    return (site.SITE_DIR / path).read_text(encoding="utf-8").count('<figure class="bk-chart"')


def _activate_charts(page):
    """Bring every chart into view once (they turn live lazily) and wait until all are live."""
    count = page.locator(CHART).count()
    for i in range(count):
        page.locator(CHART).nth(i).scroll_into_view_if_needed()
    page.wait_for_function(
        f"""() => [...document.querySelectorAll("{CHART}")]
                 .every(f => f.classList.contains("bk-chart--live") && f.querySelector(".bk-chart__live svg"))""",
        timeout=RENDER_TIMEOUT_MS)
    return count


def _live_svg(chart):
    return chart.evaluate("f => f.querySelector('.bk-chart__live svg').outerHTML")


READING_PROBLEMS = r"""(gap) => {
  // in the drawing each chart shows: text cut off at its edge, labels of one group (an axis,
  // a legend, a text mark) closer than gap pixels side by side on a shared line, texts of
  // different groups overlapping, and legend symbols drawn in nothing visible (white or no
  // fill, and no stroke)
  const out = [];
  const blank = c => !c || c === "none" || c === "transparent" || c === "rgb(255, 255, 255)"
    || /^rgba\(.*, 0\)$/.test(c);
  for (const fig of document.querySelectorAll("figure.bk-chart")) {
    const svg = [...fig.querySelectorAll(".bk-chart__live svg, .bk-chart__static svg")]
      .find(s => s.getBoundingClientRect().width > 0);
    if (!svg) continue;
    const edge = svg.getBoundingClientRect();
    for (const t of svg.querySelectorAll("text")) {
      const r = t.getBoundingClientRect();
      if (t.textContent.trim() && r.width > 0 && (r.left < edge.left - 1 || r.right > edge.right + 1
          || r.top < edge.top - 1 || r.bottom > edge.bottom + 1))
        out.push(`${fig.id}: "${t.textContent}" runs past the edge`);
    }
    const boxes = [...svg.querySelectorAll("text")]
      .filter(t => t.textContent.trim() && t.getAttribute("opacity") !== "0")
      .map(t => [t.textContent, t.getBoundingClientRect(), t.parentNode]);
    boxes.forEach(([ta, a, ga], i) => boxes.slice(i + 1).forEach(([tb, b, gb]) => {
      const apart = ga === gb ? gap : -1;  // texts of different groups may abut, never overlap
      if (a.left < b.right + apart && b.left < a.right + apart && a.top < b.bottom - 2 && b.top < a.bottom - 2)
        out.push(`${fig.id}: "${ta}" and "${tb}" ${ga === gb ? "touch" : "overlap"}`);
    }));
    for (const symbol of svg.querySelectorAll("g.role-legend-symbol path")) {
      const style = getComputedStyle(symbol);
      const stroked = !blank(style.stroke) && parseFloat(style.strokeWidth) > 0;
      if (style.opacity === "0" || (!stroked && blank(style.fill)))
        out.push(`${fig.id}: a legend symbol is invisible`);
    }
  }
  return out;
}"""


def _reading_problems(page):
    return page.evaluate(READING_PROBLEMS, 1)


def _spec_of(chart, layout):
    return chart.evaluate("f => window.bkChartSpecs[f.dataset.spec]")[layout]


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("path", PAGES)
def test_page_loads_cleanly_and_offline(visit, path, width):
    v = visit(path, viewport=width)
    _activate_charts(v.page)
    v.page.wait_for_load_state("networkidle")
    assert v.foreign_requests == [], "requests to other hosts"
    assert v.http_errors == []
    assert v.page_errors == []
    assert v.console_errors == []


@pytest.mark.parametrize("path", PAGES)
def test_every_chart_is_static_svg_without_javascript(visit, path):
    v = visit(path, javascript=False)
    charts = v.page.locator(CHART)
    assert charts.count() == _charts_in_source(path)
    for i in range(charts.count()):
        drawing = charts.nth(i).locator(".bk-chart__static--wide svg")
        assert drawing.is_visible(), f"chart {i} shows nothing without JavaScript"
        assert drawing.locator("path, rect, line").count() > 3
        box = drawing.bounding_box()
        assert box["width"] > 200 and box["height"] > 100


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("path", PAGES)
def test_static_charts_show_whole_labels_and_visible_legends(visit, path, width):
    # the build lays text out with its own font, the browser draws it with the reader's
    v = visit(path, viewport=width, javascript=False)
    assert _reading_problems(v.page) == []


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("path", PAGES)
def test_charts_turn_live_in_place_and_fit_their_box(visit, path, width):
    v = visit(path, viewport=width)
    charts = v.page.locator(CHART)
    expected = _charts_in_source(path)
    assert charts.count() == expected
    _activate_charts(v.page)
    for i in range(expected):
        chart = charts.nth(i)
        live = chart.locator(".bk-chart__live svg")
        assert live.locator("path, rect, line").count() > 3, f"chart {i} has no marks"
        # the static drawing of the layout in use, as CSS lays it out in this column
        drawn_w, drawn_h = chart.evaluate("""f => {
            const s = f.querySelector('.bk-chart__static--' + f.dataset.layout + ' svg');
            const w = Math.min(Number(s.getAttribute('width')), f.clientWidth);
            return [w, w * Number(s.getAttribute('height')) / Number(s.getAttribute('width'))]; }""")
        box, frame = live.bounding_box(), chart.bounding_box()
        assert abs(box["width"] - drawn_w) <= 1, f"chart {i} changed width when it turned live"
        assert abs(box["height"] - drawn_h) <= 1, f"chart {i} changed height when it turned live"
        assert box["width"] <= frame["width"] + 0.5, f"chart {i} is wider than its box"
        shown = chart.evaluate("f => getComputedStyle(f.querySelector('.bk-chart__static--' + f.dataset.layout))"
                               ".display")
        assert shown == "none", f"chart {i}: the static drawing is still shown beside the live one"
    assert _reading_problems(v.page) == [], "a live chart has labels cut off or touching, or a blank legend"
    overflow = v.page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0, f"the page scrolls sideways by {overflow}px"


def test_charts_turn_live_on_a_copy_opened_from_disk(browser):
    """A classroom may open the site from a folder: the loader and the specs load without a server."""
    path = "chapters/market_outlook.html"
    assert _charts_in_source(path) > 0
    context = browser.new_context(viewport={"width": 1366, "height": 900})
    try:
        page = context.new_page()
        errors = []
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.goto((site.SITE_DIR / path).resolve().as_uri(), wait_until="load")
        assert _activate_charts(page) == _charts_in_source(path)
        assert errors == []
    finally:
        context.close()


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("path", PAGES)
def test_css_shows_the_layout_the_loader_picks(visit, path, width):
    """Before any script runs, exactly one static layout shows, the one the loader will make live."""
    v = visit(path, viewport=width, javascript=False)
    charts = v.page.locator(CHART)
    for i in range(charts.count()):
        chart = charts.nth(i)
        visible = [layout for layout in ("wide", "narrow")
                   if chart.locator(f".bk-chart__static--{layout}").is_visible()]
        picked = chart.evaluate("f => f.clientWidth >= Number(f.dataset.wide) ? 'wide' : 'narrow'")
        assert visible == [picked], f"chart {i}: {visible} shown, {picked} expected"


def test_binding_patterns_match_the_built_charts():
    """The spec patterns the tests below search for must find the book's controls, or they test nothing."""
    specs = "".join(spec.read_text(encoding="utf-8") for spec in (site.SITE_DIR / "_static" / "charts").glob("*.js"))
    assert specs.count('"bind":{"input"') >= 1
    assert len(re.findall(r'"markname":"[a-z_0-9]+_legend_symbols"', specs)) >= 1


def _bound_inputs(spec):
    return sum(1 for s in spec.get("signals", []) if isinstance(s.get("bind"), dict) and "input" in s["bind"])


def _change(binding):
    """Set a bound control to another value, as a reader would; return a function that sets it back."""
    control = binding.locator("select, input").first
    tag = control.evaluate("e => e.tagName.toLowerCase() + ':' + (e.type || '')")
    if tag.startswith("select"):
        values = control.evaluate("e => [...e.options].map(o => o.value)")
        current = control.input_value()
        control.select_option(next(val for val in values if val != current))
        return lambda: control.select_option(current)
    if tag == "input:range":
        set_to = "(e, v) => { e.value = v; e.dispatchEvent(new Event('input', {bubbles: true})); }"
        current = control.input_value()
        control.evaluate(set_to, control.evaluate("e => (Number(e.value) === Number(e.min)) ? e.max : e.min"))
        return lambda: control.evaluate(set_to, current)
    if tag == "input:radio":
        radios = binding.locator("input[type=radio]")
        states = [radios.nth(k).is_checked() for k in range(radios.count())]
        radios.nth(states.index(False)).check()
        return lambda: radios.nth(states.index(True)).check()
    control.click()
    return control.click


def _wait_until_changed(page, chart, before):
    page.wait_for_function(
        "([f, before]) => f.querySelector('.bk-chart__live svg').outerHTML !== before",
        arg=[chart.element_handle(), before], timeout=5_000)


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("path", PAGES)
def test_bound_inputs_exist_and_change_their_chart(visit, path, width):
    v = visit(path, viewport=width)
    _activate_charts(v.page)
    charts = v.page.locator(CHART)
    for i in range(charts.count()):
        chart = charts.nth(i)
        layout = chart.evaluate("f => f.dataset.layout")
        count = _bound_inputs(_spec_of(chart, layout))
        bindings = chart.locator(".bk-chart__controls .vega-bind")
        assert bindings.count() == count, f"chart {i}: {bindings.count()} bound controls, spec has {count}"
        for j in range(count):
            # each control is tried from the chart's opening state, then set back: a combination
            # of earlier choices may leave nothing for a later control to filter
            binding = bindings.nth(j)
            before = _live_svg(chart)
            restore = _change(binding)
            _wait_until_changed(v.page, chart, before)
            changed = _live_svg(chart)
            restore()
            _wait_until_changed(v.page, chart, changed)
    assert v.page_errors == [] and v.console_errors == []


@pytest.mark.parametrize("path", PAGES)
def test_legend_selection_changes_its_chart_and_never_fades_all(visit, path):
    v = visit(path)
    _activate_charts(v.page)
    charts = v.page.locator(CHART)
    for i in range(charts.count()):
        chart = charts.nth(i)
        spec = json.dumps(_spec_of(chart, chart.evaluate("f => f.dataset.layout")))
        if not re.search(r'"markname": "[a-z_0-9]+_legend_symbols"', spec):
            continue
        # a reader clicks the entry's label (the symbol of a hollow mark has no fill to click)
        label = chart.locator(".bk-chart__live g.role-legend g.role-legend-label text").first
        before = _live_svg(chart)
        label.click()
        v.page.wait_for_function(
            "([f, before]) => f.querySelector('.bk-chart__live svg').outerHTML !== before",
            arg=[chart.element_handle(), before], timeout=5_000)
    assert v.page_errors == []


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("path", PAGES)
def test_accessibility(visit, path, width):
    v = visit(path, viewport=width)
    _activate_charts(v.page)
    v.page.add_script_tag(path=str(AXE))
    result = v.page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    violations = [(x["id"], x["impact"], [n["target"] for n in x["nodes"]][:3]) for x in result["violations"]]
    assert violations == [], json.dumps(violations)


@pytest.mark.parametrize("path", PAGES)
def test_navigation_opens_on_a_phone(visit, path):
    v = visit(path, viewport="phone")
    toggles = v.page.locator("button.primary-toggle")
    visible = [toggles.nth(i) for i in range(toggles.count()) if toggles.nth(i).is_visible()]
    assert len(visible) == 1, f"{len(visible)} visible navigation buttons"
    visible[0].click()
    nav = v.page.locator(".bd-sidebar-primary")
    v.page.wait_for_function("() => { const n = document.querySelector('.bd-sidebar-primary');"
                             " const r = n.getBoundingClientRect(); return r.width > 150 && r.right > 150; }",
                             timeout=5_000)
    link = nav.locator("a.reference.internal").first
    assert link.is_visible()


SPLIT_OR_CLIPPED = r"""() => {
  const split = [];
  for (const el of document.querySelectorAll('.bd-article h1, .bd-article h2, .bd-article h3, .prev-next-title')) {
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      for (const word of node.textContent.matchAll(/[^\s\-–—\/]+/g)) {
        const range = document.createRange();
        range.setStart(node, word.index);
        range.setEnd(node, word.index + word[0].length);
        if (new Set([...range.getClientRects()].map(r => Math.round(r.top))).size > 1) split.push(word[0]);
      }
    }
  }
  const clipped = [...document.querySelectorAll('.prev-next-area a')]
    .filter(a => a.scrollWidth > a.clientWidth + 1 || a.getBoundingClientRect().right > window.innerWidth)
    .map(a => a.textContent.trim().replace(/\s+/g, ' '));
  const edge = document.querySelector('.bd-article').getBoundingClientRect().right;
  const overrun = [...document.querySelectorAll('.bd-article p code, .bd-article li code')]
    .filter(c => c.getClientRects().length && c.getBoundingClientRect().right > edge + 1)
    .map(c => c.textContent.slice(0, 40));
  return {split, clipped, overrun}; }"""


@pytest.mark.parametrize("path", PAGES)
def test_titles_keep_whole_words_and_links_and_code_fit_on_a_phone(visit, path):
    v = visit(path, viewport="phone")
    found = v.page.evaluate(SPLIT_OR_CLIPPED)
    assert found["split"] == [], f"words broken across lines: {found['split']}"
    assert found["clipped"] == [], f"previous/next links cut off: {found['clipped']}"
    assert found["overrun"] == [], f"inline code runs out of the column: {found['overrun']}"


@pytest.mark.parametrize("path", PAGES)
def test_print_shows_charts_and_no_navigation(visit, path):
    v = visit(path)
    v.page.emulate_media(media="print")
    # as a browser does when printing: the toggle script opens every folded box (the exercises' solutions)
    v.page.wait_for_load_state("load")
    v.page.evaluate("window.dispatchEvent(new Event('beforeprint'))")
    for selector in (".bd-sidebar-primary", ".bd-header", ".bd-sidebar-secondary", ".prev-next-area"):
        found = v.page.locator(selector)
        assert all(not found.nth(i).is_visible() for i in range(found.count())), f"{selector} is printed"
    charts = v.page.locator(CHART)
    for i in range(charts.count()):
        assert charts.nth(i).locator("svg").first.bounding_box()["height"] > 100, f"chart {i} does not print"
    clickable = v.page.evaluate("""() => [...document.querySelectorAll('.bk-chart__hint')]
        .filter(e => e.getClientRects().length && getComputedStyle(e).visibility !== 'hidden').map(e => e.textContent)""")
    assert clickable == [], f"paper tells the reader to click: {clickable}"
    # a long table breaks across pages: neither the table nor a scrolling box around it is kept whole
    # (a table inside a box, such as a solution, goes with its box, which is kept whole on purpose)
    whole = v.page.evaluate("""() => [...document.querySelectorAll('.bd-article table')].filter(t => {
        if (t.closest('.admonition')) return false;
        if (getComputedStyle(t).breakInside === 'avoid') return true;
        for (let e = t.parentElement; e && !e.classList.contains('bd-article'); e = e.parentElement) {
            const s = getComputedStyle(e);
            if (s.overflowX !== 'visible' || s.overflowY !== 'visible') return true;
        }
        return false; }).length""")
    assert whole == 0, f"{whole} tables cannot break across pages"
    # a long box runs on to the next page; a short one moves whole (lib/sphinxext/typography.py marks them)
    wrong = v.page.evaluate("""() => [...document.querySelectorAll('.bd-article .admonition')].filter(b => {
        const s = getComputedStyle(b), long = b.classList.contains('bk-may-break');
        return long ? s.breakInside !== 'auto' || s.overflowY !== 'visible' : s.breakInside !== 'avoid'; })
        .map(b => b.id || b.className)""")
    assert wrong == [], f"boxes kept whole or split against their length: {wrong}"
    introductions = v.page.evaluate("""() => [...document.querySelectorAll('.bd-article p')]
        .filter(p => /cells? below/.test(p.textContent) && p.getClientRects().length).length""")
    assert introductions == 0, "a paragraph introduces a cell that paper leaves out"
    if path not in ABOUT_THE_CONTROLS:
        told = v.page.evaluate(CONTROL_INSTRUCTIONS)
        assert told == [], f"paper tells the reader to use controls it does not have: {told}"
    # paper does not scroll: on the width of an A4 page's text, nothing runs past the article's edge
    v.page.set_viewport_size(PRINT_VIEWPORT)
    past_edge = v.page.evaluate("""() => {
        const article = document.querySelector('.bd-article'), edge = article.getBoundingClientRect().right;
        return [...article.querySelectorAll('table, pre, img, svg, .math')]
            .filter(e => e.getClientRects().length && e.getBoundingClientRect().right > edge + 1)
            .map(e => e.tagName.toLowerCase() + ' in #' + (e.closest('section') || {}).id); }""")
    assert past_edge == [], f"cut off on paper: {past_edge}"


def test_search_from_a_chapter_finds_a_company(visit):
    chapter = visit("chapters/graphcore.html")
    chapter.page.wait_for_load_state("load")
    # the chapter carries no search index: the search box sends the query to the search page
    assert chapter.page.evaluate("""[...document.querySelectorAll('script[src]')]
        .filter(s => /searchindex|searchtools|language_data/.test(s.src)).length""") == 0
    chapter.page.locator("button.search-button__button:visible").first.click()
    field = chapter.page.locator("#pst-search-dialog[open] input[name=q]")
    field.fill("Graphcore")
    field.press("Enter")
    chapter.page.wait_for_url("**/search.html?q=Graphcore*", timeout=RENDER_TIMEOUT_MS)
    chapter.page.wait_for_function("document.querySelectorAll('#search-results li').length > 0",
                                   timeout=RENDER_TIMEOUT_MS)
    assert "graphcore" in chapter.page.locator("#search-results li").first.inner_text().lower()


def test_deferred_behaviour_scripts_still_wire_up_the_page(visit):
    v = visit("chapters/reading_spec_sheets.html")
    v.page.wait_for_load_state("load")
    assert v.page.locator("div.highlight button.copybtn").count() > 0, "copy buttons missing"
    assert v.page.locator(".admonition.dropdown button.toggle-button, details.dropdown").count() > 0
    assert v.page_errors == [] and v.console_errors == []
