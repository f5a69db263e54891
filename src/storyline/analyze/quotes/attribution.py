"""Who said what: direct, partial and indirect quotes with their cue and speaker.

Direct quotes come from paired quotation marks; a quoted stretch counts as speech when it opens a
clause and is long, ends a sentence or has a cue ("„…“, sagte er"), and as a partial quote when it
sits inside reported speech ("Es gebe „viele Fragen“ zu besprechen, sagte Putin"). Short quoted
words without any cue — „Gipfel“, „Ehrengast“, „Shenzhou 6“ — are scare quotes or names, not
speech. Indirect speech comes from cue patterns (`quotes_indirect`). A quote without its own cue
takes the speaker of the quote next to it, as readers do. Speakers that are pronouns or role
nouns are resolved to a person mention with `coref.resolve_reference`.
"""
from __future__ import annotations

import bisect
import re

from storyline.analyze.quotes.coref import describe_reference, resolve_reference
from storyline.analyze.grammar.tagger import LazyTags, load_tagger
from storyline.analyze.grammar.words import FINITE as FINITE_TAGS, can_head_speaker
from storyline.analyze.quotes.cues import (
    ADVERBIAL_TAGS, TAGS, Found, Token, char_span, clause_end, clause_subject, is_noun, is_speech_verb, read_noun_phrase, source_phrase_after,
    source_phrase_before, speaker_after, speaker_before, tag_of, tokenize, tokens_of_span,
)
from storyline.analyze.quotes.indirect import noun_of_saying, source_phrase as source_phrase_in
from storyline.analyze.quotes.indirect import (
    has_konjunktiv, is_so_attribution, continues_reported, find_indirect, passive_quote,
)
from storyline.analyze.quotes.lexicon import is_group_noun, is_person_noun, role_gender
from storyline.analyze.quotes.marks import Quoted, find_quoted
from storyline.analyze.quotes.sources import (
    compound_source, document_source, emerging_source, is_document_noun, is_passive_cue, written_source,
)
from storyline.model import Article, Mention, Quote, Sentence

GROUP_WORDS = set("einige mehrere viele zahlreiche manche zwei drei vier fünf beide alle".split())
CARRY_SENTENCES = 2
RELATIVE_PRONOUNS = {"der", "die", "das", "welcher", "welche", "denen", "dem"}
ABSTRACT_SUFFIXES = ("heit", "keit", "ung", "bruch", "schaft", "tion", "ismus", "ität", "rei", "ente", "lüge")


# Round one kept the resolved speaker on a subclass; the fields now live on model.Quote so that
# they are stored and exported. The alias keeps older imports working.
QuoteResult = Quote


def find_quotes(article: Article, mentions: list[Mention]) -> list[QuoteResult]:
    """All quotes of an article in text order, with speakers resolved where possible.

    The rules read the words' part-of-speech tags (grammar layer); a sentence is tagged only when
    a rule first asks about one of its words (`grammar.tagger.LazyTags`)."""
    reset = TAGS.set(NamedTags(LazyTags(article.text), article.text, mentions) if load_tagger() else {})
    try:
        return _find_quotes(article, mentions)
    finally:
        TAGS.reset(reset)


def _find_quotes(article: Article, mentions: list[Mention]) -> list[QuoteResult]:
    sentences = _readable_sentences(article)
    quoted = [q for q in find_quoted(article) if _sentence_at(sentences, q.outer_start)]
    found = find_direct(article, sentences, quoted)
    found += find_reported(article, sentences, quoted, found)
    found += _confirmed_before(article, sentences, found)
    found = [f for f in found if not _negated_cue(article, sentences, f)]
    _speakers_from_documents(article, sentences, found)
    _speakers_from_clauses(article, sentences, found)
    _passive_agents(article, sentences, found)
    _speakers_from_reported(found)
    _speakers_from_so_aside(article, sentences, found)
    _speakers_from_own_clause(article, sentences, found)
    _drop_non_nominal_speakers(article.text, found)
    _drop_things_as_speakers(article.text, found)
    _carry_speakers(found, sentences)
    _speakers_from_previous_subject(article, sentences, found)
    _carry_speakers(found, sentences)  # "X verurteilte … „A.“ „B.“": B goes with A, whose speaker came last
    _drop_non_nominal_speakers(article.text, found)
    _speakers_of_impersonal_cues(article, mentions, sentences, found)
    _sources_in_compounds(article.text, found)
    found = _without_nested_partials(article.text, found)
    found = _without_names_of_speakers(found)
    return [_to_quote(article, mentions, f) for f in sorted(found, key=lambda f: (f.start, f.end))]


class NamedTags:
    """The tagger's tags, except that a capitalised word inside a name the entity stage found
    (person or organisation) is a proper noun: the tagger reads an unknown name by its ending
    ("Milinkewitsch" as an adjective in -isch) and the rules would then take
    it for an adverbial and look for the subject after the verb."""

    def __init__(self, tags: LazyTags, text: str, mentions: list[Mention]):
        self.inner = tags
        self.named = {m.start + w.start() for m in mentions if m.type in ("PER", "ORG")
                      for w in re.finditer(r"(?<!\w)[A-ZÄÖÜ]", text[m.start:m.end])}

    def get(self, offset: int, default=None):
        tag = self.inner.get(offset, default)
        return "NE" if offset in self.named and tag in NAME_MISREADS else tag


NAME_MISREADS = frozenset({"ADJD", "ADV", "ADJA", "VVFIN", "VVINF", "VVPP", "KON", "KOUS", "PAV", "PROAV"})


ANAPHORS = {"das", "dies", "dieses"}


def _confirmed_before(article: Article, sentences: list[Sentence], found: list[Found]) -> list[Found]:
    """"Dulmatin wurde getötet. Das bestätigte der Präsident": "Das"/"Dies" + a speech verb + its
    subject report the sentence before, which becomes an indirect quote of that speaker."""
    out = []
    for before, sentence in zip(sentences, sentences[1:]):
        tokens = tokenize(article.text, sentence.start, sentence.end)
        if len(tokens) < 3 or tokens[0].lower not in ANAPHORS:
            continue
        last = len(tokens) - (1 if tokens[-1].text in {".", "!", "?"} else 0)
        verb = 1 if is_speech_verb(tokens, 1) else None
        if verb is None and tokens[1].text.islower():  # "Das musste Minister X … einräumen" (the tag asked last)
            verb = next((j for j in (last - 1, last - 2) if j > 2 and is_speech_verb(tokens, j)), None)
            verb = verb if verb is not None and tag_of(tokens[1]) in {"VMFIN", "VAFIN"} else None
        if tokens[1].lower in {"geht", "ging"} and tokens[last - 1].lower == "hervor":
            verb, speaker = 1, emerging_source(tokens, 2, last - 1)  # "Dies geht aus einer Mitteilung hervor"
        elif verb is not None:
            speaker = speaker_after(tokens, 2)
        else:
            continue
        if speaker is None or tokens[speaker[0]].lower in {"es", "man"}:
            continue
        earlier = [f for f in found if f.start < before.end and before.start < f.end]
        if earlier:  # "Wie heute bekannt wurde, sind … aufgetreten. Das berichteten Helfer vor Ort."
            for item in earlier:
                if item.speaker is None and item.kind != "partial":
                    item.cue, item.speaker = char_span(tokens, (verb, verb + 1)), char_span(tokens, speaker)
            continue
        previous = tokenize(article.text, before.start, before.end)
        last = len(previous) - (1 if previous and previous[-1].text in {".", "!", "?"} else 0)
        if last > 2 and previous[0].text not in {"„", "»", '"'}:
            out.append(Found(previous[0].start, previous[last - 1].end, "indirect",
                             char_span(tokens, (verb, verb + 1)), char_span(tokens, speaker), 0.7))
    return out


def _sources_in_compounds(text: str, found: list[Found]) -> None:
    """"Nach Regierungsangaben", "Polizeiangaben zufolge": the speaker is the source the compound
    names ("Regierung", a group), a span inside the word (`sources.compound_source`)."""
    for item in found:
        if not item.speaker:
            continue
        words = list(re.finditer(r"[\w-]+", text[item.speaker[0]:item.speaker[1]]))
        stem = compound_source(words[-1].group()) if words else None
        if stem:
            start = item.speaker[0] + words[-1].start()
            item.speaker, item.speaker_kind = (start, start + len(stem)), "group"


def _negated_cue(article: Article, sentences: list[Sentence], item: Found) -> bool:
    """"Doch wo und wann das passiert, sagte Peskow nicht": a negated speech verb withholds the
    statement; the clause of the cue (outside the message) holds "nicht" or "nie"."""
    if item.kind != "indirect" or not item.cue:
        return False
    sentence = _sentence_at(sentences, item.cue[0])
    if sentence is None:
        return False
    tokens = tokenize(article.text, sentence.start, sentence.end)
    verb = next((i for i, t in enumerate(tokens) if t.start == item.cue[0]), None)
    if verb is None or not is_speech_verb(tokens, verb):
        return False  # "war nach Angaben des TÜV nicht reibungslos": the source phrase is not negated
    begin, end = verb, verb + 1
    while begin > 0 and tokens[begin - 1].text not in {",", ":", ";", "."}:
        begin -= 1
    while end < len(tokens) and tokens[end].text not in {",", ":", ";", ".", "!", "?"}:
        end += 1
    clause = [t for t in tokens[begin:end] if not (item.start <= t.start < item.end)]
    return any(t.lower in {"nicht", "nie"} and tag_of(t) in (None, "PTKNEG", "ADV") for t in clause)


def _drop_non_nominal_speakers(text: str, found: list[Found]) -> None:
    """A speaker is a noun phrase headed by a name, a noun or a pronoun: a phrase the tagger reads
    as only adverbs, conjunctions, particles or verbs ("Unterdessen", "Erst") is dropped."""
    for item in found:
        if item.speaker:
            tags = [None if is_noun(t) and not t.capitalised else tag_of(t)  # "t-online.de", "el-Baradei"
                    for t in tokens_of_span(text, *item.speaker) if t.text[:1].isalnum()]
            if not can_head_speaker(tags) or (tags and tags[0] in {"PWAT", "PWS"}):  # "Welche Rolle"
                item.speaker, item.carried = None, False


def _drop_things_as_speakers(text: str, found: list[Found]) -> None:
    """A quote without a cue is said by a subject who can speak: "Die Speicherung von
    Fingerabdrücken ist …: „…“" names a thing, and the quote is left to its neighbours (the speaker
    before, the subject of the sentence before), while "die Polizei" or "die SPD-Fraktion" keep it."""
    for item in found:
        if item.speaker and not item.cue and not item.carried:
            tokens = [t for t in tokens_of_span(text, *item.speaker) if t.text[:1].isalnum()]
            if tokens and _names_a_thing(tokens, (0, len(tokens))):
                item.speaker = None


def _names_a_thing(tokens: list[Token], span: tuple[int, int]) -> bool:
    """The phrase is headed by a common noun that is no person, group or writing ("Die Speicherung
    von Fingerabdrücken", "Der Schrecken"), and holds no name or pronoun ("Die Worte Armstrongs")."""
    words = tokens[span[0]:span[1]]
    if any(tag_of(t) in {"NE", "PPER", "PDS", "PIS"} or t.lower in {"er", "sie", "ich", "wir"} for t in words):
        return False
    head = _head_noun(words)
    return head is not None and not (role_gender(head.text) or is_person_noun(head.text) or is_group_noun(head.text)
                                      or is_document_noun(head))


def _head_noun(words: list[Token]) -> Token | None:
    """The first common noun of a phrase; an untagged capitalised word after an article counts
    ("Der Schrecken")."""
    return next((t for k, t in enumerate(words) if t.capitalised and (
        tag_of(t) == "NN" or (tag_of(t) is None and k and tag_of(words[k - 1]) == "ART"))), None)


def _without_nested_partials(text: str, found: list[Found]) -> list[Found]:
    """A partial quote inside an indirect one is listed once, as part of the indirect quote ("Es
    gebe „viele Fragen“ zu besprechen, sagte Putin"). One that opens inside it and runs on past its
    end ("Die Entwicklung habe „eine Priorität … Potenzial. Natürlich ist dies …“, so Putin") carries
    the indirect quote on to its closing mark: one report, listed once."""
    hosts = [f for f in found if f.kind == "indirect"]
    for partial in (f for f in found if f.kind == "partial"):
        host = next((h for h in hosts if h.start < partial.start < h.end < partial.end
                     and _same_speaker(text, h.speaker, partial.speaker)), None)
        if host is not None:
            host.end, host.speaker = partial.end, host.speaker or partial.speaker
    return [f for f in found if f.kind != "partial"
            or not any(h.start <= f.start and f.end <= h.end + 2 for h in hosts)]


def _same_speaker(text: str, one: tuple[int, int] | None, other: tuple[int, int] | None) -> bool:
    """The same words name both speakers, or one of the two quotes has none yet."""
    return one is None or other is None or text[one[0]:one[1]] == text[other[0]:other[1]]


def _without_names_of_speakers(found: list[Found]) -> list[Found]:
    """"teilte die „Aktion Deutschland hilft“ mit", "Das „Departement Information und Presse“ des
    Ministeriums gab …": quoted words inside a speaker's noun phrase are that speaker's name."""
    speakers = [f.speaker for f in found if f.speaker]
    return [f for f in found if f.kind != "partial" or not any(a <= f.start and f.end <= b for a, b in speakers)]


def _readable_sentences(article: Article) -> list[Sentence]:
    """Content sentences outside headings: a quoted heading repeats a quote from the body."""
    headings = [b for b in article.blocks if b.kind == "heading"]
    return [s for s in article.content_sentences() if not any(b.start <= s.start < b.end for b in headings)]


def _sentence_at(sentences: list[Sentence], offset: int) -> Sentence | None:
    i = bisect.bisect_right([s.start for s in sentences], offset) - 1
    return sentences[i] if i >= 0 and offset < sentences[i].end else None


def find_direct(article: Article, sentences: list[Sentence], quoted: list[Quoted]) -> list[Found]:
    found: list[Found] = []
    for index, quote in enumerate(quoted):
        item = _classify_quoted(article, sentences, quoted, index)
        if item:
            found.append(item)
    return found


def _classify_quoted(article, sentences, quoted, index) -> Found | None:
    """Direct, partial or no speech, with the cue and speaker next to the marks if any."""
    quote, text = quoted[index], article.text
    opening = _sentence_at(sentences, quote.outer_start)
    closing = _sentence_at(sentences, max(quote.outer_end - 1, quote.outer_start)) or opening
    previous_end = max([q.outer_end for q in quoted[:index] if q.outer_end > opening.start], default=opening.start)
    lead = text[previous_end:quote.outer_start].strip()
    cue, speaker = _cue_after(text, closing, quote)
    if cue is None:
        cue, speaker = _cue_before(text, opening, previous_end, quote)
    inner = text[quote.start:quote.end]
    words = len(re.findall(r"\w+", inner))
    ends_sentence = bool(re.search(r"[.!?…]\W*$|[.!?]\s+[A-ZÄÖÜ„]", inner))
    named = not ends_sentence and ((words <= 4 and (_looks_like_name(inner) or _tagged_as_name(text, quote)))
                                   or (words <= 8 and inner[:1].isupper() and _after_head_noun(text, opening, quote)))
    named = named or _source_named(text, opening, quote, words, ends_sentence)
    named = named or (cue is None and _title_of_work(text, quoted, index, words, ends_sentence))
    named = named or (words <= 8 and inner[:1].isupper()
                      and DEFINITE_BEFORE.search(text, max(0, quote.outer_start - 30), quote.outer_start) is not None
                      and not _holds_clause(text, quote))
    if named and _called_so(text, opening, quote):  # "nannte dies einen „Militärputsch“"
        return Found(quote.start, quote.end, "partial", *_sentence_cue(text, opening, quoted, quote.outer_start), 0.7)
    if named:
        return None  # „Spiegel“, „Shenzhou 6“, „Süddeutsche Zeitung“, „con energy ag“: names and titles
    opens_clause = lead == "" or lead.endswith(":") or (lead.endswith(",") and previous_end > opening.start)
    if opens_clause and (cue or words >= 4 or ends_sentence):
        return Found(quote.start, quote.end, "direct", cue, speaker, 0.95 if cue else 0.75)
    if not opens_clause and re.match(r"\s+[A-ZÄÖÜ]", text[quote.outer_end:quote.outer_end + 2]):
        return None  # „ewige Präsident“ Kim Il Sung: a title before a name
    fragment = words >= 2 and inner[:1].islower()  # „schwach radioaktiv“: words, not a name
    if not opens_clause and (cue or fragment or _sentence_has_cue(text, opening, quoted)):
        if cue is None:
            cue, speaker = _sentence_cue(text, opening, quoted, quote.outer_start)
        if cue is None:
            cue, speaker = _sentence_source(text, opening, quoted)
        if cue is None:
            cue, speaker = _opinion_holder(text, opening, quote)
        return Found(quote.start, quote.end, "partial", cue, speaker, 0.85 if cue else 0.7)
    return None


# "der „Polizei von DeLand“", "in der „BILD am Sonntag“", "der neue „Oberste Rat …“": a capitalised
# quotation right after a definite article is the name of an organisation, a paper or a work
# (an indefinite one takes a coinage: "sprach von einer „Gefahr für Leib und Leben“").
DEFINITE_BEFORE = re.compile(r"(?<![\w-])(?i:der|die|das|des|dem|den)\s+(?:[a-zäöüß]+(?:e|en|er|es|em)\s+)?$")


def _holds_clause(text: str, quote: Quoted) -> bool:
    """The quoted words are a sentence, not a name: they end in "!" or "?" or hold a finite verb
    (a name's abbreviation dots, "„St. = Anz.“", "„Journal de St. Petersburg“", end no sentence)."""
    inner = text[quote.start:quote.end]
    return "!" in inner or "?" in inner or any(
        t.text.islower() and tag_of(t) in FINITE_TAGS for t in tokens_of_span(text, quote.start, quote.end))


LIST_LINKS = re.compile(r"\s*(?:,|und|oder|sowie|bzw\.)\s*$")


def _title_of_work(text: str, quoted: list[Quoted], index: int, words: int, ends_sentence: bool) -> bool:
    """Titles of works in quotation marks, by their place in the sentence: with the author after
    them ("„Der Fänger im Roggen“ von J. D. Salinger"), as items of a list of quoted titles
    ("in „Nackt unter Wölfen“ oder „Jeder stirbt für sich allein“"), or after a noun and a colon
    inside a clause that goes on ("führte sein Stück: „Die Schweden vor Brünn“ auf"). Nobody
    says them."""
    quote = quoted[index]
    inner = text[quote.start:quote.end]
    if words > 8 or not inner[:1].isupper() or _opens_with_person(inner):
        return False  # „Wir werden …“ und „Wir …“: slogans someone wrote, not titles
    after = text[quote.outer_end:quote.outer_end + 40]
    if not ends_sentence and re.match(r"\s+von\s+(?:[A-ZÄÖÜ]\.\s*)*[A-ZÄÖÜ][\w-]+", after):
        return True
    neighbours = [quoted[k] for k in (index - 1, index + 1) if 0 <= k < len(quoted)]
    for other in neighbours:
        first, second = (other, quote) if other.outer_end <= quote.outer_start else (quote, other)
        gap = text[first.outer_end:second.outer_start]
        other_inner = text[other.start:other.end]
        if (len(gap) <= 8 and LIST_LINKS.match(gap) and not ends_sentence and other_inner[:1].isupper()
                and not _opens_with_person(other_inner)
                and len(re.findall(r"\w+", other_inner)) <= 8 and not re.search(r"[.!?…]\W*$", other_inner)):
            return True
    before = text[max(0, quote.outer_start - 40):quote.outer_start].rstrip()
    if before.endswith(":") and re.match(r"\s*[a-zäöüß]", after):
        head = tokenize(text, max(0, quote.outer_start - 40), quote.outer_start)
        return (len(head) >= 2 and head[-1].text == ":" and tag_of(head[-2]) == "NN"
                and not head[-2].lower.endswith(SAYING_NOUNS))  # "Schillers Wort: „…“" is a saying
    return False


SAYING_NOUNS = ("wort", "worte", "satz", "spruch", "motto", "devise", "parole", "fazit", "antwort", "frage", "aussage")


def _opens_with_person(inner: str) -> bool:
    first = re.match(r"\w+", inner)
    return bool(first) and first.group().lower() in {"ich", "wir", "du", "ihr", "er", "sie", "es", "man"}


def _sentence_source(text: str, sentence: Sentence, quoted: list[Quoted]):
    """"Maßnahmen wie X stellen nach Meinung des SPD-Politikers „einen Eingriff“ dar": with no
    speech verb, a source phrase of the quote's own sentence names who used the words."""
    tokens = tokenize(text, sentence.start, sentence.end)
    found = source_phrase_in(tokens, [(q.outer_start, q.outer_end) for q in quoted])
    return (found.cue, found.speaker) if found and found.speaker else (None, None)


COPULAS = frozenset("ist sei war wäre sind seien waren wären bleibt blieb hält".split())


def _opinion_holder(text: str, sentence: Sentence, quote: Quoted):
    """"Für Anja Hajduk ist die „Zeit der Ehrlichkeit“ gekommen", "Was für die Ministerin eine
    „flexiblere Handhabe“ ist": "für" + a person before a copula names whose view the words are."""
    tokens = tokenize(text, sentence.start, quote.outer_start)
    for i in range(len(tokens) - 2):
        if tokens[i].lower != "für":
            continue
        end = read_noun_phrase(tokens, i + 1)
        if end <= i + 1 or not _personal_phrase(tokens, (i + 1, end)):
            continue
        rest = tokenize(text, tokens[end - 1].end, quote.outer_end + 40)
        if any(t.lower in COPULAS for t in rest[:14]):
            return char_span(tokens, (i, i + 1)), char_span(tokens, (i + 1, end))
    return None, None


CALLING_VERBS = ("nannte", "nennt", "nennen", "nannten", "bezeichnet", "bezeichnete", "bezeichneten", "bezeichnen")


def _called_so(text: str, sentence: Sentence, quote: Quoted) -> bool:
    """"bezeichnete den Plan als „Kapitulation“", "nannte dies einen „Militärputsch“": one common
    noun (by its tag) in marks as the predicate of nennen/bezeichnen is what someone called it."""
    tokens = tokenize(text, sentence.start, quote.outer_start)
    inside = [t for t in tokens_of_span(text, quote.start, quote.end) if t.text[:1].isalnum()]
    if not tokens or len(inside) != 1 or tag_of(inside[0]) != "NN":
        return False
    before = tokens[-1].lower
    calling = any(t.lower in CALLING_VERBS for t in tokens)
    return calling and (before == "als" or before in {"einen", "eine", "ein", "einem"})


def _source_named(text: str, sentence: Sentence, quote: Quoted, words: int, ends_sentence: bool) -> bool:
    """"Wie „heise online“ berichtet", "laut „taz“": a few quoted words after "wie" before its
    speech verb, or after "laut", are the name of the source, not what it said."""
    if ends_sentence or words > 3:
        return False
    before = tokenize(text, sentence.start, quote.outer_start)
    if not before or before[-1].lower not in {"wie", "laut"}:
        return False
    if before[-1].lower == "laut":
        return True
    after = tokenize(text, quote.outer_end, min(sentence.end, quote.outer_end + 60))
    return bool(after) and is_speech_verb(after, 0)


def _tagged_as_name(text: str, quote: Quoted) -> bool:
    """Every word inside the marks is a proper noun or foreign word by its tag („con energy ag“,
    „Correio da Manhã“): a name in quotation marks, not words someone said."""
    words = [t for t in tokens_of_span(text, quote.start, quote.end) if t.text[:1].isalnum()]
    if len(words) == 1 and WEB_ADDRESS.fullmatch(words[0].text):
        return True  # „tagesschau.de“, „montagsdemo.net“: a site's name
    tags = [tag_of(t) for t in words]
    if bool(tags) and all(tag in {"NE", "FM", "XY"} for tag in tags):
        return True
    # „United Front for Democracy against Dictatorship“: a foreign name — the words the tagger is
    # sure of are foreign, the rest capitalised (a capitalised word's tag is kept only when sure)
    known = [tag for tag in tags if tag]
    return (len(words) >= 2 and "FM" in known and all(tag in {"NE", "FM"} for tag in known)
            and all(t.capitalised or tag_of(t) == "FM" for t in words))


WEB_ADDRESS = re.compile(r"[\w-]+(?:\.[\w-]+)*\.(?:de|com|org|net|at|ch|eu|info|fr|it|uk)", re.I)


def _after_head_noun(text: str, sentence: Sentence, quote: Quoted) -> bool:
    """„…“ right after a common noun (by its tag) is that noun's name: "die Organisation „Reporter
    ohne Grenzen“", "im Fachblatt „La Gazetta dello Sport“", "der Film „Nackt unter Wölfen“".
    Quoted words fill a slot of their own: after an article or a preposition, not after a noun."""
    tokens = tokenize(text, sentence.start, quote.outer_start)
    return len(tokens) >= 2 and tokens[-1].capitalised and tag_of(tokens[-1]) == "NN"


def _looks_like_name(inner: str) -> bool:
    """Only capitalised words or numbers, unless a single abstract noun („Vertrauensbruch“)."""
    words = re.findall(r"\w+", inner)
    if not all(w[:1].isupper() or w[:1].isdigit() for w in words):
        return False
    return not (len(words) == 1 and words[0].lower().endswith(ABSTRACT_SUFFIXES))


def _cue_after(text: str, sentence: Sentence, quote: Quoted):
    """"„…“, sagte Putin" / "„…“, so Putin": cue and speaker right after the closing mark."""
    tokens = tokenize(text, quote.outer_end, sentence.end)
    if tokens and tokens[0].text not in {",", "–"} and (re.search(r"[.!?]\W*$", text[quote.start:quote.end]) or (
            tokens[0].text.islower() and tag_of(tokens[0]) in FINITE_TAGS and _opens_sentence(text, quote))):
        tokens.insert(0, Token(quote.outer_end, quote.outer_end, ","))  # "„… gezeigt.“ erklärte X", "„…“ wird X zitiert"
    if len(tokens) < 2 or tokens[0].text not in {",", "–"}:
        return None, None
    if len(tokens) > 5 and tokens[1].lower == "mit" and tokens[3].lower == "worten" and tag_of(tokens[4]) in FINITE_TAGS:
        speaker = speaker_after(tokens, 5)  # "„…“, mit diesen Worten meldete er sich zurück": any verb
        return char_span(tokens, (4, 5)), char_span(tokens, speaker)
    if tokens[1].lower == "wie" and len(tokens) > 3:  # "„…“, wie Meier am Montag betonte", "wie X zitiert wird"
        stop = clause_end(tokens, 2)
        verb = next((k for k in (stop - 1, stop - 2) if k > 2 and is_speech_verb(tokens, k)), None)
        if verb is not None:
            return char_span(tokens, (verb, verb + 1)), char_span(tokens, _bounded(speaker_after(tokens, 2), verb))
    zitiert = passive_quote(tokens, 1)
    if zitiert is not None and zitiert < clause_end(tokens, 2):  # "„…“, wird der Manager gerne zitiert"
        return char_span(tokens, (zitiert, zitiert + 1)), char_span(tokens, _bounded(speaker_after(tokens, 2), zitiert))
    if is_speech_verb(tokens, 1) or (tokens[1].lower == "so" and is_so_attribution(tokens, 1)):
        speaker = _quoted_person(tokens) or speaker_after(tokens, 2)
        if tokens[1].lower == "so" and speaker is None and len(tokens) > 2 and is_speech_verb(tokens, 2):
            speaker = speaker_after(tokens, 3)
        return char_span(tokens, (1, 2)), char_span(tokens, speaker)
    if tokens[1].text.islower() and tag_of(tokens[1]) in FINITE_TAGS:
        # "„…“, zeigte sich X zufrieden", "„…?“, wollen die Demonstranten wissen": a clause that
        # opens with its finite verb right after the quote frames it; a person after the verb speaks
        speaker = _bounded(speaker_after(tokens, 2), clause_end(tokens, 2))
        if speaker and _personal_phrase(tokens, speaker):
            return char_span(tokens, (1, 2)), char_span(tokens, speaker)
    return None, None


def _opens_sentence(text: str, quote: Quoted) -> bool:
    """Nothing but space or a sentence end before the opening mark."""
    return bool(re.search(r"(?:^|[.!?:]\s*|\n\s*)$", text[max(0, quote.outer_start - 3):quote.outer_start]))


def _personal_phrase(tokens: list[Token], span: tuple[int, int]) -> bool:
    """A pronoun for a person, or a phrase with a name or a role noun ("die Demonstranten")."""
    words = tokens[span[0]:span[1]]
    if len(words) == 1 and words[0].lower in {"er", "sie", "ich", "wir"}:
        return True
    return any(t.capitalised and (tag_of(t) in {"NE", "NN"} or role_gender(t.text)) for t in words)


def _bounded(span: tuple[int, int] | None, limit: int) -> tuple[int, int] | None:
    return span if span and span[1] <= limit else None


def _quoted_person(tokens: list[Token]) -> tuple[int, int] | None:
    """"„…“, zitiert Welt-Online den Minister" / "zitierte man X": after "zitiert" the one who
    spoke is the object; the subject only passed the words on."""
    if not tokens[1].lower.startswith("zitiert"):
        return None
    subject = speaker_after(tokens, 2)
    after = 3 if tokens[2].lower == "man" else (subject[1] if subject else None)
    return speaker_after(tokens, after) if after is not None and after < len(tokens) else None


def _cue_before(text: str, sentence: Sentence, start: int, quote: Quoted):
    """"Putin sagte: „…“" and "Putin: „…“": a colon before the opening mark."""
    tokens = tokenize(text, start, quote.outer_start)
    if not tokens or tokens[-1].text != ":":
        return None, None
    if start > sentence.start and text[start - 1] in CLOSING_MARKS:
        # the quote before was a quoted name inside this clause ("Die „Saarztg.“ schreibt: „…“"):
        # read the clause from the sentence start, the name with it
        # ("Weiter sagt die „Kreuzzeitung“: „…“", "X wird von der „Netzeitung“ mit den Worten zitiert: „…“")
        whole = tokenize(text, sentence.start, quote.outer_start)
        verb = next((k for k in range(len(whole) - 2, -1, -1) if is_speech_verb(whole, k)), None)
        if verb is not None:
            speaker = (speaker_before(whole, _clause_start_over_words(whole, verb), verb)
                       or speaker_after(whole, verb + 1))
            if speaker and speaker[1] < len(whole):
                return char_span(whole, (verb, verb + 1)), char_span(whole, speaker)
    colon = len(tokens) - 1
    for i in range(colon - 1, -1, -1):
        if is_speech_verb(tokens, i):
            speaker = speaker_before(tokens, _clause_start(tokens, i), i) or speaker_after(tokens, i + 1)
            speaker = speaker if speaker and speaker[1] <= colon else None
            return char_span(tokens, (i, i + 1)), char_span(tokens, speaker)
    begin = _clause_start(tokens, colon)
    if begin < colon and read_noun_phrase(tokens, begin) == colon and colon - begin <= 4:
        return None, char_span(tokens, (begin, colon))
    if begin and tokens[begin].lower == "so" and is_so_attribution(tokens, begin):  # "…, so Elshorst weiter: „…“"
        speaker = speaker_after(tokens, begin + 1)
        return char_span(tokens, (begin, begin + 1)), char_span(tokens, speaker if speaker and speaker[1] <= colon else None)
    # "Im Kongress warb Obama mit den Worten: „…“": the colon is the cue, whatever the verb
    begin = _sentence_begin(tokens, colon)
    return None, char_span(tokens, _colon_subject(tokens, begin, colon, clause_subject(tokens, begin, colon)))


POSSESSIVES = frozenset("sein seine seiner seinen seinem ihr ihre ihrer ihren ihrem deren dessen".split())


def _colon_subject(tokens: list[Token], begin: int, colon: int, subject: tuple[int, int] | None):
    """The subject of a clause ending in a colon, as a speaker. A phrase that someone owns ("Seine
    Zuversicht gründet sich auf …: „…“") is no speaker: the quote stays open for its neighbour's.
    A thing before the verb with a name right after it is the object ("Jegliche Mitverantwortung
    weist Hartmann von sich: „…“"): the name speaks."""
    if subject is None:
        return None
    if tokens[subject[0]].lower in POSSESSIVES:
        return None
    words = tokens[subject[0]:subject[1]]
    if any(tag_of(t) == "NE" or role_gender(t.text) for t in words if t.capitalised):
        return subject
    verb = next((k for k in range(subject[1], colon) if tag_of(tokens[k]) in FINITE_TAGS), None)
    if verb is not None and verb + 1 < colon:
        after = speaker_after(tokens, verb + 1)
        if after and after[1] <= colon and any(tag_of(t) == "NE" for t in tokens[after[0]:after[1]]):
            return after
    return subject


def _sentence_begin(tokens: list[Token], i: int) -> int:
    """After the last closing quotation mark or sentence end before i (else 0): an earlier quote
    in the same sentence is not part of the clause that introduces this one."""
    while i > 0 and tokens[i - 1].text not in {".", "!", "?", "“", "»", "”", ";"}:
        i -= 1
    return i


CLOSING_MARKS = {"“": "„", "»": "«", "”": "“"}


def _clause_start(tokens: list[Token], i: int) -> int:
    while i > 0 and tokens[i - 1].text not in {",", ":", ";", ".", "“", "»", "”"}:
        i -= 1
    return i


def _clause_start_over_words(tokens: list[Token], i: int) -> int:
    """Like `_clause_start`, but quoted words inside the clause are part of it: "Die
    Bundesregierung hatte den Bericht als „falsch“ zurückgewiesen", "Ein Vertreter der „con energy
    ag“ bezeichnet …". A quotation that ends in a sentence mark or a comma is speech of its own
    and bounds the clause."""
    while i > 0 and tokens[i - 1].text not in {",", ":", ";", "."}:
        mark = tokens[i - 1].text
        if mark in CLOSING_MARKS:
            if i < 2 or tokens[i - 2].text in {".", "!", "?", ",", "…"}:
                return i
            opening = next((k for k in range(i - 2, -1, -1) if tokens[k].text == CLOSING_MARKS[mark]), None)
            if opening is None or any(t.text in {",", ".", "!", "?", ":", ";"} for t in tokens[opening:i - 1]):
                return i  # speech with its own clauses, not a few quoted words
            i = opening
            continue
        i -= 1
    return i


def _sentence_has_cue(text: str, sentence: Sentence, quoted: list[Quoted]) -> bool:
    """A speech verb, a source phrase or a Konjunktiv outside the quotation marks."""
    tokens = tokenize(text, sentence.start, sentence.end)
    marks = [(q.outer_start, q.outer_end) for q in quoted]
    outside = [i for i, t in enumerate(tokens) if not any(a <= t.start < b for a, b in marks)]
    for i in outside:
        if is_speech_verb(tokens, i) or source_phrase_before(tokens, i) or source_phrase_after(tokens, i):
            return True
    return has_konjunktiv(tokens, marks)


def _sentence_cue(text: str, sentence: Sentence, quoted: list[Quoted], at: int | None = None):
    """Cue and subject of a speech verb elsewhere in the sentence: "Wiefelspütz nannte den
    Bericht eine „Zeitungsente“". With `at` (the quote's offset), the verb of the quote's own
    clause comes first: the last one before it in the sentence, then the first after it ("X nannte
    … „überzogen“, Y bezeichnete … als „übertrieben“")."""
    tokens = tokenize(text, sentence.start, sentence.end)
    marks = [(q.outer_start, q.outer_end) for q in quoted]
    order = list(range(len(tokens)))
    if at is not None:
        before = [i for i in order if tokens[i].start < at]
        order = before[::-1] + [i for i in order if tokens[i].start >= at]
    for i in order:
        token = tokens[i]
        if any(a <= token.start < b for a, b in marks) or not is_speech_verb(tokens, i):
            continue
        speaker = speaker_before(tokens, _clause_start_over_words(tokens, i), i) or speaker_after(tokens, i + 1)
        if speaker and not any(a <= tokens[speaker[0]].start < b for a, b in marks):
            return char_span(tokens, (i, i + 1)), char_span(tokens, speaker)
        return char_span(tokens, (i, i + 1)), None
    return None, None


def find_reported(article: Article, sentences: list[Sentence], quoted: list[Quoted],
                  direct: list[Found]) -> list[Found]:
    """Indirect speech per sentence, and Konjunktiv sentences that continue reported speech."""
    marks = [(q.outer_start, q.outer_end) for q in quoted]
    spoken = [(f.start, f.end) for f in direct if f.kind == "direct"]
    quoted_speech = [(f.start, f.end) for f in direct]
    found: list[Found] = []
    previous_spoke, cue_speaker = False, None
    for sentence in sentences:
        tokens = tokenize(article.text, sentence.start, sentence.end)
        local = [(a, b) for a, b in marks if a < sentence.end and sentence.start < b]  # asked at every token
        items = [f for f in find_indirect(tokens, local)
                 if _coverage((f.start, f.end), spoken) < 0.8 and not _starts_inside(f.start, local)
                 and (previous_spoke or not _consequential_demnach(tokens, f, local))]
        if not items and previous_spoke and continues_reported(tokens, local):
            items = _continuation(tokens, spoken, cue_speaker)
        found.extend(items)
        spoke = bool(items) or any(a < sentence.end and sentence.start < b for a, b in quoted_speech)
        cue_speaker = None if spoke else _cue_subject(tokens, local)
        previous_spoke = spoke or cue_speaker is not None
    return found


REPORTING_AUXILIARIES = frozenset("soll sollen sollte sollten wird werden würde würden dürfte dürften könnte könnten".split())


def _consequential_demnach(tokens: list[Token], item: Found, marks) -> bool:
    """"Unsere Diplomatie befreundete sich demnach rasch mit dem Abkommen": inside the clause and
    with an indicative verb, "demnach" means "consequently"; it reports only after a report in the
    sentence before ("Ihnen zufolge hat Mussawi … erhalten. Auch Rezai erreichte demnach …") or with a
    reporting mood ("Demjanjuk sei demnach …", "Die Rolle der Fed soll demnach …")."""
    if item.cue is None or not tokens or tokens[0].lower == "demnach":
        return False
    cue = next((t for t in tokens if t.start == item.cue[0]), None)
    if cue is None or cue.lower != "demnach":
        return False
    clause = [t for t in tokens if item.start <= t.start < item.end]
    return not (any(t.lower in REPORTING_AUXILIARIES for t in clause) or has_konjunktiv(clause, marks))


def _cue_subject(tokens: list[Token], marks: list[tuple[int, int]]) -> tuple[int, int] | None:
    """The subject of a speech verb outside quotation marks whose clause holds no message: "Für
    die Ausarbeitung …, gab General Sonthi einen Zeitraum von einem halben Jahr an. Ein weiterer
    Monat werde gebraucht, …" — the next sentence in Konjunktiv I goes on with what he said."""
    for i, token in enumerate(tokens):
        if token.text.islower() and not any(a <= token.start < b for a, b in marks) and is_speech_verb(tokens, i):
            subject = speaker_before(tokens, _clause_start(tokens, i), i) or speaker_after(tokens, i + 1)
            if subject and tokens[subject[0]].lower not in {"es", "man"}:
                return char_span(tokens, subject)
    return None


def _starts_inside(offset: int, marks: list[tuple[int, int]]) -> bool:
    """A message that begins inside quotation marks is the tail of a quote, not new speech."""
    return any(a < offset < b - 1 for a, b in marks)


def _continuation(tokens: list[Token], spoken, speaker: tuple[int, int] | None = None) -> list[Found]:
    if not tokens or _coverage((tokens[0].start, tokens[-1].end), spoken) >= 0.5:
        return []
    last = len(tokens) - (1 if tokens[-1].text in {".", "!", "?"} else 0)
    return [Found(tokens[0].start, tokens[last - 1].end, "indirect", None, speaker, 0.6)]


def _coverage(span: tuple[int, int], spans: list[tuple[int, int]]) -> float:
    """Share of `span` covered by `spans` (which do not overlap each other)."""
    size = max(span[1] - span[0], 1)
    return sum(max(0, min(span[1], b) - max(span[0], a)) for a, b in spans) / size


def _speakers_from_documents(article: Article, sentences: list[Sentence], found: list[Found]) -> None:
    """"In dem Bericht heißt es, …" / "…, heißt es in einer Mitteilung": the document named
    beside "heißt es" is the source."""
    for item in found:
        if item.speaker or not item.cue:
            continue
        sentence = _sentence_at(sentences, item.cue[0])
        tokens = tokenize(article.text, sentence.start, sentence.end) if sentence else []
        if _is_heisst_es(article.text, item.cue):
            verb = next((i for i, t in enumerate(tokens) if t.start >= item.cue[0] and t.lower in {"heißt", "hieß"}), None)
            if verb is not None:
                item.speaker = char_span(tokens, document_source(tokens, verb) or written_source(tokens, verb)
                                         or _source_after_heisst_es(tokens, verb))
            continue
        verb = next((i for i, t in enumerate(tokens) if t.start == item.cue[0]), None)
        if verb is not None and is_passive_cue(tokens, verb):  # "In einem Bericht wurde vermutet"
            item.speaker = char_span(tokens, written_source(tokens, verb))


def _source_after_heisst_es(tokens: list[Token], verb: int) -> tuple[int, int] | None:
    """"hieß es bei Russland Aktuell", "heißt es von der Polizei": the phrase after bei/von."""
    j = verb + 1
    if j < len(tokens) and tokens[j].lower == "es":
        j += 1
    while j < len(tokens) and tag_of(tokens[j]) == "ADV":
        j += 1
    if j + 1 < len(tokens) and tokens[j].lower in {"bei", "beim", "von", "vom", "aus"}:
        end = read_noun_phrase(tokens, j + 1)
        return (j + 1, end) if end > j + 1 else None
    return None


def _passive_agents(article: Article, sentences: list[Sentence], found: list[Found]) -> None:
    """"wurde von der Polizei bestätigt", "werden von Musikkennern als „…“ bezeichnet": in a
    passive clause the agent after "von"/"vom" speaks, not the grammatical subject."""
    for item in found:
        if not item.cue:
            continue
        sentence = _sentence_at(sentences, item.cue[0])
        tokens = tokenize(article.text, sentence.start, sentence.end) if sentence else []
        verb = next((i for i, t in enumerate(tokens) if t.start == item.cue[0]), None)
        if verb is None or not tokens[verb].text.islower() or tokens[verb].lower.startswith("zitiert"):
            continue  # "X wird von Reuters zitiert": the quoted subject speaks, the agent passes it on
        begin = _clause_start_over_words(tokens, verb)  # quoted words inside the clause are part of it
        if begin < verb and tokens[begin].text in {"„", "»"}:
            begin = verb  # the clause opens with a quote: it is the subject, not a few words inside
        clause = range(begin, verb)
        if not any(tokens[k].lower in {"wird", "wurde", "wurden", "werden", "worden"} for k in clause):
            continue
        if tag_of(tokens[verb]) not in ("VVPP", None):
            continue
        agent = next((k for k in clause if tokens[k].lower in {"von", "vom"}), None)
        if agent is not None:
            end = read_noun_phrase(tokens, agent + 1)
            if agent + 1 < end <= verb:
                item.speaker = char_span(tokens, (agent + 1, end))
        elif (item.kind != "direct" and item.speaker and begin < verb and tokens[begin].start <= item.speaker[0] < tokens[verb].start
              and (item.kind == "partial" or not _in_prepositional_phrase(tokens, item.speaker[0]))):
            # "Die Rauchschwaden, die als „nebelartig“ beschrieben wurden": the thing described;
            # "Die Anwohner wurden aufgefordert, … zu halten": the ones asked, not the one who asked
            item.speaker = None


def _in_prepositional_phrase(tokens: list[Token], offset: int) -> bool:
    """The phrase at `offset` follows a preposition ("In einem Bericht der Zeitung wurde vermutet"):
    a source named by the sentence, not the passive subject."""
    at = next((k for k, t in enumerate(tokens) if t.start == offset), None)
    return at is not None and at > 0 and (tag_of(tokens[at - 1]) in {"APPR", "APPRART"}
                                          or tokens[at - 1].lower in {"in", "im", "bei", "beim", "laut", "nach"})


def _speakers_from_clauses(article: Article, sentences: list[Sentence], found: list[Found]) -> None:
    """A cue before its message whose speaker the cue rules missed: the subject of the clause
    that holds the cue ("Der Vertreter der Arbeitgeber, Peter Clever, hat … gefordert, …")."""
    for item in found:
        if item.speaker or not item.cue or item.cue[1] > item.start:
            continue
        sentence = _sentence_at(sentences, item.cue[0])
        tokens = tokenize(article.text, sentence.start, sentence.end) if sentence else []
        verb = next((i for i, t in enumerate(tokens) if t.start == item.cue[0]), None)
        if verb is not None and tokens[verb].lower not in {"heißt", "hieß", "wonach", "so"} and not noun_of_saying(tokens[verb]):
            item.speaker = char_span(tokens, clause_subject(tokens, _sentence_begin(tokens, verb), verb))


def _is_heisst_es(text: str, cue: tuple[int, int]) -> bool:
    """The cue is "heißt"/"hieß", or "so" right before it ("so heißt es in einer Erklärung")."""
    return bool(re.match(r"(?:so\s+)?(?:heißt|hieß)\b", text[cue[0]:cue[0] + 12], re.I))


def _speakers_from_reported(found: list[Found]) -> None:
    """A partial quote inside reported speech has that speech's cue and speaker."""
    for item in found:
        if item.speaker or item.kind != "partial":
            continue
        host = next((f for f in found if f.kind == "indirect" and f.speaker
                     and f.start <= item.start and item.end <= f.end + 2), None)
        if host:
            item.cue, item.speaker = item.cue or host.cue, host.speaker


def _speakers_from_own_clause(article: Article, sentences: list[Sentence], found: list[Found]) -> None:
    """A partial quote without a cue is said by the subject of its own clause ("Von einer
    „gezielten Indiskredition“ sprach der Grünen-Politiker X"), not by the speaker next door."""
    quoted = [(f.start - 1, f.end + 1) for f in found if f.kind in ("partial", "direct")]
    hosts = [(f.start, f.end) for f in found if f.kind == "indirect"]
    for item in found:
        if item.speaker or item.cue or item.kind != "partial":
            continue
        if any(a <= item.start and item.end <= b + 2 for a, b in hosts):
            continue  # inside reported speech: its speaker is the host's ("Die Region müsse … „muss …“")
        sentence = _sentence_at(sentences, item.start)
        tokens = tokenize(article.text, sentence.start, sentence.end) if sentence else []
        end = next((i for i, t in enumerate(tokens) if t.text in {",", ":", ";"}
                    and not any(a <= t.start < b for a, b in quoted)), len(tokens))
        subject = clause_subject(tokens, 0, end) if tokens else None
        if subject and has_konjunktiv(tokens[subject[1]:end], quoted):
            continue  # "Jeder Pädagoge könne „das Konto einlösen“": a reported clause, its subject no speaker
        if subject == (0, 1) and tokens[0].lower not in {"er", "sie"} and not role_gender(tokens[0].text):
            continue  # "Zwar", "Erstmals", "Dies": a capitalised first word is rarely a name alone
            # (but a person noun is: "Meteorologen rechnen mit „…“")
        if tokens and tag_of(tokens[0]) in ADVERBIAL_TAGS and subject and not _personal(tokens, subject):
            continue  # "Zwar ist die Lage „sehr ernst“" (but "Ursprünglich wollte er „…“")
        if subject and not any(a <= tokens[subject[0]].start < b for a, b in quoted):
            item.speaker, item.confidence = char_span(tokens, subject), min(item.confidence, 0.6)


def _speakers_from_so_aside(article: Article, sentences: list[Sentence], found: list[Found]) -> None:
    """"Zwar sei es ein Schritt – so Canny –, trotzdem …", "Sie solle sich, so Gall, „…“
    begrenzen": an aside "so X" between commas or dashes names the speaker of every cue-less
    quote in its sentence, before a neighbour's speaker or the clause subject is taken."""
    for item in found:
        if item.speaker or item.cue:
            continue
        sentence = _sentence_at(sentences, item.start)
        tokens = tokenize(article.text, sentence.start, sentence.end) if sentence else []
        for i in range(1, len(tokens) - 1):
            if tokens[i].lower != "so" or tokens[i - 1].text not in {",", "–", "-"}:
                continue
            speaker = speaker_after(tokens, i + 1)
            if speaker and speaker[1] < len(tokens) and tokens[speaker[1]].text in {",", "–", "-", ":"}:
                item.cue, item.speaker = char_span(tokens, (i, i + 1)), char_span(tokens, speaker)
                break


def _personal(tokens: list[Token], span: tuple[int, int]) -> bool:
    """A personal pronoun, a name (by its tag) or a role noun ("Auch der Sprecher der Fraktion"):
    someone who can speak."""
    first = tokens[span[0]]
    return first.lower in {"er", "sie", "ich", "wir"} or any(
        tag_of(t) == "NE" or (t.capitalised and role_gender(t.text)) for t in tokens[span[0]:span[1]])


def _group_or_person(tokens: list[Token], span: tuple[int, int]) -> bool:
    """The phrase is headed by a group, institution or person noun ("die baden-württembergische
    SPD-Fraktion", "Studierende an der Akademie"): someone who can speak without a name."""
    head = _head_noun(tokens[span[0]:span[1]])
    return head is not None and (is_group_noun(head.text) or is_person_noun(head.text))


def _carry_speakers(found: list[Found], sentences: list[Sentence]) -> None:
    """A quote without a speaker takes the one of the quote just before it, else just after it
    ("„Danke!“, schrieben … „Endlich …“" / "„A.“ „B“, sagte er")."""
    starts = [s.start for s in sentences]
    ordered = sorted(found, key=lambda f: f.start)
    for i, item in enumerate(ordered):
        if item.speaker or (item.kind == "indirect" and item.cue):
            continue  # "so hieß es": a cue without a speaker stays unattributed
        here = bisect.bisect_right(starts, item.start)
        before = [f for f in ordered[:i]
                  if f.speaker and here - bisect.bisect_right(starts, f.end - 1) <= CARRY_SENTENCES]
        after = [f for f in ordered[i + 1:] if f.speaker and f.kind == item.kind
                 and bisect.bisect_right(starts, f.start) - here <= 1]
        source = before[-1] if before else (after[0] if after else None)
        if source:
            item.speaker, item.carried = source.speaker, True


def _speakers_from_previous_subject(article: Article, sentences: list[Sentence], found: list[Found]) -> None:
    """A cue-less quote nobody near it claims belongs to the subject of the sentence before, as a
    reader takes it ("Die Ministerin sprach sich gegen Gewalt aus. Zwar sei …"); less sure."""
    starts = [s.start for s in sentences]
    quoted_spans = [(f.start, f.end) for f in found if f.kind == "direct"]
    for item in found:
        if item.speaker or item.cue:
            continue
        here = bisect.bisect_right(starts, item.start) - 1
        if here < 1 or any(a < sentences[here - 1].end and sentences[here - 1].start < b for a, b in quoted_spans):
            continue
        previous = sentences[here - 1]
        tokens = tokenize(article.text, previous.start, previous.end)
        begin = _after_subordinate_clause(tokens)
        end = next((i for i, t in enumerate(tokens) if i > begin and t.text in {",", ":", ";", "„", "."}), len(tokens))
        subject = clause_subject(tokens, begin, end) if begin < len(tokens) else None
        if subject and not _names_a_thing(tokens, subject):
            item.speaker, item.confidence = char_span(tokens, subject), min(item.confidence, 0.6)


def _impersonal_cue(text: str, tokens: list[Token], item: Found) -> bool:
    """The cue names nobody by its grammar: a passive participle with no agent ("Insbesondere
    kritisiert wird, dass …", "Zum einen wird auf … verwiesen"), "heißt es"/"hieß es" with no
    document, or a noun of saying with no source ("mit dem Hinweis, …")."""
    verb = next((i for i, t in enumerate(tokens) if t.start == item.cue[0]), None)
    if verb is None:
        return False
    token = tokens[verb]
    if _is_heisst_es(text, item.cue):
        return True
    passive = any(t.lower in PASSIVE_AUXILIARIES for t in tokens if not item.start <= t.start < item.end)
    if noun_of_saying(token):  # "sei ihr mit dem Hinweis verweigert worden, …" (not "X lehnte mit der Begründung ab")
        return passive
    return (token.text.islower() and is_passive_cue(tokens, verb) and not token.lower.startswith("zitiert")
            and tag_of(token) in ("VVPP", None))


PASSIVE_AUXILIARIES = frozenset({"wird", "wurde", "werden", "wurden", "worden"})


def _speakers_of_impersonal_cues(article: Article, mentions: list[Mention], sentences: list[Sentence],
                                 found: list[Found]) -> None:
    """A report whose cue names nobody ("Zum einen wird auf Erfahrungen verwiesen, …", "Als
    Begründung heißt es, …") goes on with whoever spoke in the sentence before: the speaker of a
    quote there, else the subject of that sentence's main clause when it is someone who can speak
    (a name, a role or organisation noun, a personal pronoun) — as a reader takes it."""
    starts = [s.start for s in sentences]
    for item in found:
        if item.speaker or not item.cue or item.kind == "partial":
            continue
        here = bisect.bisect_right(starts, item.start) - 1
        if here < 1:
            continue
        sentence = sentences[here]
        tokens = tokenize(article.text, sentence.start, sentence.end)
        if not _impersonal_cue(article.text, tokens, item):
            continue
        previous = sentences[here - 1]
        spoken = [f for f in found if f is not item and f.speaker and previous.start <= f.start < previous.end]
        if spoken:
            item.speaker, item.carried = spoken[-1].speaker, True
            item.confidence = min(item.confidence, 0.5)
            continue
        words = tokenize(article.text, previous.start, previous.end)
        begin = _after_subordinate_clause(words)
        end = next((i for i, t in enumerate(words) if i > begin and t.text in {",", ":", ";", "„", "."}), len(words))
        subject = clause_subject(words, begin, end) if begin < len(words) else None
        if subject is None or words[subject[0]].text in {"„", "»", '"'}:
            continue  # a title in quotation marks ("„And Tango Makes Three“ ist ein Kinderbuch") says nothing
        if subject[1] - subject[0] == 1 and tag_of(words[subject[0]]) not in {"NN", "NE", "PPER"}:
            continue  # "Monatelang haben die Wiener Linien …": an adverbial read as the subject
        span = char_span(words, subject)
        if (_personal(words, subject) or _group_or_person(words, subject)
                or any(m.type in ("PER", "ORG") and span[0] <= m.start < span[1] for m in mentions)):
            item.speaker, item.confidence = span, min(item.confidence, 0.5)


def _after_subordinate_clause(tokens: list[Token]) -> int:
    """Where the main clause starts: after a sentence-opening subordinate or infinitive clause
    ("Um die Zeit dafür zu gewinnen, will Oettinger …" -> "will Oettinger …"), else 0."""
    if not tokens or (tag_of(tokens[0]) not in {"KOUS", "KOUI"} and tokens[0].lower not in {"um", "als", "wenn", "weil", "nachdem", "obwohl", "da"}):
        return 0
    comma = next((i for i, t in enumerate(tokens) if t.text == ","), None)
    return comma + 1 if comma is not None and comma + 1 < len(tokens) and tag_of(tokens[comma + 1]) in FINITE_TAGS else 0


def _to_quote(article: Article, mentions: list[Mention], item: Found) -> QuoteResult:
    text = article.text
    quote = QuoteResult(
        start=item.start, end=item.end, text=text[item.start:item.end], kind=item.kind,
        cue=text[item.cue[0]:item.cue[1]] if item.cue else None, confidence=item.confidence,
    )
    if item.speaker:
        _attach_speaker(article, mentions, quote, item.speaker)
        if item.speaker_kind and quote.resolved_text is None:
            quote.speaker_kind = item.speaker_kind  # a group the text names: no person to resolve
    return quote


def _attach_speaker(article: Article, mentions: list[Mention], quote: QuoteResult, span) -> None:
    """Speaker text, and the person it is: a mention inside it, else a coreference antecedent."""
    start, end = _without_place_list(article.text, mentions, *span)
    quote.speaker_text, quote.speaker_start, quote.speaker_end = article.text[start:end], start, end
    inside = [m for m in mentions if start <= m.start and m.end <= end]
    inside.sort(key=lambda m: (m.type != "PER", m.type != "ORG", -(m.end - m.start)))
    # A place inside a role phrase ("der Gewaltherrscher aus Pjöngjang") is not the speaker; a
    # place that is the whole phrase ("Moskau") speaks for its government.
    if inside and (inside[0].type in ("PER", "ORG") or inside[0].end - inside[0].start >= 0.8 * (end - start)):
        _set_resolved(quote, inside[0], 1.0, "name")
        return
    apposition = [m for m in mentions if m.type == "PER" and m.start > end
                  and (article.text[end:m.start].strip() == "," and m.start - end <= 3
                       or _second_apposition(article.text, end, m))]
    if apposition:  # "sagte der Sprecher der Stadt, Hans Meier": the person, the role stays in the text
        _set_resolved(quote, apposition[0], 0.95, "name")
        return
    if quote.speaker_text.lower() in RELATIVE_PRONOUNS:
        _resolve_relative(article, mentions, quote, start)
        return
    if re.search(r"\s(?:und|sowie)\s", quote.speaker_text):  # "Die USA und ihr Verbündeter Südkorea"
        quote.speaker_kind = "group"  # several speakers: no one person to resolve to
        return
    reference = describe_reference(quote.speaker_text)
    first = quote.speaker_text.split()[0].lower()
    quote.speaker_kind = reference.kind if reference else ("group" if first in GROUP_WORDS else "phrase")
    if reference:
        mention, confidence = resolve_reference(article, mentions, start, end, tied_roles=True)
        if reference.kind == "pronoun" and reference.gender in ("m", "f") and _resolve_to_role_phrase(
                article, mentions, quote, start, reference.gender, after=mention.end if mention else -1):
            quote.speaker_kind = "pronoun"
        elif mention:
            _set_resolved(quote, mention, confidence, reference.kind)


ROLE_SUBJECT = re.compile(r"(?:^|[.!?;:]\s+|\n\s*)((?:Der|Die)\s+(?:[a-zäöüß-]+(?:e|en|er|es|em)\s+){0,2}([A-ZÄÖÜ][\w-]+))")


def _resolve_to_role_phrase(article: Article, mentions: list[Mention], quote: QuoteResult, start: int,
                            gender: str, after: int = -1) -> bool:
    """"Der Student verbrachte die Nacht in Gewahrsam, … und hatte gefragt: „…“" — "er" that
    coreference left open goes back to the nearest noun phrase opening a sentence (this one or the
    one before) that agrees in gender — a role noun, or for "er" a masculine article with a common
    noun — when no named person comes between them (no entity: the text names no one)."""
    sentence = _sentence_at(list(article.sentences), start)
    if sentence is None:
        return False
    index = article.sentences.index(sentence)
    begin = article.sentences[index - 1].start if index else sentence.start
    found = [m for m in ROLE_SUBJECT.finditer(article.text, max(0, begin - 2), start)
             if re.search(r"[,.;:]", article.text[m.end(1):start])  # not in the pronoun's own clause
             and (role_gender(m.group(2)) == gender or (after < 0 and gender == "m" and m.group(1)[:3] == "Der"
                                                        and tag_of(Token(m.start(2), m.end(2), m.group(2))) == "NN"))]
    if not found or found[-1].start(1) < after:
        return False  # the person coreference found is nearer (a role noun only may stand between)
    if any(m.type == "PER" and found[-1].start(1) <= m.start < start for m in mentions):
        return False  # a named person after the phrase was a candidate: coreference declined on purpose
    phrase = found[-1]
    quote.resolved_start, quote.resolved_end = phrase.start(1), phrase.end(1)
    quote.resolved_text, quote.resolved_confidence = phrase.group(1), 0.5
    quote.speaker = None
    return True


def _second_apposition(text: str, end: int, mention: Mention) -> bool:
    """"Der Vorsitzende der Gewerkschaft ver.di, Nachfolgeorganisation der ÖTV, Frank Bsirske,
    würdigte …": a name closing a chain of two appositions (a short noun phrase between commas,
    the name set off by a comma after it) is the person the role phrase describes."""
    between = text[end:mention.start]
    if not re.fullmatch(r",\s*(?:der |die |des |dem |den )?[A-ZÄÖÜ][^,;:.„“()]{0,60},\s*", between):
        return False
    words = between.strip(", ").split()
    return len(words) <= 6 and text[mention.end:mention.end + 2].lstrip().startswith((",", "("))


def _without_place_list(text: str, mentions: list[Mention], start: int, end: int) -> tuple[int, int]:
    """"GRP Rainer Rechtsanwälte Steuerberater, Köln, Berlin, … und Stuttgart führen aus": when
    every item after the first comma of a listed subject is a place (by the name tagger), the
    places are where the first item sits, and the first item alone speaks."""
    comma = text.find(",", start, end)
    if comma < 0:
        return start, end
    rest = text[comma:end]
    places = [m for m in mentions if comma < m.start and m.end <= end and m.type == "LOC"]
    for mention in sorted(places, key=lambda m: -m.start):
        rest = rest[:mention.start - comma] + rest[mention.end - comma:]
    if places and not re.sub(r"[,\s]|\bund\b|\bsowie\b", "", rest) and text[start:comma].strip():
        return start, comma
    return start, end


def _resolve_relative(article: Article, mentions: list[Mention], quote: Quote, start: int) -> None:
    """"… eines Hackers, der behauptet, …": the relative pronoun speaks for the mention right
    before its comma."""
    quote.speaker_kind = "relative"
    before = re.search(r",\s*$", article.text[max(0, start - 3):start])
    antecedent = [m for m in mentions if before and 0 <= start - m.end <= 3 and m.type in ("PER", "ORG")]
    if antecedent:
        _set_resolved(quote, antecedent[-1], 0.9, "relative")


def _set_resolved(quote: QuoteResult, mention: Mention, confidence: float, kind: str) -> None:
    quote.resolved_start, quote.resolved_end, quote.resolved_text = mention.start, mention.end, mention.text
    quote.resolved_confidence, quote.speaker_kind, quote.speaker = confidence, kind, mention.entity
