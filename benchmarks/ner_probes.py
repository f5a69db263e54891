"""Probes behind round seven's NER figures (docs/accuracy-ner.md): experiments not shipped, and what each rule adds.

    python benchmarks/ner_probes.py bias 0 0.5 1 1.5 2 3
        lowers the shipped model's score for "no name" (O) by each amount and scores the system
        on the tune part, GermEval held-out and Europarl: does recall come cheap?
    python benchmarks/ner_probes.py vote MODEL_DIR MODEL_DIR MODEL_DIR
        the rules with each model, then a majority vote of their spans (a seed ensemble).
    python benchmarks/ner_probes.py errors
        the shipped system's errors on GermEval held-out: names missed entirely, wrong boundary,
        wrong type, and predictions that overlap no name.
    python benchmarks/ner_probes.py rule RULE
        what one rule of benchmarks/ner.py's RULES (or the word test is_place_genitive) changes:
        spans it adds and removes, right and wrong, per set.
    python benchmarks/ner_probes.py gold germeval_train
        how a corpus's gold labels read the words that round seven's rules pick out.
Needs build/ner/corpus (`python scripts/ner_data.py`) and, for `vote`, trained models.
"""
from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import ner  # noqa: E402

SETS = {"tune": "germeval_tune", **ner.EVAL_SETS}


def gold_sets() -> dict[str, list]:
    return {name: ner.load_gold(corpus) for name, corpus in SETS.items()}


def print_row(label: str, rows: dict[str, tuple]) -> None:
    print(label, " | ".join(f"{name[:8]} F1 {f:.3f} (P {p:.3f} R {r:.3f})" for name, (p, r, f, _) in rows.items()))


def bias(amounts: list[float]) -> None:
    from storyline.analyze.entities.spacy_runtime import load_tuned_nlp

    system = ner.storyline_system()
    pipe = load_tuned_nlp().get_pipe("ner")
    out = [i for i in range(pipe.moves.n_moves) if pipe.moves.get_class_name(i) == "O"]
    upper = pipe.model.get_ref("upper")
    original = upper.get_param("b").copy()
    sets = gold_sets()
    for amount in amounts:
        shifted = original.copy()
        shifted[out] -= amount
        upper.set_param("b", shifted)
        print_row(f"O score -{amount}:", {name: ner.score([g for _, g in s], [system(t) for t, _ in s])["micro"]
                                          for name, s in sets.items()})


def vote(models: list[str]) -> None:
    sets = gold_sets()
    predictions = []
    for model in models:
        system = ner.storyline_system((), Path(model))
        predictions.append({name: [system(t) for t, _ in s] for name, s in sets.items()})
        print_row(f"{model}:", {name: ner.score([g for _, g in s], predictions[-1][name])["micro"]
                                for name, s in sets.items()})
    for need in range(1, len(models) + 1):
        rows = {}
        for name, s in sets.items():
            voted = [{span for span, n in Counter(span for p in predictions for span in p[name][i]).items() if n >= need}
                     for i in range(len(s))]
            rows[name] = ner.score([g for _, g in s], voted)["micro"]
        print_row(f"spans of at least {need} models:", rows)


def errors() -> None:
    system, kinds = ner.storyline_system(), Counter()
    for text, gold in ner.load_gold("germeval_heldout"):
        predicted = system(text)
        for start, end, label in gold - predicted:
            overlapping = [p for p in predicted if p[0] < end and start < p[1]]
            kinds["wrong type" if any(p[:2] == (start, end) for p in overlapping)
                  else "wrong boundary" if overlapping else "missed entirely"] += 1
        kinds["overlaps no name"] += sum(1 for s, e, _ in predicted - gold if not any(g[0] < e and s < g[1] for g in gold))
    print(dict(kinds))


def rule(name: str) -> None:
    sets = gold_sets()
    with_rule = {key: [ner.storyline_system()(t) for t, _ in s] for key, s in sets.items()}
    if name == "is_place_genitive":  # a test inside the gazetteer rule, not a rule of its own
        from storyline.analyze.entities import place_names as entity_places

        entity_places.is_place_genitive = lambda word, index: False
        without = ner.storyline_system()
    else:
        without = ner.storyline_system((name,))  # patches the rule out for the rest of the process
    for key, s in sets.items():
        counts, before_all = Counter(), []
        for (text, gold_spans), spans in zip(s, with_rule[key]):
            before = without(text)
            before_all.append(before)
            for span in spans - before:
                counts["added right" if span in gold_spans else "added wrong"] += 1
            for span in before - spans:
                counts["removed right" if span in gold_spans else "removed wrong"] += 1
        gold_spans = [g for _, g in s]
        f1_with, f1_without = (ner.score(gold_spans, p)["micro"][2] for p in (with_rule[key], before_all))
        low, high = ner.bootstrap_interval(ner.sentence_counts(gold_spans, with_rule[key]),
                                           ner.sentence_counts(gold_spans, before_all))
        print(f"{key}: {dict(counts)}; F1 {f1_without:.3f} -> {f1_with:.3f}, "
              f"{f1_with - f1_without:+.3f} [{low:+.3f}, {high:+.3f}] (paired bootstrap, 95 %)")


def gold(corpus: str) -> None:
    """Gold labels of the words each rule tests: abbreviations (not ordinary words, not places),
    genitives of listed places, paper names directly in quotes."""
    from storyline.analyze.entities.mentions import CLOSING_QUOTES, OPENING_QUOTES, QUOTED_MEDIA
    from storyline.analyze.entities.spacy_runtime import load_tuned_nlp
    from storyline.analyze.word_lists import load_common_words, load_gazetteer
    from storyline.analyze.entities.place_names import is_place_genitive
    from storyline.analyze.entities.words import is_short_form
    from storyline.analyze.places.geocode import lookup_name

    tokenizer, common, index = load_tuned_nlp().tokenizer, load_common_words(), load_gazetteer()
    counts = {"abbreviation": Counter(), "place genitive": Counter(), "paper in quotes": Counter()}
    for text, spans in ner.load_gold(corpus):
        doc = tokenizer(text)
        for token in doc:
            label = next((lab for s, e, lab in spans if s <= token.idx < e), "O")
            if is_short_form(token.text) and token.lower_ not in common and not lookup_name(token.text, villages=False):
                counts["abbreviation"][label] += 1
            if token.text[:1].isupper() and is_place_genitive(token.text, index):
                counts["place genitive"][label] += 1
            if (0 < token.i < len(doc) - 1 and token.text in QUOTED_MEDIA and doc[token.i - 1].text in OPENING_QUOTES
                    and doc[token.i + 1].text[:1] in CLOSING_QUOTES):
                counts["paper in quotes"][label] += 1
    for rule, labels in counts.items():
        print(f"{rule}: {dict(labels.most_common())}")


if __name__ == "__main__":
    commands = {"bias": lambda args: bias([float(a) for a in args]), "vote": vote,
                "errors": lambda args: errors(), "gold": lambda args: gold(args[0]), "rule": lambda args: rule(args[0])}
    if len(sys.argv) < 2 or sys.argv[1] not in commands or (sys.argv[1] != "errors" and len(sys.argv) < 3):
        sys.exit(__doc__)
    commands[sys.argv[1]](sys.argv[2:])
