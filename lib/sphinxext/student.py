"""The student edition: the same book with every exercise solution left out.

``python -m lib.build --student`` (``make student``) builds with the Sphinx
setting ``student_edition = True``. Then

* each page's source has its solutions cut out before it is parsed (and so
  before its notebook is executed): ``{solution}`` blocks, and gated solutions
  from ``{solution-start}`` to ``{solution-end}`` with the code cells between
  them. sphinx-exercise's own ``hide_solutions`` is switched on as well, but on
  its own it drops only the gated solution's opening directive and leaves the
  text and code that follow it on the page;
* the downloadable copies of each page (``_sources/…/*.md``; the ``.ipynb`` is
  written from the stripped notebook) carry no solution either.

:func:`strip_solutions` works on MyST text, fenced with colons or backticks.
"""

from __future__ import annotations

import re
from pathlib import Path

OPENER = re.compile(r"^\s*(?P<fence>:{3,}|`{3,})\{(?P<name>[a-z-]+)\}")
"""A directive's opening line: its fence and its name."""


def _closes(line: str, fence: str) -> bool:
    """Whether ``line`` is a bare fence closing a block opened with ``fence``."""
    stripped = line.strip()
    return (len(stripped) >= len(fence) and set(stripped) == {fence[0]})


def _block_end(lines: list[str], start: int, fence: str) -> int:
    """Index of the line that closes the block whose opener is ``lines[start]``."""
    for index in range(start + 1, len(lines)):
        if _closes(lines[index], fence):
            return index
    raise ValueError(f"line {start + 1}: block opened with {fence!r} is never closed")


def strip_solutions(text: str) -> str:
    """``text`` without its exercise solutions (plain and gated, code included)."""
    lines = text.splitlines(keepends=True)
    kept: list[str] = []
    index = 0
    while index < len(lines):
        match = OPENER.match(lines[index])
        if match and match["name"] == "solution":
            index = _block_end(lines, index, match["fence"]) + 1
            continue
        if match and match["name"] == "solution-start":
            end = index + 1
            while end < len(lines):
                closing = OPENER.match(lines[end])
                if closing and closing["name"] == "solution-end":
                    break
                end += 1
            else:
                raise ValueError(f"line {index + 1}: solution-start without solution-end")
            index = _block_end(lines, end, closing["fence"]) + 1
            continue
        kept.append(lines[index])
        index += 1
    return "".join(kept)


def strip_source(app, docname: str, source: list[str]) -> None:
    """``source-read``: cut the solutions out of a page before it is parsed."""
    if app.config.student_edition:
        source[0] = strip_solutions(source[0])


def switch_on(app, config) -> None:
    """``config-inited``: the student edition also sets sphinx-exercise's ``hide_solutions``."""
    if config.student_edition:
        config.hide_solutions = True


def strip_copied_sources(app, exception) -> None:
    """``build-finished``: the downloadable page sources lose their solutions too."""
    if exception is not None or not app.config.student_edition or app.builder.format != "html":
        return
    for source in (Path(app.outdir) / "_sources").rglob("*.md"):
        text = source.read_text(encoding="utf-8")
        stripped = strip_solutions(text)
        if stripped != text:
            source.write_text(stripped, encoding="utf-8")


def setup(app):
    """Register the extension with Sphinx."""
    app.add_config_value("student_edition", False, "env", [bool])
    app.connect("config-inited", switch_on)
    app.connect("source-read", strip_source)
    app.connect("build-finished", strip_copied_sources)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
