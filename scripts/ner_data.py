"""Convert the shared NER corpora into spaCy DocBin files under build/ner/corpus/.

Run: python scripts/ner_data.py   (called by scripts/train_ner.py)
GermEval dev is split (seeded, by sentence index) into train 65% / tune 10% / held-out 25%;
the held-out part is never trained on nor used to pick checkpoints: it was the headline figure
up to round seven.
Since round eight (issue 26) GermEval dev is also cut a second way: a FROZEN third, fixed by
sentence id in benchmarks/data/ner_frozen_ids.txt, that no decision looks at, and the other two
thirds ("germeval_dev_tune") for model selection and checkpoints. Models of the `full` mix train
on the GermEval 2014 train split ("germeval_full", 23,999 sentences) and on no dev sentence.
"""
from __future__ import annotations

import os
import random
import sys
from collections import Counter
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
# round eight: the frozen third of GermEval dev (0-based sentence ids in NER-de-dev.tsv order)
FROZEN_IDS = ROOT / "benchmarks" / "data" / "ner_frozen_ids.txt"
FROZEN_SEED = 26  # issue 26; the ids were drawn once with this seed and written to FROZEN_IDS
FROZEN_FRACTION = 1 / 3
HELDOUT_FRACTION = 0.25
TUNE_FRACTION = 0.10 / 0.75  # of what is left after the held-out cut
# Out-of-domain sets annotate other label schemes (no MISC; MobIE/legal/BIOfid/historic types that
# GermEval would call ORG/MISC are O): their unknown capitalised O tokens become *missing*.
PARTIAL_SETS = ("mobie", "legal", "newseye", "zefys", "biofid")
MISSING_RULES = ("none", "broad", "strict")  # see missing_positions; "none" = plain O as before
MISSING_RULE = os.environ.get("NER_MISSING_RULE", "none")  # the shipped recipe; "strict" is the measured experiment
SWAPPED_COPIES = 2  # GermEval-train copies with names swapped (replace_mentions)
# seeded parts of GermEval-train for the learning curve (docs/accuracy-ner.md, round seven)
LEARNING_CURVE = {"germeval_train_half": 0.5, "germeval_train_quarter": 0.25}
# round nine (issue 26): nested seeded parts of the GermEval 2014 train split, by sentence count
FULL_LEARNING_CURVE = {"germeval_full_3k": 3000, "germeval_full_6k": 6000, "germeval_full_12k": 12000}
COMMON_NOUNS = ROOT / "src" / "storyline" / "models" / "gazetteer_ner" / "common_nouns.txt"
ROLES = ROOT / "src" / "storyline" / "models" / "lexicons" / "roles.txt"
SENTENCE_OPENERS = {".", "!", "?", ":", ";", "„", "“", "\"", "«", "»", "‚", "'", "(", "[", "-", "–", "—"}


def make_doc(vocab, sentence: R.Sentence) -> Doc:
    words, spaces, spans = sentence
    doc = Doc(vocab, words=words, spaces=spaces)
    doc.ents = filter_spans([Span(doc, s, e, label=lab) for s, e, lab in spans if e > s])
    return doc


def load_common_nouns() -> frozenset[str]:
    """The shipped common-noun lexicon (lower-cased): capitalised words that are rarely names."""
    return frozenset(COMMON_NOUNS.read_text(encoding="utf-8").split())


def load_role_nouns() -> tuple[str, ...]:
    """Role nouns ("minister", "präsident", "frau"): words before a name, never the name itself."""
    lines = ROLES.read_text(encoding="utf-8").splitlines()
    return tuple(line.split()[0] for line in lines if line.strip() and not line.startswith("#"))


def is_role_noun(word: str, roles: tuple[str, ...]) -> bool:
    """A role noun or a compound ending in one ("Kommissar", "Außenministerin")."""
    lower = word.lower()
    return lower in roles or any(lower.endswith(r) for r in roles if len(r) >= 5)


def germeval_o_words(train: list[R.Sentence]) -> frozenset[str]:
    """Spellings seen at least twice in GermEval-train and never inside a name there.

    GermEval is the in-domain scheme, so its O words ("Regierung", "Herr", "Partei") may stay O
    in the out-of-domain sets even when the common-noun lexicon leaves them out.
    """
    seen, named = Counter(), Counter()
    for words, _, spans in train:
        inside = {i for start, end, _ in spans for i in range(start, end)}
        for i, word in enumerate(words):
            seen[word] += 1
            named[word] += i in inside
    return frozenset(w for w, n in seen.items() if n >= 2 and not named[w])


def is_unknown_capital(words: list[str], i: int, known_o: frozenset[str]) -> bool:
    """A capitalised word, not at a sentence or quote start, that may be a name under GermEval.

    German capitalises every noun, so known O words (common-noun lexicon, GermEval-train O words)
    are left O; so are abbreviations ("Abs.", "Nr", "Dr"), single letters and OCR hyphen fragments
    ("Ver¬"). The position test keeps capitalised words at sentence starts ("Die", "Neue") as O.
    """
    word = words[i]
    if not word[:1].isupper() or not word.replace("-", "").isalnum():
        return False
    if len(word) == 1 or (len(word) <= 3 and not word.isupper()):
        return False
    if i == 0 or words[i - 1] in SENTENCE_OPENERS:
        return False
    return word.lower() not in known_o and word not in known_o


def looks_like_code(word: str) -> bool:
    """An acronym or code ("BGH", "SGB", "ICE", "S1"): names far more often than not."""
    return word.isupper() or any(c.isdigit() for c in word)


def missing_positions(words: list[str], ents, known_o: frozenset[str], roles: tuple[str, ...],
                      rule: str) -> set[int]:
    """Token positions outside names whose O tag is replaced by "missing", by MISSING_RULE.

    broad: every unknown capitalised word (is_unknown_capital).
    strict: words beside an annotated name and role nouns stay O (they mark where names end:
    "Herrn [Soulier]", "Kommissar [X]"), and of the unknown capitalised words only name-like ones
    become missing: acronyms/codes and runs of two or more ("Deutsche Bahn", "SAVE II").
    """
    unknown = [is_unknown_capital(words, i, known_o) for i in range(len(words))]
    if rule == "broad":
        return {i for i, flag in enumerate(unknown) if flag}
    beside_name = {e.start - 1 for e in ents} | {e.end for e in ents}
    return {i for i, flag in enumerate(unknown) if flag and i not in beside_name
            and not is_role_noun(words[i], roles)
            and (looks_like_code(words[i]) or (i > 0 and unknown[i - 1])
                 or (i + 1 < len(words) and unknown[i + 1]))}


def make_partial_doc(vocab, sentence: R.Sentence, known_o: frozenset[str],
                     roles: tuple[str, ...] = (), rule: str = "strict") -> Doc:
    """Like make_doc, but O tokens that may be names under GermEval's scheme become missing.

    The out-of-domain sets tag as O many names GermEval calls ORG/MISC (products, laws, events,
    works); training on them as O teaches "not a name". Missing tokens give no loss either way.
    """
    doc = make_doc(vocab, sentence)
    words = [t.text for t in doc]
    missing = missing_positions(words, doc.ents, known_o, roles, rule)
    tags: list[str | None] = []
    for token in doc:
        if token.ent_iob_ in ("B", "I"):
            tags.append(f"{token.ent_iob_}-{token.ent_type_}")
        else:
            tags.append(None if token.i in missing else "O")
    return Doc(vocab, words=words, spaces=[bool(t.whitespace_) for t in doc], ents=tags)


def save_docs(name: str, docs) -> int:
    docs = list(docs)
    DocBin(docs=docs, store_user_data=False).to_disk(CORPUS / f"{name}.spacy")
    return len(docs)


def germeval_splits() -> dict[str, list[R.Sentence]]:
    sentences = list(R.read_germeval(SHARED / "germeval2014" / "NER-de-dev.tsv"))
    rest, heldout = R.split_heldout(sentences, HELDOUT_FRACTION, SEED)
    train, tune = R.split_heldout(rest, TUNE_FRACTION, SEED)
    return {"germeval_train": train, "germeval_tune": tune, "germeval_heldout": heldout,
            **germeval_dev_parts(sentences)}


def draw_frozen_ids(count: int) -> list[int]:
    """The seeded rule that drew the frozen third once; the ids file is what counts afterwards."""
    order = list(range(count))
    random.Random(FROZEN_SEED).shuffle(order)
    return sorted(order[:round(count * FROZEN_FRACTION)])


def frozen_ids(count: int) -> set[int]:
    """The frozen third of GermEval dev, read from the committed ids file (written once if absent)."""
    if not FROZEN_IDS.exists():
        FROZEN_IDS.parent.mkdir(parents=True, exist_ok=True)
        FROZEN_IDS.write_text("".join(f"{i}\n" for i in draw_frozen_ids(count)), encoding="utf-8")
    ids = {int(line) for line in FROZEN_IDS.read_text(encoding="utf-8").split() if line.strip()}
    if max(ids) >= count:
        sys.exit(f"{FROZEN_IDS} names sentence {max(ids)}, but GermEval dev has {count}")
    return ids


def old_heldout_ids(count: int) -> set[int]:
    """Sentence ids of the round-one-to-seven held-out 25% (the same rule as R.split_heldout)."""
    order = list(range(count))
    random.Random(SEED).shuffle(order)
    return set(order[:int(count * HELDOUT_FRACTION)])


def germeval_dev_parts(sentences: list[R.Sentence]) -> dict[str, list[R.Sentence]]:
    """Round eight's cut of GermEval dev: frozen third, tune rest, and of each the sentences that
    the shipped round-seven model did not train on (∩ old held-out 25%): only there is it
    fairly compared with a model that never saw dev."""
    frozen, old = frozen_ids(len(sentences)), old_heldout_ids(len(sentences))
    return {"germeval_frozen": [s for i, s in enumerate(sentences) if i in frozen],
            "germeval_dev_tune": [s for i, s in enumerate(sentences) if i not in frozen],
            "germeval_frozen_old_heldout": [s for i, s in enumerate(sentences) if i in frozen & old],
            "germeval_dev_tune_old_heldout": [s for i, s in enumerate(sentences) if i in old - frozen]}


def germeval_full() -> list[R.Sentence]:
    """The GermEval 2014 TRAIN split (outer layer, `token<TAB>BIO`): OTH→MISC, -deriv/-part → O
    as in read_germeval."""
    return list(R.read_columns(SHARED / "germeval2014" / "train.conll", R.GERMEVAL_LABELS, "\t"))


def replace_mentions(train: list[R.Sentence], copies: int, seed: int) -> list[R.Sentence]:
    """New in-domain sentences: every name swapped for a random name of the same label.

    Mention replacement (Dai & Adel 2020): the 1,430 GermEval sentences teach the contexts of
    names, but the model also learns the few names themselves. Swapping in other names of the
    training part keeps the contexts and varies the names. Sentences without names are not copied.
    """
    pool: dict[str, list[list[str]]] = {}
    for words, _, spans in train:
        for start, end, label in spans:
            pool.setdefault(label, []).append(words[start:end])
    rng = random.Random(seed)
    out = []
    for _ in range(copies):
        for words, spaces, spans in train:
            if not spans:
                continue
            new_words, new_spaces, new_spans, at = [], [], [], 0
            for start, end, label in sorted(spans):
                new_words += words[at:start]
                new_spaces += spaces[at:start]
                name = rng.choice(pool[label])
                new_spans.append((len(new_words), len(new_words) + len(name), label))
                new_words += name
                new_spaces += [True] * (len(name) - 1) + [spaces[end - 1]]
                at = end
            out.append((new_words + words[at:], new_spaces + spaces[at:], new_spans))
    return out


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
        # Europeana's Tessmann and ÖNB newspapers (CC0); its SBB part is mostly inside ZEFYS
        "europeana": [s for f in ("lft", "onb")
                      for s in R.read_stream(EXTRA / "europeana_newspapers_de" / f"enp_DE.{f}.bio",
                                             R.HISTORIC_LABELS, " ")],
    }


def europarl_eval() -> list[R.Sentence]:
    """Europarl session ep-96-04-15 (license not stated): evaluation only, never training.

    The copy in europarl_ner_pado/ has bare labels (no I-/B-), so adjacent names of one type merge;
    ner_extra/europarl_ner_full/test.tsv is the same session with IOB1 tags, which keeps them apart.
    """
    return list(R.read_columns(EXTRA / "europarl_ner_full" / "test.tsv", R.COARSE_LABELS, "\t"))


def build_corpora(only: tuple[str, ...] = ()) -> dict[str, int]:
    """Write every corpus once (or only the named ones); returns document counts by corpus name."""
    CORPUS.mkdir(parents=True, exist_ok=True)
    nlp = spacy.blank("de")
    counts = {}
    sources = {**germeval_splits(), "germeval_full": germeval_full(), **extra_sources(),
               "europarl_eval": europarl_eval()}
    sources["germeval_swapped"] = replace_mentions(sources["germeval_train"], SWAPPED_COPIES, SEED)
    for name, fraction in LEARNING_CURVE.items():  # nested: the quarter lies inside the half
        sources[name] = R.split_heldout(sources["germeval_train"], fraction, SEED)[1]
    order = list(range(len(sources["germeval_full"])))
    random.Random(SEED).shuffle(order)
    for name, count in FULL_LEARNING_CURVE.items():  # nested: the first 3,000 of one shuffle lie in the 6,000
        chosen = set(order[:count])
        sources[name] = [s for i, s in enumerate(sources["germeval_full"]) if i in chosen]
    known_o = load_common_nouns() | germeval_o_words(sources["germeval_train"])
    roles = load_role_nouns() + ("herr", "herrn", "frau", "fräulein", "dr", "prof")
    for name, sentences in sources.items():
        if only and name not in only:
            continue
        if name in PARTIAL_SETS and MISSING_RULE != "none":
            docs = (make_partial_doc(nlp.vocab, s, known_o, roles, MISSING_RULE) for s in sentences)
        else:
            docs = (make_doc(nlp.vocab, s) for s in sentences)
        counts[name] = save_docs(name, docs)
    if only and "smartdata" not in only:
        return counts
    counts["smartdata"] = save_docs("smartdata", smartdata_docs(nlp))
    return counts


if __name__ == "__main__":
    if not SHARED.exists():
        sys.exit(f"needs the shared data at {SHARED}")
    if MISSING_RULE not in MISSING_RULES:
        sys.exit(f"NER_MISSING_RULE must be one of {', '.join(MISSING_RULES)}")
    for corpus_name, count in build_corpora(tuple(sys.argv[1:])).items():
        print(f"{corpus_name:18s} {count:6d} docs")
