"""The reading surface: what every page needs beyond its content.

* **Repository and launch buttons from one setting.** ``repository.url`` in
  ``_config.yml``, or the ``BOOK_REPOSITORY_URL`` environment variable (a fork
  sets this), is the book's source repository. Without one, the repository,
  Binder and Thebe buttons are left out rather than pointing nowhere.
* **Phone navigation.** The theme's visible menu buttons (site navigation, page
  contents) are not the ones its dialogs listen to; a few lines of inline script
  forward their clicks, so the menus open on a phone.
* **A description per page** (``<meta name="description">``), taken from the
  page's own opening paragraph, and a favicon, so no browser asks for a missing
  ``/favicon.ico``; the ``index.html`` that redirects to the first page has both.
* **The search index stays on the search page.** The theme puts Sphinx's search
  scripts and the whole search index (``searchtools.js``, ``language_data.js``,
  ``searchindex.js``, 50 KB gzip and growing with the book) in every page's
  ``<head>``, for its search-as-you-type option. The book leaves that option off:
  its search box sends the query to the search page, which loads them itself. So
  after the build they are removed from every other page.
* **Nothing but the stylesheet blocks the first paint.** ``documentation_options.js``
  (a dozen settings that inline scripts read) is written into each page instead of
  fetched before it can paint, and the theme's ``preload`` hints for its two
  deferred scripts are dropped, so they no longer compete with the stylesheet.
  The theme's and extensions' behaviour scripts (copy buttons, toggles, tabs,
  highlighting, the theme's own script) are deferred too: they act on the finished
  page, and deferred scripts still run in document order.
"""

from __future__ import annotations

import html
import os
import re
from pathlib import Path

from docutils import nodes

REPOSITORY_ENV = "BOOK_REPOSITORY_URL"
PLACEHOLDER_HOSTS = ("example.com", "example.org")
DESCRIPTION_LENGTH = 160
_DESCRIPTION_TAG = re.compile(r'<meta name="description"[^>]*>')
FAVICON = Path(__file__).parent / "static" / "favicon.svg"

FORWARD_TOGGLES = """
document.addEventListener("click", function (event) {
  ["primary-toggle", "secondary-toggle"].forEach(function (kind) {
    var pressed = event.target.closest && event.target.closest("." + kind);
    var listened = document.querySelector("." + kind);
    if (pressed && listened && pressed !== listened) {
      event.preventDefault();
      event.stopPropagation();
      listened.click();
    }
  });
}, true);
"""
"""The theme's dialogs listen to the first ``.primary-toggle`` / ``.secondary-toggle``
of the page, which the book theme hides; clicks on the visible ones are forwarded."""


def repository_url(configured: str | None) -> str:
    """The repository address in force: the environment's, else the configured one ("" for none)."""
    url = os.environ.get(REPOSITORY_ENV, configured or "").strip()
    if not url.startswith("https://") or any(host in url for host in PLACEHOLDER_HOSTS):
        return ""
    return url.rstrip("/")


def configure_repository(app, config) -> None:
    """Point the repository and launch buttons at the repository, or leave them out."""
    options = dict(config.html_theme_options)
    url = repository_url(options.get("repository_url"))
    options["repository_url"] = url
    options["use_repository_button"] = bool(url)
    if not url:
        options["launch_buttons"] = {key: ("" if isinstance(value, str) else False)
                                     for key, value in options.get("launch_buttons", {}).items()}
    config.html_theme_options = options
    if not config.html_favicon:
        config.html_favicon = str(FAVICON)


def page_description(doctree) -> str:
    """The first real paragraph of a page (not the line naming the report section), shortened."""
    for paragraph in doctree.findall(nodes.paragraph):
        if paragraph.next_node(nodes.raw) is not None:
            continue
        text = " ".join(paragraph.astext().split())
        if len(text) < 60 or text.startswith(("Report section", "Source")):
            continue
        if len(text) <= DESCRIPTION_LENGTH:
            return text
        cut = text[:DESCRIPTION_LENGTH - 1].rsplit(" ", 1)[0].rstrip(",;:")
        return cut + "…"
    return ""


SEARCH_SCRIPTS = re.compile(
    r'[ \t]*<script src="(?:\.\./)*(?:_static/searchtools\.js|_static/language_data\.js|searchindex\.js)">'
    r'</script>\n?')
"""The theme's search scripts in a page's ``<head>``."""


def drop_search_scripts(html: str) -> str:
    """Remove the theme's search scripts from a page."""
    return SEARCH_SCRIPTS.sub("", html)


def drop_search(app, site) -> None:
    """``finish-pages`` step: remove the search scripts from every page but the search page."""
    if app.config.html_theme_options.get("search_as_you_type"):
        return
    site.rewrite(drop_search_scripts, skip=("search.html",))


OPTIONS_SCRIPT = re.compile(r'<script src="((?:\.\./)*_static/documentation_options\.js)(?:\?[^"]*)?"></script>')
SCRIPT_PRELOAD = re.compile(r'[ \t]*<link rel="preload" as="script" href="[^"]*" />\n?')


def inline_options(html: str, options: str) -> str:
    """Put the text of ``documentation_options.js`` in the page instead of a blocking request for it,
    and drop the theme's script preloads."""
    html = OPTIONS_SCRIPT.sub(lambda _: f"<script>{options.strip()}</script>", html, count=1)
    return SCRIPT_PRELOAD.sub("", html)


def inline_page_options(app, site) -> None:
    """``finish-pages`` step: :func:`inline_options` on every page."""
    options = (site.outdir / "_static" / "documentation_options.js").read_text(encoding="utf-8")
    site.rewrite(lambda html: inline_options(html, options))


DEFERRED_SCRIPTS = ("_static/doctools.js", "_static/sphinx_highlight.js", "_static/clipboard.min.js",
                    "_static/copybutton.js", "_static/scripts/sphinx-book-theme.js", "_static/togglebutton.js",
                    "_static/design-tabs.js")
"""Scripts that only wire up the finished page. ``documentation_options.js`` stays
blocking: inline scripts of every page assign to the object it defines."""


def defer_theme_scripts(scripts: list) -> list:
    """The page's script list with every :data:`DEFERRED_SCRIPTS` entry marked ``defer``."""
    from sphinx.builders.html._assets import _JavaScript

    deferred = []
    for script in scripts:
        filename = str(getattr(script, "filename", "") or "")
        if filename in DEFERRED_SCRIPTS and "defer" not in script.attributes and "async" not in script.attributes:
            script = _JavaScript(filename, priority=script.priority, **{**script.attributes, "defer": "defer"})
        deferred.append(script)
    return deferred


def defer_page_scripts(app, pagename, templatename, context, doctree) -> None:
    """``html-page-context``: defer the behaviour scripts of this page (not the search page, whose
    blocking search scripts use ``doctools.js``)."""
    if "script_files" in context and pagename != "search":
        context["script_files"][:] = defer_theme_scripts(context["script_files"])


def add_page_context(app, pagename, templatename, context, doctree) -> None:
    """Add the page's description to its ``<head>``."""
    if doctree is not None:
        description = page_description(doctree)
        if description:
            context["metatags"] = context.get("metatags", "") + (
                f'\n    <meta name="description" content="{html.escape(description, quote=True)}" />')


LANDING = """<!doctype html>
<html lang="{language}">
<head>
<meta charset="utf-8">
<title>{title}</title>
{description}
<meta http-equiv="Refresh" content="0; url={first}">
<link rel="icon" href="_static/{favicon}">
<link rel="canonical" href="{first}">
</head>
<body><p><a href="{first}">{title}</a></p></body>
</html>
"""
"""The site's ``index.html`` when the book opens on another page: a redirect, as
sphinx-external-toc writes, but a whole page (language, title, description, icon),
so the browser asks for no ``/favicon.ico`` there either."""


def write_landing(app, exception) -> None:
    """``build-finished``: write ``index.html`` as :data:`LANDING`, before sphinx-external-toc's bare one."""
    root = app.config.root_doc
    if exception is not None or app.builder.format != "html" or root == "index":
        return
    out = Path(app.outdir)
    first = f"{root}.html"
    page = out / first
    found = _DESCRIPTION_TAG.search(page.read_text(encoding="utf-8")) if page.exists() else None
    (out / "index.html").write_text(LANDING.format(
        language=app.config.language or "en", title=html.escape(app.config.html_title or app.config.project),
        first=first,
        description=found.group(0) if found else "", favicon=Path(app.config.html_favicon or FAVICON).name),
        encoding="utf-8")


def setup(app):
    """Register the extension with Sphinx."""
    app.connect("config-inited", configure_repository, priority=900)
    app.connect("html-page-context", add_page_context)
    app.connect("html-page-context", defer_page_scripts, priority=900)
    app.setup_extension("lib.sphinxext.finish")
    app.connect("finish-pages", drop_search)
    app.connect("finish-pages", inline_page_options)
    app.add_js_file(None, body=FORWARD_TOGGLES)
    app.connect("build-finished", write_landing, priority=400)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
