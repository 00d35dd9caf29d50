"""The "checking the figures" table of a chapter: every numeric claim of a section, with its verdicts.

:func:`claim_checks` joins the claims of one report section with the findings of
:mod:`lib.integrity` about them, and with the corrections that touch them. A claim
no check and no correction covers must be given an entry in ``manual`` (what it
was compared with, or why the report's own tables cannot test it), so a chapter's
table always covers every claim of its section. The table has one row per
comparison: a claim checked two ways (say, its sum and its Korean spelling) has
two rows.

A chapter shows the table with :func:`table_markdown` and counts claims with
:func:`verdicts_by_claim`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

import pandas as pd

from lib.catalogue import markdown_table
from lib.integrity import Finding

__all__ = ["CONSISTENT", "INCONSISTENT", "NOT_CHECKABLE", "REMARK", "COLUMNS", "METRIC_LABELS", "CHECK_NOTES", "TABLE_NAMES",
           "claim_checks", "table_markdown", "verdicts_by_claim"]

CONSISTENT = "consistent"
INCONSISTENT = "does not add up"
NOT_CHECKABLE = "not checkable from the report"
REMARK = "remark (judged in the claim's other rows)"
"""Verdict cell of a ``manual`` entry that only adds a remark to a claim other rows judge."""

COLUMNS = ["claim_id", "What", "Unit", "As printed", "Recomputed", "Verdict", "How it was checked"]
"""Columns of :func:`claim_checks`."""

METRIC_LABELS = {
    "founding_year": "year founded", "funding_total": "total funding", "valuation": "valuation",
    "series_a_amount": "Series A round", "series_b_amount": "Series B round", "series_c_amount": "Series C round",
    "series_d_amount": "Series D round", "series_e_amount": "Series E round", "speedup_vs_previous_generation": "speed-up over the previous generation",
    "optimised_functions": "optimised functions", "mac_per_cycle": "MACs per cycle", "flash_memory": "flash memory",
    "sdram": "SDRAM", "cortex_m4_cpus": "Arm Cortex-M4 CPUs", "sram_smaller_option": "SRAM, smaller option",
    "sram_larger_option": "SRAM, larger option", "aa_batteries": "AA batteries per device",
    "battery_life": "battery life", "model_size": "model size", "battery_operation": "time on battery",
    "frvt_lightweight_models": "lightweight models in NIST FRVT", "frvt_lightweight_rank": "rank among them",
    "frvt_visa_rank": "rank, FRVT VISA category", "frvt_mugshot_rank": "rank, FRVT Mugshot category",
    "accelerators_per_aws_instance": "accelerators per AWS instance", "ai_cores": "AI cores",
    "ai_share_of_system_semiconductors": "AI share of system semiconductors",
    "bert_development_time_after": "BERT development time, after", "bert_development_time_before":
    "BERT development time, before", "bert_throughput": "BERT throughput", "cabinets_per_exapod": "cabinets per ExaPOD",
    "cagr": "CAGR", "chips_in_voyager": "chips in Voyager", "cpu_equivalents": "CPU equivalents",
    "d1_chips_per_tile": "D1 chips per tile", "ethernet_port_speed": "Ethernet port speed", "ethernet_ports":
    "Ethernet ports", "fp16_speedup": "FP16 speed-up", "gpus_for_bert_dlrm": "GPUs for BERT and DLRM",
    "gpus_matched_by_one_chip": "GPUs matched by one chip", "nvlink_bandwidth": "NVLink bandwidth",
    "pcie_modules": "PCIe modules", "peak_performance_int8": "peak performance, INT8",
    "per_chip_speedup_vs_v3": "per-chip speed-up over v3", "resnet50_throughput": "ResNet-50 throughput",
    "revenue_growth_yoy": "revenue growth, year on year", "yoy_growth": "year-on-year growth",
}
"""Plain-English names of claim metrics; others are shown with underscores as spaces."""

CHECK_NOTES = {
    "printed_amounts": "Transcription: the Korean amount spelled out (억 = 10⁸, 만 = 10⁴)",
    "prose_against_tables": "The text's figure against the same figure in the report's {table}",
}
"""Plain-English descriptions that replace a check's technical note (``{table}``: the table compared with)."""

TABLE_NAMES = {
    "cerebras_wse": "WSE comparison table", "tpu_generations": "TPU table", "hailo8_products": "product table",
    "kneron_products": "product table", "nvidia_investments_2021": "table of 2021 investments",
}
"""Plain-English names of the report's tables that the text's figures are compared with."""


def _how(finding: Finding) -> str:
    """How a finding was made, in words."""
    if finding.check not in CHECK_NOTES:
        return finding.note
    dataset = finding.note.removeprefix("prose against ").split(" ", 1)[0]
    return CHECK_NOTES[finding.check].format(table=TABLE_NAMES.get(dataset, "tables"))


def _empty(value) -> bool:
    return value is None or (not isinstance(value, str) and pd.isna(value)) or value == ""


def _fmt(value, unit=None) -> str:
    """A number for a table cell: years without a separator, others to six significant digits.

    >>> _fmt(2017.0, "year"), _fmt(1141.3), _fmt(2.7126734), _fmt(3_000_000.0), _fmt("2021-08")
    ('2017', '1,141.3', '2.71267', '3,000,000', '2021-08')
    """
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return str(value)
    if str(unit) == "year":
        return f"{value:.0f}"
    return f"{value:,.6g}" if abs(value) < 1e6 else f"{value:,.0f}"


def _number_or_text(value):
    """A correction's value as a number where it is one ("25000" -> 25000.0), else as it stands."""
    try:
        return float(value)
    except (TypeError, ValueError):
        return value


def _what(claim) -> str:
    metric = METRIC_LABELS.get(str(claim.metric), str(claim.metric).replace("_", " "))
    if not _empty(claim.qualifier):
        metric += f" ({claim.qualifier})"
    subject = next((v for v in (claim.product, claim.company, getattr(claim, "segment", None)) if not _empty(v)), "")
    period = "" if _empty(claim.period) else f", {claim.period}"
    return f"{subject}: {metric}{period}" if subject else f"{metric[:1].upper()}{metric[1:]}{period}"


def _as_printed(claim) -> str:
    """The claim's value as the book reads it, then the report's own text."""
    value = getattr(claim, "value", None)
    if _empty(value):
        return str(claim.value_printed)
    return f"{_fmt(float(value), claim.unit)} ({claim.value_printed})"


def _correction_rows(corrections: pd.DataFrame | None) -> dict[str, list]:
    """``claim_id -> corrections`` of ``claims`` records."""
    rows: dict[str, list] = {}
    if corrections is not None:
        for fix in corrections[corrections["dataset"] == "claims"].itertuples():
            rows.setdefault(fix.record.split("=", 1)[1], []).append(fix)
    return rows


def _correction_row(fix, unit) -> dict[str, str]:
    """The Recomputed, Verdict and How cells of one correction of a claim."""
    if fix.field == "value":
        corrected = _fmt(_number_or_text(fix.corrected_value), unit)
    else:
        corrected = f"{fix.field}: {fix.corrected_value}"
    verdict = "flagged (low confidence)" if fix.confidence == "low" else f"corrected, {fix.confidence} confidence"
    return {"Recomputed": corrected, "Verdict": verdict,
            "How it was checked": f"Public sources (correction {fix.correction_id})"}


def claim_checks(claims: pd.DataFrame, findings: Iterable[Finding], *,
                 related: Mapping[str, Iterable[str]] | None = None,
                 manual: Mapping[str, Mapping[str, str]] | None = None,
                 corrections: pd.DataFrame | None = None) -> pd.DataFrame:
    """One row per comparison made for each claim of ``claims``.

    Parameters
    ----------
    claims : DataFrame
        Rows of ``claims`` (one report section, or any selection of claims).
    findings : iterable of Finding
        Usually :func:`lib.integrity.all_findings`, or the checks a chapter
        runs; those whose ``record`` is ``claim_id=<id>`` belong to that claim.
    related : mapping, optional
        ``claim_id -> records`` of findings about other datasets that test the
        same figure (e.g. a table row the claim is compared with).
    manual : mapping, optional
        ``claim_id -> {"computed": ..., "verdict": ..., "how": ...}`` for claims
        no automatic check covers, or a comparison the checks do not make
        (``computed`` may be left out: it is shown as "–"). An entry without a
        ``verdict`` only adds a remark to a claim that other rows judge; it
        does not cover the claim by itself.
    corrections : DataFrame, optional
        ``corrections``; each correction of a claim adds a row with the
        corrected value and the verdict "corrected, <confidence> confidence"
        ("flagged (low confidence)" where the confidence is low).

    Returns
    -------
    DataFrame
        Columns ``claim_id``, ``What``, ``Unit``, ``As printed`` (the value read
        from the report, then the printed text), ``Recomputed``, ``Verdict`` and
        ``How it was checked``, in claim order.

    Raises
    ------
    ValueError
        If a claim is covered by no finding, no correction and no ``manual`` entry.

    Examples
    --------
    >>> claims = pd.DataFrame({"claim_id": ["C1"], "company": ["X"], "product": [None], "metric": ["founding_year"],
    ...                        "qualifier": [None], "value": [2017.0], "unit": ["year"], "value_printed": ["2017년"],
    ...                        "period": [None]})
    >>> found = Finding("founding", "claims", "claim_id=C1", 2017.0, 2017.0, 0.0, "companies table", True)
    >>> claim_checks(claims, [found]).loc[0, ["What", "As printed", "Recomputed", "Verdict"]].tolist()
    ['X: year founded', '2017 (2017년)', '2017', 'consistent']
    """
    by_record: dict[str, list[Finding]] = {}
    for finding in findings:
        by_record.setdefault(finding.record, []).append(finding)
    related = related or {}
    manual = manual or {}
    fixes = _correction_rows(corrections)
    rows, uncovered = [], []
    for claim in claims.itertuples():
        records = [f"claim_id={claim.claim_id}", *related.get(claim.claim_id, [])]
        found = [f for record in records for f in by_record.get(record, [])]
        base = {"claim_id": claim.claim_id, "What": _what(claim), "Unit": str(claim.unit),
                "As printed": _as_printed(claim)}
        for finding in found:
            rows.append({**base, "Recomputed": _fmt(finding.computed, claim.unit),
                         "Verdict": CONSISTENT if finding.consistent else INCONSISTENT,
                         "How it was checked": _how(finding)})
        for fix in fixes.get(claim.claim_id, []):
            rows.append({**base, **_correction_row(fix, claim.unit)})
        entry = manual.get(claim.claim_id)
        if entry is not None:
            rows.append({**base, "Recomputed": entry.get("computed", "–"), "Verdict": entry.get("verdict", REMARK),
                         "How it was checked": entry["how"]})
        if not found and claim.claim_id not in fixes and (entry is None or "verdict" not in entry):
            uncovered.append(claim.claim_id)
    if uncovered:
        raise ValueError(f"claims neither checked nor explained: {uncovered}")
    return pd.DataFrame(rows, columns=COLUMNS)


def verdicts_by_claim(checked: pd.DataFrame) -> pd.Series:
    """The set of verdicts of each claim of a :func:`claim_checks` table, indexed by claim ID.

    >>> table = pd.DataFrame({"claim_id": ["C1", "C1", "C2"], "Verdict": [CONSISTENT, INCONSISTENT, CONSISTENT]})
    >>> verdicts_by_claim(table).map(sorted).to_dict()
    {'C1': ['consistent', 'does not add up'], 'C2': ['consistent']}
    """
    return checked.groupby("claim_id", sort=False)["Verdict"].agg(lambda v: frozenset(v))


def table_markdown(checked: pd.DataFrame) -> str:
    """A :func:`claim_checks` table as a Markdown table for the page (``claim_id`` shown as "Claim")."""
    return markdown_table(checked.rename(columns={"claim_id": "Claim"}))
