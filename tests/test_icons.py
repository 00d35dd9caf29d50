"""Font Awesome's script replaced by CSS masks of the icons the pages use."""

import pytest

from lib.sphinxext import icons

PAGE = """<html><head>
    <script defer src="../_static/scripts/fontawesome.js?digest=abc"></script>
  </head><body>
  <i class="fa-solid fa-bars"></i> <i class="fa-brands fa-github fa-lg"></i>
  <span class="fa-regular fa-sun"></span> <i class="fas fa-rocket"></i>
</body></html>"""


def test_the_theme_script_holds_the_three_styles():
    packs = icons.theme_packs()
    assert {"solid", "regular", "brands"} <= set(packs)
    assert packs["solid"]["bars"][:2] == (448, 512)
    assert "github" in packs["brands"] and "github" not in packs["solid"]
    # the outline and the solid sun are different shapes
    assert packs["regular"]["sun"][2] != packs["solid"]["sun"][2]


def test_icons_used_reads_style_and_name_and_ignores_modifiers():
    assert icons.icons_used(PAGE) == {("solid", "bars"), ("brands", "github"), ("regular", "sun"),
                                      ("solid", "rocket")}


def test_css_draws_each_used_icon_once_with_its_proportions():
    css = icons.icon_css(icons.icons_used(PAGE), icons.theme_packs())
    assert ".fa-solid.fa-bars::before" in css and "width: 0.8750em" in css
    assert ".fa-brands.fa-github::before" in css and ".fa-regular.fa-sun::before" in css
    assert css.count("data:image/svg+xml") == 4


def test_unknown_icon_is_an_error():
    with pytest.raises(KeyError, match="no-such-icon"):
        icons.icon_css({("solid", "no-such-icon")}, icons.theme_packs())


def test_page_loads_the_stylesheet_instead_of_the_script():
    fixed = icons.replace_script(PAGE, "../")
    assert "fontawesome.js" not in fixed
    assert '<link rel="stylesheet" type="text/css" href="../_static/icons.css" />' in fixed
    assert icons.replace_script(fixed, "../") == fixed


def test_packs_are_told_apart_by_the_code_between_them():
    source = ('x={github:[496,512,[],"f09b","M1"]};' + "y" * (icons.PACK_GAP + 1)
              + 'z={sun:[512,512,[],"f185","M2"]};' + "y" * (icons.PACK_GAP + 1)
              + 'w={bars:[448,512,[],"f0c9","M3"],sun:[512,512,[],"f185","M4"]};')
    packs = icons.parse_packs(source)
    assert packs["regular"]["sun"][2] == "M2" and packs["solid"]["sun"][2] == "M4"
