"""Browser fixtures: one Chromium per session, a fresh page per test, the site served on 127.0.0.1."""

from __future__ import annotations

import datetime

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
def open_tab(browser, server):
    """Opens tabs, each in a context of its own, and fails the test if a page logs a JavaScript error or
    an error to the console. open_tab(url, viewport, scheme, touch, clock=..., **context options):
    `url` is under the served site unless it is a whole address (file://, another server);
    `clock`, a datetime, stands the page's time still there. A test that loads a 404 on purpose adds the
    browser's message for it to tab.expected_errors."""
    contexts, errors, expected = [], [], []

    def open_(url=None, viewport=None, scheme=None, touch=False, *, clock=None, **options):
        if viewport:
            options["viewport"] = viewport
        if scheme:
            options["color_scheme"] = scheme
        if touch:
            options.update(has_touch=True, is_mobile=True)
        context = browser.new_context(**options)
        contexts.append(context)
        tab = context.new_page()
        tab.on("pageerror", lambda error: errors.append(str(error)))
        tab.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
        tab.base = server.url
        tab.expected_errors = expected
        if clock is not None:
            # Installed a second early: pausing at `clock` after the page's time has passed it is refused.
            tab.clock.install(time=clock - datetime.timedelta(seconds=1))
            tab.clock.pause_at(clock)
        if url is not None:
            tab.goto(url if "://" in url else server.url + url)
        return tab

    yield open_
    for context in contexts:
        context.close()
    unexpected = [e for e in errors if not any(known in e for known in expected)]
    assert unexpected == [], unexpected


@pytest.fixture
def page(open_tab):
    """A new tab on the served site (not yet at any page), failing the test on any JavaScript or console error."""
    return open_tab()
