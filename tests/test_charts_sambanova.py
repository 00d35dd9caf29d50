"""Funding chart builder, on a tiny inline funding table."""

import pandas as pd
import pytest

from lib import charts, theme


@pytest.fixture
def rounds():
    return pd.DataFrame({"company": ["SambaNova", "SambaNova", "Hailo"],
                         "date": pd.to_datetime(["2019-04-01", "2017-11-01", "2019-01-01"]),
                         "round": ["Series B", "Seed", "Grant"], "round_type": ["Series B", "Seed", "Grant"],
                         "amount_printed": ["1억 5,000만 달러", "200만 달러", "300만 유로"],
                         "amount_million": [150.0, 2.0, 3.0], "currency": ["USD", "USD", "EUR"],
                         "lead_investors": ["Intel Capital", "Celesta Capital", "EU"]})


def test_steps_are_in_date_order_with_a_running_total(rounds):
    steps = charts.funding_steps(rounds, company="SambaNova")
    assert steps["round"].tolist() == ["Seed", "Series B"]
    assert steps["cumulative_million"].tolist() == [2.0, 152.0]
    with pytest.raises(ValueError):
        charts.funding_steps(rounds, company="Nobody")


def test_funding_chart_layers_colour_and_claimed_total(rounds):
    spec = charts.funding_rounds_chart(rounds, company="SambaNova", claimed_total=100, source="Source: test").to_dict()
    bars, steps, rule = spec["layer"]
    assert bars["mark"]["type"] == "bar" and steps["mark"]["interpolate"] == "step-after"
    assert bars["encoding"]["color"]["scale"]["range"] == [theme.COLOURS["company"]["SambaNova"]]
    assert bars["encoding"]["y"]["title"] == "USD million"
    assert {t["field"] for t in bars["encoding"]["tooltip"]} >= {"amount_million", "lead_investors", "cumulative_million"}
    assert rule["mark"]["type"] == "rule"
    assert spec["title"]["subtitle"][0] == "Source: test" and spec["description"]


def test_funding_chart_without_claimed_total_has_two_layers(rounds):
    spec = charts.funding_rounds_chart(rounds, company="SambaNova", source="Source: test").to_dict()
    assert len(spec["layer"]) == 2
