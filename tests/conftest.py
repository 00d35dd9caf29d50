"""Shared fixtures: tiny inline market data for chart and widget tests."""

from pathlib import Path

import pandas as pd
import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def market():
    """Two views, two segments each, 2020-2023 (2022-23 estimates), in load_market()'s shape.

    Segment names are real ones, since charts take their colours from the registry.
    """
    rows = []
    values = {("By application", "Automotive"): [10, 20, 40, 80],
              ("By application", "Communications"): [100, 110, 121, 133.1],
              ("By device type", "Graphics processing unit"): [50, 60, 70, 80],
              ("By device type", "FPGA"): [1, 2, 4, 8]}
    for (view, segment), series in values.items():
        for year, value in zip(range(2020, 2024), series):
            rows.append({"segment": segment, "segment_ko": "", "year": year, "revenue_usd_million": float(value),
                         "is_estimate": year >= 2022, "view": view})
    frame = pd.DataFrame(rows)
    frame["view"] = pd.Categorical(frame["view"], categories=["By application", "By device type"])
    return frame
