"""Recompute what the report states from its own figures.

Every check is a pure function of DataFrames shaped like the output of
:func:`lib.data.load`. It returns one :class:`Finding` per comparison it makes,
consistent or not, so that a chapter can show what was checked as well as what
failed. :func:`run_all_checks` loads the data package, runs every check and
returns only the discrepancies; ``data/data_notes.csv`` records those, and
``tests/test_integrity.py`` keeps the two in step.

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

import math
import re
from dataclasses import dataclass
from decimal import Decimal
from typing import Callable

import pandas as pd

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
    "check_tpu_pod_speedup",
    "all_findings",
    "run_all_checks",
]

_EPS = 1e-9  # absorbs floating-point noise in "difference <= tolerance"


@dataclass(frozen=True)
class Finding:
    """One comparison of a printed figure with the figure recomputed from the data.

    Attributes
    ----------
    check : str
        Name of the check (the function name without ``check_``).
    dataset : str
        Resource that holds the printed figure.
    record : str
        Its row: primary-key ``field=value`` pairs joined by ``"; "``.
    printed : float or str
        The figure as printed (a string when units or dates are compared).
    computed : float or str
        The figure recomputed from other printed figures.
    tolerance : float or None
        Largest ``|printed - computed|`` still consistent; ``None`` where the
        comparison is an inequality or between strings.
    note : str
        What was compared, in words.
    consistent : bool
        Whether the printed figure survives the comparison.
    """

    check: str
    dataset: str
    record: str
    printed: float | str
    computed: float | str
    tolerance: float | None
    note: str
    consistent: bool


# --- small helpers ------------------------------------------------------------------------------

def _record(**key) -> str:
    return "; ".join(f"{k}={v}" for k, v in key.items())


def _numeric(check, dataset, record, printed, computed, tolerance, note) -> Finding:
    ok = bool(abs(float(printed) - float(computed)) <= tolerance + _EPS)
    return Finding(check, dataset, record, float(printed), float(computed), float(tolerance), note, ok)


def _interval(check, dataset, record, printed, point, low, high, half_digit, note) -> Finding:
    """Consistent if ``printed`` lies within ``half_digit`` of the range [low, high].

    The reported tolerance is the one that makes ``|printed - point| <= tolerance``
    equivalent to that test.
    """
    spread = (high - point) if printed >= point else (point - low)
    return _numeric(check, dataset, record, printed, point, spread + half_digit, note)


def _qualified(check, dataset, record, qualifier, printed, computed, resolution, note) -> Finding:
    """Compare under the claim's qualifier (exact or "about": within half the printed step)."""
    tests: dict[str, Callable[[float, float], bool]] = {
        "more than": lambda c, p: c > p,
        "at least": lambda c, p: c >= p,
        "at most": lambda c, p: c <= p,
        "up to": lambda c, p: c <= p,
    }
    if qualifier in tests:
        ok = tests[qualifier](float(computed), float(printed))
        return Finding(check, dataset, record, float(printed), float(computed), None, f"{note} (printed: {qualifier})", ok)
    return _numeric(check, dataset, record, printed, computed, resolution / 2, note)


def _half_last_digit(value: float) -> float:
    """Half a step of the last digit of ``value`` as written (25.96 -> 0.005)."""
    exponent = Decimal(repr(float(value))).normalize().as_tuple().exponent
    return 0.5 * 10.0 ** min(exponent, 0)


def _ratio_range(numerator: float, denominator: float, half: float = 0.5) -> tuple[float, float]:
    """Smallest and largest ratio of two values each rounded to within ``half``."""
    return (numerator - half) / (denominator + half), (numerator + half) / (denominator - half)


def _cagr_pct(start: float, end: float, years: int) -> float:
    return ((end / start) ** (1 / years) - 1) * 100


def cagr_bounds(first: float, last: float, years: int, half: float = 0.5) -> tuple[float, float]:
    """Lowest and highest CAGR (percent) of two values each printed rounded to within ``half``.

    This is the range a rate computed from unrounded data can lie in when only the
    rounded cells are known (the allowance the module docstring describes).

    Examples
    --------
    >>> low, high = cagr_bounds(14, 216, 5)   # the digital signal processor, 2021-2026
    >>> round(low, 2), round(high, 2)
    (71.56, 74.19)
    """
    low_ratio, high_ratio = _ratio_range(last, first, half)
    return _cagr_pct(1, low_ratio, years), _cagr_pct(1, high_ratio, years)


def ranges_overlap(a: tuple[float, float], b: tuple[float, float]) -> bool:
    """Whether two closed ranges ``(low, high)`` share a value: two rates whose ranges
    overlap cannot be ranked at the precision of the table (a tie).

    >>> ranges_overlap((71.6, 74.2), (72.5, 73.1)), ranges_overlap((1, 2), (2.5, 3))
    (True, False)
    """
    return a[0] <= b[1] + _EPS and b[0] <= a[1] + _EPS


def _str(value) -> str:
    return "" if value is None or (isinstance(value, float) and math.isnan(value)) else str(value)


def _empty(value) -> bool:
    return value is None or (not isinstance(value, str) and pd.isna(value)) or value == ""


_KOREAN_UNITS = {"조": 10**12, "억": 10**8, "만": 10**4}


def korean_number(text: str) -> float:
    """The number a Korean amount spells out, from 조 (10^12), 억 (10^8), 만 (10^4) and 천 (10^3).

    Currency words and other text are ignored.

    Examples
    --------
    >>> korean_number("1억 5,000만 달러")
    150000000.0
    >>> korean_number("2조 6천억개")
    2600000000000.0
    >>> korean_number("300만 유로")
    3000000.0
    """
    total = 0.0
    for digits, thousand, unit in re.findall(r"(\d[\d,]*(?:\.\d+)?)\s*(천)?\s*(조|억|만)?", text):
        value = float(digits.replace(",", "")) * (1000 if thousand else 1)
        total += value * _KOREAN_UNITS.get(unit, 1)
    return total


# --- market tables ------------------------------------------------------------------------------

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
    (see the module docstring), and the printed rate, one decimal, must lie within
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


# --- claims among themselves ---------------------------------------------------------------------

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


# --- systems -------------------------------------------------------------------------------------

def _claim(claims: pd.DataFrame, metric: str, product: str | None = None, section: str | None = None) -> pd.Series:
    rows = claims[claims["metric"] == metric]
    if product is not None:
        rows = rows[rows["product"] == product]
    if section is not None:
        rows = rows[rows["report_section"] == section]
    if len(rows) != 1:
        raise LookupError(f"expected one claim {metric!r} {product!r} {section!r}, found {len(rows)}")
    return rows.iloc[0]


def check_dojo_hierarchy(claims: pd.DataFrame) -> list[Finding]:
    """Tesla's Dojo: tile performance x tiles per cabinet x cabinets against the ExaPod figure.

    Done for every section that states the hierarchy; the tile's 9 PFLOPS is
    stated only in the Tesla section and used for both. The note also gives the
    D1 chips and training nodes per ExaPod that the stated counts imply.
    """
    tile_pflops = _claim(claims, "peak_performance", "Dojo training tile")["value"]
    findings = []
    exapods = claims[(claims["metric"] == "peak_performance") & (claims["product"] == "Dojo ExaPod")]
    for exapod in exapods.itertuples():
        section = exapod.report_section
        cabinets = _claim(claims, "cabinets_per_exapod", section=section)["value"]
        tiles = _claim(claims, "tiles_per_cabinet", section=section)["value"]
        chips = _claim(claims, "d1_chips_per_tile", section=section)["value"]
        nodes = _claim(claims, "training_nodes_per_chip", section=section)["value"]
        exaflops = tile_pflops * tiles * cabinets / 1000
        findings.append(_numeric(
            "dojo_hierarchy", "claims", _record(claim_id=exapod.claim_id), exapod.value, exaflops, exapod.printed_resolution / 2,
            f"{tile_pflops:g} PFLOPS x {tiles:g} tiles x {cabinets:g} cabinets ({section}); implies "
            f"{tiles * cabinets * chips:,.0f} D1 chips and {tiles * cabinets * chips * nodes:,.0f} training nodes"))
    return findings


def check_graphcore_platforms(platforms: pd.DataFrame) -> list[Finding]:
    """IPU-POD performance and make-up from the IPU-M2000 they are built of.

    An IPU-M2000 holds 4 IPUs for 1 PFLOPS; an IPU-POD<n> has n IPUs (its name),
    so n / 4 machines and n / 4 PFLOPS. Where the table states the number of
    machines (POD16: 4), that is checked too.
    """
    m2000 = platforms.set_index("product").loc["IPU-M2000"]
    per_ipu = m2000["pflops_printed"] / m2000["ipu_processors_printed"]
    findings = []
    for row in platforms.itertuples():
        match = re.fullmatch(r"IPU-POD(\d+)", row.product)
        if not match:
            continue
        ipus = int(match.group(1))
        record = _record(product=row.product)
        findings.append(_numeric("graphcore_platforms", "graphcore_ipu_platforms", record, row.pflops_printed, ipus * per_ipu,
                                 _half_last_digit(row.pflops_printed), f"{ipus} IPUs x {per_ipu:g} PFLOPS per IPU (from the IPU-M2000)"))
        if not _empty(row.m2000_units_printed):
            findings.append(_numeric("graphcore_platforms", "graphcore_ipu_platforms", record, row.m2000_units_printed,
                                     ipus / m2000["ipu_processors_printed"], 0.0, f"{ipus} IPUs / {m2000['ipu_processors_printed']:g} IPUs per IPU-M2000"))
    return findings


_PROCESSOR_IN_PLATFORM = re.compile(r"(\d+)개의\s*(.+?)\s*프로세서\s*탑재")


def _product_key(name: str) -> str:
    """A processor name compared without the trademark sign, spaces or case."""
    return re.sub(r"[\s™]|TM(?=\s)", "", str(name)).lower()


def check_graphcore_platform_processors(platforms: pd.DataFrame, processors: pd.DataFrame) -> list[Finding]:
    """The platform table against the processor table.

    A platform whose printed features name the processor it carries ("4개의
    Colossus™ MK2 GC2000 IPU 프로세서 탑재") must name a product of the
    processor table, and the count in that text must equal the platform's
    ``ipu_processors_printed``. The processor table states no compute figure,
    so the platforms' PFLOPS cannot be checked against it; that check is made
    within the platform table (:func:`check_graphcore_platforms`).
    """
    known = {_product_key(p): p for p in processors["product"]}
    findings = []
    for row in platforms.itertuples():
        match = _PROCESSOR_IN_PLATFORM.search(_str(row.features_ko))
        if not match:
            continue
        count, named = int(match.group(1)), match.group(2)
        record = _record(product=row.product)
        found = known.get(_product_key(named))
        findings.append(Finding("graphcore_platform_processors", "graphcore_ipu_platforms", record, named,
                                found if found is not None else "not in graphcore_ipu_processors", None,
                                "processor named in the platform's features against the processor table",
                                found is not None))
        if not _empty(row.ipu_processors_printed):
            findings.append(_numeric("graphcore_platform_processors", "graphcore_ipu_platforms", record,
                                     row.ipu_processors_printed, count, 0.0,
                                     "processor count in the features text against the processor-count column"))
    return findings


_BANDWIDTH_IN_PBYTE = {"PB/s": 1.0, "Pb/s": 1 / 8}


def _wse_value(row: pd.Series, metric: str) -> float:
    if metric == "memory_bandwidth":
        return row["memory_bandwidth"] * _BANDWIDTH_IN_PBYTE[str(row["memory_bandwidth_unit"])]
    return float(row[metric])


def check_wse_increase(wse: pd.DataFrame, increase: pd.DataFrame) -> list[Finding]:
    """The printed "Increase" column of the Cerebras table against WSE-2 / WSE-1.

    Values are read in their printed units, so the memory-bandwidth row compares
    20 Pb/s (2.5 PB/s) with 9 PB/s. Tolerance: half the last printed digit (the
    column is derived from the printed cells; see the module docstring).
    """
    rows = wse.set_index("generation")
    findings = []
    for row in increase[increase["increase_x"].notna()].itertuples():
        ratio = _wse_value(rows.loc["WSE-2"], row.metric) / _wse_value(rows.loc["WSE-1"], row.metric)
        findings.append(_numeric("wse_increase", "cerebras_wse_increase", _record(metric=row.metric), row.increase_x, ratio,
                                 _half_last_digit(row.increase_x), f"WSE-2 / WSE-1 {row.metric}, in printed units"))
    return findings


def check_wse_density(wse: pd.DataFrame) -> list[Finding]:
    """Printed transistor density against transistors / die area, to the printed digits."""
    return [_numeric("wse_density", "cerebras_wse", _record(generation=row.generation), row.density_mtr_per_mm2,
                     row.transistors_trillion * 1e6 / row.die_area_mm2, _half_last_digit(row.density_mtr_per_mm2),
                     "transistors / die area, million per mm²")
            for row in wse.itertuples()]


# --- prose against tables ------------------------------------------------------------------------

def check_prose_against_tables(claims: pd.DataFrame, tables: dict[str, pd.DataFrame]) -> list[Finding]:
    """Figures the prose states that a table of the report also gives.

    ``tables`` maps resource names to frames (cerebras_wse, tpu_generations,
    hailo8_products, kneron_products, nvidia_investments_2021). Values must be
    equal and units the same; release dates are compared as printed periods.
    """
    wse = tables["cerebras_wse"].set_index("generation")
    tpu = tables["tpu_generations"].set_index("generation")
    hailo = tables["hailo8_products"].set_index("product")
    kneron = tables["kneron_products"].set_index("product")
    # (product, metric) of the claim -> (dataset, record, table value, table unit)
    pairs = {
        ("WSE-1", "transistors"): ("cerebras_wse", "generation=WSE-1", wse.loc["WSE-1", "transistors_trillion"], "trillion transistors"),
        ("WSE-1", "process_node"): ("cerebras_wse", "generation=WSE-1", wse.loc["WSE-1", "process_node_nm"], "nm"),
        ("WSE-1", "ai_cores"): ("cerebras_wse", "generation=WSE-1", wse.loc["WSE-1", "ai_cores"], "cores"),
        ("WSE-1", "memory_bandwidth"): ("cerebras_wse", "generation=WSE-1", wse.loc["WSE-1", "memory_bandwidth"],
                                        str(wse.loc["WSE-1", "memory_bandwidth_unit"])),
        ("WSE-1", "die_area"): ("cerebras_wse", "generation=WSE-1", wse.loc["WSE-1", "die_area_mm2"], "mm²"),
        ("WSE-1", "release_year"): ("cerebras_wse", "generation=WSE-1", wse.loc["WSE-1", "release_period"], "period"),
        ("WSE-2", "release_year"): ("cerebras_wse", "generation=WSE-2", wse.loc["WSE-2", "release_period"], "period"),
        ("CS-2", "on_chip_memory"): ("cerebras_wse", "generation=WSE-2", wse.loc["WSE-2", "onboard_sram_gb"], "GB"),
        ("Edge TPU", "peak_performance"): ("tpu_generations", "generation=Edge TPU", tpu.loc["Edge TPU", "tops"], "TOPS"),
        ("TPU v1", "announcement_year"): ("tpu_generations", "generation=TPU v1", tpu.loc["TPU v1", "announced_year"], "year"),
        ("TPU v4", "announcement_year"): ("tpu_generations", "generation=TPU v4", tpu.loc["TPU v4", "announced_year"], "year"),
        ("Hailo-8™ AI Processor", "peak_performance"): ("hailo8_products", "product=Hailo-8™ AI Processor",
                                                       hailo.loc["Hailo-8™ AI Processor", "tops"], "TOPS"),
        ("KL720 AI SoC", "mac_per_cycle"): ("kneron_products", "product=KL720 AI SoC", kneron.loc["KL720 AI SoC", "mac_per_cycle"], "MAC per cycle"),
        ("KL520 AI SoC", "mac_per_cycle"): ("kneron_products", "product=KL520 AI SoC", kneron.loc["KL520 AI SoC", "mac_per_cycle"], "MAC per cycle"),
        (None, "pcie_modules"): ("hailo8_products", "kind=module", (tables["hailo8_products"]["kind"] == "module").sum(), "count"),
        (None, "investments_count"): ("nvidia_investments_2021", "all rows", len(tables["nvidia_investments_2021"]), "count"),
    }
    findings = []
    for row in claims.itertuples():
        product = None if _empty(row.product) else row.product
        if (product, row.metric) not in pairs:
            continue
        dataset, table_record, table_value, table_unit = pairs[(product, row.metric)]
        record = _record(claim_id=row.claim_id)
        note = f"prose against {dataset} ({table_record})"
        if table_unit == "period":
            findings.append(Finding("prose_against_tables", "claims", record, row.period, table_value, None, note,
                                    row.period == table_value))
        elif row.unit != table_unit:
            findings.append(Finding("prose_against_tables", "claims", record, f"{row.value:g} {row.unit}",
                                    f"{float(table_value):g} {table_unit}", None, note + ": units differ", False))
        else:
            findings.append(_numeric("prose_against_tables", "claims", record, row.value, table_value, 0.0, note))
    return findings


def check_kneron_model_size(claims: pd.DataFrame, kneron_products: pd.DataFrame) -> list[Finding]:
    """Kneron-003's stated size (57 MB) against the size limits stated for it.

    The prose calls it a model of 50 MB or less, and the product table places it
    in the class of models of 64 MB or less.
    """
    size = claims[(claims["product"] == "Kneron-003") & (claims["metric"] == "model_size") & claims["qualifier"].isna()].iloc[0]
    findings = []
    for limit in claims[(claims["product"] == "Kneron-003") & (claims["metric"] == "model_size") & claims["qualifier"].notna()].itertuples():
        findings.append(_qualified("kneron_model_size", "claims", _record(claim_id=limit.claim_id), str(limit.qualifier),
                                   limit.value, size["value"], limit.printed_resolution, f"the model's stated size ({size['claim_id']})"))
    table_limit = kneron_products.set_index("product").loc["Kneron-003", "model_size_limit_mb"]
    findings.append(_qualified("kneron_model_size", "kneron_products", _record(product="Kneron-003"), "at most",
                               table_limit, size["value"], 1, f"the model's stated size ({size['claim_id']})"))
    return findings


def check_nervana_timeline(claims: pd.DataFrame, deals: pd.DataFrame) -> list[Finding]:
    """Intel's Nervana story: shown in November 2019, dropped three months after launch,
    development halted in February 2020; Habana bought "the same year" as the NNP launch."""
    shown = _claim(claims, "announcement_year", "Nervana NNP-T/NNP-I")
    months = _claim(claims, "months_to_discontinuation", "Nervana NNP-T/NNP-I")
    halted = _claim(claims, "development_halted_year", "Nervana NNP-T/NNP-I")
    end = (pd.Period(shown["period"], freq="M") + int(months["value"])).strftime("%Y-%m")
    habana = deals[(deals["acquirer"] == "Intel") & (deals["target"] == "Habana Labs")].iloc[0]
    return [
        Finding("nervana_timeline", "claims", _record(claim_id=halted["claim_id"]), halted["period"], end, None,
                f"{shown['period']} plus {months['value']:g} months", halted["period"] == end),
        _numeric("nervana_timeline", "acquisitions_investments", _record(acquirer="Intel", target="Habana Labs"),
                 habana["year"], shown["value"], 0.0, "Habana bought in the same year as the NNP launch"),
    ]


# --- chapter-level recomputations (not part of run_all_checks) ---------------------------------

RACK_UNIT_INCHES = 1.75
"""Height of one rack unit (1U) in inches (EIA-310)."""


def check_cs2_rack(claims: pd.DataFrame, *, rack_units: int = 42) -> Finding:
    """CS-2's stated height against "one third of a standard rack".

    The height in inches is turned into rack units (1U = 1.75 in) and compared
    with a third of a ``rack_units``-unit rack. "1/3" is a loose fraction, so the
    claim holds if the height is within one rack unit of that third.

    >>> claims = pd.DataFrame({"claim_id": ["a", "b"], "product": ["CS-2", "CS-2"],
    ...                        "metric": ["height", "rack_fraction"], "report_section": ["s", "s"],
    ...                        "value": [26.0, 1 / 3]})
    >>> finding = check_cs2_rack(claims)
    >>> round(finding.computed, 3), finding.consistent
    (0.354, True)
    """
    height = _claim(claims, "height", "CS-2")
    fraction = _claim(claims, "rack_fraction", "CS-2")
    units = height["value"] / RACK_UNIT_INCHES
    third = fraction["value"] * rack_units
    return Finding("cs2_rack", "claims", _record(claim_id=fraction["claim_id"]), float(fraction["value"]),
                   float(units / rack_units), None,
                   f"{height['value']:g} in / {RACK_UNIT_INCHES:g} in per rack unit = {units:.1f} U of a "
                   f"{rack_units}-U rack; a third is {third:.0f} U (allowed: within 1 U)",
                   bool(abs(units - third) <= 1 + _EPS))


def check_tpu_pod_speedup(claims: pd.DataFrame, tpu: pd.DataFrame) -> list[Finding]:
    """"About twice v3 per chip" against the pod figures and the table's TPU v3 peak.

    The pod's peak divided by its chips gives a per-chip peak; divided by the
    table's v3 figure, a speed-up. Every input is rounded to its printed digit
    (1 EFLOPS to within 0.5), so the finding accepts the printed ratio if it lies
    within half a printed step of the range those inputs allow.
    """
    speedup = _claim(claims, "per_chip_speedup_vs_v3", "TPU v4")
    chips = _claim(claims, "chips_per_pod", "TPU v4 pod")["value"]
    pod = _claim(claims, "peak_performance", "TPU v4 pod")
    v3 = float(tpu.set_index("generation").loc["TPU v3", "tops"])
    half_pod, half_v3 = pod["printed_resolution"] / 2, _half_last_digit(v3)
    per_chip = pod["value"] * 1e6 / chips  # EFLOPS -> TFLOPS per chip
    low = (pod["value"] - half_pod) * 1e6 / chips / (v3 + half_v3)
    high = (pod["value"] + half_pod) * 1e6 / chips / (v3 - half_v3)
    return [_interval("tpu_pod_speedup", "claims", _record(claim_id=speedup["claim_id"]), speedup["value"],
                      per_chip / v3, low, high, speedup["printed_resolution"] / 2,
                      f"{pod['value']:g} EFLOPS / {chips:,.0f} chips = {per_chip:,.0f} TFLOPS per chip, "
                      f"against the table's v3 ({v3:g})")]


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
