# Two entry points for newcomers: `make run` (the dashboard on the shipped data) and `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin

.PHONY: run test install install-test benchmark audit clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

install: $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .

install-test: $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test]'

run: install
	$(BIN)/python dashboard.py

test: install-test
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/gnss-tracker validate
	$(BIN)/gnss-tracker fmt --check
	$(BIN)/gnss-tracker schema --check
	$(BIN)/python -m pytest -q

# Known vulnerabilities in the installed dependencies (pip-audit); says "skipped" when offline.
audit: install-test
	tools/audit.sh

benchmark: install-test
	$(BIN)/python -m benchmarks

clean:
	rm -rf $(VENV) build *.egg-info
