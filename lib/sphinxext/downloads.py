"""Downloads: each chapter as a notebook, and the data package as one zip.

* **Notebooks.** The theme's download button offers a chapter's source
  (``.md``) always, but its notebook (``.ipynb``) only when a launch service
  (Binder, Thebe) is configured, which a copy of the book without a repository
  address has not. Every notebook chapter therefore gets its executed notebook
  (outputs included, as myst-nb wrote it to ``jupyter_execute/``) copied to
  ``_sources/`` beside its source and offered by the same button.
* **The data package zip** (:mod:`lib.downloads`) is written to
  ``_build/downloads/`` when the builder starts, so the pages' ``{download}``
  links to it resolve; Sphinx copies it into the site's ``_downloads/`` like
  every other download.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from lib import downloads

#: the memory address in a default repr such as ``<pandas.io.formats.style.Styler at 0x7f2dcb28fed0>``
_ADDRESS = re.compile(r" at 0x[0-9a-f]+>")


def write_zip(app) -> None:
    """``builder-inited``: write the data package zip (unchanged bytes leave the file untouched)."""
    downloads.write_data_zip()


def stable_notebook(text: str) -> str:
    """The notebook with cell ids numbered in order (jupytext draws them at random), without ipynb
    widget state (random model ids; widgets come alive only in a live kernel) and without the memory
    addresses of default text reprs, so two builds agree."""
    widget_view = "application/vnd.jupyter.widget-view+json"
    notebook = json.loads(text)
    notebook.get("metadata", {}).pop("widgets", None)
    for number, cell in enumerate(notebook.get("cells", []), start=1):
        if "id" in cell:
            cell["id"] = f"cell-{number}"
        if "outputs" in cell:
            for output in cell["outputs"]:
                data = output.get("data", {})
                data.pop(widget_view, None)
                if "text/plain" in data:
                    plain = data["text/plain"]
                    data["text/plain"] = ([_ADDRESS.sub(">", line) for line in plain] if isinstance(plain, list)
                                          else _ADDRESS.sub(">", plain))
            cell["outputs"] = [o for o in cell["outputs"] if o.get("data", True)]
    return json.dumps(notebook, ensure_ascii=False, indent=1) + "\n"


def offer_notebook(app, pagename, templatename, context, doctree) -> None:
    """``html-page-context`` (before the theme adds its buttons): offer a MyST notebook's ``.ipynb``."""
    if doctree is None or "kernelspec" not in app.env.metadata.get(pagename, {}):
        return
    if not context.get("sourcename", "").endswith((".md", ".md.txt")):
        return
    executed = Path(app.outdir).parent / "jupyter_execute" / f"{pagename}.ipynb"
    if not executed.exists():
        return
    target = Path(app.outdir) / "_sources" / f"{pagename}.ipynb"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(stable_notebook(executed.read_text(encoding="utf-8")), encoding="utf-8")
    context["ipynb_source"] = f"{pagename}.ipynb"


def setup(app):
    """Register the extension with Sphinx."""
    app.connect("builder-inited", write_zip)
    app.connect("html-page-context", offer_notebook, priority=500)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
