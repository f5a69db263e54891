"""Main text, lead, title, date and outlet from real German web pages: Storyline's HTML reader
beside trafilatura's defaults, in one run.

Data: `../shared/data/webpages_de` (542 pages with the `with` / `without` snippets trafilatura's
maintainers wrote; see its README). The set has no full-text gold, so every text figure is a
snippet figure, per page:

- recall: share of `with` snippets found in the body; a page is *truncated* when recall < 0.90;
- precision: 1 − share of `without` snippets present, counted over the `without` snippets that
  occur in the page at all (the others always pass); *boilerplate* page: precision < 0.90;
- word F1: the same two shares weighted by the snippets' words, combined as F1;
- lead kept: every `lead_with` snippet (the sentence is in the page's description) found;
- title exact (whitespace folded; also case-folded, since some gold titles copy a headline that
  the page's CSS shows in capitals), date the same day, outlet clean (see `outlet_flags`).

Storyline's body is what the analysis reads: the stored text without the blocks that cleaning
marks as furniture or credits (`clean.clean_text`). The stored text as a whole is scored too.

The part is chosen by page id: `--part frozen` is `benchmarks/data/webpages_frozen_ids.txt`,
fixed before any output was looked at; `--part tune` is the rest (the only part for ideas;
`--errors` lists its failures).

Usage: .venv/bin/python benchmarks/extraction.py --part tune|frozen|all [--errors] [--limit N] [--src DIR]
(`--src /tmp/extract_base/src` scores the code of an older commit, checked out with `git worktree add`.)
"""
from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
import time
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
DATA = ROOT.parent / "shared" / "data" / "webpages_de"
FROZEN = ROOT / "benchmarks" / "data" / "webpages_frozen_ids.txt"
THRESHOLD = 0.90


def norm(text: str) -> str:
    text = unicodedata.normalize("NFC", text).replace("\u00ad", "").replace("\u200b", "")
    return re.sub(r"\s+", " ", text).strip()


def frozen_ids() -> set[str]:
    return {line.strip() for line in FROZEN.read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.startswith("#")}


def load_pages(part: str, limit: int | None = None) -> list[dict]:
    frozen = frozen_ids()
    pages = [json.loads(line) for line in (DATA / "gold.jsonl").open(encoding="utf-8")]
    if part != "all":
        pages = [p for p in pages if (p["file"] in frozen) == (part == "frozen")]
    return pages[:limit] if limit else pages


def page_bytes(page: dict) -> bytes:
    return gzip.open(DATA / "pages" / f"{page['file']}.gz", "rb").read()


# --- the two systems: HTML bytes + url -> body, stored text, title, date, outlet -----------------

def trafilatura_defaults(data: bytes, url: str | None) -> dict:
    import trafilatura
    from trafilatura.metadata import extract_metadata

    text = trafilatura.extract(data, url=url) or ""
    meta = extract_metadata(data, default_url=url)
    return {"body": text, "stored": text, "title": meta.title if meta else None,
            "date": meta.date if meta else None,
            "outlet": (meta.sitename or meta.hostname) if meta else None}


def storyline(data: bytes, url: str | None) -> dict:
    from storyline.ingest.clean import clean_text
    from storyline.ingest.decode import decode_bytes
    from storyline.ingest.html import extract_html
    from storyline.ingest.problems import Problem

    html, _ = decode_bytes(data)
    raw = extract_html(html, "page.html", url=url)
    if isinstance(raw, Problem):
        return {"body": "", "stored": "", "title": None, "date": None, "outlet": None}
    text, blocks, _ = clean_text(raw.text)
    body = "\n".join(text[b.start:b.end] for b in blocks if b.kind not in ("furniture", "credit"))
    return {"body": body, "stored": text, "title": raw.title, "date": raw.date, "outlet": raw.outlet}


SYSTEMS = {"storyline": storyline, "trafilatura defaults": trafilatura_defaults}


# --- scoring --------------------------------------------------------------------------------------

def words(text: str) -> int:
    return len(text.split())


def score_text(page: dict, text: str, page_text: str) -> dict:
    text = norm(text)
    with_ = [norm(s) for s in page["with"]]
    without = [norm(s) for s in page["without"] if norm(s) in page_text]
    found = [s for s in with_ if s in text]
    present = [s for s in without if s in text]
    recall = len(found) / len(with_) if with_ else 1.0
    precision = 1 - len(present) / len(without) if without else 1.0
    recall_w = sum(map(words, found)) / max(1, sum(map(words, with_)))
    precision_w = 1 - sum(map(words, present)) / sum(map(words, without)) if without else 1.0
    f1 = 2 * recall_w * precision_w / (recall_w + precision_w) if recall_w + precision_w else 0.0
    leads = [norm(s) for s in page.get("lead_with", [])]
    return {"recall": recall, "precision": precision, "f1": f1,
            "lead": all(s in text for s in leads) if leads else None,
            "missing": [s for s in with_ if s not in text], "present": present}


SECTION_WORDS = re.compile(r"^(?:faktencheck|startseite|home|news|nachrichten|politik|wirtschaft|sport|kultur"
                           r"|meinung|panorama|lokales|regional|blog|magazin|aktuelles|artikel)$", re.IGNORECASE)


def outlet_flags(outlet: str | None, url: str | None) -> list[str]:
    """What makes an outlet name unclean: missing, a web address, a city/country suffix, a page
    title ("Name | Section"), a section word, or a long text."""
    if not outlet or not outlet.strip():
        return ["missing"]
    flags = []
    name = outlet.strip()
    if re.search(r"https?://|www\.|/", name):
        flags.append("address")
    if re.search(r",\s*(?:Germany|Deutschland|Austria|Österreich|Schweiz|Switzerland)\b|,\s*[A-ZÄÖÜ][a-zäöüß]+,", name):
        flags.append("place suffix")
    if re.search(r"\s[|–—»·:]\s|\s-\s", name):
        flags.append("title-like")
    if SECTION_WORDS.match(name):
        flags.append("section")
    if len(name) > 50:
        flags.append("long")
    return flags


def same_title(found: str | None, gold: str | None) -> bool | None:
    if gold is None:
        return None
    return bool(found) and norm(found) == norm(gold)


def same_day(found: str | None, gold: str | None) -> bool | None:
    if gold is None:
        return None
    return bool(found) and str(found)[:10] == gold


def page_text(data: bytes) -> str:
    """All text of the page (for which `without` snippets occur at all)."""
    from lxml import html as lxml_html

    try:
        return norm(lxml_html.fromstring(data).text_content())
    except Exception:  # noqa: BLE001 - a page lxml cannot read: fall back to the raw markup
        return norm(data.decode("utf-8", "replace"))


def evaluate(pages: list[dict], errors: bool) -> dict:
    rows = {name: [] for name in SYSTEMS}
    seconds = {name: 0.0 for name in SYSTEMS}
    for page in pages:
        data = page_bytes(page)
        whole = page_text(data)
        for name, system in SYSTEMS.items():
            started = time.perf_counter()
            out = system(data, page.get("url"))
            seconds[name] += time.perf_counter() - started
            row = score_text(page, out["body"], whole)
            row["stored"] = score_text(page, out["stored"], whole)
            row.update(file=page["file"], title=same_title(out["title"], page.get("title")),
                       title_folded=same_title((out["title"] or "").casefold(), (page.get("title") or "").casefold())
                       if page.get("title") else None,
                       date=same_day(out["date"], page.get("date")), outlet=out["outlet"],
                       outlet_flags=outlet_flags(out["outlet"], page.get("url")),
                       found_date=out["date"], found_title=out["title"])
            rows[name].append(row)
    if errors:
        show_errors(pages, rows["storyline"])
    return {name: summarise(rows[name], seconds[name]) for name in SYSTEMS}


def share(values: list) -> tuple[int, int]:
    known = [v for v in values if v is not None]
    return sum(bool(v) for v in known), len(known)


def summarise(rows: list[dict], seconds: float) -> dict:
    n = len(rows)
    return {
        "pages": n,
        "word F1 (mean)": round(sum(r["f1"] for r in rows) / n, 3),
        "boilerplate pages (precision < 0.90)": share([r["precision"] < THRESHOLD for r in rows]),
        "truncated pages (recall < 0.90)": share([r["recall"] < THRESHOLD for r in rows]),
        "pages passing (all with, no without)": share([r["recall"] == 1 and r["precision"] == 1 for r in rows]),
        "stored text: boilerplate pages": share([r["stored"]["precision"] < THRESHOLD for r in rows]),
        "stored text: truncated pages": share([r["stored"]["recall"] < THRESHOLD for r in rows]),
        "lead kept": share([r["lead"] for r in rows]),
        "title exact": share([r["title"] for r in rows]),
        "title, case folded (gold keeps CSS upper case)": share([r["title_folded"] for r in rows]),
        "date same day": share([r["date"] for r in rows]),
        "outlet clean": share([not r["outlet_flags"] for r in rows]),
        "seconds per page": round(seconds / n, 3),
    }


def show_errors(pages: list[dict], rows: list[dict]) -> None:
    gold = {p["file"]: p for p in pages}
    for row in rows:
        page = gold[row["file"]]
        lines = []
        if row["missing"]:
            lines.append(f"  missing: {row['missing']}")
        if row["present"]:
            lines.append(f"  present: {row['present']}")
        if row["lead"] is False:
            lines.append("  lead lost")
        if row["date"] is False:
            lines.append(f"  date {row['found_date']} != {page['date']}")
        if row["title"] is False:
            lines.append(f"  title {row['found_title']!r} != {page['title']!r}")
        if row["outlet_flags"]:
            lines.append(f"  outlet {row['outlet']!r}: {', '.join(row['outlet_flags'])}")
        if lines:
            print(f"{row['file']}  {page.get('url')}")
            print("\n".join(lines))


def format_table(results: dict) -> str:
    names = list(results)
    lines = ["| measure | " + " | ".join(names) + " |", "|---|" + "---|" * len(names)]
    for measure in results[names[0]]:
        cells = []
        for name in names:
            value = results[name][measure]
            cells.append(f"{value[0]} / {value[1]} = {value[0] / value[1]:.3f}" if isinstance(value, tuple) and value[1]
                         else str(value))
        lines.append(f"| {measure} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--part", choices=("tune", "frozen", "all"), default="tune")
    parser.add_argument("--errors", action="store_true", help="list Storyline's failures (tune part only)")
    parser.add_argument("--limit", type=int)
    parser.add_argument("--src", help="import Storyline from this src folder (a worktree of an older commit)")
    args = parser.parse_args()
    if args.src:
        sys.path.insert(0, str(Path(args.src).resolve()))
    if not DATA.exists():
        sys.exit(f"{DATA} is missing: this benchmark needs ../shared/data/webpages_de")
    if args.errors and args.part != "tune":
        sys.exit("--errors lists the tune part only: the frozen part is not for ideas")
    pages = load_pages(args.part, args.limit)
    results = evaluate(pages, args.errors)
    import storyline

    print(f"part {args.part}: {len(pages)} pages; storyline from {Path(storyline.__file__).parent}")
    print(format_table(results))


if __name__ == "__main__":
    main()
