"""Chart builders: one pure function per chart, DataFrame in, Altair chart out.

The builders live in one module per topic (``lib/charts/market.py``, ...) and are
re-exported here, so a chapter writes ``from lib import charts`` and calls
``charts.market_trend_chart(...)`` whatever module holds the builder.

Rules every builder follows:

* data first, options keyword-only; no display, no saving, no globals;
* explicit encoding types and unit-bearing axis titles;
* a title, a subtitle naming the source, and a ``description`` (the text
  alternative read by screen readers);
* colours from :mod:`lib.theme` (one colour per company, hardware class, market
  segment or software layer across the whole book);
* interactivity through Vega-Lite params (bound inputs, legend selections), so
  it works on the static site without a kernel;
* no fixed width: the book's renderer lays each chart out for the column it sits in.
"""

from lib.charts.dojo import dojo_exapod_chart, dojo_hierarchy, dojo_ladder_chart
from lib.charts.market import (cagr, cagr_ranking_chart, market_share_chart, market_trend_chart,
                               segment_growth)
from lib.charts.sambanova import funding_rounds_chart, funding_steps
from lib.charts.tpu import tpu_peak_chart, tpu_versions

__all__ = ["cagr", "cagr_ranking_chart", "dojo_exapod_chart", "dojo_hierarchy", "dojo_ladder_chart",
           "funding_rounds_chart", "funding_steps", "market_share_chart", "market_trend_chart", "segment_growth",
           "tpu_peak_chart", "tpu_versions"]
