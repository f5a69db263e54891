"""English spellings of a name German news transliterates its own way: 'Ghadschar' (Ghajar),
'Dschenin' (Jenin), 'Tschernigow' (Chernigov), 'Schachty' (Shakhty). GeoNames gives big places
their German names, small ones seldom: for an NER place the gazetteer does not know as written,
the English forms are tried.
"""
from __future__ import annotations

import re

# German spellings -> English ones, in this order: 'j' is y before a vowel (Jaroslawl) before
# 'dsch' becomes j; 'w' is v (Charkiw)
J_BEFORE_VOWEL = re.compile(r"j(?=[aeiou])")
RULES = (("dsch", "j"), ("tsch", "ch"), ("sch", "sh"), ("w", "v"), ("ss", "s"))
KH = re.compile(r"(?<!s)ch")  # the Russian/Arabic kh ('Chassawjurt'), not the ch of 'sch'/'tsch'


def english(text: str) -> str:
    text = J_BEFORE_VOWEL.sub("y", text)
    for german, replacement in RULES:
        text = text.replace(german, replacement)
    return text


def capitalised(text: str) -> str:
    return re.sub(r"(^|[\s-])(\w)", lambda m: m.group(1) + m.group(2).upper(), text)


def english_forms(name: str) -> list[str]:
    """The English spellings to try for a German transliteration ('Ghadschar' -> 'Ghajar'; with
    ch as kh: 'Chassawjurt' -> 'Khasavyurt'), or [] when there is nothing to change."""
    folded = name.casefold()
    forms = []
    for form in (english(folded), english(KH.sub("kh", folded))):
        form = capitalised(form)
        if form.casefold() != folded and form not in forms:
            forms.append(form)
    return forms
