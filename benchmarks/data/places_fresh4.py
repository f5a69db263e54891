"""Build `places_fresh4.jsonl`: a fifth untouched check for issue 20 (round 6), annotated on
2026-12-05 before the system was run on these texts, split by id into a tune half (`fresh4-tune`)
and a frozen half (`fresh4-frozen`, `places_fresh4_frozen_ids.txt`), weighted to the kinds the
earlier checks found weak: facilities, villages and small towns, regions, waters.

Texts no places set uses (`--pick` prints the candidates by this fixed rule):
- SpkAtt-2023 `train/` articles (German Wikinews, CC BY 2.5) that no `places_*` file under
  `benchmarks/data/` cites, and SmartData (CC BY 4.0; v1/v3) documents that no file there cites
  and that are not in the demo sample (by URL), 400 characters or more, traffic reports
  (viz-info, bauarbeiten.bahn.de) left out; each pool sorted by id and shuffled with
  random.Random(4099). Sentences as the tokenised files give them (SmartData: split at sentence
  ends and line breaks), 40-400 characters; a sentence naming a place that an earlier round
  printed from these texts as a before/after difference (`SEEN`) is skipped. Caveat: earlier
  rounds ran the stage over all 700 SpkAtt train texts and SmartData documents as checks with no
  gold and printed only what changed (the places `SEEN` lists).
- Four passes in this order, each at most one sentence per document and none taken twice:
  F, facilities: a word of a facility head (Flughafen, Bahnhof, Stadion, Arena, Kraftwerk, Hafen,
  Kaserne, Gefängnis, Justizvollzugsanstalt, Universität, Klinik, Werft, Raffinerie, Brücke, Tunnel,
  Stützpunkt, ..., also inside a compound): SpkAtt 40, SmartData 25.
  V, villages and small towns: Gemeinde, Dorf, Ortsteil, Ortschaft, Stadtteil, Kleinstadt, a
  `X bei Y` pair; SmartData also a `location-city` entity whose name is in fewer than 12 documents:
  SpkAtt 12, SmartData 15.
  R, regions: Region, Provinz, Bundesstaat, Bezirk, Kanton, Landkreis, Kreis, Gebiet, Grafschaft,
  Oblast, Departement, or a historical or landscape name (Schlesien, Böhmen, Galizien, Sibirien,
  Kaschmir, ...): SpkAtt 12, SmartData 5.
  W, waters: Fluss, See, Meer, Bucht, Kanal, Ufer, Küste, Ozean, Golf, Stausee, Mündung, or a large
  river's name: SpkAtt 20, SmartData 10 (the SpkAtt pool gave 13).
  A head word counts when a name-like word (capitalised, not a form of a common noun of
  `lexicon_de`, not first in the sentence) stands at most two words before or three after it.
The 132 candidates gave 79 sentences with 127 mentions (40 facilities, 44 towns and villages, 20
regions, 15 countries, 5 islands, 3 waters, no mountain): the pools hold few waters.
Every place mention of a sentence is annotated by the rules of `places_ANNOTATION.md` (sections
"issue 20" to "fourth fresh check"); sentences without one are left out. A university, hospital,
prison or other building is a facility where the sentence uses it as a place (`in der JVA
Tegel`, `vor der Universität`), not where it acts (`die Universität teilte mit`). Coordinates from
the annotator's knowledge, not from the system or the gazetteer files. Half the sentences are
frozen: the ids sorted by sha256 of `4099:<id>`, the first half.

    .venv/bin/python benchmarks/data/places_fresh4.py --pick    # candidate sentences (the rule)
    .venv/bin/python benchmarks/data/places_fresh4.py           # rewrites places_fresh4.jsonl
    .venv/bin/python benchmarks/data/places_fresh4.py --freeze  # draws the frozen half (done once)
"""
from __future__ import annotations

import argparse
import hashlib
import json
import random
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
OUT = HERE / "places_fresh4.jsonl"
FROZEN = HERE / "places_fresh4_frozen_ids.txt"
SEED = 4099
CITY, FACILITY = 30, 35

SEEN = ("Seine", "Wörthersee", "Mabhida", "Loftus", "Hard Rock", "Vereinigte Königreich", "Weiße Haus",
        "Nordschweden", "Lazio", "Zentralafrika", "Buckinghamshire", "Halle")
FACILITY_WORDS = ("Flughafen", "Flughäfen", "Flughafens", "Flugplatz", "Airport", "Bahnhof", "Bahnhofs", "Bahnhöfe",
                  "Stadion", "Stadions", "Arena", "Kraftwerk", "Kraftwerks", "Hafen", "Hafens", "Häfen", "Kaserne",
                  "Gefängnis", "Gefängnisses", "Justizvollzugsanstalt", "JVA", "Universität", "Klinik", "Klinikum",
                  "Krankenhaus", "Werft", "Raffinerie", "Brücke", "Tunnel", "Stützpunkt", "Militärbasis",
                  "Luftwaffenbasis", "Raumbahnhof", "Kathedrale", "Palast", "Schloss", "Museum", "Zoo", "Mine",
                  "Bergwerk", "Staudamm")
VILLAGE_WORDS = ("Gemeinde", "Dorf", "Dorfes", "Ortsteil", "Ortschaft", "Stadtteil", "Kleinstadt", "Weiler", "Ort",
                 "Ortes", "Örtchen")
REGION_WORDS = ("Region", "Provinz", "Bundesstaat", "Bundesstaates", "Bezirk", "Kanton", "Landkreis", "Kreis",
                "Grafschaft", "Oblast", "Departement", "Département", "Bundesland", "Teilrepublik")
HISTORICAL = ("Schlesien", "Böhmen", "Mähren", "Galizien", "Pommern", "Preußen", "Ostpreußen", "Siebenbürgen",
              "Bessarabien", "Sudetenland", "Kaschmir", "Kurdistan", "Tibet", "Sibirien", "Balkan", "Kaukasus",
              "Patagonien", "Lappland", "Mesopotamien", "Darfur", "Tschetschenien", "Kosovo", "Flandern",
              "Wallonie", "Katalonien", "Baskenland", "Andalusien", "Sizilien", "Friesland", "Westfalen",
              "Oberbayern", "Allgäu", "Eifel", "Emsland", "Ruhrgebiet", "Lausitz")
WATER_WORDS = ("Fluss", "Flusses", "See", "Sees", "Meer", "Meeres", "Bucht", "Kanal", "Ufer", "Küste", "Ozean",
               "Golf", "Stausee", "Mündung", "Meerenge")
RIVERS = ("Rhein", "Donau", "Elbe", "Oder", "Weser", "Main", "Mosel", "Neckar", "Inn", "Isar", "Saale",
          "Spree", "Ems", "Jordan", "Nil", "Euphrat", "Tigris", "Ganges", "Jangtse", "Mekong", "Amazonas",
          "Mississippi", "Wolga", "Dnjepr", "Themse", "Rhone", "Po", "Tiber", "Weichsel", "Memel")
PASSES = (("F", 40, 25), ("V", 12, 15), ("R", 12, 5), ("W", 20, 10))
LEXICON = ROOT.parent / "shared" / "data" / "lexicon_de" / "german_nouns.json.gz"


def _word_re(heads: tuple[str, ...]) -> re.Pattern:
    """A head word alone, or ending or starting a compound."""
    alt = "|".join(sorted(heads, key=len, reverse=True))
    return re.compile(rf"^(?:[\w-]*[a-zäöüß-])?(?:{alt})$|^(?:{alt})-[\w-]+$")


HEADS = {"F": [_word_re(FACILITY_WORDS)], "V": [_word_re(VILLAGE_WORDS)], "R": [_word_re(REGION_WORDS)],
         "W": [_word_re(WATER_WORDS)]}
NAMES = {"R": re.compile(rf"\b(?:{'|'.join(HISTORICAL)})s?\b"),
         "W": re.compile(rf"\b(?:{'|'.join(RIVERS)})s?\b|\b[A-ZÄÖÜ][a-zäöü]+(?<!Ody)see\b")}
TOWN_PAIR = re.compile(r"(?<=\w )([A-ZÄÖÜ][a-zäöü-]+) (?:bei|an der|am|im|ob der) ([A-ZÄÖÜ][a-zäöü]+)")


def common_nouns() -> set[str]:
    import gzip

    forms = set()
    for entry in json.loads(gzip.decompress(LEXICON.read_bytes())).values():
        for case in entry.values():
            if isinstance(case, dict):
                forms.update(case.values())
    return forms


def has_trigger(name: str, sent: str, nouns: set[str]) -> bool:
    """A head word of the pass with a name-like word (capitalised, no common noun, not first)
    at most two words before or three after it, or a hyphenated compound with the head; or a
    name of the pass (a historical region, a large river, a lake in -see)."""
    if name in NAMES and any(m.group(0) not in nouns for m in NAMES[name].finditer(sent)):
        return True
    if name == "V" and any(m.group(1) not in nouns and m.group(2) not in nouns for m in TOWN_PAIR.finditer(sent)):
        return True
    words = re.findall(r"[\w-]+", sent)
    for i, word in enumerate(words):
        if not any(p.match(word) for p in HEADS[name]):
            continue
        if "-" in word and word[0].isupper() and word.split("-")[0] not in nouns:
            return True
        for j in range(max(1, i - 2), min(len(words), i + 4)):
            other = words[j]
            if j != i and other[0].isupper() and any(c.islower() for c in other) and other not in nouns:
                return True
    return False


def cited_sources() -> set[str]:
    """SpkAtt ids cited by a places set; SmartData ids cited by any file here or the demo sample
    (this check's own files left out)."""
    spkatt, smart = set(), set()
    mine = ("places_fresh4.py", "places_fresh4.jsonl", "places_fresh4_frozen_ids.txt")
    for path in HERE.glob("places_*"):
        if path.name in mine:
            continue
        text = path.read_text(encoding="utf-8")
        spkatt |= set(re.findall(r"(?:spkatt[a-z-]*:|wikinews-)(\d+)", text))
        spkatt |= set(re.findall(r'"id": "(\d+)"', text))
    for path in HERE.iterdir():
        if path.is_file() and path.name not in mine:
            smart |= set(re.findall(r"https?://[^\s'\"]+@\d{4}-\d\d-\d\dT[\d:.]+\+\d\d:\d\d", path.read_text(encoding="utf-8", errors="replace")))
    demo = ROOT / "src" / "storyline" / "data" / "demo_sample" / "demo_de.jsonl"
    urls = {json.loads(line).get("url") for line in demo.read_text(encoding="utf-8").splitlines() if line}
    return spkatt | {"smartdata:" + s for s in smart} | {"url:" + u for u in urls if u}


def pools() -> tuple[list, list]:
    """(source, date, [sentences]) of the SpkAtt and SmartData documents no set uses, shuffled."""
    sys.path.insert(0, str(ROOT / "scripts"))
    sys.path.insert(0, str(HERE))
    from places_issue20 import smartdata_docs, text_of
    from wikinews import WIKINEWS, read_doc

    cited = cited_sources()
    spk = []
    for path in sorted((WIKINEWS / "train").glob("*.json")):
        wid = path.name.split(" ", 1)[0]
        if wid not in cited:
            doc = read_doc(path)
            sents = [doc.text[toks[0][0]:toks[-1][1]] for toks in doc.sentence_tokens if toks]
            spk.append(("spkatt:" + wid, doc.date, sents))
    smart, seen = [], set()
    for doc in smartdata_docs():
        sid = str(doc.get("id"))
        text = text_of(doc)
        if ("smartdata:" + sid) in cited or ("url:" + sid.split("@")[0]) in cited or sid in seen or len(text) < 400 or re.search(r"viz-info|bauarbeiten\.bahn", sid):
            continue
        seen.add(sid)
        sents = [s.strip() for s in re.split(r"(?<=[.!?])\s+|\n+", text) if s.strip()]
        smart.append(("smartdata:" + sid, sid.rsplit("@", 1)[-1][:10], sents, doc))
    spk.sort(key=lambda d: d[0])
    smart.sort(key=lambda d: d[0])
    random.Random(SEED).shuffle(spk)
    random.Random(SEED).shuffle(smart)
    return spk, smart


def rare_cities(smart: list) -> set[str]:
    """SmartData `location-city` names found in fewer than 12 documents."""
    from collections import Counter

    count = Counter()
    for *_, doc in smart:
        mentions = doc.get("conceptMentions") or {}
        names = {m["normalizedValue"]["string"] for m in (mentions.get("array") or [])
                 if m.get("type") == "LOCATION_CITY" and m.get("normalizedValue")}
        count.update(names)
    return {name for name, n in count.items() if n < 12}


def pick() -> list[tuple[str, str, str, str]]:
    """(pass, source, date, sentence) by the rule of the docstring."""
    spk, smart = pools()
    rare = rare_cities(smart)
    nouns = common_nouns() | {"Der", "Die", "Das", "Den", "Dem", "Des", "Ein", "Eine", "Einer", "Er", "Sie", "Es",
                              "Ihr", "Ihre", "Wir", "Im", "In", "Am", "An", "Auf", "Bei", "Nach", "Von", "Vor", "Mit"}
    taken, out = set(), []
    for name, n_spk, n_smart in PASSES:
        for pool, cap, is_smart in ((spk, n_spk, False), (smart, n_smart, True)):
            got = 0
            for source, date, sents, *rest in pool:
                if got >= cap:
                    break
                for sent in sents:
                    if not 40 <= len(sent) <= 400 or sent in taken or any(s in sent for s in SEEN):
                        continue
                    hit = has_trigger(name, sent, nouns)
                    if not hit and name == "V" and is_smart:
                        hit = any(re.search(rf"(?<=\w )\b{re.escape(c)}\b", sent) for c in rare
                                  if len(c) > 3 and c not in nouns)
                    if hit:
                        taken.add(sent)
                        out.append((name, source, date, sent))
                        got += 1
                        break
    return out


# id, source, sentence (verbatim), mentions in text order: (surface, kind, lat, lon, radius_km)
SPEC = [
    ('f4-001', 'spkatt:24294',
     'Nach Angaben von Augenzeugen wurde Alexander Kozulin, einer der Oppositionskandidaten, die bei der Präsidentenwahl vor einer Woche gegen Amtsinhaber Lukaschenko unterlagen, von Bereitschaftspolizisten festgenommen, als er sich in einem Demonstrationszug zum Gefängnis Okrestino, in dem Oppositionsanhänger inhaftiert sind, befand.',
     [('Gefängnis Okrestino', 'facility', 53.86, 27.47, FACILITY)]),
    ('f4-002', 'spkatt:37511',
     'Nach Angaben der Sicherheitsbehörden sind in der gestrigen Nacht etwa 200 Gefangene aus einem Gefängnis in Brazzaville, der Hauptstadt der Republik Kongo, ausgebrochen.',
     [('Brazzaville', 'city', -4.27, 15.28, CITY), ('Republik Kongo', 'country', -0.66, 14.9, 600)]),
    ('f4-003', 'spkatt:75280',
     'Interviewt wurden Dr. Robert Kelly von der Universität Busan (Südkorea) und Scott Snyder vom Council on Foreign Relations (CFR), einem US-amerikanischen Think-Tank.',
     [('Südkorea', 'country', 36.5, 127.9, 400)]),
    ('f4-004', 'spkatt:80703',
     'Das Forschungsteam von João Zilhão von der Universität Barcelona hat bei einer Ausgrabung in Portugal eine sensationelle Entdeckung gemacht, sie fanden einen 400.000 Jahre alten menschlichen Schädel.',
     [('Portugal', 'country', 39.6, -8.0, 400)]),
    ('f4-005', 'spkatt:3738',
     'Nach der Befreiung wurde ihr Fahrzeug aus nicht vollständig klaren Gründen 700 Meter vor dem Erreichen des Flughafens in Bagdad von US-Truppen beschossen.',
     [('Flughafens in Bagdad', 'facility', 33.26, 44.23, FACILITY)]),
    ('f4-006', 'spkatt:35566',
     'Die umfangreichen Gleisbauarbeiten an der S-Bahn-Brücke über die Frankfurter Landstraße in Bad Homburg sind am Sonntagabend zu Ende gegangen.',
     [('Bad Homburg', 'city', 50.23, 8.62, CITY)]),
    ('f4-007', 'spkatt:6659',
     'Er promovierte an der Universität von Illinois in Agrarwissenschaften.',
     [('Universität von Illinois', 'facility', 40.1, -88.23, FACILITY)]),
    ('f4-008', 'spkatt:27912',
     'An der Organisation der Konferenz wirkt auch die Universität La Trobe in Melbourne, Australien, mit.',
     [('Melbourne', 'city', -37.81, 144.96, CITY), ('Australien', 'country', -25.0, 134.0, 2000)]),
    ('f4-009', 'spkatt:4495',
     'Heute Morgen um 06:35 Uhr ist Fürst Rainer von Monaco im Alter von 81 Jahren in der Herz-Lungen-Klinik Monacos an den Folgen einer Lungenentzündung gestorben.',
     [('Herz-Lungen-Klinik Monacos', 'facility', 43.73, 7.42, FACILITY)]),
    ('f4-010', 'spkatt:32117',
     '10.159 Zuschauer waren zu dem Spiel in das Jenaer Ernst-Abbe-Stadion gekommen und konnten eine spannende Begegnung sehen, in der der Aufsteiger nach zwei Unentschieden und dem Sieg über Köln immer noch ungeschlagen blieb.',
     [('Ernst-Abbe-Stadion', 'facility', 50.934, 11.574, FACILITY)]),
    ('f4-011', 'spkatt:22065',
     'Am 22. August 2004 wurden im Osloer Munch-Museum die Gemälde „Madonna“ und „Der Schrei“ des norwegischen Expressionisten Edvard Munch gestohlen.',
     [('Munch-Museum', 'facility', 59.917, 10.774, FACILITY)]),
    ('f4-012', 'spkatt:67057',
     'Nach Behördenangaben wurden erhöhte Strahlungswerte auch in Milch und Spinat aus der Präfektur Fukushima sowie der benachbarten Präfektur Ibaraki im Umkreis des havarierten Kraftwerks Fukushima I gefunden.',
     [('Fukushima', 'region', 37.38, 140.23, 100), ('Ibaraki', 'region', 36.34, 140.45, 70), ('Kraftwerks Fukushima I', 'facility', 37.42, 141.03, FACILITY)]),
    ('f4-013', 'spkatt:26835',
     'Das Konzert fand vor ausverkauftem Haus in der LTU-Arena statt.',
     [('LTU-Arena', 'facility', 51.261, 6.733, FACILITY)]),
    ('f4-014', 'spkatt:59120',
     'ist ein Kinderbuch, das auf einer wahren Begebenheit beruht und von einem homosexuellen Pinguinpaar im New Yorker Central Park Zoo handelt.',
     [('Central Park Zoo', 'facility', 40.768, -73.972, FACILITY)]),
    ('f4-015', 'spkatt:43098',
     'Der Flughafen Mojave ist der Sitz mehrerer privater Raumfahrtgesellschaften in den Vereinigten Staaten.',
     [('Flughafen Mojave', 'facility', 35.06, -118.15, FACILITY), ('Vereinigten Staaten', 'country', 39.8, -98.6, 2500)]),
    ('f4-016', 'spkatt:36202',
     'Laut „Welt“ soll er sich in der Justizvollzugsanstalt Landsberg befinden.',
     [('Justizvollzugsanstalt Landsberg', 'facility', 48.04, 10.88, FACILITY)]),
    ('f4-017', 'spkatt:50978',
     'Nach der Kommandoaktion von Talibankämpfern am Freitag zur Befreiung ihrer Gesinnungsgenossen aus dem Gefängnis von Kandahar kündigte heute der afghanische Präsident Hamid Karsai an, militärisch gegen Stellungen der Taliban auf pakistanischem Gebiet vorzugehen.',
     [('Gefängnis von Kandahar', 'facility', 31.6, 65.66, FACILITY)]),
    ('f4-018', 'spkatt:35769',
     "Der Schneesturm hat dazu geführt, dass auf den Flughäfen von Dallas-Fort Worth, St. Louis-Lambert und Chicago-O'Hare jeweils hunderte von Flügen abgesagt werden mussten.",
     [('Dallas-Fort Worth', 'facility', 32.9, -97.04, FACILITY), ('St. Louis-Lambert', 'facility', 38.75, -90.37, FACILITY), ("Chicago-O'Hare", 'facility', 41.98, -87.9, FACILITY)]),
    ('f4-019', 'spkatt:74210',
     'Die Gedenkstätte befindet sich am Tullibole Schloss, wo im Jahre 1662 ein Hexenprozess stattfand.',
     [('Tullibole Schloss', 'facility', 56.2, -3.57, FACILITY)]),
    ('f4-020', 'spkatt:59262',
     'Zwischen 1973 und 1976 studierte Müller an der Universität von Timişoara deutsche und rumänische Literatur.',
     [('Universität von Timişoara', 'facility', 45.747, 21.231, FACILITY)]),
    ('f4-021', 'spkatt:33980',
     'Ein Wissenschaftler der Technischen Universität von Nanyang bezifferte den volkswirtschaftlichen Schaden für Singapur auf 50 Millionen US-Dollar im Monat.',
     [('Singapur', 'country', 1.35, 103.82, 50)]),
    ('f4-022', 'spkatt:21224',
     'Hillemeier arbeitet an der Technischen Universität Berlin.',
     [('Technischen Universität Berlin', 'facility', 52.512, 13.327, FACILITY)]),
    ('f4-023', 'spkatt:40269',
     'Oliver ist ein ganz normaler Neugeborener – und doch eine Sensation, deretwegen Journalisten seinerzeit tagelang die Erlanger Klinik belagert hatten:',
     [('Erlanger Klinik', 'facility', 49.598, 11.006, FACILITY)]),
    ('f4-024', 'spkatt:47908',
     'Der Stadt Berlin wurden vor allem Grundstücke für die heutigen Flughäfen Tempelhof und Tegel enteignet.',
     [('Berlin', 'city', 52.52, 13.4, CITY), ('Tempelhof', 'facility', 52.473, 13.403, FACILITY), ('Tegel', 'facility', 52.56, 13.288, FACILITY)]),
    ('f4-025', 'smartdata:http://www.wiwo.de/nordic-yards-genting-kauft-drei-weitere-werften-in-deutschland/13044324.html@2016-03-02T16:50:30.000+01:00',
     'Nach dem Erwerb der Bremerhavener Lloyd-Werft verkündete Genting die Übernahme der drei Werften von Nordic Yards in Wismar, Warnemünde und Stralsund für 230,6 Millionen Euro.',
     [('Bremerhavener Lloyd-Werft', 'facility', 53.535, 8.575, FACILITY), ('Wismar', 'city', 53.89, 11.46, CITY), ('Warnemünde', 'city', 54.18, 12.08, CITY), ('Stralsund', 'city', 54.31, 13.09, CITY)]),
    ('f4-026', 'smartdata:http://www.ad-hoc-news.de/pol-mr-tatverdaechtiger-einbrecher-festgenommen-schwerer-unfall-aufder-b-3--/de/News/48552255@2016-02-23T13:20:30.000+01:00',
     'Marburg - Das Öffnen der nur ins Schloss gezogenen Wohnungstür hatten die Bewohner noch nicht gehört, das Knarzen der Dielen und Klappern des Geschirrs jedoch schon.',
     [('Marburg', 'city', 50.81, 8.77, CITY)]),
    ('f4-027', 'smartdata:http://www.tagblatt.ch/4524533@2016-02-16T02:35:06.000+01:00',
     'In Au wird von der Brücke Oberfahr bis zur Zollbrücke gebaggert, in Diepoldsau von der Sternenbrücke bis zu «Drei Brück',
     [('Au', 'city', 47.43, 9.64, CITY), ('Brücke Oberfahr', 'facility', 47.43, 9.65, FACILITY), ('Diepoldsau', 'city', 47.386, 9.656, CITY), ('Sternenbrücke', 'facility', 47.38, 9.65, FACILITY)]),
    ('f4-028', 'smartdata:http://www.direktbroker.de/news/polizeipraesidium-ludwigsburg-pol-lb-besigheim-mehrere-verletzte-47897464@2016-03-10T13:23:22.156+01:00',
     'Der Taxifahrer und sein 51 Jahre alter Fahrgast sowie die Unfallverursacherin und der Renault Fahrer wurden hierbei schwer verletzt und mussten zur Behandlung in das Krankenhaus Bietigheim eingeliefert werden.',
     [('Krankenhaus Bietigheim', 'facility', 48.95, 9.13, FACILITY)]),
    ('f4-029', 'smartdata:http://www.kubaforen.de/t548110f5832-RE-Euro-Wings-mit-Verspaetung.html#msg7958451@2016-03-10T13:23:20.981+01:00',
     'Am Flughafen in Habana war wohl die Versorgung mit Essen schwierig.',
     [('Flughafen in Habana', 'facility', 22.99, -82.41, FACILITY)]),
    ('f4-030', 'smartdata:http://www.ramasuri.de/201538/nachrichten/nachrichten-welt/bundeswehr-tornados-sollen-einsatz-gegen-is-in-syrien-beginnen/@2016-03-10T13:02:06.084+01:00',
     'In der Anfangsphase sei täglich ein Flug vom\xa0türkischen Nato-Stützpunkt Incirlik mit zwei “Tornados” geplant,\xa0sagte ein Bundeswehr-Sprecher.',
     [('Nato-Stützpunkt Incirlik', 'facility', 37.0, 35.43, FACILITY)]),
    ('f4-031', 'smartdata:http://www.stuttgarter-zeitung.de/inhalt.baustelle-in-bad-cannstatt-berger-tunnel-gesperrt.b9e58619-ea66-45f2-b260-16d3653ac705.html@2016-03-10T16:17:32.329+01:00',
     'Baustelle in Bad Cannstatt Berger Tunnel gesperrt',
     [('Bad Cannstatt', 'city', 48.8, 9.22, CITY), ('Berger Tunnel', 'facility', 48.79, 9.21, FACILITY)]),
    ('f4-032', 'smartdata:http://www.rosenheim24.de/wirtschaft/flugausfaelle-wegen-lotsenstreiks-in-frankreich-zr-6238479.html?cmp=defrss@2016-03-20T12:49:56.000+01:00',
     'Flugzeuge am Pariser Flughafen in Roissy.',
     [('Pariser Flughafen', 'facility', 49.01, 2.55, FACILITY), ('Roissy', 'city', 49.0, 2.51, CITY)]),
    ('f4-033', 'smartdata:http://www.tagesspiegel.de/politik/terrormiliz-in-nahost-usa-melden-grosse-erfolge-im-kampf-gegen-is/12795748.html@2016-03-10T13:26:49.403+01:00',
     'U 2 am Alexanderplatz : Risse im U-Bahn-Tunnel, Wasser dringt ein',
     [('Alexanderplatz', 'facility', 52.521, 13.411, FACILITY)]),
    ('f4-034', 'smartdata:http://www.ad-hoc-news.de/athen-dpa-ein-kreuzfahrtschiff-mit-rund-4000-menschen-an-bord-hat-in-der-nacht--/de/News/47983311@2016-03-10T13:54:15.031+01:00',
     'Athen (dpa) - Ein Kreuzfahrtschiff mit rund 4000 Menschen an Bord hat in der Nacht einen anderen Hafen auf Kreta ...',
     [('Athen', 'city', 37.98, 23.73, CITY), ('Kreta', 'island', 35.24, 24.9, 150)]),
    ('f4-035', 'smartdata:http://www.nwzonline.de/blaulicht/mark-zuckerberg-raeumt-fehler-im-umgang-mit-hasskommentaren-ein_a_6,1,521879047.html@2016-02-26T16:51:28.000+01:00',
     'Bei einem Treffen mit rund 1400 Anwendern in der Arena Berlin wählte der 31 Jahre alte Konzernchef eine geschickte Doppelstrategie, um Facebook in einem besseren Licht erscheinen zu lassen.',
     [('Arena Berlin', 'facility', 52.497, 13.453, FACILITY)]),
    ('f4-036', 'smartdata:http://www.shz.de/nachrichten/newsticker/lufthansa-flugbegleiter-weiten-streik-am-montag-massiv-aus-id11150061.html@2016-03-10T17:28:28.357+01:00',
     'An den Flughäfen Frankfurt, Düsseldorf und nun auch München seien die Mitglieder von 4.30 Uhr an zur Arbeitsniederlegung aufgerufen, teilte die Gewerkschaft Ufo in Frankfurt mit.',
     [('Frankfurt', 'facility', 50.04, 8.56, FACILITY), ('Düsseldorf', 'facility', 51.29, 6.77, FACILITY), ('München', 'facility', 48.35, 11.79, FACILITY), ('Frankfurt', 'city', 50.11, 8.68, CITY)]),
    ('f4-037', 'smartdata:http://de.euronews.com/2016/02/16/boutros-boutros-ghali-der-pharao-an-der-spitze-der-un-93-jaehrig-gestorben/@2016-02-16T18:24:10.000+01:00',
     'Boutros-Ghali starb im Alter von 93 Jahren im Al-Salam-Krankenhaus von Giseh.',
     [('Al-Salam-Krankenhaus von Giseh', 'facility', 30.02, 31.21, FACILITY)]),
    ('f4-038', 'smartdata:http://www.onvista.de/news/verdi-bestreikt-krankenhaeuser-in-nrw-30637965@2016-04-21T05:49:24.000+02:00',
     'DÜSSELDORF (dpa-AFX) - Rund 2000 Krankenhaus-Beschäftigte wollen am Donnerstag (06.00 Uhr) in Nordrhein-Westfalen ganztägig in den Warnstreik gehen.',
     [('DÜSSELDORF', 'city', 51.23, 6.78, CITY), ('Nordrhein-Westfalen', 'region', 51.5, 7.5, 150)]),
    ('f4-039', 'spkatt:23333',
     'Der deutsche Verteidigungsminister Franz Josef Jung nannte in einem Interview mit dem Radiosender „Deutschlandfunk“ vier Bedingungen dafür, dass Deutschland sich als Führungsmacht an der Kongomission der EU beteiligt.',
     [('Deutschland', 'country', 51.2, 10.4, 500)]),
    ('f4-040', 'spkatt:34731',
     'Bainirama befindet sich derzeit zu einem Besuch fidschianischer Armeeangehöriger im Irak.',
     [('Irak', 'country', 33.0, 44.0, 600)]),
    ('f4-041', 'spkatt:69856',
     'Am vergangenen Freitag wurde im bulgarischen Dorf Katunits ein 19-Jähriger von einem Kleinbus überfahren.',
     [('Katunits', 'city', 42.1, 24.9, CITY)]),
    ('f4-042', 'spkatt:44978',
     'Der Verdächtige wurde nach Angaben von Interpol in Korat im Nordosten Thailands gefasst.',
     [('Korat', 'city', 14.97, 102.1, CITY), ('Thailands', 'country', 15.5, 101.0, 800)]),
    ('f4-043', 'spkatt:46588',
     'Der in Bayonne (New Jersey) geborene Warrington begann seine Laufbahn 1975 nach seinem Abschluss auf der Syracuse University im Transportministerium von New Jersey.',
     [('Bayonne', 'city', 40.67, -74.11, CITY), ('New Jersey', 'region', 40.1, -74.5, 150)]),
    ('f4-044', 'spkatt:2028',
     'In der Gemeinde Briesen-Brand in der Nähe von Lübbenau und vor den Toren Berlins hat mit einer feierlichen Galaveranstaltung ein Urlaubsparadies eröffnet, das Tropical Island.',
     [('Briesen-Brand', 'city', 52.04, 13.75, CITY), ('Lübbenau', 'city', 51.87, 13.96, CITY), ('Berlins', 'city', 52.52, 13.4, CITY), ('Tropical Island', 'facility', 52.038, 13.747, FACILITY)]),
    ('f4-045', 'smartdata:http://www.ffn.de/nachrichten/verkehr.html?hash=728a2200d724dab3612e424d14d5d30d@2016-03-10T14:37:10.262+01:00',
     'Bauarbeiten und die aktuelle Verkehrslage in und um Hannover könnt ihr auch auf unserer Verkehrscam-Seite beobachten.',
     [('Hannover', 'city', 52.37, 9.73, CITY)]),
    ('f4-046', 'smartdata:http://www.88news.de/frankfurter-neue-presse-zum-lufthansa-streik-die-falsche-instanz-kommentar-von-panagiotis-koutoumanos-1287943.html/@2016-03-10T14:30:15.787+01:00',
     'Arbeitsgerichte sowie die in Köln und Darmstadt, wo die Lufthansa',
     [('Köln', 'city', 50.94, 6.96, CITY), ('Darmstadt', 'city', 49.87, 8.65, CITY)]),
    ('f4-047', 'smartdata:http://www.antenne1.de/aktuell-und-regional/nachrichten/welt-nachrichten/industrieverband-griechenland-droht-die-zahlungsunfaehigkeit.html@2016-02-12T05:33:19.000+01:00',
     'Das Parlamentsgebäude in Athen spiegelt sich in einem angrenzenden Bürokomplex.',
     [('Athen', 'city', 37.98, 23.73, CITY)]),
    ('f4-048', 'smartdata:http://www.infranken.de/1645994@2016-02-23T21:29:24.000+01:00',
     'Die Firma Töpfer in Kulmbach kündigte am Dienstag die Entlassung von 60 Mitarbeitern an.',
     [('Kulmbach', 'city', 50.1, 11.45, CITY)]),
    ('f4-049', 'smartdata:http://www.morgenpost.de/vermischtes/article207421461/Offenbar-keine-Schaeden-bei-starkem-Erdbeben-in-Myanmar.html@2016-04-13T16:58:34.000+02:00',
     'Erdbeben in Myanmar: Das Epizentrum lag 74 Kilometer südwestlich des Ortes Mawlaik.',
     [('Myanmar', 'country', 21.0, 96.0, 800), ('Mawlaik', 'city', 23.64, 94.41, CITY)]),
    ('f4-050', 'smartdata:http://www.ka-news.de/wirtschaft/region/Mehr-Gehalt-Telekom-Mitarbeiter-streiken-in-Karlsruhe;art127,1850595@2016-04-06T19:30:04.000+02:00',
     'Gestreikt wird ganztägig an vielen Standorten - unter anderem auch in Karlsruhe.',
     [('Karlsruhe', 'city', 49.01, 8.4, CITY)]),
    ('f4-051', 'smartdata:http://www.gea.de/nachrichten/weltspiegel/alarmierendes+korallensterben+am+great+barrier+reef.4715641.htm@2016-03-21T06:50:34.000+01:00',
     'Alarmierendes Korallensterben am Great Barrier Reef',
     [('Great Barrier Reef', 'water', -18.3, 147.7, 1000)]),
    ('f4-052', 'smartdata:http://www.nwzonline.de/panorama/tarantino-stellt-the-hateful-8-in-berlin-vor_a_6,0,3513358051.html@2016-01-26T08:43:31.000+01:00',
     'Tarantino stellt «The Hateful 8» in Berlin vor',
     [('Berlin', 'city', 52.52, 13.4, CITY)]),
    ('f4-053', 'smartdata:http://www.kreiszeitung.de/lokales/diepholz/schaden-1000-euro-6113191.html?cmp=defrss@2016-02-10T17:41:06.000+01:00',
     'Hinweise nimmt die Polizei in Lemförde unter der Telefonnummer 05443 / 2872 entgegen..',
     [('Lemförde', 'city', 52.47, 8.37, CITY)]),
    ('f4-054', 'smartdata:http://newsbuzztersmedia.com/2016/04/29/deutschland-flughafen-streik-gestartet/@2016-04-29T07:10:44.000+02:00',
     'Auch an den Airports Düsseldorf, Köln/Bonn, Dortmund und Hannover werden Flüge gestrichen.',
     [('Düsseldorf', 'facility', 51.29, 6.77, FACILITY), ('Köln/Bonn', 'facility', 50.87, 7.14, FACILITY), ('Dortmund', 'facility', 51.52, 7.61, FACILITY), ('Hannover', 'facility', 52.46, 9.69, FACILITY)]),
    ('f4-055', 'smartdata:http://www.onvista.de/news/galeria-kaufhof-will-in-die-niederlande-expandieren-29414967@2016-04-06T07:49:18.000+02:00',
     'Falls es zu einer Vereinbarung komme, würden die niederländischen Filialen von Köln aus geführt, dem Sitz von Galeria Kaufhof.',
     [('Köln', 'city', 50.94, 6.96, CITY)]),
    ('f4-056', 'spkatt:49483',
     'Dabei handelte es sich um Protestaktionen gegen China, das für sein Vorgehen in Tibet und gegen die Tibeter kritisiert wird.',
     [('China', 'country', 35.0, 103.0, 2000), ('Tibet', 'region', 31.5, 88.0, 900)]),
    ('f4-057', 'spkatt:6062',
     'Außerdem ist der angedachte Namenszusatz „Demokratische Linke“ für die offenen PDS-Listen bereits von einer Splitterpartei im Bundesland Berlin besetzt.',
     [('Berlin', 'region', 52.52, 13.4, 30)]),
    ('f4-058', 'spkatt:28493',
     'Der am 28. Mai 1923 in Siebenbürgen geborene Künstler emigrierte 1956 in den Westen und wohnte abwechselnd in Wien und in Hamburg.',
     [('Siebenbürgen', 'region', 46.5, 24.5, 250), ('Wien', 'city', 48.21, 16.37, CITY), ('Hamburg', 'city', 53.55, 10.0, CITY)]),
    ('f4-059', 'spkatt:71772',
     'Vorausgegangen waren Einigungen in Fragen der Beziehung von Serbien zum Kosovo.',
     [('Serbien', 'country', 44.0, 20.9, 300), ('Kosovo', 'country', 42.6, 20.9, 80)]),
    ('f4-060', 'spkatt:27312',
     'In einem nach Ländern gegliederten Überblick liegt das Bundesland Nordrhein-Westfalen im Bereich „politisch motivierte Ausländerkriminalität“ an erster Stelle mit 14 registrierten Delikten, gefolgt von Berlin, Baden-Württemberg und Bayern mit jeweils zwischen fünf und sieben registrierten Straftaten in diesem Bereich.',
     [('Nordrhein-Westfalen', 'region', 51.5, 7.5, 150), ('Berlin', 'region', 52.52, 13.4, 30), ('Baden-Württemberg', 'region', 48.6, 9.0, 150), ('Bayern', 'region', 48.9, 11.4, 200)]),
    ('f4-061', 'spkatt:82340',
     'Die Themenreihe TRADUKI, die zum zehnten Mal im Rahmen der Leipziger Buchmesse stattfindet, widmet sich dem Leben europäischer Minderheiten und stellen insgesamt 30 Autoren vor, davon 20 aus Südosteuropa, die gemeinsam ein neues Bild des Balkan zeichnen und dazu einladen, die kulturellen Werte des fiktiven Balkanlandes Tradukistan und den Zustand des realen heutigen Kosovo kennenzulernen.',
     [('Südosteuropa', 'region', 43.0, 22.0, 1000), ('Balkan', 'region', 43.0, 21.0, 800), ('Kosovo', 'country', 42.6, 20.9, 80)]),
    ('f4-062', 'spkatt:31955',
     'Die Vorwürfe richten sich gegen die Dschandschawid-Miliz und Rebellenorganisationen, die in Darfur, im Westen des Landes, aktiv sind, gegen die ugandische Lord ’s Resistance Army und gegen tschadische Oppositionstruppen, aber auch gegen die sudanesiche Armee.',
     [('Darfur', 'region', 13.5, 24.0, 500)]),
    ('f4-063', 'spkatt:13091',
     'Die 57-jährige Künstlerin war mit dem Geschäftsmann Michael Wittenberg (43) verheiratet, der sich auf Geschäftsreise auf dem Balkan befand.',
     [('Balkan', 'region', 43.0, 21.0, 800)]),
    ('f4-064', 'spkatt:25328',
     'Eine Spur führte die Ermittler unter anderem auch nach Deutschland, wo seine Ehefrau und seine beiden Söhne zeitweise gelebt hatten, die später aber angeblich nach Sizilien zurückkehrten.',
     [('Deutschland', 'country', 51.2, 10.4, 500), ('Sizilien', 'island', 37.6, 14.1, 150)]),
    ('f4-065', 'smartdata:http://www.finanzpraxis.com/2016/03/crash-angst-am-kanadischen-immobilienmarkt-der-beste-februar-seit-jesus/@2016-03-16T10:31:27.000+01:00',
     'In der ölreichen Provinz Alberta, wo die Implosion der Öl-Notierungen seit 2014 zu Tausenden von Entlassungen geführt hat, ist der Markt bereits im freien Fall.',
     [('Alberta', 'region', 55.0, -115.0, 600)]),
    ('f4-066', 'smartdata:http://www.horizont.net/agenturen/nachrichten/uebernahme-Serviceplan-kauft-spanische-Agentur-Publips-139002@2016-02-25T08:28:00.000+01:00',
     'Gegenüber anderen spanischen Agenturen dieser Größe weist Publips eine Besonderheit auf: Die von Luis Piquer geführte Firma verfügt über ein eigenes regionales Netzwerk mit Standorten auf den Balearen und Kanaren, in Katalonien sowie in Andalusien.',
     [('Balearen', 'island', 39.6, 2.9, 150), ('Kanaren', 'island', 28.3, -15.8, 300), ('Katalonien', 'region', 41.8, 1.5, 150), ('Andalusien', 'region', 37.4, -4.6, 250)]),
    ('f4-067', 'smartdata:http://www.lr-online.de/regionen/weisswasser/Gablenzer-ist-Imker-aus-Leidenschaft;art13826,5399140@2016-02-19T15:25:50.000+01:00',
     'Dann prüfen Sie den Arbeitsmarkt in der Lausitz.',
     [('Lausitz', 'region', 51.6, 14.2, 80)]),
    ('f4-068', 'smartdata:http://video.tagesspiegel.de/4679908261001@2016-03-10T14:21:22.315+01:00',
     'Die Motorradclubs in der Grafschaft Yorkshire schicken ihre Mitglieder jetzt auf Patrouille gegen Plünderer.',
     [('Yorkshire', 'region', 54.0, -1.5, 120)]),
    ('f4-069', 'spkatt:17865',
     'Der Pilot und Unternehmer Leonhard Fellner, war am 27. Oktober 2005 mit seiner „Gardan GY-80 Horizon 180“ auf dem Flug von Zell am See nach Korsika verschollen.',
     [('Zell am See', 'city', 47.32, 12.8, CITY), ('Korsika', 'island', 42.15, 9.1, 120)]),
    ('f4-070', 'spkatt:12839',
     'Sie sollen 2008, wenn neben RTL auch n-tv, Vox, Super RTL sowie weitere Tochterunternehmen der RTL Group in die alten Messehallen am Rhein umziehen, durch Synergieeffekte eingespart werden.',
     [('Rhein', 'water', 50.0, 7.8, 500)]),
    ('f4-071', 'spkatt:44364',
     'Die Bilder waren von einem anonym bleiben wollenden Spender, der in diesem Sommer verstorben ist, 1946 in einer Wohnung in Frankfurt am Main gefunden worden.',
     [('Frankfurt am Main', 'city', 50.11, 8.68, CITY)]),
    ('f4-072', 'spkatt:30797',
     'Die hohen Wasserstände des Flusses Ping, der durch die Stadt verläuft, sind durch heftige Regenfälle sowie Zuflüsse anderer Flüsse, die ebenfalls Hochwasser führen, zustande gekommen.',
     [('Ping', 'water', 17.8, 98.9, 300)]),
    ('f4-073', 'spkatt:10022',
     'Nach einem dreitägigen Flug mit Apollo 11 zusammen mit seinen Kollegen Edwin Aldrin und Michael Collins lenkte er am 20. Juli 1969 die Mondlandefähre „Eagle“ zu einem Landeplatz im Meer der Ruhe auf dem Erdtrabanten und meldete sich mit den Worten: „Houston, Tranquillity Base here.',
     [('Houston', 'city', 29.76, -95.37, CITY)]),
    ('f4-074', 'spkatt:25851',
     'Der am Karfreitag auf der Hamburger Elbchaussee in Blankenese tödlich verunglückte Moritz Schenk Graf von Stauffenberg hatte laut Polizeiangaben rund 1,1 Promille Alkohol im Blut.',
     [('Blankenese', 'city', 53.56, 9.8, CITY)]),
    ('f4-075', 'smartdata:http://newsbuzztersmedia.com/2016/04/29/deutschland-flughafen-streik-gestartet/@2016-04-29T07:10:44.000+02:00',
     'In Frankfurt am Main ruht beim Bodenpersonal seit dem frühen Morgen die Arbeit.',
     [('Frankfurt am Main', 'city', 50.11, 8.68, CITY)]),
    ('f4-076', 'smartdata:http://www.lifepr.de/inaktiv/mercer-deutschland-gmbh/Lebensqualitaet-Muenchen-bleibt-in-Deutschland-top/boxid/577299@2016-02-23T13:32:00.000+01:00',
     'München, Düsseldorf und Frankfurt am Main liegen im internationalen Vergleich der Lebensqualität erneut unter den Top 10',
     [('München', 'city', 48.14, 11.58, CITY), ('Düsseldorf', 'city', 51.23, 6.78, CITY), ('Frankfurt am Main', 'city', 50.11, 8.68, CITY)]),
    ('f4-077', 'smartdata:http://www.ad-hoc-news.de/frankfurt-main-ots-schaeden-durch-skimming-angriffe-auf-deutsche-geldautomaten--/de/News/47946065@2016-03-10T13:17:42.562+01:00',
     'Frankfurt/Main (ots) - Schäden durch Skimming-Angriffe auf deutsche Geldautomaten sind auch im vergangenen Jahr erheblich gesunken',
     [('Frankfurt/Main', 'city', 50.11, 8.68, CITY)]),
    ('f4-078', 'smartdata:http://www.schwaebische.de/wirtschaft/aktuelle-nachrichten_artikel,-Lufthansa-Flugbegleiter-weiten-Streik-am-Montag-massiv-aus-_arid,10337457.html@2016-03-10T15:04:21.886+01:00',
     'Frankfurt/Main dpa Im längsten Streik der Firmengeschichte erhöht die Kabinengewerkschaft Ufo den Druck auf die Lufthansa.',
     [('Frankfurt/Main', 'city', 50.11, 8.68, CITY)]),
    ('f4-079', 'smartdata:http://medizin-aspekte.de/einladung-pressekonferenz-zum-nano-world-cancer-day@2016-03-10T13:31:32.743+01:00',
     'im DECHEMA-Haus, Theodor-Heuss-Allee 25, 60486 Frankfurt am Main.',
     [('Frankfurt am Main', 'city', 50.11, 8.68, CITY)]),
]


def frozen_ids(ids: list[str]) -> list[str]:
    """Half the ids: those first when sorted by a seeded hash."""
    ranked = sorted(ids, key=lambda i: hashlib.sha256(f"{SEED}:{i}".encode()).hexdigest())
    return sorted(ranked[: len(ranked) // 2])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pick", action="store_true", help="print the candidate sentences (JSON lines)")
    parser.add_argument("--freeze", action="store_true", help="draw the frozen half (once, before tuning)")
    args = parser.parse_args()
    if args.pick:
        for name, source, date, sent in pick():
            print(json.dumps({"pass": name, "source": source, "date": date, "text": sent}, ensure_ascii=False))
        return
    sys.path.insert(0, str(HERE))
    from places_issue20 import write_fresh_set

    write_fresh_set(SPEC, "train", "spkatt:", OUT, FROZEN, SEED, False)
    if args.freeze:
        drawn = frozen_ids([rid for rid, *_ in SPEC])
        FROZEN.write_text("\n".join(drawn) + "\n", encoding="utf-8")
        print(f"{len(drawn)} frozen ids -> {FROZEN}")


if __name__ == "__main__":
    main()
