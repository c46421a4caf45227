#!/usr/bin/env bash
# `make test-all`: the test suite on every supported Python found on this machine (3.9-3.13), each
# in its own virtualenv under .venvs/, then once with the lowest supported httpx and pydantic
# (scripts/lowest-dependencies.txt, the floors of pyproject.toml).
#
# Interpreters are looked up in pyenv ($PYENV_ROOT/versions/3.X.*, highest patch first), then as
# python3.X on PATH. A version that is not found is reported as skipped, not as a failure.
#
# Environment:
#   PYTHONS         the minor versions to test (default: "3.9 3.10 3.11 3.12 3.13"; "" for none)
#   LOWEST_PYTHON   the version for the lowest-dependencies run (default: 3.11; "" to skip it)
#   PYTEST_ARGS     arguments for pytest (default: -m "not slow" -q)
#
# A virtualenv is (re)installed when pyproject.toml or the constraints changed since it was made.
# Each run's output is kept in .venvs/<name>.log. Exits non-zero if any run failed.
set -uo pipefail
cd "$(dirname "$0")/.."

PYTHONS=${PYTHONS-"3.9 3.10 3.11 3.12 3.13"}
LOWEST_PYTHON=${LOWEST_PYTHON-3.11}
LOWEST=scripts/lowest-dependencies.txt
VENVS=.venvs
PYENV_VERSIONS=${PYENV_ROOT:-$HOME/.pyenv}/versions
if [[ -n ${PYTEST_ARGS:-} ]]; then
    read -r -a pytest_args <<<"$PYTEST_ARGS"
else
    pytest_args=(-m "not slow" -q)
fi

mkdir -p "$VENVS"
results=()
failed=0

find_python() { # find_python 3.X -> path of an interpreter of that minor version, or nothing
    local candidate
    for candidate in $(ls -d "$PYENV_VERSIONS/$1".* 2>/dev/null | sort -V -r); do
        if [[ -x $candidate/bin/python && $candidate =~ /$1\.[0-9]+$ ]]; then
            echo "$candidate/bin/python"
            return
        fi
    done
    command -v "python$1" || true
}

ensure_venv() { # ensure_venv NAME PYTHON [pip args...] -> a venv with the project and its dev extras
    local name=$1 python=$2 venv=$VENVS/$1
    shift 2
    local stamp=$venv/.installed
    # Reinstall when pyproject.toml, or a constraints file among the pip args, is newer.
    local fresh=1 input
    for input in pyproject.toml "$@"; do
        if [[ -f $input && ! ($stamp -nt $input) ]]; then
            fresh=0
        fi
    done
    if [[ -f $stamp && $fresh == 1 ]]; then
        return 0
    fi
    echo "== $name: creating $venv with $("$python" --version 2>&1)"
    rm -rf "$venv"
    "$python" -m venv "$venv" &&
        "$venv/bin/python" -m pip install --quiet --upgrade pip &&
        "$venv/bin/python" -m pip install --quiet -e '.[dev]' "$@" &&
        touch "$stamp"
}

run_suite() { # run_suite NAME PYTHON [pip args...]
    local name=$1 python=$2
    if ! ensure_venv "$@" >"$VENVS/$name.install.log" 2>&1; then
        echo "== $name: installing failed, see $VENVS/$name.install.log"
        results+=("$name: INSTALL FAILED")
        failed=1
        return
    fi
    local versions
    versions=$("$VENVS/$name/bin/python" -c \
        'import sys, httpx, pydantic; print(f"Python {sys.version.split()[0]}, httpx {httpx.__version__}, pydantic {pydantic.VERSION}")')
    echo "== $name: $versions"
    if "$VENVS/$name/bin/python" -m pytest -p no:cacheprovider "${pytest_args[@]}" >"$VENVS/$name.log" 2>&1; then
        results+=("$name: passed ($versions) $(tail -n 1 "$VENVS/$name.log")")
    else
        results+=("$name: FAILED ($versions) $(tail -n 1 "$VENVS/$name.log"); see $VENVS/$name.log")
        failed=1
    fi
    tail -n 1 "$VENVS/$name.log"
}

for version in $PYTHONS; do
    python=$(find_python "$version")
    if [[ -z $python ]]; then
        results+=("py$version: skipped (no Python $version found)")
        continue
    fi
    run_suite "py$version" "$python"
done

if [[ -n $LOWEST_PYTHON ]]; then
    python=$(find_python "$LOWEST_PYTHON")
    if [[ -z $python ]]; then
        results+=("py$LOWEST_PYTHON-lowest: skipped (no Python $LOWEST_PYTHON found)")
    else
        run_suite "py$LOWEST_PYTHON-lowest" "$python" -c "$LOWEST"
    fi
fi

echo
echo "== make test-all"
printf '%s\n' "${results[@]}"
exit $failed
