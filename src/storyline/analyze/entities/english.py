"""English names without an English model: capitalised spans typed by lists and cue words.

English capitalises names and little else, so a run of capitalised words inside a sentence is
nearly always a name; the German model would read every English word as a foreign name. A span
is a place when the gazetteer knows it (GeoNames alternate names include the English exonyms),
an organisation when it holds an organisation word ("Ministry", "League", "Party") or is an
acronym, a person when it starts with a known given name, follows a title ("Mr", "President")
or repeats the last name of a person already found. Sentence-initial words count only with
support: listed, followed by another capitalised word, or capitalised elsewhere mid-sentence.
"""
from __future__ import annotations

import re
from functools import lru_cache

from storyline.model import Article, Mention, Sentence

WORD = re.compile(r"[A-Za-zÀ-ÖØ-öø-ÿ][\w'’.-]*\w|[A-Za-zÀ-ÖØ-öø-ÿ]|\d+")
CONNECTORS = {"of", "for", "de", "van", "von", "al", "bin", "da", "di", "del", "la", "le", "du", "der"}
NOT_NAMES = frozenset("""
a an the this that these those there here he she it they we i you his her its their our my your
and but or if so as at by in on of for from with to into onto over after before during since until
while when where what which who whom whose why how all any both each every no not some such than
then though although because also only just even still yet now today yesterday tomorrow tonight
monday tuesday wednesday thursday friday saturday sunday january february march april may june july
august september october november december mr mrs ms dr prof sir mister madam lord lady
president prime minister chancellor secretary senator governor mayor king queen prince princess
chief leader general coach manager spokesman spokeswoman spokesperson officer director judge
however meanwhile moreover furthermore instead despite according asked said says told reported
one two three four five six seven eight nine ten first second third last next many much more
most other another several few about around under up down out off per via against among between
covid coronavirus corona breaking update read watch photo video live subscribe advertisement
is are was were be been being has have had do does did will would can could should may might must
let let's it's that's there's here's we're they're i'm don't can't won't didn't doesn't isn't
""".split())
TITLES = frozenset("""mr mrs ms miss dr prof sir dame lord lady president chancellor minister secretary senator
governor mayor king queen prince princess pope rep sen gov gen col capt sgt coach manager striker speaker
attorney general commissioner ambassador spokesman spokeswoman adviser advisor
midfielder defender goalkeeper captain leader premier chairman chairwoman ceo judge justice""".split())
# Offices a person holds, not part of who they are: split off a name ("Prosecutor Wolfgang Giese" is
# Wolfgang Giese) and kept as the entity's role, as the German side keeps "Kremlsprecher". Royal and
# clerical titles (King, Prince, Pope: link.names.TITLE_WORDS) are no roles: they stay in the name.
ROLE_NOUNS = frozenset("""president chancellor minister secretary senator governor mayor premier chairman
chairwoman chair ceo judge justice prosecutor attorney commissioner ambassador spokesman spokeswoman
spokesperson adviser advisor chief executive director inspector commander officer superintendent sheriff
detective sergeant lieutenant colonel general admiral coach manager captain leader representative rep sen
gov gen col capt sgt lt det insp supt deputy marshal pm""".split())
ROLE_MODIFIERS = frozenset("""prime vice deputy foreign interior home defence defense health finance economy
economics economic justice education transport environment trade labour labor culture agriculture
development energy state public police federal district regional senior assistant chief kremlin army air
field head""".split())
ORG_WORDS = frozenset("""ministry department office party council union bank university college school league
association commission committee organisation organization agency police institute court parliament senate
congress assembly group company corporation corp inc ltd llc plc fc club united city airlines airways
news times post guardian journal network channel service services authority federation foundation trust
fund board bureau army navy force forces government administration hospital clinic church republicans
democrats conservatives labour nhs uefa fifa""".split())
SPEECH_AFTER = frozenset({"said", "says", "told", "added", "explained", "warned", "wrote", "tweeted"})
COUNTRY_ACRONYMS = {"US", "USA", "UK", "UAE", "DRC"}
PLACE_WORDS = frozenset("""lake river beach mount mountain mountains island islands bay sea ocean valley county
province region street square park station airport bridge canal coast desert""".split())
DEMONYM_ENDINGS = ("an", "ese", "ish", "ian", "ic", "i")


@lru_cache(maxsize=1)
def given_names() -> frozenset[str]:
    from storyline.analyze.word_lists import GIVEN_NAMES, load_word_list

    return load_word_list(GIVEN_NAMES)


@lru_cache(maxsize=65536)
def is_place(name: str) -> bool:
    """Whether the gazetteer knows the name as a town (of some size), country or region."""
    from storyline.analyze.places.geocode import lookup_name

    try:
        entries = lookup_name(name, villages=False)
    except Exception:  # noqa: BLE001 - a missing gazetteer makes places unknown, not an error
        return False
    return any(e.fclass != "P" or e.population >= 50_000 for e in entries)


def is_capital_word(word: str) -> bool:
    return word[0].isupper() and word.casefold() not in NOT_NAMES and not word.isdigit()


def words_of(text: str) -> list[re.Match]:
    return list(WORD.finditer(text))


def is_shouted(word: str) -> bool:
    return len(word) >= 3 and word.isupper()


def name_runs(words: list[re.Match]) -> list[tuple[int, int]]:
    """Index ranges [i, j) of capitalised runs, connectors allowed between capitalised words. A
    switch between capitals and all-caps ends a run: "California OAKLAND" is a headline's end and
    a dateline, two names."""
    runs, i = [], 0
    while i < len(words):
        if not is_capital_word(words[i].group()):
            i += 1
            continue
        j = i + 1
        while j < len(words):
            word = words[j].group()
            if is_capital_word(word) and words[j].start() - words[j - 1].end() <= 1 and \
                    is_shouted(word) == is_shouted(words[j - 1].group()):
                j += 1
            elif (word in CONNECTORS and j + 1 < len(words) and is_capital_word(words[j + 1].group())
                  and words[j + 1].start() - words[j].end() == 1):
                j += 2
            else:
                break
        runs.append((i, j))
        i = j
    return runs


def strip_possessive(text: str) -> str:
    return text[:-2] if text.endswith(("'s", "’s")) else text


def type_of(name: str, before: str, after: str, people: set[str]) -> str | None:
    """PER, ORG, LOC, MISC, or None for a lone word with nothing to say it is a name."""
    parts = name.split()
    lower = [p.casefold().strip(".") for p in parts]
    if any(word in ORG_WORDS for word in lower):
        return "ORG"
    if any(word in PLACE_WORDS for word in lower) and len(parts) >= 2:
        return "LOC"  # "Lake Tahoe", "Pope Beach", "Mallawi Railway Station"
    if is_shouted(name) and is_place(name.title()):
        return "LOC"  # a dateline: "AUGUSTA, Ga."
    acronym = name.replace(".", "")
    if acronym.isupper() and len(acronym) >= 2 and " " not in name:
        return "LOC" if acronym in COUNTRY_ACRONYMS else "ORG"
    if before.casefold().strip(".") in TITLES or is_office(before) or name in people:
        return "PER"
    if is_place(name):
        return "LOC"
    if parts[-1].endswith(DEMONYM_ENDINGS) and after[:1].islower() and after.casefold() not in SPEECH_AFTER:
        return "MISC"  # "North Korean leader", "British government"
    if parts[0] in given_names() and len(parts) >= 2:
        return "PER"
    if after.casefold() in SPEECH_AFTER:
        return "PER" if len(parts) >= 2 or name in given_names() else "ORG"
    return "MISC" if len(parts) >= 2 else None


def sentence_mentions(article: Article, sentence: Sentence, people: set[str], capitalised: set[str]) -> list[Mention]:
    text = article.text[sentence.start:sentence.end]
    words = words_of(text)
    mentions = []
    for i, j in name_runs(words):
        start, end = words[i].start(), words[j - 1].end()
        name = strip_possessive(text[start:end])
        end = start + len(name)
        if i == 0 and j == 1 and name not in capitalised and name not in people and not is_place(name):
            continue  # a capital at a sentence start says nothing
        if i >= 2 and j - i >= 3 and words[i - 1].group() == "of" and is_role(words[i - 2].group()):
            i, start = i + 1, words[i + 1].start()  # "Secretary of State Mike Pompeo": State is the office's
            name = text[start:end]
        title = last_title(words, i, j)
        if title is not None:  # "House Speaker Nancy Pelosi": the person is after the title
            i, start = title + 1, words[title + 1].start()
            name = text[start:end]
        before = words[i - 1].group() if i else ""
        after = words[j].group() if j < len(words) else ""
        kind = type_of(name, before, after, people)
        if kind is None:
            continue
        if kind == "PER" and " of " in name:  # "Ted Cruz of Texas"
            name = name[:name.index(" of ")]
            end = start + len(name)
        if kind == "PER" and " " in name:
            people.update((name.split()[0], name.split()[-1]))  # "Johnson said"; "Kim said" (family name first)
        mentions.append(Mention(sentence.start + start, sentence.start + end, name, kind))
    return mentions


def last_title(words: list[re.Match], i: int, j: int) -> int | None:
    """Index of the last title word inside a run when capitalised words follow it."""
    found = None
    for k in range(i, j - 1):
        if (words[k].group().casefold().strip(".") in TITLES or is_role(words[k].group())) and \
                words[k + 1].group()[0].isupper():
            found = k
    rest = {w.group().casefold() for w in words[found + 1:j]} if found is not None else set()
    return None if rest & (PLACE_WORDS | ORG_WORDS) else found  # "Pope Beach" is a beach


def is_role(word: str) -> bool:
    """An office word: "Prosecutor", "spokesman", "Secretary-General"."""
    return word.casefold().strip(".").rpartition("-")[2] in ROLE_NOUNS


def is_office(word: str) -> bool:
    """An office word that is no adjective: "Prosecutor", not "chief" ("chief White House
    correspondent")."""
    return is_role(word) and word.casefold().strip(".") not in ROLE_MODIFIERS


ROLE_TAIL = re.compile(r"(?:[A-Za-z][\w'’.-]*[ \t]+)+$")


def role_before(text: str) -> str | None:
    """The office named right before a person's name, given the text that ends where the name
    starts: "Prosecutor" of "Prosecutor Wolfgang Giese", "Police Chief", "Secretary of State",
    "Kremlin spokesman"; None when the word before the name is no office ("said Wolfgang Giese",
    "Pope Francis")."""
    tail = ROLE_TAIL.search(text[-80:])
    words = tail.group().split() if tail else []
    k = len(words) - 1
    if k >= 2 and words[k][:1].isupper() and words[k - 1] == "of" and is_role(words[k - 2]):
        first = k - 2  # "Secretary of State", "Minister of Health", "Chief of Staff"
    elif k >= 0 and is_role(words[k]):
        first = k
    else:
        return None
    while first > 0 and (is_role(words[first - 1]) or words[first - 1].casefold() in ROLE_MODIFIERS):
        first -= 1  # "Police Chief", "Foreign Minister", "Deputy Prime Minister"
    return " ".join(words[first:]).rstrip(".") or None


def inner_capitals(article: Article, sentences: list[Sentence]) -> set[str]:
    """Words capitalised somewhere other than at a sentence start: names, not sentence openers."""
    found = set()
    for sentence in sentences:
        for m in words_of(article.text[sentence.start:sentence.end])[1:]:
            if is_capital_word(m.group()):
                found.add(strip_possessive(m.group()))
    return found


def find_english_mentions(article: Article) -> list[Mention]:
    """Name mentions of an English article, in text order."""
    sentences = article.content_sentences() or [Sentence(0, len(article.text))]
    people: set[str] = set()
    capitalised = inner_capitals(article, sentences)
    mentions = []
    for sentence in sentences:
        mentions.extend(sentence_mentions(article, sentence, people, capitalised))
    return mentions
