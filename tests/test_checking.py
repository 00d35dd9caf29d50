"""The claim-check table: every claim covered, verdicts from findings or from explanations."""

import pandas as pd
import pytest

from lib.checking import CONSISTENT, INCONSISTENT, NOT_CHECKABLE, claim_checks
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
