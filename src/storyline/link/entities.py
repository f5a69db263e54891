"""Entities: mentions grouped within an article, then joined across articles by name variants.

Within an article a short form joins the full name it abbreviates (Putin → Wladimir Putin,
Kims → Kim Jong Un); across articles names meet under their transliteration key
(`names.name_key`), and a lone surname joins a full name only when exactly one full name fits.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from storyline.link.names import name_key, name_tokens, place_without_genitive, strip_genitive
from storyline.model import Article, Mention

BEFORE_NOUN = re.compile(r"[ \t]+[A-ZÄÖÜ][a-zäöüß]")  # "Bonapartes Armee": a genitive before its noun
ROLE_WORD = re.compile(r"(?:(?:der|die|des|dem|den)\s+)?((?:[a-zäöüß]+[e]?[nrms]?\s+){0,2}?)([A-ZÄÖÜ][\wäöüß-]+)\s*$")


@dataclass
class LocalEntity:
    """One entity as an article names it: its mentions, surface forms and roles."""

    type: str
    mentions: list[Mention] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)
    genitives: set[int] = field(default_factory=set)  # starts of mentions standing before a noun

    @property
    def forms(self) -> list[str]:
        """Surface forms; a person's genitive ("Putins") only where the article also has the
        name without it ("Dimitri Peskow" ... "Peskows") or where it stands before a noun
        ("Napoleon Bonapartes Armee"), since many names end in s of their own ("Mahmud Abbas")."""
        texts = {m.text for m in self.mentions} | {word for m in self.mentions for word in m.text.split()}
        return [strip_genitive(m.text) if m.type == "PER" and (strip_genitive(m.text) in texts or m.start in self.genitives)
                else m.text for m in self.mentions]

    @property
    def name(self) -> str:
        """The longest form, the most frequent among equally long ones; a place by its own name
        even where the article only has its genitive ("Australiens Regierung" -> Australien)."""
        forms = self.forms
        counts = Counter(forms)
        best = max(counts, key=lambda form: (len(name_tokens(form)), counts[form], -forms.index(form)))
        return place_without_genitive(best) if self.type == "LOC" else best


@dataclass
class Entity:
    id: str
    name: str
    type: str
    key: str
    variants: list[str] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)
    articles: list[str] = field(default_factory=list)

    def as_dict(self) -> dict:
        return {"id": self.id, "name": self.name, "type": self.type, "variants": self.variants,
                "roles": self.roles, "articles": len(self.articles)}


def group_mentions(article: Article, mentions: list[Mention]) -> list[LocalEntity]:
    """Group an article's mentions: identical keys first, then short forms into full names."""
    groups: dict[tuple[str, str], LocalEntity] = {}
    for mention in sorted(mentions, key=lambda m: m.start):
        key = name_key(strip_genitive(mention.text) if mention.type == "PER" else mention.text)
        if not key:
            continue
        groups.setdefault((mention.type, key), LocalEntity(mention.type)).mentions.append(mention)
    _join_genitives(groups)
    _join_short_forms(groups)
    entities = list(groups.values())
    for entity in entities:
        entity.roles = _roles(article, entity)
        entity.genitives = {m.start for m in entity.mentions if BEFORE_NOUN.match(article.text, m.end)
                            and m.text.endswith("s")}
    return entities


def _join_genitives(groups: dict[tuple[str, str], LocalEntity]) -> None:
    """`Russlands` joins `Russland` when the article also has the bare form (any type)."""
    for (type_, key) in list(groups):
        if key.endswith("s") and (type_, key[:-1]) in groups and (type_, key) in groups:
            groups[(type_, key[:-1])].mentions.extend(groups.pop((type_, key)).mentions)


def _join_short_forms(groups: dict[tuple[str, str], LocalEntity]) -> None:
    """`Putin` joins `Wladimir Putin`; `Kim` joins the most mentioned `Kim …` full name.

    A short form joins a person's full name whatever type the model gave it: an article that
    names Dimitri Peskow means him by a later bare `Peskow`, even if NER called that a place.
    """
    for (type_, key) in sorted(groups, key=lambda k: len(k[1].split())):
        words = key.split()
        if len(words) > 2 or (type_, key) not in groups:
            continue
        longer = [(t, k) for (t, k) in groups if t == "PER" and _abbreviates(words, k.split())]
        if longer and (type_ == "PER" or len(words) == 1):
            target = max(longer, key=lambda k: (len(groups[k].mentions), -groups[k].mentions[0].start))
            moved = groups.pop((type_, key)).mentions
            for mention in moved:
                mention.type = "PER"
            groups[target].mentions.extend(moved)


def _abbreviates(short: list[str], full: list[str]) -> bool:
    """`putin` ⊂ `vladimir putin` (last name), `kim` ⊂ `kim jong un` (family name first)."""
    if len(short) >= len(full):
        return False
    return full[-len(short):] == short or full[:len(short)] == short


def _roles(article: Article, entity: LocalEntity) -> list[str]:
    """Role nouns right before a person's name: `Kremlsprecher Dimitri Peskow` → Kremlsprecher."""
    if entity.type != "PER":
        return []
    roles = []
    for mention in entity.mentions:
        before = article.text[max(0, mention.start - 60):mention.start]
        match = ROLE_WORD.search(before)
        role = _base_role(match.group(2)) if match else None
        if role and role not in roles:
            roles.append(role)
    return roles


def _base_role(word: str) -> str | None:
    """The role noun in its base form (`Präsidenten` → `Präsident`), or None if it is no role."""
    from storyline.analyze.quotes.lexicon import role_gender

    for ending in ("en", "n", "s", ""):  # inflected forms first: "Präsidenten" → "Präsident"
        stem = word[: len(word) - len(ending)] if ending else word
        if (not ending or word.endswith(ending)) and role_gender(stem):
            return stem
    return None


class EntityRegistry:
    """Corpus entities with stable ids; articles are added one at a time (streaming)."""

    def __init__(self) -> None:
        self.entities: dict[str, Entity] = {}
        self._by_key: dict[tuple[str, str], str] = {}
        self.new_keys: list[tuple[str, str, str]] = []  # (type, key, entity id) since the last save
        # first or last word of a person's key of two words or more -> those people's ids, so that
        # a lone surname is looked up, not compared with every entity of the corpus
        self._by_name_end: dict[str, set[str]] = {}

    def load(self, entities: list[Entity], keys: list[tuple[str, str, str]]) -> None:
        """Restore a saved registry (from the store) so the stream goes on with the same ids."""
        self.entities, self._by_name_end = {}, {}
        for entity in entities:
            self._add(entity)
        self._by_key = {(type_, key): entity_id for type_, key, entity_id in keys}

    def _add(self, entity: Entity) -> None:
        self.entities[entity.id] = entity
        words = entity.key.split()
        if entity.type == "PER" and len(words) > 1:
            for word in {words[0], words[-1]}:
                self._by_name_end.setdefault(word, set()).add(entity.id)

    def add_article(self, article: Article, mentions: list[Mention]) -> list[LocalEntity]:
        """Link the article's mentions to corpus entities; sets `mention.entity` in place."""
        local_entities = group_mentions(article, mentions)
        for local in local_entities:
            entity = self._match(local) or self._create(local)
            self._merge_into(entity, local, article.id)
            for mention in local.mentions:
                mention.entity = entity.id
        return local_entities

    def _match(self, local: LocalEntity) -> Entity | None:
        keys = {name_key(form) for form in local.forms}
        for key in sorted(keys, key=lambda k: -len(k.split())):
            for candidate in (key, key[:-1] if key.endswith("s") else None):
                if candidate and (local.type, candidate) in self._by_key:
                    return self.entities[self._by_key[(local.type, candidate)]]
        if local.type == "PER" and len(name_key(local.name).split()) == 1:
            return self._unique_full_name(name_key(local.name))
        return None

    def _unique_full_name(self, surname: str) -> Entity | None:
        fits = self._by_name_end.get(surname, ())
        return self.entities[next(iter(fits))] if len(fits) == 1 else None

    def _create(self, local: LocalEntity) -> Entity:
        key = name_key(local.name)
        base = f"{local.type}:{key.replace(' ', '_')}"
        entity_id, n = base, 1
        while entity_id in self.entities:
            n += 1
            entity_id = f"{base}_{n}"
        entity = Entity(entity_id, local.name, local.type, key)
        self._add(entity)
        return entity

    def _merge_into(self, entity: Entity, local: LocalEntity, article_id: str) -> None:
        for form in local.forms:
            if form not in entity.variants:
                entity.variants.append(form)
        for form in [*local.forms, local.name]:  # the name too: "Australien" for "Australiens"
            if (entity.type, name_key(form)) not in self._by_key:
                self._by_key[(entity.type, name_key(form))] = entity.id
                self.new_keys.append((entity.type, name_key(form), entity.id))
        if len(name_tokens(local.name)) > len(name_tokens(entity.name)):
            entity.name = local.name
        entity.roles += [role for role in local.roles if role not in entity.roles]
        if article_id not in entity.articles:
            entity.articles.append(article_id)

    def as_list(self) -> list[dict]:
        return [entity.as_dict() for entity in sorted(self.entities.values(), key=lambda e: (-len(e.articles), e.id))]
