"""The report's figures that do not add up (``data_notes``) and the PDF reconstructions (``ocr_fixes``)."""

from __future__ import annotations

import math
import re

import pandas as pd

from lib import data
from lib.catalogue.datasets import markdown_cell
from lib.catalogue.records import (decimals_of, describe_record, field_label, field_unit, format_number, parse_record,
                                   quantity, significant, to_number)


def note_quantities(dataset: str, record, printed, computed, tolerance, *, claims: pd.DataFrame | None = None,
                    frames: dict[str, pd.DataFrame] | None = None, package: dict | None = None) -> dict[str, str]:
    """Printed, computed and tolerance of one integrity finding, rounded and with units.

    The printed figure keeps its printed digits (a claim's ``printed_resolution``, or the
    digits of the table cell); the computed one gets one digit more, enough to show how far
    it lies; the tolerance two significant figures. A percentage's tolerance is in points.
    """
    unit, decimals, qualifier = None, None, ""
    key = parse_record(record)
    if dataset == "claims":
        claims = claims if claims is not None else data.load("claims")
        rows = claims[claims["claim_id"] == key.get("claim_id")]
        if not rows.empty:
            unit = rows.iloc[0]["unit"]
            resolution = rows.iloc[0]["printed_resolution"]
            if isinstance(rows.iloc[0].get("qualifier"), str) and rows.iloc[0]["qualifier"].strip():
                qualifier = rows.iloc[0]["qualifier"].strip() + " "
            decimals = decimals_of(format_number(resolution)) if to_number(resolution) else None
    elif key:
        frames = frames if frames is not None else {}
        table = frames[dataset] if dataset in frames else data.load(dataset)
        match = table
        for column, value in key.items():
            match = match[match[column].astype(str) == value]
        target = to_number(printed)
        for column in match.columns:
            cell = to_number(match.iloc[0][column]) if len(match) else None
            if cell is not None and target is not None and math.isclose(cell, target, rel_tol=1e-9):
                unit = field_unit(dataset, column, package=package)
                break
        decimals = decimals_of(printed)
    if decimals is None:
        decimals = decimals_of(printed)
    printed_num, computed_num = to_number(printed), to_number(computed)
    if printed_num is None or computed_num is None:
        shown = {"printed": _with_unit(printed), "computed": _with_unit(computed)}
    else:
        comp_decimals = 0 if float(computed_num).is_integer() else decimals + 1
        comp_text = format_number(computed_num, comp_decimals)
        if "." in comp_text:
            comp_text = comp_text.rstrip("0").rstrip(".")
        shown = {"printed": qualifier + quantity(printed_num, unit, decimals=decimals),
                 "computed": quantity(comp_text, unit)}
    tol = to_number(tolerance)
    if tol is None:
        shown["tolerance"] = "none (a bound or a label is compared)"
    elif unit == "percent":
        shown["tolerance"] = f"±{significant(tol)} percentage points"
    else:
        shown["tolerance"] = "±" + quantity(significant(tol), unit)
    return shown


def _with_unit(text) -> str:
    """ "46225 mm²" -> "46,225 mm²"; other text unchanged."""
    match = re.fullmatch(r"\s*([0-9][0-9.,]*)\s+(\S.*?)\s*", str(text))
    return quantity(match.group(1), match.group(2)) if match else str(text)


def findings_markdown(notes: pd.DataFrame, *, claims: pd.DataFrame | None = None,
                      package: dict | None = None) -> str:
    """Data notes (or findings shaped like them) as stacked entries: record in words, printed,
    computed and allowed difference with units, and the explanation."""
    package = package or data.package_descriptor()
    claims = claims if claims is not None else data.load("claims")
    frames = {name: data.load(name) for name in notes["dataset"].unique() if name != "claims"}
    blocks = []
    for row in notes.itertuples():
        shown = note_quantities(row.dataset, row.record, row.printed, row.computed, row.tolerance,
                                claims=claims, frames=frames, package=package)
        what = describe_record(row.dataset, row.record, claims=claims, package=package, frames=frames)
        blocks.append("\n".join([
            ":::{container} bk-record", "",
            f"**{what}**", "",
            f"Printed: **{markdown_cell(shown['printed'])}** · recomputed: **{markdown_cell(shown['computed'])}** "
            f"· allowed difference: {shown['tolerance']}", "",
            str(row.note), "",
            f"{{sub}}`check: {row.check} · {row.dataset} · {row.record}`", "", ":::", ""]))
    return "\n".join(blocks)


# --- what the PDF conversion did, by kind ---------------------------------------------------------

#: Kinds of reconstruction in ``ocr_fixes``, in the order the notes present them, each with the
#: phrases of the ``reason`` column that mark it (first match wins, lower case).
OCR_FIX_KINDS = [
    ("Garbled names and stray fragments", ("garbled", "stray fragment")),
    ("Merged cells spread over rows, and rows split in the wrong place", ("merged", "split the")),
    ("Line breaks inside a cell turned into spaces", ("line break",)),
    ("Misread letters and symbols", ('"al" for "ai"', "misread", "came out as", "minus sign", "lower-case l",
                                     "(milli)")),
    ("Slips in the printed text itself", ("typo", "comma", "well-formed", "printed as one", "(drive)")),
    ("Names written the way their owners write them", ("normalised", "spelling")),
]
OTHER_KIND = "Other reconstructions"


def ocr_fix_kind(reason) -> str:
    """The kind of a reconstruction, from the words of its ``reason`` (see :data:`OCR_FIX_KINDS`).

    >>> ocr_fix_kind('"Al" for "AI".'), ocr_fix_kind("A line break inside the cell became a space.")
    ('Misread letters and symbols', 'Line breaks inside a cell turned into spaces')
    """
    text = str(reason).lower()
    for kind, phrases in OCR_FIX_KINDS:
        if any(phrase in text for phrase in phrases):
            return kind
    return OTHER_KIND


def ocr_fixes_markdown(fixes: pd.DataFrame, *, claims: pd.DataFrame | None = None,
                       package: dict | None = None) -> str:
    """Every row of ``ocr_fixes``, grouped by kind, as short entries: record in words, field,
    text as extracted, text as reconstructed, and the reason."""
    package = package or data.package_descriptor()
    claims = claims if claims is not None else data.load("claims")
    frames = {name: data.load(name) for name in fixes["dataset"].unique() if name != "claims"}
    kinds = fixes["reason"].map(ocr_fix_kind)
    order = [k for k, _ in OCR_FIX_KINDS] + [OTHER_KIND]
    out = []
    for kind in order:
        group = fixes[kinds == kind]
        if group.empty:
            continue
        out += [f"**{kind}** ({len(group)})", ""]
        for row in group.itertuples():
            what = describe_record(row.dataset, row.record, claims=claims, package=package, frames=frames)
            before = "(blank)" if pd.isna(row.as_printed) or not str(row.as_printed).strip() else f"“{row.as_printed}”"
            out.append(f"- {markdown_cell(what)}, {field_label(row.field)}: {markdown_cell(before)} → “{markdown_cell(row.reconstructed)}”. "
                       f"{markdown_cell(row.reason)}")
        out.append("")
    return "\n".join(out)
