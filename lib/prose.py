"""Quote computed values in a chapter's prose through myst-nb ``glue``.

``quote(name, value)`` stores a number as a plain Python ``int`` or ``float`` (so
``{glue:text}`name:.1f``` formats it) and text as Markdown (so ``{glue:md}`name```
inserts it without quotes). Nothing is displayed where the cell runs.
"""

from __future__ import annotations

import numbers

from IPython.display import Markdown
from myst_nb import glue


def quote(name: str, value) -> None:
    """Register ``value`` under ``name`` for the chapter's text."""
    if isinstance(value, bool):
        raise TypeError(f"{name}: quote a boolean as text, not as a number")
    if isinstance(value, numbers.Integral):
        glue(name, int(value), display=False)
    elif isinstance(value, numbers.Real):
        glue(name, float(value), display=False)
    elif isinstance(value, str):
        glue(name, Markdown(value), display=False)
    else:
        raise TypeError(f"{name}: cannot quote a {type(value).__name__}")


CATALOGUE_CORRECTIONS = "data_catalogue.md#corrections-printed-values-beside-public-sources"
"""Where the corrections section sits, relative to a page in ``chapters/``. Each correction's own
entry there has an anchor of its own: see :func:`lib.catalogue.correction_anchor`."""


SOURCE_KIND_LABELS = {"primary": "primary", "reputable secondary": "secondary", "weak": "weak"}
"""How a source's grade (``correction_sources.kind``) reads beside its link."""


def source_links(correction_id: str, urls: str, sources=None) -> str:
    """The numbered links of a correction's sources, each followed by its grade.

    A link with a primary replacement (``correction_sources.replacement_url``)
    is shown by the replacement, with the link first cited given after it. Without a
    ``sources`` table (``correction_sources``) the links carry no grade.
    """
    graded = {}
    if sources is not None:
        for row in sources[sources["correction_id"] == correction_id].itertuples():
            graded[str(row.url)] = (str(row.kind), "" if _blank(row.replacement_url) else str(row.replacement_url))
    shown: dict[str, tuple[str, list[str]]] = {}  # link shown -> (grade, weak copies it stands in for)
    for url in (u.strip() for u in str(urls).split(" ; ")):
        kind, replacement = graded.get(url, ("", ""))
        if replacement:
            shown.setdefault(replacement, ("primary", []))[1].append((url, kind))
        else:
            shown.setdefault(url, (SOURCE_KIND_LABELS.get(kind, ""), []))
    links = []
    for i, (url, (grade, copies)) in enumerate(shown.items(), start=1):
        note = grade + (f"; in place of {_stand_ins(copies)}" if copies else "")
        links.append(f"[{i}]({url})" + (f" ({note})" if note else ""))
    return " · ".join(links)


def _stand_ins(copies: list[tuple[str, str]]) -> str:
    """The links a primary replacement stands in for: "a weak copy", "weak copies a, b", "the page first cited"."""
    weak = [url for url, kind in copies if kind == "weak"]
    named = [f"[a weak copy]({weak[0]})"] if len(weak) == 1 else (
        ["weak copies " + ", ".join(f"[{chr(97 + j)}]({url})" for j, url in enumerate(weak))] if weak else [])
    return ", ".join(named + [f"[the page first cited]({url})" for url, kind in copies if kind != "weak"])


def _blank(value) -> bool:
    return value is None or (isinstance(value, float) and value != value) or str(value).strip() == ""


def correction_note(correction_id: str, *, record: str | None = None, corrections=None, sources=None) -> Markdown:
    """An admonition showing a correction where the corrected item appears.

    It gives the value as printed, the corrected value (with units), the explanation,
    the sources with their grade (primary, secondary, weak; from ``correction_sources``)
    and the confidence, and links each record to its own entry in the data catalogue
    (``data_catalogue.html#correction-a6-2``). Where an ID covers several records, each
    carries its sub-ID (A6.1, A6.2... in file order, as in the catalogue); ``record``
    picks the rows of one record. A low-confidence correction is shown as flagged, not
    established. Display the result from a cell tagged ``remove-input``.
    """
    from lib.catalogue import correction_link, correction_records

    if corrections is None or sources is None:
        from lib import data

        corrections = data.load("corrections") if corrections is None else corrections
        sources = data.load("correction_sources") if sources is None else sources
    every = correction_records(corrections)  # sub-IDs are numbered over the whole file
    rows = every[every["correction_id"] == correction_id]
    if record is not None:
        rows = rows[rows["record"] == record]
    if rows.empty:
        raise KeyError(f"no correction {correction_id!r}" + (f" for record {record!r}" if record else ""))
    several = len(rows) > 1 or rows.iloc[0]["sub_id"] != correction_id
    blocks = []
    for row in rows.itertuples():
        links = source_links(correction_id, row.sources, sources)
        confidence = "low (flagged: the sources do not establish it)" if row.confidence == "low" else row.confidence
        field = f": {row.field_words}" if row.field_words else ""
        label = f"**{row.sub_id}** · {row.what}{field}\n\n" if several else ""
        blocks.append(f"{label}**As printed:** {row.printed_shown} · **Corrected:** {row.corrected_shown} · "
                      f"**Confidence:** {confidence}\n\n{row.explanation} Sources: {links}. "
                      f"Catalogue entry: {correction_link(row.sub_id)}.")
    flagged = (rows["confidence"] == "low").any()
    kind = "warning" if flagged else "note"
    shown = rows.iloc[0]["sub_id"] if len(rows) == 1 else correction_id
    title = f"Correction {shown}" + (" (flagged: low confidence)" if flagged else "")
    body = "\n\n".join(blocks)
    return Markdown(f":::{{admonition}} {title}\n:class: {kind}\n\n{body}\n\nAll corrections: "
                    f"[data catalogue]({CATALOGUE_CORRECTIONS}).\n:::\n")
