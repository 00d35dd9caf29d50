"""Live-kernel explorer of the software-stack chapter: the drop-downs change the chart they drive."""

import pytest

from lib import widgets
from lib.charts.stack import ALL_COMPANIES, ALL_LAYERS

from tests.test_charts_stack import layers, stack  # noqa: F401  (fixtures)


def _software(chart):
    return {r["software"] for d in chart.to_dict()["datasets"].values() for r in d}


def test_company_dropdown_shows_that_company_s_stack(stack, layers):  # noqa: F811
    box = widgets.stack_controls(stack, layers)
    assert box.company.options == (ALL_COMPANIES, "Acme", "Beta")
    assert len(_software(box.chart())) == 7
    box.company.value = "Beta"
    assert _software(box.chart()) == {"Beta security", "Beta compiler", "Beta tuner"}


def test_layer_dropdown_shows_who_ships_what(stack, layers):  # noqa: F811
    box = widgets.stack_controls(stack, layers, company="Acme")
    assert box.layer.value == ALL_LAYERS
    box.layer.value = "Deep Learning Compiler"
    assert _software(box.chart()) == {"Acme compiler"}
    box.company.value = ALL_COMPANIES
    assert _software(box.chart()) == {"Acme compiler", "Beta compiler", "Beta tuner"}
    spec = box.chart().to_dict()
    assert "params" not in spec  # the live controls replace the chart's own drop-downs


def test_unknown_company_is_refused(stack, layers):  # noqa: F811
    with pytest.raises(Exception):
        widgets.stack_controls(stack, layers, company="Gamma")
