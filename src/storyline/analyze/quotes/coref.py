"""Resolve a pronoun, role noun or epithet to the person mention it most likely points back to.

News prose names a person once and then says "er", "das Staatsoberhaupt" or "der Gewaltherrscher
aus Pjöngjang". A few cues decide almost all such cases: the person was named recently, was the
subject of a sentence, agrees in gender (first names, role nouns such as "Präsidentin"), and was
given the same role before ("Kremlsprecher Dimitri Peskow" … "der Kremlsprecher"). People named
only inside a quotation are not candidates: "Präsident Putin" inside Kim's words is not who speaks
next. When two candidates score alike the reference stays unresolved (None) rather than guessed.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from storyline.analyze.grammar.words import FINITE
from storyline.analyze.quotes.cues import ADVERBIAL_TAGS, FUNCTION_WORDS, TAGS
from storyline.analyze.quotes.lexicon import load_first_names, load_speech_verbs, role_gender
from storyline.analyze.quotes.marks import find_quoted
from storyline.model import Article, Mention

PRONOUN_GENDER = {"er": "m", "sie": "f", "ihm": "m", "ihn": "m", "ihr": "f", "seiner": "m", "ihrer": "f",
                  "dieser": "m", "letzterer": "m", "letztere": "f"}
ARTICLE_GENDER = {"der": "m", "die": "f", "das": "n", "den": "m", "dem": None, "des": None}
INDEFINITE = set("ein eine einer eines einem einen einige mehrere viele zahlreiche".split())
WINDOW_SENTENCES = 8
MIN_CONFIDENCE = 0.45


@dataclass(frozen=True)
class Reference:
    """What an expression says about its referent: pronoun or role, its gender, its role noun."""

    kind: str  # "pronoun" | "role"
    gender: str | None  # m / f / None (either)
    role: str | None = None  # the head noun, e.g. "Kremlsprecher"


def describe_reference(text: str, following: str = "") -> Reference | None:
    """Pronoun or role-noun phrase; None for anything else (names are not resolved here).
    A "sie" before or after a plural verb ("sagten sie") is plural and so never one person."""
    words = re.findall(r"\w+(?:-\w+)*", text)
    if not words:
        return None
    if words[0].lower() in INDEFINITE:
        return None  # "ein Sprecher": a new person, not one named before
    if len(words) == 1 and words[0].lower() in PRONOUN_GENDER:
        if words[0].lower() == "sie" and following.endswith("en"):
            return None
        return Reference("pronoun", PRONOUN_GENDER[words[0].lower()])
    nouns = [w for w in words if w[:1].isupper() and w.lower() not in ARTICLE_GENDER]
    head = next((w for w in nouns if role_gender(w)), None)
    if head is None:
        return None
    gender = role_gender(head)
    if gender == "n":
        gender = ARTICLE_GENDER.get(words[0].lower()) if words[0].lower() in ("der", "die") else None
    return Reference("role", gender, head)


def resolve_reference(article: Article, mentions: list[Mention], start: int, end: int,
                      exclude: frozenset[str] = frozenset(), bonus: dict[str, float] | None = None,
                      min_confidence: float = MIN_CONFIDENCE,
                      tied_roles: bool = False) -> tuple[Mention | None, float]:
    """The PER mention that `article.text[start:end]` refers to, with a confidence in 0..1;
    (None, 0.0) when the expression is not a reference or no candidate is clearly best.
    `exclude` holds person keys (`person_key`) the expression cannot be — the subject of its own
    clause ("er führt den Diktator") — and `bonus` adds evidence per person, e.g. an earlier label
    sharing the description's stem ("nordkoreanische Machthaber" … "dem Nordkoreaner").
    With `tied_roles` an office ("der Sicherheitsminister des Landes", `is_office`) resolves
    only to a person the text gave that office (`_role_match`), not to the president named just
    before it: an article names several office holders, and the nearest one is often another.
    An epithet ("der Gewaltherrscher aus Pjöngjang") has no holder to tie, and keeps recency."""
    own = [m for m in mentions if m.type == "PER" and m.start < end and start < m.end]
    if own:
        return own[-1], 1.0
    reference = describe_reference(article.text[start:end], _next_word(article.text, end))
    if reference is None:
        return None, 0.0
    scored = [(score + (bonus or {}).get(person_key(m), 0.0), m)
              for score, m in _score_candidates(article, mentions, start, reference)
              if person_key(m) not in exclude]
    if tied_roles and reference.kind == "role" and is_office(reference.role):
        scored = [(score, m) for score, m in scored if _role_match(article, mentions, m, reference.role)]
    if not scored:
        return None, 0.0
    scored.sort(key=lambda pair: pair[0], reverse=True)
    best_score, best = scored[0]
    second = next((s for s, m in scored[1:] if _group_key(m) != _group_key(best)), 0.0)
    confidence = round(best_score / (best_score + second + 0.25), 3)
    return (best, confidence) if confidence >= min_confidence else (None, confidence)


def _score_candidates(article: Article, mentions: list[Mention], start: int,
                      reference: Reference) -> list[tuple[float, Mention]]:
    """Best score per person (grouped by last name) among PER mentions before `start`."""
    quoted = [(q.start, q.end) for q in find_quoted(article)]
    starts = [s.start for s in article.sentences if not any(a <= s.start < b for a, b in quoted)]
    here = bisect.bisect_right(starts, start)
    best: dict[str, tuple[float, Mention]] = {}
    for mention in mentions:
        if mention.type != "PER" or mention.end > start or _inside(mention, quoted):
            continue
        distance = here - bisect.bisect_right(starts, mention.start)
        if distance > WINDOW_SENTENCES:
            continue
        score = _score(article, mentions, mention, reference, distance)
        key = _group_key(mention)
        if score > 0 and (key not in best or score >= best[key][0]):
            best[key] = (score, mention)
    return list(best.values())


def _score(article: Article, mentions: list[Mention], mention: Mention, reference: Reference,
           distance: int) -> float:
    """Recency, subject position, gender agreement and an earlier matching role."""
    gender = mention_gender(article, mentions, mention)
    if reference.gender and gender and reference.gender != gender:
        return 0.0
    score = 1.0 / (1 + distance)
    score += 0.5 if _is_subject(article, mention) else 0.0
    if reference.kind == "pronoun" and _is_speaker(article, mention):
        score += 0.4  # "er" after a quote mostly goes on with the same speaker
    score += 0.3 if reference.gender and gender == reference.gender else 0.0
    if reference.role:
        score += _role_match(article, mentions, mention, reference.role)
    return score


def mention_gender(article: Article, mentions: list[Mention], mention: Mention) -> str | None:
    """Gender from a first name of this person anywhere in the article, else from a role noun
    right before one of its mentions ("Präsidentin X"); None when nothing tells."""
    names = load_first_names()
    key = _group_key(mention)
    same = [m for m in mentions if m.type == "PER" and _group_key(m) == key]
    for other in same:
        gender = names.get(other.text.split()[0])
        if gender:
            return gender
    for other in same:
        gender = role_gender(_previous_word(article.text, other.start))
        if gender in ("m", "f"):
            return gender
    return None


def _role_match(article: Article, mentions: list[Mention], mention: Mention, role: str) -> float:
    """1.0 when the same role noun stood right before this person's name earlier ("Kremlsprecher
    Dimitri Peskow") or in an apposition after it ("Peskow, der Sprecher des Kremls"), 0.5 when
    a role of the same kind did ("Präsident" for "Staatspräsident")."""
    key = _group_key(mention)
    same = [m for m in mentions if m.type == "PER" and _group_key(m) == key and m.start <= mention.start]
    previous = [_previous_word(article.text, m.start) for m in same]
    previous += [_apposition_noun(article.text, m.end) for m in same]
    previous += [_role_before_comma(article.text, m.start) for m in same]
    if any(word.lower() == role.lower() for word in previous):
        return 1.0
    if any(word and _same_role(word, role) for word in previous):
        return 0.5
    return 0.0


OFFICES = ("minister", "ministerin", "präsident", "präsidentin", "sprecher", "sprecherin", "kanzler",
           "kanzlerin", "chef", "chefin", "leiter", "leiterin", "vorsitzende", "vorsitzender", "sekretär",
           "sekretärin", "direktor", "direktorin", "botschafter", "botschafterin", "bürgermeister",
           "bürgermeisterin", "kommissar", "kommissarin", "beauftragte", "beauftragter", "gouverneur",
           "gouverneurin", "senator", "senatorin", "staatsanwalt", "staatsanwältin", "trainer", "trainerin")


def is_office(role: str | None) -> bool:
    """A post held in an institution ("Sicherheitsminister", "Polizeisprecherin"), as opposed to
    an epithet ("Machthaber", "Gastgeber") that describes whoever the story is about."""
    stem = _role_stem(role or "")
    return stem.endswith(OFFICES)


def _same_role(word: str, role: str) -> bool:
    """One role noun ends in the other ("Präsident", "Staatspräsident"); sharing an ending is
    not enough: "Innenminister" is not the "Außenminister"."""
    a, b = _role_stem(word), _role_stem(role)
    return bool(role_gender(word)) and len(min(a, b, key=len)) >= 5 and (a.endswith(b) or b.endswith(a))


def _role_stem(word: str) -> str:
    lower = word.lower()
    for ending in ("innen", "in", "en", "s", "n"):
        if lower.endswith(ending) and role_gender(lower[:-len(ending)]):
            return lower[:-len(ending)]
    return lower


def _apposition_noun(text: str, end: int) -> str:
    """"Rafael Correa, der Präsident Ecuadors": the head noun of an apposition after a name."""
    match = re.match(r",\s+(?:der|die|dem|den|des)\s+(?:[a-zäöüß-]+\s+){0,2}([A-ZÄÖÜ][\w-]+)", text[end:end + 80])
    return match.group(1) if match and role_gender(match.group(1)) else ""


def _role_before_comma(text: str, start: int) -> str:
    """"der Ministerpräsident des Landes Niedersachsen, Christian Wulff": the head noun of a role
    phrase that the name follows as an apposition, with its genitive or origin."""
    match = re.search(r"\b(?:der|die|des|dem|den)\s+(?:[a-zäöüß-]+\s+){0,2}([A-ZÄÖÜ][\w-]+)"
                      r"(?:\s+(?:des|der|von|aus)\s+[^,.;:„“]{1,60})?,\s*$", text[max(0, start - 120):start])
    return match.group(1) if match and role_gender(match.group(1)) else ""


def _is_subject(article: Article, mention: Mention) -> bool:
    """The mention opens its sentence or clause (first noun phrase in German main clauses), or
    stands right after the finite verb of a clause opened by an adverbial."""
    before = article.text[max(0, mention.start - 40):mention.start]
    return (bool(re.search(r"(^|[.!?:;]\s+|\n\s*)(\w+\s+){0,2}$", before)) and not re.search(
        r"\b(von|mit|für|gegen|an|bei|zu|über|den|dem|des)\s+(\w+\s+)?$", before)) or _after_fronted_adverbial(
        article.text, mention.start)


def _after_fronted_adverbial(text: str, start: int) -> bool:
    """"Zu lange hat Tengelmann-Chef Erivan Haub sie durchgeschleppt": the name (a role noun may
    come first) follows the finite verb (by its tag) of a main clause whose first words are an
    adverbial (a function word or adverb, then lowercase words), so only the name can be the subject."""
    base = max(0, start - 70)
    opening = r"(?:^|[.!?:;]\s+|\n\s*)" if base == 0 else r"(?:[.!?:;]\s+|\n\s*)"  # not a cut mid-sentence
    match = re.search(opening + r"((?:[\w´']+\s+){1,3}?)(\w+)\s+(?:([\w-]+)\s+)?$", text[base:start])
    tags = TAGS.get()
    if not match or tags.get(base + match.start(2)) not in FINITE:
        return False
    if match.group(3) and not role_gender(match.group(3)):
        return False
    words = [(base + match.start(1) + m.start(), m.group()) for m in re.finditer(r"\w+", match.group(1))]
    return all(tags.get(offset) in ADVERBIAL_TAGS or word.lower() in FUNCTION_WORDS or (k and word.islower())
               for k, (offset, word) in enumerate(words))


def _is_speaker(article: Article, mention: Mention) -> bool:
    """A speech verb within a few words of the mention, in the same clause."""
    after = re.match(r"[^,.;:„“]{0,60}", article.text[mention.end:]).group()
    before = re.search(r"[^,.;:„“]{0,25}$", article.text[:mention.start]).group()
    verbs = load_speech_verbs()
    return any(word.lower() in verbs for word in re.findall(r"\w+", before + " " + after))


def _inside(mention: Mention, spans: list[tuple[int, int]]) -> bool:
    return any(a <= mention.start and mention.end <= b for a, b in spans)


def person_key(mention: Mention) -> str:
    """One person across "Wladimir Putin" and "Putin": the last word of the name."""
    return mention.entity or mention.text.split()[-1].rstrip("s’'")


_group_key = person_key


def _previous_word(text: str, start: int) -> str:
    match = re.search(r"(\w+(?:-\w+)*)\W*$", text[max(0, start - 40):start])
    return match.group(1) if match else ""


def _next_word(text: str, end: int) -> str:
    match = re.match(r"\W*(\w+)", text[end:end + 40])
    return match.group(1).lower() if match else ""
