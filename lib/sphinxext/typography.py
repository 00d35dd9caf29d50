"""Sphinx extension: small typographic fixes on every page, made on the document tree.

* "§ 3", "19.9 %": the section sign and the per cent sign stay on the line of
  what they belong to (a no-break space replaces the space), so a line never
  ends on "§" or starts with "%";
* in a table cell, a long name joined by underscores (``training_nodes_per_chip``)
  or an address may break after an underscore or a slash (a ``<wbr>``), so the
  cell can wrap rather than push the table past its column or the paper's edge;
* a link whose text is its own address (a bibliography entry's URL) gets the
  class :data:`BARE_URL_CLASS`, so paper does not print the address twice (the
  print stylesheet writes out the address of every other outside link);
* a box (a note, a correction, an exercise's solution) longer than
  :data:`LONG_BOX_LINES` printed lines gets the class :data:`MAY_BREAK_CLASS`:
  paper lets it run on to the next page. A shorter box moves whole to the next
  page when it does not fit, which a long one would do only by leaving most of
  a page blank.

Code and raw HTML are left as they are.
"""

from __future__ import annotations

import math
import re

from docutils import nodes
from sphinx.transforms.post_transforms import SphinxPostTransform

BARE_URL_CLASS = "bk-url"
NO_BREAK = "\u00a0"
_GLUED = (re.compile(r"§ "), "§" + NO_BREAK), (re.compile(r"(\d|^) %"), r"\1" + NO_BREAK + "%")
_KEEP = (nodes.literal, nodes.literal_block, nodes.raw, nodes.FixedTextElement)
_JOINED = re.compile(r"(?<=[A-Za-z0-9])[_/](?=[A-Za-z0-9])")
MAY_BREAK_CLASS = "bk-may-break"
LONG_BOX_LINES = 16
"""Printed lines above which a box may break across pages: about 40 % of an A4 page of text."""
CHARS_PER_LINE = 75
"""Characters of running text in a printed line of a box (an A4 column at the print font size)."""
_TABLE_ROW = re.compile(r"<tr\b")


def keep_together(text: str) -> str:
    """``text`` with no-break spaces after "§" and before a "%" that follows a number (or opens the text).

    >>> keep_together("report § Market outlook: 19.9 % a year") == "report §\u00a0Market outlook: 19.9\u00a0% a year"
    True
    >>> keep_together(" % a year") == "\u00a0% a year"   # after a number pasted in by glue
    True
    """
    for pattern, replacement in _GLUED:
        text = pattern.sub(replacement, text)
    return text


def breakable(text: str) -> list[nodes.Node]:
    """``text`` as text nodes with a ``<wbr>`` after each underscore or slash that joins two words."""
    out: list[nodes.Node] = []
    start = 0
    for joint in _JOINED.finditer(text):
        out += [nodes.Text(text[start:joint.end()]), nodes.raw("", "<wbr>", format="html")]
        start = joint.end()
    return out + [nodes.Text(text[start:])]


class Typography(SphinxPostTransform):
    """Apply :func:`keep_together` to the page's text, mark links that show their own address
    and boxes that may break across pages."""

    default_priority = 900  # after myst-nb has pasted glued values into the text

    def run(self, **kwargs) -> None:
        for text in list(self.document.findall(nodes.Text)):
            parent = text.parent
            if parent is None or isinstance(parent, _KEEP) or any(isinstance(a, _KEEP) for a in _ancestors(parent)):
                continue
            changed = keep_together(str(text))
            in_cell = isinstance(parent, nodes.entry) or any(isinstance(a, nodes.entry) for a in _ancestors(parent))
            if in_cell and _JOINED.search(changed):
                parent.replace(text, breakable(changed))
            elif changed != str(text):
                parent.replace(text, nodes.Text(changed))
        for link in self.document.findall(nodes.reference):
            if _outside(link) and not _prints_address(link):
                link["classes"].append(BARE_URL_CLASS)
        for box in self.document.findall(nodes.Admonition):
            if printed_lines(box) > LONG_BOX_LINES:
                box["classes"].append(MAY_BREAK_CLASS)


def printed_lines(box: nodes.Element) -> int:
    """About how many lines ``box`` takes on paper: wrapped text (with the addresses paper writes
    after outside links), each line of code or output, each table row (tables written as HTML by
    a notebook output included)."""
    lines = 0
    for node in box.findall(nodes.Element):
        if isinstance(node, nodes.raw):
            lines += len(_TABLE_ROW.findall(node.astext())) if "html" in node.get("format", "") else 0
        elif isinstance(node, nodes.FixedTextElement):  # code, and a cell's text output
            lines += node.astext().count("\n") + 1
        elif isinstance(node, nodes.row):
            lines += 1
        elif isinstance(node, (nodes.paragraph, nodes.title)) and not any(
                isinstance(a, nodes.entry) for a in _ancestors(node)):
            # paper writes out the address of an outside link after its text
            addresses = sum(len(link["refuri"]) + 3 for link in node.findall(nodes.reference) if _prints_address(link))
            lines += math.ceil((len(node.astext()) + addresses) / CHARS_PER_LINE)
    return lines


def _outside(link: nodes.reference) -> bool:
    return link.get("refuri", "").startswith(("http://", "https://"))


def _prints_address(link: nodes.reference) -> bool:
    """Whether paper writes out the link's address after it: an outside link that does not show it."""
    return _outside(link) and link.astext().strip() != link["refuri"]


def _ancestors(node):
    while node.parent is not None:
        node = node.parent
        yield node


def setup(app):
    app.add_post_transform(Typography)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
