"""The confidence of a correction against the grade of its sources (``correction_sources``)."""

from __future__ import annotations

import pandas as pd

CONFIDENCE_ORDER = ["low", "medium", "medium-high", "high"]
"""Confidence levels of ``corrections``, weakest first."""


def confidence_ceiling(kinds: list[str]) -> str:
    """The highest confidence a correction may claim, given the kinds of its sources.

    ``kinds`` are the grades of ``correction_sources`` ("primary", "reputable
    secondary", "weak"), with a weak link that has a primary replacement
    counted as "primary". A primary source, or two reputable secondary ones,
    support "high"; one reputable secondary source supports at most "medium";
    weak sources alone at most "low".

    >>> confidence_ceiling(["weak", "primary"]), confidence_ceiling(["reputable secondary"] * 2)
    ('high', 'high')
    >>> confidence_ceiling(["reputable secondary", "weak"]), confidence_ceiling(["weak", "weak"])
    ('medium', 'low')
    """
    unknown = set(kinds) - {"primary", "reputable secondary", "weak"}
    if unknown or not kinds:
        raise ValueError(f"cannot grade sources of kinds {sorted(unknown) or kinds}")
    if "primary" in kinds or kinds.count("reputable secondary") >= 2:
        return "high"
    if "reputable secondary" in kinds:
        return "medium"
    return "low"


def effective_kinds(sources: pd.DataFrame) -> pd.Series:
    """Each source's kind, a weak link with a primary ``replacement_url`` counting as primary."""
    kinds = sources["kind"].astype(str)
    replaced = sources["replacement_url"].fillna("").astype(str).str.strip() != ""
    return kinds.where(~(replaced & (kinds == "weak")), "primary")


def check_correction_confidence(corrections: pd.DataFrame, sources: pd.DataFrame) -> list[str]:
    """Problems with the grading of the corrections' sources; an empty list when all is well.

    Every URL in a correction's ``sources`` must be graded in ``sources`` (the
    ``correction_sources`` table), every graded URL must be cited by its
    correction, and no row of ``corrections`` may claim a confidence above
    :func:`confidence_ceiling` of its own sources.
    """
    graded = sources.assign(effective=effective_kinds(sources))
    lookup = {(str(r.correction_id), str(r.url)): r.effective for r in graded.itertuples()}
    problems, cited = [], set()
    for row in corrections.itertuples():
        urls = [url.strip() for url in str(row.sources).split(" ; ")]
        cited |= {(str(row.correction_id), url) for url in urls}
        missing = [url for url in urls if (str(row.correction_id), url) not in lookup]
        if missing:
            problems.append(f"{row.correction_id} ({row.record}, {row.field}): ungraded source(s) {', '.join(missing)}")
            continue
        ceiling = confidence_ceiling([lookup[(str(row.correction_id), url)] for url in urls])
        confidence = str(row.confidence)
        if confidence not in CONFIDENCE_ORDER:
            problems.append(f"{row.correction_id} ({row.record}, {row.field}): unknown confidence {confidence!r}")
        elif CONFIDENCE_ORDER.index(confidence) > CONFIDENCE_ORDER.index(ceiling):
            problems.append(f"{row.correction_id} ({row.record}, {row.field}): confidence {confidence} "
                            f"but its sources support at most {ceiling}")
    for key in sorted(set(lookup) - cited):
        problems.append(f"{key[0]}: graded source {key[1]} is not cited by the correction")
    return problems
