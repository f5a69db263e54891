"""Convert the shared NER corpora into spaCy DocBin files under build/ner/corpus/.

Run: python scripts/ner_data.py   (called by scripts/train_ner.py)
GermEval dev is split (seeded, by sentence index) into train 65% / tune 10% / held-out 25%;
the held-out part is never trained on nor used to pick checkpoints: it is the headline figure.
"""
from __future__ import annotations

import sys
from pathlib import Path

import spacy
from spacy.tokens import Doc, DocBin, Span
from spacy.util import filter_spans

sys.path.insert(0, str(Path(__file__).resolve().parent))
import ner_readers as R  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "data"
CORPUS = ROOT / "build" / "ner" / "corpus"
EXTRA = SHARED / "ner_extra"
SEED = 2014
HELDOUT_FRACTION = 0.25
TUNE_FRACTION = 0.10 / 0.75  # of what is left after the held-out cut


def make_doc(vocab, sentence: R.Sentence) -> Doc:
    words, spaces, spans = sentence
    doc = Doc(vocab, words=words, spaces=spaces)
    doc.ents = filter_spans([Span(doc, s, e, label=lab) for s, e, lab in spans if e > s])
    return doc


def save_docs(name: str, docs) -> int:
    docs = list(docs)
    DocBin(docs=docs, store_user_data=False).to_disk(CORPUS / f"{name}.spacy")
    return len(docs)


def germeval_splits() -> dict[str, list[R.Sentence]]:
    sentences = list(R.read_germeval(SHARED / "germeval2014" / "NER-de-dev.tsv"))
    rest, heldout = R.split_heldout(sentences, HELDOUT_FRACTION, SEED)
    train, tune = R.split_heldout(rest, TUNE_FRACTION, SEED)
    return {"germeval_train": train, "germeval_tune": tune, "germeval_heldout": heldout}


def smartdata_docs(nlp) -> list[Doc]:
    """SmartData has character spans: tokenise with spaCy and snap spans to token edges."""
    seen, docs = set(), []
    for part in ("train", "test"):
        for record in R.read_smartdata_docs(SHARED / "smartdata" / "v1_20180119" / f"{part}.json.gz"):
            if record["id"] in seen:
                continue
            seen.add(record["id"])
            for line, spans in R.smartdata_paragraphs(record):
                doc = nlp.make_doc(line)
                ents = [doc.char_span(s, e, label=lab, alignment_mode="expand") for s, e, lab in spans]
                doc.ents = filter_spans([ent for ent in ents if ent is not None])
                docs.append(doc)
    return docs


def extra_sources() -> dict[str, list[R.Sentence]]:
    """The out-of-domain sets, each mapped to PER/ORG/LOC (none of them has MISC)."""
    hipe = EXTRA / "hipe2022_newseye_de"
    return {
        "mobie": [s for f in ("train", "dev", "test")
                  for s in R.read_columns(EXTRA / "mobie" / f"{f}.conll2003", R.MOBIE_LABELS, "\t")],
        "legal": [s for f in ("ler_dev", "ler_test")
                  for s in R.read_columns(EXTRA / "legal_ler_devtest" / f"{f}.conll", R.LEGAL_LABELS)],
        "newseye": [s for f in sorted(hipe.glob("*.tsv")) for s in R.read_hipe(f)],
        "zefys": [s for f in ("train", "dev", "test")
                  for s in R.read_stream(EXTRA / "zefys_sbb" / f"{f}.tsv", R.HISTORIC_LABELS, "\t")],
        "biofid": [s for f in ("dev", "test")
                   for s in R.read_columns(EXTRA / "biofid_devtest" / f"{f}.conll", R.HISTORIC_LABELS)],
    }


def europarl_eval() -> list[R.Sentence]:
    """Europarl session ep-96-04-15 (license not stated): evaluation only, never training.

    The copy in europarl_ner_pado/ has bare labels (no I-/B-), so adjacent names of one type merge;
    ner_extra/europarl_ner_full/test.tsv is the same session with IOB1 tags, which keeps them apart.
    """
    return list(R.read_columns(EXTRA / "europarl_ner_full" / "test.tsv", R.COARSE_LABELS, "\t"))


def build_corpora() -> dict[str, int]:
    """Write every corpus once; returns document counts by corpus name."""
    CORPUS.mkdir(parents=True, exist_ok=True)
    nlp = spacy.blank("de")
    counts = {}
    sources = {**germeval_splits(), **extra_sources(), "europarl_eval": europarl_eval()}
    for name, sentences in sources.items():
        counts[name] = save_docs(name, (make_doc(nlp.vocab, s) for s in sentences))
    counts["smartdata"] = save_docs("smartdata", smartdata_docs(nlp))
    return counts


if __name__ == "__main__":
    if not SHARED.exists():
        sys.exit(f"needs the shared data at {SHARED}")
    for corpus_name, count in build_corpora().items():
        print(f"{corpus_name:18s} {count:6d} docs")
