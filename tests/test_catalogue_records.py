"""The readable data catalogue: records in words, units, rounding, sub-IDs, anchors, usage scan."""

import re

import pandas as pd
import pytest

from lib import catalogue, data
from lib.prose import correction_note

CLAIMS = pd.DataFrame({
    "claim_id": ["C064", "C011", "C069"], "report_section": ["§6 Graphcore", "§ Market outlook", "§7 Kneron"],
    "company": ["Graphcore", None, "Kneron"], "product": [None, None, None],
    "segment": [None, "Integrated baseband/application processor", None],
    "metric": ["funding_total", "share_of_market", "funding_total"], "qualifier": ["about", None, "at least"],
    "value": [682.0, 40.0, 100.0], "unit": ["USD million", "percent", "USD million"],
    "printed_resolution": [0.01, 0.1, 100.0], "period": ["to 2020-12", "2022", None]})


# --- words and units -------------------------------------------------------------------------------

def test_claim_described_by_section_metric_subject_and_period():
    text = catalogue.describe_record("claims", "claim_id=C064", claims=CLAIMS)
    assert text == "Claim C064 (§6 Graphcore): funding total of Graphcore, to 2020-12"
    assert "claim_id=" not in text


def test_table_row_described_by_key_company_and_title():
    products = pd.DataFrame({"product": ["Goya", "Gaudi"], "company": ["Habana Labs", "Habana Labs"]})
    text = catalogue.describe_record("flagship_products", "product=Goya", frames={"flagship_products": products})
    assert text.startswith("Goya (Habana Labs), in “")
    assert "product=" not in text
    assert catalogue.describe_record("cerebras_wse", "all rows").startswith("Every row of")


def test_snake_case_keys_read_as_words():
    increase = pd.DataFrame({"metric": ["memory_bandwidth"], "row_printed": ["Memory Bandwidth"]})
    assert catalogue.describe_record("cerebras_wse_increase", "metric=memory_bandwidth",
                                     frames={"cerebras_wse_increase": increase}).startswith("Memory Bandwidth row")
    assert catalogue.field_label("purpose_printed") == "purpose"
    assert catalogue.field_label("target_description_ko") == "target description (Korean text)"


@pytest.mark.parametrize("value, unit, expected", [
    (682, "USD million", "USD 682 million"), ("302.7", "USD million", "USD 302.7 million"),
    (40.0, "percent", "40%"), ("2.22", "times", "2.22×"), (45448, "images per second", "45,448 images per second"),
    (1984, "year", "1984"), ("23", "TOPS", "23 TOPS"), ("TPUv4i", "TOPS", "TPUv4i"), (None, "MB", "(blank)"),
    ("", None, "(blank)"), (11, "count", "11")])
def test_quantity_always_carries_its_unit(value, unit, expected):
    assert catalogue.quantity(value, unit) == expected


def test_rounding_is_sensible():
    assert catalogue.format_number(38.9559, 2) == "38.96"
    assert catalogue.significant(0.0515634) == "0.052"
    assert catalogue.significant(0.005) == "0.005"
    assert catalogue.decimals_of("56.246") == 3 and catalogue.decimals_of("40") == 0
    assert catalogue.decimals_of(catalogue.format_number(0.1)) == 1


def test_note_quantities_round_to_the_printed_digits_with_units():
    shown = catalogue.note_quantities("claims", "claim_id=C011", "40", "38.9559", "0.0515634", claims=CLAIMS)
    assert shown == {"printed": "40.0%", "computed": "38.96%", "tolerance": "±0.052 percentage points"}
    bound = catalogue.note_quantities("claims", "claim_id=C069", "100", "90", None, claims=CLAIMS)
    assert bound["printed"] == "at least USD 100 million" and bound["computed"] == "USD 90 million"
    assert bound["tolerance"].startswith("none")
    wse = pd.DataFrame({"generation": ["WSE-2"], "density_mtr_per_mm2": [56.246]})
    shown = catalogue.note_quantities("cerebras_wse", "generation=WSE-2", "56.246", "56.2466", "0.0005",
                                      frames={"cerebras_wse": wse})
    assert shown["printed"] == "56.246 million transistors per mm²"
    assert shown["computed"] == "56.2466 million transistors per mm²"


def test_real_data_notes_show_no_raw_precision_and_no_keys_as_headings():
    text = catalogue.findings_markdown(data.load("data_notes"))
    assert "38.9559" not in text and "0.0515634" not in text
    headings = re.findall(r"^\*\*(.+)\*\*$", text, flags=re.MULTILINE)
    assert headings and not any("claim_id=" in h for h in headings)


# --- one ID per fact, one anchor per entry ---------------------------------------------------------

def test_sub_ids_number_repeated_ids_in_row_order():
    frame = pd.DataFrame({"correction_id": ["A6", "A5", "A6", "A6", "A11", "A11"]})
    assert catalogue.correction_sub_ids(frame) == ["A6.1", "A5", "A6.2", "A6.3", "A11.1", "A11.2"]


def test_real_corrections_get_unique_sub_ids_and_anchors():
    corrections = data.load("corrections")
    ids = catalogue.correction_sub_ids(corrections)
    anchors = [catalogue.correction_anchor(i) for i in ids]
    assert len(set(ids)) == len(ids) == len(set(anchors))
    assert catalogue.correction_anchor("A6.1") == "correction-a6-1"
    assert all(re.fullmatch(r"correction-a\d+(-\d+)?", a) for a in anchors)


def test_catalogue_entries_carry_anchor_explanation_units_and_sources():
    corrections = data.load("corrections")
    text = catalogue.corrections_markdown(corrections, usage=catalogue.correction_usage())
    for sub_id in catalogue.correction_sub_ids(corrections):
        assert f"({catalogue.correction_anchor(sub_id)})=" in text
    for explanation in corrections["explanation"]:
        assert explanation in text
    assert "USD 682 million" in text and "claim_id=C064, value" not in text
    # a claim's corrected value is the claim: its heading names the metric, not the field "value"
    assert not re.search(r"\*\*A\d+(\.\d+)?\*\* · Claim [^\n]*: \*\*value\*\*", text)
    assert "[cnbc.com](https://www.cnbc.com/" in text


def test_selection_keeps_sub_ids_of_the_whole_file_and_sets_no_anchor():
    corrections = data.load("corrections")
    d1 = corrections[corrections["record"] == "product=D1"]
    text = catalogue.corrections_markdown(d1, anchors=False, every=corrections)
    assert "[A6.2](#correction-a6-2)" in text and ")=" not in text


def test_correction_note_links_each_record_to_its_own_entry():
    one = correction_note("A6", record="product=D1").data
    assert "Correction A6.2" in one and "(#correction-a6-2)" in one and "(#correction-a6-1)" not in one
    every = correction_note("A6").data
    assert every.count("#correction-a6-") == 3
    single = correction_note("A16").data
    assert "Correction A16" in single and "(#correction-a16)" in single and "USD 710 million" in single


# --- where the book shows a correction ------------------------------------------------------------

def test_usage_scan_finds_calls_records_and_loops(tmp_path):
    (tmp_path / "alpha.md").write_text(
        "---\nx: 1\n---\n\n# Alpha chapter\n\n```{code-cell} ipython3\n# a comment\n"
        'correction_note("A6", record="product=D1", corrections=c)\n'
        'Markdown("\\n".join(correction_note(c).data for c in ["A1", "A2"]))\n```\n', encoding="utf-8")
    (tmp_path / "beta.md").write_text('# Beta\n\ncorrection_note("A9")\nquote("A10", 1)\n', encoding="utf-8")
    (tmp_path / "gamma.md").write_text('# Not in the table of contents\n\ncorrection_note("A3")\n', encoding="utf-8")
    usage = catalogue.correction_usage(tmp_path, chapters=["alpha", "beta"])
    rows = [{k: (None if pd.isna(v) else v) for k, v in row.items()} for row in usage.to_dict("records")]
    assert rows == [
        {"correction_id": "A6", "record": "product=D1", "chapter": "alpha", "title": "Alpha chapter"},
        {"correction_id": "A1", "record": None, "chapter": "alpha", "title": "Alpha chapter"},
        {"correction_id": "A2", "record": None, "chapter": "alpha", "title": "Alpha chapter"},
        {"correction_id": "A9", "record": None, "chapter": "beta", "title": "Beta"}]


def test_usage_of_the_real_book_links_chapters_in_the_toc():
    usage = catalogue.correction_usage()
    toc = catalogue.toc_chapters()
    assert not usage.empty and set(usage["chapter"]) <= set(toc)
    assert "data_catalogue" not in set(usage["chapter"])
    corrections = data.load("corrections")
    assert set(usage["correction_id"]) <= set(corrections["correction_id"])


# --- the PDF conversion, by kind ------------------------------------------------------------------

@pytest.mark.parametrize("reason, kind", [
    ('"Al" for "AI".', "Misread letters and symbols"),
    ("P misread as F; Neoverse-N2 is an Arm CPU core.", "Misread letters and symbols"),
    ("A line break inside the cell became a space.", "Line breaks inside a cell turned into spaces"),
    ("Garbled company name; the merged cell spans two rows.", "Garbled names and stray fragments"),
    ("One merged company cell spans the first six rows.", catalogue.OCR_FIX_KINDS[1][0]),
    ("Typo in the report; keeps the printed spelling.", "Slips in the printed text itself"),
    ("Company name normalised.", "Names written the way their owners write them"),
    ("Something else entirely.", catalogue.OTHER_KIND)])
def test_ocr_fix_kind(reason, kind):
    assert catalogue.ocr_fix_kind(reason) == kind


def test_every_real_ocr_fix_has_a_named_kind_and_is_listed():
    fixes = data.load("ocr_fixes")
    assert catalogue.OTHER_KIND not in set(fixes["reason"].map(catalogue.ocr_fix_kind))
    text = catalogue.ocr_fixes_markdown(fixes)
    assert text.count("\n- ") == len(fixes)


# --- the datasets section -------------------------------------------------------------------------

def test_contents_links_every_dataset_to_its_labelled_heading():
    contents = catalogue.contents_markdown()
    body = catalogue.catalogue_markdown()
    for resource in data.package_descriptor()["resources"]:
        anchor = catalogue.dataset_anchor(resource["name"])
        assert f"(#{anchor})" in contents
        assert f"({anchor})=\n### " in body
        assert f"`{resource['name']}`:" in body
        for field in resource["schema"]["fields"]:
            assert f"- `{field['name']}` (" in body
