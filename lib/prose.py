"""Quote computed values in a chapter's prose through myst-nb ``glue``.

``quote(name, value)`` stores a number as a plain Python ``int`` or ``float`` (so
``{glue:text}`name:.1f``` formats it) and text as Markdown (so ``{glue:md}`name```
inserts it without quotes). Nothing is displayed where the cell runs.
"""

from __future__ import annotations

import numbers

from IPython.display import Markdown
from myst_nb import glue


def quote(name: str, value) -> None:
    """Register ``value`` under ``name`` for the chapter's text."""
    if isinstance(value, bool):
        raise TypeError(f"{name}: quote a boolean as text, not as a number")
    if isinstance(value, numbers.Integral):
        glue(name, int(value), display=False)
    elif isinstance(value, numbers.Real):
        glue(name, float(value), display=False)
    elif isinstance(value, str):
        glue(name, Markdown(value), display=False)
    else:
        raise TypeError(f"{name}: cannot quote a {type(value).__name__}")
