#!/usr/bin/env bash
# The main job on the embedded default: set up, then run medtune on the shipped sample, offline.
# Today that is `medtune data stats` on the shipped medical sample; it grows into the full
# clean -> train -> eval pipeline as those stages land (see CHANGELOG.md).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
.venv/bin/medtune data validate "$(.venv/bin/python -c 'import medtune; print(medtune.sample_path("medical"))')"
.venv/bin/medtune data stats --sample medical
