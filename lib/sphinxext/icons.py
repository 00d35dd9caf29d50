"""Draw the theme's icons with a few lines of CSS instead of Font Awesome's 1.5 MB script.

pydata-sphinx-theme loads ``fontawesome.js`` on every page: every icon of Font
Awesome's free set (over 2,000), turned into inline SVG by script at load time.
The book shows about a dozen. After the build this extension

* collects the icons the pages use (``<i class="fa-solid fa-bars">`` and the like),
* takes their outlines from the theme's own copy of Font Awesome, so the shapes
  are the ones the theme would have drawn,
* writes them as CSS masks into ``_static/icons.css`` (an icon takes the text
  colour around it, like a font icon), and
* replaces the script on every page by that stylesheet, and removes the script
  from the site.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from urllib.parse import quote

STYLES = {"fa-solid": "solid", "fas": "solid", "fa-regular": "regular", "far": "regular",
          "fa-brands": "brands", "fab": "brands"}
"""Class names that pick a Font Awesome style."""

NOT_ICONS = {"fa-lg", "fa-xl", "fa-sm", "fa-xs", "fa-fw", "fa-2x", "fa-3x", "fa-spin", "fa-solid", "fa-regular",
             "fa-brands"}

_ICON = re.compile(r'(?:"([a-z0-9-]+)"|\b([a-z0-9]+)):\[(\d+),(\d+),\[[^\]]*\],"[0-9a-f]+","((?:[^"\\]|\\.)*)"\]')
_CLASS_ATTR = re.compile(r'<(?:i|span)\b[^>]*\bclass="([^"]*\bfa-[^"]*)"')
_SCRIPT = re.compile(r'\s*<script[^>]*src="[^"]*_static/scripts/fontawesome\.js[^"]*"[^>]*></script>')
PACK_GAP = 2000
"""Characters of other code between two icon definitions that mark the start of a new pack."""


def fontawesome_source() -> str:
    """The theme's ``fontawesome.js``."""
    import pydata_sphinx_theme

    path = Path(pydata_sphinx_theme.__file__).parent / "theme" / "pydata_sphinx_theme" / "static" / "scripts"
    return (path / "fontawesome.js").read_text(encoding="utf-8")


def parse_packs(source: str) -> dict[str, dict[str, tuple[int, int, str]]]:
    """Icon outlines by style ("solid", "regular", "brands") and name: ``(width, height, path)``.

    The script holds each style's icons as one run of ``name:[w,h,[aliases],"code","path"]``
    entries; runs are told apart by the code between them, and named by an icon
    each is known to hold (GitHub's logo is a brand; "bars" exists in solid only).
    """
    packs: list[dict[str, tuple[int, int, str]]] = []
    last_end = None
    for match in _ICON.finditer(source):
        if last_end is None or match.start() - last_end > PACK_GAP:
            packs.append({})
        name = match.group(1) or match.group(2)
        packs[-1].setdefault(name, (int(match.group(3)), int(match.group(4)), match.group(5)))
        last_end = match.end()
    named = {}
    for pack in packs:
        if "github" in pack:
            named["brands"] = pack
        elif "bars" in pack:
            named["solid"] = pack
        elif "sun" in pack:
            named["regular"] = pack
    missing = {"solid", "regular", "brands"} - set(named)
    if missing:
        raise RuntimeError(f"cannot find the Font Awesome {sorted(missing)} icons in the theme's script")
    return named


@lru_cache(maxsize=1)
def theme_packs() -> dict[str, dict[str, tuple[int, int, str]]]:
    """:func:`parse_packs` of the installed theme's script."""
    return parse_packs(fontawesome_source())


def icons_used(html: str) -> set[tuple[str, str]]:
    """``(style, name)`` of every Font Awesome icon a page's markup asks for."""
    used = set()
    for classes in _CLASS_ATTR.findall(html):
        tokens = classes.split()
        style = next((STYLES[t] for t in tokens if t in STYLES), "solid")
        for token in tokens:
            if token.startswith("fa-") and token not in NOT_ICONS:
                used.add((style, token[3:]))
    return used


def icon_css(used: set[tuple[str, str]], packs) -> str:
    """CSS drawing each used icon as a mask filled with the current text colour."""
    prefixes = {"solid": ("fa-solid", "fas"), "regular": ("fa-regular", "far"), "brands": ("fa-brands", "fab")}
    rules = ['[class*="fa-"]::before { content: ""; display: inline-block; height: 1em; '
             "vertical-align: -0.125em; background-color: currentColor; "
             "-webkit-mask: var(--bk-icon) no-repeat center / contain; mask: var(--bk-icon) no-repeat center / contain; }",
             '[class*="fa-"] { font-style: normal; }']
    for style, name in sorted(used):
        icon = packs[style].get(name)
        if icon is None:
            raise KeyError(f"no Font Awesome {style} icon named {name!r}")
        width, height, path = icon
        svg = f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}"><path d="{path}"/></svg>'
        selector = ", ".join(f".{prefix}.fa-{name}::before" for prefix in prefixes[style])
        if style == "solid":
            selector += f", i.fa-{name}:not(.fa-regular):not(.far):not(.fa-brands):not(.fab)::before"
        rules.append(f'{selector} {{ width: {width / height:.4f}em; --bk-icon: url("data:image/svg+xml,{quote(svg)}"); }}')
    return "\n".join(rules) + "\n"


def replace_script(html: str, static_prefix: str) -> str:
    """Swap the Font Awesome script of a page for the icon stylesheet."""
    if not _SCRIPT.search(html):
        return html
    html = _SCRIPT.sub("", html, count=1)
    link = f'<link rel="stylesheet" type="text/css" href="{static_prefix}_static/icons.css" />'
    return html.replace("</head>", f"    {link}\n  </head>", 1)


def write_icons(app, site) -> None:
    """``finish-pages`` step: write ``icons.css`` for the icons the pages use and link it instead
    of the script; remove the script from the site."""
    used: set[tuple[str, str]] = set()
    for html in site.pages.values():
        used |= icons_used(html)
    (site.outdir / "_static" / "icons.css").write_text(icon_css(used, theme_packs()), encoding="utf-8")
    for page, html in site.pages.items():
        site.pages[page] = replace_script(html, site.prefix(page))
    script = site.outdir / "_static" / "scripts" / "fontawesome.js"
    for leftover in (script, script.with_name("fontawesome.js.LICENSE.txt"), script.with_name("fontawesome.js.map")):
        leftover.unlink(missing_ok=True)


def setup(app):
    """Register the extension with Sphinx."""
    app.setup_extension("lib.sphinxext.finish")
    app.connect("finish-pages", write_icons, priority=400)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
