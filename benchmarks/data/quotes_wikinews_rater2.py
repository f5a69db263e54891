"""A second, independent annotation of part of the Wikinews quote set (issue 22), to measure
how far its gold agrees with a second reader (`quotes_wikinews_agreement.py`).

    python3 benchmarks/data/quotes_wikinews_rater2.py --write   # rewrites quotes_wikinews_rater2.jsonl
    python3 benchmarks/data/quotes_wikinews_rater2.py --check

Same scheme and span convention as `quotes_wikinews.py` (see `quotes_ANNOTATION.md`): spans are
written as exact text and located in the sample's `text`, the n-th occurrence when given.

`blind` marks whether the second rater annotated an article without having seen the first
rater's spans: the first rater's `SPEC` sits in the loader `quotes_wikinews.py`, and reading that
loader showed the second rater the first rater's spans of every article except wikinews-9379,
-71869, -77285, -64021, -39628 and -62091 (which a cut in the display hid). Only the blind
articles give an agreement figure; the others are a second reading that had the gold in view.
"""
from __future__ import annotations

import argparse
import json

from quotes_wikinews import HERE, locate, sample

OUT = HERE / "quotes_wikinews_rater2.jsonl"
D, I = "direct", "indirect"

# Annotated without having seen the first rater's spans of these articles.
BLIND = {
    "wikinews-9379": [
        ("Die Maschine russischer Bauart rollte nach Behördenangaben leer über das Rollfeld", I, ["Behördenangaben", "Behörden"]),
        ("die Bremsen des Flugzeugs hätten bei der Landung versagt", I, ["Petra", "Nachrichtenagentur"]),
        ("Es gäbe keine Informationen zu möglichen Opfern", I, ["Petra", "Nachrichtenagentur"]),
        ("Nach dessen Angaben gab es keine Verletzten und der Unfall sei nicht bei der Landung passiert", I, ["Vertreter"]),
        ("Vielmehr sei das Flugzeug in einer Geisterfahrt über das Rollfeld gefahren", I, ["Vertreter"]),
        ("Grund wäre ein eventueller Defekt eines der vorderen Reifen", I, ["Vertreter"]),
        ("Als Ursache wäre möglich, dass die Crew das Flugzeug vor dem Verlassen nur ungenügend abgesichert hat", I, ["Vertreter"]),
    ],
    "wikinews-71869": [
        ("dass Taxis nicht älter als acht Jahre sein dürfen", I, ["Regelung"]),
    ],
    "wikinews-77285": [
        ("dass der Bau von fünf Wasserkraftwerken im indischen Bundesstaat Jammu und Kashmir seine im Indus-Wasservertrag zugesicherten Wasserrechte verletzt", I, ["Pakistan"]),
        ("Nach Angaben der pakistanischen Delegation hat man seine Sicht der Dinge vorgetragen, die Indien zur Kenntnis genommen hat und überdenken möchte", I, ["Delegation"]),
        ("Sollte jedoch keine Einigung am Verhandlungstisch zu erzielen sein, wolle man den Internationalen Gerichtshof anrufen", I, ["Mirza Asif Baig", "Leiter"]),
    ],
    "wikinews-64021": [
        ("sie werde sich nicht an den am 7. September anstehenden Wahlen in Myanmar beteiligen", I, ["Aung San Suu Kyi", "Suu Kyi", "Friedensnobelpreisträgerin", "Politikerin"]),
        ("Nach Ansicht ihrer Unterstützer handelte es sich bei dem Strafverfahren um einen politischen Prozess und mithin um Unrecht", I, ["Unterstützer"]),
        ("dass die Wahl lediglich dazu beitragen soll, das Ansehen der Regierung im Ausland aufzupolieren, um Investoren ins Land zu locken", I, None),
        ("Außerdem werden die entscheidenden Funktionen in der Regierung laut Verfassung vom Militär und nicht etwa vom Parlament besetzt", I, ["Verfassung"]),
        ("dass die Weigerung Suu Kyis, sich an der Wahl zu beteiligen, von vielen ihrer politischen Anhänger als Boykottaufruf aufgefasst wird", I, ["Beobachter"]),
    ],
    "wikinews-39628": [
        ("dass es solange keine Gespräche mehr zwischen den beiden Ländern geben werde, bis die Krise gelöst sei", I, ["Margaret Beckett", "Außenministerin"]),
        ("die britischen Soldaten hätten eine Territorialverletzung begangen und sich im iranischen Hoheitsgebiet befunden", I, ["Iran"]),
        ("Der Abstand zur Grenze hätte demnach 1,7 Seemeilen, (3,1 KM) betragen", I, ["Verteidigungsministerium", "GPS-Positionsdaten"]),
        ("die Soldaten seien bei der Kontrolle eines Handelsschiffes auf dem Grenzfluss Schatt el-Arab „in einen Hinterhalt gelockt worden“", I, ["Charles Style", "Vizeadmiral"]),
        ("Laut der russischen Militäraufklärung bereiten die Vereinigten Staaten einen Luft- und Bodeneinsatz gegen den Iran vor", I, ["Militäraufklärung"]),
        ("Laut einer Reuters-Meldung gibt sich der Iran aber betont gelassen", I, ["Reuters"]),
        ("Demnach blendete das staatliche iranische Fernsehen ein Laufband in das laufende Fernsehprogramm ein", I, ["Reuters"]),
        ("Iran: Keine Besorgnis wegen der Kriegsspiele des Pentagon im Persischen Golf.", D, ["Fernsehen", "Laufband"]),
        ("Entweder die Briten gingen das Risiko eines Grenzzwischenfalls mit dem Iran bewusst ein oder man versuchte, einen militärischen Zwischenfall unter allen Umständen zu vermeiden.", D, ["Readers Edition"]),
    ],
    "wikinews-62091": [
        ("Der deutsche Bundesverkehrsminister Peter Ramsauer lehnt vorläufig staatliche Verkaufshilfen für Elektroautos ab", I, ["Peter Ramsauer", "Bundesverkehrsminister"]),
        ("das zurzeit noch nicht klar sei, welche Technologie sich durchsetze", I, ["Peter Ramsauer", "Bundesverkehrsminister"]),
        ("Von Kaufprämien halte ich nichts", D, ["Peter Ramsauer", "Bundesverkehrsminister"]),
        ("In dieser Phase solle der Staat noch keine Regulierung durchführen", I, ["Peter Ramsauer", "Bundesverkehrsminister"]),
        ("Außerdem habe in Deutschland bisher niemand ein ausgereiftes und preislich wettbewerbsfähiges Serienprodukt entwickelt", I, ["Peter Ramsauer", "Bundesverkehrsminister"]),
    ],
}

# The first 12 ids of quotes_wikinews_ids.txt: annotated from the texts, but after the first
# rater's spans of these articles had been in view (see the module docstring).
SEEN: dict[str, list] = {
    "wikinews-27244": [],
    "wikinews-57479": [
        ("steckt die PH Heidelberg in erheblichen finanziellen Krisen", I, ["Rundschreiben", "Wolfgang Goil", "Kanzler"]),
        ("Demnach muss jede Ausgabe über 100 Euro eigens genehmigt werden, freie und freiwerdende Stellen dürfen nicht mehr besetzt werden und auch jegliche Materialsammlung ist untersagt", I, ["Schreiben", "Wolfgang Goil", "Kanzler"]),
        ("Rund 43 Prozent, so der Kanzler, der Studenten an der PH würden keine Studiengebühren mehr bezahlen – bis zum Stichtag seien über 1.100 diesbezügliche Anträge eingegangen, was Mindereinnahmen von 1,15 Millionen Euro pro Haushaltsjahr gegenüber einem Gesamtetat von 14,7 Millionen Euro entspräche", I, ["Wolfgang Goil", "Kanzler"]),
        ("dass die Ursache für diese Probleme in der Hochschule zu suchen seien", I, ["Joachim Laun", "Sprecher"]),
        ("Die PH Heidelberg habe sich nicht auf die Neuregelung eingestellt, deren Eintreten schon vorher bekannt war, und habe demnach Missplanung betrieben", I, ["Joachim Laun", "Sprecher"]),
        ("Immerhin sei die PH Heidelberg bislang die einzige Hochschule in Baden-Württemberg, die nach Inkrafttreten der Geschwisterregelung derartige Finanzprobleme habe", I, ["Joachim Laun", "Sprecher"]),
        ("Dass die Studiengebühren darüber hinaus dazu dienten, den Haushalt der Hochschule zu stabilisieren", I, ["Wolfgang Goil", "Kanzler"]),
        ("dass mit Studiengebühren einzig und allein Verbesserungen im Lehrbetrieb finanziert werden dürfen, nicht jedoch alltägliche Ausgaben", I, ["Hochschulgebührenverordnung", "Wissenschaftsministerium"]),
        ("Im kommenden Wintersemester würden die Einsparungen spürbar werden", I, None),
        ("Zwar bleibe der reguläre Lehrbetrieb erhalten, und auch müsse keine Fachrichtung geschlossen werden, jedoch werde bei allem, was nicht dem gesetzlichen Lehrerausbildungsauftrag der Hochschule entspreche, eingespart werden", I, None),
        ("Das betreffe vor allem die Anschaffung von Materialien und die Einrichtung von Werkstätten", I, None),
        ("das Haushaltsloch übersteige die 1,15 Millionen Euro aus Mindereinnahmen durch die Geschwisterregelung", I, ["Mitarbeiter", "Studenten"]),
        ("ob ein ordentliches Studium innerhalb der Regelstudienzeit dann überhaupt noch möglich sei", I, ["Mitarbeiter", "Studenten"]),
        ("Ob ein Studium in der Regelstudienzeit nun noch unwahrscheinlicher wird, ist die berechtigte Frage.", D, ["Ireen Harlaß", "Studentin"]),
    ],
    "wikinews-72779": [
        ("Zu dieser Demonstration kamen laut Polizei gut 20.000 Personen", I, ["Polizei"]),
        ("was laut einer Pressemitteilung der Polizei auf deren massive Präsenz zurückzuführen gewesen sei", I, ["Polizei", "Pressemitteilung"]),
        ("Versuchen einer Eskalation", D, ["Ermittlungsausschuss"]),
        ("völlig übertriebenen Präventivmaßnahmen seitens Stadt und Polizei", D, ["Ermittlungsausschuss"]),
        ("Auch die Veranstaltungen, die trotz Verbot an den Vortagen stattfanden, verliefen nach Angaben der Polizei überwiegend friedlich", I, ["Polizei"]),
        ("Insgesamt wurden dabei 1.430 Personen in Gewahrsam genommen", I, ["Ermittlungsausschuss"]),
        ("Außerdem habe es auf Seiten der Demonstranten mehrere Verletzte gegeben", I, ["Ermittlungsausschuss"]),
    ],
    "wikinews-8915": [
        ("er halte es für richtig, wenn jetzt alle Länder von dem gefassten Plan wieder abrückten", I, ["Hans Zehetmair", "Vorsitzende"]),
        ("von dem Beschluss der Kultusministerkonferenz nicht abzurücken", I, ["Klaus Wowereit", "Bürgermeister"]),
        ("ein Stück aus dem Tollhaus", D, ["Edelgard Bulmahn", "Bundesbildungsministerin"]),
    ],
    "wikinews-11014": [],
    "wikinews-51722": [
        ("Ab Herbst wird das Auto – so sagte der Mitbegründer der Nice Car Company, Julian Wilfordin – in Großbritannien verkauft, ab 2009 dann im übrigen Europa", I, ["Julian Wilfordin", "Mitbegründer"]),
    ],
    "wikinews-46376": [],
    "wikinews-45193": [
        ("dass sie mit dem „Hot Button“ live in die Sendung geschaltet werden", I, ["Moderatorinnen", "Moderatoren"]),
        ("dass dieses reine Zufallsprinzip gar nicht existiere, da der Computer auch die Anzahl der Anrufer berücksichtige", I, None),
        ("dass beim „Hot-Button-Prinzip“ in dem Sinne manipuliert wird, dass das Gewinnspiel erst aufgelöst wird, wenn die Anzahl der Anrufer aus Sicht des Senders ausreichend erscheint", I, None),
        ("Ein Zuschauer namens „Trost“ hat nach eigenen Angaben mehrmals angerufen, um seine Lösung durchzugeben", I, ["Trost", "Zuschauer"]),
        ("dass 9Live den Lösungsweg nicht bekannt gibt, die Spielregeln von Spiel zu Spiel verändert", I, ["Ulrich Geiger"]),
        ("warum die Spiele so intransparent seien und wieso die Lösungswege geheim gehalten würden", I, ["plusminus", "ARD-Sendung", "Magazin"]),
        ("Demnach sollen die Spiele anspruchsvoll und knifflig sein; schließlich sei man ein Quizsender", I, ["Stellungnahme", "Sender"]),
        ("dass es bei 9Live mit rechten Dingen zugeht, und wer lange genug zuschaue, verstehe irgendwann die Regeln", I, ["BLM", "Landeszentrale"]),
        ("dass die Lösung fast immer leicht ist", I, ["Moderatoren"]),
        ("fünfmal an eine bestimmte Person einen Gewinn vergeben und so den Sender um 39.000 Euro betrogen zu haben", I, None),
        ("dass der mitangeklagte Strohmann nicht angerufen, aber trotzdem gewonnen habe", I, ["9Live-Mitarbeiterin", "Mitarbeiterin"]),
        ("Wenn ich bei 9Live während eines Hot-Button Spiels anrufe, wovon hängt es ab, wann er zuschlägt?", D, None),
        ("Der Redakteur entscheidet, wann der Hot-Button zuschlägt.", D, ["Insider"]),
    ],
    "wikinews-63051": [
        ("die Rechnungen wegen Ausführungsmängeln gekürzt zu haben", I, ["Opfer"]),
        ("grenzwertig", D, ["Richter"]),
        ("Halbwissen", D, ["Experten"]),
    ],
    "wikinews-29410": [
        ("nicht an die Adria in den Ort Tivat fliegen zu wollen", I, ["Pilot"]),
    ],
    "wikinews-67548": [
        ("Basciano habe, so Massino, damals geprahlt, den abtrünnigen Randolph Pizzolo ermordet zu haben", I, ["Joseph Massino", "Massino"]),
        ("mit zwölf habe er Brieftauben gestohlen, in den sechziger Jahren habe er sich mit Schutzgelderpressung, Überfällen und schließlich mit Mord beschäftigt", I, ["Joseph Massino", "Massino"]),
        ("Schnell sei er an die Spitze der Hierarchie des mehrere hundert Mitglieder umfassenden Bonanno-Clans gelangt", I, ["Joseph Massino", "Massino"]),
        ("Man redet nie in einem Club, in einem Auto, über Handy oder Telefon. Man redet nie in einem Haus, ich selbst habe meine wichtigen Besprechungen oft in einem begehbaren Kühlschrank durchgeführt oder auf Spaziergängen.", D, ["Joseph Massino", "Massino"]),
        ("Er selbst habe die Treffen von Clan-Mitgliedern in Clubs abgeschafft", I, ["Joseph Massino", "Massino"]),
        ("Viel zu einfach hätte das FBI diese überwachen können", I, ["Joseph Massino", "Massino"]),
        ("Sein Mandant habe damals behauptet, den Mord begangen zu haben, um einen Freund zu schützen", I, ["Anwalt"]),
        ("Never open your mouth, unless you’ re in the dentist ’s chair.", D, ["Sammy Gravano", "Angehöriger"]),
        ("Öffne nie deinen Mund, außer du sitzt im Zahnarztstuhl.", D, ["Sammy Gravano", "Angehöriger"]),
    ],
    "wikinews-70345": [
        ("Der Tipp sei von einem Zuschauer der Sendung gekommen", I, ["Alfred Hettmer"]),
    ],
}


def build() -> list[dict]:
    """The second rater's records, spans located as in `quotes_wikinews.build`."""
    records = {r["id"]: r for r in sample()}
    out = []
    for blind, spec in ((True, BLIND), (False, SEEN)):
        for doc_id, entries in spec.items():
            out.append({"id": doc_id, "blind": blind, "quotes": locate(doc_id, records[doc_id]["text"], entries)})
    return out


def check(path=OUT) -> int:
    """Every span equals text[start:end]; returns the number of quotes checked."""
    texts = {r["id"]: r["text"] for r in sample()}
    n = 0
    for line in path.read_text(encoding="utf-8").splitlines():
        doc = json.loads(line)
        for q in doc["quotes"]:
            assert texts[doc["id"]][q["start"]:q["end"]] == q["text"], (doc["id"], q)
            assert q["kind"] in (D, I) and (q["speaker"] is None or q["speaker"]), (doc["id"], q)
            n += 1
    return n


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write", action="store_true")
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args()
    if args.write:
        OUT.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in build()), encoding="utf-8")
    if args.check:
        print(f"{check()} quotes: every span matches its text")


if __name__ == "__main__":
    main()
