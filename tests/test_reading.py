"""The reading-surface extension: repository setting, page descriptions, favicon."""

from types import SimpleNamespace

from docutils.core import publish_doctree

from lib.sphinxext import reading


def test_repository_comes_from_the_environment_first(monkeypatch):
    monkeypatch.delenv(reading.REPOSITORY_ENV, raising=False)
    assert reading.repository_url("https://github.com/owner/book/") == "https://github.com/owner/book"
    assert reading.repository_url("") == ""
    monkeypatch.setenv(reading.REPOSITORY_ENV, "https://github.com/fork/book")
    assert reading.repository_url("https://github.com/owner/book") == "https://github.com/fork/book"
    monkeypatch.setenv(reading.REPOSITORY_ENV, "not a url")
    assert reading.repository_url("https://github.com/owner/book") == ""


def _config(url):
    return SimpleNamespace(html_favicon=None, html_theme_options={
        "repository_url": url, "use_repository_button": False,
        "launch_buttons": {"binderhub_url": "https://mybinder.org", "thebe": True, "notebook_interface": "jupyterlab"}})


def test_without_a_repository_the_buttons_are_left_out(monkeypatch):
    monkeypatch.delenv(reading.REPOSITORY_ENV, raising=False)
    config = _config("")
    reading.configure_repository(None, config)
    options = config.html_theme_options
    assert options["use_repository_button"] is False
    assert options["launch_buttons"]["binderhub_url"] == "" and options["launch_buttons"]["thebe"] is False
    assert config.html_favicon.endswith("favicon.svg")


def test_with_a_repository_the_buttons_point_at_it(monkeypatch):
    monkeypatch.setenv(reading.REPOSITORY_ENV, "https://github.com/fork/book")
    config = _config("")
    reading.configure_repository(None, config)
    options = config.html_theme_options
    assert options["use_repository_button"] is True and options["repository_url"] == "https://github.com/fork/book"
    assert options["launch_buttons"]["binderhub_url"] == "https://mybinder.org"


def test_description_is_the_first_real_paragraph_shortened():
    doctree = publish_doctree("Title\n=====\n\n*Report section: something.*\n\nShort.\n\n" + "word " * 60)
    description = reading.page_description(doctree)
    assert description.startswith("word word") and description.endswith("…")
    assert len(description) <= reading.DESCRIPTION_LENGTH


def test_search_scripts_are_removed_and_the_rest_left_alone():
    head = ('<script src="../_static/doctools.js?v=1"></script>\n'
            '    <script src="../_static/searchtools.js"></script>\n'
            '    <script src="../_static/language_data.js"></script>\n'
            '    <script src="../searchindex.js"></script>\n'
            '<script src="../_static/search_helper.js"></script>\n')
    assert reading.drop_search_scripts(head) == ('<script src="../_static/doctools.js?v=1"></script>\n'
                                                 '<script src="../_static/search_helper.js"></script>\n')


def test_options_are_inlined_and_script_preloads_dropped():
    head = ('  <link rel="preload" as="script" href="../_static/scripts/bootstrap.js?digest=5" />\n'
            '<link rel="preload" as="font" href="../_static/x.woff2" />\n'
            '    <script src="../_static/documentation_options.js?v=9e"></script>\n'
            '    <script>DOCUMENTATION_OPTIONS.pagename = "intro";</script>\n')
    assert reading.inline_options(head, "const DOCUMENTATION_OPTIONS = {};\n") == (
        '<link rel="preload" as="font" href="../_static/x.woff2" />\n'
        '    <script>const DOCUMENTATION_OPTIONS = {};</script>\n'
        '    <script>DOCUMENTATION_OPTIONS.pagename = "intro";</script>\n')


def test_behaviour_scripts_are_deferred_and_the_rest_left_alone():
    from sphinx.builders.html._assets import _JavaScript

    scripts = [_JavaScript("_static/documentation_options.js", priority=200),
               _JavaScript("_static/doctools.js", priority=200),
               _JavaScript("_static/design-tabs.js", priority=500, **{"data-sd-tabs-storage-prefix": "x"}),
               _JavaScript("_static/sphinx-thebe.js", priority=500, **{"async": "async"}),
               _JavaScript("", priority=500, body="let a = 1;")]
    out = reading.defer_theme_scripts(scripts)
    assert [s.attributes.get("defer") for s in out] == [None, "defer", "defer", None, None]
    assert out[2].attributes["data-sd-tabs-storage-prefix"] == "x" and out[2].priority == 500
    assert [s.filename for s in out] == [s.filename for s in scripts]


def test_landing_redirect_is_a_whole_page_with_icon_and_description(tmp_path):
    description = '<meta name="description" content="An open book." />'
    (tmp_path / "intro.html").write_text(f"<html><head>{description}</head></html>", encoding="utf-8")
    config = SimpleNamespace(root_doc="intro", language="en", html_title="A & B", project="unset",
                             html_favicon="/x/favicon.svg")
    app = SimpleNamespace(config=config, builder=SimpleNamespace(format="html"), outdir=str(tmp_path))
    reading.write_landing(app, RuntimeError("build failed"))
    assert not (tmp_path / "index.html").exists()
    reading.write_landing(app, None)
    landing = (tmp_path / "index.html").read_text(encoding="utf-8")
    assert '<link rel="icon" href="_static/favicon.svg">' in landing and description in landing
    assert 'content="0; url=intro.html"' in landing and "<title>A &amp; B</title>" in landing
    assert landing.startswith("<!doctype html>\n<html lang=\"en\">")
