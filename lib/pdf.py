"""The whole book as one PDF: ``python -m lib.pdf`` (what ``make pdf`` runs, after ``make book``).

Headless Chromium (Debian's, driven by Playwright as in :mod:`lib.site`) prints
each page of the table of contents from the built site with the print styles of
``lib/sphinxext/static/book.css`` (no navigation, no buttons, links spelt out).
The charts are inline SVG in the page, so they reach the PDF as vector drawings
with real text; the pages are printed with their static drawings (the Vega
runtime is not loaded), which are exactly what the build rendered. The per-page
PDFs are then merged in table-of-contents order with pypdf, each chapter
becoming an entry of the PDF's outline (bookmarks).

pypdf is one of the test tools (``requirements-test.txt``), installed by
``make pdf``.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from lib import site

ROOT = Path(__file__).resolve().parent.parent
PDF_DIR = ROOT / "_build" / "pdf"
BOOK_PDF = PDF_DIR / "book.pdf"
PAGE_FORMAT = "A4"
MARGIN = {"top": "16mm", "bottom": "18mm", "left": "15mm", "right": "15mm"}
FOOTER = ('<div style="font-size:8px;width:100%;text-align:center;color:#555">'
          '<span class="title"></span> · <span class="pageNumber"></span></div>')
"""Chromium's print footer: the chapter's title and its page number within the chapter."""


def print_pages(pages: list[str], out_dir: Path, *, site_dir: Path = site.SITE_DIR) -> list[tuple[str, Path]]:
    """Print each page (paths relative to the site) to ``out_dir``; return ``(title, pdf)`` in order."""
    from playwright.sync_api import sync_playwright

    out_dir.mkdir(parents=True, exist_ok=True)
    printed = []
    with site.serve(site_dir) as (base, _log), sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=site.chromium_executable(), args=site.CHROMIUM_ARGS)
        try:
            context = browser.new_context(viewport={"width": 1000, "height": 1400})
            # The charts stay as built: the static SVG, not a live redraw that could be caught half-way.
            context.route("**/_static/vega/**", lambda route: route.abort())
            for number, path in enumerate(pages, start=1):
                page = context.new_page()
                page.goto(base + path, wait_until="load")
                page.emulate_media(media="print")
                page.evaluate("document.fonts.ready")
                title = page.evaluate(
                    "(document.querySelector('.bd-article h1') || {}).textContent || document.title")
                title = " ".join(title.replace("#", "").split())
                target = out_dir / f"{number:03d}-{Path(path).stem}.pdf"
                page.pdf(path=str(target), format=PAGE_FORMAT, margin=MARGIN, print_background=True,
                         display_header_footer=True, header_template="<span></span>", footer_template=FOOTER)
                page.close()
                printed.append((title, target))
        finally:
            browser.close()
    return printed


def merge(parts: list[tuple[str, Path]], target: Path) -> Path:
    """Merge the printed pages into one PDF, one outline entry per page of the book."""
    try:
        from pypdf import PdfWriter
    except ImportError as error:  # pragma: no cover - depends on the environment
        raise SystemExit("lib.pdf needs pypdf: install the test tools (pip install -r requirements-test.txt "
                         "-c constraints.txt), which `make pdf` does") from error
    writer = PdfWriter()
    for title, path in parts:
        writer.append(str(path), outline_item=title)
    writer.add_metadata({"/Title": "AI Semiconductors: The Leaders and Why They Lead",
                         "/Creator": "lib.pdf (Chromium print, pypdf merge)"})
    target.parent.mkdir(parents=True, exist_ok=True)
    with target.open("wb") as handle:
        writer.write(handle)
    writer.close()
    return target


def build_pdf(*, site_dir: Path = site.SITE_DIR, target: Path = BOOK_PDF) -> Path:
    """Print every page of the table of contents and merge them into ``target``."""
    if not (site_dir / "index.html").exists():
        raise SystemExit(f"{site_dir} holds no built site: run `make book` first")
    with tempfile.TemporaryDirectory(prefix="book-pdf-") as scratch:
        parts = print_pages(site.toc_pages(), Path(scratch), site_dir=site_dir)
        return merge(parts, target)


if __name__ == "__main__":
    path = build_pdf()
    print(f"lib.pdf: wrote {path.relative_to(ROOT)}")
    sys.exit(0)
