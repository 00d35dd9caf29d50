"""The success-factor explorer: changing a control changes the chart."""

import pandas as pd

from lib import widgets


def _inputs():
    factors = pd.DataFrame({"factor_id": ["SF1", "SF2", "SF3"], "factor": ["a", "b", "c"], "factor_ko": ["가", "나", "다"],
                            "company": ["Intel", "Google", "Tesla"]})
    readings = pd.DataFrame({"company": ["Intel", "Google", "NVIDIA"], "factor_id": ["SF1", "SF2", "SF2"],
                             "basis": ["report", "report", "book"], "evidence": ["x", "y", "z"],
                             "chapter": ["intel_habana", "google", "nvidia"], "anchor": ["a", "b", "c"],
                             "data_basis": ["d"] * 3})
    return readings, factors


def _drawn(chart):
    return {(r["company"], r["basis"]) for d in chart.to_dict()["datasets"].values() for r in d if "basis" in r}


def test_show_toggle_switches_between_report_and_book():
    box = widgets.factors_controls(*_inputs())
    assert box.show.value == "both"
    assert _drawn(box.chart()) == {("Intel", "report"), ("Google", "report"), ("NVIDIA", "book")}
    box.show.value = "book"
    assert _drawn(box.chart()) == {("NVIDIA", "book")}
    box.show.value = "report"
    assert _drawn(box.chart()) == {("Intel", "report"), ("Google", "report")}
    assert "params" not in box.chart().to_dict()


def test_company_selector_limits_the_rows():
    box = widgets.factors_controls(*_inputs())
    box.companies.value = ("NVIDIA", "Intel")
    spec = box.chart().to_dict()
    assert spec["layer"][0]["encoding"]["y"]["sort"] == ["Intel", "NVIDIA"]
    assert _drawn(box.chart()) == {("Intel", "report"), ("NVIDIA", "book")}
    box.companies.value = ()
    assert len(box.chart().to_dict()["layer"][0]["encoding"]["y"]["sort"]) == 10
