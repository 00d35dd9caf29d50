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


def correction_note(correction_id: str, *, record: str | None = None, corrections=None) -> Markdown:
    """An admonition showing a correction where the corrected item appears.

    It gives the value as printed, the corrected value (with units), the explanation,
    the sources and the confidence, and links each record to its own entry in the data
    catalogue (``data_catalogue.html#correction-a6-2``). Where an ID covers several
    records, each carries its sub-ID (A6.1, A6.2... in file order, as in the catalogue);
    ``record`` picks the rows of one record. A low-confidence correction is shown as
    flagged, not established. Display the result from a cell tagged ``remove-input``.
    """
    from lib.catalogue import correction_link, correction_records

    if corrections is None:
        from lib import data

        corrections = data.load("corrections")
    every = correction_records(corrections)  # sub-IDs are numbered over the whole file
    rows = every[every["correction_id"] == correction_id]
    if record is not None:
        rows = rows[rows["record"] == record]
    if rows.empty:
        raise KeyError(f"no correction {correction_id!r}" + (f" for record {record!r}" if record else ""))
    several = len(rows) > 1 or rows.iloc[0]["sub_id"] != correction_id
    blocks = []
    for row in rows.itertuples():
        links = " ".join(f"[{i}]({url.strip()})" for i, url in enumerate(str(row.sources).split(" ; "), start=1))
        label = f"**{row.sub_id}** · {row.what}: {row.field_words}\n\n" if several else ""
        blocks.append(f"{label}**As printed:** {row.printed_shown} · **Corrected:** {row.corrected_shown} · "
                      f"**Confidence:** {row.confidence}\n\n{row.explanation} Sources: {links}. "
                      f"Catalogue entry: {correction_link(row.sub_id)}.")
    flagged = (rows["confidence"] == "low").any()
    kind = "warning" if flagged else "note"
    shown = rows.iloc[0]["sub_id"] if len(rows) == 1 else correction_id
    title = f"Correction {shown}" + (" (flagged: low confidence)" if flagged else "")
    body = "\n\n".join(blocks)
    return Markdown(f":::{{admonition}} {title}\n:class: {kind}\n\n{body}\n\nAll corrections: "
                    f"[data catalogue]({CATALOGUE_CORRECTIONS}).\n:::\n")
