"""Load the book's datasets from ``data/``, validated against ``datapackage.json``.

Every resource of the Frictionless data package is one tidy CSV file. :func:`load`
validates it with the ``frictionless`` library (types, constraints, primary key,
bytes and hash) and returns a typed :class:`pandas.DataFrame`:

* ``integer`` fields become ``int64`` (``Int64`` where a value is missing),
* ``number`` fields become ``float64``,
* ``boolean`` fields become ``bool``,
* ``date`` and ``yearmonth`` fields become ``datetime64`` (a year-month is the
  first day of its month),
* ``string`` fields with an ``enum`` constraint become categoricals whose
  categories follow the enum order; other strings stay strings.

Bad input raises :class:`DataValidationError`, whose message names the file, the
line and the column of the first problem.
"""

from __future__ import annotations

import csv
import json
from functools import lru_cache
from pathlib import Path

import frictionless
import pandas as pd

DATA_DIR = Path(__file__).resolve().parent.parent / "data"
"""The folder that holds the CSV files and ``datapackage.json``."""

PACKAGE_FILE = "datapackage.json"

MARKET_VIEWS = {
    "application": "By application",
    "device": "By device type",
}
"""The two Gartner market tables (``market_by_<key>``) and the label each gets as ``view``."""

# Errors about the file as a whole; reported after errors that point at a cell.
_FILE_LEVEL_ERRORS = {"hash-count", "byte-count", "field-count", "row-count"}


class DataValidationError(ValueError):
    """A data file does not match its schema in ``datapackage.json``.

    Attributes
    ----------
    file : str
        The CSV file, relative to the data folder's parent (``data/x.csv``).
    line : int or None
        The line of the file (the header is line 1), when the problem has one.
    column : str or None
        The column name, when the problem has one.
    """

    def __init__(self, file: str, line: int | None, column: str | None, detail: str):
        self.file, self.line, self.column, self.detail = file, line, column, detail
        where = [file]
        if line is not None:
            where.append(f"line {line}" + (f" (data row {line - 1})" if line > 1 else " (header)"))
        if column is not None:
            where.append(f"column '{column}'")
        super().__init__(", ".join(where) + f": {detail}")


@lru_cache(maxsize=8)
def _descriptor(package_path: Path, mtime: float) -> dict:
    return json.loads(package_path.read_text(encoding="utf-8"))


def package_descriptor(*, data_dir: Path | str = DATA_DIR) -> dict:
    """Return the parsed ``datapackage.json`` of ``data_dir``.

    Examples
    --------
    >>> "resources" in package_descriptor()
    True
    """
    path = Path(data_dir) / PACKAGE_FILE
    if not path.exists():
        raise FileNotFoundError(f"{path}: no data package here")
    return _descriptor(path, path.stat().st_mtime)


def resource_names(*, data_dir: Path | str = DATA_DIR) -> list[str]:
    """Names of all resources in the data package, in package order."""
    return [r["name"] for r in package_descriptor(data_dir=data_dir)["resources"]]


def resource_descriptor(name: str, *, data_dir: Path | str = DATA_DIR) -> dict:
    """The descriptor (path, schema, sources...) of one resource."""
    for resource in package_descriptor(data_dir=data_dir)["resources"]:
        if resource["name"] == name:
            return resource
    known = ", ".join(resource_names(data_dir=data_dir))
    raise KeyError(f"no resource named {name!r} in datapackage.json; known: {known}")


def _check_header(path: Path, shown: str, expected: list[str]) -> None:
    """Name missing and unexpected columns (frictionless compares headers by position only)."""
    with path.open(encoding="utf-8", newline="") as handle:
        header = next(csv.reader(handle), [])
    if header == expected:
        return
    missing = [c for c in expected if c not in header]
    extra = [c for c in header if c not in expected]
    problems = [f"missing column{'s' if len(missing) > 1 else ''} {', '.join(map(repr, missing))}"] if missing else []
    problems += [f"unexpected column{'s' if len(extra) > 1 else ''} {', '.join(map(repr, extra))}"] if extra else []
    problems = problems or ["columns out of order"]
    column = (missing or extra or [next(e for h, e in zip(header, expected) if h != e)])[0]
    raise DataValidationError(shown, 1, column, "; ".join(problems) + f" (expected: {','.join(expected)})")


def validate(name: str, *, data_dir: Path | str = DATA_DIR) -> None:
    """Validate one resource against its schema; raise :class:`DataValidationError`."""
    data_dir = Path(data_dir)
    descriptor = resource_descriptor(name, data_dir=data_dir)
    shown = f"{data_dir.name}/{descriptor['path']}"
    if not (data_dir / descriptor["path"]).exists():
        raise DataValidationError(shown, None, None, "file not found")
    _check_header(data_dir / descriptor["path"], shown, [f["name"] for f in descriptor["schema"]["fields"]])
    resource = frictionless.Resource(descriptor, basepath=str(data_dir))
    report = resource.validate()
    errors = [error for task in report.tasks for error in task.errors] + list(report.errors)
    if not errors:
        return
    errors.sort(key=lambda e: (e.type in _FILE_LEVEL_ERRORS, getattr(e, "row_number", 0) or 0))
    first = errors[0]
    column = getattr(first, "field_name", None) or getattr(first, "label", None) or None
    line = getattr(first, "row_number", None)
    if line is None and getattr(first, "row_numbers", None):
        line = first.row_numbers[0]
    detail = first.message
    if len(errors) > 1:
        detail += f" (and {len(errors) - 1} more problem{'s' if len(errors) > 2 else ''} in this file)"
    raise DataValidationError(shown, line, column, detail)


def _typed_column(series: pd.Series, field: dict) -> pd.Series:
    kind = field.get("type", "string")
    enum = field.get("constraints", {}).get("enum")
    if kind == "integer":
        values = pd.to_numeric(series)
        return values.astype("int64") if values.notna().all() else values.astype("Int64")
    if kind == "number":
        return pd.to_numeric(series).astype("float64")
    if kind == "boolean":
        true_values = set(field.get("trueValues", ["true", "True", "TRUE", "1"]))
        return series.isin(true_values)
    if kind == "date":
        return pd.to_datetime(series, format="%Y-%m-%d")
    if kind == "yearmonth":
        return pd.to_datetime(series, format="%Y-%m")
    if enum is not None:
        return pd.Categorical(series, categories=list(dict.fromkeys(enum)))
    return series


def load(name: str, *, data_dir: Path | str = DATA_DIR) -> pd.DataFrame:
    """Load one resource of the data package as a validated, typed DataFrame.

    Parameters
    ----------
    name : str
        Resource name in ``datapackage.json`` (the CSV file's stem).
    data_dir : path, optional
        Folder holding ``datapackage.json``; the book's ``data/`` by default.

    Returns
    -------
    pandas.DataFrame
        One column per schema field, typed as described in the module docstring.

    Raises
    ------
    DataValidationError
        If the file breaks its schema; the message names file, line and column.

    Examples
    --------
    >>> load("market_by_application").columns[:3].tolist()
    ['segment', 'segment_ko', 'year']
    """
    data_dir = Path(data_dir)
    validate(name, data_dir=data_dir)
    descriptor = resource_descriptor(name, data_dir=data_dir)
    fields = descriptor["schema"]["fields"]
    raw = pd.read_csv(data_dir / descriptor["path"], dtype=str, keep_default_na=False, na_values=[""])
    frame = pd.DataFrame({f["name"]: _typed_column(raw[f["name"]], f) for f in fields})
    frame.attrs["resource"] = name
    frame.attrs["units"] = {f["name"]: f["unit"] for f in fields if "unit" in f}
    return frame


def load_market(*, data_dir: Path | str = DATA_DIR) -> pd.DataFrame:
    """Both Gartner market tables stacked in one tidy frame with a ``view`` column.

    ``view`` is ``"By application"`` or ``"By device type"``; the other columns
    are those of ``market_by_application`` and ``market_by_device``.
    """
    frames = []
    for key, view in MARKET_VIEWS.items():
        frame = load(f"market_by_{key}", data_dir=data_dir)
        frame["segment"] = frame["segment"].astype(str)
        frames.append(frame.assign(view=view))
    market = pd.concat(frames, ignore_index=True)
    market.attrs = {"resource": "market_by_*", "units": frames[0].attrs["units"]}
    market["view"] = pd.Categorical(market["view"], categories=list(MARKET_VIEWS.values()))
    return market


def load_market_printed(name: str, *, data_dir: Path | str = DATA_DIR) -> pd.DataFrame:
    """A table of printed market figures (``market_printed_totals`` or ``market_printed_cagr``).

    Its ``table`` column (``application`` / ``device``) is mapped to the same
    ``view`` labels as :func:`load_market`, so the two frames can be joined.
    """
    frame = load(name, data_dir=data_dir)
    views = frame["table"].astype(str).map(MARKET_VIEWS)
    frame["view"] = pd.Categorical(views, categories=list(MARKET_VIEWS.values()))
    if "segment" in frame:
        frame["segment"] = frame["segment"].astype(str)
    return frame
