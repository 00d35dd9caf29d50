"""Icon fonts cut down to the glyphs the stylesheet bundle writes."""

from pathlib import Path

from lib.sphinxext import fonts

FONT_AWESOME = Path(__import__("pydata_sphinx_theme").__file__).parent / "theme" / "pydata_sphinx_theme" / "static" / \
    "vendor" / "fontawesome" / "webfonts"


def test_icon_fonts_are_cut_to_the_glyphs_the_css_writes(tmp_path):
    from fontTools.ttLib import TTFont

    (tmp_path / "webfonts").mkdir()
    for name in ("fa-solid-900.ttf", "fa-brands-400.ttf"):
        (tmp_path / "webfonts" / name).write_bytes((FONT_AWESOME / name).read_bytes())
    css = ('@font-face{font-family:A;src:url(webfonts/fa-solid-900.woff2) format("woff2"),'
           'url(webfonts/fa-solid-900.ttf) format("truetype")}\n'
           '@font-face{font-family:B;src:url(webfonts/fa-brands-400.ttf) format("truetype")}\n'
           '.bell:after{content:"\uf0f3"}\n.info:after{content:"\\f05a"}\n')
    assert fonts.icon_characters(css) == {0xF0F3, 0xF05A}
    out = fonts.subset_icon_fonts(css, tmp_path)
    [font] = (tmp_path / "fonts").glob("fa-solid-900-*.woff")
    assert f'src:url(fonts/{font.name}) format("woff")}}' in out
    assert "font-family:B" not in out  # no brands glyph is used: the face is dropped
    assert set(TTFont(font).getBestCmap()) == {0xF0F3, 0xF05A}
    assert font.stat().st_size < (FONT_AWESOME / "fa-solid-900.ttf").stat().st_size / 20
    # the same glyphs give the same file, byte for byte
    again = tmp_path / "again"
    (again / "webfonts").mkdir(parents=True)
    for name in ("fa-solid-900.ttf", "fa-brands-400.ttf"):
        (again / "webfonts" / name).write_bytes((FONT_AWESOME / name).read_bytes())
    fonts.subset_icon_fonts(css, again)
    assert [f.read_bytes() for f in (again / "fonts").glob("*.woff")] == [font.read_bytes()]
