"""The purged stylesheet bundle (lib/sphinxext/stylesheets.py) and the shared page pass (finish.py)."""

from pathlib import Path, PurePosixPath

import pytest
import tinycss2

from lib.sphinxext import stylesheets
from lib.sphinxext.finish import BuiltSite


def _selector(text: str) -> list:
    return tinycss2.parse_one_rule(text + "{}").prelude


@pytest.mark.parametrize("selector, needs", [
    (".a .b > p:hover::before", {"a", "b", "p"}),
    ("div.card#main", {"div", "card", "main"}),
    (":not(.gone) .kept", {"kept"}),
    (":is(.x, .y) li", {"li"}),
    ('html[data-theme="dark"] .z', {"html", "data-theme", "z"}),
    ("*", set()),
    ("a + SPAN ~ em", {"a", "span", "em"}),
])
def test_selector_needs_its_tags_classes_ids_and_attributes(selector, needs):
    assert stylesheets.selector_needs(_selector(selector)) == needs


def _rules(css: str) -> list:
    return tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True)


def test_purge_keeps_the_selectors_that_can_match_and_drops_the_rest():
    css = (".used, .unused { color: red }\n.unused { color: blue }\n"
           "@media print { .used { display: none } .unused { display: none } }\n"
           "@media (max-width: 10px) { .unused { margin: 0 } }\n"
           "@font-face { font-family: X; src: url(x.woff2) }\n@keyframes spin { to { rotate: 1turn } }\n")
    kept = stylesheets.purge_rules(_rules(css), {"used"})
    assert kept[0] == ".used{color: red}"
    assert kept[1] == "@media print{.used{display: none}}"
    assert kept[2].startswith("@font-face") and kept[3].startswith("@keyframes")
    assert len(kept) == 4


def test_imports_are_inlined_and_urls_repointed_to_the_bundle(tmp_path):
    static = tmp_path / "_static"
    (static / "styles").mkdir(parents=True)
    (static / "basic.css").write_text(".base { background: url(img/dot.png) }")
    (static / "styles" / "theme.css").write_text(
        '@import "../basic.css";\n.font { src: url("../vendor/fa.woff2?v=1"), url(data:font/woff2;base64,AA) }')
    rules = stylesheets.stylesheet_rules(static / "styles" / "theme.css", static, PurePosixPath("bundle.css"))
    text = tinycss2.serialize(rules)
    assert "url(img/dot.png)" in text
    assert 'url("vendor/fa.woff2?v=1")' in text and "url(data:font/woff2;base64,AA)" in text
    assert "@import" not in text


def test_an_import_loop_is_an_error(tmp_path):
    (tmp_path / "a.css").write_text('@import "b.css";')
    (tmp_path / "b.css").write_text('@import "a.css";')
    with pytest.raises(ValueError, match="@import loop"):
        stylesheets.stylesheet_rules(tmp_path / "a.css", tmp_path, PurePosixPath("bundle.css"))


def test_page_names_reads_markup_and_inline_scripts():
    html = ('<html data-theme="light"><body><div id="main" class="card  wide">'
            '<script>el.classList.add("opened")</script></div></body></html>')
    names = stylesheets.page_names(html)
    assert {"html", "data-theme", "body", "div", "main", "card", "wide", "opened"} <= names
    assert "light" not in names


def test_the_stylesheet_links_become_one_where_the_first_was():
    head = ('<head>\n  <meta charset="utf-8" />\n'
            '  <link href="../_static/styles/theme.css?digest=1" rel="stylesheet" />\n'
            '  <link rel="stylesheet" type="text/css" href="../_static/book.css?v=2" />\n'
            '  <link rel="icon" href="../_static/favicon.svg"/>\n</head>')
    assert stylesheets.page_stylesheets(head) == [("../_static/styles/theme.css?digest=1", "all"),
                                                  ("../_static/book.css?v=2", "all")]
    assert stylesheets.replace_links(head, "../_static/site-x.css") == (
        '<head>\n  <meta charset="utf-8" />\n'
        '  <link rel="stylesheet" type="text/css" href="../_static/site-x.css" />\n'
        '  <link rel="icon" href="../_static/favicon.svg"/>\n</head>')


def _site(tmp_path: Path) -> Path:
    static = tmp_path / "_static"
    static.mkdir()
    (static / "a.css").write_text(".shown { color: red } .hidden-forever { color: blue } .opened { color: green }")
    (static / "b.css").write_text("p { margin: 0 } table { border: 0 }")
    (static / "menu.js").write_text('button.classList.add("opened")')
    (static / "fragment.html").write_text('<link rel="stylesheet" href="{{ pathto(x) }}" />')
    (tmp_path / "chapters").mkdir()
    head = ('<link rel="stylesheet" href="../_static/a.css" />\n<link rel="stylesheet" href="../_static/b.css" />\n'
            '<script src="../_static/menu.js"></script>')
    (tmp_path / "chapters" / "one.html").write_text(f"<html><head>{head}</head><body><p class='shown'>x</p>"
                                                    "</body></html>")
    (tmp_path / "index.html").write_text("<html><head>" + head.replace("../", "") + "</head><body></body></html>")
    return tmp_path


class _App:
    class config:  # noqa: N801 - stands in for Sphinx's config object
        html_theme_options = {}


def test_bundling_a_site_gives_every_page_one_purged_sheet_and_survives_a_second_pass(tmp_path):
    out = _site(tmp_path)
    site = BuiltSite(out)
    assert sorted(p.name for p in site.pages) == ["index.html", "one.html"]  # not the _static fragment
    stylesheets.bundle_stylesheets(_App, site)
    assert site.save() == 2
    bundles = list((out / "_static").glob("site-*.css"))
    assert len(bundles) == 1
    text = bundles[0].read_text()
    assert ".shown" in text and ".opened" in text and "p{" in text
    assert "hidden-forever" not in text and "table" not in text
    assert f'href="../_static/{bundles[0].name}"' in (out / "chapters" / "one.html").read_text()
    assert f'href="_static/{bundles[0].name}"' in (out / "index.html").read_text()
    # an incremental build leaves old pages linking the bundle: a second pass rebuilds it from its sources
    (out / "_static" / "b.css").write_text("p { margin: 1px }")
    again = BuiltSite(out)
    stylesheets.bundle_stylesheets(_App, again)
    again.save()
    [bundle] = (out / "_static").glob("site-*.css")
    assert bundle != bundles[0] and "margin: 1px" in bundle.read_text()


def test_a_missing_stylesheet_is_named(tmp_path):
    out = _site(tmp_path)
    (out / "_static" / "b.css").unlink()
    with pytest.raises(FileNotFoundError, match="b.css"):
        stylesheets.bundle_stylesheets(_App, BuiltSite(out))


def _loader_page(tmp_path: Path) -> BuiltSite:
    static = tmp_path / "_static"
    (static / "vega").mkdir(parents=True)
    (static / "charts").mkdir()
    (static / "charts.js").write_text("loaderWord")
    (static / "vega" / "vega-1.js").write_text('el.classList.add("runtime-word")')
    (static / "charts" / "abc123.js").write_text('specs["abc123"] = {"style": "spec-word"}')
    (tmp_path / "chapters").mkdir()
    (tmp_path / "chapters" / "p.html").write_text(
        '<html><head><script defer src="../_static/charts.js?v=1" data-bundle="vega/vega-1.js"></script>'
        '<script type="application/json">{"x": "json-word"}</script><script>add("inline-word")</script>'
        '</head><body><figure class="bk-chart" data-spec="abc123"></figure></body></html>')
    return BuiltSite(tmp_path)


def test_site_names_reads_every_script_a_page_loads_and_no_data(tmp_path):
    """The runtime is named relative to its loader, the chart specs by their figures; JSON is data."""
    names = stylesheets.site_names(_loader_page(tmp_path))
    assert {"loaderWord", "runtime-word", "spec-word", "inline-word"} <= names
    assert "json-word" not in names


def test_a_missing_script_is_named(tmp_path):
    site = _loader_page(tmp_path)
    (tmp_path / "_static" / "charts" / "abc123.js").unlink()
    with pytest.raises(FileNotFoundError, match="abc123.js"):
        stylesheets.site_names(site)
