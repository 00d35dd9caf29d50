"""The claim-check table: every claim covered, verdicts from findings or from explanations."""

import pandas as pd
import pytest

from lib.checking import CONSISTENT, INCONSISTENT, NOT_CHECKABLE, REMARK, claim_checks, table_markdown, verdicts_by_claim
from lib.integrity import Finding


def _claims():
    return pd.DataFrame({"claim_id": ["C1", "C2", "C3"], "company": ["X"] * 3, "product": [None, "P", None],
                         "metric": ["funding_total", "model_size", "founding_year"], "qualifier": ["at least", None, None],
                         "unit": ["USD million", "MB", "year"], "value_printed": ["1억 달러 이상", "57MB", "2015년"],
                         "period": [None, None, None]})


def test_findings_related_records_and_manual_entries():
    findings = [Finding("funding_claims", "claims", "claim_id=C1", 100.0, 90.0, None, "sum", False),
                Finding("model", "products", "product=P", 64.0, 57.0, None, "table limit", True)]
    table = claim_checks(_claims(), findings, related={"C2": ["product=P"]},
                         manual={"C3": {"verdict": NOT_CHECKABLE, "how": "text only"}})
    assert table["claim_id"].tolist() == ["C1", "C2", "C3"]
    assert table["Verdict"].tolist() == [INCONSISTENT, CONSISTENT, NOT_CHECKABLE]
    assert table.loc[0, "What"] == "X: total funding (at least)" and table.loc[0, "Recomputed"] == "90"
    assert table.loc[2, "Recomputed"] == "–"


def test_an_uncovered_claim_is_an_error():
    with pytest.raises(ValueError, match="C2"):
        claim_checks(_claims(), [Finding("f", "claims", "claim_id=C1", 1.0, 1.0, 0.0, "n", True)],
                     manual={"C3": {"verdict": NOT_CHECKABLE, "how": "text only"}})


def test_as_printed_shows_the_value_read_and_the_printed_text():
    claims = _claims().assign(value=[100.0, 57.0, 2015.0])
    table = claim_checks(claims, [], manual={c: {"verdict": NOT_CHECKABLE, "how": "-"} for c in ["C1", "C2", "C3"]})
    assert table["As printed"].tolist() == ["100 (1억 달러 이상)", "57 (57MB)", "2015 (2015년)"]  # a year has no separator


def test_recomputed_values_keep_units_and_strings():
    claims = _claims().assign(value=[100.0, 57.0, 2015.0])
    findings = [Finding("founding", "claims", "claim_id=C3", 2015.0, 2015.0, 0.0, "companies table", True),
                Finding("dates", "claims", "claim_id=C2", "2021-08", "2021-08", None, "period", True),
                Finding("funding_claims", "claims", "claim_id=C1", 100.0, 1141.3, None, "sum", True)]
    table = claim_checks(claims, findings).set_index("claim_id")
    assert table.loc["C3", "Recomputed"] == "2015" and table.loc["C2", "Recomputed"] == "2021-08"
    assert table.loc["C1", "Recomputed"] == "1,141.3" and table.loc["C1", "How it was checked"] == "sum"


def test_a_transcription_check_is_named_in_plain_words():
    findings = [Finding("printed_amounts", "claims", "claim_id=C1", 100.0, 100.0, 0.0, "value_printed spelled out", True)]
    table = claim_checks(_claims(), findings, manual={c: {"verdict": NOT_CHECKABLE, "how": "-"} for c in ["C2", "C3"]})
    assert table.loc[0, "How it was checked"].startswith("Transcription")


def test_corrections_cover_a_claim_with_their_confidence():
    claims = _claims().assign(value=[100.0, 57.0, 1984.0])
    corrections = pd.DataFrame({"correction_id": ["A9", "A10", "A11"], "dataset": ["claims", "claims", "claims"],
                                "record": ["claim_id=C3", "claim_id=C2", "claim_id=C2"],
                                "field": ["value", "value", "unit"], "corrected_value": ["1993", "15000 (about)", "GB"],
                                "confidence": ["high", "low", "medium"]})
    table = claim_checks(claims, [Finding("f", "claims", "claim_id=C1", 100.0, 90.0, None, "sum", False)],
                         corrections=corrections)
    assert table["claim_id"].tolist() == ["C1", "C2", "C2", "C3"]
    assert table["Verdict"].tolist() == [INCONSISTENT, "flagged (low confidence)", "corrected, medium confidence",
                                         "corrected, high confidence"]
    assert table["Recomputed"].tolist() == ["90", "15000 (about)", "unit: GB", "1993"]
    assert table.loc[3, "How it was checked"] == "Public sources (correction A9)"


def test_a_remark_without_a_verdict_does_not_cover_a_claim():
    manual = {"C1": {"verdict": NOT_CHECKABLE, "how": "-"}, "C2": {"how": "a remark"},
              "C3": {"verdict": NOT_CHECKABLE, "how": "-"}}
    with pytest.raises(ValueError, match="C2"):
        claim_checks(_claims(), [], manual=manual)
    table = claim_checks(_claims(), [Finding("f", "claims", "claim_id=C2", 57.0, 57.0, 0.0, "table", True)],
                         manual=manual)
    assert table[table["claim_id"] == "C2"]["Verdict"].tolist() == [CONSISTENT, REMARK]


def test_verdicts_by_claim_and_markdown():
    table = claim_checks(_claims(), [Finding("f", "claims", "claim_id=C1", 1.0, 1.0, 0.0, "n", True)],
                         manual={"C1": {"verdict": "holds", "how": "-"}, "C2": {"verdict": NOT_CHECKABLE, "how": "-"},
                                 "C3": {"verdict": NOT_CHECKABLE, "how": "-"}})
    verdicts = verdicts_by_claim(table)
    assert list(verdicts.index) == ["C1", "C2", "C3"] and verdicts["C1"] == {CONSISTENT, "holds"}
    assert table_markdown(table).startswith("| Claim | What | Unit | As printed | Recomputed | Verdict |")


def test_what_names_the_product_company_or_segment_and_never_a_blank():
    claims = pd.DataFrame({"claim_id": ["M1", "M2", "M3"], "company": [None, None, "X"], "product": [None, None, None],
                           "segment": ["Total", None, None], "metric": ["market_revenue", "cagr", "founding_year"],
                           "qualifier": [None] * 3, "unit": ["USD million", "percent", "year"],
                           "value_printed": ["444억 달러", "20%", "2015년"], "period": ["2022", None, None]})
    table = claim_checks(claims, [], manual={c: {"verdict": NOT_CHECKABLE, "how": "-"} for c in ["M1", "M2", "M3"]})
    assert table["What"].tolist() == ["Total: market revenue, 2022", "CAGR", "X: year founded"]
