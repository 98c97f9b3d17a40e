#!/usr/bin/env bash
# Create .venv (if needed) and install medtune into it, CPU-only.
#   bash scripts/setup.sh EXTRAS      e.g. bash scripts/setup.sh dev,train
# torch is installed first, pinned to the CPU build (pip install torch==2.13.0, a local CPU wheel on this project's
# dev/CI machines), so that no extra pulls a multi-GB CUDA build. Elsewhere, put the CPU build in first yourself
# (pip install torch --index-url https://download.pytorch.org/whl/cpu) and set MEDTUNE_INSTALL_TORCH=0; on a GPU
# machine, install torch for your CUDA instead and `pip install -e ".[all,gpu]"`.
# MEDTUNE_VENV=DIR installs into DIR instead of .venv.
set -euo pipefail
cd "$(dirname "$0")/.."
extras="${1:-}"
py="${PYTHON:-python3}"
venv="${MEDTUNE_VENV:-.venv}"
if [ ! -x "$venv/bin/python" ]; then
  "$py" -m venv "$venv"
fi
"$venv/bin/python" -m pip install -q --upgrade pip
if [ -n "${MEDTUNE_INSTALL_TORCH:-1}" ] && [ "${MEDTUNE_INSTALL_TORCH:-1}" != 0 ]; then
  "$venv/bin/python" -m pip install -q "torch==2.13.0"
fi
if [ -n "$extras" ]; then
  "$venv/bin/python" -m pip install -q -e ".[${extras}]"
else
  "$venv/bin/python" -m pip install -q -e .
fi
