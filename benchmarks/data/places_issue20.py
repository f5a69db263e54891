"""Build `places_issue20.jsonl`: excerpts (one to a few sentences) of real German news with every
place mention in them annotated by hand with its kind (country, region, city, water, island,
mountain, facility), true coordinates and a tolerance, for the kinds issue 20 found missing.

Sources: SpkAtt-2023 `train/` texts (German Wikinews, CC BY 2.5) and SmartData (CC BY 4.0; v1/v3,
documents by id). Each excerpt is copied verbatim from its document (the build checks it); offsets
are found by searching each annotated surface in order. Coordinates are the annotator's knowledge
of the place (town centre; an airport's airfield; a representative point of an area, lake or sea;
a river's middle course), not taken from the gazetteer or the system's output. Rules:
`places_ANNOTATION.md` (section "issue 20"). A third of the excerpts, drawn by id with a fixed seed
before any rule was written for them, is frozen (`places_frozen_ids.txt`): `benchmarks/places.py`
scores it apart and never lists its errors.

    .venv/bin/python benchmarks/data/places_issue20.py          # rewrites places_issue20.jsonl
    .venv/bin/python benchmarks/data/places_issue20.py --freeze # draws the frozen third (done once)
"""
from __future__ import annotations

import argparse
import json
import random
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
OUT = HERE / "places_issue20.jsonl"
FROZEN = HERE / "places_frozen_ids.txt"
CITY, FACILITY = 30, 35  # km: a town centre; an airfield or plant (the town it is named after counts)

# id, source ("spkatt:<wikinews id>" or "smartdata:<doc id>"), excerpt, mentions in text order:
# (surface, kind, lat, lon, radius_km)
SPEC: list[tuple[str, str, str, list[tuple[str, str, float, float, float]]]] = [
    ("p20-01", "spkatt:10057", "Allerdings wurde inzwischen auch bekannt, dass auf dem Flughafen Toronto kein Windradar vorhanden ist. Es soll die Piloten vor plötzlichen Böen warnen. In Kanada ist kein Flughafen mit diesem Radar ausgestattet, in den USA hingegen gehört es zum Standard.",
     [("Flughafen Toronto", "facility", 43.68, -79.63, FACILITY), ("Kanada", "country", 56.0, -106.0, 2500),
      ("USA", "country", 39.8, -98.6, 2500)]),
    ("p20-02", "spkatt:12873", "Auf dem Hamburger Flughafen ist heute Mittag eine niederländische Maschine des Typs „Fokker 100“ mit 95 Passagieren an Bord wegen eines Schadens am Bugrad notgelandet.",
     [("Hamburger Flughafen", "facility", 53.63, 9.99, FACILITY)]),
    ("p20-03", "spkatt:14059", "Die vollautomatische Schwebebahn am Flughafen Düsseldorf (SkyTrain) muss von Siemens jetzt generalüberholt werden.",
     [("Flughafen Düsseldorf", "facility", 51.29, 6.77, FACILITY)]),
    ("p20-04", "spkatt:19560", "Das Flugzeug fiel beim Anflug in ein Sumpfgebiet, drei Kilometer vom Flughafen Pucallpa entfernt, als der Pilot mit der 20 Jahre alten Maschine eine Notlandung ohne ausgefahrenes Fahrwerk versuchte.",
     [("Flughafen Pucallpa", "facility", -8.38, -74.57, FACILITY)]),
    ("p20-05", "spkatt:19569", "Auf dem Flughafen von Kythira entstanden leichte Sachschäden. Auf Kreta wurden zwei Menschen durch die Erdstöße leicht verletzt.",
     [("Flughafen von Kythira", "facility", 36.27, 23.02, FACILITY), ("Kreta", "island", 35.24, 24.9, 150)]),
    ("p20-06", "spkatt:19569", "Angaben des seismologischen Instituts von Athen zufolge lag das Epizentrum 92 Kilometer nordwestlich der kretischen Hafenstadt Chania, nahe der Insel Kythira, 215 Kilometer südlich von Athen.",
     [("Athen", "city", 37.98, 23.73, CITY), ("Chania", "city", 35.51, 24.02, CITY),
      ("Kythira", "island", 36.25, 23.0, 25), ("Athen", "city", 37.98, 23.73, CITY)]),
    ("p20-07", "spkatt:19569", "Um 1500 v. Chr. hatte ein Erdbeben nach einem Vulkanausbruch bei der Insel Santorini im östlichen Mittelmeer einen gewaltigen Tsunami ausgelöst, dem unter Anderem der Untergang der Minoischen Kultur auf Kreta zugeschrieben wird.",
     [("Santorini", "island", 36.4, 25.43, 25), ("Mittelmeer", "water", 35.0, 18.0, 1800),
      ("Kreta", "island", 35.24, 24.9, 150)]),
    ("p20-08", "spkatt:22508", "Da ein Rückflug nach München nicht möglich war, entschied sich der Pilot für den Flughafen Düsseldorf.",
     [("München", "city", 48.14, 11.58, CITY), ("Flughafen Düsseldorf", "facility", 51.29, 6.77, FACILITY)]),
    ("p20-09", "spkatt:25347", "Jetzt entsteht in 200 Kilometer Entfernung im Nordosten der Dominikanischen Republik ein neuer Flughafen im Ort El Catey. Dieser liegt auf der Halbinsel Samana.",
     [("Dominikanischen Republik", "country", 18.8, -70.2, 250), ("El Catey", "city", 19.27, -69.74, CITY),
      ("Samana", "region", 19.23, -69.45, 50)]),
    ("p20-10", "spkatt:25575", "Somit hat der Flughafen Brüssel die Maßnahme bereits vor der gesetzlichen Einführung in 2007 komplett umgesetzt.",
     [("Flughafen Brüssel", "facility", 50.9, 4.48, FACILITY)]),
    ("p20-11", "spkatt:28728", "Sie waren auf dem Weg zum Flughafen Bagdad an einem Kontrollpunkt angekommen, als US-Soldaten das Feuer auf den Wagen von Sgrena eröffneten.",
     [("Flughafen Bagdad", "facility", 33.26, 44.23, FACILITY)]),
    ("p20-12", "spkatt:29108", "Taylor wurde per Flugzeug von Freetown zum Flughafen Rotterdam transportiert.",
     [("Freetown", "city", 8.48, -13.23, CITY), ("Flughafen Rotterdam", "facility", 51.96, 4.44, FACILITY)]),
    ("p20-13", "spkatt:30253", "Das geschieht aber zuerst noch vom Mojave Airport in Kalifornien aus, erst nach zwei Jahren wird Virgin Galactic umziehen.",
     [("Mojave Airport", "facility", 35.06, -118.15, FACILITY), ("Kalifornien", "region", 37.2, -119.5, 600)]),
    ("p20-14", "spkatt:33338", "Eine Höhenforschungsrakete vom Typ „SpaceLoft XL“ startete von dem gerade neu entstehenden Weltraumbahnhof in Upham, New Mexico.",
     [("Upham", "city", 32.99, -106.97, 40), ("New Mexico", "region", 34.4, -106.1, 400)]),
    ("p20-15", "spkatt:33563", "Eine Boeing 757 der Fluggesellschaft ATA ist am Mittwochabend auf dem Flughafen Ferihegy in Budapest notgelandet.",
     [("Flughafen Ferihegy", "facility", 47.44, 19.26, FACILITY), ("Budapest", "city", 47.5, 19.04, CITY)]),
    ("p20-16", "spkatt:42492", "Das am Donnerstag Nachmittag nach einem Kurzschluss notabgeschaltete Kernkraftwerk Brunsbüttel nimmt wieder den normalen Betrieb auf.",
     [("Kernkraftwerk Brunsbüttel", "facility", 53.89, 9.2, FACILITY)]),
    ("p20-17", "spkatt:42492", "Im Kernkraftwerk Krümmel konnten dagegen noch keine Untersuchungen vollzogen werden.",
     [("Kernkraftwerk Krümmel", "facility", 53.41, 10.41, FACILITY)]),
    ("p20-18", "spkatt:4566", "Daraufhin musste das Flugzeug zum Amsterdamer Flughafen Schiphol zurückkehren, da auf kanadischem Gebiet kein geeigneter Flughafen für eine Zwischenlandung vorhanden ist.",
     [("Flughafen Schiphol", "facility", 52.31, 4.76, FACILITY)]),
    ("p20-19", "spkatt:48690", "Dabei sollen die Beschäftigten der Gepäckabfertigung, der Flughafenfeuerwehren und der Sicherheitsbereiche an den Flughäfen Frankfurt am Main, München, Nürnberg, Stuttgart, Köln-Bonn, Münster-Osnabrück, Hamburg, Hannover-Langenhagen, Dortmund und Saarbrücken von 4:00 bis 12:00 Uhr die Arbeit niederlegen.",
     [("Frankfurt am Main", "facility", 50.03, 8.57, FACILITY), ("München", "facility", 48.35, 11.79, FACILITY),
      ("Nürnberg", "facility", 49.5, 11.08, FACILITY), ("Stuttgart", "facility", 48.69, 9.22, FACILITY),
      ("Köln-Bonn", "facility", 50.87, 7.14, FACILITY), ("Münster-Osnabrück", "facility", 52.13, 7.69, FACILITY),
      ("Hamburg", "facility", 53.63, 9.99, FACILITY), ("Hannover-Langenhagen", "facility", 52.46, 9.69, FACILITY),
      ("Dortmund", "facility", 51.52, 7.61, FACILITY), ("Saarbrücken", "facility", 49.21, 7.11, FACILITY)]),
    ("p20-20", "spkatt:52151", "Nach Angaben der Ryanair-Sprecherin Anja Seugling gegenüber dem Weser-Kurier ist der Flughafen Bremen der am stärksten expandierende Standort des Billigfliegers.",
     [("Flughafen Bremen", "facility", 53.05, 8.79, FACILITY)]),
    ("p20-21", "spkatt:52151", "So werden seit April 2008 auch die Flughäfen Manchester und Edinburgh angeflogen.",
     [("Manchester", "facility", 53.36, -2.27, FACILITY), ("Edinburgh", "facility", 55.95, -3.37, FACILITY)]),
    ("p20-22", "spkatt:5456", "Eine Maschine einer türkischen Chartergesellschaft musste gestern Abend auf dem Flughafen von Tel Aviv notlanden. An Bord des Airbus A 300 befanden sich 294 Menschen. Die Maschine startete im türkischen Touristenort Antalya und sollte auf dem Ben-Gurion-Flughafen landen.",
     [("Flughafen von Tel Aviv", "facility", 32.01, 34.89, FACILITY), ("Antalya", "city", 36.9, 30.7, CITY),
      ("Ben-Gurion-Flughafen", "facility", 32.01, 34.89, FACILITY)]),
    ("p20-23", "spkatt:5456", "Anschließend ließen sie 24.000 Liter Kerosin über dem Mittelmeer ab.",
     [("Mittelmeer", "water", 35.0, 18.0, 1800)]),
    ("p20-24", "spkatt:6392", "Auf dem Weg von Florida auf die Bahamas ist am Montag, den 13.06.2005, eine zweimotorige Propellermaschine vom Typ DC-3 aus den dreißiger Jahren mitten in einem Wohngebiet notgelandet. Die Frachtmaschine der Firma „Air Pony Express Inc“, die seit fünf Jahren regelmäßig die Strecke zu den Bahamas bedient, hatte neben drei Insassen anderthalb Tonnen Granit geladen. Kurz nach dem Start vom Executive Airport Fort Lauderdale bekam der Pilot Charles Riggs Probleme.",
     [("Florida", "region", 28.6, -82.4, 500), ("Bahamas", "country", 24.5, -77.5, 400),
      ("Bahamas", "country", 24.5, -77.5, 400), ("Executive Airport Fort Lauderdale", "facility", 26.2, -80.17, FACILITY)]),
    ("p20-25", "spkatt:83739", "Der Luftangriff fand am Internationalen Flughafen Bagdad statt, wo Soleimani mit dem Flugzeug eintraf.",
     [("Flughafen Bagdad", "facility", 33.26, 44.23, FACILITY)]),
    ("p20-26", "spkatt:8562", "Heute ist um 10:39 Uhr Ortszeit (16:39 Uhr MESZ) vom Weltraumbahnhof Cape Canaveral die US-amerikanische Raumfähre „Discovery“ ins Weltall gestartet.",
     [("Weltraumbahnhof Cape Canaveral", "facility", 28.5, -80.6, FACILITY)]),
    ("p20-27", "spkatt:69120", "Die Yacht „Dignité al Karama“ hatte Kurs auf die Küste des Gazastreifens gehalten, bis sie um 8.30 Uhr (MESZ), 40 Seemeilen vor Gaza, gestoppt wurde. Dem Sender al-Dschasira zufolge wird das Schiff in den südisraelischen Hafen Aschdot gefahren, wo die Hilfsgüter ausgeladen werden sollen.",
     [("Gazastreifens", "region", 31.4, 34.4, 40), ("Gaza", "city", 31.5, 34.47, CITY),
      ("Hafen Aschdot", "facility", 31.82, 34.64, FACILITY)]),
    ("p20-28", "spkatt:77730", "Am Bahnhof Wien Praterstern (vormals Bahnhof Wien Nord) wurde heute wegen eines herrenlosen Koffers, der auf dem Bahnsteig stand, kurz nach 13 Uhr Bombenalarm ausgelöst.",
     [("Bahnhof Wien Praterstern", "facility", 48.22, 16.39, FACILITY), ("Bahnhof Wien Nord", "facility", 48.22, 16.39, FACILITY)]),
    ("p20-29", "spkatt:60843", "Nach einem Unfall im Kernkraftwerk Harrisburg 1979 war die Akzeptanz für die Atomenergie in den Vereinigten Staaten deutlich gesunken.",
     [("Kernkraftwerk Harrisburg", "facility", 40.15, -76.72, FACILITY), ("Vereinigten Staaten", "country", 39.8, -98.6, 2500)]),
    ("p20-30", "spkatt:36593", "Trägerrakete war eine Sojus-2.1b / Fregat – eine neue Modifikation der bewährten Sojus-Fregat –, die vom kasachischen Kosmodrom in Baiqongyr startete.",
     [("Baiqongyr", "city", 45.62, 63.31, 40)]),
    # --- regions
    ("p20-31", "spkatt:12611", "Pantelleria ist eine Insel im Süden Italiens, sie liegt im Mittelmeer, die Maschine kam aus Sizilien aus der Stadt Trapani.",
     [("Pantelleria", "island", 36.79, 11.99, 20), ("Italiens", "country", 42.8, 12.5, 700),
      ("Mittelmeer", "water", 35.0, 18.0, 1800), ("Sizilien", "island", 37.6, 14.2, 150), ("Trapani", "city", 38.02, 12.51, CITY)]),
    ("p20-32", "spkatt:14986", "Am vergangenen Samstag starben behördlichen Angaben zufolge beim Absturz eines von den Vereinten Nationen gecharterten Militärhubschraubers in der Region Gotschai, rund 200 Kilometer westlich der aserbaidschanischen Hauptstadt Baku, alle vier Insassen.",
     [("Gotschai", "region", 40.65, 47.74, 40), ("Baku", "city", 40.41, 49.87, CITY)]),
    ("p20-33", "spkatt:15588", "Sie verbrachten damals den Urlaub auf der malaysischen Taucherinsel Sipadan. Von dort aus wurden sie von den Entführern auf die südphilippinische Insel Jolo verschleppt.",
     [("Sipadan", "island", 4.11, 118.63, 20), ("Jolo", "island", 6.0, 121.0, 40)]),
    ("p20-34", "spkatt:18592", "Am Weihnachtssonntag trafen sich die Präsidenten beider Länder auf der Insel Nias, auf der im März dieses Jahres über 900 Menschen ihr Leben verloren, als ein Seebeben im Indischen Ozean die Region schwer erschütterte.",
     [("Nias", "island", 1.1, 97.55, 70), ("Indischen Ozean", "water", -20.0, 80.0, 4000)]),
    ("p20-35", "spkatt:18592", "Den noch 16.000 in dem Westeil der Insel Timor verbliebenen Flüchtlingen sicherte Präsident Gusmão kurz vor dem offiziellen Ablauf der dortigen UN-Mission zu, dass sie „die Türen von Osttimor immer offen sein werden“.",
     [("Timor", "island", -9.3, 124.9, 300), ("Osttimor", "country", -8.8, 125.7, 150)]),
    ("p20-36", "spkatt:18645", "Nach Angaben des stellvertretenden Gouverneurs Nasser Baoum der Provinz Schabwa kommen die Verhandlungen zur Freilassung der Familie von Jürgen Chrobog gut voran.",
     [("Schabwa", "region", 14.8, 47.0, 200)]),
    ("p20-37", "spkatt:18645", "Die Kidnapper wollen die Freilassung von fünf Angehörigen des Stamms „al-Abdullah bin Dahha“, die in der Provinz Abijan im Gefängnis sitzen, erpressen.",
     [("Abijan", "region", 13.6, 46.0, 200)]),
    ("p20-38", "spkatt:19094", "Auf dem indonesischen Teil der Insel Neuguinea ist am heutigen Donnerstag um 10:00 Uhr Ortszeit (01:00 Uhr GMT) ein Kleinflugzeug vom Typ „Cessna“ abgestürzt. An Bord befanden sich zwei männliche Personen, beide haben den Absturz nicht überlebt. Der Absturzort befindet sich im Burmey-Distrikt in der Provinz Papua, der östlichsten Provinz von Indonesien. Das Flugzeug startete in der Provinz-Hauptstadt Jayapura und stürzte ungefähr eine Stunde nach dem Start ab.",
     [("Neuguinea", "island", -5.5, 141.0, 1000), ("Papua", "region", -4.0, 138.0, 500),
      ("Indonesien", "country", -2.5, 118.0, 2500), ("Jayapura", "city", -2.53, 140.72, CITY)]),
    ("p20-39", "spkatt:2896", "Der Präsident der Region Elsass", [("Elsass", "region", 48.3, 7.5, 120)]),
    ("p20-40", "spkatt:2896", "Seit Einführung der bundesdeutschen Maut passieren statt 16.000 über 18.500 Schwerlastwagen täglich die Autobahn in Höhe von Straßburg, ein Anstieg von 15 Prozent auf Grund der Mautzahlungen auf der parallelen Autobahn A 5 zwischen Karlsruhe und Weil am Rhein.",
     [("Straßburg", "city", 48.58, 7.75, CITY), ("Karlsruhe", "city", 49.01, 8.4, CITY),
      ("Weil am Rhein", "city", 47.59, 7.62, CITY)]),
    ("p20-41", "spkatt:2896", "Die Benutzung der Autobahnen im Elsass ist kostenlos, ausgenommen zwei Teilstrecken an der Westgrenze der Region auf den nach Paris (A 4) und Lyon (A 36) führenden Autobahnen.",
     [("Elsass", "region", 48.3, 7.5, 120), ("Paris", "city", 48.86, 2.35, CITY), ("Lyon", "city", 45.76, 4.84, CITY)]),
    ("p20-42", "spkatt:30456", "Die polnische Erdölgesellschaft Petrobaltic hat bei der Suche nach neuen Ölvorkommen vermutlich das Wrack des deutschen Flugzeugträgers „Graf Zeppelin“ in der Ostsee entdeckt. Amateurhistoriker haben am 12. Juli dem Unternehmen einen Hinweis gegeben. Das Wrack hat eine Länge von etwa 250 Metern und liegt in 80 Metern Tiefe vor der Danziger Bucht in der Nähe einer Ölplattform.",
     [("Ostsee", "water", 58.0, 19.0, 800), ("Danziger Bucht", "water", 54.6, 19.0, 60)]),
    ("p20-43", "spkatt:30965", "Die Fluten wurden durch heftige Regenfälle verursacht, die Dörfer in der Region Dire Dawa im Osten überflutet haben.",
     [("Dire Dawa", "region", 9.6, 41.87, 60)]),
    ("p20-44", "spkatt:31627", "Nach Angaben der Hilfsorganisation Ärzte ohne Grenzen mussten 10.000 Menschen ihre Heimat nahe dem Tanasee im Norden Äthiopiens verlassen.",
     [("Tanasee", "water", 12.0, 37.3, 60), ("Äthiopiens", "country", 9.0, 39.5, 900)]),
    ("p20-45", "spkatt:31627", "Auch der Awash-Fluss im Norden Äthiopiens ist über die Ufer getreten.",
     [("Awash-Fluss", "water", 9.5, 40.5, 400), ("Äthiopiens", "country", 9.0, 39.5, 900)]),
    ("p20-46", "spkatt:3552", "Im Schweizer Kanton Solothurn wird heute eine neue Regierung und ein neues Parlament gewählt.",
     [("Solothurn", "region", 47.3, 7.6, 40)]),
    ("p20-47", "spkatt:35600", "Volkswagen will in Pune, im indischen Bundesstaat Maharashtra, ein neues Werk bauen.",
     [("Pune", "city", 18.52, 73.86, CITY), ("Maharashtra", "region", 19.4, 76.1, 500)]),
    ("p20-48", "spkatt:36350", "Zur Polizei als letzte Hoffnung ging am Freitagmorgen ein Mann im Kreis Kusel.",
     [("Kusel", "region", 49.55, 7.4, 30)]),
    ("p20-49", "spkatt:36600", "Im Moment leben weltweit mindestens 25.000 Eisbären, mit mindestens 4.700 davon im Bundesstaat Alaska.",
     [("Alaska", "region", 64.0, -150.0, 1200)]),
    ("p20-50", "spkatt:44338", "Es handelt sich um das erste Auftreten dieser Virusinfektion in Baden-Württemberg. Betroffen sind der Main-Tauber-Kreis, der Landkreis Heilbronn, der Enzkreis und der Ortenaukreis.",
     [("Baden-Württemberg", "region", 48.5, 9.0, 200), ("Main-Tauber-Kreis", "region", 49.6, 9.7, 40),
      ("Heilbronn", "region", 49.14, 9.22, 40), ("Enzkreis", "region", 48.9, 8.75, 35), ("Ortenaukreis", "region", 48.45, 8.0, 50)]),
    ("p20-51", "spkatt:44338", "Auch bei einigen Tieren aus dem Stadt- und Landkreis Karlsruhe sowie dem Rhein-Neckar-Kreis besteht der Verdacht auf eine Infektion.",
     [("Karlsruhe", "region", 49.05, 8.45, 40), ("Rhein-Neckar-Kreis", "region", 49.35, 8.75, 40)]),
    ("p20-52", "spkatt:45695", "Der Bericht bildet die Grundlage für die Verhandlungen, die vom 3. bis 14. Dezember auf der indonesischen Insel Bali geführt werden sollen.",
     [("Bali", "island", -8.4, 115.2, 80)]),
    ("p20-53", "spkatt:46721", "Nach Polizeiangaben wollte in Neutraubling im Landkreis Regensburg ein 31-jähriger Mann im Garten eine Feuerwerkskörperbatterie anzünden. Nach der Zündung kippte die Batterie jedoch um. Das unkontrollierte Geschoss traf daraufhin ein fünf Jahre altes Mädchen und verletzte es lebensgefährlich am Kopf. Das Kind erlitt eine Hirnblutung und musste noch vor Ort in ein künstliches Koma versetzt werden. Mit einer Notoperation konnte das Kind gerettet werden. Ein 18-Jähriger aus Berlin-Neukölln wurde lebensgefährlich verletzt, denn er wollte eine Rakete anzünden, wobei seine Kleidung Feuer fing. Ein 40 Jahre alter Mann aus Zerbst in Sachsen-Anhalt verlor beim Hantieren mit einem selbstgebauten Böller vier Finger der rechten Hand.",
     [("Neutraubling", "city", 48.99, 12.2, CITY), ("Regensburg", "region", 49.0, 12.1, 40),
      ("Berlin-Neukölln", "city", 52.48, 13.44, CITY), ("Zerbst", "city", 51.97, 12.08, CITY), ("Sachsen-Anhalt", "region", 52.0, 11.7, 150)]),
    ("p20-54", "spkatt:47258", "Eine geplante Lebertransplantation im US-Bundesstaat Florida musste Anfang Oktober 2007 wegen Metastasenbildung überraschend abgesagt werden.",
     [("Florida", "region", 28.6, -82.4, 500)]),
    ("p20-55", "spkatt:48012", "Der Mann wurde etwa 60 Kilometer nördlich von Erigabo, einer Stadt in der abtrünnigen Region Somaliland, von Bewaffneten verschleppt. In dem Fahrzeug befand sich auch eine weitere deutsche Mitarbeiterin. Das bestätigte die Organisation in Bonn. Die Hilfsorganisation hatte keine Forderungen der Kidnapper erhalten. Ob es einen politischen Hintergrund der Tat gab, ist unklar. Das Auswärtige Amt in Berlin hielt sich zunächst mit weiteren Informationen zurück. Der Entführte wurde vermutlich in einer nahegelegenen Bergregion versteckt gehalten. Die lokalen Behörden bemühten sich intensiv um die Freilassung des deutschen Entwicklungshelfers. Bei dem Verschleppten habe es sich um den Projektleiter Daniel B. gehandelt, erklärte ein örtlicher Mitarbeiter der Welthungerhilfe. Er war vor seinem Einsatz in Somalia in Afghanistan tätig und arbeitet seit fast zwei Jahren in der Region am Horn von Afrika.",
     [("Erigabo", "city", 10.62, 47.37, CITY), ("Somaliland", "region", 9.5, 46.0, 400), ("Bonn", "city", 50.73, 7.1, CITY), ("Berlin", "city", 52.52, 13.4, CITY),
      ("Somalia", "country", 5.0, 46.0, 900), ("Afghanistan", "country", 34.0, 66.0, 800),
      ("Horn von Afrika", "region", 8.0, 45.0, 1200)]),
    ("p20-56", "spkatt:48551", "Laut dem Konzert-Büro Richard Weber starb er an den Folgen eines Krebsleidens, nachdem er die letzte Zeit seines Lebens auf der griechischen Insel Skopelos verbracht hatte, wo er seit mehreren Jahren lebte.",
     [("Skopelos", "island", 39.12, 23.7, 20)]),
    ("p20-57", "spkatt:48618", "Die Führung der britischen Armee hatte am 29. Februar beschlossen, ihn aus der afghanischen Provinz Helmand zurückzuholen, nachdem bekannt geworden war, dass er aktiv gegen die Taliban kämpfte.",
     [("Helmand", "region", 31.0, 64.0, 250)]),
    ("p20-58", "spkatt:49204", "Bei der letzten großen Dengue-Fieber-Epidemie in Rio de Janeiro im Jahr 2002 starben im Bundesstaat Rio de Janeiro 90 Personen an der Krankheit.",
     [("Rio de Janeiro", "city", -22.91, -43.17, CITY), ("Rio de Janeiro", "region", -22.3, -42.7, 200)]),
    ("p20-59", "spkatt:5248", "In Nordaustralien hat sich am heutigen Samstag ein Flugzeugabsturz ereignet. Es handelt sich um ein zweimotoriges Charterflugzeug vom Typ Fairchild Metroliner, das sich auf dem Weg nach Lockhart River, einer Aborigines-Gemeinde, befand. An Bord befanden sich 15 Passagiere und zwei Besatzungsmitglieder. Nach ersten Angaben sind wahrscheinlich alle 17 Personen ums Leben gekommen. Andere Medien berichten von 13 Passagieren und zwei Besatzungsmitgliedern. Ein Sprecher der Rettungsdienste erklärte, er gehe nicht davon aus, dass jemand den Absturz überlebt habe. Gefunden wurde das ausgebrannte Wrack der Maschine im Bundesstaat Queensland.",
     [("Nordaustralien", "region", -17.0, 135.0, 1500), ("Lockhart River", "city", -12.79, 143.34, CITY),
      ("Queensland", "region", -22.0, 144.0, 1100)]),
    ("p20-60", "spkatt:53890", "Nach Angaben der Zeitung China Daily sind die Fluten in der Provinz Guangxi die schwersten seit 101 Jahren.",
     [("Guangxi", "region", 23.8, 108.8, 350)]),
    ("p20-61", "spkatt:55554", "Der Gouverneur des Bundesstaates New York, David A. Paterson ernannte am 22. Januar die Demokratin Kirsten Gillibrand zur Nachfolgerin der bisherigen Amtsinhaberin Hillary Clinton, deren Sitz im US-Senat frei geworden war.",
     [("New York", "region", 42.9, -75.5, 400)]),
    ("p20-62", "spkatt:55554", "Patersons Entscheidung könnte ihm bei seiner eigenen Wiederwahl 2010 zu Stimmengewinnen im ländlichen Teil des Bundesstaates verhelfen, vor allem im konservativen Hudson Valley, wo Gillibrand beheimatet ist.",
     [("Hudson Valley", "region", 41.8, -73.9, 120)]),
    ("p20-63", "spkatt:5583", "Nach Berechnungen eines US-Forschers sind lediglich maximal 300 Jäger und Sammlerinnen während der letzten Eiszeit vor etwa 14.000 Jahren von der Alten Welt (Sibirien) aus über die Beringstraße in die Neue Welt (Amerika) eingewandert.",
     [("Sibirien", "region", 60.0, 100.0, 2500), ("Beringstraße", "water", 65.8, -169.0, 150),
      ("Amerika", "region", 15.0, -90.0, 6000)]),
    ("p20-64", "spkatt:5583", "Der Biologe Jody Hey von der Rutgers University im US-Bundesstaat New Jersey entwickelte ein mathematisches Modell, mit dem er DNA-Sequenzen von neun unterschiedlichen Genen heute lebender Asiaten und amerikanischer Ureinwohner miteinander verglich.",
     [("New Jersey", "region", 40.1, -74.5, 150)]),
    ("p20-65", "spkatt:56965", "Ein Gericht im US-Bundesstaat Virginia folgte dem in letzter Minute eingereichten Eilantrag des leukämie- und nierenkranken John Demjanjuk, dass er nicht verhandlungsfähig sei und den Flug nicht unbeschadet überstehen werde.",
     [("Virginia", "region", 37.5, -78.8, 350)]),
    ("p20-66", "spkatt:57933", "So nannte der Iranexperte Karim Sadjadpour vom Carnegie-Institut für internationalen Frieden gegenüber CNN das Beispiel der Provinz Ost-Aserbaidschan.",
     [("Ost-Aserbaidschan", "region", 37.9, 46.5, 200)]),
    ("p20-67", "spkatt:60138", "Die Provinz Xinjiang ist ein ursprünglich mehrheitlich von Uiguren bewohntes Gebiet im Nordwesten Chinas.",
     [("Xinjiang", "region", 41.0, 85.0, 1200), ("Chinas", "country", 35.0, 103.0, 2500)]),
    ("p20-68", "spkatt:60146", "Studierende an der Benet Akademie in Lisle (US-Bundesstaat Illinois) haben in diesem Jahr mit der Weihnachts-Spendenaktion Drive einen neuen Rekord erreicht.",
     [("Lisle", "city", 41.8, -88.07, CITY), ("Illinois", "region", 40.0, -89.2, 400)]),
    ("p20-69", "spkatt:61190", "Wie aus einer Verlautbarung der Internationalen Sicherheitsunterstützungstruppe (ISAF) hervorgeht, wurden im Bezirk Zhari in der afghanischen Provinz Kandahar fünf unbeteiligte Zivilisten getötet und zwei weitere verletzt.",
     [("Zhari", "region", 31.6, 65.5, 40), ("Kandahar", "region", 31.0, 65.7, 250)]),
    ("p20-70", "spkatt:61683", "Den vorliegenden Informationen zufolge soll Dulmatin in einem Internet-Café in Pamulang, in der Nähe der Hauptstadt Jakarta auf der indonesischen Insel Java, bei einer Razzia entdeckt worden sein.",
     [("Pamulang", "city", -6.34, 106.74, CITY), ("Jakarta", "city", -6.2, 106.85, CITY), ("Java", "island", -7.3, 110.0, 600)]),
    ("p20-71", "spkatt:61683", "Dulmatin galt als der meistgesuchte Terrorist Südostasiens.",
     [("Südostasiens", "region", 5.0, 110.0, 2500)]),
    ("p20-72", "spkatt:61889", "Mitglieder einer christlichen paramilitärischen Gruppe im US-Bundesstaat Michigan sind wegen Anschlagsplänen gegen Polizisten festgenommen und angeklagt worden.",
     [("Michigan", "region", 44.3, -85.4, 400)]),
    ("p20-73", "spkatt:62691", "Schneller als die Hydrologen vorausgesagt hatten, kommt die Hochwasserwelle auf der Oder voran.",
     [("Oder", "water", 52.3, 14.6, 400)]),
    ("p20-74", "spkatt:62691", "Bereits in der Nacht zum Mittwoch, dem 26. Mai, wurde in Brandenburg die Hochwasseralarmstufe 2 ausgelöst, etwa „acht bis zehn Stunden früher“ als erwartet, im Landkreis Oder-Spree steht die Ausrufung der Stufe 3 bevor.",
     [("Brandenburg", "region", 52.4, 13.0, 200), ("Oder-Spree", "region", 52.25, 14.2, 50)]),
    ("p20-75", "spkatt:62691", "In Ratzdorf erreichte der Pegel der Oder bereits 5,54 Meter.",
     [("Ratzdorf", "city", 52.07, 14.76, CITY), ("Oder", "water", 52.3, 14.6, 400)]),
    ("p20-76", "spkatt:62691", "An der Weichsel hat der Scheitel des Hochwassers bereits die Mündung in die Ostsee erreicht.",
     [("Weichsel", "water", 52.5, 20.0, 450), ("Ostsee", "water", 58.0, 19.0, 800)]),
    ("p20-77", "spkatt:66494", "Ein Erdbeben mit Epizentrum in der Nähe von Christchurch auf der Südinsel Neuseelands hat mindestens 65 Menschenleben gefordert.",
     [("Christchurch", "city", -43.53, 172.64, CITY), ("Südinsel", "island", -43.5, 170.5, 500),
      ("Neuseelands", "country", -41.5, 173.0, 900)]),
    ("p20-78", "spkatt:66494", "Australien ließ 74 Katastrophenhelfer aus New South Wales nach Christchurch fliegen und will in den nächsten Stunden weitere 74 Helfer aus Queensland in die Erdbebenregion schicken.",
     [("Australien", "country", -25.0, 134.0, 2500), ("New South Wales", "region", -32.5, 147.0, 700),
      ("Christchurch", "city", -43.53, 172.64, CITY), ("Queensland", "region", -22.0, 144.0, 1100)]),
    ("p20-79", "spkatt:66494", "Bei einem Flugzeugabsturz am Mount Erebus starben 1979 in der Antarktis 257 Personen.",
     [("Mount Erebus", "mountain", -77.53, 167.15, 25), ("Antarktis", "region", -80.0, 0.0, 3500)]),
    ("p20-80", "spkatt:66494", "1953 kamen am Heiligen Abend beim schlimmsten Zugunglück Neuseelands 151 Passagiere um, als ein Zug in den Whangaehu River stürzte, weil eine Eisenbahnbrücke unter ihm zusammenbrach.",
     [("Neuseelands", "country", -41.5, 173.0, 900), ("Whangaehu River", "water", -39.6, 175.4, 80)]),
    ("p20-81", "spkatt:66793", "Pat Quinn, der Gouverneur des US-Bundesstaates Illinois, hat heute ein Gesetz zur Abschaffung der Todesstrafe unterzeichnet.",
     [("Illinois", "region", 40.0, -89.2, 400)]),
    ("p20-82", "spkatt:67374", "Der Betreiber des havarierten Kernkraftwerks Fukushima I in Japan, der Energieversorger TEPCO, begann heute damit, 11.500 Tonnen radioaktiv verseuchtes Wasser in den Pazifischen Ozean einzuleiten.",
     [("Kernkraftwerks Fukushima I", "facility", 37.42, 141.03, FACILITY), ("Japan", "country", 36.5, 138.0, 1200),
      ("Pazifischen Ozean", "water", 0.0, -160.0, 8000)]),
    ("p20-83", "spkatt:68040", "Das gilt für die gesamte Küstenregion an der Nordsee von der Grenze zu den Niederlanden bis Dänemark im Norden.",
     [("Nordsee", "water", 56.0, 3.0, 700), ("Niederlanden", "country", 52.2, 5.5, 200), ("Dänemark", "country", 56.0, 10.0, 300)]),
    ("p20-84", "spkatt:68040", "Von einer hohen Brandgefahr wird auch aus Bonn und dem Rhein-Sieg-Kreis berichtet.",
     [("Bonn", "city", 50.73, 7.1, CITY), ("Rhein-Sieg-Kreis", "region", 50.75, 7.3, 40)]),
    ("p20-85", "spkatt:69231", "Demnach sind bei der Bombenexplosion im Osloer Regierungsviertel acht Menschen und bei dem anschließenden Massaker auf der Insel Utøya 68 Menschen ums Leben gekommen.",
     [("Utøya", "island", 60.02, 10.25, 20)]),
    ("p20-86", "spkatt:69492", "Tatsächlich, so betont auch die ermittelnde Polizei, ist dies keine zutreffende Darstellung, da er dort seinen Wohnsitz hat und eine weitere fliegerische Betätigung am Tegelberg für ihn auf absehbare Zeit ausgeschlossen sein dürfte.",
     [("Tegelberg", "mountain", 47.56, 10.77, 20)]),
    ("p20-87", "spkatt:71489", "Das Fährschiff war auf dem Weg von Kimbe auf Neubritannien nach Lae auf der Hauptinsel Neuguinea.",
     [("Kimbe", "city", -5.55, 150.14, CITY), ("Neubritannien", "island", -5.5, 150.5, 300),
      ("Lae", "city", -6.72, 147.0, CITY), ("Neuguinea", "island", -5.5, 141.0, 1000)]),
    ("p20-88", "spkatt:71489", "Die Hoffnung nach weiteren Überlebenden wurde jedoch noch nicht aufgegeben, da die hohen Wassertemperaturen in der Salomonensee in dieser Jahreszeit eine längere Überlebensdauer ermöglichen.",
     [("Salomonensee", "water", -8.0, 153.0, 600)]),
    ("p20-89", "spkatt:73775", "Sie erreichte ihr Ziel im Golf von Bengalen mit einer Genauigkeit von unter 10 Metern.",
     [("Golf von Bengalen", "water", 15.0, 88.0, 1000)]),
    ("p20-90", "spkatt:74327", "Im Süden Ägyptens kam es an einem Bahnübergang in der Stadt Manfalut in der Provinz Asyut zu einem folgeschweren Zusammenstoß eines Busses mit einem Zug (Bild).",
     [("Ägyptens", "country", 26.8, 30.8, 800), ("Manfalut", "city", 27.31, 30.97, CITY), ("Asyut", "region", 27.2, 31.0, 100)]),
    ("p20-91", "spkatt:82396", "Außerdem stürzte in der Region La Libertad ein Bus in eine 200 Meter tiefe Schlucht.",
     [("La Libertad", "region", -8.0, -78.5, 200)]),
    ("p20-92", "spkatt:82520", "Die Japan Meteorological Agency teilte mit, dass in den Präfekturen Kyoto und Gifu die „noch nie da gewesenen Niederschläge“ anhalten und warnte für die Hauptinseln Kyūshū und Shikoku vor neuen Extremregenfällen.",
     [("Kyoto", "region", 35.25, 135.45, 100), ("Gifu", "region", 35.75, 137.0, 100),
      ("Kyūshū", "island", 32.6, 130.8, 300), ("Shikoku", "island", 33.7, 133.5, 200)]),
    ("p20-93", "spkatt:83244", "Wie ein Sprecher der Feuerwehr mitteilt, wurde der Leichnam der 24-Jährigen im Comersee in 204 Metern Wassertiefe mit einem Tauchroboter gefunden und dann geborgen.",
     [("Comersee", "water", 46.0, 9.25, 40)]),
    ("p20-94", "spkatt:84297", "Das Flugzeug war in Jakarta gestartet und sollte etwa 90 Minuten später in Pontianak auf Borneo landen.",
     [("Jakarta", "city", -6.2, 106.85, CITY), ("Pontianak", "city", -0.03, 109.33, CITY), ("Borneo", "island", 0.5, 114.0, 800)]),
    ("p20-95", "spkatt:12706", "Momentan befindet er sich noch mit einer Geschwindigkeit von 210 Kilometer pro Stunde über dem Atlantik in der Nähe der Küstenregion von den Bahamas, Süd-Florida und Kuba.",
     [("Atlantik", "water", 15.0, -40.0, 5000), ("Bahamas", "country", 24.5, -77.5, 400),
      ("Süd-Florida", "region", 26.0, -80.8, 250), ("Kuba", "country", 21.8, -79.5, 600)]),
    ("p20-96", "spkatt:12706", "Der Gouverneur Rick Perry aus Texas rief vor einigen Stunden den Notstand aus.",
     [("Texas", "region", 31.5, -99.3, 800)]),
    ("p20-97", "spkatt:15430", "Im Nordmeer ist gestern das Forschungsflugzeug „Polar 4“ abgestürzt. Ersten Angaben vom gestrigen Mittwoch zufolge gehörte die „Dornier Do 228“ dem Alfred-Wegener-Institut für Polar- und Meeresforschung (AWI) in Bremerhaven. Das zweimotorige Flugzeug erlitt in der Antarktis eine Bruchlandung.",
     [("Nordmeer", "water", 70.0, 0.0, 1000), ("Bremerhaven", "city", 53.55, 8.58, CITY),
      ("Antarktis", "region", -80.0, 0.0, 3500)]),
    ("p20-98", "spkatt:27100", "Die Freundin von Philipp Lahm war mit den anderen Spielerfrauen bereits Anfang der Woche nach Sardinien gereist. Sie kam gestern nach München zurück und wird am Samstag mit Philipp erneut nach Sardinien fliegen.",
     [("Sardinien", "island", 40.1, 9.0, 150), ("München", "city", 48.14, 11.58, CITY), ("Sardinien", "island", 40.1, 9.0, 150)]),
    ("p20-99", "spkatt:28446", "Sie sind für zwei Wochen engagiert, die Kosten von 25.000 Euro teilen sich dabei die Länder Bayern und Tirol.",
     [("Bayern", "region", 48.9, 11.4, 250), ("Tirol", "region", 47.2, 11.4, 120)]),
    ("p20-100", "spkatt:28446", "Ein weiterer Einsatz der Hunde erfolgte Montagabend, als der Bär im Ahornboden im Karwendelgebirge in Tirol gesichtet wurde.",
     [("Ahornboden", "region", 47.42, 11.53, 20), ("Karwendelgebirge", "mountain", 47.42, 11.45, 40), ("Tirol", "region", 47.2, 11.4, 120)]),
    ("p20-101", "spkatt:43595", "Der italienische Innenminister Giuliano Amato sagte in Rom, sehr wahrscheinlich handele es sich um einen Racheakt für einen Mord im italienischen San Luca, einem Dorf in Kalabrien.",
     [("Rom", "city", 41.9, 12.5, CITY), ("San Luca", "city", 38.15, 16.07, CITY), ("Kalabrien", "region", 39.0, 16.5, 150)]),
    ("p20-102", "spkatt:50226", "Ein Tiefdruckgebiet, das in den letzten Tagen über der Bucht von Bengalen gestanden hatte, habe nun das Festland erreicht, meldet die indische Meteorologiebehörde.",
     [("Bucht von Bengalen", "water", 15.0, 88.0, 1000)]),
    ("p20-103", "spkatt:59985", "Am 11. Dezember 2009 wurde ein Brandanschlag auf die Al-Kabir-Moschee in Kfar Jassuf im Westjordanland verübt.",
     [("Kfar Jassuf", "city", 32.12, 35.2, CITY), ("Westjordanland", "region", 32.0, 35.3, 80)]),
    ("p20-104", "spkatt:60990", "Am Montagmorgen (10:14 Uhr MEZ) hob das Space Shuttle „Endeavour“ planmäßig vom Kennedy-Raumfahrtzentrum in der Nähe von Cape Canaveral (Florida) zu einer 13-tägigen Mission zur Internationalen Raumstation (ISS) ab.",
     [("Kennedy-Raumfahrtzentrum", "facility", 28.57, -80.65, FACILITY), ("Cape Canaveral", "city", 28.4, -80.6, CITY),
      ("Florida", "region", 28.6, -82.4, 500)]),
    ("p20-105", "spkatt:67014", "Zuvor hatte der libysche Diktator Gaddafi mit dem Einsatz von Gewalt gegen den Luft- und Seeverkehr im Mittelmeer gedroht, sollte die UNO einen entsprechenden Beschluss fassen:",
     [("Mittelmeer", "water", 35.0, 18.0, 1800)]),
    ("p20-106", "spkatt:69903", "Nach einer Veröffentlichung im Wissenschaftsmagazin „Nature“ haben Forscher ein Ozonloch über der Arktis von der fünffachen Größe Deutschlands entdeckt.",
     [("Arktis", "region", 80.0, 0.0, 2500), ("Deutschlands", "country", 51.2, 10.4, 500)]),
    ("p20-107", "spkatt:70140", "Nach einer kurzen islamischen Zeremonie wurde Gaddafi in einem entlegenen Gebiet in der Sahara beigesetzt.",
     [("Sahara", "region", 23.0, 13.0, 2500)]),
    ("p20-108", "spkatt:37935", "In Triberg (Schwarzwald-Baar-Kreis) brannte in der vergangenen Nacht ein historischer Schwarzwald-Bauernhof bis auf die Grundmauern nieder.",
     [("Triberg", "city", 48.13, 8.23, CITY), ("Schwarzwald-Baar-Kreis", "region", 48.05, 8.45, 40)]),
    ("p20-109", "spkatt:53754", "Aus bislang ungeklärten Gründen kam es in der Nacht zu Sonntag in einer ehemaligen Möbelfabrik in Hermeskeil (Kreis Trier-Saarburg) zu einem Brandausbruch.",
     [("Hermeskeil", "city", 49.66, 6.95, CITY), ("Trier-Saarburg", "region", 49.7, 6.7, 40)]),
    ("p20-110", "spkatt:54204", "Der Fahrer aus dem Landkreis Alzey-Worms selbst wurde eingeklemmt und erlitt schwerste Verletzungen.",
     [("Alzey-Worms", "region", 49.75, 8.1, 30)]),
    ("p20-111", "spkatt:59896", "Er fuhr auf einem Damenrad Richtung Schermbeck im Kreis Wesel, als mehrere Wagen der Polizei ihn abfingen.",
     [("Schermbeck", "city", 51.69, 6.87, CITY), ("Wesel", "region", 51.6, 6.55, 35)]),
    ("p20-112", "spkatt:70718", "Der Abgeordnete der CDU Frank Mindermann aus Syke im Landkreis Diepholz will bei der nächsten Wahl zum niedersächsischen Landtag nicht mehr antreten.",
     [("Syke", "city", 52.91, 8.83, CITY), ("Diepholz", "region", 52.7, 8.7, 45)]),
    ("p20-113", "spkatt:71599", "Nina Hagen (56) und ihre Tochter Cosma Shiva ziehen in das idyllisches Dorf Breitenfelde im Kreis Herzogtum Lauenburg.",
     [("Breitenfelde", "city", 53.6, 10.63, CITY), ("Herzogtum Lauenburg", "region", 53.55, 10.6, 40)]),
    ("p20-114", "spkatt:58397", "Einen Tag nach dem Anschlag auf eine Polizeikaserne in der nordspanischen Stadt Burgos (mit 65 Verletzten) hat es eine weitere Explosion vor einem Polizeigebäude der Guardia Civil auf der beliebten Ferieninsel Mallorca gegeben.",
     [("Burgos", "city", 42.34, -3.7, CITY), ("Mallorca", "island", 39.6, 3.0, 70)]),
    ("p20-115", "spkatt:58397", "Die Explosion trug sich am 30. Juli 2009 gegen 13.50 Uhr Ortszeit in Palmanova zu, südwestlich der Hauptstadt Palma de Mallorca.",
     [("Palmanova", "city", 39.52, 2.54, CITY), ("Palma de Mallorca", "city", 39.57, 2.65, CITY)]),
    ("p20-116", "spkatt:82396", "In derselben Gegend (Region Arequipa) geriet am Donnerstagabend ein Bus der auf dem Weg war von Chuquibamba nach Arequipa in einer Straßenkurve vom Weg ab und stürzte 60 Meter nach unten in einen Fluss, wobei sieben Personen starben und etwa 20 verletzt wurden.",
     [("Arequipa", "region", -15.8, -72.5, 250), ("Chuquibamba", "city", -15.84, -72.65, CITY), ("Arequipa", "city", -16.4, -71.54, CITY)]),
    ("p20-117", "spkatt:49024", "Der Präsident der autonomen Region Tibet, Qiangba Puncog, wies jedoch die Darstellung zurück, die Ausländer seien zum Verlassen des Landes gezwungen worden.",
     [("Tibet", "region", 31.5, 88.0, 1000)]),
    ("p20-118", "spkatt:49024", "Die „Kampagne für ein Freies Tibet“ berichtete über einen Marsch von 300 bis 400 Tibetern in Machu in der Provinz Gansu zu den Regierungsgebäuden.",
     [("Machu", "city", 34.0, 102.08, 40), ("Gansu", "region", 36.0, 103.5, 600)]),
    # --- SmartData (CC BY 4.0)
    ("p20-119", "smartdata:http://www.nwzonline.de/reisen/lizenz-fuer-bergsteiger-verlaengert_a_6,1,791484082.html@2016-03-05T05:35:47.000+01:00",
     "Eine Lizenz für den Aufstieg zum Mount Everest kostet etwa 11 000 Dollar (gut 10 000 Euro).",
     [("Mount Everest", "mountain", 27.99, 86.93, 25)]),
    ("p20-120", "smartdata:http://www.mdr.de/sachsen-anhalt/brocken-benno-jubilaeum102_zc-a2551f81_zs-ae30b3e4.html@2016-01-23T16:01:53.000+01:00",
     "Ganz still und leise wollte Benno Schmidt alias Brocken-Benno am Samstag mit ein paar Freunden auf den Brocken wandern.",
     [("Brocken", "mountain", 51.8, 10.62, 20)]),
    ("p20-121", "smartdata:http://www.sz-online.de/sachsen/wiesa-geniesst-hochwasserschutz--3282032.html@2016-03-11T00:45:07.487+01:00",
     "Wiesa im Erzgebirge ist künftig besser vor Hochwasser geschützt.",
     [("Wiesa", "city", 50.61, 13.02, CITY), ("Erzgebirge", "mountain", 50.5, 13.0, 100)]),
    ("p20-122", "smartdata:http://www.iinews.de/schwaebische-zeitung-zur-bilanz-des-technologiekonzerns-zf-friedrichshafen-richtung-vorgeben-1336848.html@2016-03-22T20:02:45.000+01:00",
     "Am Bodensee, wo ein Großteil der Produktion von",
     [("Bodensee", "water", 47.6, 9.4, 50)]),
    ("p20-123", "smartdata:http://www.austria.com/ifm-will-beteiligung-am-flughafen-wien-erhoehen/apa-1328721312@2016-03-14T09:02:24.000+01:00",
     "Der australische Pensionsfonds IFM will seinen Anteil am Flughafen Wien um bis zu 10 Prozent erhöhen",
     [("Flughafen Wien", "facility", 48.11, 16.57, FACILITY)]),
    ("p20-124", "smartdata:http://www.salue.de/nachrichten/message-71451.phtml@2016-04-16T09:01:57.000+02:00",
     "Die Region auf der Insel Kyushu war schon am Donnerstag von einem schweren Erdstoß erschüttert",
     [("Kyushu", "island", 32.6, 130.8, 300)]),
    ("p20-125", "smartdata:http://www.ariva.de/news/Energiekontor-AG-Startschuss-fuer-Kuestenwindpark-im-Landkreis-Cuxhaven-5650607@2016-02-17T09:20:29.000+01:00",
     "Am Küstenstandort Debstedt im Landkreis Cuxhaven sollen acht der insgesamt",
     [("Debstedt", "city", 53.6, 8.67, CITY), ("Cuxhaven", "region", 53.65, 8.85, 50)]),
    ("p20-126", "smartdata:http://www.infranken.de/1688758@2016-03-09T16:52:29.000+01:00",
     "Außerdem sollen in den Siemens-Fabriken in Ruhstorf (Landkreis Passau) 700, in Erlangen 150 und in Bad Neustadt (Landkreis Rhön-Grabfeld) 350 Arbeitsplätze gestrichen werden.",
     [("Ruhstorf", "city", 48.43, 13.33, CITY), ("Passau", "region", 48.6, 13.4, 45), ("Erlangen", "city", 49.6, 11.0, CITY),
      ("Bad Neustadt", "city", 50.32, 10.22, CITY), ("Rhön-Grabfeld", "region", 50.35, 10.3, 35)]),
    ("p20-127", "spkatt:47722", "Ghadschar wird durch eine UN-Waffenstillstandslinie geteilt und liegt teilweise im Libanon und teilweise auf den von Israel annektierten Golanhöhen.",
     [("Ghadschar", "city", 33.27, 35.62, CITY), ("Libanon", "country", 33.9, 35.9, 150), ("Israel", "country", 31.4, 35.0, 200),
      ("Golanhöhen", "mountain", 33.0, 35.8, 40)]),
    ("p20-128", "smartdata:http://www.politikexpress.de/die-retter-vom-feldberg-3-teilige-swr-dokuserieuber-die-bergwacht-im-schwarzwald-ab-20-januar-2016-mittwochs-um-21-uhr-foto-1305971.html@2016-03-10T22:25:43.821+01:00",
     "erzählt Caro Schütz von der Bergwacht im Schwarzwald.",
     [("Schwarzwald", "mountain", 48.3, 8.2, 120)]),
]


def detokenized_sources() -> dict[str, str]:
    """Each cited document's text: Wikinews by id (the benchmarks' detokenizer), SmartData by id."""
    sys.path.insert(0, str(ROOT / "scripts"))
    from wikinews import WIKINEWS, read_doc

    texts = {}
    wanted = {source.split(":", 1)[1] for _, source, _, _ in SPEC if source.startswith("spkatt:")}
    for path in (WIKINEWS / "train").glob("*.json"):
        wid = path.name.split(" ", 1)[0]
        if wid in wanted:
            doc = read_doc(path)
            texts["spkatt:" + wid] = (doc.text, doc.date)
    for doc in smartdata_docs():
        texts["smartdata:" + str(doc.get("id"))] = (text_of(doc), str(doc.get("id")).rsplit("@", 1)[-1][:10])
    return texts


def text_of(doc: dict) -> str:
    return doc["text"]["string"] if isinstance(doc["text"], dict) else doc["text"]


def smartdata_docs():
    import gzip

    base = WIKI_SHARED / "smartdata"
    for name in ("v3_20200302/dev.json.gz", "v3_20200302/test.json.gz", "v1_20180119/train.json.gz",
                 "v1_20180119/test.json.gz"):
        raw = gzip.decompress((base / name).read_bytes()).decode("utf-8")
        decoder, i = json.JSONDecoder(), 0
        while True:
            while i < len(raw) and raw[i].isspace():
                i += 1
            if i >= len(raw):
                break
            obj, i = decoder.raw_decode(raw, i)
            yield obj


WIKI_SHARED = ROOT.parent / "shared" / "data"


def build_record(rid: str, source: str, excerpt: str, mentions: list, date: str) -> dict:
    places, cursor = [], 0
    for surface, kind, lat, lon, radius in mentions:
        found = re.compile(rf"(?<![\w-]){re.escape(surface)}(?![\w-])").search(excerpt, cursor)
        start = found.start() if found else -1  # a whole word: not 'Brocken' of 'Brocken-Benno'
        if start < 0:
            raise SystemExit(f"{rid}: {surface!r} not found after offset {cursor}")
        places.append({"start": start, "end": start + len(surface), "text": surface, "kind": kind,
                       "lat": lat, "lon": lon, "radius_km": radius})
        cursor = start + len(surface)
    return {"id": rid, "source": source, "date": date, "text": excerpt, "places": places}


def write_fresh_set(spec: list, spkatt_folder: str, prefix: str, out: Path, frozen: Path, seed: int,
                    freeze: bool) -> None:
    """Build a fresh check from its SPEC (id, source, excerpt, mentions): SpkAtt texts of
    `spkatt_folder` (sources `prefix` + number) and SmartData documents; with `freeze`, draw its
    frozen half once with `seed`."""
    sys.path.insert(0, str(ROOT / "scripts"))
    sys.path.insert(0, str(HERE))
    from wikinews import WIKINEWS, read_doc

    texts = {}
    wanted = {source for _, source, _, _ in spec}
    for path in (WIKINEWS / spkatt_folder).glob("*.json"):
        source = prefix + path.name.split(" ", 1)[0]
        if source in wanted:
            doc = read_doc(path)
            texts[source] = (doc.text, doc.date)
    for doc in smartdata_docs():
        source = "smartdata:" + str(doc.get("id"))
        if source in wanted and source not in texts:
            texts[source] = (text_of(doc), str(doc.get("id")).rsplit("@", 1)[-1][:10])
    records = []
    for rid, source, excerpt, mentions in spec:
        if excerpt not in texts[source][0]:
            raise SystemExit(f"{rid}: excerpt not found verbatim in {source}")
        records.append(build_record(rid, source, excerpt, mentions, texts[source][1]))
    out.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    print(f"{len(records)} excerpts, {sum(len(r['places']) for r in records)} mentions -> {out}")
    if freeze:
        ids = sorted(r["id"] for r in records)
        drawn = sorted(random.Random(seed).sample(ids, len(ids) // 2))
        frozen.write_text("\n".join(drawn) + "\n", encoding="utf-8")
        print(f"{len(drawn)} frozen ids -> {frozen}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--freeze", action="store_true", help="draw the frozen third (once, before tuning)")
    args = parser.parse_args()
    sources = detokenized_sources()
    records, missing = [], [rid for rid, source, excerpt, _ in SPEC if excerpt not in sources[source][0]]
    if missing:
        raise SystemExit(f"excerpts not found verbatim in their document: {', '.join(missing)}")
    for rid, source, excerpt, mentions in SPEC:
        records.append(build_record(rid, source, excerpt, mentions, sources[source][1]))
    OUT.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    print(f"{len(records)} excerpts, {sum(len(r['places']) for r in records)} mentions -> {OUT}")
    if args.freeze:
        ids = sorted(r["id"] for r in records)
        frozen = sorted(random.Random(20).sample(ids, len(ids) // 3))
        FROZEN.write_text("\n".join(frozen) + "\n", encoding="utf-8")
        print(f"{len(frozen)} frozen ids -> {FROZEN}")


if __name__ == "__main__":
    main()
