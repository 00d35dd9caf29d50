"""The datasets section of the catalogue, rendered from ``datapackage.json``.

The catalogue chapter calls :func:`catalogue_markdown` at build time, so the page
always lists exactly the resources, fields, units and sources in the package.
Download links use Sphinx's ``{download}`` role, which copies each CSV into the
built site. :func:`markdown_table` writes any DataFrame as a Markdown table.
"""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd

from lib import data
from lib.downloads import ZIP_NAME


def markdown_cell(text) -> str:
    """A value as one line of Markdown, safe in a table cell: missing values (None, NaN,
    ``pd.NA``) blank, whitespace runs and line breaks one space, pipes escaped."""
    if text is None or (pd.api.types.is_scalar(text) and pd.isna(text)):
        return ""
    return " ".join(str(text).split()).replace("|", "\\|")


def _sources(resource: dict) -> str:
    parts = []
    for source in resource.get("sources", []):
        title = source.get("title", "")
        path = source.get("path")
        parts.append(f"[{title}]({path})" if path and path.startswith("http") else title)
    return "; ".join(p for p in parts if p)


def markdown_table(frame: pd.DataFrame) -> str:
    """A DataFrame as a Markdown pipe table (strings escaped, missing values blank)."""
    header = "| " + " | ".join(markdown_cell(c) for c in frame.columns) + " |"
    rule = "|" + "---|" * len(frame.columns)
    rows = ["| " + " | ".join(markdown_cell(v) for v in row) + " |" for row in frame.itertuples(index=False)]
    return "\n".join([header, rule, *rows])


def dataset_anchor(name: str) -> str:
    """The label (and HTML id) of a dataset's heading in the catalogue: ``market_by_device`` -> ``dataset-market-by-device``."""
    return "dataset-" + re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")


def field_list(resource: dict) -> str:
    """A dataset's fields as a list that reads on a phone: name, type and unit, then the description."""
    lines = []
    for f in resource["schema"]["fields"]:
        kind = f.get("type", "string")
        unit = f.get("unit")
        detail = f"{kind}, {unit}" if unit else kind
        lines.append(f"- `{f['name']}` ({markdown_cell(detail)}): {markdown_cell(f.get('description', ''))}")
    return "\n".join(lines)


def resource_markdown(resource: dict, *, rows: int, link_prefix: str) -> str:
    """One dataset's section: title, description, source, download link and its fields (folded)."""
    key = resource["schema"].get("primaryKey", [])
    key = [key] if isinstance(key, str) else key
    lines = [
        f"({dataset_anchor(resource['name'])})=",
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
    # the field list is folded (a catalogue of dozens of datasets stays scannable on a phone);
    # find-in-page opens it, and book.css unfolds it on paper
    fields = resource["schema"]["fields"]
    lines += [f"**Download:** {{download}}`{Path(resource['path']).name} <{link_prefix}{resource['path']}>`", "",
              f'<details class="bk-fields"><summary>Fields ({len(fields)})</summary>', "",
              field_list(resource), "", "</details>", ""]
    return "\n".join(lines)


def contents_markdown(*, data_dir: Path | str = data.DATA_DIR) -> str:
    """A contents list of the datasets, each linking to its section of the catalogue."""
    package = data.package_descriptor(data_dir=data_dir)
    return "\n".join(f"- [{markdown_cell(r.get('title', r['name']))}](#{dataset_anchor(r['name'])}) (`{r['name']}`)"
                     for r in package["resources"])


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
