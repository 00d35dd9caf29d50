"""The roofline chapter's live-kernel explorer: changing a control changes the chart."""

import math

import pandas as pd
import pytest

from lib import charts, widgets


def _rooflines():
    chips = pd.DataFrame({
        "product": ["Alpha", "Beta"], "company": ["Google", "Amazon"], "peak_bf16_tflops": [100.0, 400.0],
        "peak_int8_tops": [None, None], "memory_bandwidth_gb_s": [1000.0, 2000.0],
        "sparsity_basis": ["no_sparsity_published", "dense_stated_or_sparse_listed"],
        "confidence": ["high", "high"], "source_url": ["https://a", "https://b"]})
    return charts.roofline_chips(chips)


def _params(box):
    return {p["name"]: p["value"] for p in box.chart().to_dict()["params"]}


def test_chip_dropdown_sets_the_highlighted_chip():
    box = widgets.roofline_controls(_rooflines())
    assert box.chip.options == ("Beta", "Alpha")
    box.chip.value = "Alpha"
    assert _params(box)["roof_chip"] == "Alpha"


def test_intensity_slider_sets_the_workload_point():
    box = widgets.roofline_controls(_rooflines())
    assert _params(box)["log_intensity"] == pytest.approx(1.0)
    box.intensity.value = 1000.0
    assert _params(box)["log_intensity"] == pytest.approx(math.log10(1000.0))
    assert all("bind" not in p for p in box.chart().to_dict()["params"])
