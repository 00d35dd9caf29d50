"""The book's tables and records in words: the data catalogue and what the chapters quote from it.

* :mod:`~lib.catalogue.datasets`: the datasets section, rendered from ``datapackage.json``, and
  :func:`markdown_table` for any DataFrame;
* :mod:`~lib.catalogue.records`: a row, field and value in words, with units and rounding;
* :mod:`~lib.catalogue.corrections`: the corrections, one ID per fact, and the chapters that show them;
* :mod:`~lib.catalogue.findings`: the report's figures that do not add up, and the PDF reconstructions.

Chapters import every name from ``lib.catalogue`` itself.
"""

from __future__ import annotations

from lib.catalogue.datasets import (markdown_cell, markdown_table, dataset_anchor, field_list, resource_markdown,
                                    contents_markdown, catalogue_markdown)
from lib.catalogue.records import (parse_record, words, to_number, decimals_of, format_number, significant, quantity,
                                   field_unit, field_label, describe_record, value_unit)
from lib.catalogue.corrections import (correction_sub_ids, correction_anchor, correction_link, source_links,
                                       correction_records, corrections_markdown, toc_chapters, correction_usage)
from lib.catalogue.findings import (note_quantities, findings_markdown, OCR_FIX_KINDS, OTHER_KIND, ocr_fix_kind,
                                    ocr_fixes_markdown)

__all__ = [
    "markdown_cell", "markdown_table", "dataset_anchor", "field_list", "resource_markdown", "contents_markdown",
    "catalogue_markdown", "parse_record", "words", "to_number", "decimals_of", "format_number", "significant",
    "quantity", "field_unit", "field_label", "describe_record", "value_unit", "correction_sub_ids",
    "correction_anchor", "correction_link", "source_links", "correction_records", "corrections_markdown",
    "toc_chapters", "correction_usage", "note_quantities", "findings_markdown", "OCR_FIX_KINDS", "OTHER_KIND",
    "ocr_fix_kind", "ocr_fixes_markdown",
]
