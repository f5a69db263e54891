"""The search box's syntax, parsed once for both stores: words (all must occur), "quoted phrases",
OR, NOT, a prefix `Kanzl*`, and German spelling folded so that *Muenchen* and *Munchen* find
*München* and *strasse* finds *Straße*.

The SQLite index folds diacritics (ü → u) but keeps ß, and texts write umlauts as ae/oe/ue
when a keyboard lacks them; so each query word becomes a small OR of its spellings. User input is
never passed through as query syntax: every word is quoted for FTS5 and escaped for PostgreSQL.
"""
from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

TOKEN = re.compile(r'"([^"]*)"?|(\S+)')
WORD = re.compile(r"\w+")
MAX_SPELLINGS = 6
MAX_PHRASE_SPELLINGS = 8
DIGRAPHS = (("ae", "ä"), ("oe", "ö"), ("ue", "ü"))


@dataclass(frozen=True)
class Term:
    words: tuple[str, ...]  # one word, or the words of a phrase
    prefix: bool = False  # Kanzl*: any word that starts so
    negated: bool = False  # NOT term
    joined_by_or: bool = False  # OR before this term


def parse(query: str) -> list[Term]:
    """Terms in order; `AND` is the default, an `OR` joins its neighbours, `NOT` negates the next term.
    A NOT with no positive term in the query is dropped: "nothing but not X" is not a search."""
    terms: list[Term] = []
    negate = or_next = False
    for match in TOKEN.finditer(query):
        phrase, bare = match.groups()
        if bare in ("AND", "UND"):
            continue
        if bare in ("OR", "ODER"):
            or_next = bool(terms)
            continue
        if bare in ("NOT", "NICHT") or bare and bare.startswith("-") and len(bare) > 1 and not negate:
            negate = True
            if bare in ("NOT", "NICHT"):
                continue
            bare = bare[1:]
        source = phrase if phrase is not None else bare
        prefix = phrase is None and source.endswith("*")
        words = tuple(w.casefold() for w in WORD.findall(source))
        if words:
            terms.append(Term(words, prefix and len(words) == 1, negate, or_next and not negate))
        negate = or_next = False
    if not any(not t.negated for t in terms):
        return []
    return terms


def spellings(word: str) -> list[str]:
    """`muenchen` → muenchen, münchen; `münchen` → münchen, muenchen; `strasse` → strasse, straße."""
    found = [word]
    for digraph, umlaut in DIGRAPHS:
        found += [w.replace(digraph, umlaut) for w in found if digraph in w]
        found += [w.replace(umlaut, digraph) for w in found if umlaut in w]
    found += [w.replace("ss", "ß") for w in found if "ss" in w]
    found += [w.replace("ß", "ss") for w in found if "ß" in w]
    return list(dict.fromkeys(found))[:MAX_SPELLINGS]


def fts5(terms: list[Term]) -> str:
    """An FTS5 MATCH expression. FTS5's NOT is binary (a NOT b), so the negated terms come last."""
    positive = [t for t in terms if not t.negated]
    parts: list[str] = []
    for term in positive:
        alternatives = _fts5_alternatives(term)
        expression = alternatives[0] if len(alternatives) == 1 else "(" + " OR ".join(alternatives) + ")"
        if parts and term.joined_by_or:
            parts[-1] = f"({parts[-1]} OR {expression})"
        else:
            parts.append(expression)
    query = " AND ".join(parts)
    for term in (t for t in terms if t.negated):
        query = f"({query}) NOT (" + " OR ".join(_fts5_alternatives(term)) + ")"
    return query


def _fts5_alternatives(term: Term) -> list[str]:
    star = "*" if term.prefix else ""
    options = [spellings(w) for w in term.words]
    combos = itertools.islice(itertools.product(*options), MAX_PHRASE_SPELLINGS)
    return ['"' + " ".join(combo).replace('"', '""') + '"' + star for combo in combos]


def tsquery(terms: list[Term]) -> str:
    """A PostgreSQL to_tsquery expression (German config: stemmed, no folding, hence the spellings)."""
    def alternatives(term: Term) -> str:
        options = [spellings(w) for w in term.words]
        combos = list(itertools.islice(itertools.product(*options), MAX_PHRASE_SPELLINGS))
        rendered = [" <-> ".join(_lexeme(w, term.prefix) for w in combo) for combo in combos]
        return "(" + " | ".join(f"({r})" for r in rendered) + ")"

    query = ""
    for term in terms:
        expression = ("!" if term.negated else "") + alternatives(term)
        if not query:
            query = expression
        elif term.joined_by_or:
            query = f"({query}) | {expression}"
        else:
            query = f"({query}) & {expression}"
    return query


def _lexeme(word: str, prefix: bool) -> str:
    return "'" + word.replace("'", "''").replace("\\", "") + "'" + (":*" if prefix else "")
