"""Recompute what the report states from its own figures.

Every check is a pure function of DataFrames shaped like the output of
:func:`lib.data.load`. It returns one :class:`Finding` per comparison it makes,
consistent or not, so that a chapter can show what was checked as well as what
failed. :func:`run_all_checks` loads the data package, runs every check and
returns only the discrepancies; ``data/data_notes.csv`` records those, and
``tests/test_integrity.py`` keeps the two in step.

The checks live in one module per topic (:mod:`lib.integrity.market`,
:mod:`lib.integrity.claims`, :mod:`lib.integrity.companies`, :mod:`lib.integrity.sources`
for the grading of the corrections' sources; :mod:`lib.integrity.core`
holds :class:`Finding` and the tolerance helpers) and are re-exported here, so
``from lib import integrity; integrity.check_market_cagr(...)`` works whatever
module holds the check. A chapter's "checking the figures" table is built by
:mod:`lib.checking`.

Tolerances
----------
A printed figure is taken to be rounded to its last printed digit, so it may
differ from the exact value by half a step of that digit (the claim's
``printed_resolution`` / 2, or half the last decimal of a table cell). On top of
that, two kinds of input are told apart:

* **Figures computed by the report's source from unrounded data.** Gartner's
  CAGR column, and the growth rates and shares the prose quotes from Gartner,
  were worked out from Gartner's own, unrounded revenue. The table shows that
  revenue rounded to USD 1 million, so a rate recomputed from the table can be
  off by what that rounding allows. The check takes every pair of inputs within
  half a million of the printed cells, computes the range of rates they give,
  and accepts the printed rate if it lies within half a printed digit of that
  range. Without this allowance six of the seventeen printed CAGRs would fail
  purely through rounding: Storage's 2021 revenue is printed as 7, while its
  95.8 % CAGR implies 6.7.
* **Figures derived from the printed cells themselves.** The "Increase" column
  and the transistor density of the Cerebras table carry more digits than the
  cells they come from (2.17x from "1.2" and "2.6" trillion), so they can only
  have been computed from those printed values. They get no propagation
  allowance: only half their own last digit.

Sums of table cells (column totals) are allowed half a unit per summed cell.
Claims with a qualifier are tested as inequalities ("more than 1,100" holds if
the sum exceeds 1,100).

Weak by construction: "TPU v4 is about twice as fast as v3" against "a 4,096-chip
pod gives 1 EFLOPS" and the table's v3 peak (:func:`check_tpu_pod_speedup`). One
significant figure on both sides makes any result between about 1.4x and 4x
consistent, so the comparison cannot fail; it is run so that the chapter can
show the point value.
"""

from __future__ import annotations

from typing import Callable

import pandas as pd

from lib.integrity.claims import check_funding_claims, check_printed_amounts, check_restated_claims
from lib.integrity.companies import (FULL_RACK_UNITS, RACK_UNIT_INCHES, check_cs2_rack, check_dojo_hierarchy,
                                     check_graphcore_platform_processors, check_graphcore_platforms,
                                     check_kneron_model_size, check_nervana_timeline, check_prose_against_tables,
                                     check_tpu_pod_speedup, check_wse_density, check_wse_increase)
from lib.integrity.core import Finding, cagr_bounds, korean_number, ranges_overlap
from lib.integrity.market import check_market_cagr, check_market_claims, check_market_tables_agree, check_market_totals
from lib.integrity.sources import (CONFIDENCE_ORDER, check_correction_confidence, confidence_ceiling,
                                   effective_kinds)

__all__ = [
    "Finding",
    "korean_number",
    "check_market_totals",
    "check_market_tables_agree",
    "check_market_cagr",
    "cagr_bounds",
    "ranges_overlap",
    "check_market_claims",
    "check_restated_claims",
    "check_printed_amounts",
    "check_funding_claims",
    "check_dojo_hierarchy",
    "check_graphcore_platforms",
    "check_graphcore_platform_processors",
    "check_wse_increase",
    "check_wse_density",
    "check_prose_against_tables",
    "check_kneron_model_size",
    "check_nervana_timeline",
    "check_cs2_rack",
    "RACK_UNIT_INCHES",
    "FULL_RACK_UNITS",
    "check_tpu_pod_speedup",
    "CONFIDENCE_ORDER",
    "confidence_ceiling",
    "effective_kinds",
    "check_correction_confidence",
    "all_findings",
    "run_all_checks",
]


# --- running everything --------------------------------------------------------------------------

def all_findings(load: Callable[[str], pd.DataFrame] | None = None) -> list[Finding]:
    """Run every check on the data package and return every finding, consistent or not.

    Parameters
    ----------
    load : callable, optional
        ``name -> DataFrame``; :func:`lib.data.load` by default.
    """
    if load is None:
        from lib.data import load
    names = ["market_by_application", "market_by_device", "market_printed_totals", "market_printed_cagr", "claims",
             "funding_rounds", "graphcore_ipu_platforms", "graphcore_ipu_processors", "cerebras_wse", "cerebras_wse_increase", "tpu_generations",
             "hailo8_products", "kneron_products", "nvidia_investments_2021", "acquisitions_investments"]
    d = {name: load(name) for name in names}
    claims, totals = d["claims"], d["market_printed_totals"]
    findings = []
    for table in ("application", "device"):
        findings += check_market_totals(d[f"market_by_{table}"], totals, table)
        findings += check_market_cagr(d[f"market_by_{table}"], totals, d["market_printed_cagr"], table)
    findings += check_market_tables_agree(totals)
    findings += check_market_claims(claims, d["market_by_application"], d["market_by_device"], totals)
    findings += check_restated_claims(claims)
    findings += check_printed_amounts(d["funding_rounds"], claims, d["cerebras_wse"])
    findings += check_funding_claims(claims, d["funding_rounds"])
    findings += check_dojo_hierarchy(claims)
    findings += check_graphcore_platforms(d["graphcore_ipu_platforms"])
    findings += check_graphcore_platform_processors(d["graphcore_ipu_platforms"], d["graphcore_ipu_processors"])
    findings += check_wse_increase(d["cerebras_wse"], d["cerebras_wse_increase"])
    findings += check_wse_density(d["cerebras_wse"])
    findings += check_prose_against_tables(claims, d)
    findings += check_kneron_model_size(claims, d["kneron_products"])
    findings += check_nervana_timeline(claims, d["acquisitions_investments"])
    findings += check_tpu_pod_speedup(claims, d["tpu_generations"])
    return findings


def run_all_checks(load: Callable[[str], pd.DataFrame] | None = None) -> list[Finding]:
    """Run every check and return only the discrepancies (findings beyond tolerance).

    Examples
    --------
    >>> sorted({f.check for f in run_all_checks()})  # doctest: +SKIP
    ['dojo_hierarchy', 'funding_claims', ...]
    """
    return [finding for finding in all_findings(load) if not finding.consistent]
