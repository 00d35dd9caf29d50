"""Downloads: the data package zip, and every download link of the built site."""

import io
import json
import zipfile
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from lib import downloads
from lib.site import toc_pages

ROOT = Path(__file__).resolve().parent.parent
SITE = ROOT / "_build" / "html"
DOWNLOAD_CLASSES = ("download", "btn-download-notebook-button", "btn-download-source-button")


def test_the_zip_is_the_same_bytes_every_time_and_holds_the_whole_package():
    first, second = downloads.zip_bytes(), downloads.zip_bytes()
    assert first == second
    archive = zipfile.ZipFile(io.BytesIO(first))
    names = archive.namelist()
    assert names == sorted(names)
    descriptor = json.loads((ROOT / "data" / "datapackage.json").read_text(encoding="utf-8"))
    assert set(names) == {"datapackage.json", "LICENSE.md", *(r["path"] for r in descriptor["resources"])}
    for info in archive.infolist():
        assert info.date_time == downloads.FIXED_DATE
        assert info.external_attr >> 16 == 0o100644


def test_the_zip_opens_as_a_frictionless_package(tmp_path):
    from frictionless import Package

    target = downloads.write_data_zip(tmp_path / "package.zip")
    package = Package(str(target))
    assert len(package.resources) == len(json.loads((ROOT / "data" / "datapackage.json").read_text())["resources"])


def test_writing_an_unchanged_zip_leaves_the_file_alone(tmp_path):
    target = downloads.write_data_zip(tmp_path / "package.zip")
    stamp = target.stat().st_mtime_ns
    downloads.write_data_zip(target)
    assert target.stat().st_mtime_ns == stamp


def _site():
    assert (SITE / "index.html").exists(), "no built site: run `make book` first"
    return SITE


def _download_links(page: Path) -> list[str]:
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    links = []
    for anchor in soup.find_all("a", href=True):
        classes = anchor.get("class") or []
        if anchor.has_attr("download") or any(c in classes for c in DOWNLOAD_CLASSES):
            links.append(anchor["href"])
    return links


def _target(page: Path, href: str) -> Path:
    return (page.parent / unquote(urlsplit(href).path)).resolve()


@pytest.mark.built
def test_every_download_link_of_the_built_site_points_at_a_file():
    site = _site()
    checked = 0
    for page in sorted(site.rglob("*.html")):
        for href in _download_links(page):
            if urlsplit(href).scheme:
                continue
            target = _target(page, href)
            assert target.is_file(), f"{page.relative_to(site)}: {href} leads nowhere"
            assert site.resolve() in target.parents, f"{page.relative_to(site)}: {href} leaves the site"
            checked += 1
    assert checked > 0


@pytest.mark.built
def test_every_notebook_chapter_offers_its_notebook_and_source():
    site = _site()
    for html_path in toc_pages():
        source = ROOT / Path(html_path).with_suffix(".md")
        if "jupytext" not in source.read_text(encoding="utf-8")[:200]:
            continue
        page = site / html_path
        targets = {_target(page, href).suffix: _target(page, href) for href in _download_links(page)}
        assert {".ipynb", ".md"} <= set(targets), html_path
        notebook = json.loads(targets[".ipynb"].read_text(encoding="utf-8"))
        assert notebook["nbformat"] == 4 and notebook["cells"], html_path
        assert targets[".md"].read_bytes() == source.read_bytes(), html_path


@pytest.mark.built
def test_the_site_serves_the_data_package_zip_with_every_resource_byte_for_byte():
    site = _site()
    zips = {_target(page, href) for page in site.rglob("*.html") for href in _download_links(page)
            if href.endswith(downloads.ZIP_NAME)}
    assert len(zips) == 1, zips
    served = zips.pop()
    archive = zipfile.ZipFile(served)
    for name, path in downloads.package_members().items():
        assert archive.read(name) == path.read_bytes(), name
    linked_from = {page.name for page in site.rglob("*.html")
                   if any(h.endswith(downloads.ZIP_NAME) for h in _download_links(page))}
    assert {"data_catalogue.html", "for_instructors.html"} <= linked_from


@pytest.mark.built
def test_every_dataset_is_served_byte_for_byte():
    site = _site()
    page = site / "chapters" / "data_catalogue.html"
    served = {_target(page, href).name: _target(page, href) for href in _download_links(page)}
    for path in downloads.package_members().values():
        if path.suffix == ".csv" or path.name == "datapackage.json":
            assert served[path.name].read_bytes() == path.read_bytes(), path.name


def test_downloaded_notebooks_number_their_cells():
    import json

    from lib.sphinxext.downloads import stable_notebook

    widget = {"output_type": "display_data", "data": {"application/vnd.jupyter.widget-view+json": {"model_id": "9f"},
                                                      "text/plain": "VBox()"}}
    text = json.dumps({"cells": [{"id": "a1b2", "cell_type": "code", "outputs": [widget]},
                                 {"id": "ff00", "cell_type": "markdown"}],
                       "metadata": {"widgets": {"state": {}}}, "nbformat": 4, "nbformat_minor": 5})
    notebook = json.loads(stable_notebook(text))
    cells = notebook["cells"]
    assert [c["id"] for c in cells] == ["cell-1", "cell-2"]
    assert "widgets" not in notebook["metadata"] and "9f" not in stable_notebook(text)
    assert cells[0]["outputs"][0]["data"] == {"text/plain": "VBox()"}
    assert stable_notebook(text) == stable_notebook(stable_notebook(text))


def test_downloaded_notebooks_drop_memory_addresses():
    import json

    from lib.sphinxext.downloads import stable_notebook

    styler = {"output_type": "execute_result", "data": {"text/plain": ["<pandas.io.formats.style.Styler at 0x7f2dcb28fed0>"],
                                                        "text/html": "<table></table>"}}
    text = json.dumps({"cells": [{"id": "a", "cell_type": "code", "outputs": [styler]}],
                       "metadata": {}, "nbformat": 4, "nbformat_minor": 5})
    data = json.loads(stable_notebook(text))["cells"][0]["outputs"][0]["data"]
    assert data == {"text/plain": ["<pandas.io.formats.style.Styler>"], "text/html": "<table></table>"}
