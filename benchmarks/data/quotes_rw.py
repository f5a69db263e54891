"""Corpus REDEWIEDERGABE (German newspapers and magazines 1840-1920) as a second quote check.

    .venv/bin/python benchmarks/data/quotes_rw.py [--write-ids] [--stats]

Reads the news samples of the corpus (`rwk_mkhz_*`: Mannheimer Korpus Historischer Zeitungen,
`rwk_grenz_*`: the magazine "Die Grenzboten") from ../shared/data/redewiedergabe/main_tsv_news and
turns each into the same shape as SpkAtt-2023 (`spkatt.SpkAttDoc`: text with character spans for
message, source and cue), so `benchmarks/quotes.py --part rw-tune|rw-frozen` scores it with the
same measures (direct recall, indirect recall, quote precision, speaker accuracy).

Licence: CC BY-NC-SA 4.0 (Brunner et al., LREC 2020). Only this benchmark reads it; nothing
derived from it (rules, word lists, models) ships in the package.

What is mapped (the corpus annotates speech, thought and writing representation, "STWR"):
- a `direct` STWR whose medium includes speech or writing -> a Direct gold message;
- an `indirect` one (speech or writing) -> an Indirect gold message;
- `indirect_freeIndirect`, `freeIndirect` and `reported` (speech or writing) -> gold messages that
  count for precision only (as SpkAtt's FreeIndirect/Reported forms do): a quote over them is
  not wrong, but they are not asked for;
- STWRs marked `nonfact` (negated, hypothetical, "he did not say"), `border` (borderline) or
  `metaph` (metaphorical) count for precision only, not for recall;
- the `speaker` tokens of an STWR -> its source, the `intexpr` tokens -> its cue.
Left out: STWRs of thought only (`glaubte`, `dachte`, inner monologue): Storyline does not claim
them, so a quote over thought alone counts as a wrong quote; fiction samples (`fictional = yes`
in metadata.tsv: 52 of the 495); the `frame` column (the rules find their own frame).

Text: the corpus's orthographically normalised tokens (`normtok`, by CAB) for words, the original
token for punctuation and quotation marks (CAB writes „ as &quot;; a straight " after „ is read as
the closing “), and "daß" as "dass" (CAB keeps
it). Spelling is still historical in many places ("ward", "giebt" are normalised, but not
everything is, and sentence structure and vocabulary are 19th-century): figures on this check are
a caveat-laden second opinion, not a like-for-like news benchmark.

Split: samples are grouped by source document (the id without its "-N"/"-short" suffix, so two
samples of one text stay together) and a document goes to the frozen half when the first byte of
sha1("rw:" + document id) is odd. The frozen ids are written to
benchmarks/data/quotes_rw_frozen_ids.txt (`--write-ids`) and were committed before any rule ran on
them.
"""
from __future__ import annotations

import argparse
import hashlib
import sys
from collections import Counter, defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
from spkatt import SHARED, Annotation, SpkAttDoc, detokenize, to_spans  # noqa: E402

RW = SHARED / "redewiedergabe" / "main_tsv_news"
FROZEN_IDS = HERE / "quotes_rw_frozen_ids.txt"
FORMS = {"direct": "Direct", "indirect": "Indirect", "indirect freeIndirect": "IndirectFreeIndirect",
         "indirect_freeIndirect": "IndirectFreeIndirect", "freeIndirect": "FreeIndirect", "reported": "Reported"}
PRECISION_ONLY = ("nonfact", "border", "metaph")


def document_id(sample: str) -> str:
    """rwk_grenz_11238-2 -> rwk_grenz_11238 (samples of one text share a document)."""
    return sample.rsplit("-", 1)[0]


def is_frozen(sample: str) -> bool:
    return hashlib.sha1(("rw:" + document_id(sample)).encode()).digest()[0] % 2 == 1


def news_samples() -> list[str]:
    """Non-fiction newspaper and magazine samples, in name order."""
    fiction = set()
    for line in (RW / "metadata.tsv").read_text(encoding="utf-8").splitlines()[1:]:
        cells = line.split("\t")
        if len(cells) > 7 and cells[7] == "yes":
            fiction.add(cells[0].removesuffix(".tsv"))
    names = sorted(p.stem for p in RW.glob("rwk_*.tsv") if p.stem.startswith(("rwk_mkhz_", "rwk_grenz_")))
    return [n for n in names if n not in fiction]


def years() -> dict[str, str]:
    out = {}
    for line in (RW / "metadata.tsv").read_text(encoding="utf-8").splitlines()[1:]:
        cells = line.split("\t")
        if len(cells) > 2:
            out[cells[0].removesuffix(".tsv")] = cells[2]
    return out


def surface(tok: str, normtok: str) -> str:
    if not normtok or not any(c.isalnum() for c in tok) or not any(c.isalnum() for c in normtok):
        return tok
    if normtok.lower() == "daß":
        return normtok[0] + "ass"
    return normtok


def ids_of(cell: str, prefix: str) -> list[str]:
    """'speaker.12_19' -> ['12', '19']; 'frame.18|frame.17' -> ['18', '17']."""
    out = []
    for part in cell.split("|"):
        if part.startswith(prefix + "."):
            out.extend(part[len(prefix) + 1:].replace(" ", "_").split("_"))
    return out


def read_sample(name: str, date: str = "1900-01-01") -> SpkAttDoc:
    rows = [line.split("\t") for line in (RW / f"{name}.tsv").read_text(encoding="utf-8").splitlines()[1:]]
    sentences: list[list[str]] = []
    address: list[tuple[int, int]] = []
    german_open = False  # „…" in the original: the straight mark closes the German one
    for row in rows:
        if not sentences or row[5] == "yes":
            sentences.append([])
        token = surface(row[0], row[1])
        if token == '"' and german_open:
            token = "“"
        german_open = token == "„" or (german_open and token not in ("“", "”"))
        sentences[-1].append(token)
        address.append((len(sentences) - 1, len(sentences[-1]) - 1))
    text, offsets = detokenize(sentences)
    stwr: dict[str, dict] = {}
    parts: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    for (s, t), row in zip(address, rows):
        key = f"{s}:{t}"
        for level in row[6].split("|") if row[6] != "-" else []:
            fields = level.split(".")
            if len(fields) < 3:
                continue
            kind, medium, number, attrs = fields[0], fields[1], fields[2], fields[3:]
            stwr.setdefault(number, {"type": kind, "medium": medium, "attrs": attrs})
            parts[number]["message"].append(key)
        for number in ids_of(row[8], "speaker"):
            parts[number]["source"].append(key)
        for number in ids_of(row[9], "intexpr"):
            parts[number]["cue"].append(key)
    annotations = []
    for number, info in stwr.items():
        medium = info["medium"].replace(" ", "_").split("_")
        if "speech" not in medium and "writing" not in medium:
            continue  # thought only: not claimed
        form = FORMS.get(info["type"], "Other")
        if form in ("Direct", "Indirect") and any(a.split("=")[0] in PRECISION_ONLY for a in info["attrs"]):
            form += "Marked"  # nonfact / border / metaph: precision only
        spans = {k: to_spans(parts[number][k], offsets) for k in ("message", "source", "cue")}
        annotations.append(Annotation(form=form, stwr=info["medium"], **spans))
    return SpkAttDoc(name=name, date=date, text=text, annotations=annotations)


def frozen_names() -> list[str]:
    return [line.strip() for line in FROZEN_IDS.read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.startswith("#")]


def rw_part(part: str, limit: int | None = None) -> list[SpkAttDoc]:
    """part 'rw-tune' or 'rw-frozen': the samples of that half, in name order."""
    frozen = set(frozen_names())
    assert frozen and all(is_frozen(n) for n in frozen), "frozen id list does not match the hash split"
    dates = years()
    names = [n for n in news_samples() if (n in frozen) == (part == "rw-frozen")]
    return [read_sample(n, f"{dates.get(n, '1900')[:4]}-01-01") for n in names[:limit]]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write-ids", action="store_true", help="write the frozen id list")
    parser.add_argument("--stats", action="store_true", help="counts per half (tune half only in detail)")
    args = parser.parse_args()
    names = news_samples()
    if args.write_ids:
        frozen = [n for n in names if is_frozen(n)]
        FROZEN_IDS.write_text(
            "# Corpus REDEWIEDERGABE news samples frozen for issue 22 (sha1 of 'rw:' + document id, first byte odd).\n"
            "# Written before any rule ran on them; scored once per round, aggregates only.\n"
            + "".join(n + "\n" for n in frozen), encoding="utf-8")
        print(f"{len(frozen)} of {len(names)} samples frozen -> {FROZEN_IDS}")
    if args.stats:
        docs = rw_part("rw-tune")
        forms = Counter(a.form for d in docs for a in d.annotations)
        print(f"rw-tune: {len(docs)} samples, {sum(len(d.text) for d in docs)} characters; forms {dict(forms)}")
        print(f"rw-frozen: {len(frozen_names())} samples (not read here)")


if __name__ == "__main__":
    main()
