"""The `kg` command line: a click group of thin commands.

Each command parses its arguments, calls one library function and prints the
result. Errors of the ``ClaimgraphError`` family become one line on stderr and
exit code 1 (``--debug`` shows the traceback); usage errors exit 2.
"""

from __future__ import annotations

import csv
import io
import json
import os
import sys
from pathlib import Path

import click

from kg import __version__
from kg.errors import ClaimgraphError

__all__ = ["main"]

OUTPUT_FORMATS = ("table", "csv", "tsv", "json")


class BaseIRI(click.ParamType):
    """An absolute IRI ending in '/' or '#', under which instance IRIs are minted."""

    name = "IRI"

    def convert(self, value, param, ctx):
        from kg.rdf.terms import check_base_iri

        try:
            return check_base_iri(value)
        except ValueError as exc:
            self.fail(str(exc), param, ctx)


class KgGroup(click.Group):
    """Turns library errors into one clear line on stderr."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except BrokenPipeError:
            # the reader went away (`kg query ... | head`): stop quietly, as Unix tools do
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
            ctx.exit(0)
        except ClaimgraphError as exc:
            if ctx.meta.get("kg.debug"):
                raise
            click.echo(f"kg: error: {one_line(str(exc))}", err=True)
            ctx.exit(1)
        except (OSError, ValueError) as exc:
            if ctx.meta.get("kg.debug"):
                raise
            click.echo(f"kg: error: {_one_line(exc)}", err=True)
            ctx.exit(1)
        except KeyboardInterrupt:
            if ctx.meta.get("kg.debug"):
                raise
            click.echo("kg: interrupted; the store keeps every document built so far (run the command again "
                       "to finish)", err=True)
            ctx.exit(130)


def _one_line(exc: BaseException) -> str:
    """An error as one line: its first line, with the file it names when the message does not."""
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    filename = getattr(exc, "filename", None)
    if filename is not None and str(filename) not in text:
        text = f"{filename}: {text}"
    return one_line(text)


_CONTROL = {c: f"\\x{c:02x}" for c in [*range(0x20), 0x7F]} | {0x0A: "\\n", 0x0D: "\\r", 0x09: "\\t"}
_CONTROL |= {c: f"\\u{c:04x}" for c in (0x85, 0x2028, 0x2029)}


def one_line(text: str) -> str:
    """``text`` on one line: line breaks and control characters (from odd file names, say) escaped.

    >>> one_line("E101 bad\\nname.txt: empty file")
    'E101 bad\\\\nname.txt: empty file'
    """
    return text.translate(_CONTROL)


@click.group(cls=KgGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="kg")
@click.option("--debug", is_flag=True, help="Show full tracebacks instead of one-line errors.")
@click.pass_context
def main(ctx: click.Context, debug: bool) -> None:
    """claimgraph: build, query and publish claim-level knowledge graphs."""
    ctx.meta["kg.debug"] = debug


@main.command()
@click.argument("inputs", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--out", "out_dir", required=True, type=click.Path(file_okay=False, path_type=Path),
              help="Build folder: holds the store, the texts and the exports.")
@click.option("--base-iri", type=BaseIRI(), default=None, help="Base IRI for every node of the graph.")
@click.option("--model", default=None, help="spaCy pipeline to load (an installed package name).")
@click.option("--force", is_flag=True, help="Rebuild documents even when their graph is already in the store.")
@click.option("--no-page", is_flag=True, help="Do not write graph.html.")
@click.option("--executor", type=click.Choice(["auto", "serial", "processes", "ray"]), default="auto",
              show_default=True,
              help="Where per-document work runs. auto: local processes on a machine with more than one core, "
                   "but this process when only a few documents need building.")
@click.option("--workers", "-j", type=click.IntRange(min=1), default=None,
              help="Worker processes or Ray actors; default: one per core.")
@click.option("--batch-size", type=click.IntRange(min=1), default=16, show_default=True,
              help="Documents per batch sent to a worker (bounds memory).")
@click.option("--ray-address", envvar="KG_RAY_ADDRESS", default=None,
              help="Ray cluster to use with --executor ray (e.g. auto, ray://head:10001); default: a local one.")
@click.option("--aliases", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="CSV or YAML alias file (label, canonical label or IRI, type) forcing or forbidding merges.")
@click.option("--wait", type=click.FloatRange(min=0), default=0.0, show_default=True, metavar="SECONDS",
              help="When another process is writing the store, wait this long for it instead of failing (E200).")
@click.option("--quiet", "-q", is_flag=True, help="Print nothing but errors.")
def build(inputs, out_dir, base_iri, model, force, no_page, executor, workers, batch_size, ray_address,
          aliases, wait, quiet) -> None:
    """Build the claim graph of INPUTS (files or folders of .txt, .md, .html, .jsonl) into --out."""
    from kg.build import DEFAULT_EXPORTS, build as run_build
    from kg.rdf.terms import DEFAULT_BASE_IRI

    exports = [e for e in DEFAULT_EXPORTS if not (no_page and e == "html")]
    progress = _progress(quiet)
    with progress as update:
        report = run_build(inputs, out_dir, base_iri=base_iri or DEFAULT_BASE_IRI, model=model, force=force,
                           exports=exports, executor=executor, workers=workers,
                           batch_size=batch_size, ray_address=ray_address, progress=update, aliases=aliases,
                           wait=wait)
    for line in report.skipped:
        click.echo(f"kg: skipped: {one_line(line)}", err=True)
    for line in report.left_out + report.warnings:
        click.echo(f"kg: warning: {one_line(line)}", err=True)
    if not quiet:
        _print_summary(report)
    if report.skipped:
        sys.exit(1)


class _progress:
    """A rich progress bar on a terminal; silent when piped or quiet."""

    def __init__(self, quiet: bool) -> None:
        self.enabled = not quiet and sys.stderr.isatty()

    def __enter__(self):
        if not self.enabled:
            return None
        from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

        self._bar = Progress(SpinnerColumn(), TextColumn("{task.description}"), TimeElapsedColumn(), transient=True)
        self._bar.__enter__()
        self._task = self._bar.add_task("reading", total=None)

        def update(document) -> None:
            self._bar.update(self._task, description=f"building {document.source}", advance=1)

        return update

    def __exit__(self, *exc) -> None:
        if self.enabled:
            self._bar.__exit__(*exc)


def _print_summary(report) -> None:
    s = report.stats
    click.echo(
        f"built {report.built} document(s), {report.unchanged} unchanged, {report.replaced} replaced\n"
        f"graph: {s.get('documents', 0)} documents, {s.get('sentences', 0)} sentences, "
        f"{s.get('entities', 0)} named entities, {s.get('claims', 0)} claims "
        f"({s.get('claim_mentions', 0)} mentions)\n"
        f"cross-source: {s.get('multi_source_claims', 0)} claims supported by 2+ publishers, "
        f"{s.get('conflicts', 0)} conflicts"
    )
    if report.skipped or report.left_out:
        click.echo(f"skipped {len(report.skipped)} input(s) that could not be read or extracted, left out "
                   f"{len(report.left_out)} document(s) not in English (listed on stderr)")
    for name, path in sorted(report.files.items()):
        click.echo(f"  {name:6} {path}")
    click.echo(f"  store  {report.out_dir / 'store'}")


@main.command()
@click.argument("out_dir", type=click.Path(file_okay=False, path_type=Path))
@click.argument("sparql", required=False)
@click.option("--file", "-f", "query_file", type=click.File("r", encoding="utf-8"), help="Read the query from a file.")
@click.option("--named", "-n", help="Run a named query (support, conflicts, said, evidence).")
@click.option("--param", "-p", "params", multiple=True, metavar="NAME=VALUE",
              help="Bind a query variable: a literal, e.g. --param name='Hong Min', or an IRI in angle "
                   "brackets, e.g. --param s='<https://w3id.org/claimgraph/id/entity/kcna>'.")
@click.option("--format", "fmt", type=click.Choice(OUTPUT_FORMATS), default=None,
              help="Output format; default: table on a terminal, tsv when piped. csv is SPARQL 1.1 CSV "
                   "(CRLF line ends), the fastest for big answers; tsv and csv give plain values.")
@click.option("--list", "list_named", is_flag=True, help="List the named queries and exit.")
def query(out_dir, sparql, query_file, named, params, fmt, list_named) -> None:
    """Run SPARQL 1.1 on the store of OUT_DIR (the default graph is the union of all graphs).

    Opens the store read-only, so it also works while `kg build` writes it, and sees every document
    committed so far.
    """
    from kg.queries import NAMED_QUERIES, describe, named_query

    if list_named:
        for name in sorted(NAMED_QUERIES):
            click.echo(f"{name:10} {describe(name)}")
        return
    given = [x for x in (sparql, query_file, named) if x]
    if len(given) != 1:
        raise click.UsageError("give exactly one of SPARQL, --file or --named")
    bindings = {}
    for item in params:
        name, sep, value = item.partition("=")
        if not sep or not name:
            raise click.UsageError(f"--param takes NAME=VALUE, got {item!r}")
        bindings[name.lstrip("?$")] = value
    from kg.api import bind_term, run_query, write_query

    if named:  # a bound question gets the query's bound form, if it has one (kg.queries.named_query)
        text = named_query(named, {key: bind_term(value) for key, value in bindings.items()})
    else:
        text = query_file.read() if query_file else sparql

    fmt = fmt or ("table" if sys.stdout.isatty() else "tsv")
    if fmt == "csv":
        # SPARQL 1.1 CSV (plain values, CRLF line ends) straight from Oxigraph's writer
        stdout = click.get_binary_stream("stdout")
        answer = write_query(out_dir, text, stdout, "csv", bindings)
        stdout.flush()
        if answer is None:
            return
        columns, rows = answer  # an ASK or CONSTRUCT: printed like the other formats
    else:
        columns, rows = run_query(out_dir, text, bindings)
    _print_rows(columns, rows, fmt)


@main.command()
@click.argument("file", type=click.Path(dir_okay=False, allow_dash=True, path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["carb"]), default="carb", show_default=True,
              help="Output format; carb: one extraction per line, sentence<TAB>confidence<TAB>relation<TAB>arg1<TAB>arg2...")
@click.option("--model", default=None, help="spaCy pipeline to load (an installed package name).")
@click.option("--min-confidence", type=click.FloatRange(0.0, 1.0), default=0.0, show_default=True,
              help="Leave out extractions scoring below this confidence.")
def openie(file, fmt, model, min_confidence) -> None:
    """Open IE over FILE: one pre-tokenized sentence per line (tokens separated by spaces; - reads stdin)."""
    from kg.errors import InputError
    from kg.extract.openie import carb_lines
    from kg.nlp import DEFAULT_MODEL, load_pipeline

    if str(file) == "-":
        lines = sys.stdin.read().splitlines()
    elif not file.is_file():
        raise InputError("E100", path=str(file))
    else:
        try:
            lines = file.read_text(encoding="utf-8").splitlines()
        except UnicodeDecodeError as exc:
            raise InputError("E102", path=str(file), reason=str(exc)) from None
    nlp = load_pipeline(model or DEFAULT_MODEL)
    for line in carb_lines(nlp, lines, min_confidence=min_confidence):
        click.echo(line)


@main.command()
@click.argument("out_dir", type=click.Path(file_okay=False, path_type=Path))
@click.option("--limit", type=click.IntRange(min=0), default=20, show_default=True,
              help="Show at most this many violations (0: all).")
def validate(out_dir, limit) -> None:
    """Check the graph of OUT_DIR against the SHACL shapes of the RDF model (exit 1 if it does not conform)."""
    from kg.api import open as open_build
    from kg.validate import validate as run_validate

    report = run_validate(open_build(out_dir, read_only=True))
    if report.conforms:
        click.echo(f"{out_dir}: conforms to the claimgraph shapes")
        return
    shown = report.results if limit == 0 else report.results[:limit]
    for r in shown:
        click.echo(f"{r.focus}  {r.path or ''}  {r.message}")
    click.echo(f"kg: error: {out_dir}: {report.violations} violation(s) of the claimgraph shapes", err=True)
    sys.exit(1)


def _print_rows(columns: list[str], rows: list[list[str | None]], fmt: str) -> None:
    if fmt == "json":
        click.echo(json.dumps([dict(zip(columns, r)) for r in rows], ensure_ascii=False, indent=2))
    elif fmt in {"csv", "tsv"}:
        buf = io.StringIO()
        # csv as SPARQL 1.1 CSV writes it (CRLF), as for SELECT answers (kg.api.write_query)
        writer = csv.writer(buf, delimiter="," if fmt == "csv" else "\t",
                            lineterminator="\r\n" if fmt == "csv" else "\n")
        writer.writerow(columns)
        writer.writerows([["" if v is None else v for v in r] for r in rows])
        click.echo(buf.getvalue(), nl=False)
    else:
        from rich.console import Console
        from rich.table import Table

        table = Table(*columns, show_lines=False)
        for r in rows:
            table.add_row(*("" if v is None else v for v in r))
        Console().print(table)
        click.echo(f"{len(rows)} row(s)")


class AuthParam(click.ParamType):
    """Credentials for a remote store: USER:PASSWORD (Basic), digest:USER:PASSWORD or bearer:TOKEN."""

    name = "CREDENTIALS"

    def convert(self, value, param, ctx):
        from kg.push import make_auth

        if not isinstance(value, str):
            return value
        try:
            make_auth(value)
        except ValueError as exc:
            self.fail(str(exc), param, ctx)  # the message never repeats the secret
        return value


@main.command()
@click.argument("out_dir", type=click.Path(file_okay=False, path_type=Path))
@click.option("--host", default="127.0.0.1", show_default=True, envvar="KG_SERVE_HOST",
              help="Address to bind; the default answers this machine only.")
@click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True, envvar="KG_SERVE_PORT",
              help="TCP port to listen on.")
@click.option("--allow-update", is_flag=True,
              help="Accept SPARQL Update and Graph Store writes from clients that send the token.")
@click.option("--token", envvar="KG_SERVE_TOKEN", default=None,
              help="Bearer token writes must carry; with --allow-update and no token, one is generated and printed.")
@click.option("--timeout", type=click.FloatRange(min=0, min_open=True), default=30.0, show_default=True,
              help="Seconds a query may run before it is stopped and answered with 503.")
@click.option("--max-rows", type=click.IntRange(min=1), default=100_000, show_default=True,
              help="Most rows (SELECT) or triples (CONSTRUCT) in one answer; more answers 413.")
@click.option("--workers", type=click.IntRange(min=1), default=2, show_default=True,
              help="Query worker processes (one when --allow-update).")
def serve(out_dir, host, port, allow_update, token, timeout, max_rows, workers) -> None:
    """Serve OUT_DIR: SPARQL at /sparql, Graph Store at /store, the graph page at /, an editor at /query."""
    import secrets

    from kg.serve import serve as run_server

    if allow_update and not token:
        token = secrets.token_urlsafe(24)
        click.echo(f"kg: update token (send as 'Authorization: Bearer ...'): {token}", err=True)
    mode = "updates allowed with the token" if allow_update else "read-only"
    click.echo(f"kg: serving {out_dir} at http://{host}:{port}/ ({mode}); SPARQL endpoint "
               f"http://{host}:{port}/sparql, editor http://{host}:{port}/query", err=True)
    run_server(out_dir, host, port, allow_update=allow_update, token=token if allow_update else None,
               timeout=timeout, max_rows=max_rows, workers=workers, log_level="warning")


@main.command()
@click.argument("out_dir", type=click.Path(file_okay=False, path_type=Path))
@click.option("--endpoint", required=True, envvar="KG_PUSH_ENDPOINT",
              help="SPARQL query endpoint of the remote store, e.g. http://localhost:7878/query (Oxigraph).")
@click.option("--graph-store", envvar="KG_PUSH_GRAPH_STORE", default=None,
              help="Graph Store Protocol URL; default: derived from --endpoint for Oxigraph, Fuseki, GraphDB, "
                   "Virtuoso (see docs/push.md).")
@click.option("--auth", type=AuthParam(), envvar="KG_PUSH_AUTH", default=None,
              help="Credentials: USER:PASSWORD (HTTP Basic), digest:USER:PASSWORD or bearer:TOKEN.")
@click.option("--timeout", type=click.FloatRange(min=0, min_open=True), default=120.0, show_default=True,
              help="Seconds to wait for each HTTP request.")
@click.option("--no-verify", is_flag=True, help="Do not count each graph's triples on the server afterwards.")
@click.option("--quiet", "-q", is_flag=True, help="Print nothing but errors.")
def push(out_dir, endpoint, graph_store, auth, timeout, no_verify, quiet) -> None:
    """Load the build in OUT_DIR into a remote store: one PUT per document graph, plus the resolution graph."""
    from kg.push import push as run_push

    report = run_push(out_dir, endpoint, graph_store=graph_store, auth=auth, timeout=timeout, verify=not no_verify)
    if not quiet:
        click.echo(report.summary())
    for iri in report.mismatched:
        local = next(g for g in report.graphs if g.iri == iri)
        click.echo(f"kg: warning: <{iri}> has {local.remote_triples} triples on the server, "
                   f"{local.triples} locally", err=True)
    if report.mismatched:
        sys.exit(1)


@main.command("export")
@click.argument("out_dir", type=click.Path(file_okay=False, path_type=Path))
@click.option("--format", "-f", "formats", multiple=True, metavar="FORMAT",
              help="ttl, trig, nq, jsonld, nt (or another name or media type); repeat for several; "
                   "default: ttl, trig, nq, jsonld.")
@click.option("--output", "-o", type=click.Path(dir_okay=False, allow_dash=True, path_type=Path), default=None,
              help="File to write (one --format only; - writes to stdout); default: OUT_DIR/graph.EXT.")
def export(out_dir, formats, output) -> None:
    """Write RDF exports of the store in OUT_DIR: sorted, prefixed and stable from build to build."""
    from kg.api import open as open_build
    from kg.export.formats import DEFAULT_FORMATS, get_format, write_export

    names = [get_format(f).name for f in formats] or list(DEFAULT_FORMATS)
    if output is not None and len(names) != 1:
        raise click.UsageError("--output takes exactly one --format")
    store = open_build(out_dir)
    if output is not None and str(output) == "-":  # streamed, for a pipe ("kg export DIR -f nq -o - | gzip")
        fmt = get_format(names[0])
        out = click.get_binary_stream("stdout")
        count = fmt.writer(store, out)
        out.flush()
        click.echo(f"-: {count} {fmt.counts} ({fmt.name})", err=True)
        return
    for name in names:
        target = output or out_dir / f"graph{get_format(name).extension}"
        done = write_export(store, name, target)
        click.echo(f"{done.path}: {done.count} {done.counts} ({name})")
