"""Charts and tables of the Kneron chapter: MAC counts, what they imply, and efficiency."""

from __future__ import annotations

import altair as alt
import pandas as pd

from lib import theme

KNERON = theme.COLOURS["company"]["Kneron"]

NOT_STATED = "not stated"


def peak_tops(mac_per_cycle: float, clock_mhz: float, *, ops_per_mac: int = 2) -> float:
    """Peak operations per second, in TOPS, of an engine doing ``mac_per_cycle`` MACs each clock cycle.

    A multiply-accumulate is usually counted as two operations (a multiply and an add).

    >>> round(peak_tops(65536, 700), 1)  # TPU v1: 256 x 256 MACs at 700 MHz
    91.8
    """
    return ops_per_mac * mac_per_cycle * clock_mhz * 1e6 / 1e12


def kneron_mac_chart(products: pd.DataFrame, *, clock_mhz: float | None = None, ops_per_mac: int = 2,
                     clock_range: tuple[int, int] = (100, 1000)) -> alt.LayerChart:
    """MACs per cycle of each Kneron chip (as printed), labelled with the peak TOPS an assumed clock would give.

    The report gives no clock frequency, so the TOPS labels are illustrative. With
    ``clock_mhz=None`` a slider on the page sets the assumed clock (static
    interactivity); a number fixes it (for the live-kernel controls).
    """
    frame = products[products["mac_per_cycle"].notna()][["product", "mac_per_cycle", "features"]].copy()
    if frame.empty:
        raise ValueError("no product with a MAC count")
    frame["mac_per_cycle"] = frame["mac_per_cycle"].astype(float)
    frame["ops_per_mac"] = ops_per_mac
    x = alt.X("product:N", title=None, sort=None, axis=alt.Axis(labelAngle=0))
    y = alt.Y("mac_per_cycle:Q", title="Multiply-accumulates per clock cycle (MAC/cycle)",
              scale=alt.Scale(domain=[0, float(frame["mac_per_cycle"].max()) * 1.15]))
    bars = alt.Chart(frame).mark_bar(color=KNERON, size=70).encode(x=x, y=y)
    if clock_mhz is None:
        clock = alt.param(name="clock_mhz", value=500,
                          bind=alt.binding_range(min=clock_range[0], max=clock_range[1], step=50,
                                                 name="Assumed clock (MHz, illustrative) "))
        clock_expr = "clock_mhz"
    else:
        clock = None
        clock_expr = repr(float(clock_mhz))
    frame_tops = f"datum.ops_per_mac * datum.mac_per_cycle * {clock_expr} / 1000000"
    with_tops = bars.transform_calculate(tops=frame_tops, clock=clock_expr).transform_calculate(
        label="'≈ ' + format(datum.tops, '.2f') + ' TOPS at ' + format(datum.clock, '.0f') + ' MHz'")
    with_tops = with_tops.encode(tooltip=[
        alt.Tooltip("product:N", title="Chip"), alt.Tooltip("mac_per_cycle:Q", title="MAC/cycle (printed)", format=",.0f"),
        alt.Tooltip("clock:Q", title="Assumed clock (MHz)", format=".0f"),
        alt.Tooltip("tops:Q", title="Implied peak (TOPS, illustrative)", format=".2f")])
    text = alt.Chart(frame).mark_text(dy=-8, fontSize=12, baseline="bottom").encode(x=x, y=y, text="label:N")
    text = text.transform_calculate(tops=frame_tops, clock=clock_expr).transform_calculate(
        label="'≈ ' + format(datum.tops, '.2f') + ' TOPS at ' + format(datum.clock, '.0f') + ' MHz'")
    if clock is not None:
        with_tops = with_tops.add_params(clock)
    ops = "2 operations" if ops_per_mac == 2 else f"{ops_per_mac} operation" + ("s" if ops_per_mac != 1 else "")
    return alt.layer(with_tops, text).properties(
        title=alt.Title("Kneron chips: MACs per cycle, and what a clock would make of them",
                        subtitle=[f"Source: report §7 (kneron.com). Labels: peak TOPS = MAC/cycle × {ops} × clock;",
                                  "the clock is an assumption (the report states none), so labels are illustrative."]),
        description=("Bar chart of multiply-accumulates per cycle: " + ", ".join(
            f"{p} {m:,.0f}" for p, m in zip(frame["product"], frame["mac_per_cycle"]))
            + ". Labels give the peak TOPS at an assumed clock frequency."),
    )


def kneron_efficiency_table(products: pd.DataFrame, claims: pd.DataFrame) -> pd.DataFrame:
    """What the report gives for each Kneron chip towards an efficiency figure (TOPS/W).

    TOPS/W needs a compute rate (operations per second, at a stated precision)
    and a power. A rate needs a clock; a power is the chip's, not a device's.
    Where the report does not state a figure the cell says so, and TOPS per watt
    is computed only where both a rate and a power are given.
    """
    chips = products[products["category"].astype(str) == "SoC"]
    rows = []
    for row in chips.itertuples():
        about = claims[claims["product"] == row.product].set_index("metric")
        compute = f"{int(row.mac_per_cycle):,} MAC per cycle" if not pd.isna(row.mac_per_cycle) else NOT_STATED
        tops = getattr(row, "tops", None)
        watts = getattr(row, "power_w", None)
        if "aa_batteries" in about.index and "battery_life" in about.index:
            battery = about.loc["battery_life"]
            power = (f"not stated for the chip; a device runs on {about.loc['aa_batteries', 'value']:g} AA batteries "
                     f"for {battery['qualifier'] + ' ' if isinstance(battery['qualifier'], str) else ''}"
                     f"{battery['value']:g} {battery['unit']}")
        else:
            power = NOT_STATED if watts is None or pd.isna(watts) else f"{watts:g} W"
        if tops is not None and watts is not None and not pd.isna(tops) and not pd.isna(watts):
            efficiency = f"{tops / watts:.2f}"
        else:
            missing = [what for what, value in (("ops per second", tops), ("power", watts))
                       if value is None or pd.isna(value)]
            efficiency = "cannot be computed (no " + " and no ".join(missing) + ")"
        precision = getattr(row, "precision", None)
        rows.append({"Chip": row.product, "Compute as printed": compute,
                     "Clock": NOT_STATED, "Precision": precision if isinstance(precision, str) else NOT_STATED,
                     "Power": power, "TOPS per watt": efficiency})
    return pd.DataFrame(rows)
