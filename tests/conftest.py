"""Shared fixtures: the real site, built once per test session."""

from __future__ import annotations

import functools

import pytest

from browser_support import StaticServer
from support import ROOT, ZENSICAL, Site, as_on_ci, mkdocs_build, zensical_build


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Site:
    """The real site, built for the address the browser tests will serve it at.

    Material's instant navigation only follows links listed in sitemap.xml,
    whose addresses come from `site_url`; so the port is reserved first. It is built
    as on CI: no network, and no social cards drawn before (`as_on_ci`).
    """
    out = tmp_path_factory.mktemp("site")
    server = StaticServer(out)
    ci = tmp_path_factory.mktemp("as-on-ci")
    build = zensical_build if ZENSICAL else functools.partial(mkdocs_build, ROOT)
    result = build(out, env={"SITE_URL": server.url, **as_on_ci(ci)})
    assert result.returncode == 0, result.stderr
    built = Site(out, result.stderr)
    built.as_on_ci = ci
    built.server = server
    return built
