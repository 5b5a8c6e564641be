# Two entry points a new user needs: `make demo` and `make test`. Both build the venv first.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
PORT   ?= 8000

.PHONY: demo test venv clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

venv: $(STAMP)

# Analyse the bundled sample, store it, show its disputes, then serve the UI over it.
demo: $(STAMP)
	$(BIN)/claimscope analyze examples/seed.txt --format text
	$(BIN)/claimscope ingest examples/seed.txt --db demo.db
	$(BIN)/claimscope disputes --db demo.db
	$(BIN)/claimscope serve --db demo.db --port $(PORT)

test: $(STAMP)
	$(BIN)/python -m pytest -q

clean:
	rm -rf $(VENV) demo.db demo.db-wal demo.db-shm
