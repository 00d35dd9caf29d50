"""The "checking the figures" table of a chapter: every numeric claim of a section, one verdict each.

:func:`claim_checks` joins the claims of one report section with the findings of
:mod:`lib.integrity` about them. A claim no check covers must be given an entry in
``manual`` (what it was compared with, or why the report's own tables cannot
test it), so a chapter's table always covers every claim of its section.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

import pandas as pd

from lib.integrity import Finding

CONSISTENT = "consistent"
INCONSISTENT = "does not add up"
NOT_CHECKABLE = "not checkable from the report"


def _fmt(value) -> str:
    if isinstance(value, float):
        return f"{value:,.6g}"
    return str(value)


def _what(claim) -> str:
    metric = str(claim.metric).replace("_", " ")
    product = claim.product if isinstance(claim.product, str) and claim.product else claim.company
    period = f" ({claim.period})" if isinstance(claim.period, str) and claim.period else ""
    return f"{product}: {metric}{period}"


def claim_checks(claims: pd.DataFrame, findings: Iterable[Finding], *,
                 related: Mapping[str, Iterable[str]] | None = None,
                 manual: Mapping[str, Mapping[str, str]] | None = None) -> pd.DataFrame:
    """One row per comparison made for each claim of ``claims``.

    Parameters
    ----------
    claims : DataFrame
        Rows of ``claims`` (one report section).
    findings : iterable of Finding
        Usually :func:`lib.integrity.all_findings`; those whose ``record`` is
        ``claim_id=<id>`` belong to that claim.
    related : mapping, optional
        ``claim_id -> records`` of findings about other datasets that test the
        same figure (e.g. a table row the claim is compared with).
    manual : mapping, optional
        ``claim_id -> {"computed": ..., "verdict": ..., "how": ...}`` for claims
        no automatic check covers.

    Returns
    -------
    DataFrame
        Columns ``claim_id``, ``What``, ``Unit``, ``As printed``, ``Recomputed``,
        ``Verdict`` and ``How it was checked``.

    Raises
    ------
    ValueError
        If a claim is neither covered by a finding nor listed in ``manual``.
    """
    by_record: dict[str, list[Finding]] = {}
    for finding in findings:
        by_record.setdefault(finding.record, []).append(finding)
    related = related or {}
    manual = manual or {}
    rows, uncovered = [], []
    for claim in claims.itertuples():
        records = [f"claim_id={claim.claim_id}", *related.get(claim.claim_id, [])]
        found = [f for record in records for f in by_record.get(record, [])]
        base = {"claim_id": claim.claim_id, "What": _what(claim), "Unit": claim.unit, "As printed": claim.value_printed}
        for finding in found:
            rows.append({**base, "Recomputed": _fmt(finding.computed),
                         "Verdict": CONSISTENT if finding.consistent else INCONSISTENT, "How it was checked": finding.note})
        if claim.claim_id in manual:
            entry = manual[claim.claim_id]
            rows.append({**base, "Recomputed": entry.get("computed", "–"), "Verdict": entry["verdict"],
                         "How it was checked": entry["how"]})
        if not found and claim.claim_id not in manual:
            uncovered.append(claim.claim_id)
    if uncovered:
        raise ValueError(f"claims neither checked nor explained: {uncovered}")
    return pd.DataFrame(rows, columns=["claim_id", "What", "Unit", "As printed", "Recomputed", "Verdict",
                                       "How it was checked"])
