"""Faster equivalents of SoMaJo's slowest patterns, each used only where it is provably the same.

Two kinds: the abbreviation list regrouped by first letter (`grouped_abbreviations`), and cheap
tests in front of patterns that most paragraphs cannot match (`install_prefilters`). Either is
checked against SoMaJo's own pattern and left out for another SoMaJo version.

SoMaJo runs some sixty patterns over every paragraph. Several can only match a text that holds a
particular character or short sequence: a date needs a digit, a separator and a digit ("3.10"), an
ordinal a digit and a dot, an ISBN three digits in a row (its groups hold ten digits with at most
seven in one), an e-mail address '@' or '[at]', and each of SoMaJo's 500 listed tokens with '+' or
'&' one of those. One search for that is far cheaper than the pattern (the '+'/'&' list alone cost
0.4 ms per article), and when it fails the pattern could not have matched: the tokens are the same.
"""
from __future__ import annotations

import hashlib

import regex

# Pattern attribute of SoMaJo's tokenizer: (a pattern every match contains, SHA-1 of the
# SoMaJo 2.5.x pattern it was read from, or "listed" for the pattern SoMaJo builds from its list of
# tokens with '+' or '&', whose order varies from process to process). Another pattern under that
# name is left as it is.
NEEDED_CHARACTERS = {
    "email": (r"@|\[at\]", "0dec7c52002b384d9e3165103b8bd73f11c13e1e"),
    "token_with_plus_ampersand": (r"[+&]", "listed"),
    "nr_abbreviations": (r"(?i)nr\.", "ae3e57f3f4d7bc7d29dd8024b8f3e8b9d137cbfb"),
    "isbn": (r"[0-9]{3}", "9921edd1326e3ec77d29566c9b2464e92870f0c8"),
    "three_part_date_dmy": (r"\d[./-]\d", "fe37d7822c5508e7e7045b032d3abedc5170ba93"),
    "three_part_date_mdy": (r"\d[./-]\d", "93b6e41ad18d164eb76bfdc208783b86b1e08fed"),
    "ordinal": (r"\d\.", "b19c11c5957bf5ff6edef20e4901a7cef5e85a1b"),
}

IGNORECASE_FLAGS = regex.compile("", regex.IGNORECASE).flags  # how SoMaJo compiles its word lists
ABBREVIATIONS = r"(?<![\p{{L}}.])(?:(?:(?:\p{{L}}\.){{2,}})|{words})+(?!\p{{L}}{{1,3}}\.)"


def grouped_abbreviations(pattern, filename: str):
    """SoMaJo's abbreviation pattern with its 1,100 listed words grouped by their first letter.

    SoMaJo tries every listed abbreviation, one after the other, at every word start: 11 µs per
    word, a third of its time on news text. Grouped, only the words with the right first letter
    are tried, in the same order, after the same letter-dot alternative: the same matches, because
    the first letters (ASCII letters and ä, ö, ü) fall into distinct case-insensitive classes, so
    at most one group can match at a position. SoMaJo's own pattern is kept when it is not the
    one this rebuilds (another SoMaJo version) or another first letter turns up.
    """
    from somajo import utils

    words = utils.read_abbreviation_file(filename, to_lower=True)
    plain = ABBREVIATIONS.format(words="|".join(regex.escape(word) for word in words))
    if pattern.pattern != plain or pattern.flags != IGNORECASE_FLAGS:
        return pattern
    if not all(regex.fullmatch(r"[a-zäöü]", word[0]) for word in words):
        return pattern
    groups: dict[str, list[str]] = {}
    for word in words:
        groups.setdefault(word[0], []).append(regex.escape(word[1:]))
    grouped = "|".join(regex.escape(first) + "(?:" + "|".join(rests) + ")" for first, rests in groups.items())
    return regex.compile(ABBREVIATIONS.format(words=grouped), regex.IGNORECASE)


class Prefiltered:
    """A compiled pattern that first checks for a character every match needs; SoMaJo only calls
    `finditer` and reads `groupindex` on these patterns."""

    __slots__ = ("inner", "needed")

    def __init__(self, inner, needed: str):
        self.inner, self.needed = inner, regex.compile(needed)

    @property
    def groupindex(self):
        return self.inner.groupindex

    def finditer(self, text: str):
        return self.inner.finditer(text) if self.needed.search(text) else iter(())


def pattern_digest(pattern) -> str:
    return hashlib.sha1(f"{pattern.flags}:{pattern.pattern}".encode()).hexdigest()


def is_plus_ampersand_list(pattern) -> bool:
    """Whether `pattern` is the one SoMaJo 2.5 builds from its list of tokens with '+' or '&' (the
    ones that are not simply word+word), and every one of them holds '+' or '&'."""
    from somajo import utils

    listed = [token for token in utils.read_abbreviation_file("tokens_with_plus_or_ampersand.txt")
              if not regex.search(r"^\w+[&+]\w+$", token)]
    expected = r"(?<!\w)(?:" + "|".join(regex.escape(token) for token in listed) + r")(?!\w)"
    return (pattern.pattern == expected and pattern.flags == IGNORECASE_FLAGS
            and all("+" in token or "&" in token for token in listed))


def install_prefilters(tokenizer) -> list[str]:
    """Put a Prefiltered in front of each known pattern of SoMaJo's `tokenizer`; the names done."""
    done = []
    for name, (needed, digest) in NEEDED_CHARACTERS.items():
        pattern = getattr(tokenizer, name, None)
        if pattern is None or isinstance(pattern, Prefiltered):
            continue
        if is_plus_ampersand_list(pattern) if digest == "listed" else pattern_digest(pattern) == digest:
            setattr(tokenizer, name, Prefiltered(pattern, needed))
            done.append(name)
    return done
