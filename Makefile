# The two commands: `make run` and `make test`. Each makes its own virtualenv.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
DB ?= newsgraph.db
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test install bench clean

$(BIN)/newsgraph: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[dev]"
	touch $@

install: $(BIN)/newsgraph

# Read, analyse and store the bundled examples into SQLite, then serve them.
run: install
	$(BIN)/newsgraph ingest examples/ --db sqlite:///$(DB)
	$(BIN)/newsgraph serve --db sqlite:///$(DB) --host $(HOST) --port $(PORT)

# The whole test suite. PostgreSQL tests run when NEWSGRAPH_TEST_POSTGRES_URL is set;
# browser tests when /usr/bin/chromium exists.
test: install
	$(BIN)/python -m pytest $(PYTEST_ARGS)

bench: install
	$(BIN)/python benchmarks/extraction.py --data ../shared/data/extraction-scrapinghub

clean:
	rm -rf $(VENV) .pytest_cache build *.egg-info
