"""Diagrams open in the glightbox lightbox, in the reader's palette."""

from browser_support import wait_until_instant, wait_until_still


def test_a_diagram_opens_after_an_instant_navigation_too(page):
    page.goto(page.base)
    wait_until_instant(page)
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


def touch_drag(tab, fingers, to, steps=12):
    """Moves one or two fingers in a straight line from `fingers` to `to` (lists of (x, y)), as the
    browser's own touch input: it scrolls and pinch-zooms as a real finger does, unlike synthetic events."""
    cdp = tab.context.new_cdp_session(tab)

    def points(share):
        return [
            {"id": n, "x": x0 + (x1 - x0) * share, "y": y0 + (y1 - y0) * share}
            for n, ((x0, y0), (x1, y1)) in enumerate(zip(fingers, to, strict=True))
        ]

    cdp.send("Input.dispatchTouchEvent", {"type": "touchStart", "touchPoints": points(0)})
    for step in range(1, steps + 1):
        cdp.send("Input.dispatchTouchEvent", {"type": "touchMove", "touchPoints": points(step / steps)})
    cdp.send("Input.dispatchTouchEvent", {"type": "touchEnd", "touchPoints": []})
    cdp.detach()


def test_on_a_phone_the_reader_scrolls_to_the_caption_and_pinches_to_zoom(open_tab):
    # The first diagram, drawn the window's width, is taller than a phone: the caption is under it, a
    # swipe up away (glightbox's own gestures took that swipe for "close").
    phone = {"width": 390, "height": 844}
    tab = open_tab("essays/continual-learning/", phone, "light", touch=True, device_scale_factor=3)
    link = tab.locator("article figure a.glightbox:visible").first
    link.scroll_into_view_if_needed()
    link.tap()
    image = tab.locator(".glightbox-container .gslide.current img")
    image.wait_for()
    wait_until_still(tab)  # the lightbox has finished opening
    caption = tab.locator(".gslide.current .gslide-desc")
    assert caption.bounding_box()["y"] >= phone["height"]  # below the fold until the reader scrolls
    touch_drag(tab, [(195, 700)], [(195, 250)])
    tab.wait_for_function("document.querySelector('.gslide.current').scrollTop > 0", timeout=5000)
    wait_until_scrolled_in(tab, ".gslide.current")
    assert tab.locator(".glightbox-container").count() == 1, "the swipe closed the lightbox"
    shown, words = image.bounding_box(), caption.bounding_box()
    assert words["y"] >= shown["y"] + shown["height"] - 1  # still under the image, never over it
    assert words["y"] + words["height"] <= phone["height"]  # and in sight
    # Two fingers spread apart: the diagram is magnified, as a page is.
    before = image.evaluate("img => img.getBoundingClientRect().width * visualViewport.scale")
    touch_drag(tab, [(175, 400), (215, 400)], [(75, 400), (315, 400)])
    tab.wait_for_function(
        "w => document.querySelector('.gslide.current img').getBoundingClientRect().width * visualViewport.scale"
        " > 1.5 * w",
        arg=before,
        timeout=5000,
    )


def wait_until_scrolled_in(tab, selector, quiet_frames=10):
    """Returns once the element's scroll position has not changed for quiet_frames frames."""
    tab.evaluate(
        """async ([selector, quiet]) => {
          const frame = () => new Promise(done => requestAnimationFrame(done));
          const box = document.querySelector(selector);
          let still = 0, top = box.scrollTop;
          while (still < quiet) { await frame(); still = box.scrollTop === top ? still + 1 : 0; top = box.scrollTop; }
        }""",
        [selector, quiet_frames],
    )
