"""Icon fonts cut down to the glyphs a stylesheet writes.

The theme ships Font Awesome's fonts whole (the solid face alone is 150 KB for
1,400 glyphs), while the book's pages show a dozen icons: admonition and link
markers written by CSS ``content``. :func:`subset_icon_fonts` rewrites each
``@font-face`` of a stylesheet bundle to a WOFF subset holding only those glyphs
(fontTools), named by its content in ``_static/fonts/``.
"""

from __future__ import annotations

import hashlib
import io
import re
from pathlib import Path

_FONT_FACE = re.compile(r"@font-face\{[^}]*\}")
_FONT_SRC = re.compile(r"src:[^;}]*")
_TRUETYPE = re.compile(r'url\("?([^")]+\.ttf)"?\)')
_ESCAPE = re.compile(r"\\([0-9a-fA-F]{1,6}) ?")
PRIVATE_USE = range(0xE000, 0xF900)
"""Unicode's private use area, where icon fonts put their glyphs."""
FONTS = "fonts"
"""Folder of ``_static`` for the subset fonts."""


def icon_characters(css: str) -> set[int]:
    """The private-use code points a stylesheet writes (as characters or ``\\f0f3`` escapes)."""
    found = {ord(c) for c in css if ord(c) in PRIVATE_USE}
    found |= {int(h, 16) for h in _ESCAPE.findall(css) if int(h, 16) in PRIVATE_USE}
    return found


def subset_font(path: Path, characters: set[int]) -> bytes | None:
    """A WOFF font of ``path``'s glyphs for ``characters`` (None if it has none of them)."""
    from fontTools import subset
    from fontTools.ttLib import TTFont

    font = TTFont(path, recalcTimestamp=False)
    wanted = characters & set(font.getBestCmap())
    if not wanted:
        return None
    options = subset.Options()
    options.flavor = "woff"
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=wanted)
    subsetter.subset(font)
    buffer = io.BytesIO()
    font.save(buffer)
    return buffer.getvalue()


def subset_icon_fonts(css: str, static_root: Path) -> str:
    """Point each ``@font-face`` of the bundle that has a TrueType source at a subset of that font
    holding only the icons the bundle uses (Font Awesome: 150 KB of 1,400 glyphs for a dozen); drop
    a font none of whose glyphs is used. ``url()``\\s are relative to ``static_root``."""
    characters = icon_characters(css)

    def subset(match) -> str:
        rule = match.group(0)
        truetype = _TRUETYPE.search(rule)
        if truetype is None:
            return rule
        source = static_root / truetype.group(1)
        data = subset_font(source, characters)
        if data is None:
            return ""
        name = f"{source.stem}-{hashlib.sha256(data).hexdigest()[:12]}.woff"
        (static_root / FONTS).mkdir(exist_ok=True)
        (static_root / FONTS / name).write_bytes(data)
        return _FONT_SRC.sub(f'src:url({FONTS}/{name}) format("woff")', rule, count=1)

    return _FONT_FACE.sub(subset, css)
