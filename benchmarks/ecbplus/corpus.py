"""Read ECB+ (../shared/corpora/ecbplus) into documents with gold entity mentions and chains.

ECB+ ships pre-tokenized XML: ``<token t_id sentence number>``, markables anchored to
token ids and ``CROSS_DOC_COREF``/``INTRA_DOC_COREF`` relations. claimgraph reads raw
text, so every document is rendered back to prose (:func:`render_tokens`) while an exact
token -> ``(start, end)`` code-point map is kept; gold mentions then have character spans
that can be compared with the offsets of the build.

Choices (they matter for the numbers, so they are written down here):

- Entity mentions are the anchored markables whose tag starts with ``HUMAN_PART``,
  ``LOC_``, ``TIME_`` or ``NON_HUMAN_PART``. Events (``ACTION_*``, ``NEG_ACTION_*``) and
  the unanchored instance markables (``UNKNOWN_INSTANCE_TAG``, typed tags carrying an
  ``instance_id``) are not mentions.
- Gold chains: a mention that is a source of a ``CROSS_DOC_COREF`` belongs to the
  instance named by the relation's ``note`` (the target's ``instance_id``), scoped by
  topic (a few instance ids recur in two topics and are not merged). A mention that is
  only in an ``INTRA_DOC_COREF`` belongs to that document's chain. Every other mention
  is a singleton. Cross-document membership wins over intra-document membership.
- Only mentions in the sentences listed in ``ECBplus_coreference_sentences.csv`` are
  evaluated (the fully annotated sentences; the standard ECB+ evaluation). The build
  still reads whole documents.
- The evaluation unit is the topic: both sub-topics (the ``ecb`` and the ``ecbplus``
  documents, two similar events) are built and scored together, so the resolver must
  also keep the two events apart.
- Heads: ECB+ does not mark them. :func:`annotate_heads` parses each evaluated sentence
  with spaCy over the gold tokens (no re-tokenization) and takes the mention token
  closest to the root of the dependency tree whose head lies outside the mention (for a
  mention that starts with a preposition, "On Friday", the preposition's object).
  Punctuation inside a mention ("Friday night." with its full stop) is never its head, and
  when the parse gives a mention a head that cannot head a noun phrase (a preposition
  whose object the parser hung outside the mention, "In Queens Hit-And-Run"; a verb in a
  misparsed headline), the head is the mention's noun, pronoun or number closest to the root.

>>> text, spans = render_tokens([["He", "said", "``", "it", "'s", "a", "year", "-", "old", "deal", "''", "."],
...                              ["http", ":", "/", "/", "a", ".", "com"]])
>>> print(text)
He said "it's a year-old deal".
http://a.com
>>> [text[s:e] for s, e in spans[0][2:5]]
['"', 'it', "'s"]
"""

from __future__ import annotations

import csv
import os
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from functools import cached_property
from pathlib import Path
from urllib.parse import urlparse

from kg.errors import InputError

__all__ = [
    "CORPUS_ENV",
    "DEV_TOPICS",
    "OTHER_TOPICS",
    "TOPIC_SETS",
    "TRAIN_TOPICS",
    "ENTITY_TAG_PREFIXES",
    "CorpusDocument",
    "GoldMention",
    "Token",
    "annotate_heads",
    "find_corpus",
    "gold_clusters",
    "load_evaluated_sentences",
    "read_document",
    "read_topic",
    "render_tokens",
    "topics_in",
]

#: The standard ECB+ development topics.
DEV_TOPICS: tuple[int, ...] = (2, 5, 12, 18, 21, 23, 34, 35)
#: The topics a rule is checked on besides dev: a change kept for dev must not lose these.
TRAIN_TOPICS: tuple[int, ...] = (1, 3, 4, 6, 7)
#: The corpus's other topics (15 and 17 are not in it). Rules were tuned on dev and train only, so these show
#: what generalises: a rule that wins dev and loses here fits the dev stories, not English.
OTHER_TOPICS: tuple[int, ...] = (8, 9, 10, 11, 13, 14, 16, 19, 20, 22, 24, 25, 26, 27, 28, 29, 30, 31, 32, 33)
#: Names for the sets, accepted by ``--topics`` ("dev", "train", "other", or numbers, comma-separated).
TOPIC_SETS: dict[str, tuple[int, ...]] = {"dev": DEV_TOPICS, "train": TRAIN_TOPICS, "other": OTHER_TOPICS}
#: Markable tags that are entity mentions (events are ACTION_*/NEG_ACTION_*).
ENTITY_TAG_PREFIXES: tuple[str, ...] = ("HUMAN_PART", "LOC_", "TIME_", "NON_HUMAN_PART")
#: Environment variable that points at the corpus folder (the one holding ECB+/).
CORPUS_ENV = "ECBPLUS_DIR"
SENTENCES_CSV = "ECBplus_coreference_sentences.csv"
_CORPUS_PARTS = ("shared", "corpora", "ecbplus")

# -- rendering rules (general English typography, not keyed to any document) ------------
_RENDER = {"``": '"', "''": '"'}
_CLOSERS = frozenset({",", ".", ":", ";", "!", "?", "%", ")", "]", "}", "...", "…", "”", "’", "'", "''"})
_OPENERS = frozenset({"(", "[", "{", "$", "#", "“", "‘", "``"})
_CLITIC = re.compile(r"^(?:['’](?:s|re|ve|ll|d|m|t)|n['’]t)$", re.IGNORECASE)
_CURLY_OPEN = frozenset({"“", "‘"})
_APOSTROPHES = frozenset({"'", "’"})
_GLUE_BETWEEN_WORDS = frozenset({"-", "/"})  # year - old -> year-old ; and / or -> and/or
_GLUE_BETWEEN_DIGITS = frozenset({":", "/", "-", "."})  # 1 : 30 -> 1:30 ; 8 / 2 / 13 -> 8/2/13
_NOMINAL_POS = frozenset({"NOUN", "PROPN", "PRON", "NUM", "ADJ", "DET"})
#: Parts of speech that head a noun phrase outright (a fallback head is one of these).
_NOUN_POS = frozenset({"NOUN", "PROPN", "PRON", "NUM"})
#: Parts of speech that never head an entity mention: a head with one of them is a misparse.
_NON_HEAD_POS = frozenset({"ADP", "VERB", "AUX", "CCONJ", "SCONJ", "PART", "PUNCT"})
_URL_START = re.compile(r"^(?:https?|www)$", re.IGNORECASE)


@dataclass(frozen=True)
class Token:
    """One ECB+ token and where its rendered form sits in the document text."""

    tid: int
    sentence: int
    text: str  # the original token
    start: int
    end: int


@dataclass(frozen=True)
class GoldMention:
    """One gold entity mention: its tokens, character span, chain and (once parsed) head."""

    id: str  # "<doc>:<m_id>", unique in the corpus
    doc: str  # document name, e.g. "2_1ecb"
    tag: str  # markable tag, e.g. "HUMAN_PART_PER"
    tokens: tuple[int, ...]  # token ids, in order
    sentence: int
    start: int
    end: int
    text: str  # document text[start:end]
    cluster: str  # gold chain id, topic-scoped
    head: int | None = None  # token id of the head, set by annotate_heads
    head_lemma: str | None = None  # lower-cased spaCy lemma of the head


@dataclass(frozen=True)
class CorpusDocument:
    """One ECB+ document rendered to text, with its gold entity mentions."""

    name: str  # "2_1ecb"
    topic: int
    subtopic: str  # "ecb" or "ecbplus"
    doc_id: str
    text: str
    tokens: tuple[Token, ...]
    mentions: tuple[GoldMention, ...]  # every entity mention of the document
    evaluated_sentences: frozenset[int] = field(default_factory=frozenset)

    @cached_property
    def _by_tid(self) -> dict[int, Token]:
        return {t.tid: t for t in self.tokens}

    def token(self, tid: int) -> Token:
        return self._by_tid[tid]

    @property
    def evaluated_mentions(self) -> tuple[GoldMention, ...]:
        """The mentions in the fully annotated sentences: the ones that are scored."""
        return tuple(m for m in self.mentions if m.sentence in self.evaluated_sentences)

    def sentence_tokens(self, sentence: int) -> tuple[Token, ...]:
        return tuple(t for t in self.tokens if t.sentence == sentence)

    @property
    def url(self) -> str | None:
        """The source URL when the first sentence is one (ECB+ ``ecbplus`` documents)."""
        first = self.sentence_tokens(min((t.sentence for t in self.tokens), default=0))
        if first and _URL_START.match(first[0].text):
            return self.text[first[0].start : first[-1].end]
        return None

    @property
    def publisher(self) -> str | None:
        """The outlet's host name from :attr:`url` (``www.`` dropped), when known."""
        url = self.url
        if url is None:
            return None
        host = urlparse(url if "://" in url else "http://" + url).hostname or ""
        host = host.removeprefix("www.")
        return host or None


# -- rendering ---------------------------------------------------------------------------
def _word_edge(text: str, *, last: bool) -> bool:
    ch = text[-1:] if last else text[:1]
    return ch.isalnum()


def _digit_edge(text: str, *, last: bool) -> bool:
    ch = text[-1:] if last else text[:1]
    return ch.isdigit()


def _sentence_layout(words: Sequence[str]) -> list[bool]:
    """For each token, whether a space goes before it (the first token never gets one)."""
    if words and _URL_START.match(words[0]):
        return [False] * len(words)
    n = len(words)
    attach_left = [False] * n
    attach_right = [False] * n
    quote_open = False
    for i, w in enumerate(words):
        prev_w = words[i - 1] if i > 0 else ""
        next_w = words[i + 1] if i + 1 < n else ""
        if w == '"':
            if quote_open:
                attach_left[i] = True
            else:
                attach_right[i] = True
            quote_open = not quote_open
            continue
        if w in _CLOSERS or _CLITIC.match(w):
            attach_left[i] = True
        if w in _OPENERS:
            if w in _CURLY_OPEN and (not next_w or next_w in _CLOSERS):
                attach_left[i] = True  # an opening curly quote typed where a closing one was meant
            else:
                attach_right[i] = True
        if w in _APOSTROPHES and _CLITIC.match(w + next_w) and _word_edge(prev_w, last=True):
            attach_left[i] = attach_right[i] = True  # It ’ s -> It’s
        if 0 < i < n - 1:
            if w in _GLUE_BETWEEN_DIGITS and _digit_edge(prev_w, last=True) and _digit_edge(next_w, last=False):
                attach_left[i] = attach_right[i] = True
            elif w in _GLUE_BETWEEN_WORDS and _word_edge(prev_w, last=True) and _word_edge(next_w, last=False):
                attach_left[i] = attach_right[i] = True
    return [i > 0 and not attach_left[i] and not attach_right[i - 1] for i in range(n)]


def render_tokens(sentences: Sequence[Sequence[str]]) -> tuple[str, list[list[tuple[int, int]]]]:
    """Turn tokenized sentences into prose and the exact span of every token.

    Tokens are joined by one space, except that punctuation attaches the way English
    is typeset (no space before ``, . ) 's n't``, none after ``( $ "``-opening, hyphens
    and slashes between words and ``: / - .`` between digits glue both sides); a
    sentence that starts with ``http``/``www`` is a URL and is joined without spaces.
    LaTeX-style quotes ````` and ``''`` are written as ``"``. Sentences are separated
    by one newline.

    Returns the text and, per sentence, the ``(start, end)`` code-point span of each
    token: ``text[start:end]`` is the token (or its rendered quote).

    >>> print(render_tokens([["Mr", ".", "Smith", "(", "65", ")", "does", "n't", "sing", "."]])[0])
    Mr. Smith (65) doesn't sing.
    """
    parts: list[str] = []
    spans: list[list[tuple[int, int]]] = []
    pos = 0
    for k, words in enumerate(sentences):
        if k > 0:
            parts.append("\n")
            pos += 1
        sentence_spans = []
        for word, space in zip(words, _sentence_layout(words)):
            if space:
                parts.append(" ")
                pos += 1
            shown = _RENDER.get(word, word)
            parts.append(shown)
            sentence_spans.append((pos, pos + len(shown)))
            pos += len(shown)
        spans.append(sentence_spans)
    return "".join(parts), spans


# -- locating and reading the corpus -----------------------------------------------------
def find_corpus(start: str | os.PathLike[str] | None = None) -> Path:
    """The ECB+ folder: ``$ECBPLUS_DIR``, else ``shared/corpora/ecbplus`` beside the repo or an ancestor.

    Raises :class:`kg.errors.InputError` (E100) when it is nowhere to be found.
    """
    env = os.environ.get(CORPUS_ENV)
    if env:
        path = Path(env)
        if not (path / "ECB+").is_dir():
            raise InputError("E101", path=str(path), reason=f"${CORPUS_ENV} holds no ECB+/ folder")
        return path
    here = Path(start) if start is not None else Path(__file__).resolve().parent
    for folder in (here, *here.parents):
        candidate = folder.joinpath(*_CORPUS_PARTS)
        if (candidate / "ECB+").is_dir():
            return candidate
    raise InputError("E100", path="shared/corpora/ecbplus (set $" + CORPUS_ENV + ")")


def topics_in(root: str | os.PathLike[str]) -> tuple[int, ...]:
    """The topic numbers present under ``root/ECB+``."""
    return tuple(sorted(int(p.name) for p in (Path(root) / "ECB+").iterdir() if p.is_dir() and p.name.isdigit()))


def load_evaluated_sentences(root: str | os.PathLike[str]) -> dict[str, frozenset[int]]:
    """Document name (``"2_1ecb"``) -> the sentence numbers the standard evaluation scores."""
    path = Path(root) / SENTENCES_CSV
    try:
        with path.open(newline="", encoding="utf-8") as handle:
            rows = list(csv.DictReader(handle))
    except FileNotFoundError as exc:
        raise InputError("E100", path=str(path)) from exc
    table: dict[str, set[int]] = {}
    for line, row in enumerate(rows, start=2):
        try:
            name = f"{int(row['Topic'])}_{row['File'].strip()}"
            table.setdefault(name, set()).add(int(row["Sentence Number"]))
        except (KeyError, ValueError, AttributeError) as exc:
            raise InputError("E103", path=str(path), line=line, reason=f"bad row {row!r}") from exc
    return {name: frozenset(s) for name, s in table.items()}


def _is_entity_tag(tag: str) -> bool:
    return tag.startswith(ENTITY_TAG_PREFIXES)


def read_document(path: str | os.PathLike[str], *, evaluated: Iterable[int] = ()) -> CorpusDocument:
    """Parse one ECB+ XML file into a :class:`CorpusDocument` (heads not yet set).

    ``evaluated`` lists the sentence numbers that are scored (see
    :func:`load_evaluated_sentences`). Raises :class:`kg.errors.InputError` (E101) on a
    file that is not ECB+ XML.
    """
    path = Path(path)
    name = path.name.removesuffix(".xml")
    match = re.match(r"^(\d+)_\d+(ecb|ecbplus)$", name)
    if match is None:
        raise InputError("E101", path=str(path), reason="not an ECB+ file name (<topic>_<n>ecb[plus].xml)")
    topic, subtopic = int(match.group(1)), match.group(2)
    try:
        root = ET.parse(path).getroot()
    except (ET.ParseError, OSError) as exc:
        raise InputError("E101", path=str(path), reason=f"not readable XML ({exc})") from exc

    raw = sorted(
        ((int(t.get("t_id")), int(t.get("sentence")), t.text or "") for t in root.iter("token")),
        key=lambda x: x[0],
    )
    by_sentence: dict[int, list[tuple[int, str]]] = {}
    for tid, sent, word in raw:
        if word == "":
            raise InputError("E101", path=str(path), reason=f"token {tid} is empty")
        by_sentence.setdefault(sent, []).append((tid, word))
    order = sorted(by_sentence)
    text, spans = render_tokens([[w for _, w in by_sentence[s]] for s in order])
    tokens = tuple(
        Token(tid, sent, word, start, end)
        for sent, sentence_spans in zip(order, spans)
        for (tid, word), (start, end) in zip(by_sentence[sent], sentence_spans)
    )
    by_tid = {t.tid: t for t in tokens}

    markables = root.find("Markables")
    relations = root.find("Relations")
    if markables is None:
        raise InputError("E101", path=str(path), reason="no <Markables>")
    anchored: dict[str, tuple[str, tuple[int, ...]]] = {}
    for m in markables:
        anchors = tuple(sorted(int(a.get("t_id")) for a in m.findall("token_anchor")))
        if anchors and _is_entity_tag(m.tag):
            missing = [a for a in anchors if a not in by_tid]
            if missing:
                raise InputError("E101", path=str(path), reason=f"markable {m.get('m_id')} anchors unknown tokens")
            anchored[m.get("m_id")] = (m.tag, anchors)

    cross: dict[str, str] = {}
    intra: dict[str, str] = {}
    for rel in relations if relations is not None else ():
        sources = [s.get("m_id") for s in rel.findall("source")]
        if rel.tag == "CROSS_DOC_COREF":
            instance = rel.get("note")
            target = rel.find("target")
            if not instance and target is not None:
                instance = next((m.get("instance_id") for m in markables if m.get("m_id") == target.get("m_id")), None)
            if not instance:
                raise InputError("E101", path=str(path), reason=f"cross-document relation {rel.get('r_id')} has no instance")
            for s in sources:
                cross[s] = f"{topic}:{instance}"
        elif rel.tag == "INTRA_DOC_COREF":
            target = rel.find("target")
            key = target.get("m_id") if target is not None else rel.get("r_id")
            for s in sources:
                intra.setdefault(s, f"{topic}:{name}:intra:{key}")

    mentions = []
    for m_id, (tag, anchors) in sorted(anchored.items(), key=lambda kv: (kv[1][1], int(kv[0]))):
        first, last = by_tid[anchors[0]], by_tid[anchors[-1]]
        cluster = cross.get(m_id) or intra.get(m_id) or f"{topic}:{name}:single:{m_id}"
        mentions.append(
            GoldMention(
                id=f"{name}:{m_id}",
                doc=name,
                tag=tag,
                tokens=anchors,
                sentence=first.sentence,
                start=first.start,
                end=last.end,
                text=text[first.start : last.end],
                cluster=cluster,
            )
        )
    return CorpusDocument(
        name=name,
        topic=topic,
        subtopic=subtopic,
        doc_id=root.get("doc_id") or name,
        text=text,
        tokens=tokens,
        mentions=tuple(mentions),
        evaluated_sentences=frozenset(evaluated),
    )


def _document_sort_key(path: Path) -> tuple[int, str]:
    match = re.match(r"^\d+_(\d+)(\w+)$", path.stem)
    return (int(match.group(1)), match.group(2)) if match else (0, path.stem)


def read_topic(root: str | os.PathLike[str], topic: int) -> tuple[CorpusDocument, ...]:
    """Every document of one topic, in (number, sub-topic) order, with its evaluated sentences."""
    folder = Path(root) / "ECB+" / str(topic)
    if not folder.is_dir():
        raise InputError("E100", path=str(folder))
    evaluated = load_evaluated_sentences(root)
    paths = sorted(folder.glob(f"{topic}_*.xml"), key=_document_sort_key)
    return tuple(read_document(p, evaluated=evaluated.get(p.stem, ())) for p in paths)


# -- heads -------------------------------------------------------------------------------
def _head_index(heads: Sequence[int], members: Sequence[int], pos: Sequence[str] | None = None) -> int:
    """The member closest to the root whose syntactic head lies outside ``members``.

    ``heads[i]`` is the index of token i's head (a root points at itself). Ties go to
    the rightmost token (English noun phrases are head-final). When ``pos`` (coarse
    part-of-speech tags) is given and that token is a preposition ("On Friday", "in
    Los Angeles"), the head is its object inside the mention, found the same way.

    >>> _head_index([1, 1, 1, 4, 2], [0, 1])   # "the producer of the telecast"[0:2]
    1
    >>> _head_index([2, 2, 2], [0, 1], ["ADP", "PROPN", "VERB"])  # "On Friday" | he said
    1
    >>> _head_index([1, 3, 3, 3], [0, 1, 2], ["PROPN", "NOUN", "PUNCT", "VERB"])  # "Friday night ." : not the stop
    1
    >>> _head_index([4, 4, 3, 4, 4], [1, 2], ["NOUN", "ADP", "PROPN", "VERB", "VERB"])  # "In Paris" of a headline
    2
    """
    inside = set(members)

    def depth(i: int) -> int:
        d = 0
        while heads[i] != i and d <= len(heads):
            i = heads[i]
            d += 1
        return d

    if pos is not None:
        members = [i for i in members if pos[i] != "PUNCT"] or list(members)
    candidates = [i for i in members if heads[i] == i or heads[i] not in inside] or list(members)
    head = min(candidates, key=lambda i: (depth(i), -i))
    seen = {head}
    while pos is not None and pos[head] == "ADP":
        below = [i for i in members if heads[i] == head and i != head and pos[i] in _NOMINAL_POS]
        if not below or below[-1] in seen:
            break
        head = below[-1]
        seen.add(head)
    if pos is not None and pos[head] in _NON_HEAD_POS:
        nouns = [i for i in members if pos[i] in _NOUN_POS]
        if nouns:
            head = min(nouns, key=lambda i: (depth(i), -i))
    return head


def annotate_heads(documents: Sequence[CorpusDocument], nlp, *, batch_size: int = 64) -> tuple[CorpusDocument, ...]:
    """Set ``head`` and ``head_lemma`` on every evaluated mention, parsing gold tokens with ``nlp``.

    Each evaluated sentence becomes a spaCy ``Doc`` over exactly the ECB+ tokens (spaces
    from the rendered text), run through the pipeline, so the head is a gold token id.
    Mentions outside the evaluated sentences are returned unchanged.
    """
    from spacy.tokens import Doc

    jobs: list[tuple[int, int]] = []
    inputs = []
    for k, document in enumerate(documents):
        wanted = sorted({m.sentence for m in document.evaluated_mentions})
        for sent in wanted:
            toks = document.sentence_tokens(sent)
            words = [document.text[t.start : t.end] for t in toks]
            spaces = [i + 1 < len(toks) and toks[i + 1].start > t.end for i, t in enumerate(toks)]
            inputs.append(Doc(nlp.vocab, words=words, spaces=spaces))
            jobs.append((k, sent))
    parsed: dict[tuple[int, int], tuple[list[int], list[str], list[str]]] = {}
    for job, doc in zip(jobs, nlp.pipe(inputs, batch_size=batch_size)):
        parsed[job] = ([t.head.i for t in doc], [t.lemma_ or t.text for t in doc], [t.pos_ for t in doc])

    out = []
    for k, document in enumerate(documents):
        new_mentions = []
        for m in document.mentions:
            if m.sentence not in document.evaluated_sentences:
                new_mentions.append(m)
                continue
            heads, lemmas, tags = parsed[(k, m.sentence)]
            toks = document.sentence_tokens(m.sentence)
            index = {t.tid: i for i, t in enumerate(toks)}
            members = [index[tid] for tid in m.tokens if tid in index]
            h = _head_index(heads, members, tags)
            new_mentions.append(replace(m, head=toks[h].tid, head_lemma=lemmas[h].lower()))
        out.append(replace(document, mentions=tuple(new_mentions)))
    return tuple(out)


def gold_clusters(documents: Iterable[CorpusDocument]) -> dict[str, str]:
    """Mention id -> gold chain id, over the evaluated mentions of ``documents``."""
    return {m.id: m.cluster for d in documents for m in d.evaluated_mentions}
