"""Story clustering: same event in other words joins, same company but another event does not."""
from __future__ import annotations

from collections import Counter

from storyline.analyze.pipeline import analyze_article
from storyline.ingest.article import make_article
from storyline.link.corpus import link_entities
from storyline.link.features import compute_simhash, features_from_article, find_headline, find_towns, stem_word
from storyline.link.stories import assign_story, cluster_articles, towns_disagree
from storyline.link.story_index import StoryIndex, story_vector
from storyline.model import Mention, Place

STRIKE_DPA = (
    "Verdi legt Flughäfen lahm\n\n"
    "Die Gewerkschaft Verdi hat für Mittwoch zu einem Warnstreik an den Flughäfen Frankfurt, München "
    "und Düsseldorf aufgerufen. Die Lufthansa streicht deshalb fast 900 Flüge. Betroffen sind vor allem "
    "Inlandsflüge und Verbindungen innerhalb Europas. Passagiere sollen auf die Bahn ausweichen."
)
STRIKE_REUTERS = (
    "Hunderte Flüge fallen wegen Warnstreik aus\n\n"
    "Wegen des Warnstreiks der Gewerkschaft Verdi an mehreren deutschen Flughäfen hat die Lufthansa am "
    "Mittwoch fast 900 Verbindungen gestrichen. In Frankfurt und München standen die Sicherheitskontrollen "
    "still. Reisende wichen auf Züge der Bahn aus."
)
STRIKE_LOCAL = (
    "Warnstreik am Flughafen Düsseldorf\n\n"
    "Auch am Düsseldorfer Flughafen haben Beschäftigte am Mittwoch auf Aufruf von Verdi die Arbeit "
    "niedergelegt. Die Lufthansa strich zahlreiche Flüge, an den Sicherheitskontrollen bildeten sich "
    "lange Schlangen. Verdi will mit dem Warnstreik den Druck im Tarifstreit erhöhen."
)
LUFTHANSA_RESULTS = (
    "Lufthansa steigert Gewinn deutlich\n\n"
    "Die Lufthansa hat im abgelaufenen Geschäftsjahr dank niedriger Treibstoffkosten deutlich mehr "
    "verdient. Der bereinigte Betriebsgewinn stieg auf 1,8 Milliarden Euro, teilte der Konzern in Köln mit. "
    "Die Aktionäre sollen eine höhere Dividende erhalten; Vorstandschef Carsten Spohr bestätigte die Prognose."
)


def make_features(text: str, id: str, date: str = "2016-04-27", mentions=None):
    return features_from_article(make_article(text, id=id, date=date), mentions=mentions)


def test_same_event_in_other_words_joins_and_same_company_other_event_does_not():
    features = [
        make_features(STRIKE_DPA, "dpa", "2016-04-26"),
        make_features(STRIKE_REUTERS, "reuters"),
        make_features(STRIKE_LOCAL, "local"),
        make_features(LUFTHANSA_RESULTS, "results"),
    ]
    stories = cluster_articles(features)
    assert stories["dpa"] == stories["reuters"] == stories["local"]
    assert stories["results"] != stories["dpa"]


AGENCY_EXTRA = (
    " Der Flughafenbetreiber Fraport rechnet mit erheblichen Einschränkungen im gesamten Tagesverlauf."
    " Verdi fordert für die rund zwei Millionen Beschäftigten von Bund und Kommunen sechs Prozent mehr Geld,"
    " die Arbeitgeber haben bislang drei Prozent in zwei Stufen angeboten. Die nächste Verhandlungsrunde ist"
    " für Donnerstag in Potsdam angesetzt. Gewerkschaftschef Frank Bsirske verteidigte die Warnstreiks gegen"
    " Kritik aus der Wirtschaft und sprach von einem notwendigen Signal an die Arbeitgeber."
)


def test_agency_copy_joins_even_with_another_headline_and_a_changed_word():
    wire = STRIKE_DPA + AGENCY_EXTRA
    copy = wire.replace("Verdi legt Flughäfen lahm", "Streik: Chaos an Airports").replace(
        "fast 900 Flüge", "rund 900 Flüge"
    )
    original, duplicate = make_features(wire, "a"), make_features(copy, "b")
    assert bin(original.simhash ^ duplicate.simhash).count("1") <= 6
    assert cluster_articles([original, duplicate]) == {"a": "story-000001", "b": "story-000001"}


def test_time_window_splits_the_same_wording_two_months_later():
    stories = cluster_articles(
        [make_features(STRIKE_DPA, "april", "2016-04-26"), make_features(STRIKE_REUTERS, "june", "2016-06-29")]
    )
    assert stories["april"] != stories["june"]


def test_recluster_gives_the_same_stories_as_the_stream():
    features = [
        make_features(LUFTHANSA_RESULTS, "results", "2016-03-17"),
        make_features(STRIKE_DPA, "dpa", "2016-04-26"),
        make_features(STRIKE_REUTERS, "reuters", "2016-04-27"),
        make_features(STRIKE_LOCAL, "local", "2016-04-27"),
    ]
    index = StoryIndex()
    streamed = {f.id: assign_story(index, f) for f in features}
    final = {article_id: index.article_story[article_id] for article_id in streamed}
    assert cluster_articles(list(reversed(features))) == final
    assert len(set(final.values())) == 2


def test_mentions_from_the_ner_stage_replace_the_capitalised_word_guess():
    text = "Verdi ruft zum Streik auf\n\nDie Gewerkschaft Verdi ruft die Beschäftigten der Lufthansa zum Streik auf."
    start = text.index("Lufthansa", 40)
    mentions = [Mention(start, start + 9, "Lufthansa", "ORG", entity="Q9325"), Mention(0, 5, "Verdi", "ORG")]
    assert make_features(text, "x", mentions=mentions).entities == {"Q9325", "verdi"}


def test_stem_word_folds_inflections_of_one_word():
    assert {stem_word(w) for w in ("Streik", "Streiks", "Streikes")} == {"streik"}
    assert stem_word("Flughäfen") == stem_word("Flughafen") or stem_word("Flughäfen") == "flughäf"


def test_simhash_of_unrelated_texts_differs_in_many_bits():
    assert bin(compute_simhash(STRIKE_DPA) ^ compute_simhash(LUFTHANSA_RESULTS)).count("1") > 12


def test_heading_stands_in_for_a_missing_title():
    """JSON Lines input often has no `title`: the text's heading block is weighed as one."""
    article = make_article(STRIKE_DPA, id="x", date="2016-04-26")
    assert article.title is None
    assert find_headline(article) == "Verdi legt Flughäfen lahm"
    assert make_features(STRIKE_DPA, "x").terms["lahm"] > make_features(STRIKE_DPA.replace("\n\n", " "), "y").terms["lahm"]


def test_cached_story_centroid_follows_new_articles():
    index = StoryIndex()
    first = make_features(STRIKE_DPA, "dpa", "2016-04-26")
    story_id = assign_story(index, first)
    before, _ = story_vector(index, index.stories[story_id])
    assert "sicherheitskontroll" not in before
    assert assign_story(index, make_features(STRIKE_REUTERS, "reuters", "2016-04-26")) == story_id
    after, norm = story_vector(index, index.stories[story_id])
    assert "sicherheitskontroll" in after and norm > 0


def test_analyze_path_with_ner_mentions_and_places_clusters_the_strike():
    """What `storyline analyze` does: analyse, link entities, then cluster with mentions and places."""
    texts = {"dpa": (STRIKE_DPA, "2016-04-26"), "reuters": (STRIKE_REUTERS, "2016-04-27"),
             "local": (STRIKE_LOCAL, "2016-04-27"), "results": (LUFTHANSA_RESULTS, "2016-04-27")}
    analysed = [analyze_article(make_article(text, id=key, date=day)) for key, (text, day) in texts.items()]
    link_entities(analysed)
    stories = cluster_articles([features_from_article(a.article, a.mentions, a.places) for a in analysed])
    assert stories["dpa"] == stories["reuters"] == stories["local"] != stories["results"]


AIRPORT_HAMBURG_DPA = (
    "Verdi legt Hamburger Flughafen lahm\n\n"
    "Im Tarifstreit des öffentlichen Dienstes hat die Gewerkschaft Verdi das Bodenpersonal am Flughafen "
    "Hamburg zu einem ganztägigen Warnstreik aufgerufen. Verdi fordert für die Beschäftigten von Bund und "
    "Kommunen sechs Prozent mehr Geld, die Arbeitgeber bieten drei Prozent. In Hamburg fallen mehr als "
    "200 Starts und Landungen aus, Passagiere sollen auf die Bahn ausweichen."
)
AIRPORT_HAMBURG_LOCAL = (
    "Warnstreik: Leere Hallen am Hamburger Flughafen\n\n"
    "Wegen des Warnstreiks von Verdi blieben die Schalter am Flughafen Hamburg am Dienstag geschlossen. "
    "Mehr als 200 Flüge wurden gestrichen. Die Gewerkschaft will im Tarifstreit von Bund und Kommunen den "
    "Druck auf die Arbeitgeber erhöhen, die bisher drei Prozent mehr Geld angeboten haben."
)
HOSPITAL_KOELN = (
    "Streik an Kölner Kliniken\n\n"
    "Pflegekräfte der städtischen Kliniken in Köln haben am Dienstag die Arbeit niedergelegt. Verdi hatte "
    "zu dem Ausstand aufgerufen, um im Tarifstreit des öffentlichen Dienstes Druck zu machen. Planbare "
    "Operationen wurden verschoben, die Notaufnahmen blieben geöffnet. Vor dem Krankenhaus Merheim "
    "versammelten sich rund 400 Beschäftigte zu einer Kundgebung."
)


def town_features(text: str, id: str, town: str | None):
    """Features with one geocoded town (as the places stage gives it), or with no places at all."""
    article = make_article(text, id=id, date="2016-04-26")
    if town is None:
        return features_from_article(article, places=[])
    start = text.index(town)
    place = Place(start, start + len(town), town, town, 50.0, 8.0, "DE", "P", 1.0)
    return features_from_article(article, places=[place])


def test_same_union_striking_in_another_sector_and_town_stays_apart():
    features = [town_features(AIRPORT_HAMBURG_DPA, "hamburg-dpa", "Hamburg"),
                town_features(AIRPORT_HAMBURG_LOCAL, "hamburg-local", "Hamburg"),
                town_features(HOSPITAL_KOELN, "koeln", "Köln")]
    assert features[2].towns == {"Köln"}
    stories = cluster_articles(features)
    assert stories["hamburg-dpa"] == stories["hamburg-local"]
    assert stories["koeln"] != stories["hamburg-dpa"]
    # the vocabulary alone (Verdi, Tarifstreit, öffentlicher Dienst) would put them together
    no_towns = cluster_articles([town_features(t, i, None) for t, i in
                                 ((AIRPORT_HAMBURG_DPA, "hamburg-dpa"), (HOSPITAL_KOELN, "koeln"))])
    assert no_towns["koeln"] == no_towns["hamburg-dpa"]


def test_towns_disagree_only_when_both_sides_name_towns():
    assert towns_disagree({"Köln"}, Counter({"Hamburg": 2}))
    assert not towns_disagree({"Köln", "Hamburg"}, Counter({"Hamburg": 1}))
    assert not towns_disagree(set(), Counter({"Hamburg": 1}))
    assert not towns_disagree({"Köln"}, Counter())


def test_countries_and_unresolved_places_are_no_towns():
    places = [Place(0, 7, "Hamburg", "Hamburg", 53.55, 9.99, "DE", "P", 1.0),
              Place(10, 21, "Deutschland", "Deutschland", 51.0, 9.0, "DE", "A", 1.0),
              Place(25, 32, "Merheim", None, None, None)]
    assert find_towns(places) == {"Hamburg"}


def test_story_title_is_the_first_whole_headline_without_agency_tags():
    from storyline.link.story_view import story_title
    from storyline.model import AnalyzedArticle

    cut = make_article("Gabriel billigt die Fusion.", id="a", title="ROUNDUP 2/Kreise: Gabriel billigt Fusion Edeka/Tengelmann mi...")
    whole = make_article("Gabriel stellt Bedingungen.", id="b", title="Gabriel stellt harte Bedingungen für Edeka/Tengelmann-Fusion")
    tagged = make_article("Mars ruft zurück.", id="c", title="> ROUNDUP 2: Mars ruft Millionen Schokoriegel zurück")
    assert story_title([AnalyzedArticle(cut), AnalyzedArticle(whole)]) == whole.title
    assert story_title([AnalyzedArticle(tagged)]) == "Mars ruft Millionen Schokoriegel zurück"
    assert story_title([AnalyzedArticle(cut)]) == "Gabriel billigt Fusion Edeka/Tengelmann mi..."  # nothing better at hand
    untitled = make_article("Das Treffen zwischen Wladimir Putin und Kim Jong-un ist eine provokative Geste an die "
                            "Welt und ein Zeichen dafür, wie tief Russland abgestiegen ist. Mehr folgt.", id="d")
    assert story_title([AnalyzedArticle(untitled)]) == (
        "Das Treffen zwischen Wladimir Putin und Kim Jong-un ist eine provokative Geste …")


def test_story_title_leaves_out_the_pages_breadcrumb():
    from storyline.link.story_view import story_title
    from storyline.model import AnalyzedArticle

    crumbs = make_article("Mecklenburg Grevesmühlen Wirtschaft German Pellets: Amtsgericht bestellt Insolvenzverwalterin\n"
                          "Mehr aus Wirtschaft\nWismar – German Pellets: Amtsgericht bestellt Insolvenzverwalterin\n"
                          "Richter lehnt den Antrag ab.", id="a",
                          title="Mecklenburg Grevesmühlen Wirtschaft German Pellets: Amtsgericht bestellt Insolvenzverwalterin")
    section = make_article("Anleger der Maple Bank können hoffen.", id="b",
                           title="Deutschland Anleger der insolventen Maple Bank werden entschädigt")
    plain = make_article("Deutschland gewinnt in Paris.", id="c", title="Deutschland gewinnt das Finale")
    assert story_title([AnalyzedArticle(crumbs)]) == "German Pellets: Amtsgericht bestellt Insolvenzverwalterin"
    assert story_title([AnalyzedArticle(section)]) == "Anleger der insolventen Maple Bank werden entschädigt"
    assert story_title([AnalyzedArticle(plain)]) == "Deutschland gewinnt das Finale"


def test_one_unnamed_minister_is_one_speaker_however_the_reports_adorn_the_role():
    from storyline.model import AnalyzedArticle, Quote
    from storyline.views import _quotes_by_speaker

    def report(id: str, speaker: str, words: str) -> AnalyzedArticle:
        text = f"{words}, sagte {speaker}."
        return AnalyzedArticle(make_article(text, id=id, date="2016-04-17"),
                               quotes=[Quote(0, len(words), words, "indirect", "sagte", speaker)])

    groups = _quotes_by_speaker([report("a", "der Sicherheitsminister des südamerikanischen Landes", "Es gebe 77 Tote"),
                                 report("b", "der Sicherheitsminister des Landes", "Es gebe 233 Tote"),
                                 report("c", "ein Sprecher", "Die Lage sei ernst"),
                                 report("d", "der Sprecher", "Man helfe")], {})
    assert [(g["name"], len(g["quotes"])) for g in groups] == [
        ("der Sicherheitsminister des südamerikanischen Landes", 2), ("ein Sprecher", 1), ("der Sprecher", 1)]


STRIKE_CAMPAIGN = [  # one union's warning strikes of one pay round: the hospitals on Thursday, the airports next week
    {"id": "kliniken", "date": "2016-04-21", "text": (
        "Verdi bestreikt Krankenhäuser in NRW\n\nDÜSSELDORF (dpa) - Rund 2000 Beschäftigte kommunaler "
        "Krankenhäuser sind am Donnerstag in Nordrhein-Westfalen in einen ganztägigen Warnstreik getreten. Die "
        "Gewerkschaft Verdi hatte das Personal von 50 Kliniken aufgerufen. In Köln und Dortmund zogen Streikende "
        "durch die Innenstadt. Verdi fordert im Tarifkonflikt des öffentlichen Dienstes sechs Prozent mehr Geld "
        "für die Beschäftigten von Bund und Kommunen.")},
    {"id": "kliniken-folgen", "date": "2016-04-22", "text": (
        "Nach Klinik-Warnstreik: Operationen verschoben\n\nDÜSSELDORF (dpa) - Der Warnstreik an den kommunalen "
        "Krankenhäusern in Nordrhein-Westfalen am Donnerstag hat zu zahlreichen verschobenen Operationen geführt. "
        "Die Gewerkschaft Verdi sprach von einer hohen Beteiligung in Köln und Dortmund. Im Tarifkonflikt des "
        "öffentlichen Dienstes fordert Verdi sechs Prozent mehr Geld.")},
    {"id": "flughafen-aufruf", "date": "2016-04-22", "text": (
        "Warnstreik an NRW-Flughäfen: Hunderte Flüge fallen aus\n\nDÜSSELDORF (dpa) - Fluggäste in "
        "Nordrhein-Westfalen müssen sich am kommenden Mittwoch auf massive Behinderungen einstellen. Verdi hat die "
        "Beschäftigten der Flughäfen Düsseldorf und Köln/Bonn zu einem ganztägigen Warnstreik aufgerufen. "
        "Betroffen sind Bodenverkehrsdienste, Feuerwehr und Sicherheitskontrollen. Die Lufthansa rechnet mit "
        "Hunderten Annullierungen. Hintergrund ist der Tarifkonflikt im öffentlichen Dienst.")},
    {"id": "flughafen-streik", "date": "2016-04-27", "text": (
        "Warnstreik legt Flughäfen Düsseldorf und Köln/Bonn lahm\n\nDÜSSELDORF (dpa) - Der ganztägige Warnstreik "
        "von Verdi hat am Mittwoch den Flugverkehr an den Flughäfen Düsseldorf und Köln/Bonn weitgehend "
        "lahmgelegt. Hunderte Flüge fielen aus, die Lufthansa strich fast alle Inlandsverbindungen. An den "
        "Sicherheitskontrollen blieben die Schalter leer.")},
]


def test_a_strike_announced_for_another_day_is_a_story_of_its_own(tmp_path):
    """The airport strike announced on Friday for next Wednesday shares union, pay round and towns
    with Thursday's hospital strike; `storyline analyze` keeps it apart by the day it names, while the
    report of the hospital strike's consequences, which names the past Thursday, stays with it."""
    import json

    from storyline.flow import analyze_paths

    path = tmp_path / "strikes.jsonl"
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in STRIKE_CAMPAIGN), encoding="utf-8")
    document, _ = analyze_paths([path], workers=1)
    assert sorted(sorted(story["articles"]) for story in document["stories"]) == [
        ["flughafen-aufruf", "flughafen-streik"], ["kliniken", "kliniken-folgen"]]
