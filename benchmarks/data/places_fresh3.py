"""Build `places_fresh3.jsonl`: a fourth untouched check for issue 20 (round 5), annotated on
2026-12-05 before the system was run on these texts, split by id into a tune half (`fresh3-tune`)
and a frozen half (`fresh3-frozen`, `places_fresh3_frozen_ids.txt`).

Texts no places set uses and no earlier places run read:
- SpkAtt-2023 `test_blind_texts/` (German Wikinews, CC BY 2.5) not in `places_wikinews.jsonl`
  (117 of the 148 articles), sorted by file name and shuffled with random.Random(2047); sentences
  as the tokenised files give them, 40-400 characters. Pass A: per article the first three
  sentences holding a generic word of the issue's kinds (Flughafen, Bahnhof, Hafen, Kraftwerk,
  Stadion, Park, Insel, Meer, See, Ozean, Fluss, Bucht, Golf, Küste, Gebirge, Berg, Alpen, Region,
  Provinz, Bundesstaat, Bezirk, Kanton, Landkreis, Kreis, Gebiet, ..., also inside a compound) or a
  large river's name (Rhein, Donau, Elbe, Jordan, Ganges, ...): 50 sentences. Pass B: per article
  the first other sentence with a preposition (in, nach, aus, bei, im, von, vor, über) before a
  capitalised word: 114 sentences. This weights the check to regions, waters and facilities first,
  then towns and countries.
- SmartData (CC BY 4.0; v1/v3) documents not cited by any file under `benchmarks/data/` nor by the
  demo sample, 400 characters or more, traffic reports left out, sorted by id and shuffled with
  random.Random(2047). Pass C: per document the first sentence (40-350 characters, split at
  sentence ends and line breaks) with an island, mountain or water word (Insel, Berg, Gebirge,
  Alpen, Gipfel, Vulkan, Meer, Ozean, Fluss, Ufer, Küste, Bucht, a name ending in -see); the 604
  documents gave 16.
Every place mention of a sentence is annotated by the rules of `places_ANNOTATION.md` (sections
"issue 20" and "second fresh check"); sentences without one are left out (72 of 180). Also not
annotated: national teams (`trennten sich England und Algerien`), places inside names of courts,
schools, parties and tourist boards (`Landgericht Frankfurt am Main`, `Alpen-Adria-Gymnasiums
Völkermarkt`, `NPD-Kreisverband Kreis Uecker-Randow`), truncated compounds (`Nord-` of `Nord- und
Ostsee`). Named sites (a park, a beach, a prison, a tunnel, a listed warehouse) are facilities.
Coordinates from the annotator's knowledge, not from the system. The islands and mountains these
texts hold are few (one each): the corpora have little more.

    .venv/bin/python benchmarks/data/places_fresh3.py           # rewrites places_fresh3.jsonl
    .venv/bin/python benchmarks/data/places_fresh3.py --freeze  # draws the frozen half (done once)
"""
from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
OUT = HERE / "places_fresh3.jsonl"
FROZEN = HERE / "places_fresh3_frozen_ids.txt"

# id, source, excerpt (verbatim), mentions in text order: (surface, kind, lat, lon, radius_km)
SPEC = [
    ('f3-001', 'spkatt-test:77466',
     'Dass in Taiwan Vorschläge von Xi Xiping am vergangen Freitag, die als abtrünnige Provinz betrachtete Insel in die Volksrepublik unter der Regel „Ein Land - zwei Systeme“ aufzunehmen, kein positives Echo fanden, verwundert nicht;',
     [('Taiwan', 'country', 23.7, 121.0, 250)]),
    ('f3-002', 'spkatt-test:55456',
     'So wurde einem 31-jährigen Surfer am Fingal Beach durch einen Hai eine schwere Beinwunde zugefügt und an der Küste der Insel Tasmanien die 13-jährige Hannah Mighall von einem großen Weißen Hai angegriffen und schwer verletzt.',
     [('Fingal Beach', 'facility', -32.75, 152.17, 35), ('Tasmanien', 'island', -42.0, 146.6, 250)]),
    ('f3-003', 'spkatt-test:55456',
     'Sein Kajak wurde von einem Weißen Hai an einem beliebten Strand in einem Vorort von Sydney zum Kentern gebracht wurde, er blieb jedoch unverletzt.',
     [('Sydney', 'city', -33.87, 151.21, 30)]),
    ('f3-004', 'spkatt-test:72180',
     'Bei der Primary (Vorwahl) der Republikanischen Partei im US-Bundesstaat Louisiana setzte sich der erzkonservative Rick Santorum deutlich durch.',
     [('Louisiana', 'region', 31.0, -92.0, 300)]),
    ('f3-005', 'spkatt-test:72180',
     'Die Republikanische Partei des Bundesstaates entsendet 46 Delegierte zur Republican National Convention in Tampa.',
     [('Tampa', 'city', 27.95, -82.46, 30)]),
    ('f3-006', 'spkatt-test:10437',
     'So sagte der erste chinesischen Astronaut Yang Liwei am 11. August auf einer Ausstellung über die chinesische bemannte Raumfahrt in Fuzhou, der Hauptstadt der östlichen Provinz Fujian, die Astronauten des Raumschiffs Shenzhou-7 würden einen ersten Weltraumspaziergang unternehmen.',
     [('Fuzhou', 'city', 26.07, 119.3, 30), ('Fujian', 'region', 26.0, 118.0, 250)]),
    ('f3-007', 'spkatt-test:9835',
     'Die kleine Inselrepublik Kap Verde, rund 600 Kilometer vor Afrikas Küste gelegen, erhält eine eigene Börse.',
     [('Kap Verde', 'country', 15.1, -23.6, 250), ('Afrikas', 'region', 5.0, 20.0, 4500)]),
    ('f3-008', 'spkatt-test:37332',
     'Seine Begründung: „Dann holen wir uns den Terrorismus nach Deutschland.“',
     [('Deutschland', 'country', 51.2, 10.4, 500)]),
    ('f3-009', 'spkatt-test:51401',
     'Auf der Bühne im Londoner Hyde Park standen unter anderem Annie Lennox, Amy Winehouse und die britische Rockband Queen.',
     [('Hyde Park', 'facility', 51.507, -0.165, 35)]),
    ('f3-010', 'spkatt-test:63051',
     'Seine Opfer, von denen sich die Familie in Weinheim am Tatmorgen zufällig im Ausland befand, gaben jeweils an, die Rechnungen wegen Ausführungsmängeln gekürzt zu haben.',
     [('Weinheim', 'city', 49.55, 8.67, 30)]),
    ('f3-011', 'spkatt-test:63081',
     'Vor den Augen der britischen Prinzen William und Harry sowie rund 64.100 weiteren Zuschauern im Green-Point-Stadion in Kapstadt trennten sich England und Algerien mit einem für die Engländer blamablen torlosen Unentschieden.',
     [('Green-Point-Stadion', 'facility', -33.903, 18.411, 35), ('Kapstadt', 'city', -33.92, 18.42, 30)]),
    ('f3-012', 'spkatt-test:63081',
     '45.573 Zuschauer im Ellis Park von Johannesburg sahen fünf Gelbe Karten, davon vier für die Slowenen und eine für einen nordamerikanischen Spieler.',
     [('Ellis Park', 'facility', -26.197, 28.06, 35), ('Johannesburg', 'city', -26.2, 28.05, 30)]),
    ('f3-013', 'spkatt-test:43325',
     'Am frühen Freitag Morgen gegen 5 Uhr wurde die Region um das rheinland-pfälzische Koblenz von einem Erdbeben der Stärke 4,0 auf der Richterskala erschüttert.',
     [('Koblenz', 'city', 50.36, 7.59, 30)]),
    ('f3-014', 'spkatt-test:43325',
     'Nach Aussage des Landesamtes für Geologie und Bergbau Rheinland-Pfalz mit Sitz in Mainz',
     [('Mainz', 'city', 50.0, 8.27, 30)]),
    ('f3-015', 'spkatt-test:43325',
     'Rheinland-Pfalz sei eine erdbebengefährdete Region, etwa 25 bis 50 Beben würden hier jährlich verzeichnet, wobei die meisten im Bereich der Stärke 1,5 bis 3,0 lägen und kaum bemerkt würden, so der Direktor des Landesamtes, Harald Ehses.',
     [('Rheinland-Pfalz', 'region', 49.9, 7.4, 120)]),
    ('f3-016', 'spkatt-test:75013',
     'Am Dienstagmittag sind bei einer Massenkarambolage auf der Bundesautobahn 6 im Kreis Schwäbisch Hall in Baden-Württemberg zwei Menschen ums Leben gekommen.',
     [('Schwäbisch Hall', 'region', 49.12, 9.74, 30), ('Baden-Württemberg', 'region', 48.6, 9.0, 150)]),
    ('f3-017', 'spkatt-test:27195',
     'Bislang fanden zwei Konzerte statt: eines am Freitagabend in der südwestchinesischen Stadt Kunming in der Provinz Yunnan und ein weiteres gestern Abend in der Großstadt Shanghai.',
     [('Kunming', 'city', 25.04, 102.71, 30), ('Yunnan', 'region', 24.5, 101.5, 400), ('Shanghai', 'city', 31.23, 121.47, 30)]),
    ('f3-018', 'spkatt-test:58940',
     'Der NPD-Kreisverband Kreis Uecker-Randow hingegen hatte versucht, in Mecklenburg-Vorpommern ein die Menschenwürde polnischer Bürger angreifendes Wahlplakat aufzuhängen.',
     [('Mecklenburg-Vorpommern', 'region', 53.6, 12.4, 150)]),
    ('f3-019', 'spkatt-test:6745',
     'Trägerrakete war eine Zenit 3SL, die von der Plattform „Odyssey“ im Pazifischen Ozean um 16:03 Uhr MESZ startete.',
     [('Pazifischen Ozean', 'water', 0.0, -160.0, 8000)]),
    ('f3-020', 'spkatt-test:34748',
     'Das Stadtamt hatte die Demonstration noch am Mittwoch verboten und argumentierte angesichts möglicher gewaltbereiter Gegendemonstranten und des Mangels an ausreichenden Polizeikräften wegen des Fußballspiels von Werder Bremen gegen Energie Cottbus im Weser-Stadion mit einer nicht beherrschbaren Sicherheitslage.',
     [('Weser-Stadion', 'facility', 53.066, 8.838, 35)]),
    ('f3-021', 'spkatt-test:83285',
     'Dabei begann der Künstler Gunter Demnig am Morgen mit der Verlegung eines Steines zum Gedenken an Wolfgang Frommhold vor dem Haus in der Kirchröder Straße 18 im Bezirk Kirchrode-Bemerode-Wülferode im Südosten der Stadt.',
     [('Kirchrode-Bemerode-Wülferode', 'city', 52.36, 9.82, 30)]),
    ('f3-022', 'spkatt-test:84324',
     'Die Spannungen an der Grenze zwischen dem Sudan und Äthiopien in der fruchtbaren Region al-Fashqa nehmen weiter zu, nachdem es im Dezember zu mehrwöchigen Zusammenstößen zwischen sudanesischen und äthiopischen Truppen gekommen war.',
     [('Sudan', 'country', 15.5, 30.0, 1000), ('Äthiopien', 'country', 9.0, 39.5, 800), ('al-Fashqa', 'region', 14.1, 36.3, 80)]),
    ('f3-023', 'spkatt-test:84324',
     'Die Region al-Fashqa liegt eigentlich innerhalb der sudanesischen Grenzen, im Bundesstaat al-Qadarif, aber Äthiopier siedeln schon seit Jahren in diesem Gebiet, wobei es immer wieder zu Auseinandersetzungen zwischen den zwei Gruppen kommt.',
     [('al-Fashqa', 'region', 14.1, 36.3, 80), ('al-Qadarif', 'region', 14.0, 35.4, 200)]),
    ('f3-024', 'spkatt-test:84324',
     "Die Spannungen eskalierten weiter, als im November 2020 50.000 äthiopische Flüchtlinge zur sudanesisch-äthiopischen Grenze flohen, nachdem ein Krieg zwischen der äthiopischen Bundesregierung und der regionalen Tigrayan People's Liberation Front (TPLF) in der nördlichen Tigray-Region ausgebrochen war.",
     [('Tigray-Region', 'region', 14.0, 38.8, 200)]),
    ('f3-025', 'spkatt-test:65540',
     'Die verantwortlichen Fluglotsen im Tower des westrussischen Flughafens Smolensk hatten der Präsidentenmaschine wegen des dichten Nebels an dem Tag einen Ausweichflugplatz angeboten, heißt es in dem Bericht.',
     [('Flughafens Smolensk', 'facility', 54.82, 32.03, 35)]),
    ('f3-026', 'spkatt-test:65540',
     'Nach dem Absturz und dem tragischen Tod des polnischen Präsidenten und seiner Begleiter waren Spekulationen entstanden, der polnische Präsident habe möglicherweise selbst auf den Piloten Einfluss im Sinne einer Landung auf dem Smolensker Flughafen genommen.',
     [('Smolensker Flughafen', 'facility', 54.82, 32.03, 35)]),
    ('f3-027', 'spkatt-test:65540',
     'Er wies auf Fehler russischer Fluglotsen auf dem Flughafen in Smolensk hin.',
     [('Flughafen in Smolensk', 'facility', 54.82, 32.03, 35)]),
    ('f3-028', 'spkatt-test:72779',
     'Am vergangenen Wochenende trafen sich in Frankfurt am Main mehrere tausend Menschen, um gegen Kapitalismus und die europäische Krisenpolitik zu demonstrieren.',
     [('Frankfurt am Main', 'city', 50.11, 8.68, 30)]),
    ('f3-029', 'spkatt-test:60408',
     'Die erste Bank, die in diesem Jahr in den USA pleite geht, ist die Horizon Bank aus Bellingham im US-Bundesstaat Washington.',
     [('USA', 'country', 39.8, -98.6, 2500), ('Bellingham', 'city', 48.75, -122.48, 30), ('Washington', 'region', 47.4, -120.5, 400)]),
    ('f3-030', 'spkatt-test:9379',
     'Der Unfall ereignete sich gestern Abend auf dem Flughafen der jordanischen Hafenstadt Aqaba am Roten Meer.',
     [('Aqaba', 'city', 29.53, 35.0, 30), ('Roten Meer', 'water', 20.0, 38.5, 1200)]),
    ('f3-031', 'spkatt-test:9379',
     'Anders hingegen die Aussage eines Vertreters der Zivilluftfahrtbehörde in Jordanien.',
     [('Jordanien', 'country', 31.2, 36.5, 250)]),
    ('f3-032', 'spkatt-test:39628',
     'Sie schließt dies aus den erhöhten Aktivitäten der USA im Persischen Golf.',
     [('USA', 'country', 39.8, -98.6, 2500), ('Persischen Golf', 'water', 27.0, 51.5, 600)]),
    ('f3-033', 'spkatt-test:39628',
     'Demnach blendete das staatliche iranische Fernsehen ein Laufband in das laufende Fernsehprogramm ein, auf dem sinngemäß stand: „Iran: Keine Besorgnis wegen der Kriegsspiele des Pentagon im Persischen Golf.“',
     [('Iran', 'country', 32.5, 54.0, 1000), ('Persischen Golf', 'water', 27.0, 51.5, 600)]),
    ('f3-034', 'spkatt-test:77285',
     'Pakistan hat Bedenken, dass der Bau von fünf Wasserkraftwerken im indischen Bundesstaat Jammu und Kashmir seine im Indus-Wasservertrag zugesicherten Wasserrechte verletzt.',
     [('Pakistan', 'country', 30.0, 70.0, 800), ('Jammu und Kashmir', 'region', 33.7, 75.5, 250)]),
    ('f3-035', 'spkatt-test:46269',
     'Im Jahre 2014 möchte Niemeyer für die Fußball-WM in Brasilien das Maracana-Stadion einweihen.',
     [('Brasilien', 'country', -10.0, -52.0, 2000), ('Maracana-Stadion', 'facility', -22.912, -43.23, 35)]),
    ('f3-036', 'spkatt-test:1326',
     'Der in der Nähe des Kongresszentrums direkt an der Elbe befindliche wuchtige Bau erfährt nun eine Investition von 60 Millionen Euro.',
     [('Elbe', 'water', 52.5, 11.5, 500)]),
    ('f3-037', 'spkatt-test:1326',
     'Das Maritim Vier-Sterne-Hotel wird über 300 Zimmer inklusive 40 Suiten nebst Terrasse mit Blick auf die Elbe bieten.',
     [('Elbe', 'water', 52.5, 11.5, 500)]),
    ('f3-038', 'spkatt-test:4927',
     'Die Machart des Feuersteindolches dagegen deutet auf eine Herkunft aus dem Rhein-Main-Gebiet.',
     [('Rhein-Main-Gebiet', 'region', 50.05, 8.6, 60)]),
    ('f3-039', 'spkatt-test:31608',
     'Ziel der Hamas ist die Wiederherstellung Palästinas vom Mittelmeer bis zum Jordan.',
     [('Palästinas', 'region', 31.9, 35.2, 150), ('Mittelmeer', 'water', 35.0, 18.0, 1800), ('Jordan', 'water', 32.0, 35.55, 150)]),
    ('f3-040', 'spkatt-test:67356',
     'Flüsse wie Ganges oder Indus werden vorwiegend aus dem Schmelzwasser dieser Gletscher gespeist und versorgen so Millionen Inder mit dem lebensnotwendigen Trinkwasser.',
     [('Ganges', 'water', 25.5, 83.0, 1000), ('Indus', 'water', 29.0, 70.5, 1000)]),
    ('f3-041', 'spkatt-test:74142',
     'Am Mittwoch vergangener Woche hat das US-Handelsministerium entschieden, Zölle auf in China hergestellte Solarmodule in Höhe von 18 Prozent bis 250 Prozent für die verschiedenen Hersteller zu erheben.',
     [('China', 'country', 35.0, 103.0, 2500)]),
    ('f3-042', 'spkatt-test:11014',
     'Die Messdiener sind auf dem Weltjugendtag mit einem eigenen Zentrum in der „Messehalle 7“ in Köln vertreten.',
     [('Köln', 'city', 50.94, 6.96, 30)]),
    ('f3-043', 'spkatt-test:33349',
     'Am 28. und 29. September fand in Iserlohn im Sauerland das zweite „Campus Symposium“ der privaten Business and Information Technology School (BiTS) statt.',
     [('Iserlohn', 'city', 51.38, 7.7, 30), ('Sauerland', 'region', 51.2, 8.1, 60)]),
    ('f3-044', 'spkatt-test:77466',
     'Während die internationale Presse mit zahllosen Berichten, Live-News-Tickern und ständigen Updates zu den Protesten in Hong Kong beschäftigt ist, herrscht in der englischsprachigen chinesischen Presse eine auffällige Ruhe zu dem Ereignis.',
     [('Hong Kong', 'city', 22.3, 114.17, 30)]),
    ('f3-045', 'spkatt-test:55456',
     'So oder so ähnlich rauschte es in den vergangenen Tagen durch den Blätterwald, nachdem in Australien mehrere Haiunfälle innerhalb weniger Tage bekannt wurden.',
     [('Australien', 'country', -25.0, 134.0, 2500)]),
    ('f3-046', 'spkatt-test:26502',
     'Nachdem im Februar 2006 gegenüber dem Ministerpräsidenten Thaksin Shinawatra Korruptionsvorwürfe laut geworden waren, hatten hunderttausende Demonstranten in Bangkok den Rücktritt Thaksins gefordert.',
     [('Bangkok', 'city', 13.75, 100.5, 30)]),
    ('f3-047', 'spkatt-test:72691',
     'Am Donnerstag berichtete der indische Nachrichtensender NDTV von einem Ehepaar aus dem Ort Pilakhuwa, das seine 45 Tage alte Tochter lebendig begraben wollte.',
     [('Pilakhuwa', 'city', 28.71, 77.65, 30)]),
    ('f3-048', 'spkatt-test:56312',
     'Auf dem Gelände des Caravan-Händlers H.J. Fassbender Wohnwagen und Reisemobile GmbH in Oldenburg-Etzhorn hat sich aus unbekannten Gründen am vergangenen Donnerstag in einer Lagerhalle ein Großfeuer entwickelt.',
     [('Oldenburg-Etzhorn', 'city', 53.18, 8.2, 30)]),
    ('f3-049', 'spkatt-test:15867',
     'Der 18-jährige Castro ist in Deutschland geboren und steht bei Bayer 04 Leverkusen unter Vertrag.',
     [('Deutschland', 'country', 51.2, 10.4, 500)]),
    ('f3-050', 'spkatt-test:67548',
     'Am Bundesgericht im New Yorker Stadtteil Brooklyn trat Massino, genannt „das Ohr“ oder auch „Big Joe“, im Jogginganzug als Zeuge auf.',
     [('Brooklyn', 'city', 40.65, -73.95, 30)]),
    ('f3-051', 'spkatt-test:68250',
     'Nach Angaben des Bundeswehreinsatzführungskommandos gaben Soldaten der Bundeswehr, die im Rahmen der ISAF in Afghanistan stationiert sind, am 18. Mai in der Nähe der Stadt Taloqan im Norden Afghanistans gezielt Schüsse auf Demonstranten ab.',
     [('Afghanistan', 'country', 33.9, 67.7, 700), ('Taloqan', 'city', 36.73, 69.53, 30), ('Afghanistans', 'country', 33.9, 67.7, 700)]),
    ('f3-052', 'spkatt-test:8417',
     'Wie die Sächsische Zeitung jetzt erfahren haben will, wird im Dezember bei einer Ministerkonferenz der ESA ein Stufenplan verabschiedet, der den Weg Europas zu einer bemannten Raumfahrt unabhängig von den USA ebnen soll.',
     [('Europas', 'region', 50.0, 15.0, 2500), ('USA', 'country', 39.8, -98.6, 2500)]),
    ('f3-053', 'spkatt-test:45586',
     'Nordrhein-Westfalen setzt als erstes Bundesland im Feldversuch versetzt liegende Warnschwellen an Autobahnbaustellen ein.',
     [('Nordrhein-Westfalen', 'region', 51.5, 7.5, 150)]),
    ('f3-054', 'spkatt-test:14446',
     'Beim ersten alpinen Weltcup-Riesenslalom der Saison in Sölden hat Martina Ertl-Renz den achten Platz belegt.',
     [('Sölden', 'city', 46.97, 11.0, 30)]),
    ('f3-055', 'spkatt-test:9835',
     'Der künftige Börsenvorstand Verissimo Pinto gab als Grund für die Eröffnung der Börse an, das Finanzsystem Kap Verdes sei nicht mehr in der Lage, dem Wachstum einiger Firmen gerecht zu werden.',
     [('Kap Verdes', 'country', 15.1, -23.6, 250)]),
    ('f3-056', 'spkatt-test:67830',
     'Am Dienstagvormittag wurde ein 44-jähriger aus der Justizvollzugsanstalt Stadelheim entlassen.',
     [('Justizvollzugsanstalt Stadelheim', 'facility', 48.11, 11.595, 35)]),
    ('f3-057', 'spkatt-test:73472',
     'Wie der britische Fernsehsender BBC heute meldete, will die japanische Regierung einen Bericht untersuchen, wonach Arbeiter im Atomkraftwerk Fukushima Daiichi aufgefordert wurden, die Strahlenbelastung zu verschleiern.',
     [('Atomkraftwerk Fukushima Daiichi', 'facility', 37.42, 141.03, 35)]),
    ('f3-058', 'spkatt-test:51401',
     'Die rund 45.000 Zuschauer jubelten dem 90-jährigen ehemaligen Präsidenten Südafrikas bei seiner Rede zu, in der er die junge Generation aufforderte, jetzt die Verantwortung im Kampf gegen die Immunschwächekrankheit Aids zu übernehmen.',
     [('Südafrikas', 'country', -29.0, 24.0, 900)]),
    ('f3-059', 'spkatt-test:63051',
     'Obgleich ihm eine Tötungsabsicht nicht nachgewiesen werden konnte, ist der als „Bombenleger von Viernheim“ zu fragwürdiger Berühmtheit gelangte Jürgen K. zu 12 Jahren Haft verurteilt worden.',
     [('Viernheim', 'city', 49.54, 8.58, 30)]),
    ('f3-060', 'spkatt-test:29410',
     'Bevor die Maschine in Belgrad startete, erklärte der Pilot seinen Flugpassagieren, nicht an die Adria in den Ort Tivat fliegen zu wollen.',
     [('Belgrad', 'city', 44.82, 20.46, 30), ('Adria', 'water', 43.0, 15.0, 400), ('Tivat', 'city', 42.43, 18.7, 30)]),
    ('f3-061', 'spkatt-test:70474',
     'Der Fahrer des Unglücksfahrzeugs, ein US-Soldat, war vermutlich alkoholisiert vom Ortsteil Dansenberg in Richtung Kaiserslautern-Innenstadt unterwegs, als er in einer Linkskurve die Kontrolle über sein Fahrzeug verlor.',
     [('Dansenberg', 'city', 49.41, 7.74, 30), ('Kaiserslautern-Innenstadt', 'city', 49.44, 7.77, 30)]),
    ('f3-062', 'spkatt-test:46376',
     'Ein 26-jähriger Windenergieanlagenmonteur aus Paderborn zog sich am Donnerstag lebensgefährliche Verletzungen zu, als er nach Wartungsarbeiten in der Gondel einer Windenergieanlage aus noch ungeklärter Ursache im Turm der Anlage abstürzte.',
     [('Paderborn', 'city', 51.72, 8.75, 30)]),
    ('f3-063', 'spkatt-test:29071',
     'Die sächsische Staatsministerin für Wissenschaft und Kunst, Barbara Ludwig (SPD), wird das Amt des Oberbürgermeisters von Chemnitz von Peter Seifert (SPD) übernehmen.',
     [('Chemnitz', 'city', 50.83, 12.92, 30)]),
    ('f3-064', 'spkatt-test:64021',
     'Die Friedensnobelpreisträgerin und Politikerin Aung San Suu Kyi (65) erklärte laut Medienberichten, sie werde sich nicht an den am 7. September anstehenden Wahlen in Myanmar beteiligen.',
     [('Myanmar', 'country', 21.0, 96.0, 800)]),
    ('f3-065', 'spkatt-test:83133',
     'Bei der Frauen-Fußballweltmeisterschaft in Frankreich gewann die deutsche Mannschaft – wie schon im Auftaktspiel in teils starkem Regen – auch gegen Spanien mit 1:0 und hat nun gute Chancen, im letzten Gruppenspiel gegen Südafrika das Achtelfinale zu erreichen.',
     [('Frankreich', 'country', 46.6, 2.4, 600)]),
    ('f3-066', 'spkatt-test:63081',
     'Zuschauer in Port Elizabeth sahen eine miserable Schiedsrichterleistung des spanischen Schiedsrichters Alberto Undiano Mallenco, acht Gelbe Karten – je vier für beiden Mannschaften, eine phasenweise stark spielende, aber glücklose deutsche Nationalelf',
     [('Port Elizabeth', 'city', -33.96, 25.6, 30)]),
    ('f3-067', 'spkatt-test:75013',
     'Nach ersten Erkenntnissen soll die Explosion des Turboladers eines Lastwagens, der in Richtung Heilbronn unterwegs war, der Auslöser des Massenunfalls gewesen sein.',
     [('Heilbronn', 'city', 49.14, 9.22, 30)]),
    ('f3-068', 'spkatt-test:38864',
     'In der Nähe von Bad Hersfeld wurde heute Vormittag der ICE 672, der auf dem Weg von Stuttgart nach Hamburg-Altona war, durch eine automatische Notbremsung gestoppt und kam im Hainroder Tunnel zum Stehen. Nach Angaben der Deutschen Bahn wurde die Notbremsung ausgelöst, nachdem der Triebkopf des Zuges über eine Gleisbauzange gefahren war, die auf den Gleisen lag.',
     [('Bad Hersfeld', 'city', 50.87, 9.71, 30), ('Stuttgart', 'city', 48.78, 9.18, 30), ('Hamburg-Altona', 'city', 53.55, 9.93, 30), ('Hainroder Tunnel', 'facility', 50.87, 9.71, 35)]),
    ('f3-069', 'spkatt-test:73588',
     'Nachdem Fechterin Britta Heidemann gestern mit ihrer Silbermedaille das Eis für Deutschland gebrochen hatte, folgten nun die ersten Goldmedaillen: im Reiten.',
     [('Deutschland', 'country', 51.2, 10.4, 500)]),
    ('f3-070', 'spkatt-test:8684',
     'Wie die Behörden in Singapur mitteilten, soll die Deutsche Julia Bohl noch heute nach Deutschland ausgeflogen werden.',
     [('Singapur', 'country', 1.35, 103.82, 50), ('Deutschland', 'country', 51.2, 10.4, 500)]),
    ('f3-071', 'spkatt-test:37231',
     'Die 13-Jährige aus Nordrhein-Westfalen, die nach einer Ausstrahlung in der ZDF-Sendung „Aktenzeichen XY… ungelöst“ identifiziert wurde, ist offenbar Opfer eines Chatroom-Täters geworden, wie Oberstaatsanwalt Reinhard Baumgart am Montag bestätigte.',
     [('Nordrhein-Westfalen', 'region', 51.5, 7.5, 150)]),
    ('f3-072', 'spkatt-test:746',
     'Der ehemalige SS-Lagerkommandant Josef Schwammberger starb im Alter von 92 Jahren im Gefängniskrankenhaus Hohenasperg.',
     [('Gefängniskrankenhaus Hohenasperg', 'facility', 48.91, 9.14, 35)]),
    ('f3-073', 'spkatt-test:62091',
     'Außerdem habe in Deutschland bisher niemand ein ausgereiftes und preislich wettbewerbsfähiges Serienprodukt entwickelt.',
     [('Deutschland', 'country', 51.2, 10.4, 500)]),
    ('f3-074', 'spkatt-test:42342',
     'Bis zum Ende der letzten Eiszeit vor ungefähr 12.500 Jahren lebte in Beringia, einer Landbrücke, die damals Alaska mit Sibirien verband, eine Wolfsart, die mit kräftigen Kiefern und großen Reißzähnen in der Lage war, Großtiere wie Mammuts und Karibus zu reißen.',
     [('Beringia', 'region', 65.0, -170.0, 1000), ('Alaska', 'region', 64.0, -152.0, 1000), ('Sibirien', 'region', 60.0, 100.0, 2500)]),
    ('f3-075', 'spkatt-test:6226',
     'Nach einem Treffen der Bundes- und Landesfraktionsspitzen der CDU in Kiel gingen führende CDU-Vertreter auf Distanz zu den Forderungen aus der CSU und dem CDU-Wirtschaftsrat, die scharfe Einschnitte ins Sozialsystem gefordert hatten.',
     [('Kiel', 'city', 54.32, 10.14, 30)]),
    ('f3-076', 'spkatt-test:23777',
     'Gestern hat nun die Bundesregierung in Berlin nach langem Zögern einem Kompromiss zugestimmt.',
     [('Berlin', 'city', 52.52, 13.4, 30)]),
    ('f3-077', 'spkatt-test:8915',
     'Damit gelten in Deutschland mit Beginn des neuen Schuljahres unterschiedliche Regeln.',
     [('Deutschland', 'country', 51.2, 10.4, 500)]),
    ('f3-078', 'spkatt-test:70697',
     'Am Montagnachmittag waren Vater und Tochter bei einem Gespräch im Jugendamt von Stolzenau, es sollten familiäre Differenzen geklärt werden.',
     [('Stolzenau', 'city', 52.52, 9.07, 30)]),
    ('f3-079', 'spkatt-test:34748',
     'Ein geplanter Aufmarsch von NPD-Aktivisten, bei dem etwa 200 Teilnehmer erwartet wurden, sowie eine angekündigte Gegendemonstration, an der nach Polizeiangaben bis zu 3.000 Teilnehmer teilnehmen sollten, löste in Bremen einen Polizeieinsatz von rund 2.500 Einsatzkräften der Polizei aus, 1.600 davon kamen aus anderen Bundesländern.',
     [('Bremen', 'city', 53.08, 8.8, 30)]),
    ('f3-080', 'spkatt-test:83285',
     'An zwölf Orten im Stadtgebiet Hannovers wurden insgesamt 22 neue Stolpersteine verlegt.',
     [('Hannovers', 'city', 52.37, 9.73, 30)]),
    ('f3-081', 'spkatt-test:18120',
     'Auf ihrem Gipfeltreffen in Gleneagles hatten die Regierungschefs der führenden Industrienationen und Russlands beschlossen, einen solchen Schuldenerlass herbeizuführen.',
     [('Gleneagles', 'city', 56.28, -3.73, 30), ('Russlands', 'country', 61.0, 90.0, 3000)]),
    ('f3-082', 'spkatt-test:27244',
     'Am Sonntag fand die Premieren-Vorstellung der neuen Show in Los Angeles statt.',
     [('Los Angeles', 'city', 34.05, -118.24, 30)]),
    ('f3-083', 'spkatt-test:71869',
     'Im Jahr 2006 fuhren auf den Straßen von Mexiko-Stadt 50.000 VW Käfer, die als Taxi eingesetzt waren.',
     [('Mexiko-Stadt', 'city', 19.43, -99.13, 30)]),
    ('f3-084', 'spkatt-test:59934',
     'Bei den Präsidentschaftswahlen in Rumänien traten am 6. Dezember der bürgerliche Amtsinhaber Traian Băsescu und der Sozialdemokrat Mircea Geoană in einer Stichwahl gegeneinander an.',
     [('Rumänien', 'country', 45.9, 24.97, 300)]),
    ('f3-085', 'spkatt-test:84324',
     'Eine hochrangige sudanesische Delegation war am 13. Dezember mit Plänen für ein zweitägiges Gespräch nach Äthiopien gereist, doch nach wenigen Stunden kehrte dieselbe Delegation nach Khartum zurück, – was viele Fragen aufwirft.',
     [('Äthiopien', 'country', 9.0, 39.5, 800), ('Khartum', 'city', 15.5, 32.56, 30)]),
    ('f3-086', 'spkatt-test:65540',
     'Die russische Kommission zur Untersuchung des Flugzeugabsturzes des ehemaligen polnischen Präsidenten Lech Kaczyński am 10. April 2010 übergab heute in Moskau ihren 20.000 Seiten starken Abschlussbericht an Vertreter der polnischen Regierung.',
     [('Moskau', 'city', 55.75, 37.62, 30)]),
    ('f3-087', 'spkatt-test:13851',
     'Die Untersuchung der in der Türkei verendeten Vögel hat ergeben: Die Tiere sind an der aggressivsten Form des Vogelgrippevirus erkrankt.',
     [('Türkei', 'country', 39.0, 35.0, 800)]),
    ('f3-088', 'spkatt-test:72379',
     'Die Organisatoren haben angekündigt 25 Millionen deutschsprachige Koran-Ausgaben in Deutschland, Österreich und der Schweiz kostenlos unter die Leute zu bringen.',
     [('Deutschland', 'country', 51.2, 10.4, 500), ('Österreich', 'country', 47.6, 14.1, 300), ('Schweiz', 'country', 46.8, 8.2, 200)]),
    ('f3-089', 'spkatt-test:9379',
     'Eine militärische Transportmaschine vom Typ Antonow An-12 aus Moldawien ist bei einer Bruchlandung zu Schaden gekommen.',
     [('Moldawien', 'country', 47.2, 28.5, 200)]),
    ('f3-090', 'spkatt-test:26748',
     'Die Debatte um eine Olympiakandidatur Münchens ist während der Olympischen Winterspiele 2006 in Turin neu entflammt.',
     [('Münchens', 'city', 48.14, 11.58, 30), ('Turin', 'city', 45.07, 7.69, 30)]),
    ('f3-091', 'spkatt-test:39628',
     'Demgegenüber sagte Vizeadmiral Charles Style laut news.at, die Soldaten seien bei der Kontrolle eines Handelsschiffes auf dem Grenzfluss Schatt el-Arab „in einen Hinterhalt gelockt worden“.',
     [('Schatt el-Arab', 'water', 30.4, 48.2, 100)]),
    ('f3-092', 'spkatt-test:20914',
     'Gestern fand im Schweizerischen Montreux die Auslosung der UEFA für die Ausscheidungsspiele der Fußball-Europameisterschaft 2008 statt.',
     [('Montreux', 'city', 46.43, 6.91, 30)]),
    ('f3-093', 'spkatt-test:12825',
     'Im Fall des für 10.000 Euro beim Onlineaktionshaus eBay angebotenen vier Monate alten Babys hat die Staatsanwaltschaft in Hannover weiter ermittelt.',
     [('Hannover', 'city', 52.37, 9.73, 30)]),
    ('f3-094', 'spkatt-test:75206',
     'Unter dem Motto „Aus Vororten werden Vorstädte“ bot die Veranstaltung mit 741 Besuchern am Sonnabend und Sonntag 16 Vorträge sowie zwölf Führungen und Erläuterungen ehrenamtliche Historiker und Autoren aus Dresden und Umgebung.',
     [('Dresden', 'city', 51.05, 13.74, 30)]),
    ('f3-095', 'spkatt-test:77285',
     'Von einem Scheitern der Gespräche wollte man von pakistanischer Seite nicht sprechen, sondern hofft auf die nächste Gesprächsrunde, die in Delhi stattfinden wird.',
     [('Delhi', 'city', 28.61, 77.21, 30)]),
    ('f3-096', 'spkatt-test:51722',
     'Der britische Automobilhersteller Nice Car Company hat erste Bilder seines Elektroautos „Ze-0“ veröffentlicht, das nächste Woche auf der „British Motor Show“ in London vorgestellt werden soll.',
     [('London', 'city', 51.51, -0.13, 30)]),
    ('f3-097', 'spkatt-test:46269',
     'Wenn am morgigen Samstag in ausgelassen-brasilianischer Feierlaune die Sektkorken fliegen, wird aus aller Welt der Blick in ein Architekturbüro von Rio De Janero gerichtet sein.',
     [('Rio De Janero', 'city', -22.91, -43.17, 30)]),
    ('f3-098', 'spkatt-test:1326',
     'Mitte November 2004 begannen die ersten Arbeiten am Umbau des Erlweinspeichers in Dresden.',
     [('Erlweinspeichers', 'facility', 51.054, 13.734, 35), ('Dresden', 'city', 51.05, 13.74, 30)]),
    ('f3-099', 'spkatt-test:4927',
     'In der Jungsteinzeit zwischen etwa 2500 und 2400 vor Christus hat ein Mann gelebt, dessen Skelett im Oktober 2004 in Altdorf bei Landshut entdeckt wurde.',
     [('Altdorf', 'city', 48.56, 12.11, 30), ('Landshut', 'city', 48.54, 12.15, 30)]),
    ('f3-100', 'spkatt-test:54074',
     'Wegen Mordes an einem Postbeamten vor 31 Jahren mussten sich drei Männer im Alter von inzwischen 58, 60 und 65 Jahren vor dem Landgericht in Osnabrück verantworten.',
     [('Osnabrück', 'city', 52.28, 8.05, 30)]),
    ('f3-101', 'spkatt-test:67356',
     'Der oberste Mönch des tibetischen Buddhismus, der Dalai Lama, ist besorgt um die Wasserreserven Indiens, die aus den Gletschern des tibetischen Hochlandes gespeist werden.',
     [('Indiens', 'country', 22.0, 79.0, 1500)]),
    ('f3-102', 'smartdata:http://www.shz.de/nachrichten/deutschland-welt/tornado-tote-und-waermerekorde-wetterchaos-in-den-usa-id12301756.html@2016-03-11T02:15:12.803+01:00',
     'Bereits am ersten Weihnachtstag hatten schwere Stürme in den drei südlichen Staaten Mississippi, Tennessee und Arkansas 17 Menschen in den Tod gerissen.',
     [('Mississippi', 'region', 32.7, -89.7, 300), ('Tennessee', 'region', 35.8, -86.3, 350), ('Arkansas', 'region', 34.9, -92.4, 300)]),
    ('f3-103', 'smartdata:http://www.bz-berlin.de/berlin/reinickendorf/tegel-s-bahn-erfasst-frau-verkehr-der-s25-unterbrochen@2016-03-10T13:53:32.033+01:00',
     'Eine verletzte 23-jährige Frau ist am Gleisbett der S-Bahn zwischen den Bahnhöfen Tegel und Heiligensee gefunden worden.',
     [('Tegel', 'facility', 52.588, 13.289, 35), ('Heiligensee', 'facility', 52.625, 13.23, 35)]),
    ('f3-104', 'smartdata:http://www.n-tv.de/wirtschaft/Ein-Lehrstueck-namens-Vulkan-Werft-article17005436.html@2016-02-21T08:47:55.000+01:00',
     'Wütende Arbeiter demonstrieren an Nord- und Ostsee, später langwierige Prozesse und Untersuchungsausschüsse: Eine der größten deutschen Wirtschaftspleiten nimmt ihren Lauf, als die Bremer Vulkan Verbund AG am 21.',
     [('Ostsee', 'water', 58.0, 20.0, 700)]),
    ('f3-105', 'smartdata:http://www.blick.ch/news/wirtschaft/bahnen-walliser-bahnunternehmen-bvz-profitiert-vom-matterhorn-jubilaeum-id4808874.html@2016-03-16T09:27:51.000+01:00',
     'Neben den Feierlichkeiten zur Erstbesteigung des Matterhorns hätten das gute Wetter und die erhöhte Nachfrage von Touristen aus Übersee das Ergebnis nach oben getrieben.',
     [('Matterhorns', 'mountain', 45.976, 7.658, 30)]),
    ('f3-106', 'smartdata:http://www.merkur.de/lokales/region-miesbach/miesbach/sturm-niels-sorgt-streckensperrungen-verspaetungen-meridian-5918179.html?cmp=defrss@2016-03-11T02:17:11.012+01:00',
     'Bei der BOB enden seit etwa 8 Uhr alle Züge in Schliersee.',
     [('Schliersee', 'city', 47.74, 11.86, 30)]),
    ('f3-107', 'smartdata:http://www.radiohamburg.de/Nachrichten/Hamburg-aktuell/Hamburg-regional/2016/Februar/Containerschiff-Indian-Ocean-ist-wieder-frei@2016-02-09T09:10:50.000+01:00',
     'Dazu kam der kräftige südwestliche Wind über der Nordsee.',
     [('Nordsee', 'water', 55.5, 3.5, 500)]),
    ('f3-108', 'smartdata:http://derstandard.at/2000028343311/Nach-Sturm-in-der-Nordsee-Oelplattformen-wieder-sicher?ref=rss@2016-03-10T15:44:54.748+01:00',
     'Nach Sturm in der Nordsee: Ölplattformen wieder sicher',
     [('Nordsee', 'water', 55.5, 3.5, 500)]),
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
    for path in (WIKINEWS / "test_blind_texts").glob("*.json"):
        source = "spkatt-test:" + path.name.split(" ", 1)[0]
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
        frozen = sorted(random.Random(2047).sample(ids, len(ids) // 2))
        FROZEN.write_text("\n".join(frozen) + "\n", encoding="utf-8")
        print(f"{len(frozen)} frozen ids -> {FROZEN}")


if __name__ == "__main__":
    main()
