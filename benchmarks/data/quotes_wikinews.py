"""A fresh held-out quote check (issue 22): 40 German Wikinews articles of the demo sample.

    python3 benchmarks/data/quotes_wikinews.py --write-ids   # rewrites quotes_wikinews_ids.txt
    python3 benchmarks/data/quotes_wikinews.py --write       # rewrites quotes_wikinews.jsonl from SPEC
    python3 benchmarks/data/quotes_wikinews.py --check       # every span's text equals text[start:end]

Texts: `src/storyline/data/sample/wikinews_de.jsonl` (148 Wikinews articles, the SpkAtt-2023
blind test texts, CC BY 2.5; see ATTRIBUTION.md there). Nobody had annotated quotes on them.

Selection rule, fixed in code before any article was read: sort the 148 records by
int(sha1(record["id"].encode("utf-8")).hexdigest(), 16), ascending, and take the first 40 whose
`text` holds at least one quotation mark (one of „ “ ” " » «) or a speech word (`SPEECH` below:
sagte/sagten/sagt, erklärte/erklärten, betonte/betonten, berichtete/berichteten, meinte/meinten,
laut, zufolge, "teilte(n) … mit" within one sentence, or ", so " followed by a capitalised word).
The ids are in `quotes_wikinews_ids.txt`, committed before the annotation was written.

Gold: `quotes_wikinews.jsonl`, same scheme and fields as `quotes_smartdata.jsonl` (see
`quotes_ANNOTATION.md`), annotated by hand by reading the texts, before Storyline's quote code
was run on them. `benchmarks/quotes.py --part wikinews` scores it (aggregates only: a frozen part).
"""
from __future__ import annotations

import argparse
import hashlib
import json
import re
from pathlib import Path

HERE = Path(__file__).resolve().parent
SAMPLE = HERE.parents[1] / "src" / "storyline" / "data" / "sample" / "wikinews_de.jsonl"
IDS = HERE / "quotes_wikinews_ids.txt"
GOLD = HERE / "quotes_wikinews.jsonl"
COUNT = 40

QUOTE_MARKS = re.compile("[„“”\"»«]")
SPEECH = re.compile(r"\b(sagte|sagten|sagt|erklärte|erklärten|betonte|betonten|berichtete|berichteten|"
                    r"meinte|meinten|laut|zufolge)\b|\bteilten?\b[^.!?]*\bmit\b|, so [A-ZÄÖÜ]")


D, I = "direct", "indirect"

# Wikinews id -> quotes in text order: (exact span text, kind, speaker alternatives or None[, n-th occurrence]).
SPEC = {
    "wikinews-27244": [],
    "wikinews-57479": [
        ("steckt die PH Heidelberg in erheblichen finanziellen Krisen", I, ["Rundschreiben", "Wolfgang Goil", "Kanzler"]),
        ("Demnach muss jede Ausgabe über 100 Euro eigens genehmigt werden, freie und freiwerdende Stellen dürfen nicht mehr besetzt werden und auch jegliche Materialsammlung ist untersagt", I, ["Schreiben", "Kanzler", "Kanzlers", "Goil"]),
        ("Rund 43 Prozent, so der Kanzler, der Studenten an der PH würden keine Studiengebühren mehr bezahlen – bis zum Stichtag seien über 1.100 diesbezügliche Anträge eingegangen, was Mindereinnahmen von 1,15 Millionen Euro pro Haushaltsjahr gegenüber einem Gesamtetat von 14,7 Millionen Euro entspräche", I, ["Kanzler", "Goil"]),
        ("dass die Ursache für diese Probleme in der Hochschule zu suchen seien", I, ["Joachim Laun", "Sprecher"]),
        ("Die PH Heidelberg habe sich nicht auf die Neuregelung eingestellt, deren Eintreten schon vorher bekannt war, und habe demnach Missplanung betrieben", I, ["Joachim Laun", "Sprecher"]),
        ("Immerhin sei die PH Heidelberg bislang die einzige Hochschule in Baden-Württemberg, die nach Inkrafttreten der Geschwisterregelung derartige Finanzprobleme habe", I, ["Joachim Laun", "Sprecher"]),
        ("Dass die Studiengebühren darüber hinaus dazu dienten, den Haushalt der Hochschule zu stabilisieren", I, ["Kanzler", "Goil"]),
        ("dass mit Studiengebühren einzig und allein Verbesserungen im Lehrbetrieb finanziert werden dürfen, nicht jedoch alltägliche Ausgaben", I, ["Wissenschaftsministerium"]),
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
        ("er halte es für richtig, wenn jetzt alle Länder von dem gefassten Plan wieder abrückten", I, ["Hans Zehetmair", "Vorsitzende", "Vorsitzenden"]),
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
        ("warum die Spiele so intransparent seien und wieso die Lösungswege geheim gehalten würden", I, ["plusminus", "ARD-Sendung"]),
        ("Demnach sollen die Spiele anspruchsvoll und knifflig sein; schließlich sei man ein Quizsender", I, ["Stellungnahme", "Sender"]),
        ("dass es bei 9Live mit rechten Dingen zugeht, und wer lange genug zuschaue, verstehe irgendwann die Regeln", I, ["BLM"]),
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
        ("Basciano habe, so Massino, damals geprahlt, den abtrünnigen Randolph Pizzolo ermordet zu haben", I, ["Massino"]),
        ("mit zwölf habe er Brieftauben gestohlen, in den sechziger Jahren habe er sich mit Schutzgelderpressung, Überfällen und schließlich mit Mord beschäftigt", I, ["Massino"]),
        ("Schnell sei er an die Spitze der Hierarchie des mehrere hundert Mitglieder umfassenden Bonanno-Clans gelangt", I, ["Massino"]),
        ("Man redet nie in einem Club, in einem Auto, über Handy oder Telefon. Man redet nie in einem Haus, ich selbst habe meine wichtigen Besprechungen oft in einem begehbaren Kühlschrank durchgeführt oder auf Spaziergängen.", D, ["Massino"]),
        ("Er selbst habe die Treffen von Clan-Mitgliedern in Clubs abgeschafft", I, ["Massino"]),
        ("Viel zu einfach hätte das FBI diese überwachen können", I, ["Massino"]),
        ("Sein Mandant habe damals behauptet, den Mord begangen zu haben, um einen Freund zu schützen", I, ["Anwalt"]),
        ("Never open your mouth, unless you’ re in the dentist ’s chair.", D, ["Sammy Gravano"]),
        ("Öffne nie deinen Mund, außer du sitzt im Zahnarztstuhl.", D, ["Sammy Gravano"]),
    ],
    "wikinews-70345": [
        ("Der Tipp sei von einem Zuschauer der Sendung gekommen", I, ["Alfred Hettmer"]),
    ],
    "wikinews-72180": [
        ("Nach den Berechnungen der Associated Post führt im Rennen um die republikanische Kandidatur für das Amt des US-Präsidenten weiterhin Mitt Romney, der ehemalige Gouverneur Massachusetts′", I, ["Associated Post"]),
        ("Wenn wir den 26. Juni haben und Gouverneur Romney über keine Mehrheit verfügt, dann denke ich, werden wir eine der interessantesten offenen Parteitage in der amerikanischen Geschichte haben", D, ["Gingrich"]),
        ("er ist der schlechteste Kandidat gegen Barack Obama beim wichtigsten Tagesproblem.", D, ["Santorum"]),
        ("Dies ist das wichtigste Problem in diesem Wahlkampf. Es gibt einen Kandidaten, der eindeutig unqualifiziert ist, das zu seiner Sache zu machen. Das ist der Grund, warum ich hier bin und er nicht.", D, ["Santorum"]),
        ("den schlechtesten Republikaner im Land", D, ["Santorum"]),
        ("ob er als Vizepräsidentschaftskandidat unter Mitt Romney um das Weiße Haus kämpfen wolle", I, None),
        ("natürlich", D, ["Santorum"]),
        ("Würdet ihr Jungs aufhören, das zu verdrehen, was ich sage? Hört auf, unsere Worte zu verdrehen. So wie ich es sehe, ist das Bockmist. Kommt, Leute. Was soll das eigentlich?", D, ["Santorum"]),
        ("Es tut mir nicht leid, was ich dem New-York-Times-Reporter angekreidet habe, der sich schlecht benommen hat. Wenn man ein Konservativer ist und nicht einem New-York-Times-Reporter etwas ankreidet, dann ist man nicht sein Salz wert, soweit es mich betrifft.", D, ["Santorum"]),
        ("Ich glaube, es ist höchste Zeit, dass die Konservativen die Courage finden, die Medien bloßzustellen als das, was sie sind: diejenigen, die Obamas liberale Agenda verteidigen und ermöglichen.", D, ["Santorum"]),
        ("Es war gut und es war stark und es war Zeit, weil wie er sagt, genug ist genug des Wendens der konservativen Aussagen durch die liberalen Medien", D, ["Sarah Palin", "Gouverneurin"]),
        ("Mitt Romney zu unterstützen", I, ["Superdelegierten", "Superdelegierte"]),
        ("Nach einer Bestandsaufnahme von CNN sind 117 Superdelegierte nicht an ein Vorwahlergebnis gebunden", I, ["CNN"]),
        ("Es ist nicht so, dass die Ergebnisse mir einen Anhaltspunkt gegeben hätten, wie die Dinge stehen", D, ["Joe Nosef", "Vorsitzende"]),
        ("dass seit der Amtseinführung von Barack Obama die Zahl der Angestellten der US-Bundesregierung um 140.000 gestiegen sei", I, ["Romney"]),
        ("Nicht nur, dass wir diese bezahlen müssen, aber die müssen jeden Tag auch etwas tun, weswegen sie nach Dingen suchen, die sie tun können, an Punkten, an denen sie stören können,", D, ["Romney"]),
        ("die nach seiner Auffassung Arzneimittel und medizinische Geräte viel langsamer genehmige als es in Europa üblich sei", I, ["Romney"]),
        ("Gouverneur Romneys neueste Kommentare über Angestellte der Bundesbehörden geben zur Sorge Anlass. Jemanden, der vielleicht bald der Präsident der Vereinigten Staaten werden könnte, ein solches Fehlverständnis von der schwierigen Aufgabe auszudrücken, die die Angestellten der Bundesbehörden für das Wohl unserer Nation spielen, ist zutiefst störend", D, ["William R. Dougan", "Vorsitzende"]),
        ("Diese Aussagen seien erniedrigend und völlig wirklichkeitsfern", I, ["William R. Dougan", "Vorsitzende"]),
        ("Die Angestellten der Bundesregierung seien mit Aufgaben der Landesverteidigung, der Sorge um Kriegsveteranen, der Inspektion von Lebensmitteln und Medikamenten, der Grenzüberwachung und vielen anderen wichtigen Aufgaben betraut", I, ["William R. Dougan", "Vorsitzende"]),
        ("Das nächste Mal, wenn Gouverneur Romney in eine Stadt fliegt und zu einer Station seines Wahlkampfes fährt, sollte er den Fluglotsen danken, die seinen Flug flüssig machen, die Bearbeiter der Subventionen, die die Finanzmittel verteilen, dank derer jene Straßen geteert werden und die Abteilung des Secret Service, die rund um die Uhr sein Recht schützen, seine Meinung zu äußern. Und wenn er das tut, sollte er wissen, dass er zwar das Recht auf eine eigene Meinung zu Bundesangestellten hat, nicht aber auf seine eigene Wirklichkeit.", D, ["William R. Dougan", "Vorsitzende"]),
    ],
    "wikinews-67356": [
        ("bei den tibetischen Gletschern habe ein Prozess schneller Schmelze begonnen", I, ["Dalai Lama"]),
        ("denen zufolge sich die tibetischen Gletscher schneller zurückzögen als irgendwo sonst auf der Erde", I, ["Experten"]),
    ],
    "wikinews-6745": [],
    "wikinews-84324": [
        ("die äthiopischen Grenzen verletzt zu haben, die sich angeblich an äthiopischen Grenzmilizen rächten, die sudanesische Bauern angegriffen haben sollen", I, ["Dina Mufti", "Sprecher"]),
        ("dass sie sich innerhalb der sudanesischen Grenzgebiete bewegen", I, ["Omar Qamar al-Din", "Außenminister"]),
        ("Der Sudan wolle keinen Krieg, solange seine Grenzen nicht verletzt würden", I, ["Omar Qamar al-Din", "Außenminister"]),
        ("Am 15. Dezember wurden die sudanesischen Streitkräfte nach eigenen Angaben von äthiopischen Milizen in einen Hinterhalt gelockt, als sie das Gebiet des Mount Abutiour durchkämmten", I, ["Streitkräfte"]),
        ("Die Grenze zwischen dem Sudan und Äthiopien, auf die sich die beiden Regierungen geeinigt haben, wird sein: die Linie, die auf der Karte, die diesem Vertrag in zweifacher Ausfertigung beigefügt ist, rot eingezeichnet ist und von Kher Um Hagar nach Gallabat, zum Blauen Nil, Baro, Pibor und Akobo-Fluss nach Melile und von dort zum Schnittpunkt des 6. nördlichen Breitengrades mit dem 35. Längengrad östlich von Greenwich verläuft.", D, ["Abkommen"]),
        ("dass al-Fashqa eine sudanesische Region sei", I, ["Demeke Mekonnen", "Premierminister"]),
        ("dass der Sudan durch seinen Konflikt mit Äthiopien auf einen Stellvertreterkrieg seitens Ägyptens zusteuern könnte", I, None),
        ("Der aktuelle ägyptische Versuch eines Stellvertreterkrieges gegen Äthiopien durch die sudanesische Invasion erinnert uns an den ähnlichen Stellvertreterkrieg von 1974 durch Siad Barre in Somalia. Erstaunlicherweise hat die TPLF bei beiden Versuchen eines Stellvertreterkrieges als Hauptagent für Ägypten gedient.", D, ["Suleiman Dedefo", "Botschafter"]),
        ("Al-Fashqa ist sudanesisch, und wir fordern die äthiopische Seite auf, sich von zwei Grenzpunkten zurückzuziehen.", D, ["Muhammad al-Faki Suleiman", "Mitglied"]),
        ("Wir führen diesen Krieg nicht im Auftrag von irgendjemandem, und das sind reine Lügen.", D, ["Muhammad al-Faki Suleiman", "Mitglied"]),
        ("Wir haben keine Entscheidung getroffen, in einen Krieg zu ziehen, aber wir haben das Recht, uns bis zum letzten Grenzpunkt innerhalb des Territoriums des Sudan zu bewegen.", D, ["Muhammad al-Faki Suleiman", "Mitglied"]),
        ("Wir sind in der Lage einen Krieg zu führen, aber eine friedliche Lösung hat Vorrang.", D, ["Muhammad al-Faki Suleiman", "Mitglied"]),
        ("Die Entscheidung, sich nach Osten zu bewegen, wurde mit der Zustimmung des Sicherheits- und Verteidigungsrates getroffen, mit der Zustimmung aller Mitglieder.", D, ["Muhammad al-Faki Suleiman", "Mitglied"]),
        ("dass man sich darauf geeinigt habe, die sudanesische Armee zur Sicherung der internationalen Grenze zu Äthiopien einzusetzen, und zwar im Rahmen der Militäroperation von Premierminister Abiy Ahmed zur Entwaffnung militanter Mitglieder der Tigray People's Liberation Front (TPLF)", I, ["Abdel Fattah Burhan", "Chef"]),
        ("dass die sudanesische Armee nur innerhalb der sudanesischen Grenzen im Einsatz sei", I, ["Abdel Fattah Burhan", "Chef"]),
        ("er bewege sich lediglich innerhalb seiner eigenen Grenzen", I, ["Sudan"]),
        ("die angeblichen Verbrechen gegen sudanesische Bauern seien von Milizen begangen worden – nicht von offiziellen Kräften", I, ["Äthiopien"]),
    ],
    "wikinews-9379": [
        ("Die Maschine russischer Bauart rollte nach Behördenangaben leer über das Rollfeld", I, ["Behördenangaben", "Behörden"]),
        ("die Bremsen des Flugzeugs hätten bei der Landung versagt", I, ["Petra", "Nachrichtenagentur"]),
        ("Es gäbe keine Informationen zu möglichen Opfern", I, ["Petra", "Nachrichtenagentur"]),
        ("Nach dessen Angaben gab es keine Verletzten und der Unfall sei nicht bei der Landung passiert", I, ["Vertreter", "Vertreters", "Zivilluftfahrtbehörde"]),
        ("Vielmehr sei das Flugzeug in einer Geisterfahrt über das Rollfeld gefahren", I, ["Vertreter", "Vertreters", "Zivilluftfahrtbehörde"]),
        ("Grund wäre ein eventueller Defekt eines der vorderen Reifen", I, ["Vertreter", "Vertreters", "Zivilluftfahrtbehörde"]),
        ("Als Ursache wäre möglich, dass die Crew das Flugzeug vor dem Verlassen nur ungenügend abgesichert hat", I, ["Vertreter", "Vertreters", "Zivilluftfahrtbehörde"]),
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
        ("sie werde sich nicht an den am 7. September anstehenden Wahlen in Myanmar beteiligen", I, ["Aung San Suu Kyi", "Friedensnobelpreisträgerin"]),
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
        ("Laut einer Reuters-Meldung gibt sich der Iran aber betont gelassen", I, ["Reuters-Meldung", "Reuters"]),
        ("Demnach blendete das staatliche iranische Fernsehen ein Laufband in das laufende Fernsehprogramm ein", I, ["Reuters-Meldung", "Reuters"]),
        ("Iran: Keine Besorgnis wegen der Kriegsspiele des Pentagon im Persischen Golf.", D, ["Fernsehen", "Laufband"]),
        ("Entweder die Briten gingen das Risiko eines Grenzzwischenfalls mit dem Iran bewusst ein oder man versuchte, einen militärischen Zwischenfall unter allen Umständen zu vermeiden.", D, ["Readers Edition"]),
    ],
    "wikinews-62091": [
        ("Der deutsche Bundesverkehrsminister Peter Ramsauer lehnt vorläufig staatliche Verkaufshilfen für Elektroautos ab", I, ["Peter Ramsauer", "Bundesverkehrsminister"]),
        ("das zurzeit noch nicht klar sei, welche Technologie sich durchsetze", I, ["Ramsauer"]),
        ("Von Kaufprämien halte ich nichts", D, ["Ramsauer"]),
        ("In dieser Phase solle der Staat noch keine Regulierung durchführen", I, ["Ramsauer"]),
        ("Außerdem habe in Deutschland bisher niemand ein ausgereiftes und preislich wettbewerbsfähiges Serienprodukt entwickelt", I, ["Ramsauer"]),
    ],
    "wikinews-52445": [
        ("es werde „ein moderates und ausgewogenes Gesetz“ geben, „das die Balance zwischen den Rechten der Bürger und den Bedürfnissen der Polizei“ wahre", I, ["Heribert Rech", "Innenminister"]),
        ("Die Polizei bekommt das rechtliche Instrumentarium, das sie im Kampf gegen den internationalen Terrorismus und für die tägliche Arbeit benötigt", D, ["Rech"]),
        ("an denen sich die Kriminalitätsbelastung von der des Gemeindegebiets deutlich abhebt", D, ["Gesetzentwurf"]),
        ("Zur Abwehr einer erheblichen Gefahr oder zur vorbeugenden Bekämpfung von Straftaten", D, ["Innenministerium", "Innenministeriums"]),
        ("Da Fahrzeuge nicht ohne Anlass in den polizeilichen Fahndungssystemen ausgeschrieben seien, führe der Einsatz des AKLS weder zu einer verdachtslosen Kontrolle noch „zu einer Fahndung ins Blaue hinein“", I, ["Pressemitteilung", "Ministerium", "Ministeriums"]),
        ("dass im Gesetzentwurf auf Regelungen zur Online-Durchsuchung und zur präventiven Überwachung der Telekommunikation verzichtet wurde", I, ["Peter Zimmermann", "Zimmermann"]),
        ("die seiner Meinung nach unangemessen erleichtert werde", I, ["Zimmermann"]),
        ("Durch die neue Definition der Kriminalitätsbrennpunkte könne „auch in Gemeinden mit absolut geringer Kriminalitätsbelastung eine polizeiliche Videoüberwachung“ eingerichtet werden", I, ["Zimmermann", "Datenschützer"]),
        ("Offensichtlich will man hier nach dem Motto verfahren: Jeder Gemeinde ihre polizeiliche Videoüberwachung. Damit käme man der Vorstellung einer möglichen flächendeckenden polizeilichen Videoüberwachung gefährlich nahe", D, ["Peter Zimmermann", "Pressemitteilung"]),
        ("Es geht darum, künftig bei größeren Menschenansammlungen Schutz und Sicherheit zu gewährleisten sowie in Gemeinden bei punktuell höherer Kriminalitätsbelastung Kameras einsetzen zu können.", D, ["Landesregierung"]),
        ("Ein massiver Einsatz der Videoüberwachung sei, so das Innenministerium, nicht geplant", I, ["Innenministerium"]),
        ("In der vorliegenden Form würde „ein bedenklicher Schritt vom Rechtsstaat hin zum Präventions- und Schnüffelstaat“ vollzogen", I, ["Grünen"]),
        ("„Massive Eingriffe in die Grundrechte aller Bürgerinnen und Bürger“ wären, so die Grünen, die Folge", I, ["Grünen"]),
        ("Das Recht auf informationelle Selbstbestimmung würde ernsthaft in Frage gestellt", I, ["Grünen"]),
        ("massenhafte automatische Erfassung von Autokennzeichen", D, ["Partei", "Grünen"]),
        ("wodurch das verfassungsmäßige Trennungsgebot von Polizei und Geheimdiensten durchlöchert werde", I, ["Partei", "Grünen"]),
        ("Zukünftig würde damit nicht nur ein Auftreten in Uniform und ähnlichen Kleidungsstücken, sondern auch paramilitärisches Auftreten wie Marschtritt oder Trommelschlagen verboten, sofern dadurch der Eindruck von Gewaltbereitschaft vermittelt werden könnte", D, ["Ministerium", "Ministeriums"]),
        ("wobei es „klare Vorgaben für die Veranstalter“ geben werde", I, None),
        ("der Leiter oder ein Ordner wegen einschlägiger Straftaten wie Körperverletzung, Landfriedensbruch oder Volksverhetzung bereits auffällig geworden seien", D, None),
        ("Nach Angaben des Ministeriums wird künftig die Sicherheit und Ordnung bei Demonstrationen im Vordergrund stehen", I, ["Ministerium", "Ministeriums"]),
        ("Besonders bei „Demonstrationen des extremistischen Spektrums“, die, so das Innenministerium, immer wieder von gewalttätigen Auseinandersetzungen begleitet würden, sollen „alle angemessenen Maßnahmen zum Schutz der Versammlung und der öffentlichen Sicherheit oder Ordnung“ in Zukunft leichter möglich sein", I, ["Innenministerium"]),
        ("Das Versammlungsrecht gehört zu den zentralen Rechten der Bürgerinnen und Bürger. Darum hat es Verfassungsrang und ist vor Aushöhlung zu schützen. Innenminister Rech hat nun einen Gesetzesvorschlag vorgelegt, der dem nicht gerecht wird. Unter dem Vorwand der Bekämpfung des Rechtsextremismus will er ein Gesetz durchbringen, das jegliche Demonstration erschwert. Das ist nicht akzeptabel", D, ["Carsten Labudda", "Sprecher"]),
    ],
    "wikinews-30393": [
        ("Gemäß einer Meldung auf der Internetseite „bbc.co.uk“ vom 23. Juli ist der ehemalige irakische Präsident Saddam Hussein ins Krankenhaus eingeliefert worden", I, ["bbc.co.uk", "Meldung"]),
        ("dass Saddam Hussein nicht in der Lage sein werde, an der geplanten Anhörung am heutigen Montag teilzunehmen", I, ["Dschaarar al-Mussawi", "al-Mussawi", "Chef-Ankläger"]),
    ],
    "wikinews-50808": [
        ("dass der Autor für sein Lebenswerk den Literaturpreis der Stadt Kassel für grotesken Humor erhalten hatte", I, None),
        ("werde der Künstler damit für „seine wegweisende Gestaltungskraft auf dem Feld des Komischen“ geehrt", I, ["Bertram Hilgen", "Oberbürgermeister"]),
    ],
    "wikinews-63379": [
        ("Ich mache es einfach deswegen, weil es davor noch niemand gemacht hat", D, ["Stafford"]),
        ("selbstsüchtiges Jungen-Abenteuer", D, ["Stafford"]),
        ("Nach seinem Leben trachtete demnach nicht nur die heimische Tier- und Pflanzenwelt, sondern auch misstrauische Dorfgemeinschaften", I, ["Stafford", "Blog"]),
    ],
    "wikinews-56312": [
        ("Der Feuerwehr blieb gemäß Beitrag in der Sendung Maintower nichts anderes übrig, als den Fuhrpark und das Gebäude kontrolliert abbrennen zu lassen", I, ["Maintower", "Beitrag"]),
        ("laut Behördenangaben Einsturzgefahr bestehe", I, ["Behördenangaben", "Behörden"]),
    ],
    "wikinews-63081": [
        ("Wir stehen jetzt natürlich mächtig unter Druck. Auch gegen Algerien waren wir nicht gut genug. Wenn wir das Achtelfinale noch erreichen wollen, müssen wir uns endlich steigern", D, ["Steven Gerrard", "Mannschaftskapitän"]),
        ("Ich weiß nicht, warum der Schiedsrichter das abgepfiffen hat", D, ["Bob Bradley", "US-Trainer"]),
    ],
    "wikinews-51401": [
        ("jetzt die Verantwortung im Kampf gegen die Immunschwächekrankheit Aids zu übernehmen", I, ["Mandela"]),
        ("Es sei an der Zeit, dass nun „neue Hände die Last“ dieses Kampfes tragen", I, ["Mandela"]),
        ("Wo Armut und Krankheiten wie Aids herrschen, wo Menschen unterdrückt werden, ist noch viel Arbeit zu tun.", D, ["Mandela"]),
        ("wolle man nun die Stigmatisierung des ANC beenden", I, ["Howard Berman", "Abgeordnete"]),
        ("Versagen der politischen Führung", D, ["Mandela"]),
    ],
    "wikinews-34097": [
        ("ist es am vergangenen Montag beinahe zu einem Zusammenstoß zwischen einem Passagierflugzeug der Gesellschaft Ryanair und einem Bundeswehr-Kampfjet vom Typ Tornado gekommen", I, ["Flugsicherung"]),
        ("Zwei Tornados seien über der mit 170 Passagieren besetzten Boeing 737 geflogen, die sich im Landeanflug auf den Flughafen Hahn befunden habe", I, ["Flugsicherung"]),
        ("Einer der Jagdbomber sei abgesunken und der zivilen Maschine sehr nahe gekommen", I, ["Flugsicherung"]),
        ("Einer Augenzeugin zufolge hat man das Gesicht des Piloten erkennen können", I, ["Augenzeugin"]),
    ],
    "wikinews-82818": [
        ("Die Version 1.0 soll laut dem Gründer des Projekts Gaël Duval diesen Monat erscheinen", I, ["Gaël Duval", "Gründer"]),
        ("das drittgrößte mobile Betriebssystem zu werden", I, ["/e/-Entwickler", "Entwickler"]),
    ],
    "wikinews-74142": [
        ("damit würde der Export von Sonnenkollektoren aus China in die USA unrentabel gemacht", I, ["China"]),
        ("Chinas Subventionen verschafften den chinesischen Solar-Panel-Herstellern einen unfairen Vorteil", I, ["Hersteller"]),
        ("dass in Chinas Wirtschaft ein freier Markt herrsche", I, ["Hersteller"]),
        ("bereits ein Zoll von 30% sei unwirtschaftlich", I, ["Wang Shuai", "Sprecher"]),
        ("dass in der Solarindustrie Rohertragsmargen von etwa 10 Prozent üblich seien", I, ["Wang Shuai", "Sprecher"]),
        ("Ein Steuersatz von 30 Prozent ist der gleiche wie 200 Prozent. Beide bedeuten, dass die Tür für den Export in die Vereinigten Staaten geschlossen wird. Niemand macht Geschäfte, um Geld zu verlieren.", D, ["Wang Shuai", "Sprecher"]),
        ("Nach Berichten der Nachrichtenagentur AP, rechnen die chinesischen Solarmodulhersteller bereits in diesem Jahr mit Verlusten von Hunderten von Millionen Dollar, und zwar noch vor der Erhöhung der Zolltarife", I, ["AP", "Nachrichtenagentur"]),
    ],
    "wikinews-67830": [
        ("deutsches Schwein", D, ["Wohnsitzlose", "44-jähriger"]),
    ],
    "wikinews-37718": [
        ("Der FC Bayern München hat sich nach der enttäuschenden 2:3-Niederlage bei Borussia Dortmund am Freitag und dem gestrigen 0:0-Remis im Heimspiel gegen den VfL Bochum mit sofortiger Wirkung von Trainer Felix Magath getrennt", I, ["FC Bayern München", "Bayern", "Rekordmeister"]),
    ],
    "wikinews-75206": [],
    "wikinews-12984": [
        ("Wieviele Stimmen die SPD erhält, errechnet sich laut Mierscheid aus den Indexzahlen der Rohstahlproduktion in Deutschland in den alten Bundesländern", I, ["Mierscheid"]),
        ("Die Demoskopen betreiben Demoskopie, wir reden hier über Gesetzmäßigkeiten.", D, ["Mierscheid"]),
    ],
    "wikinews-33349": [],
    "wikinews-63594": [
        ("imposanten Bürgerprotestes und der immer neuen Skandale und Kritiken.", D, ["Kopfbahnhof 21", "K21", "Gegeninitiative"]),
        ("Der Abriss werde jedoch nicht dazu führen, „dass der enorme Widerstand gegen Stuttgart 21 – der immer größer Kreise zieht – in sich zusammenfallen wird, im Gegenteil, er wird ihn anheizen.“", I, ["Kopfbahnhof 21", "K21", "Gegeninitiative"]),
        ("fehle dem Projekt Stuttgart 21 sowohl der verkehrliche, als auch der volkswirtschaftliche Nutzen", I, ["Verkehrsclub Deutschland", "Verkehrsclub"]),
        ("Grund hierfür sei die Steigerung der Baukosten um 40 Prozent auf mindestens sieben Milliarden Euro, die an anderer Stelle sinnvoller zur Beseitigung von Engpässen eingesetzt werden könnten", I, ["Verkehrsclub Deutschland", "Verkehrsclub"]),
        ("dass aufgrund der geologischen Situation ein Wassereinbruch mit Gefahr für Menschenleben nicht auszuschließen sei", I, ["Frei Otto", "Architekt"]),
        ("Es seien in Stuttgart auch schon andere Tunnel gebaut worden, ohne dass etwas passiert sei", I, ["Bahnprojekt", "Werner Sobek"]),
        ("die Bauarbeiten nicht zu erschweren", I, ["Bahnprojekt"]),
        ("Nach Ansicht des Bahnprojekts nütze Stuttgart 21 zusammen mit der Neubaustrecke Wendlingen–Ulm ganz Baden-Württemberg", I, ["Bahnprojekt", "Bahnprojekts"]),
        ("Das Verkehrsangebot könne ausgeweitet werden und Fahrzeiten würden verkürzt", I, ["Bahnprojekt", "Bahnprojekts"]),
    ],
    "wikinews-32884": [
        ("Eigenen Angaben zufolge wusste der 41-jährige Fahrer auch nichts von der Gefährlichkeit seiner Ladung", I, ["Fahrer"]),
        ("Sechs der Fässer mit dem Solvenon explodierten nach Polizeiangaben", I, ["Polizeiangaben", "Polizei"]),
        ("ihre Fenster und Türen geschlossen zu halten", I, None),
    ],
    "wikinews-73472": [
        ("will die japanische Regierung einen Bericht untersuchen, wonach Arbeiter im Atomkraftwerk Fukushima Daiichi aufgefordert wurden, die Strahlenbelastung zu verschleiern", I, ["BBC", "Fernsehsender"]),
        ("Sie sollten die Messgeräte mit einer Bleischürze abdecken, damit die vorgeschriebenen Grenzwerte von 50 Millisievert nicht erreicht würden und sie länger in der Anlage arbeiten konnten", I, ["BBC", "Bericht"]),
        ("einer ihrer leitenden Angestellten habe die entsprechende Anweisung erteilt", I, ["Build Up", "Firma"]),
        ("die Zahl von neun Arbeitern, die im Dezember 2011 betroffen gewesen seien", I, ["Takashi Wada", "Präsident"]),
        ("er habe auch sein Messgerät abgeschirmt, da sonst der Grenzwert überschritten worden wäre und die Arbeiten hätten abgebrochen werden müssen", I, ["Angestellte"]),
    ],
}


def sample() -> list[dict]:
    return [json.loads(line) for line in SAMPLE.read_text(encoding="utf-8").splitlines() if line.strip()]


def rank(record: dict) -> int:
    return int(hashlib.sha1(record["id"].encode("utf-8")).hexdigest(), 16)


def chosen_ids(count: int = COUNT) -> list[str]:
    """The selection rule of the docstring, in order of the hash."""
    chosen = []
    for record in sorted(sample(), key=rank):
        if QUOTE_MARKS.search(record["text"]) or SPEECH.search(record["text"]):
            chosen.append(record["id"])
        if len(chosen) == count:
            break
    return chosen


def build() -> list[dict]:
    """The gold records: each SPEC span located in its article (the n-th occurrence when given)."""
    records = {r["id"]: r for r in sample()}
    ids = [line.strip() for line in IDS.read_text(encoding="utf-8").splitlines()
           if line.strip() and not line.startswith("#")]
    assert set(SPEC) <= set(ids), set(SPEC) - set(ids)
    out = []
    for doc_id in ids:
        if doc_id not in SPEC:
            continue
        record = records[doc_id]
        out.append({"id": doc_id, "date": record["date"], "source": "wikinews sample (SpkAtt-2023 test texts)",
                    "title": record["title"], "text": record["text"],
                    "quotes": locate(doc_id, record["text"], SPEC[doc_id])})
    return out


def locate(doc_id: str, text: str, entries: list) -> list[dict]:
    """Quote records from (exact span text, kind, speakers[, n-th occurrence]) entries, in text order;
    a span that occurs more than once must say which occurrence it is."""
    quotes = []
    for entry in entries:
        span, kind, speaker = entry[:3]
        nth = entry[3] if len(entry) > 3 else 0
        assert text.count(span) > nth and (len(entry) > 3 or text.count(span) == 1), (doc_id, span)
        start = -1
        for _ in range(nth + 1):
            start = text.index(span, start + 1)
        quotes.append({"start": start, "end": start + len(span), "kind": kind, "text": span, "speaker": speaker})
    return sorted(quotes, key=lambda q: q["start"])


def check(path: Path = GOLD) -> int:
    """Every annotated span matches its text; returns the number of quotes checked."""
    texts = {r["id"]: r["text"] for r in sample()}
    ids = [line.strip() for line in IDS.read_text(encoding="utf-8").splitlines()
           if line.strip() and not line.startswith("#")]
    n = 0
    for line in path.read_text(encoding="utf-8").splitlines():
        doc = json.loads(line)
        assert doc["id"] in ids, doc["id"]
        assert doc["text"] == texts[doc["id"]], doc["id"]
        previous = -1
        for q in doc["quotes"]:
            assert doc["text"][q["start"]:q["end"]] == q["text"], (doc["id"], q)
            assert q["kind"] in ("direct", "indirect"), (doc["id"], q)
            assert q["speaker"] is None or (isinstance(q["speaker"], list) and q["speaker"]), (doc["id"], q)
            assert q["start"] >= previous, (doc["id"], q["text"])
            previous = q["start"]
            n += 1
    return n


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write-ids", action="store_true")
    parser.add_argument("--write", action="store_true", help="rewrite quotes_wikinews.jsonl from SPEC")
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args()
    if args.write_ids:
        head = ("# Wikinews ids of the fresh quote check (issue 22), chosen by the rule in quotes_wikinews.py\n"
                "# and fixed before any of these articles was read or annotated.\n")
        IDS.write_text(head + "\n".join(chosen_ids()) + "\n", encoding="utf-8")
    if args.write:
        GOLD.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in build()), encoding="utf-8")
    if args.check:
        print(f"{check()} quotes: every span matches its text")


if __name__ == "__main__":
    main()
