"""The corrections: one ID per fact, an entry per record, and the chapters that show each."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlparse

import pandas as pd

from lib import data
from lib.catalogue.datasets import markdown_cell
from lib.catalogue.records import describe_record, field_label, quantity, value_unit


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
    # a claim's "value" is the claim itself, which `what` already names
    out["field_words"] = ["" if dataset == "claims" and field == "value" else field_label(field)
                          for dataset, field in zip(corrections["dataset"], corrections["field"])]
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
                  f"**{head}** · {row.what}" + (f": **{row.field_words}**" if row.field_words else ""), "",
                  f"As printed: **{markdown_cell(row.printed_shown)}** → corrected: **{markdown_cell(row.corrected_shown)}** "
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
