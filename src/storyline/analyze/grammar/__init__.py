"""German grammar for the rules: part-of-speech tags (STTS) from the shipped tagger `models/de_pos`
and what the quote rules read from them (noun-phrase heads, finite verbs, Konjunktiv I).

`tagger.LazyTags(text)` answers a word's tag by its start offset and tags a sentence only when a
rule first asks about one of its words (most sentences never reach a rule that reads tags);
`tagger.text_tags` tags whole texts; `words` holds the tag classes and the Konjunktiv-I test.
Without the model file there are no tags and the rules fall back to their word lists.
"""
