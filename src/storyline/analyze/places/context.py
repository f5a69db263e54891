"""Countries an article names by adjective ('im indischen Bundesstaat Maharashtra', 'der
afghanischen Provinz Kandahar'): context for its places, like a named country."""
from __future__ import annotations

import re
from functools import lru_cache

from storyline.analyze.places.index import GAZETTEER_DIR

ADJECTIVE = re.compile(r"\b([a-zäöü][a-zäöüß-]+isch)(?:e|en|er|es|em)?\b")


@lru_cache(maxsize=1)
def load_demonyms() -> dict[str, str]:
    """Adjective stem -> ISO country code (demonyms.tsv)."""
    path = GAZETTEER_DIR / "demonyms.tsv"
    rows = [line.split("\t") for line in path.read_text(encoding="utf-8").splitlines()
            if line and not line.startswith("#")][1:]
    return {stem: country for stem, country in rows}


def adjective_countries(text: str) -> set[str]:
    """ISO codes of the countries the text names by a lower-case adjective ('deutsch' excepted:
    German-language news uses it for everything)."""
    demonyms = load_demonyms()
    found = {demonyms.get(match.group(1)) for match in ADJECTIVE.finditer(text)}
    return {country for country in found if country and country != "DE"}
