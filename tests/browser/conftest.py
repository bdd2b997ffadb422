"""Browser fixtures: one Chromium per session, a fresh page per test, the site served on 127.0.0.1."""

from __future__ import annotations

import pytest

from browser_support import CHROMIUM_ARGS, chromium_path, in_ci


@pytest.fixture(scope="session")
def server(site):
    with site.server as running:
        yield running


@pytest.fixture(scope="session")
def browser():
    try:
        from playwright.sync_api import Error, sync_playwright
    except ImportError as missing:  # pragma: no cover - requirements.txt installs it
        pytest.fail(f"Playwright is not installed: {missing}")
    with sync_playwright() as playwright:
        try:
            chromium = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        except Error as error:
            message = (
                "No Chromium for the browser tests. Install Debian's package (apt-get install chromium) "
                "or Playwright's own (python -m playwright install chromium).\n" + str(error).splitlines()[0]
            )
            if in_ci():
                pytest.fail(message)
            pytest.skip(message)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser, server):
    """A new tab; fails the test if the page logs a JavaScript error."""
    context = browser.new_context()
    tab = context.new_page()
    errors = []
    tab.on("pageerror", lambda error: errors.append(str(error)))
    tab.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    tab.base = server.url
    tab.expected_errors = []  # a test that loads a 404 on purpose adds the browser's message for it
    yield tab
    context.close()
    unexpected = [e for e in errors if not any(expected in e for expected in tab.expected_errors)]
    assert unexpected == [], unexpected
