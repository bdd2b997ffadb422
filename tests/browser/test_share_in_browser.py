"""Sharing a term in a real browser: alias addresses, the copy button, the 404 page."""

import pytest


@pytest.mark.parametrize("alias, slug", [("icl", "in-context-learning"), ("weights", "parameters-weights")])
def test_an_alias_address_lands_on_its_term(page, alias, slug):
    page.goto(page.base + f"glossary/{alias}/")
    page.wait_for_url(page.base + f"glossary/{slug}/")
    assert page.locator("article h1").text_content()


def test_the_copy_button_puts_the_page_address_on_the_clipboard(open_tab):
    page = open_tab("glossary/token/?h=token#mentioned-in", permissions=["clipboard-read", "clipboard-write"])
    button = page.get_by_role("button", name="Copy link")
    button.focus()
    page.keyboard.press("Enter")  # usable by keyboard
    status = page.locator(".glossary-copy-status")
    status.filter(has_text="Link copied").wait_for()
    assert status.get_attribute("role") == "status"
    assert page.evaluate("navigator.clipboard.readText()") == page.base + "glossary/token/"


# The system's share sheet, as a page sees it: navigator.share, recording what it was given. Headless
# Chromium on Linux has none; `outcome` is what the reader did with the sheet.
SHARE_SHEET = """outcome => {
  window.__shared = [];
  navigator.share = data => { window.__shared.push(data);
    return outcome === 'shared' ? Promise.resolve() : Promise.reject(new DOMException('', outcome)); };
}"""


@pytest.mark.parametrize("outcome", ["shared", "AbortError", "NotAllowedError"])
def test_on_a_phone_the_control_opens_the_share_sheet_and_copies_only_if_it_fails(open_tab, outcome):
    page = open_tab(None, {"width": 390, "height": 844}, touch=True, permissions=["clipboard-read", "clipboard-write"])
    page.add_init_script(f"({SHARE_SHEET})({outcome!r})")
    page.goto(page.base + "glossary/token/#mentioned-in")
    button = page.get_by_role("button", name="Share link")
    button.tap()
    page.wait_for_function("window.__shared.length === 1")
    shared = page.evaluate("window.__shared[0]")
    assert shared == {"title": page.title(), "url": page.base + "glossary/token/"}
    assert "Token" in shared["title"]
    status = page.locator(".glossary-copy-status")
    if outcome == "NotAllowedError":  # no sheet after all: the address goes to the clipboard
        status.filter(has_text="Link copied").wait_for()
        assert page.evaluate("navigator.clipboard.readText()") == page.base + "glossary/token/"
    else:  # shared, or the reader closed the sheet: nothing more to say
        page.evaluate("() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))")
        assert status.text_content() == ""


def test_on_a_desktop_the_control_copies_even_where_there_is_a_share_sheet(open_tab):
    page = open_tab(None, {"width": 1366, "height": 900}, permissions=["clipboard-read", "clipboard-write"])
    page.add_init_script(f"({SHARE_SHEET})('shared')")
    page.goto(page.base + "glossary/token/")
    page.get_by_role("button", name="Copy link").click()
    page.locator(".glossary-copy-status", has_text="Link copied").wait_for()
    assert page.evaluate("window.__shared.length") == 0


def test_the_404_page_suggests_nothing_for_an_unrelated_address(page):
    page.expected_errors.append("status of 404 (Not Found)")
    page.goto(page.base + "glossary/zzzzzzzzzzzz/")
    assert page.locator(".glossary-not-found").is_hidden()
    assert page.get_by_role("link", name="glossary").count() >= 1
