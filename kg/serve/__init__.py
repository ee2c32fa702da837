"""``kg serve``: a SPARQL endpoint, a Graph Store, the graph page and a query editor over a build.

:func:`make_app` builds the ASGI app (tests drive it with ``starlette.testclient``, no port);
:func:`serve` runs it with uvicorn. See :mod:`kg.serve.app` for the routes and limits.
"""

from __future__ import annotations

import ipaddress
import os

__all__ = ["make_app", "serve", "loopback_hosts"]


def make_app(*args, **kwargs):
    """Build the app: see :func:`kg.serve.app.make_app` (imported on first use, so workers start light)."""
    from kg.serve.app import make_app as _make_app

    return _make_app(*args, **kwargs)


def loopback_hosts(host: str, port: int) -> list[str] | None:
    """Host headers a server bound to ``host`` accepts; None (any) unless it is a loopback address.

    Browsers on the same machine reach a loopback server as localhost or the literal
    address; accepting only those blocks DNS-rebinding pages from reading the endpoint.

    >>> loopback_hosts("127.0.0.1", 8000)
    ['127.0.0.1', 'localhost', '[::1]', '127.0.0.1:8000', 'localhost:8000', '[::1]:8000']
    >>> loopback_hosts("0.0.0.0", 8000) is None
    True
    """
    try:
        is_loopback = host == "localhost" or ipaddress.ip_address(host).is_loopback
    except ValueError:
        return None
    if not is_loopback:
        return None
    names = [host] + [h for h in ("127.0.0.1", "localhost", "[::1]") if h != host]
    return names + [f"{name}:{port}" for name in names]


def serve(
    out_dir: str | os.PathLike[str],
    host: str = "127.0.0.1",
    port: int = 8000,
    *,
    allow_update: bool = False,
    token: str | None = None,
    timeout: float | None = None,
    max_rows: int | None = None,
    workers: int = 2,
    log_level: str = "info",
) -> None:
    """Serve the build in ``out_dir`` on http://host:port/ until interrupted (binds loopback by default)."""
    import uvicorn

    from kg.serve.app import DEFAULT_MAX_ROWS, DEFAULT_TIMEOUT

    app = make_app(
        out_dir,
        allow_update=allow_update,
        token=token,
        timeout=DEFAULT_TIMEOUT if timeout is None else timeout,
        max_rows=DEFAULT_MAX_ROWS if max_rows is None else max_rows,
        workers=workers,
        allowed_hosts=loopback_hosts(host, port),
    )
    uvicorn.run(app, host=host, port=port, log_level=log_level)
