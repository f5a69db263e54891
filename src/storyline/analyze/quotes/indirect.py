"""Reported speech without quotation marks: "Es sei der Westen, …, sagte er", "Peskow bestätigte,
Kim sei … eingetroffen", "laut X …", "X zufolge …", "wie X mitteilte, …".

The cue decides, not the mood alone: a clause before ", sagte X" is reported whatever its verb
form, while a clause after "X sagte," must look reported (Konjunktiv, "dass", "ob") so that
"Putin sagte, als er ankam, …"-style asides are not taken for content. A sentence in Konjunktiv I
right after reported speech continues it (German keeps the mood instead of repeating the cue).
"""
from __future__ import annotations

import re

from storyline.analyze.quotes.cues import (
    DEMONSTRATIVES, DETERMINERS, RELATIVE_OPENERS, TAGS, Found, Token, char_span, clause_end, clause_subject, is_source_noun, is_speech_verb, read_noun_phrase,
    source_phrase_after, source_phrase_before, speaker_after, speaker_before, tag_of,
)
from storyline.analyze.grammar.words import FINITE, is_konjunktiv_one, konjunktiv_shaped
from storyline.analyze.quotes.lexicon import is_konjunktiv, load_konjunktiv, load_speech_verbs, role_gender
from storyline.analyze.quotes.sources import EMERGES, emerging_source

OBLIQUE = {"dem", "den", "einem", "einen", "ihm", "ihr", "ihnen", "uns", "mir", "mich"}
OBJECT_WORDS = set("den dem einem einen ihm ihr ihnen uns mir mich dich sich".split())
SUBORDINATORS = {"dass", "ob", "wie", "warum", "wann", "wo", "weshalb", "wieso"}
FINAL = {".", "!", "?"}
PHRASE_LINKS = {"in", "im", "von", "vom", "aus", "bei", "beim", "für", "am", "zu", "zur", "zum", "und"}
INFINITIVE_WITH_ZU = re.compile(  # "einzuführen", "niederzulegen", "stattzugeben"
    r"(ab|an|auf|aus|bei|bereit|dar|durch|ein|fest|fort|frei|her|heraus|hin|hinaus|hinzu|los|mit|nach|nieder"
    r"|offen|statt|teil|um|vor|voran|weg|weiter|wieder|zurück|zusammen|zu)zu\w+en")
ADVERBIAL_CLAUSE_OPENERS = set("wenn falls nachdem obwohl weil sobald bevor während da als seit solange".split())
UNQUOTED_BREAKS = {",", ".", ":", ";", "!", "?", "–", "(", ")"}


def find_indirect(tokens: list[Token], quoted: list[tuple[int, int]]) -> list[Found]:
    """Reported speech in one sentence's tokens; `quoted` are the spans of quotation marks."""
    if tokens and tokens[0].lower != "so" and source_phrase_before(tokens, 0):
        found = _source_phrase(tokens, quoted)  # "Nach Angaben eines Mitarbeiters hätten …, und …"
        if found:
            return [found]
    for finder in (_postposed_cue, _wie_clause, _preposed_cue, _wonach, _source_phrase, _demnach, _reported_by_mood,
                   _statement_noun_clause):
        found = finder(tokens, quoted)
        if found:
            return _split_at_second_speaker(tokens, quoted, found) if finder is _preposed_cue else [found]
    return []


def _split_at_second_speaker(tokens: list[Token], quoted, found: Found) -> list[Found]:
    """"X sagte, Annabi sei tot, doch Sprecher Y erklärte, den Tod nicht bestätigen zu können":
    a coordinated main clause with a speech verb of its own ends the first message and reports
    the rest for its own speaker."""
    first = next((i for i, t in enumerate(tokens) if t.start >= found.start), None)
    if first is None:
        return [found]
    for i in range(first, len(tokens) - 3):
        if tokens[i].text != "," or tokens[i + 1].lower not in {"doch", "aber", "während", "und", "sondern"}:
            continue
        if not _outside(tokens[i], quoted) or tokens[i].start >= found.end:
            continue
        stop = _clause_end_unquoted(tokens, i + 2)
        verb = next((j for j in range(i + 2, stop) if is_speech_verb(tokens, j)), None)
        if verb is None:
            continue
        second = _preposed_cue(tokens[i + 2:], quoted)
        if second is None or second.start < tokens[verb].end:
            continue
        head = Found(found.start, tokens[i - 1].end, found.kind, found.cue, found.speaker, found.confidence)
        return [head, second]
    return [found]


def _outside(token: Token, quoted: list[tuple[int, int]]) -> bool:
    return not any(a <= token.start < b for a, b in quoted)


def _message(tokens: list[Token], first: int, last: int) -> tuple[int, int] | None:
    """Character span of tokens[first:last] without trailing sentence punctuation."""
    while last > first and tokens[last - 1].text in FINAL | {",", ":", "–"}:
        last -= 1
    return (tokens[first].start, tokens[last - 1].end) if last > first else None


def _postposed_cue(tokens: list[Token], quoted) -> Found | None:
    """"<message>, sagte X" and "<message>, so X": the message runs back to the sentence start."""
    for i in range(2, len(tokens)):
        if tokens[i - 1].text not in {",", "–"} or not _outside(tokens[i], quoted):  # "– so Canny –"
            continue
        is_so = tokens[i].lower == "so" and is_so_attribution(tokens, i)
        if is_so and _exemplified(tokens, _clause_start(tokens, i - 1), i - 1, quoted):
            continue
        passive = passive_quote(tokens, i)
        if not (is_so or passive or is_speech_verb(tokens, i)):
            continue
        speaker = speaker_after(tokens, i + 1)
        if is_so and speaker is None and i + 2 < len(tokens) and is_speech_verb(tokens, i + 1):
            speaker = speaker_after(tokens, i + 2)  # "…, so bestätigt das Gericht."
        message = _message(tokens, _clause_start(tokens, i - 1), i - 1)
        if message and _is_subject_with_clause(tokens, _clause_start(tokens, i - 1), i - 1):
            continue  # "Der Sender, der … zuständig ist, begründete …": subject, not message
        opener = tokens[_clause_start(tokens, i - 1)]
        if not is_so and (tag_of(opener) == "KOUS" or opener.lower in ADVERBIAL_CLAUSE_OPENERS):
            continue  # "Falls das Unternehmen Insolvenz anmelden muss, droht …": a condition, not a message
        if passive and message:  # ", wird Mike Downey, Manager bei Adobe, zitiert"
            return Found(*message, "indirect", char_span(tokens, (passive, passive + 1)),
                         char_span(tokens, speaker), 0.8)
        if speaker is None and not is_so and _closes_phrase(tokens, i - 1):
            continue  # "Petra Pau, forderte …": the comma closed an apposition, not a message
        message = _message(tokens, _clause_start(tokens, i - 1), i - 1)
        message = _extend_parenthetical(tokens, i, speaker, message)
        if message and not is_so and not _has_main_verb(tokens, _clause_start(tokens, i - 1), i - 1, quoted):
            continue  # "In seiner Rede, die … verlesen wurde, mahnte Harper …": no clause, no message
        if message:
            return Found(*message, "indirect", char_span(tokens, (i, i + 1)),
                         char_span(tokens, speaker), 0.85)
    return None


QUANTIFIERS = frozenset("mehrere weitere viele zahlreiche einige andere verschiedene manche".split())
PAST_AUXILIARIES = frozenset("war waren wurde wurden hatte hatten".split())


def _exemplified(tokens: list[Token], first: int, stop: int, quoted) -> bool:
    """"Auch weitere Staatschefs gratulierten, so der italienische Ministerpräsident, …", "Er
    veranstaltete mehrere Vorstellungen, so eine zum Vorteile der Tiroler": after an indicative
    clause about several of something, "so" names an example ("for instance"), not a source."""
    clause = tokens[first:stop]
    past = any(t.text.islower() and (t.lower.endswith(("te", "ten")) or t.lower in PAST_AUXILIARIES)
               and (tag_of(t) in FINITE or (k and tag_of(t) == "ADJA" and tag_of(clause[k - 1]) in {"NN", "NE"}))
               for k, t in enumerate(clause))  # narration ("Staatschefs gratulierten", read as ADJA after a noun);
    # "Viele sind betroffen, so der Minister" reports
    return past and any(t.lower in QUANTIFIERS for t in clause) and not has_konjunktiv(clause, quoted)


def _has_main_verb(tokens: list[Token], first: int, stop: int, quoted) -> bool:
    """tokens[first:stop] hold a finite verb (by its tag, or a listed Konjunktiv form) outside a
    relative clause and outside quotation marks — a stretch a cue can report. "Der frühere
    Bürgermeister, Henning Scherf (SPD)" and "In einem Referendum, das … stattfand" hold none: the
    comma before the verb closed an apposition or a relative clause, not a message."""
    relative = False
    for k in range(first, stop):
        token = tokens[k]
        if token.text == ",":
            nxt = tokens[k + 1] if k + 1 < stop else None
            after = tokens[k + 2] if k + 2 < stop else None
            relative = nxt is not None and (nxt.lower in RELATIVE_OPENERS or (
                tag_of(nxt) in {"APPR", "APPRART"} and after is not None and after.lower in RELATIVE_OPENERS))
            continue
        if relative or not _outside(token, quoted) or not token.text.islower():
            continue
        if tag_of(token) in FINITE or is_konjunktiv(token.lower):
            return True
    return False


def _is_subject_with_clause(tokens: list[Token], start: int, comma: int) -> bool:
    """The stretch before the cue is a noun phrase plus a relative clause or apposition."""
    first = next((k for k in range(start, comma) if tokens[k].text == ","), None)
    return first is not None and first > start and read_noun_phrase(tokens, start) == first


def passive_quote(tokens: list[Token], i: int) -> int | None:
    """Index of "zitiert" in ", wird X … zitiert" (X is quoted), else None."""
    if tokens[i].lower not in {"wird", "wurde"}:
        return None
    return next((k for k in range(i + 2, len(tokens)) if tokens[k].lower == "zitiert"), None)


def _closes_phrase(tokens: list[Token], comma: int) -> bool:
    """The comma ends a relative clause or an apposition: the stretch since the previous comma
    opens with a relative pronoun, or holds only names and noun phrases."""
    start = comma
    while start > 0 and tokens[start - 1].text != ",":
        start -= 1
    stretch = tokens[start:comma]
    if start > 0 and stretch and stretch[0].lower in {"der", "die", "das", "welcher", "welche", "dem", "den"}:
        return True
    links = DETERMINERS | PHRASE_LINKS
    return all(t.capitalised or t.lower in links or t.text.islower() and t.text.endswith(("e", "en"))
               for t in stretch if t.text.isalpha())


def is_so_attribution(tokens: list[Token], i: int) -> bool:
    """", so Putin." / ", so hieß es" — "so" followed by a speaker or a speech verb."""
    nxt = i + 1
    if nxt < len(tokens) and is_speech_verb(tokens, nxt):
        return True
    end = nxt + 1 if nxt < len(tokens) and tokens[nxt].lower in DEMONSTRATIVES else read_noun_phrase(tokens, nxt)
    while end > nxt and end < len(tokens):
        if tokens[end].lower in {"weiter", "wörtlich", "abschließend"} or tag_of(tokens[end]) in {"ADV", "ADJD"}:
            end += 1  # ", so Guttenberg wörtlich", ", so Elshorst weiter: …"
        elif tag_of(tokens[end]) in {"APPR", "APPRART"} and read_noun_phrase(tokens, end + 1) > end + 1:
            end = read_noun_phrase(tokens, end + 1)  # ", so Nasrallah im libanesischen Fernsehen."
        else:
            break
    if end > nxt and (end >= len(tokens) or tokens[end].text in FINAL | {",", ":", "laut", "gegenüber"}):
        return True
    # ", so das Ergebnis einer Studie mit dem Titel „…“ der Stiftung Warentest.": a phrase with an
    # article and no finite verb up to the sentence end names the source, however long it is
    return (end > nxt and tokens[nxt].lower in DETERMINERS and tokens[-1].text in FINAL
            and not any(tag_of(t) in FINITE for t in tokens[nxt:]))


def _clause_start(tokens: list[Token], before: int) -> int:
    """Start of the message ending at `before`: after a colon, else the sentence start."""
    for j in range(before - 1, -1, -1):
        if tokens[j].text == ":":
            return j + 1
    return 0


def _extend_parenthetical(tokens, i, speaker, message):
    """"Kim, so hieß es, werde …": a cue set off by commas inside the message."""
    stop = clause_end(tokens, (speaker[1] if speaker else i + 1))
    if message and stop < len(tokens) - 2 and tokens[stop].text == ",":
        rest = _message(tokens, stop + 1, len(tokens))
        if rest and (any(is_konjunktiv(t.lower) for t in tokens[stop + 1:])
                     or _split_clause(tokens, _clause_start(tokens, i - 1), i - 1, stop + 1)):
            return message[0], rest[1]
    return message


def _split_clause(tokens: list[Token], first: int, aside: int, after: int) -> bool:
    """The aside cuts one clause in two: the part before ends with its finite verb ("Er werde,
    sagte er, seine Kraft dem Amt widmen", "Die Familie war, wie er sagte, eine der bekanntesten"),
    or has none and the part after goes on with it ("In zehn Jahren, so schätzen die Forscher, soll
    …"; not a relative clause: "„Gewalt gegen Kinder“, so lautet der Titel einer Studie, die …")."""
    def finite(token: Token) -> bool:
        return token.text.islower() and tag_of(token) in FINITE
    end = next((j for j in range(after, len(tokens)) if tokens[j].text in FINAL | {";", ":"}), len(tokens))
    if aside <= first or end <= after:
        return False
    if finite(tokens[aside - 1]):
        return True
    return (not any(finite(t) for t in tokens[first:aside]) and any(finite(t) for t in tokens[after:end])
            and tokens[after].lower not in RELATIVE_OPENERS)


def _preposed_cue(tokens: list[Token], quoted) -> Found | None:
    """"Peskow bestätigte, Kim sei …" / "Putin sagte …: …": a reported clause after the cue;
    up to two commas of an apposition ("gab der Leiter, Andreas Huber, bekannt, dass") are skipped."""
    for i, token in enumerate(tokens):
        if not _outside(token, quoted) or not is_speech_verb(tokens, i) or _in_passive_relative(tokens, i):
            continue
        k = _reported_clause(tokens, i, quoted)
        if k is None:
            continue
        message = _message(tokens, k + 1, len(tokens))
        speaker = _rejected_claim(tokens, i, k) or _subject_before(tokens, i) or _bounded(_subject_after(tokens, i + 1), k)
        if tokens[k + 1].lower == "ob" and _open_question(tokens, k, speaker):
            continue  # "Es stellt sich die Frage, ob …": a question nobody asks
        if message:
            return Found(*message, "indirect", char_span(tokens, (i, i + 1)),
                         char_span(tokens, speaker), 0.8)
    return None


REJECTING = frozenset({"zurückweisen", "bestreiten", "dementieren", "widersprechen", "bezweifeln", "kritisieren"})
CLAIM_NOUNS = ("behauptung", "darstellung", "meldung", "bericht", "vorwurf", "vorwürfe", "gerücht", "spekulation",
               "aussage", "angabe", "vermutung", "annahme", "befürchtung", "version", "einschätzung", "these")


def _rejected_claim(tokens: list[Token], verb: int, comma: int) -> tuple[int, int] | None:
    """"X wies die Darstellung zurück, die Ausländer seien gezwungen worden", "wandte sich gegen
    die Behauptung, …": the clause after a claim noun that the subject rejects is the claim's
    content, not the subject's words; the claim (the noun phrase) is the source."""
    if not any(v.lemma in REJECTING for v in load_speech_verbs().get(tokens[verb].lower, ())) and not any(
            t.lower == "gegen" for t in tokens[verb + 1:comma]):
        return None
    head = next((k for k in range(comma - 1, verb, -1) if tokens[k].capitalised), None)
    if head is None or any(t.text in UNQUOTED_BREAKS for t in tokens[head:comma]):
        return None
    stem = tokens[head].lower.rstrip("ns")
    if not (stem.endswith(CLAIM_NOUNS) or tokens[head].lower.endswith(CLAIM_NOUNS)):
        return None
    start = head
    while start - 1 > verb and (tokens[start - 1].lower in DETERMINERS or _is_attribute(tokens[start - 1])):
        start -= 1
    return (start, head + 1) if start < head or tokens[head].lower.endswith(("en", "e")) else (head, head + 1)


def _is_attribute(token: Token) -> bool:
    return tag_of(token) in {"ADJA", "PPOSAT", "PDAT", "PIAT"}


def _in_passive_relative(tokens: list[Token], i: int) -> bool:
    """"In der Resolution, die vom Sicherheitsrat angenommen wurde, heißt es, …": a participle
    closing a passive relative clause describes the noun before it and reports nothing."""
    begin = _clause_begin(tokens, i)
    return (0 < begin and tokens[begin].lower in RELATIVE_OPENERS and tokens[begin - 1].text == ","
            and i + 1 < len(tokens) and tokens[i + 1].lower in {"wurde", "wurden", "wird", "werden", "worden"})


def _reported_clause(tokens: list[Token], i: int, quoted) -> int | None:
    """Index of the comma or colon after which the reported clause starts, else None; quotation
    marks do not end the clause ("sagte der „Berliner Zeitung“, dass …")."""
    k = i
    for _ in range(3):
        previous, k = k, _clause_end_unquoted(tokens, k + 1)
        if k >= len(tokens) - 1 or tokens[k].text not in {",", ":"}:
            return None
        if previous > i and any(is_speech_verb(tokens, j) for j in range(previous + 1, k)):
            return None  # "bestritt dies, indem er sagte, …": the nearer verb reports the clause
        if tokens[k].text == ":" and tokens[k + 1].text in {"„", "»", '"'}:
            return None  # "lobt sein Team: „…“ wird er zitiert": a direct quote follows, with a frame of its own
        after_noun = not _directive(tokens, i) and _object_noun(tokens, i, k)
        if tokens[k].text == ":" or _looks_reported(tokens, k + 1, quoted, after_noun=after_noun):
            return k
    return None


# Verbs of request and instruction: their object is the one addressed ("bat die Bevölkerung, den
# Bereich zu meiden", "empfahl den Ländern, …"), and the zu-infinitive after it is what was asked.
DIRECTIVES = frozenset({"auffordern", "aufrufen", "bitten", "ersuchen", "anweisen", "empfehlen", "raten",
                        "mahnen", "ermahnen", "appellieren", "fordern", "warnen"})


def _directive(tokens: list[Token], i: int) -> bool:
    return any(v.lemma in DIRECTIVES for v in load_speech_verbs().get(tokens[i].lower, ()))


def _subject_before(tokens: list[Token], i: int):
    """The subject before the verb ("Der NDR, der …, begründete die Einblendungen damit, dass"),
    unless the clause opens with a dative or accusative ("Dem Spiegel sagte er")."""
    begin = _clause_begin(tokens, i)
    if begin and tokens[begin - 1].text in {"“", "”", "«"}:  # "Die Zeitung „Die Zeit“ meldet"
        begin = _clause_begin(tokens, begin - 1)
        if begin and tokens[begin - 1].text in {"“", "”", "«"}:
            begin = _clause_begin(tokens, begin - 1)
    found = speaker_before(tokens, begin, i)
    if found and tokens[found[0]].lower in OBLIQUE:
        return None
    return found


def _subject_after(tokens: list[Token], i: int):
    """The subject after the verb ("Sinngemäß hofft Musk, dass"), not a dative or accusative
    object ("sagte den Journalisten")."""
    found = speaker_after(tokens, i)
    if found and tokens[found[0]].lower in OBJECT_WORDS:
        return None
    return found


def _clause_begin(tokens: list[Token], i: int) -> int:
    j = i
    while j > 0 and tokens[j - 1].text not in {",", ":", ";", "“", "»", "”"}:
        j -= 1
    return j


def _bounded(token_range, limit: int):
    return token_range if token_range and token_range[1] <= limit else None


def _clause_end_unquoted(tokens: list[Token], i: int) -> int:
    while i < len(tokens) and tokens[i].text not in UNQUOTED_BREAKS:
        i += 1
    return i


def _looks_reported(tokens: list[Token], first: int, quoted, after_noun: bool = False) -> bool:
    """A reported clause: "dass"/"ob", a Konjunktiv verb in its first clause (a quoted phrase
    inside it does not end it: "Er sagte, „No-Go-Areas“ dürfe es nicht geben"), or an
    infinitive with "zu" ("schlägt vor, die Maut nur für den Transit zu erheben") — unless the
    infinitive follows a noun: "kritisieren die Entscheidung von X, die Fusion zu erlauben" says
    what the decision is, not what the critics said."""
    if tokens[first].lower in {"dass", "ob"}:
        return True
    stop = _clause_end_unquoted(tokens, first)
    return has_konjunktiv(tokens[first:stop], quoted) or (not after_noun and _ends_in_infinitive(tokens, first, stop))


def _object_noun(tokens: list[Token], verb: int, comma: int) -> bool:
    """The comma closes the verb's object, a noun phrase right after the verb that ends in a noun
    or name by its tag ("Wettbewerbshüter kritisieren die Entscheidung von Minister Gabriel,"):
    an infinitive after it describes that noun. Not when the subject stands after the verb
    ("forderte die Resolution, … zu sammeln": the phrase is the subject) or a preposition opens
    the phrase ("appellierte an die Lehrkräfte, … zu bestehen")."""
    if comma < 1 or tag_of(tokens[comma - 1]) not in {"NN", "NE"} or verb + 1 >= comma:
        return False
    return read_noun_phrase(tokens, verb + 1) == comma and _subject_before(tokens, verb) is not None


def _ends_in_infinitive(tokens: list[Token], first: int, stop: int) -> bool:
    """"… zu gründen", "… abzuschaffen": a zu-infinitive closing the clause, not one of purpose
    ("um … zu helfen") and not a noun phrase ("zu den Opfern")."""
    if stop - first < 2 or tokens[first].lower in {"um", "ohne", "statt", "anstatt"}:
        return False
    last = tokens[stop - 1].text
    if not (last.islower() and last.isalpha() and last.endswith("n")):
        return False
    return tokens[stop - 2].lower == "zu" or bool(INFINITIVE_WITH_ZU.fullmatch(last))


def has_konjunktiv(tokens: list[Token], quoted, morphology: bool = True) -> bool:
    """A lowercase Konjunktiv I or II form outside quotation marks: a listed form, else (with
    `morphology`) a finite verb, by its tag, whose form is Konjunktiv I (grammar.words). The list
    is asked first: a tag costs a tagger run over the sentence."""
    words = [(j, t) for j, t in enumerate(tokens) if t.text.islower() and _outside(t, quoted)]
    for j, token in words:
        previous = tokens[j - 1].text if j else None
        following = tokens[j + 1].text if j + 1 < len(tokens) else None
        if is_konjunktiv(token.text, previous, following):
            return True
    for j, token in words if morphology else ():
        previous = tokens[j - 1].text if j else None
        following = tokens[j + 1].text if j + 1 < len(tokens) else None
        if konjunktiv_shaped(token.text) and is_konjunktiv_one(token.text, tag_of(token), previous, following):
            return True
    return False


def _wie_clause(tokens: list[Token], quoted) -> Found | None:
    """"Wie Peskow mitteilte, ist …" and "…, wie Peskow sagte."""
    for i, token in enumerate(tokens):
        if token.lower != "wie" or (i and tokens[i - 1].text != ","):
            continue
        k = _wie_verb_end(tokens, i)
        if k is None:
            continue
        speaker = (emerging_source(tokens, i + 1, k - 1) if tokens[k - 1].lower in EMERGES
                   else _bounded(speaker_after(tokens, i + 1), k - 1))
        message = _message(tokens, k + 1, len(tokens)) if i == 0 else _message(tokens, 0, i)
        if message and i and k < len(tokens) - 2 and tokens[k].text == "," and _split_clause(tokens, 0, i - 1, k + 1):
            rest = _message(tokens, k + 1, len(tokens))  # "Er will, wie Bram sagt, nichts hineintragen"
            message = (message[0], rest[1]) if rest else message
        if message:
            return Found(*message, "indirect", char_span(tokens, (k - 1, k)),
                         char_span(tokens, speaker), 0.8)
    return None


def _wie_verb_end(tokens: list[Token], i: int) -> int | None:
    """End of the "wie" clause whose last word is a speech verb; an apposition set off by commas
    may come first ("Wie die Premierministerin, Anna Bligh, erklärte, …")."""
    if i + 1 < len(tokens) and tokens[i + 1].lower == "aus":  # "Wie aus einer Verlautbarung (ISAF) hervorgeht, …"
        return next((j + 1 for j in range(i + 3, len(tokens) - 1)
                     if tokens[j].lower in EMERGES and tokens[j + 1].text == ","), None)
    k = i
    for _ in range(3):
        k = _clause_end_unquoted(tokens, k + 1)
        if k - 1 > i + 1 and is_speech_verb(tokens, k - 1):
            return k
        if k >= len(tokens) or tokens[k].text != ",":
            return None
    return None


def _wonach(tokens: list[Token], quoted) -> Found | None:
    """"…, wonach die Maus verantwortlich sein soll": the claim after "wonach"."""
    for i, token in enumerate(tokens[1:-1], start=1):
        if token.lower == "wonach" and tokens[i - 1].text == "," and _outside(token, quoted):
            message = _message(tokens, i + 1, len(tokens))
            source = _phrase_ending_at(tokens, i - 1)
            return Found(*message, "indirect", char_span(tokens, (i, i + 1)),
                         char_span(tokens, source), 0.7) if message else None
    return None


def _phrase_ending_at(tokens: list[Token], comma: int) -> tuple[int, int] | None:
    """"Pressemeldungen der New York Times, wonach …", "eine Schätzung, wonach …": the noun
    phrase right before the comma is the source of the claim."""
    for start in range(max(0, comma - 8), comma):
        if tokens[start].lower in DETERMINERS or tokens[start].capitalised:
            if read_noun_phrase(tokens, start) == comma:
                return _before_attachment(tokens, start, comma)
    return None


def _before_attachment(tokens: list[Token], start: int, end: int) -> tuple[int, int]:
    """"den UN-Sanktionen gegen Nordkorea, wonach …": a phrase after a preposition (by its tag)
    hangs on the noun before it, which is the source; the phrase keeps the attachment."""
    if start >= 2 and tag_of(tokens[start - 1]) == "APPR" and tokens[start - 2].capitalised:
        for head in range(max(0, start - 8), start - 1):
            if read_noun_phrase(tokens, head) == start - 1:
                return head, end
    return start, end


def _source_phrase(tokens: list[Token], quoted) -> Found | None:
    """"Laut Peskow ist …", "Nach Angaben der Polizei …", "Dem Kreml zufolge …"."""
    for i, token in enumerate(tokens):
        if not _outside(token, quoted):
            continue
        size = source_phrase_before(tokens, i)
        if size and any(t.lower in {"anderen", "anderer"} for t in tokens[i:i + size]):
            continue  # "eine Reichweite von 100, nach anderen Angaben 110 Kilometern": a second figure
        if size and token.lower != "so" and is_source_noun(tokens[i + size - 1]):
            return _whole_sentence(tokens, (i, i + 1), _source_of_noun(tokens, i, size))
        if size and token.lower != "so":
            end = read_noun_phrase(tokens, i + size)
            if end > i + size:
                return _whole_sentence(tokens, (i, i + size), (i + size, end))
            if token.lower == "nach":  # "Nach ersten Informationen": the phrase is the source
                return _whole_sentence(tokens, (i, i + 1), (i + 1, i + size))
        if source_phrase_after(tokens, i) and i > 0:
            start = _phrase_before(tokens, i)
            if start is not None:
                return _whole_sentence(tokens, (i, i + 1), (start, i))
    return None


source_phrase = _source_phrase  # for partial quotes in a sentence without a speech verb


def _source_of_noun(tokens: list[Token], i: int, size: int) -> tuple[int, int]:
    """"nach Polizeiangaben": the phrase is the source; "nach ersten Angaben der Polizei": the
    genitive after it is, whatever its determiner ("nach Angaben seines Ministeriums", "dieses
    Experten": a possessive or demonstrative in a genitive form, by its tag)."""
    end = i + size
    if end < len(tokens) and _genitive_determiner(tokens[end]):
        stop = read_noun_phrase(tokens, end)
        if stop > end + 1:
            return end, stop
    return i + 1, end


GENITIVE_DETERMINER_TAGS = frozenset({"ART", "PPOSAT", "PDAT", "PIAT"})


def _genitive_determiner(token: Token) -> bool:
    """"des", "einer", "seines", "ihrer", "dieses": a determiner in a form the genitive takes (the
    dative "seinem" or accusative "seinen" cannot follow the noun as its attribute)."""
    if token.lower in {"der", "des", "eines", "einer"}:
        return True
    return tag_of(token) in GENITIVE_DETERMINER_TAGS and token.lower.endswith(("es", "er"))


def _phrase_before(tokens: list[Token], i: int) -> int | None:
    """Start of the noun phrase that ends right before "zufolge", also in mid-sentence ("Es
    handele sich ersten Angaben zufolge um …"): the longest phrase of up to six tokens."""
    begin = _clause_begin(tokens, i)
    for start in range(max(begin, i - 6), i):
        if read_noun_phrase(tokens, start) >= i - (tokens[i].lower == "nach"):
            return start
    return None


def _whole_sentence(tokens, cue, speaker) -> Found | None:
    """The message a source phrase reports (`_source_clause`), with the phrase as cue and speaker;
    a question ("Welche Vorschläge sind Ihrer Meinung nach …?") reports nothing."""
    if _ends_in_question(tokens, max(cue[1], speaker[1])):
        return None
    message = _source_clause(tokens, min(cue[0], speaker[0]), max(cue[1], speaker[1]))
    if not message:
        return None
    return Found(*message, "indirect", char_span(tokens, cue), char_span(tokens, speaker), 0.75)


def _ends_in_question(tokens: list[Token], i: int) -> bool:
    """The sentence part from i on ends in "?" (a full stop before a lowercase word ends an
    abbreviation, "bzw.", not the sentence)."""
    for k in range(i, len(tokens)):
        if tokens[k].text == "?":
            return True
        if tokens[k].text in FINAL and (k + 1 == len(tokens) or not tokens[k + 1].text.islower()):
            return False
    return False


CLAUSE_OPENERS = {"da", "weil", "dass", "zumal", "obwohl", "nachdem", "während", "wobei", "sodass", "wenn", "falls",
                  "ob", "bis", "als", "wie", "wo", "womit", "wodurch"}


def _source_clause(tokens: list[Token], first: int, last: int) -> tuple[int, int] | None:
    """What a source phrase at tokens[first:last] reports: its own clause. "Der Hund, der laut
    Polizei zugebissen habe, ist …": the relative clause; "…, da nach Angaben der Fluggesellschaft
    die Genehmigung zu spät beantragt worden war": the da-clause; a main clause of its own after a
    comma ("…, lediglich der Hafen wurde nach Angaben der Behörde freigegeben"): from there on. A
    phrase that opens its clause is not part of the message ("Laut Peskow ist …" -> "ist …"),
    nor is an apposition after it ("Nach Aussage von X, einem früheren Minister, wurde …")."""
    left = next((k for k in range(first - 1, -1, -1) if tokens[k].text in FINAL | {",", ":", ";", "–"}), -1)
    opener = left + 1
    while opener < first and tokens[opener].lower in {"und", "aber", "doch", "denn", "sondern", "oder"}:
        opener += 1
    verb_end = _after_finite(tokens, last)
    if opener == first and (left < 0 or verb_end is not None):  # "Laut Peskow ist …", "…, laut X sei …"
        return _message(tokens, _after_apposition(tokens, last), len(tokens))
    if left < 0:
        return _message(tokens, 0, len(tokens))
    word = tokens[opener]
    relative = word.lower in RELATIVE_OPENERS or (
        tag_of(word) in {"APPR", "APPRART"} and opener + 1 < first and tokens[opener + 1].lower in RELATIVE_OPENERS)
    if (relative or word.lower in CLAUSE_OPENERS) and verb_end is not None:  # "die nach dessen Angaben …"
        stop = verb_end
        while stop + 1 < len(tokens) and tokens[stop].text == "," and tokens[stop + 1].lower in CLAUSE_OPENERS:
            stop = _after_finite(tokens, stop + 2) or len(tokens)  # "…, die laut X nur zulässig ist, wenn …"
        return _message(tokens, opener, stop)
    stop = _clause_end_unquoted(tokens, last)
    if tag_of(word) not in FINITE and any(tag_of(t) in FINITE for t in tokens[opener:stop]):
        return _message(tokens, opener, len(tokens))  # a main clause of its own: subject, then verb
    return _message(tokens, 0, len(tokens))


def _after_finite(tokens: list[Token], i: int) -> int | None:
    """Index of the first clause break after the first finite verb (by its tag) from i on — the
    end of a verb-final clause, whose commas before the verb only list things ("der Planung,
    Finanzierung und Unterstützung … diene") — or len(tokens); None when no finite verb follows
    before a full stop."""
    for k in range(i, len(tokens)):
        if tokens[k].text in FINAL | {";"}:
            return None
        if tag_of(tokens[k]) in FINITE:
            return _clause_end_unquoted(tokens, k + 1)
    return None


def _after_apposition(tokens: list[Token], last: int) -> int:
    """Where the message starts after a sentence-opening source phrase ending at `last`: right
    there, or after an apposition set off by commas, at the finite verb that follows one."""
    if last >= len(tokens) or tokens[last].text != ",":
        return last
    for k in range(last, min(len(tokens) - 1, last + 40)):
        if tokens[k].text == "," and tag_of(tokens[k + 1]) in FINITE:
            return k + 1
    return last


def continues_reported(tokens: list[Token], quoted) -> bool:
    """A sentence whose own verb is Konjunktiv I (not inside quotation marks)."""
    first_forms, _ = load_konjunktiv()
    words = [(j, t) for j, t in enumerate(tokens) if _outside(t, quoted) and t.text.islower()
             and not _in_dependent_clause(tokens, j)]
    if any(t.text in first_forms and (j == 0 or tokens[j - 1].lower != "ich") for j, t in words):
        return True
    for j, token in words:  # then a verb not on the list, by its tag and form (a tagger run)
        previous = tokens[j - 1].text if j else None
        following = tokens[j + 1].text if j + 1 < len(tokens) else None
        if konjunktiv_shaped(token.text) and is_konjunktiv_one(token.text, tag_of(token), previous, following):
            return True
    return False


DEPENDENT_OPENERS = frozenset("ob dass damit weil wenn falls obwohl nachdem sodass".split())


def _in_dependent_clause(tokens: list[Token], j: int) -> bool:
    """"Auch X will „…“ prüfen, ob ein Verbot angestrebt werden solle": a Konjunktiv inside an
    ob- or dass-clause after a main clause belongs to that clause, not to the sentence."""
    k = j
    while k > 0 and tokens[k - 1].text not in {",", ";", ":", "–"}:
        k -= 1
    return k > 0 and tokens[k].lower in DEPENDENT_OPENERS


def _demnach(tokens: list[Token], quoted) -> Found | None:
    """"Demnach hat sich die Koalition durchgesetzt": the sentence reports the source named
    before (a result, a statement); the source itself is in the sentence before."""
    at = next((i for i, t in enumerate(tokens) if t.lower == "demnach" and _outside(t, quoted)), None)
    if len(tokens) > 3 and at is not None:  # also mid-sentence: "Die Rolle der Fed soll demnach …"
        message = _message(tokens, 0, len(tokens))
        return Found(*message, "indirect", char_span(tokens, (at, at + 1)), None, 0.6) if message else None
    return None


# Predicates of an open question: the clause they govern is what nobody knows, not what somebody says.
OPEN_QUESTION = frozenset("unklar fraglich ungewiss unbekannt ungeklärt".split())


def _reported_by_mood(tokens: list[Token], quoted) -> Found | None:
    """"Die Experten kamen zu dem Ergebnis, dass es keine Beweise gäbe", "Einige vertreten die
    Auffassung, die Welt befände sich …": a main clause with a subject and a finite verb (by its
    tag), then at its first comma a clause in Konjunktiv, after "dass"/"ob" or with the verb in
    second position. The mood reports the words, whatever noun or adjective carries the saying."""
    if not tokens or tokens[0].lower in SUBORDINATORS | {"wenn", "als", "weil", "obwohl", "nachdem", "da"}:
        return None
    k = _first_break_outside_brackets(tokens)
    if k is None or k < 2 or tokens[k].text != "," or k + 3 >= len(tokens) or not _outside(tokens[k], quoted):
        return None
    stop = _clause_end_unquoted(tokens, k + 1)
    clause = tokens[k + 1:stop]
    if not clause:
        return None  # "Er meinte, – wie immer –": a second break right after the comma, no clause
    if any(t.lower in OPEN_QUESTION and _outside(t, quoted) for t in tokens[:k]):
        return None  # "… ist noch unklar, ob das Unternehmen zugeht": an open question, nobody's words
    if clause[0].lower == "ob" and _open_question(tokens, k, clause_subject(tokens, 0, k)):
        return None  # "Es stellt sich die Frage, ob …", "Offen bleibt, ob …": nobody asks
    if clause[0].lower == "dass":
        reported = has_konjunktiv(clause, quoted) or _personal_subject_before(tokens, k)
    elif clause[0].lower == "ob":  # "X fragte, ob …" is the speech verbs' rule; here only the mood tells
        reported = has_konjunktiv(clause, quoted)
    else:
        first_forms = load_konjunktiv()[0]  # Konjunktiv I only: "hätten"/"würde" also open conditions
        reported = len(clause) >= 3 and any(t.text in first_forms for t in clause[:4] if _outside(t, quoted))
    if not reported:
        return None
    verbs = [i for i in range(k) if tag_of(tokens[i]) in FINITE]  # tags asked last: they cost a tagger run
    if not verbs or tag_of(tokens[0]) in {"KOUS", "PWAV", "PRELS", "PWS", "PWAT"}:
        return None
    if has_konjunktiv(tokens[verbs[0]:verbs[0] + 1], quoted):
        return None  # "Zwar sei politischer Druck notwendig, das habe aber …": the main clause is itself reported
    subject = clause_subject(tokens, 0, k)
    if subject is None or tokens[subject[0]].lower in {"es", "man"}:
        return None
    message = _message(tokens, k + 1, len(tokens))
    if not message:
        return None
    subject = _rejected_claim(tokens, verbs[0], k) or _source_of_saying(tokens, verbs[0], k) or subject
    return Found(*message, "indirect", char_span(tokens, (verbs[0], verbs[0] + 1)), char_span(tokens, subject), 0.6)


QUESTION_NOUNS = frozenset({"frage", "fragen"})


def _open_question(tokens: list[Token], comma: int, subject: tuple[int, int] | None) -> bool:
    """The main clause before an ob-clause calls it an open question: its subject is a bare
    "Frage" ("Es stellt sich die Frage", "Bleibt die Frage"; not "die Frage des Abgeordneten", and
    not when someone asks: "Der Abgeordnete stellte die Frage") or its predicate is "offen"
    ("Offen bleibt", "Es ist noch offen") — "offen" alone is also a stance ("zeigte sich offen,
    …"), so only before "ob"."""
    if any(t.lower == "offen" for t in tokens[:comma]):
        return True
    if subject is not None and tokens[subject[0]].lower not in {"es", "das", "dies"}:
        words = range(subject[0], subject[1])
    else:
        words = range(comma)
    return any(tokens[j].lower in QUESTION_NOUNS and tokens[j].capitalised and _noun_source(tokens, j, comma) is None
               for j in words)


def _source_of_saying(tokens: list[Token], verb: int, comma: int) -> tuple[int, int] | None:
    """"Der Sender verbreitete eine Meldung des Ministeriums, die Brücke bleibe gesperrt": the
    source named after the noun of saying the clause depends on, not the one who passed it on."""
    noun = next((j for j in range(comma - 1, verb, -1) if _noun_kind(tokens[j])), None)
    return _noun_source(tokens, noun, comma) if noun is not None else None


def _personal_subject_before(tokens: list[Token], k: int) -> bool:
    """"Die Wissenschaftler fanden heraus, dass …", "Ramelow zeigte sich optimistisch, dass …":
    a person (a name, a role noun, a personal pronoun) as the subject of the main clause makes a
    dass-clause after it what that person holds or says, whatever the verb."""
    named = getattr(TAGS.get(), "named", ())  # names the entity stage found: asked before the tags, which cost a tagger run
    if not any(t.lower in {"er", "sie", "wir", "ich"} or (t.capitalised and (t.start in named or role_gender(t.text)))
               for t in tokens[:k]):
        return False
    subject = clause_subject(tokens, 0, k)
    if subject is None:
        return False
    words = tokens[subject[0]:subject[1]]
    if len(words) == 1 and words[0].lower in {"er", "sie", "wir", "ich"}:
        return True
    return any(t.capitalised and (tag_of(t) == "NE" or role_gender(t.text)) for t in words)


def _first_break_outside_brackets(tokens: list[Token]) -> int | None:
    """Index of the first clause break that is not inside brackets ("Die DSW (…) ist der Ansicht, …")."""
    depth = 0
    for i, token in enumerate(tokens):
        if token.text == "(":
            depth += 1
        elif token.text == ")":
            depth = max(0, depth - 1)
        elif depth == 0 and token.text in UNQUOTED_BREAKS:
            return i
    return None


# Nouns of saying, writing and asking whose content clause is reported speech ("die Nachricht, dass
# …", "die Erklärung, es werde …", "die Anfrage, ob …", "die Weisung, … zu …"); thought nouns
# (Meinung, Hoffnung) are left out, and so are "Frage" ("Es stellt sich die Frage, ob …": nobody
# asks) and compounds ("Anforderung", "Postanweisung" are no saying).
STATEMENT_NOUNS = ("nachricht", "meldung", "mitteilung", "erklärung", "aussage", "behauptung", "versicherung",
                   "zusicherung", "ankündigung", "gerücht", "bericht", "hinweis", "angabe", "einschätzung",
                   "begründung", "verdacht", "vorwurf", "antwort", "drohung", "warnung", "anfrage")
REQUEST_NOUNS = ("forderung", "aufforderung", "bitte", "appell", "befehl", "weisung", "anweisung", "auftrag",
                 "vorschlag", "empfehlung", "einladung", "angebot", "versprechen", "zusage", "aufruf", "gesuch")
QUESTION_WORDS = frozenset("ob wie wann warum was wer wo welche welcher welches weshalb wieso".split())


NOUNS_OF_SAYING = {form: kind for kind, nouns in (("statement", STATEMENT_NOUNS), ("request", REQUEST_NOUNS))
                   for noun in nouns for form in (noun, noun + "n", noun + "en", noun + "s", noun + "es", noun + "e")}


def _noun_kind(token: Token) -> str | None:
    """"statement" or "request" for a noun of saying (by its inflected form), else None."""
    return NOUNS_OF_SAYING.get(token.lower) if token.capitalised else None


def _statement_noun_clause(tokens: list[Token], quoted) -> Found | None:
    """"So eben verbreitet sich die Nachricht, dass …", "Auch der Verdacht, er sei infiziert worden,
    bestätigte sich nicht", "erhielt die Weisung, dem Führer … anzuzeigen": a noun of saying, its
    attributes (a genitive, "von X"), a comma, then its content clause — "dass"/"ob", a clause in
    Konjunktiv I, a question word after a question noun, or a zu-infinitive after a request noun.
    The content clause runs until the main clause goes on (a comma and a finite verb). The genitive
    or "von" phrase after the noun names the source."""
    for i, token in enumerate(tokens):
        kind = _noun_kind(token)
        if kind is None or not _outside(token, quoted):
            continue
        comma = next((k for k in range(i + 1, min(i + 10, len(tokens))) if tokens[k].text in UNQUOTED_BREAKS), None)
        if comma is None or tokens[comma].text != "," or comma + 2 >= len(tokens) or not _outside(tokens[comma], quoted):
            continue
        first = tokens[comma + 1]
        clause = tokens[comma + 1:_clause_end_unquoted(tokens, comma + 1)]
        if first.lower in {"dass", "ob"}:
            reported = True
        elif first.lower in QUESTION_WORDS:
            reported = token.lower.startswith("anfrage")
        elif kind == "request" and _ends_in_infinitive(tokens, comma + 1, _clause_end_unquoted(tokens, comma + 1)):
            reported = True
        else:
            first_forms = load_konjunktiv()[0]
            reported = len(clause) >= 3 and any(t.text in first_forms for t in clause[:4] if _outside(t, quoted))
        if not reported or tag_of(token) != "NN":  # tags asked last: they cost a tagger run
            continue
        if any(tag_of(t) in FINITE for t in tokens[i + 1:comma]):
            continue  # "Die Nachricht kam spät, …": the noun's clause has its own verb
        message = _message(tokens, comma + 1, _content_end(tokens, comma + 1))
        if not message:
            continue
        speaker = _noun_source(tokens, i, comma) or _personal_subject(tokens, i)
        return Found(*message, "indirect", char_span(tokens, (i, i + 1)), char_span(tokens, speaker), 0.6)
    return None


def _content_end(tokens: list[Token], first: int) -> int:
    """End of a content clause: the sentence end, or a comma followed by a finite verb of the main
    clause ("…, er sei infiziert worden, bestätigte sich nicht")."""
    for k in range(first + 1, len(tokens) - 1):
        if tokens[k].text in {";", ":", "–"}:
            return k
        if tokens[k].text == "," and tokens[k + 1].text.islower() and tag_of(tokens[k + 1]) in FINITE:
            return k
    return len(tokens)


def _noun_source(tokens: list[Token], noun: int, comma: int) -> tuple[int, int] | None:
    """"die Forderung Europas", "die Erklärung des Ministers", "eine Einladung von dem Minister"."""
    j = noun + 1
    if j < comma and tokens[j].lower in {"von", "vom"}:
        j += 1
    elif j < comma and tokens[j].lower in {"des", "der"} or j < comma and tag_of(tokens[j]) == "NE":
        pass
    else:
        return None
    end = read_noun_phrase(tokens, j)
    return (j, min(end, comma)) if end > j else None


noun_of_saying = _noun_kind  # for attribution: a noun cue has decided its speaker (or left it open)


def _personal_subject(tokens: list[Token], noun: int) -> tuple[int, int] | None:
    """"Der Minister wiederholte seine Versicherung, dass …": the subject of the noun's clause, when
    it is a person (a personal pronoun, a name, a role noun); the one who got an order or holds a
    thing ("Der Kurier erhielt die Weisung", "Unterstützung erhält der Vorschlag") is left open."""
    begin = _clause_begin(tokens, noun)
    subject = clause_subject(tokens, begin, noun)
    if subject is None and begin and tokens[begin - 1].text == ",":
        # "Thaksin, der im Exil lebt, wandte sich … mit der Aufforderung": the clause goes on after a
        # relative clause or apposition; its subject opens the sentence
        verb = next((k for k in range(begin, noun) if tag_of(tokens[k]) in FINITE), None)
        subject = speaker_before(tokens, begin, verb) if verb is not None else None
    if subject is None:
        return None
    words = tokens[subject[0]:subject[1]]
    stop = next((k for k in range(noun, len(tokens)) if tokens[k].text in UNQUOTED_BREAKS), len(tokens))
    if any(t.lower.startswith(("erhielt", "erhält", "erhalten", "bekam", "bekommt", "bekommen"))
           for t in tokens[begin:stop]):  # "hatte von Stuttgart Auftrag erhalten, …": the one who got it
        return None
    if len(words) == 1 and words[0].lower in {"er", "sie", "wir", "ich"}:
        return subject
    named = getattr(TAGS.get(), "named", ())  # inside a name the entity stage found
    # a name: by its tag, or a capitalised word the tagger is unsure of ("Thaksin Shinawatra")
    return subject if any(t.capitalised and (t.start in named or tag_of(t) in ("NE", None) or role_gender(t.text))
                          for t in words) else None
