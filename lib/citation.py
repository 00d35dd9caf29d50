"""How to cite the book: citations rendered from ``CITATION.cff``, the one place they are kept.

The "How to cite" page calls these functions when it is built, so its title,
authors and version are always the ones in ``CITATION.cff`` (a test compares the
built page with the file).
"""

from __future__ import annotations

from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
CFF = ROOT / "CITATION.cff"


def load(path: Path = CFF) -> dict:
    """``CITATION.cff`` as a dict."""
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def person(author: dict) -> str:
    """One author as written: an entity's ``name``, else given and family names."""
    if author.get("name"):
        return str(author["name"])
    return " ".join(str(author[key]) for key in ("given-names", "family-names") if author.get(key))


def authors(cff: dict) -> list[str]:
    """The authors of the work, in order."""
    return [person(author) for author in cff.get("authors", [])]


def year(entry: dict) -> str | None:
    """The year of ``date-released`` (the book) or ``date-published`` (a reference), if given."""
    date = entry.get("date-released") or entry.get("date-published")
    return str(date)[:4] if date else None


def _join(names: list[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def book_citation(cff: dict) -> str:
    """The book as a reference-list entry (Markdown)."""
    when = f" ({year(cff)})" if year(cff) else ""
    parts = [f"{_join(authors(cff))}{when}. *{cff['title']}*"]
    if cff.get("version"):
        parts.append(f"Version {cff['version']}")
    parts.append("Open executable book and datasets")
    if cff.get("license"):
        licences = cff["license"] if isinstance(cff["license"], list) else [cff["license"]]
        parts.append("Licence: " + ", ".join(licences))
    text = ". ".join(parts) + "."
    if cff.get("repository-code"):
        text += f" <{cff['repository-code']}>"
    return text


def book_bibtex(cff: dict, *, key: str = "aisemiconductorbook") -> str:
    """The book as a BibTeX entry."""
    fields = [("title", f"{{{cff['title']}}}"),
              ("author", " and ".join(f"{{{name}}}" for name in authors(cff)))]
    if cff.get("version"):
        fields.append(("version", cff["version"]))
    if year(cff):
        fields.append(("year", year(cff)))
    if cff.get("repository-code"):
        fields.append(("url", cff["repository-code"]))
    fields.append(("note", "Open executable book and datasets"))
    body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields)
    return f"@misc{{{key},\n{body}\n}}"


def report(cff: dict) -> dict:
    """The KISDI report among the references."""
    return next(ref for ref in cff.get("references", []) if ref.get("type") == "report")


def report_citation(cff: dict) -> str:
    """The report the book is built from, as a reference-list entry (Markdown)."""
    ref = report(cff)
    when = f" ({year(ref)})" if year(ref) else ""
    parts = [f"{_join(authors(ref))}{when}. *{ref['title']}*"]
    if ref.get("collection-title"):
        parts.append(ref["collection-title"])
    if ref.get("institution"):
        parts.append(ref["institution"]["name"])
    if ref.get("date-published"):
        parts.append(f"Published {ref['date-published']}")
    if ref.get("languages"):
        parts.append("In " + ", ".join({"ko": "Korean", "en": "English"}.get(code, code)
                                          for code in ref["languages"]))
    return ". ".join(parts) + "."


def report_bibtex(cff: dict, *, key: str = "kisdi2022aitrendwatch") -> str:
    """The report as a BibTeX entry."""
    ref = report(cff)
    fields = [("title", f"{{{ref['title']}}}"),
              ("author", " and ".join(f"{{{name}}}" for name in authors(ref)))]
    if ref.get("institution"):
        fields.append(("institution", ref["institution"]["name"]))
    if ref.get("collection-title"):
        fields.append(("type", ref["collection-title"]))
    if year(ref):
        fields.append(("year", year(ref)))
    if ref.get("date-published"):
        fields.append(("date", str(ref["date-published"])))
    if ref.get("languages"):
        fields.append(("language", ", ".join(ref["languages"])))
    body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields)
    return f"@techreport{{{key},\n{body}\n}}"
