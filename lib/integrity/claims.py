"""Claims among themselves and against the funding tables: restatements, Korean amounts, funding totals and rounds."""

from __future__ import annotations

import pandas as pd

from lib.integrity.core import Finding, _numeric, _qualified, _record, _str, korean_number

def check_restated_claims(claims: pd.DataFrame) -> list[Finding]:
    """A figure stated in more than one section must be stated the same way each time.

    Claims are grouped on company, product, segment, metric, qualifier, unit and
    period; every later statement is compared with the first.
    """
    keys = ["company", "product", "segment", "metric", "qualifier", "unit", "period"]
    frame = claims.copy()
    for key in keys:
        frame[key] = frame[key].astype("string").fillna("")
    findings = []
    for _, group in frame.groupby(keys, sort=False):
        if len(group) < 2:
            continue
        first = group.iloc[0]
        for later in group.iloc[1:].itertuples():
            findings.append(_numeric("restated_claims", "claims", _record(claim_id=later.claim_id), later.value, first.value, 0.0,
                                     f"{later.metric} restated in {later.report_section}; first stated as {first.claim_id}"))
    return findings


def check_printed_amounts(funding_rounds: pd.DataFrame, claims: pd.DataFrame, wse: pd.DataFrame) -> list[Finding]:
    """Amounts written in Korean units (억, 만, 조) against the numbers stored beside them.

    A check of the transcription: ``amount_printed`` of every funding round,
    ``value_printed`` of every claim in a currency, and the Cerebras transistor
    counts must spell out the stored value.
    """
    findings = []
    currency_word = {"USD": "달러", "EUR": "유로"}
    for row in funding_rounds.itertuples():
        record = _record(company=row.company, date=row.date.strftime("%Y-%m"), round=row.round)
        findings.append(_numeric("printed_amounts", "funding_rounds", record, korean_number(row.amount_printed) / 1e6,
                                 row.amount_million, 0.0, "amount_printed spelled out, in millions"))
        if currency_word[str(row.currency)] not in row.amount_printed:
            findings.append(Finding("printed_amounts", "funding_rounds", record, row.amount_printed, str(row.currency),
                                    None, "currency word of amount_printed against currency", False))
    money = claims[claims["unit"].astype(str).str.contains("million")]
    for row in money.itertuples():
        findings.append(_numeric("printed_amounts", "claims", _record(claim_id=row.claim_id),
                                 korean_number(row.value_printed) / 1e6, row.value, 0.0, "value_printed spelled out, in millions"))
    for row in wse.itertuples():
        findings.append(_numeric("printed_amounts", "cerebras_wse", _record(generation=row.generation),
                                 korean_number(row.transistors_printed) / 1e12, row.transistors_trillion, 0.0,
                                 "transistors_printed spelled out, in trillions"))
    return findings


# --- funding -------------------------------------------------------------------------------------

_ROUND_METRICS = {f"series_{letter}_amount": f"Series {letter.upper()}" for letter in "abcde"}


def check_funding_claims(claims: pd.DataFrame, funding_rounds: pd.DataFrame) -> list[Finding]:
    """Funding totals and named rounds in the prose against the funding tables.

    Totals add the USD rounds only: a EUR round (Hailo's 2019 grant) is not
    converted, and the note says how much was left out. A total "to YYYY-MM"
    adds the rounds up to that month; a named round ("Series A in 2018") adds the
    rounds of that type in the printed year or month.
    """
    findings = []
    for row in claims[claims["metric"].isin(["funding_total", *_ROUND_METRICS])].itertuples():
        rounds = funding_rounds[funding_rounds["company"] == row.company]
        period = _str(row.period)
        if row.metric == "funding_total":
            if period.startswith("to "):
                rounds = rounds[rounds["date"] <= pd.Timestamp(period[3:])]
            what = f"sum of {row.company}'s USD rounds" + (f" {period}" if period else "")
        else:
            rounds = rounds[rounds["round_type"] == _ROUND_METRICS[row.metric]]
            if period:
                rounds = rounds[rounds["date"].dt.strftime("%Y-%m" if len(period) == 7 else "%Y") == period]
            what = f"{row.company}'s {_ROUND_METRICS[row.metric]} rounds in {period}"
        usd = rounds[rounds["currency"] == "USD"]["amount_million"].sum()
        other = rounds[rounds["currency"] != "USD"]
        if len(other):
            what += "; " + ", ".join(f"{a:g} {c} million" for a, c in zip(other["amount_million"], other["currency"])) + " not added"
        findings.append(_qualified("funding_claims", "claims", _record(claim_id=row.claim_id), _str(row.qualifier),
                                   row.value, usd, row.printed_resolution, what))
    return findings
