"""Labels: the nouns and epithets an article attaches to a person ("der nordkoreanische
Machthaber Kim", "Putin, der russische Präsident,", "Kim ist ein Diktator", "den geächteten
Diktator").

Which words a paper chooses for the same person — Machthaber or Präsident, Diktator or
Staatschef — is the raw material for comparing framing across outlets, so each occurrence is kept
with its span. Four shapes cover most of them:

- before a name: "der russische Präsident Wladimir Putin", "Kremlsprecher Dimitri Peskow";
- apposition: "Putin, der russische Präsident," (between commas, up to a dash or sentence end);
- predicate noun: "Kim ist ein Diktator", "Kim gilt als Hardliner" (the name is the subject);
- a definite description that points back to a person named earlier ("den geächteten
  Diktator", "der Gewaltherrscher aus Pjöngjang"), resolved by `coref.resolve_reference`.

Normal form of `Label.label`: the noun phrase as written, without its article or possessive
("nordkoreanische Machthaber", "geächteten Diktator", "Gewaltherrscher aus Pjöngjang"); adjectives
keep their inflection, so the head noun is the last capitalised word before any "aus/von/des"
attachment. Labels inside quoted speech are the speaker's words, not the article's, and are left
out; short scare quotes („ewige Präsident“) are kept.
"""
from __future__ import annotations

from storyline.analyze.quotes.coref import is_office, person_key, resolve_reference
from storyline.analyze.quotes.cues import Token, read_noun_phrase, tokenize
from storyline.analyze.quotes.lexicon import load_roles, load_speech_verbs, role_gender
from storyline.analyze.quotes.marks import find_quoted
from storyline.model import Article, Label, Mention

DEFINITE = {"der", "die", "das", "den", "dem", "des"}
ARTICLES = DEFINITE | {"ein", "eine", "einer", "eines", "einem", "einen"}
POSSESSIVES = {"sein", "seine", "seinem", "seinen", "seiner", "seines", "ihr", "ihre", "ihrem", "ihren", "ihrer",
               "ihres", "dessen", "deren", "unser", "unsere", "unserem", "unseren", "unserer", "unseres"}
# Lowercase words that look like inflected adjectives but are prepositions, adverbs or pronouns.
NOT_ADJECTIVES = set(
    "unter über hinter gegen wider außer zwischen wieder immer aber oder sehr mehr weniger oben unten "
    "jeder jede jedes jeden jedem diese dieser dieses diesen diesem jener jene welche welcher welches "
    "solche solcher manche mancher einer eines einem einen keine keiner keinen".split()
)
# Several people: a label needs one person.
PLURAL_WORDS = set(
    "beide beiden viele vielen einige einigen mehrere mehreren zahlreiche zahlreichen alle allen".split()
)
# Nouns naming a relation to someone else ("Nachfolger für Deiss", "Gegner Thaksins"): labels only
# when they stand next to the person they describe, never as references back.
RELATIONAL = ("nachfolger", "nachfolgerin", "vorgänger", "vorgängerin", "gegner", "gegnerin", "kritiker",
              "kritikerin", "rivale", "rivalin", "rivalen", "partner", "partnerin", "verbündete", "widersacher",
              "herausforderer", "herausforderin", "amtskollege", "amtskollegin")
COPULAS = {"ist", "war", "sei", "wäre", "bleibt", "blieb", "wird", "wurde"}
# The unions the token tests ask for, built once: rebuilding them per token was most of the labels stage.
DETERMINER_WORDS = frozenset(ARTICLES | POSSESSIVES)
NOT_ADJECTIVE_WORDS = frozenset(ARTICLES | POSSESSIVES | COPULAS | NOT_ADJECTIVES | PLURAL_WORDS)
AS_VERBS = {"gilt", "galt", "gelte"}
CLOSING_MARKS = {"“", "”", "«", "»", '"'}
OPENING_MARKS = {"„", "»", "«", "“", '"'}
APPOSITION_END = {",", ".", "–", ")", ";", "!", "?"}
CLAUSE_BREAKS = {",", ";", ":", "–", "„", "“", "(", ")"}
SPEECH_WORDS = 4  # a quoted stretch this long or longer is speech, not a scare quote
PERSONS = ("PER",)


def find_labels(article: Article, mentions: list[Mention]) -> list[Label]:
    """All labels of an article in text order; one per span, the most confident shape wins."""
    speech = _speech_spans(article)
    people = [m for m in mentions if m.type in PERSONS and m.text[:1].isupper() and not _inside(m, speech)]
    sentences = [tokenize(article.text, s.start, s.end) for s in article.content_sentences()]
    found = [label for tokens in sentences for label in _anchored_labels(article, tokens, people, mentions)]
    for tokens in sentences:
        found += _descriptions(article, tokens, people, mentions, found)
    return _deduplicate([label for label in found if not _inside(label, speech)])


def _anchored_labels(article, tokens, people, mentions) -> list[Label]:
    """Labels that stand next to a name: before it, in apposition, as predicate noun."""
    found: list[Label] = []
    for mention in people:
        first, last = _token_range(tokens, mention)
        if first is None:
            continue
        for reader in (_label_before, _apposition, _predicate):
            label = reader(article, tokens, first, last, mention)
            if label and not _overlaps_mention(label, mentions):
                found.append(label)
    return found


def _token_range(tokens: list[Token], mention: Mention) -> tuple[int | None, int | None]:
    """Indices of the first and last token of a mention, (None, None) outside this sentence."""
    inside = [i for i, t in enumerate(tokens) if mention.start <= t.start and t.end <= mention.end]
    return (inside[0], inside[-1]) if inside else (None, None)


def _label_before(article, tokens, first, last, mention) -> Label | None:
    """"der nordkoreanische Machthaber Kim", "Russlands Präsident Putin", „ewige Präsident“ Kim."""
    head = first - 1
    quoted = head >= 0 and tokens[head].text in CLOSING_MARKS
    head -= quoted
    if head < 0 or not _is_role(tokens[head]):
        return None
    start = head
    while start > 0 and _is_adjective(tokens[start - 1]):
        start -= 1
    if start == head and start > 0 and _is_genitive_name(tokens, start - 1):
        start -= 1
    if quoted and (start == 0 or tokens[start - 1].text not in OPENING_MARKS):
        return None
    if tokens[head].lower.endswith(RELATIONAL + OF_SOMEONE) and mention.text.endswith("s"):
        return None  # "als Gegner Thaksins": the opponent of Thaksin, not Thaksin
    if start > 0 and tokens[start - 1].lower in PLURAL_WORDS:
        return None  # "die beiden Politiker X und Y"
    return _make(article, tokens, start, head + 1, mention, 0.95)


def _apposition(article, tokens, first, last, mention) -> Label | None:
    """"Putin, der russische Präsident, …": a noun phrase set off by a comma right after the name;
    without an article the head must be a role noun ("Kim Jong Un, Machthaber Nordkoreas,")."""
    comma = last + 1
    if comma >= len(tokens) - 1 or tokens[comma].text != ",":
        return None
    start = comma + 1
    end = read_noun_phrase(tokens, start)
    if end == start or (end < len(tokens) and tokens[end].text not in APPOSITION_END):
        return None
    body = _skip_determiners(tokens, start, end)
    head = _head(tokens, body, end)
    if head is None or tokens[start].lower not in DEFINITE | {"ein", "eine"} and not _is_role(tokens[head]):
        return None
    return _make(article, tokens, body, end, mention, 0.9 if _is_role(tokens[head]) else 0.75)


def _predicate(article, tokens, first, last, mention) -> Label | None:
    """"Kim ist ein Diktator", "Kim gilt als Hardliner": only when the name is the subject."""
    verb = last + 1
    if verb >= len(tokens) - 1 or not _is_subject(tokens, first):
        return None
    if tokens[verb].lower in COPULAS and tokens[verb + 1].lower in ARTICLES:
        start = verb + 1
    elif tokens[verb].lower in AS_VERBS and tokens[verb + 1].lower == "als":
        start = verb + 2
    else:
        return None
    end = read_noun_phrase(tokens, start)
    body = _skip_determiners(tokens, start, end)
    if end == start or _head(tokens, body, end) is None:
        return None
    if end < len(tokens) and tokens[end].text not in APPOSITION_END | {"und"}:
        return None  # "Kim ist ein Freund geblieben" is fine, "ist der Staat Nordkorea" not a label
    return _make(article, tokens, body, end, mention, 0.85)


def _descriptions(article, tokens, people, mentions, known: list[Label]) -> list[Label]:
    """"den geächteten Diktator", "der Gewaltherrscher aus Pjöngjang": a definite role phrase
    that names nobody itself, resolved to the person named before it — not to the subject of its
    own sentence ("er führt den Diktator": er is not the Diktator)."""
    found = []
    for i, token in enumerate(tokens):
        if token.lower not in DEFINITE:
            continue
        end = read_noun_phrase(tokens, i)
        body = _skip_determiners(tokens, i, end)
        head = _head(tokens, body, end)
        if head is None or not _is_role(tokens[head]) or _is_relational(tokens[head]):
            continue
        if not _singular(token.lower, tokens[head]) or any(t.lower in PLURAL_WORDS for t in tokens[i:end]):
            continue
        if token.lower in {"der", "die"} and any(t.lower.endswith("en") for t in tokens[body:head]):
            continue  # "der beteiligten Künstler", "die neuen Minister": plural
        if _names_someone(tokens, head, end, mentions) or _after_unknown_name(tokens, i, mentions):
            continue
        if end + 1 < len(tokens) and tokens[end].text == "," and tokens[end + 1].capitalised:
            found += _comma_apposition(article, tokens, body, end, people)
            continue  # "Der Fraktionschef der Grünen, Volker Ratzmann, …": labels that name
        exclude = _sentence_people(article, tokens, people, (token.start, tokens[end - 1].end))
        bonus = _label_evidence(article, people, known + found, tokens[head], token.start)
        if is_office(tokens[head].text) and not bonus:
            continue  # "der Sicherheitsminister des Landes" is nobody named so far, not the president
        mention, confidence = resolve_reference(article, people, token.start, tokens[end - 1].end,
                                                exclude=exclude, bonus=bonus)
        if mention:
            found.append(_make(article, tokens, body, end, mention, confidence))
    return found


def _comma_apposition(article, tokens, body: int, end: int, people: list[Mention]) -> list[Label]:
    """The role phrase before ", <name>,": a label of the person named right after the comma."""
    named = next((m for m in people if m.start == tokens[end + 1].start), None)
    return [_make(article, tokens, body, end, named, 0.9)] if named else []


def _sentence_people(article, tokens, people, phrase: tuple[int, int]) -> frozenset[str]:
    """Person keys of the other people in the phrase's clause: named ones, "er"/"sie" resolved."""
    first, last = _clause_around(tokens, phrase)
    named = [m for m in people if first <= m.start < last and not (phrase[0] <= m.start < phrase[1])]
    for token in tokens:
        if token.lower in {"er", "sie"} and first <= token.start < last and not phrase[0] <= token.start < phrase[1]:
            # the likeliest referent, even when not sure enough to report: only to rule it out
            mention, _ = resolve_reference(article, people, token.start, token.end, min_confidence=0.0)
            named += [mention] if mention else []
    return frozenset(key for m in named for key in _keys_of(m, people))


def _clause_around(tokens: list[Token], phrase: tuple[int, int]) -> tuple[int, int]:
    """Character bounds of the comma-delimited clause holding the phrase."""
    breaks = [t for t in tokens if t.text in CLAUSE_BREAKS]
    first = max((t.end for t in breaks if t.end <= phrase[0]), default=tokens[0].start)
    last = min((t.start for t in breaks if t.start >= phrase[1]), default=tokens[-1].end)
    return first, last


def _keys_of(mention: Mention, people: list[Mention]) -> set[str]:
    """Keys of every mention sharing a name word ("Kim" and "Kim Jong-un" are one person)."""
    words = {w.rstrip("s’'") for w in mention.text.split()}
    return {person_key(m) for m in people if words & {w.rstrip("s’'") for w in m.text.split()}}


def _label_evidence(article, people, known: list[Label], head: Token, before: int) -> dict[str, float]:
    """Bonus per person whose earlier labels share the head's stem: "nordkoreanische Machthaber"
    or "Nordkoreas" before "dem Nordkoreaner", "Diktator" before "den Diktator"."""
    stem = head.lower[:7]
    bonus: dict[str, float] = {}
    for label in known:
        words = [w.lower() for w in label.label.split()]
        if label.start >= before or not any(w.startswith(stem) for w in words):
            continue
        owner = next((m for m in people if (m.start, m.end) == (label.mention_start, label.mention_end)), None)
        for key in _keys_of(owner, people) if owner else ():
            bonus[key] = max(bonus.get(key, 0.0), 1.0 if head.lower in words else 0.6)
    return bonus


def _names_someone(tokens, head, end, mentions) -> bool:
    """The phrase holds or runs into a name ("der Präsident Wladimir Putin" is a label before a
    name, handled there; "der Präsident Frankreichs" names a country, still a description)."""
    following = tokens[head + 1] if head + 1 < len(tokens) else None
    if following is not None and head + 1 < end and following.capitalised:
        return True  # "Die Deutsche Presse-Agentur": the role word opens a longer name
    if end + 1 < len(tokens) and tokens[end].lower in COPULAS and tokens[end + 1].capitalised:
        return True  # "Der Hauptschiedsrichter ist Geurt Gijssen": introduces a name
    names = [m for m in mentions if m.type in PERSONS]
    span_start = tokens[head].start
    span_end = tokens[end - 1].end if following is None else max(tokens[end - 1].end, following.end)
    return any(m.start < span_end and span_start < m.end for m in names)


def _after_unknown_name(tokens: list[Token], i: int, mentions: list[Mention]) -> bool:
    """"Mark O’Keefe, der Sprecher …": an apposition to a name the mentions missed, not a
    reference back to someone named earlier."""
    if i < 2 or tokens[i - 1].text != "," or not tokens[i - 2].capitalised:
        return False
    if i >= 3 and tokens[i - 3].text.islower():
        return False  # "eine provokative Geste, dem …": a common noun (German capitalises nouns)
    return not any(m.start <= tokens[i - 2].start < m.end for m in mentions)


def _singular(article_word: str, head: Token) -> bool:
    """Skip plurals, which describe several people: "die beiden Despoten", "den Ministerinnen";
    "den" only with the bare lexicon form ("den Diktator", not "den Russen": maybe dative plural)."""
    lower = head.lower
    gender = role_gender(head.text)
    if lower.endswith("innen") or (article_word == "die" and gender == "m"):
        return False
    if gender == "f" and not any(lower.endswith(role) for role in load_roles() if len(role) > 3):
        return False  # "die Frauen", "die Politikerinnen": feminine nouns inflect only in the plural
    if gender == "n" and lower.endswith("en") and article_word in {"der", "den", "die"}:
        return False  # "der Abgeordneten": genitive plural of an adjectival noun
    if article_word == "den" or (article_word == "der" and gender == "m"):
        # "den Diktator", "der Diktator"; not "den Russen", "der Christdemokraten" (plural)
        return any(lower.endswith(role) for role in load_roles() if len(role) > 3)
    return True


def _skip_determiners(tokens: list[Token], start: int, end: int) -> int:
    while start < end and (tokens[start].lower in DETERMINER_WORDS):
        start += 1
    return start


def _head(tokens: list[Token], start: int, end: int) -> int | None:
    """The first capitalised word after the adjectives: the noun the phrase is about."""
    i = start
    while i < end and _is_adjective(tokens[i]):
        i += 1
    return i if i < end and tokens[i].capitalised and tokens[i].text[0].isalpha() else None


def _is_role(token: Token) -> bool:
    return token.capitalised and role_gender(token.text) is not None


# Roles that are someone's ("ein Sprecher Koch-Mehrins"): before a genitive name they belong to
# another person.
OF_SOMEONE = ("sprecher", "sprecherin", "berater", "beraterin", "anwalt", "anwältin", "assistent", "assistentin")


def _is_relational(token: Token) -> bool:
    return token.lower.endswith(RELATIONAL)


def _is_adjective(token: Token) -> bool:
    """A lowercase attributive adjective or participle ("nordkoreanische", "geächteten")."""
    text = token.text
    return text.isalpha() and text.islower() and len(text) > 3 and text.endswith(("e", "en", "er", "es", "em")) \
        and text not in NOT_ADJECTIVE_WORDS \
        and text not in load_speech_verbs()


def _is_genitive_name(tokens: list[Token], i: int) -> bool:
    """"Russlands Präsident", "Nordkoreas Machthaber": a capitalised genitive before the role."""
    token = tokens[i]
    return token.capitalised and token.text.endswith("s") and not _is_role(token) and len(token.text) > 3


def _is_subject(tokens: list[Token], first: int) -> bool:
    """Nothing but an article, adjectives or a role stands between the clause start and the name."""
    i = first - 1
    while i >= 0 and tokens[i].text not in {",", ";", ":", "„", "“", "–"}:
        if not (tokens[i].lower in ARTICLES or _is_adjective(tokens[i]) or _is_role(tokens[i])):
            return False
        i -= 1
    return True


def _make(article: Article, tokens: list[Token], start: int, end: int, mention: Mention,
          confidence: float) -> Label:
    span_start, span_end = tokens[start].start, tokens[end - 1].end
    return Label(label=article.text[span_start:span_end], start=span_start, end=span_end,
                 mention_start=mention.start, mention_end=mention.end, confidence=round(confidence, 3))


def _speech_spans(article: Article) -> list[tuple[int, int]]:
    """Quoted stretches long enough to be speech; their labels belong to the speaker."""
    spans = []
    for quoted in find_quoted(article):
        if len(article.text[quoted.start:quoted.end].split()) >= SPEECH_WORDS:
            spans.append((quoted.outer_start, quoted.outer_end))
    return spans


def _inside(item: Label | Mention, spans: list[tuple[int, int]]) -> bool:
    return any(a <= item.start and item.end <= b for a, b in spans)


def _overlaps_mention(label: Label, mentions: list[Mention]) -> bool:
    """A "label" that is itself a name (part of a mention) is not a description of one."""
    return any(m.start < label.end and label.start < m.end and m.type in ("PER", "ORG") for m in mentions)


def _deduplicate(labels: list[Label]) -> list[Label]:
    best: dict[tuple[int, int], Label] = {}
    for label in labels:
        key = (label.start, label.end)
        if key not in best or label.confidence > best[key].confidence:
            best[key] = label
    return sorted(best.values(), key=lambda label: (label.start, label.end))
