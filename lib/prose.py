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
"""Where the corrections table sits, relative to a page in ``chapters/``."""


def correction_note(correction_id: str, *, record: str | None = None, corrections=None) -> Markdown:
    """An admonition showing a correction where the corrected item appears.

    It gives the value as printed, the corrected value, the explanation, the
    sources and the confidence, and links to the catalogue's corrections table.
    ``record`` picks one row when an ID covers several records. A low-confidence
    correction is shown as flagged, not established. Display the result from a
    cell tagged ``remove-input``.
    """
    if corrections is None:
        from lib import data

        corrections = data.load("corrections")
    rows = corrections[corrections["correction_id"] == correction_id]
    if record is not None:
        rows = rows[rows["record"] == record]
    if rows.empty:
        raise KeyError(f"no correction {correction_id!r}" + (f" for record {record!r}" if record else ""))
    blocks = []
    for row in rows.itertuples():
        links = " ".join(f"[{i}]({url.strip()})" for i, url in enumerate(str(row.sources).split(" ; "), start=1))
        blocks.append(f"**As printed:** {row.printed_value} · **Corrected:** {row.corrected_value} · "
                      f"**Confidence:** {row.confidence}\n\n{row.explanation} Sources: {links}.")
    flagged = (rows["confidence"] == "low").any()
    kind = "warning" if flagged else "note"
    title = f"Correction {correction_id}" + (" (flagged: low confidence)" if flagged else "")
    body = "\n\n".join(blocks)
    return Markdown(f":::{{admonition}} {title}\n:class: {kind}\n\n{body}\n\nAll corrections: "
                    f"[data catalogue]({CATALOGUE_CORRECTIONS}).\n:::\n")
