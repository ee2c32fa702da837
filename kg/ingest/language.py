"""A cheap, dependency-free guess of a text's language.

claimgraph's extraction runs an English spaCy pipeline: a German or Korean
article would come out as garbage claims, so ingest marks the language and the
pipeline skips what is not English with a warning. Two signals are enough for
that decision:

- the script of the letters (Cyrillic, Greek, Arabic, Hebrew, Devanagari, Thai,
  Hangul, kana, Han) names the language directly;
- for Latin-script text, the share of words that are the most frequent function
  words ("the", "of", "der", "und", "le", "de", ...) of each language.

Text with too few words to tell gives ``None`` (unknown, which the pipeline
treats as English).

>>> detect_language("The soldiers were sent to the front, the agency said on Monday.")
'en'
>>> detect_language("Die Soldaten wurden an die Front geschickt, sagte die Agentur am Montag.")
'de'
>>> detect_language("Солдаты были отправлены на фронт, сообщило агентство.")
'ru'
>>> detect_language("Kim Jong-un") is None
True
"""

from __future__ import annotations

import re

__all__ = ["STOPWORDS", "detect_language"]

#: The most frequent function words of each Latin-script language (ISO 639-1 code -> words).
STOPWORDS: dict[str, frozenset[str]] = {
    code: frozenset(words.split())
    for code, words in {
        "en": "the of and to in is was that for on it with as are by at from his this had have has be were "
        "been which their its not but they would will who said an or after more than",
        "de": "der die und das den von zu mit ist des sich nicht auf für ein eine im dem auch es als wurde "
        "sie bei nach wird hat aus oder sind einer über zum zur noch wie werden am an",
        "fr": "le la les de des et est du un une que qui dans pour pas sur au par avec il ont été ce sont aux "
        "mais plus cette ses elle leur selon ne se",
        "es": "el la los las de y que en del un una por con para es se no al lo como más su sus pero fue ha "
        "este esta entre sobre también según",
        "it": "il la di che e è un una per del della dei le gli con non sono da nel alla ha anche come più "
        "questo nella lo degli ai ma stato",
        "pt": "o a os as de do da dos das que e em um uma para com não no na por foi se mais ao seu sua é "
        "pelo pela entre também",
        "nl": "de het een en van in is dat op te zijn voor met die niet aan er om ook als bij door maar werd "
        "naar heeft wordt dan nog over",
        "sv": "och att det som en på är av för med till den har de inte om ett var men från kan sig så eller "
        "efter också",
        "pl": "i w na z się że nie do to jest o jak ale po co od za przez jego był była są dla tym oraz które "
        "który także",
        "tr": "ve bir bu da de için ile olarak çok daha olan gibi ama sonra kadar her ne değil ise göre",
        "id": "yang dan di ini itu dengan untuk dari dalam tidak akan pada juga ke karena oleh ada mereka "
        "telah sudah",
    }.items()
}
# Unicode blocks whose letters name the language outright; tested in this order.
_SCRIPTS: tuple[tuple[str, str], ...] = (
    ("ko", "\uac00-\ud7af\u1100-\u11ff\u3130-\u318f"),
    ("ja", "\u3040-\u30ff"),
    ("zh", "\u4e00-\u9fff\u3400-\u4dbf"),
    ("ru", "\u0400-\u04ff"),
    ("el", "\u0370-\u03ff\u1f00-\u1fff"),
    ("ar", "\u0600-\u06ff\u0750-\u077f"),
    ("he", "\u0590-\u05ff"),
    ("hi", "\u0900-\u097f"),
    ("th", "\u0e00-\u0e7f"),
)
_SCRIPT_RE = {code: re.compile(f"[{ranges}]") for code, ranges in _SCRIPTS}
_LETTER = re.compile(r"[^\W\d_]")
# Whole words only: the letters inside "9402E6D7" or "76ERS" are not words ("E", "A" and "D"
# would count as Italian, Portuguese or Spanish function words).
_WORD = re.compile(r"\b[^\W\d_]+(?:['’][^\W\d_]+)?\b")
_URL = re.compile(r"(?:https?://|www\.)\S+", re.IGNORECASE)
_UKRAINIAN = re.compile("[іїєґІЇЄҐ]")
_PERSIAN = re.compile("[پچژگ]")
_SAMPLE_CHARS = 20_000
_MIN_LETTERS = 20
_MIN_WORDS = 8
_MIN_STOPWORD_SHARE = 0.12
# Leaving a document out is costly, so a language needs several different function words, not one
# frequent one: a one-word "a" or "de" in a headline of names decides nothing.
_MIN_DISTINCT_STOPWORDS = 2


def detect_language(text: str) -> str | None:
    """Guess the ISO 639-1 code of ``text``'s language, or ``None`` when it cannot be told.

    Parameters
    ----------
    text:
        Any amount of text; only the first 20,000 characters are looked at.

    Returns
    -------
    A two-letter code ("en", "de", "ko", ...), or ``None`` for text that is too
    short or matches no language's function words well enough.

    >>> detect_language("북한은 지난 가을부터 약 1만5천 명의 병사를 러시아에 파병했다.")
    'ko'
    """
    sample = text[:_SAMPLE_CHARS]
    letters = len(_LETTER.findall(sample))
    if letters < _MIN_LETTERS:
        return None
    script = _script_language(sample, letters)
    if script is not None:
        return script
    words = [word.lower() for word in _WORD.findall(_URL.sub(" ", sample))]
    if len(words) < _MIN_WORDS:
        return None
    scores = {code: sum(word in stop for word in words) / len(words) for code, stop in STOPWORDS.items()}
    best = max(scores, key=lambda code: scores[code])  # ties go to the first listed, English
    if scores[best] < _MIN_STOPWORD_SHARE or len(STOPWORDS[best].intersection(words)) < _MIN_DISTINCT_STOPWORDS:
        return None
    return best


def _script_language(sample: str, letters: int) -> str | None:
    counts = {code: len(pattern.findall(sample)) for code, pattern in _SCRIPT_RE.items()}
    if counts["ja"] and counts["ja"] + counts["zh"] > letters / 2:
        return "ja"  # Japanese mixes kana with Han characters
    code = max(counts, key=lambda c: counts[c])
    if counts[code] <= letters / 2:
        return None
    if code == "ru" and _UKRAINIAN.search(sample):
        return "uk"
    if code == "ar" and _PERSIAN.search(sample):
        return "fa"
    return code
