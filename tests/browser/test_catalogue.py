"""The data catalogue lists every dataset, and each download link serves that CSV."""

from urllib.parse import urljoin

from lib import data, downloads

CATALOGUE = "chapters/data_catalogue.html"


def test_catalogue_links_download_every_dataset(visit):
    v = visit(CATALOGUE)
    links = v.page.eval_on_selector_all("a.download", "as => as.map(a => [a.textContent.trim(), a.href])")
    by_name = dict(links)
    resources = data.package_descriptor()["resources"]
    assert set(by_name) == {r["path"] for r in resources} | {data.PACKAGE_FILE, downloads.ZIP_NAME}
    zipped = v.page.request.get(by_name[downloads.ZIP_NAME])
    assert zipped.status == 200 and zipped.body()[:2] == b"PK"
    for resource in resources:
        response = v.page.request.get(by_name[resource["path"]])
        assert response.status == 200, resource["path"]
        served = response.body()
        assert served == (data.DATA_DIR / resource["path"]).read_bytes(), resource["path"]
    assert v.page.request.get(by_name[data.PACKAGE_FILE]).json()["resources"][0]["name"] == resources[0]["name"]


def test_catalogue_names_every_dataset_and_field(visit):
    """Each dataset's fields are in a folded list whose summary counts them; a click opens it."""
    v = visit(CATALOGUE)
    text = v.page.inner_text("main")
    resources = data.package_descriptor()["resources"]
    folds = v.page.locator("details.bk-fields")
    assert folds.count() == len(resources)
    for i, resource in enumerate(resources):
        assert f"{resource['name']}:" in text, resource["name"]
        fold = folds.nth(i)
        assert fold.locator("summary").inner_text() == f"Fields ({len(resource['schema']['fields'])})"
        listed = fold.evaluate("d => d.textContent")
        for field in resource["schema"]["fields"]:
            assert field["name"] in listed, (resource["name"], field["name"])
    first = folds.first.locator("li").first
    assert not first.is_visible()
    folds.first.locator("summary").click()
    assert first.is_visible()


def test_catalogue_prints_every_field_list_unfolded(visit):
    v = visit(CATALOGUE)
    v.page.emulate_media(media="print")
    hidden = v.page.eval_on_selector_all("details.bk-fields li", "lis => lis.filter(li => !li.checkVisibility()).length")
    assert v.page.locator("details.bk-fields li").count() > 0 and hidden == 0


def test_catalogue_has_an_anchor_per_correction_and_working_contents(visit):
    from lib.catalogue import correction_anchor, correction_sub_ids, dataset_anchor

    v = visit(CATALOGUE)
    ids = set(v.page.eval_on_selector_all("[id]", "els => els.map(e => e.id)"))
    for sub_id in correction_sub_ids(data.load("corrections")):
        assert correction_anchor(sub_id) in ids, sub_id
    hrefs = v.page.eval_on_selector_all("main a[href^='#']", "as => as.map(a => a.getAttribute('href'))")
    for resource in data.package_descriptor()["resources"]:
        anchor = dataset_anchor(resource["name"])
        assert f"#{anchor}" in hrefs and anchor in ids, resource["name"]
