"""Entities: mentions grouped within an article, then joined across articles by name variants.

Within an article a short form joins the full name it abbreviates (Putin → Wladimir Putin,
Kims → Kim Jong Un); across articles names meet under their transliteration key
(`names.name_key`). A name that fits another only in part (a lone surname, a given name after a
title) joins it across articles only when exactly one fits and the article shares its context: a
person, organisation or role seen with that entity before (the same story, as far as the link step
can tell before stories are built). Titles are part of a name (König Charles ≠ Charles Dickens);
organisations also meet under the shipped alias list and their initials (dpa, EU, SPD).
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from storyline.analyze.entities.english import role_before
from storyline.link.names import (PARTICLES, SURNAME_TITLES, TITLE_BEFORE, matching_org_keys, name_key, name_length,
                                  name_tokens, org_keys, organisation_without_genitive, personal_words,
                                  place_without_genitive, split_title, strip_genitive, surname_key)
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
    titled: dict[int, str] = field(default_factory=dict)  # start -> "Prinz Harry" where the text has "Prinz Harry"

    @property
    def forms(self) -> list[str]:
        """Surface forms; a person's genitive ("Putins") only where the article also has the
        name without it ("Dimitri Peskow" ... "Peskows") or where it stands before a noun
        ("Napoleon Bonapartes Armee"), since many names end in s of their own ("Mahmud Abbas")."""
        surfaces = [self.titled.get(m.start, m.text) for m in self.mentions]
        texts = set(surfaces) | {word for surface in surfaces for word in surface.split()}
        return [strip_genitive(surface) if m.type == "PER" and (strip_genitive(surface) in texts or m.start in self.genitives)
                else surface for m, surface in zip(self.mentions, surfaces)]

    @property
    def name(self) -> str:
        """The longest form, the most frequent among equally long ones; a place by its own name
        even where the article only has its genitive ("Australiens Regierung" -> Australien), and so
        is an organisation ("des Wirtschaftsministeriums" -> Wirtschaftsministerium)."""
        forms = self.forms
        counts = Counter(forms)
        best = max(counts, key=lambda form: (len(name_tokens(form)), counts[form], -forms.index(form)))
        if self.type == "ORG":
            return organisation_without_genitive(best)
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
    titled = {}
    for mention in sorted(mentions, key=lambda m: m.start):
        if mention.type == "ORG" and is_heading_fragment(article, mention):
            continue
        surface = _titled(article, mention)
        if surface != mention.text:
            titled[mention.start] = surface
        key = name_key(strip_genitive(surface) if mention.type == "PER" else surface)
        if not key:
            continue
        groups.setdefault((mention.type, key), LocalEntity(mention.type)).mentions.append(mention)
    _join_genitives(groups)
    _join_short_forms(groups)
    _join_org_aliases(groups)
    entities = list(groups.values())
    for entity in entities:
        entity.titled = {m.start: titled[m.start] for m in entity.mentions if m.start in titled}
        entity.roles = _roles(article, entity)
        entity.genitives = {m.start for m in entity.mentions if BEFORE_NOUN.match(article.text, m.end)
                            and m.text.endswith("s")}
    return entities


FUNCTION_WORDS = frozenset("der die das des dem den und mit zum zur vom von im in am an auf für aus mehr alle neu "
                           "neue neues top live".split())


def is_heading_fragment(article: Article, mention: Mention) -> bool:
    """An "organisation" that is a piece of a heading or page furniture made only of common nouns
    (`Politik Nachrichten`, `Mehr zum Thema`), or that runs over a line break, is no organisation:
    it gets no corpus entity, so it cannot merge with one by its words or initials."""
    from storyline.analyze.word_lists import load_common_nouns

    if "\n" in mention.text:
        return True
    if not any(b.start <= mention.start < b.end and b.kind in ("heading", "furniture") for b in article.blocks):
        return False
    words = [word.lower() for word in re.findall(r"[^\W\d_]+", mention.text)]
    nouns = load_common_nouns()
    listed = any(key.startswith("=") for key in org_keys(mention.text))  # on the alias list: Deutsche Bahn
    return bool(words) and not listed and all(word in nouns or word in FUNCTION_WORDS for word in words)


def _titled(article: Article, mention: Mention) -> str:
    """`Prinz Harry` for a person mention `Harry` right after the title `Prinz`: the title is part
    of who is meant (König Charles, Papst Leo), whether or not NER put it into the span."""
    if mention.type != "PER" or split_title(name_key(mention.text))[0]:
        return mention.text
    match = TITLE_BEFORE.search(article.text, max(0, mention.start - 20), mention.start)
    return f"{match.group(1)} {mention.text}" if match else mention.text


def _join_genitives(groups: dict[tuple[str, str], LocalEntity]) -> None:
    """`Russlands` joins `Russland` when the article also has the bare form (any type)."""
    for (type_, key) in list(groups):
        if key.endswith("s") and (type_, key[:-1]) in groups and (type_, key) in groups:
            groups[(type_, key[:-1])].mentions.extend(groups.pop((type_, key)).mentions)


def _join_short_forms(groups: dict[tuple[str, str], LocalEntity]) -> None:
    """`Putin` joins `Wladimir Putin`; `Kim` joins the most mentioned `Kim …` full name.

    A short form joins a person's full name whatever type the model gave it: an article that
    names Dimitri Peskow means him by a later bare `Peskow`, even if NER called that a place.
    One mention never joins two people: a "full name" that both a lone first word and a lone
    last word would join (`Trump Machado`, two names run together) takes only the last word.
    """
    plan = []
    for (type_, key) in sorted(groups, key=lambda k: len(k[1].split())):
        words = key.split()
        if len(words) - sum(word in PARTICLES for word in words) > 2:  # `von der leyen` is one name
            continue
        ranks = {(t, k): fits_name(key, k) for (t, k) in groups if t == "PER"}
        best = max(ranks.values(), default=0)
        longer = [k for k, rank in ranks.items() if rank and rank == best]  # a surname before a first word
        title = split_title(key)[0]
        if title and any(split_title(k)[0] == title for _, k in longer):  # Kardinal Marx: the cardinal, not Karl
            longer = [(t, k) for t, k in longer if split_title(k)[0] == title]
        if longer and (type_ == "PER" or len(words) == 1):
            plan.append(((type_, key), max(longer, key=lambda k: (len(groups[k].mentions), -groups[k].mentions[0].start)),
                         best))
    two_people = {target for _, target, rank in plan if rank == 1} & {target for _, target, rank in plan if rank == 2}
    moved_to: dict[tuple[str, str], tuple[str, str]] = {}
    for source, target, rank in plan:
        if rank == 1 and target in two_people:
            continue
        while target in moved_to:
            target = moved_to[target]
        moved = groups.pop(source).mentions
        moved_to[source] = target
        for mention in moved:
            mention.type = "PER"
        groups[target].mentions.extend(moved)


def _join_org_aliases(groups: dict[tuple[str, str], LocalEntity]) -> None:
    """`EZB` joins `Europäische Zentralbank` of the same article, `dpa` the `Deutsche Presse-Agentur`:
    by the alias list or by initials, when exactly one other organisation of the article fits."""
    orgs = {key: {k for m in groups[key].mentions for k in org_keys(m.text)} for key in groups if key[0] == "ORG"}
    for key, keys in sorted(orgs.items(), key=lambda item: len(item[0][1])):
        if key not in groups or not any(k[0] in "=^" for k in keys):
            continue
        wanted = {matching_org_keys(k) for k in keys}
        fits = [other for other, more in orgs.items() if other != key and other in groups and wanted & more]
        if len(fits) == 1 and len(fits[0][1]) > len(key[1]):
            groups[fits[0]].mentions.extend(groups.pop(key).mentions)


def fits_name(short_key: str, full_key: str) -> int:
    """How a shorter person key fits a longer one: 2 for its surname or a given name after its title
    (`putin` ⊂ `vladimir putin`, `hari` ⊂ `prinz hari`, `papst leo` ⊂ `papst leo xiv`), 1 for its
    first words (`kim` ⊂ `kim jong un`), 0 for no fit. A title must agree where both have one,
    and a titled short form fits an untitled name only by a cleric's surname (`kardinal parolin` ⊂
    `pietro parolin`; `konig charles` ⊄ `charles dickens`, `ray charles`)."""
    short_title, full_title = split_title(short_key)[0], split_title(full_key)[0]
    short, full = personal_words(short_key), personal_words(full_key)
    if short_title and short_title != full_title:
        # a cleric by title and surname is the untitled full name ending in it (Kardinal Parolin)
        clerical = short_title in SURNAME_TITLES and not full_title and short
        return 2 if clerical and len(full) > len(short) and full[-len(short):] == short else 0
    if not short or len(short_key.split()) >= len(full_key.split()) or len(short) > len(full):
        return 0
    if full[-len(short):] == short:
        return 2
    return 1 if full[:len(short)] == short else 0


def _roles(article: Article, entity: LocalEntity) -> list[str]:
    """Role nouns right before a person's name: `Kremlsprecher Dimitri Peskow` → Kremlsprecher; in
    English the office before it: `Prosecutor Wolfgang Giese` → Prosecutor."""
    if entity.type != "PER":
        return []
    roles = []
    for mention in entity.mentions:
        before = article.text[max(0, mention.start - 60):mention.start]
        if article.language == "en":
            role = role_before(before)
        else:
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


def canonical_id(type_: str, name: str) -> str:
    """An entity's id from the name that created it, the same for the forms that meet under one
    key, so that a corpus ingested in another order gets the same ids: an organisation on the alias
    list by its line (WHO and Weltgesundheitsorganisation are `ORG:who`), a place or organisation
    without a trailing s (`Russlands` and `Russland` are `LOC:rusland`; `_match` takes them as
    one). A person's key is kept whole: a name ending in s is no genitive (Mahmud Abbas)."""
    forms = [name, name[:-1]] if name.endswith("s") else [name]  # the genitive too: Bundesverfassungsgerichts
    aliases = sorted(key for form in forms for key in org_keys(form) if key.startswith("=")) if type_ == "ORG" else []
    if aliases:
        return f"{type_}:{aliases[0].lstrip('=#')}"
    key = name_key(name)
    if type_ != "PER" and key.endswith("s") and len(key) > 4:
        key = key[:-1]
    return f"{type_}:{key.replace(' ', '_')}"


class EntityRegistry:
    """Corpus entities with stable ids; articles are added one at a time (streaming)."""

    def __init__(self) -> None:
        self.entities: dict[str, Entity] = {}
        self._by_key: dict[tuple[str, str], str] = {}
        self.new_keys: list[tuple[str, str, str]] = []  # (type, key, entity id) since the last save
        # last word of a person's name of two words or more, or of a titled name -> those people's
        # ids, so that a lone surname is looked up, not compared with every entity of the corpus.
        # Not the first word: a lone `Charles` is not `Charles Dickens` of another article; `Kim`
        # and `Xi` find their full names through the key an article gave them.
        self._by_name_end: dict[str, set[str]] = {}
        # an organisation's alias-list and initials keys (`=un`, `^eu`) -> ids; rebuilt from the names
        self._by_alias: dict[str, set[str]] = {}

    def load(self, entities: list[Entity], keys: list[tuple[str, str, str]]) -> None:
        """Restore a saved registry (from the store) so the stream goes on with the same ids."""
        self.entities, self._by_name_end, self._by_alias = {}, {}, {}
        for entity in entities:
            self._add(entity)
        self._by_key = {(type_, key): entity_id for type_, key, entity_id in keys}

    def _add(self, entity: Entity) -> None:
        self.entities[entity.id] = entity
        if entity.type == "PER":
            self._index_name_end(entity.id, entity.key)
        elif entity.type == "ORG":
            for form in {entity.name, *entity.variants}:
                self._index_alias(entity.id, form)

    def _index_name_end(self, entity_id: str, key: str) -> None:
        title, _ = split_title(key)
        words = personal_words(key)
        if len(words) > 1 or (title and words):
            self._by_name_end.setdefault(words[-1], set()).add(entity_id)

    def _index_alias(self, entity_id: str, form: str) -> None:
        for key in org_keys(form):
            self._by_alias.setdefault(key, set()).add(entity_id)

    def add_article(self, article: Article, mentions: list[Mention]) -> list[LocalEntity]:
        """Link the article's mentions to corpus entities; sets `mention.entity` in place.

        Names that match a corpus entity by their own key come first; they are the context in
        which the names that fit an entity only in part (a lone surname) are judged."""
        local_entities = group_mentions(article, mentions)
        found = [self._match(local) for local in local_entities]
        context = {entity.id for entity in found if entity}
        # a lone surname also looks for a full name when it matched a person known by that name
        # alone: `Lindner` of a budget story is Christian Lindner, not the coach Lindner of another
        partial = {n: self._partial_candidates(local) for n, local in enumerate(local_entities)
                   if found[n] is None or (local.type == "PER" and name_length(name_key(local.name)) == 1
                                           and self._known_as(found[n].id, name_key(local.name)))}
        for n, candidates in partial.items():
            others = context | {c for m, more in partial.items() if m != n for c in more}
            fits = [c for c in candidates if self._shares_context(c, others, local_entities[n])]
            if len(fits) == 1:
                found[n] = self.entities[fits[0]]
        for local, entity in zip(local_entities, found):
            entity = entity or self._create(local)
            self._merge_into(entity, local, article.id)
            for mention in local.mentions:
                mention.entity = entity.id
        return local_entities

    def _match(self, local: LocalEntity) -> Entity | None:
        """The entity a name is by its own key: the same spelling key, a full name's spelling
        variant, an organisation's alias or initials; never by a part of a name."""
        if local.type == "PER":
            return self._match_person(local)
        keys = {name_key(form) for form in local.forms}
        for key in sorted(keys, key=lambda k: -len(k.split())):
            # a genitive either side: "Russlands" finds Russland, "Nobelkomitee" the "Nobelkomitees" seen first
            for candidate in (key, key[:-1] if key.endswith("s") else None, key + "s" if len(key) > 3 else None):
                if candidate and (local.type, candidate) in self._by_key:
                    return self.entities[self._by_key[(local.type, candidate)]]
        fits = self._org_fits(local, short=False) if local.type == "ORG" else []
        return self.entities[fits[0]] if len(fits) == 1 else None

    def _org_fits(self, local: LocalEntity, short: bool) -> list[str]:
        """Organisations a name meets by the alias list or by initials; two-letter initials
        (`EA`, `BP`) only with `short`, since they then need the article's context as well."""
        fits = set()
        for form in local.forms:
            for key in org_keys(form):
                if (len(key) <= 3 and key[0] in "^~") == short:
                    fits |= self._by_alias.get(matching_org_keys(key), set())
        return sorted(fits)

    def _match_person(self, local: LocalEntity) -> Entity | None:
        """A person by the key of the name itself (or its full-name forms): a lone surname only
        when the key's entity is itself known by that one name (no first name to disagree with)."""
        own = name_key(local.name)
        lone = name_length(own) == 1
        keys = [own] + sorted({name_key(form) for form in local.forms if name_length(name_key(form)) > 1} - {own})
        fits: list[str] = []
        for key in keys:
            for candidate in (key, key[:-1] if key.endswith("s") else None):
                entity_id = self._by_key.get(("PER", candidate)) if candidate else None
                if entity_id and (not lone or self._known_as(entity_id, candidate)):
                    fits.append(entity_id)
            title, words = split_title(key)
            if title and (len(words) > 1) and ("PER", " ".join(words)) in self._by_key:  # Papst Leo XIV = Leo XIV
                entity_id = self._by_key[("PER", " ".join(words))]
                if split_title(name_key(self.entities[entity_id].name))[0] in ("", title):
                    fits.append(entity_id)
            if fits:
                return self.entities[fits[0]]
        return None

    def _known_as(self, entity_id: str, key: str) -> bool:
        """True when the entity's own name is `key` (Lindner known only as Lindner)."""
        return personal_words(name_key(self.entities[entity_id].name)) == personal_words(key) and \
            split_title(name_key(self.entities[entity_id].name))[0] == split_title(key)[0]

    def _partial_candidates(self, local: LocalEntity) -> list[str]:
        """People a name fits only in part: a lone surname's full names, or the lone name a full
        name's surname was known by; the best fit only (a surname before a first word)."""
        if local.type == "ORG":
            return self._org_fits(local, short=True)
        if local.type != "PER":
            return []
        own = name_key(local.name)
        words = personal_words(own)
        ranked: dict[str, int] = {}
        if name_length(own) == 1:
            for key in {name_key(form) for form in local.forms} | ({own[:-1]} if own.endswith("s") else set()):
                ids = set(self._by_name_end.get(personal_words(key)[-1], ())) if personal_words(key) else set()
                if ("PER", key) in self._by_key:
                    ids.add(self._by_key[("PER", key)])
                for entity_id in ids:
                    rank = fits_name(key, name_key(self.entities[entity_id].name))
                    if rank:
                        ranked[entity_id] = max(rank, ranked.get(entity_id, 0))
        else:
            title = split_title(own)[0]
            for key in {words[-1], surname_key(own), f"{title} {words[0]}" if title else words[0]}:
                entity_id = self._by_key.get(("PER", key))
                if entity_id and name_length(name_key(self.entities[entity_id].name)) == 1:
                    rank = fits_name(name_key(self.entities[entity_id].name), own)
                    if rank:
                        ranked[entity_id] = rank
        best = max(ranked.values(), default=0)
        return sorted(entity_id for entity_id, rank in ranked.items() if rank == best)

    def _shares_context(self, entity_id: str, others: set[str], local: LocalEntity) -> bool:
        """Evidence that a partial fit is the same person: a role they share, a person or
        organisation of this article seen with them before, or two such places."""
        entity = self.entities[entity_id]
        if set(local.roles) & set(entity.roles):
            return True
        seen = set(entity.articles)
        shared = [self.entities[other] for other in others
                  if other != entity_id and not seen.isdisjoint(self.entities[other].articles)]
        return any(other.type != "LOC" for other in shared) or len(shared) >= 2

    def _create(self, local: LocalEntity) -> Entity:
        key = name_key(local.name)
        base = canonical_id(local.type, local.name)
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
                if entity.type == "ORG":
                    self._index_alias(entity.id, form)
        keys = {name_key(form) for form in [*local.forms, local.name]}  # the name too: "Australien" for "Australiens"
        if entity.type == "PER":  # Papst Leo XIV is also found as Leo XIV
            keys |= {" ".join(split_title(key)[1]) for key in keys if split_title(key)[0] and len(split_title(key)[1]) > 1}
        for key in sorted(keys):
            if (entity.type, key) not in self._by_key:
                self._by_key[(entity.type, key)] = entity.id
                self.new_keys.append((entity.type, key, entity.id))
        if len(name_tokens(local.name)) > len(name_tokens(entity.name)):
            entity.name = local.name
            if entity.type == "PER":
                self._index_name_end(entity.id, name_key(entity.name))
        entity.roles += [role for role in local.roles if role not in entity.roles]
        if article_id not in entity.articles:
            entity.articles.append(article_id)

    def as_list(self) -> list[dict]:
        return [entity.as_dict() for entity in sorted(self.entities.values(), key=lambda e: (-len(e.articles), e.id))]
