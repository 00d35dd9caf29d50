"""One pass over the built pages, shared by the extensions that rewrite them.

Several of the book's extensions change every built page after Sphinx has written
it (icons, accessibility fixes, deferred search scripts, one purged stylesheet).
Rather than each reading and writing every file, this extension reads the HTML
pages of a successful build once, emits the ``finish-pages`` event with them
(handlers run in priority order, each changing :attr:`BuiltSite.pages` in
memory), and writes back only the pages whose text changed.

An extension takes part with::

    app.setup_extension("lib.sphinxext.finish")
    app.connect("finish-pages", handler, priority=500)   # handler(app, site)
"""

from __future__ import annotations

import posixpath
from pathlib import Path


NOT_PAGES = ("_static", "_sources", "_downloads", "_images")
"""Output folders whose HTML files are not pages (the themes copy template fragments to ``_static``)."""


class BuiltSite:
    """The HTML pages of a finished build, in memory."""

    def __init__(self, outdir: Path):
        self.outdir = Path(outdir)
        self.pages: dict[Path, str] = {
            page: page.read_text(encoding="utf-8") for page in sorted(self.outdir.rglob("*.html"))
            if page.relative_to(self.outdir).parts[0] not in NOT_PAGES}
        self._read = dict(self.pages)

    def rewrite(self, change, *, skip: tuple[str, ...] = ()) -> None:
        """Replace every page's text by ``change(text)``, except pages named in ``skip``."""
        for page, html in self.pages.items():
            if page.name not in skip:
                self.pages[page] = change(html)

    def prefix(self, page: Path) -> str:
        """The relative path from ``page`` up to the site's root ("" or "../" ...)."""
        return "../" * (len(page.relative_to(self.outdir).parts) - 1)

    def resolve(self, page: Path, href: str) -> Path:
        """The file a page-relative ``href`` (without query) points at."""
        return Path(posixpath.normpath((page.parent / href).as_posix()))

    def relative(self, page: Path, target: str) -> str:
        """The page-relative address of ``target``, a path relative to the site's root."""
        return self.prefix(page) + target

    def save(self) -> int:
        """Write the pages whose text changed; return how many."""
        changed = [page for page, html in self.pages.items() if html != self._read[page]]
        for page in changed:
            page.write_text(self.pages[page], encoding="utf-8")
        self._read = dict(self.pages)
        return len(changed)


def finish_pages(app, exception) -> None:
    """``build-finished``: run every ``finish-pages`` handler over the HTML pages, then save them."""
    if exception is not None or app.builder.format != "html":
        return
    site = BuiltSite(app.outdir)
    app.emit("finish-pages", site)
    site.save()


def setup(app):
    """Register the ``finish-pages`` event and the pass that emits it."""
    app.add_event("finish-pages")
    app.connect("build-finished", finish_pages, priority=900)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
