"""Train the shipped German part-of-speech tagger (`src/storyline/models/de_pos`) from silver tags.

    .venv/bin/python scripts/train_pos.py [label|train|evaluate|all]   (make pos-model)

1. label: HanTa (PyPI `hanta`, LGPL, a tagger trained on a newspaper treebank; ~3k tokens/s, pure
   Python, so used here only, never at run time) tags the GermEval 2014 train sentences (CC BY 4.0)
   with STTS tags: `build/pos/silver.spacy`, minus a held-back tenth for a silver check.
2. train: `spacy train` with `scripts/pos_config/tagger.cfg` (a small hash-embedding CNN and a
   tagger; seeded), the best model copied to `src/storyline/models/de_pos`.
3. evaluate: tag accuracy on the gold sentences of UD German-GSD dev and test
   (`../shared/data/pos_de`, STTS XPOS column), overall and for the tags the quote rules read.

HanTa writes some tags with a bracketed feature ("VV(FIN)", "ADJ(A)"); they are mapped to plain
STTS ("VVFIN", "ADJA") so that the gold treebank can score the model directly.
"""
from __future__ import annotations

import gzip
import random
import shutil
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "data"
GERMEVAL_TRAIN = SHARED / "germeval2014" / "train.conll"
GOLD = SHARED / "pos_de"
BUILD = ROOT / "build" / "pos"
CONFIG = ROOT / "scripts" / "pos_config" / "tagger.cfg"
MODEL = ROOT / "src" / "storyline" / "models" / "de_pos"
SEED = 2026

# HanTa's bracketed tags -> STTS (the treebank's XPOS); anything else is taken as it is.
HANTA_TO_STTS = {
    "VV(FIN)": "VVFIN", "VV(INF)": "VVINF", "VV(PP)": "VVPP", "VV(IMP)": "VVIMP", "VV(IZU)": "VVIZU",
    "VA(FIN)": "VAFIN", "VA(INF)": "VAINF", "VA(PP)": "VAPP", "VA(IMP)": "VAIMP",
    "VM(FIN)": "VMFIN", "VM(INF)": "VMINF", "VM(PP)": "VMPP",
    "ADJ(A)": "ADJA", "ADJ(D)": "ADJD",
}


def stts(tag: str) -> str:
    return HANTA_TO_STTS.get(tag, tag)


def germeval_sentences() -> list[list[str]]:
    sentences, words = [], []
    for line in GERMEVAL_TRAIN.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            if words:
                sentences.append(words)
            words = []
        else:
            words.append(line.split("\t")[0])
    if words:
        sentences.append(words)
    return sentences


def label() -> None:
    """Silver tags from HanTa, written as spaCy DocBins (train and a held-back silver tenth)."""
    from HanTa import HanoverTagger as ht
    import spacy
    from spacy.tokens import Doc, DocBin

    tagger = ht.HanoverTagger("morphmodel_ger.pgz")
    sentences = germeval_sentences()
    random.Random(SEED).shuffle(sentences)
    vocab = spacy.blank("de").vocab
    train, held = DocBin(), DocBin()
    started, tokens = time.time(), 0
    for n, words in enumerate(sentences):
        tags = [stts(tag) for _, _, tag in tagger.tag_sent(words, taglevel=1)]
        (held if n % 10 == 0 else train).add(Doc(vocab, words=words, tags=tags))
        tokens += len(words)
        if n % 2000 == 0:
            print(f"{n} sentences, {tokens} tokens, {tokens / (time.time() - started + 1e-9):.0f} tokens/s", flush=True)
    BUILD.mkdir(parents=True, exist_ok=True)
    train.to_disk(BUILD / "silver_train.spacy")
    held.to_disk(BUILD / "silver_held.spacy")
    print(f"labelled {len(sentences)} sentences, {tokens} tokens in {time.time() - started:.0f} s")


def gold_sentences(split: str) -> list[tuple[list[str], list[str], list[str]]]:
    """(words, STTS tags, UPOS tags) of the treebank sentences; multi-word token lines skipped."""
    out, words, xpos, upos = [], [], [], []
    with gzip.open(GOLD / f"gsd-{split}.conllu.gz", "rt", encoding="utf-8") as handle:
        for line in handle:
            line = line.rstrip("\n")
            if not line:
                if words:
                    out.append((words, xpos, upos))
                words, xpos, upos = [], [], []
            elif not line.startswith("#"):
                cols = line.split("\t")
                if "-" in cols[0] or "." in cols[0]:
                    continue
                words.append(cols[1])
                upos.append(cols[3])
                xpos.append(cols[4])
    if words:
        out.append((words, xpos, upos))
    return out


# The tags the quote rules read (analyze/grammar): names, nouns, pronouns, finite verbs, adverbs
# and conjunctions (never speakers), prepositions (sources) and the negation particle.
RULE_TAGS = ("NE", "NN", "PPER", "VVFIN", "VAFIN", "VMFIN", "ADV", "KON", "KOUS", "APPR", "PTKNEG")


def evaluate(model_path: Path = MODEL) -> dict:
    import spacy
    from spacy.tokens import Doc

    nlp = spacy.load(model_path)
    results = {}
    for split in ("dev", "test"):
        total = right = 0
        per = Counter()
        per_right = Counter()
        words_count = 0
        started = time.time()
        for words, gold, _ in gold_sentences(split):
            doc = nlp(Doc(nlp.vocab, words=words))
            words_count += len(words)
            for token, tag in zip(doc, gold):
                total += 1
                right += token.tag_ == tag
                if tag in RULE_TAGS:
                    per[tag] += 1
                    per_right[tag] += token.tag_ == tag
        seconds = time.time() - started
        rule_total = sum(per.values())
        results[split] = {
            "accuracy": right / total, "tokens": total,
            "rule_tags": sum(per_right.values()) / rule_total,
            "per_tag": {tag: (per_right[tag] / per[tag] if per[tag] else None, per[tag]) for tag in RULE_TAGS},
            "words_per_s": words_count / seconds,
        }
        print(f"UD German-GSD {split}: STTS accuracy {right / total:.3f} ({right}/{total}); "
              f"tags the rules read {sum(per_right.values()) / rule_total:.3f}; {words_count / seconds:.0f} words/s")
        print("   " + "  ".join(f"{tag} {per_right[tag] / per[tag]:.3f} ({per[tag]})" for tag in RULE_TAGS if per[tag]))
    return results


def train() -> None:
    out = BUILD / "model"
    subprocess.run([
        sys.executable, "-m", "spacy", "train", str(CONFIG), "--output", str(out),
        "--paths.train", str(BUILD / "silver_train.spacy"), "--paths.dev", str(BUILD / "silver_held.spacy"),
        "--system.seed", str(SEED),
    ], check=True)
    if MODEL.exists():
        shutil.rmtree(MODEL)
    shutil.copytree(out / "model-best", MODEL)
    (MODEL / "README.md").write_text(MODEL_CARD, encoding="utf-8")


MODEL_CARD = """# de_pos: German STTS part-of-speech tagger for the quote rules

Trained by `scripts/train_pos.py` (`make pos-model`, seed 2026; a retrain reproduces these weights
byte for byte) on the 23,999 GermEval 2014 train sentences (CC BY 4.0) tagged by HanTa 1.2.1
(LGPL-3.0-or-later; used to label the training text only: not shipped, not run by Storyline).
A spaCy tok2vec (hash embeddings of NORM/PREFIX/SUFFIX/SHAPE, 64 wide, CNN depth 2, no vectors)
and a tagger over 55 STTS tags. At run time `analyze/grammar/tagger.Forward` computes the same
forward pass in numpy from these weights.

Accuracy on gold UD German-GSD sentences (STTS XPOS): dev 0.920, test 0.925; on the tags the quote
rules read 0.928 / 0.931 (NE 0.83, NN 0.91, PPER 0.96, VVFIN 0.89, ADV 0.92). Details and the
command: docs/accuracy-quotes.md.
"""


if __name__ == "__main__":
    step = sys.argv[1] if len(sys.argv) > 1 else "all"
    if step in ("label", "all"):
        label()
    if step in ("train", "all"):
        train()
    if step in ("evaluate", "all"):
        evaluate()
