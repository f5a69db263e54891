"""The hostile-input run of issue 19: seeded random cases against every entry point, with counts.

    python fuzz/hostile_run.py --cases 10000 --seed 19

Case families (shares of --cases): record-level readers with good records around bad ones
(JSON Lines, JSON arrays, CSV/TSV, gzip cut anywhere, WARC cut anywhere, any bytes in any
format); the web app through FastAPI's TestClient (random methods, paths, query strings, headers
and bodies, POSTs analysed in the app's worker process); network fetches of loopback and private
addresses in many spellings without --allow-private (a loopback server counts what reaches it);
and the small reproducing inputs of the issue's classes through `ingest`, `analyze` and `serve`.

Counted: crashes (an exception escaping an entry point, a reader crash caught by read_file's
safety net, an HTTP 5xx other than 503, a response without the security headers), good records
lost (a good record around bad ones that did not come back), and requests that reached the
loopback server. Exit status 1 when any count is not zero.
"""
from __future__ import annotations

import argparse
import gzip
import io
import json
import random
import string
import sys
import tempfile
import threading
import time
import traceback
from collections import Counter
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import quote

GOOD = ("Wladimir Putin hat am Mittwoch den nordkoreanischen Machthaber Kim Jong-un in Wostotschny empfangen. "
        "„Wir werden helfen“, sagte Putin nach dem Treffen.")
SHARES = {"jsonl": 0.22, "json": 0.06, "csv": 0.08, "gzip": 0.07, "warc": 0.05, "bytes": 0.12,
          "serve": 0.34, "network": 0.06}


class Tally:
    def __init__(self) -> None:
        self.cases, self.crashes, self.lost, self.private_hits = Counter(), Counter(), Counter(), 0
        self.good_records = 0
        self.examples: list[str] = []

    def crash(self, family: str, what: str) -> None:
        self.crashes[family] += 1
        if len(self.examples) < 20:
            self.examples.append(f"{family}: {what[:300]}")


# --- hostile pieces ---------------------------------------------------------------------------

def junk_text(rng: random.Random, size: int | None = None) -> str:
    size = size if size is not None else rng.choice([0, 1, 5, 40, 300, 3000])
    alphabet = rng.choice([string.printable, "„“‚‘«»–—…\u00ad\u200b\u202e\ufeff\x00\x1b\r\n\t",
                           "0123456789-", "äöüßÄÖÜ ", "".join(map(chr, range(0x80, 0x250)))])
    return "".join(rng.choice(alphabet) for _ in range(size))


def bad_json_line(rng: random.Random) -> str:
    choice = rng.randrange(14)
    depth = rng.choice([50, 1000, 100_000])
    return [
        lambda: "[" * depth + "]" * depth,
        lambda: '{"a":' * depth + "1" + "}" * depth,
        lambda: '{"id": "s", "text": "Kim \\ud800 sagte \\udfff"}',
        lambda: '{"text": ' + "9" * rng.choice([10, 5000, 50_000]) + "}",
        lambda: '{"text": 1e400, "date": NaN}',
        lambda: '{"text": ["Liste"], "date": {"y": 1}}',
        lambda: '{"text": "' + "x" * rng.choice([10, 100_000]) + '", "date": "9999-99-99"}',
        lambda: "[1, 2]",
        lambda: '"nur ein String"',
        lambda: junk_text(rng).replace("\n", " "),
        lambda: '{"id": "' + junk_text(rng, 30).replace('"', "").replace("\\", "").replace("\n", "") + '"',
        lambda: '{"text": "", "id": null}',
        lambda: "\ufeff{\"text\": \"BOM\u2028mitten\"",
        lambda: '{"text": "Zahl ' + "7" * rng.choice([100, 3000]) + '", "date": "0000-00"}',
    ][choice]()


def good_record(number: int, tag: str) -> dict:
    return {"id": f"{tag}-{number}", "date": "2023-09-13", "text": f"Meldung {tag} Nummer {number}. {GOOD}"}


def run_reader_case(path: Path, options, tally: Tally, family: str, expected: set[str]) -> None:
    from storyline.ingest.problems import Problem
    from storyline.ingest.read import read_paths
    from storyline.model import Article

    try:
        items = list(read_paths([path], options))
    except Exception:  # noqa: BLE001 - the readers promise Problems, never an exception
        tally.crash(family, traceback.format_exc(limit=3))
        return
    found = set()
    for item in items:
        if isinstance(item, Article):
            found.add(item.id)
        elif isinstance(item, Problem) and item.reason.startswith("reading failed ("):
            tally.crash(family, item.reason)
    tally.good_records += len(expected)
    tally.lost[family] += len(expected - found)
    if expected - found and len(tally.examples) < 20:
        tally.examples.append(f"{family}: lost {sorted(expected - found)[:3]} in {path.name}")


# --- readers ----------------------------------------------------------------------------------

def case_jsonl(rng, folder: Path, tally: Tally, number: int) -> None:
    from storyline.ingest.read import ReadOptions

    lines, expected = [], set()
    for n in range(rng.randint(1, 6)):
        if rng.random() < 0.5:
            record = good_record(n, f"j{number}")
            expected.add(record["id"])
            lines.append(json.dumps(record, ensure_ascii=rng.random() < 0.5))
        else:
            lines.append(bad_json_line(rng))
    ending = rng.choice(["\n", "\r\n"])
    path = folder / f"case{number}.jsonl"
    path.write_text(ending.join(lines) + ending, encoding="utf-8", errors="surrogatepass")
    run_reader_case(path, ReadOptions(format=rng.choice([None, "jsonl"])), tally, "jsonl", expected)


def case_json_array(rng, folder: Path, tally: Tally, number: int) -> None:
    from storyline.ingest.read import ReadOptions

    items, expected = [], set()
    for n in range(rng.randint(1, 6)):
        if rng.random() < 0.5:
            record = good_record(n, f"a{number}")
            expected.add(record["id"])
            items.append(json.dumps(record, ensure_ascii=False))
        else:
            items.append(rng.choice(['{"text": 5}', '"x"', "[[[]]]", "null", '{"text": "  "}', '{"id": []}']))
    path = folder / f"case{number}.json"
    path.write_text("[" + ",\n".join(items) + "]", encoding="utf-8")
    run_reader_case(path, ReadOptions(format=rng.choice([None, "json"])), tally, "json", expected)


def case_csv(rng, folder: Path, tally: Tally, number: int) -> None:
    import csv

    from storyline.ingest.read import ReadOptions

    tsv = rng.random() < 0.3
    buffer, expected = io.StringIO(), set()
    writer = csv.writer(buffer, delimiter="\t" if tsv else ",")
    writer.writerow(["id", "date", "title", "text"])
    for n in range(rng.randint(1, 6)):
        if rng.random() < 0.5:
            record = good_record(n, f"c{number}")
            expected.add(record["id"])
            writer.writerow([record["id"], record["date"], "Titel", record["text"]])
        else:
            writer.writerow([junk_text(rng, 8), rng.choice(["", "9999-99", "gestern"]), junk_text(rng),
                             rng.choice(["", " ", "=HYPERLINK(\"x\")", junk_text(rng)])][:rng.randint(0, 4)])
    path = folder / f"case{number}.{'tsv' if tsv else 'csv'}"
    path.write_text(buffer.getvalue(), encoding="utf-8")
    run_reader_case(path, ReadOptions(), tally, "csv", expected)


def case_gzip(rng, folder: Path, tally: Tally, number: int) -> None:
    """JSON Lines, gzipped and cut anywhere: every line complete before the cut is kept."""
    from storyline.ingest.read import ReadOptions

    records = [good_record(n, f"g{number}") for n in range(rng.randint(2, 8))]
    lines = [json.dumps(r, ensure_ascii=False) + "\n" for r in records]
    raw = "".join(lines).encode("utf-8")
    packed = gzip.compress(raw)
    cut = rng.randint(len(packed) // 3, len(packed))
    # which lines survive: inflate the cut stream the way a reader can at best
    import zlib

    inflater = zlib.decompressobj(31)
    try:
        readable = inflater.decompress(packed[:cut])
    except zlib.error:
        readable = b""
    complete = readable.count(b"\n")
    expected = {records[n]["id"] for n in range(complete)} if cut < len(packed) else {r["id"] for r in records}
    path = folder / f"case{number}.jsonl.gz"
    path.write_bytes(packed[:cut])
    run_reader_case(path, ReadOptions(), tally, "gzip", expected)


WARC_CACHE: dict = {}


def warc_archive(compress: bool) -> tuple[bytes, list[int]]:
    if compress not in WARC_CACHE:
        from warcio.statusandheaders import StatusAndHeaders
        from warcio.warcwriter import WARCWriter

        buffer, ends = io.BytesIO(), []
        writer = WARCWriter(buffer, gzip=compress)
        for n in range(4):
            body = f"<html><body><article><h1>Seite {n}</h1><p>{GOOD}</p></article></body></html>".encode()
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(f"http://a.example/{n}", "response",
                                                          payload=io.BytesIO(body), http_headers=headers))
            ends.append(buffer.tell())
        WARC_CACHE[compress] = (buffer.getvalue(), ends)
    return WARC_CACHE[compress]


def case_warc(rng, folder: Path, tally: Tally, number: int) -> None:
    """A WARC of four pages cut anywhere: the complete records are kept, a cut is reported."""
    from storyline.ingest.problems import Problem
    from storyline.ingest.read import read_paths

    compress = rng.random() < 0.5
    data, ends = warc_archive(compress)
    cut = rng.randint(60, len(data))
    path = folder / f"case{number}.warc{'.gz' if compress else ''}"
    path.write_bytes(data[:cut])
    try:
        items = list(read_paths([path]))
    except Exception:  # noqa: BLE001 - counted as a crash
        tally.crash("warc", traceback.format_exc(limit=3))
        return
    pages = [item for item in items if not isinstance(item, Problem)]
    problems = [item for item in items if isinstance(item, Problem)]
    complete = sum(end <= cut for end in ends)
    tally.good_records += complete
    tally.lost["warc"] += max(0, complete - len(pages))
    if cut not in ends and len(pages) < len(ends) and not problems:
        tally.lost["warc"] += 1  # a silent cut: the lost records were not reported
        if len(tally.examples) < 20:
            tally.examples.append(f"warc: cut at {cut} of {len(data)} not reported")


def case_bytes(rng, folder: Path, tally: Tally, number: int) -> None:
    from storyline.ingest.read import FORMATS, ReadOptions

    size = rng.choice([0, 1, 10, 200, 5000])
    data = bytes(rng.getrandbits(8) for _ in range(size))
    if rng.random() < 0.5:  # a format's opening, then junk
        data = rng.choice([b"WARC/1.0\r\n", b"<?xml version='1.0'?><rss>", b"<!DOCTYPE html><html>", b"id,text\n",
                           b"{\"text\": ", b"[", b"\xff\xfe", b"\xef\xbb\xbf", b"\x1f\x8b\x08"]) + data
    path = folder / f"case{number}.{rng.choice(['dat', 'txt', 'html', 'xml', 'csv', 'jsonl', 'warc', 'gz'])}"
    path.write_bytes(data)
    run_reader_case(path, ReadOptions(format=rng.choice([None, *FORMATS])), tally, "bytes", set())


# --- serve --------------------------------------------------------------------------------------

PATHS = ["/", "/stories/{id}", "/stories/{id}/report.html", "/articles/{id}", "/entities/{id}", "/search",
         "/api/stories", "/api/stories/{id}", "/api/entities", "/api/entities/{id}", "/api/quotes",
         "/api/articles/{id}", "/api/search", "/api/articles", "/static/{id}", "/openapi.json", "/api/docs",
         "/{id}"]
PARAMS = ["since", "until", "outlet", "entity", "limit", "offset", "q", "type", "speaker", "page", "format"]


def hostile_value(rng: random.Random, ids: list[str]) -> str:
    return rng.choice([
        lambda: rng.choice(ids) if ids else "x",
        lambda: str(rng.choice([0, -1, 1, 199, 200, 201, 2 ** 31, 2 ** 63, 2 ** 64, 10 ** 30])),
        lambda: rng.choice(["9999-12-31", "0000-00-00", "2023-02-30", "2023", "1-1-1", "NaN", "inf"]),
        lambda: rng.choice(["../../etc/passwd", "%2e%2e%2f", "..%2F..%2F", "%00", "%ff%fe", "\\..\\", "//x"]),
        lambda: rng.choice(["<script>alert(1)</script>", "\" onmouseover=\"x", "javascript:alert(1)", "[bold]x"]),
        lambda: junk_text(rng, rng.choice([0, 3, 50, 600])),
        lambda: "PER:" + junk_text(rng, 10),
    ])()


def hostile_body(rng: random.Random, number: int) -> tuple[dict, str | None]:
    """Keyword arguments for the TestClient request, and the id of a good article among them."""
    kind = rng.randrange(9)
    if kind == 0:
        record = good_record(number, "post")
        return {"json": record}, record["id"]
    if kind == 1:
        return {"json": {"articles": [good_record(number, "postlist"), {"text": 5}, {"id": "leer"}]}}, None
    if kind == 2:
        depth = rng.choice([100, 5000])
        return {"content": "[" * depth + "]" * depth, "headers": {"Content-Type": "application/json"}}, None
    if kind == 3:
        return {"content": '{"text": "Kim \\ud800 sagte"}', "headers": {"Content-Type": "application/json"}}, None
    if kind == 4:
        return {"content": junk_text(rng).encode("utf-8", "surrogatepass"),
                "headers": {"Content-Type": rng.choice(["application/json", "text/plain", "multipart/form-data",
                                                        "multipart/form-data; boundary=x", ""])}}, None
    if kind == 5:
        data = bytes(rng.getrandbits(8) for _ in range(rng.choice([0, 10, 2000])))
        return {"files": {rng.choice(["file", "datei"]): (rng.choice(["../../a.warc", "x.jsonl.gz", "", "a.csv"]),
                                                           data, "application/octet-stream")}}, None
    if kind == 6:
        return {"json": {"text": "Er sagte: „" + "Wort " * 50_000}}, None  # 250,000 characters: 413
    if kind == 7:
        return {"json": rng.choice([[], {}, None, 5, "text", [1, 2], {"articles": "x"}, {"text": ["a"]}])}, None
    return {"json": {"text": GOOD, "date": hostile_value(rng, []), "id": hostile_value(rng, []),
                     "url": hostile_value(rng, []), "title": hostile_value(rng, [])}}, None


def serve_cases(rng, folder: Path, tally: Tally, count: int) -> None:
    from fastapi.testclient import TestClient

    from storyline.flow import ingest_paths
    from storyline.store.db import Store
    from storyline.web.app import create_app

    db = folder / "serve.db"
    source = folder / "serve.jsonl"
    source.write_text("".join(json.dumps(good_record(n, "basis"), ensure_ascii=False) + "\n" for n in range(3)),
                      encoding="utf-8")
    ingest_paths(Store(db), [source], workers=1)
    app = create_app(str(db), token="geheim")
    ids = ["basis-0", "basis-1"]
    with app.state.store.engine.connect() as conn:
        ids += [row[0] for row in conn.exec_driver_sql("SELECT id FROM stories UNION SELECT id FROM entities")]
    posted: list[str] = []
    with TestClient(app, raise_server_exceptions=True) as client:
        for number in range(count):
            tally.cases["serve"] += 1
            method = rng.choices(["GET", "HEAD", "POST", "PUT", "DELETE", "OPTIONS"], [60, 10, 22, 3, 3, 2])[0]
            path = rng.choice(PATHS).replace("{id}", hostile_value(rng, ids))
            if method == "POST" and rng.random() < 0.8:
                path = "/api/articles"
            params = [(rng.choice(PARAMS + [junk_text(rng, 5)]), hostile_value(rng, ids))
                      for _ in range(rng.choice([0, 0, 1, 2, 4]))]
            headers = {}
            if rng.random() < 0.3:
                headers["Accept"] = rng.choice(["*/*", "text/html", "application/json", junk_text(rng, 20)])
            if method == "POST":
                headers["Authorization"] = rng.choice(["Bearer geheim"] * 3 + ["Bearer falsch", "Basic x", ""])
            if rng.random() < 0.1:
                headers["Range"] = rng.choice(["bytes=0-1", "bytes=-1", "bytes=x"])
            extra, good_id = hostile_body(rng, number) if method == "POST" else ({}, None)
            extra_headers = extra.pop("headers", {})
            # what a client can send at all: header values as bytes, the path percent-encoded (raw %xx kept)
            headers = {k: v.encode("latin-1", "replace") for k, v in {**headers, **extra_headers}.items()}
            path = quote(path, safe="/%:@!$&'()*+,;=?~")
            try:
                response = client.request(method, path, params=params, headers=headers, **extra)
            except Exception:  # noqa: BLE001 - counted as a crash
                tally.crash("serve", f"{method} {path!r} {params!r}: {traceback.format_exc().strip().splitlines()[-1]}")
                continue
            if response.status_code >= 500 and response.status_code != 503:
                tally.crash("serve", f"{method} {path!r} {params!r} -> {response.status_code}: {response.text[:200]}")
            elif "content-security-policy" not in response.headers:
                tally.crash("serve", f"{method} {path!r} -> {response.status_code} without the security headers")
            if good_id and headers.get("Authorization") == "Bearer geheim" and response.status_code in (200, 201):
                posted.append(good_id)
    with app.state.store.engine.connect() as conn:
        stored = {row[0] for row in conn.exec_driver_sql("SELECT id FROM articles")}
    tally.good_records += len(posted)
    tally.lost["serve"] += len(set(posted) - stored)


# --- network ------------------------------------------------------------------------------------

def network_cases(rng, folder: Path, tally: Tally, count: int) -> None:
    """Loopback and private addresses in many spellings, fetched without --allow-private, directly
    and as the links of a feed ingested with --fetch; the loopback server counts what arrives."""
    import httpx

    from storyline.ingest import net
    from storyline.ingest.read import ReadOptions, read_paths

    hits = []

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):
            hits.append(self.path)
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            self.wfile.write(b"<html><body><p>Hallo</p></body></html>")

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    port = server.server_address[1]
    hosts = ["127.0.0.1", "localhost", "LOCALHOST.", "127.1", "0x7f.0.0.1", "0177.0.0.1", "2130706433",
             "[::1]", "[::ffff:127.0.0.1]", "[0:0:0:0:0:0:0:1]", "127.0.0.2", "0.0.0.0", "[::]"]
    try:
        with httpx.Client(timeout=5) as client:
            for number in range(count):
                tally.cases["network"] += 1
                host = rng.choice(hosts)
                url = f"{rng.choice(['http', 'https', 'HTTP'])}://{rng.choice(['', 'user@', 'a:b@'])}{host}:{port}/" \
                      f"{rng.choice(['', 'seite', '%2e%2e/x', '?a=b'])}"
                try:
                    if number % 4 == 0:  # a feed on disk whose entry links to the address, ingested with --fetch
                        feed = folder / f"feed{number}.xml"
                        feed.write_text(f"<?xml version='1.0'?><rss version='2.0'><channel><title>t</title><item>"
                                        f"<title>x</title><link>{url}</link><guid>{number}</guid></item></channel></rss>")
                        list(read_paths([feed], ReadOptions(format="feed", fetch=True)))
                    else:
                        net.get(client, url)
                except (net.FetchError, httpx.HTTPError):
                    pass
                except Exception:  # noqa: BLE001 - counted as a crash
                    tally.crash("network", f"{url}: {traceback.format_exc(limit=3)}")
            tally.private_hits = len(hits)
            hits.clear()  # the control: with the option the same server is reached
            net.get(client, f"http://127.0.0.1:{port}/", allow_private=True)
            if not hits:
                tally.crash("network", "control failed: --allow-private did not reach the loopback server")
    finally:
        server.shutdown()


# --- the reproducing inputs through ingest, analyze and serve ---------------------------

def regression_cases(folder: Path, tally: Tally) -> None:
    from storyline.flow import analyze_paths, ingest_paths
    from storyline.store.db import Store

    inputs = {
        "nested.jsonl": ["[" * 100_000 + "]" * 100_000, '{"id": "s", "text": "Kim \\ud800 sagte"}'],
        "digits.jsonl": ['{"id": "ziffern", "text": "Zahl ' + "7" * 2_000 + '"}'],
        "array-first.jsonl": ["[1,2]"],
        "calendar.jsonl": ['{"id": "rand", "text": "' + GOOD + ' Vor zehn Jahren.", "date": "0001-01-01"}',
                           '{"id": "ende", "text": "' + GOOD + ' Nächstes Jahr.", "date": "9999-12-31"}'],
        "formula.jsonl": ['{"id": "=HYPERLINK(\\"x\\")", "title": "[link=http://x]a[/link] \\u001b[2J",'
                          ' "text": "' + GOOD + '"}'],
    }
    for name, bad_lines in inputs.items():
        records = [good_record(n, name.split(".")[0]) for n in range(2)]
        path = folder / name
        path.write_text("\n".join([json.dumps(records[0], ensure_ascii=False), *bad_lines,
                                   json.dumps(records[1], ensure_ascii=False)]) + "\n", encoding="utf-8")
        expected = {r["id"] for r in records}
        for entry in ("ingest", "analyze"):
            tally.cases["regression"] += 1
            try:
                if entry == "ingest":
                    report = ingest_paths(Store(folder / f"{name}.db"), [path], workers=1)
                    found = set(report.added)
                else:
                    document, _ = analyze_paths([path], workers=1)
                    found = {article["id"] for article in document["articles"]}
            except Exception:  # noqa: BLE001 - counted as a crash
                tally.crash("regression", f"{entry} {name}: {traceback.format_exc(limit=3)}")
                continue
            tally.good_records += len(expected)
            tally.lost["regression"] += len(expected - found)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--cases", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=19)
    args = parser.parse_args()
    rng, tally = random.Random(args.seed), Tally()
    started = time.monotonic()
    families = {"jsonl": case_jsonl, "json": case_json_array, "csv": case_csv, "gzip": case_gzip,
                "warc": case_warc, "bytes": case_bytes}
    with tempfile.TemporaryDirectory(prefix="storyline-hostile-") as name:
        folder = Path(name)
        regression_cases(folder, tally)
        for family, case in families.items():
            for number in range(round(args.cases * SHARES[family])):
                tally.cases[family] += 1
                case(rng, folder, tally, number)
                for leftover in folder.glob("case*"):
                    leftover.unlink()
        network_cases(rng, folder, tally, round(args.cases * SHARES["network"]))
        serve_cases(rng, folder, tally, round(args.cases * SHARES["serve"]))
    total = sum(tally.cases.values())
    print(f"hostile run, seed {args.seed}: {total:,} cases in {time.monotonic() - started:.0f} s")
    print(f"{'family':<12}{'cases':>8}{'crashes':>9}{'lost':>6}")
    for family in [*families, "network", "serve", "regression"]:
        print(f"{family:<12}{tally.cases[family]:>8,}{tally.crashes[family]:>9}{tally.lost[family]:>6}")
    print(f"crashes: {sum(tally.crashes.values())}; good records lost: {sum(tally.lost.values())} "
          f"of {tally.good_records:,}; requests reaching loopback without --allow-private: {tally.private_hits}")
    for example in tally.examples:
        print("  " + example.replace("\n", " | "))
    return 1 if sum(tally.crashes.values()) or sum(tally.lost.values()) or tally.private_hits else 0


if __name__ == "__main__":
    sys.exit(main())
