"""Mend the few accessibility faults that the book theme and myst-nb write into every page.

axe-core rates these "serious" (rule ``label-content-name-mismatch``): an element's
accessible name must contain its visible text. After each build, every HTML file
is rewritten with the fixes below (in the shared pass of :mod:`lib.sphinxext.finish`);
each is idempotent, so rewriting an unchanged page again is harmless.

* The search field button shows "Search Ctrl+K" but is labelled "Search": its
  ``aria-label`` is dropped, so its visible text names it.
* The colour-mode button's three icons carry titles ("Light", "Dark", ...) that
  Font Awesome turns into SVG ``<title>`` text, which counts as visible text: the
  titles are dropped and the decorative icons hidden from assistive technology;
  the button keeps its label "Color mode".
* myst-nb's "Show code cell source" toggles are labelled "Toggle hidden content":
  the label is dropped, so the visible text names them.
* Bibliography entries carry the deprecated role ``doc-biblioentry`` inside a
  ``role="list"`` (rules ``aria-deprecated-role``, ``aria-required-children``,
  "critical"): they become list items.
* The primary sidebar's book title sits outside every landmark (rule ``region``,
  "moderate"): the sidebar becomes the "Book navigation" landmark.

"""

from __future__ import annotations

import re

FIXES = [
    (re.compile(r'(<button class="btn search-button-field search-button__button[^"]*"[^>]*?) aria-label="Search"'),
     r"\1"),
    (re.compile(r'(<i class="theme-switch [^"]*" data-mode="[a-z]+")\s+title="[^"]*"></i>'),
     r'\1 aria-hidden="true"></i>'),
    (re.compile(r'<summary aria-label="Toggle hidden content">'), "<summary>"),
    (re.compile(r'(<div class="citation" id="[^"]+") role="doc-biblioentry">'), r'\1 role="listitem">'),
    (re.compile(r'<div id="pst-primary-sidebar" class="bd-sidebar-primary bd-sidebar">'),
     '<div id="pst-primary-sidebar" class="bd-sidebar-primary bd-sidebar" role="navigation" '
     'aria-label="Book navigation">'),
]
"""(pattern, replacement) pairs applied to each page in turn."""


def fix_html(html: str) -> str:
    """Apply every fix to one page's HTML."""
    for pattern, replacement in FIXES:
        html = pattern.sub(replacement, html)
    return html


def fix_pages(app, site) -> None:
    """``finish-pages`` step: apply the fixes to every page."""
    site.rewrite(fix_html)


def setup(app):
    """Register the extension with Sphinx."""
    app.setup_extension("lib.sphinxext.finish")
    app.connect("finish-pages", fix_pages)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
