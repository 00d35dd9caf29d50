"""Content of the two "since 2022" resources: market_since_2022 and events_since_2022.

They hold figures and events published after the report, each row with its source,
the exact quoted phrase and a confidence. These tests keep the conversion honest:
amounts agree with the text kept as given, the quotes carry the figures, series are
never mixed, and growth rates the sources state agree with the stored values.
"""

import re

import pandas as pd
import pytest

from lib import data

MARKET = data.load("market_since_2022")
EVENTS = data.load("events_since_2022")


def raw(name: str) -> pd.DataFrame:
    return pd.read_csv(data.DATA_DIR / f"{name}.csv", dtype=str, keep_default_na=False)


# --- market_since_2022 -------------------------------------------------------------------------

def test_row_ids_run_in_order():
    assert MARKET["row_id"].tolist() == [f"M{i:02d}" for i in range(1, len(MARKET) + 1)]
    assert EVENTS["event_id"].tolist() == [f"E{i:02d}" for i in range(1, len(EVENTS) + 1)]


def test_each_series_has_one_label_one_scope_and_one_definition_kind():
    per_series = MARKET.groupby("series")[["series_label", "scope", "period_type"]].nunique()
    assert (per_series == 1).all().all()
    assert MARKET.groupby("series_label")["series"].nunique().eq(1).all()


def test_only_gartners_later_ai_semiconductor_releases_are_the_reports_series():
    same = MARKET[MARKET["scope"] == "same series as the report"]
    assert set(same["series"]) == {"gartner_ai_2023_08", "gartner_ai_2024_05"}
    assert same["definition"].str.startswith("AI semiconductors revenue, worldwide").all()
    later = MARKET[MARKET["series"] == "gartner_ai_processing_2025_09"]
    assert (later["scope"] == "different definition").all()
    assert later["definition"].str.contains("Different series/definition").all()


@pytest.mark.parametrize("row", list(raw("market_since_2022").itertuples()), ids=lambda r: r.row_id)
def test_value_agrees_with_the_text_as_given(row):
    given = row.value_as_given
    bound = re.fullmatch(r">?(\d+(?:\.\d+)?)", given)
    if bound:
        assert float(row.value_usd_million) == pytest.approx(float(bound.group(1)) * 1000)
        assert (row.qualifier == "more than") == given.startswith(">")
    else:
        assert row.value_usd_million == "", "no dollar figure is invented for a share-only row"
        assert row.share_of_total_pct != ""


@pytest.mark.parametrize("row", list(raw("market_since_2022").itertuples()), ids=lambda r: r.row_id)
def test_quote_carries_the_figure(row):
    if row.value_usd_million == "":
        return
    value = float(row.value_usd_million)
    forms = {f"{value:,.0f}", f"{value / 1000:.1f}", f"{value / 1000:g}", f"${value / 1000:.0f} billion",
             f"{value / 1e6:g} trillion"}
    assert any(form in row.quote for form in forms), (forms, row.quote)


def test_fiscal_years_end_in_january_of_their_number():
    nvidia = MARKET[MARKET["period_type"] == "NVIDIA fiscal year"]
    assert set(nvidia["series"]) == {"nvidia_data_center_fy"}
    assert (nvidia["period_end"].dt.month == 1).all()
    assert (nvidia["period_end"].dt.year == nvidia["year"]).all()
    assert nvidia["period_end"].notna().all() and MARKET.loc[MARKET["period_type"] == "calendar year", "period_end"].isna().all()


def growth_bounds_pct(series: str, year: int) -> tuple[float, float]:
    """Lowest and highest growth consistent with the two values as rounded in the source."""
    rows = MARKET[MARKET["series"] == series].set_index("year")
    def bounds(y):
        given = rows.loc[y, "value_as_given"]
        half = 0.5 * 10 ** -len(given.partition(".")[2]) * 1000  # half a unit of the last digit, USD million
        return rows.loc[y, "value_usd_million"] - half, rows.loc[y, "value_usd_million"] + half
    (lo0, hi0), (lo1, hi1) = bounds(year - 1), bounds(year)
    return (lo1 / hi0 - 1) * 100, (hi1 / lo0 - 1) * 100


@pytest.mark.parametrize("series, year, stated", [
    ("gartner_ai_2023_08", 2023, 20.9),     # "increase of 20.9% from 2022"
    ("gartner_ai_2023_08", 2024, 25.6),     # "increasing 25.6% in 2024"
    ("gartner_ai_2024_05", 2024, 33),       # "an increase of 33%"
    ("nvidia_data_center_fy", 2024, 217),   # "up 217%"
    ("nvidia_data_center_fy", 2025, 142),   # "a 142 percent increase"
    ("nvidia_data_center_fy", 2026, 68),    # "a 68% increase"
])
def test_growth_rates_stated_by_the_sources_agree_with_the_values(series, year, stated):
    half = 0.5 * 10 ** -len(str(stated).partition(".")[2])  # the stated rate is rounded too
    low, high = growth_bounds_pct(series, year)
    assert low - half <= stated <= high + half, (low, high)
    assert str(stated) in " ".join(MARKET.loc[MARKET["series"] == series, "quote"])


# --- events_since_2022 -------------------------------------------------------------------------

def test_events_are_in_date_order_and_dates_match_their_precision():
    assert EVENTS["date"].tolist() == sorted(EVENTS["date"])
    lengths = EVENTS["date"].str.len().map({10: "day", 7: "month"})
    assert (lengths == EVENTS["date_precision"].astype(str)).all()


def test_event_companies_are_the_books_companies():
    companies = set(raw("companies")["company"])
    assert set(EVENTS["company"].astype(str)) <= companies
    profiled = set(raw("companies").query("profiled == 'true'")["company"]) if "profiled" in raw("companies") else companies
    assert set(EVENTS["company"].astype(str)) - {"Amazon"} <= profiled


@pytest.mark.parametrize("row", list(raw("events_since_2022").itertuples()), ids=lambda r: r.event_id)
def test_event_amount_agrees_with_the_text_as_given(row):
    if row.amount_usd_million == "":
        # no dollar amount, or one the source does not give in dollars or does not disclose
        assert not re.match(r"^\$\d", row.amount_as_given), row.amount_as_given
        if row.amount_as_given:
            assert row.amount_what, "say why the amount is empty"
        return
    match = re.search(r"\$(\d+(?:\.\d+)?)([MB])", row.amount_as_given)
    assert match, row.amount_as_given
    expected = float(match.group(1)) * (1000 if match.group(2) == "B" else 1)
    assert float(row.amount_usd_million) == expected
    assert row.amount_what


def test_undisclosed_and_non_dollar_amounts_stay_empty():
    events = EVENTS.set_index("event_id")
    assert pd.isna(events.loc["E05", "amount_usd_million"])  # SoftBank-Graphcore: price not disclosed
    assert pd.isna(events.loc["E22", "amount_usd_million"])  # Graphcore India: pounds, not converted
    assert pd.isna(events.loc["E24", "amount_usd_million"])  # Google-Anthropic: "tens of billions"


def test_every_row_keeps_its_source_quote_and_confidence():
    for frame in (raw("market_since_2022"), raw("events_since_2022")):
        assert (frame["quote"] != "").all()
        assert frame["source_url"].str.split(" ; ").map(lambda urls: all(u.startswith("http") for u in urls)).all()
        assert set(frame["confidence"]) <= {"high", "medium"}


# --- the conversion ------------------------------------------------------------------------------


def test_conversion_script_reproduces_both_files(tmp_path, monkeypatch):
    import importlib.util

    path = data.DATA_DIR / "scripts" / "build_since_2022.py"
    spec = importlib.util.spec_from_file_location("build_since_2022", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    monkeypatch.setattr(module, "DATA", tmp_path)
    assert module.main(["build_since_2022.py"]) == 0
    for name in ("market_since_2022", "events_since_2022"):
        assert (tmp_path / f"{name}.csv").read_bytes() == (data.DATA_DIR / f"{name}.csv").read_bytes(), name
