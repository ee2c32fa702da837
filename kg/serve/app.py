"""The HTTP app of ``kg serve``: SPARQL 1.1 Protocol, Graph Store Protocol, the graph page and a query editor.

Routes:

- ``/sparql``: SPARQL 1.1 Protocol. Queries by GET ``?query=``, POST form ``query=`` or
  POST ``application/sparql-query``; results negotiated (JSON, XML, CSV, TSV for
  SELECT/ASK; Turtle, N-Triples, JSON-LD, RDF/XML for CONSTRUCT/DESCRIBE). Updates by POST
  form ``update=`` or ``application/sparql-update`` (also at ``/update``).
- ``/store``: SPARQL 1.1 Graph Store Protocol (``?graph=IRI``; ``?default`` is the union
  graph): GET/HEAD read; PUT, POST and DELETE write.
- ``/``: ``DIR/graph.html`` when the build has one; ``/query``: the YASGUI editor (bundled
  under ``kg/static``, works offline) with the named queries as tabs; ``/static``: its assets.

Read-only unless the app is made with ``allow_update=True`` *and* the client sends
``Authorization: Bearer <token>``: every other write answers 403. Queries run under a time
limit (503 when exceeded; the server keeps serving) and a result-size limit (413). In the
default graph of every query, the project prefixes are predeclared and the default graph is
the union of all graphs, as in ``kg query``.

>>> from starlette.testclient import TestClient
>>> from kg.store import Store
>>> client = TestClient(make_app(Store()))
>>> client.get("/sparql", params={"query": "ASK { ?s ?p ?o }"}).json()
{'head': {}, 'boolean': False}
>>> client.post("/update", data={"update": "CLEAR ALL"}).status_code
403
"""

from __future__ import annotations

import gc
import hmac
import html
import json
import os
import re
from contextlib import asynccontextmanager
from pathlib import Path
from urllib.parse import parse_qs

from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.middleware import Middleware
from starlette.middleware.trustedhost import TrustedHostMiddleware
from starlette.requests import Request
from starlette.responses import FileResponse, HTMLResponse, RedirectResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from kg.rdf.namespaces import sparql_prologue
from kg.serve.engine import Answer, error_answer
from kg.serve.workers import PoolBusy, ProcessPool, QueryTimeout, ThreadPool, WorkerFailed
from kg.store import STORE_DIRNAME, Store, open_store

__all__ = ["make_app", "STATIC_DIR", "DEFAULT_TIMEOUT", "DEFAULT_MAX_ROWS"]

STATIC_DIR = Path(__file__).resolve().parent.parent / "static"
DEFAULT_TIMEOUT = 30.0
DEFAULT_MAX_ROWS = 100_000
_FORM = "application/x-www-form-urlencoded"
_IRI = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:[^\s<>\"{}|\\^`]*$")


class _Service:
    """Everything a request needs: the executor that owns the store, the access rules and the limits."""

    def __init__(self, source, *, allow_update: bool, token: str | None, timeout: float, max_rows: int,
                 workers: int, executor: str) -> None:
        if timeout <= 0 or max_rows <= 0 or workers <= 0:
            raise ValueError("timeout, max_rows and workers must be positive")
        if allow_update and not token:
            raise ValueError("allow_update needs a token: clients must send 'Authorization: Bearer <token>'")
        if executor not in ("auto", "process", "thread"):
            raise ValueError(f"executor must be 'auto', 'process' or 'thread', not {executor!r}")
        self.allow_update = allow_update
        self.token = token
        self.timeout = float(timeout)
        self.max_rows = int(max_rows)
        self.queue_wait = max(10.0, self.timeout)
        self.out_dir: Path | None = None
        if isinstance(source, Store):
            store = source
            # the caller holds this store open (and, if writable, its lock): only read-only
            # on-disk serving can move to worker processes
            default = "process" if store.path is not None and not allow_update else "thread"
        else:
            self.out_dir = Path(source)
            # fails early with E201 when there is no build here, E200 when another process writes it
            store = open_store(self.out_dir, read_only=not allow_update)
            default = "process"
        executor = default if executor == "auto" else executor
        if executor == "process":
            if store.path is None:
                raise ValueError("an in-memory store cannot be served by worker processes; use executor='thread'")
            if allow_update and isinstance(source, Store):
                raise ValueError("to serve updates from worker processes, pass the build folder, not an open store")
            path = store.path
            if allow_update:
                del store  # the single read-write worker takes the store's lock
                gc.collect()
            self.pool: ProcessPool | ThreadPool = ProcessPool(path, size=workers, writable=allow_update)
        else:
            self.pool = ThreadPool(store, size=max(workers, 2))

    def run(self, job: dict) -> Answer:
        try:
            return self.pool.run(job, timeout=self.timeout, wait=self.queue_wait)
        except QueryTimeout:
            what = "query" if job["op"] == "query" else "write (rolled back)"
            return error_answer(503, f"E300 {what} failed: it ran longer than the server's time limit of "
                                     f"{self.timeout:g} s and was stopped; narrow it or add a LIMIT",
                                **{"Retry-After": "1"})
        except PoolBusy:
            return error_answer(503, "E300 query failed: every query worker is busy; try again",
                                **{"Retry-After": "5"})
        except WorkerFailed as exc:
            return error_answer(500, f"E300 query failed: {exc}")

    def query(self, sparql: str, accept: str | None, format_param: str | None) -> Answer:
        return self.run({"op": "query", "sparql": sparql, "accept": accept, "format_param": format_param,
                         "max_rows": self.max_rows})

    def refusal(self, request: Request) -> Response | None:
        """None when this request may write, else the 403 answer."""
        if not self.allow_update:
            return _answer(error_answer(403, "E300 this server is read-only: start `kg serve` with --allow-update "
                                             "and send its token as 'Authorization: Bearer <token>'"))
        header = request.headers.get("authorization", "")
        scheme, _, credentials = header.partition(" ")
        assert self.token is not None
        if scheme.lower() != "bearer" or not hmac.compare_digest(credentials.strip().encode(), self.token.encode()):
            return _answer(error_answer(403, "E300 writes need the server's token as 'Authorization: Bearer <token>'",
                                        **{"WWW-Authenticate": 'Bearer realm="kg serve"'}))
        return None

    def update(self, sparql: str) -> Answer:
        return self.run({"op": "update", "sparql": sparql})

    def write_graph(self, method: str, graph: str, body: bytes, media_type: str) -> Answer:
        return self.run({"op": "write_graph", "method": method, "graph": graph, "body": body,
                         "media_type": media_type})

    def close(self) -> None:
        self.pool.close()


def _answer(answer: Answer) -> Response:
    headers = {"Vary": "Accept", **answer.headers}
    if answer.status == 204:
        return Response(status_code=204, headers=headers)
    return Response(answer.body, status_code=answer.status, media_type=answer.media_type, headers=headers)


async def _read_operation(request: Request) -> tuple[str | None, str | None, Response | None]:
    """(query, update, error) from a SPARQL Protocol request."""
    if request.method in ("GET", "HEAD"):
        params = request.query_params
        return params.get("query"), params.get("update"), None
    media_type = request.headers.get("content-type", "").split(";", 1)[0].strip().lower()
    body = (await request.body()).decode("utf-8", errors="replace")
    if media_type == _FORM:
        # parsed here rather than with request.form(), which needs python-multipart for this alone
        form = parse_qs(body, keep_blank_values=True)
        return (form.get("query") or [None])[0], (form.get("update") or [None])[0], None
    if media_type == "application/sparql-query":
        return body, None, None
    if media_type == "application/sparql-update":
        return None, body, None
    return None, None, _answer(error_answer(
        415, "E300 send the query as application/sparql-query, application/sparql-update or a "
             f"{_FORM} form with query= or update= (got {media_type or 'no Content-Type'})"))


def _format_param(request: Request) -> str | None:
    return request.query_params.get("format")


def _query_page(service: _Service) -> str:
    from kg.queries import NAMED_QUERIES

    template = (STATIC_DIR / "query.html").read_text(encoding="utf-8")
    prologue = sparql_prologue()
    config = {
        "endpoint": "sparql",
        "queries": [{"name": name, "query": prologue + "\n" + text.strip() + "\n"}
                    for name, text in NAMED_QUERIES.items()],
        "readOnly": not service.allow_update,
    }
    blob = json.dumps(config, ensure_ascii=False).replace("</", "<\\/")
    return template.replace("/*CLAIMGRAPH_CONFIG*/null", blob)


def _index_page(service: _Service) -> str:
    where = html.escape(str(service.out_dir)) if service.out_dir else "an in-memory store"
    return (
        "<!doctype html><html lang=en><meta charset=utf-8><title>claimgraph</title>"
        "<style>body{font:16px/1.5 system-ui,sans-serif;max-width:40em;margin:3em auto}</style>"
        f"<h1>claimgraph</h1><p>Serving {where}.</p><ul>"
        "<li><a href=query>SPARQL editor</a> with the named queries</li>"
        "<li><code>/sparql</code>: SPARQL 1.1 Protocol endpoint</li>"
        "<li><code>/store</code>: Graph Store Protocol</li></ul>"
        "<p>No <code>graph.html</code> in this build: <code>kg build</code> writes it.</p></html>"
    )


def make_app(
    source: str | os.PathLike[str] | Store,
    *,
    allow_update: bool = False,
    token: str | None = None,
    timeout: float = DEFAULT_TIMEOUT,
    max_rows: int = DEFAULT_MAX_ROWS,
    workers: int = 2,
    executor: str = "auto",
    allowed_hosts: list[str] | None = None,
) -> Starlette:
    """Build the ASGI app over a build folder or a :class:`kg.store.Store`.

    Parameters
    ----------
    source: the ``--out`` folder of ``kg build`` or an open store.
    allow_update: accept SPARQL Update and Graph Store writes from clients that send ``token``.
    token: the bearer token writes must carry (required with ``allow_update``).
    timeout: seconds a query may run before it is stopped and answered with 503.
    max_rows: most SELECT rows or CONSTRUCT triples in one answer (more: 413).
    workers: query worker processes (read-only openers of the on-disk store).
    executor: "process" (killable workers; needs an on-disk store), "thread" (in-memory
        stores; a timed-out query is abandoned, not stopped) or "auto".
    allowed_hosts: Host header values to accept (guards a loopback server against DNS
        rebinding); None accepts any.

    Raises :class:`kg.errors.StoreError` when the folder holds no store, ``ValueError`` for bad limits.
    """
    service = _Service(source, allow_update=allow_update, token=token, timeout=timeout, max_rows=max_rows,
                       workers=workers, executor=executor)

    async def sparql(request: Request) -> Response:
        query, update, error = await _read_operation(request)
        if error is not None:
            return error
        if update is not None:
            refusal = service.refusal(request)
            if refusal is not None:
                return refusal
            if request.method != "POST":
                return _answer(error_answer(405, "E300 updates must be sent with POST", Allow="POST"))
            return _answer(await run_in_threadpool(service.update, update))
        if query is None:
            if request.method == "GET" and "text/html" in request.headers.get("accept", ""):
                return RedirectResponse("query", status_code=303)
            return _answer(error_answer(400, "E300 query failed: no query given; send query=... "
                                             "(or update=... to a server started with --allow-update)"))
        answer = await run_in_threadpool(service.query, query, request.headers.get("accept"),
                                         _format_param(request))
        return _answer(answer)

    async def update_endpoint(request: Request) -> Response:
        refusal = service.refusal(request)
        if refusal is not None:
            return refusal
        if request.method != "POST":
            return _answer(error_answer(405, "E300 updates must be sent with POST", Allow="POST"))
        _, update, error = await _read_operation(request)
        if error is not None:
            return error
        if update is None:
            return _answer(error_answer(400, "E300 no update given; send update=..."))
        return _answer(await run_in_threadpool(service.update, update))

    async def graph_store(request: Request) -> Response:
        params = request.query_params
        graph = params.get("graph")
        default = "default" in params
        if (graph is None) == (not default):
            return _answer(error_answer(400, "E300 name one graph: ?graph=IRI or ?default"))
        if graph is not None and not _IRI.match(graph):
            return _answer(error_answer(400, f"E300 not an absolute IRI: {graph!r}"))
        if request.method in ("GET", "HEAD"):
            where = f"GRAPH <{graph}> {{ ?s ?p ?o }}" if graph else "?s ?p ?o"
            answer = await run_in_threadpool(service.query, f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ {where} }}",
                                             request.headers.get("accept"), _format_param(request))
            if answer.status == 200 and answer.rows == 0 and graph is not None:
                answer = error_answer(404, f"E300 no graph <{graph}> in the store")
            return _answer(answer)
        refusal = service.refusal(request)
        if refusal is not None:
            return refusal
        if graph is None:
            return _answer(error_answer(400, "E300 this store writes named graphs only: use ?graph=IRI"))
        media_type = request.headers.get("content-type", "").split(";", 1)[0].strip().lower()
        body = await request.body()
        return _answer(await run_in_threadpool(service.write_graph, request.method, graph, body, media_type))

    async def index(request: Request) -> Response:
        page = service.out_dir / "graph.html" if service.out_dir else None
        if page is not None and page.is_file():
            return FileResponse(page, media_type="text/html")
        return HTMLResponse(_index_page(service))

    async def query_page(request: Request) -> Response:
        return HTMLResponse(_query_page(service))

    @asynccontextmanager
    async def lifespan(app):
        try:
            yield
        finally:
            service.close()

    middleware = [Middleware(TrustedHostMiddleware, allowed_hosts=allowed_hosts)] if allowed_hosts else []
    app = Starlette(
        routes=[
            Route("/", index, methods=["GET"]),
            Route("/query", query_page, methods=["GET"]),
            Route("/sparql", sparql, methods=["GET", "POST"]),
            Route("/update", update_endpoint, methods=["GET", "POST"]),
            Route("/store", graph_store, methods=["GET", "PUT", "POST", "DELETE"]),
            Mount("/static", app=StaticFiles(directory=STATIC_DIR), name="static"),
        ],
        middleware=middleware,
        lifespan=lifespan,
    )
    app.state.service = service
    return app

