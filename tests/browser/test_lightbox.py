"""Diagrams open in the glightbox lightbox, in the reader's palette."""


def test_a_diagram_opens_after_an_instant_navigation_too(page):
    page.goto(page.base)
    page.evaluate("window.__sameDocument = true")
    page.locator("article a.md-button--primary").click()
    page.locator("article h1", has_text="Why AI Models Stop Learning").wait_for()
    assert page.evaluate("window.__sameDocument === true")
    page.locator("article figure a.glightbox:visible").first.click()
    page.locator(".glightbox-container .gslide.current img").wait_for()


def test_the_lightbox_loads_on_the_first_click_only_and_once(page):
    page.goto(page.base + "essays/continual-learning/")
    page.wait_for_load_state("load")
    assert page.evaluate("typeof GLightbox") == "undefined"  # nothing to block or run at load
    diagrams = page.locator("article figure a.glightbox:visible")
    src = diagrams.first.locator("img").get_attribute("src")
    assert src.endswith("-light.svg#only-light")  # the reader's palette
    diagrams.first.click()
    shown = page.locator(".glightbox-container .gslide.current img")
    shown.wait_for()
    assert shown.get_attribute("src").split("#")[0].endswith(src.split("#")[0].rsplit("/", 1)[1])
    page.keyboard.press("Escape")
    page.locator(".glightbox-container").wait_for(state="detached")
    diagrams.nth(1).click()  # the second opens with the library already there
    page.locator(".glightbox-container .gslide.current img").wait_for()
    assert page.locator('script[src$="glightbox.min.js"]').count() == 1


def test_a_diagram_opens_from_a_file_url_too(open_tab, site):
    # The lightbox's start is an inline module script (run after the deferred
    # library); inline modules need no server.
    tab = open_tab((site.root / "essays" / "continual-learning" / "index.html").as_uri())
    assert tab.locator("#init-glightbox").get_attribute("type") == "module"
    tab.locator("article figure a.glightbox:visible").first.click()
    tab.locator(".glightbox-container .gslide.current img").wait_for()
