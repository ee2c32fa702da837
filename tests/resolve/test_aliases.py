"""User alias files: parsing, clear errors with line numbers, forced/forbidden merges, external IRIs."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from kg.cli import main
from kg.errors import InputError
from kg.rdf import terms
from kg.resolve import load_aliases, resolve
from kg.resolve.aliases import parse_aliases

from tests.resolve.resolve_kit import BASE, Doc, eid, load, merged, same_as


def test_csv_with_header_comments_types_and_forbids(tmp_path):
    path = tmp_path / "a.csv"
    path.write_text("label,canonical,type\n# a comment\n\nthe Agency,IAEA,Organization\nSeol,!Seol Tae-an,person\n",
                    encoding="utf-8")
    rules = load_aliases(path)
    assert [(r.label, r.target, r.type, r.forbid, r.line) for r in rules] == [
        ("the Agency", "IAEA", "Organization", False, 4), ("Seol", "Seol Tae-an", "Person", True, 5)]


def test_yaml_rules(tmp_path):
    path = tmp_path / "a.yaml"
    path.write_text("- {label: DRC, canonical: 'http://www.wikidata.org/entity/Q974', type: Place}\n"
                    "- label: Seol Ha Tae\n  not: Seol Tae-an\n", encoding="utf-8")
    rules = load_aliases(path)
    assert rules[0].is_iri and rules[0].type == "Place" and rules[0].line == 1
    assert rules[1].forbid and rules[1].target == "Seol Tae-an" and rules[1].line == 2


@pytest.mark.parametrize(
    "name, text, line, words",
    [
        ("a.csv", "label,canonical\nDRC,DR Congo\nCongo\n", 3, "got 1 field"),
        ("a.csv", "DRC,DR Congo,Place,extra\n", 1, "got 4 field"),
        ("a.csv", "DRC,DR Congo,Country\n", 1, "unknown type 'Country'"),
        ("a.csv", ",DR Congo\n", 1, "empty label"),
        ("a.csv", "DRC,http://exa mple.org/x\n", 1, "not a valid IRI"),
        ("a.csv", "A,B\nA,!B\n", 2, "contradicts line 1"),
        ("a.yaml", "- {label: DRC}\n", 1, "exactly one of 'canonical' and 'not'"),
        ("a.yaml", "- label: DRC\n  canonical: DR Congo\n  typ: Place\n", 1, "unknown field(s) typ"),
        ("a.yaml", "- {label: DRC, canonical: [DR Congo]}\n", 1, "must be a single value"),
        ("a.yaml", "- label: a\n- label: [b\n", 3, "bad YAML"),
        ("a.yaml", "label: a\n", 1, "expected a list"),
    ],
)
def test_bad_files_name_the_line(name, text, line, words):
    with pytest.raises(InputError) as err:
        parse_aliases(text, name)
    assert err.value.code == "E103"
    assert f"{name}:{line}:" in str(err.value) and words in str(err.value)


def test_missing_and_wrong_suffix(tmp_path):
    with pytest.raises(InputError, match="E100"):
        load_aliases(tmp_path / "none.csv")
    (tmp_path / "a.txt").write_text("a,b\n", encoding="utf-8")
    with pytest.raises(InputError, match="alias files are"):
        load_aliases(tmp_path / "a.txt")


def test_force_forbid_and_external(store):
    a, b = Doc("Daily", "a"), Doc("Herald", "b")
    a.entity("the Agency", "Organization", key="Agency")
    a.entity("Norvik", "Organization")
    a.entity("Estonia", "Place")
    b.entity("International Atomic Energy Agency", "Organization")
    b.entity("Norvik News Agency", "Organization")
    load(store, a, b)
    rules = parse_aliases("Agency,International Atomic Energy Agency\nNorvik,!Norvik News Agency\n"
                          "Estonia,http://www.wikidata.org/entity/Q191,Place\n", "x.csv")
    resolve(store, BASE, aliases=rules)
    assert merged(store, "Agency", "International Atomic Energy Agency")
    assert not merged(store, "Norvik", "Norvik News Agency")  # the name rule would have merged them
    assert (eid("Estonia"), "http://www.wikidata.org/entity/Q191") in same_as(store)


def test_a_user_rule_joins_two_dates_the_rules_keep_apart(store):
    """Two calendar days are never one time for the rules; a user who knows better says so in the alias file."""
    a, b = Doc("Daily", "a"), Doc("Herald", "b")
    a.entity("Nov. 30", "Thing", key="2026-11-30")
    b.entity("Dec. 1", "Thing", key="2026-12-01")
    load(store, a, b)
    resolve(store, BASE)
    assert not merged(store, "2026-11-30", "2026-12-01")
    resolve(store, BASE, aliases=parse_aliases("Nov. 30,Dec. 1\n", "x.csv"))
    assert merged(store, "2026-11-30", "2026-12-01")


def test_type_restricts_a_rule(store):
    a = Doc("Daily", "a")
    a.entity("Kent", "Place")
    a.entity("Marian Kent", "Person", key="MK")
    load(store, a)
    resolve(store, BASE, aliases=parse_aliases("Kent,http://www.wikidata.org/entity/Q23298,Person\n", "x.csv"))
    assert not any(a == eid("Kent") for a, _ in same_as(store))


def test_cli_build_with_aliases_and_a_bad_file(tmp_path, seeds_dir):
    good = tmp_path / "aliases.csv"
    good.write_text("Kim Jong-un,http://www.wikidata.org/entity/Q56226\n", encoding="utf-8")
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["build", str(seeds_dir), "--out", str(out), "--no-page", "-q",
                                       "--aliases", str(good)])
    assert result.exit_code == 0, result.output
    from kg.store import open_store

    g = terms.resolution_graph_iri(terms.DEFAULT_BASE_IRI)
    rows = open_store(out, read_only=True).select(
        f"SELECT ?e WHERE {{ GRAPH <{g}> {{ ?e owl:sameAs <http://www.wikidata.org/entity/Q56226> }} }}")
    assert rows
    bad = tmp_path / "bad.csv"
    bad.write_text("Kim Jong-un,Kim,Leader\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["build", str(seeds_dir), "--out", str(out), "--no-page", "-q",
                                       "--aliases", str(bad)])
    assert result.exit_code == 1
    assert "E103" in result.output and "bad.csv:1:" in result.output and "Traceback" not in result.output
