"""Build `places_fresh2.jsonl`: a third untouched check for issue 20 (round 4), annotated on
2026-12-04 before the system was run on these texts, split by id into a tune half
(`fresh2-tune`) and a frozen half (`fresh2-frozen`, `places_fresh2_frozen_ids.txt`).

Texts no places set uses and no earlier places run read:
- SmartData (CC BY 4.0; v1/v3, documents by id) not cited by any file under `benchmarks/data/` nor by
  the demo sample, documents under 400 characters, traffic reports (viz-info, bauarbeiten.bahn.de)
  left out, shuffled with random.Random(2026) after sorting by id. Pass A: per document the first
  sentence (40–350 characters) that holds a SmartData `location`/`location-city` entity whose name
  is not one of the names found in 12 or more documents (`Berlin`, `Deutschland`, `München`, ...)
  or a generic word of a town or facility; 80 sentences. This weights the check to towns and villages.
  Pass B/C: in the documents after, the first sentence holding a facility word (Flughafen, Bahnhof,
  Hafen, Kraftwerk, Stadion, Werft, ...) or an area word (Landkreis, Kreis, Insel, See, Region,
  Bezirk, Küste, ...), until the corpus ran out (11) or 20 sentences.
- SpkAtt-2023 `train/` documents (German Wikinews, CC BY 2.5) that no file under `benchmarks/data/`
  cites, shuffled with random.Random(2026): the first sentence with a facility word per document
  (6 found; 3 name a place).
Every place mention of a sentence is annotated by the rules of `places_ANNOTATION.md` (section
"issue 20"): not demonyms or adjectives (`Wiesbadener`), nor names inside names of organisations and
clubs (`Ortsfeuerwehr Laatzen`, `Austria Salzburg`, `TU München`) or national or club teams
(`Für Deutschland absolvierte Löhr 20 Länderspiele`, `aus Augsburg gekommen` of a footballer), nor
parts of compounds (`Syrien-Konflikts`). Sentences without a place mention, with broken text
(`BremerhavenDer`, `Z�rich`) are left out. Continents are regions. Coordinates from the annotator's
knowledge (villages to about 0.02°, within their 30 km tolerance), not from the system.
Caveat: the shipped NER model was trained on SmartData's entity annotations, so the whole-analysis
figure on these texts flatters the NER; the gold-span figure does not depend on it.

    .venv/bin/python benchmarks/data/places_fresh2.py           # rewrites places_fresh2.jsonl
    .venv/bin/python benchmarks/data/places_fresh2.py --freeze  # draws the frozen half (done once)
"""
from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
OUT = HERE / "places_fresh2.jsonl"
FROZEN = HERE / "places_fresh2_frozen_ids.txt"
CITY, FACILITY = 30, 35

# id, source, excerpt (verbatim), mentions in text order: (surface, kind, lat, lon, radius_km)
SPEC = [
    ("f2-01", 'smartdata:http://www.heimatsport.de/fussball/profis/2.bundesliga/1931376_Sechzig-in-Burghausen-Moelders-spielt-Mugosa-trifft-und-Salzburg-profitiert.html@2016-03-10T12:05:03.132+01:00',
     'Erstmals für 1860 am Ball: Löwen-Neuzugang Sascha Mölders, aus Augsburg gekommen, am Mittwochabend beim Benefizkick gegen Austria Salzburg in Burghausen. − Foto: Zucker',
     [('Burghausen', 'city', 48.17, 12.83, CITY)]),
    ("f2-02", 'smartdata:http://www.presseportal.ch/de/pm/100001835/100782554@2016-03-10T17:24:29.951+01:00',
     'Das Unternehmen wurde 2009 gegründet, hat seinen Sitz in Oslo und war bis zum 31.',
     [('Oslo', 'city', 59.91, 10.75, CITY)]),
    ("f2-03", 'smartdata:http://www.myheimat.de/laatzen/blaulicht/jahresrueckblick-bei-der-ortsfeuerwehr-laatzen-d2732860.html@2016-03-10T12:41:29.413+01:00',
     'Deutschland Niedersachsen Laatzen Blaulicht Jahresrückblick bei der Ortsfeuerwehr Laatzen',
     [('Deutschland', 'country', 51.2, 10.4, 500), ('Niedersachsen', 'region', 52.8, 9.5, 150), ('Laatzen', 'city', 52.31, 9.8, CITY)]),
    ("f2-04", 'smartdata:http://www.aktiencheck.de/news/Artikel-Boersen_Zeitung_Gelebte_Kapitalmarktunion_Kommentar_Deutschen_Boerse_LSE_von_Claus_Doering-7037617@2016-02-23T21:29:46.000+01:00',
     'der Deutschen Börse die beiden führenden Börsenbetreiber Europas',
     [('Europas', 'region', 50.0, 15.0, 2500)]),
    ("f2-05", 'smartdata:http://www.gea.de/nachrichten/schlagzeilen/verlorener+pottwalkadaver+in+der+nordsee+wiedergefunden.4607290.htm?source=rss@2016-03-10T11:41:11.083+01:00',
     'Verlorener Pottwalkadaver in der Nordsee wiedergefunden',
     [('Nordsee', 'water', 55.5, 3.5, 500)]),
    ("f2-06", 'smartdata:http://www.gabot.de/index.php/News-Details/52/0/?tx_ttnews%5Btt_news%5D=247231@2016-03-10T20:59:38.162+01:00',
     'Der Umsatz beweist, dass BelOrta ist eine erfolgreiche Partnerschaft ist, die mehr und mehr Mitglieder anzieht, sowohl in Belgien als auch im Ausland.',
     [('Belgien', 'country', 50.6, 4.6, 150)]),
    ("f2-07", 'smartdata:http://www.grenchnertagblatt.ch/wirtschaft/siemens-bt-will-arbeitszeitverlaengerung-ende-april-beenden-129942867@2016-03-11T01:45:59.331+01:00',
     'Der Standort Zug zählt rund 1700 Mitarbeitende.',
     [('Zug', 'city', 47.17, 8.52, CITY)]),
    ("f2-08", 'smartdata:http://heise.de/-3117824@2016-02-25T14:32:00.000+01:00',
     'Trotz mehr Umsatz und höherem Betriebsgewinn verbucht Deutschlands kundenreichster Mobilfunker für 2015 rote Zahlen.',
     [('Deutschlands', 'country', 51.2, 10.4, 500)]),
    ("f2-09", 'smartdata:http://www.np-coburg.de/lokal/coburg/coburg/Urgestein-der-Coburger-Hochschule;art83423,4722057@2016-03-14T17:15:17.000+01:00',
     'Coburg - In seinem Arbeitszimmer zu Hause in Weitramsdorf stapeln sich die Akten.',
     [('Coburg', 'city', 50.26, 10.96, CITY), ('Weitramsdorf', 'city', 50.25, 10.88, CITY)]),
    ("f2-10", 'smartdata:https://www.tagesschau.de/ausland/el-nino-suedamerika-101.html@2016-03-10T16:38:23.329+01:00',
     'Unwetter in Südamerika El Niño bringt schwere Überschwemmungen',
     [('Südamerika', 'region', -15.0, -60.0, 3500)]),
    ("f2-11", 'smartdata:http://www.finanztreff.de/news/globenewswire-belimo-mit-starkem-wachstum-in--2-/11158655@2016-03-21T07:18:45.000+01:00',
     'DJ GlobeNewswire/Belimo mit starkem Wachstum in Amerika und Asien sowie guter Profitabilität',
     [('Amerika', 'region', 15.0, -90.0, 5000), ('Asien', 'region', 35.0, 100.0, 5000)]),
    ("f2-12", 'smartdata:http://www.honnef-heute.de/68255-2/@2016-07-23T14:44:58.000+02:00',
     'Bad Honnef | Im August wird die Reihe „Summerjazz“ mit sechs Konzerten an sechs verschiedenen \xa0Spielstätten fortgesetzt.',
     [('Bad Honnef', 'city', 50.645, 7.23, CITY)]),
    ("f2-13", 'smartdata:http://www.freiepresse.de/NACHRICHTEN/SACHSEN/Gruenes-Licht-fuer-Uebernahme-von-VNG-Anteilen-artikel9465933.php@2016-03-17T11:55:19.000+01:00',
     'Die Zentrale der Verbundnetz Gas AG (VNG) in Leipzig ist zu sehen.',
     [('Leipzig', 'city', 51.34, 12.37, CITY)]),
    ("f2-14", 'smartdata:http://wirtschaftsblatt.at/home/nachrichten/newsletter/4931151/Insolvent-am-22-Februar-2016@2016-02-22T14:46:32.000+01:00',
     'Februar 2015 wurden in Österreich vom KSV1870 folgende Insolvenzen registriert.',
     [('Österreich', 'country', 47.6, 14.1, 300)]),
    ("f2-15", 'smartdata:http://lokalo.de/artikel/100096/schock-unfall-auto@2016-03-10T16:07:04.323+01:00',
     'Am Montagabend kam es gegen 17.55 Uhr in Reil zu einem schlimmen Verkehrsunfall.',
     [('Reil', 'city', 49.97, 7.11, CITY)]),
    ("f2-16", 'smartdata:http://www.welt.de/regionales/bayern/article150925652/Weitere-Laender-zu-sicheren-Herkunftsstaaten-erklaeren.html@2016-03-10T14:32:35.634+01:00',
     'Bayern: Weitere Länder zu sicheren Herkunftsstaaten erklären',
     [('Bayern', 'region', 48.9, 11.4, 200)]),
    ("f2-17", 'smartdata:http://www.maz-online.de/Lokales/Havelland/Auch-Fischen-soll-s-besser-gehen@2016-03-10T16:24:54.293+01:00',
     'Mit Hilfe eines Entwicklungskonzeptes für Gewässer soll künftig die ökologische Qualität des Großen Havelländischen Hauptkanals auf seiner gesamten Länge verbessert werden.',
     [('Großen Havelländischen Hauptkanals', 'water', 52.65, 12.75, 40)]),
    ("f2-18", 'smartdata:http://www.derwesten.de/wp/wirtschaft/arbeitskampf-teilerfolg-fuer-unternehmer-aimp-id11391370.html@2016-03-10T13:25:27.450+01:00',
     'Der Fall sorgte für Schlagzeilen: Weil es dem Inhaber der Firma Kombi-Massiv-Bau (KMB) in Marsberg nicht passte, dass seine Belegschaft - damals 140 Mitarbeiter und 13,3 Millionen Euro Umsatz - Ende 2011 eine Arbeitnehmervertretung gewählt hatte, zahlte er den Betriebsräten einfach keinen Lohn.',
     [('Marsberg', 'city', 51.46, 8.85, CITY)]),
    ("f2-19", 'smartdata:http://www.grenzecho.net/zeitung/aktuell/shortnews_detail.asp?a=D6DDAFA5-31A5-4B84-9BCE-5C93968FEE87@2016-02-29T16:03:37.000+01:00',
     'Für Deutschland absolvierte Löhr 20 Länderspiele und  war 1970 in Mexiko WM-Teilnehmer. 1968 wurde er mit 27 Treffern  Bundesliga-Torschützenkönig.',
     [('Mexiko', 'country', 23.6, -102.5, 1500)]),
    ("f2-20", 'smartdata:http://www.wetter24.de/news/detail/2015-12-31-montag-glatte-strassen-zum-1-berufsverkehr-2016/@2016-03-10T14:13:50.554+01:00',
     'In Europa stehen sich dabei zwei Giganten gegenüber: Westlich von Island wirbelt das sich nun allmählich abschwächende Orkantief ECKARD, das ebenso sehr kräftige Kälte-Hoch CHRISTINE befindet sich dagegen mit seinem Schwerpunkt heute über dem Nordwesten Russ',
     [('Europa', 'region', 50.0, 15.0, 2500), ('Island', 'country', 64.9, -18.6, 300)]),
    ("f2-21", 'smartdata:http://www.finanztreff.de/news/irw-press-ryu-apparel-inc-ac-research-auf-den-spuren-von-nike-adidas-under-armour-und-lulu/11149849@2016-03-16T14:41:01.000+01:00',
     'Ich habe Mode-Visionär und RYU CEO Marcello Leone persönlich in Vancouver, Kanada besucht.',
     [('Vancouver', 'city', 49.28, -123.12, CITY), ('Kanada', 'country', 56.0, -106.0, 2500)]),
    ("f2-22", 'smartdata:http://www.boerse-online.de/nachrichten/aktien/Europas-Aktienanleger-fassen-wieder-Mut-Euro-rutscht-ab-1000930839@2016-03-10T13:53:38.259+01:00',
     'Die Angst vor einer Eskalation des Syrien-Konflikts nach dem Abschuss eines russischen Kampfjets durch das Nato-Mitglied Türkei rückte dagegen in den Hintergrund.',
     [('Türkei', 'country', 39.0, 35.0, 800)]),
    ("f2-23", 'smartdata:http://www.presseportal.de/blaulicht/pm/43647/3261929@2016-02-26T10:02:48.000+01:00',
     'POL-FB: Unfallfluchten ++ Seniorin in Nieder-Mockstadt niedergeschlagen ++ Einbruch in Sportheim in Schwalheim ++ Streit in Unterkunft in Bad Vilbel ++ u.a.',
     [('Nieder-Mockstadt', 'city', 50.36, 8.94, CITY), ('Schwalheim', 'city', 50.37, 8.77, CITY), ('Bad Vilbel', 'city', 50.18, 8.74, CITY)]),
    ("f2-24", 'smartdata:http://mobil.teltarif.de/nr0/linkem-italien-wll-festnetz-ersatz-td-lte/news/62994.html@2016-02-27T12:28:53.000+01:00',
     "Italien macht's vor: Festnetz-Ersatz via LTE",
     [('Italien', 'country', 42.8, 12.5, 700)]),
    ("f2-25", 'smartdata:http://www.maz-online.de/Nachrichten/Buntes/Frost-im-ganzen-Land-Wintereinbruch-fuehrt-zu-Unfaellen@2016-03-10T13:55:18.993+01:00',
     'Ein Auto fährt bei Muggenbrunn (Baden-Württemberg) an einem Schneewarnschild vorbei.',
     [('Muggenbrunn', 'city', 47.86, 7.91, CITY), ('Baden-Württemberg', 'region', 48.6, 9.0, 150)]),
    ("f2-26", 'smartdata:http://www.finanzen.net/nachricht/aktien/MORNING-BRIEFING-USA-Asien-4587923@2016-03-10T17:07:25.037+01:00',
     '-1 of 2- 03 Nov 2015 07:00:00 UTC \xa0DJ MORNING BRIEFING - USA/Asien',
     [('USA', 'country', 39.8, -98.6, 2500), ('Asien', 'region', 35.0, 100.0, 5000)]),
    ("f2-27", 'smartdata:http://www.wallstreet-online.de/nachricht/8450672-dgap-news-nordea-wirtschaftsausblick-globales-wachstum-bleibt-schwach-deutsch@2016-03-21T11:15:15.000+01:00',
     'findet man allerdings eine Ausnahme: Schweden.',
     [('Schweden', 'country', 62.0, 15.0, 800)]),
    ("f2-28", 'smartdata:http://www.hannover-zeitung.net/aktuell/vermischtes/47229720-stellenabbau-gef%C3%A4hrdet-sicherheit-im-hessischen-justizvollzug@2016-03-11T02:41:51.124+01:00',
     'Die Arbeitssituation im hessischen Strafvollzug ist gefährlich und befindet sich in einer totalen Schräglage beschrieb die Landesvorsitzende des Bundes der Strafvollzugsbediensteten Hessen (BSBD), Birgit Kannegießer, in Butzbach die Arbeitssituation in den hessischen Justizvollzugsanstalten.',
     [('Butzbach', 'city', 50.43, 8.67, CITY)]),
    ("f2-29", 'smartdata:http://www.derwesten.de/ikz/panorama/dauerregen-in-daenemark-id11410846.html@2016-03-10T21:29:02.075+01:00',
     'Nach heftigen\xa0Regenfällen steht eine U-Bahnstation in Dänemark unter Wasser.Foto: Mathias Oegendal/dpa',
     [('Dänemark', 'country', 56.0, 10.0, 250)]),
    ("f2-30", 'smartdata:http://www.deutschlandradiokultur.de/ritsos-vor-25-jahren-gestorben-politische-kampfgesaenge-und.932.de.html?dram%3Aarticle_id=336461@2016-03-10T16:45:27.115+01:00',
     'Büste des griechischen Volksdichters Jannis Ritsos vor seinem Geburtshaus in Monemvasia. (imago/ANE Edition)',
     [('Monemvasia', 'city', 36.69, 23.04, CITY)]),
    ("f2-31", 'smartdata:http://www.ad-hoc-news.de/pol-kn-weitere-meldung-fuer-den-landkreis-konstanz--/de/News/48793215@2016-03-10T14:45:36.000+01:00',
     'POL-KN: Weitere Meldung für den Landkreis Konstanz',
     [('Konstanz', 'region', 47.8, 8.85, 35)]),
    ("f2-32", 'smartdata:http://gloria.tv/media/kxjCCo7LpVM@2016-03-11T00:38:27.757+01:00',
     'Als nächster ist der Innenminister von NRW an der Reihe?',
     [('NRW', 'region', 51.5, 7.5, 150)]),
    ("f2-33", 'smartdata:http://www.wochenspiegelonline.de/content/nachrichten/gemeinden/article/kleine-massnahme-mit-grosser-auswirkung/@2016-03-04T00:00:00.000+01:00',
     'Staatssekretär Roland Krämer (Mitte) übergab die Zuwendung zur Fremdwasserentflechtung im Freisener Ortsteil Eitzweiler an Ortsvorsteher Gerald Linn (li.) und Bürgermeister Karl Josef Scheer.',
     [('Eitzweiler', 'city', 49.56, 7.22, CITY)]),
    ("f2-34", 'smartdata:http://news.fluege.de/airline-news/air-berlin-vertieft-die-zusammenarbeit-mit-alitalia/77980.html@2016-04-19T10:23:47.000+02:00',
     'Die Kooperation umfasst überwiegend Codeshareflüge zwischen Deutschland, Österreich und der Schweiz und könnte die Basis für eine noch größere Kooperation bilden.',
     [('Deutschland', 'country', 51.2, 10.4, 500), ('Österreich', 'country', 47.6, 14.1, 300), ('Schweiz', 'country', 46.8, 8.2, 200)]),
    ("f2-35", 'smartdata:http://www.businessportal24.com/de/layer-haus-ag-und-layer-wohnen-bautraeger-gmbh-co-kg.html@2016-02-16T17:04:13.000+01:00',
     'Die Layer Haus AG und Layer Wohnen Bauträger GmbH mit Sitz in Schwabmünchen sind in mehreren Geschäftsfeldern im Baubetreuungs- und Bauträgerbereich, sowohl im Einfamilienhaus- wie im Mehrfamilienhaus-/Geschosswohnungsbau tätig.',
     [('Schwabmünchen', 'city', 48.18, 10.76, CITY)]),
    ("f2-36", 'smartdata:http://www.gmx.at/magazine/news/nachrichten-071215-31191628@2016-03-11T02:09:15.732+01:00',
     'Deutsche Tornados sorgen in Syrien für Aufklärung',
     [('Syrien', 'country', 35.0, 38.0, 400)]),
    ("f2-37", 'smartdata:http://www.onvista.de/news/nordlb-senkt-ziel-fuer-vonovia-auf-30-euro-halten-23747095@2016-01-26T17:02:44.000+01:00',
     'HANNOVER (dpa-AFX Analyser) - Die NordLB hat das Kursziel für Vonovia nach einer gesenkten Mindestannahmeschwelle und der verlängerten Angebotsfrist für die Deutsche-Wohnen-Übernahme von 32 auf 30 Euro gesenkt und die Einstufung auf Halten belassen.',
     [('HANNOVER', 'city', 52.37, 9.73, CITY)]),
    ("f2-38", 'smartdata:http://www.wallstreet-online.de/nachricht/8126187-hermes-profitiert-post-streik-paketrivalen-wehren-portoerhoehung@2016-03-10T14:12:36.770+01:00',
     'DÜSSELDORF/FRANKFURT (dpa-AFX) - Gegenwind für die Deutsche Post : Nach dem wochenlangen Streik im Sommer hat der Konzern   Auftraggeber an die Konkurrenz verloren. 50 Großkunden seien zu Hermes nach Hamburg gewechselt, berichtet das Handelsblatt (Montag).',
     [('DÜSSELDORF', 'city', 51.23, 6.78, CITY), ('FRANKFURT', 'city', 50.11, 8.68, CITY), ('Hamburg', 'city', 53.55, 9.99, CITY)]),
    ("f2-39", 'smartdata:http://www.dewezet.de/portal/sport/lokalsport-fussball_Bisperode-in-Meisterform-_arid,798371.html@2016-05-01T12:12:21.000+02:00',
     'Bisperoder Jubeltaumel: In Salzhemmendorf hatte der TSV gleich dreimal Grund zur Freude.',
     [('Salzhemmendorf', 'city', 52.07, 9.58, CITY)]),
    ("f2-40", 'smartdata:http://www.hersfelder-zeitung.de/lokales/rotenburg/polizei-findet-skeletteile-wald-rotenburg-6160271.html?cmp=defrss@2016-02-26T16:12:17.000+01:00',
     'Polizei findet Skeletteile in Wald bei Rotenburg',
     [('Rotenburg', 'city', 50.995, 9.73, CITY)]),
    ("f2-41", 'smartdata:http://www.ksta.de/zukunft-des-riesenrads-im-spreepark-wird-geprueft-23780636?dmcid=f_yho_Nachrichten@2016-03-24T14:53:19.000+01:00',
     'Zukunft des Riesenrads im Spreepark wird geprüft',
     [('Spreepark', 'facility', 52.486, 13.49, FACILITY)]),
    ("f2-42", 'smartdata:http://www.onlinepresse.info/node/3057075@2016-03-10T19:35:52.905+01:00',
     'Rimsting (ots) - Unter neuer Führung geht das Jahrzehnte alte',
     [('Rimsting', 'city', 47.88, 12.34, CITY)]),
    ("f2-43", 'smartdata:http://www.derwesten.de/staedte/nachrichten-aus-dinslaken-huenxe-und-voerde/neue-strasse-ersetzt-bahnuebergang-id11441867.html@2016-03-10T14:10:51.720+01:00',
     'Der Bau des dritten Gleises auf der Strecke zwischen Oberhausen und Emmerich bringt erhebliche Veränderungen mit sich.',
     [('Oberhausen', 'city', 51.47, 6.85, CITY), ('Emmerich', 'city', 51.83, 6.25, CITY)]),
    ("f2-44", 'smartdata:http://www.suedkurier.de/region/bodenseekreis-oberschwaben/friedrichshafen/2429-Intersky-Glaeubiger-fordern-4-4-Millionen-Euro;art372474,8445623@2016-03-10T12:55:47.745+01:00',
     'Friedrichshafen 2429 Intersky-Gläubiger fordern 4,4 Millionen Euro',
     [('Friedrichshafen', 'city', 47.65, 9.48, CITY)]),
    ("f2-45", 'smartdata:http://www.ad-hoc-news.de/der-fruehere-fifa-mediendirektor-guido-tognoni-geht-davon-aus-dass-sich-nach-der--/de/News/48601544@2016-02-26T10:02:32.000+01:00',
     'Der favorisierte Kandidat, Scheich Salman aus Bahrain, stehe nicht für Reformen.',
     [('Bahrain', 'country', 26.07, 50.55, 50)]),
    ("f2-46", 'smartdata:http://www.main-echo.de/3977929@2016-02-05T14:03:42.000+01:00',
     "Mit einer Betrugsmasche, die derzeit in verschiedenen Variationen von Straftätern angewandt wird, hat ein Unbekannter anfangs der Woche einen älteren Herrn aus dem Main-Tauber-Kreis hinter's Licht geführt.",
     [('Main-Tauber-Kreis', 'region', 49.6, 9.68, 35)]),
    ("f2-47", 'smartdata:http://meta.tagesschau.de/id/107773/hunderte-glatteisunfaelle-in-deutschland#comment-2392430@2016-01-23T12:27:00.000+01:00',
     'In Iggensbach in Bayern haben zwei falsche Polizisten einen 26 jährigen mit einer fingierten Kontrolle von der Hauptstraße gelockt und dann ausgeraubt.',
     [('Iggensbach', 'city', 48.73, 13.14, CITY), ('Bayern', 'region', 48.9, 11.4, 200)]),
    ("f2-48", 'smartdata:http://www.sz-online.de/nachrichten/beiersdorf-ag-bittet-mitarbeiter-zum-gespraech-3373743.html@2016-04-15T22:03:33.000+02:00',
     'Der Standort Waldheim soll „wieder gestärkt werden“.',
     [('Waldheim', 'city', 51.07, 13.02, CITY)]),
    ("f2-49", 'smartdata:http://www.welt.de/regionales/bayern/article152319016/Unbekannte-hacken-Website-von-Kindergarten.html@2016-02-17T08:13:15.000+01:00',
     'Selb (dpa/lby) - Unbekannte Täter haben die Website eines Kindergartens im oberfränkischen Selb (Landkreis Wunsiedel) gehackt.',
     [('Selb', 'city', 50.17, 12.13, CITY), ('Selb', 'city', 50.17, 12.13, CITY), ('Wunsiedel', 'region', 50.05, 12.05, 30)]),
    ("f2-50", 'smartdata:http://www.italienischgruppe.de/blog/?p=328@2015-11-30T21:18:38.000+01:00',
     'Balducci  in Pontassieve – Firenze, Italien',
     [('Pontassieve', 'city', 43.775, 11.44, CITY), ('Firenze', 'city', 43.77, 11.25, CITY), ('Italien', 'country', 42.8, 12.5, 700)]),
    ("f2-51", 'smartdata:http://www.finanzen.net/nachricht/aktien/Papierhersteller-UPM-unterstuetzt-Energiewende-in-Bayern-Bayerns-Wirtschafsministerin-Aigner-besucht-Teilnehmer-des-dena-Pilotprojekts-Demand-Side-Management-Bayern-FOTO-4756323@2016-02-29T14:02:00.000+01:00',
     'Bayerns Wirtschafts- und Energieministerin Ilse Aigner hat am  Montag eines der Unternehmen in Bayern besucht, das bereits seinen  Stromverbrauch an die aktuelle Situation im Stromsystem anpasst.',
     [('Bayerns', 'region', 48.9, 11.4, 200), ('Bayern', 'region', 48.9, 11.4, 200)]),
    ("f2-52", 'smartdata:http://www.merkur.de/welt/wetter-deutschland-regen-bisschen-schnee-bergen-zr-6000427.html?cmp=defrss@2016-03-10T14:05:55.593+01:00',
     'Offenbach - Bisher war in Deutschland von Winter keine Spur.',
     [('Offenbach', 'city', 50.1, 8.77, CITY), ('Deutschland', 'country', 51.2, 10.4, 500)]),
    ("f2-53", 'smartdata:http://www.report-k.de/Report-D/Duesseldorf/Verkehr/Duesseldorf-nach-dem-10.000-Volt-Kurzschluss-Rheinufertunnel-zwei-Stunden-gesperrt-Nichts-ging-mehr%21-51712@2015-12-01T19:12:35.000+01:00',
     'Nichts ging mehr voran in Düsseldorf: Vollsperrung des Rheinufertunnel in der Hauptverkehrszeit ab 15 Uhr am Dienstag',
     [('Düsseldorf', 'city', 51.23, 6.78, CITY), ('Rheinufertunnel', 'facility', 51.225, 6.77, FACILITY)]),
    ("f2-54", 'smartdata:http://www.nachrichten.de/kultur/Christian-Rach-Erfolgsbilanz-Mitteldeutschland-Sachsen-Anhalt-Zahna-cid_2427679/@2016-04-07T16:12:00.000+02:00',
     '26-Jähriger aus Borna spurlos verschwunden – Polizei bittet um Mithilfe',
     [('Borna', 'city', 51.12, 12.5, CITY)]),
    ("f2-55", 'smartdata:http://www.ititpro.com/presse-781807-detail.html@2016-02-24T10:07:40.000+01:00',
     '(pressebox) Waldbronn, 24.02.2016 - Wie können einfach und effizient Spektrometersysteme an einen Prozess angebunden werden?',
     [('Waldbronn', 'city', 48.92, 8.48, CITY)]),
    ("f2-56", 'smartdata:http://www.wallstreet-online.de/nachricht/8250201-aktien-frankfurt-eroeffnung-anleger-greifen-vorsichtig@2016-03-10T12:15:05.315+01:00',
     'FRANKFURT (dpa-AFX) - Der deutsche Aktienmarkt hat am Dienstag nach seinem turbulenten Jahresauftakt einen erneuten Erholungsversuch gestartet.',
     [('FRANKFURT', 'city', 50.11, 8.68, CITY)]),
    ("f2-57", 'smartdata:http://www.welt.de/debatte/kommentare/article152180375/Die-Absage-des-Gedenkens-in-Dresden-ist-ein-Fanal.html@2016-02-12T17:15:19.000+01:00',
     'In Dresden gibt es kein öffentliches Gedenken an die Bombennacht 1945',
     [('Dresden', 'city', 51.05, 13.74, CITY)]),
    ("f2-58", 'smartdata:http://www.shz.de/lokales/holsteinischer-courier/die-seidenbergs-aus-neumuenster-im-glueck-id12289796.html@2016-03-10T12:40:49.793+01:00',
     'Neumünster | Die Aufregung im Hause Seidenberg war groß: Im September war ein Kamerateam des Fernsehsenders RTL2 bei der Neumünsteraner Familie zu Gast , um eine Folge für die Sendung „Zuhause im Glück – unser Einzug in ein neues Leben“ zu drehen.',
     [('Neumünster', 'city', 54.07, 9.98, CITY)]),
    ("f2-59", 'smartdata:http://www.juraforum.de/wissenschaft/die-maximale-erdbebenstaerke-in-der-nord-tuerkei-547821@2016-03-03T14:16:06.000+01:00',
     'JuraForum.de >\xa0 Nachrichten >\xa0 Wissenschaft >\xa0Die maximale Erdbebenstärke in der Nord-Türkei',
     [('Nord-Türkei', 'region', 41.0, 35.0, 400)]),
    ("f2-60", 'smartdata:http://www.presseschleuder.com/2016/01/kommatec-redaction-stellt-auf-der-ise-2016-aus/@2016-01-28T15:00:28.000+01:00',
     'Januar 2016 – Der Hamburger Digital Signage Spezialist komma,tec redaction nutzt dieses Jahr die Gunst der Stunde und stellt zusammen mit seinem Partner, der Boston GmbH, auf der Messe Integrated Systems Europe in Amsterdam aus.',
     [('Amsterdam', 'city', 52.37, 4.9, CITY)]),
    ("f2-61", 'smartdata:http://www.berlin.de/aktuelles/berlin/4257278-958092-acht-verletzte-bei-glaetteunfaellen-in-b.html@2016-03-10T14:12:27.812+01:00',
     'Acht Verletzte bei Glätteunfällen in Brandenburg',
     [('Brandenburg', 'region', 52.4, 13.0, 200)]),
    ("f2-62", 'smartdata:http://www.ostsee-zeitung.de/Nachrichten/Wirtschaft/Schwacher-Euro-hievt-Dax-wieder-ins-Plus@2016-03-10T14:41:39.203+01:00',
     'Frankfurt/Main – Dax fällt weiter angesichts verstärkter Konjunktursorgen',
     [('Frankfurt/Main', 'city', 50.11, 8.68, CITY)]),
    ("f2-63", 'smartdata:http://www.austria.com/rapids-naechstes-spanien-gastspiel-das-imposante-mestalla-stadion-von-valencia/4612222@2016-02-17T05:14:11.000+01:00',
     'Vier Tage nach dem erfolgreich bestrittenen Wiener Derby steht für Rapid schon das nächste Highlight in dem noch jungen Jahr auf dem Programm: Donnerstagnacht gastiert die Mannschaft von Trainer Zoran Barišić ab 21:05 Uhr (live auf Puls 4, Sky und im VIENNA.at -Ticker) im Mestalla-Stadion des FC Valencia .',
     [('Mestalla-Stadion', 'facility', 39.475, -0.358, FACILITY)]),
    ("f2-64", 'smartdata:http://www.presseportal.de/blaulicht/pm/30835/3225041@2016-03-10T12:15:55.412+01:00',
     'Hagen (ots) - Am Mittwochabend beobachtete ein Zeuge einen merkwürdigen Verkehrsunfall im Hochschulviertel und rief die Polizei hinzu.',
     [('Hagen', 'city', 51.36, 7.47, CITY)]),
    ("f2-65", 'smartdata:http://www.finanzen.net/nachricht/aktien/ROUNDUP-Dialog-steigt-aus-Bieterkampf-um-Atmel-aus-Aktie-legt-kraeftig-zu-4689479@2016-01-15T08:20:53.000+01:00',
     'LONDON (dpa-AFX) - Der Chiphersteller Dialog Semiconductor hat im Bieterstreit um den US-Rivalen Atmel die Segel gestrichen.',
     [('LONDON', 'city', 51.51, -0.13, CITY)]),
    ("f2-66", 'smartdata:http://www.ad-hoc-news.de/state-oil-meldete-heute-dass-seine-tochtergesellschaft-prax-terminals-die--/de/News/48792931@2016-03-10T14:24:33.000+01:00',
     'State Oil meldete heute, dass seine Tochtergesellschaft Prax Terminals die Akquisition des Treibstoffterminals Jarrow von Shell erfolgreich abgeschlossen hat; das Terminal befindet sich in der Nähe von Newcastle Upon Tyne',
     [('Jarrow', 'facility', 54.98, -1.48, FACILITY), ('Newcastle Upon Tyne', 'city', 54.97, -1.61, CITY)]),
    ("f2-67", 'smartdata:http://www.ariva.de/news/Diese-Jobs-sucht-die-Wall-Street-5604214@2016-03-10T22:58:13.452+01:00',
     'Lust auf einen Job in Amerikas Finanzmetropole?',
     [('Amerikas', 'country', 39.8, -98.6, 2500)]),
    ("f2-68", 'smartdata:http://www.radio-jade.de/nachrichten/2016/04/wilhelmshaven-fdp-kritisiert-aeusserungen-zum-banter-see/@2016-04-19T12:25:14.000+02:00',
     'in Heidmühle auf der Menkestraße Richtung Bahnhof 30 km/h und zwischen Zetel und Blauhand Höhe Driefel 50 km/h, in Varel auf der Windallee Tempo 30',
     [('Heidmühle', 'city', 53.55, 7.96, CITY), ('Zetel', 'city', 53.42, 7.97, CITY), ('Blauhand', 'city', 53.4, 7.98, CITY), ('Driefel', 'city', 53.4, 7.98, CITY), ('Varel', 'city', 53.4, 8.14, CITY)]),
    ("f2-69", 'smartdata:http://www.waz-online.de/Wolfsburg/Stadt-Wolfsburg/Welcome-Center-fuer-Fachkraefte-im-Bahnhof@2016-02-11T15:04:00.000+01:00',
     'Wolfsburg Stadt Wolfsburg Welcome Center für Fachkräfte im Bahnhof',
     [('Wolfsburg', 'city', 52.42, 10.79, CITY), ('Wolfsburg', 'city', 52.42, 10.79, CITY)]),
    ("f2-70", 'smartdata:http://www.finanztreff.de/news/nach-terror-in-bruessel-starten-wieder-passagierflugzeuge/11184053@2016-04-03T15:51:57.000+02:00',
     'BRÜSSEL (dpa-AFX) - Knapp zwei Wochen nach den verheerenden Terroranschlägen ist erstmals wieder einer Passagiermaschine vom Brüsseler Flughafen gestartet.',
     [('BRÜSSEL', 'city', 50.85, 4.35, CITY), ('Brüsseler Flughafen', 'facility', 50.9, 4.48, FACILITY)]),
    ("f2-71", 'smartdata:http://www.thueringer-allgemeine.de/startseite/detail/-/specific/Neue-Verzoegerung-bei-Fussball-Arena-in-Jena-Bebauungsplan-wird-erneut-ausgeleg-845245706#xtor=RSS-3@2016-03-22T15:10:30.000+01:00',
     'Der Bau des neuen Stadions in Jena verzögert sich weiter: Der Bebauungsplan ist nach Stellungnahmen der Sicherheitsbehörden, des FC Carl Zeiss und von Fans überarbeitet worden.',
     [('Jena', 'city', 50.93, 11.59, CITY)]),
    ("f2-72", 'smartdata:http://www.swp.de/hechingen/lokales/hechingen/Gefaehrlicher-Eingriff-in-Bahnverkehr;art1158605,3722412@2016-03-08T12:04:28.000+01:00',
     'Am Samstag ereignete sich in der Nähe des ehemaligen Bahnhofs Zollern in Bisingen am Bahnübergang ein Unfall mit einem Jogger.',
     [('Bahnhofs Zollern', 'facility', 48.31, 8.93, FACILITY), ('Bisingen', 'city', 48.31, 8.92, CITY)]),
    ("f2-73", 'smartdata:http://www.merkur.de/lokales/erding/erding/winterliche-unfallserie-mehrfacher-ueberschlag-fto-drei-verletzte-6006706.html?cmp=defrss@2016-03-10T14:47:45.658+01:00',
     'Auf der Flughafentangente krachte es gleich zweimal: Gegen 9.30 Uhr verlor nahe der Ausfahrt Oberneuching der Fahrer einer Merced',
     [('Oberneuching', 'city', 48.25, 11.85, CITY)]),
    ("f2-74", 'smartdata:http://page2rss.com/p/6f38c0bbc2074eacceba1a037104d190_8011153_8013790@2016-03-24T14:50:00.000+01:00',
     'Die Regionalzüge aus Richtung Nürnberg verkehren bis Forchheim und enden dort vorzeitig.',
     [('Nürnberg', 'city', 49.45, 11.08, CITY), ('Forchheim', 'city', 49.72, 11.06, CITY)]),
    ("f2-75", 'smartdata:http://noe.orf.at/news/stories/2758827/@2016-02-20T16:35:00.000+01:00',
     'In Dorf Rosenau (Bezirk Zwettl) ist am Samstagvormittag ein Wohnhaus in Brand geraten.',
     [('Dorf Rosenau', 'city', 48.63, 15.03, CITY), ('Zwettl', 'region', 48.6, 15.1, 30)]),
    ("f2-76", 'smartdata:http://www.finanzen.net/nachricht/aktien/Fuer-bis-zu-40-Mio-Dollar-ADVA-uebernimmt-US-Unternehmen-Overture-Aktie-legt-zu-4684719@2016-01-13T11:53:47.000+01:00',
     'ADVA hatte in den ersten neun Monaten des Jahres rund ein Drittel seines Umsatzes in der Region Amerika erzielt.',
     [('Amerika', 'region', 15.0, -90.0, 5000)]),
    ("f2-77", 'smartdata:http://www.t-online.de/regionales/id_77068526/bocholt-28-jaehrige-bei-auffahrunfall-leicht-verletzt.html@2016-02-24T08:42:02.000+01:00',
     'Sie sind hier: Home > Nachrichten > Regionales > Nordrhein-Westfalen: News, Polizeimeldungen und Videos > Borken >',
     [('Nordrhein-Westfalen', 'region', 51.5, 7.5, 150), ('Borken', 'city', 51.84, 6.86, CITY)]),
    ("f2-78", 'smartdata:http://www.stuttgarter-zeitung.de/inhalt.filder-kommunen-praesentieren-sich-auf-der-cmt-tagestouristen-stehen-im-fokus-der-staedte.2a11891d-39af-437f-81f1-ee8e5ccea988.html@2016-03-10T13:25:59.963+01:00',
     'Die drei Kommunen sind wieder am Gemeinschaftsstand der Region Stuttgart in Halle 6 zu finden.',
     [('Stuttgart', 'region', 48.78, 9.18, 40)]),
    ("f2-79", 'smartdata:http://www.welt.de/regionales/hessen/article151986911/Falsche-Vornamen-auf-200-000-Stimmzetteln.html@2016-02-08T16:03:16.000+01:00',
     'Gießen (dpa / lhe) - Nach einer Panne müssen im Kreis Gießen 200 000 Stimmzettel für die Kommunalwahl neu gedruckt werden.',
     [('Gießen', 'city', 50.58, 8.68, CITY), ('Gießen', 'region', 50.6, 8.75, 30)]),
    ("f2-80", 'smartdata:http://www.borkenerzeitung.de/in-+ausland/in-ausland_artikel,-Hinrichtungen-in-Saudi-Arabien-Iran-droht-mit-Rache-Gottes-_arid,561322.html@2016-03-10T15:15:51.262+01:00',
     'Der schiitische Iran, der mit dem sunnitisch geprägten Königreich um die Vormachtstellung in der Region ringt, hatte empört reagiert.',
     [('Iran', 'country', 32.4, 53.7, 800)]),
    ("f2-81", 'smartdata:http://www.deutschlandradiokultur.de/gedenkfeier-zum-100-todestag-von-franz-marc.265.de.html?drn%3Anews_id=588168@2016-03-05T07:47:25.000+01:00',
     'Wie kaum ein anderer Künstler symbolisiere Marc die Einbettung der Klassischen Moderne in Bayern, sagte Sibler bei einer Gedenkfeier in Kochel am See.',
     [('Bayern', 'region', 48.9, 11.4, 200), ('Kochel am See', 'city', 47.66, 11.37, CITY)]),
    ("f2-82", 'smartdata:http://www.welt.de/regionales/mecklenburg-vorpommern/article149907127/Warnstreiks-sorgen-fuer-Verspaetungen-am-Theater-Neustrelitz.html@2015-12-13T13:06:16.000+01:00',
     'Neustrelitz (dpa/mv) - Theaterbesucher mussten am Wochenende in Neustrelitz (Kreis Mecklenburgische Seenplatte) Verspätungen wegen Warnstreiks von Schauspielern und Sängern hinnehmen.',
     [('Neustrelitz', 'city', 53.36, 13.07, CITY), ('Neustrelitz', 'city', 53.36, 13.07, CITY), ('Mecklenburgische Seenplatte', 'region', 53.5, 12.9, 60)]),
    ("f2-83", 'smartdata:http://www.t-online.de/nachrichten/ausland/id_77267694/idomeni-fluechtlinge-fliehen-vor-elend-in-griechenland.html@2016-03-14T18:07:24.000+01:00',
     'Vom Flüchtlingslager Idomeni aus brachen Hunderte auf und durchquerten einen reißenden Fluss, während auf der anderen Seite schon die griechische Bereitschaftspolizei aufzog.',
     [('Idomeni', 'city', 41.12, 22.51, CITY)]),
    ("f2-84", 'smartdata:http://www.tagesspiegel.de/weltspiegel/reise/chile-und-argentinien-immer-gegen-den-wind/12778986.html@2016-03-10T14:45:38.254+01:00',
     'Wasser, Inseln, Berge, das ist Feuerland.',
     [('Feuerland', 'island', -54.0, -69.0, 250)]),
    ("f2-85", 'spkatt:34501',
     'Nach einem anonymen Hinweis auf eine Lagerhalle im Hamburger Hafen, in dem angeblich gentechnisch veränderter Reis lagern sollte, wurden auf einem Parkplatz in der Nähe der Lagerhalle einige Reiskörner gefunden.',
     [('Hamburger Hafen', 'facility', 53.54, 9.97, FACILITY)]),
    ("f2-86", 'spkatt:5954',
     'Das auf der Bremerhavener Lloyd Werft gebaute Kreuzfahrtschiff Pride of America konnte erst mit einem Tag Verzögerung an die Reederei Norwegian Cruise Line (NCL) übergeben werden.',
     [('Bremerhavener Lloyd Werft', 'facility', 53.54, 8.58, FACILITY)]),
    ("f2-87", 'spkatt:45124',
     'Auf dem Gelände einer Großbaustelle im Braunkohle-Kraftwerk im Grevenbroicher Ortsteil Neurath in der Nähe von Neuss sind mindestens fünf Bauarbeiter ums Leben gekommen, eine weitere Person gilt noch als vermisst.',
     [('Neurath', 'city', 51.04, 6.62, CITY), ('Neuss', 'city', 51.2, 6.69, CITY)]),
]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--freeze", action="store_true", help="draw the frozen half (once, before tuning)")
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT / "scripts"))
    sys.path.insert(0, str(HERE))
    from places_issue20 import build_record, smartdata_docs, text_of
    from wikinews import WIKINEWS, read_doc

    texts = {}
    wanted = {source for _, source, _, _ in SPEC}
    for path in (WIKINEWS / "train").glob("*.json"):
        source = "spkatt:" + path.name.split(" ", 1)[0]
        if source in wanted:
            doc = read_doc(path)
            texts[source] = (doc.text, doc.date)
    for doc in smartdata_docs():
        source = "smartdata:" + str(doc.get("id"))
        if source in wanted and source not in texts:
            texts[source] = (text_of(doc), str(doc.get("id")).rsplit("@", 1)[-1][:10])
    records = []
    for rid, source, excerpt, mentions in SPEC:
        if excerpt not in texts[source][0]:
            raise SystemExit(f"{rid}: excerpt not found verbatim in {source}")
        records.append(build_record(rid, source, excerpt, mentions, texts[source][1]))
    OUT.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    print(f"{len(records)} excerpts, {sum(len(r['places']) for r in records)} mentions -> {OUT}")
    if args.freeze:
        ids = sorted(r["id"] for r in records)
        frozen = sorted(random.Random(2046).sample(ids, len(ids) // 2))
        FROZEN.write_text("\n".join(frozen) + "\n", encoding="utf-8")
        print(f"{len(frozen)} frozen ids -> {FROZEN}")


if __name__ == "__main__":
    main()
