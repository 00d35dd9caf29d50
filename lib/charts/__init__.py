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

from lib.charts.cerebras import (READINGS, wafer_scale_chart, wafer_vs_die_frame, wse_increase_chart, wse_ratios)
from lib.charts.chips import (chip_ranking_chart, chip_scatter_chart)
from lib.charts.companies import (cumulative_funding, deal_timeline_chart, funding_timeline_chart)
from lib.charts.dojo import (dojo_exapod_chart, dojo_hierarchy, dojo_ladder_chart)
from lib.charts.factors import (ai_share_chart, ai_share_frame, factor_matrix, factor_matrix_chart)
from lib.charts.funding import (company_funding_chart, funding_cumulative)
from lib.charts.graphcore import (ipu_generation_chart, ipu_generation_ratios, ipu_platform_scaling, ipu_scaling_chart)
from lib.charts.hailo import (edge_efficiency_chart, edge_products)
from lib.charts.kneron import (kneron_efficiency_table, kneron_mac_chart, peak_tops)
from lib.charts.landscape import (device_mix, device_mix_chart, product_classes, products_chart, short_class)
from lib.charts.leaders import (company_metrics, leader_roster, leaders_metric_chart, product_purpose_chart, stack_cells, stack_count_chart)
from lib.charts.market import (cagr, cagr_ranking_chart, market_scenario_chart, market_share_chart, market_trend_chart, scenario_start_rate, segment_growth, year_label)
from lib.charts.roofline import (attainable, binding_limit, peak_from_macs, ridge_point, roofline_chart, roofline_chips)
from lib.charts.since_2022 import (company_timeline_chart, forecast_outcome_chart, forecast_outcome_frame,
                                   nvidia_vs_market_chart, nvidia_vs_market_frame, report_totals, timeline_frame)
from lib.charts.successor_chips import (chip_era, chip_peaks_chart, chip_peaks_frame, chips_table, report_entries,
                                        short_chip_name)
from lib.charts.stack import (layer_coverage, stack_items, stack_list_chart, stack_matrix_chart)
from lib.charts.tpu import (tpu_peak_chart, tpu_versions)

__all__ = [name for name in dir() if not name.startswith("_")]
