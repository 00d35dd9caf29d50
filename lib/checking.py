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


METRIC_LABELS = {
    "founding_year": "year founded", "funding_total": "total funding", "valuation": "valuation",
    "series_a_amount": "Series A round", "speedup_vs_previous_generation": "speed-up over the previous generation",
    "optimised_functions": "optimised functions", "mac_per_cycle": "MACs per cycle", "flash_memory": "flash memory",
    "sdram": "SDRAM", "cortex_m4_cpus": "Arm Cortex-M4 CPUs", "sram_smaller_option": "SRAM, smaller option",
    "sram_larger_option": "SRAM, larger option", "aa_batteries": "AA batteries per device",
    "battery_life": "battery life", "model_size": "model size", "battery_operation": "time on battery",
    "frvt_lightweight_models": "lightweight models in NIST FRVT", "frvt_lightweight_rank": "rank among them",
    "frvt_visa_rank": "rank, FRVT VISA category", "frvt_mugshot_rank": "rank, FRVT Mugshot category",
}
"""Plain-English names of claim metrics; others are shown with underscores as spaces."""

CHECK_NOTES = {
    "printed_amounts": "Transcription: the printed Korean amount spelled out (억 = 10⁸, 만 = 10⁴), in millions",
    "prose_against_tables": "The text's figure against the same figure in the report's product table",
}
"""Plain-English descriptions that replace a check's technical note."""


def _what(claim) -> str:
    metric = METRIC_LABELS.get(str(claim.metric), str(claim.metric).replace("_", " "))
    if isinstance(claim.qualifier, str) and claim.qualifier:
        metric += f" ({claim.qualifier})"
    product = claim.product if isinstance(claim.product, str) and claim.product else claim.company
    period = f", {claim.period}" if isinstance(claim.period, str) and claim.period else ""
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
                         "Verdict": CONSISTENT if finding.consistent else INCONSISTENT,
                         "How it was checked": CHECK_NOTES.get(finding.check, finding.note)})
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
