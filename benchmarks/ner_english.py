"""English entity F1 on hand-annotated sentences, beside the German model on the same English text.

Gold: data/ner_en_gold.tsv (the first two content sentences of 20 English originals of the frozen
part of the cross-lingual development set, annotated before the English reader was run on them).
A predicted mention counts when its surface and type match a gold mention of the same sentence
(each gold mention matched once). Reported: typed F1 over PER/ORG/LOC (MISC left out on both
sides: the reader types unknown multi-word names MISC), and untyped F1 over all names.
The baseline is what the code did before English had its own reader: the German model.

Usage: .venv/bin/python benchmarks/ner_english.py [--encoder]
(--encoder adds the accurate NER mode's encoder tagger, trained on German only, as a third reader.)
"""
from __future__ import annotations

import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
GOLD = HERE / "data" / "ner_en_gold.tsv"
DATA = Path("/work/shared/data/crosslingual_dev/pairs.jsonl")
TYPES = ("PER", "ORG", "LOC")


def read_gold() -> dict[tuple[str, int], list[tuple[str, str]]]:
    gold = defaultdict(list)
    for line in GOLD.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            text_id, index, kind, surface = line.split("\t")
            gold[(text_id, int(index))].append((surface, kind))
    return gold


def predicted(reader, gold_keys) -> dict[tuple[str, int], list[tuple[str, str]]]:
    from storyline.ingest.article import make_article

    texts = {json.loads(line)["id"]: json.loads(line)["text"] for line in DATA.read_text(encoding="utf-8").splitlines()}
    found = {}
    for text_id in sorted({key[0] for key in gold_keys}):
        article = make_article(texts[text_id], id=text_id)
        mentions = reader(article)
        for index, sentence in enumerate(article.content_sentences()[:2]):
            found[(text_id, index)] = [(m.text, m.type) for m in mentions
                                       if sentence.start <= m.start and m.end <= sentence.end]
    return found


def score(gold: dict, found: dict, typed: bool) -> tuple[float, float, float, int]:
    hit = n_gold = n_found = 0
    for key, items in gold.items():
        wanted = [(s, t if typed else "") for s, t in items if not typed or t in TYPES]
        got = [(s, t if typed else "") for s, t in found.get(key, []) if not typed or t in TYPES]
        hit += sum((Counter(wanted) & Counter(got)).values())
        n_gold, n_found = n_gold + len(wanted), n_found + len(got)
    precision, recall = hit / n_found if n_found else 0.0, hit / n_gold if n_gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1, n_gold


def encoder_reader(article):
    """The accurate mode's encoder tagger alone (trained on German only: zero-shot on English), on
    the German pipeline's tokens of each content sentence, without the German rules."""
    from storyline.analyze.encoder.tagger import doc_entities
    from storyline.analyze.entities.spacy_runtime import article_pieces, parse_pieces
    from storyline.model import Mention

    pieces = article_pieces(article)
    docs = parse_pieces([text for _, text in pieces], 64)
    return [Mention(offset + a, offset + b, article.text[offset + a:offset + b], label)
            for (offset, _), spans in zip(pieces, doc_entities(docs)) for a, b, label in spans]


def main() -> None:
    if not DATA.exists():
        sys.exit(f"{DATA} is missing: the cross-lingual development set is research-only shared data")
    from storyline.analyze.entities import find_mentions
    from storyline.analyze.entities.english import find_english_mentions

    gold = read_gold()
    print(f"command: {' '.join([Path(sys.executable).name] + sys.argv)}")
    print(f"{len(gold)} sentences, {sum(len(v) for v in gold.values())} gold names\n")
    print("| reader | typed P | typed R | **typed F1** (PER/ORG/LOC) | untyped P | untyped R | untyped F1 |")
    print("|---|---|---|---|---|---|---|")
    readers = [("German model (before)", find_mentions), ("English reader (analyze/entities/english.py)",
                                                          find_english_mentions)]
    if "--encoder" in sys.argv:
        readers.append(("encoder tagger of --ner accurate (German-trained, zero-shot, no rules)", encoder_reader))
    for name, reader in readers:
        found = predicted(reader, gold)
        tp, tr, tf, _ = score(gold, found, typed=True)
        up, ur, uf, _ = score(gold, found, typed=False)
        print(f"| {name} | {tp:.3f} | {tr:.3f} | **{tf:.3f}** | {up:.3f} | {ur:.3f} | {uf:.3f} |")


if __name__ == "__main__":
    main()
