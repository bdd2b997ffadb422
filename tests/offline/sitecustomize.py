"""No network for a build, as on CI: Python imports this file at start-up when its folder is on
PYTHONPATH (`support.as_on_ci`). Every connection to another machine, and every name lookup, fails
as it would offline, and is written to the file NETWORK_LOG names, so a test can tell that the
build asked for nothing (tests/build/test_social_cards.py)."""

from __future__ import annotations

import os
import socket

_LOG = os.environ.get("NETWORK_LOG")


def _refused(what: str) -> OSError:
    if _LOG:
        with open(_LOG, "a", encoding="utf-8") as log:
            log.write(what + "\n")
    return OSError(f"no network in this build (tests/offline/sitecustomize.py): {what}")


_connect, _connect_ex = socket.socket.connect, socket.socket.connect_ex


def _guarded(original):
    def connect(self, address):
        if self.family == getattr(socket, "AF_UNIX", None):  # a local pipe, not the network
            return original(self, address)
        raise _refused(f"connect {address!r}")

    return connect


def _getaddrinfo(host, *args, **kwargs):
    raise _refused(f"getaddrinfo {host!r}")


socket.socket.connect = _guarded(_connect)  # type: ignore[method-assign]
socket.socket.connect_ex = _guarded(_connect_ex)  # type: ignore[method-assign]
socket.getaddrinfo = _getaddrinfo
