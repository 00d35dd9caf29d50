"""The market-outlook tables: column totals, the two tables against each other, CAGRs and the prose's market figures."""

from __future__ import annotations

import pandas as pd

from lib.integrity.core import Finding, _cagr_pct, _interval, _numeric, _ratio_range, _record, cagr_bounds

def check_market_totals(segments: pd.DataFrame, totals: pd.DataFrame, table: str) -> list[Finding]:
    """Each year's sum of the segment rows against the printed total row.

    Tolerance: half a unit (USD 0.5 million) per summed row, since each cell is
    rounded to the unit.
    """
    findings = []
    printed = totals[totals["table"] == table].set_index("year")["total_usd_million"]
    for year, group in segments.groupby("year"):
        findings.append(_numeric(
            "market_totals", "market_printed_totals", _record(table=table, year=year), printed[year],
            group["revenue_usd_million"].sum(), 0.5 * len(group),
            f"sum of the {len(group)} {table} segments in {year} against the printed total"))
    return findings


def check_market_tables_agree(totals: pd.DataFrame) -> list[Finding]:
    """The two tables split the same market, so their printed totals must be equal."""
    wide = totals.pivot(index="year", columns="table", values="total_usd_million")
    return [_numeric("market_tables_agree", "market_printed_totals", _record(table="device", year=year),
                     row["device"], row["application"], 0.0, f"device-table total against application-table total, {year}")
            for year, row in wide.iterrows()]


def check_market_cagr(segments: pd.DataFrame, totals: pd.DataFrame, cagr: pd.DataFrame, table: str,
                      start: int = 2021, end: int = 2026) -> list[Finding]:
    """Printed CAGRs against those implied by the table's own start and end values.

    The range of CAGRs consistent with cells rounded to USD 1 million is computed
    (see the docstring of :mod:`lib.integrity`), and the printed rate, one decimal, must lie within
    0.05 points of it.
    """
    values = {seg: grp.set_index("year")["revenue_usd_million"] for seg, grp in segments.groupby("segment", observed=True)}
    values["Total"] = totals[totals["table"] == table].set_index("year")["total_usd_million"]
    findings = []
    for row in cagr[cagr["table"] == table].itertuples():
        series = values[str(row.segment)]
        first, last, years = series[start], series[end], end - start
        low, high = cagr_bounds(first, last, years)
        findings.append(_interval(
            "market_cagr", "market_printed_cagr", _record(table=table, segment=row.segment), row.cagr_2021_2026_pct,
            _cagr_pct(first, last, years), low, high, 0.05,
            f"CAGR {start}-{end} from the table's {start} and {end} values (inputs rounded to USD 1 million)"))
    return findings


def _market_lookup(application: pd.DataFrame, device: pd.DataFrame, totals: pd.DataFrame):
    cells = {}
    for frame in (application, device):
        for row in frame.itertuples():
            cells[(str(row.segment), int(row.year))] = row.revenue_usd_million
    for row in totals[totals["table"] == "application"].itertuples():
        cells[("Total", int(row.year))] = row.total_usd_million
    return cells


def check_market_claims(claims: pd.DataFrame, application: pd.DataFrame, device: pd.DataFrame,
                        totals: pd.DataFrame) -> list[Finding]:
    """Market sizes, growth rates, shares and CAGRs quoted in the prose against the tables.

    Sizes are compared with the table cell within half the printed step (444억
    달러 is 44,400 +/- 50 USD million). Rates and shares computed from the
    table's rounded cells get the same propagation allowance as the CAGR column.
    """
    cells = _market_lookup(application, device, totals)
    findings = []
    for row in claims[claims["segment"].notna()].itertuples():
        segment, record, half = str(row.segment), _record(claim_id=row.claim_id), row.printed_resolution / 2
        if row.metric == "market_revenue":
            findings.append(_numeric("market_claims", "claims", record, row.value, cells[(segment, int(row.period))], half,
                                     f"{segment} revenue {row.period} against the table"))
        elif row.metric == "yoy_growth":
            year = int(row.period)
            now, before = cells[(segment, year)], cells[(segment, year - 1)]
            low, high = _ratio_range(now, before)
            findings.append(_interval("market_claims", "claims", record, row.value, (now / before - 1) * 100,
                                      (low - 1) * 100, (high - 1) * 100, half,
                                      f"{segment} growth {year - 1}-{year} from the table"))
        elif row.metric == "share_of_market":
            year = int(row.period)
            part, whole = cells[(segment, year)], cells[("Total", year)]
            low, high = _ratio_range(part, whole)
            findings.append(_interval("market_claims", "claims", record, row.value, part / whole * 100,
                                      low * 100, high * 100, half,
                                      f"{segment} share of the {year} total from the table"))
        elif row.metric == "cagr":
            first_year, last_year = (int(y) for y in row.period.split("-"))
            first, last, years = cells[(segment, first_year)], cells[(segment, last_year)], last_year - first_year
            low, high = cagr_bounds(first, last, years)
            findings.append(_interval("market_claims", "claims", record, row.value, _cagr_pct(first, last, years),
                                      low, high, half,
                                      f"{segment} CAGR {row.period} from the table"))
    return findings
