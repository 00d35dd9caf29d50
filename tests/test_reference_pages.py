"""The glossary and the references: terms parse, every citation resolves to references.bib."""

import re
from pathlib import Path

import pytest
from pybtex.database import parse_file

ROOT = Path(__file__).resolve().parent.parent
GLOSSARY = ROOT / "chapters" / "glossary.md"
HANGUL = re.compile(r"[\uac00-\ud7a3]")
CITE = re.compile(r"\{cite(?::[a-z]+)?\}`([^`]+)`")


def glossary_entries(text: str) -> list[tuple[str, str]]:
    """(term, definition) pairs of the ```{glossary} block of a MyST page."""
    block = re.search(r"```\{glossary\}\n(.*?)\n```", text, re.S)
    assert block, "no glossary directive"
    lines = [line for line in block.group(1).splitlines() if not line.startswith(":")]
    entries, term = [], None
    for line in lines:
        if not line.strip():
            continue
        if not line.startswith(" "):
            term = line.strip()
            entries.append([term, ""])
        else:
            assert term is not None, f"definition without a term: {line!r}"
            entries[-1][1] += " " + line.strip()
    return [(t, d.strip()) for t, d in entries]


def english(term: str) -> str:
    return term.split(" (")[0].strip().lower()


@pytest.fixture(scope="module")
def entries():
    return glossary_entries(GLOSSARY.read_text(encoding="utf-8"))


def test_glossary_has_at_least_seventy_defined_terms(entries):
    assert len(entries) >= 70
    assert all(len(definition.split()) >= 8 for _, definition in entries), [t for t, d in entries if len(d.split()) < 8]


def test_every_term_has_a_korean_gloss_in_parentheses(entries):
    for term, _ in entries:
        gloss = re.search(r"\(([^)]*)\)\s*$", term)
        assert gloss and HANGUL.search(gloss.group(1)), term


def test_no_term_is_defined_twice(entries):
    terms = [term.lower() for term, _ in entries]
    heads = [english(term) for term, _ in entries]
    assert len(set(terms)) == len(terms)
    assert len(set(heads)) == len(heads), sorted(h for h in heads if heads.count(h) > 1)


def test_cross_references_point_at_defined_terms(entries):
    defined = {term.lower() for term, _ in entries}
    targets = [m.group(2) or m.group(1)
               for _, definition in entries
               for m in re.finditer(r"\{term\}`([^`<]+?)(?:\s*<([^>]+)>)?`", definition)]
    assert len(targets) >= 70, "definitions should link related terms"
    assert {t.strip().lower() for t in targets} <= defined, {t for t in targets if t.strip().lower() not in defined}


def test_glossary_terms_linked_from_chapters_exist(entries):
    defined = {term.lower() for term, _ in entries}
    for page in [*sorted((ROOT / "chapters").glob("*.md")), ROOT / "intro.md"]:
        for m in re.finditer(r"\{term\}`([^`<]+?)(?:\s*<([^>]+)>)?`", page.read_text(encoding="utf-8")):
            assert (m.group(2) or m.group(1)).strip().lower() in defined, (page.name, m.group(0))


# --- references -------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def bib():
    return parse_file(str(ROOT / "references.bib"))


def cited_keys(path: Path) -> list[str]:
    return [key.strip() for m in CITE.finditer(path.read_text(encoding="utf-8")) for key in m.group(1).split(",")]


def test_every_cite_key_exists_in_references_bib(bib):
    pages = [*sorted((ROOT / "chapters").glob("*.md")), ROOT / "intro.md"]
    cited = {page.name: cited_keys(page) for page in pages}
    assert cited["intro.md"] and cited["data_catalogue.md"], "the landing page and the catalogue cite sources"
    for page, keys in cited.items():
        assert set(keys) <= set(bib.entries), (page, set(keys) - set(bib.entries))


def test_the_report_and_its_credited_sources_are_in_the_bibliography(bib):
    report = bib.entries["kisdi2022aitrend"]
    assert report.fields["year"] == "2022" and report.fields["number"] == "2022-9"
    assert [str(p) for p in report.persons["author"]][0].startswith("{권현정")
    for key in ["kisdi2021acceleration", "gartner2022forecast", "mckinsey2018hardware", "jouppi2021", "tesla_aiday2021",
                "anandtech2021wse2", "cerebras2021cs2whitepaper", "sambanova2021rda", "crunchbase_cerebras"]:
        assert key in bib.entries, key
    assert bib.entries["jouppi2021"].fields["doi"] == "10.1109/ISCA52012.2021.00010"
    assert bib.entries["jouppi2017"].fields["doi"] == "10.1145/3079856.3080246"


def test_every_graded_correction_source_has_its_entry(bib):
    import pandas as pd

    sources = pd.read_csv(ROOT / "data" / "correction_sources.csv", dtype=str, keep_default_na=False)
    assert set(sources["bibtex_key"]) <= set(bib.entries)
    urls = {entry.fields.get("url", "") for entry in bib.entries.values()}
    for row in sources.itertuples():
        shown = row.replacement_url or row.url
        assert shown in urls or bib.entries[row.bibtex_key].fields.get("doi", "") in shown, (row.correction_id, shown)


def test_no_weak_copy_with_a_replacement_is_cited_itself(bib):
    import pandas as pd

    sources = pd.read_csv(ROOT / "data" / "correction_sources.csv", dtype=str, keep_default_na=False)
    replaced = set(sources.loc[(sources["kind"] == "weak") & (sources["replacement_url"] != ""), "url"])
    urls = {entry.fields.get("url", "") for entry in bib.entries.values()}
    assert not replaced & urls
