"""Readable records: a dataset's row, field and value in words, with units and rounding."""

from __future__ import annotations

import math
import re

import pandas as pd

from lib import data


#: Units shown before the number ("USD 682 million") rather than after it.
_PREFIX_UNITS = {"USD million": ("USD ", " million"), "USD billion": ("USD ", " billion")}
#: Units written without a space, or not at all.
_TIGHT_UNITS = {"percent": "%", "times": "×"}
_BARE_UNITS = {"", "count", "year"}
#: Words for tokens of snake_case metric and field names.
_WORDS = {"bert": "BERT", "resnet50": "ResNet-50", "aws": "AWS", "yoy": "year on year", "exapod": "ExaPOD",
          "tops": "TOPS", "pbit": "Pb", "mb": "MB", "gb": "GB", "nm": "nm", "usd": "USD", "sram": "SRAM",
          "ipu": "IPU", "mac": "MAC", "vs": "vs", "x": "", "w": "W", "mtr": "MTr", "mm2": "mm²", "pct": "%", "series": "Series", "a": "A"}


def parse_record(record) -> dict[str, str]:
    """A record key (``"company=Cerebras; date=2016-05"``) as a dict; ``{}`` for "all rows" or blanks.

    >>> parse_record("company=Graphcore; product=IPU")
    {'company': 'Graphcore', 'product': 'IPU'}
    """
    if record is None or (isinstance(record, float) and pd.isna(record)) or "=" not in str(record):
        return {}
    return dict(part.split("=", 1) for part in str(record).split("; "))


def words(name: str) -> str:
    """A snake_case name in plain words: ``"cabinets_per_exapod"`` -> ``"cabinets per ExaPOD"``."""
    parts = [_WORDS.get(part, part) for part in str(name).split("_")]
    return " ".join(p for p in parts if p)


def to_number(value) -> float | None:
    """``value`` as a float if it is a plain number ("1,527", 23.0, "2.22"); otherwise ``None``."""
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        return None if pd.isna(value) else float(value)
    text = str(value).strip().replace(",", "")
    try:
        return float(text)
    except ValueError:
        return None


def decimals_of(value) -> int:
    """Decimal places of a printed number: ``"2.22"`` -> 2, ``"40"`` -> 0, a resolution ``0.1`` -> 1."""
    text = str(value).strip()
    if to_number(text) is None:
        return 0
    if "e" in text.lower():
        text = f"{float(text):f}".rstrip("0")
    return len(text.split(".", 1)[1]) if "." in text else 0


def format_number(value, decimals: int | None = None, *, year: bool = False) -> str:
    """A number with thousands separators, rounded to ``decimals`` (default: as few as it needs, at most 3).

    >>> format_number(38.9559, 2), format_number(45448), format_number(2021, year=True), format_number(0.277778)
    ('38.96', '45,448', '2021', '0.278')
    """
    number = to_number(value)
    if number is None:
        return str(value)
    if year:
        return f"{number:.0f}"
    if decimals is None:
        text = f"{number:,.3f}".rstrip("0").rstrip(".")
        return "0" if text in {"-0", ""} else text
    return f"{number:,.{decimals}f}"


def significant(value: float, digits: int = 2) -> str:
    """``value`` to ``digits`` significant figures, as text: ``0.0515634`` -> ``"0.052"``."""
    number = float(value)
    if number == 0:
        return "0"
    places = max(0, digits - 1 - math.floor(math.log10(abs(number))))
    text = format_number(round(number, places), places)
    return text.rstrip("0").rstrip(".") if "." in text else text


def quantity(value, unit=None, *, decimals: int | None = None) -> str:
    """A value with its unit, for a reader: ``quantity(682, "USD million")`` -> ``"USD 682 million"``.

    A value that is not a plain number (a name, a date, a sentence) is returned as it is,
    without a unit; an empty value reads "(blank)". Numbers keep the digits given to
    them unless ``decimals`` says otherwise.

    >>> quantity(40.0, "percent", decimals=1), quantity(2.22, "times"), quantity("TPUv4i", "TOPS")
    ('40.0%', '2.22×', 'TPUv4i')
    >>> quantity(46225, "mm²"), quantity(1984, "year"), quantity(None, "MB")
    ('46,225 mm²', '1984', '(blank)')
    """
    if value is None or (isinstance(value, float) and pd.isna(value)) or str(value).strip() == "":
        return "(blank)"
    number = to_number(value)
    if number is None:
        return str(value)
    unit = "" if unit is None or (isinstance(unit, float) and pd.isna(unit)) else str(unit)
    if decimals is None and isinstance(value, str):
        decimals = decimals_of(value)
    elif decimals is None and not float(number).is_integer():
        decimals = None
    elif decimals is None:
        decimals = 0
    text = format_number(number, decimals, year=unit == "year")
    if unit in _PREFIX_UNITS:
        before, after = _PREFIX_UNITS[unit]
        return f"{before}{text}{after}"
    if unit in _TIGHT_UNITS:
        return f"{text}{_TIGHT_UNITS[unit]}"
    if unit in _BARE_UNITS or unit.startswith("see "):
        return text
    return f"{text} {unit}"


def field_unit(dataset: str, field: str, *, package: dict | None = None) -> str | None:
    """The unit ``datapackage.json`` gives a field, or ``None`` (placeholders like "see unit" count as none)."""
    package = package or data.package_descriptor()
    for resource in package["resources"]:
        if resource["name"] == dataset:
            for f in resource["schema"]["fields"]:
                if f["name"] == field:
                    unit = f.get("unit")
                    return None if not unit or unit.startswith("see ") or "(see" in unit else unit
    return None


def field_label(field: str) -> str:
    """A column name in words, without the bookkeeping suffixes: ``purpose_printed`` -> ``"purpose"``."""
    name = str(field)
    korean = name.endswith("_ko")
    for suffix in ("_ko", "_printed", "_as_stated"):
        if name.endswith(suffix):
            name = name[: -len(suffix)]
    label = words(name) or str(field)
    if label == "as":
        label = "wording"
    return f"{label} (Korean text)" if korean else label


def _title(dataset: str, package: dict) -> str:
    for resource in package["resources"]:
        if resource["name"] == dataset:
            return resource.get("title", dataset)
    return dataset


def describe_record(dataset: str, record, *, claims: pd.DataFrame | None = None, package: dict | None = None,
                    frames: dict[str, pd.DataFrame] | None = None) -> str:
    """Say in words which row of which dataset ``record`` is.

    A claim reads "Claim C064 (§6 Graphcore): funding total of Graphcore, to 2020-12"
    (section, metric, product or company, period, from ``claims``); a table row reads
    "Goya (Habana Labs), in “Leading companies' representative AI products”": its key
    values, the company if the key does not name it, and the dataset's title.
    ``frames`` maps dataset names to loaded tables (loaded on demand otherwise).
    """
    package = package or data.package_descriptor()
    key = parse_record(record)
    title = _title(dataset, package)
    if dataset == "claims" and "claim_id" in key:
        claims = claims if claims is not None else data.load("claims")
        rows = claims[claims["claim_id"] == key["claim_id"]]
        if rows.empty:
            return f"Claim {key['claim_id']}"
        row = rows.iloc[0]
        subject = next((str(row[c]) for c in ("product", "company", "segment")
                        if c in row and isinstance(row[c], str) and row[c].strip()), "")
        text = f"Claim {key['claim_id']} ({row['report_section']}): {words(row['metric'])}"
        text += f" of {subject}" if subject else ""
        period = row.get("period")
        if isinstance(period, str) and period.strip():
            text += f", {period}"
        return text
    if not key:
        return f"Every row of “{title}”"
    frames = frames if frames is not None else {}
    label = ", ".join(words(v) if re.fullmatch(r"[a-z0-9]+(_[a-z0-9]+)+", v) else v for v in key.values())
    if dataset in frames and "row_printed" in frames[dataset].columns:
        match = frames[dataset]
        for column, value in key.items():
            if column in match.columns:
                match = match[match[column].astype(str) == value]
        if len(match) == 1:
            label = f"{match.iloc[0]['row_printed']} row"
    if "company" not in key:
        try:
            table = frames[dataset] if dataset in frames else data.load(dataset)
        except (KeyError, FileNotFoundError):
            table = None
        if table is not None and "company" in table.columns:
            match = table
            for column, value in key.items():
                if column in match.columns:
                    match = match[match[column].astype(str) == value]
            companies = [c for c in match["company"].dropna().astype(str).unique() if c and c not in label]
            if len(companies) == 1:
                label += f" ({companies[0]})"
    return f"{label}, in “{title}”"


def value_unit(dataset: str, record, field: str, *, claims: pd.DataFrame | None = None,
               package: dict | None = None) -> str | None:
    """The unit of one cell: a claim's own ``unit`` for its ``value``, else the field's unit."""
    if field == "founded" or field.endswith("year"):
        return "year"
    if dataset == "claims" and field in {"value", "printed_resolution"}:
        claims = claims if claims is not None else data.load("claims")
        key = parse_record(record)
        rows = claims[claims["claim_id"] == key.get("claim_id")]
        return None if rows.empty else rows.iloc[0]["unit"]
    return field_unit(dataset, field, package=package)
