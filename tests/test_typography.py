"""Typographic fixes: "§" and "%" stay with their word; links that show their address are marked."""

import re

import pytest
from docutils import nodes
from docutils.core import publish_doctree

from lib import site
from lib.sphinxext.typography import (BARE_URL_CLASS, CHARS_PER_LINE, MAY_BREAK_CLASS, NO_BREAK, breakable,
                                      keep_together, printed_lines)


def test_section_and_per_cent_signs_keep_to_their_word():
    assert keep_together("report § Market outlook") == f"report §{NO_BREAK}Market outlook"
    assert keep_together("grew 19.9 % a year") == f"grew 19.9{NO_BREAK}% a year"
    assert keep_together(" % a year") == f"{NO_BREAK}% a year"  # the text after a glued number
    assert keep_together("a 10 % b and 100 % c") == f"a 10{NO_BREAK}% b and 100{NO_BREAK}% c"
    assert keep_together("the share (in %)") == "the share (in %)"  # a per cent sign after a word is left alone


@pytest.mark.built
def test_built_pages_keep_signs_with_their_words_and_mark_bare_addresses():
    pages = {p.name: p.read_text(encoding="utf-8") for p in (site.SITE_DIR / "chapters").glob("*.html")}
    # text a browser may break across lines: not code, and not a drawing (SVG text never wraps)
    text = lambda html: re.sub(r"<pre.*?</pre>|<code.*?</code>|<svg.*?</svg>|<script.*?</script>|<[^>]+>", "", html,
                               flags=re.S)
    broken = {name: len(re.findall(r"§ |\d %", text(html))) for name, html in pages.items()}
    assert sum(broken.values()) == 0, {k: v for k, v in broken.items() if v}
    assert sum(text(html).count(f"§{NO_BREAK}") + text(html).count("§&nbsp;") for html in pages.values()) > 10
    bare = re.findall(rf'<a class="[^"]*{BARE_URL_CLASS}[^"]*" href="(https?://[^"]+)"[^>]*>([^<]+)</a>',
                      pages["bibliography.html"])
    assert bare and all(address == shown for address, shown in bare)
    shown_elsewhere = re.findall(r'<a class="([^"]*)" href="(https?://[^"]+)"[^>]*>([^<]+)</a>', pages["bibliography.html"])
    assert all(BARE_URL_CLASS in classes for classes, address, shown in shown_elsewhere if address == shown)


def test_names_and_addresses_may_break_after_each_underscore_or_slash():
    parts = breakable("tiles_per_cabinet × 2 and _private, see example.org/a")
    assert [p.astext() for p in parts] == [
        "tiles_", "<wbr>", "per_", "<wbr>", "cabinet × 2 and _private, see example.org/", "<wbr>", "a"]


def _boxes(source: str) -> list[nodes.Admonition]:
    return list(publish_doctree(source, settings_overrides={"report_level": 5}).findall(nodes.Admonition))


def test_a_box_counts_its_printed_lines():
    words = "x" * (CHARS_PER_LINE * 3)  # three printed lines of running text
    short, long, table = _boxes(f"""\
.. note::

   A line.

.. warning::

   {words}

   ::

      code line 1
      code line 2

.. note::

   ===== =====
   a     b
   ===== =====
   one   two
   three four
   ===== =====

   .. raw:: html

      <table><tr><td>1</td></tr><tr><td>2</td></tr></table>
""")
    assert printed_lines(short) == 1
    assert printed_lines(long) == 3 + 2
    assert printed_lines(table) == 3 + 2  # a row is a line, not each cell's paragraph; an HTML table's rows too
    [linked] = _boxes(".. note::\n\n   See `the source <https://example.org/a-long-address>`_.\n")
    assert printed_lines(linked) == 1  # text and address together within one line
    [linked] = _boxes(".. note::\n\n   `x <https://example.org/%s>`_\n" % ("a" * 80))
    assert printed_lines(linked) == 2  # one character of text, and the address paper prints after it


@pytest.mark.built
def test_long_boxes_may_break_across_pages_and_short_ones_move_whole():
    page = (site.SITE_DIR / "chapters" / "software_stack.html").read_text(encoding="utf-8")
    classes = {box_id: names.split()
               for names, box_id in re.findall(r'<div class="([^"]*admonition[^"]*)" id="([^"]+)"', page)}
    # the coverage solution (code, a table of output and a paragraph) left most of a page blank when kept whole
    assert MAY_BREAK_CLASS in classes["chapters/software_stack-solution-3"]
    assert MAY_BREAK_CLASS not in classes["software-stack-coverage"]  # its exercise: a short paragraph
