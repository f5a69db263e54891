"""Places beyond towns and countries (issue 20): regions, waters, islands, mountains, facilities,
compounds and disambiguation by the article's other places, each with its kind."""
from storyline.analyze.places.geocode import find_places
from storyline.analyze.places.index import distance_km
from storyline.ingest.article import make_article
from storyline.jsondoc import article_json
from storyline.model import AnalyzedArticle, Mention
from storyline.web.map import draw_map
from storyline.web.report import story_html


def places_of(text: str) -> dict:
    """The text scan alone (no NER mentions), as the stage runs before a model exists."""
    return {p.text: p for p in find_places(make_article(text, date="2024-05-01"), [])}


def near(place, lat: float, lon: float, km: float) -> bool:
    return place.lat is not None and distance_km(lat, lon, place.lat, place.lon) <= km


def test_regions_german_exonyms_and_head_words():
    places = places_of("Waldbrände in Kalifornien, im Elsass und auf der Krim; "
                       "im US-Bundesstaat Illinois und in der Provinz Helmand.")
    assert near(places["Kalifornien"], 37.2, -119.5, 300) and places["Kalifornien"].kind == "region"
    assert near(places["Elsass"], 48.3, 7.5, 100) and places["Elsass"].kind == "region"
    assert near(places["Krim"], 45.3, 34.4, 150)
    assert near(places["Illinois"], 40.0, -89.2, 300) and places["Illinois"].kind == "region"
    assert near(places["Helmand"], 31.0, 64.0, 200)


def test_a_province_named_like_its_capital_needs_the_head_word():
    places = find_places(make_article("Im Bundesstaat New York gelten strenge Gesetze, sagte er in New York.",
                                      date="2024-05-01"), [])
    state, city = places
    assert state.kind == "region" and city.kind == "city"
    assert near(city, 40.71, -74.0, 10) and not near(state, 40.71, -74.0, 10)


def test_waters_with_inflected_forms():
    places = places_of("Schiffe auf dem Rhein, im Bodensee und im Golf von Mexiko; "
                       "die Küste des Schwarzen Meeres.")
    assert near(places["Rhein"], 50.4, 7.6, 300)
    assert near(places["Bodensee"], 47.6, 9.4, 30)
    assert near(places["Golf von Mexiko"], 25.0, -90.0, 500)
    assert near(places["Schwarzen Meeres"], 43.0, 34.0, 400)
    assert {places[name].kind for name in ("Rhein", "Bodensee", "Golf von Mexiko", "Schwarzen Meeres")} == {"water"}


def test_islands_and_mountains():
    places = places_of("Flüchtlinge erreichten Lampedusa und Sizilien; Schnee auf Hokkaido und auf der Zugspitze.")
    assert near(places["Lampedusa"], 35.5, 12.6, 30) and places["Lampedusa"].kind == "island"
    assert near(places["Sizilien"], 37.6, 14.2, 150) and places["Sizilien"].kind == "island"
    assert near(places["Hokkaido"], 43.3, 142.6, 250) and places["Hokkaido"].kind == "island"
    assert near(places["Zugspitze"], 47.42, 10.98, 10) and places["Zugspitze"].kind == "mountain"


def test_facilities_resolve_to_the_facility_not_the_town_centre():
    places = places_of("Streik am Flughafen Frankfurt und am Münchner Flughafen; Alarm im Hauptbahnhof Köln, "
                       "Start am Kosmodrom Wostotschny, Beschuss am Kernkraftwerk Saporischschja.")
    assert near(places["Flughafen Frankfurt"], 50.03, 8.57, 5)  # the airfield, 11 km from the town
    assert near(places["Münchner Flughafen"], 48.35, 11.79, 5)  # 29 km from Munich
    assert near(places["Hauptbahnhof Köln"], 50.94, 6.96, 5)
    assert near(places["Kosmodrom Wostotschny"], 51.88, 128.33, 20)
    assert near(places["Kernkraftwerk Saporischschja"], 47.51, 34.59, 5)
    assert {p.kind for p in places.values()} == {"facility"}


def test_towns_listed_after_flughaefen_are_their_airports():
    places = find_places(make_article("Streiks an den Flughäfen München und Hamburg. In München regnet es.",
                                      date="2024-05-01"), [])
    airport, hamburg, town = places
    assert near(airport, 48.35, 11.79, 5) and airport.kind == "facility"
    assert near(hamburg, 53.63, 9.99, 5) and hamburg.kind == "facility"
    assert near(town, 48.14, 11.58, 5) and town.kind == "city"


def test_compounds_name_their_place():
    places = places_of("Nach der Nordkorea-Reise und dem Moskau-Besuch tagte man im Rhein-Main-Gebiet.")
    assert places["Nordkorea"].country == "KP" and places["Nordkorea"].kind == "country"
    assert near(places["Moskau"], 55.76, 37.62, 30)
    assert near(places["Rhein-Main-Gebiet"], 50.1, 8.7, 60) and places["Rhein-Main-Gebiet"].kind == "region"


def test_georgia_beside_atlanta_is_the_state_beside_tiflis_the_country():
    assert places_of("Der Gouverneur von Georgia sprach in Atlanta.")["Georgia"].country == "US"
    assert places_of("Georgia und Armenien verhandeln in Tiflis.")["Georgia"].country == "GE"


def test_a_country_adjective_is_context():
    places = places_of("Im Bezirk Zhari in der afghanischen Provinz Kandahar starben fünf Menschen.")
    assert "Zhari" not in places or places["Zhari"].country in (None, "AF")  # not Żary, Poland


def test_common_nouns_stay_common_nouns():
    assert places_of("Der Zug hielt. Sie studierte Jura, las eine Saga und flog vom Flughafen ab.") == {}


def test_the_seed_places_still_resolve():
    places = places_of("Vom Kosmodrom Wostotschny ging es nach Komsomolsk am Amur, Wladiwostok und zum Baikalsee.")
    assert near(places["Kosmodrom Wostotschny"], 51.88, 128.33, 150)
    assert near(places["Komsomolsk am Amur"], 50.55, 137.02, 50)
    assert near(places["Wladiwostok"], 43.12, 131.89, 50)
    assert near(places["Baikalsee"], 53.5, 108.2, 300) and places["Baikalsee"].kind == "water"


def test_every_place_in_the_json_has_its_kind():
    article = make_article("Am Flughafen Bremen und am Rhein bei Köln.", id="a1", date="2024-05-01")
    analyzed = AnalyzedArticle(article=article, places=find_places(article, []))
    kinds = {p["text"]: p["kind"] for p in article_json(analyzed)["places"]}
    assert kinds == {"Flughafen Bremen": "facility", "Rhein": "water", "Köln": "city"}


def test_the_map_names_each_kind_and_escapes_names():
    places = [{"name": "Rhein", "lat": 50.4, "lon": 7.6, "kind": "water", "mentions": 2},
              {"name": "<b>Flughafen</b>", "lat": 50.03, "lon": 8.57, "kind": "facility"},
              {"name": "Köln", "lat": 50.94, "lon": 6.96, "kind": "<script>"}]
    svg = str(draw_map(places, lang="de"))
    assert "<title>Rhein – Gewässer (2×)</title>" in svg
    assert "&lt;b&gt;Flughafen&lt;/b&gt; – Anlage" in svg and "<b>" not in svg
    assert 'class="place kind-other"' in svg and "<script>" not in svg
    assert '<g class="legend"' in svg and ">Gewässer</text>" in svg and ">Anlage</text>" in svg


def test_the_story_page_lists_each_place_with_its_kind():
    story = {"id": "s1", "title": "Hochwasser am Rhein", "articles": [],
             "places": [{"name": "Rhein", "lat": 50.4, "lon": 7.6, "kind": "water", "mentions": 2, "texts": ["Rhein"]},
                        {"name": "<i>Köln</i>", "lat": 50.94, "lon": 6.96, "kind": "city", "mentions": 1,
                         "texts": ["Köln"]}]}
    html = story_html(story, "de")
    listing = html[html.index('<ul class="places">'):]
    assert "<li>Rhein, Gewässer – 2× genannt" in listing
    assert "<li>&lt;i&gt;Köln&lt;/i&gt;, Ort – 1× genannt" in listing and "<i>Köln" not in html


def test_each_town_in_a_list_of_airports_gets_its_own_airport_not_an_international_neighbour():
    names = {text: place.name for text, place in
             places_of("Die Flughäfen München, Düsseldorf und Köln/Bonn sollen betroffen sein.").items()}
    assert names["Köln/Bonn"] == "Cologne Bonn Airport" and names["Düsseldorf"] == "Dusseldorf International Airport"
    assert names["München"] == "Munich International Airport" and "Bonn" not in names


def test_provinces_whose_codes_geonames_does_not_share_are_found_by_their_name():
    places = places_of("Ein Bus stürzte in der Region La Libertad in Peru in eine Schlucht; "
                       "Proteste in der Provinz Jiangxi in China.")
    assert near(places["La Libertad"], -7.9, -78.6, 150) and places["La Libertad"].kind == "region"
    assert near(places["Jiangxi"], 27.6, 115.7, 300) and places["Jiangxi"].kind == "region"


def test_names_written_without_their_accents():
    text = "Der neue Flughafen liegt auf der Halbinsel Samana in der Dominikanischen Republik."
    start = text.index("Samana")
    places = find_places(make_article(text, date="2024-05-01"), [Mention(start, start + 6, "Samana", "LOC")])
    assert near(places[0], 19.2, -69.4, 50)  # Samaná, not Samāna in India


def test_a_short_name_is_the_towns_own_name():
    places = places_of("Ein Gefahrgutunfall auf der A3 bei Limburg (Hessen) führte zu einem Stau bis Belgien.")
    assert near(places["Limburg"], 50.38, 8.06, 10)  # Limburg an der Lahn, not the Dutch province


def test_a_province_named_like_a_well_known_river_needs_its_head_word():
    places = places_of("Er wanderte von der Quelle in Peru bis zur Mündung des Amazonas in Südamerika.")
    assert places["Amazonas"].country == "BR"  # the river or the Brazilian state, not the Peruvian region


def test_a_first_name_that_is_also_a_province_is_no_place():
    assert "Vladimir" not in places_of("Polizeichef Vladimir Danyluk bestätigte, dass das Kind gefunden sei.")


def test_a_compass_word_names_part_of_any_area():
    places = places_of("Waldbrände in Nordkalifornien und in Süd-Florida; Kämpfe in Nordsyriens Städten.")
    assert near(places["Nordkalifornien"], 39.5, -121.5, 250) and places["Nordkalifornien"].kind == "region"
    assert near(places["Süd-Florida"], 26.0, -80.8, 250)  # moved south of the state's middle
    assert near(places["Nordsyriens"], 36.3, 38.0, 250)


def test_a_compass_word_before_a_common_noun_is_no_place():
    assert places_of("Ein kräftiger Südwind und der Ostwind wehten über die Westseite.") == {}


def test_islands_and_areas_the_ner_model_calls_organisations_or_persons():
    text = "Pantelleria liegt im Mittelmeer. Regen über den Hauptinseln Kyūshū und Shikoku und über Süd-Florida."
    spans = [("Pantelleria", "ORG"), ("Kyūshū", "PER"), ("Süd-Florida", "ORG"), ("Mittelmeer", "LOC")]
    mentions = [Mention(text.index(name), text.index(name) + len(name), name, kind) for name, kind in spans]
    places = {p.text: p for p in find_places(make_article(text, date="2024-05-01"), mentions)}
    assert near(places["Pantelleria"], 36.8, 11.95, 20) and places["Pantelleria"].kind == "island"
    assert near(places["Kyūshū"], 32.6, 131.0, 200) and places["Kyūshū"].kind == "island"
    assert places["Süd-Florida"].kind == "region"


def test_a_person_named_like_a_place_stays_a_person():
    text = "Paris Hilton und Georgia Meyer kamen."
    mentions = [Mention(0, 12, "Paris Hilton", "PER"), Mention(17, 29, "Georgia Meyer", "PER")]
    assert find_places(make_article(text, date="2024-05-01"), mentions) == []


def test_an_english_institution_word_is_no_town():
    assert "University" not in places_of("Der Biologe von der Rutgers University im US-Bundesstaat New Jersey.")


def test_a_german_transliteration_finds_the_english_spelling_in_the_articles_country():
    text = "Ghadschar liegt teilweise im Libanon und teilweise auf den von Israel annektierten Golanhöhen."
    found = find_places(make_article(text, date="2024-05-01"), [Mention(0, 9, "Ghadschar", "LOC")])
    assert near(found[0], 33.27, 35.62, 10)  # Ghajar


def test_an_english_spelling_in_another_country_is_no_guess():
    text = "Ein Marsch von Tibetern in Machu in der Provinz Gansu in China."
    start = text.index("Machu")
    found = find_places(make_article(text, date="2024-05-01"), [Mention(start, start + 5, "Machu", "LOC")])
    assert found[0].lat is None  # 'Makhu' is a town in India


def test_second_level_areas_named_unlike_their_towns():
    places = places_of("Waldbrände im französischen Département Gironde und im Orange County in Kalifornien; "
                       "Hochwasser in der englischen Grafschaft Kent.")
    assert near(places["Gironde"], 44.8, -0.6, 80) and places["Gironde"].kind == "region"
    assert near(places["Orange County"], 33.7, -117.8, 50)
    assert near(places["Kent"], 51.2, 0.7, 80)


def located(text: str, names: list[str]) -> dict:
    """Places of `text` with each of `names` given as an NER LOC mention."""
    mentions = [Mention(text.index(n), text.index(n) + len(n), n, "LOC") for n in names]
    return {p.text: p for p in find_places(make_article(text, date="2016-03-10"), mentions)}


def test_a_town_written_with_its_river_or_lake():
    text = "Die Firmen sitzen in Frankfurt/Main, Frankfurt/Oder und Kochel am See."
    places = located(text, ["Frankfurt/Main", "Frankfurt/Oder", "Kochel am See"])
    assert near(places["Frankfurt/Main"], 50.11, 8.68, 15)
    assert near(places["Frankfurt/Oder"], 52.34, 14.55, 15)  # the Frankfurt nearest the Oder
    assert near(places["Kochel am See"], 47.66, 11.37, 10)


def test_a_village_by_its_long_short_or_first_name():
    text = "Brand in Dorf Rosenau (Bezirk Zwettl); Feste in Millstatt am See und in Dannstadt."
    places = located(text, ["Zwettl", "Millstatt am See", "Dannstadt"])
    assert near(places["Zwettl"], 48.6, 15.17, 15)  # 'Zwettl Stadt' in GeoNames
    assert near(places["Millstatt am See"], 46.8, 13.58, 10)
    assert near(places["Dannstadt"], 49.43, 8.31, 10)  # Dannstadt-Schauernheim


def test_an_airport_whose_source_point_is_written_in_minutes():
    places = places_of("Erstmals startete wieder eine Maschine vom Brüsseler Flughafen.")
    assert near(places["Brüsseler Flughafen"], 50.90, 4.48, 5)  # airportsdata says 50.5405, 4.2904


def test_a_named_yard_after_its_towns_adjective():
    places = places_of("Das auf der Bremerhavener Lloyd Werft gebaute Kreuzfahrtschiff wurde übergeben.")
    yard = places["Bremerhavener Lloyd Werft"]
    assert near(yard, 53.54, 8.58, 10) and yard.kind == "facility"


def test_a_word_after_a_colon_starts_a_clause():
    places = places_of("Der Fall sorgte für Schlagzeilen: Weil es dem Inhaber nicht passte, zahlte er nicht. "
                       "Die Polizei in Weil der Stadt ermittelt.")
    assert [p.name for p in places.values()] == ["Weil der Stadt"]
    assert places["Weil der Stadt"].start > 60  # the town, not the conjunction


def test_a_caption_position_is_no_district():
    text = "Staatssekretär Roland Krämer (Mitte) übergab den Bescheid im Berliner Bezirk Mitte."
    first, second = text.index("Mitte"), text.rindex("Mitte")
    mentions = [Mention(first, first + 5, "Mitte", "LOC"), Mention(second, second + 5, "Mitte", "LOC")]
    places = find_places(make_article(text, date="2016-03-10"), mentions)
    assert [p.start for p in places if p.lat is not None] == [second]


def test_the_gazetteer_build_reads_airport_points_written_in_minutes_only_near_their_namesake_town():
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scripts"))
    from gazetteer_kinds import corrected_point

    towns = {("brussels", "BE"): [(50.85, 4.35)], ("patras", "GR"): [(38.25, 21.73)]}
    brussels = {"name": "Brussels Airport", "city": "Brussels", "country": "BE", "lat": 50.5405, "lon": 4.2904}
    assert corrected_point(brussels, towns) == (50 + 54 / 60 + 5 / 3600, 4 + 29 / 60 + 4 / 3600)
    araxos = {"name": "Araxos Airport", "city": "Patras", "country": "GR", "lat": 38.1511, "lon": 21.4256}
    assert corrected_point(araxos, towns) == (38.1511, 21.4256)  # named after another place: 29 km out is right


def test_a_town_many_towns_share_is_the_one_at_the_place_named_after_it():
    text = "Ein Unfall in Neukirchen bei Chemnitz am Morgen."
    places = located(text, ["Neukirchen", "Chemnitz"])
    assert near(places["Neukirchen"], 50.78, 12.87, 15)  # not Neukirchen in Hessen, 230 km away


def test_a_named_site_is_placed_in_the_town_the_text_puts_it_in():
    places = places_of("Das Finale fand im Anfield-Stadion in Liverpool statt, das Rückspiel im Wembley Stadium "
                       "in London; ein Konzert im Stadtpark von Celle.")
    assert near(places["Anfield-Stadion"], 53.43, -2.96, 10) and places["Anfield-Stadion"].kind == "facility"
    assert near(places["Wembley Stadium"], 51.56, -0.28, 35) and places["Wembley Stadium"].kind == "facility"
    assert "Stadtpark" not in places  # a common noun, no name
    text = "Tausende jubelten im Green-Point-Stadion in Kapstadt."
    site = located(text, ["Green-Point-Stadion", "Kapstadt"])["Green-Point-Stadion"]
    assert near(site, -33.90, 18.41, 35) and site.kind == "facility"  # not a town called Green


def test_a_mention_compounded_with_its_kind_word():
    text = "Die Kämpfe in der Darfur-Region halten an."
    region = located(text, ["Darfur-Region"])["Darfur-Region"]
    assert near(region, 13.5, 24.0, 500) and region.kind == "region"


def test_a_possessive_at_the_start_of_a_sentence_is_no_river():
    text = "Seine Opfer kamen aus Weinheim. Die Seine trat in Paris über die Ufer."
    rivers = [p for p in find_places(make_article(text, date="2024-05-01"), []) if p.name == "Seine"]
    assert [p.start for p in rivers] == [text.rindex("Seine")]  # the river, not the pronoun


def test_sea_names_in_the_weak_form_after_the_article():
    places = places_of("Das Schwarze Meer, der Persische Golf und der Indische Ozean.")
    assert near(places["Schwarze Meer"], 43.0, 34.0, 400) and places["Schwarze Meer"].kind == "water"
    assert near(places["Persische Golf"], 27.0, 51.5, 600)
    assert near(places["Indische Ozean"], -20.0, 80.0, 4000)


def test_an_arabic_name_with_its_article_inside():
    places = places_of("Die Soldaten wurden auf dem Grenzfluss Schatt el-Arab festgenommen.")
    assert near(places["Schatt el-Arab"], 30.4, 48.2, 100) and places["Schatt el-Arab"].kind == "water"


def test_long_rivers_seas_and_lakes_of_the_curated_table():
    places = places_of("Hochwasser am Indus, am Jenissei und am Sankt-Lorenz-Strom; Stürme über der Karasee; "
                       "Badegäste am Wörthersee.")
    assert near(places["Indus"], 29.0, 70.5, 1000) and places["Indus"].kind == "water"
    assert near(places["Jenissei"], 60.0, 90.0, 1500)
    assert near(places["Sankt-Lorenz-Strom"], 47.0, -71.0, 500)
    assert near(places["Karasee"], 75.0, 70.0, 800)
    assert near(places["Wörthersee"], 46.62, 14.15, 20)


def test_prisons_bases_and_stadiums_named_without_their_town():
    places = places_of("Er sitzt in der JVA Stadelheim. Tornados starten vom Nato-Stützpunkt Incirlik. "
                       "Das Spiel im Weser-Stadion endete 2:2.")
    prison = next(p for text, p in places.items() if "Stadelheim" in text)
    base = next(p for text, p in places.items() if "Incirlik" in text)
    assert near(prison, 48.11, 11.60, 10) and prison.kind == "facility"  # in München, no town named
    assert near(base, 37.0, 35.43, 10) and base.kind == "facility"  # by Adana
    assert near(places["Weser-Stadion"], 53.07, 8.84, 5) and places["Weser-Stadion"].kind == "facility"


def test_a_building_named_after_its_town_is_there_but_not_after_a_state():
    text = ("Sie studierte an der Universität von Timişoara und arbeitet an der Technischen Universität Berlin; "
            "er promovierte an der Universität von Illinois.")
    article = make_article(text, date="2024-05-01")
    names = ("Universität von Timişoara", "Technischen Universität Berlin", "Universität von Illinois")
    mentions = [Mention(text.index(n), text.index(n) + len(n), n, "LOC") for n in names]
    places = {p.text: p for p in find_places(article, mentions)}
    assert near(places[names[0]], 45.75, 21.23, 10) and places[names[0]].kind == "facility"
    assert near(places[names[1]], 52.51, 13.33, 15) and places[names[1]].kind == "facility"
    assert places[names[2]].lat is None  # a facility's point is not the middle of Illinois


def test_a_prison_with_an_indefinite_article_leaves_the_town_a_town():
    places = places_of("Etwa 200 Gefangene sind aus einem Gefängnis in Brazzaville ausgebrochen.")
    assert near(places["Brazzaville"], -4.27, 15.28, 20) and places["Brazzaville"].kind == "city"


def test_a_named_site_after_its_town_adjective():
    places = places_of("10.000 Zuschauer kamen in das Jenaer Ernst-Abbe-Stadion; "
                       "Genting kaufte die Bremerhavener Lloyd-Werft.")
    assert near(places["Jenaer Ernst-Abbe-Stadion"], 50.93, 11.58, 10)
    assert near(places["Bremerhavener Lloyd-Werft"], 53.54, 8.58, 10)
    text = "Das Konzert im Münchner Olympiapark war ausverkauft."
    start = text.index("Olympiapark")
    place, = find_places(make_article(text, date="2024-05-01"), [Mention(start, start + 11, "Olympiapark", "LOC")])
    assert near(place, 48.17, 11.55, 15) and place.kind == "facility"


def test_historical_and_landscape_regions():
    places = places_of("Er wurde in Ostpreußen geboren. Die Motorradclubs in der Grafschaft Yorkshire patrouillieren; "
                       "eine Landbrücke namens Beringia verband Alaska mit Sibirien; Urlaub in Dalmatien.")
    assert near(places["Ostpreußen"], 54.4, 21.0, 200) and places["Ostpreußen"].kind == "region"
    county = next(p for text, p in places.items() if "Yorkshire" in text)
    assert near(county, 54.0, -1.5, 120) and county.kind == "region"  # not the town in Virginia
    assert near(places["Beringia"], 65.0, -170.0, 1000)
    assert near(places["Dalmatien"], 43.5, 16.4, 200)


def test_an_institution_is_a_place_where_the_sentence_puts_something_in_it():
    text = "Hillemeier arbeitet an der Technischen Universität Berlin. Die Universität Heidelberg teilte mit, sie prüfe."
    article = make_article(text, date="2024-05-01")
    names = ("Technischen Universität Berlin", "Universität Heidelberg")
    mentions = [Mention(text.index(n), text.index(n) + len(n), n, "ORG") for n in names]
    places = {p.text: p for p in find_places(article, mentions)}
    assert near(places[names[0]], 52.51, 13.33, 15) and places[names[0]].kind == "facility"
    assert names[1] not in places  # the university acts here: an organisation, no place


def mentioned(text: str, names: list[str]) -> dict:
    """The place step given NER's LOC mentions of these names."""
    mentions = [Mention(text.index(n), text.index(n) + len(n), n, "LOC") for n in names]
    return {p.text: p for p in find_places(make_article(text, date="2024-05-01"), mentions)}


def test_a_german_town_by_its_short_name_beats_a_foreign_town_of_that_german_name():
    # Osterode am Harz has no population in GeoNames; Ostróda (Poland) carries 'Osterode' as an alias
    places = mentioned("Die Polizei in Osterode sucht Zeugen eines Unfalls bei Göttingen.", ["Osterode", "Göttingen"])
    assert near(places["Osterode"], 51.73, 10.25, 10)
    alone = mentioned("In Osterode brannte in der Nacht eine Scheune.", ["Osterode"])
    assert not near(alone["Osterode"], 53.70, 19.96, 50)  # with no context at all: not Ostróda
    # where the article is about the foreign country, the German name is its town's
    poland = mentioned("Die Stadt Osterode in Ostpreußen gehört heute zu Polen.", ["Osterode", "Polen"])
    assert near(poland["Osterode"], 53.70, 19.96, 10)
    # a large foreign city keeps its German name: Rome, not the village Rom in Mecklenburg
    rome = mentioned("Der Tübinger Theologe Hans Küng besuchte den Papst in Rom.", ["Rom"])
    assert near(rome["Rom"], 41.89, 12.48, 20)


def test_airports_of_a_list_named_by_city_and_airport():
    places = places_of("Der Schneesturm hat dazu geführt, dass auf den Flughäfen von Dallas-Fort Worth, "
                       "St. Louis-Lambert und Chicago-O'Hare hunderte Flüge abgesagt wurden.")
    assert "Worth" not in places  # not Wörth am Rhein
    assert near(places["Dallas-Fort Worth"], 32.90, -97.04, 5) and places["Dallas-Fort Worth"].kind == "facility"
    assert near(places["St. Louis-Lambert"], 38.75, -90.37, 5)
    assert near(places["Chicago-O'Hare"], 41.98, -87.90, 5)
    listed = places_of("Streiks legten die Flughäfen Frankfurt am Main, München und Hamburg lahm.")
    assert near(listed["München"], 48.35, 11.79, 5) and listed["München"].kind == "facility"
    # an airport named by the two towns it serves is the first town's airport, not the second town
    pair = places_of("Am Flughafen Köln/Bonn und an den Flughäfen Düsseldorf und Minneapolis-St. Paul wird gestreikt.")
    assert "Bonn" not in pair and near(pair["Flughafen Köln/Bonn"], 50.87, 7.14, 5)
    assert near(pair["Minneapolis-St. Paul"], 44.88, -93.22, 5)
