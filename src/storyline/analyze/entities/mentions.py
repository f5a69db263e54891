"""Named-entity mentions (PER, ORG, LOC, MISC) in German news, from the shipped spaCy pipeline.

spaCy lives only here and in `spacy_runtime`: callers get `Mention` dataclasses with character offsets into
the text they passed in (for an article: into `article.text`), never a `Doc`.
The pipeline is trained by `scripts/train_ner.py` and shipped in `storyline/models/de_news/`;
loading it needs no network.
"""
from __future__ import annotations

import os
from collections import Counter

from storyline.analyze.entities.spacy_runtime import (MODEL_DIR, ModelMissingError, article_pieces,  # noqa: F401
                                                       import_spacy, load_nlp, parse_pieces, token_from, tokens_between,
                                                       tokens_of)
from storyline.analyze.word_lists import (COUNTRIES, GIVEN_NAMES, load_common_nouns, load_common_words, load_curated,
                                            load_gazetteer, load_word_list, longest_listed_at)
from storyline.analyze.entities.place_names import (add_gazetteer_names, add_towns_after_cues,
                                                  places_the_model_called_organisations, starts_time_phrase)
from storyline.analyze.entities.words import (NAME_PARTICLES, PREPOSITIONS, ends_in_common_noun, is_acronym, is_common_noun,
                                            is_name_text, is_name_word, is_no_name, is_short_form,
                                            is_unknown_noun_compound, role_of)
from storyline.analyze.places.geocode import lookup_name
from storyline.analyze.quantities import NUMBER_WORDS, SCALES
from storyline.model import Article, Mention

EDGE_PUNCTUATION = "\"'„“”‚‘’«»()[]{}.,;:!?–-/ "
BATCH_SIZE = 64
# nouns (and the ends of compounds: "Chemiekonzern") that name a kind of organisation
ORGANISATION_KINDS = ("konzern", "firma", "unternehmen", "hersteller", "gesellschaft", "zeitung", "magazin", "verein",
                      "partei", "bank", "sender", "verlag", "club", "klub", "band", "konkurrent",
                      "konkurrenten", "label", "agentur", "versicherer", "reederei", "airline", "fluglinie")


# short names of German-language papers and magazines that are also common nouns: a name only in quotes
QUOTED_MEDIA = frozenset({"Spiegel", "Bild", "Zeit", "Stern", "Focus", "Welt", "taz", "Bunte", "Kicker", "Titanic",
                          "Cicero", "Capital", "Merkur", "Express", "Standard", "Presse", "Kurier", "Freitag", "Emma"})
OPENING_QUOTES, CLOSING_QUOTES = frozenset('„"»‚'), frozenset('“"«‘')


def find_mentions(article: Article, parsed: list | None = None) -> list[Mention]:
    """Mentions in the article's content sentences (page furniture and credits are skipped).

    Sentence by sentence, because the model was trained on sentences and long texts would make
    spaCy's memory and time grow; offsets are shifted back into `article.text`. `parsed`: the
    sentences' Docs when they were parsed already (`spacy_runtime.parse_articles`).
    """
    return mentions_in_pieces(article.text, article_pieces(article), parsed)


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


def mentions_in_pieces(text: str, pieces: list[tuple[int, str]], parsed: list | None = None) -> list[Mention]:
    """Run the pipeline over (offset, piece) pairs and map each entity back into `text`.

    Two passes: names the model found as one word ("Kim") are then looked for everywhere in the
    text, because one document uses a name consistently while the model may miss it in a sentence.
    """
    texts = [piece for _, piece in pieces]
    if parsed is None:
        parsed = parse_pieces(texts, BATCH_SIZE)
    found = model_entities(parsed)
    docs = [tokens_of(doc, piece) for doc, piece in zip(parsed, texts)]
    known = known_person_words(docs, found)
    mentions = []
    for (offset, _), doc, spans in zip(pieces, docs, found):
        spans = apply_rules(doc, add_known_names(doc, spans, known))
        for start, end, label in spans:
            span = trim_span(text, offset + start, offset + end)
            if span:
                mentions.append(Mention(span[0], span[1], text[span[0]:span[1]], label))
    return sorted(majority_types(mentions), key=lambda m: m.start)


NER_MODES = ("fast", "accurate")


def ner_mode() -> str:
    """Which tagger finds the names the rules start from: "fast" (the shipped spaCy model, the
    default) or "accurate" (the encoder tagger, `--ner accurate` or STORYLINE_NER=accurate)."""
    mode = os.environ.get("STORYLINE_NER", "fast").strip().lower() or "fast"
    if mode not in NER_MODES:
        raise ValueError(f"STORYLINE_NER={mode!r}: choose one of {', '.join(NER_MODES)}")
    return mode


def model_entities(parsed: list) -> list[list[tuple[int, int, str]]]:
    """The model's names per parsed sentence, (start_char, end_char, label): spaCy's `doc.ents`, or
    in the accurate mode the encoder tagger's names on the same tokens (the rules then run alike)."""
    if ner_mode() == "accurate":
        from storyline.analyze.encoder.tagger import doc_entities
        from storyline.analyze.entities.spacy_runtime import blas_threads

        with blas_threads().limit(limits=1, user_api="blas"):  # as for the spaCy model: a second thread
            return doc_entities(parsed)  # doubled the CPU time of the encoder beside the other worker
    return [[(e.start_char, e.end_char, e.label_) for e in doc.ents] for doc in parsed]


def majority_types(mentions: list[Mention]) -> list[Mention]:
    """A name keeps one type in one text: a mention whose words the text more often gives another
    type takes that type ("Weltraumbahnhof Wostotschny" read as a person, twice a place elsewhere)."""
    votes = Counter((m.text, m.type) for m in mentions)
    best = {}
    for (name, kind), count in votes.items():
        if count > votes.get((name, best.get(name)), 0):
            best[name] = kind
    return [m if votes[(m.text, best[m.text])] <= votes[(m.text, m.type)] else
            Mention(m.start, m.end, m.text, best[m.text]) for m in mentions]


def apply_rules(doc, spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """The rule layer after the model, in order of trust: drop and trim spans that are no names,
    curated names, cues before a name (roles: "Kremlsprecher Dimitri Peskow"; kinds of
    organisation: "Chemiekonzern BASF"; speech verbs after a quote: ", sagte Demel"), given names,
    name endings, then place names."""
    spans = countries_are_places(doc, drop_common_nouns(doc, spans))
    spans = add_curated_names(doc, spans)
    spans = add_organisation_cue_names(doc, add_role_cue_names(doc, spans))
    spans = add_given_name_people(doc, add_speaker_names(doc, spans))
    spans = extend_english_organisations(doc, extend_person_names(doc, spans))
    spans = places_the_model_called_organisations(doc, add_towns_after_cues(doc, add_gazetteer_names(doc, spans)))
    return add_quoted_media(doc, add_short_form_organisations(doc, spans))


def add_quoted_media(doc, spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """A paper's short name in quotes is the paper, an organisation: „Spiegel“, "Bild" (out of
    quotes these are common nouns). Replaces what the model or a rule found on the word."""
    for token in doc[1:-1]:
        if (token.text in QUOTED_MEDIA and doc[token.i - 1].text in OPENING_QUOTES
                and doc[token.i + 1].text[:1] in CLOSING_QUOTES):
            spans = replace_inside(spans, (token.idx, token.idx + len(token), "ORG"))
    return spans


def drop_common_nouns(doc, spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """German capitalises every noun: a span of one such noun ("Montag") is no name, a leading
    one ("Sprecher Dimitri Peskow") stands outside the name, and so do trailing lower-case words
    and a country before a person ("Nordkoreas Kim": a place, then the person). A person's span
    is trimmed further (`person_words`) and split at a lower-case word; times ("Mitte Juni") and
    place nouns ("Einsatzgebiet") are no places."""
    nouns, kept = load_common_nouns(), []
    for start, end, label in spans:
        tokens = tokens_between(doc, start, end)
        while (len(tokens) > 1 and is_common_noun(tokens[0], nouns) and not is_common_noun(tokens[1], nouns)
               and tokens[0].lower_ not in NAME_PARTICLES):  # "Von der Leyen" at a sentence's start
            tokens = tokens[1:]
        while len(tokens) > 1 and tokens[0].is_alpha and (tokens[0].is_lower or tokens[0].lower_ in PREPOSITIONS) \
                and tokens[0].lower_ not in NAME_PARTICLES:
            tokens = tokens[1:]  # an adjective or a sentence's first word before the name: "englischen Hatfield", "Laut Regierung"
        while len(tokens) > 1 and tokens[-1].is_alpha and tokens[-1].is_lower:
            tokens = tokens[:-1]  # a name ends in a capitalised word: "Kim Jong Il traten"
        if label == "PER":
            tokens = person_words(tokens, nouns)
            cut = next((k for k, t in enumerate(tokens[1:-1], 1)
                        if t.is_alpha and t.is_lower and t.lower_ not in NAME_PARTICLES), None)
            if cut is not None:  # "Tina Maze landete Janica Kostelić": two people
                kept.append((tokens[0].idx, tokens[cut - 1].idx + len(tokens[cut - 1]), label))
                tokens = person_words(tokens[cut + 1:], nouns)
        if label == "PER" and len(tokens) > 1 and tokens[0].text in load_word_list(COUNTRIES):
            kept.append((tokens[0].idx, tokens[0].idx + len(tokens[0]), "LOC"))  # "Nordkoreas Kim"
            tokens = tokens[1:]
        if len(tokens) == 1 and label == "PER" and is_acronym(tokens[0].text):
            continue  # "AIDS", "NATO": the training corpora call 2 of 7,800 such words a person
        if len(tokens) == 1 and starts_time_phrase(doc, tokens[0].i):
            continue  # "Mitte Juni"
        if len(tokens) == 1 and label == "LOC" and is_unknown_noun_compound(tokens[0].text, nouns):
            continue  # "Hoheitsgebiet", "Millionenbereich": a place noun, not a place's name
        if tokens and not (len(tokens) == 1 and is_no_name(tokens[0], nouns)):
            kept.append((tokens[0].idx, tokens[-1].idx + len(tokens[-1]), label))
    return kept


def person_words(tokens: list, nouns: frozenset[str]) -> list:
    """A person's name without a role before it ("Wissenschaftsoffizier Jeffrey Nels William") or
    common nouns and lower-case words after it ("Wolfgang Schäubles Wohnort", "Mesut Özil am Tor",
    "Matthew Williams Liebeskummer": a noun only Wiktionary's list knows)."""
    while len(tokens) > 1 and role_of(tokens[0]) is not None and is_name_word(tokens[1]):
        tokens = tokens[1:]
    from storyline.analyze.entities.word_classes import word_class  # here: it imports spaCy, which load_nlp imports lean first

    given = load_word_list(GIVEN_NAMES)
    while len(tokens) > 1 and ((tokens[-1].is_alpha and tokens[-1].is_lower) or (
            (len(tokens) > 2 or tokens[-2].text not in given)  # "Thomas Mann", "Christian Lange": surnames
            # that are nouns; after two name words a noun is no surname ("Matthew Williams Liebeskummer")
            and (is_common_noun(tokens[-1], nouns) or word_class(tokens[-1].text) == "N" or role_of(tokens[-1]) is not None
                 or (tokens[-1].is_title and ends_in_common_noun(tokens[-1].lower_, nouns))))):
        tokens = tokens[:-1]
    return tokens


def add_curated_names(doc, spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Organisations and leaders from the curated list win over the model's label and over
    shorter model spans inside them ("Ursula" + "Leyen" -> "Ursula von der Leyen")."""
    index = load_curated()
    for i in range(len(doc)):
        match = longest_listed_at(doc, i, index)
        if match:
            spans = replace_inside(spans, match)
    return spans


def replace_inside(spans, match: tuple[int, int, str], lead: int | None = None) -> list[tuple[int, int, str]]:
    """Put `match` in place of the spans it covers (they may start as early as `lead`, such as a
    role word the model took into the name); keep everything as is if one sticks out."""
    lead = match[0] if lead is None else lead
    overlapping = [s for s in spans if s[0] < match[1] and match[0] < s[1]]
    if any(s[0] < lead or s[1] > match[1] for s in overlapping):
        return spans
    return [s for s in spans if s not in overlapping] + [match]


def add_role_cue_names(doc, spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """A role noun before capitalised words marks a person: "Präsident Wladimir Putin",
    "Kremlsprecher Dimitri Peskow", "Bundeskanzlerin Angela Merkel"."""
    for token in doc[:-1]:
        if is_role_cue(token, spans):
            end = name_end_after(doc, token.i + 1)
            if end > token.i + 1:
                first, last = doc[token.i + 1], doc[end - 1]
                spans = replace_inside(spans, (first.idx, last.idx + len(last), "PER"), token.idx)
    return spans


def add_organisation_cue_names(doc, spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """A kind of organisation before a name marks the name an organisation: "Chemiekonzern BASF",
    "Spielzeughersteller Mattel", "Ölgesellschaft Petrobras", "Verein Ascoli" (clubs are
    organisations, though named after their town)."""
    nouns, common = load_common_nouns(), load_common_words()
    for token in doc[:-1]:
        if not token.text[:1].isupper() or not token.lower_.endswith(ORGANISATION_KINDS):
            continue
        end = token.i + 1
        while (end < len(doc) and end - token.i <= 3 and doc[end].text[:1].isupper()
               and doc[end].lower_ not in nouns and doc[end].lower_ not in common):
            end += 1
        if end > token.i + 1 and not any(s <= token.idx < e for s, e, _ in spans):
            first, last = doc[token.i + 1], doc[end - 1]
            spans = replace_inside(spans, (first.idx, last.idx + len(last), "ORG"))
    return spans


def add_short_form_organisations(doc, spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """A lone abbreviation no span covers is mostly an organisation: "der WWF", "seiner UMP",
    "der RFdS". Not ordinary words of the corpora ("DNA", "PDF"), places ("USA"), units after a
    number ("50 Millionen ECU"), nor an abbreviation next to other name words ("VfL Osnabrück":
    the whole name is the model's to find)."""
    common, nouns = load_common_words(), load_common_nouns()

    def beside_name(j: int) -> bool:
        if not 0 < j < len(doc):  # a sentence's first word is capitalised anyway
            return False
        neighbour = doc[j]
        return ((is_name_word(neighbour) and neighbour.lower_ not in nouns) or is_short_form(neighbour.text)
                or any(s <= neighbour.idx < e for s, e, _ in spans))

    for token in doc:
        text = token.text
        if (not is_short_form(text) or text.lower() in common or lookup_name(text, villages=False)
                or any(s < token.idx + len(text) and token.idx < e for s, e, _ in spans)
                or beside_name(token.i - 1) or beside_name(token.i + 1)
                or (token.i > 0 and is_quantity(doc[token.i - 1]))):
            continue
        spans.append((token.idx, token.idx + len(text), "ORG"))
    return spans


def is_quantity(token) -> bool:
    """A number or a number word ("120", "Millionen", "Mio."): what follows is a unit or currency."""
    return token.like_num or token.lower_ in SCALES or token.lower_ in NUMBER_WORDS


def countries_are_places(doc, spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """A country the model took for a person ("Israel greift an") is a place, and so is a place
    of several words that begins with a given name ("über Ada Bazar")."""
    countries, places = load_word_list(COUNTRIES), load_gazetteer().names
    return [(s, e, "LOC" if label == "PER" and (doc.text[s:e] in countries or is_place_of_words(doc.text[s:e], places))
             else label) for s, e, label in spans]


def is_place_of_words(text: str, places: dict[str, str]) -> bool:
    return " " in text and places.get(text) == "LOC"


def add_given_name_people(doc, spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """A known given name before capitalised name words marks a person the model may not know:
    "Torsten Frings", "Teemu Tainio". Only where the model found nothing or a person there, and
    not when the words together name a place ("Santa Cruz")."""
    given, places = load_word_list(GIVEN_NAMES), load_gazetteer().names
    i = 0
    while i < len(doc) - 1:
        token = doc[i]
        if token.text in given:
            end = name_end_after(doc, i + 1)
            if end > i + 1:
                last = doc[end - 1]
                match = (token.idx, last.idx + len(last), "PER")
                overlapping = [s for s in spans if s[0] < match[1] and match[0] < s[1]]
                if all(label == "PER" for _, _, label in overlapping) and doc.text[match[0]:match[1]] not in places:
                    spans = replace_inside(spans, match)
                i = end
                continue
        i += 1
    return spans


def add_speaker_names(doc, spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """After a quote, the name behind ", sagte" or ", so" is the speaker, a person: "…", sagt
    Demel; "…", so Ketterer. Not role nouns ("sagte Mibrag-Betriebsrat Mario Gierl" is the role
    cue rule's) nor places ("sagte Bremens Stürmer"); only where the model found nothing or a person."""
    from storyline.analyze.quotes.lexicon import load_speech_verbs

    verbs, nouns = load_speech_verbs(), load_common_nouns()
    for token in doc[1:-1]:
        if doc[token.i - 1].text != "," or (token.lower_ not in verbs and token.lower_ != "so"):
            continue
        first = doc[token.i + 1]
        end = name_end_after(doc, token.i + 1)
        if end == first.i or is_no_name(first, nouns) or lookup_name(first.text, villages=False):
            continue
        last = doc[end - 1]
        match = (first.idx, last.idx + len(last), "PER")
        if all(label == "PER" for s, e, label in spans if s < match[1] and match[0] < e):
            spans = replace_inside(spans, match)
    return spans


def is_role_cue(token, spans) -> bool:
    """A role noun from the lexicon, but not one that is often something else: "-mann" ends
    many surnames (Hermann, Zimmermann), words of either gender are mostly nationality
    adjectives ("Deutsche Reeder"), and a word inside an organisation or place the model found
    ("Deutschen Bundestag") is part of that name."""
    text = token.text
    if not text[:1].isupper() or not text.replace("-", "").isalpha() or role_of(token) in (None, "n"):
        return False
    return not any(s <= token.idx < e and label != "PER" for s, e, label in spans)


def name_end_after(doc, i: int) -> int:
    """End (token index) of up to four name words from token i; particles only inside a name.

    Ordinary nouns (the corpus list, or Wiktionary's common nouns: "Liebeskummer") and place
    names end the name ("Präsident Putin der Ukraine" -> "Putin"), and
    so does an ordinary word after a particle ("sagt Eymer der Zeitung" -> "Eymer")."""
    from storyline.analyze.entities.word_classes import word_class  # here: it imports spaCy, which load_nlp imports lean first

    nouns, places, end = load_common_nouns(), load_gazetteer().names, i
    while end < len(doc) and end - i < 4:
        token = doc[end]
        if token.lower_ in NAME_PARTICLES and end > i:
            end += 1
            continue
        if (not is_name_word(token) or token.lower_ in nouns or word_class(token.text) == "N" or token.text in places
                or (doc[end - 1].lower_ in NAME_PARTICLES and token.lower_ in load_common_words())):
            break
        end += 1
    while end > i and doc[end - 1].lower_ in NAME_PARTICLES:
        end -= 1
    return end


def known_person_words(docs, found) -> dict[str, str]:
    """Words that name a person wherever they stand alone in this text: one-word persons the model
    found, and the first and last word of its longer persons ("Kim" of "Kim Jong-un", "Peskow" of
    "Dimitri Peskow"): one name keeps one sense in an article, while the model may miss it in
    one sentence or all; their genitives too ("Kims"). Not the parts that are places, common
    nouns or particles ("George Washington" leaves "Washington" a place)."""
    nouns, places, known = load_common_nouns(), load_gazetteer().names, {}
    for doc, spans in zip(docs, found):
        for start, end, label in spans:
            if label != "PER":
                continue
            words = doc.text[start:end].split()
            for word in {words[0], words[-1]} if len(words) > 1 else words:
                if len(words) == 1 or (len(word) >= 3 and is_name_text(word) and word.lower() not in nouns
                                       and word not in places and word.lower() not in NAME_PARTICLES):
                    known[word] = "PER"
    genitives = {word + "s": "PER" for word in known if not word.endswith(("s", "x", "z", "ß"))}
    return {**genitives, **known}


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


# English heads of organisation names the model leaves out of the span ("Eastern Economic" + "Forum").
ENGLISH_ORG_HEADS = frozenset("""forum council institute foundation fund bank agency association organization
organisation corporation commission committee summit alliance initiative society authority network""".split())


def extend_english_organisations(doc, spans) -> list[tuple[int, int, str]]:
    """An English name directly followed by an English organisation head takes it in and is an
    organisation: "beim Eastern Economic Forum". Only spans of words that are no German words."""
    common, starts, grown = load_common_words(), {s for s, _, _ in spans}, []
    for start, end, label in spans:
        token, words = token_from(doc, end), doc.text[start:end].split() if hasattr(doc, "text") else []
        if (label in ("ORG", "MISC") and token is not None and token.idx == end + 1 and token.is_title
                and token.lower_ in ENGLISH_ORG_HEADS and token.idx not in starts and words
                and all(w.isascii() and w[:1].isupper() and w.lower() not in common for w in words)):
            start, end, label = start, token.idx + len(token), "ORG"
        grown.append((start, end, label))
    return grown


def grow_name_end(doc, end: int, common, starts: list[int]) -> int:
    token = token_from(doc, end)
    for _ in range(2):
        if (token is None or token.idx != end + 1 or not token.is_title or not token.is_alpha
                or len(token) > 4 or token.lower_ in common or token.idx in starts):
            break
        end = token.idx + len(token)
        token = doc[token.i + 1] if token.i + 1 < len(doc) else None
    return end


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
