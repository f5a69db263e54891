# Two commands for a fresh clone: `make demo` and `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
DB ?= demo/storyline.db

.PHONY: install demo test test-slow sample models benchmarks clean system-deps

$(BIN)/storyline: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[dev,spark,postgres]"
	touch $@

install: $(BIN)/storyline

## Ingest the bundled Wikinews sample (analysis and stories included) and print what was found.
demo: install
	mkdir -p demo
	$(BIN)/storyline ingest src/storyline/data/sample --db $(DB)
	$(BIN)/storyline stories --db $(DB) --limit 8
	$(BIN)/storyline entities --db $(DB) --type PER --limit 8
	$(BIN)/storyline quotes --db $(DB) --limit 4
	$(BIN)/storyline search --db $(DB) "Astronaut"
	@echo
	@echo "Explore further: $(BIN)/storyline --help   (every command takes --db $(DB))"
	@echo "Open the web UI:  $(BIN)/storyline serve --db $(DB)   then http://127.0.0.1:8000/"

## Install and run the default test suite (what CI runs).
test: install
	$(BIN)/python -m pytest -q

test-slow: install
	$(BIN)/python -m pytest -q -m slow

## Rebuild the bundled sample corpus from ../shared/data (needs the shared data).
sample: install
	$(BIN)/python scripts/build_sample.py

## Debian packages for the browser and PostgreSQL tests (run as root; without them those tests skip).
system-deps:
	apt-get update -qq
	DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium fonts-liberation postgresql

clean:
	rm -rf $(VENV) demo
