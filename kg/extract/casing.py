"""Headline case: title-case and all-caps lines parsed in the case the article itself writes the words in.

spaCy's small model reads capitals as names: "Gulls Hire Theodore Banks as Head
Coach" becomes one long name, "HARRIERS' RECEIVER ARRESTED" three proper nouns. A
headline-case line (a headline kept in the body, a title, an all-caps brief) is
therefore parsed from a *case-normalised copy*: each capitalised word takes the form
the same document gives it in running text, away from the start of a sentence
("Hire" -> "hire" when the article writes "hire" and never "Hire" mid-sentence;
"Banks" stays), and small function words ("of", "to", "As") are lower case. A word
the document gives no evidence about is lower case only when the pipeline's own word
lists know it as a common verb, adjective or adverb (:func:`common_words`:
"Interdicts", "Fatally"); otherwise it keeps its capitals, as an unknown word in a
headline may well be a name. Weekdays, and month names (next to a number: "MAY 23"),
are capitalised. Only letters change case and only where the change
keeps one character one character, so the copy has the same length and every offset
still points into the original text; :func:`restore_text` puts the original
characters back into the parsed ``Doc``, so mention and claim texts quote the article.

>>> text = "Gulls Hire Theodore Banks As Head Coach\\nThe Gulls will hire Theodore Banks as their head coach."
>>> normalise_case(text, word_forms(text))
'Gulls hire Theodore Banks as head coach\\nThe Gulls will hire Theodore Banks as their head coach.'
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from weakref import WeakKeyDictionary

from spacy.attrs import DEP, ENT_IOB, ENT_TYPE, HEAD, LEMMA, MORPH, POS, TAG
from spacy.language import Language
from spacy.tokens import Doc

from kg.extract.texts import doc_text
from kg.extract.times import MONTHS, WEEKDAYS
from kg.lexicon import listed_person_noun

__all__ = ["FUNCTION_WORDS", "case_variant", "common_words", "is_headline_case", "lone_capitals", "normalise_case",
           "restore_text", "word_forms"]

#: Words a headline capitalises that running text writes in lower case whatever the article says.
FUNCTION_WORDS = frozenset("""a an the and or but nor of to in on at for with by from as vs via into onto over under
    after before than up out off about against amid among between during since until upon per is are was were be been
    has have had will would can could may might must shall should its his her their our my your this that these
    those""".split())
_WORD = re.compile(r"(?<![\w'’])[^\W\d_]+(?:['’][^\W\d_]+)*(?![\w])")
_URLISH = re.compile(r"\S*(?:://|www\.|@|\.[a-z]{2,4}/)\S*", re.IGNORECASE)
_LINE = re.compile(r"[^\n]+")
_SENTENCE_END = frozenset('.!?:;"“”\'‘’(')
_MIN_WORDS = 3  # a title-case line has at least this many content words, all capitalised
_MIN_CAPS_LETTERS = 8
_CAPS_SHARE = 0.8  # an all-caps line: this share of its letters at least are capitals
_NUMBER_NEAR = re.compile(r"\s+\d")
_NUMBER_BEFORE = re.compile(r"\d\s+$")


def _sentence_initial(text: str, start: int) -> bool:
    """Whether the word at ``start`` opens a sentence (or a line, or a quotation)."""
    i = start - 1
    while i >= 0 and text[i] in " \t\u00a0":
        i -= 1
    if i > 0 and text[i] in "'’" and text[i - 1].isalnum():
        return False  # a possessive ("HARRIERS' DRIVER"), not a quotation mark
    return i < 0 or text[i] == "\n" or text[i] in _SENTENCE_END


def _after_hyphen(text: str, start: int) -> bool:
    """Whether the word at ``start`` is the second part of a hyphenated word ("Co-workers", "Mid-day")."""
    return start > 1 and text[start - 1] in "-‐" and text[start - 2].isalpha()


def is_headline_case(line: str) -> bool:
    """Whether a line is written in title case or in capitals, not in sentence case.

    >>> is_headline_case("Police Name Woman Hurt In Harbor Crash")
    True
    >>> is_headline_case("HARRIERS' RECEIVER ARRESTED")
    True
    >>> is_headline_case("Spiritual Woman Shoots Co-workers")  # a hyphenated word's second part may stay lower case
    True
    >>> is_headline_case("Police released the name of the woman hurt in a harbor crash.")
    False
    >>> is_headline_case("Robert Hallam, 32, was climbing on Mount Ardle in the Kestrel-Mt Fenn National Park.")
    False
    """
    words = [m.group() for m in _WORD.finditer(line) if not _after_hyphen(line, m.start())]
    letters = [ch for ch in line if ch.isalpha()]
    capitals = sum(ch.isupper() for ch in letters)
    if len(letters) >= _MIN_CAPS_LETTERS and len(words) >= 2 and capitals >= _CAPS_SHARE * len(letters):
        return True
    content = [w for w in words if w.lower() not in FUNCTION_WORDS]
    return len(content) >= _MIN_WORDS and all(w[0].isupper() for w in content)


def word_forms(text: str) -> dict[str, Counter]:
    """How a document writes each word in running text: lower-cased word -> Counter of forms seen.

    Only words inside sentences of sentence-case lines count: a capital at the start
    of a sentence or in a headline-case line says nothing about the word.

    >>> word_forms("The Gulls hire. Hire him, the gulls said.")["gulls"]
    Counter({'Gulls': 1, 'gulls': 1})
    >>> "hire" in word_forms("Hire Him Now Please\\nHire him.")
    False
    """
    forms: dict[str, Counter] = {}
    for line in _LINE.finditer(text):
        if is_headline_case(line.group()):
            continue
        urls = [(m.start(), m.end()) for m in _URLISH.finditer(text, line.start(), line.end())]
        for match in _WORD.finditer(text, line.start(), line.end()):
            if any(s <= match.start() < e for s, e in urls):
                continue  # "ellen-degeneres-to-host" in a link says nothing about how the article writes names
            if not _sentence_initial(text, match.start()):
                word = match.group()
                forms.setdefault(word.lower(), Counter())[word] += 1
    return forms


def lone_capitals(text: str) -> frozenset[str]:
    """Lower-cased words ``text`` writes capitalised mid-sentence on their own, not as a part of a longer name.

    A capital a word takes only inside a run of capitalised words ("the 67th Police Precinct",
    "Staunton Police said") is the longer name's, and says nothing of the word alone: a headline's
    "Police" is the body's "police" when the body writes it so. Sentence-initial and headline-case
    words, and words of links, are not read (as in :func:`word_forms`).

    >>> sorted(lone_capitals("The Staunton Police Department said police found Smith. The police left."))
    ['smith']
    """
    lone: set[str] = set()
    for line in _LINE.finditer(text):
        if is_headline_case(line.group()):
            continue
        urls = [(m.start(), m.end()) for m in _URLISH.finditer(text, line.start(), line.end())]
        words = [m for m in _WORD.finditer(text, line.start(), line.end())
                 if not any(s <= m.start() < e for s, e in urls)]
        for i, match in enumerate(words):
            word = match.group()
            if not word[0].isupper() or _sentence_initial(text, match.start()):
                continue
            before = i > 0 and words[i - 1].group()[0].isupper() and \
                not text[words[i - 1].end() : match.start()].strip()
            after = i + 1 < len(words) and words[i + 1].group()[0].isupper() and \
                not text[match.end() : words[i + 1].start()].strip()
            if not before and not after:
                lone.add(word.lower())
    return frozenset(lone)


#: Irregular plurals of the person nouns a headline writes ("Women", "Men").
_IRREGULAR_PLURALS = {"women": "woman", "men": "man", "children": "child", "people": "person"}


def _singular(low: str) -> str:
    """The singular of a lower-case plural noun by the common English endings ("workers" -> "worker")."""
    if low in _IRREGULAR_PLURALS:
        return _IRREGULAR_PLURALS[low]
    if low.endswith("women") or low.endswith("men"):
        return low[:-2] + "an"
    if low.endswith("ies") and len(low) > 4:
        return low[:-3] + "y"
    if low.endswith("s") and not low.endswith("ss") and len(low) > 3:
        return low[:-1]
    return low


def _person_word(low: str) -> bool:
    """Whether a lower-case word (or its singular) is one of the lexicon's listed nouns for people or forces.

    Listed words only, no suffix guess ("Christian", "Newman"); the lists leave out nouns that are common
    surnames ("baker", "cook"). Possessives are read by their noun ("teenager’s").
    """
    low = re.sub(r"['’]s?$", "", low)
    return any(listed_person_noun(w, forces=True) for w in (low, _singular(low)))


def _headline_common_noun(low: str, forms: dict[str, Counter], lone: frozenset[str] | None) -> bool:
    """Whether a capitalised headline word is a noun for people, to be parsed in lower case, not as a name.

    A title-case headline capitalises every noun, and the parser reads "Teen Killed By Police" as names that
    resolve then joins to people. Only the lexicon's nouns for people and forces (:func:`_person_word`:
    "Teen", "Gunman", "Women", "Police"), in two cases, each keeping the names a body writes capitalised on
    their own ("Bush", "King"):

    - the body never writes the word mid-sentence ("Gunman" where the body says "the shooter");
    - the body writes it in lower case more often than capitalised, and capitalised only inside longer
      names (``lone`` from :func:`lone_capitals`: "Police Commissioner", "Staunton Police").

    Other nouns keep the capitals a body gives them inside names: measured on ECB+, lowering "Patch" (of
    "Patch Tuesday") and "Fire" the same way moved unrelated records and lost more than it won.

    >>> forms = word_forms("Two workers said police and Police Commissioner Ray Kell spoke; the police left.")
    >>> lone = lone_capitals("Two workers said police and Police Commissioner Ray Kell spoke; the police left.")
    >>> [w for w in ("police", "kell", "teen’s", "women", "workers", "gray") if _headline_common_noun(w, forms, lone)]
    ['police', 'teen’s', 'women', 'workers']
    """
    if not _person_word(low):
        return False
    seen = forms.get(low)
    if not seen:
        return True
    if lone is None or low in lone:
        return False
    lower = seen.get(low, 0)
    return lower > 0 and lower > sum(n for form, n in seen.items() if form != low)


def _same_length(word: str, form: str) -> str:
    """``word`` in the case of ``form``, letter by letter, leaving any letter whose case change is not one letter."""
    out = []
    for ch, model in zip(word, form):
        changed = ch.lower() if model.islower() else ch.upper()
        out.append(changed if len(changed) == 1 else ch)
    return "".join(out)


def _form(word: str, forms: dict[str, Counter], first: bool, dated: bool = False,
          common: Callable[[str], bool] | None = None, lone: frozenset[str] | None = None) -> str:
    """The form a headline-case word takes in the copy (see the module docstring).

    ``dated``: the word stands next to a number, where a month name is a month ("MAY 23").
    """
    low = word.lower()
    seen = forms.get(low)
    if low in WEEKDAYS or (low in MONTHS and (dated or (len(low) > 3 and low not in FUNCTION_WORDS))):
        target = low.capitalize()
    elif seen:
        capital = [f for f in seen if f != low]
        if not capital or _headline_common_noun(low, forms, lone):
            target = low
        elif word.isupper() and len(word) > 1:
            target = max(capital, key=lambda f: (seen[f], f))
        else:
            return word
    elif low in FUNCTION_WORDS or (common is not None and common(low)) or _headline_common_noun(low, forms, lone):
        target = low
    else:
        return word
    if first:
        target = target[:1].upper() + target[1:]
    return _same_length(word, target)


def normalise_case(piece: str, forms: dict[str, Counter], common: Callable[[str], bool] | None = None,
                   lone: frozenset[str] | None = None) -> str:
    """``piece`` with its headline-case lines in the case the document writes their words in (same length).

    ``forms`` is :func:`word_forms` of the document; ``common`` (:func:`common_words`) tells
    the words the document says nothing about that are common English verbs, adjectives
    or adverbs ("Interdicts", "Fatally"), lower case too; ``lone`` (:func:`lone_capitals`) tells
    the words the document writes capitalised on their own, and an ordinary noun of a
    headline is lower case by :func:`_headline_common_noun`. Sentence-case lines are
    returned unchanged.

    >>> forms = word_forms("Police said the driver was arrested. DUI charges were filed against the driver.")
    >>> normalise_case("DRIVER ARRESTED ON DUI CHARGES", forms)
    'Driver arrested on DUI charges'
    >>> normalise_case("Woman Dies After Crash", forms)  # no evidence but for "after"
    'Woman Dies after Crash'
    """
    lines = [m for m in _LINE.finditer(piece) if is_headline_case(m.group())]
    if not lines:
        return piece
    chars = list(piece)
    for line in lines:
        for n, match in enumerate(_WORD.finditer(piece, line.start(), line.end())):
            word = match.group()
            if word.islower():
                continue
            first = n == 0 or _sentence_initial(piece, match.start())
            dated = bool(_NUMBER_NEAR.match(piece, match.end()) or
                         _NUMBER_BEFORE.search(piece, max(0, match.start() - 8), match.start()))
            chars[match.start() : match.end()] = _form(word, forms, first, dated, common, lone)
    return "".join(chars)


def case_variant(copy: str, text: str) -> bool:
    """Whether ``copy`` is ``text`` with only the case of some letters changed (what :func:`normalise_case` makes).

    >>> case_variant("Gulls hire", "Gulls Hire"), case_variant("Gulls fire", "Gulls Hire")
    (True, False)
    """
    return len(copy) == len(text) and all(a == b or a.lower() == b.lower() for a, b in zip(copy, text))


def restore_text(doc: Doc, text: str) -> Doc:
    """``doc`` (parsed from a same-length case-normalised copy) with the characters of ``text`` put back.

    Tags, morphology, lemmas, the parse, named entities and ``doc._`` extensions are kept;
    every token's text is the original's, so spans quote the article exactly.
    """
    if doc_text(doc) == text:
        return doc
    if not case_variant(doc_text(doc), text):
        raise ValueError("restore_text needs the text the parsed copy was made from (same length, same letters)")
    words = [text[t.idx : t.idx + len(t.text)] for t in doc]
    restored = Doc(doc.vocab, words=words, spaces=[bool(t.whitespace_) for t in doc])
    attrs = [TAG, POS, MORPH, DEP, HEAD, LEMMA, ENT_IOB, ENT_TYPE]
    restored.from_array(attrs, doc.to_array(attrs))
    restored.user_data.update(doc.user_data)
    return restored


_COMMON: WeakKeyDictionary = WeakKeyDictionary()
#: Parts of speech whose word lists say a word is common English; nouns are left out (the noun list holds
#: names: "jackson", "troy").
_COMMON_POS = ("verb", "adj", "adv")


def common_words(nlp: Language) -> Callable[[str], bool] | None:
    """Whether a lower-case word is a common English verb, adjective or adverb, by the pipeline's lemmatizer tables.

    The rule lemmatizer of the English pipelines ships word lists per part of speech
    and suffix rules ("interdicts" -> "interdict"); ``None`` when the pipeline has none.
    """
    if nlp in _COMMON:
        return _COMMON[nlp]
    check = None
    if "lemmatizer" in nlp.pipe_names:
        lookups = getattr(nlp.get_pipe("lemmatizer"), "lookups", None)
        if lookups is not None and lookups.has_table("lemma_index") and lookups.has_table("lemma_rules"):
            index, rules = lookups.get_table("lemma_index"), lookups.get_table("lemma_rules")
            exc = lookups.get_table("lemma_exc") if lookups.has_table("lemma_exc") else {}
            known = {pos: frozenset(index.get(pos, ())) for pos in _COMMON_POS}
            suffixes = {pos: [tuple(rule) for rule in rules.get(pos, ())] for pos in _COMMON_POS}
            irregular = {pos: dict(exc.get(pos, {})) for pos in _COMMON_POS}

            def check(word: str) -> bool:
                for pos in _COMMON_POS:
                    if word in known[pos] or word in irregular[pos]:
                        return True
                    if any(word.endswith(old) and word[: len(word) - len(old)] + new in known[pos]
                           for old, new in suffixes[pos] if old):
                        return True
                return False

    _COMMON[nlp] = check
    return check
