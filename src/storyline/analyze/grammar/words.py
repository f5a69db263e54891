"""What the rules read from STTS tags: which words can head a speaker's noun phrase, finite verbs,
negation, and Konjunktiv I from the verb's form.

German Konjunktiv I differs from the indicative mostly in the 3rd person singular (*er habe* /
*er hat*, *sie gebe* / *sie gibt*): a finite verb ending in -e with no *ich* before or after it is
Konjunktiv I; *sei*/*seien*/*seiest* always are. In the plural the forms are the indicative's
(*sie haben*), so a plural verb alone does not mark reported speech (*seien* aside).
"""
from __future__ import annotations

# Heads of a speaker phrase: common noun, proper noun, foreign word, personal, indefinite,
# demonstrative and relative pronouns ("Einer der Männer", "der 54-Jährige" is ADJA/NN).
NOMINAL = frozenset({"NN", "NE", "FM", "PPER", "PIS", "PDS", "PRELS", "XY"})
NEVER_SPEAKER = frozenset({"ADV", "KON", "KOUS", "KOUI", "KOKOM", "PAV", "PROAV", "PTKNEG", "PTKZU", "PTKVZ",
                           "PTKANT", "PTKA", "APPR", "APPRART", "APPO", "APZR", "PWAV", "PWS",
                           "VVFIN", "VVINF", "VVPP", "VVIZU", "VAFIN", "VAINF", "VAPP", "VMFIN",
                           "VMINF", "ADJD", "ITJ", "TRUNC"})
FINITE = frozenset({"VVFIN", "VAFIN", "VMFIN"})
SEIN_FORMS = frozenset({"sei", "seien", "seiest", "seiet"})
FIRST_PERSON = frozenset({"ich"})


def can_head_speaker(tags: list[str | None]) -> bool:
    """A speaker phrase has a nominal word; one made only of adverbs, conjunctions, verbs or
    particles ("Unterdessen", "Erst", "Zudem") is no speaker. Untagged words do not decide."""
    known = [tag for tag in tags if tag]
    if not known:
        return True
    return any(tag in NOMINAL for tag in known) or not all(tag in NEVER_SPEAKER for tag in known)


CLOSED_IN_E = frozenset("die eine keine diese jene jede welche meine deine seine ihre unsere eure alle beide "
                        "manche solche einige viele wenige ohne gerade bitte etwa ferne gerne lange ende".split())


def konjunktiv_shaped(word: str) -> bool:
    """Could be Konjunktiv I by its form alone (asked before the tag, which costs a tagger run)."""
    lower = word.lower()
    return lower in SEIN_FORMS or (word.islower() and len(lower) >= 3 and lower.endswith("e")
                                   and not lower.endswith(("te", "wurde")) and lower not in CLOSED_IN_E)


def is_konjunktiv_one(word: str, tag: str | None, before: str | None, after: str | None) -> bool:
    """Konjunktiv I by form: *sei*, or a finite verb in -e (not -te, the weak past, nor after or
    before *ich*, the 1st person indicative)."""
    lower = word.lower()
    if lower in SEIN_FORMS:
        return True
    if tag not in FINITE or not word.islower() or len(lower) < 3:
        return False
    if (before or "").lower() in FIRST_PERSON or (after or "").lower() in FIRST_PERSON:
        return False
    return lower.endswith("e") and not lower.endswith(("te", "wurde"))  # "sagte", "wurde": past
