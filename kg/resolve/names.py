"""Name normalisation for cross-document entity resolution: pure functions over strings.

Two labels that name the same thing usually differ in predictable, language-level ways:
an article ("The Guardian" / "Guardian"), a possessive, hyphens and dots ("Kim Jong-un" /
"Kim Jong Un", "U.S." / "US"), a title before a person's name ("Russian Culture Minister
Olga Lyubimova"), a type word after an outlet's name ("Yonhap News Agency"), an acronym
("Korean Central News Agency" / "KCNA"), or a well-known alternative name of a country
("DPRK" / "North Korea"). Each function here removes one such difference; the resolver
(:mod:`kg.resolve.entities`) turns the results into blocking keys.

>>> normalise("The Korea Herald's")
'korea herald'
>>> normalise("Kim Jong-un") == normalise("Kim Jong Un")
True
>>> person_core("Russian Culture Minister Olga Lyubimova")
'olga lyubimova'
>>> org_core("Yonhap News Agency")
'yonhap'
>>> sorted(acronyms("Korean Central News Agency"))
['kcna']
>>> common_name("the DPRK")
'north korea'
>>> place_stem("North Korea") in demonym_stems("North Korean")
True
>>> normalise("Mt. Ellery") == normalise("Mount Ellery"), normalise("Elm St") == normalise("Elm Street")
(True, True)
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

__all__ = [
    "COMMON_NAMES",
    "COMPASS_WORDS",
    "FUNCTION_WORDS",
    "KIND_ABBREVIATIONS",
    "ORG_KIND_WORDS",
    "SPELLING_VARIANTS",
    "SHORT_GIVEN_NAMES",
    "IRREGULAR_DEMONYMS",
    "WIDER_DEMONYMS",
    "TITLE_WORDS",
    "acronyms",
    "common_name",
    "demonym_stems",
    "given_name_variant",
    "host_name",
    "is_acronym",
    "kind_word_tail",
    "normalise",
    "numeral_forms",
    "numeral_nicknames",
    "org_core",
    "person_core",
    "place_stem",
    "tokens",
]

#: Words left out of an acronym ("Korea Institute for National Unification" -> KINU).
FUNCTION_WORDS = frozenset({"of", "for", "the", "and", "in", "on", "at", "to", "de", "du", "des", "la", "le", "von"})

#: Words that stand before a person's name as a title or role; everything up to the last
#: of them is dropped ("former Vice President Joe Biden" -> "joe biden"). Sports reports
#: abbreviate a player's position the same way ("QB Tom Hale", "WR Hale").
TITLE_WORDS = frozenset(
    """mr mrs ms miss mx dr prof professor sir dame lord lady president vice prime minister chancellor
    premier secretary general gen lt col colonel maj capt captain sgt sergeant cpl corporal adm admiral
    officer sen senator rep representative congressman congresswoman gov governor mayor judge justice chief
    king queen prince princess pope father rev reverend sheikh leader chairman chairwoman chair ceo director
    ambassador deputy former late envoy spokesman spokeswoman spokesperson commander marshal
    coach actor actress singer rapper star qb wr rb""".split()
)

#: Common English short forms of given names that are not a prefix of the full form (a prefix,
#: "Rob" / "Robert", needs no entry): short form -> the full forms it stands for.
SHORT_GIVEN_NAMES: dict[str, frozenset[str]] = {short: frozenset(full.split()) for short, full in {
    "bob": "robert", "bobby": "robert", "bill": "william", "billy": "william", "mo": "maurice morris",
    "jim": "james", "jimmy": "james", "mike": "michael", "dave": "david", "dick": "richard", "rick": "richard",
    "ricky": "richard", "joe": "joseph", "tony": "anthony", "liz": "elizabeth", "beth": "elizabeth",
    "betty": "elizabeth", "peggy": "margaret", "jack": "john", "harry": "henry", "hank": "henry",
    "ted": "edward", "ned": "edward", "chuck": "charles", "sandy": "alexandra", "kathy": "katherine catherine",
    "cathy": "catherine", "kate": "katherine catherine", "larry": "lawrence", "jerry": "gerald jeremy",
    "sally": "sarah", "patty": "patricia", "peggie": "margaret", "bert": "albert herbert", "sasha": "alexander",
}.items()}

#: Trailing words that say what kind of organisation a name is, not which one.
ORG_SUFFIXES: tuple[tuple[str, ...], ...] = (
    ("news", "agency"), ("news", "service"), ("press", "agency"), ("wire", "service"), ("news", "network"),
    ("inc",), ("corp",), ("corporation",), ("co",), ("ltd",), ("llc",), ("plc",), ("gmbh",), ("ag",), ("sa",),
)

#: Trailing words that say which kind of body or premises an organisation's name of two words or more is, and
#: that reports leave out once the name is known ("Tellport Police Department" / "Tellport Police", "Ardon Recovery
#: Center" / "Ardon Recovery"): read by resolve's rule 4b (:func:`kind_word_tail`). A one-word name is left out of
#: it, as a town's name is no short form of its police ("Tellport" / "Tellport Police"); so is "service", whose
#: short form names its members, not the body ("the U.S. Marshals" / "the U.S. Marshals Service").
ORG_KIND_WORDS = frozenset("department dept division bureau agency center centre clinic hospital institute".split())

#: Abbreviated kind words of place names -> the full word, read only where the abbreviation cannot be
#: anything else. A word that opens a name ("Mt Ellery", "Ft. Dale", "St. Oswin") is expanded before
#: another word, not after a number ("10 ft wall") and not as the last word (a last "MT" is Montana); a
#: road's kind word ("Elm Rd", "Fifth Ave South") is expanded after another word ("Ave Maria" is a
#: name). "St" is "saint" when it opens the name or follows another opener (:data:`_OPENERS`: "Mt St Alban",
#: "Port St Oswin") and "street" after a name word ("Elm St", "Dunmore St North"). Every full word starts
#: with its abbreviation's first letter, so the acronym of a name is the same either way.
KIND_ABBREVIATIONS: dict[str, tuple[str | None, str | None]] = {  # word -> (opening a name, after a word)
    "mt": ("mount", None), "mtn": ("mountain", "mountain"), "ft": ("fort", None), "st": ("saint", "street"),
    "ave": (None, "avenue"), "rd": (None, "road"), "blvd": (None, "boulevard"), "hwy": (None, "highway"),
    "pkwy": (None, "parkway"),
}
#: Words opening a place name after which an abbreviation still opens it ("Mount St Alban", "Port St Oswin").
_OPENERS = frozenset({"st", "saint", "mt", "mount", "ft", "fort", "port", "cape"})

#: British spellings of the kind words of places and buildings -> the American ones, so one name written in
#: either meets ("Dallow Treatment Centre" / "Dallow Treatment Center"). Only kind words: in other words the
#: spelling can be part of what tells two names apart ("Labour Party" in Britain, "Labor Party" in Australia).
SPELLING_VARIANTS: dict[str, str] = {
    "centre": "center", "centres": "centers", "theatre": "theater", "theatres": "theaters", "harbour": "harbor",
    "harbours": "harbors", "neighbourhood": "neighborhood",
}

#: Well-known alternative names and acronyms of countries and international bodies -> the
#: normalised name used as their key. General world knowledge, kept deliberately small; a
#: user extends it with ``--aliases``.
COMMON_NAMES: dict[str, str] = {
    "dprk": "north korea",
    "democratic peoples republic of korea": "north korea",
    "rok": "south korea",
    "republic of korea": "south korea",
    "us": "united states",
    "usa": "united states",
    "united states of america": "united states",
    "uk": "united kingdom",
    "britain": "united kingdom",
    "great britain": "united kingdom",
    "prc": "china",
    "peoples republic of china": "china",
    "russian federation": "russia",
    "ussr": "soviet union",
    "un": "united nations",
    "eu": "european union",
    "uae": "united arab emirates",
    "drc": "democratic republic of the congo",
    "dr congo": "democratic republic of the congo",
}

#: Demonyms whose country name is not a suffix change away.
IRREGULAR_DEMONYMS: dict[str, str] = {
    "french": "france", "dutch": "netherlands", "british": "united kingdom", "english": "england",
    "welsh": "wales", "scottish": "scotland", "scots": "scotland", "irish": "ireland", "polish": "poland",
    "swedish": "sweden", "danish": "denmark", "finnish": "finland", "turkish": "turkey", "spanish": "spain",
    "swiss": "switzerland", "greek": "greece", "thai": "thailand", "filipino": "philippines",
    "norwegian": "norway", "peruvian": "peru", "belgian": "belgium", "saudi": "saudi arabia",
    "afghan": "afghanistan", "portuguese": "portugal", "icelandic": "iceland",
}
#: Demonyms of a nation inside a wider one: the wider demonym says the same of the person ("an English
#: climber" is a British climber), so the two never tell people apart.
WIDER_DEMONYMS: dict[str, str] = {
    "english": "british", "scottish": "british", "scots": "british", "welsh": "british",
    "catalan": "spanish", "basque": "spanish", "bavarian": "german", "sicilian": "italian",
    "texan": "american", "californian": "american",
}
#: Single words that, used as a name ("the North"), stand for a place named with them.
COMPASS_WORDS = frozenset({"north", "south", "east", "west"})

_DEMONYM_SUFFIXES = ("ians", "eans", "ans", "ian", "ean", "an", "n", "ese", "ish", "is", "i", "ic")
_TLDS = frozenset({"com", "org", "net", "co", "uk", "au", "ca", "de", "fr", "in", "nz", "ie", "int", "gov", "edu",
                   "info", "news", "tv", "kr", "jp", "ru", "www", "m", "edition", "eu", "us"})
_QUOTES = str.maketrans({"’": "'", "‘": "'", "`": "'", "“": '"', "”": '"', "–": "-", "—": "-"})
_LEADING = re.compile(r"^(?:the|a|an)\s+")
_POSSESSIVE = re.compile(r"'s?$")
_DOTTED = re.compile(r"\b(?:[a-z]\. ?){1,}[a-z]\.(?= |$)|\b(?:[a-z]\.){2,}")
_NON_WORD = re.compile(r"[^\w&]+")
_ACRONYM = re.compile(r"^(?:[A-Z]\.?){2,6}$|^[A-Z][A-Z0-9&]{1,5}$")
_HOST = re.compile(r"^(?:[a-z0-9-]+\.)+[a-z]{2,}$", re.I)
_TRAILING_VOWELS = re.compile(r"[aeiouy]+$")


@lru_cache(maxsize=1 << 17)  # pure, and resolve asks for the same few names hundreds of thousands of times
def normalise(text: str) -> str:
    """Lower case, no leading article, no possessive, dots of acronyms and other punctuation removed.

    >>> normalise("U.S. Department of Justice")
    'us department of justice'
    >>> normalise("U. S. Surgeon General"), normalise("Helen M. Ashby")
    ('us surgeon general', 'helen m ashby')
    >>> normalise("  the DPRK’s ")
    'dprk'
    """
    text = unicodedata.normalize("NFKC", text).translate(_QUOTES).casefold().strip()
    text = _DOTTED.sub(lambda m: m.group(0).replace(".", "").replace(" ", ""), text)
    text = _POSSESSIVE.sub("", text.strip(" \"'.,;:"))
    text = _NON_WORD.sub(" ", text.replace("'", "")).replace("_", " ")
    words = _LEADING.sub("", " ".join(text.split())).split()
    return " ".join(_expand_kind_word(words, i) for i in range(len(words)))


def _expand_kind_word(words: list[str], i: int) -> str:
    """``words[i]``, or the kind word it abbreviates there (:data:`KIND_ABBREVIATIONS`), spelt the American way
    (:data:`SPELLING_VARIANTS`).

    >>> [_expand_kind_word(w, 0) for w in (["mt", "ellery"], ["mt"], ["ft", "dale"], ["ave", "maria"])]
    ['mount', 'mt', 'fort', 'ave']
    >>> _expand_kind_word(["elm", "st"], 1), _expand_kind_word(["port", "st", "oswin"], 1)
    ('street', 'saint')
    >>> _expand_kind_word(["10", "ft", "wall"], 1), _expand_kind_word(["billings", "mt"], 1)
    ('ft', 'mt')
    >>> _expand_kind_word(["main", "st", "north"], 1), _expand_kind_word(["mt", "st", "alban"], 1)
    ('street', 'saint')
    """
    word = SPELLING_VARIANTS.get(words[i], words[i])
    full = KIND_ABBREVIATIONS.get(word)
    if full is None:
        return word
    opening, after = full
    opens = i == 0 or words[i - 1] in _OPENERS  # (not after a name word nor a number: "10 ft wall")
    if i > 0 and after is not None and (i + 1 == len(words) or not opens):
        return after
    if i + 1 < len(words) and opening is not None and opens:
        return opening
    return word


@lru_cache(maxsize=1 << 17)  # (as normalise: the same labels are split again and again)
def tokens(text: str) -> tuple[str, ...]:
    """The words of the normalised text.

    >>> tokens("Kim Ju-ae")
    ('kim', 'ju', 'ae')
    """
    return tuple(normalise(text).split())


def person_core(text: str) -> str:
    """A person's name without the titles and roles before it ("President Vladimir Putin" -> "vladimir putin").

    A title word at the very end is kept, since it is then part of the name ("John Major").

    >>> person_core("Foreign Minister Choe Son Hui")
    'choe son hui'
    >>> person_core("Martin Luther King")
    'martin luther king'
    """
    words = tokens(text)
    cut = 0
    for i, word in enumerate(words[:-1]):
        if word in TITLE_WORDS:
            cut = i + 1
    return " ".join(words[cut:])


def org_core(text: str) -> str:
    """An organisation's name without a trailing type word ("Reuters News Agency" -> "reuters").

    Host names of outlets lose their domain ("theguardian.com" -> "guardian").

    >>> org_core("Apple Inc.")
    'apple'
    >>> org_core("theguardian.com")
    'guardian'
    >>> org_core("News Agency")
    'news agency'
    """
    host = host_name(text)
    if host:
        return host
    words = tokens(text)
    for suffix in ORG_SUFFIXES:
        n = len(suffix)
        if len(words) > n and words[-n:] == suffix:
            return " ".join(words[:-n])
    return " ".join(words)


def kind_word_tail(extra: tuple[str, ...] | list[str]) -> bool:
    """``extra``, the words after a shorter organisation name in a longer one, are all kind words of
    organisations (:data:`ORG_KIND_WORDS`): "Tellport Police Department" is "Tellport Police" with its kind said.

    >>> kind_word_tail(("department",)), kind_word_tail(("treatment", "center")), kind_word_tail(())
    (True, False, False)
    """
    return bool(extra) and all(w in ORG_KIND_WORDS for w in extra)


def host_name(text: str) -> str | None:
    """The outlet name in a host name: the longest label that is not a domain part, without "the".

    >>> host_name("www.bbc.co.uk")
    'bbc'
    >>> host_name("Kim Jong-un") is None
    True
    """
    text = text.strip().casefold()
    if not _HOST.match(text):
        return None
    labels = [p for p in text.split(".") if p not in _TLDS]
    if not labels:
        return None
    name = max(labels, key=len)
    if name.startswith("the") and len(name) >= 7:
        name = name[3:]
    return name


def is_acronym(label: str) -> bool:
    """A short all-capitals word such as "KCNA", "U.S." or "NATO".

    >>> is_acronym("KCNA"), is_acronym("U.S."), is_acronym("Kim"), is_acronym("A")
    (True, True, False, False)
    """
    return bool(_ACRONYM.match(label.strip()))


def given_name_variant(a: str, b: str) -> bool:
    """Two given names that may be one person's: a known short form, a prefix of at least three letters
    that leaves at least two letters ("Mo" / "Maurice", "Rob" / "Robert"; not "Chris" / "Christina"), or such a
    prefix made a pet name by "-ie" or "-y" ("Katie" / "Kathryn", "Andy" / "Andrew").

    >>> given_name_variant("mo", "maurice"), given_name_variant("rob", "robert"), given_name_variant("kim", "kimberly")
    (True, True, True)
    >>> given_name_variant("chris", "christina"), given_name_variant("anna", "hanna"), given_name_variant("jo", "john")
    (False, False, False)
    >>> given_name_variant("katie", "kathryn"), given_name_variant("andy", "andrew"), given_name_variant("tony", "toni")
    (True, True, False)

    One pet name is written with "-ie" or "-y" alike ("Bettie" / "Betty", "Jennie" / "Jenny"):

    >>> given_name_variant("bettie", "betty"), given_name_variant("katy", "katie"), given_name_variant("amy", "amie")
    (True, True, False)
    """
    if a == b:
        return False
    if len(a) > len(b):
        a, b = b, a
    if b in SHORT_GIVEN_NAMES.get(a, ()):
        return True
    if 3 <= len(a) <= 4 and len(b) >= len(a) + 2 and b.startswith(a):
        return True
    # a pet form: a short stem of the full name with "-ie" or "-y" ("Katie" / "Kathryn", "Andy" / "Andrew")
    stem = a[:-2] if a.endswith("ie") else a[:-1] if a.endswith("y") else ""
    if 3 <= len(stem) <= 4 and b in {stem + "ie", stem + "y"}:
        return True  # the one pet form spelt both ways
    return 3 <= len(stem) <= 4 and len(b) >= len(stem) + 3 and b.startswith(stem) and not b.startswith(a)


def acronyms(label: str) -> set[str]:
    """The acronyms a multi-word name can be shortened to: initials of its content words, and of all words.

    A town's police force named "<town> Police" is its police department, whose acronym ends in "PD"
    ("Tellport Police", "TPD"): the department's full name is often never written out.

    >>> sorted(acronyms("Democratic People's Republic of Korea"))
    ['dprk', 'dprok']
    >>> acronyms("Pyongyang")
    set()
    >>> sorted(acronyms("Port Tellis Police"))
    ['ptp', 'ptpd']
    >>> sorted(acronyms("U.S. Geological Survey")), sorted(acronyms("CIS Executive Committee"))
    (['usgs'], ['cisec'])
    """
    words = [w for w in tokens(label) if not w.isdigit()]
    content = [w for w in words if w not in FUNCTION_WORDS]
    if len(content) < 2:
        return set()
    # (a word that is an acronym itself gives all its letters: "U.S. Geological Survey" is USGS, "CIS Executive
    #  Committee" no CEC)
    spelt = {normalise(w) for w in label.split() if is_acronym(_POSSESSIVE.sub("", w.strip(",;:()")))}

    def initials(ws: list[str]) -> str:
        return "".join(w if w in spelt else w[0] for w in ws)

    found = {initials(content)}
    every = [w for w in words if w != "the"]
    found.add(initials(every))
    if content[-1] == "police":
        found.add(initials(content) + "d")
    return found


def common_name(label: str) -> str | None:
    """The key of a well-known alternative name (:data:`COMMON_NAMES`), or None.

    >>> common_name("U.S."), common_name("Pyongyang")
    ('united states', None)
    """
    return COMMON_NAMES.get(normalise(label))


def place_stem(label: str) -> str:
    """A place name with the trailing vowels of its last word removed, to meet its demonym.

    >>> place_stem("Ukraine"), place_stem("Germany"), place_stem("Japan")
    ('ukrain', 'german', 'japan')
    """
    words = list(tokens(label))
    if not words:
        return ""
    words[-1] = _TRAILING_VOWELS.sub("", words[-1]) or words[-1]
    return " ".join(words)


def demonym_stems(label: str) -> set[str]:
    """The place stems (:func:`place_stem`) a demonym may come from ("Ukrainian" -> "ukrain").

    Irregular demonyms map to their country's stem. Stems shorter than three letters are
    not produced.

    >>> sorted(demonym_stems("Russians"))
    ['russ', 'russi', 'russians']
    >>> demonym_stems("French")
    {'franc'}
    """
    words = list(tokens(label))
    if not words:
        return set()
    *head, last = words
    if last in IRREGULAR_DEMONYMS:
        return {place_stem(" ".join([*head, IRREGULAR_DEMONYMS[last]]))}
    stems = {last}
    for suffix in _DEMONYM_SUFFIXES:
        if last.endswith(suffix) and len(last) - len(suffix) >= 3:
            base = last[: -len(suffix)]
            stems.add(base)
            stems.add(_TRAILING_VOWELS.sub("", base) or base)
    return {" ".join([*head, s]) for s in stems if len(s) >= 3}


_UNITS = ("zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
          "seventeen eighteen nineteen").split()
_TENS = {w: 10 * n for n, w in enumerate("_ _ twenty thirty forty fifty sixty seventy eighty ninety".split()) if n >= 2}
_NUMBER_VALUES = {**{w: n for n, w in enumerate(_UNITS)}, **_TENS}
#: A numeral written as digits with a suffix that makes it a name word ("76ers", "49ers"): the digits and suffix.
_DIGITS_WORD = re.compile(r"^(\d{1,2})([a-z]{2,})$")


def _spelled(n: int) -> tuple[str, ...]:
    """The words of a number below 100 ("76" -> seventy, six).

    >>> _spelled(76), _spelled(40), _spelled(13)
    (('seventy', 'six'), ('forty',), ('thirteen',))
    """
    if n < 20:
        return (_UNITS[n],)
    tens = next(w for w, v in _TENS.items() if v == n - n % 10)
    return (tens,) if n % 10 == 0 else (tens, _UNITS[n % 10])


def _digits_for_words(words: tuple[str, ...]) -> tuple[str, ...]:
    """``words`` with each number written in words below 100 written in digits ("formula one" -> formula 1,
    "seventy six ers" is not a word form: only whole number words count).

    >>> _digits_for_words(("apollo", "thirteen")), _digits_for_words(("seventy", "six", "street"))
    (('apollo', '13'), ('76', 'street'))
    """
    out: list[str] = []
    i = 0
    while i < len(words):
        w = words[i]
        if w in _TENS and i + 1 < len(words) and words[i + 1] in _NUMBER_VALUES and _NUMBER_VALUES[words[i + 1]] < 10 \
                and words[i + 1] != "zero":
            out.append(str(_TENS[w] + _NUMBER_VALUES[words[i + 1]]))
            i += 2
            continue
        out.append(str(_NUMBER_VALUES[w]) if w in _NUMBER_VALUES and w != "zero" else w)
        i += 1
    return tuple(out)


def _numeral_word(words: tuple[str, ...], i: int) -> tuple[int, tuple[str, ...], str] | None:
    """A name word at ``words[i]`` that is a number below 100 with a suffix, written in digits ("76ers"), or in
    words whole ("seventysixers") or hyphenated (the two words "seventy", "sixers"): (words it takes, the
    number's words, the suffix).

    >>> _numeral_word(("76ers",), 0), _numeral_word(("seventy", "sixers"), 0), _numeral_word(("fortyniners",), 0)
    ((1, ('seventy', 'six'), 'ers'), (2, ('seventy', 'six'), 'ers'), (1, ('forty', 'nine'), 'ers'))
    >>> _numeral_word(("sixers",), 0), _numeral_word(("seventy", "days"), 0), _numeral_word(("42nd",), 0)
    (None, None, None)
    """
    w = words[i]
    match = _DIGITS_WORD.match(w)
    if match:  # ("42nd" is an ordinal, read as a number: no name word)
        return (1, _spelled(int(match.group(1))), match.group(2)) if match.group(2) in _NUMERAL_SUFFIXES else None
    tens = next((t for t in _TENS if w.startswith(t)), None)
    if tens is None:
        return None
    rest, taken = w[len(tens):], 1
    if not rest and i + 1 < len(words):
        rest, taken = words[i + 1], 2
    unit = next((u for u in _UNITS[1:10] if rest.startswith(u) and len(rest) - len(u) >= 2), None)
    suffix = rest[len(unit):] if unit else ""
    if unit and unit.endswith("e") and "e" + suffix in _NUMERAL_SUFFIXES:
        suffix = "e" + suffix  # ("nine" + "ers" is written "niners")
    if suffix not in _NUMERAL_SUFFIXES:
        return None
    return taken, (tens, unit), suffix


def _suffixed(word: str, suffix: str) -> str:
    """``word`` + ``suffix``, a final "e" of the word taking the suffix's ("nine" + "ers" -> "niners")."""
    return word[:-1] + suffix if word.endswith("e") and suffix.startswith("e") else word + suffix


#: The suffixes that make a name word of a numeral ("76ers", "the Niners").
_NUMERAL_SUFFIXES = frozenset({"ers", "er", "ies", "s"})


def numeral_forms(text: str, *, alone: bool = True) -> set[str]:
    """Other normalised forms of a name that holds a numeral: its numbers in digits ("Formula One" /
    "Formula 1"), and a name word made of a compound number and a suffix ("76ers", "Forty-Niners") written
    the other way ("seventysixers" / "76ers"); a word that ends the name also stands alone ("76ers").

    Why: news texts write a number in a name either way; these forms are the name's own, never a list of
    names. (The nickname cut to the last number word, "Sixers", is :func:`numeral_nicknames`: it may be
    several names' nickname.) ``alone=False`` leaves out the name word alone: it is a form of every name that
    ends with it ("Pemberton 88ers", "Dalby 88ers"), so it tells no two full names one.

    >>> sorted(numeral_forms("Philadelphia 76ers"))
    ['philadelphia seventysixers', 'seventysixers']
    >>> sorted(numeral_forms("the Seventy-Sixers")), sorted(numeral_forms("Formula One"))
    (['76ers', 'seventysixers'], ['formula 1'])
    >>> sorted(numeral_forms("Philadelphia 76ers", alone=False))
    ['philadelphia seventysixers']
    >>> numeral_forms("Tellport Harriers"), numeral_forms("Ten"), numeral_forms("Sixers")
    (set(), set(), set())
    """
    words = tokens(text)
    found: set[str] = set()
    for i, taken, spelled, suffix in _numeral_words(words):
        before, after = words[:i], words[i + taken:]
        digits = f"{_value(spelled)}{suffix}"
        for variant in {_suffixed("".join(spelled), suffix), digits} - {words[i]}:
            found.add(" ".join((*before, variant, *after)))
            if alone and before and not after:
                found.add(variant)  # the name word alone, as "76ers" is the team's own short name
        return found
    digits = _digits_for_words(words)
    if digits != words and len(words) > 1:
        found.add(" ".join(digits))
    return found


def numeral_nicknames(text: str) -> set[str]:
    """The name with its compound-number name word cut to the last number word, the nickname news texts
    shorten such a word to ("Philadelphia 76ers", "the Seventy-Sixers" -> "philadelphia sixers", "sixers";
    "49ers" -> "niners").

    Why: such a word is spoken by its numbers, and is called by its last part; the nickname may be several
    names' ("86ers"), so it is a form to look a name up by within a story, not a name of its own.

    >>> sorted(numeral_nicknames("Philadelphia 76ers")), numeral_nicknames("Forty-Niners"), numeral_nicknames("Harriers")
    (['philadelphia sixers', 'sixers'], {'niners'}, set())
    """
    words = tokens(text)
    found = set()
    for i, taken, spelled, suffix in _numeral_words(words):
        nickname = _suffixed(spelled[-1], suffix)
        found |= {" ".join((*words[:i], nickname, *words[i + taken:])), nickname}
    return found


def _numeral_words(words: tuple[str, ...]) -> list[tuple[int, int, tuple[str, ...], str]]:
    """(index, words taken, number words, suffix) of each compound-number name word of ``words``."""
    found = []
    for i in range(len(words)):
        numeral = _numeral_word(words, i)
        if numeral is not None and len(numeral[1]) == 2:  # ("3ers" is no nickname: only a compound number)
            found.append((i, *numeral))
    return found


def _value(spelled: tuple[str, ...]) -> int:
    """The number of its words ("seventy", "six" -> 76)."""
    return sum(_NUMBER_VALUES[w] for w in spelled)
