"""Pretrain the NER token-to-vector layer on unlabeled German text (`spacy pretrain`, characters).

Run: python scripts/ner_pretrain.py   (called by scripts/train_ner.py; needs build/ner/corpus)
The labelled sets are small; predicting the first and last characters of each word from its
context teaches the tok2vec German word shapes and contexts from ~1.5M more words of free text:
German Wikinews articles (spkatt2023 texts, CC BY 2.5; never its NC annotations), and the words
of the free training corpora (SmartData, MobIE, LER legal, NewsEye, ZEFYS, BIOfid; CC BY / CC0).
The GermEval held-out and tune parts and Europarl are left out. The weights stay in build/.
"""
from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import ner_data  # noqa: E402

ROOT = ner_data.ROOT
PRETRAIN = ROOT / "build" / "ner" / "pretrain"
CONFIG = ROOT / "scripts" / "ner_config" / "ner.cfg"
WIKINEWS = ner_data.SHARED / "spkatt2023"
LABELLED_TEXT = ("germeval_train", "smartdata", "mobie", "legal", "newseye", "zefys", "biofid")
EPOCHS = 1  # [pretraining] max_epochs in ner.cfg; the last epoch's weights are used


def wikinews_sentences():
    """Every Wikinews sentence (train and blind-test texts alike: no labels used) as plain text."""
    for folder in ("train", "test_blind_texts"):
        for path in sorted((WIKINEWS / folder).glob("*.json")):
            for sentence in json.loads(path.read_text(encoding="utf-8"))["Sentences"]:
                yield join_tokens(sentence["Tokens"])


def join_tokens(tokens: list[str]) -> str:
    """Undo the corpus tokenisation well enough that spaCy's tokenizer sees ordinary text."""
    text = " ".join(tokens)
    text = re.sub(r" ([.,;:!?)“”])", r"\1", text)
    return re.sub(r"([„(]) ", r"\1", text)


def corpus_sentences(name: str):
    """Sentence texts of one converted corpus; its labels are ignored here."""
    import spacy
    from spacy.tokens import DocBin

    vocab = spacy.blank("de").vocab
    for doc in DocBin().from_disk(ner_data.CORPUS / f"{name}.spacy").get_docs(vocab):
        yield doc.text


def write_raw_text() -> tuple[Path, int]:
    """One JSONL line per sentence, in a fixed order so pretraining is reproducible."""
    PRETRAIN.mkdir(parents=True, exist_ok=True)
    target, words = PRETRAIN / "raw.jsonl", 0
    sources = [wikinews_sentences()] + [corpus_sentences(name) for name in LABELLED_TEXT]
    with target.open("w", encoding="utf-8") as out:
        for source in sources:
            for text in source:
                if len(text.split()) >= 5:
                    out.write(json.dumps({"text": text}, ensure_ascii=False) + "\n")
                    words += len(text.split())
    return target, words


def run_pretraining(threads: int = 1, config: Path = CONFIG) -> Path:
    """Run `spacy pretrain`; returns the weights file of the last epoch for [initialize] init_tok2vec."""
    raw, words = write_raw_text()
    print(f"pretraining text: {words:,} words in {raw}")
    output = PRETRAIN / ("weights" if config == CONFIG else f"weights_{config.stem}")
    shutil.rmtree(output, ignore_errors=True)
    env = {**os.environ, "OMP_NUM_THREADS": str(threads), "OPENBLAS_NUM_THREADS": str(threads),
           "PYTHONHASHSEED": "0"}
    command = [sys.executable, "-m", "spacy", "pretrain", str(config), str(output),
               "--code", str(ROOT / "scripts" / "ner_config" / "code.py"),
               "--paths.raw_text", str(raw), "--pretraining.max_epochs", str(EPOCHS)]
    subprocess.run(command, check=True, env=env, cwd=ROOT)
    return output / "model-last.bin"


if __name__ == "__main__":
    if not ner_data.SHARED.exists():
        sys.exit(f"needs the shared data at {ner_data.SHARED}")
    print(run_pretraining())
