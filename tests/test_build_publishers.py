"""End-to-end: who published an article, as its text says (a byline's outlet), else a publisher of its own (never one
named after its file)."""

from __future__ import annotations

import pytest

from kg.build import build
from kg.store import open_store
from kg.validate import validate

STORY = ("Dam for Ostrel harbour\n\nBy Ann Cole, Ostrel Star\n\n"
         "The Ostrel council approved a new dam on May 2, 2024. Mayor Petra Lind said the dam would cost 4 million "
         "euros.\n")
REPORT = "The Ostrel council approved a new dam on Tuesday, officials said.\n"


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    root = tmp_path_factory.mktemp("publishers")
    (root / "in" / "north").mkdir(parents=True)
    (root / "in" / "south").mkdir()
    (root / "in" / "dam.txt").write_text(STORY, encoding="utf-8")
    (root / "in" / "north" / "report.txt").write_text(REPORT, encoding="utf-8")
    (root / "in" / "south" / "report.txt").write_text(REPORT.replace("officials", "council members"), encoding="utf-8")
    report = build([root / "in"], root / "out", exports=())
    assert report.ok and report.built == 3
    return open_store(root / "out", read_only=True)


def _publishers(store) -> dict[str, list[str]]:
    rows = store.select("SELECT ?src ?label WHERE { ?d dct:source ?src . "
                        "OPTIONAL { ?d dct:publisher ?p . ?p skos:prefLabel ?label } }")
    found: dict[str, list[str]] = {}
    for r in rows:
        found.setdefault(r["src"].value.rsplit("in/", 1)[-1], []).extend([r["label"].value] if "label" in r else [])
    return {src: sorted(set(labels)) for src, labels in found.items()}


def test_the_outlet_of_a_byline_is_the_publisher_and_a_file_name_never_is(built):
    found = _publishers(built)
    assert found["dam.txt"] == ["Ostrel Star"]
    for src in ("north/report.txt", "south/report.txt"):
        [label] = found[src]
        assert label.startswith("unknown publisher of ") and label.endswith(src)
    outlets = built.select("SELECT DISTINCT ?l WHERE { ?o a schema:NewsMediaOrganization ; skos:prefLabel ?l }")
    assert {r["l"].value for r in outlets if not r["l"].value.startswith("unknown publisher")} == {"Ostrel Star"}


def test_every_mention_is_attributed_and_design_s_support_query_counts_three_sources(built):
    assert not built.select("SELECT ?m WHERE { ?m a cg:ClaimMention FILTER NOT EXISTS { ?m prov:wasAttributedTo ?w } }")
    rows = built.select("SELECT ?claim (COUNT(DISTINCT ?pub) AS ?n) WHERE { ?m oa:hasBody ?claim ; "
                        "oa:hasTarget/oa:hasSource/dct:publisher ?pub } GROUP BY ?claim")
    assert max(int(r["n"].value) for r in rows) == 3


def test_the_byline_states_nothing_and_names_nothing(built):
    start, end = STORY.index("By Ann"), STORY.index("Star") + 4
    spans = built.select("SELECT ?s ?e WHERE { ?m oa:hasTarget ?t . ?t oa:hasSource ?d ; oa:hasSelector ?p . "
                         "?d dct:source ?src FILTER(STRENDS(?src, 'dam.txt')) ?p oa:start ?s ; oa:end ?e }")
    assert spans and not [r for r in spans if int(r["s"].value) < end and int(r["e"].value) > start]
    assert not built.select("SELECT ?e WHERE { ?e skos:prefLabel ?l FILTER(CONTAINS(?l, 'Ann Cole')) }")


def test_a_date_keeps_its_day_as_a_claim_time_and_as_an_entity(built):
    times = built.select("SELECT DISTINCT ?t WHERE { ?c cg:time ?t }")
    assert [(r["t"].value, r["t"].datatype.value.rsplit("#", 1)[-1]) for r in times] == [("2024-05-02", "date")]
    years = built.select("SELECT ?e WHERE { ?e a cg:Entity FILTER(STRENDS(STR(?e), '/2024')) }")
    assert not years


def test_two_unnamed_sources_are_two_sources_and_the_graph_conforms(built):
    rows = built.select("SELECT ?n WHERE { ?c cg:supportCount ?n ; schema:text ?t FILTER(CONTAINS(?t, 'approve')) }")
    # the Ostrel Star and the two unnamed reports: three sources (two files named alike are not one outlet)
    assert max(int(r["n"].value) for r in rows) == 3
    assert validate(built).conforms
