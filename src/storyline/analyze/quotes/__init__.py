"""Quote stage: who said what — direct, partial and indirect quotes with their cue and speaker.

Entry: `find_quotes(article, mentions)`. `marks` pairs quotation marks, `cues` reads speech verbs
and noun phrases, `indirect` finds Konjunktiv-I reported speech, `sources` finds "laut X" and
document sources, `coref` resolves "er" or "der Kremlsprecher" to a person, `lexicon` holds the
word lists, and `attribution` puts them together.
"""


def find_quotes(article, mentions):
    """The article's quotes with speakers (see `attribution.find_quotes`)."""
    from storyline.analyze.quotes.attribution import find_quotes as find

    return find(article, mentions)
