"""Build the bundled multi-outlet demo corpus (`make sample`; needs ../shared/data and ../shared/seeds).

    python scripts/build_demo_sample.py

Writes src/storyline/data/demo_sample/demo_de.jsonl (one article per line: id, title, date, outlet, url,
text, plus `licence` and `source` for attribution) and ATTRIBUTION.md beside it.

Why: the Wikinews sample has one outlet, so every story there is one article. This corpus holds
events that several outlets reported, so `make demo` shows what Storyline is for.

What goes in, chosen by content, never by what the clustering makes of it:
- the two seed reports on the Putin–Kim meeting (../shared/seeds, also tests/data/seeds);
- every crawled news or RSS article of the DFKI SmartData corpus (CC BY 4.0) that matches one of
  the EVENTS below: all of the event's patterns occur in the text and the publication date lies in
  the event's window. Events were found by reading the corpus for topics that three or more
  outlets covered. The publication date is the first date in the article's header (SmartData's
  own `date` is the crawl time, weeks or months after some articles appeared); without one the
  crawl date stands. A few off-topic articles that only mention an event (a market round-up, a
  commentary on a later court ruling) are listed in OFF_TOPIC with the reason.
SmartData stores only the first ~950 characters of each page, page furniture included
("Fehler melden", "Mailen"): the texts are kept as crawled, so the demo shows the cleaning too.
"""
from __future__ import annotations

import datetime as dt
import gzip
import hashlib
import json
import re
import sys
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlparse

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SMARTDATA = SHARED / "data" / "smartdata"
SEEDS = SHARED / "seeds"
OUT = ROOT / "src" / "storyline" / "data" / "demo_sample"
SMARTDATA_FILES = ("v1_20180119/train.json.gz", "v1_20180119/test.json.gz",
                   "v3_20200302/dev.json.gz", "v3_20200302/test.json.gz")
SMARTDATA_LICENCE = "CC BY 4.0, DFKI SmartData Corpus (Schiersch et al., LREC 2018); text © its outlet, as crawled"
SEED_LICENCE = "Storyline seed articles (tests/data/seeds); outlet and licence not recorded upstream"
WRITTEN_LICENCE = "MIT, like the code: written for Storyline's demo from facts the German reports in this sample state"
# One event told in both languages: an English report written for the demo (no English news text
# with a compatible licence is at hand), so that the demo shows a German/English story.
ENGLISH_RECORDS = (
    {"id": "wire-en-ecuador-quake", "title": "Ecuador earthquake: death toll rises to 350", "date": "2016-04-18",
     "outlet": "Storyline demo wire (English)", "url": None,
     "text": "The death toll from the earthquake in Ecuador has risen to 350, the country's security minister "
             "said on Monday. More than 2,000 people were injured. The magnitude 7.8 quake struck the Pacific "
             "coast on Saturday evening; the coastal town of Pedernales was hit hardest. President Rafael Correa "
             "warned that the number of victims could rise further, as people were still believed to be trapped "
             "under the rubble. Rescue teams and aid from Germany and other countries were arriving in Quito.",
     "event": "Erdbeben in Ecuador, April 2016", "licence": WRITTEN_LICENCE,
     "source": "scripts/build_demo_sample.py (ENGLISH_RECORDS)"},
)


@dataclass(frozen=True)
class Event:
    name: str
    patterns: tuple[str, ...]
    first: str
    last: str


EVENTS = (
    Event("Verdi-Warnstreiks an Flughäfen, April 2016", (r"Verdi", r"Flugh[aä]fen|Airports?"), "2016-04-20", "2016-04-28"),
    Event("Streik der Lufthansa-Flugbegleiter, November 2015", (r"Lufthansa", r"Flugbegleiter|\bU[Ff][Oo]\b"),
          "2015-11-05", "2015-11-15"),
    Event("Ministererlaubnis Edeka/Tengelmann, Januar–Februar 2016", (r"Tengelmann", r"Gabriel"), "2016-01-01", "2016-03-31"),
    Event("Erdbeben in Ecuador, April 2016", (r"Ecuador", r"[Bb]eben"), "2016-04-16", "2016-04-20"),
    Event("Insolvenz von German Pellets, Februar–März 2016", (r"German Pellets",), "2016-02-01", "2016-03-31"),
    Event("Rückruf von Mars-Schokoriegeln, Februar 2016", (r"\bMars\b", r"Schokoriegel|[Rr]ückruf|ruft"), "2016-02-20", "2016-02-28"),
    Event("Insolvenz der Maple Bank, Februar 2016", (r"Maple Bank",), "2016-02-01", "2016-02-29"),
)
OFF_TOPIC = {
    # url fragment: why it is left out although it matches
    "Groupon-uebertrifft-Markterwartungen": "Groupon results; German Pellets only in a teaser link above the text",
}
MONTHS = {m: i for i, m in enumerate(("Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August",
                                      "September", "Oktober", "November", "Dezember"), 1)}
HEADER_DATES = (
    re.compile(r"\b(?P<d>\d{1,2})\.(?P<m>\d{1,2})\.(?P<y>20\d\d|\d\d)\b"),
    re.compile(r"\b(?P<d>\d{1,2})\.\s*(?P<mn>" + "|".join(MONTHS) + r")\s+(?P<y>20\d\d)\b"),
    re.compile(r"\b(?P<y>20\d\d)-(?P<m>\d\d)-(?P<d>\d\d)T"),
)
FURNITURE = re.compile(r"Fehler melden|Kommentar schreiben|Mailen|Twittern|Versenden|Text kleiner|Tweet|"
                       r"Ihre Mitteilung|Top Themen|Bitte |schließen|Foto:|\d{1,2}:\d\d|Uhr|von \d", re.I)


def read_smartdata() -> dict[str, dict]:
    """SmartData files are a stream of pretty-printed Avro-JSON objects; v1 and v3 share documents."""
    docs: dict[str, dict] = {}
    decoder = json.JSONDecoder()
    for name in SMARTDATA_FILES:
        raw, pos = gzip.open(SMARTDATA / name, "rt", encoding="utf-8").read(), 0
        while (pos := _skip_space(raw, pos)) < len(raw):
            doc, pos = decoder.raw_decode(raw, pos)
            docs[doc["id"]] = {key: _unwrap(doc.get(key)) for key in ("id", "text", "uri", "date", "refids")}
    return docs


def _skip_space(raw: str, pos: int) -> int:
    while pos < len(raw) and raw[pos].isspace():
        pos += 1
    return pos


def _unwrap(value):
    return next(iter(value.values())) if isinstance(value, dict) and len(value) == 1 else value


def publication_date(text: str, crawled: dt.date) -> dt.date:
    """The first plausible date in the header (at most a year before the crawl), else the crawl date."""
    head = text[:300]
    found = []
    for pattern in HEADER_DATES:
        for match in pattern.finditer(head):
            date = _to_date(match.groupdict())
            if date and crawled - dt.timedelta(days=366) <= date <= crawled:
                found.append((match.start(), date))
    return min(found)[1] if found else crawled


def _to_date(parts: dict) -> dt.date | None:
    year = int(parts["y"]) + (2000 if len(parts["y"]) == 2 else 0)
    month = MONTHS[parts["mn"]] if parts.get("mn") else int(parts["m"])
    try:
        return dt.date(year, month, int(parts["d"]))
    except ValueError:
        return None


def headline(text: str, url: str) -> str | None:
    """The first header line that reads like the headline: no page furniture, and two words of it in
    the URL's slug (crawled headers also carry teasers of other articles). None when no line fits."""
    slug = set(re.findall(r"[a-z]{4,}", _ascii(urlparse(url).path.lower())))
    for line in text.splitlines()[:8]:
        line = line.split(" | ")[0].strip(" >|\t\xa0\u200b")
        words = set(re.findall(r"[a-z]{4,}", _ascii(line.lower())))
        if 3 <= len(line.split()) and len(line) <= 140 and not FURNITURE.search(line) and len(words & slug) >= 2:
            return line
    return None


def _ascii(text: str) -> str:
    for umlaut, plain in (("ä", "ae"), ("ö", "oe"), ("ü", "ue"), ("ß", "ss")):
        text = text.replace(umlaut, plain)
    return text


def outlet_of(url: str) -> str:
    host = urlparse(url).netloc.lower()
    return host[4:] if host.startswith("www.") else host


def event_of(text: str, date: dt.date) -> Event | None:
    for event in EVENTS:
        if event.first <= date.isoformat() <= event.last and all(re.search(p, text) for p in event.patterns):
            return event
    return None


def smartdata_records() -> list[dict]:
    records = []
    for doc in read_smartdata().values():
        source = (doc["refids"] or {}).get("source")
        url, text = doc["uri"] or "", doc["text"] or ""
        if source not in ("news", "rss") or len(text) < 300 or any(f in url for f in OFF_TOPIC):
            continue
        date = publication_date(text, dt.date.fromisoformat(doc["date"][:10]))
        event = event_of(text, date)
        if event is None:
            continue
        records.append({"id": "smartdata-" + hashlib.sha1(doc["id"].encode()).hexdigest()[:10],
                        "title": headline(text, url), "date": date.isoformat(), "outlet": outlet_of(url),
                        "url": url, "text": text, "event": event.name, "licence": SMARTDATA_LICENCE,
                        "source": f"SmartData {doc['refids'].get('fileName')}"})
    return sorted(records, key=lambda r: (r["date"], r["id"]))


def seed_records() -> list[dict]:
    records = []
    for path in sorted(SEEDS.glob("*.txt")):
        match = re.match(r"\s*date (\S+) (.*)", path.read_text(encoding="utf-8"), re.S)
        records.append({"id": path.stem, "title": None, "date": match.group(1), "outlet": None, "url": None,
                        "text": match.group(2), "event": "Treffen Putin–Kim, September 2023",
                        "licence": SEED_LICENCE, "source": f"seeds/{path.name}"})
    return records


def attribution(records: list[dict]) -> str:
    lines = ["# Demo corpus: one event, several outlets", "",
             f"`demo_de.jsonl` holds {len(records)} news articles ({sum(r['licence'] == WRITTEN_LICENCE for r in records)} "
             f"in English, the rest German) on {len({r['event'] for r in records})} events, "
             "built by `scripts/build_demo_sample.py` (`make sample`). Each record carries its own `licence` "
             "and `source`; `event` names the event it was chosen for (the clustering never reads it).", "",
             "- SmartData articles: DFKI SmartData Corpus, repository DFKI-NLP/smartdata-corpus, commit "
             "796c8b8f5d76fcdeb7f2458c4f8df5711e2115af, licence Creative Commons Attribution 4.0 "
             "(https://creativecommons.org/licenses/by/4.0/). Cite: Schiersch et al., \"A German Corpus for "
             "Fine-Grained Named Entity Recognition and Relation Extraction of Traffic and Industry Events\", "
             "LREC 2018. Texts are the corpus' crawled first ~950 characters of each page, unchanged; the "
             "outlet is the page's host, the date the first date in its header (else the crawl date).",
             "- Seed articles: the two reports of `tests/data/seeds` (Putin–Kim meeting, 2023-09); outlet and "
             "licence are not recorded upstream.",
             "- English article: one report of the Ecuador earthquake written for the demo (MIT), so that one "
             "story is told in German and English.", "", "| event | articles | outlets |", "| --- | --- | --- |"]
    for event in dict.fromkeys(r["event"] for r in records):
        members = [r for r in records if r["event"] == event]
        outlets = sorted({r["outlet"] or "–" for r in members})
        lines.append(f"| {event} | {len(members)} | {', '.join(outlets)} |")
    return "\n".join(lines) + "\n"


def main() -> None:
    if not SMARTDATA.exists() or not SEEDS.exists():
        sys.exit(f"needs the shared data at {SMARTDATA} and {SEEDS}")
    records = seed_records() + smartdata_records() + [dict(record) for record in ENGLISH_RECORDS]
    OUT.mkdir(parents=True, exist_ok=True)
    with open(OUT / "demo_de.jsonl", "w", encoding="utf-8") as out:
        for record in records:
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    (OUT / "ATTRIBUTION.md").write_text(attribution(records), encoding="utf-8")
    print(f"wrote {len(records)} articles to {OUT / 'demo_de.jsonl'}")


if __name__ == "__main__":
    main()
