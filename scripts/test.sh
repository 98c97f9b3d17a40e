#!/usr/bin/env bash
# Set up from scratch and run the checks CI runs: ruff, then the whole pytest suite (slow tests included).
#   bash scripts/test.sh [pytest args]
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh dev
.venv/bin/ruff check src tests benchmarks examples scripts
.venv/bin/ruff format --check src tests benchmarks examples scripts
.venv/bin/python -m pytest "$@"
