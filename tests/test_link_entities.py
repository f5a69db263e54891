"""Entities across articles: name variants join, different people stay apart."""
from storyline.ingest.article import make_article
from storyline.link.entities import EntityRegistry, group_mentions
from storyline.link.names import name_key
from storyline.model import Mention


def mentions_for(text: str, names: list[tuple[str, str]]) -> list[Mention]:
    """Hand-made NER output: every occurrence of each name, as the model would mark it."""
    found = []
    for name, type_ in names:
        start = text.find(name)
        while start >= 0:
            if not any(m.start <= start < m.end for m in found):
                found.append(Mention(start, start + len(name), name, type_))
            start = text.find(name, start + 1)
    return sorted(found, key=lambda m: m.start)


def test_transliteration_keys_join_variants_and_keep_people_apart():
    assert name_key("Kim Jong-un") == name_key("Kim Jong Un")
    assert name_key("Peskow") == name_key("Peskov")
    assert name_key("Schoigu") == name_key("Shoigu")
    assert name_key("Wostotschny") == name_key("Vostochny")
    assert name_key("Wladimir Putin") == name_key("Vladimir Putin")
    assert len({name_key("Kim Jong Un"), name_key("Kim Jong Il"), name_key("Kim Il Sung")}) == 3


def test_short_forms_join_full_names_within_an_article_and_roles_are_kept():
    text = ("Kremlsprecher Dimitri Peskow bestätigte, dass der russische Präsident Wladimir Putin Kim Jong Un "
            "empfängt. Putin und Kim sprachen lange. Peskows Angaben zufolge ging es um Raketen. "
            "Schon Kim Il Sung reiste mit dem Zug.")
    article = make_article(text, date="2023-09")
    names = [("Dimitri Peskow", "PER"), ("Wladimir Putin", "PER"), ("Kim Jong Un", "PER"), ("Kim Il Sung", "PER"),
             ("Putin", "PER"), ("Kim", "PER"), ("Peskows", "PER")]
    groups = {g.name: g for g in group_mentions(article, mentions_for(text, names))}
    assert sorted(groups) == ["Dimitri Peskow", "Kim Il Sung", "Kim Jong Un", "Wladimir Putin"]
    assert sorted(groups["Wladimir Putin"].forms) == ["Putin", "Wladimir Putin"]
    assert sorted(groups["Kim Jong Un"].forms) == ["Kim", "Kim Jong Un"]
    assert sorted(groups["Dimitri Peskow"].forms) == ["Dimitri Peskow", "Peskow"]
    assert groups["Dimitri Peskow"].roles == ["Kremlsprecher"]
    assert groups["Wladimir Putin"].roles == ["Präsident"]


def test_a_name_that_ends_in_s_keeps_it():
    text = "Palästinenserpräsident Mahmud Abbas reiste nach Kairo. Abbas sprach dort mit Jimmy Wales."
    article = make_article(text, date="2023-09")
    names = [("Mahmud Abbas", "PER"), ("Abbas", "PER"), ("Jimmy Wales", "PER")]
    groups = {g.name: g for g in group_mentions(article, mentions_for(text, names))}
    assert sorted(groups) == ["Jimmy Wales", "Mahmud Abbas"]
    assert sorted(groups["Mahmud Abbas"].forms) == ["Abbas", "Mahmud Abbas"]


def test_a_genitive_before_its_noun_names_the_person_without_the_s():
    text = "Napoleon Bonapartes Armee zog weiter."
    groups = group_mentions(make_article(text, date="2023-09"), mentions_for(text, [("Napoleon Bonapartes", "PER")]))
    assert [g.name for g in groups] == ["Napoleon Bonaparte"]


def test_an_organisation_named_only_in_the_genitive_is_listed_by_its_own_name():
    text = "Das bestätigte eine Sprecherin des Wirtschaftsministeriums. Auch Siemens und der Verband äußerten sich."
    names = [("Wirtschaftsministeriums", "ORG"), ("Siemens", "ORG")]
    groups = group_mentions(make_article(text, date="2016-02"), mentions_for(text, names))
    assert sorted(g.name for g in groups) == ["Siemens", "Wirtschaftsministerium"]


def test_registry_joins_spellings_across_articles_with_stable_ids():
    registry = EntityRegistry()
    first = "Kim Jong-un traf Wladimir Putin in Russland. Russlands Präsident lobte Kim."
    second = "Vladimir Putin empfing Kim Jong Un. Verteidigungsminister Sergei Shoigu war dabei."
    third = "Putin sagte wenig. Schoigu schwieg. Kim Jong Il war der Vater."
    for number, (text, names) in enumerate([
        (first, [("Kim Jong-un", "PER"), ("Wladimir Putin", "PER"), ("Russlands", "LOC"), ("Russland", "LOC"),
                 ("Kim", "PER")]),
        (second, [("Vladimir Putin", "PER"), ("Kim Jong Un", "PER"), ("Sergei Shoigu", "PER")]),
        (third, [("Putin", "PER"), ("Schoigu", "PER"), ("Kim Jong Il", "PER")]),
    ]):
        mentions = mentions_for(text, names)
        registry.add_article(make_article(text, id=f"a{number}"), mentions)
    entities = {e["name"]: e for e in registry.as_list()}
    assert sorted(entities["Wladimir Putin"]["variants"]) == ["Putin", "Vladimir Putin", "Wladimir Putin"]
    assert entities["Wladimir Putin"]["articles"] == 3
    assert sorted(entities["Kim Jong-un"]["variants"]) == ["Kim", "Kim Jong Un", "Kim Jong-un"]
    assert entities["Kim Jong Il"]["articles"] == 1
    assert sorted(entities["Sergei Shoigu"]["variants"]) == ["Schoigu", "Sergei Shoigu"]
    assert entities["Russland"]["variants"] == ["Russland", "Russlands"]


def test_a_place_first_named_in_the_genitive_keeps_its_own_name():
    registry = EntityRegistry()
    for number, (text, name) in enumerate([("Australiens Regierung tagte.", "Australiens"),
                                           ("In Australien regnet es.", "Australien"),
                                           ("Er reiste nach Paris.", "Paris")]):
        registry.add_article(make_article(text, id=f"a{number}"), mentions_for(text, [(name, "LOC")]))
    places = {e["name"]: e for e in registry.as_list()}
    assert sorted(places) == ["Australien", "Paris"]
    assert places["Australien"]["articles"] == 2
    assert sorted(places["Australien"]["variants"]) == ["Australien", "Australiens"]


def test_a_lone_surname_stays_apart_when_two_full_names_fit():
    registry = EntityRegistry()
    text = "Kim Jong Un und Kim Jong Il sind Vater und Sohn."
    registry.add_article(make_article(text, id="x"), mentions_for(text, [("Kim Jong Un", "PER"), ("Kim Jong Il", "PER")]))
    alone = "Kim sprach."
    mentions = mentions_for(alone, [("Kim", "PER")])
    registry.add_article(make_article(alone, id="y"), mentions)
    assert mentions[0].entity not in {e.id for e in registry.entities.values() if e.name.startswith("Kim Jong")}


def test_a_surname_the_model_typed_wrongly_joins_the_person_named_earlier():
    text = "Kremlsprecher Dimitri Peskow bestätigte die Ankunft. Wo genau, sagte Peskow nicht."
    article = make_article(text)
    mentions = mentions_for(text, [("Dimitri Peskow", "PER"), ("Peskow", "LOC")])
    (group,) = group_mentions(article, mentions)
    assert group.name == "Dimitri Peskow" and [m.type for m in mentions] == ["PER", "PER"]


def test_a_lone_surname_joins_the_one_full_name_of_a_restored_registry():
    """The stream goes on from the store: the surname index is rebuilt from the saved entities."""
    saved = EntityRegistry()
    text = "Olaf Scholz und Annalena Baerbock reisten nach Kiew."
    saved.add_article(make_article(text, id="x"),
                      mentions_for(text, [("Olaf Scholz", "PER"), ("Annalena Baerbock", "PER")]))
    restored = EntityRegistry()
    restored.load(list(saved.entities.values()), saved.new_keys)
    alone = "Scholz sprach, Baerbock schwieg, Habeck fehlte."
    mentions = mentions_for(alone, [("Scholz", "PER"), ("Baerbock", "PER"), ("Habeck", "PER")])
    restored.add_article(make_article(alone, id="y"), mentions)
    ids = {e.name: e.id for e in saved.entities.values()}
    assert [m.entity for m in mentions[:2]] == [ids["Olaf Scholz"], ids["Annalena Baerbock"]]
    assert mentions[2].entity not in ids.values()
