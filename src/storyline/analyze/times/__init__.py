"""Time stage: German time expressions resolved against the article date (ISO-8601 values).

Entry: `find_times(article)`. `rules` is the regex grammar, `readers` turns each rule's match into
a value or a function of the anchor day, `calendar` does the date arithmetic, and `expressions`
finds and resolves them.
"""


def find_times(article):
    """The article's time expressions with values (see `expressions.find_times`)."""
    from storyline.analyze.times.expressions import find_times as find

    return find(article)
