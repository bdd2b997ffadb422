"""axe-core finds no violations on the pages readers use, in both palettes, popover open or not."""

import pytest
from axe_playwright_python.sync_playwright import Axe

from browser_support import wait_until_still

PAGES = ["", "essays/continual-learning/", "glossary/catastrophic-forgetting/", "glossary/"]
SCHEMES = {"light": "default", "dark": "slate"}


@pytest.fixture(scope="module")
def axe():
    return Axe()


def violations(axe, page):
    # Checked once the page is still: focusing a term scrolls the page, and Material's header then
    # fades from the site's name to the page's title.
    wait_until_still(page)
    return [
        (v["id"], v["help"], [n["target"] for n in v["nodes"]][:3]) for v in axe.run(page).response["violations"]
    ]


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("url", PAGES)
def test_no_axe_violations(open_tab, axe, url, scheme):
    page = open_tab(url, scheme=scheme)
    assert page.locator("body").get_attribute("data-md-color-scheme") == SCHEMES[scheme]
    assert violations(axe, page) == []
    term = page.locator("article a.glossary-term").first
    if term.count():
        term.focus()
        assert page.locator("#glossary-popover").is_visible()
        assert violations(axe, page) == []
