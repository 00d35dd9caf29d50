"""``make pdf``: one PDF of the whole book, every chapter in it, every chart as vector drawing with text."""

import html as html_lib
import re
import unicodedata
import subprocess
import sys
from pathlib import Path

import pytest

from lib import site

ROOT = Path(__file__).resolve().parent.parent
PDF = ROOT / "_build" / "pdf" / "book.pdf"


def _squash(text: str) -> str:
    """Text without whitespace, ligatures (ﬁ, ﬂ) spelt out: how a title is compared with the PDF's text."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


def chart_titles(html: str) -> list[str]:
    """The title of each chart on a page, as its wide static SVG draws it."""
    from bs4 import BeautifulSoup

    titles = []
    for figure in BeautifulSoup(html, "html.parser").select("figure.bk-chart"):
        wide = figure.select_one(".bk-chart__static--wide svg")
        group = wide.select_one(".role-title-text") if wide else None
        titles.append(group.get_text(" ") if group else "")
    return titles


def test_chart_titles_are_read_from_the_static_drawing():
    html = ('<figure class="bk-chart"><div class="bk-chart__static bk-chart__static--wide"><svg>'
            '<g class="mark-text role-title-text"><text>Funding by</text><text>round</text></g></svg></div>'
            '<div class="bk-chart__static bk-chart__static--narrow"><svg></svg></div></figure>')
    assert chart_titles(html) == ["Funding by round"]


@pytest.mark.slow
def test_make_pdf_prints_every_chapter_with_its_charts_as_vectors():
    import pypdf

    assert (site.SITE_DIR / "index.html").exists(), "build the book first (make book)"
    result = subprocess.run([sys.executable, "-m", "lib.pdf"], cwd=ROOT)
    assert result.returncode == 0 and PDF.exists()

    reader = pypdf.PdfReader(str(PDF))
    pages = site.toc_pages()
    assert len(reader.pages) > len(pages)
    starts = [reader.get_destination_page_number(item) for item in reader.outline]
    assert len(starts) == len(pages) and starts == sorted(starts)
    ranges = zip(starts, starts[1:] + [len(reader.pages)])

    charts_seen = 0
    for path, (first, last) in zip(pages, ranges):
        text = _squash(" ".join(reader.pages[n].extract_text() for n in range(first, last)))
        html = (site.SITE_DIR / path).read_text(encoding="utf-8")
        heading = re.search(r"<h1>(.*?)<a", html, re.S)
        if heading:
            assert _squash(html_lib.unescape(re.sub(r"<[^>]+>", "", heading.group(1))))[:20] in text, path
        titles = chart_titles(html)
        for title in titles:
            assert title and _squash(title) in text, f"{path}: chart {title!r} is not text in the PDF"
        charts_seen += len(titles)
    assert charts_seen > 0
