"""Named entities of one document: names grouped into entities, with types fixed from context.

spaCy's named entities are grouped into document-level entities keyed by their
canonical (longest, cleaned) name. Three passes over the document:

1. *Occurrences.* Every named entity span (adjacent name pieces the small model
   splits, such as "Lee Min" + "Jae", are joined), with the evidence its context
   gives about its type: an apposition or a title that is a person's role ("Anil
   Sethi, a senior scholar at ...", "Foreign Minister X", "Mr X") makes a person; an
   organisation word in the name ("Agency", "Institute", "Herald") an organisation
   or a news outlet; a place noun after it ("the Marbury region") a place; the
   subject of "told" a person; a one-word name that is *told* something, or that
   something is *according to*, and that is no person's surname, an outlet; the
   subject of "reports" an outlet.
2. *Linking.* A one-word name joins the multi-word name it shortens, anywhere in
   the document (a surname "Sethi" or "Reed" joins a person; "the North" joins
   "North Korea", whose first word it is; "Tellport" joins "Tellport News Agency");
   among several candidates the most mentioned wins. Acronyms join the name they
   abbreviate, whether introduced in brackets ("Tellish Central News Agency
   (TCNA)") or matching its initials.
3. *Typing.* Each entity takes the type most of its context evidence votes for,
   and spaCy's label only when the context says nothing.

Pronouns and descriptions are resolved afterwards by :mod:`kg.extract.coref`,
which reads and extends the :class:`EntityIndex` built here.

>>> clean_name("the Marbury Herald's")
'Marbury Herald'
>>> ENT_TYPES["GPE"]
'Place'
>>> initials("Tellish Central News Agency")
'TCNA'
>>> name_type_hint("Marbury Institute for Coastal Studies")
'Organization'
>>> name_type_hint("The Marbury Herald")
'NewsOrganization'
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter, defaultdict
from dataclasses import dataclass, field, replace

from spacy.tokens import Doc, Span, Token

from kg.extract.quantities import SCALES
from kg.extract.texts import doc_text, span_text
from kg.lexicon import NAME_KIND_HEADS, NEWS_WORDS, PERSON_ROLES
from kg.model import Argument, Claim, Document, Entity, EntityMention, EntityType, Extraction

__all__ = [
    "ENT_TYPES",
    "NEWS_WORDS",
    "ORG_WORDS",
    "PLACE_NOUNS",
    "KIND_NOUNS",
    "VESSEL_NOUNS",
    "VESSEL_PREFIXES",
    "EntityIndex",
    "address_part",
    "clean_name",
    "index_entities",
    "initials",
    "name_age",
    "name_type_hint",
    "nested_compound_nouns",
    "nested_names",
    "nested_proper_nouns",
    "partitive_appositions",
    "nested_scores",
    "amount_label",
    "nested_amounts",
    "phrase_key",
    "scope_common_nouns",
    "unscoped",
    "vessel_name",
]

#: spaCy NER label -> claimgraph entity type; labels not listed (DATE, CARDINAL, ...) are values, not entities.
ENT_TYPES: dict[str, EntityType] = {
    "PERSON": "Person",
    "ORG": "Organization",
    "GPE": "Place",
    "LOC": "Place",
    "FAC": "Place",
    "NORP": "Group",
    "EVENT": "Event",
    "WORK_OF_ART": "Work",
    "PRODUCT": "Product",
    "LAW": "Work",
}
#: Words that make a name an organisation ("Marbury Institute for Coastal Studies").
ORG_WORDS = frozenset(
    """agency institute institution university college school academy ministry department council committee
    commission party company corporation corp inc ltd llc plc group bank association foundation organization
    organisation union service office administration authority bureau court parliament assembly congress
    senate army navy forces police fund federation league club network alliance coalition board centre center
    society trust command directorate secretariat cabinet government regime""".split()
)
#: Nouns that say a name is an organisation when they head it ("the TCNA news agency").
KIND_NOUNS = frozenset({"company", "firm", "agency", "organisation", "organization", "group", "outlet", "broadcaster",
                        "newspaper", "station", "channel", "think-tank", "tank", "daily", "paper"})
#: Head nouns that make the name before them a place ("the Marbury region").
PLACE_NOUNS = frozenset(
    """region area province city town village district county oblast island islands river mountain mountains
    valley border peninsula capital coast sea lake strait bay gulf desert prefecture territory municipality
    state""".split()
)
#: Prefixes written before a ship's name ("INS Tellar", "USS Marbury", "MV Dallow"): the name is a vessel's.
#: Only prefixes that are no common abbreviation of anything else before a capitalised name.
VESSEL_PREFIXES = frozenset(
    """INS USS USNS USCGC HMS HMAS HMCS HMNZS RMS MV RV SS FV PNS BNS SLNS KRI ROKS TCG HNLMS HDMS BRP""".split()
)
#: Nouns that describe a ship: a name they head or stand in apposition to is a vessel's ("the destroyer X").
VESSEL_NOUNS = frozenset(
    """ship warship vessel destroyer frigate corvette cruiser submarine tanker supertanker freighter trawler
    ferry liner yacht dhow tugboat gunboat minesweeper battleship mothership steamer schooner""".split()
)
#: Players' positions written as capital abbreviations between a side and its player ("Hornets QB Tom Reyes"), matched as
#: written, and only before a capitalised word; abbreviations that also open firms' names or are words
#: ("GM", "FB", "DB", "OT", "TE") are left out.
ROLE_ABBREVIATIONS = frozenset(
    """QB RB WR LB CB DT HB RHP LHP""".split()
)
#: Last words that make a capitalised name an organisation whatever its first word is ("Tellport Police"):
#: heads of organisations' names that are not also common surnames (unlike "Court", "Bank").
ORG_HEADS = frozenset(
    """police department ministry council committee commission agency institute university college
    academy corporation inc ltd llc plc association foundation organization organisation administration
    authority bureau parliament assembly congress senate army navy forces federation league alliance coalition
    board society directorate secretariat cabinet government regime""".split()
)
_DASHES = frozenset({"-", "--", "—", "–", "---"})
_HONORIFICS = {"mr": "m", "mr.": "m", "mrs": "f", "mrs.": "f", "ms": "f", "ms.": "f", "miss": "f", "dr": None,
               "dr.": None, "prof": None, "prof.": None, "sir": "m", "lady": "f", "lord": "m", "madam": "f"}
_OUTLET_NOUNS = frozenset({"agency", "news", "broadcaster", "newspaper", "outlet", "daily", "tabloid", "network",
                           "channel", "station", "wire", "magazine", "weekly"})
_REPORT_SUBJECT_VERBS = frozenset({"report", "broadcast", "publish"})
_FUNCTION_WORDS = frozenset({"of", "for", "the", "and", "on", "in", "at", "de", "la", "du", "des", "&", "to"})
_LEADING = re.compile(r"^(the|a|an)\s+", re.I)
_TRAILING = re.compile(r"(['’]s|['’])$")
_DROP_DEPS = {"det", "poss", "nummod", "quantmod", "predet", "punct", "case"}
_STRONG = 3  # weight of context evidence against spaCy's label (weight 1)
_SCOPE = re.compile(r" #[0-9a-f]{8}$")
_ISO_VALUE = re.compile(r"^\d{4}(?:-\d{2}){0,2}$")


def clean_name(text: str) -> str:
    """Strip a leading article, a possessive ending and surrounding punctuation."""
    text = " ".join(text.split()).strip(" \t\"'“”‘’.,;:()[]")
    text = _LEADING.sub("", text)
    return _TRAILING.sub("", text).strip()


def initials(name: str) -> str:
    """Upper-case initials of the content words of a name (the acronym it would have)."""
    words = [w for w in re.split(r"[\s-]+", name) if w and w.lower() not in _FUNCTION_WORDS]
    return "".join(w[0].upper() for w in words if w[0].isalpha())


def name_type_hint(name: str) -> EntityType | None:
    """The type the words of a name imply on their own (a ship, outlet, organisation), if any."""
    if vessel_name(name):
        return "Product"
    words = [w.lower().strip(".,") for w in re.split(r"[\s-]+", name)]
    if any(w in NEWS_WORDS for w in words[1:]) or (len(words) > 1 and words[0] in {"news"}):
        return "NewsOrganization"
    if any(w in ORG_WORDS for w in words):
        return "Organization"
    return None


def vessel_name(name: str) -> bool:
    """Is ``name`` a ship's name, by its own words?

    A ship is named after a prefix ("INS Tellar", "USS Marbury") or after the words such a prefix stands
    for ("Tellish Naval Ship Tellar"). The small model types such names as it types the name word alone
    (a person, a town, an organisation), differently from article to article; the prefix says what they are.

    >>> vessel_name("INS Tellar"), vessel_name("Tellish Naval Ship Tellar"), vessel_name("INS")
    (True, True, False)
    >>> vessel_name("Marbury Ship Management Ltd"), vessel_name("USS"), vessel_name("Ship Street")
    (False, False, False)
    """
    words = name.split()
    if len(words) < 2:
        return False
    if words[0] in VESSEL_PREFIXES:
        return words[1][:1].isupper()
    for i, word in enumerate(words[1:-1], start=1):
        if word in {"Ship", "Vessel"}:
            rest = words[i + 1 :]
            return len(rest) <= 2 and all(w[:1].isupper() and w.lower() not in ORG_WORDS for w in rest)
    return False


def _vessel_noun(tok: Token) -> bool:
    """A noun that describes a ship ("destroyer", "missile-frigate", "warships")."""
    return tok.pos_ in {"NOUN", "PROPN", "ADJ"} and (tok.lemma_.lower().rsplit("-", 1)[-1] in VESSEL_NOUNS
                                              or tok.lower_.rsplit("-", 1)[-1] in VESSEL_NOUNS)


def _ship_name_words(name: str) -> list[str]:
    """The words of a ship's name after its prefix: "Tellar" of "INS Tellar" or "Tellish Naval Ship Tellar"."""
    words = _words(name)
    if name.split()[0] in VESSEL_PREFIXES:
        return words[1:]
    for i, word in enumerate(words[:-1]):
        if word in {"ship", "vessel"}:
            return words[i + 1 :]
    return []


def _with_vessel_prefix(ent: Span) -> Span:
    """A name span that starts at the ship prefix before it: the model marks "Tellar" and leaves "INS" out.

    >>> import spacy
    >>> doc = spacy.blank("en")("when INS Tellar sailed")
    >>> _with_vessel_prefix(Span(doc, 2, 3, label="PERSON")).text, _with_vessel_prefix(Span(doc, 2, 3, label="PERSON")).label_
    ('INS Tellar', 'PRODUCT')
    """
    doc = ent.doc
    if len(ent) == 1 and ent[0].text in VESSEL_PREFIXES:  # "INS" marked alone before "Tellar"
        end = ent.end
        while end < len(doc) and doc[end].pos_ == "PROPN" and doc[end].text[:1].isupper() and not doc[end].ent_type_:
            end += 1
        return Span(doc, ent.start, end, label="PRODUCT") if end > ent.end else ent
    if ent.start > 0 and doc[ent.start - 1].text in VESSEL_PREFIXES and ent[0].text[:1].isupper():
        return Span(doc, ent.start - 1, ent.end, label="PRODUCT")
    if len(ent) > 1 and ent[0].text in VESSEL_PREFIXES and ent[1].text[:1].isupper():
        return Span(doc, ent.start, ent.end, label="PRODUCT")
    return ent


_AGE_BEFORE = re.compile(r"\b(\d{1,3})[\s-]*years?[\s-]*old\s*$", re.I)


def name_age(ent: Span) -> int | None:
    """The age a text gives with a name: "59-year-old Anil Sethi", "Robert Hallam, 32," (else None).

    An age is said of a person, so it is also evidence that the name is one.

    >>> import spacy
    >>> doc = spacy.blank("en")("Robert Hallam, 32, died. 36-year-old Duncan Pryce fell. In Paris, 2009 was cold.")
    >>> name_age(doc[0:2]), name_age(doc[12:14]), name_age(doc[17:18])
    (32, 36, None)
    """
    doc = ent.doc
    root = ent.root
    if root.dep_ in {"amod", "compound", "nmod"} and root.head.i >= ent.end:
        return None  # "a 36-year-old Australian climber": the age is the climber's
    before = _AGE_BEFORE.search(span_text(doc[max(0, ent.start - 6) : ent.start]))
    if before is not None:
        return int(before.group(1))
    after = doc[ent.end : ent.end + 3]
    if len(after) >= 2 and after[0].text == "," and after[1].like_num and after[1].text.isdigit() and \
            (len(after) == 2 or after[2].is_punct or after[2].lower_ in {"of", "from", "who"}):
        age = int(after[1].text)
        return age if 0 < age < 120 else None
    return None


def phrase_key(span: Span) -> str:
    """Normalised key of a common noun phrase: no determiners or numbers, head lemmatised.

    "the six coffins" and "a coffin" share the key "coffin". The head is always kept,
    whatever its own relation outside the phrase: "the Obama team" as the possessor in
    "the Obama team's choice" is keyed "Obama team", not "Obama" (which would make it the
    person). A possessor goes whole, with its own modifiers: "the Obama team's first choice"
    is a "choice", not an "Obama choice".
    """
    root = span.root
    owned = {t.i for tok in span if tok.i != root.i and tok.dep_ == "poss" for t in tok.subtree}
    words = []
    for tok in span:
        if _version_number(tok, span):
            words.append(tok.text)
            continue
        if tok.i != root.i and (tok.dep_ in _DROP_DEPS or tok.like_num or tok.is_punct or tok.i in owned):
            continue
        if tok.head.dep_ in {"nummod", "quantmod"} and tok.i < root.i and tok.head.i != root.i:
            continue
        words.append(tok.lemma_.lower() if tok.i == root.i else tok.text.lower() if not tok.ent_type_ else tok.text)
    return " ".join(words) or root.lemma_.lower()


def _version_number(tok: Token, span: Span) -> bool:
    """A number right after a capitalised name inside ``span``: part of the name ("Explorer 8", "Windows 7").

    A count goes before its noun ("six coffins"); a number written after a name tells which one of a
    series it is, so "Tellsoft Browser 8" and "Tellsoft Browser 9" are two things.
    """
    prev = tok.i - 1
    return tok.like_num and tok.text[:1].isdigit() and prev >= span.start and tok.doc[prev].pos_ == "PROPN" \
        and tok.doc[prev].text[:1].isupper() and tok.dep_ not in {"npadvmod"}


def org_head(name: str) -> bool:
    """Does the name end in a word that heads organisations' names ("Marlow Police", "Tellport Fire Department")?

    >>> org_head("Marlow Police"), org_head("Tellport Fire Department"), org_head("Margaret Court")
    (True, True, False)
    """
    words = [w for w in re.split(r"[\s-]+", name.lower()) if w.isalpha()]
    return len(words) > 1 and words[-1] in ORG_HEADS


@dataclass
class EntityIndex:
    """The entities of one document and which tokens belong to which of them.

    ``by_token`` maps ``(chunk, token index)`` to an entity key; ``roles`` the role
    nouns a person was given ("leader", "minister") and ``gender`` what pronouns or
    honorifics told about them, both used by coreference; ``referents`` maps bare
    numbers ("Of these, 600 have died") to the entity they count.
    """

    entities: dict[str, Entity] = field(default_factory=dict)
    mentions: list[EntityMention] = field(default_factory=list)
    by_token: dict[tuple[int, int], str] = field(default_factory=dict)
    roles: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    gender: dict[str, str] = field(default_factory=dict)
    referents: dict[tuple[int, int], str] = field(default_factory=dict)
    demonyms: dict[str, str] = field(default_factory=dict)  # Group key -> Place key ("North Korean" -> "North Korea")
    common_nouns: set[tuple[int, int]] = field(default_factory=set)  # capitalised only to open a sentence

    def entity_of(self, chunk: int, span: Span) -> str | None:
        """The entity the phrase ``span`` refers to.

        That of its root; else a name in apposition to the root ("the agency,
        TCNA"); else a name compounded with a root noun that says what kind of
        thing the name is ("the TCNA news agency", "the Marbury region"), but not
        one that merely modifies ("NATO soldiers").
        """
        root = span.root
        key = self.by_token.get((chunk, root.i))
        if key is not None:
            return key
        for tok in span:
            key = self.by_token.get((chunk, tok.i)) if tok.i != root.i else None
            if key is None:
                continue
            if tok.dep_ == "appos" and tok.head.i == root.i and self.type_of(key) != "Group" and \
                    not address_part(tok):
                return key
            if tok.dep_ == "compound" and _kind_noun(root, self.type_of(key)) and _chain_to(tok, root) and \
                    not _name_as_modifier(root):
                return key
        return None

    def type_of(self, key: str | None) -> EntityType | None:
        """The type of entity ``key`` (``None`` when it is not known)."""
        entity = self.entities.get(key) if key else None
        return entity.type if entity else None

    def add(self, key: str, label: str, etype: EntityType, alias: str | None = None) -> None:
        """Add an entity, or a surface form to an existing one (its type set once, or refined from Thing)."""
        old = self.entities.get(key)
        aliases = set(old.aliases) if old else set()
        if alias and alias != label:
            aliases.add(alias)
        if old is not None:
            etype = old.type if old.type != "Thing" else etype
            label = old.label
            aliases.discard(label)
        self.entities[key] = Entity(key=key, label=label, type=etype, aliases=tuple(sorted(aliases)))

    def mention(self, key: str, chunk: int, span: Span, offset: int, kind: str, *,
                anchor: Token | None = None) -> None:
        """Record that ``span`` of chunk ``chunk`` refers to ``key``.

        Every token of the span is marked as belonging to ``key``, or only ``anchor``
        when given (a phrase with nested phrases, "the coach of the team", keeps its
        inner phrases free for mentions of their own).
        """
        for i in (range(span.start, span.end) if anchor is None else (anchor.i,)):
            self.by_token.setdefault((chunk, i), key)
        self.mentions.append(
            EntityMention(key, offset + span.start_char, offset + span.end_char, span_text(span), kind)  # type: ignore[arg-type]
        )


def address_part(tok: Token) -> bool:
    """Is ``tok``, read as an apposition, the larger place of the place name before its comma?

    "police in Palermo, Sicily, said": the parser may hang "Sicily" on "police" as its apposition, but a
    place name right after "<place name>," says where that place is ("Palermo, Sicily"), the way addresses
    are written: the noun the parser hung it on is not that place, and says nothing of its type.

    >>> from spacy.tokens import Doc
    >>> from spacy.vocab import Vocab
    >>> words = ["police", "in", "Tarvino", ",", "Calabria", ",", "said"]
    >>> doc = Doc(Vocab(), words=words, heads=[6, 0, 1, 0, 0, 6, 6],
    ...           deps=["nsubj", "prep", "pobj", "punct", "appos", "punct", "ROOT"],
    ...           ents=["O", "O", "B-GPE", "O", "B-GPE", "O", "O"])
    >>> address_part(doc[4]), address_part(doc[2])
    (True, False)
    >>> doc = Doc(Vocab(), words=words, heads=[6, 0, 1, 0, 0, 6, 6],
    ...           deps=["nsubj", "prep", "pobj", "punct", "appos", "punct", "ROOT"],
    ...           ents=["O", "O", "B-GPE", "O", "B-NORP", "O", "O"])
    >>> address_part(doc[4])  # a nationality after the comma is no part of an address
    False
    """
    if tok.dep_ != "appos" or tok.ent_type_ not in _ADDRESS_LABELS or tok.i < 2:
        return False
    comma, place = tok.doc[tok.i - 1], tok.doc[tok.i - 2]
    return comma.text == "," and place.ent_type_ in _ADDRESS_LABELS and place.i != tok.head.i and \
        tok.head.i < place.i


#: spaCy's labels of place names an address is written with ("Palermo, Sicily"); not nationalities.
_ADDRESS_LABELS = frozenset({"GPE", "LOC"})


def _kind_noun(root: Token, etype: EntityType | None) -> bool:
    """Does the noun ``root`` name the kind of thing an entity of type ``etype`` is?"""
    lemma = root.lemma_.lower()
    if etype in {"Organization", "NewsOrganization"}:
        return lemma in ORG_WORDS or lemma in NEWS_WORDS or lemma in KIND_NOUNS
    if etype == "Place":
        return lemma in PLACE_NOUNS
    return False


#: Determiners that make a phrase one (or some) of a kind: with them a name before the noun cannot be the thing's
#: own name ("a Tellport bank" is a bank in or of Tellport; "the Tellport bank" may be the bank called Tellport).
_INDEFINITE_DETERMINERS = frozenset({"a", "an", "another", "any", "each", "every", "some", "several", "many", "few"})


def _name_as_modifier(root: Token) -> bool:
    """Is a name compounded with the kind noun ``root`` only a modifier of it, not the thing's own name?

    A name is the name of the thing its kind noun says ("the TCNA news agency", "the Marbury region") only when
    the phrase points at the one thing the name names: an indefinite phrase ("a Woodburn bank", "another Ostland
    agency") is one of many things of the kind in or of the named one. (A plural noun after a singular name,
    "Marbury districts", was measured too and not kept: see benchmarks/RESULTS.md, branch nmod21.)

    >>> from spacy.tokens import Doc
    >>> from spacy.vocab import Vocab
    >>> doc = Doc(Vocab(), words=["a", "Tellport", "bank"], heads=[2, 2, 2], deps=["det", "compound", "ROOT"])
    >>> _name_as_modifier(doc[2])
    True
    >>> doc = Doc(Vocab(), words=["the", "Tellport", "bank"], heads=[2, 2, 2], deps=["det", "compound", "ROOT"])
    >>> _name_as_modifier(doc[2])
    False
    """
    return any(ch.dep_ == "det" and ch.text.lower() in _INDEFINITE_DETERMINERS for ch in root.children)


def _chain_to(tok: Token, root: Token) -> bool:
    """``tok`` reaches ``root`` through compounds only ("the KCNA news agency"); a possessor on the way makes
    the name the owner, not the thing ("Ostland's highest mountain" is no mention of Ostland)."""
    for _ in range(6):
        if tok.dep_ != "compound" or tok.head.i == tok.i:
            return False
        if tok.head.i == root.i:
            return True
        tok = tok.head
    return False


@dataclass
class _Occurrence:
    chunk: int
    span: Span
    name: str
    label: EntityType  # spaCy's, mapped
    evidence: list[EntityType]
    roles: list[str]
    gender: str | None
    weak: bool = False  # a bare capitalised word ("the North"): kept only if it links to a name


_OPEN_QUOTES = frozenset({"'", '"', "“", "‘", "``", "`"})
_CLOSE_QUOTES = frozenset({"'", '"', "”", "’", "''"})


def _name_word(tok: Token) -> bool:
    """A capitalised word that can be part of a person's name: no role word ("Governor"), no honorific ("Mr")."""
    return tok.is_alpha and tok.is_title and _role_word(tok) is None and tok.lower_ not in _HONORIFICS


def join_nicknames(doc: Doc, lower: frozenset[str] = frozenset()) -> None:
    """Make a person's name with a nickname in quotes one PERSON entity of ``doc`` (in place).

    English writes a nickname in quotes between a given name and a surname ("Vincent 'The Chin'
    Gigante", 'Salvatore "Sammy the Bull" Gravano'); the recogniser often breaks such a name at
    its quotes ("Vincent '" + "Chin' Gigante") or reads it as a title (WORK_OF_ART). Where one or
    two capitalised given names, an opening quote, one to four words of a nickname (capitalised,
    or "the"), a closing quote and a capitalised surname follow each other, and the recogniser
    tagged some of these words as a name, the tagged spans touching them give way to one PERSON
    span from the given name to the surname. A quoted title after a name ("Dana Reed's 'Blue
    Harbor'") has no surname after its closing quote and is left alone, and so is one followed by a
    plural or by a word ``lower`` holds (the words the document writes in lower case: "Dana Reed
    'Blue Harbor' Tickets", "... 'Blue Harbor' Tour" where the text has "tour").
    """
    ents = list(doc.ents)
    if not ents:
        return
    tagged = {t for e in ents for t in range(e.start, e.end)}
    spans: list[tuple[int, int]] = []
    i = 0
    n = len(doc)
    while i < n:
        if not (_name_word(doc[i]) and i + 1 < n):
            i += 1
            continue
        start = i
        q = i + 1
        if q < n and _name_word(doc[q]) and not doc[q].is_sent_start:
            q += 1  # two given names ("Mary Ann 'Red' Lowry")
        if q >= n or doc[q].text not in _OPEN_QUOTES:
            i += 1
            continue
        k = q + 1
        while k < n and k - q <= 4 and doc[k].text not in _CLOSE_QUOTES and \
                (doc[k].is_alpha and (doc[k].is_title or doc[k].lower_ == "the")):
            k += 1
        if k >= n or k == q + 1 or doc[k].text not in _CLOSE_QUOTES or \
                not any(doc[t].is_title for t in range(q + 1, k)):
            i += 1
            continue
        end = k + 1
        if end >= n or doc[end].tag_ in {"NNS", "NNPS"} or doc[end].lower_ in lower or \
                (start > 0 and _name_word(doc[start - 1]) and not doc[start].is_sent_start):
            i += 1  # "Dana Reed 'Blue Harbor' Tickets": a plural or a word written in lower case is no surname
            continue
        while end < n and _name_word(doc[end]) and end - k <= 2 and (end == k + 1 or end in tagged):
            end += 1  # a second surname word only where the recogniser read it as a name ("... Gigante Dies")
        if end == k + 1 or not any(t in tagged for t in range(start, end)):
            i += 1
            continue
        spans.append((start, end))
        i = end
    if not spans:
        return
    kept = [e for e in ents if not any(e.start < b and a < e.end for a, b in spans)]
    kept += [Span(doc, a, b, label="PERSON") for a, b in spans]
    doc.set_ents(sorted(kept, key=lambda e: e.start), default="unmodified")


def index_entities(chunks: list[tuple[Doc, int]]) -> EntityIndex:
    """Group the named entities of a document's chunks ``(Doc, char offset)`` into typed entities."""
    lower = frozenset(t.lower_ for doc, _ in chunks for t in doc if t.is_lower)
    for doc, _ in chunks:
        join_nicknames(doc, lower)
    common = sentence_initial_common_nouns(chunks)
    sides = frozenset(e[-1].text for doc, _ in chunks for e in doc.ents if e.label_ == "ORG" and len(e) > 1
                      and _side_word(e[-1]))
    persons = frozenset(t.text for doc, _ in chunks for e in doc.ents if e.label_ == "PERSON"
                        and not any(t.lower_ in _COORDINATORS for t in e) for t in e)
    alone = {e.text: e.label_ for doc, _ in chunks for e in doc.ents
             if e.label_ in ENT_TYPES and not any(t.lower_ in _COORDINATORS for t in e)}
    occurrences = [occ for c, (doc, _) in enumerate(chunks)
                   for occ in _occurrences(c, doc, lower, sides, persons, alone)
                   if not (len(occ.span) == 1 and (c, occ.span.start) in common)]
    name_types = _name_types(occurrences)
    links = _link_names(occurrences, name_types)
    index = EntityIndex()
    votes: dict[str, Counter] = defaultdict(Counter)
    for occ in occurrences:
        key = links.get(occ.name, occ.name)
        if occ.weak and key == occ.name:
            continue
        for etype in occ.evidence:
            votes[key][etype] += _STRONG
        votes[key][occ.label] += 1
        index.roles[key].update(occ.roles)
        if occ.gender:
            index.gender.setdefault(key, occ.gender)
    for key, counter in votes.items():
        hint = name_type_hint(key)
        if hint is not None and not any(counter[t] >= _STRONG for t in ("Person",)):
            counter[hint] += _STRONG
    for occ in occurrences:
        key = links.get(occ.name, occ.name)
        if occ.weak and key == occ.name:
            continue
        etype = _typed(key, votes[key])
        index.add(key, key, etype, alias=occ.name)
        offset = chunks[occ.chunk][1]
        index.mention(key, occ.chunk, occ.span, offset, "name")
    for key, entity in list(index.entities.items()):
        index.entities[key] = Entity(key, entity.label, _typed(key, votes[key]), entity.aliases)
    index.demonyms = _demonyms(index)
    index.common_nouns = common
    return index


def sentence_initial_common_nouns(chunks: list[tuple[Doc, int]]) -> set[tuple[int, int]]:
    """Words capitalised only because they open a sentence or a headline: ``(chunk, token index)``.

    "Driver charged in fatal crash" ... "the driver fled": the document writes the word in
    lower case inside sentences and never with a capital there, so the capital of the first
    word says nothing and the tagger's name is a common noun. A word the document never
    uses inside a sentence keeps its reading (it may well be a name).
    """
    lower: set[str] = set()
    capital: set[str] = set()
    for doc, _ in chunks:
        for tok in doc:
            if tok.is_alpha and not tok.is_sent_start:
                (capital if tok.text[:1].isupper() else lower).add(tok.lower_)
    return {(c, tok.i) for c, (doc, _) in enumerate(chunks) for tok in doc
            if tok.is_sent_start and tok.is_alpha and tok.text[:1].isupper() and tok.lower_ in lower
            and tok.lower_ not in capital}


def nested_names(chunks: list[tuple[Doc, int]], index: EntityIndex) -> None:
    """Give a name inside a wider mention a mention of its own, for its own entity (in place).

    A description can swallow a name the tagger did not mark there ("Gulls Fire Theodore
    Banks After Losing Start" read as one noun phrase), and a phrase misread as one
    name ("Nora Quill Returns", "Comedian Nora Quill") hides the person. Wherever the
    words of a name the document uses (the text of one of its name mentions, or the
    surname of one person's full name; case and tokens exact) stand inside a wider
    mention of another entity, they get an :class:`kg.model.EntityMention` of kind
    ``name`` for that name's entity, so the shortest mention holding the name is the
    name. Inside another *name* only multi-word names count ("Washington" in
    "Washington Post" is part of that name). A one-word name that opens a sentence
    and is no proper noun there counts only if the document never writes the word in
    lower case ("Bush fires ... the bush"). A mention that is not a name but spans
    exactly a name ("Banks" read as the noun "bank") gives way to it. Token
    attribution (``by_token``) is left as it is: the wider phrase still heads the
    claims it is an argument of.
    """
    ends = [offset + len(doc_text(doc)) for doc, offset in chunks]
    per_chunk: list[list[EntityMention]] = [[] for _ in chunks]
    for m in index.mentions:
        c = bisect_right(ends, m.start)
        if c < len(chunks) and chunks[c][1] <= m.start:
            per_chunk[c].append(m)
    named: dict[tuple[str, ...], Counter] = defaultdict(Counter)
    for (doc, offset), mentions in zip(chunks, per_chunk):
        for m in mentions:
            span = doc.char_span(m.start - offset, m.end - offset) if m.kind == "name" else None
            if span is not None and span[0].text[:1].isalnum() and index.type_of(m.entity) not in {None, "Thing"}:
                named[tuple(t.text for t in span)][m.entity] += 1
    surnames: dict[str, set[str]] = defaultdict(set)
    for words, entities in named.items():
        for key in entities:
            if index.type_of(key) == "Person" and len(words) > 1 and words[-1][:1].isupper():
                surnames[words[-1]].add(key)
    for word, keys in surnames.items():
        if len(keys) == 1 and (word,) not in named:
            named[(word,)][next(iter(keys))] += 1
    short_forms = _short_forms(named, index)
    for word, key in short_forms.items():
        named[(word,)][key] += 1
    by_first: dict[str, list[tuple[tuple[str, ...], str]]] = defaultdict(list)
    for words, entities in named.items():
        by_first[words[0]].append((words, entities.most_common(1)[0][0]))
    for found in by_first.values():
        found.sort(key=lambda f: -len(f[0]))
    texts = [[t.text for t in doc] for doc, _ in chunks]  # each chunk's token texts, read once
    lower = {text for chunk in texts for text in chunk if text.islower()}
    added: list[EntityMention] = []
    for (doc, offset), mentions, text in zip(chunks, per_chunk, texts):
        for i in range(len(doc)):
            match = next(((words, key) for words, key in by_first.get(text[i], ())
                          if tuple(text[i : i + len(words)]) == words), None)
            if match is None:
                continue
            words, key = match
            span = doc[i : i + len(words)]
            start, end = offset + span.start_char, offset + span.end_char
            same = [m for m in mentions if (m.start, m.end) == (start, end)]
            wider = [m for m in mentions if m.start <= start and end <= m.end and (m.start, m.end) != (start, end)]
            if any(m.kind == "name" or m.entity == key for m in same) or any(m.entity == key for m in wider):
                continue
            free = not (wider or same) and len(words) == 1 and short_forms.get(words[0]) == key
            if not (wider or same or free) or len(words) == 1 and (any(m.kind == "name" for m in wider) or (
                    span[0].pos_ != "PROPN" and span[0].is_sent_start and span[0].text.lower() in lower)):
                continue
            added.append(EntityMention(key, start, end, span.text, "name"))
            mentions.append(added[-1])
    names_at = {(m.start, m.end) for m in [*index.mentions, *added] if m.kind == "name"}
    index.mentions = [m for m in index.mentions if m.kind == "name" or (m.start, m.end) not in names_at] + added


def nested_proper_nouns(chunks: list[tuple[Doc, int]], index: EntityIndex) -> None:
    """Give a run of proper nouns the tagger names nothing of a mention of its own (in place).

    spaCy's recogniser misses many names of products, programs and brands ("Tellwave
    Navigator"), and a name is often written inside a longer noun phrase: as a compound
    before the head noun ("its Tellwave Navigator app", "the Corvane bank") or as the object
    of a preposition in it ("an update for Tellwave Navigator"). The phrase is one argument,
    and one mention of the thing its head names; the name is a mention of its own thing.
    A *run* is a maximal sequence of capitalised proper nouns, each (but the last) a
    modifier of a later word of the run, whose last word is either a compound modifier of
    a common noun or the head of a noun phrase ("Tellwave Navigator" in "for Tellwave
    Navigator"). A run no entity holds gets an :class:`kg.model.EntityMention` of kind
    ``name`` for a ``Thing`` keyed like the same words standing as an argument alone
    (:func:`phrase_key`), so every mention of the name in the document is one entity. Not
    runs: a role or title word ("Coach", "President"), a word capitalised only to open a
    sentence, words the recogniser gives a value type (dates, numbers), words of a name
    entity or of a mention spanning exactly the run. A run takes in a capitalised word
    before it that the tagger read otherwise but that modifies the run ("ONE" read as a
    number, "Internet" as a common noun in "Internet Explorer"), and a modifying run leaves
    to the head noun its last words that the text writes in lower case elsewhere ("Web" in
    "its Tellwave Navigator Web browser" when the text has "web"). Claims and token
    attribution are left as they are.
    """
    by_span = {(m.start, m.end) for m in index.mentions}
    lower = {t.lower_ for doc, _ in chunks for t in doc if t.is_lower}
    added: list[EntityMention] = []
    for c, (doc, offset) in enumerate(chunks):
        i = 0
        while i < len(doc):
            if not _proper_word(doc[i], c, index):
                i += 1
                continue
            j = i
            while j + 1 < len(doc) and _proper_word(doc[j + 1], c, index) and \
                    all(doc[k].dep_ in {"compound", "flat"} and k < doc[k].head.i <= j + 1 for k in range(i, j + 1)):
                j += 1
            run = doc[i : j + 1]
            i = j + 1
            last = run[-1]
            head = last.head
            modifier = last.dep_ in _NOUN_MODIFIER_DEPS and head.i > last.i and head.pos_ == "NOUN"
            heads_phrase = last.dep_ not in {"compound", "flat", "nmod", "amod"} and \
                all(t.head.i in range(run.start, run.end) for t in run[:-1])
            if not (modifier or heads_phrase) or any(_role_word(t) for t in run):
                continue
            before = doc[run.start - 1] if run.start > 0 else None
            if before is not None and before.pos_ == "NUM" and before.is_alpha and before.is_upper and \
                    (run.start <= before.head.i < run.end or before.head.i == head.i):
                run = doc[run.start - 1 : run.end]  # "ONE Bulletin": a capitalised name word read as a number
            while run.start > 0 and not doc[run.start - 1].is_sent_start and doc[run.start - 1].pos_ == "NOUN" and \
                    doc[run.start - 1].is_title and doc[run.start - 1].dep_ == "compound" and \
                    run.start <= doc[run.start - 1].head.i < run.end:
                run = doc[run.start - 1 : run.end]  # "Internet Explorer" with "Internet" read as a common noun
            if modifier:  # "its Tellwave Navigator Web browser": "Web", written "web" elsewhere, is the noun's
                end = run.end
                while end - 1 > run.start and doc[end - 1].lower_ in lower:
                    end -= 1
                run, i = doc[run.start : end], end
            if any(index.type_of(index.by_token.get((c, t.i))) not in {None, "Thing"} for t in run):
                continue
            start, end = offset + run.start_char, offset + run.end_char
            if (start, end) in by_span:
                continue
            key = phrase_key(run)
            label = clean_name(run.text)
            if not key or not label:
                continue
            index.add(key, key, "Thing", alias=label)
            added.append(EntityMention(key, start, end, run.text, "name"))
            by_span.add((start, end))
    index.mentions.extend(added)


def nested_compound_nouns(chunks: list[tuple[Doc, int]], index: EntityIndex) -> None:
    """Give a common noun that modifies another noun a mention of its own thing (in place).

    In "a knee injury", "the gang shooting", "three telephone cables" the modifying noun
    names a thing of its own (the knee, the gang, the telephone network), which other
    phrases of the text name as the head ("his left knee", "the gang"). The noun (with the
    nouns compounded before it: "bomb disposal" in "a bomb disposal technician") gets an
    :class:`kg.model.EntityMention` of kind ``nominal`` for a ``Thing`` keyed like the same
    words standing alone (:func:`phrase_key`), so it joins the document's other mentions of
    that thing; so does a noun coordinated with such a modifier ("telephone" in "Internet
    and telephone lines"). Not these: a role or title noun ("head coach"), a word the recogniser gives
    any type (a time, a number), a noun inside a name, and a noun with a compound of its own
    after it (then it is part of a longer modifier). Claims and token attribution are left
    as they are.
    """
    by_span = {(m.start, m.end) for m in index.mentions}
    added: list[EntityMention] = []
    for c, (doc, offset) in enumerate(chunks):
        for tok in doc:
            head = tok.head
            if tok.dep_ == "conj" and tok.head.dep_ in _NOUN_MODIFIER_DEPS:  # "Internet and telephone lines"
                head = tok.head.head
            if tok.pos_ != "NOUN" or tok.dep_ not in _NOUN_MODIFIER_DEPS | {"conj"} or head.i <= tok.i or \
                    not _read_as_noun(head, tok.dep_ == "compound") or not tok.is_alpha or tok.ent_type_ or \
                    _role_word(tok) or any(t.dep_ == "compound" and t.head.i == tok.i for t in doc[tok.i + 1 : head.i]):
                continue
            start = tok.i
            while start > 0 and doc[start - 1].dep_ == "compound" and doc[start - 1].head.i == tok.i and \
                    doc[start - 1].pos_ == "NOUN" and doc[start - 1].is_alpha:
                start -= 1
            span = doc[start : tok.i + 1]
            if any(index.type_of(index.by_token.get((c, t.i))) not in {None, "Thing"} for t in span):
                continue
            begin, end = offset + span.start_char, offset + span.end_char
            key = phrase_key(span)
            if (begin, end) in by_span or not key:
                continue
            index.add(key, key, "Thing", alias=clean_name(span.text) or None)
            added.append(EntityMention(key, begin, end, span.text, "nominal"))
            by_span.add((begin, end))
    index.mentions.extend(added)


def _read_as_noun(tok: Token, compounded: bool = False) -> bool:
    """A noun, or a participle the tagger read as a verb where the parse treats it as a noun.

    "the police shooting of a boy", "a telecommunications cable cut on Tuesday": "shooting" and
    "cut" are tagged verbs, yet they fill a noun's place (an object, a subject) or hold a noun as
    their ``compound`` (``compounded``: a relation only nouns have, whatever the participle's own
    role, even the sentence's root), so the noun before them modifies a noun.

    >>> import spacy
    >>> doc = spacy.blank("en")("the police shooting")
    >>> doc[2].pos_, doc[2].tag_, doc[2].dep_ = "VERB", "VBG", "pobj"
    >>> _read_as_noun(doc[2]), _read_as_noun(doc[0])
    (True, False)
    >>> doc[2].dep_ = "ROOT"
    >>> _read_as_noun(doc[2]), _read_as_noun(doc[2], compounded=True)
    (False, True)
    """
    if tok.pos_ == "NOUN":
        return True
    return tok.pos_ == "VERB" and tok.tag_ in _NOUN_LIKE_PARTICIPLES and (compounded or tok.dep_ in _NOUN_PLACES)


def partitive_appositions(chunks: list[tuple[Doc, int]], index: EntityIndex) -> None:
    """Give "one" set beside a phrase as "one of" a plural a mention of that phrase's entity (in place).

    In "Marco Vitale, one of 40 gang members held on Tuesday, ..." the number is a second
    description of the man: it is him, picked out of the group its "of" phrase names. The
    word "one" gets an :class:`kg.model.EntityMention` of kind ``nominal`` of the entity of
    the (singular) phrase it is in apposition to; the group stays its own mention. Not a
    plural phrase ("the victims, one of them a child": one of the victims, not they).
    """
    for c, (doc, offset) in enumerate(chunks):
        for tok in doc:
            head = tok.head
            if tok.lower_ != "one" or tok.dep_ != "appos" or head.i >= tok.i or head.tag_ in {"NNS", "NNPS"}:
                continue
            of = next((ch for ch in tok.rights if ch.dep_ == "prep" and ch.lower_ == "of"), None)
            group = next((ch for ch in of.children if ch.dep_ == "pobj"), None) if of is not None else None
            if group is None or group.tag_ not in {"NNS", "NNPS"}:
                continue
            key = index.by_token.get((c, head.i))
            if key is None or (c, tok.i) in index.by_token:
                continue
            index.mention(key, c, doc[tok.i : tok.i + 1], offset, "nominal")


def nested_scores(chunks: list[tuple[Doc, int]], index: EntityIndex) -> None:
    """Give a score a mention of its own thing (in place).

    "a 31-28 victory", "the Gulls' 31-28 win", "lost 31-28 to the Gulls", "the Gulls (9-2)":
    the score names the game's result (or a team's record), which the articles of one story
    write alike, alone or before a noun. It gets
    an :class:`kg.model.EntityMention` of kind ``nominal`` for a ``Thing`` keyed by the
    score as written without spaces, so the phrase stays a mention of the win and the
    score one of the result. Claims and token attribution are left as they are.
    """
    by_span = {(m.start, m.end) for m in index.mentions}
    added: list[EntityMention] = []
    for c, (doc, offset) in enumerate(chunks):
        for found in _SCORE.finditer(doc_text(doc)):
            span = doc.char_span(found.start(), found.end())
            if span is None or any(t.ent_type_ in {"DATE", "TIME", "MONEY", "PERCENT"} for t in span):
                continue
            begin, end = offset + span.start_char, offset + span.end_char
            if (begin, end) in by_span:
                continue
            key = span.text.replace(" ", "")
            index.add(key, key, "Thing")
            added.append(EntityMention(key, begin, end, span.text, "nominal"))
            by_span.add((begin, end))
    index.mentions.extend(added)


def nested_amounts(chunks: list[tuple[Doc, int]], index: EntityIndex) -> None:
    """Give an amount of money and a measure written with a decimal point mentions of their own (in place).

    "a deal worth $184 million", "an offer of $184M", "watches worth £1.7m", "a 5.6 magnitude
    quake", "measuring 5.6 on the Richter scale": the amount names a thing the articles of one
    story state alike (the price, the sum stolen, the size of the quake), while the phrase
    around it, if any, is another thing (the deal, the quake). The amount alone, without words
    such as "over" or "an estimated", gets an :class:`kg.model.EntityMention` of kind
    ``nominal`` for a ``Thing`` labelled by its value in one spelling (``$184 million`` for
    "$184M", "$184 million" and "$184,000,000"), so the spellings of one story can meet. A
    decimal number inside a name ("Windows 8.1") is left to the name. Claims and token
    attribution are left as they are.

    >>> amount_label("$184M"), amount_label("£1.7m"), amount_label("$35,000"), amount_label("5.60")
    ('$184 million', '£1.7 million', '$35000', '5.6')
    """
    by_span = {(m.start, m.end) for m in index.mentions}
    added: list[EntityMention] = []
    for c, (doc, offset) in enumerate(chunks):
        for pattern in (_MONEY, _DECIMAL):
            for found in pattern.finditer(doc_text(doc)):
                span = doc.char_span(found.start(), found.end(), alignment_mode="expand")
                if span is None or (pattern is _DECIMAL and (
                        any(t.ent_type_ not in {"", "CARDINAL", "QUANTITY"} for t in span) or
                        any(t.pos_ == "PROPN" for t in doc[max(0, span.start - 2) : span.start]))):
                    continue
                begin, end = offset + found.start(), offset + found.end()
                label = amount_label(found.group())
                if (begin, end) in by_span or label is None:
                    continue
                index.add(label, label, "Thing", alias=found.group())
                added.append(EntityMention(label, begin, end, found.group(), "nominal"))
                by_span.add((begin, end))
    index.mentions.extend(added)


def amount_label(text: str) -> str | None:
    """One spelling of an amount of money or a decimal number (see :func:`nested_amounts`); None if it is neither.

    >>> amount_label("$2.6 million"), amount_label("€2m"), amount_label("$200MM"), amount_label("ten")
    ('$2.6 million', '€2 million', '$200 million', None)
    """
    found = _AMOUNT_PARTS.fullmatch(text.strip())
    if found is None:
        return None
    currency, number, scale = found.group(1) or "", found.group(2).replace(",", ""), (found.group(3) or "").lower()
    value = float(number) * _AMOUNT_SCALES.get(scale, 1)
    for size, word in ((1e9, " billion"), (1e6, " million")):
        if value >= size:
            return f"{currency}{value / size:g}{word}"
    return f"{currency}{value:g}"


#: An amount of money: a currency sign, a number, maybe a scale ("$184 million", "£1.7m", "€2m", "$200MM").
_MONEY = re.compile(r"(?<![\w$£€¥])[$£€¥] ?\d[\d,]*(?:\.\d+)?(?:\s?(?:million|billion|bn|mn|MM|m|M|b|B)\b)?")
#: A measure with a decimal point standing alone ("5.6"; not "8.1.2", "3.5%", "12.30pm", "1.5-inch").
_DECIMAL = re.compile(r"(?<![\w.,$£€¥/:-])\d{1,3}\.\d{1,2}(?![\w.,%/:-]|\.\d)")
_AMOUNT_PARTS = re.compile(r"([$£€¥])? ?(\d[\d,]*(?:\.\d+)?)\s?(million|billion|bn|mn|mm|m|b)?", re.I)
_AMOUNT_SCALES = {**SCALES, "mm": 1e6}  # (finance writes "$200MM" for millions)


#: Tags and places of a participle the tagger read as a verb where it stands for a noun (:func:`_read_as_noun`).
_NOUN_LIKE_PARTICIPLES = frozenset({"VBG", "VBN"})
_NOUN_PLACES = frozenset({"nsubj", "nsubjpass", "dobj", "pobj", "attr", "appos"})
#: Dependencies of a noun that modifies the noun after it ("knee injury", "Internet traffic").
_NOUN_MODIFIER_DEPS = frozenset({"compound", "nmod"})
#: A score or tally ("20-13", "91 - 73"), a result a game is called by; a comma or full stop may close it
#: ("beat them, 20-13, on Sunday"), but not a longer number ("1-2,300").
_SCORE = re.compile(r"(?<![\w.,-])\d{1,3} ?[-–] ?\d{1,3}(?![\w-]|[.,]\d)")


def _proper_word(tok: Token, chunk: int, index: EntityIndex) -> bool:
    """A capitalised proper noun that may be part of a name the recogniser missed."""
    return tok.pos_ == "PROPN" and tok.is_alpha and any(ch.isupper() for ch in tok.text) and \
        (tok.ent_type_ == "" or tok.ent_type_ in ENT_TYPES) and (chunk, tok.i) not in index.common_nouns


def _short_forms(named: dict[tuple[str, ...], Counter], index: EntityIndex) -> dict[str, str]:
    """The last word of an organisation's multi-word name, where no other name ends in it.

    A team or company is called by the last word of its name once the text has named
    it in full ("the Denver Hornets" ... "Hornets forward Tom Reyes"), where the tagger
    often marks nothing. Only a capitalised or numeric word that is no name of its own.
    """
    ends: dict[str, set[str]] = defaultdict(set)
    for words, entities in named.items():
        for key in entities:
            if len(words) > 1:
                ends[words[-1]].add(key)
    out = {}
    for word, keys in ends.items():
        (key, *rest) = keys
        if not rest and index.type_of(key) in {"Organization", "NewsOrganization"} and (word,) not in named and \
                word[:1].isupper() and word.isalnum() and not word.isupper():
            out[word] = key
    return out


def _typed(name: str, counter: Counter) -> EntityType:
    """The type votes give ``name``, where a name headed by an organisation's word is never a person.

    "Marlow Police said" is read by the tagger as a person (a name before "said"), and so is a town's
    fire service called "Marlow Fire"; the head word says what the name names.
    """
    etype = _decide(counter)
    return "Organization" if etype == "Person" and org_head(name) else etype


def _decide(counter: Counter) -> EntityType:
    if not counter:
        return "Thing"
    best = max(counter.values())
    for etype in ("Person", "NewsOrganization", "Organization", "Place", "Group", "Event", "Work", "Product"):
        if counter.get(etype) == best:
            return etype
    return counter.most_common(1)[0][0]


def _occurrences(chunk: int, doc: Doc, lower: frozenset[str] = frozenset(),
                 sides: frozenset[str] = frozenset(), persons: frozenset[str] = frozenset(),
                 alone: dict[str, str] | None = None) -> list[_Occurrence]:
    """The name occurrences of one chunk.

    ``lower`` holds the words the document writes in lower case, ``sides`` the plural last
    words of its organisation names ("Hornets" of "the Marlow Hornets"), ``persons`` the words
    of its people's names, ``alone`` the names it tags with no "and" in them (-> their label).
    """
    ents = [e for e in doc.ents if e.label_ in ENT_TYPES]
    merged: list[Span] = []
    for ent in ents:
        prev = merged[-1] if merged else None
        if (
            prev is not None
            and prev.label_ == "PERSON"
            and ent.start == prev.end
            and len(ent) == 1
            and ent[0].pos_ == "PROPN"
            and ent[0].text[:1].isupper()
        ):
            merged[-1] = Span(doc, prev.start, ent.end, label="PERSON")
            continue
        if prev is not None and ent.start == prev.end and len(prev) == 1 and prev[0].text in VESSEL_PREFIXES \
                and ent[0].text[:1].isupper():
            merged[-1] = Span(doc, prev.start, ent.end, label="PRODUCT")  # "INS" + "Tellar": one ship's name
            continue
        merged.append(ent)
    out = []
    covered: set[int] = set()
    for ent in (part for whole in merged for part in _name_parts(whole, lower, persons, alone)):
        start = ent.start
        while start < ent.end - 1 and (_title_before_name(ent, start) or doc[start].lower_ in _HONORIFICS
                                       or doc[start].lower_ in {"the", "a", "an"}):
            start += 1  # "Striker Marco Bellini": the title is context, not name
        if all(t.tag_ == "POS" or t.is_punct for t in doc[start : ent.end]):
            start = ent.start  # "King's": a name that is a title word, not a title before a name
        if start > ent.start and ent.label_ != "PERSON" and any(_title_before_name(ent, i) for i in range(ent.start, start)):
            ent = Span(doc, start, ent.end, label="PERSON")
        elif start > ent.start:
            ent = Span(doc, start, ent.end, label=ent.label_)
        bracket = next((t.i for t in ent if t.text == "("), None)
        if bracket is not None and bracket > ent.start:
            ent = Span(doc, ent.start, bracket, label=ent.label_)  # "World Health Organization (WHO"
        ent = _with_vessel_prefix(_with_team_word(ent, lower))
        if ent.label_ == "PERSON" and len(ent) >= 3 and (ent[0].text in sides or (
                ent[0].tag_ == "NNS" and _capitalised_plural(ent[0], lower))):
            # "Comets Ray Tolland": a side named in the plural before its player, read as part of his name
            evidence, roles, gender = _context_evidence(ent[0:1])
            out.append(_Occurrence(chunk, ent[0:1], ent[0].text, "Organization", evidence, roles, gender))
            covered.add(ent.start)
            ent = Span(doc, ent.start + 1, ent.end, label="PERSON")
        name = clean_name(ent.text)
        if not name or not any(ch.isalpha() for ch in name):
            continue
        covered.update(range(ent.start, ent.end))
        evidence, roles, gender = _context_evidence(ent)
        out.append(_Occurrence(chunk, _trim_span(ent), name, ENT_TYPES[ent.label_], evidence, roles, gender))
    for tok in doc:
        if tok.i not in covered and (_plural_name_modifier(tok, lower) or _numbered_plural(tok)):
            # "Harriers lineman Jamal Reed": a side named in the plural, modifying a person
            evidence, roles, gender = _context_evidence(doc[tok.i : tok.i + 1])
            out.append(_Occurrence(chunk, doc[tok.i : tok.i + 1], tok.text, "Organization", evidence, roles, gender))
            covered.add(tok.i)
            continue
        # a ship's name the tagger missed ("the INS Tellar later escorted ...")
        if tok.i not in covered and tok.text in VESSEL_PREFIXES and tok.i + 1 < len(doc) \
                and doc[tok.i + 1].pos_ == "PROPN" and doc[tok.i + 1].text[:1].isupper() and tok.i + 1 not in covered:
            end = tok.i + 1
            while end < len(doc) and doc[end].pos_ == "PROPN" and doc[end].text[:1].isupper() and end not in covered:
                end += 1
            span = doc[tok.i : end]
            evidence, roles, gender = _context_evidence(span)
            out.append(_Occurrence(chunk, span, clean_name(span.text), "Product", evidence, roles, gender))
            covered.update(range(tok.i, end))
            continue
        # an acronym the tagger missed ("the state-run TCNA news agency")
        if tok.i not in covered and tok.pos_ == "PROPN" and tok.text.isupper() and tok.text.isalpha() and len(tok) > 1 \
                and _role_word(tok) is None:
            evidence, roles, gender = _context_evidence(doc[tok.i : tok.i + 1])
            out.append(_Occurrence(chunk, doc[tok.i : tok.i + 1], tok.text, "Organization", evidence, roles, gender))
            continue
        # a capitalised word no entity covers: "the North" may stand for "North Korea", "Bellini" for a person
        if (
            tok.i not in covered
            and tok.pos_ == "PROPN"
            and tok.text[:1].isupper()
            and tok.text.isalpha()
            and (tok.i + 1 >= len(doc) or doc[tok.i + 1].pos_ != "PROPN")
            and (tok.i == 0 or doc[tok.i - 1].pos_ != "PROPN")
        ):
            after_the = tok.i > 0 and doc[tok.i - 1].lower_ == "the"
            label: EntityType = "Place" if after_the else "Person"
            evidence, roles, gender = _context_evidence(doc[tok.i : tok.i + 1])
            out.append(_Occurrence(chunk, doc[tok.i : tok.i + 1], tok.text, label, evidence, roles, gender, weak=True))
    out.sort(key=lambda o: (o.chunk, o.span.start))
    return out


_COORDINATORS = frozenset({"and", "&"})


def _name_parts(ent: Span, lower: frozenset[str], persons: frozenset[str],
                alone: dict[str, str] | None = None) -> list[Span]:
    """The names a tagged span holds: one, or two where the tagger ran two names into one span.

    A dash set off by spaces opens an aside, which is no part of the name ("Reyes - - six years,
    $90 million - -"); two people joined by "and" are two entities ("the trial of Vance and Morello"),
    when the text names both of them as people elsewhere, or one where the tagger calls the span a
    person (a firm named after two people, "Harlow and Finch", names neither alone, and a town and a
    person, "Tellport and Vance", are no two people); any two names joined by "and" are two where
    the text names one of them on its own elsewhere (``alone``, the tagged names with no "and"), or
    the first word of one ("told Bulletin" ... "to Marlow and Bulletin Weekly"; "Tellport and Vance" ... "Vance
    said"), unless the span ends in a word for a kind of body ("Marlow Fire and Rescue", "Health and
    Human Services": one service, whose place or field the text may name alone) or names a place
    ("Bosnia and Herzegovina"); a title between two
    names parts the side from the player ("Hornets QB Tom Reyes"; only positions written as abbreviations:
    "Tellsoft CEO Dana Reed" may as well be one firm's officer named in full, and is left whole).
    """
    doc = ent.doc
    dash = next((t.i for t in ent[1:] if t.text in _DASHES and doc[t.i - 1].whitespace_), None)
    if dash is not None:
        ent = Span(doc, ent.start, dash, label=ent.label_)
    inner: Span | list[Token] = ent[1:-1] if len(ent) > 2 else []
    conj = next((t for t in inner if t.lower_ in _COORDINATORS), None)
    if conj is not None:
        left, right = doc[ent.start : conj.i], doc[conj.i + 1 : ent.end]
        if _person_words(left) and _person_words(right) and left.text != right.text and \
                name_type_hint(ent.text) is None and ((ent.label_ == "PERSON" and (left[-1].text in persons or
                                                                    right[-1].text in persons))
                                                     or (left[-1].text in persons and right[-1].text in persons)):
            return [Span(doc, left.start, left.end, label="PERSON"), Span(doc, right.start, right.end, label="PERSON")]
        return _named_alone_parts(ent, left, right, alone or {})
    for tok in inner:
        if tok.text in ROLE_ABBREVIATIONS and _role_word(tok):
            side = doc[ent.start : tok.i]
            if _side_name(side, lower, tok) and _person_words(doc[tok.i + 1 : ent.end]):
                return [Span(doc, side.start, side.end, label="ORG"), Span(doc, tok.i, ent.end, label="PERSON")]
            break
    return [ent]


def _named_alone_parts(ent: Span, left: Span, right: Span, alone: dict[str, str]) -> list[Span]:
    """"Dale and Okafor" as two names where the text names "Okafor" alone, else the span whole.

    Each part keeps the label the text gives it alone, else the span's. See :func:`_name_parts`.
    """
    if ent.label_ in _PLACE_LABELS or ent[-1].lower_ in NAME_KIND_HEADS or not (
            _person_words(left) and _person_words(right)) or left.text == right.text:
        return [ent]
    if not any(side.text in alone or side[0].text in alone for side in (left, right)):
        return [ent]
    return [Span(ent.doc, side.start, side.end, label=alone.get(side.text, ent.label_)) for side in (left, right)]


def _title_before_name(ent: Span, i: int) -> bool:
    """Is word ``i`` of the name span a title before the name ("Striker Marco Bellini", "QB Dale Mercer")?

    An abbreviation is one only before a person's name: "WR Data" may be a firm's name.
    """
    tok = ent.doc[i]
    if tok.text in ROLE_ABBREVIATIONS:
        return _role_word(tok) is not None and (ent.label_ == "PERSON" or 2 <= ent.end - i - 1 <= 3 and
                                                _person_words(ent.doc[i + 1 : ent.end]))
    return _role_word(tok) is not None


def _person_words(span: Span) -> bool:
    """One to three capitalised words, as a person's name is written ("Vance", "Dale Vance")."""
    return 0 < len(span) <= 3 and all(t.is_alpha and t.text[:1].isupper() for t in span)


def _side_name(span: Span, lower: frozenset[str], title: Token) -> bool:
    """The words before a player's position name his side ("Hornets QB"): capitalised words the text never
    writes in lower case, none a title itself."""
    if not 0 < len(span) <= 3 or any(not t.text[:1].isupper() or t.lower_ in lower or _role_word(t) for t in span):
        return False
    return title.text in ROLE_ABBREVIATIONS


#: spaCy labels of a place or a people, which a plural word after them makes a team or a force ("Tellport 88ers").
_PLACE_LABELS = frozenset({"GPE", "LOC", "NORP"})


def _numbered_plural(tok: Token) -> bool:
    """A plural word that opens with digits: the name of a side ("88ers", "31ERS"), not a decade ("1990s")."""
    text = tok.text
    letters = text.lstrip("0123456789")
    return text[:1].isdigit() and len(letters) > 2 and letters.isalpha() and letters[-1] in "sS"


def _capitalised_plural(tok: Token, lower: frozenset[str]) -> bool:
    """A capitalised plural the document never writes in lower case ("Harriers"): a name, not a noun."""
    text = tok.text
    return tok.tag_ in {"NNS", "NNPS"} and text[:1].isupper() and text[-1:] in {"s", "S"} and \
        text.isalpha() and tok.lower_ not in lower


def _team_name(name: str) -> bool:
    """A one-word plural name, as sides are called ("Hornets", "88ers"), not a one-word name of anything.

    >>> _team_name("Hornets"), _team_name("88ers"), _team_name("Reuters"), _team_name("Agency")
    (True, True, True, False)
    """
    letters = name.lstrip("0123456789")
    return len(letters) > 2 and letters.isalpha() and letters[-1] in "sS" and not letters[-2:].lower() in {"ss", "us"}


def _side_word(tok: Token) -> bool:
    """The last word of an organisation's name names a side in the plural ("the Marlow Hornets", "88ers").

    The tagger's plural tag tells a side's plural from a name that merely ends in -s: "St. James",
    "Dow Jones", "Thomson Reuters" end in a singular name, which may also open a person's name
    ("James Earl Tolland") and must not be split off it.
    """
    return _team_name(tok.text) and (tok.tag_ in {"NNS", "NNPS"} or _numbered_plural(tok))


def _with_team_word(ent: Span, lower: frozenset[str]) -> Span:
    """A name span that goes on over the plural word that completes it: "Tellport" + "88ers".

    The small model marks the city of a team and leaves its plural name out ("Tellport
    88ers head coach", "HOLBROOK 88ERS"); the words together name an organisation.

    >>> import spacy
    >>> doc = spacy.blank("en")("the Tellport 88ers coach")
    >>> _with_team_word(Span(doc, 1, 2, label="GPE"), frozenset()).text
    'Tellport 88ers'
    """
    doc = ent.doc
    end = ent.end
    while end < len(doc) and (_numbered_plural(doc[end]) or (
            ent.label_ in _PLACE_LABELS and not doc[end].is_sent_start and _capitalised_plural(doc[end], lower)
            and doc[end].ent_type_ not in ENT_TYPES and _not_predicate(doc[end]))):
        end += 1
    if end == ent.end:
        return ent
    return Span(doc, ent.start, end, label="ORG" if ent.label_ in _PLACE_LABELS else ent.label_)


def _not_predicate(tok: Token) -> bool:
    """A word that is no verb of its clause: "Votes" in "Tellport Votes on Budget" heads the clause and takes
    a preposition, as "88ers" in "Springfield 88ers coach" does not."""
    return tok.dep_ != "ROOT" and not any(ch.dep_ in {"prep", "dobj", "agent", "prt", "nsubj"} for ch in tok.children)


def _plural_name_modifier(tok: Token, lower: frozenset[str]) -> bool:
    """A capitalised plural that modifies a person's name or role: "Harriers lineman Jamal Reed".

    English puts a team or a party before its member as a bare plural name ("Harriers
    receiver", "Comets guard"); a common noun in that place is singular ("team captain").
    """
    if not (_capitalised_plural(tok, lower) or _numbered_plural(tok)) or tok.dep_ not in {"compound", "nmod", "amod"} \
            or tok.ent_type_ in ENT_TYPES:
        return False
    head = tok.head
    for _ in range(6):
        if head.i <= tok.i:
            return False
        if head.ent_type_ == "PERSON" or (head.pos_ == "NOUN" and _role_word(head)):
            return True
        if head.dep_ not in {"compound", "nmod", "amod"} or head.head.i == head.i:
            return False
        head = head.head
    return False


def _trim_span(ent: Span) -> Span:
    """The entity span without a leading article or a trailing possessive."""
    start, end = ent.start, ent.end
    while start < end - 1 and ent.doc[start].lower_ in {"the", "a", "an"}:
        start += 1
    while end - 1 > start and ent.doc[end - 1].tag_ == "POS":
        end -= 1
    return ent.doc[start:end]


def _role_word(tok: Token) -> str | None:
    if tok.text in ROLE_ABBREVIATIONS:
        after = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
        return tok.lower_ if tok.whitespace_ and after is not None and after.is_alpha and after.text[:1].isupper() \
            else None
    low = tok.lower_.strip(".")
    if low in PERSON_ROLES:
        return low
    lemma = tok.lemma_.lower()
    return lemma if lemma in PERSON_ROLES else None


def _context_evidence(ent: Span) -> tuple[list[EntityType], list[str], str | None]:
    """Types the context of a name votes for, the role nouns it is given, and a gender if said."""
    doc = ent.doc
    root = ent.root
    evidence: list[EntityType] = []
    roles: list[str] = []
    gender = None
    # a title right before the name: "Tellish leader Vann", "Foreign Minister Sethi", "Mr Smith"
    for back in range(1, 4):
        i = ent.start - back
        if i < 0 or doc[i].is_punct:
            break
        role = _role_word(doc[i])
        if role is not None:
            evidence.append("Person")
            roles.append(role)
            break
        if doc[i].lower_ in _HONORIFICS:
            evidence.append("Person")
            gender = _HONORIFICS[doc[i].lower_]
            break
        if back == 1 and _vessel_noun(doc[i]):
            evidence.append("Product")  # "the destroyer Tellar", "patrol vessel INS Tellar"
            break
        if doc[i].lemma_.lower() in _OUTLET_NOUNS:
            evidence.append("NewsOrganization")  # "state news agency TCNA", "broadcaster KBS"
            break
        if doc[i].pos_ not in {"PROPN", "ADJ", "NOUN"}:
            break
    # an apposition: "Anil Sethi, a senior scholar at ...", "his visitor, Dana Reed"
    appositions = [c for c in root.children if c.dep_ == "appos" and not (ent.start <= c.i < ent.end)]
    if root.dep_ == "appos" and not (ent.start <= root.head.i < ent.end) and not address_part(root):
        appositions.append(root.head)
    for app in appositions:
        role = _role_word(app)
        if role is not None:
            evidence.append("Person")
            roles.append(role)
        elif app.lower_ in NEWS_WORDS or app.lemma_.lower() in {"agency", "broadcaster", "newspaper", "outlet"}:
            evidence.append("NewsOrganization")
        elif app.lemma_.lower() in ORG_WORDS or app.lemma_.lower() in {"company", "firm", "organisation", "group"}:
            evidence.append("Organization")
        elif app.lemma_.lower() in PLACE_NOUNS:
            evidence.append("Place")
        elif _vessel_noun(app):
            evidence.append("Product")  # "INS Tellar, a missile-frigate", "a navy ship, the Tellar"
    # a one-word name after a bare "the" ("even the Parthenon was closed", "the Blazers", "the Tellar"): a building,
    # a side or a ship, for English gives a person's name no article unless a modifier comes between ("the young
    # Mozart"); voted an organisation, as the tagger types most such names, and no person
    if ent.label_ == "PERSON" and len(ent) == 1 and ent.start > 0 and doc[ent.start - 1].text == "the" and \
            doc[ent.start - 1].head.i == root.i and root.dep_ != "compound" and not roles and gender is None:
        evidence.append("Organization")
    # an age: "Anil Sethi, 59,", "36-year-old Duncan Pryce" (a person)
    if name_age(ent) is not None:
        evidence.append("Person")
    # a role as predicate: "Marlow will be the host", "named Marlow as the host" (a person)
    predicates = []
    if root.dep_ in {"nsubj", "nsubjpass"} and root.head.lemma_ in {"be", "become", "remain"}:
        predicates = [c for c in root.head.children if c.dep_ == "attr"]
    if root.dep_ in {"nsubj", "nsubjpass", "dobj"}:
        predicates += [g for c in root.head.children if c.dep_ == "prep" and c.lower_ == "as"
                       for g in c.children if g.dep_ == "pobj"]
    for pred in predicates:
        role = _role_word(pred) if pred.pos_ == "NOUN" else None
        if role is not None:
            evidence.append("Person")
            roles.append(role)
            break
    # a noun the name is compounded with: "the TCNA news agency" (an outlet)
    if root.dep_ == "compound" and root.head.lemma_.lower() in _OUTLET_NOUNS and not (ent.start <= root.head.i < ent.end):
        evidence.append("NewsOrganization")
    # a place noun right after the name: "the Marbury region"
    after = doc[ent.end] if ent.end < len(doc) else None
    if after is not None and after.lower_ in PLACE_NOUNS and root.head.i == after.i and root.dep_ == "compound":
        evidence.append("Place")
    # possessed kin or role: "Vann's daughter" (a person); "X's president" (a country or an organisation)
    if root.dep_ == "poss" and _role_word(root.head) in {"daughter", "son", "wife", "husband", "sister", "brother",
                                                        "mother", "father", "uncle", "aunt", "cousin", "widow"}:
        evidence.append("Person")
    head = root.head
    single = len([t for t in ent if not t.is_punct]) == 1
    looks_org = name_type_hint(ent.text) is not None or (ent.text.isupper() and len(ent.text) > 1)
    if root.dep_ in {"nsubj"} and head.lemma_ == "tell" and not looks_org:
        evidence.append("Person")
    if root.dep_ in {"dobj", "dative"} and head.lemma_ == "tell" and single:
        evidence.append("NewsOrganization")
    if root.dep_ == "pobj" and head.lower_ == "to" and head.head.lower_ == "according" and single and ent.label_ != "GPE":
        evidence.append("NewsOrganization" if looks_org or ent.label_ == "PERSON" else "Organization")
    if root.dep_ == "nsubj" and head.lemma_ in _REPORT_SUBJECT_VERBS and head.pos_ == "VERB" and ent.label_ != "PERSON":
        evidence.append("NewsOrganization")
    return evidence, roles, gender


def _name_types(occurrences: list[_Occurrence]) -> dict[str, EntityType]:
    """The type of each surface name on its own (before short names join full ones)."""
    votes: dict[str, Counter] = defaultdict(Counter)
    for occ in occurrences:
        for etype in occ.evidence:
            votes[occ.name][etype] += _STRONG
        votes[occ.name][occ.label] += 1
    for name, counter in votes.items():
        hint = name_type_hint(name)
        if hint is not None and counter["Person"] < _STRONG:
            counter[hint] += _STRONG
    return {name: _typed(name, counter) for name, counter in votes.items()}


def _words(name: str) -> list[str]:
    return [w.casefold() for w in name.split()]


def _compatible(short: str, full: str, types: dict[str, EntityType], occ: _Occurrence,
                titled: frozenset[str] = frozenset()) -> bool:
    """May the one-word name ``short`` stand for the multi-word name ``full``?

    ``titled`` holds the names the text gives a person's title, honorific or role somewhere
    ("President Obama", "Mr Voss"): such a name is a person, never the short form of an
    organisation named after them ("the Obama Administration").
    """
    stype, ftype = types.get(short, "Thing"), types.get(full, "Thing")
    word = short.casefold()
    words = _words(full)
    if short.isupper() and len(short) > 1 and initials(full) == short and ftype != "Person":
        return True
    if word not in words:
        return False
    if ftype == "Product" and vessel_name(full):
        return word in _ship_name_words(full)[:1] and stype != "Group"  # "the Tellar" for "INS Tellar"
    if ftype == "Person":
        strong_other = [t for t in occ.evidence if t != "Person"]
        return not strong_other and stype not in {"Group"} and not (occ.weak and occ.label != "Person")
    if ftype in {"Place"}:
        return words[0] == word and stype in {"Place", "Organization", "Thing"}
    if ftype in {"Organization", "NewsOrganization"}:
        if words[-1] == word and _team_name(short) and stype in {"Organization", "Thing"}:
            return True  # "the Hornets" for "the Marlow Hornets": a side is called by its plural name
        return words[0] == word and stype != "Place" and not (stype == "Person" and short in titled)
    return stype == ftype and words[0] == word


def _link_names(occurrences: list[_Occurrence], types: dict[str, EntityType]) -> dict[str, str]:
    """Map each short name (one word, or an acronym) to the full name it stands for."""
    full_names = {o.name for o in occurrences if len(o.name.split()) > 1 and not o.weak}
    if not full_names:
        return {}
    counts = Counter(o.name for o in occurrences if not o.weak)
    first_seen: dict[str, int] = {}
    for n, occ in enumerate(occurrences):
        first_seen.setdefault(occ.name, n)
    by_word: dict[str, list[str]] = defaultdict(list)
    for full in full_names:
        for w in set(_words(full)):
            by_word[w].append(full)
        by_word[initials(full).casefold()].append(full)
    titled = frozenset(o.name for o in occurrences if "Person" in o.evidence)
    places = frozenset(o.name for o in occurrences if _used_as_place(o))
    links: dict[str, str] = {}
    bracketed = _bracketed_acronyms(occurrences)
    links.update(bracketed)
    for n, occ in enumerate(occurrences):
        if occ.name in links or len(occ.name.split()) != 1:
            continue
        candidates = [f for f in by_word.get(occ.name.casefold(), []) if _compatible(occ.name, f, types, occ, titled)
                      and not _town_of_service(occ.name, f, places)]
        if not candidates:
            continue
        # prefer names seen before this mention, then the most mentioned, then the most recent
        candidates.sort(key=lambda f: (first_seen[f] < n, counts[f], first_seen[f]))
        links[occ.name] = candidates[-1]
    return links


#: Prepositions whose object is where something is or happens ("in Dallow", "near Dallow").
_LOCATIVE_PREPOSITIONS = frozenset({"in", "near", "outside", "inside", "within", "throughout", "across", "around"})


def _used_as_place(occ: _Occurrence) -> bool:
    """Is this name used as a place here: tagged one, or said to be one ("in Dallow", "the town of Dallow",
    "Banstead, Dallow", "Anchorage, Dallow and Osland")?"""
    root = occ.span.root
    head = root.head
    if occ.label == "Place" or "Place" in occ.evidence:
        return True
    if root.dep_ == "pobj" and head.lower_ in _LOCATIVE_PREPOSITIONS:
        return True
    if root.dep_ == "pobj" and head.lower_ == "of" and head.head.lemma_.lower() in PLACE_NOUNS | {"hometown"}:
        return True
    return root.dep_ in {"appos", "conj"} and head.ent_type_ in _ADDRESS_LABELS


def _town_of_service(short: str, full: str, places: frozenset[str]) -> bool:
    """Is ``short`` the place the service or organisation ``full`` is named after, not a short form of it?

    A town's police, fire service, church or school is named after the town ("Dallow Fire", "Dallow Public
    Safety", "Dallow Bible Church"); where the text uses the bare first word as a place ("in Dallow"), it names
    the town, not the service, as "Dallow Fire" is no person whose given name is "Dallow". The last word of
    such a name is a service's or organisation's kind noun (:data:`kg.lexicon.NAME_KIND_HEADS`).

    >>> _town_of_service("Dallow", "Dallow Fire", frozenset({"Dallow"}))
    True
    >>> _town_of_service("Dallow", "Dallow Fire", frozenset()), _town_of_service("Dallow", "Dallow Quill", frozenset({"Dallow"}))
    (False, False)
    """
    words = _words(full)
    return short in places and len(words) > 1 and words[0] == short.casefold() and words[-1] in NAME_KIND_HEADS


def _bracketed_acronyms(occurrences: list[_Occurrence]) -> dict[str, str]:
    """ "Tellish Central News Agency (TCNA)": the bracketed acronym joins the name before it."""
    links = {}
    for prev, occ in zip(occurrences, occurrences[1:]):
        if prev.chunk != occ.chunk or len(prev.name.split()) < 2:
            continue
        doc = occ.span.doc
        between = doc[prev.span.end : occ.span.start]
        if [t.text for t in between] == ["("] and occ.span.end < len(doc) and doc[occ.span.end].text == ")":
            if occ.name.replace(".", "").isupper():
                links[occ.name] = prev.name
    return links


def _demonyms(index: EntityIndex) -> dict[str, str]:
    """Group names that are the adjective of a place name: "North Korean" -> "North Korea", "Russian" -> "Russia"."""
    places = [e.key for e in index.entities.values() if e.type == "Place"]
    out = {}
    for entity in index.entities.values():
        if entity.type != "Group":
            continue
        best = None
        for place in places:
            common = 0
            for a, b in zip(entity.key.casefold(), place.casefold()):
                if a != b:
                    break
                common += 1
            if common >= max(4, len(place) - 2) and (best is None or common > best[0]):
                best = (common, place)
        if best is not None:
            out[entity.key] = best[1]
    return out


def scope_common_nouns(extraction: Extraction) -> Extraction:
    """Give the common-noun entities (type ``Thing``) of one document keys of their own.

    A name identifies its bearer across documents ("Theodore Banks" is one person in every
    article), but a description does not: "the man" of one report and "the man" of another
    are the same person only when the two tell the same story, which only the
    cross-document step (:mod:`kg.resolve.entities`) can judge, and records as
    ``owl:sameAs``. So a ``Thing`` key gets the document's hash appended ("man #1a2b3c4d"),
    which keeps its IRI to this document; its label is unchanged. Times whose normalised
    value is their key ("2024-04") name the same period everywhere and stay as they are.

    >>> doc = Document(text="The man left.", source="a.txt")
    >>> ex = Extraction(doc, entities=(Entity("man", "man"),), mentions=(EntityMention("man", 4, 7, "man", "nominal"),))
    >>> scope_common_nouns(ex).mentions[0].entity
    'man #9478da07'
    """
    sha = extraction.document.sha256[:8]
    scoped = {e.key: f"{e.key} #{sha}" for e in extraction.entities
              if e.type == "Thing" and not _ISO_VALUE.match(e.key)}
    if not scoped:
        return extraction

    def key(k: str | None) -> str | None:
        return scoped.get(k, k) if k is not None else None

    def arg(a: Argument | None) -> Argument | None:
        return None if a is None or a.entity not in scoped else replace(a, entity=scoped[a.entity])

    def scope_claim(c: Claim) -> Claim:
        # a claim that names no scoped key is kept as it is: copying a frozen record costs more than reading it
        arguments = tuple(arg(a) or a for a in c.arguments)
        changed = (c.subject.entity in scoped or (c.object is not None and c.object.entity in scoped)
                   or c.speaker in scoped or c.location in scoped or arguments != c.arguments)
        if not changed:
            return c
        return replace(c, subject=arg(c.subject) or c.subject, object=arg(c.object) or c.object,
                       arguments=arguments, speaker=key(c.speaker), location=key(c.location))

    claims = [scope_claim(c) for c in extraction.claims]
    return replace(
        extraction,
        # the records are frozen: one whose key is not scoped is kept as it is, not copied
        entities=tuple(sorted((replace(e, key=scoped[e.key]) if e.key in scoped else e for e in extraction.entities),
                              key=lambda e: e.key)),
        mentions=tuple(sorted((replace(m, entity=scoped[m.entity]) if m.entity in scoped else m
                               for m in extraction.mentions), key=lambda m: (m.start, m.end, m.entity))),
        claims=tuple(claims),
    )


def unscoped(key: str) -> str:
    """A key without the document scope :func:`scope_common_nouns` gave it.

    >>> unscoped("soldier #b01d8d7a"), unscoped("North Korea")
    ('soldier', 'North Korea')
    """
    return _SCOPE.sub("", key)
