"""Downloads: the data package as one zip, written before the pages are read.

The zip (:mod:`lib.downloads`) is written to ``_build/downloads/`` when the
builder starts, so the pages' ``{download}`` links to it resolve, and Sphinx
copies it into the site's ``_downloads/`` like every other download. Each
chapter's notebook (``.ipynb``) and source (``.md``) are offered by the theme's
download button (``_sources/``).
"""

from __future__ import annotations

from lib import downloads


def write_zip(app) -> None:
    """``builder-inited``: write the data package zip (unchanged bytes leave the file untouched)."""
    downloads.write_data_zip()


def setup(app):
    """Register the extension with Sphinx."""
    app.connect("builder-inited", write_zip)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
