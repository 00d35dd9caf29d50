"""Grading of the corrections' sources: the confidence of each correction follows its best source."""

import pandas as pd
import pytest

from lib import data, integrity, prose


def corrections_frame(rows):
    return pd.DataFrame(rows, columns=["correction_id", "record", "field", "sources", "confidence"])


def sources_frame(rows):
    return pd.DataFrame(rows, columns=["correction_id", "url", "kind", "replacement_url"])


@pytest.mark.parametrize("kinds, ceiling", [
    (["primary"], "high"),
    (["weak", "primary"], "high"),
    (["reputable secondary", "reputable secondary"], "high"),
    (["reputable secondary", "weak", "weak"], "medium"),
    (["weak"], "low"),
    (["weak", "weak", "weak"], "low"),
])
def test_confidence_ceiling(kinds, ceiling):
    assert integrity.confidence_ceiling(kinds) == ceiling


def test_confidence_ceiling_rejects_unknown_kinds():
    with pytest.raises(ValueError):
        integrity.confidence_ceiling(["press"])
    with pytest.raises(ValueError):
        integrity.confidence_ceiling([])


def test_a_weak_link_with_a_primary_replacement_counts_as_primary():
    sources = sources_frame([["A1", "u1", "weak", "https://doi.org/x"], ["A1", "u2", "weak", ""],
                             ["A1", "u3", "reputable secondary", ""]])
    assert integrity.effective_kinds(sources).tolist() == ["primary", "weak", "reputable secondary"]


def test_check_flags_a_confidence_above_what_the_sources_support():
    corrections = corrections_frame([
        ["A1", "r=1", "f", "u1 ; u2", "high"],       # two weak links: at most low
        ["A2", "r=2", "f", "u3", "medium"],           # one reputable: medium is fine
        ["A3", "r=3", "f", "u4", "medium-high"],      # one reputable: medium-high is too high
        ["A4", "r=4", "f", "u5", "low"],              # weak: low is fine
    ])
    sources = sources_frame([["A1", "u1", "weak", ""], ["A1", "u2", "weak", ""],
                             ["A2", "u3", "reputable secondary", ""], ["A3", "u4", "reputable secondary", ""],
                             ["A4", "u5", "weak", ""]])
    problems = integrity.check_correction_confidence(corrections, sources)
    assert len(problems) == 2
    assert problems[0].startswith("A1") and "at most low" in problems[0]
    assert problems[1].startswith("A3") and "at most medium" in problems[1]


def test_check_requires_every_url_graded_and_every_grade_cited():
    corrections = corrections_frame([["A1", "r=1", "f", "u1 ; u2", "low"]])
    sources = sources_frame([["A1", "u1", "weak", ""], ["A1", "u9", "primary", ""]])
    problems = integrity.check_correction_confidence(corrections, sources)
    assert any("ungraded" in p and "u2" in p for p in problems)
    assert any("u9" in p and "not cited" in p for p in problems)


def test_the_data_package_grades_every_source_and_no_confidence_is_too_high():
    corrections, sources = data.load("corrections"), data.load("correction_sources")
    assert integrity.check_correction_confidence(corrections, sources) == []
    cited = {(r.correction_id, url.strip()) for r in corrections.itertuples() for url in r.sources.split(" ; ")}
    assert cited == set(zip(sources["correction_id"], sources["url"]))


def test_lowered_corrections_say_so_in_their_explanation():
    corrections = data.load("corrections")
    for cid, confidence in [("A2", "low"), ("A24", "low"), ("A25", "medium")]:
        rows = corrections[corrections["correction_id"] == cid]
        assert (rows["confidence"] == confidence).all(), cid
        assert rows["explanation"].str.contains("Confidence lowered").all(), cid


def test_weak_sources_named_in_the_review_are_graded_weak():
    sources = data.load("correction_sources").set_index("url")
    for fragment in ["pages.dev", "github-wiki-see.page", "headlinereader.com/click", "gwern.net", "shamra-academia"]:
        kinds = sources.loc[sources.index.str.contains(fragment, regex=False), "kind"].astype(str)
        assert len(kinds) and (kinds == "weak").all(), fragment
    driver = sources.loc["https://www.nvidia.com/download/driverResults.aspx/190729"]
    assert driver["replacement_url"] == "https://www.nvidia.com/en-us/data-center/a100/"


def test_replacements_are_primary_references_not_other_copies():
    sources = data.load("correction_sources")
    replacements = set(sources["replacement_url"].dropna()) - {""}
    assert replacements
    for url in replacements:
        assert url.startswith(("https://doi.org/", "https://cloud.google.com/", "https://www.nvidia.com/",
                               "https://www.youtube.com/watch?v=j0z4FweCy4M")), url


def test_correction_note_flags_low_confidence_and_grades_sources():
    corrections = pd.DataFrame({
        "correction_id": ["B1", "B2"], "dataset": ["claims", "claims"], "record": ["claim_id=C001", "claim_id=C002"], "field": ["f", "f"],
        "printed_value": ["1", "2"], "corrected_value": ["10", "20"], "explanation": ["Why.", "Why."],
        "sources": ["https://weak.example/a ; https://news.example/b", "https://copy.example/c"],
        "confidence": ["low", "high"]})
    sources = pd.DataFrame({
        "correction_id": ["B1", "B1", "B2"],
        "url": ["https://weak.example/a", "https://news.example/b", "https://copy.example/c"],
        "kind": ["weak", "reputable secondary", "weak"],
        "replacement_url": ["", "", "https://doi.org/10.1/x"]})
    low = prose.correction_note("B1", corrections=corrections, sources=sources).data
    assert "flagged: low confidence" in low and ":class: warning" in low
    assert "[1](https://weak.example/a) (weak)" in low and "[2](https://news.example/b) (secondary)" in low
    high = prose.correction_note("B2", corrections=corrections, sources=sources).data
    assert ":class: note" in high and "flagged" not in high
    assert "[1](https://doi.org/10.1/x) (primary; in place of [a weak copy](https://copy.example/c))" in high
    # one primary page standing in for two weak copies names them once, lettered; links are set apart
    two = sources.assign(correction_id="B1", replacement_url=["https://doi.org/10.1/y", "", "https://doi.org/10.1/y"])
    links = prose.source_links("B1", "https://weak.example/a ; https://news.example/b ; https://copy.example/c", two)
    assert links == ("[1](https://doi.org/10.1/y) (primary; in place of weak copies [a](https://weak.example/a), "
                     "[b](https://copy.example/c)) · [2](https://news.example/b) (secondary)")
