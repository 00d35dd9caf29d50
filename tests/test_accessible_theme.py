"""The accessibility fixes applied to the built pages."""

from lib.sphinxext.accessible_theme import fix_html

SEARCH = ('<button class="btn search-button-field search-button__button pst-js-only" title="Search" '
          'aria-label="Search" data-bs-placement="bottom">\n <span>Search</span></button>')
ICON_SEARCH = ('<button class="btn btn-sm pst-navbar-icon search-button search-button__button pst-js-only" '
               'title="Search" aria-label="Search">')
THEME_ICON = '<i class="theme-switch fa-solid fa-sun fa-lg" data-mode="light" title="Light"></i>'
TOGGLE = '<summary aria-label="Toggle hidden content">\n<p>Show code cell source</p></summary>'


def test_search_field_is_named_by_its_visible_text():
    assert 'aria-label' not in fix_html(SEARCH)
    assert 'title="Search"' in fix_html(SEARCH)


def test_icon_only_search_button_keeps_its_label():
    assert fix_html(ICON_SEARCH) == ICON_SEARCH


def test_theme_switch_icons_lose_their_titles_and_are_hidden():
    fixed = fix_html(THEME_ICON)
    assert 'title=' not in fixed and 'aria-hidden="true"' in fixed


def test_code_toggle_is_named_by_its_visible_text():
    assert fix_html(TOGGLE).startswith("<summary>\n")


def test_fixes_are_idempotent():
    page = "\n".join([SEARCH, ICON_SEARCH, THEME_ICON, TOGGLE])
    assert fix_html(fix_html(page)) == fix_html(page)


def test_primary_sidebar_becomes_a_landmark():
    fixed = fix_html('<div id="pst-primary-sidebar" class="bd-sidebar-primary bd-sidebar">')
    assert 'role="navigation"' in fixed and 'aria-label="Book navigation"' in fixed
    assert fix_html(fixed) == fixed


def test_bibliography_entries_become_list_items():
    entry = '<div role="list" class="citation-list">\n<div class="citation" id="id9" role="doc-biblioentry">'
    fixed = fix_html(entry)
    assert 'role="doc-biblioentry"' not in fixed and '<div class="citation" id="id9" role="listitem">' in fixed
    assert fix_html(fixed) == fixed
