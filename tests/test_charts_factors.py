"""Charts of Part III (success factors, implications), on tiny inline frames."""

import pandas as pd
import pytest

from lib import charts, theme


@pytest.fixture
def factors():
    return pd.DataFrame({"factor_id": ["SF1", "SF2", "SF3"], "factor": ["One arch", "Ecosystem", "Scalable"],
                         "factor_ko": ["통일", "생태계", "확장성"], "company": ["Intel", "Google", "Tesla"]})


@pytest.fixture
def readings():
    return pd.DataFrame({
        "company": ["Intel", "Google", "Tesla", "NVIDIA"], "factor_id": ["SF1", "SF2", "SF3", "SF2"],
        "basis": ["report", "report", "report", "book"], "evidence": ["a", "b", "c", "d"],
        "chapter": ["intel_habana", "google", "tesla", "nvidia"],
        "anchor": ["from-nervana-to-habana", "software-stack", "the-exapod-calculator", "the-cuda-ecosystem"],
        "data_basis": ["x"] * 4})


def _rows(spec):
    return [r for d in spec["datasets"].values() for r in d]


def test_matrix_has_a_radio_and_keeps_the_two_bases_apart(readings, factors):
    spec = charts.factor_matrix_chart(readings, factors).to_dict()
    params = {p["name"]: p for p in spec["params"]}
    assert params["factor_show"]["bind"]["input"] == "radio"
    assert params["factor_show"]["bind"]["options"] == ["both", "report", "book"]
    marks = spec["layer"][1]
    assert "factor_show" in marks["transform"][0]["filter"]
    shape = marks["encoding"]["shape"]
    assert shape["scale"]["range"] == ["square", "diamond"]
    assert len(set(shape["scale"]["domain"])) == 2
    assert marks["encoding"]["fill"]["condition"]["test"] == "datum.basis == 'report'"
    assert marks["encoding"]["fill"]["value"] == "white"
    assert marks["encoding"]["stroke"]["scale"] == theme.colour_scale("company", ["Intel", "NVIDIA", "Tesla", "Google"]).to_dict()
    assert marks["encoding"]["href"]["field"] == "url"
    urls = {r["company"]: r["url"] for r in _rows(spec) if "url" in r}
    assert urls["Tesla"] == "tesla.html#the-exapod-calculator"
    assert {t["field"] for t in marks["encoding"]["tooltip"]} >= {"evidence", "chapter_title", "basis_label"}
    assert spec["title"]["subtitle"][0].startswith("Source:")
    assert "description" in spec


def test_fixed_show_draws_one_basis_without_buttons(readings, factors):
    spec = charts.factor_matrix_chart(readings, factors, show="book").to_dict()
    assert "params" not in spec
    drawn = [r for r in _rows(spec) if "basis" in r]
    assert {r["basis"] for r in drawn} == {"book"}
    with pytest.raises(ValueError):
        charts.factor_matrix_chart(readings, factors, show="nobody")


def test_book_reading_may_not_repeat_a_report_pair(readings, factors):
    doubled = pd.concat([readings, readings.iloc[[0]].assign(basis="book")])
    with pytest.raises(ValueError, match="both credited and read"):
        charts.factor_matrix(doubled, factors)


def test_company_subset_limits_rows(readings, factors):
    spec = charts.factor_matrix_chart(readings, factors, companies=["Tesla", "NVIDIA"]).to_dict()
    assert spec["layer"][0]["encoding"]["y"]["sort"] == ["Tesla", "NVIDIA"]
    assert {r["company"] for r in _rows(spec)} == {"Tesla", "NVIDIA"}


@pytest.fixture
def claims():
    return pd.DataFrame({"claim_id": ["C1", "C2"], "metric": ["ai_share_of_system_semiconductors"] * 2,
                         "value": [8.5, 19.5], "period": ["2020", "2025"], "value_printed": ["8.5%", "19.5%"]})


def test_ai_share_chart_marks_the_estimate_and_uses_the_theme(claims):
    frame = charts.ai_share_frame(claims)
    assert frame["year_label"].tolist() == ["2020", "2020", "2025E", "2025E"]
    assert frame.groupby("year")["share_pct"].sum().tolist() == [100.0, 100.0]
    spec = charts.ai_share_chart(claims).to_dict()
    bars = spec["layer"][0]
    assert bars["encoding"]["color"]["scale"] == theme.colour_scale(
        "semiconductor", ["AI semiconductors", "Other system semiconductors"]).to_dict()
    assert bars["encoding"]["opacity"]["condition"]["test"] == "datum.estimate"
    assert "%" in bars["encoding"]["x"]["title"]
    assert "Gartner" in " ".join(spec["title"]["subtitle"])
    assert "8.5 %" in spec["description"] and "19.5 % in 2025E" in spec["description"]
    with pytest.raises(LookupError):
        charts.ai_share_frame(claims.assign(metric="other"))
