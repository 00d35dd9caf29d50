"""Render the data catalogue (a MyST-markdown page body) from ``datapackage.json``.

The catalogue chapter calls :func:`catalogue_markdown` at build time, so the page
always lists exactly the resources, fields, units and sources in the package.
Download links use Sphinx's ``{download}`` role, which copies each CSV into the
built site.
"""

from __future__ import annotations

import math
import re
from pathlib import Path
from urllib.parse import urlparse

import pandas as pd

from lib import data
from lib.downloads import ZIP_NAME


def _cell(text) -> str:
    """Make a value safe for one cell of a Markdown table."""
    if text is None or (isinstance(text, float) and pd.isna(text)):
        return ""
    return str(text).replace("|", "\\|").replace("\n", " ").strip()


def _sources(resource: dict) -> str:
    parts = []
    for source in resource.get("sources", []):
        title = source.get("title", "")
        path = source.get("path")
        parts.append(f"[{title}]({path})" if path and path.startswith("http") else title)
    return "; ".join(p for p in parts if p)


def markdown_table(frame: pd.DataFrame) -> str:
    """A DataFrame as a Markdown pipe table (strings escaped, missing values blank)."""
    header = "| " + " | ".join(_cell(c) for c in frame.columns) + " |"
    rule = "|" + "---|" * len(frame.columns)
    rows = ["| " + " | ".join(_cell(v) for v in row) + " |" for row in frame.itertuples(index=False)]
    return "\n".join([header, rule, *rows])


def dataset_anchor(name: str) -> str:
    """The label (and HTML id) of a dataset's heading in the catalogue: ``market_by_device`` -> ``dataset-market-by-device``."""
    return "dataset-" + re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")


def field_list(resource: dict) -> str:
    """A dataset's fields as a list that reads on a phone: name, type and unit, then the description."""
    lines = []
    for f in resource["schema"]["fields"]:
        kind = f.get("type", "string")
        unit = f.get("unit")
        detail = f"{kind}, {unit}" if unit else kind
        lines.append(f"- `{f['name']}` ({_cell(detail)}): {_cell(f.get('description', ''))}")
    return "\n".join(lines)


def resource_markdown(resource: dict, *, rows: int, link_prefix: str) -> str:
    """One dataset's section: title, description, source, download link and its fields (folded)."""
    key = resource["schema"].get("primaryKey", [])
    key = [key] if isinstance(key, str) else key
    lines = [
        f"({dataset_anchor(resource['name'])})=",
        f"### {resource.get('title', resource['name'])}",
        "",
        f"`{resource['name']}`: {rows} rows. {resource.get('description', '')}",
        "",
    ]
    if resource.get("report_section"):
        lines += [f"**Report section:** {resource['report_section']}", ""]
    if _sources(resource):
        lines += [f"**Source:** {_sources(resource)}", ""]
    if key:
        lines += ["**Key:** " + ", ".join(f"`{k}`" for k in key), ""]
    # the field list is folded (a catalogue of dozens of datasets stays scannable on a phone);
    # find-in-page opens it, and book.css unfolds it on paper
    fields = resource["schema"]["fields"]
    lines += [f"**Download:** {{download}}`{Path(resource['path']).name} <{link_prefix}{resource['path']}>`", "",
              f'<details class="bk-fields"><summary>Fields ({len(fields)})</summary>', "",
              field_list(resource), "", "</details>", ""]
    return "\n".join(lines)


def contents_markdown(*, data_dir: Path | str = data.DATA_DIR) -> str:
    """A contents list of the datasets, each linking to its section of the catalogue."""
    package = data.package_descriptor(data_dir=data_dir)
    return "\n".join(f"- [{_cell(r.get('title', r['name']))}](#{dataset_anchor(r['name'])}) (`{r['name']}`)"
                     for r in package["resources"])


def catalogue_markdown(*, data_dir: Path | str = data.DATA_DIR, link_prefix: str = "../data/") -> str:
    """The whole catalogue: package licence and source, then one section per resource.

    ``link_prefix`` is the path from the page that shows the catalogue to the data
    folder (the catalogue chapter lives in ``chapters/``).
    """
    package = data.package_descriptor(data_dir=data_dir)
    licences = "; ".join(
        f"[{lic.get('title', lic['name'])}]({lic['path']})" if lic.get("path") else lic.get("title", lic["name"])
        for lic in package.get("licenses", []))
    lines = [f"**Licence:** {licences}", "",
             f"**Package descriptor:** {{download}}`datapackage.json <{link_prefix}datapackage.json>`", "",
             f"**Everything in one file:** {{download}}`{ZIP_NAME} <{link_prefix}../_build/downloads/{ZIP_NAME}>` "
             "(the descriptor, every dataset below and the licence; Frictionless opens it as it is)", ""]
    for resource in package["resources"]:
        rows = len(data.load(resource["name"], data_dir=data_dir))
        lines.append(resource_markdown(resource, rows=rows, link_prefix=link_prefix))
    return "\n".join(lines)


# --- readable records: words, units, rounding -----------------------------------------------------

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


# --- corrections: one ID per fact, an anchor per entry --------------------------------------------

def correction_sub_ids(corrections: pd.DataFrame) -> list[str]:
    """One ID per row of ``corrections``: the correction ID where it covers one record, else
    ``A6.1``, ``A6.2``... numbered in row order within the ID. Deterministic: the same file
    always gives the same sub-IDs.

    >>> frame = pd.DataFrame({"correction_id": ["A5", "A6", "A6", "A7"]})
    >>> correction_sub_ids(frame)
    ['A5', 'A6.1', 'A6.2', 'A7']
    """
    ids = corrections["correction_id"].astype(str)
    sizes = ids.value_counts()
    seen: dict[str, int] = {}
    result = []
    for cid in ids:
        if sizes[cid] == 1:
            result.append(cid)
        else:
            seen[cid] = seen.get(cid, 0) + 1
            result.append(f"{cid}.{seen[cid]}")
    return result


def correction_anchor(sub_id: str) -> str:
    """The HTML anchor (and Sphinx label) of a correction's catalogue entry: ``A6.1`` -> ``correction-a6-1``."""
    return "correction-" + re.sub(r"[^a-z0-9]+", "-", str(sub_id).lower()).strip("-")


def correction_link(sub_id: str) -> str:
    """A MyST link, valid from any page of the book, to a correction's catalogue entry."""
    return f"[{sub_id}](#{correction_anchor(sub_id)})"


def _host(url: str) -> str:
    host = urlparse(url.strip()).netloc
    return host[4:] if host.startswith("www.") else host or url.strip()


def source_links(sources) -> str:
    """The " ; "-separated URLs of a correction as links named by their site: "[cnbc.com](...)"."""
    if not isinstance(sources, str) or not sources.strip():
        return "none given"
    return ", ".join(f"[{_host(u)}]({u.strip()})" for u in sources.split(" ; ") if u.strip())


def correction_records(corrections: pd.DataFrame, *, claims: pd.DataFrame | None = None,
                       package: dict | None = None) -> pd.DataFrame:
    """``corrections`` with a sub-ID, an anchor, the record in words, the field in words and
    the printed and corrected values with their units."""
    package = package or data.package_descriptor()
    claims = claims if claims is not None else data.load("claims")
    frames: dict[str, pd.DataFrame] = {}
    for name in corrections["dataset"].unique():
        if name != "claims":
            try:
                frames[name] = data.load(name)
            except Exception:  # noqa: BLE001 - a description can do without the table
                pass
    out = corrections.copy()
    out["sub_id"] = correction_sub_ids(corrections)
    out["anchor"] = out["sub_id"].map(correction_anchor)
    out["what"] = [describe_record(r.dataset, r.record, claims=claims, package=package, frames=frames)
                   for r in corrections.itertuples()]
    out["field_words"] = corrections["field"].map(field_label)
    units = [value_unit(r.dataset, r.record, r.field, claims=claims, package=package) for r in corrections.itertuples()]
    out["printed_shown"] = [quantity(v, u) for v, u in zip(corrections["printed_value"], units)]
    out["corrected_shown"] = [quantity(v, u) for v, u in zip(corrections["corrected_value"], units)]
    return out


def _usage_links(usage: pd.DataFrame | None, correction_id: str, record) -> str:
    if usage is None or usage.empty:
        return ""
    hits = usage[(usage["correction_id"] == correction_id)
                 & (usage["record"].isna() | (usage["record"] == record))]
    pages = dict(zip(hits["chapter"], hits["title"]))
    return ", ".join(f"[{title}]({chapter}.md)" for chapter, title in pages.items())


def corrections_markdown(corrections: pd.DataFrame, *, usage: pd.DataFrame | None = None, anchors: bool = True,
                         claims: pd.DataFrame | None = None, package: dict | None = None,
                         explanation: bool = True, every: pd.DataFrame | None = None) -> str:
    """The corrections as stacked entries that read on a phone, one per record.

    Each entry gives its ID (a sub-ID where the correction covers several records), the
    record and field in words, the printed and corrected values with units, the confidence,
    the explanation, the sources named by site, and (given ``usage`` from
    :func:`correction_usage`) the chapters that show it. With ``anchors`` each entry carries
    the label ``correction-a6-1`` that :func:`lib.prose.correction_note` links to; only one
    page of the book may set them. Pass the whole table as ``every`` when ``corrections``
    is a selection of its rows, so that sub-IDs are numbered over the whole file.
    """
    rows = correction_records(every if every is not None else corrections, claims=claims, package=package)
    rows = rows.loc[corrections.index]
    blocks = []
    for row in rows.itertuples():
        lines = []
        if anchors:
            lines += [f"({row.anchor})=", ""]
        head = (row.sub_id if anchors else correction_link(row.sub_id))
        lines += [":::{container} bk-record", "",
                  f"**{head}** · {row.what}: **{row.field_words}**", "",
                  f"As printed: **{_cell(row.printed_shown)}** → corrected: **{_cell(row.corrected_shown)}** "
                  f"· confidence: {row.confidence}", ""]
        if explanation:
            lines += [str(row.explanation), ""]
        lines += [f"Sources: {source_links(row.sources)}", ""]
        used = _usage_links(usage, row.correction_id, row.record)
        if usage is not None:
            lines += [f"Shown in: {used}" if used else "Shown in: the data only (no chapter shows it in place)", ""]
        lines += [f"{{sub}}`{row.dataset} · {row.record} · {row.field}`", "", ":::", ""]
        blocks.append("\n".join(lines))
    return "\n".join(blocks)


# --- data notes: printed against computed ---------------------------------------------------------

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
            f"Printed: **{_cell(shown['printed'])}** · recomputed: **{_cell(shown['computed'])}** "
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
            out.append(f"- {_cell(what)}, {field_label(row.field)}: {_cell(before)} → “{_cell(row.reconstructed)}”. "
                       f"{_cell(row.reason)}")
        out.append("")
    return "\n".join(out)


# --- where the book shows each correction ---------------------------------------------------------

_CALL = re.compile(r"correction_note\(")
_ID = re.compile(r"""["'](A\d+)["']""")
_RECORD = re.compile(r"""record\s*=\s*["']([^"']+)["']""")
_TITLE = re.compile(r"^#\s+(.+?)\s*$", re.MULTILINE)


def toc_chapters(root: Path | str | None = None) -> list[str]:
    """The chapter stems listed in ``_toc.yml`` (``chapters/tesla`` -> ``tesla``), in order."""
    from lib import site

    root = Path(root) if root is not None else site.ROOT
    return [Path(page).stem for page in site.toc_pages(root / "_toc.yml") if page.startswith("chapters/")]


def correction_usage(chapters_dir: Path | str | None = None, *, chapters: list[str] | None = None) -> pd.DataFrame:
    """Which chapter shows which correction: scan ``chapters/*.md`` for ``correction_note`` calls.

    Every line that calls ``correction_note(`` contributes each correction ID written on it
    as a string literal (so a loop over ``["A1", "A2"]`` counts), with the ``record=``
    argument when the line gives one (``None``: the note shows every record of the ID).
    ``chapters`` limits the scan to those stems (by default, the chapters of ``_toc.yml``).
    Returns columns ``correction_id``, ``record``, ``chapter``, ``title`` (the page's first
    heading), one row per distinct use, in chapter order.
    """
    chapters_dir = Path(chapters_dir) if chapters_dir is not None else data.DATA_DIR.parent / "chapters"
    if chapters is None:
        try:
            chapters = toc_chapters(chapters_dir.parent)
        except FileNotFoundError:
            chapters = sorted(p.stem for p in chapters_dir.glob("*.md"))
    rows = []
    for stem in chapters:
        path = chapters_dir / f"{stem}.md"
        if not path.exists():
            continue
        text = path.read_text(encoding="utf-8")
        title = _TITLE.search(re.sub(r"^(```|~~~).*?^\1", "", text, flags=re.MULTILINE | re.DOTALL))
        title = title.group(1) if title else stem
        for line in text.splitlines():
            if not _CALL.search(line):
                continue
            record = _RECORD.search(line)
            for cid in _ID.findall(line):
                rows.append({"correction_id": cid, "record": record.group(1) if record else None,
                             "chapter": stem, "title": title})
    frame = pd.DataFrame(rows, columns=["correction_id", "record", "chapter", "title"])
    return frame.drop_duplicates().reset_index(drop=True)
