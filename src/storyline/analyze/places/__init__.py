"""Place stage: location mentions geocoded offline against the shipped gazetteer.

Entry: `find_places(article, mentions)`. `index` is the packed gazetteer (names, coordinates,
distances), `geocode` ranks each name's candidates in the article's context.
"""


def find_places(article, mentions):
    """The article's geocoded places (see `geocode.find_places`)."""
    from storyline.analyze.places.geocode import find_places as find

    return find(article, mentions)
