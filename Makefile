# Every target creates .venv when missing and installs the project with its dev extras.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-dev

.PHONY: venv test test-slow lint typecheck unit demo bench docs test-all clean

venv: $(STAMP)

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

lint: $(STAMP)
	$(BIN)/ruff check src tests examples benchmarks
	$(BIN)/ruff format --check src tests examples benchmarks

typecheck: $(STAMP)
	$(BIN)/mypy --strict
	$(BIN)/pyright
	PYTHONPATH=src $(BIN)/pyright --verifytypes tenios --ignoreexternal

# coverage starts before pytest, so the tenios pytest plugin (loaded at startup) is measured too.
unit: $(STAMP)
	$(BIN)/coverage run -m pytest -m "not slow"
	$(BIN)/coverage report --fail-under=95

docs: $(STAMP)
	NO_MKDOCS_2_WARNING=1 $(BIN)/mkdocs build --strict --quiet --site-dir site

test: lint typecheck unit docs

test-slow: $(STAMP)
	$(BIN)/pytest -m slow

demo: $(STAMP)
	$(BIN)/python examples/quickstart.py

bench: $(STAMP)
	$(BIN)/python -m benchmarks.run

# The suite on every Python 3.9-3.13 found on this machine, then with the lowest httpx and pydantic.
test-all:
	scripts/test_all.sh

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache .coverage htmlcov dist build site
