"""Chart builders of "After the report", on tiny inline frames."""

import pandas as pd
import pytest

from lib import charts, theme
from lib.charts import since_2022, successor_chips


@pytest.fixture
def printed():
    return pd.DataFrame({"table": ["application"] * 3 + ["device"] * 3, "year": [2021, 2022, 2023] * 2,
                         "total_usd_million": [34777.0, 44440.0, 55314.0] * 2})


@pytest.fixture
def later():
    rows = [
        ("M01", "gartner_ai_2023_08", "Gartner AI semiconductors, Aug 2023", "same series as the report", "2022",
         2022, "calendar year", None, "estimate", 44220.0, "as stated", "2023-08", "https://a.example/x"),
        ("M02", "gartner_ai_2023_08", "Gartner AI semiconductors, Aug 2023", "same series as the report", "2023",
         2023, "calendar year", None, "forecast", 53445.0, "as stated", "2023-08", "https://a.example/x"),
        ("M05", "gartner_ai_2023_08_consumer_ap", "Gartner, AI application processors in consumer devices, Aug 2023",
         "sub-segment of that series", "2023", 2023, "calendar year", None, "forecast", 1200.0, "as stated", "2023-08",
         "https://a.example/x"),
        ("M14", "gartner_ai_processing_2025_09", "Gartner 'AI processing' chips, Sep 2025",
         "different definition", "2024", 2024, "calendar year", None, "estimate", 138813.0, "as stated", "2025-09",
         "https://b.example/y ; https://c.example/z"),
        ("M17", "gartner_ai_processors_2026_01", "Gartner 'AI processors', Jan 2026", "different definition", "2025",
         2025, "calendar year", None, "actual", 200000.0, "more than", "2026-01-12", "https://d.example/"),
        ("M18", "gartner_ai_share_2026_01", "Gartner AI semiconductors as a share of all chips, Jan 2026",
         "different definition", "2025", 2025, "calendar year", None, "actual", None, "nearly", "2026-01-12",
         "https://d.example/"),
        ("M27", "nvidia_data_center_fy", "NVIDIA Data Center revenue (fiscal years)", "company revenue",
         "FY2025", 2025, "NVIDIA fiscal year", "2025-01-26", "actual", 115200.0, "as stated", "2025-02-26",
         "https://e.example/n"),
    ]
    cols = ["row_id", "series", "series_label", "scope", "period", "year", "period_type", "period_end", "kind",
            "value_usd_million", "qualifier", "published", "source_url"]
    frame = pd.DataFrame(rows, columns=cols)
    frame["period_end"] = pd.to_datetime(frame["period_end"])
    return frame


@pytest.fixture
def events():
    return pd.DataFrame({
        "event_id": ["E01", "E02", "E03"], "date": ["2023-09-26", "2024-07-12", "2025-10"],
        "date_note": ["", "", "reported"], "company": ["Kneron", "Graphcore", "SambaNova"],
        "category": ["funding", "acquisition", "acquisition"],
        "event_type": ["funding round", "acquisition", "M&A talks"], "description": ["a", "b", "c"],
        "amount_usd_million": [49.0, None, None], "amount_what": ["round", "price not disclosed", ""],
        "amount_as_given": ["$49M", "undisclosed", ""], "source_url": ["https://x.example/1"] * 3,
        "confidence": ["medium", "high", "medium"]})


def _layers(spec):
    return spec.get("layer", [spec])


def _datasets(spec):
    return [row for rows in spec["datasets"].values() for row in rows]


def test_report_totals_use_the_printed_application_row(printed):
    totals = since_2022.report_totals(printed)
    assert totals["value_usd_million"].tolist() == [34777.0, 44440.0, 55314.0]
    assert totals["is_estimate"].tolist() == [False, True, True]


def test_forecast_frame_keeps_series_apart_and_drops_sub_segments_and_shares(printed, later):
    frame = charts.forecast_outcome_frame(printed, later)
    assert set(frame["series"]) == {since_2022.REPORT_SERIES, "Gartner AI semiconductors, Aug 2023",
                                    "Gartner 'AI processing' chips, Sep 2025", "Gartner 'AI processors', Jan 2026"}
    assert frame.groupby("series")["group"].nunique().eq(1).all()
    assert set(frame.loc[frame["group"] == "same", "series"]) == {since_2022.REPORT_SERIES,
                                                                   "Gartner AI semiconductors, Aug 2023"}
    bound = frame.set_index("row_id").loc["M17"]
    assert bound["value_label"] == "more than 200.0" and bound["value_bn"] == 200
    assert frame.set_index("row_id").loc["M14", "source"] == "b.example"


def test_forecast_chart_draws_one_line_per_series_with_a_group_dropdown(printed, later):
    frame = charts.forecast_outcome_frame(printed, later)
    spec = charts.forecast_outcome_chart(frame).to_dict()
    line, points = _layers(spec)
    assert line["mark"]["type"] == "line" and line["encoding"]["detail"]["field"] == "series"
    show = next(p for p in spec["params"] if p["name"] == "show_group")
    assert show["bind"]["input"] == "select" and show["value"] == since_2022.GROUPS["same"]
    assert set(show["bind"]["options"]) == set(since_2022.GROUPS.values())
    assert "datum.group == 'same'" in line["transform"][0]["filter"]
    scale = line["encoding"]["color"]["scale"]
    assert scale["range"] == [theme.COLOURS["series"][s] for s in scale["domain"]]
    assert not any(p.get("bind") == "legend" for p in spec["params"])  # series are told apart by colour alone
    tips = {t["title"] for t in points["encoding"]["tooltip"]}
    assert {"Source", "Kind", "Published", "Revenue (USD billion)"} <= tips
    assert "Source:" in spec["title"]["subtitle"][0] and spec["description"]
    # estimates hollow, actual values filled
    assert points["encoding"]["fill"]["condition"]["test"] == "datum.filled"


def test_forecast_legend_greys_out_exactly_the_series_the_dropdown_hides(printed, later):
    import vl_convert as vlc

    frame = charts.forecast_outcome_frame(printed, later)
    spec = charts.forecast_outcome_chart(frame).to_dict()
    expr = spec["layer"][0]["encoding"]["color"]["legend"]["labelOpacity"]["expr"]
    assert spec["layer"][0]["encoding"]["color"]["legend"]["symbolOpacity"]["expr"] == expr
    for group, label in since_2022.GROUPS.items():
        for series, kind in frame.groupby("series")["group"].first().items():
            # evaluate the legend's expression in Vega itself, for this drop-down choice and this entry
            probe = {"$schema": spec["$schema"], "data": {"values": [{}]}, "mark": "text",
                     "params": [{"name": "show_group", "value": label}],
                     "transform": [{"calculate": expr.replace("datum.value", repr(series)), "as": "o"}],
                     "encoding": {"text": {"field": "o", "type": "quantitative"}}}
            shown = float(vlc.vegalite_to_svg(probe).split("</text>")[0].rsplit(">", 1)[1])
            assert shown == (1 if group == "all" or kind == "same" else 0.3), (group, series)


def test_forecast_chart_starts_on_all_series_and_rejects_unknown_groups(printed, later):
    frame = charts.forecast_outcome_frame(printed, later)
    spec = charts.forecast_outcome_chart(frame, group="all").to_dict()
    assert next(p for p in spec["params"] if p["name"] == "show_group")["value"] == since_2022.GROUPS["all"]
    with pytest.raises(ValueError):
        charts.forecast_outcome_chart(frame, group="some")
    only = charts.forecast_outcome_chart(frame, series=[since_2022.REPORT_SERIES]).to_dict()
    assert {r["series"] for r in _datasets(only)} == {since_2022.REPORT_SERIES}


def test_nvidia_bars_sit_at_the_calendar_year_their_fiscal_year_covers(printed, later):
    frame = charts.nvidia_vs_market_frame(printed, later)
    nvidia = frame[frame["series"] == since_2022.NVIDIA_SERIES].iloc[0]
    assert nvidia["year"] == 2024 and nvidia["period"] == "FY2025 (ended 26 Jan 2025)" and nvidia["value_bn"] == 115.2
    spec = charts.nvidia_vs_market_chart(frame).to_dict()
    bars, line, points = _layers(spec)
    assert bars["mark"]["type"] == "bar" and line["mark"]["type"] == "line"
    assert "fiscal year" in bars["encoding"]["x"]["title"]
    assert bars["encoding"]["color"]["scale"]["range"] == [theme.COLOURS["series"][since_2022.REPORT_SERIES],
                                                           theme.COLOURS["series"][since_2022.NVIDIA_SERIES]]
    assert {t["title"] for t in bars["encoding"]["tooltip"]} >= {"Period", "Source"}
    assert "systems, networking and software" in " ".join(spec["title"]["subtitle"])


def test_timeline_colours_companies_from_the_registry_and_shows_sources(events):
    spec = charts.company_timeline_chart(events).to_dict()
    enc = spec["encoding"]
    assert enc["color"]["scale"]["domain"] == ["SambaNova", "Graphcore", "Kneron"]  # registry order
    assert enc["color"]["scale"]["range"] == [theme.COLOURS["company"][c] for c in enc["color"]["scale"]["domain"]]
    assert enc["shape"]["scale"]["domain"] == ["funding", "acquisition"]
    assert spec["params"][0]["bind"] == "legend" and spec["params"][0]["select"]["fields"] == ["category"]
    assert {t["title"] for t in enc["tooltip"]} >= {"Event", "Amount", "Source", "Date"}
    rows = {r["event_id"]: r for r in _datasets(spec)}
    assert rows["E01"]["amount_label"] == "USD 49 million (round)"
    assert rows["E02"]["amount_label"] == "undisclosed (price not disclosed)"
    assert rows["E03"]["date_label"] == "2025-10 (reported)"
    assert rows["E03"]["when"].startswith("2025-10-15")


def test_near_events_of_one_company_are_spread_across_its_row(events):
    near = pd.concat([events, events.iloc[[0, 0]].assign(event_id=["E04", "E05"], date=["2023-10-20", "2024-05-01"],
                                                        category=["IPO", "IPO"])], ignore_index=True)
    lanes = dict(zip(near["event_id"], since_2022.timeline_frame(near)["lane"]))
    # Kneron's first two events are 24 days apart: a run of two; its third, 194 days on, stands alone
    assert (lanes["E01"], lanes["E04"], lanes["E05"]) == (-0.5, 0.5, 0.0)
    assert lanes["E02"] == lanes["E03"] == 0.0  # another company's events on other days: no spreading
    offset = charts.company_timeline_chart(near).to_dict()["encoding"]["yOffset"]
    assert offset["field"] == "lane" and offset["scale"]["domain"] == [-0.75, 0.75]


def test_timeline_filters(events):
    spec = charts.company_timeline_chart(events, companies=["Kneron", "SambaNova"], categories=["acquisition"]).to_dict()
    assert {r["event_id"] for r in _datasets(spec)} == {"E03"}
    with pytest.raises(ValueError):
        charts.company_timeline_chart(events, companies=["Tesla"])


@pytest.fixture
def chips():
    frame = pd.DataFrame({
        "product": ["TPU v4", "Trainium2 (Trn2)", "Trainium3 (Trn3)", "B200 (Blackwell)"],
        "company": ["Google", "Amazon", "Amazon", "NVIDIA"], "segment": ["data_center"] * 4,
        "announced": pd.to_datetime([None, "2023-11-01", "2024-12-01", "2024-03-01"]),
        "announced_as_given": ["pre-2022 (date not re-verified)", "2023-11", "2024-12", "2024-03-18"],
        "peak_bf16_tflops": [275.0, 667.0, 671.0, None], "peak_fp16_tflops": [None, 667.0, None, None],
        "peak_fp8_tflops": [None, 1299.0, 2517.0, None], "fp8_format": [None, "FP8", "MXFP8/MXFP4", None],
        "peak_int8_tops": [275.0, None, None, None],
        "sparsity_basis": ["no_sparsity_published", "dense_stated_or_sparse_listed", "dense_stated_or_sparse_listed",
                           "not_stated"],
        "other_peak": [None, None, None, "20 PFLOPS 'AI performance' in FP4"],
        "memory_gb": [34.36, 103.079, 154.6, 192.0], "memory_bandwidth_gb_s": [1200.0, 2900.0, 4900.0, 8000.0],
        "tdp_w": [None, None, None, None], "source_url": ["https://cloud.google.com/tpu"] * 4,
        "confidence": ["high", "high", "high", "medium"]})
    return frame


def test_chip_eras_follow_the_report_date():
    assert successor_chips.chip_era(pd.Timestamp("2022-03-01"), "") == "by the report (2022)"
    assert successor_chips.chip_era(pd.Timestamp("2022-11-01"), "") == "after the report"
    assert successor_chips.chip_era(pd.NaT, "pre-2022 (date not re-verified)") == "by the report (2022)"
    assert successor_chips.chip_era(pd.NaT, "not re-verified") == "date not verified"


def test_peaks_keep_other_fp8_formats_and_missing_figures_apart(chips):
    peaks = charts.chip_peaks_frame(chips).set_index(["product", "precision"])
    assert peaks.loc[("Trainium2 (Trn2)", "FP8"), "value"] == 1299
    assert pd.isna(peaks.loc[("Trainium3 (Trn3)", "FP8"), "value"])
    assert peaks.loc[("Trainium3 (Trn3)", "FP8"), "status"] == "other format: MXFP8/MXFP4"
    assert peaks.loc[("B200 (Blackwell)", "BF16"), "label"] == "not given"
    assert peaks.loc[("TPU v4", "INT8"), "label"] == "275 TOPS"


def test_peaks_chart_has_a_precision_dropdown_and_labels_missing_figures(chips):
    spec = charts.chip_peaks_chart(charts.chip_peaks_frame(chips), precision="FP8").to_dict()
    pick = next(p for p in spec["params"] if p["name"] == "precision_pick")
    assert pick["value"] == "FP8" and pick["bind"]["input"] == "select"
    assert pick["bind"]["options"] == ["BF16", "FP16", "FP8", "INT8"]
    missing, points = spec["layer"]
    assert missing["mark"]["type"] == "text" and missing["encoding"]["text"]["field"] == "status"
    assert points["encoding"]["x"]["scale"]["type"] == "log"
    assert "TFLOPS" in points["encoding"]["x"]["title"]
    scale = points["encoding"]["stroke"]["scale"]  # stroke carries the legend; fill marks later chips
    assert scale["range"] == [theme.COLOURS["company"][c] for c in scale["domain"]]
    assert points["encoding"]["stroke"]["legend"]["title"] == "Company"
    assert points["encoding"]["fill"]["condition"]["test"] == "datum.after"
    assert {"Sparsity basis", "Source", "Peak per chip"} <= {t["title"] for t in points["encoding"]["tooltip"]}
    with pytest.raises(ValueError):
        charts.chip_peaks_chart(charts.chip_peaks_frame(chips), precision="FP4")


def test_chips_table_says_not_given_and_groups_by_company(chips):
    table = charts.chips_table(chips).set_index("Chip")
    assert table.loc["B200 (Blackwell)", "BF16 TFLOPS"] == successor_chips.NOT_GIVEN
    assert table.loc["Trainium3 (Trn3)", "FP8 TFLOPS"] == "2,517 (MXFP8/MXFP4)"
    assert table.loc["Trainium2 (Trn2)", "FP16 TFLOPS"] == "667"
    assert table.loc["TPU v4", "Announced"] == "not verified" and table.loc["TPU v4", "Memory (GB)"] == "34.4"
    assert table["Company"].tolist() == ["Google", "Amazon", "", "NVIDIA"]


def test_report_entries_put_each_company_beside_its_later_chips(chips):
    flagship = pd.DataFrame({"company": ["Google", "Kneron", "Amazon"], "product": ["TPU", "KL720", "Inferentia"]})
    table = charts.report_entries(chips, flagship, keep=["Kneron"]).set_index("Company")
    assert "Kneron" in table.index and len(table) == 4
    assert "Kneron" not in charts.report_entries(chips, flagship)["Company"].tolist()
    assert table.loc["Google", "Chips in the later data"] == "TPU v4"
    assert table.loc["Kneron", "Chips in the later data"] == "none in the data"
    assert table.loc["NVIDIA", "In the report's product table (2022)"] == "not in the table"
    assert table.loc["Amazon", "Chips in the later data"] == "Trainium2 (Trn2), Trainium3 (Trn3)"
