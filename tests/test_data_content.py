"""Content of data/: metadata, keys, cross-references and the record of corrections.

These tests read the files and never write to data/. Typed frames come from
lib.data.load; where a check is about the text of a cell as written (a printed
value, a key), the CSV is read as strings.
"""

import hashlib
import re

import pandas as pd
import pytest

from lib import data

PACKAGE = data.package_descriptor()
RESOURCES = {r["name"]: r for r in PACKAGE["resources"]}
SOURCE_NOTE_ITEMS = {f"A{i}" for i in range(1, 28)}  # section A of the book's source notes


def raw(name: str) -> pd.DataFrame:
    """A CSV as written: every cell a string, empty cells empty strings."""
    return pd.read_csv(data.DATA_DIR / RESOURCES[name]["path"], dtype=str, keep_default_na=False)


def key_fields(name: str) -> list[str]:
    key = RESOURCES[name]["schema"]["primaryKey"]
    return [key] if isinstance(key, str) else key


def rows_for(name: str, record: str) -> pd.DataFrame:
    """Rows of a resource matching a record string "field=value; field=value".

    The fields are the primary key in order, or a leading part of it (which
    selects every row sharing that part, e.g. all years of one market segment).
    """
    frame = raw(name)
    pairs = [part.split("=", 1) for part in record.split("; ")]
    fields = [field for field, _ in pairs]
    assert fields == key_fields(name)[:len(fields)], f"{name}: {record!r} does not follow the primary key"
    mask = pd.Series(True, index=frame.index)
    for field, value in pairs:
        mask &= frame[field] == value
    return frame[mask]


# --- package and files -------------------------------------------------------------------------

def test_every_csv_is_described_and_every_resource_has_its_file():
    described = {r["path"] for r in RESOURCES.values()}
    assert described == {p.name for p in data.DATA_DIR.glob("*.csv")}


@pytest.mark.parametrize("name", RESOURCES)
def test_quotes_inside_a_field_are_escaped_in_a_quoted_field(name):
    """A field written ``a ""b"" c`` without quotes around it reads with its quotes doubled."""
    import csv

    with open(data.DATA_DIR / RESOURCES[name]["path"], encoding="utf-8", newline="") as handle:
        doubled = [(line, value) for line, row in enumerate(csv.reader(handle), start=1) for value in row if '""' in value]
    assert doubled == [], f"{RESOURCES[name]['path']}: quote the field on line {doubled[0][0]}" if doubled else ""


@pytest.mark.parametrize("name", RESOURCES)
def test_bytes_and_hash_match_the_file(name):
    content = (data.DATA_DIR / RESOURCES[name]["path"]).read_bytes()
    assert RESOURCES[name]["bytes"] == len(content), "run data/scripts/update_datapackage.py"
    assert RESOURCES[name]["hash"] == hashlib.md5(content).hexdigest(), "run data/scripts/update_datapackage.py"


def test_package_metadata():
    assert PACKAGE["profile"] == "tabular-data-package"
    assert PACKAGE["licenses"] == [{"name": "CC-BY-4.0", "path": "https://creativecommons.org/licenses/by/4.0/",
                                    "title": "Creative Commons Attribution 4.0"}]
    [report] = PACKAGE["sources"]
    assert report["date"] == "2022-10-31" and "KISDI" in report["publisher"] and len(report["authors"]) == 2
    for section in raw("report_sections")["section"]:
        assert section in PACKAGE["description"], section


@pytest.mark.parametrize("name", RESOURCES)
def test_resource_metadata_is_complete(name):
    resource = RESOURCES[name]
    for prop in ("title", "description", "sources", "report_section", "path", "bytes", "hash"):
        assert resource.get(prop), prop
    assert (resource["format"], resource["mediatype"], resource["encoding"]) == ("csv", "text/csv", "utf-8")
    assert resource["profile"] == "tabular-data-resource"
    sections = set(raw("report_sections")["section"]) | {"whole report"}
    assert set(resource["report_section"].split("; ")) <= sections, resource["report_section"]
    fields = resource["schema"]["fields"]
    for field in fields:
        for prop in ("name", "type", "title", "description"):
            assert field.get(prop), (field["name"], prop)
        assert field["type"] in {"string", "integer", "number", "boolean", "date", "yearmonth"}
        assert re.fullmatch(r"[a-z][a-z0-9_]*", field["name"]), field["name"]
    assert set(key_fields(name)) <= {f["name"] for f in fields}
    header = raw(name).columns.tolist()
    assert header == [f["name"] for f in fields]


@pytest.mark.parametrize("name", RESOURCES)
def test_primary_key_is_unique_and_complete(name):
    frame = raw(name)
    key = key_fields(name)
    assert (frame[key] != "").all().all()
    duplicated = frame[frame.duplicated(key, keep=False)]
    assert duplicated.empty, duplicated[key]


# --- corrections, OCR fixes and data notes -----------------------------------------------------

def test_every_source_note_item_has_a_correction():
    assert set(raw("corrections")["correction_id"]) == SOURCE_NOTE_ITEMS


@pytest.mark.parametrize("row", list(raw("corrections").itertuples()), ids=lambda r: f"{r.correction_id}-{r.record}-{r.field}")
def test_correction_points_at_one_row_and_its_printed_value(row):
    target = rows_for(row.dataset, row.record)
    assert len(target) == 1 and len(row.record.split("; ")) == len(key_fields(row.dataset)), row.record
    assert row.field in target.columns
    assert target.iloc[0][row.field] == row.printed_value, "the printed value in the dataset is never changed"
    assert row.corrected_value != row.printed_value
    assert all(url.startswith("http") for url in row.sources.split(" ; "))


@pytest.mark.parametrize("row", list(raw("ocr_fixes").itertuples()), ids=lambda r: f"{r.dataset}-{r.record}-{r.field}")
def test_ocr_fix_points_at_a_row_that_holds_the_reconstruction(row):
    assert row.as_printed != row.reconstructed
    if row.record == "all rows":
        assert row.field in raw(row.dataset).columns
        return
    target = rows_for(row.dataset, row.record)
    assert len(target) >= 1, f"{row.record} matches no row of {row.dataset}"
    for cell in target[row.field]:
        assert cell and (cell in row.reconstructed or row.reconstructed in cell), (cell, row.reconstructed)


@pytest.mark.parametrize("row", list(raw("data_notes").itertuples()), ids=lambda r: f"{r.check}-{r.record}")
def test_data_note_points_at_one_row(row):
    assert len(rows_for(row.dataset, row.record)) == 1
    assert len(row.record.split("; ")) == len(key_fields(row.dataset))


# --- cross-references --------------------------------------------------------------------------

def test_report_sections_are_named_consistently():
    sections = set(raw("report_sections")["section"])
    for name, resource in RESOURCES.items():
        if "report_section" in raw(name).columns:
            assert set(raw(name)["report_section"]) <= sections, name


def test_company_names_are_the_same_everywhere():
    companies = set(raw("companies")["company"])
    deals = raw("acquisitions_investments")
    for name, column in [("flagship_products", "company"), ("funding_rounds", "company"), ("company_software_stack", "company"),
                         ("success_factors", "company"), ("partnerships", "company"), ("acquisitions_investments", "acquirer")]:
        assert set(raw(name)[column]) <= companies, name
    claimed = set(raw("claims")["company"]) - {""}
    assert claimed <= companies | set(deals["target"]) | {"DeepMind"}, claimed - companies - set(deals["target"])


def test_founding_years_agree_between_companies_and_claims():
    claims = raw("claims")
    founding = claims[(claims["metric"] == "founding_year") & (claims["product"] == "")]
    founded = raw("companies").set_index("company")["founded"]
    assert len(founding) == (founded != "").sum()
    for row in founding.itertuples():
        assert founded[row.company] == row.value, row.company


def test_deal_prices_point_at_claims_about_the_target():
    claims = raw("claims").set_index("claim_id")
    for deal in raw("acquisitions_investments").itertuples():
        if deal.price_claim_id:
            claim = claims.loc[deal.price_claim_id]
            assert deal.target.startswith(claim["company"]), (deal.target, claim["company"])
            assert claim["metric"] in {"acquisition_price", "investment_amount"}


def test_stack_factors_and_recommendations_refer_to_existing_rows():
    layers = set(raw("software_stack_layers")["layer"])
    stack = raw("company_software_stack")
    assert set(stack["layer"]) - {""} == layers
    umbrellas = set(zip(stack["company"], stack["software"]))
    assert all((r.company, r.part_of) in umbrellas for r in stack.itertuples() if r.part_of)
    assert set(raw("policy_recommendations")["success_factor_id"]) <= set(raw("success_factors")["factor_id"])
    factors = raw("success_factors")
    assert factors.groupby("factor_id")[["factor", "factor_ko", "order"]].nunique().eq(1).all().all()


def test_claim_ids_run_in_order():
    ids = raw("claims")["claim_id"].tolist()
    assert ids == [f"C{i:03d}" for i in range(1, len(ids) + 1)]


# --- the tables ----------------------------------------------------------------------------------

@pytest.mark.parametrize("table", ["application", "device"])
def test_market_tables_are_complete_and_flag_estimates(table):
    market = data.load(f"market_by_{table}")
    counts = market.groupby("segment", observed=True)["year"].apply(sorted)
    assert all(years == list(range(2020, 2027)) for years in counts)
    assert (market["is_estimate"] == (market["year"] >= 2022)).all()
    printed = data.load("market_printed_cagr")
    assert set(printed.loc[printed["table"] == table, "segment"].astype(str)) == set(counts.index) | {"Total"}


def test_funding_rounds_keep_the_printed_order():
    rounds = data.load("funding_rounds")
    for company, group in rounds.groupby("company", observed=True):
        assert group["seq"].tolist() == list(range(1, len(group) + 1)), company
        assert group["date"].is_monotonic_increasing, company
    assert set(rounds.loc[rounds["currency"] == "EUR", "amount_printed"].str[-2:]) == {"유로"}


def test_flagship_products_keep_printed_classes_and_purposes():
    products = data.load("flagship_products").set_index("product")
    assert products.loc["A100", "hardware_class_printed"] == "CPU"
    assert products.loc["Reconfigurable Dataflow Unit", "hardware_class_printed"] == "FPGA"
    assert products["row"].tolist() == list(range(1, 24))
    assert products.loc[["Gaudi", "Goya"], "company"].tolist() == ["Habana Labs", "Habana Labs"]
    assert products.loc["Movidius VPU", "company"] == "Intel"


def test_missing_printed_values_are_empty_not_zero():
    assert pd.isna(data.load("tpu_generations").set_index("generation").loc["TPU v4", "tops"])
    increase = data.load("cerebras_wse_increase").set_index("metric")["increase_x"]
    assert increase.isna().sum() == 3 and (increase.dropna() > 0).all()
    products = data.load("flagship_products").set_index("product")["purpose_printed"]
    assert products[["Cortex-X2", "Instinct MI100 Accelerator"]].isna().all()


def test_tpu_v4_column_correction_keeps_one_chip_together():
    """A11 relabels the "TPU v4" column as TPUv4i; its corrected peak must be TPUv4i's own
    (about 138 T: 4 MXUs x 128 x 128 MACs x 2 ops x 1.05 GHz), never TPU v4's 275."""
    a11 = raw("corrections")
    a11 = a11[(a11["correction_id"] == "A11") & (a11["record"] == "generation=TPU v4")].set_index("field")
    assert a11.loc["generation", "corrected_value"] == "TPUv4i"
    assert a11.loc["announced_year", "corrected_value"] == "2020"
    peak = float(a11.loc["tops", "corrected_value"])
    assert peak == pytest.approx(4 * 128 * 128 * 2 * 1.05e9 / 1e12, abs=0.5)
    assert peak != 275
