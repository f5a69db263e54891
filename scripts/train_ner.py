"""Train the German news NER pipeline and ship it into src/storyline/models/de_news/.

One command from a fresh clone (needs ../shared/data):
    python scripts/train_ner.py                 # data, word lists, train the final mix, evaluate, ship
    python scripts/train_ner.py --mix base --steps 2000 --no-pretrain --no-ship   # a quick experiment
Training data and weights are named in MIXES; GermEval is repeated to outweigh the large
out-of-domain sets. The shipped mix `full` trains on the GermEval 2014 train split and no dev
sentence; checkpoints are picked on the dev part outside the frozen third. Seeded (spaCy seed
2014, fixed GermEval split) so reruns give the same figures.
"""
from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import ner_data  # noqa: E402
import ner_gazetteer  # noqa: E402
import ner_pretrain  # noqa: E402

ROOT = ner_data.ROOT
BUILD = ROOT / "build" / "ner"
CONFIG = ROOT / "scripts" / "ner_config" / "ner.cfg"
FEATURES_CONFIG = ROOT / "scripts" / "ner_config" / "ner_features.cfg"  # + word classes (word_classes.py)
CODE = ROOT / "scripts" / "ner_config" / "code.py"  # registers the word-class component for spaCy
BASELINE_CONFIG = ROOT / "scripts" / "ner_config" / "baseline.cfg"
BASELINE = ("base", 2000)  # mix and steps of the baseline that benchmarks/ner.py prints beside ours
SHIPPED = ROOT / "src" / "storyline" / "models" / "de_news"

# corpus name -> how many copies go into the training directory
MIXES = {
    "base": {"germeval_train": 1, "smartdata": 1},
    "ge3": {"germeval_train": 3, "smartdata": 1},
    "mobie": {"germeval_train": 3, "smartdata": 1, "mobie": 1},
    "legal": {"germeval_train": 3, "smartdata": 1, "legal": 1},
    "historic": {"germeval_train": 3, "smartdata": 1, "newseye": 1, "zefys": 1},
    "biofid": {"germeval_train": 3, "smartdata": 1, "biofid": 1},
    "all": {"germeval_train": 3, "smartdata": 1, "mobie": 1, "legal": 1, "newseye": 1,
            "zefys": 1, "biofid": 1},
    # + Wikinews labelled by the shipped system (scripts/ner_silver.py; round six, not shipped)
    "silver": {"germeval_train": 3, "silver_wikinews": 1, "smartdata": 1, "mobie": 1, "legal": 1,
               "newseye": 1, "zefys": 1, "biofid": 1},
    # + Europeana historic newspapers (round seven experiment)
    "europeana": {"germeval_train": 3, "smartdata": 1, "mobie": 1, "legal": 1, "newseye": 1,
                  "zefys": 1, "biofid": 1, "europeana": 1},
    "swapped": {"germeval_train": 3, "germeval_swapped": 1, "smartdata": 1, "mobie": 1, "legal": 1,
                "newseye": 1, "zefys": 1, "biofid": 1},
}
# round eight (issue 26): the GermEval 2014 TRAIN split (23,999 sentences, 453k tokens) instead of
# GermEval dev's 65%, beside the out-of-domain sets of `all` (1.26M tokens); no dev sentence at all.
# Two copies put in-domain text at 42 % of the training tokens (`all`: 6 %).
MIXES["full"] = {"germeval_full": 2, "smartdata": 1, "mobie": 1, "legal": 1, "newseye": 1, "zefys": 1,
                 "biofid": 1}
# full_ge: the same without the out-of-domain sets but SmartData (does in-domain text now suffice?
# No: −1.4 tune, −2.6 Europarl; docs/accuracy-ner.md, round eight)
MIXES["full_ge"] = {"germeval_full": 1, "smartdata": 1}
# learning curve of round nine: `full` with 3,000 / 6,000 / 12,000 of the 23,999 GermEval train sentences
MIXES.update({f"full_{size}": {("germeval_full_" + size if c == "germeval_full" else c): n
                               for c, n in MIXES["full"].items()} for size in ("3k", "6k", "12k")})
# issue 26's teacher lever: `full` + Wikinews labelled by the encoder tagger (scripts/ner_teacher.py);
# the silver weight is a parameter (--copies silver_encoder=N)
MIXES["full_silver"] = {**MIXES["full"], "silver_encoder": 2}
# the checkpoint is chosen on this GermEval dev part: for mixes without dev sentences, the two thirds
# of dev outside the frozen third (scripts/ner_data.py); else the old 10% tune part
DEV_PART = {"full": "germeval_dev_tune", "full_ge": "germeval_dev_tune", "full_3k": "germeval_dev_tune",
            "full_6k": "germeval_dev_tune", "full_12k": "germeval_dev_tune", "full_silver": "germeval_dev_tune"}
# leave-one-out mixes: what each out-of-domain set adds to `all` (docs/accuracy-ner.md, round six)
LEFT_OUT = {"smartdata": ("smartdata",), "mobie": ("mobie",), "legal": ("legal",),
            "historic": ("newseye", "zefys"), "biofid": ("biofid",), "mobie_legal": ("mobie", "legal"),
            "germeval": ("germeval_train",)}
MIXES.update({f"all_but_{name}": {c: n for c, n in MIXES["all"].items() if c not in corpora}
              for name, corpora in LEFT_OUT.items()})
# learning curve: `all` with half or a quarter of GermEval-train (how F1 grows with in-domain data)
MIXES.update({f"all_{part}": {("germeval_train_" + part if c == "germeval_train" else c): n
                              for c, n in MIXES["all"].items()} for part in ("half", "quarter")})
FINAL_MIX = "full"  # since round eight (issue 26): GermEval train split, no GermEval dev sentence
FINAL_STEPS = 12000  # an upper bound: patience (3,000 steps) stops `full` at 6,600, best checkpoint 3,600
FINAL_PRETRAIN = False  # `spacy pretrain` first (scripts/ner_pretrain.py): with the word classes it no longer helps
FINAL_VECTORS: Path | None = None  # static floret vectors (scripts/ner_vectors.py): round nine's experiment
FINAL_PROPER_NOUNS = False  # the tagger's NE reading as a word-class flag: round nine's experiment
FINAL_WIDTH: int | None = None  # None: the config's tok2vec width (96)
FINAL_FEATURES = True  # word classes from noun, given-name and place lists (storyline.analyze.entities.word_classes)


def assemble_mix(name: str, run: str) -> Path:
    """A directory of DocBin files that spaCy's corpus reader reads as one training set.

    One directory per run: spaCy rereads it every epoch, so parallel runs must not share it.
    """
    missing = [c for c in MIXES[name] if not (ner_data.CORPUS / f"{c}.spacy").exists()]
    if missing:  # silver corpora come from scripts/ner_silver.py and ner_teacher.py, not from ner_data.py
        sys.exit(f"mix {name} needs {', '.join(missing)} in {ner_data.CORPUS}: run scripts/ner_data.py "
                 "(scripts/ner_silver.py for silver_wikinews, scripts/ner_teacher.py for silver_encoder) first")
    target = BUILD / f"train_{run}"
    shutil.rmtree(target, ignore_errors=True)
    target.mkdir(parents=True)
    for corpus, copies in MIXES[name].items():
        for copy in range(copies):
            shutil.copyfile(ner_data.CORPUS / f"{corpus}.spacy", target / f"{corpus}_{copy}.spacy")
    return target


def run_training(mix: str, steps: int, threads: int, init_tok2vec: Path | None = None,
                 config: Path = CONFIG, suffix: str = "", seed: int | None = None,
                 overrides: tuple[str, ...] = ()) -> Path:
    """Run `spacy train` in a subprocess with pinned threads so timings are comparable.

    The suffix names an experiment's output so that it does not overwrite the recipe's model;
    overrides are spaCy config settings (`--components.tok2vec.model.encode.width 128`).
    """
    output = BUILD / (f"model_{mix}_{steps}" + ("_pt" if init_tok2vec else "") + suffix)
    env = {**os.environ, "OMP_NUM_THREADS": str(threads), "OPENBLAS_NUM_THREADS": str(threads),
           "MKL_NUM_THREADS": str(threads), "PYTHONHASHSEED": "0"}
    command = [sys.executable, "-m", "spacy", "train", str(config), "--output", str(output),
               "--paths.train", str(assemble_mix(mix, output.name)),
               "--paths.dev", str(ner_data.CORPUS / f"{DEV_PART.get(mix, 'germeval_tune')}.spacy"),
               "--training.max_steps", str(steps), "--code", str(CODE)]
    if init_tok2vec:
        command += ["--paths.init_tok2vec", str(init_tok2vec)]
    if seed is not None:
        command += ["--system.seed", str(seed)]
    command += list(overrides)
    subprocess.run(command, check=True, env=env, cwd=ROOT)
    return output / "model-best"


def ship_model(model_dir: Path, mix: str, steps: int) -> None:
    """Replace the shipped pipeline atomically, keeping the model card that documents it.

    The copy is made beside the shipped directory and renamed into place, so a reader never
    sees a half-written model.
    """
    staging, old = SHIPPED.with_name("de_news.new"), SHIPPED.with_name("de_news.old")
    shutil.rmtree(staging, ignore_errors=True)
    shutil.copytree(model_dir, staging)
    if (SHIPPED / "MODEL_CARD.md").exists():
        shutil.copyfile(SHIPPED / "MODEL_CARD.md", staging / "MODEL_CARD.md")
    config = staging / "config.cfg"  # training paths relative to the repository, not this machine
    config.write_text(config.read_text(encoding="utf-8").replace(f"{ROOT}/", ""), encoding="utf-8")
    if SHIPPED.exists():
        SHIPPED.rename(old)
    staging.rename(SHIPPED)
    shutil.rmtree(old, ignore_errors=True)
    print(f"shipped {model_dir} (mix {mix}, {steps} steps) -> {SHIPPED}")


def evaluate(model_dir: Path, shipped: bool) -> None:
    """Print the figures of what was shipped (model + rules), or of the bare model otherwise."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    import ner as bench

    bench.print_report(None if shipped else model_dir)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--mix", default=FINAL_MIX, choices=sorted(MIXES))
    parser.add_argument("--steps", type=int, default=FINAL_STEPS)
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument("--no-ship", action="store_true")
    parser.add_argument("--skip-data", action="store_true", help="reuse build/ner/corpus")
    parser.add_argument("--no-baseline", action="store_true", help="do not train the missing baseline")
    parser.add_argument("--pretrain", action=argparse.BooleanOptionalAction, default=FINAL_PRETRAIN,
                        help="init the tok2vec from spacy pretrain (--no-pretrain: random init)")
    parser.add_argument("--pretrained-weights", type=Path,
                        help="reuse these `spacy pretrain` weights instead of pretraining again")
    parser.add_argument("--features", action=argparse.BooleanOptionalAction, default=FINAL_FEATURES,
                        help="the word-class feature (ner_features.cfg); --no-features: ner.cfg")
    parser.add_argument("--suffix", default="", help="appended to the model directory name")
    parser.add_argument("--seed", type=int, help="spaCy's seed instead of the config's 2014 (to see the spread)")
    parser.add_argument("--vectors", type=Path, default=FINAL_VECTORS,
                        help="static vectors (a `spacy init vectors` directory, scripts/ner_vectors.py) "
                             "fed to the tok2vec beside the hashed features")
    parser.add_argument("--proper-nouns", action=argparse.BooleanOptionalAction, default=FINAL_PROPER_NOUNS,
                        help="flag words the POS tagger (models/de_pos) reads as proper nouns in the word classes")
    parser.add_argument("--width", type=int, default=FINAL_WIDTH, help="tok2vec width (the config's: 96)")
    parser.add_argument("--skip-lists", action="store_true",
                        help="keep the shipped word lists (no ner_gazetteer rewrite; for experiments)")
    parser.add_argument("--copies", action="append", default=[], metavar="CORPUS=N",
                        help="copies of one corpus of the mix instead of MIXES' (the silver weight: silver_encoder=1)")
    args = parser.parse_args()
    for setting in args.copies:
        corpus, _, copies = setting.partition("=")
        if corpus not in MIXES[args.mix]:
            sys.exit(f"--copies: {corpus} is not in mix {args.mix}")
        MIXES[args.mix][corpus] = int(copies)
    if not ner_data.SHARED.exists():
        sys.exit(f"needs the shared data at {ner_data.SHARED}")
    started = time.perf_counter()
    if not args.skip_data:
        print(ner_data.build_corpora())
    if not args.no_baseline and not (BUILD / f"model_{BASELINE[0]}_{BASELINE[1]}" / "model-best").exists():
        run_training(*BASELINE, args.threads, config=BASELINE_CONFIG)
    if not args.skip_lists:
        ner_gazetteer.write_all(with_corpus=True)  # before training: the word-class feature reads these lists
    config = FEATURES_CONFIG if args.features else CONFIG
    weights = args.pretrained_weights or (ner_pretrain.run_pretraining(args.threads, config) if args.pretrain else None)
    print(f"data + pretraining time: {time.perf_counter() - started:.0f} s")
    overrides: list[str] = []
    if args.vectors:
        overrides += ["--paths.vectors", str(args.vectors),
                      "--components.tok2vec.model.embed.include_static_vectors", "true"]
    if args.proper_nouns:
        overrides += ["--components.word_classes.proper_nouns", "true"]
    if args.width:
        overrides += ["--components.tok2vec.model.encode.width", str(args.width)]
    model_dir = run_training(args.mix, args.steps, args.threads, weights, config=config, suffix=args.suffix,
                             seed=args.seed, overrides=tuple(overrides))
    print(f"data + pretraining + training time: {time.perf_counter() - started:.0f} s "
          f"(mix {args.mix}, {args.steps} steps, pretrained: {weights is not None})")
    if not args.no_ship:
        ship_model(model_dir, args.mix, args.steps)
    evaluate(model_dir, shipped=not args.no_ship)


if __name__ == "__main__":
    main()
