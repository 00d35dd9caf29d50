"""Render the data catalogue (a MyST-markdown page body) from ``datapackage.json``.

The catalogue chapter calls :func:`catalogue_markdown` at build time, so the page
always lists exactly the resources, fields, units and sources in the package.
Download links use Sphinx's ``{download}`` role, which copies each CSV into the
built site.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from lib import data
from lib.downloads import ZIP_NAME


def _cell(text) -> str:
    """Make a value safe for one cell of a Markdown table."""
    if text is None or (isinstance(text, float) and pd.isna(text)):
        return ""
    return str(text).replace("|", "\\|").replace("\n", " ").strip()


def _sources(resource: dict) -> str:
    parts = []
    for source in resource.get("sources", []):
        title = source.get("title", "")
        path = source.get("path")
        parts.append(f"[{title}]({path})" if path and path.startswith("http") else title)
    return "; ".join(p for p in parts if p)


def markdown_table(frame: pd.DataFrame) -> str:
    """A DataFrame as a Markdown pipe table (strings escaped, missing values blank)."""
    header = "| " + " | ".join(_cell(c) for c in frame.columns) + " |"
    rule = "|" + "---|" * len(frame.columns)
    rows = ["| " + " | ".join(_cell(v) for v in row) + " |" for row in frame.itertuples(index=False)]
    return "\n".join([header, rule, *rows])


def resource_markdown(resource: dict, *, rows: int, link_prefix: str) -> str:
    """One dataset's section: title, description, source, download link and field table."""
    fields = pd.DataFrame([
        {"Field": f"`{f['name']}`", "Type": f.get("type", "string"), "Unit": f.get("unit", ""),
         "Description": f.get("description", "")}
        for f in resource["schema"]["fields"]
    ])
    key = resource["schema"].get("primaryKey", [])
    key = [key] if isinstance(key, str) else key
    lines = [
        f"### {resource.get('title', resource['name'])}",
        "",
        f"`{resource['name']}`: {rows} rows. {resource.get('description', '')}",
        "",
    ]
    if resource.get("report_section"):
        lines += [f"**Report section:** {resource['report_section']}", ""]
    if _sources(resource):
        lines += [f"**Source:** {_sources(resource)}", ""]
    if key:
        lines += ["**Key:** " + ", ".join(f"`{k}`" for k in key), ""]
    lines += [f"**Download:** {{download}}`{Path(resource['path']).name} <{link_prefix}{resource['path']}>`", "",
              markdown_table(fields), ""]
    return "\n".join(lines)


def catalogue_markdown(*, data_dir: Path | str = data.DATA_DIR, link_prefix: str = "../data/") -> str:
    """The whole catalogue: package licence and source, then one section per resource.

    ``link_prefix`` is the path from the page that shows the catalogue to the data
    folder (the catalogue chapter lives in ``chapters/``).
    """
    package = data.package_descriptor(data_dir=data_dir)
    licences = "; ".join(
        f"[{lic.get('title', lic['name'])}]({lic['path']})" if lic.get("path") else lic.get("title", lic["name"])
        for lic in package.get("licenses", []))
    lines = [f"**Licence:** {licences}", "",
             f"**Package descriptor:** {{download}}`datapackage.json <{link_prefix}datapackage.json>`", "",
             f"**Everything in one file:** {{download}}`{ZIP_NAME} <{link_prefix}../_build/downloads/{ZIP_NAME}>` "
             "(the descriptor, every dataset below and the licence; Frictionless opens it as it is)", ""]
    for resource in package["resources"]:
        rows = len(data.load(resource["name"], data_dir=data_dir))
        lines.append(resource_markdown(resource, rows=rows, link_prefix=link_prefix))
    return "\n".join(lines)
