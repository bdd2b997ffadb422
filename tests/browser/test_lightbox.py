"""Diagrams open in the glightbox lightbox, in the reader's palette."""


def test_a_diagram_opens_in_the_lightbox(page):
    page.goto(page.base + "essays/continual-learning/")
    diagram = page.locator("article figure a.glightbox:visible").first
    src = diagram.locator("img").get_attribute("src")
    assert src.endswith("-light.svg#only-light")
    diagram.click()
    shown = page.locator(".glightbox-container .gslide.current img")
    shown.wait_for()
    assert shown.get_attribute("src").split("#")[0].endswith(src.split("#")[0].rsplit("/", 1)[1])
    page.keyboard.press("Escape")
    page.locator(".glightbox-container").wait_for(state="detached")
