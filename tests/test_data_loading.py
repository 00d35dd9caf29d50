"""Loading and validating data/: typed frames, a valid package, and clear errors on bad input.

Bad input is fed through corrupted copies of the data folder in a temporary
directory; nothing in data/ is modified.
"""

import shutil

import frictionless
import pandas as pd
import pytest

from lib import data

RESOURCES = data.resource_names()


def test_package_is_valid_for_frictionless():
    report = frictionless.validate(str(data.DATA_DIR / data.PACKAGE_FILE))
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])[:10]


def test_every_csv_is_a_resource_and_every_resource_has_its_csv():
    paths = {r["path"] for r in data.package_descriptor()["resources"]}
    on_disk = {p.name for p in data.DATA_DIR.glob("*.csv")}
    assert paths == on_disk


@pytest.mark.parametrize("name", RESOURCES)
def test_resource_loads_typed_with_a_unique_complete_key(name):
    frame = data.load(name)
    descriptor = data.resource_descriptor(name)
    fields = descriptor["schema"]["fields"]
    assert list(frame.columns) == [f["name"] for f in fields]
    assert len(frame) > 0
    key = descriptor["schema"]["primaryKey"]
    key = [key] if isinstance(key, str) else key
    assert frame[key].notna().all().all()
    assert not frame.duplicated(key).any()
    for field in fields:
        column = frame[field["name"]]
        if field["type"] == "integer":
            assert pd.api.types.is_integer_dtype(column), field["name"]
        elif field["type"] == "number":
            assert column.dtype == "float64", field["name"]
        elif field["type"] == "boolean":
            assert column.dtype == bool, field["name"]
        elif field["type"] in ("date", "yearmonth"):
            assert pd.api.types.is_datetime64_any_dtype(column), field["name"]
        elif "enum" in field.get("constraints", {}):
            assert isinstance(column.dtype, pd.CategoricalDtype)
            assert list(column.cat.categories) == field["constraints"]["enum"]


def test_market_tables_are_typed_and_stacked():
    market = data.load_market()
    assert market["year"].dtype == "int64" and market["revenue_usd_million"].dtype == "float64"
    assert market["is_estimate"].dtype == bool
    assert list(market["view"].cat.categories) == ["By application", "By device type"]
    assert set(market.loc[market["is_estimate"], "year"]) == {2022, 2023, 2024, 2025, 2026}
    assert market.attrs["units"]["revenue_usd_million"] == "USD million"
    printed = data.load_market_printed("market_printed_cagr")
    assert set(printed["view"].astype(str)) == {"By application", "By device type"}


def test_unknown_resource_names_the_known_ones():
    with pytest.raises(KeyError, match="market_by_application"):
        data.load("no_such_table")


# --- corrupted copies ---------------------------------------------------------------------------

@pytest.fixture
def copy(tmp_path):
    """A copy of data/ in a temporary folder, and a function to rewrite one CSV's lines."""
    target = tmp_path / "data"
    shutil.copytree(data.DATA_DIR, target, ignore=shutil.ignore_patterns("scripts"))

    def rewrite(filename, change):
        path = target / filename
        lines = path.read_text(encoding="utf-8").splitlines()
        path.write_text("\n".join(change(lines)) + "\n", encoding="utf-8")
    return target, rewrite


def _replace_cell(line, column_index, value):
    cells = line.split(",")
    cells[column_index] = value
    return ",".join(cells)


MARKET = "market_by_application.csv"


def _cases():
    # (id, file, change to its lines, resource, expected fragments of the message)
    def header_without(name):
        return lambda lines: [",".join(c for c in lines[0].split(",") if c != name)] + [
            ",".join(v for i, v in enumerate(l.split(",")) if lines[0].split(",")[i] != name) for l in lines[1:]]

    return [
        ("missing column", MARKET, header_without("year"), "market_by_application",
         ["data/market_by_application.csv", "line 1 (header)", "year"]),
        ("renamed column", MARKET, lambda ls: [ls[0].replace("revenue_usd_million", "revenue")] + ls[1:],
         "market_by_application", ["data/market_by_application.csv", "line 1 (header)", "revenue"]),
        ("non-numeric value", MARKET, lambda ls: ls[:2] + [_replace_cell(ls[2], 3, "n/a")] + ls[3:],
         "market_by_application", ["line 3 (data row 2)", "column 'revenue_usd_million'", "n/a"]),
        ("duplicate key", MARKET, lambda ls: ls + [ls[1]], "market_by_application",
         ["data/market_by_application.csv", "line", "primary key"]),
        ("negative amount", MARKET, lambda ls: ls[:4] + [_replace_cell(ls[4], 3, "-5")] + ls[5:],
         "market_by_application", ["line 5 (data row 4)", "column 'revenue_usd_million'", "-5"]),
        ("unknown category", MARKET, lambda ls: ls[:1] + [_replace_cell(ls[1], 0, "Robotics")] + ls[2:],
         "market_by_application", ["line 2 (data row 1)", "column 'segment'", "Robotics"]),
        ("malformed year-month", "funding_rounds.csv", lambda ls: ls[:1] + [_replace_cell(ls[1], 2, "2017-13")] + ls[2:],
         "funding_rounds", ["data/funding_rounds.csv", "line 2 (data row 1)", "column 'date'", "2017-13"]),
    ]


@pytest.mark.parametrize("case", _cases(), ids=lambda c: c[0])
def test_bad_input_is_reported_with_file_line_and_column(copy, case):
    _, filename, change, resource, fragments = case
    folder, rewrite = copy
    rewrite(filename, change)
    with pytest.raises(data.DataValidationError) as error:
        data.load(resource, data_dir=folder)
    message = str(error.value)
    for fragment in fragments:
        assert fragment.lower() in message.lower(), message


def test_edited_file_without_refreshed_hash_is_reported(copy):
    folder, rewrite = copy
    rewrite(MARKET, lambda ls: ls[:2] + [ls[2].replace(",2746,", ",2747,")] + ls[3:])
    with pytest.raises(data.DataValidationError, match="hash|bytes|byte count"):
        data.load("market_by_application", data_dir=folder)


def test_missing_file_is_reported(copy):
    folder, _ = copy
    (folder / MARKET).unlink()
    with pytest.raises(data.DataValidationError, match="data/market_by_application.csv: file not found"):
        data.load("market_by_application", data_dir=folder)
