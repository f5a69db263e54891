"""Entity stage: people, organisations, places and other names (PER, ORG, LOC, MISC) in an article.

Entry: `find_mentions(article)`. `mentions` holds the rules around the shipped spaCy model,
`spacy_runtime` loads and runs the model, `words` and `place_names` are the word tests and the
gazetteer scan the rules use, `word_classes` the model's word-class feature.
"""


def find_mentions(article, parsed=None):
    """The article's named-entity mentions, offsets into `article.text` (see `mentions.find_mentions`)."""
    from storyline.analyze.entities.mentions import find_mentions as find

    return find(article, parsed)
