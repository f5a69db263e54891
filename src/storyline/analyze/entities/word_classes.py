"""Lexicon classes of words, a feature the NER model reads beside each word's spelling.

German capitalises every noun, so a capital letter says little; what the model cannot learn from
1,430 news sentences is which of the words it has never seen are ordinary nouns. The class comes
from lists made outside the labelled data (so training and new text see the same feature):
- noun forms from Wiktionary (`gazetteer_ner/noun_forms.tsv.gz`, built by scripts/ner_gazetteer.py
  from the german-nouns package, CC BY-SA 4.0): N common noun, E proper name (place, given name,
  surname), B both ("Müller", "Anna");
- n: a compound ending in a common noun ("Kremlsprecher"); ?: capitalised and in no list;
  -: no capital;
- flags G: a given name of Faker's lists (`given_names.txt`); L: a one-word place of the
  geocoder's gazetteer or a country (`names.tsv`, `countries.txt`).
The class is written into the token's TAG (the pipeline has no tagger) by the
`storyline_word_classes` component, which runs before the tok2vec; its embedding table reads TAG.
Measured in docs/accuracy-ner.md (round five).
"""
from __future__ import annotations

import gzip
from functools import lru_cache

from spacy.language import Language

from storyline.analyze.word_lists import COUNTRIES, GAZETTEER, GIVEN_NAMES, load_gazetteer, load_word_list

NOUN_FORMS = GAZETTEER.with_name("noun_forms.tsv.gz")
COMPONENT = "storyline_word_classes"
MIN_HEAD = 4  # letters on each side of a compound's cut: "Kreml|sprecher", not "Pesk|ow"


@lru_cache(maxsize=1)
def load_noun_forms() -> dict[str, str]:
    """Capitalised noun forms (all cases and numbers) -> N, E or B."""
    if not NOUN_FORMS.exists():
        return {}
    fields = gzip.decompress(NOUN_FORMS.read_bytes()).decode("utf-8").split()  # forms hold no spaces
    return dict(zip(fields[0::2], fields[1::2]))  # one split of the whole text: 0.10 s at start-up, not 0.16


@lru_cache(maxsize=1)
def load_one_word_places() -> frozenset[str]:
    places = {name for name, label in load_gazetteer().names.items() if label == "LOC" and " " not in name}
    return frozenset(places | load_word_list(COUNTRIES))


@lru_cache(maxsize=200_000)
def word_class(text: str) -> str:
    """The class string of one token: "-" for a word without a capital, else noun class + flags.

    "n" marks a compound whose last part is a common noun ("Kremlsprecher"); "?" a capitalised
    word that no noun list knows, the case where a name is most likely.
    """
    if not text[:1].isupper():
        return "-"
    given = "G" if text in load_word_list(GIVEN_NAMES) else ""
    place = "L" if text in load_one_word_places() else ""
    return (load_noun_forms().get(text) or compound_class(text)) + given + place


def compound_class(text: str) -> str:
    """"n" when the word ends in a common noun of at least MIN_HEAD letters after a first part
    of at least MIN_HEAD letters ("Kremlsprecher"), else "?"."""
    forms = load_noun_forms()
    for cut in range(MIN_HEAD, len(text) - MIN_HEAD + 1):
        if forms.get(text[cut:].capitalize()) == "N":
            return "n"
    return "?"


@Language.factory(COMPONENT, default_config={"proper_nouns": False})
def make_word_classes(nlp, name: str, proper_nouns: bool):
    return WordClasses(nlp.vocab, proper_nouns)


class WordClasses:
    """Sets each token's TAG to its word class. Through the hash, not `token.tag_`: the string
    setter cost 7 µs a token, a fifth of the whole model's time.

    With `proper_nouns`, a capitalised word the POS tagger (grammar/tagger.py) reads as NE in
    its sentence gets a "P" flag: the tagger learnt from HanTa's tags, trained on a large
    newspaper treebank, which words in which contexts are names (an experiment of round nine).
    """

    def __init__(self, vocab, proper_nouns: bool = False):
        self.strings = vocab.strings
        self.hashes: dict[str, int] = {}
        self.proper_nouns = proper_nouns
        self.cache: dict[tuple[str, ...], list[bool]] = {}  # training reads each sentence every epoch

    def marks(self, words: list[str]) -> list[bool]:
        key = tuple(words)
        marks = self.cache.get(key)
        if marks is None:
            from storyline.analyze.grammar.tagger import proper_nouns

            marks = proper_nouns(words)
            if len(self.cache) < 500_000:
                self.cache[key] = marks
        return marks

    def __call__(self, doc):
        hashes = self.hashes
        marks = self.marks([token.text for token in doc]) if self.proper_nouns else None
        for i, token in enumerate(doc):
            kind = word_class(token.text)
            if marks is not None and marks[i] and kind != "-":
                kind += "P"
            key = hashes.get(kind)
            if key is None:
                key = hashes[kind] = self.strings.add(kind)
            token.tag = key
        return doc
