"""Build `places_fresh.jsonl`: a second, small untouched check for issue 20, annotated on
2026-12-04 before the system was run on these texts.

Texts: SpkAtt-2023 `train/` documents (German Wikinews, CC BY 2.5) that neither `places_issue20.py`
cites nor were among the first 250 unused documents (in file-name order) the places stage was run
over during that round; of the remaining 308, the sentences holding a generic word of the issue's
kinds (Provinz, Insel, Fluss, Meer, Berg, Flughafen, Bundesstaat, Region, Bezirk, Hafen, Küste,
Bucht, Landkreis, Kanton, ...), shuffled with random.Random(2012); every place mention of a
sentence annotated by the rules of `places_ANNOTATION.md` (section "issue 20"), sentences without
one left out. Coordinates from the annotator's knowledge, not from the gazetteer or the system.
The whole set is a frozen part: `benchmarks/places.py --set fresh` never lists its errors.

    .venv/bin/python benchmarks/data/places_fresh.py   # rewrites places_fresh.jsonl
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
OUT = HERE / "places_fresh.jsonl"
CITY, FACILITY = 30, 35

# id, Wikinews id, excerpt (one sentence, verbatim), mentions in text order: (surface, kind, lat, lon, radius_km)
SPEC = [
    ("fr-01", "5014", "Das 335 Meter lange und 43 Meter breite Schiff wurde von zwei Schleppern vor der Köhlbrandbrücke begrüßt und in den Hamburger Hafen begleitet.",
     [("Köhlbrandbrücke", "facility", 53.53, 9.93, FACILITY), ("Hamburger Hafen", "facility", 53.54, 9.97, FACILITY)]),
    ("fr-02", "72118", "Ein „außerordentlicher Sieg“, so urteilte Romney selbst über seinen Erfolg in dem Bundesstaat im Mittleren Westen.",
     [("Mittleren Westen", "region", 41.5, -90.0, 1000)]),
    ("fr-03", "71448", "Der Verkehr war stark behindert, so wurde der Hafen in Varna geschlossen.",
     [("Varna", "city", 43.21, 27.91, CITY)]),
    ("fr-04", "81799", "Nachdem das Ermittlungsverfahren an die Öffentlichkeit geraten war, zog Ertel seine Kandidatur für den Posten eines Beigeordneten im Landkreis Bad Dürkheim zurück.",
     [("Bad Dürkheim", "region", 49.46, 8.10, 35)]),
    ("fr-05", "60475", "Auf der Karibikinsel Hispaniola werden nach dem schwersten Erdbeben in der Region seit über 200 Jahren, das sich am Dienstagnachmittag ereignete, tausende Tote befürchtet.",
     [("Hispaniola", "island", 19.0, -71.0, 350)]),
    ("fr-06", "5114", "Der Papst-Golf, den ein 21-Jähriger aus Olpe bei eBay zum Kauf angeboten hat, steht derzeit bei einem Angebot von 62.595,00 Euro.",
     [("Olpe", "city", 51.03, 7.85, CITY)]),
    ("fr-07", "77549", "Am Montagmorgen hatte die Polizei unter friedlicher Beobachtung durch die Wahlrechtsreformgegner eine Blockade im Bezirk Mong Kok soweit geräumt, dass eine Straßenkreuzung wieder befahrbar wurde.",
     [("Mong Kok", "city", 22.32, 114.17, CITY)]),
    ("fr-08", "9907", "Der Pilot landete daraufhin auf einem Flughafen in der nordenglischen Stadt Leeds.",
     [("Leeds", "city", 53.80, -1.55, CITY)]),
    ("fr-09", "82834", "Ab sofort kann das Bundesamt für Bevölkerungsschutz und Katastrophenhilfe (BBK) erstmalig in ganz Deutschland per Mobilfunk warnen, wobei je nach Region eines der Mobiltelefonprogramme NINA oder KATWARN verwendet wird.",
     [("Deutschland", "country", 51.2, 10.4, 500)]),
    ("fr-10", "73758", "Afghanischen Behörden zufolge wurden am vergangenen Sonntag 17 Teilnehmer einer Feier, die in der südlichen Provinz Helmand im Bezirk Kajaki stattfand, von den Taliban enthauptet.",
     [("Helmand", "region", 31.0, 64.0, 250), ("Kajaki", "region", 32.3, 65.1, 40)]),
    ("fr-11", "61951", "Er kam vom australischen Hafen Gladstone, wo er Kohle geladen hatte, und war auf dem Weg nach China.",
     [("Hafen Gladstone", "facility", -23.84, 151.25, FACILITY), ("China", "country", 35.0, 103.0, 2500)]),
    ("fr-12", "50033", "Spezialeinheiten der italienischen Polizei führten am Freitag in der Reggio Calabria, der „Stiefelspitze“ in Italiens Süden, eine groß angelegte Polizeiaktion gegen die’ Ndrangheta durch.’ Ndrangheta ist der Name des Mafiaclans in dieser Region.",
     [("Reggio Calabria", "region", 38.25, 16.0, 70), ("Italiens", "country", 42.8, 12.5, 700)]),
    ("fr-13", "68811", "Das Gebiet um die Leipziger Straße zwischen altem Hafen an der Elbe und dem Leipziger Bahnhof ist bereits seit längerem für die Entwicklung eines neuen Wohn- und Gewerbestandortes vorgesehen.",
     [("Elbe", "water", 52.13, 11.63, 500), ("Leipziger Bahnhof", "facility", 51.07, 13.73, FACILITY)]),
    ("fr-14", "56533", "Ein außergewöhnlich intensiver tropischer Zyklon bedroht im nordöstlichen Teil Australiens den Bundesstaat Queensland.",
     [("Australiens", "country", -25.0, 134.0, 2000), ("Queensland", "region", -22.0, 144.0, 900)]),
    ("fr-15", "58846", "Damals hatte er die Korruption und Rückständigkeit in der nordjemenitischen Provinz Sa'da angeprangert.",
     [("Sa'da", "region", 16.95, 43.75, 100)]),
    ("fr-16", "61557", "Die Region Bütow in Mecklenburg-Vorpommern ist bislang das einzige Anbaugebiet, in dem bereits Versuchsfelder mit der Sorte Amflora bebaut werden.",
     [("Bütow", "region", 53.42, 12.55, CITY), ("Mecklenburg-Vorpommern", "region", 53.6, 12.7, 150)]),
    ("fr-17", "51314", "Die alte Frau wuchs als einziges Mädchen unter sechs Geschwistern in Landsberg an der Warthe in der ehemaligen preußischen Provinz Brandenburg auf.",
     [("Landsberg an der Warthe", "city", 52.73, 15.24, CITY), ("Brandenburg", "region", 52.5, 13.5, 200)]),
    ("fr-18", "56533", "Tony Auden, ein Sprecher des Zyklonwarnzentrums in Brisbane, wies darauf hin, dass sich „Larry“ vor dem Landfall abgeschwächt habe und „Hamish“ sich auf einer anderen Zugbahn entlang der Küste befinde.",
     [("Brisbane", "city", -27.47, 153.03, CITY)]),
    ("fr-19", "77549", "Im Bezirk Admirality, nahe am Verwaltungssitz Hongkongs, wo der Fokus der Proteste liegt, verlief der teilweise Abbau einer Barrikade durch die Polizei ohne Probleme.",
     [("Admirality", "city", 22.28, 114.165, CITY), ("Hongkongs", "region", 22.35, 114.15, 40)]),
    ("fr-20", "77549", "Leung, der am Montag auf einer Veranstaltung in der an Hongkong grenzenden Provinz Guandong war, sagte ohne auf die aktuelle Entwicklung direkt einzugehen, dass er hoffe, dass die Proteste ohne einen größeren „Konflikt“ zu Ende gehen würden.",
     [("Hongkong", "region", 22.35, 114.15, 40), ("Guandong", "region", 23.3, 113.5, 300)]),
    ("fr-21", "51314", "Sie gab mit über 90 Jahren ihre Wohnung auf und ging ins Altersheim Bezirk Kreuzberg.",
     [("Kreuzberg", "city", 52.50, 13.40, CITY)]),
    ("fr-22", "68296", "Hier treffen vor allem die Interessen der ganzjährig hier lebenden Ngok Dinka mit denen der Misseriya aufeinander, die als Nomaden in der Trockenzeit ihr Vieh in die Region treiben und darin von der Regierung in Khartum bestärkt werden.",
     [("Khartum", "city", 15.59, 32.53, CITY)]),
    ("fr-23", "56533", "Der Flugbetrieb auf dem Flughafen von Mackay wurde eingestellt.",
     [("Flughafen von Mackay", "facility", -21.17, 149.18, FACILITY)]),
]


def main() -> None:
    sys.path.insert(0, str(ROOT / "scripts"))
    sys.path.insert(0, str(HERE))
    from places_issue20 import build_record
    from wikinews import WIKINEWS, read_doc

    wanted = {wid for _, wid, _, _ in SPEC}
    docs = {}
    for path in (WIKINEWS / "train").glob("*.json"):
        wid = path.name.split(" ", 1)[0]
        if wid in wanted:
            docs[wid] = read_doc(path)
    records = []
    for rid, wid, excerpt, mentions in SPEC:
        if excerpt not in docs[wid].text:
            raise SystemExit(f"{rid}: excerpt not found verbatim in Wikinews {wid}")
        records.append({**build_record(rid, "spkatt:" + wid, excerpt, mentions, docs[wid].date)})
    OUT.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    print(f"{len(records)} excerpts, {sum(len(r['places']) for r in records)} mentions -> {OUT}")


if __name__ == "__main__":
    main()
