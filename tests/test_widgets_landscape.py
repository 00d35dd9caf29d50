"""The products explorer: each control changes the chart it drives."""

from lib import data, widgets


def _rows(chart):
    return [r for d in chart.to_dict()["datasets"].values() for r in d if "product" in r]


def _box():
    return widgets.products_controls(data.load("flagship_products"), data.load("corrections"))


def test_basis_switches_between_printed_and_corrected_class():
    box = _box()
    assert box.basis.options == ("As printed", "Corrected")
    assert box.chart().to_dict()["transform"][0]["calculate"] == "datum.class_printed"
    box.basis.value = "Corrected"
    spec = box.chart().to_dict()
    assert spec["transform"][0]["calculate"] == "datum.class_corrected"
    assert "params" not in spec  # the widget replaces the chart's own radio button


def test_company_and_purpose_filters():
    box = _box()
    assert len(_rows(box.chart())) == 23
    box.company.value = "NVIDIA"
    assert {r["product"] for r in _rows(box.chart())} == {"A100", "Xavier"}
    box.company.value = "All"
    box.deployment.value = "Cloud"
    rows = _rows(box.chart())
    assert rows and {r["deployment"] for r in rows} == {"Cloud"}
    box.company.value = "Kneron"  # Kneron's product is printed as Edge
    assert _rows(box.chart()) == []
