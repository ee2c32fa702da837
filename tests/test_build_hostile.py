"""Hostile text through the whole build (real spaCy): valid IRIs, exports that parse, exact quotes.

Hypothesis writes English articles whose names, publishers, titles and file names
carry quotes, backslashes, line breaks, control characters, zero-width and
right-to-left marks, emoji, ``>`` and spaces, and builds them under odd (valid)
base IRIs; the files ``kg build`` writes must parse in Oxigraph and rdflib to the
store's graph, and every IRI must be valid.
"""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
import shutil
import tempfile
from pathlib import Path

import pyoxigraph as ox
import pytest
import rdflib
from hypothesis import HealthCheck, Phase, event, given, settings
from hypothesis import strategies as st

from kg.build import build
from kg.export.formats import FORMATS
from kg.rdf.terms import is_iri
from kg.store import open_store
from tests.rdf.test_hostile_rdf import (
    _OX_FORMATS,
    _RDFLIB_FORMATS,
    IRI_FORBIDDEN,
    NASTY,
    _iris,
    _ox_key,
    _rdflib_key,
)

WORD = st.text(st.characters(whitelist_categories=("Lu", "Ll")), min_size=2, max_size=8).map(str.title)
# NUL makes a file binary (ingest refuses it, by design); line breaks would change the sentences.
ODD = st.sampled_from([c for c in NASTY if c not in "\x00\n\r\x85\u2028\u2029"] + ["O'Brien", 'the "Boss"', "A\\B",
                                                                                  "x > y", "Zoë", "Ω"])
NAME = st.lists(st.one_of(WORD, ODD), min_size=1, max_size=3).map(" ".join).filter(lambda s: s.strip())
FILE_NAME = st.lists(st.one_of(WORD, st.sampled_from(["\n", " ", '"', ">", "<", "\\", "\u202e", "\u200b", "😀",
                                                     "'", "%20", "#", "?", "\t"])), min_size=1, max_size=5).map(
    lambda parts: "".join(parts).replace("/", "_")[:60]).filter(lambda s: s.strip(". ") != "")
BASES = st.sampled_from(["https://w3id.org/claimgraph/id/", "urn:kg/", "https://例え.jp/グラフ/",
                         "http://ex.org/it's/(kg)/#"[:-1], "tag:example.org,2025:kg#"])


@st.composite
def articles(draw) -> tuple[str, str, str]:
    person, org, place = draw(NAME), draw(NAME), draw(NAME)
    sentences = [
        f"{person} said that {org} sent {draw(st.integers(2, 90000))} soldiers to {place} on Monday.",
        f"{org} denied the report, {person} told reporters in {place}.",
        f'"We will not stop," {person} said, adding that {draw(NAME)} had left.',
        f"About {draw(st.integers(2, 5000))} people were killed, according to {org}.",
    ]
    title = draw(NAME)
    publisher = draw(NAME)
    text = f"{title}\n\n" + " ".join(sentences) + f"\n\nSource: {publisher}\n"
    return text, draw(FILE_NAME), draw(BASES)


def _parse_build_files(out: Path) -> None:
    store = open_store(out, read_only=True)
    quads = list(store.quads())
    with_graphs = {(_ox_key(q.subject), _ox_key(q.predicate), _ox_key(q.object), _ox_key(q.graph_name))
                   for q in quads}
    union = {t[:3] for t in with_graphs}
    for name, export_format in FORMATS.items():
        path = out / f"graph{export_format.extension}"
        if not path.exists():
            continue
        triples_only = export_format.counts == "triples"
        parsed = {(_ox_key(q.subject), _ox_key(q.predicate), _ox_key(q.object), _ox_key(q.graph_name))
                  for q in ox.parse(path=str(path), format=_OX_FORMATS[name])}
        assert ({p[:3] for p in parsed} == union) if triples_only else parsed == with_graphs, name
        dataset = rdflib.Dataset()
        dataset.parse(path, format=_RDFLIB_FORMATS[name])
        got = {(_rdflib_key(s), _rdflib_key(p), _rdflib_key(o), _rdflib_key(g)) for s, p, o, g in dataset.quads()}
        assert ({g[:3] for g in got} == union) if triples_only else got == with_graphs, name
    for iri in _iris(quads):
        assert is_iri(iri) and not IRI_FORBIDDEN.search(iri), iri


@pytest.fixture(autouse=True)
def _lexical_forms_kept(monkeypatch):
    monkeypatch.setattr(rdflib, "NORMALIZE_LITERALS", False)


# no shrinking phase: each example is a whole build, and shrinking one failure would take many minutes
@settings(max_examples=12, deadline=None, phases=(Phase.explicit, Phase.reuse, Phase.generate),
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                                                 HealthCheck.function_scoped_fixture])
@given(articles())
def test_hostile_articles_build_into_valid_rdf(sample):
    text, file_name, base = sample
    folder = Path(tempfile.mkdtemp())
    try:
        (folder / "in").mkdir()
        (folder / "in" / f"{file_name}.txt").write_text(text, encoding="utf-8")
        report = build([folder / "in"], folder / "out", base_iri=base, exports=("turtle", "trig", "nquads",
                                                                               "jsonld", "html"),
                       executor="serial")
        assert report.ok, report.skipped
        assert report.built == 1 or report.left_out, (report.left_out, text)
        event("built" if report.built else "left out as not English")
        if report.built:
            _parse_build_files(folder / "out")
            store = open_store(folder / "out", read_only=True)
            rows = store.select("SELECT ?s ?e ?x WHERE { ?p oa:start ?s ; oa:end ?e . ?t oa:hasSelector ?p , ?q . "
                                "?q oa:exact ?x }")
            assert rows
            # offsets point into the decoded text, which has no byte-order mark (an encoding signature, not text)
            decoded = text.removeprefix("\ufeff")
            assert all(decoded[int(r["s"].value) : int(r["e"].value)] == r["x"].value for r in rows)
        if (folder / "out" / "graph.html").exists():
            check_page(folder / "out" / "graph.html")
    finally:
        shutil.rmtree(folder, ignore_errors=True)


class _Tags(HTMLParser):
    """Counts the script elements an HTML parser finds (script content is raw text up to ``</script``)."""

    def __init__(self) -> None:
        super().__init__()
        self.scripts = 0

    def handle_starttag(self, tag, attrs) -> None:
        self.scripts += tag == "script"

_DATA = re.compile(r'<script type="application/json" id="([\w-]+)">(.*?)</script>', re.S)


def check_page(path: Path) -> None:
    """What the page shows never changes its markup: the data blocks hold escaped JSON and close only at their end."""
    page = path.read_text(encoding="utf-8")
    blocks = _DATA.findall(page)
    assert [name for name, _ in blocks] == ["cg-vis", "cg-data"]
    tags = _Tags()
    tags.feed(page)
    assert tags.scripts == 4  # the two data blocks and the two inlined scripts, as a browser's parser sees them
    for _, block in blocks:
        assert not re.search("[<>&\u2028\u2029]", block), "raw markup characters in a data block"
        json.loads(block)
