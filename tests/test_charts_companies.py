"""Builders shared by the company chapters, on tiny inline frames."""

import pandas as pd
import pytest

from lib import charts, theme


@pytest.fixture
def rounds():
    return pd.DataFrame({
        "company": ["Hailo", "Hailo", "Kneron"],
        "date": pd.to_datetime(["2019-01-01", "2020-05-01", "2018-05-01"]),
        "round": ["Grant", "Series B", "Series A"], "round_type": ["Grant", "Series B", "Series A"],
        "amount_printed": ["300만 유로", "6,000만 달러", "1,800만 달러"],
        "amount_million": [3.0, 60.0, 18.0], "currency": ["EUR", "USD", "USD"],
        "lead_investors": [None, None, "Horizons Ventures"],
    })


def test_cumulative_funding_adds_usd_rounds_only(rounds):
    frame = charts.cumulative_funding(rounds)
    hailo = frame[frame["company"] == "Hailo"]
    assert hailo["cumulative_usd_million"].tolist() == [0.0, 60.0]
    assert hailo["counted"].tolist() == [False, True]
    assert frame.set_index("company").loc["Kneron", "investors"] == "Horizons Ventures"
    assert "not printed" in hailo["investors"].tolist()


def test_funding_timeline_spec(rounds):
    spec = charts.funding_timeline_chart(rounds).to_dict()
    assert spec["title"]["text"] and "Source" in spec["title"]["subtitle"][0]
    assert spec["description"]
    line, points = spec["layer"]
    assert points["encoding"]["y"]["title"] == "Cumulative funding (USD million)"
    assert points["encoding"]["color"]["scale"] == theme.colour_scale("company", ["Kneron", "Hailo"]).to_dict()
    tips = {t["title"] for t in points["encoding"]["tooltip"]}
    assert {"Lead investors", "Date", "Amount as printed", "Round"} <= tips
    assert points["encoding"]["shape"]["legend"] is None  # no true/false legend
    param = spec["params"][0]
    assert param["select"]["type"] == "point" and param["bind"] == "legend"
    assert points["encoding"]["opacity"]["condition"]["param"] == param["name"]
    assert "width" not in spec


def test_funding_timeline_filters_companies(rounds):
    spec = charts.funding_timeline_chart(rounds, companies=["Kneron"]).to_dict()
    rows = [r for d in spec["datasets"].values() for r in d]
    assert {r["company"] for r in rows} == {"Kneron"}
    with pytest.raises(ValueError):
        charts.funding_timeline_chart(rounds, companies=["Nobody"])


def test_deal_timeline_uses_the_acquirer_colour():
    deals = pd.DataFrame({"target": ["A", "B", "C"], "date": pd.to_datetime(["2016-01-01", "2019-01-01", None]),
                          "date_label": ["2016", "2019", "not printed"], "kind": ["acquisition", "investment", "investment"],
                          "price_label": ["x", "y", "z"], "date_basis": ["report"] * 3})
    spec = charts.deal_timeline_chart(deals, company="Intel", title="T", source="report §1").to_dict()
    points = spec["layer"][0]
    assert points["mark"]["color"] == theme.COLOURS["company"]["Intel"]
    assert points["encoding"]["y"]["sort"] == ["A", "B"]  # undated deals are left off
    assert spec["title"]["subtitle"] == "Source: report §1."
    assert points["encoding"]["x"]["title"] == "Year of the deal"
    assert points["encoding"]["shape"]["scale"] == {"domain": ["acquisition", "investment"], "range": ["diamond", "circle"]}
    bought = charts.deal_timeline_chart(deals[deals["kind"] == "acquisition"], company="Intel", title="T", source="s")
    assert bought.to_dict()["layer"][0]["encoding"]["shape"]["scale"] == {"domain": ["acquisition"], "range": ["diamond"]}
