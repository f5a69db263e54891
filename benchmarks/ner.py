"""NER accuracy and speed: the shipped Storyline system beside a baseline, on text it never trained on.

Run (needs ../shared/data and `python scripts/ner_data.py` or `python scripts/train_ner.py` first):
    python benchmarks/ner.py [--baseline build/ner/model_base_2000/model-best] [--part old-heldout|tune|frozen]
Data: a part of GermEval 2014 dev (--part, scripts/ner_data.py) and the Europarl session
ep-96-04-15 (out of domain). Parts: old-heldout (default) = the held-out 25% of rounds one to
seven (fixed seeded split); tune = the two thirds of dev outside the frozen third (round eight's
model selection), printed whole and restricted to the old held-out 25%; frozen = the frozen third (benchmarks/data/ner_frozen_ids.txt), printed whole
and restricted to the sentences that are also in the old held-out 25% (the only frozen sentences
the round-seven model, trained on 65% of dev, never saw). Look at the frozen part once per
candidate, after every decision is made on the tune part. Scoring is strict: a prediction counts
only with the exact character span and type. Systems read the plain sentence text, as users' input arrives, so
tokenisation mistakes count against them. Speed: words per second on one pinned core.
"""
from __future__ import annotations

import argparse
import os
import sys
import time
from collections import Counter
from pathlib import Path

os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "build" / "ner" / "corpus"
LABELS = ("PER", "ORG", "LOC", "MISC")
PARTS = {
    "old-heldout": {"GermEval held-out 25%": "germeval_heldout"},
    "tune": {"GermEval dev tune part (2/3 outside frozen)": "germeval_dev_tune",
             "GermEval tune part ∩ old held-out": "germeval_dev_tune_old_heldout"},
    "frozen": {"GermEval frozen third": "germeval_frozen",
               "GermEval frozen ∩ old held-out": "germeval_frozen_old_heldout"},
}
DEFAULT_PART = "old-heldout"
EUROPARL = {"Europarl ep-96-04-15": "europarl_eval"}
EVAL_SETS = {**PARTS[DEFAULT_PART], **EUROPARL}


def eval_sets(part: str = DEFAULT_PART) -> dict[str, str]:
    """Evaluation sets by printed name -> corpus: the GermEval dev part, then Europarl."""
    return {**PARTS[part], **EUROPARL}


DEFAULT_BASELINE = ROOT / "build" / "ner" / "model_base_2000" / "model-best"


def load_gold(name: str) -> list[tuple[str, set]]:
    """Gold sentences as (text, {(start, end, label)}) in character offsets."""
    import spacy
    from spacy.tokens import DocBin

    vocab = spacy.blank("de").vocab
    docs = DocBin().from_disk(CORPUS / f"{name}.spacy").get_docs(vocab)
    return [(doc.text, {(e.start_char, e.end_char, e.label_) for e in doc.ents}) for doc in docs]


def score(gold: list[set], predicted: list[set]) -> dict[str, tuple[float, float, float, int]]:
    """Per-label and micro precision/recall/F1 over exact (start, end, type) matches."""
    tp, fp, fn = Counter(), Counter(), Counter()
    for g, p in zip(gold, predicted):
        for span in p:
            (tp if span in g else fp)[span[2]] += 1
        for span in g - p:
            fn[span[2]] += 1
    rows = {label: prf(tp[label], fp[label], fn[label]) for label in LABELS}
    rows["micro"] = prf(sum(tp.values()), sum(fp.values()), sum(fn.values()))
    return rows


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float, int]:
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1, tp + fn


BOOTSTRAP_ROUNDS = 2000
BOOTSTRAP_SEED = 2014


def sentence_counts(gold: list[set], predicted: list[set]):
    """Per sentence (true positives, false positives, false negatives): the unit to resample."""
    import numpy as np

    return np.array([(len(g & p), len(p - g), len(g - p)) for g, p in zip(gold, predicted)])


def micro_f1(counts) -> "np.ndarray":
    """Micro F1 of summed counts; counts (..., 3) -> (...)."""
    tp, fp, fn = counts[..., 0], counts[..., 1], counts[..., 2]
    return 2 * tp / (2 * tp + fp + fn).clip(min=1)


def bootstrap_interval(counts, baseline_counts=None) -> tuple[float, float]:
    """95 % interval of micro F1 (or of the F1 difference to a second system on the same
    sentences) when the evaluation sentences are resampled with replacement.

    With 550 sentences a single F1 moves by several points between samples of the same
    kind of text, so a difference between two models means something only if its paired
    interval leaves out zero."""
    import numpy as np

    rng = np.random.default_rng(BOOTSTRAP_SEED)
    picks = rng.integers(0, len(counts), size=(BOOTSTRAP_ROUNDS, len(counts)))
    values = micro_f1(counts[picks].sum(axis=1))
    if baseline_counts is not None:
        values = values - micro_f1(baseline_counts[picks].sum(axis=1))
    low, high = np.percentile(values, [2.5, 97.5])
    return float(low), float(high)


RULES = ("drop_common_nouns", "countries_are_places", "add_curated_names", "add_role_cue_names", "add_given_name_people", "add_gazetteer_names", "add_towns_after_cues", "add_speaker_names", "add_organisation_cue_names",
         "extend_person_names", "extend_english_organisations", "add_short_form_organisations", "add_quoted_media")


def storyline_system(without: tuple[str, ...] = (), model_dir: Path | None = None):
    """The shipped system exactly as `storyline analyze` runs it, or with some rules switched
    off (each replaced by "return the spans unchanged") to measure what each rule adds.
    model_dir swaps in a candidate pipeline under the same rules, to judge it before shipping."""
    sys.path.insert(0, str(ROOT / "src"))
    from storyline.analyze.entities import mentions as entities
    from storyline.analyze.entities.mentions import find_mentions_in_text

    if model_dir is not None:
        from storyline.analyze.entities import spacy_runtime as entities_runtime

        entities_runtime.MODEL_DIR = Path(model_dir).resolve()
        entities_runtime.load_nlp.cache_clear()
        entities_runtime.load_tuned_nlp.cache_clear()

    for rule in without:
        setattr(entities, rule, lambda doc, spans: spans)

    return lambda text: {(m.start, m.end, m.type) for m in find_mentions_in_text(text)}


def ner_mode_system(mode: str, without: tuple[str, ...] = ()):
    """The shipped system in one NER mode (STORYLINE_NER): "fast" (spaCy model) or "accurate" (encoder tagger)."""
    system = storyline_system(without)

    def predict(text: str) -> set:
        os.environ["STORYLINE_NER"] = mode
        return system(text)

    return predict


def spacy_system(model_dir: Path):
    """A bare spaCy pipeline from disk, used for the baseline and for experiments."""
    import spacy

    import storyline.analyze.entities.word_classes  # noqa: F401  (a model trained with the word-class feature needs it)

    nlp = spacy.load(model_dir)

    def predict(text: str) -> set:
        lines, offset, found = [], 0, set()
        for line in text.split("\n"):
            lines.append((offset, line))
            offset += len(line) + 1
        for (start, _), doc in zip(lines, nlp.pipe(line for _, line in lines)):
            found |= {(start + e.start_char, start + e.end_char, e.label_) for e in doc.ents}
        return found

    return predict


def print_table(title: str, rows: dict) -> None:
    print(f"\n{title}\n{'label':6s} {'P':>6s} {'R':>6s} {'F1':>6s} {'gold':>5s}")
    for label, (p, r, f, n) in rows.items():
        print(f"{label:6s} {p:6.3f} {r:6.3f} {f:6.3f} {n:5d}")


def measure_speed(system, texts: list[str]) -> float:
    """Words per CPU-second on one core (whitespace words, the same count for every system).

    CPU time of this process, pinned to one core with one BLAS thread: on the shared machine
    wall-clock time mostly measures the other jobs; the wall-clock figure is printed too.
    The sentences go in as one text, one sentence per line, which both systems batch.
    """
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})
    words = sum(len(t.split()) for t in texts)
    system(texts[0])
    started, cpu_started = time.perf_counter(), time.process_time()
    system("\n".join(texts))
    wall, cpu = time.perf_counter() - started, time.process_time() - cpu_started
    print(f"speed: {words:,} words, {cpu:.2f} s CPU ({words / cpu:,.0f} words/s), {wall:.2f} s wall ({words / wall:,.0f} words/s)")
    return words / cpu


def evaluate_system(name: str, system, sets: dict[str, str] = EVAL_SETS) -> tuple[dict, dict]:
    """Score one system on every evaluation set; returns micro F1 and per-sentence counts by set."""
    results, counts = {}, {}
    for set_name, corpus in sets.items():
        sentences = load_gold(corpus)
        gold = [g for _, g in sentences]
        predicted = [system(text) for text, _ in sentences]
        rows = score(gold, predicted)
        print_table(f"{name} — {set_name}", rows)
        counts[set_name] = sentence_counts(gold, predicted)
        low, high = bootstrap_interval(counts[set_name])
        print(f"micro F1 95 % interval (bootstrap over {len(gold)} sentences): {low:.3f} – {high:.3f}")
        results[set_name] = rows["micro"][2]
    return results, counts


def print_report(model_dir: Path | None = None, baseline: Path | None = DEFAULT_BASELINE,
                 without: tuple[str, ...] = (), rules_model: Path | None = None,
                 against: Path | None = None, part: str = DEFAULT_PART, accurate: bool = False) -> dict:
    sets = eval_sets(part)
    shipped = ("storyline (shipped)" if rules_model is None else f"storyline rules + model {rules_model}") + (
        f" without {', '.join(without)}" if without else "")
    # factories, not systems: a rules system swaps the model the rules read, so each is built just before its turn
    systems = {shipped: lambda: storyline_system(without, rules_model)} if model_dir is None else {
        f"model {model_dir}": lambda: spacy_system(model_dir)}
    if accurate:  # the accurate mode first, so that the paired differences are accurate minus fast
        systems = {"storyline --ner accurate (encoder tagger + rules)": lambda: ner_mode_system("accurate", without),
                   "storyline default (--ner fast)": lambda: ner_mode_system("fast", without)}
    if against is not None:
        systems[f"storyline rules + model {against}"] = lambda: storyline_system(without, against)
    if baseline and Path(baseline).exists():
        systems[f"baseline: spaCy efficiency NER, GermEval-train+SmartData ({baseline})"] = lambda: spacy_system(baseline)
    texts = [text for text, _ in load_gold("germeval_heldout")] + [t for t, _ in load_gold("europarl_eval")]
    summary, counts = {}, {}
    for name, make_system in systems.items():
        system = make_system()
        summary[name], counts[name] = evaluate_system(name, system, sets)
        summary[name]["words/CPU-s (1 core)"] = measure_speed(system, texts)
    print("\nsummary (micro F1, strict spans)")
    for name, figures in summary.items():
        print(f"  {name}: " + ", ".join(f"{k} {v:.3f}" if v < 10 else f"{k} {v:,.0f}" for k, v in figures.items()))
    first, *others = summary
    for other in others:
        print(f"F1 difference, {first} minus {other} (paired bootstrap, 95 %):")
        for set_name in sets:
            low, high = bootstrap_interval(counts[first][set_name], counts[other][set_name])
            difference = summary[first][set_name] - summary[other][set_name]
            print(f"  {set_name}: {difference:+.3f} [{low:+.3f}, {high:+.3f}]")
    return summary


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--model", type=Path, help="score this spaCy model dir instead of the shipped system")
    parser.add_argument("--rules-model", type=Path,
                        help="the shipped system (rules included) with this spaCy model dir instead of de_news")
    parser.add_argument("--baseline", type=Path, default=DEFAULT_BASELINE)
    parser.add_argument("--no-baseline", action="store_true")
    parser.add_argument("--against", type=Path,
                        help="also score the rules with this model dir, paired against the first system")
    parser.add_argument("--part", choices=sorted(PARTS), default=DEFAULT_PART,
                        help="GermEval dev part to score on (frozen: look once, for a final candidate)")
    parser.add_argument("--accurate", action="store_true",
                        help="score the accurate NER mode (encoder tagger + rules) paired against the default")
    parser.add_argument("--without", default="", help=f"comma-separated rules to switch off: {', '.join(RULES)}")
    args = parser.parse_args()
    if not CORPUS.exists():
        sys.exit("run `python scripts/ner_data.py` first (needs ../shared/data)")
    without = tuple(r for r in args.without.split(",") if r)
    if set(without) - set(RULES):
        sys.exit(f"unknown rule in --without; choose from {', '.join(RULES)}")
    print_report(args.model, None if args.no_baseline else args.baseline, without, args.rules_model, args.against,
                 args.part, args.accurate)
    print(f"\ncommand: python benchmarks/ner.py {' '.join(sys.argv[1:])}".rstrip())


if __name__ == "__main__":
    main()
