"""One small stylesheet per page instead of a dozen large ones.

The theme and its extensions give every page twelve blocking stylesheets (about
90 KB gzip, and one of them ``@import``\\s a thirteenth): Bootstrap, the theme's
own rules, Font Awesome's glyph table for 2,000 icons the book never shows,
sphinx-design's grid for layouts it does not use. A browser paints nothing until
it has fetched and parsed them all; on a phone network that is most of the time
before the first paint.

After the build (once every extension has written its files), this extension

* collects the names the site can put into a page: the tags, classes, ids and
  attribute names of every built page, and every word of the scripts the pages
  run (scripts add classes such as ``show`` or ``active`` as the reader clicks);
* keeps each CSS rule only if one of its selectors asks for nothing outside that
  set (as PurgeCSS does; pseudo-classes and the insides of ``:not()``, ``:is()``
  and the like are not checked, so a rule is dropped only when it certainly
  cannot apply);
* writes the kept rules of a page's stylesheets, in their order, ``@import``\\s
  resolved and relative ``url()``\\s re-pointed, to one file named by its content
  (``_static/site-<digest>.css``, whose first line names the sheets it was made
  of), and gives the page that one ``<link>``;
* cuts each icon font down to the glyphs the kept rules write (see
  :mod:`lib.sphinxext.fonts`).
"""

from __future__ import annotations

import hashlib
import json
import posixpath
import re
from html.parser import HTMLParser
from pathlib import Path, PurePosixPath

import tinycss2
from tinycss2.serializer import serialize_string_value, serialize_url

from lib.sphinxext.fonts import FONTS, subset_icon_fonts
from lib.sphinxext.offline_vega import SPEC_DIR

LINK = re.compile(r'[ \t]*<link\b[^>]*\brel="stylesheet"[^>]*>\n?')
_HREF = re.compile(r'\bhref="([^"]+)"')
_MEDIA = re.compile(r'\bmedia="([^"]+)"')
_SCRIPT_TAG = re.compile(r"<script\b[^>]*>")
_SRC = re.compile(r'\bsrc="([^"]+)"')
_BUNDLE = re.compile(r'\bdata-bundle="([^"]+)"')
_SPEC_NAME = re.compile(r'\bdata-spec="([0-9a-f]+)"')
_INLINE_SCRIPT = re.compile(r'<script\b(?![^>]*\btype="(?!text/javascript|module)[^"]*")[^>]*>(.*?)</script>', re.S)
_WORD = re.compile(r"[A-Za-z_][\w-]*")
GROUPING_RULES = {"media", "supports", "layer", "container", "document"}
"""At-rules whose block holds ordinary rules, purged like the top level."""
PREFIX = "site-"
_HEADER = re.compile(r"/\* bundle of: (.*) \*/")


class _Names(HTMLParser):
    """Collects tag names, class names, ids and attribute names of an HTML page."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.names: set[str] = set()

    def handle_starttag(self, tag, attrs):
        self.names.add(tag)
        for name, value in attrs:
            self.names.add(name)
            if name == "class" and value:
                self.names.update(value.split())
            elif name == "id" and value:
                self.names.add(value)

    handle_startendtag = handle_starttag


def page_names(html: str) -> set[str]:
    """Tags, classes, ids and attribute names used in one page, and the words of its inline scripts."""
    parser = _Names()
    parser.feed(html)
    parser.close()
    names = parser.names
    for script in _INLINE_SCRIPT.findall(html):
        names |= script_words(script)
    return names


def script_words(source: str) -> set[str]:
    """Every identifier-like word of a script: any of them may become a class name."""
    return set(_WORD.findall(source))


def _split_selectors(prelude: list) -> list[list]:
    """A rule's prelude split at its top-level commas."""
    selectors, current = [], []
    for token in prelude:
        if token.type == "literal" and token.value == ",":
            selectors.append(current)
            current = []
        else:
            current.append(token)
    selectors.append(current)
    return selectors


def selector_needs(selector: list) -> set[str]:
    """The names a selector requires: its tags, classes, ids and attribute names.

    Pseudo-classes, pseudo-elements and the arguments of functional pseudo-classes
    (``:not(.x)``, ``:is(.a, .b)``) require nothing."""
    needs = set()
    previous = None
    for token in selector:
        if token.type == "whitespace" or token.type == "comment":
            previous = None
            continue
        if token.type == "ident":
            if previous is not None and previous.type == "literal" and previous.value == ".":
                needs.add(token.value)
            elif previous is None or previous.type == "literal" and previous.value in (">", "+", "~"):
                needs.add(token.value.lower())
        elif token.type == "hash":
            needs.add(token.value)
        elif token.type == "[] block":
            attribute = next((part for part in token.content if part.type == "ident"), None)
            if attribute is not None:
                needs.add(attribute.lower_value)
        previous = token
    return needs


def _relocate_urls(tokens: list, source: PurePosixPath, target: PurePosixPath) -> None:
    """Re-point the relative ``url()``\\s of ``tokens`` (in place) from ``source``'s folder to ``target``'s."""
    for token in tokens:
        if token.type == "url":
            token.value = _relocate(token.value, source, target)
            token.representation = f"url({serialize_url(token.value)})"
        elif token.type == "function" and token.lower_name == "url":
            for argument in token.arguments:
                if argument.type == "string":
                    argument.value = _relocate(argument.value, source, target)
                    argument.representation = f'"{serialize_string_value(argument.value)}"'
        if hasattr(token, "content") and token.content is not None:
            _relocate_urls(token.content, source, target)
        if getattr(token, "arguments", None) is not None and token.type == "function":
            _relocate_urls(token.arguments, source, target)


def _relocate(url: str, source: PurePosixPath, target: PurePosixPath) -> str:
    if re.match(r"^(?:[a-z][a-z0-9+.-]*:|/|#)", url, re.I) or not url:
        return url
    path, _, suffix = url.partition("?")
    resolved = posixpath.normpath(posixpath.join(str(source.parent), path))
    moved = posixpath.relpath(resolved, str(target.parent))
    return moved + ("?" + suffix if suffix else "")


def _serialize(tokens) -> str:
    return tinycss2.serialize(tokens).strip()


def purge_rules(rules: list, names: set[str]) -> list[str]:
    """The text of the rules (parsed with tinycss2) that can apply to a page using ``names``."""
    kept = []
    for rule in rules:
        if rule.type == "qualified-rule":
            selectors = [s for s in _split_selectors(rule.prelude) if selector_needs(s) <= names]
            if selectors:
                prelude = ",".join(_serialize(s) for s in selectors)
                kept.append(f"{prelude}{{{_serialize(rule.content)}}}")
        elif rule.type == "at-rule" and rule.lower_at_keyword in GROUPING_RULES and rule.content is not None:
            inner = purge_rules(tinycss2.parse_rule_list(rule.content, skip_comments=True, skip_whitespace=True),
                                names)
            if inner:
                kept.append(f"@{rule.at_keyword} {_serialize(rule.prelude)}{{{''.join(inner)}}}")
        elif rule.type == "at-rule":
            kept.append(_serialize([rule]))
    return kept


def stylesheet_rules(path: Path, static_root: Path, target: PurePosixPath, seen: frozenset = frozenset()) -> list:
    """The rules of the stylesheet at ``path``, ``@import``\\s replaced by the imported rules and
    relative URLs re-pointed to ``target`` (a path relative to ``static_root``)."""
    if path in seen:
        raise ValueError(f"{path}: @import loop")
    source = PurePosixPath(path.relative_to(static_root).as_posix())
    rules = tinycss2.parse_stylesheet(path.read_text(encoding="utf-8"), skip_comments=True, skip_whitespace=True)
    out = []
    for rule in rules:
        if rule.type == "error":
            raise ValueError(f"{path}: CSS parse error at line {rule.source_line}: {rule.message}")
        if rule.type == "at-rule" and rule.lower_at_keyword == "import":
            out.extend(_imported(rule, path, static_root, target, seen | {path}))
            continue
        if rule.type == "at-rule" and rule.lower_at_keyword == "charset":
            continue
        _relocate_urls([rule], source, target)
        out.append(rule)
    return out


def _imported(rule, path: Path, static_root: Path, target: PurePosixPath, seen: frozenset) -> list:
    parts = [token for token in rule.prelude if token.type not in ("whitespace", "comment")]
    first = parts[0] if parts else None
    if first is not None and first.type == "string":
        url = first.value
    elif first is not None and first.type == "url":
        url = first.value
    else:
        raise ValueError(f"{path}: cannot read @import at line {rule.source_line}")
    if len(parts) > 1:
        raise ValueError(f"{path}: conditional @import at line {rule.source_line} is not supported")
    return stylesheet_rules(Path(posixpath.normpath(path.parent / url)), static_root, target, seen)


def page_stylesheets(html: str) -> list[tuple[str, str]]:
    """``(href, media)`` of each stylesheet ``<link>`` of a page, in order."""
    found = []
    for link in LINK.finditer(html):
        href = _HREF.search(link.group(0))
        media = _MEDIA.search(link.group(0))
        found.append((href.group(1) if href else "", media.group(1) if media else "all"))
    return found


def bundle_css(sheets: list[tuple[Path, str]], static_root: Path, names: set[str], target: PurePosixPath) -> str:
    """The purged, concatenated text of ``sheets`` (``(path, media)`` pairs, in page order)."""
    parts = []
    for path, media in sheets:
        kept = "\n".join(purge_rules(stylesheet_rules(path, static_root, target), names))
        if not kept:
            continue
        parts.append(kept if media in ("all", "") else f"@media {media}{{\n{kept}\n}}")
    return "\n".join(parts) + "\n"


def replace_links(html: str, href: str) -> str:
    """A page's stylesheet links replaced by one link to ``href``, where the first one was."""
    first = LINK.search(html)
    if first is None:
        return html
    indent = re.match(r"[ \t]*", first.group(0)).group(0)
    link = f'{indent}<link rel="stylesheet" type="text/css" href="{href}" />\n'
    return html[:first.start()] + link + LINK.sub("", html[first.start():])


def _loaded_scripts(site, page: Path, html: str) -> set[Path]:
    """The site's scripts a page loads: its ``<script src>``, the runtime a loader names in
    ``data-bundle`` (relative to the loader) and the chart specs its figures name in ``data-spec``."""
    scripts = set()
    for tag in _SCRIPT_TAG.findall(html):
        src = _SRC.search(tag)
        if src is None or "://" in src.group(1):
            continue
        script = site.resolve(page, src.group(1).split("?")[0])
        scripts.add(script)
        bundle = _BUNDLE.search(tag)
        if bundle:
            scripts.add(site.resolve(script, bundle.group(1)))
    scripts.update(site.outdir / "_static" / SPEC_DIR / f"{name}.js" for name in _SPEC_NAME.findall(html))
    return scripts


def site_names(site) -> set[str]:
    """Every name the built pages use, with the words of every script they load."""
    names: set[str] = set()
    scripts: set[Path] = set()
    for page, html in site.pages.items():
        names |= page_names(html)
        scripts |= _loaded_scripts(site, page, html)
    for script in sorted(scripts):
        if not script.exists():
            raise FileNotFoundError(f"script not in the build: {script}")
        names |= script_words(script.read_text(encoding="utf-8", errors="replace"))
    return names


def _sheets(site, page: Path, html: str) -> tuple[tuple[Path, str], ...]:
    """``(path, media)`` of the stylesheets a page links; a bundle of an earlier build (an
    incremental build leaves unchanged pages as they were) stands for the sheets it was made of."""
    static_root = site.outdir / "_static"
    sheets = []
    for href, media in page_stylesheets(html):
        path = site.resolve(page, href.split("?")[0])
        if path.parent == static_root and path.name.startswith(PREFIX) and path.exists():
            header = path.read_text(encoding="utf-8").partition("\n")[0]
            match = _HEADER.fullmatch(header)
            if match is None:
                raise ValueError(f"{path}: not a stylesheet bundle (no sources line)")
            sheets.extend((site.outdir / source, source_media) for source, source_media in json.loads(match.group(1)))
        else:
            sheets.append((path, media))
    return tuple(sheets)


def bundle_stylesheets(app, site) -> None:
    """``finish-pages`` step: give each page one purged stylesheet (see the module's docstring)."""
    static_root = site.outdir / "_static"
    names = site_names(site)
    bundles: dict[tuple, str] = {}
    for page, html in site.pages.items():
        sheets = _sheets(site, page, html)
        if not sheets:
            continue
        if sheets not in bundles:
            missing = [str(path) for path, _ in sheets if not path.exists()]
            if missing:
                raise FileNotFoundError(f"{page}: stylesheet not in the build: {', '.join(missing)}")
            sources = [[path.relative_to(site.outdir).as_posix(), media] for path, media in sheets]
            text = bundle_css(list(sheets), static_root, names, PurePosixPath("bundle.css"))
            text = subset_icon_fonts(text, static_root)
            text = f"/* bundle of: {json.dumps(sources)} */\n" + text
            name = f"{PREFIX}{hashlib.sha256(text.encode()).hexdigest()[:12]}.css"
            (static_root / name).write_text(text, encoding="utf-8")
            bundles[sheets] = name
        site.pages[page] = replace_links(html, site.relative(page, f"_static/{bundles[sheets]}"))
    for stale in static_root.glob(f"{PREFIX}*.css"):
        if stale.name not in bundles.values():
            stale.unlink()
    linked = "".join((static_root / name).read_text(encoding="utf-8") for name in bundles.values())
    for font in (static_root / FONTS).glob("*.woff"):
        if f"{FONTS}/{font.name}" not in linked:
            font.unlink()


def setup(app):
    """Register the extension with Sphinx."""
    app.setup_extension("lib.sphinxext.finish")
    app.connect("finish-pages", bundle_stylesheets, priority=900)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
