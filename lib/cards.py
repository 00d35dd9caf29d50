"""Tables whose rows are long, written as stacked cards that read on a phone.

A source list with a quoted phrase per row makes a table of five or more columns
whose rows grow a dozen lines tall at phone width. :func:`cards_markdown` writes
each row as one card instead (the book's ``bk-record`` container, as the
corrections use): a heading line of short fields, a line of labelled fields, and
the quote on its own.
"""

from __future__ import annotations

import pandas as pd

from lib.catalogue import markdown_cell


def cards_markdown(frame: pd.DataFrame, *, head: list[str], fields: list[str] = (), quote: str | None = None) -> str:
    """MyST Markdown with one card per row of ``frame``.

    The ``head`` columns open the card on one line, joined by " · ", the first in bold;
    each of ``fields`` follows as "Column: value" on a second line (empty values left
    out); ``quote`` is set apart as a block quote. Unknown columns raise a ``KeyError``
    naming them.
    """
    wanted = [*head, *fields, *([quote] if quote else [])]
    missing = [column for column in wanted if column not in frame.columns]
    if missing:
        raise KeyError(f"cards_markdown: no column {', '.join(map(repr, missing))} in {list(frame.columns)}")
    blocks = []
    for _, row in frame.iterrows():
        first, *rest = [markdown_cell(row[column]) for column in head]
        lines = [":::{container} bk-record", "", " · ".join([f"**{first}**", *[r for r in rest if r]]), ""]
        labelled = [f"{column}: {markdown_cell(row[column])}" for column in fields if markdown_cell(row[column])]
        if labelled:
            lines += [" · ".join(labelled), ""]
        if quote and markdown_cell(row[quote]):
            lines += [f"> {markdown_cell(row[quote])}", ""]
        blocks.append("\n".join([*lines, ":::", ""]))
    return "\n".join(blocks)
