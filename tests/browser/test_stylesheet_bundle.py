"""The one purged stylesheet of each page styles it exactly as the theme's own sheets do.

Each page is opened with its bundle (``_static/site-*.css``), the computed style
(:data:`PROPERTIES`) of every element and of its ``::before`` and ``::after`` is recorded, the bundle is
swapped for the sheets it was made of (named on its first line), and the styles are
recorded again: they must be identical, at phone and laptop width, and at laptop
width also in the dark colour mode and in print. Page scripts are off and transitions stopped,
so nothing else moves between the two readings.
"""

import json
import re

import pytest

from lib import site
from lib.sphinxext.stylesheets import PREFIX

PAGES = site.toc_pages() + ["search.html", "genindex.html"]
MODES = {"phone": [("screen", "light")], "laptop": [("screen", "light"), ("screen", "dark"), ("print", "light")]}
"""Colour modes and media read at each width (the dark mode and print do not depend on the width)."""

PROPERTIES = """display position top right bottom left float z-index box-sizing width height min-width max-width
min-height max-height margin-top margin-right margin-bottom margin-left padding-top padding-right padding-bottom
padding-left border-top-width border-right-width border-bottom-width border-left-width border-top-style
border-bottom-style border-left-style border-right-style border-top-color border-bottom-color border-left-color
border-right-color border-top-left-radius border-bottom-right-radius color background-color background-image
opacity visibility overflow-x overflow-y font-family font-size font-weight font-style line-height letter-spacing
text-align text-decoration-line text-transform white-space word-break overflow-wrap vertical-align
list-style-type flex-direction flex-wrap flex-grow flex-shrink flex-basis justify-content align-items align-self
order column-gap row-gap grid-template-columns grid-template-rows box-shadow transform filter cursor
outline-style outline-color mask-image -webkit-mask-image content fill table-layout border-collapse
break-inside text-indent""".split()
"""The computed properties compared: everything that places, sizes, colours or fills a box."""

READ = """([key, properties]) => {
  const path = e => { const parts = []; for (; e && e !== document.body; e = e.parentElement)
      parts.unshift(e.tagName.toLowerCase() + (e.id ? "#" + e.id : "") + ":" + [...e.parentElement.children].indexOf(e));
      return parts.join(">"); };
  const read = (e, pseudo) => { const s = getComputedStyle(e, pseudo), v = {};
      if (pseudo && (s.content === "none" || s.content === "normal")) return {[pseudo]: "none"};
      for (const p of properties) v[(pseudo || "") + p] = s.getPropertyValue(p); return v; };
  const elements = [...document.querySelectorAll("body *")].filter(e => !e.closest("svg"));
  const reading = elements.map(e => [path(e), Object.assign(read(e, null), read(e, "::before"), read(e, "::after"))]);
  window.__readings = window.__readings || {};
  if (!(key in window.__readings)) { window.__readings[key] = reading; return []; }
  const before = window.__readings[key], differences = [];
  if (before.length !== reading.length) return ["the page's elements changed"];
  before.forEach(([where, ours], i) => {
    const theirs = reading[i][1];
    const changed = [...new Set([...Object.keys(ours), ...Object.keys(theirs)])].filter(k => ours[k] !== theirs[k]);
    if (changed.length) differences.push(where + ": " + changed.slice(0, 6).map(k => k + " " + ours[k] + " / " + theirs[k]).join("; "));
  });
  return differences;
}"""
"""With the bundle (first call for a ``key``): record the computed style of every element and of
its ``::before`` and ``::after``, in the page. With the theme's sheets (second call): return the
elements whose style differs. The readings stay in the page: they are too large to send back."""

SWAP = """(hrefs) => {
  const bundle = document.querySelector('link[rel="stylesheet"]');
  for (const href of hrefs) {
    const link = document.createElement("link");
    link.rel = "stylesheet"; link.href = href; link.dataset.source = "";
    bundle.before(link);
  }
  bundle.remove();
}"""
NO_MOTION = """() => { const style = document.createElement("style");
  style.textContent = "*, *::before, *::after { transition: none !important; animation: none !important; }";
  document.head.append(style); }"""
"""Transitions would make a reading taken just after a change catch colours halfway."""
LOADED = """document.body.offsetHeight >= 0
            && [...document.fonts].every(face => face.status !== "unloaded" || face.load())
            && [...document.querySelectorAll('link[data-source]')].every(link => link.sheet !== null)
            && document.fonts.status === 'loaded'"""
"""Every font face the sheets declare is loaded (a face no text needs would otherwise stay
unloaded, and a box's height would depend on when the browser got round to it)."""


def _settle(page) -> None:
    """Wait until the theme's sheets (once swapped in) and every font the page uses have loaded.
    (Page scripts are off, so no load event reaches a callback: poll instead.)"""
    settled = 0
    for _ in range(200):
        settled = settled + 1 if page.evaluate(LOADED) else 0
        if settled == 2:
            return
        page.wait_for_timeout(50)
    raise AssertionError("the page's stylesheets or fonts did not load")


def _sources(path: str) -> list[str]:
    """The page-relative addresses of the sheets the page's bundle was made of."""
    html = (site.SITE_DIR / path).read_text(encoding="utf-8")
    [href] = re.findall(rf'<link rel="stylesheet" type="text/css" href="([^"]*{PREFIX}[0-9a-f]+\.css)"', html)
    bundle = site.SITE_DIR / path
    bundle = (bundle.parent / href).resolve()
    header = bundle.read_text(encoding="utf-8").partition("\n")[0]
    sources = json.loads(re.fullmatch(r"/\* bundle of: (.*) \*/", header).group(1))
    prefix = "../" * path.count("/")
    assert all(media == "all" for _, media in sources)
    return [prefix + source for source, _ in sources]


@pytest.mark.parametrize("width", ["phone", "laptop"])
@pytest.mark.parametrize("path", PAGES)
def test_the_bundle_styles_the_page_as_the_theme_sheets_do(visit, path, width):
    v = visit(path, viewport=width, javascript=False)
    sources = _sources(path)
    v.page.evaluate(NO_MOTION)
    _settle(v.page)
    for media, theme in MODES[width]:
        v.page.emulate_media(media=media)
        v.page.evaluate(f"document.documentElement.dataset.theme = '{theme}'")
        assert v.page.evaluate(READ, [f"{media}/{theme}", PROPERTIES]) == []
    v.page.evaluate(SWAP, sources)
    _settle(v.page)
    for media, theme in MODES[width]:
        v.page.emulate_media(media=media)
        v.page.evaluate(f"document.documentElement.dataset.theme = '{theme}'")
        differences = v.page.evaluate(READ, [f"{media}/{theme}", PROPERTIES])
        assert differences == [], f"{media}/{theme}: {len(differences)} elements differ, e.g. {differences[:5]}"
    assert v.http_errors == []


GLYPHS = """async ([subset, original, characters]) => {
  const draw = async (url, family) => {
    const face = new FontFace(family, `url(${url})`);
    document.fonts.add(await face.load());
    return characters.map(c => {
      const canvas = document.createElement("canvas");
      canvas.width = canvas.height = 48;
      const context = canvas.getContext("2d");
      context.font = `32px "${family}"`;
      context.fillText(String.fromCodePoint(c), 4, 40);
      return [...context.getImageData(0, 0, 48, 48).data].join(",");
    });
  };
  const ours = await draw(subset, "subset-under-test"), theirs = await draw(original, "original-under-test");
  return characters.filter((c, i) => ours[i] !== theirs[i] || !/[1-9]/.test(ours[i])).map(c => c.toString(16));
}"""
"""Each character drawn on a canvas with the subset font and with the theme's full font: the hex
code points whose drawings differ, or are blank."""


def test_the_cut_icon_fonts_draw_every_icon_the_css_asks_for_as_the_full_fonts_do(visit):
    from lib.sphinxext.fonts import icon_characters

    [bundle] = site.SITE_DIR.joinpath("_static").glob(f"{PREFIX}*.css")
    css = bundle.read_text(encoding="utf-8")
    fonts = re.findall(r"url\((fonts/([a-z0-9-]+?)-[0-9a-f]{12}\.woff)\)", css)
    assert {stem for _, stem in fonts} >= {"fa-solid-900"}
    v = visit("intro.html")
    for url, stem in fonts:
        from fontTools.ttLib import TTFont
        font = site.SITE_DIR / "_static" / url
        characters = sorted(set(TTFont(font).getBestCmap()) & icon_characters(css))
        assert characters, f"{url} holds none of the icons"
        differing = v.page.evaluate(GLYPHS, [f"_static/{url}", f"_static/vendor/fontawesome/webfonts/{stem}.ttf",
                                             characters])
        assert differing == [], f"{stem}: these icons differ from the full font: {differing}"
