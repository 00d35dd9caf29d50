"""Turn the two Gartner tables printed in the report into tidy CSV files.

The report (KISDI AI Trend Watch 2022-9, section "AI-semiconductor market
outlook") reprints two wide tables from Gartner, "Forecast: AI Semiconductors,
Worldwide, 2020-2026" (May 2022): revenue by application and by device type,
in USD million, with a total row and a CAGR (2021-2026) column.

The rows below are typed from the report exactly as printed (thousands
separators and all). The script writes four long files:

* ``market_by_application.csv`` and ``market_by_device.csv``: one row per
  segment and year, without the total rows;
* ``market_printed_totals.csv``: the printed total row of each table;
* ``market_printed_cagr.csv``: the printed CAGR column, total included.

In the PDF-to-text conversion, the device table's two microprocessor rows came
out as "마이크로 프로세서- Compute 마이크로" and "프로세서- Embedded": the word
"마이크로" of the second label slid into the first row. The labels below are the
reconstructed ones; ``ocr_fixes.csv`` records the change.

Run from the repository root: ``python data/scripts/build_market_tables.py``,
then ``python data/scripts/update_datapackage.py``.
"""

from __future__ import annotations

import csv
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent
YEARS = [2020, 2021, 2022, 2023, 2024, 2025, 2026]
FIRST_ESTIMATE = 2022  # columns '22 E to '26 E are Gartner estimates

# (English segment, Korean label as printed and cleaned, printed cells ..., printed CAGR)
APPLICATION = [
    ("Automotive", "자동차", "1,740 2,746 3,422 4,460 6,171 7,811 9,534", "28.3%"),
    ("Communications", "통신", "14,994 21,597 25,630 28,750 31,491 31,948 32,645", "8.6%"),
    ("Computing", "컴퓨팅", "5,119 9,943 14,124 19,261 24,747 30,089 35,353", "28.9%"),
    ("Consumer", "소비자", "87 262 728 1,554 2,131 2,932 3,922", "71.7%"),
    ("Industrial", "산업", "84 221 519 1,244 2,035 3,133 4,431", "82.1%"),
    ("Storage", "저장", "3 7 17 44 86 130 194", "95.8%"),
]
APPLICATION_TOTAL = ("합계", "22,026 34,777 44,440 55,314 66,662 76,043 86,079", "19.9%")

DEVICE = [
    ("Digital signal processor", "디지털 신호 처리기", "6 14 32 69 102 152 216", "71.6%"),
    ("Application/multimedia processor", "애플리케이션/멀티미디어 프로세서",
     "10,771 14,440 15,725 18,423 18,935 18,366 19,371", "6.1%"),
    ("Graphics processing unit", "그래픽 처리 장치", "2,609 4,786 5,869 7,231 8,897 10,559 12,166", "20.5%"),
    ("FPGA", "FPGA", "115 241 442 912 1,439 1,870 2,398", "58.4%"),
    ("Integrated baseband/application processor", "통합 베이스밴드/애플리케이션 프로세서",
     "7,002 12,371 17,312 19,806 24,199 27,589 29,270", "18.8%"),
    ("Microcontroller", "마이크로컨트롤러", "19 49 106 212 286 473 755", "73.0%"),
    ("Microprocessor (compute)", "마이크로 프로세서-Compute", "1,128 2,107 3,510 5,836 7,669 9,455 11,360", "40.1%"),
    ("Microprocessor (embedded)", "마이크로 프로세서-Embedded", "40 86 156 291 475 683 881", "59.2%"),
    ("Other application-specific", "기타 특정 분야", "337 684 1,288 2,535 4,660 6,895 9,663", "69.8%"),
]
DEVICE_TOTAL = ("총합계", "22,026 34,777 44,440 55,314 66,662 76,043 86,079", "19.9%")


def _cells(printed: str) -> list[int]:
    values = [int(cell.replace(",", "")) for cell in printed.split()]
    assert len(values) == len(YEARS), printed
    return values


def _write(name: str, header: list[str], rows: list[list]) -> None:
    with open(DATA / f"{name}.csv", "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(rows)


def main() -> None:
    totals, cagrs = [], []
    for table, rows, total in [("application", APPLICATION, APPLICATION_TOTAL), ("device", DEVICE, DEVICE_TOTAL)]:
        long = []
        for segment, segment_ko, printed, cagr in rows:
            for year, value in zip(YEARS, _cells(printed)):
                long.append([segment, segment_ko, year, value, str(year >= FIRST_ESTIMATE).lower()])
            cagrs.append([table, segment, cagr.rstrip("%")])
        _write(f"market_by_{table}", ["segment", "segment_ko", "year", "revenue_usd_million", "is_estimate"], long)
        _label, printed, cagr = total
        totals += [[table, year, value] for year, value in zip(YEARS, _cells(printed))]
        cagrs.append([table, "Total", cagr.rstrip("%")])
    _write("market_printed_totals", ["table", "year", "total_usd_million"], totals)
    _write("market_printed_cagr", ["table", "segment", "cagr_2021_2026_pct"], cagrs)


if __name__ == "__main__":
    main()
