"""The "How to cite" page agrees with CITATION.cff."""

from pathlib import Path

import pytest
import yaml

from lib import citation

ROOT = Path(__file__).resolve().parent.parent
PAGE = ROOT / "_build" / "html" / "chapters" / "how_to_cite.html"


def test_citation_cff_names_a_title_authors_and_a_version_matching_the_package():
    cff = citation.load()
    assert cff["title"] and citation.authors(cff) and cff["version"]
    project = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert f'version = "{cff["version"]}"' in project


def test_the_entries_carry_title_authors_and_version():
    cff = citation.load()
    for text in (citation.book_citation(cff), citation.book_bibtex(cff)):
        assert cff["title"] in text and cff["version"] in text
        assert all(name in text for name in citation.authors(cff))
    report = citation.report(cff)
    for text in (citation.report_citation(cff), citation.report_bibtex(cff)):
        assert report["title"] in text and "2022" in text
        assert all(name in text for name in citation.authors(report))


def test_people_are_written_from_either_form_of_cff_author():
    assert citation.person({"name": "KISDI"}) == "KISDI"
    assert citation.person({"given-names": "Hyeonjeong", "family-names": "Kwon"}) == "Hyeonjeong Kwon"


@pytest.mark.built
def test_the_built_page_agrees_with_citation_cff():
    assert PAGE.exists(), "no built site: run `make book` first"
    from bs4 import BeautifulSoup

    text = " ".join(BeautifulSoup(PAGE.read_text(encoding="utf-8"), "html.parser").get_text(" ").split())
    cff = yaml.safe_load((ROOT / "CITATION.cff").read_text(encoding="utf-8"))
    assert cff["title"] in text
    assert f"Version {cff['version']}" in text and f"version = {{{cff['version']}}}" in text
    for author in cff["authors"]:
        assert citation.person(author) in text
    report = next(ref for ref in cff["references"] if ref["type"] == "report")
    assert " ".join(report["title"].split()) in text
    for author in report["authors"]:
        assert citation.person(author) in text
