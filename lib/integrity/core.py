"""The building blocks of the integrity checks: :class:`Finding`, tolerances and small helpers."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from decimal import Decimal
from typing import Callable

import pandas as pd

_EPS = 1e-9  # absorbs floating-point noise in "difference <= tolerance"


@dataclass(frozen=True)
class Finding:
    """One comparison of a printed figure with the figure recomputed from the data.

    Attributes
    ----------
    check : str
        Name of the check (the function name without ``check_``).
    dataset : str
        Resource that holds the printed figure.
    record : str
        Its row: primary-key ``field=value`` pairs joined by ``"; "``.
    printed : float or str
        The figure as printed (a string when units or dates are compared).
    computed : float or str
        The figure recomputed from other printed figures.
    tolerance : float or None
        Largest ``|printed - computed|`` still consistent; ``None`` where the
        comparison is an inequality or between strings.
    note : str
        What was compared, in words.
    consistent : bool
        Whether the printed figure survives the comparison.
    """

    check: str
    dataset: str
    record: str
    printed: float | str
    computed: float | str
    tolerance: float | None
    note: str
    consistent: bool


# --- small helpers ------------------------------------------------------------------------------

def _record(**key) -> str:
    return "; ".join(f"{k}={v}" for k, v in key.items())


def _numeric(check, dataset, record, printed, computed, tolerance, note) -> Finding:
    ok = bool(abs(float(printed) - float(computed)) <= tolerance + _EPS)
    return Finding(check, dataset, record, float(printed), float(computed), float(tolerance), note, ok)


def _interval(check, dataset, record, printed, point, low, high, half_digit, note) -> Finding:
    """Consistent if ``printed`` lies within ``half_digit`` of the range [low, high].

    The reported tolerance is the one that makes ``|printed - point| <= tolerance``
    equivalent to that test.
    """
    spread = (high - point) if printed >= point else (point - low)
    return _numeric(check, dataset, record, printed, point, spread + half_digit, note)


def _qualified(check, dataset, record, qualifier, printed, computed, resolution, note) -> Finding:
    """Compare under the claim's qualifier (exact or "about": within half the printed step)."""
    tests: dict[str, Callable[[float, float], bool]] = {
        "more than": lambda c, p: c > p,
        "at least": lambda c, p: c >= p,
        "at most": lambda c, p: c <= p,
        "up to": lambda c, p: c <= p,
    }
    if qualifier in tests:
        ok = tests[qualifier](float(computed), float(printed))
        return Finding(check, dataset, record, float(printed), float(computed), None, f"{note} (printed: {qualifier})", ok)
    return _numeric(check, dataset, record, printed, computed, resolution / 2, note)


def _half_last_digit(value: float) -> float:
    """Half a step of the last digit of ``value`` as written (25.96 -> 0.005)."""
    exponent = Decimal(repr(float(value))).normalize().as_tuple().exponent
    return 0.5 * 10.0 ** min(exponent, 0)


def _ratio_range(numerator: float, denominator: float, half: float = 0.5) -> tuple[float, float]:
    """Smallest and largest ratio of two values each rounded to within ``half``."""
    return (numerator - half) / (denominator + half), (numerator + half) / (denominator - half)


def _cagr_pct(start: float, end: float, years: int) -> float:
    return ((end / start) ** (1 / years) - 1) * 100


def cagr_bounds(first: float, last: float, years: int, half: float = 0.5) -> tuple[float, float]:
    """Lowest and highest CAGR (percent) of two values each printed rounded to within ``half``.

    This is the range a rate computed from unrounded data can lie in when only the
    rounded cells are known (the allowance the docstring of :mod:`lib.integrity` describes).

    Examples
    --------
    >>> low, high = cagr_bounds(14, 216, 5)   # the digital signal processor, 2021-2026
    >>> round(low, 2), round(high, 2)
    (71.56, 74.19)
    """
    low_ratio, high_ratio = _ratio_range(last, first, half)
    return _cagr_pct(1, low_ratio, years), _cagr_pct(1, high_ratio, years)


def ranges_overlap(a: tuple[float, float], b: tuple[float, float]) -> bool:
    """Whether two closed ranges ``(low, high)`` share a value: two rates whose ranges
    overlap cannot be ranked at the precision of the table (a tie).

    >>> ranges_overlap((71.6, 74.2), (72.5, 73.1)), ranges_overlap((1, 2), (2.5, 3))
    (True, False)
    """
    return a[0] <= b[1] + _EPS and b[0] <= a[1] + _EPS


def _str(value) -> str:
    return "" if value is None or (isinstance(value, float) and math.isnan(value)) else str(value)


def _empty(value) -> bool:
    return value is None or (not isinstance(value, str) and pd.isna(value)) or value == ""


_KOREAN_UNITS = {"조": 10**12, "억": 10**8, "만": 10**4}


def korean_number(text: str) -> float:
    """The number a Korean amount spells out, from 조 (10^12), 억 (10^8), 만 (10^4) and 천 (10^3).

    Currency words and other text are ignored.

    Examples
    --------
    >>> korean_number("1억 5,000만 달러")
    150000000.0
    >>> korean_number("2조 6천억개")
    2600000000000.0
    >>> korean_number("300만 유로")
    3000000.0
    """
    total = 0.0
    for digits, thousand, unit in re.findall(r"(\d[\d,]*(?:\.\d+)?)\s*(천)?\s*(조|억|만)?", text):
        value = float(digits.replace(",", "")) * (1000 if thousand else 1)
        total += value * _KOREAN_UNITS.get(unit, 1)
    return total


def _claim(claims: pd.DataFrame, metric: str, product: str | None = None, section: str | None = None) -> pd.Series:
    rows = claims[claims["metric"] == metric]
    if product is not None:
        rows = rows[rows["product"] == product]
    if section is not None:
        rows = rows[rows["report_section"] == section]
    if len(rows) != 1:
        raise LookupError(f"expected one claim {metric!r} {product!r} {section!r}, found {len(rows)}")
    return rows.iloc[0]
