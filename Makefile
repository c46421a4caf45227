# Every target creates .venv when missing. `make demo` installs only the SDK (httpx, pydantic);
# the other targets install the project with its dev extras. The venv is made without its own
# pip (ensurepip alone takes seconds) and filled by $(PYTHON)'s pip (22.3 or newer).
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
PIP := $(PYTHON) -m pip --python $(BIN)/python --disable-pip-version-check
RUNTIME := $(VENV)/.installed-runtime
DEV := $(VENV)/.installed-dev
# Test workers: three on this project's 2-core machines. Many tests wait (timeouts of the fault
# matrix, simulated calls), so a third worker fills the cores while another waits: `make test`
# measured 41 s on average with three against 47 s with two (three runs each, alternated).
WORKERS ?= 3
# Some shells set this; without bytecode caches every run re-compiles and pytest re-writes the
# assertions of all test modules, which is most of the collection time (about 3 s per worker).
unexport PYTHONDONTWRITEBYTECODE

.PHONY: venv test test-slow lint typecheck verifytypes unit demo bench docs test-all clean

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

# The public surface's type completeness (100%); run by `make test-slow`, which CI runs, to keep
# `make test` within its time (it is a second pass of pyright over the package).
verifytypes: $(DEV)
	PYTHONPATH=src $(BIN)/pyright --verifytypes tenios --ignoreexternal

unit: $(DEV)
	$(BIN)/pytest -m "not slow" -n $(WORKERS) --dist worksteal -q

docs: $(DEV)
	NO_MKDOCS_2_WARNING=1 $(BIN)/mkdocs build --strict --quiet --site-dir site

# The checks run side by side (the type checkers and the tests wait on different things);
# each target's output is printed whole when it ends.
test: $(DEV)
	$(MAKE) --no-print-directory -j4 --output-sync=target lint typecheck unit docs

# The whole suite, the long suites included, under coverage with its gate (kept out of
# `make test`, where measuring every line would double the time). pytest-cov starts coverage in
# each worker before plugins load, so the tenios pytest plugin (loaded at startup) is measured too.
test-slow: verifytypes
	$(BIN)/pytest -n $(WORKERS) -q --cov --cov-report=term-missing:skip-covered --cov-fail-under=95

demo: $(RUNTIME)
	$(BIN)/python examples/quickstart.py

bench: $(DEV)
	$(BIN)/python -m benchmarks.run

# The suite on every Python 3.9-3.13 found on this machine, then with the lowest httpx and pydantic.
test-all:
	scripts/test_all.sh

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache .coverage .coverage.* htmlcov dist build site
