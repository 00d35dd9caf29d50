"""Turn the book's "since 2022" reference tables into tidy, typed CSV files.

The reference tables (``data/sources/since-2022/market.csv`` and ``events.csv``) were collected from public sources after the report was
published. Each row names its source, quotes the exact phrase read there and
gives a confidence (``high`` or ``medium``). This script writes:

* ``data/market_since_2022.csv``: later market figures (Gartner's later releases,
  NVIDIA's Data Center revenue by fiscal year, a few context figures), one row per
  figure, amounts in USD million;
* ``data/events_since_2022.csv``: what happened to the report's companies from
  2023 on, one row per event, amounts in USD million where the source gives one.

Nothing is added that the reference does not hold: the text of every value, date
and amount is kept as given (``value_as_given``, ``amount_as_given``), the quote
and confidence are copied unchanged, and a field the reference leaves open (an
undisclosed price, an amount in pounds, a share without a dollar figure) stays
empty. The hand-written annotations below (series, scope, qualifier, what an
amount measures) are checked against the reference row they annotate, so a
changed reference fails loudly instead of drifting.

Run from the repository root::

    python data/scripts/build_since_2022.py [REFERENCE_DIR]
    python data/scripts/update_datapackage.py
"""

from __future__ import annotations

import csv
import re
import sys
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent
REFERENCE = DATA / "sources" / "since-2022"

# --- market -------------------------------------------------------------------------------------

SERIES = {
    # series id: (label, scope)
    "gartner_ai_2023_08": ("Gartner AI semiconductors, Aug 2023", "same series as the report"),
    "gartner_ai_2023_08_consumer_ap": ("Gartner, AI application processors in consumer devices, Aug 2023",
                                       "sub-segment of that series"),
    "gartner_ai_2024_05": ("Gartner AI semiconductors, May 2024", "same series as the report"),
    "gartner_ai_2024_05_server_accel": ("Gartner, AI accelerators in servers, May 2024", "sub-segment of that series"),
    "gartner_ai_2024_05_compute_electronics": ("Gartner, AI chips in compute electronics, May 2024",
                                               "sub-segment of that series"),
    "gartner_dc_semis_2025_02": ("Gartner data-center chips (all kinds), Feb 2025", "different definition"),
    "gartner_ai_processing_2025_09": ("Gartner 'AI processing' chips, Sep 2025", "different definition"),
    "gartner_ai_processors_2026_01": ("Gartner 'AI processors', Jan 2026", "different definition"),
    "gartner_ai_share_2026_01": ("Gartner AI semiconductors as a share of all chips, Jan 2026", "different definition"),
    "gartner_hbm_2026_01": ("Gartner HBM sales, Jan 2026", "context"),
    "gartner_total_2026_01": ("Gartner, all semiconductors, Jan 2026", "context"),
    "gartner_nvidia_2026_01": ("Gartner vendor ranking, NVIDIA semiconductor revenue, Jan 2026", "company revenue"),
    "gartner_total_2026_04": ("Gartner, all semiconductors, Apr 2026", "context"),
    "gartner_ai_share_2026_04": ("Gartner AI semiconductors as a share of all chips, Apr 2026", "different definition"),
    "nvidia_data_center_fy": ("NVIDIA Data Center revenue (fiscal years)", "company revenue"),
    "amd_instinct": ("AMD Instinct accelerator revenue", "company revenue"),
    "sia_total": ("SIA, all semiconductors", "context"),
    "techinsights_nvidia_dc_gpu": ("TechInsights, NVIDIA data-center GPU revenue", "company revenue"),
}

# One annotation per reference row, in the reference's order:
# (value as given in the reference, series id, kind, qualifier, share of total in %, published, published note)
MARKET_ROWS = [
    ("44.220", "gartner_ai_2023_08", "estimate", "as stated", None, "2023-08", "copies dated 2023-08-23"),
    ("53.445", "gartner_ai_2023_08", "forecast", "as stated", None, "2023-08", ""),
    ("67.148", "gartner_ai_2023_08", "forecast", "as stated", None, "2023-08", ""),
    ("119.4", "gartner_ai_2023_08", "forecast", "as stated", None, "2023-08", ""),
    ("1.2", "gartner_ai_2023_08_consumer_ap", "forecast", "as stated", None, "2023-08", ""),
    ("53.662", "gartner_ai_2024_05", "estimate", "as stated", None, "2024-05", ""),
    ("71.252", "gartner_ai_2024_05", "forecast", "as stated", None, "2024-05", ""),
    ("91.955", "gartner_ai_2024_05", "forecast", "as stated", None, "2024-05", ""),
    ("21", "gartner_ai_2024_05_server_accel", "forecast", "as stated", None, "2024-05", ""),
    ("33", "gartner_ai_2024_05_server_accel", "forecast", "as stated", None, "2024-05", ""),
    ("33.4", "gartner_ai_2024_05_compute_electronics", "forecast", "as stated", 47, "2024-05", ""),
    ("64.8", "gartner_dc_semis_2025_02", "actual", "as stated", None, "2025-02", ""),
    ("112", "gartner_dc_semis_2025_02", "actual", "as stated", None, "2025-02", ""),
    ("138.813", "gartner_ai_processing_2025_09", "estimate", "as stated", None, "2025-09", "copy dated 2025-09-19"),
    ("209.192", "gartner_ai_processing_2025_09", "forecast", "as stated", None, "2025-09", ""),
    ("267.934", "gartner_ai_processing_2025_09", "forecast", "as stated", None, "2025-09", ""),
    (">200", "gartner_ai_processors_2026_01", "actual", "more than", None, "2026-01-12", ""),
    ("not stated in $ (≈ one-third of 793.449)", "gartner_ai_share_2026_01", "actual", "nearly", 100 / 3,
     "2026-01-12", ""),
    ("793.449", "gartner_total_2026_01", "actual", "as stated", None, "2026-01-12", ""),
    (">30", "gartner_hbm_2026_01", "actual", "more than", None, "2026-01-12", ""),
    ("125.703", "gartner_nvidia_2026_01", "actual", "as stated", None, "2026-01-12", ""),
    ("share >50%", "gartner_ai_share_2026_01", "forecast", "more than", 50, "2026-01-12", ""),
    (">1300", "gartner_total_2026_04", "forecast", "more than", None, "2026-04-14", ""),
    ("share ≈30% (≈390+ implied, not stated)", "gartner_ai_share_2026_04", "forecast", "approximately", 30,
     "2026-04-14", ""),
    ("15.01", "nvidia_data_center_fy", "actual", "as stated", None, "2023-02-22", ""),
    ("47.5", "nvidia_data_center_fy", "actual", "as stated", None, "2024-02-21", ""),
    ("115.2", "nvidia_data_center_fy", "actual", "as stated", None, "2025-02-26", ""),
    ("193.7", "nvidia_data_center_fy", "actual", "as stated", None, "2026-02-25", ""),
    (">5", "amd_instinct", "actual", "more than", None, "2025-02-04", ""),
    ("791.7", "sia_total", "actual", "as stated", None, "2026-02-06", ""),
    ("10.9", "techinsights_nvidia_dc_gpu", "estimate", "as stated", None, "2024-06", ""),
    ("36.2", "techinsights_nvidia_dc_gpu", "estimate", "as stated", None, "2024-06", ""),
]

MARKET_HEADER = [
    "row_id", "series", "series_label", "scope", "period", "year", "period_type", "period_end", "kind",
    "kind_as_given", "value_usd_million", "share_of_total_pct", "qualifier", "value_as_given", "definition",
    "publisher", "published", "published_note", "source_url", "source_note", "quote", "confidence",
]

# --- events -------------------------------------------------------------------------------------

COMPANY_NAMES = {"AWS": "Amazon"}  # the book's name for a company, where the reference uses another

# One annotation per reference row, in order:
# (date as given, company, counterparty, category, amount in USD million or None, what the amount is)
EVENT_ROWS = [
    ("2023-09-26", "Kneron", "Foxconn (among investors)", "funding", 49,
     "additional raise; the round totals USD 97 million"),
    ("2023-10-04", "Graphcore", "", "distress", 204.6, "pre-tax loss for 2022"),
    ("2024-04-10", "Hailo", "", "product", None, ""),
    ("2024-06-02", "NVIDIA", "", "product", None, ""),
    ("2024-07-12", "Graphcore", "SoftBank", "acquisition", None, "price not disclosed"),
    ("2024-08-29", "Cerebras", "", "IPO", None, ""),
    ("2024-09-30", "Cerebras", "", "IPO", None, ""),
    ("2024-10-08", "Cerebras", "G42", "IPO", None, ""),
    ("2024-10-31", "Intel", "", "distress", 500, "Gaudi revenue target for 2024, which Intel said it would miss"),
    ("2024-12-03", "Amazon", "", "product", None, ""),
    ("2025-01-30", "Intel", "", "distress", None, ""),
    ("2025-03-25", "Cerebras", "G42", "IPO", 335, "G42's investment under CFIUS review"),
    ("2025-03-31", "Cerebras", "G42", "IPO", None, ""),
    ("2025-04 (late April)", "SambaNova", "", "distress", None, ""),
    ("2025-07-28", "Tesla", "Samsung", "contract", 16500, "contract value (Samsung to make Tesla's AI6 chip)"),
    ("2025-08-07", "Tesla", "", "distress", None, ""),
    ("2025-08-22", "Intel", "US government", "funding", 8900, "government purchase of a 9.9 % stake"),
    ("2025-09-18", "Intel", "NVIDIA", "funding", 5000, "NVIDIA's purchase of Intel common stock"),
    ("2025-09-30", "Cerebras", "", "funding", 1100, "Series G round"),
    ("2025-10 (reported)", "SambaNova", "Intel", "acquisition", None, ""),
    ("2025-10-03", "Cerebras", "", "IPO", None, ""),
    ("2025-10-09", "Graphcore", "", "expansion", None, "up to GBP 1 billion over ten years (not converted)"),
    ("2025-10-14", "Intel", "", "product", None, ""),
    ("2025-10-23", "Google", "Anthropic", "contract", None, "tens of billions of dollars, not itemised"),
    ("2025-12 (late December; exact day from secondary sources)", "NVIDIA", "Groq", "acquisition", 20000,
     "reported price; structure of the deal not verified from a first-rate text"),
    ("2026-01-05", "NVIDIA", "", "product", None, ""),
    ("2026-02-24", "SambaNova", "", "funding", 350, "Series E round"),
]

EVENT_HEADER = [
    "event_id", "date", "date_precision", "date_note", "company", "company_as_given", "counterparty", "category",
    "event_type", "description", "amount_usd_million", "amount_what", "amount_as_given", "source_url",
    "source_note", "quote", "confidence",
]

# --- helpers ------------------------------------------------------------------------------------

DATE = re.compile(r"(\d{4}-\d{2}(?:-\d{2})?)(?: \((.*)\))?")


def number(value: float | None) -> str:
    """A number as written in the CSV: no trailing zeros, empty for None."""
    if value is None:
        return ""
    text = f"{value:.3f}".rstrip("0").rstrip(".")
    return text


def split_sources(cell: str) -> tuple[str, str]:
    """Split the reference's "url (note) | url (note)" into URLs (" ; ") and notes (" ; ")."""
    urls, notes = [], []
    for part in cell.split(" | "):
        url, _, note = part.strip().partition(" ")
        assert url.startswith("http"), part
        urls.append(url)
        if note:
            notes.append(f"{url.split('/')[2]}: {note.strip().strip('()')}")
    return " ; ".join(urls), " ; ".join(notes)


def billions_to_millions(text: str) -> float | None:
    """USD million from the reference's value in USD billion ("44.220", ">200"); None if no amount."""
    match = re.fullmatch(r">?(\d+(?:\.\d+)?)", text)
    return round(float(match.group(1)) * 1000, 3) if match else None


def amount_millions(text: str) -> float | None:
    """USD million from an amount such as "$49M ...", "$16.5B", "$20B (reported)"."""
    match = re.search(r"\$(\d+(?:\.\d+)?)([MB])", text)
    if not match:
        return None
    return float(match.group(1)) * (1000 if match.group(2) == "B" else 1)


def read(path: Path) -> list[dict]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def write(name: str, header: list[str], rows: list[list]) -> None:
    with open(DATA / f"{name}.csv", "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(rows)


def market_rows(reference: list[dict]) -> list[list]:
    assert len(reference) == len(MARKET_ROWS), "market.csv changed: update MARKET_ROWS"
    rows = []
    for i, (ref, note) in enumerate(zip(reference, MARKET_ROWS), start=1):
        given, series, kind, qualifier, share, published, published_note = note
        assert ref["value_usd_billion"] == given, (i, ref["value_usd_billion"], given)
        assert ref["kind"].startswith(kind), (i, ref["kind"], kind)
        assert ref["publication_date"].startswith(published[:7]), (i, ref["publication_date"], published)
        period = ref["year"]
        fiscal = re.fullmatch(r"FY(\d{4}) \((?:.*?)(?:ended )(\d{4}-\d{2}-\d{2})\)", period)
        if fiscal:
            year, period_type, period_end, period = int(fiscal.group(1)), "NVIDIA fiscal year", fiscal.group(2), \
                f"FY{fiscal.group(1)}"
        else:
            year, period_type, period_end = int(period), "calendar year", ""
        value = billions_to_millions(given)
        if share is not None:
            assert "share" in given or "%" in ref["definition"] + ref["quote"] or "share" in ref["definition"], i
        if value is not None and given.startswith(">"):
            assert qualifier == "more than", i
        label, scope = SERIES[series]
        urls, source_note = split_sources(ref["source_url"])
        rows.append([
            f"M{i:02d}", series, label, scope, period, year, period_type, period_end, kind, ref["kind"],
            number(value), number(share), qualifier, given, ref["definition"], ref["publisher"], published,
            published_note, urls, source_note, ref["quote"], ref["confidence"],
        ])
    return rows


def event_rows(reference: list[dict]) -> list[list]:
    assert len(reference) == len(EVENT_ROWS), "events.csv changed: update EVENT_ROWS"
    rows = []
    for i, (ref, note) in enumerate(zip(reference, EVENT_ROWS), start=1):
        given, company, counterparty, category, amount, what = note
        assert ref["date"] == given, (i, ref["date"], given)
        as_given = ref["company"]
        assert COMPANY_NAMES.get(as_given.split(" ")[0], as_given.split(" ")[0]) == company \
            or company in as_given, (i, as_given, company)
        match = DATE.fullmatch(given)
        assert match, given
        date, date_note = match.group(1), match.group(2) or ""
        precision = "day" if len(date) == 10 else "month"
        parsed = amount_millions(ref["amount_usd"])
        if amount is not None:
            assert parsed == amount, (i, ref["amount_usd"], amount)
        else:
            assert what or not ref["amount_usd"], (i, ref["amount_usd"])
        urls, source_note = split_sources(ref["source_url"])
        rows.append([
            f"E{i:02d}", date, precision, date_note, company, as_given, counterparty, category, ref["event_type"],
            ref["description"], number(amount), what, ref["amount_usd"], urls, source_note, ref["quote"],
            ref["confidence"],
        ])
    return rows


def main(argv: list[str]) -> int:
    reference = Path(argv[1]) if len(argv) > 1 else REFERENCE
    write("market_since_2022", MARKET_HEADER, market_rows(read(reference / "market.csv")))
    write("events_since_2022", EVENT_HEADER, event_rows(read(reference / "events.csv")))
    print(f"wrote market_since_2022.csv and events_since_2022.csv from {reference}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
