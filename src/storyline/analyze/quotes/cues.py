"""Tokens, speech cues and speaker phrases: the small grammar shared by the quote rules.

German attributes speech in few shapes — "…, sagte Putin", "Putin sagte, …", "…, so Putin",
"laut Putin …", "Putin zufolge …" — so a token list with offsets, a verb lexicon and a noun-phrase
reader that knows determiners, adjectives, names and a trailing genitive or origin ("der
Gewaltherrscher aus Pjöngjang", "ein Sprecher des Verteidigungsministeriums in Seoul") cover them.
"""
from __future__ import annotations

import re
from contextvars import ContextVar
from dataclasses import dataclass
from functools import lru_cache

from storyline.analyze.grammar.words import FINITE as FINITE_TAGS, NEVER_SPEAKER

from storyline.analyze.quotes.lexicon import load_source_nouns, load_source_phrases, load_speech_verbs, role_gender

# A clock time, score or decimal ("12:00 Uhr", "32:31", "7,1") is one token: its colon or comma
# opens no quote or clause.
TOKEN = re.compile(r"\d+(?:[:,]\d+)+(?!\w)|\w+(?:[-.’']\w+)*|\S")
SENTENCE_OPENERS = {".", "!", "?", ":", "„", "“", "»", "«", '"', "(", "–"}  # after these a verb may be capitalised
CLAUSE_BREAKS = {",", ".", ":", ";", "!", "?", "–", "„", "“", "»", "«", '"', "(", ")"}
PRONOUNS = {"er": "m", "sie": "f", "ich": None, "wir": None, "man": None, "es": None}
DETERMINERS = set(
    "der die das des dem den ein eine einer eines einem einen einige einiger mehrere viele zwei drei "
    "vier fünf zahlreiche manche alle beide sein seine ihr ihre dessen deren unser unsere".split()
)
SKIP_AFTER_VERB = set(
    "dann später zudem auch außerdem weiter nun bereits noch inzwischen dazu damals zuvor jedoch "
    "aber gestern heute morgen abends schließlich zuletzt erneut ebenfalls wörtlich demnach "
    "zunächst offenbar sogar wiederum hingegen dagegen etwa bisher sich am im vom schon nur".split()
)
LEADING_ADVERBIALS = set(
    "über gegenüber für mit zu von aus unter durch trotz wegen laut um ohne zum zur beim vom "
    "am im in an auf bei nach vor seit während dann später zudem auch danach daher deshalb so "
    "zuvor gestern heute dabei damit darauf jetzt nun bereits schon weiter wie wo als dazu hierzu "
    "demnach außerdem ferner ebenfalls anschließend inzwischen zugleich gleichzeitig allerdings "
    "jedoch trotzdem dort hier demgegenüber weiterhin dennoch darüber daraufhin zuletzt bezüglich "
    "angesichts aufgrund infolge neben hinsichtlich seitens dank statt innerhalb außerhalb "
    "insbesondere vereinzelt damals seinerzeit einst kürzlich".split()
)
# Pronominal adverbs ("Hieran schloss der Papst die Bitte", "Darauf antwortete sie"): adverbials,
# which the tagger sometimes reads as nouns at the start of a sentence.
LEADING_ADVERBIALS |= {first + second for first in ("hier", "da") for second in (
    "bei", "durch", "für", "gegen", "mit", "nach", "von", "vor", "zu", "zwischen")} | {
    first + second for first in ("hier", "dar") for second in ("an", "auf", "aus", "in", "über", "um", "unter")}
OBLIQUE = {"dem", "den", "einem", "einen"}  # never open a subject
NOMINATIVE_PRONOUNS = {"er", "ich", "wir"}
DEMONSTRATIVES = {"dieser", "letzterer", "letztere"}  # standing alone: a pronoun, masculine or feminine
TIME_WORDS = set(
    "montag dienstag mittwoch donnerstag freitag samstag sonntag januar februar märz april mai juni "
    "juli august september oktober november dezember ende anfang mitte bislang abend morgen mittag "
    "vormittag nachmittag wochenende uhr mez minuten stunden tage wochen monate jahre".split()
)
ADVERB_ENDINGS = ("ell", "lich", "weise", "gemäß", "mäßig", "ierend", "fassend", "schließend", "gänzend",
                  "elang", "nlang")  # "Monatelang", "Stundenlang": durations, which the tagger reads as nouns
RELATIVES = {"der", "die", "das", "welcher", "welche"}
# Every word that opens a relative clause after a comma ("…, die nach dessen Angaben …").
RELATIVE_OPENERS = {"der", "die", "das", "dem", "den", "deren", "dessen", "denen", "welcher", "welche", "welches",
                    "welchem", "welchen"}
FOCUS_PARTICLES = {"auch", "selbst", "sogar", "nur", "ebenso"}
SUBORDINATORS = set("wo als weil nachdem während da wenn obwohl wie".split())
CONJUNCTIONS = {"und", "aber", "doch", "denn", "sondern", "oder"}
NP_LINKS = {"aus", "von", "vom", "in", "bei", "beim"}
MODALS = set("werden worden wurden sollen müssen können wollen dürfen mögen lassen".split())
AUXILIARIES = set("hat haben hatte hatten ist sind war waren wird wurde wurden habe sei soll".split())


# Capitalised at a sentence start but never the head of a noun phrase.
FUNCTION_WORDS = (CONJUNCTIONS | LEADING_ADVERBIALS | SUBORDINATORS | SKIP_AFTER_VERB | DETERMINERS
                  | {"es", "man", "wir", "ich", "sich", "nicht", "bislang"}) - {"er", "sie"}


# STTS tags of the article being read, by word start offset (`attribution.find_quotes` sets a
# `grammar.tagger.LazyTags`; empty when the tagger is missing, and the word lists alone decide).
TAGS: ContextVar = ContextVar("quote_tags", default={})
ADVERBIAL_TAGS = frozenset({"ADV", "PAV", "PROAV", "ADJD", "KOUS", "PWAV", "KON"})


def tag_of(token: "Token") -> str | None:
    return TAGS.get().get(token.start)


class Token:
    """A word or mark with its offsets; `lower` is made once because the rules compare it with
    the lexicons more than a thousand times per article. A plain class with slots, not a frozen
    dataclass: the rules make ~50,000 tokens for 150 articles, and a frozen dataclass's __init__
    costs four object.__setattr__ calls each. Tokens are shared (cached per sentence): never
    assign to one."""

    __slots__ = ("start", "end", "text", "lower")

    def __init__(self, start: int, end: int, text: str) -> None:
        self.start, self.end, self.text, self.lower = start, end, text, text.lower()

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Token) and (self.start, self.end, self.text) == (other.start, other.end, other.text)

    def __hash__(self) -> int:
        return hash((self.start, self.end, self.text))

    def __repr__(self) -> str:
        return f"Token(start={self.start}, end={self.end}, text={self.text!r})"

    @property
    def capitalised(self) -> bool:
        return self.text[:1].isupper()


def tokenize(text: str, start: int, end: int) -> list[Token]:
    """The tokens of text[start:end], as a new list the caller may change."""
    return list(tokens_of_span(text, start, end))


@lru_cache(maxsize=1024)
def tokens_of_span(text: str, start: int, end: int) -> tuple[Token, ...]:
    """The quote and label rules ask for the tokens of the same sentence two or three times per
    article (≈ 25 calls for 12 sentences); the tokens are frozen, so they are made once and shared.
    Bounded: the cache holds the recent articles' texts only."""
    return tuple(Token(start + m.start(), start + m.end(), m.group()) for m in TOKEN.finditer(text[start:end]))


def clause_end(tokens: list[Token], i: int) -> int:
    """Index of the first clause break at or after i (or len)."""
    while i < len(tokens) and tokens[i].text not in CLAUSE_BREAKS:
        i += 1
    return i


def is_speech_verb(tokens: list[Token], i: int) -> bool:
    """A speech verb form at i; a separable verb ("stellte … fest") needs its particle later in
    the clause, so that "stellte" alone (put) is not read as "stellte fest" (stated)."""
    verbs = load_speech_verbs().get(tokens[i].lower)
    if not verbs:
        return False
    if i and tokens[i - 1].lower == "zu" and tokens[i].lower.endswith("n"):
        return False  # "Das Projekt, ESPASA zu schreiben, wurde …": an infinitive states nothing
    if tokens[i].capitalised and i and tokens[i - 1].text not in SENTENCE_OPENERS:
        return False  # "Angaben der Hersteller", "Aussagen, dass …", "Fragen eines Lesers": a noun, not "angaben"
    if tokens[i].lower in NAMING and _reflexive_or_passive(tokens, i):
        return False  # "wie er sich selbst nannte", "wie der Senator genannt wurde": a name, not words said
    if tokens[i].lower == "genannt" and i and tokens[i - 1].text == "," and i + 1 < len(tokens) and tokens[i + 1].text in {"„", "»", '"'}:
        return False  # "ein neuer Standard, genannt „Profil 1.1“": an apposition that names a thing
    if tokens[i].lower == "angewiesen" and any(t.lower in {"auf", "darauf"} for t in tokens[_clause_begin(tokens, i):i]):
        return False  # "Die Betriebe sind auf die Bahn angewiesen": they depend on it, nobody instructed them
    if tokens[i].lower.startswith("empf") and any(t.lower == "sich" for t in tokens[i + 1:i + 3]):
        return False  # "Es empfiehlt sich, früh zu buchen": it is advisable, nobody recommends
    if _in_comparison(tokens, i):
        return False  # "früher als erwartet", "nicht so schlimm, wie zunächst angenommen": nobody is quoted
    if any(v.particle is None for v in verbs):
        return True
    if i and any(v.particle == tokens[i - 1].lower for v in verbs):
        return True  # verb-final clause: "wie die Bank bekannt gab"
    rest = {t.lower for t in tokens[i + 1:]}
    return any(v.particle in rest for v in verbs)


COMPARISON_ADVERBS = frozenset("zunächst ursprünglich bisher befürchtet erwartet angenommen allgemein vielfach "
                               "weithin gedacht vermutet erhofft geplant".split())


def _in_comparison(tokens: list[Token], i: int) -> bool:
    """A participle right after "als" or "wie" (an adverb may stand between) closes a comparison:
    "früher als erwartet", "wie zunächst angenommen" say what was expected, not who said what."""
    if not tokens[i].text.islower():
        return False
    j = i - 1
    while j > 0 and tokens[j].lower in COMPARISON_ADVERBS:
        j -= 1
    return j >= 0 and tokens[j].lower in {"als", "wie"} and (i + 1 == len(tokens) or tokens[i + 1].text in {",", ".", ";", ")", "–", "!", "?"})


NAMING = frozenset({"nennt", "nannte", "nennen", "nannten", "genannt"})


def _clause_begin(tokens: list[Token], i: int) -> int:
    """Index of the first token of the clause holding token i (after a comma or sentence mark)."""
    while i > 0 and tokens[i - 1].text not in {",", ".", ":", ";", "!", "?"}:
        i -= 1
    return i


def _reflexive_or_passive(tokens: list[Token], i: int) -> bool:
    """The clause of token i holds "sich" or a passive auxiliary ("wird … genannt")."""
    begin, end = _clause_begin(tokens, i), i + 1
    while end < len(tokens) and tokens[end].text not in {",", ".", ":", ";", "!", "?"}:
        end += 1
    words = {t.lower for t in tokens[begin:end]}
    return "sich" in words or bool(words & {"wird", "wurde", "werden", "wurden", "worden"})


def source_phrase_before(tokens: list[Token], i: int) -> int:
    """Length in tokens of a "laut" / "nach Angaben von" phrase starting at i, else 0."""
    for words in phrases_before_by_first_word().get(tokens[i].lower, ()):
        if [t.lower for t in tokens[i:i + len(words)]] == words:
            return len(words)
    return _source_noun_phrase(tokens, i)


@lru_cache(maxsize=1)
def phrases_before_by_first_word() -> dict[str, list[list[str]]]:
    """The "laut" phrases as word lists under their first word, longest first: the rules ask at
    every token of every sentence, and almost no token starts a phrase."""
    before, _ = load_source_phrases()
    index: dict[str, list[list[str]]] = {}
    for phrase in sorted(before, key=len, reverse=True):
        words = phrase.split()
        index.setdefault(words[0], []).append(words)
    return index


@lru_cache(maxsize=1)
def last_words_after() -> frozenset[str]:
    """The last words of the "zufolge" phrases, asked for at every token."""
    _, after = load_source_phrases()
    return frozenset(phrase.split()[-1] for phrase in after)


def _source_noun_phrase(tokens: list[Token], i: int) -> int:
    """"Nach ersten Informationen" / "nach einer Stellungnahme": length up to the noun, else 0."""
    if tokens[i].lower != "nach":
        return 0
    j = i + 1
    while j < len(tokens) and j < i + 4 and tokens[j].text.islower():
        j += 1
    if j + 1 < len(tokens) and tokens[j].capitalised and tokens[j].text.endswith("s") and is_source_noun(tokens[j + 1]):
        j += 1  # "Nach Grupps Meinung": a genitive name before the noun
    return j + 1 - i if j < len(tokens) and is_source_noun(tokens[j]) else 0


def is_source_noun(token: Token) -> bool:
    """"Angaben", or a compound ending in a source noun: "Polizeiangaben", "Medienberichten",
    "Expertenmeinung"."""
    lower = token.lower
    if not token.capitalised:
        return False
    return any(lower.endswith(noun) and (lower == noun or len(noun) >= 6) for noun in load_source_nouns())


def source_phrase_after(tokens: list[Token], i: int) -> bool:
    """True when token i ends a "zufolge" phrase ("Putin zufolge", "Angaben zufolge")."""
    if tokens[i].lower == "nach" and i and is_source_noun(tokens[i - 1]):
        return True  # "Dem Vernehmen nach"
    return tokens[i].lower in last_words_after()


def read_noun_phrase(tokens: list[Token], i: int) -> int:
    """End index (exclusive) of the noun phrase starting at i, or i when there is none."""
    j = i
    quoted_name = _read_quoted_name(tokens, i, bare=True)
    if quoted_name > i:  # "Wie „heise online“ berichtet", "schrieb „Die Zeit“"
        return quoted_name
    while j < len(tokens) and tokens[j].lower in DETERMINERS:
        j += 1
    j = _participle_attribute(tokens, j) if j > i else j
    while j < len(tokens) and (_is_adjective(tokens[j]) or tokens[j].text.isdigit()):
        j += 1
    head = j
    j = _read_quoted_name(tokens, j) if j > i else j  # "die „Computerwoche“"
    named = j > head  # the quoted name is the head: "die „Initiative“ Wolters Vorschlag unterstützt" — an object follows
    while not named and j < len(tokens) and _is_noun(tokens[j]):
        j += 1
    if j == head:
        return _headless_phrase(tokens, i, head)
    return _read_attachment(tokens, _read_quoted_name(tokens, j))


def _participle_attribute(tokens: list[Token], j: int) -> int:
    """"der für die Region zuständige Koordinator", "die seit Jahren in Berlin lebende Autorin":
    between the article and its noun German puts a whole phrase that ends in an inflected
    adjective or participle; the phrase is skipped to that adjective when a noun follows it."""
    if j >= len(tokens) or _is_adjective(tokens[j]) or _is_noun(tokens[j]) or _ends_attribute(tokens[j]):
        return j
    for k in range(j + 1, min(j + 9, len(tokens) - 1)):
        if _ends_attribute(tokens[k]):
            return j  # "Das musste Steinbrück … einräumen": a verb, so no attribute
        if _is_adjective(tokens[k]) and _is_noun(tokens[k + 1]) and tag_of(tokens[k]) in ("ADJA", None):
            return k
    return j


def _ends_attribute(token: Token) -> bool:
    """A clause break, conjunction or verb cannot stand inside a participle attribute."""
    return (token.text in CLAUSE_BREAKS or token.lower in CONJUNCTIONS | AUXILIARIES | MODALS
            or (tag_of(token) or "").startswith("V"))


def _headless_phrase(tokens: list[Token], i: int, head: int) -> int:
    """"der 81-jährige", "Einer der Feuerwehrmänner": an article with a nominalised adjective
    (lowercase in sloppy spelling) or a pronoun-like determiner with a genitive, else no phrase."""
    if head == i or tokens[i].lower not in DETERMINERS:
        return i
    if head > i + 1 and _is_adjective(tokens[head - 1]) and (head == len(tokens) or not tokens[head].capitalised):
        return head
    if head == i + 1 and head < len(tokens) and tokens[head].lower in {"der", "des"}:
        k = read_noun_phrase(tokens, head)
        return k if k > head + 1 else i
    return i


def _read_quoted_name(tokens: list[Token], j: int, bare: bool = False) -> int:
    """"Die Zeitung „Yemen Observer“": a short quoted name right after the head noun. With
    `bare` (the marks open the phrase, no article) a few lowercase words right before a verb are
    a name too: "Wie „heise online“ berichtet"."""
    if j >= len(tokens) or tokens[j].text not in {"„", "»", '"', "“"}:
        return j
    for k in range(j + 1, min(j + 7, len(tokens))):
        if tokens[k].text in {"“", "«", '"', "”"}:
            inner = tokens[j + 1:k]  # "„Aktion Deutschland hilft“": a capitalised first word
            words = all(t.text[0].isalnum() for t in inner)
            verb_after = k + 1 < len(tokens) and (tag_of(tokens[k + 1]) or "").startswith("V") and tokens[k + 1].text.islower()
            named = (inner[0].capitalised or inner[0].text.isdigit() or all(tag_of(t) in {"NE", "FM"} for t in inner)
                     or (bare and verb_after and len(inner) <= 3))  # "Wie „heise online“ berichtet": the subject's name
            return k + 1 if inner and words and named else j  # "der „con energy ag“": lowercase, tagged as a name
    return j


def _read_attachment(tokens: list[Token], j: int) -> int:
    """A genitive ("des Ministeriums") or an origin ("aus Pjöngjang") after the head noun; a
    preposition before a time noun ("vom Dienstag", "im Januar") opens an adverbial instead."""
    for _ in range(2):
        if j < len(tokens) and tokens[j].lower in {"des", "der"}:
            k = read_noun_phrase(tokens, j)
            j = k if k > j + 1 else j
        if j + 2 < len(tokens) and tokens[j].lower == "von" and tokens[j + 1].lower in {"der", "dem", "den"}:
            k = _read_quoted_name(tokens, j + 2)  # "Moritz Wohlrab von der „Aktion Deutschland hilft“"
            k = k if k > j + 2 else (j + 3 if _is_noun(tokens[j + 2]) and tokens[j + 2].capitalised else j)
            j = k if k > j else j
        if j + 1 < len(tokens) and tokens[j].lower in NP_LINKS and _read_quoted_name(tokens, j + 1) > j + 1:
            j = _read_quoted_name(tokens, j + 1)  # "der Geschäftsführer von „Ener1“"
        elif (j + 1 < len(tokens) and tokens[j].lower in NP_LINKS and _is_noun(tokens[j + 1])
              and tokens[j + 1].lower not in TIME_WORDS):  # "eines Sprechers vom Dienstag": a time, no origin
            j += 1
            while j < len(tokens) and _is_noun(tokens[j]):
                j += 1
        j = _read_parenthesis(tokens, j)
    return j


def _read_parenthesis(tokens: list[Token], j: int) -> int:
    """"Franz Josef Jung (CDU)": a short bracket after a name belongs to the phrase."""
    if j < len(tokens) and tokens[j].text == "(":
        close = next((k for k in range(j + 1, min(j + 6, len(tokens))) if tokens[k].text == ")"), None)
        return close + 1 if close else j
    return j


def _is_adjective(token: Token) -> bool:
    if token.lower in AUXILIARIES or token.lower in MODALS:
        return False
    text = token.text  # "t-online.de" is a name, not an adjective in -e
    shaped = text.islower() and "." not in text and text.endswith(("e", "en", "er", "es", "em")) and len(text) > 3
    return shaped and not (tag_of(token) or "").startswith("V")  # "Das musste Steinbrück einräumen"


def _is_noun(token: Token) -> bool:
    """Capitalised, or a lowercase prefix before a capitalised part ("el-Baradei", "ai-Bericht")."""
    if token.capitalised:  # "Unterdessen", "Zudem", "Erst": capitalised, tagged ADV, no noun
        return token.text[0].isalpha() and token.lower not in FUNCTION_WORDS and tag_of(token) not in NEVER_SPEAKER
    if re.match(r"[a-z]{1,10}-[A-ZÄÖÜ]|[\w-]+\.(?:de|com|org|net|at|ch)$", token.text):
        return True  # "verdi-Chef", "t-online.de"
    return token.text.replace(".", "").isalpha() and tag_of(token) == "NE"  # "Die taz vermutet", "ver.di"


is_noun = _is_noun  # public name for the document-source rules in quotes_sources


def _is_time_phrase(tokens: list[Token], start: int, end: int) -> bool:
    """"Ende Januar", "Bislang", "Montag": a time adverbial in the subject slot, not a speaker."""
    return any(t.lower in TIME_WORDS for t in tokens[start:end]) and end - start <= 3


def speaker_after(tokens: list[Token], i: int) -> tuple[int, int] | None:
    """Token range of the subject right after a verb or "so": skips adverbials ("dann",
    "am Dienstag"); a pronoun or a noun phrase; "es" ("hieß es") is no speaker."""
    while i < len(tokens) and tokens[i].lower in SKIP_AFTER_VERB:
        i += 2 if tokens[i].lower in {"am", "im", "vom"} else 1
    if i >= len(tokens):
        return None
    if tokens[i].lower in PRONOUNS:
        return None if tokens[i].lower in {"es", "man"} else (i, i + 1)
    if tokens[i].lower in DEMONSTRATIVES and (i + 1 == len(tokens) or not tokens[i + 1].capitalised):
        return i, i + 1  # "sagte dieser, dass …": the person just named
    end = read_noun_phrase(tokens, i)
    return (i, end) if end > i else None


def speaker_before(tokens: list[Token], start: int, verb: int) -> tuple[int, int] | None:
    """Token range of the subject standing before the verb ("Putin sagte"), or None when the
    clause opens with an adverbial and the subject follows the verb. After a relative clause
    ("Deiss, der … hatte, sagte") the subject is the noun phrase opening the sentence."""
    while start < verb and (tokens[start].lower in CONJUNCTIONS or _focus_particle(tokens, start)):
        start += 1
    if start < verb and _nominative_pronoun(tokens, verb + 1):
        return verb + 1, verb + 2  # "Der Politik schlug er vor", "Als Begründung gab er an"
    if start < verb and tokens[start].lower in AUXILIARIES | MODALS:
        opening = _subject_before_apposition(tokens, start)
        if opening:
            return opening  # "Der Fraktionschef, Hans Meier, hatte Lenz aufgefordert": Lenz is the object
    shared = _shared_subject(tokens, start, verb)
    if shared:
        return shared
    if start < verb and tokens[start].text.islower() and tag_of(tokens[start]) in FINITE_TAGS:
        found = speaker_after(tokens, start + 1)  # "…, biss der Randalierer den Fluggast und rief:",
        if found and found[1] <= verb:  # "…, will heute Außenminister Straw bekannt geben, dass"
            return found
    if start >= verb or tokens[start].lower in AUXILIARIES | MODALS:
        # "…, hat Staatssekretär Berninger gefordert"; "Die Parteien, die PPP und …, hatten erklärt"
        found = _subject_after_auxiliary(tokens, start, verb)
        opening = _sentence_subject(tokens, start) if not found and start and tokens[start - 1].text == "," else None
        if opening and start == verb and _plural_phrase(tokens, *opening) and _singular_verb(tokens[verb]):
            return _bounded_after(tokens, verb)  # "Die tibetischen Mönche, die …, beschrieb die Agentur als …"
        return found or opening
    if tokens[start].lower in RELATIVES and start + 1 < len(tokens) and start and tokens[start - 1].text == ",":
        if not _is_noun(tokens[start + 1]) and not _is_adjective(tokens[start + 1]):
            return start, start + 1  # "eines Hackers, der behauptet, …": the relative pronoun
        if tokens[start].lower in {"die", "das"} and tag_of(tokens[start + 1]) == "NE":
            end = read_noun_phrase(tokens, start + 1)  # "die Marke, die Gerhard Schröder … erklärt hatte":
            if start + 1 < end <= verb:  # an object relative pronoun, the name after it is the subject
                return start + 1, end
    if _prepositional_relative(tokens, start, verb):
        found = _subordinate_subject(tokens, start + 2)  # "Ausführungen, in denen er dies als … bezeichnet hatte"
        return found if found and found[1] <= verb else None
    if _als_phrase(tokens, start, verb):  # "Als Antwort auf den Brief sagte ein Sprecher"
        return speaker_after(tokens, verb + 1)
    if tokens[start].lower in SUBORDINATORS or tag_of(tokens[start]) == "KOUS":  # "wo Putin …", "zumal X betont hatte"
        return _subordinate_subject(tokens, start + 1)
    if (tokens[start].lower in LEADING_ADVERBIALS | OBLIQUE or _is_adverb(tokens, start, verb)
            or [t.lower for t in tokens[start:start + 2]] == ["des", "weiteren"]):
        return _subject_after_auxiliary(tokens, start, verb)
    if tag_of(tokens[start]) in ADVERBIAL_TAGS or _adjectival_opener(tokens, start, verb):
        # "Unterdessen sagte Meier", "Stellvertretend für die Kommission empfahl der Kommissar":
        # an adverbial opens the clause, the subject follows the verb
        return (_first_clause_pronoun(tokens, start, verb) or _subject_after_auxiliary(tokens, start, verb)
                or _bounded_after(tokens, verb))
    if tokens[start].lower in PRONOUNS and (start + 1 == verb or tokens[start + 1].lower in AUXILIARIES | MODALS):
        return None if tokens[start].lower in {"es", "man"} else (start, start + 1)
    second = _second_clause_subject(tokens, start, verb) or _first_clause_pronoun(tokens, start, verb)
    if second:
        return second
    end = _coordinated_phrase(tokens, start, verb)
    if end > start and _is_time_phrase(tokens, start, end):
        return _subject_after_auxiliary(tokens, start, verb)
    if end > start and any(t.lower in {"und", "sowie"} for t in tokens[start:end]):
        start = _list_start(tokens, start)  # "Die Kanzlei X, Köln, Berlin und München führen aus"
    gap = end
    while gap < verb and tokens[gap].lower in AUXILIARIES | SKIP_AFTER_VERB:
        gap += 1  # "Putin hat am Dienstag gesagt"
    if end == verb and _fronted_object(tokens, start, end, verb):
        return _bounded_after(tokens, verb)  # "Die Äußerungen Hassemers bezeichnete Wiefelspütz als …"
    if end > start and (gap == verb or tokens[end].lower in AUXILIARIES | MODALS):
        return start, end  # "Stoiber hatte besonders die Rolle … betont"
    if end > start and end < verb and tokens[verb - 1].lower == "und" and tokens[end].text.islower() and (
            tag_of(tokens[end]) in FINITE_TAGS or (tag_of(tokens[end]) is None and tokens[end].text.isalpha())):
        return start, end  # "Datenschützer äußerten Bedenken … und warfen der Regierung „…“ vor": one subject, two verbs
    return (start, end) if end > start and verb - start <= 8 else None


def _shared_subject(tokens: list[Token], start: int, verb: int) -> tuple[int, int] | None:
    """A verb right after "und" has no subject of its own: it shares the subject of the main clause
    that "und" goes on with. When the stretch before "und" (from the last comma) is the tail of
    a clause cut by commas (no finite verb of its own: "Die „Kreuzzeitung“ mißt dem Umstande, dass
    …, eine Bedeutung bei und sagt") or a verb phrase opened by its finite verb ("Kuh, der …, ließ
    Mohr seinen Unmut entgelten und nannte ihn …", "Er erhielt das Buch, …, machte Konversation
    darüber und erklärte"), that clause opened the sentence, and its subject is the sentence's
    subject; the noun phrase next to "und" is an object. A sentence opened by a subordinate
    clause keeps its subject after the verb ("Als …, biss der Mann den Gast und rief")."""
    if verb < 2 or tokens[verb - 1].lower != "und" or start < 2 or start >= verb - 1 or tokens[start - 1].text != ",":
        return None
    segment = tokens[start:verb - 1]
    if segment[0].lower in SUBORDINATORS | RELATIVE_OPENERS or tag_of(segment[0]) in {"KOUS", "PRELS", "PWAV"}:
        return None  # "…, während die Initiative den Vorschlag unterstützt und fordert": its own subject
    opens_with_verb = segment[0].text.islower() and tag_of(segment[0]) in FINITE_TAGS
    if not opens_with_verb and any(tag_of(t) in FINITE_TAGS for t in segment):
        return None  # "…, die Lage sei ernst und fordert": a clause of its own
    if any(t.text in {":", ";"} for t in tokens[:start]):
        return None
    first = tokens[0]
    if first.lower in SUBORDINATORS or tag_of(first) in {"KOUS", "KOUI"} or not first.text[:1].isupper():
        return None
    comma = next(k for k in range(start) if tokens[k].text == ",")
    subject = clause_subject(tokens, 0, comma)
    if subject is None or tag_of(tokens[subject[0]]) in ADVERBIAL_TAGS:
        return None
    return subject


ADJECTIVE_ENDINGS = ("end", "isch", "ig", "lich", "los", "bar", "sam", "haft")
PARTICIPLE_PREFIXES = ("ge", "er", "ver", "be", "ent", "emp", "zer", "über", "unter")


def _adjectival_opener(tokens: list[Token], start: int, verb: int) -> bool:
    """A capitalised adjective or participle opens the clause, alone or before a prepositional
    phrase ("Stellvertretend für die Kommission empfahl …", "Erstaunt blickte ich …"): an
    adverbial, never the speaker. Read by its shape where the tagger gives no tag."""
    token = tokens[start]
    if not token.capitalised or start + 1 > verb or tag_of(token) not in {None, "ADJD", "ADV", "VVPP"}:
        return False
    word = token.lower
    if not _adjective_shaped(word):
        return False
    if start in getattr(TAGS.get(), "named", ()) or token.start in getattr(TAGS.get(), "named", ()):
        return False
    if start + 1 == verb or tag_of(tokens[start + 1]) in {"APPR", "APPRART"} | FINITE_TAGS:
        return True
    return all(t.text.islower() and (tag_of(t) in {"ADJD", "ADV", "VVPP"} or _adjective_shaped(t.lower))
               for t in tokens[start + 1:verb])  # "Sichtlich verärgert sagte"


def _adjective_shaped(word: str) -> bool:
    return word.endswith(ADJECTIVE_ENDINGS) or (word.startswith(PARTICIPLE_PREFIXES) and word.endswith("t"))


def _first_clause_pronoun(tokens: list[Token], start: int, verb: int) -> tuple[int, int] | None:
    """"Erstaunt blickte ich ihn an und fragte", "Gesprächen weicht er aus und versichert": the
    verb after "und" shares the subject of the first clause, a nominative pronoun right after that
    clause's finite verb (only a subject stands there in the nominative)."""
    if verb < 2 or tokens[verb - 1].lower != "und":
        return None
    first = next((k for k in range(start + 1, verb - 1) if tag_of(tokens[k]) in FINITE_TAGS), None)
    if first is None or not _nominative_pronoun(tokens, first + 1):
        return None
    return first + 1, first + 2


def _second_clause_subject(tokens: list[Token], start: int, verb: int) -> tuple[int, int] | None:
    """"Die USA übergaben dem FBI das Material und das FBI seinerseits versprach, …": after "und"
    a second main clause with its own subject right before the verb (an adverb may come between);
    only when a finite verb (by its tag) stands before "und", otherwise "und" joins two subjects
    ("Moskau und Pjöngjang bekräftigten")."""
    if tag_of(tokens[verb]) not in FINITE_TAGS:
        return None  # "… die Rolle der Fraktions- und Parteivorsitzenden betont": one clause
    link = next((k for k in range(verb - 2, start, -1) if tokens[k].lower in {"und", "aber", "doch"}), None)
    if link is None or tokens[link - 1].text.endswith("-") or not any(tag_of(t) in FINITE_TAGS for t in tokens[start:link]):
        return None
    end = read_noun_phrase(tokens, link + 1)
    if end == link + 1 and tokens[link + 1].lower in PRONOUNS and tokens[link + 1].lower not in {"es", "man"}:
        end = link + 2
    if end <= link + 1 or tag_of(tokens[link + 1]) in ADVERBIAL_TAGS:
        return None
    gap = end
    while gap < verb and tag_of(tokens[gap]) in {"ADV", "PAV", "PROAV"}:
        gap += 1
    return (link + 1, end) if gap == verb else None


THING_ENDINGS = ("ung", "ungen", "heit", "heiten", "keit", "keiten", "nahme", "nahmen", "ion", "ionen", "ismus")


def _fronted_object(tokens: list[Token], start: int, end: int, verb: int) -> bool:
    """The phrase before the verb is its object, the subject follows it: a thing (no role noun,
    no name) is followed by "der" + a masculine role ("Die praktische Anwendung … stellte der
    SPD-Vorsitzende X in Frage"), or a plural phrase stands before a singular verb ("Die
    Äußerungen Hassemers bezeichnete Wiefelspütz als …"): only the nominative agrees with it."""
    head = next((t for t in tokens[start:end] if t.capitalised and t.lower not in DETERMINERS), None)
    if head is None or role_gender(head.text) or tag_of(head) == "NE":
        return False  # a person or a name is the subject where it stands
    if tag_of(head) is None and not head.lower.endswith(THING_ENDINGS):
        return False  # the tagger was unsure and the word does not look like an abstract noun
    after = verb + 1
    if after + 1 >= len(tokens) or read_noun_phrase(tokens, after) <= after:
        return False
    following = tokens[after + 1]
    if tokens[after].lower == "der" and following.capitalised and role_gender(following.text) in ("m", "n"):
        return True
    plural = tokens[start].lower == "die" and head.lower.endswith(("ungen", "heiten", "keiten", "nahmen", "ionen"))
    singular = tokens[verb].lower.endswith(("te", "t")) and not tokens[verb].lower.endswith(("ten", "en"))
    return plural and singular and tokens[after].capitalised


def _prepositional_relative(tokens: list[Token], start: int, verb: int) -> bool:
    """", in denen er …", ", in welchem er …": a relative clause opened by a preposition and its
    relative pronoun has a subject of its own after the pronoun, not the noun the clause describes."""
    return (0 < start and start + 2 < verb and tokens[start - 1].text == ","
            and (tag_of(tokens[start]) == "APPR" or tokens[start].lower in {"in", "mit", "bei", "nach", "an", "auf", "von"})
            and tokens[start + 1].lower in RELATIVE_OPENERS and tag_of(tokens[start + 1]) in {None, "PRELS"})


def _plural_phrase(tokens: list[Token], start: int, end: int) -> bool:
    """"Die tibetischen Mönche": after "die" an adjective in -en is plural (the feminine singular
    reads "die tibetische"), as is a count word ("zwei", "mehrere", "viele")."""
    words = tokens[start:end]
    if len(words) < 2 or words[0].lower not in {"die", "zwei", "drei", "vier", "mehrere", "viele", "einige", "zahlreiche"}:
        return False
    if words[0].lower != "die":
        return True
    return words[1].text.islower() and words[1].lower.endswith("en") and words[2:3] != [] and words[2].capitalised


def _singular_verb(token: Token) -> bool:
    """A finite verb in the third person singular: plural forms end in -n ("sagten", "beschrieben", "sind")."""
    return token.text.islower() and tag_of(token) in FINITE_TAGS and not token.lower.endswith(("n", "sind"))


def _bounded_after(tokens: list[Token], verb: int) -> tuple[int, int] | None:
    """The subject right after the verb, within the verb's clause."""
    found = speaker_after(tokens, verb + 1)
    return found if found and found[1] <= clause_end(tokens, verb + 1) else None


def _als_phrase(tokens: list[Token], start: int, verb: int) -> bool:
    """"Als Antwort …": "als" before a bare noun is a preposition-like phrase, not the
    conjunction, when the verb does not close the clause (a conjunction clause ends in its verb)."""
    if tokens[start].lower != "als" or start + 1 >= verb or not _is_noun(tokens[start + 1]):
        return False
    return verb + 1 < len(tokens) and tokens[verb + 1].text not in CLAUSE_BREAKS


def _nominative_pronoun(tokens: list[Token], i: int) -> bool:
    """"er", "ich", "wir" right after a finite verb in second position: only a subject can stand
    there in the nominative, so whatever opens the clause is an object or an adverbial."""
    if i >= len(tokens) or tokens[i].lower not in NOMINATIVE_PRONOUNS:
        return False
    return i + 1 == len(tokens) or tokens[i + 1].text not in {"„", "»"}


def _subject_after_auxiliary(tokens: list[Token], start: int, verb: int) -> tuple[int, int] | None:
    """"Am Montag hat Berninger gefordert", "In der Meldung wird Musk wie folgt zitiert": the
    subject right after the finite auxiliary, when the cue is a participle further on."""
    for j in range(start, verb):
        if tokens[j].lower in AUXILIARIES | MODALS:
            found = speaker_after(tokens, j + 1)
            return found if found and found[1] <= verb else None
    return None


def _is_adverb(tokens: list[Token], start: int, verb: int) -> bool:
    """"Offiziell geht …", "Sinngemäß hofft …": one capitalised adverb before the verb."""
    if not tokens[start].lower.endswith(ADVERB_ENDINGS) or start + 1 >= len(tokens):
        return False  # "Jahrelang hat der Konzern bestritten": also before an auxiliary
    return start + 1 == verb or (start + 1 < verb and tokens[start + 1].lower in AUXILIARIES | MODALS)


def clause_subject(tokens: list[Token], begin: int, end: int) -> tuple[int, int] | None:
    """Subject of the main clause tokens[begin:end] whatever its verb ("Dabei griff sie … an",
    "Der Ermittler, der als Zeuge gilt, will …"): the opening noun phrase, or after a fronted
    adverbial or object the phrase right after the finite verb."""
    i = begin
    while i < end and (tokens[i].lower in CONJUNCTIONS or _focus_particle(tokens, i)):
        i += 1  # "Auch der innenpolitische Sprecher …, Dieter Wiefelspütz, will „…“"
    if i >= end:
        return None
    if tokens[i].lower in PRONOUNS:
        return None if tokens[i].lower in {"es", "man"} else (i, i + 1)
    if tag_of(tokens[i]) == "PIS" and i + 1 < end and tag_of(tokens[i + 1]) in FINITE_TAGS:
        return i, i + 1  # "Einige vertreten die Auffassung, …"
    if tokens[i].lower not in LEADING_ADVERBIALS | SUBORDINATORS | OBLIQUE and tag_of(tokens[i]) not in ADVERBIAL_TAGS:
        stop = read_noun_phrase(tokens, i)
        if stop > i and not _is_time_phrase(tokens, i, stop) and not _is_adverb(tokens, i, stop if stop < end and _looks_finite(tokens[stop]) else -1):
            return _pronoun_after_verb(tokens, stop, end) or (i, stop)
    # "Als …, biss der Mann zu und rief: …" (the clause opens with its verb), not "seinerzeit hatte X …"
    j = i if _looks_finite(tokens[i]) and tag_of(tokens[i]) not in ADVERBIAL_TAGS else i + 1
    while j < end and not _looks_finite(tokens[j]):
        j += 1
    found = speaker_after(tokens, j + 1) if j < end else None
    return found if found and found[1] <= end else None


def _pronoun_after_verb(tokens: list[Token], start: int, end: int) -> tuple[int, int] | None:
    """"Das Angebot, …, lehnt er jedoch ab": "er", "ich", "wir" right after the first finite verb
    (by its tag) are the subject, and the phrase before the verb was its object."""
    verb = next((k for k in range(start, end) if tag_of(tokens[k]) in FINITE_TAGS), None)
    if verb is not None and verb + 1 < end and tokens[verb + 1].lower in NOMINATIVE_PRONOUNS:
        return verb + 1, verb + 2
    return None


def _looks_finite(token: Token) -> bool:
    """A lowercase word that is no article, preposition, adverb or adjective: the verb."""
    text = token.text
    return (text.isalpha() and text.islower() and token.lower not in DETERMINERS | LEADING_ADVERBIALS
            | SKIP_AFTER_VERB | CONJUNCTIONS and not _is_adjective(token))


def _focus_particle(tokens: list[Token], i: int) -> bool:
    """"Auch die Ministerin äußerte …": a particle before the subject, not an adverbial."""
    nxt = tokens[i + 1] if i + 1 < len(tokens) else None
    return tokens[i].lower in FOCUS_PARTICLES and nxt is not None and (nxt.lower in DETERMINERS or nxt.capitalised)


def _coordinated_phrase(tokens: list[Token], start: int, verb: int) -> int:
    end = read_noun_phrase(tokens, start)
    while end < verb and tokens[end].lower in {"und", "sowie"}:  # "Moskau und Pjöngjang bekräftigten"
        nxt = read_noun_phrase(tokens, end + 1)
        if nxt == end + 1:
            break
        end = nxt
    return end


def _list_start(tokens: list[Token], start: int) -> int:
    """Start of the comma list whose last items ("… und Stuttgart") open at `start`: walking back,
    every stretch between commas is one noun phrase, and the first ends in one after no finite
    verb ("GRP Rainer Rechtsanwälte Steuerberater, Köln, …, München und Stuttgart führen aus").
    The whole list is the subject; the speaker is then the person or organisation inside it, not
    the places after the comma."""
    first = start
    while first >= 2 and tokens[first - 1].text == ",":
        comma = first - 1
        begin = comma
        while begin > 0 and tokens[begin - 1].text not in CLAUSE_BREAKS:
            begin -= 1
        if begin == comma:
            break
        if read_noun_phrase(tokens, begin) == comma:
            first = begin  # one item of the list ("Köln,")
            continue
        if any(tag_of(t) in FINITE_TAGS for t in tokens[begin:comma]):
            break  # the comma closed a clause
        item = next((k for k in range(begin, comma) if read_noun_phrase(tokens, k) == comma), None)
        return item if item is not None else first
    return first


def _subordinate_subject(tokens: list[Token], i: int) -> tuple[int, int] | None:
    """"wo Putin … erklärt hatte", "wie sich Tauss ausdrückte": a reflexive or adverb may come
    before the subject."""
    while i < len(tokens) and tokens[i].lower in {"sich", "auch", "bereits", "schon", "zuvor", "dort"}:
        i += 1
    if i < len(tokens) and tokens[i].lower in PRONOUNS:
        return None if tokens[i].lower in {"es", "man"} else (i, i + 1)
    end = read_noun_phrase(tokens, i)
    return (i, end) if end > i else None


def _subject_before_apposition(tokens: list[Token], start: int) -> tuple[int, int] | None:
    """The sentence opens with a noun phrase and an apposition set off by commas, and the clause at
    `start` goes on with the finite auxiliary: "Der Fraktionschef im Landtag, Hans Meier, hatte …".
    The opening phrase with its apposition is the subject (V2: one phrase before the finite verb),
    so what follows the auxiliary is an object."""
    if start < 4 or tokens[start - 1].text != ",":
        return None
    comma = next((k for k in range(start - 1) if tokens[k].text == ","), None)
    if comma is None or comma < 2 or read_noun_phrase(tokens, 0) <= 0 or tokens[0].lower not in DETERMINERS:
        return None
    if read_noun_phrase(tokens, comma + 1) != start - 1 or not any(tag_of(t) == "NE" for t in tokens[comma + 1:start - 1]):
        return None
    if any(t.text in CLAUSE_BREAKS or tag_of(t) in FINITE_TAGS for t in tokens[:comma]):
        return None
    return 0, start - 1  # read whole, role and name: the name resolves the speaker


def _sentence_subject(tokens: list[Token], verb: int) -> tuple[int, int] | None:
    start = 0
    while start < verb and (tokens[start].lower in CONJUNCTIONS or _focus_particle(tokens, start)):
        start += 1
    if start >= verb or tokens[start].lower in SUBORDINATORS:
        return None
    if tokens[start].lower in LEADING_ADVERBIALS:  # "Vor kurzem hatte ein Talibanführer, X, erklärt"
        return _subject_after_auxiliary(tokens, start, verb)
    end = _coordinated_phrase(tokens, start, verb)  # "Der frühere Bürgermeister und Justizsenator, X, warnte"
    return (start, end) if end > start and end < verb and tokens[end].text == "," else None


@dataclass
class Found:
    """A quote before speakers are resolved: message, cue and speaker as character spans."""

    start: int
    end: int
    kind: str  # direct | partial | indirect
    cue: tuple[int, int] | None = None
    speaker: tuple[int, int] | None = None
    confidence: float = 1.0
    carried: bool = False  # speaker taken over from a neighbouring quote
    speaker_kind: str | None = None  # set when the rules already know it ("group" for "Polizeiangaben")


def char_span(tokens: list[Token], token_range: tuple[int, int] | None) -> tuple[int, int] | None:
    if token_range is None:
        return None
    return tokens[token_range[0]].start, tokens[token_range[1] - 1].end
