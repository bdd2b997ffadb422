"""Shared fixtures: the real site, built once per test session."""

from __future__ import annotations

import pytest

from browser_support import StaticServer
from support import ROOT, Site, mkdocs_build


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Site:
    """The real site, built for the address the browser tests will serve it at.

    Material's instant navigation only follows links listed in sitemap.xml,
    whose addresses come from `site_url`; so the port is reserved first.
    """
    out = tmp_path_factory.mktemp("site")
    server = StaticServer(out)
    result = mkdocs_build(ROOT, out, env={"SITE_URL": server.url})
    assert result.returncode == 0, result.stderr
    built = Site(out, result.stderr)
    built.server = server
    return built
