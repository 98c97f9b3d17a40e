#!/usr/bin/env bash
# Set up from scratch and run the checks CI runs: ruff, the `.[all]` install check (a fresh .venv-all: pip check,
# imports, `medtune data stats`; about 3 minutes, MEDTUNE_CHECK_INSTALL=0 skips it), then the whole pytest suite
# (slow tests included).
#   bash scripts/test.sh [pytest args]
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh dev
.venv/bin/ruff check src tests benchmarks examples scripts
.venv/bin/ruff format --check src tests benchmarks examples scripts
if [ "${MEDTUNE_CHECK_INSTALL:-1}" != 0 ]; then
  bash scripts/check_install.sh all .venv-all
fi
.venv/bin/python -m pytest "$@"
