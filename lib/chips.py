"""Every chip of the book on one footing: one tidy table of comparable figures.

:func:`chip_table` gathers the figures the book holds for each chip of
``data/chips.csv`` from the report's tables (``tpu_generations`` with corrections
A9-A11, ``graphcore_ipu_processors``, ``graphcore_ipu_platforms``,
``kneron_products``, ``cerebras_wse``, ``hailo8_products``), from the numeric
claims of its text (``claims``) and from the outside figures the book already
cites (``outside_figures``). It returns one row per chip and metric, with the
value in one unit per metric, the precision a compute figure counts, whether the
figure is a vendor peak, a peak derived per chip from a system figure, a
typical power or a plain specification, the value as printed, the corrections
applied and the source record.

Nothing is converted between precisions: a compute figure keeps the label of
what it counts (:data:`PRECISIONS`), and :func:`tops_per_watt` divides compute
by power only where both exist, naming the precision of the result.
"""

from __future__ import annotations

from typing import Callable

import pandas as pd

METRICS: dict[str, tuple[str, str]] = {
    "peak_compute": ("Peak compute", "T ops/s"),
    "power": ("Power", "W"),
    "on_chip_memory": ("On-chip memory", "MB"),
    "other_memory": ("Other memory", "MB"),
    "memory_bandwidth": ("Memory bandwidth", "TB/s"),
    "process_node": ("Process node", "nm"),
    "transistors": ("Transistors", "billion"),
    "die_area": ("Die area", "mm²"),
    "mac_per_cycle": ("MACs per cycle", "MAC/cycle"),
}
"""Each metric of :func:`chip_table`: its label and the one unit all its values use."""

INT8 = "INT8 TOPS"
BF16 = "bf16 TFLOPS"
FLOPS_UNSTATED = "TFLOPS, format not stated"
NOT_STATED = "Precision not stated"
PRECISIONS = [INT8, BF16, FLOPS_UNSTATED, NOT_STATED]
"""What a compute figure counts. INT8 and bf16 are stated by a source; "TFLOPS,
format not stated" is a floating-point figure whose number format no source here
names; "Precision not stated" is a count of operations of unknown kind."""

PEAK = "vendor peak"
DERIVED = "vendor peak per chip, derived from a system"
TYPICAL = "typical power (vendor)"
STATED = "power as stated"
SPEC = "specification"
KINDS = [PEAK, DERIVED, TYPICAL, STATED, SPEC]
"""How a figure was obtained. No figure in the table is a measured throughput."""

TPU_PRECISION = {"TPU v1": INT8, "TPU v2": BF16, "TPU v3": BF16, "TPU v4": BF16, "Edge TPU": INT8}
"""What each corrected TPU peak counts (corrections A9-A11; the Edge TPU's 4 TOPS are INT8)."""

COLUMNS = ["chip", "company", "hardware_class", "deployment", "chapter", "metric", "value", "unit", "precision",
           "kind", "value_printed", "corrections", "source", "note"]

_RESOURCES = ["chips", "tpu_generations", "corrections", "graphcore_ipu_processors", "graphcore_ipu_platforms",
              "kneron_products", "cerebras_wse", "hailo8_products", "claims", "outside_figures"]


def _claim(claims: pd.DataFrame, product: str, metric: str) -> pd.Series:
    """The first claim (in claim order) on ``product`` and ``metric``."""
    rows = claims[(claims["product"] == product) & (claims["metric"] == metric)]
    if rows.empty:
        raise KeyError(f"no claim on {product!r}, {metric!r}")
    return rows.iloc[0]


def _fix_ids(corrections: pd.DataFrame, dataset: str, record: str, field: str | None = None) -> str:
    rows = corrections[(corrections["dataset"] == dataset) & (corrections["record"] == record)]
    if field is not None:
        rows = rows[rows["field"] == field]
    return ", ".join(dict.fromkeys(rows["correction_id"]))


def _leading_number(text) -> float:
    return float(str(text).split()[0])


def _tpu_rows(tpu: pd.DataFrame, corrections: pd.DataFrame, claims: pd.DataFrame) -> list[dict]:
    rows = []
    fixes = corrections[corrections["dataset"] == "tpu_generations"]
    for row in tpu.itertuples():
        record = f"generation={row.generation}"
        mine = fixes[fixes["record"] == record]
        renamed = mine[mine["field"] == "generation"]
        chip = renamed.iloc[0]["corrected_value"] if len(renamed) else row.generation
        source = f"tpu_generations: {record}"
        tops_fix = mine[mine["field"] == "tops"]
        if len(tops_fix):
            value = _leading_number(tops_fix.iloc[0]["corrected_value"])
            printed = "" if pd.isna(row.tops) else f"{row.tops:g} (\"TOPS\")"
        elif pd.notna(row.tops):
            value, printed = float(row.tops), f"{row.tops:g} (\"TOPS\")"
        else:
            value = None
        if value is not None:
            note = "the printed row heading says only \"TOPS\"; the precision comes from the corrections"
            if row.generation == "Edge TPU":
                peak = _claim(claims, "Edge TPU", "peak_performance")
                source += f"; claims {peak.claim_id}"
                note = "§5 also gives it in words (four trillion operations per second)"
            rows.append(dict(chip=chip, metric="peak_compute", value=value, precision=TPU_PRECISION[row.generation],
                             kind=PEAK, value_printed=printed,
                             corrections=", ".join(dict.fromkeys(tops_fix["correction_id"])),
                             source=source, note=note))
        renamed_ids = ", ".join(dict.fromkeys(renamed["correction_id"]))
        if pd.notna(row.process_node_nm):
            rows.append(dict(chip=chip, metric="process_node", value=float(row.process_node_nm), kind=SPEC,
                             value_printed=f"{row.process_node_nm:g} nm", corrections=renamed_ids, source=source))
        if pd.notna(row.on_chip_memory_mb):
            rows.append(dict(chip=chip, metric="on_chip_memory", value=float(row.on_chip_memory_mb), kind=SPEC,
                             value_printed=f"{row.on_chip_memory_mb:g} MB", corrections=renamed_ids, source=source,
                             note="on-chip SRAM"))
    power = _claim(claims, "Edge TPU", "power")
    rows.append(dict(chip="Edge TPU", metric="power", value=float(power.value), kind=STATED,
                     value_printed=power.value_printed, source=f"claims {power.claim_id}",
                     note="the text does not say whether this is typical or maximum power, nor for what workload"))
    pod = _claim(claims, "TPU v4 pod", "peak_performance")
    chips = _claim(claims, "TPU v4 pod", "chips_per_pod")
    rows.append(dict(chip="TPU v4", metric="peak_compute", value=pod.value * 1e6 / chips.value, precision=FLOPS_UNSTATED,
                     kind=DERIVED, value_printed=f"{pod.value_printed} per {chips.value_printed}",
                     source=f"claims {pod.claim_id} ÷ {chips.claim_id}",
                     note=f"{pod.value:g} EFLOPS per pod ÷ {chips.value:,.0f} chips; the printed 1 EFLOPS is rounded"))
    return rows


def _claim_rows(claims: pd.DataFrame, corrections: pd.DataFrame) -> list[dict]:
    rows = []
    stratix = _claim(claims, "Stratix 10 NX FPGA", "peak_performance_int8")
    rows.append(dict(chip="Stratix 10 NX FPGA", metric="peak_compute", value=float(stratix.value), precision=INT8,
                     kind=PEAK, value_printed=stratix.value_printed, source=f"claims {stratix.claim_id}",
                     note="INT8, as §1 states"))
    v100 = _claim(claims, "V100", "peak_performance")
    rows.append(dict(chip="V100", metric="peak_compute", value=float(v100.value), precision=FLOPS_UNSTATED, kind=PEAK,
                     value_printed=v100.value_printed, source=f"claims {v100.claim_id}",
                     note="§2 names no number format"))
    tile = _claim(claims, "Dojo training tile", "peak_performance")
    per_tile = _claim(claims, "Dojo training tile", "d1_chips_per_tile")
    rows.append(dict(chip="D1", metric="peak_compute", value=tile.value * 1000 / per_tile.value,
                     precision=FLOPS_UNSTATED, kind=DERIVED,
                     value_printed=f"{tile.value_printed} per tile of {per_tile.value_printed}",
                     source=f"claims {tile.claim_id} ÷ {per_tile.claim_id}",
                     note=f"{tile.value:g} PFLOPS per tile ÷ {per_tile.value:g} chips"))
    return rows


def _graphcore_rows(processors: pd.DataFrame, platforms: pd.DataFrame, corrections: pd.DataFrame) -> list[dict]:
    rows = []
    names = {"MK1": "Colossus MK1 GC2", "MK2": "Colossus MK2 GC200"}
    for row in processors.itertuples():
        chip = names[row.generation]
        record = f"product={row.product}"
        fixes = _fix_ids(corrections, "graphcore_ipu_processors", record)
        source = f"graphcore_ipu_processors: {record}"
        rows += [dict(chip=chip, metric="process_node", value=float(row.process_node_nm), kind=SPEC,
                      value_printed=f"{row.process_node_nm:g} nm", corrections=fixes, source=source),
                 dict(chip=chip, metric="on_chip_memory", value=float(row.in_processor_memory_mb), kind=SPEC,
                      value_printed=f"{row.in_processor_memory_mb:g} MB", corrections=fixes, source=source,
                      note="in-processor SRAM"),
                 dict(chip=chip, metric="memory_bandwidth", value=float(row.bandwidth_tb_s), kind=SPEC,
                      value_printed=f"{row.bandwidth_tb_s:g} TB/s", corrections=fixes, source=source,
                      note="bandwidth of the in-processor memory")]
    m2000 = platforms.set_index("product").loc["IPU-M2000"]
    rows.append(dict(chip=names["MK2"], metric="peak_compute",
                     value=m2000["pflops_printed"] * 1000 / m2000["ipu_processors_printed"], precision=FLOPS_UNSTATED,
                     kind=DERIVED, value_printed=f"{m2000['pflops_printed']:g} PFLOPS per IPU-M2000 of "
                                                f"{m2000['ipu_processors_printed']:g} IPUs",
                     corrections=_fix_ids(corrections, "graphcore_ipu_platforms", "product=IPU-M2000"),
                     source="graphcore_ipu_platforms: product=IPU-M2000",
                     note="1 PFLOPS per machine ÷ 4 IPUs; §6 names no number format"))
    return rows


def _kneron_rows(kneron: pd.DataFrame, claims: pd.DataFrame) -> list[dict]:
    rows = []
    for row in kneron[kneron["mac_per_cycle"].notna()].itertuples():
        rows.append(dict(chip=row.product, metric="mac_per_cycle", value=float(row.mac_per_cycle), kind=SPEC,
                         value_printed=f"{row.mac_per_cycle:,.0f} MAC", source=f"kneron_products: product={row.product}",
                         note="no clock is given, so no operations per second can be computed"))
    sdram = _claim(claims, "KL720 AI SoC", "sdram")
    rows.append(dict(chip="KL720 AI SoC", metric="other_memory", value=float(sdram.value), kind=SPEC,
                     value_printed=sdram.value_printed, source=f"claims {sdram.claim_id}", note="SDRAM"))
    small, large = _claim(claims, "KL520 AI SoC", "sram_smaller_option"), _claim(claims, "KL520 AI SoC",
                                                                                  "sram_larger_option")
    rows.append(dict(chip="KL520 AI SoC", metric="other_memory", value=float(large.value), kind=SPEC,
                     value_printed=large.value_printed, source=f"claims {large.claim_id}",
                     note=f"SRAM, {small.value:g} or {large.value:g} MB options; the larger is shown"))
    return rows


def _cerebras_rows(wse: pd.DataFrame, corrections: pd.DataFrame) -> list[dict]:
    rows = []
    per_tb = {"PB/s": 1000.0, "Pb/s": 125.0}
    for row in wse.itertuples():
        record = f"generation={row.generation}"
        source = f"cerebras_wse: {record}"
        unit_fix = corrections[(corrections["dataset"] == "cerebras_wse") & (corrections["record"] == record)
                               & (corrections["field"] == "memory_bandwidth_unit")]
        unit = unit_fix.iloc[0]["corrected_value"] if len(unit_fix) else row.memory_bandwidth_unit
        rows += [dict(chip=row.generation, metric="process_node", value=float(row.process_node_nm), kind=SPEC,
                      value_printed=f"{row.foundry} {row.process_node_nm:g} nm", source=source),
                 dict(chip=row.generation, metric="on_chip_memory", value=float(row.onboard_sram_gb) * 1000, kind=SPEC,
                      value_printed=f"{row.onboard_sram_gb:g} GB", source=source,
                      note="on-wafer SRAM; 1 GB counted as 1,000 MB"),
                 dict(chip=row.generation, metric="memory_bandwidth", value=float(row.memory_bandwidth) * per_tb[unit],
                      kind=SPEC, value_printed=f"{row.memory_bandwidth:g} {row.memory_bandwidth_unit}",
                      corrections=", ".join(dict.fromkeys(unit_fix["correction_id"])), source=source,
                      note="bandwidth of the on-wafer memory"),
                 dict(chip=row.generation, metric="transistors", value=float(row.transistors_trillion) * 1000,
                      kind=SPEC, value_printed=row.transistors_printed, source=source),
                 dict(chip=row.generation, metric="die_area", value=float(row.die_area_mm2), kind=SPEC,
                      value_printed=f"{row.die_area_mm2:,.0f} mm²", source=source, note="a whole wafer's usable square")]
    return rows


def _hailo_rows(hailo: pd.DataFrame) -> list[dict]:
    chip = hailo[hailo["kind"] == "processor"].iloc[0]
    source = f"hailo8_products: product={chip['product']}"
    return [dict(chip="Hailo-8 AI Processor", metric="peak_compute", value=float(chip["tops"]), precision=NOT_STATED,
                 kind=PEAK, value_printed=f"{chip['tops']:g} TOPS", source=source,
                 note="§9 names no number format"),
            dict(chip="Hailo-8 AI Processor", metric="power", value=float(chip["typical_power_w"]), kind=TYPICAL,
                 value_printed=f"{chip['typical_power_w']:g} W", source=source, note="typical mode")]


def _outside_rows(outside: pd.DataFrame) -> list[dict]:
    chips = {"A100 (GA100 die)": "A100", "Jetson Xavier NX": "Jetson Xavier NX"}
    metrics = {"die_area": ("die_area", 1.0), "transistors": ("transistors", 1.0), "peak_performance": ("peak_compute", 1.0)}
    rows = []
    for row in outside[outside["product"].isin(chips)].itertuples():  # the other rows feed worked examples
        metric, factor = metrics[row.metric]
        entry = dict(chip=chips[row.product], metric=metric, value=float(row.value) * factor,
                     kind=PEAK if metric == "peak_compute" else SPEC, value_printed="",
                     source=f"outside_figures {row.figure_id}", note=f"outside figure: {row.source_title}")
        if metric == "peak_compute":
            entry["precision"] = {"INT8": INT8}.get(row.precision, NOT_STATED)
        rows.append(entry)
    return rows


def chip_table(load: Callable[[str], pd.DataFrame] | None = None) -> pd.DataFrame:
    """One row per chip and metric: every comparable figure the book holds.

    Parameters
    ----------
    load : callable, optional
        ``name -> DataFrame`` for the resources used (default :func:`lib.data.load`).

    Returns
    -------
    DataFrame
        Columns :data:`COLUMNS`: the chip, its company, ``hardware_class`` and
        ``deployment`` (from ``chips``), the ``chapter`` that discusses it, the
        ``metric`` (a key of :data:`METRICS`), ``value`` in the metric's
        ``unit``, ``precision`` (compute figures only, one of :data:`PRECISIONS`),
        ``kind`` (one of :data:`KINDS`), ``value_printed`` (as the report prints
        it; empty for outside figures), ``corrections`` (IDs applied), ``source``
        (the data record) and ``note``. Sorted by chip order of ``chips`` and
        metric order of :data:`METRICS`.
    """
    if load is None:
        from lib import data

        load = data.load
    frames = {name: load(name) for name in _RESOURCES}
    claims, corrections = frames["claims"], frames["corrections"]
    rows = (_tpu_rows(frames["tpu_generations"], corrections, claims) + _claim_rows(claims, corrections)
            + _graphcore_rows(frames["graphcore_ipu_processors"], frames["graphcore_ipu_platforms"], corrections)
            + _kneron_rows(frames["kneron_products"], claims) + _cerebras_rows(frames["cerebras_wse"], corrections)
            + _hailo_rows(frames["hailo8_products"]) + _outside_rows(frames["outside_figures"]))
    table = pd.DataFrame(rows)
    roster = frames["chips"].set_index("chip")
    unknown = sorted(set(table["chip"]) - set(roster.index))
    if unknown:
        raise KeyError(f"chips missing from data/chips.csv: {unknown}")
    for column in ["company", "hardware_class", "deployment", "chapter"]:
        table[column] = table["chip"].map(roster[column]).astype(str)
    table["unit"] = table["metric"].map(lambda m: METRICS[m][1])
    for column in ["precision", "value_printed", "corrections", "note"]:
        table[column] = table[column].fillna("") if column in table else ""
    table["value"] = table["value"].astype(float)
    table["chip_order"] = table["chip"].map({c: i for i, c in enumerate(roster.index)})
    table["metric_order"] = table["metric"].map({m: i for i, m in enumerate(METRICS)})
    table = table.sort_values(["chip_order", "metric_order"]).reset_index(drop=True)
    return table[COLUMNS]


def chip_wide(table: pd.DataFrame) -> pd.DataFrame:
    """One row per chip: the value of each metric in its own column, plus the compute precision and kind.

    Columns: ``chip``, ``company``, ``hardware_class``, ``deployment``,
    ``chapter``, one column per metric of :data:`METRICS` (missing where the
    book holds no figure), ``precision`` and ``compute_kind`` (of the compute
    figure; empty without one) and ``tops_per_w`` (see :func:`tops_per_watt`).
    """
    keys = ["chip", "company", "hardware_class", "deployment", "chapter"]
    order = list(dict.fromkeys(table["chip"]))
    wide = table.pivot_table(index=keys, columns="metric", values="value", aggfunc="first").reset_index()
    wide.columns.name = None
    for metric in METRICS:
        if metric not in wide:
            wide[metric] = float("nan")
    compute = table[table["metric"] == "peak_compute"].set_index("chip")
    wide["precision"] = wide["chip"].map(compute["precision"]).fillna("")
    wide["compute_kind"] = wide["chip"].map(compute["kind"]).fillna("")
    wide["tops_per_w"] = wide["peak_compute"] / wide["power"]
    wide["order"] = wide["chip"].map({c: i for i, c in enumerate(order)})
    return wide.sort_values("order").drop(columns="order").reset_index(drop=True)[
        keys + list(METRICS) + ["precision", "compute_kind", "tops_per_w"]]


def tops_per_watt(table: pd.DataFrame) -> pd.DataFrame:
    """Compute per watt for the chips that have both a compute and a power figure.

    Returns one row per such chip: ``chip``, ``peak_compute`` (T ops/s),
    ``power`` (W), ``tops_per_w``, ``precision`` (of the compute figure: the
    ratio counts the same operations) and ``power_kind`` (typical, as stated...).

    >>> t = pd.DataFrame({"chip": ["A", "A", "B"], "metric": ["peak_compute", "power", "power"],
    ...                   "value": [26.0, 2.5, 1.0], "precision": ["INT8 TOPS", "", ""],
    ...                   "kind": ["vendor peak", "typical power (vendor)", "power as stated"]})
    >>> tops_per_watt(t)[["chip", "tops_per_w"]].to_dict("records")
    [{'chip': 'A', 'tops_per_w': 10.4}]
    """
    compute = table[table["metric"] == "peak_compute"].set_index("chip")
    power = table[table["metric"] == "power"].set_index("chip")
    both = [chip for chip in compute.index if chip in power.index]
    return pd.DataFrame({
        "chip": both,
        "peak_compute": [float(compute.loc[c, "value"]) for c in both],
        "power": [float(power.loc[c, "value"]) for c in both],
        "tops_per_w": [float(compute.loc[c, "value"]) / float(power.loc[c, "value"]) for c in both],
        "precision": [compute.loc[c, "precision"] for c in both],
        "power_kind": [power.loc[c, "kind"] for c in both],
    })


def coverage(table: pd.DataFrame) -> pd.DataFrame:
    """How many chips have each metric, and (for compute) how many at each precision.

    Returns columns ``metric``, ``label``, ``unit`` and ``chips``.
    """
    counts = table.groupby("metric")["chip"].nunique()
    return pd.DataFrame([{"metric": m, "label": label, "unit": unit, "chips": int(counts.get(m, 0))}
                         for m, (label, unit) in METRICS.items()])


def derived_checks(table: pd.DataFrame, claims: pd.DataFrame) -> pd.DataFrame:
    """Recompute every derived figure of the comparison from its source rows.

    One row per derived figure: ``what``, ``unit``, ``inputs`` (the source
    figures in words), ``stated`` (the figure the sources print for the same
    thing, or "none printed"), ``recomputed`` (from the inputs) and ``verdict``.
    Per-chip peaks are divided out of system figures; compute per watt is
    divided only where a chip has both figures, and names its precision.
    """
    by = table.set_index(["chip", "metric"])
    rows = []
    tile, per_tile = _claim(claims, "Dojo training tile", "peak_performance"), _claim(claims, "Dojo training tile",
                                                                                     "d1_chips_per_tile")
    rows.append(dict(what="D1: peak per chip", unit="TFLOPS", inputs=f"{tile.value:g} PFLOPS per tile "
                     f"({tile.claim_id}) ÷ {per_tile.value:g} chips ({per_tile.claim_id})", stated="none printed",
                     recomputed=tile.value * 1000 / per_tile.value,
                     verdict="derived: a per-chip share of a system peak, format not stated"))
    m2000 = by.loc[("Colossus MK2 GC200", "peak_compute")]
    rows.append(dict(what="Colossus MK2 GC200: peak per chip", unit="TFLOPS", inputs=m2000["value_printed"] + " (§6)",
                     stated="none printed", recomputed=float(m2000["value"]),
                     verdict="derived: a per-chip share of a system peak, format not stated"))
    pod, per_pod = _claim(claims, "TPU v4 pod", "peak_performance"), _claim(claims, "TPU v4 pod", "chips_per_pod")
    v4 = pod.value * 1e6 / per_pod.value
    rows.append(dict(what="TPU v4: peak per chip", unit="TFLOPS", inputs=f"{pod.value:g} EFLOPS per pod ({pod.claim_id}) "
                     f"÷ {per_pod.value:,.0f} chips ({per_pod.claim_id})", stated="none printed", recomputed=v4,
                     verdict=f"derived; the pod figure is rounded to {pod.printed_resolution:g} EFLOPS, so anything from "
                             f"{(pod.value - pod.printed_resolution / 2) * 1e6 / per_pod.value:.0f} to "
                             f"{(pod.value + pod.printed_resolution / 2) * 1e6 / per_pod.value:.0f} fits"))
    speed = _claim(claims, "TPU v4", "per_chip_speedup_vs_v3")
    v3 = by.loc[("TPU v3", "peak_compute")]
    v3_printed = _leading_number(v3["value_printed"])
    ratio_corrected, ratio_printed = v4 / float(v3["value"]), v4 / v3_printed
    rows.append(dict(what="TPU v4 against TPU v3, per chip", unit="times",
                     inputs=f"{v4:.0f} ÷ TPU v3 ({v3['value']:g} corrected, {v3_printed:g} printed)",
                     stated=f"about {speed.value:g} ({speed.claim_id})", recomputed=ratio_corrected,
                     verdict=(f"consistent with the corrected v3 peak; {ratio_printed:.1f} against the printed one"
                              if abs(ratio_corrected - speed.value) < 0.5 else "not consistent")))
    for row in tops_per_watt(table).itertuples():
        rows.append(dict(what=f"{row.chip}: compute per watt", unit="T ops/s per W",
                         inputs=f"{row.peak_compute:g} T ops/s ÷ {row.power:g} W ({row.power_kind})",
                         stated="none printed", recomputed=row.tops_per_w,
                         verdict=f"computed; compute counted as: {row.precision}"))
    return pd.DataFrame(rows)
