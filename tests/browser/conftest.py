"""Browser fixtures: the built site served on 127.0.0.1 and Debian's headless Chromium.

Every test here is marked ``browser``. The site must have been built (``make book``;
``make test`` builds it first); a missing build fails, it is never skipped.
"""

from urllib.parse import urlsplit

import pytest
from playwright.sync_api import sync_playwright

from lib import site


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser/" in str(item.fspath).replace("\\", "/"):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def server():
    with site.serve() as (base_url, log):
        yield base_url, log


@pytest.fixture(scope="session")
def browser():
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=site.chromium_executable(), args=site.CHROMIUM_ARGS)
        yield chromium
        chromium.close()


VIEWPORTS = {"phone": (390, 844), "laptop": (1366, 900)}
"""The two widths every page is checked at."""


class PageVisit:
    """One page opened in a fresh browser context, with every problem it raised recorded."""

    def __init__(self, browser, base_url, path, *, viewport="laptop", javascript=True):
        self.base_url, self.path = base_url, path
        self.console_errors, self.page_errors, self.http_errors, self.foreign_requests = [], [], [], []
        width, height = VIEWPORTS[viewport]
        phone = viewport == "phone"
        self.context = browser.new_context(viewport={"width": width, "height": height}, is_mobile=phone,
                                           has_touch=phone, java_script_enabled=javascript)
        self.context.route("**/*", self._route)
        self.page = self.context.new_page()
        self.page.on("console", lambda m: m.type == "error" and self.console_errors.append(m.text))
        self.page.on("pageerror", lambda e: self.page_errors.append(str(e)))
        self.page.on("response", lambda r: r.status >= 400 and self.http_errors.append(f"{r.status} {r.url}"))

    def _route(self, route):
        url = route.request.url
        local = urlsplit(self.base_url).netloc
        if url.startswith(("data:", "blob:")) or urlsplit(url).netloc == local:
            route.continue_()
        else:
            self.foreign_requests.append(url)
            route.abort()

    def open(self):
        self.page.goto(self.base_url + self.path, wait_until="load")
        return self.page

    def close(self):
        self.context.close()


@pytest.fixture
def visit(browser, server):
    visits = []

    def _visit(path, **options):
        v = PageVisit(browser, server[0], path, **options)
        visits.append(v)
        v.open()
        return v

    yield _visit
    for v in visits:
        v.close()
