# Every target creates .venv when missing. `make demo` installs only the SDK (httpx, pydantic);
# the other targets install the project with its dev extras. The venv is made without its own
# pip (ensurepip alone takes seconds) and filled by $(PYTHON)'s pip (22.3 or newer).
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
PIP := $(PYTHON) -m pip --python $(BIN)/python --disable-pip-version-check
RUNTIME := $(VENV)/.installed-runtime
DEV := $(VENV)/.installed-dev
# Test workers: twice the 2 cores of this project's machines, as many tests wait on sockets.
WORKERS ?= 4

.PHONY: venv test test-slow lint typecheck unit demo bench docs test-all clean

venv: $(DEV)

$(BIN)/python:
	$(PYTHON) -m venv --without-pip $(VENV)

$(RUNTIME): pyproject.toml | $(BIN)/python
	$(PIP) install --quiet -e .
	touch $(RUNTIME)

$(DEV): pyproject.toml | $(BIN)/python
	$(PIP) install --quiet -e '.[dev]'
	touch $(RUNTIME) $(DEV)

lint: $(DEV)
	$(BIN)/ruff check src tests examples benchmarks
	$(BIN)/ruff format --check src tests examples benchmarks

typecheck: $(DEV)
	$(BIN)/mypy --strict
	$(BIN)/pyright
	PYTHONPATH=src $(BIN)/pyright --verifytypes tenios --ignoreexternal

# pytest-cov starts coverage in each worker before plugins load, so the tenios pytest plugin
# (loaded at startup) is measured too.
unit: $(DEV)
	$(BIN)/pytest -m "not slow" -n $(WORKERS) --cov --cov-report=term-missing:skip-covered --cov-fail-under=95 -q

docs: $(DEV)
	NO_MKDOCS_2_WARNING=1 $(BIN)/mkdocs build --strict --quiet --site-dir site

test: lint typecheck unit docs

test-slow: $(DEV)
	$(BIN)/pytest -m slow -n $(WORKERS) -q

demo: $(RUNTIME)
	$(BIN)/python examples/quickstart.py

bench: $(DEV)
	$(BIN)/python -m benchmarks.run

# The suite on every Python 3.9-3.13 found on this machine, then with the lowest httpx and pydantic.
test-all:
	scripts/test_all.sh

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache .coverage .coverage.* htmlcov dist build site
