"""Clause extraction over spaCy's dependency parse.

A *clause* is one proposition of a sentence: a predicate with its subject, its
object and its other (n-ary) arguments, in the spirit of ClausIE, MinIE and
OpenIE-4 but read off spaCy's (ClearNLP-style) dependency labels. Every verb
heads a clause, whatever links it to the rest of the sentence (``conj``,
``ccomp``, ``xcomp``, ``advcl``, ``relcl``, ``acl``); clauses without a subject
of their own inherit one through coordination, control, relative and
participial attachment. Noun phrases give clauses too: appositions ("Hong Min,
a senior scholar at X" -> Hong Min | be | a senior scholar at X), possessives
("X's leader Y" -> Y | be leader of | X), titles ("President Bush").

Records hold token indices, not tokens, so they are cheap to keep and compare;
``kg.extract`` turns them into character offsets. Confidences come from a small
logistic model over general features of the parse and the rule that fired (see
:data:`_WEIGHTS`).

>>> import spacy
>>> from spacy.tokens import Doc
>>> words = ["Kim", "sent", "troops", "to", "Russia", "."]
>>> doc = Doc(spacy.blank("en").vocab, words=words, heads=[1, 1, 1, 1, 3, 1],
...           deps=["nsubj", "ROOT", "dobj", "prep", "pobj", "punct"],
...           pos=["PROPN", "VERB", "NOUN", "ADP", "PROPN", "PUNCT"])
>>> [(c.subject, c.lemma, c.object, c.extras) for c in extract_clauses(doc[:])]
[((0, 1), 'sent', (2, 3), (('to', (3, 5)),))]
"""

from __future__ import annotations

import math
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from spacy.tokens import Span, Token

from kg.extract.texts import sentence_bounds

__all__ = ["Clause", "extract_clauses", "relation_words"]

_SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj", "csubjpass"})
_PASSIVE_SUBJECTS = frozenset({"nsubjpass", "csubjpass"})
_DIRECT_OBJECTS = ("dobj", "attr", "oprd", "acomp")
_PREPOSITIONS = frozenset({"prep", "agent", "dative"})
#: How a verb may hang off another word and still head a clause.
_CLAUSE_DEPS = frozenset(
    {"ROOT", "conj", "ccomp", "xcomp", "advcl", "relcl", "acl", "pcomp", "parataxis", "csubj", "csubjpass"}
)
#: Children that never belong to an argument span: they are clauses of their own.
_DETACHED = frozenset({"relcl", "advcl", "parataxis", "punct", "cc", "conj", "appos"})
_RELATIVE_TAGS = frozenset({"WDT", "WP", "WP$"})
_REL_ADVERB_TAGS = frozenset({"RB", "RBR", "RBS"})
_TIME_ENTS = frozenset({"DATE", "TIME"})
_PLACE_ENTS = frozenset({"GPE", "LOC", "FAC"})
_PLACE_PREPS = frozenset({"in", "at", "near", "on", "outside", "inside", "across", "throughout"})
_NAME_ENTS = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "PRODUCT", "EVENT", "WORK_OF_ART"})
_PERSONAL_PRONOUNS = frozenset({"PRP"})
#: Prepositions whose noun attachment states a relation ("the house in Paris": the house is in Paris).
_NOMINAL_PREPS = frozenset({"in", "at", "of", "from", "between", "on", "near", "as", "for", "with", "by", "to"})
#: Verbs whose object carries out a purpose infinitive ("sent soldiers to fight", "hired lawyers to sue").
_SENDING_VERBS = frozenset({"send", "deploy", "dispatch", "bring", "hire", "recruit", "train", "mobilize", "mobilise",
                            "assign", "employ", "enlist", "draft", "ship", "fly", "transfer", "order", "invite"})
#: Verbs of perception or depiction whose object does what an -ing clause says ("showed Kim sitting").
_PERCEPTION_VERBS = frozenset({"see", "show", "watch", "hear", "find", "catch", "depict", "picture", "film",
                               "photograph", "spot", "notice", "observe", "leave", "keep", "capture"})
#: Verbs that take their meaning from a bare noun object ("pay tribute to", "take part in", "make use of").
_LIGHT_VERBS = frozenset({"pay", "take", "make", "give", "have", "hold", "play", "lay", "set", "draw", "cast", "do",
                          "put", "keep", "lend", "bear", "strike", "exert", "wage", "offer", "raise", "voice",
                          "express", "place", "gain", "lose", "get", "find", "come", "bring", "shed", "cause"})
#: Prepositions whose object is all the coordinated parties together ("a pact between A and B").
_JOINT_PREPS = frozenset({"between", "among", "amongst"})
_OPENERS = frozenset({"(", "``", "`", "[", "-LRB-"})
_CLOSERS = frozenset({")", "''", "'", "]", "-RRB-", "%"})


@dataclass(frozen=True)
class Clause:
    """One proposition found in a sentence (token indices into the Doc).

    ``relation`` holds the tokens of the relation as written, in order (empty for
    relations the sentence implies without words, such as an apposition's "be");
    ``lemma`` is the normalised relation. ``extras`` are the n-ary arguments as
    ``(role, span)``: role is the preposition, or ``"time"``/``"location"``; the
    span includes the preposition ("in April").
    """

    head: int
    subject: tuple[int, int] | None
    relation: tuple[int, ...]
    lemma: str
    object: tuple[int, int] | None
    extras: tuple[tuple[str, tuple[int, int]], ...] = ()
    negated: bool = False
    confidence: float = 0.5
    rule: str = ""


# ---------------------------------------------------------------------------
# argument spans


def _span(head: Token, *, skip: Token | None = None, drop: frozenset[str] = _DETACHED) -> tuple[int, int]:
    """Minimal-but-complete span of ``head``: its subtree without detached clauses.

    Relative clauses, adverbial clauses, appositions, coordinated conjuncts and
    edge punctuation are left out (they give claims of their own), and so is the
    subtree of ``skip`` (the clause being built, when ``head`` is its antecedent);
    everything else under the head (determiners, modifiers, prepositional
    phrases) stays. A quote or bracket opened inside the span is closed in it.
    """
    left = right = head.i
    stack = [head]
    while stack:
        tok = stack.pop()
        joint = _joint_object(tok)
        for child in tok.children:
            if joint and child.dep_ in {"conj", "cc"}:
                pass  # "between the North and Russia": the parties are one argument
            elif (skip is not None and child.i == skip.i) or (child.dep_ in drop and not (child.dep_ == "punct" and left < child.i < right)):
                continue
            left = min(left, child.i)
            right = max(right, child.i)
            stack.append(child)
    doc = head.doc
    while right > left and doc[right].is_punct and doc[right].text not in _CLOSERS:
        right -= 1
    while left < right and doc[left].is_punct and doc[left].text not in _OPENERS:
        left += 1
    return left, _balanced_end(doc, left, right + 1)


def _joint_object(tok: Token) -> bool:
    """Whether ``tok`` heads the object of a preposition that needs several parties ("between A and B")."""
    return tok.dep_ == "pobj" and tok.head.lower_ in _JOINT_PREPS


def _balanced_end(doc, start: int, end: int) -> int:
    """Extend ``end`` over a closing quote/bracket whose opener is in the span."""
    depth = 0
    for i in range(start, end):
        text = doc[i].text
        if text in _OPENERS:
            depth += 1
        elif text in _CLOSERS and depth:
            depth -= 1
    if depth and end < len(doc) and doc[end].text in _CLOSERS:
        return end + 1
    return end


def _arg_span(head: Token, verb: Token) -> tuple[int, int]:
    """:func:`_span` of an argument; when ``verb`` modifies it (a relative clause or
    participle on its antecedent), the verb's own clause is left out."""
    tok = verb
    for _ in range(64):
        if tok.head.i == tok.i:
            return _span(head)
        if tok.head.i == head.i:
            return _span(head, skip=tok)
        tok = tok.head
    return _span(head)


def _conjuncts(head: Token) -> list[Token]:
    """``head`` and the nouns coordinated with it ("A, B and C")."""
    out = [head]
    stack = [head]
    while stack:
        tok = stack.pop()
        for child in tok.children:
            if child.dep_ == "conj" and child.pos_ in {"NOUN", "PROPN", "NUM", "PRON", "ADJ"}:
                out.append(child)
                stack.append(child)
    return sorted(out, key=lambda t: t.i)


def _is_relative(tok: Token) -> bool:
    return tok.tag_ in _RELATIVE_TAGS


def _antecedent(verb: Token) -> Token | None:
    """The noun a relative clause or participle modifies."""
    while verb.dep_ == "conj":
        verb = verb.head
    if verb.dep_ in {"relcl", "acl"}:
        return verb.head
    return None


# ---------------------------------------------------------------------------
# predicates and their subjects


def _is_predicate(tok: Token) -> bool:
    if tok.dep_ not in _CLAUSE_DEPS:
        return False
    if tok.pos_ == "VERB":
        return True
    return tok.pos_ == "AUX" and tok.lemma_ == "be"


def _own_subject(verb: Token) -> Token | None:
    for child in verb.children:
        if child.dep_ in _SUBJECTS:
            return child
    return None


def _merges_into_head(verb: Token) -> bool:
    """An ``xcomp`` with no object on its governor folds into it: "tries to woo"."""
    if verb.dep_ != "xcomp" or _own_subject(verb) is not None:
        return False
    head = verb.head
    if head.pos_ == "ADJ" and head.dep_ == "acomp":  # "is able to do"
        return True
    if not _is_predicate(head):
        return False
    return not any(c.dep_ in {"dobj", "dative"} for c in head.children)


def _has_merged_xcomp(verb: Token) -> bool:
    for child in verb.children:
        if child.dep_ == "xcomp" and _merges_into_head(child):
            return True
        if child.dep_ == "acomp" and any(g.dep_ == "xcomp" and _merges_into_head(g) for g in child.children):
            return True
    return False


def _subject(verb: Token, depth: int = 0) -> tuple[Token | None, str]:
    """The subject head of ``verb`` and how it was found."""
    own = _own_subject(verb)
    if own is not None:
        if _is_relative(own):
            ante = _antecedent(verb)
            return (ante, "relcl") if ante is not None else (None, "")
        return own, "own"
    if depth > 8:
        return None, ""
    dep, head = verb.dep_, verb.head
    if dep == "conj" and _is_predicate(head):
        found, _ = _subject(head, depth + 1)
        return found, "conj"
    if dep == "xcomp":
        if head.pos_ == "ADJ" and head.dep_ == "acomp":
            found, _ = _subject(head.head, depth + 1)
            return found, "control"
        obj = next((c for c in head.children if c.dep_ in {"dobj", "dative"} and c.pos_ != "ADP"
                    and c.ent_type_ not in _TIME_ENTS), None)  # "it took three years to build": no controller
        if obj is not None:
            return obj, "control"
        found, _ = _subject(head, depth + 1) if _is_predicate(head) else (None, "")
        return found, "control"
    if dep == "relcl":
        return head, "relcl"
    if dep == "acl":
        if any(c.dep_ == "aux" and c.tag_ == "TO" for c in verb.children):
            return None, ""
        return head, "acl"
    if dep == "advcl" and _is_predicate(head):
        controller = _object_controller(verb, head)
        if controller is not None:
            return controller, "control"
        found, _ = _subject(head, depth + 1)
        return found, "advcl"
    if dep == "pcomp" and head.dep_ == "prep" and _is_predicate(head.head):
        found, _ = _subject(head.head, depth + 1)
        return found, "advcl"
    return None, ""


def _object_controller(verb: Token, head: Token) -> Token | None:
    """The governor's object when it, not the subject, does what an adverbial clause says.

    "sent 15,000 soldiers to fight": the soldiers fight (a purpose infinitive after a verb of
    sending or engaging someone); "showed Kim sitting next to X": Kim sits (an -ing clause after a
    verb of perception or depiction).
    """
    obj = next((c for c in head.children if c.dep_ == "dobj" and c.pos_ in {"NOUN", "PROPN", "PRON"}), None)
    if obj is None or obj.i > verb.i or any(c.dep_ == "mark" for c in verb.children):
        return None
    infinitive = any(c.dep_ == "aux" and c.tag_ == "TO" for c in verb.children)
    if infinitive and head.lemma_.lower() in _SENDING_VERBS:
        return obj
    if verb.tag_ == "VBG" and not infinitive and head.lemma_.lower() in _PERCEPTION_VERBS:
        return obj
    return None


def _governor_relation(verb: Token) -> list[int]:
    """Relation tokens a merged ``xcomp`` takes from its governor(s)."""
    head = verb.head
    if head.pos_ == "ADJ" and head.dep_ == "acomp":
        return _verb_group(head.head) + [head.i]
    prefix = _verb_group(head)
    if head.dep_ == "xcomp" and _merges_into_head(head):
        prefix = _governor_relation(head) + prefix
    return prefix


def _verb_group(verb: Token) -> list[int]:
    """The verb with its auxiliaries, negation, pre-verbal adverbs and particles."""
    out = [verb.i]
    subj = _own_subject(verb)
    floor = subj.right_edge.i if subj is not None and subj.i < verb.i else -1
    for child in verb.children:
        dep = child.dep_
        if dep in {"aux", "auxpass", "neg"}:
            out.append(child.i)
        elif dep == "prt":
            out.append(child.i)
        elif dep == "advmod" and floor < child.i < verb.i and child.tag_ in _REL_ADVERB_TAGS:
            if child.i == verb.i - 1 or verb.doc[child.i + 1].dep_ in {"aux", "auxpass", "neg", "advmod"}:
                out.append(child.i)
    return sorted(out)


# ---------------------------------------------------------------------------
# objects and extra arguments


def _role(prep: Token, pobj: Token | None) -> str:
    if pobj is not None and pobj.ent_type_ in _TIME_ENTS:
        return "time"
    if pobj is not None and pobj.ent_type_ in _PLACE_ENTS and prep.lower_ in _PLACE_PREPS:
        return "location"
    return prep.lower_


def _prep_object(prep: Token) -> Token | None:
    for child in prep.children:
        if child.dep_ in {"pobj", "pcomp"}:
            return child
    return None


def _light_verb_object(verb: Token, obj: Token | None) -> tuple[Token, Token] | None:
    """(preposition, its object) when ``obj`` is a bare noun that forms the relation
    with the verb and the preposition right after it: "pay tribute to", "take part in"."""
    if obj is None or obj.dep_ != "dobj" or obj.pos_ != "NOUN" or obj.tag_ not in {"NN"}:
        return None
    if verb.lemma_.lower() not in _LIGHT_VERBS:
        return None  # "aired footage of the banquet": the footage is what was aired
    if any(True for _ in obj.lefts) or any(c.dep_ != "prep" for c in obj.rights):
        return None
    doc = verb.doc
    if obj.i + 1 >= len(doc):
        return None
    prep = doc[obj.i + 1]
    if prep.dep_ not in {"prep", "dative"} or prep.pos_ != "ADP" or prep.head.i not in {verb.i, obj.i}:
        return None
    pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
    return (prep, pobj) if pobj is not None else None


@dataclass
class _Args:
    obj: tuple[int, int] | None
    obj_head: Token | None
    folded: list[int]
    extras: list[tuple[str, tuple[int, int]]]
    clausal: bool


def _arguments(verb: Token, relative_object: Token | None) -> _Args:
    """Object, folded preposition and extras of a verb."""
    obj_head: Token | None = None
    clausal = False
    folded: list[int] = []
    extras: list[tuple[str, tuple[int, int]]] = []
    if relative_object is not None:
        obj_head = relative_object
    for dep in _DIRECT_OBJECTS:
        if obj_head is not None:
            break
        for child in verb.children:
            if child.dep_ == dep and not _is_relative(child):
                obj_head = child
                break
    preps = []
    for child in verb.children:
        dep = child.dep_
        if dep in _PREPOSITIONS and child.pos_ == "ADP":
            preps.append(child)
        elif dep == "dative" and obj_head is not None and child.i != obj_head.i:
            extras.append(("to", _span(child)))
        elif dep == "dative" and obj_head is None:
            obj_head = child
        elif dep == "npadvmod" and child.ent_type_ in _TIME_ENTS:
            extras.append(("time", _span(child)))
        elif dep == "ccomp" and obj_head is None and child.pos_ in {"VERB", "AUX"}:
            obj_head = child
            clausal = True
        elif dep == "xcomp" and obj_head is None and not _merges_into_head(child):
            obj_head = child
            clausal = True
    obj = _arg_span(obj_head, verb) if obj_head is not None else None
    if clausal and obj_head is not None:
        mark = next((c for c in obj_head.children if c.dep_ == "mark" and c.lower_ in {"that", "whether", "if"}), None)
        if mark is not None:
            folded.append(mark.i)
            obj = (mark.i + 1, obj[1]) if obj[0] == mark.i else obj
    light = _light_verb_object(verb, obj_head) if not clausal else None
    if light is not None:  # "paid tribute to X": relation "paid tribute to", object X
        prep, pobj = light
        folded.extend([obj_head.i, prep.i])
        obj_head, obj = pobj, _span(pobj)
        preps = [p for p in preps if p.i != prep.i]
    for prep in sorted(preps, key=lambda t: t.i):
        pobj = _prep_object(prep)
        if pobj is None:
            continue
        if pobj.dep_ == "pcomp" and pobj.pos_ in {"VERB", "AUX"} and obj_head is not None:
            continue  # "without revealing ...": a clause of its own
        if _is_relative(pobj):
            ante = _antecedent(verb)
            if ante is None:
                continue
            span = _arg_span(ante, verb)
            if obj_head is None:
                obj_head, obj = ante, span
                folded.append(prep.i)
            else:
                extras.append((prep.lower_, span))
            continue
        if obj_head is None and prep.i > verb.i:
            obj_head, obj = pobj, _span(pobj)
            folded.append(prep.i)
        else:
            extras.append((_role(prep, pobj), _span(prep)))
    return _Args(obj, obj_head, folded, extras, clausal)


# ---------------------------------------------------------------------------
# confidence


#: Logistic weights over the features of :func:`_features`.
_WEIGHTS: dict[str, float] = {
    'bias': 0.291,
    'clausal_object': 0.12,
    'dep=ROOT': 0.688,
    'dep=acl': -0.077,
    'dep=advcl': -0.068,
    'dep=appos': 0.067,
    'dep=attr': -0.281,
    'dep=ccomp': -0.078,
    'dep=compound': -0.005,
    'dep=conj': 0.21,
    'dep=csubj': 0.109,
    'dep=dobj': -0.089,
    'dep=nsubj': 0.226,
    'dep=nsubjpass': -0.289,
    'dep=pcomp': -0.454,
    'dep=pobj': -0.25,
    'dep=prep': -0.068,
    'dep=relcl': 0.291,
    'dep=xcomp': 0.359,
    'extras': -0.205,
    'negated': -0.219,
    'no_object': 0.476,
    'object_entity': 0.153,
    'object_has_verb': -0.494,
    'object_len': 0.183,
    'object_pronoun': -0.243,
    'relation_len': 0.399,
    'rule=acl': 0.152,
    'rule=advcl': 0.138,
    'rule=appos': 0.538,
    'rule=conj': 0.477,
    'rule=control': -0.212,
    'rule=copula': -0.123,
    'rule=nominal-poss': -1.387,
    'rule=nominal-prep': -0.068,
    'rule=passive': 0.009,
    'rule=relcl': -0.242,
    'rule=svo': 0.438,
    'rule=xcomp': 0.571,
    'sentence_len': -0.305,
    'split': 0.082,
    'subject_after': 0.503,
    'subject_entity': 0.319,
    'subject_far': 0.142,
    'subject_len': -0.541,
    'subject_pronoun': -0.209,
    'tag=VB': 0.114,
    'tag=VBD': 0.406,
    'tag=VBG': -0.124,
    'tag=VBN': 0.504,
    'tag=VBP': 0.194,
    'tag=VBZ': 0.114,
}


def _confidence(features: dict[str, float]) -> float:
    z = sum(_WEIGHTS.get(name, 0.0) * value for name, value in features.items())
    return round(1.0 / (1.0 + math.exp(-z)), 4)


def _features(
    rule: str,
    subject: tuple[int, int] | None,
    obj: tuple[int, int] | None,
    extras: Sequence[tuple[str, tuple[int, int]]],
    head: Token,
    relation: Sequence[int] = (),
    *,
    clausal: bool = False,
    split: bool = False,
) -> dict[str, float]:
    """General features of a clause for :func:`_confidence`: the rule, the parse
    labels around its head, argument sizes and kinds."""
    doc = head.doc
    f: dict[str, float] = {"bias": 1.0, f"rule={rule}": 1.0, f"dep={head.dep_}": 1.0}
    if head.pos_ in {"VERB", "AUX"}:
        f[f"tag={head.tag_}"] = 1.0
    f["relation_len"] = min(len(relation), 6) / 3
    if obj is None:
        f["no_object"] = 1.0
    if subject is None:
        f["no_subject"] = 1.0
    else:
        s0, s1 = subject
        if s1 - s0 == 1 and doc[s0].tag_ in _PERSONAL_PRONOUNS:
            f["subject_pronoun"] = 1.0
        f["subject_len"] = min(s1 - s0, 12) / 6
        if any(doc[i].ent_type_ in _NAME_ENTS for i in range(s0, s1)):
            f["subject_entity"] = 1.0
        if s1 <= head.i and head.i - s1 > 4:
            f["subject_far"] = 1.0
        if s0 > head.i:
            f["subject_after"] = 1.0
    if obj is not None:
        o0, o1 = obj
        f["object_len"] = min(o1 - o0, 16) / 8
        if o1 - o0 == 1 and doc[o0].pos_ == "PRON":
            f["object_pronoun"] = 1.0
        if any(doc[i].ent_type_ in _NAME_ENTS for i in range(o0, o1)):
            f["object_entity"] = 1.0
        if any(doc[i].pos_ in {"VERB", "AUX"} for i in range(o0, o1)):
            f["object_has_verb"] = 1.0
    if clausal:
        f["clausal_object"] = 1.0
    if extras:
        f["extras"] = float(min(len(extras), 3))
    if split:
        f["split"] = 1.0
    if any(doc[i].dep_ == "neg" for i in relation):
        f["negated"] = 1.0
    start, end = sentence_bounds(head)
    f["sentence_len"] = min(end - start, 60) / 30
    return f


# ---------------------------------------------------------------------------
# rules


def _lemma(doc, relation: Sequence[int]) -> str:
    words = []
    for i in relation:
        tok = doc[i]
        if tok.dep_ in {"aux", "auxpass"} and tok.tag_ != "TO":
            continue
        if tok.dep_ == "neg":
            continue
        if tok.dep_ == "advmod":
            continue
        words.append((tok.lemma_ or tok.text).lower() if tok.pos_ in {"VERB", "AUX"} else tok.lower_)
    return " ".join(words)


def _adjectival_participle(verb: Token) -> bool:
    """A participle the parser hung on the verb that is really a noun modifier after a conjunction: "performances
    by North Korean and visiting Russian artists"."""
    if verb.tag_ != "VBG" or verb.dep_ != "advcl" or verb.i == 0:
        return False
    before = verb.doc[verb.i - 1]
    if before.pos_ != "CCONJ" or before.head.pos_ not in {"NOUN", "PROPN"}:
        return False
    return not any(c.dep_ in _SUBJECTS or c.dep_ in {"aux", "mark", "advmod"} for c in verb.children)


def _verb_clauses(verb: Token) -> Iterator[Clause]:
    if _has_merged_xcomp(verb) or _adjectival_participle(verb):
        return
    subj_head, how = _subject(verb)
    relative_object = None
    if verb.dep_ == "relcl" or (verb.dep_ == "conj" and _antecedent(verb) is not None):
        for child in verb.children:
            if child.dep_ in {"dobj", "attr"} and _is_relative(child):
                relative_object = _antecedent(verb)
    if verb.dep_ == "acl" and verb.tag_ == "VBN":
        how = "acl"
    args = _arguments(verb, relative_object)
    relation = _verb_group(verb)
    if verb.dep_ == "xcomp" and _merges_into_head(verb):
        relation = _governor_relation(verb) + relation
        if how == "own":
            how = "xcomp"
        elif how == "control":
            how = "xcomp"
    relation = sorted(set(relation + args.folded))
    doc = verb.doc
    negated = any(doc[i].dep_ == "neg" for i in relation)
    passive = any(c.dep_ in _PASSIVE_SUBJECTS or c.dep_ == "auxpass" for c in verb.children)
    if how == "own":
        rule = "passive" if passive else ("copula" if verb.lemma_ == "be" else "svo")
    else:
        rule = how or "svo"
    lemma = _lemma(doc, relation)
    subjects = _conjuncts(subj_head) if subj_head is not None else [None]
    objects = [None]
    if args.obj_head is not None and not args.clausal and not _joint_object(args.obj_head):
        objects = _conjuncts(args.obj_head)
    for s in subjects:
        s_span = _arg_span(s, verb) if s is not None else None
        for o in objects:
            if o is None:
                o_span = args.obj
            else:
                o_span = _arg_span(o, verb) if len(objects) > 1 else args.obj
            split = len(subjects) > 1 or len(objects) > 1
            features = _features(rule, s_span, o_span, args.extras, verb, relation, clausal=args.clausal, split=split)
            yield Clause(
                head=verb.i,
                subject=s_span,
                relation=tuple(relation),
                lemma=lemma,
                object=o_span,
                extras=tuple(args.extras),
                negated=negated,
                confidence=_confidence(features),
                rule=rule,
            )


def _appositions(noun: Token) -> Iterator[Clause]:
    """ "Hong Min, a senior scholar at X" -> Hong Min | be | a senior scholar at X.

    The name is the subject whichever comes first ("Russia's leader, Vladimir Putin").
    """
    names = [ch for ch in noun.children if ch.dep_ == "appos" and ch.pos_ == "PROPN"]
    if len(names) > 1 and noun.pos_ == "NOUN":
        return  # "his sister Kim Yo Jong and Foreign Minister Choe Son Hui": which name is the sister is unclear
    for child in noun.children:
        if child.dep_ != "appos" or child.pos_ not in {"NOUN", "PROPN", "NUM"}:
            continue
        if noun.ent_type_ in _TIME_ENTS or child.ent_type_ in _TIME_ENTS:
            continue  # "October 6, 1973": a date, not a claim
        subject, obj = _span(noun), _span(child)
        if noun.pos_ == "NOUN" and child.pos_ == "PROPN":
            subject, obj = obj, subject
        features = _features("appos", subject, obj, (), child)
        yield Clause(child.i, subject, (), "be", obj, confidence=_confidence(features), rule="appos")


def _possessives(noun: Token) -> Iterator[Clause]:
    """ "X's leader Y" -> Y | be leader of | X; "X's Y" -> X | have | Y."""
    owner = next((c for c in noun.children if c.dep_ == "poss"), None)
    if owner is None or owner.tag_ in {"PRP$", "WP$"} or noun.pos_ not in {"NOUN", "PROPN"}:
        return
    owner_span = _span(owner)
    doc = noun.doc
    owner_span = (owner_span[0], min(owner_span[1], owner.i + 1))
    while owner_span[1] > owner_span[0] + 1 and doc[owner_span[1] - 1].tag_ == "POS":
        owner_span = (owner_span[0], owner_span[1] - 1)
    possessed_start = max(c.right_edge.i for c in noun.children if c.dep_ == "poss") + 1
    possessed = (possessed_start, _span(noun)[1])
    named = [c for c in noun.children if c.dep_ == "appos"]
    if noun.dep_ == "compound" or (named and noun.pos_ == "NOUN"):
        target = noun.head if noun.dep_ == "compound" else named[0]
        subject = _span(target)
        if noun.dep_ == "compound":
            subject = (noun.i + 1, subject[1])
        lemma = f"be {noun.lower_} of"
        features = _features("nominal-poss", subject, owner_span, (), noun, (noun.i,))
        yield Clause(noun.i, subject, (noun.i,), lemma, owner_span, confidence=_confidence(features), rule="nominal-poss")
        return
    if possessed[0] >= possessed[1]:
        return
    features = _features("nominal-poss", owner_span, possessed, (), noun)
    yield Clause(noun.i, owner_span, (), "have", possessed, confidence=_confidence(features), rule="nominal-poss")


def extract_clauses(sent: Span, *, min_confidence: float = 0.0) -> Iterator[Clause]:
    """Yield the clauses of one sentence (or any span of a parsed Doc).

    Parameters
    ----------
    sent:
        A span of a Doc with a dependency parse (``doc[:]`` for a whole Doc).
    min_confidence:
        Clauses scoring below this are not yielded.

    Yields
    ------
    Clause
        In sentence order of their heads; verb clauses first for each head.

    Raises
    ------
    ValueError
        If the Doc has no dependency parse.
    """
    doc = sent.doc
    if not doc.has_annotation("DEP"):
        raise ValueError("extract_clauses needs a Doc with a dependency parse (run a parser first)")
    seen: set[tuple] = set()
    for tok in sent:
        if _is_predicate(tok):
            produced = _verb_clauses(tok)
        elif tok.pos_ in {"NOUN", "PROPN", "NUM"}:
            produced = _noun_clauses(tok)
        else:
            continue
        for clause in produced:
            key = (clause.subject, clause.relation, clause.lemma, clause.object)
            if key in seen or clause.confidence < min_confidence:
                continue
            seen.add(key)
            yield clause


def _noun_clauses(noun: Token) -> Iterator[Clause]:
    yield from _appositions(noun)
    yield from _possessives(noun)
    yield from _nominal_preps(noun)


def _head_phrase(noun: Token) -> tuple[int, int]:
    """The noun with its left modifiers only ("the brightest star" of "the brightest star in X")."""
    left = noun.i
    for child in noun.lefts:
        if child.dep_ not in {"punct", "cc", "preconj", "appos"}:
            left = min(left, child.left_edge.i)
    doc = noun.doc
    while left < noun.i and doc[left].is_punct:
        left += 1
    return left, noun.i + 1


def _nominal_preps(noun: Token) -> Iterator[Clause]:
    """ "communications between spouses" -> communications | be between | spouses."""
    if noun.pos_ not in {"NOUN", "PROPN"}:
        return
    for prep in noun.rights:
        if prep.dep_ != "prep" or prep.lower_ not in _NOMINAL_PREPS:
            continue
        pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
        if pobj is None or pobj.pos_ not in {"NOUN", "PROPN", "NUM"}:
            continue
        if noun.ent_type_ and noun.ent_iob_ != "B" and pobj.ent_iob_ == "I" and noun.ent_type_ == pobj.ent_type_:
            continue  # inside one name: "the Institute for National Unification"
        subject = _head_phrase(noun)
        obj = _span(pobj)
        relation = tuple(sorted([prep.i] + [c.i for c in prep.children if c.dep_ in {"advmod", "amod"} and c.i < prep.i]))
        lemma = "be " + " ".join(noun.doc[i].lower_ for i in relation)
        features = _features("nominal-prep", subject, obj, (), prep, relation)
        yield Clause(prep.i, subject, relation, lemma, obj, confidence=_confidence(features), rule="nominal-prep")


def relation_words(clause: Clause, doc) -> list[str]:
    """The relation as words: the tokens as written, or the lemma for an implied one.

    An implied "have" is written "has" (the form open IE benchmarks use).
    """
    if clause.relation and clause.rule not in {"nominal-poss", "nominal-prep"}:
        words = [doc[i].text for i in clause.relation]
        if clause.rule == "acl":  # a reduced relative: "bills (that were) sold"
            words.insert(0, "be")
        return words
    return ["has" if w == "have" else w for w in clause.lemma.split()]
