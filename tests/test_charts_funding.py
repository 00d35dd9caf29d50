"""The single-company funding chart, on a tiny inline funding table."""

import pandas as pd
import pytest

from lib import charts, theme


@pytest.fixture
def rounds():
    return pd.DataFrame({"company": ["SambaNova", "SambaNova", "SambaNova", "Hailo"], "seq": [2, 1, 3, 1],
                         "date": pd.to_datetime(["2019-04-01", "2017-11-01", "2020-02-01", "2019-01-01"]),
                         "round": ["Series B", "Seed", "Series C", "Grant"],
                         "round_type": ["Series B", "Seed", "Series C", "Grant"],
                         "amount_printed": ["1억 5,000만 달러", "200만 달러", "2억 5,000만 달러", "300만 유로"],
                         "amount_million": [150.0, 2.0, 250.0, 3.0], "currency": ["USD", "USD", "USD", "EUR"],
                         "lead_investors": ["Intel Capital", "Celesta Capital", None, "EU"]})


def _marks(spec):
    return [layer["mark"]["type"] if isinstance(layer["mark"], dict) else layer["mark"] for layer in spec["layer"]]


def test_rounds_in_date_order_with_a_running_total(rounds):
    steps = charts.funding_cumulative(rounds, company="SambaNova")
    assert steps["round"].tolist() == ["Seed", "Series B", "Series C"]
    assert steps["cumulative_million"].tolist() == [2.0, 152.0, 402.0]
    assert steps.index.tolist() == [0, 1, 2]


def test_only_usd_rounds_are_added(rounds):
    with pytest.raises(ValueError):  # Hailo's only round here is in euros
        charts.funding_cumulative(rounds, company="Hailo")
    with pytest.raises(ValueError):
        charts.company_funding_chart(rounds, company="Nobody")


def test_chart_layers_colour_tooltips_and_stated_total(rounds):
    spec = charts.company_funding_chart(rounds, company="SambaNova", stated_total=300,
                                        stated_label="Text: more than 300").to_dict()
    assert _marks(spec) == ["bar", "line", "rule", "text"]
    bars, steps = spec["layer"][:2]
    assert steps["mark"]["interpolate"] == "step-after" and steps["mark"]["strokeDash"]
    assert steps["encoding"]["y"]["field"] == "cumulative_million"
    assert bars["encoding"]["y"]["title"] == "Amount raised (USD million)"
    assert bars["encoding"]["color"]["scale"]["range"] == [theme.COLOURS["company"]["SambaNova"]]
    tips = {t["title"] for t in steps["encoding"]["tooltip"]}
    assert {"Date", "Round", "As printed", "Amount (USD million)", "Running total (USD million)", "Lead investors"} <= tips
    rows = [r for d in spec["datasets"].values() for r in d if "lead" in r]
    assert {r["lead"] for r in rows} == {"Celesta Capital", "Intel Capital", "not stated"}
    assert spec["title"]["text"] == "SambaNova: funding rounds and running total"
    assert spec["title"]["subtitle"][0] == "Source: report, SambaNova section (Crunchbase)."
    assert "grey rule" in spec["title"]["subtitle"][1]
    assert "Text: more than 300" in spec["description"] and "USD 402 million" in spec["description"]
    label = spec["layer"][3]["mark"]
    assert label["baseline"] == "top" and label["dy"] > 0  # hangs under its rule, clear of the gridline above


def test_chart_without_stated_total_has_two_layers(rounds):
    spec = charts.company_funding_chart(rounds, company="SambaNova").to_dict()
    assert _marks(spec) == ["bar", "line"]
    assert "grey rule" not in spec["title"]["subtitle"][1]
