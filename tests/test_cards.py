"""Long-row tables written as stacked cards."""

import pandas as pd
import pytest

from lib.cards import cards_markdown


def test_each_row_becomes_one_card_with_head_fields_and_quote():
    frame = pd.DataFrame({"Row": ["E1", "E2"], "Date": ["2024-03-18", None], "Source": ["[a.com](https://a.com)", "b"],
                          "Confidence": ["high", ""], "Quote": ["Line one\nline two", None]})
    text = cards_markdown(frame, head=["Row", "Date"], fields=["Source", "Confidence"], quote="Quote")
    cards = text.split(":::{container} bk-record")[1:]
    assert len(cards) == 2
    assert "**E1** · 2024-03-18" in cards[0] and "Source: [a.com](https://a.com) · Confidence: high" in cards[0]
    assert "> Line one line two" in cards[0]  # a quote stays one paragraph
    assert "**E2**\n" in cards[1] and "Confidence" not in cards[1] and ">" not in cards[1]  # empty values left out
    assert text.count("\n:::\n") == 2


def test_an_unknown_column_is_named():
    with pytest.raises(KeyError, match="'Missing'"):
        cards_markdown(pd.DataFrame({"Row": ["E1"]}), head=["Row"], fields=["Missing"])


def test_cells_and_cards_share_one_line_rule():
    from lib.catalogue import markdown_cell

    assert markdown_cell(pd.NA) == markdown_cell(None) == markdown_cell(float("nan")) == ""
    assert markdown_cell("  a\n  b | c ") == "a b \\| c"
