"""The Dojo calculator for live kernels: the slider changes the chart."""

from lib import widgets
from tests.test_charts_dojo import dojo_claims


def _cabinets(chart):
    spec = chart.to_dict()
    params = {p["name"]: p for layer in [spec, *spec["layer"]] for p in layer.get("params", [])}
    return params["cabinets"]


def test_slider_starts_at_the_report_count_and_drives_the_chart():
    box = widgets.dojo_controls(dojo_claims(), tesla_cabinets=10)
    assert box.cabinets.value == 11 and (box.cabinets.min, box.cabinets.max) == (1, 16)
    assert _cabinets(box.chart())["value"] == 11
    box.cabinets.value = 10
    param = _cabinets(box.chart())
    assert param["value"] == 10 and "bind" not in param
    rows = [r for d in box.chart().to_dict()["datasets"].values() for r in d if "row" in r]
    assert {r["row"] for r in rows} >= {"10 cabinets (Tesla)", "11 cabinets (report)"}
