"""Named-entity mentions (PER, ORG, LOC, MISC) in German news, from the shipped spaCy pipeline.

spaCy lives only in this module: callers get `Mention` dataclasses with character offsets into
the text they passed in (for an article: into `article.text`), never a `Doc`.
The pipeline is trained by `scripts/train_ner.py` and shipped in `storyline/models/de_news/`;
loading it needs no network.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from storyline.model import Article, Mention

MODEL_DIR = Path(__file__).resolve().parents[1] / "models" / "de_news"
GAZETTEER = Path(__file__).resolve().parents[1] / "models" / "gazetteer_ner" / "names.tsv"
COMMON_WORDS = GAZETTEER.with_name("common_words.txt")
# German names of lakes, seas, mountains and islands are compounds: "Baikalsee", "Uralgebirge"
PLACE_SUFFIXES = ("halbinsel", "gebirge", "insel", "meer", "see", "bucht", "wüste")
EDGE_PUNCTUATION = "\"'„“”‚‘’«»()[]{}.,;:!?–-/ "
BATCH_SIZE = 64


class ModelMissingError(RuntimeError):
    """The shipped NER pipeline is absent: the package was built without its model files."""


@lru_cache(maxsize=1)
def load_nlp():
    """Load the shipped pipeline once per process (a Spark partition, a worker, the CLI)."""
    import spacy

    if not (MODEL_DIR / "config.cfg").exists():
        raise ModelMissingError(f"no NER model in {MODEL_DIR}; run `python scripts/train_ner.py`")
    return spacy.load(MODEL_DIR)


@lru_cache(maxsize=1)
def load_gazetteer() -> tuple[dict[str, str], int]:
    """Place names (scripts/ner_gazetteer.py) as a dict; returns it with the longest name in tokens.

    A plain dict loads in a fraction of a second, where a spaCy entity ruler with 40k patterns
    takes many seconds to rebuild its matcher at every start.
    """
    names = {}
    if GAZETTEER.exists():
        for line in GAZETTEER.read_text(encoding="utf-8").splitlines():
            name, _, label = line.partition("\t")
            names[name] = label
    longest = max((name.count(" ") + 1 for name in names), default=0)
    return names, longest


def find_mentions(article: Article) -> list[Mention]:
    """Mentions in the article's content sentences (page furniture and credits are skipped).

    Sentence by sentence, because the model was trained on sentences and long texts would make
    spaCy's memory and time grow; offsets are shifted back into `article.text`.
    """
    sentences = article.content_sentences()
    pieces = [(s.start, article.text[s.start:s.end]) for s in sentences]
    return mentions_in_pieces(article.text, pieces)


def find_mentions_in_text(text: str) -> list[Mention]:
    """Mentions in plain text such as one sentence; offsets point into `text`.

    Longer texts are read line by line, which keeps every line's offsets exact.
    """
    pieces, offset = [], 0
    for line in text.split("\n"):
        if line.strip():
            pieces.append((offset, line))
        offset += len(line) + 1
    return mentions_in_pieces(text, pieces)


def mentions_in_pieces(text: str, pieces: list[tuple[int, str]]) -> list[Mention]:
    """Run the pipeline over (offset, piece) pairs and map each entity back into `text`.

    Two passes: names the model found as one word ("Kim") are then looked for everywhere in the
    text, because one document uses a name consistently while the model may miss it in a sentence.
    """
    nlp = load_nlp()
    docs = list(nlp.pipe((piece for _, piece in pieces), batch_size=BATCH_SIZE))
    found = [[(e.start_char, e.end_char, e.label_) for e in doc.ents] for doc in docs]
    known = {doc.text[s:e]: label for doc, spans in zip(docs, found) for s, e, label in spans
             if label == "PER" and " " not in doc.text[s:e]}
    mentions = []
    for (offset, _), doc, spans in zip(pieces, docs, found):
        spans = add_known_names(doc, spans, known)
        for start, end, label in add_gazetteer_names(doc, extend_person_names(doc, spans)):
            span = trim_span(text, offset + start, offset + end)
            if span:
                mentions.append(Mention(span[0], span[1], text[span[0]:span[1]], label))
    return sorted(mentions, key=lambda m: m.start)


def add_known_names(doc, spans, known: dict[str, str]) -> list[tuple[int, int, str]]:
    """Label unlabelled occurrences of single-word person names found elsewhere in the text."""
    for token in doc:
        end = token.idx + len(token)
        if token.text in known and not any(s < end and token.idx < e for s, e, _ in spans):
            spans.append((token.idx, end, known[token.text]))
    return spans


def extend_person_names(doc, spans) -> list[tuple[int, int, str]]:
    """Grow a person's name over short capitalised parts the model cut off ("Kim Jong" + "Il").

    Only parts of at most four letters that are no ordinary German word, at most two of them:
    Korean, Chinese and Vietnamese names end in such syllables, German sentences rarely do.
    """
    common, grown = load_common_words(), []
    for start, end, label in spans:
        if label == "PER":
            end = grow_name_end(doc, end, common, [s for s, _, _ in spans])
        grown.append((start, end, label))
    return grown


def grow_name_end(doc, end: int, common, starts: list[int]) -> int:
    token = next((t for t in doc if t.idx >= end), None)
    for _ in range(2):
        if (token is None or token.idx != end + 1 or not token.is_title or not token.is_alpha
                or len(token) > 4 or token.lower_ in common or token.idx in starts):
            break
        end = token.idx + len(token)
        token = doc[token.i + 1] if token.i + 1 < len(doc) else None
    return end


@lru_cache(maxsize=1)
def load_common_words() -> frozenset[str]:
    """Lower-cased ordinary words from the training corpora (scripts/ner_gazetteer.py)."""
    if not COMMON_WORDS.exists():
        return frozenset()
    return frozenset(COMMON_WORDS.read_text(encoding="utf-8").split())


def is_place_compound(word: str) -> bool:
    """'Baikalsee' is a lake's name, 'Stausee' a kind of lake: the stem must be no ordinary word."""
    lower = word.lower()
    if not word[:1].isupper() or not word.isalpha():
        return False
    suffix = next((s for s in PLACE_SUFFIXES if lower.endswith(s)), None)
    if suffix is None or len(lower) - len(suffix) < 3:
        return False
    common = load_common_words()
    stem = lower[: -len(suffix)]
    return lower not in common and stem not in common and stem.rstrip("s") not in common


def add_gazetteer_names(doc, spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Add known place names and place compounds the model missed; the model's spans win overlaps."""
    names, longest = load_gazetteer()
    taken = [(s, e) for s, e, _ in spans]
    i = 0
    while i < len(doc):
        match = longest_name_at(doc, i, names, longest)
        if match and not any(s < match[1] and match[0] < e for s, e in taken):
            spans.append(match)
            taken.append(match[:2])
        i += 1
    return spans


def longest_name_at(doc, i: int, names: dict[str, str], longest: int):
    """The longest gazetteer name starting at token i, as (start_char, end_char, label)."""
    if not doc[i].text[:1].isupper():
        return None
    for n in range(min(longest, len(doc) - i), 0, -1):
        span = doc[i:i + n]
        label = names.get(span.text)
        if label:
            return span.start_char, span.end_char, label
    if is_place_compound(doc[i].text):
        return doc[i].idx, doc[i].idx + len(doc[i]), "LOC"
    return None


def trim_span(text: str, start: int, end: int) -> tuple[int, int] | None:
    """Drop quotes and punctuation the tokenizer left on a name's edges ("„Spiegel“" -> Spiegel).

    A final period stays when it belongs to an abbreviation inside the name ("Dr.", "e.V.").
    """
    while start < end and text[start] in EDGE_PUNCTUATION:
        start += 1
    while end > start and text[end - 1] in EDGE_PUNCTUATION and not is_abbreviation_dot(text, start, end):
        end -= 1
    return (start, end) if end > start else None


def is_abbreviation_dot(text: str, start: int, end: int) -> bool:
    last_word = text[start:end].split()[-1] if text[start:end].split() else ""
    return last_word.endswith(".") and (len(last_word) <= 3 or last_word.count(".") > 1)
