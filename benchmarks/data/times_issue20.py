"""Build the issue-20 part of `times_wikinews.jsonl`: short excerpts (one to three sentences) of
real texts with every time expression in them annotated by hand against the article's date, for
the four classes issue 20 names: day and month without a year, German number formats, parts of
day attached to a date, and a repeated reference ("gestern, am 3. März 2006").

Sources: SpkAtt-2023 `train/` texts (German Wikinews, CC BY 2.5; articles not already in the set)
and SmartData v3 `dev` (CC BY 4.0). The excerpt text is detokenized by the rule of
`times_ANNOTATION.md`; offsets are found by searching each annotated surface in order.
A third of the records, drawn by id before any rule was written for them, is frozen
(`times_frozen_ids.txt`): `benchmarks/times.py` scores it apart and never lists its errors.

    .venv/bin/python benchmarks/data/times_issue20.py     # rewrites the issue20 records in place
"""
from __future__ import annotations

import json
import random
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
DATA = HERE.parents[2] / "shared" / "data"
SET = HERE / "times_wikinews.jsonl"
FROZEN = HERE / "times_frozen_ids.txt"
NO_SPACE_BEFORE, NO_SPACE_AFTER = set(",.;:!?)]“%"), set("([„")

# id, source, the sentences (a snippet of each), the expressions (surface, value, kind) in text order
SPEC: list[tuple[str, str, list[str], list[tuple[str, str, str]]]] = [
    # --- day and month without a year
    ("i20-01", "spkatt:", ["automatisch rechtskräftig geworden wäre"], [("18. März", "2011-03-18", "date")]),
    ("i20-02", "spkatt:", ["auf den 28. November vertagt"], [("28. November", "2005-11-28", "date")]),
    ("i20-03", "spkatt:", ["Kroatien, am 18. Januar um 20:30 Uhr"],
     [("18. Januar", "2020-01-18", "date"), ("20:30 Uhr", "2020-01-18T20:30", "time")]),
    ("i20-04", "spkatt:", ["Preise ab 1. Oktober zu erhöhen"], [("1. Oktober", "2011-10-01", "date")]),
    ("i20-05", "spkatt:", ["bis zum 30. März einzureichenden"],
     [("30. März", "2005-03-30", "date"), ("einige Wochen", "PXW", "duration")]),
    ("i20-06", "spkatt:", ["Keine Streiks bis 30. September"], [("30. September", "2007-09-30", "date")]),
    ("i20-07", "spkatt:", ["kündigte für den 18. September eine Großdemonstration"],
     [("18. September", "2010-09-18", "date")]),
    ("i20-08", "spkatt:", ["Mögliche Termine seien der 24. September"],
     [("24. September", "2006-09-24", "date"), ("8. Oktober", "2006-10-08", "date")]),
    ("i20-09", "spkatt:", ["Am 15. Mai hat die Wahlkommission"],
     [("15. Mai", "2006-05-15", "date"), ("Ende September", "2006-09-21/2006-09-30", "date"),
      ("Anfang Oktober", "2006-10-01/2006-10-10", "date")]),
    ("i20-10", "spkatt:", ["noch bis zum 15. März geöffnet"], [("15. März", "2009-03-15", "date")]),
    ("i20-11", "spkatt:", ["vom 5. bis 12. Mai"], [("5. bis 12. Mai", "2008-05-05/2008-05-12", "date")]),
    ("i20-12", "spkatt:", ["Für die kommende Bundestagswahl am 18. September"], [("18. September", "2005-09-18", "date")]),
    ("i20-13", "spkatt:", ["auf die US-Botschaft in Baghdad, am 31. Dezember"], [("31. Dezember", "2019-12-31", "date")]),
    ("i20-14", "spkatt:", ["den Angriff am 27. Dezember eingeschlossen"],
     [("vergangenen Monate", "PXM", "duration"), ("27. Dezember", "2019-12-27", "date")]),
    ("i20-15", "smartdata:hitradio-ohr.de/node/88828", ["Das Datum für die Bürgermeisterwahl", "(as)"],
     [("25. September", "2016-09-25", "date"), ("15. Juli", "2016-07-15", "date"),
      ("29. August", "2016-08-29", "date"), ("Ende November", "2016-11-21/2016-11-30", "date"),
      ("Februar", "2016-02", "date"), ("2008", "2008", "date")]),
    # --- German number formats
    ("i20-16", "spkatt:", ["vor weniger als 100.000 Jahren entstanden"], [("vor weniger als 100.000 Jahren", "BC97993", "date")]),
    ("i20-17", "spkatt:", ["vor 1.600 Jahren an HL Tau"], [("vor 1.600 Jahren", "0408", "date")]),
    ("i20-18", "spkatt:", ["ist bereits 10 Millionen Jahre alt"], []),
    ("i20-19", "spkatt:", ["Eiszeit vor etwa 14.000 Jahren"],
     [("vor etwa 14.000 Jahren", "BC11996", "date")]),
    ("i20-20", "spkatt:", ["Jurazeit vor etwa 150 Millionen Jahren"], [("vor etwa 150 Millionen Jahren", "BC149997996", "date")]),
    ("i20-21", "spkatt:", ["Vor 60 Millionen Jahren war es heißer"], [("Vor 60 Millionen Jahren", "BC59997992", "date")]),
    ("i20-22", "spkatt:", ["nutzte offenbar vor 30.000 Jahren"], [("vor 30.000 Jahren", "BC27991", "date")]),
    ("i20-23", "spkatt:80703", ["sie fanden einen 400.000 Jahre alten"], []),
    ("i20-24", "spkatt:80703", ["die genaue Zeit bekannt - 400.000 Jahre"], [("400.000 Jahre", "P400000Y", "duration")]),
    ("i20-25", "spkatt:", ["Nach 3,5 Stunden ist das Auto"], [("3,5 Stunden", "PT210M", "duration")]),
    ("i20-26", "spkatt:", ["rund 8.000 Flüge überwacht"], [("Täglich", "P1D", "set"), ("jährlich", "P1Y", "set")]),
    ("i20-27", "spkatt:", ["Rund zwölf Tage, nachdem 1,5 Millionen"], [("Rund zwölf Tage", "P12D", "duration")]),
    ("i20-28", "spkatt:", ["erst in zwei Millionen Jahren entstehen"], [("in zwei Millionen Jahren", "FUTURE_REF", "date")]),
    # --- parts of day attached to a date
    ("i20-29", "spkatt:60475", ["Am Abend des 13. Januars"], [("Abend des 13. Januars", "2010-01-13TEV", "date")]),
    ("i20-30", "spkatt:", ["Am späten Nachmittag des Montag"], [("späten Nachmittag des Montag", "2014-10-13TAF", "date")]),
    ("i20-31", "spkatt:", ["Am Morgen des 28. November drangen"],
     [("Morgen des 28. November", "2009-11-28TMO", "date"), ("10 Stunden", "PT10H", "duration")]),
    ("i20-32", "spkatt:", ["in der Nacht vom 2. auf den 3. Mai"],
     [("Nacht vom 2. auf den 3. Mai", "2008-05-03TNI", "date"), ("gestern", "2008-05-13", "date")]),
    ("i20-33", "spkatt:", ["am Morgen des 16. September vier Angriffe"], [("Morgen des 16. September", "2009-09-16TMO", "date")]),
    ("i20-34", "spkatt:", ["in der Nacht zum 1. Januar 2011"], [("Nacht zum 1. Januar 2011", "2011-01-01TNI", "date")]),
    ("i20-35", "spkatt:", ["Zur Sitzung am Abend des 23.06.2011"], [("Abend des 23.06.2011", "2011-06-23TEV", "date")]),
    ("i20-36", "spkatt:", ["In der Nacht vom 10. zum 11. Januar 2006"], [("Nacht vom 10. zum 11. Januar 2006", "2006-01-11TNI", "date")]),
    ("i20-37", "spkatt:", ["für den Vormittag des 27. Mais"], [("Vormittag des 27. Mais", "2010-05-27TMO", "date")]),
    ("i20-38", "spkatt:22510", ["In der Nacht vom 10. auf den 11. Februar 2006"],
     [("Nacht vom 10. auf den 11. Februar 2006", "2006-02-11TNI", "date")]),
    ("i20-39", "spkatt:", ["Am Morgen des 22. September 2009 begann"], [("Morgen des 22. September 2009", "2009-09-22TMO", "date")]),
    ("i20-40", "spkatt:", ["am Nachmittag des 7. Dezember 2009"], [("Nachmittag des 7. Dezember 2009", "2009-12-07TAF", "date")]),
    ("i20-41", "spkatt:", ["in der Nacht von Samstag auf Sonntag mehr als 100"], [("Nacht von Samstag auf Sonntag", "2006-08-06TNI", "date")]),
    ("i20-42", "spkatt:", ["In der Nacht von Freitag auf Samstag ereigneten"], [("Nacht von Freitag auf Samstag", "2005-10-08TNI", "date")]),
    ("i20-43", "spkatt:", ["Am frühen Morgen des 31. Juli"],
     [("frühen Morgen des 31. Juli", "2006-07-31TMO", "date"), ("letztes Jahr", "2005", "date")]),
    ("i20-44", "spkatt:", ["Noch am Vormittag des 15. Juni"], [("Vormittag des 15. Juni", "2009-06-15TMO", "date")]),
    ("i20-45", "spkatt:", ["in der Nacht von Mittwoch auf Donnerstag getötet"], [("Nacht von Mittwoch auf Donnerstag", "2006-04-06TNI", "date")]),
    ("i20-46", "spkatt:", ["gegen 7 Uhr am Morgen des 4. November 2006"],
     [("7 Uhr", "2006-11-04T07:00", "time"), ("Morgen des 4. November 2006", "2006-11-04TMO", "date")]),
    ("i20-47", "spkatt:", ["in der Nacht von Dienstag auf Mittwoch ein Großbrand"], [("Nacht von Dienstag auf Mittwoch", "2006-07-05TNI", "date")]),
    ("i20-48", "spkatt:", ["gestern am frühen Abend gestorben"], [("gestern am frühen Abend", "2009-11-10TEV", "date")]),
    ("i20-49", "spkatt:", ["gestern am späten Abend eingetroffen"], [("gestern am späten Abend", "2010-01-13TEV", "date")]),
    # --- a repeated reference is one point
    ("i20-50", "spkatt:", ["hat gestern, am 3. März 2006, den ersten Fall"], [("gestern, am 3. März 2006", "2006-03-03", "date")]),
    ("i20-51", "spkatt:", ["Für morgen (Mittwoch) haben"], [("morgen (Mittwoch)", "2009-04-08", "date")]),
    ("i20-52", "spkatt:", ["am Montagmorgen, dem 18. Juni, am Wetzlarer"], [("Montagmorgen, dem 18. Juni", "2007-06-18TMO", "date")]),
    ("i20-53", "spkatt:", ["am Dienstagmorgen, dem 25. Oktober"], [("Dienstagmorgen, dem 25. Oktober", "2011-10-25TMO", "date")]),
    ("i20-54", "spkatt:", ["am 24. März (Samstag) die Vorwahlen"], [("24. März (Samstag)", "2012-03-24", "date")]),
    ("i20-55", "spkatt:", ["fanden das Wrack am Sonntag (08.01.2006)"],
     [("Sonntag (08.01.2006)", "2006-01-08", "date"), ("etwa zwölf Stunden", "PT12H", "duration")]),
    ("i20-56", "spkatt:", ["Eine für morgen, den 20. September, geplante"],
     [("morgen, den 20. September", "2009-09-20", "date"), ("heute", "2009-09-19", "date")]),
    ("i20-57", "spkatt:", ["Am Mittwochmorgen, den 8. April"],
     [("Mittwochmorgen, den 8. April", "2009-04-08TMO", "date"), ("0:40 Uhr", "2009-04-08T00:40", "time")]),
    ("i20-58", "spkatt:", ["fand bereits am Montagabend, dem 25. Februar"],
     [("9. März", "2008-03-09", "date"), ("Montagabend, dem 25. Februar", "2008-02-25TEV", "date")]),
    ("i20-59", "spkatt:", ["am gestrigen Sonntag (6. Oktober)"], [("gestrigen Sonntag (6. Oktober)", "2013-10-06", "date")]),
    ("i20-60", "spkatt:", ["am Donnerstag (29. August) mit der Regierungsbildung"], [("Donnerstag (29. August)", "2019-08-29", "date")]),
    ("i20-61", "smartdata:EC_95-BERLIN-WARSZAWA_EXPRESS_Berlin-Poznan-Gdynia_Warszawa/50#5ec2",
     ["von Montag, 1. August, 22.10 Uhr", "von Freitag, 18. November"],
     [("Montag, 1. August", "2016-08-01", "date"), ("22.10 Uhr", "2016-08-01T22:10", "time"),
      ("Donnerstag, 4. August", "2016-08-04", "date"), ("7.45 Uhr", "2016-08-04T07:45", "time"),
      ("Freitag, 18. November", "2016-11-18", "date"), ("22.10 Uhr", "2016-11-18T22:10", "time"),
      ("Montag, 28. November", "2016-11-28", "date"), ("7.45 Uhr", "2016-11-28T07:45", "time")]),
]


def detokenize(tokens: list[str]) -> str:
    pieces, glue = [], True
    for token in tokens:
        if not glue and token not in NO_SPACE_BEFORE:
            pieces.append(" ")
        pieces.append(token)
        glue = token in NO_SPACE_AFTER
    return "".join(pieces)


def spkatt_sentences() -> list[tuple[str, str, list[str]]]:
    docs = []
    for path in sorted((DATA / "spkatt2023" / "train").glob("*.json")):
        sentences = [detokenize(s["Tokens"]) for s in json.loads(path.read_text(encoding="utf-8"))["Sentences"]]
        docs.append((path.name, path.stem.rsplit("(", 1)[-1].rstrip(")"), sentences))
    return docs


def smartdata_records() -> list[dict]:
    sys.path.insert(0, str(HERE.parent))
    from times import read_avro_json, smartdata_day, unwrap  # noqa: E402
    path = DATA / "smartdata" / "v3_20200302" / "dev.json.gz"
    return [{"id": r["id"], "date": smartdata_day(unwrap(r["date"])), "text": unwrap(r["text"])}
            for r in read_avro_json(path)]


def excerpt(source: str, snippets: list[str], spk, smart) -> tuple[str, str, str]:
    kind, key = source.split(":", 1)
    if kind == "spkatt":
        for name, day, sentences in spk:
            if key and not name.startswith(key + " "):
                continue
            hits = [i for i, s in enumerate(sentences) if snippets[0] in s]
            if hits:
                first = hits[0]
                last = next(i for i, s in enumerate(sentences) if i >= first and snippets[-1] in s)
                return "spkatt2023/train/" + name, day, "\n".join(sentences[first:last + 1])
    else:
        for record in smart:
            if key in record["id"]:
                text = record["text"]
                start = text.index(snippets[0])
                end = text.index(snippets[-1], start) + len(snippets[-1])
                end = text.find("\n", end) if text.find("\n", end) >= 0 and len(snippets) > 1 and kind == "smartdata" and "\n" in text[start:end] else end
                return "smartdata/v3_20200302/dev:" + record["id"], record["date"], text[start:end]
    raise LookupError(f"{source}: {snippets}")


def build() -> list[dict]:
    spk, smart = spkatt_sentences(), smartdata_records()
    used = {json.loads(line)["doc"] for line in SET.read_text(encoding="utf-8").splitlines()
            if json.loads(line).get("split") != "issue20"}
    records = []
    for rid, source, snippets, times in SPEC:
        doc, day, text = excerpt(source, snippets, spk, smart)
        assert doc.rsplit("/", 1)[-1] not in used, doc
        position, gold = 0, []
        for surface, value, kind in times:
            start = text.index(surface, position)
            gold.append({"start": start, "end": start + len(surface), "text": surface, "value": value, "kind": kind})
            position = start + len(surface)
        records.append({"doc": doc, "id": rid, "source": doc.split("/")[0], "split": "issue20", "date": day,
                        "text": text, "times": gold})
    return records


def main() -> None:
    records = build()
    kept = [line for line in SET.read_text(encoding="utf-8").splitlines() if json.loads(line).get("split") != "issue20"]
    SET.write_text("\n".join(kept + [json.dumps(r, ensure_ascii=False) for r in records]) + "\n", encoding="utf-8")
    if not FROZEN.exists() and "--no-freeze" not in sys.argv:  # drawn once; never redrawn after rules were written
        ids = sorted(r["id"] for r in records)
        frozen = sorted(random.Random(20).sample(ids, len(ids) // 3))
        FROZEN.write_text("# issue-20 time records frozen before any rule was written for them (benchmarks/times.py)\n"
                          + "\n".join(frozen) + "\n", encoding="utf-8")
    for r in records:
        print(r["id"], r["date"], r["doc"][:60], "|", r["text"][:400].replace("\n", " ⏎ "))
        print("     ", [(t["text"], t["value"]) for t in r["times"]])
    print(len(records), "records,", sum(len(r["times"]) for r in records), "expressions")


if __name__ == "__main__":
    main()
