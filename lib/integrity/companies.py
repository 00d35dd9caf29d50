"""The company sections: systems built of parts (Dojo, IPU-POD, TPU pod), the Cerebras table, the prose against the
product tables, and the chapter-level recomputations (not part of :func:`lib.integrity.run_all_checks`)."""

from __future__ import annotations

import re

import pandas as pd

from lib.integrity.core import (_EPS, Finding, _claim, _empty, _half_last_digit, _interval, _numeric, _qualified,
                                _record, _str)

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
    column is derived from the printed cells; see the docstring of :mod:`lib.integrity`).
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
                               table_limit, size["value"], 1,
                               f"the product table's limit of {table_limit:g} MB against the model's stated size "
                               f"({size['claim_id']})"))
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

FULL_RACK_UNITS = 42
"""Height of a common full-height data-centre rack, in rack units (the usual 42U cabinet)."""


def check_cs2_rack(claims: pd.DataFrame, *, rack_units: int = FULL_RACK_UNITS) -> Finding:
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
