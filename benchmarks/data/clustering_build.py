"""Rebuild benchmarks/data/clustering_de.jsonl from ../shared/data and the hand labels.

The labels (which articles report the same real event) are in clustering_labels.json; they were
judged by reading, see clustering_LABELLING.md. Articles not named there are singletons drawn
with a fixed seed from the news documents that have no close look-alike (so that an unread
near-twin cannot hide in the singletons).

Usage: .venv/bin/python benchmarks/data/clustering_build.py
"""
from __future__ import annotations

import gzip
import json
import random
import re
import sys
import urllib.parse
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
SHARED = ROOT.parent / "shared" / "data"
sys.path.insert(0, str(ROOT / "scripts"))
from build_idf import read_wikinews  # noqa: E402

SINGLETONS_PER_SOURCE = 160
LOOKALIKE = 0.2  # cosine above which an unlabelled pair was read (or the article left out)
MONTHS = "januar februar märz april mai juni juli august september oktober november dezember".split()
NUMERIC_DATE = re.compile(r"\b(\d{1,2})\.\s?(\d{1,2})\.\s?(20\d\d|1[56])\b")
WORD_DATE = re.compile(r"\b(\d{1,2})\.\s+(" + "|".join(MONTHS) + r")\s+(20\d\d)", re.IGNORECASE)
URL_MONTH = re.compile(r"nachrichten-(20\d\d)-(\d\d)/")
# Events whose SmartData pages carry only the March 2016 crawl date; the date read from the text:
HAND_DATES = {
    "lufthansa-ufo-streik-2015-11": "2015-11-09",  # strike 6-13 November
    "wincor-diebold-uebernahme-2015-11": "2015-11-23",  # "Am Montag gaben beide Unternehmen ..."
    "istanbul-anschlag-2016-01": "2016-01-13",  # attack of Tuesday 12 January, arrests the next day
}


def read_smartdata_stream(path: Path) -> list[dict]:
    text = gzip.open(path, "rt", encoding="utf-8").read()
    decoder, position, docs = json.JSONDecoder(), 0, []
    while True:
        while position < len(text) and text[position].isspace():
            position += 1
        if position >= len(text):
            return docs
        doc, position = decoder.raw_decode(text, position)
        docs.append(doc)


def unwrap(value):
    return next(iter(value.values())) if isinstance(value, dict) and len(value) == 1 else value


def publication_date(text: str, url: str, crawl: str) -> str:
    """The date printed near the top of the page (or in the URL), else the crawl date."""
    head = text[:600]
    candidates = [(int(d), int(m), int(y)) for d, m, y in NUMERIC_DATE.findall(head)]
    candidates += [(int(d), MONTHS.index(m.lower()) + 1, int(y)) for d, m, y in WORD_DATE.findall(head)]
    for day, month, year in candidates:
        year = year + 2000 if year < 100 else year
        iso = f"{year:04d}-{month:02d}-{day:02d}"
        if 1 <= month <= 12 and 1 <= day <= 31 and "2015-06-01" <= iso <= crawl:
            return iso
    match = URL_MONTH.search(url)
    if match and f"{match[1]}-{match[2]}" < crawl[:7]:
        return f"{match[1]}-{match[2]}"
    return crawl


def read_smartdata_news() -> list[dict]:
    """News documents only: tweets and RSS lines (mostly traffic reports) are skipped."""
    records = {}
    for path in sorted((SHARED / "smartdata").glob("*/*.json.gz")):
        for doc in read_smartdata_stream(path):
            source = (unwrap(doc.get("refids")) or {}).get("source")
            text, url = unwrap(doc["text"]), unwrap(doc.get("uri")) or ""
            if source != "news" or len(text) < 400:
                continue
            key = "sd:" + doc["id"].split("@")[0]
            records.setdefault(key, {
                "id": key, "text": text, "url": url, "source": "smartdata",
                "date": publication_date(text, url, unwrap(doc["date"])[:10]),
                "outlet": urllib.parse.urlparse(url).netloc.removeprefix("www."),
                "title": next((line.strip() for line in text.splitlines() if len(line.split()) >= 4), None),
            })
    return list(records.values())


def read_wikinews_news() -> list[dict]:
    return [{"id": "wn:" + r["id"], "text": r["title"] + "\n\n" + r["text"], "date": r["date"],
             "outlet": "de.wikinews.org", "url": f"https://de.wikinews.org/w/index.php?curid={r['id']}",
             "title": r["title"], "source": "wikinews"} for r in read_wikinews(SHARED)]


def find_lookalikes(records: list[dict]) -> set[str]:
    """Ids that have a look-alike (TF-IDF cosine >= LOOKALIKE) in the pool."""
    from sklearn.feature_extraction.text import TfidfVectorizer

    matrix = TfidfVectorizer(sublinear_tf=True, max_df=0.3).fit_transform([r["text"] for r in records])
    similar = (matrix @ matrix.T).tocoo()
    return {records[i]["id"] for i, j, v in zip(similar.row, similar.col, similar.data) if i != j and v >= LOOKALIKE}


def label_records(records: list[dict], labels: dict) -> list[dict]:
    event_of = {article_id: event for event, ids in labels["EVENTS"].items() for article_id in ids}
    chosen = [r for r in records if r["id"] in event_of or r["id"] in labels["HARD_NEGATIVES"]]
    lookalikes = find_lookalikes(records)
    rng = random.Random(6)
    later = set(labels.get("ADDED_LATER", []))  # labelled after the draw: kept in the pool so the draw stays
    for source in ("smartdata", "wikinews"):
        pool = [r for r in records if r["source"] == source and r["id"] not in lookalikes
                and (r["id"] not in event_of or r["id"] in later) and r["id"] not in labels["EXCLUDED"]]
        chosen += rng.sample(sorted(pool, key=lambda r: r["id"]), SINGLETONS_PER_SOURCE)
    for record in chosen:
        record["event"] = event_of.get(record["id"], "single:" + record["id"])
        record["date"] = HAND_DATES.get(record["event"], record["date"]) if record["source"] == "smartdata" else record["date"]
    return sorted({r["id"]: r for r in chosen}.values(), key=lambda r: (r["date"], r["id"]))


def main() -> None:
    labels = json.loads((HERE / "clustering_labels.json").read_text(encoding="utf-8"))
    records = label_records(read_smartdata_news() + read_wikinews_news(), labels)
    fields = ("id", "text", "date", "outlet", "url", "title", "source", "event")
    with open(HERE / "clustering_de.jsonl", "w", encoding="utf-8") as handle:
        for record in records:
            handle.write(json.dumps({f: record[f] for f in fields}, ensure_ascii=False) + "\n")
    events = {r["event"] for r in records}
    multi = sum(1 for e in events if sum(r["event"] == e for r in records) > 1)
    print(f"{len(records)} articles, {len(events)} events, {multi} with several articles")


if __name__ == "__main__":
    main()
