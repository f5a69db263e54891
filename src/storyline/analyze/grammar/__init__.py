"""German grammar for the rules: part-of-speech tags (STTS) from the shipped tagger `models/de_pos`
and what the quote rules read from them (noun-phrase heads, finite verbs, Konjunktiv I).

`tagger.text_tags(text, wanted)` tags the sentences the caller wants (the quote step asks only for
sentences with a quotation mark or a speech cue, to keep it cheap) and returns each word's tag by
its start offset; `words` holds the tag classes and the Konjunktiv-I test. Without the model file
the tags are empty and the rules fall back to their word lists.
"""
