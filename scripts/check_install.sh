#!/usr/bin/env bash
# Prove that an install works, not just that pip finished: install medtune with EXTRAS into a FRESH venv (torch first,
# the CPU build, exactly as scripts/setup.sh does), run `pip check`, import every installed extra's packages and
# smoke-run `medtune data stats` on the shipped sample. CI runs it for `all` (scripts/test.sh).
#   bash scripts/check_install.sh [EXTRAS [VENV]]    default: all .venv-all (git-ignored; recreated each run)
#   e.g. bash scripts/check_install.sh sci .venv-sci
set -euo pipefail
cd "$(dirname "$0")/.."
extras="${1:-all}"
venv="${2:-.venv-all}"
start=$SECONDS
rm -rf "$venv"
MEDTUNE_VENV="$venv" bash scripts/setup.sh "$extras"
"$venv/bin/python" -m pip check
# Import what each extra installs (a package that pip installed but cannot import, e.g. a NumPy ABI mismatch, fails
# here); packages of extras not asked for are skipped.
"$venv/bin/python" - <<'PY'
import importlib
import importlib.util

modules = [
    "numpy", "pyarrow", "datasets", "medtune",
    "torch", "transformers", "peft", "trl", "accelerate", "safetensors", "gguf",  # train
    "presidio_analyzer", "spacy", "tldextract", "phonenumbers",  # pii
    "datasketch", "lingua", "tensorboard",  # clean, lang, tensorboard
    "scispacy.abbreviation",  # sci
    "rouge_score", "sacrebleu", "matplotlib.pyplot",  # eval
    "fastapi", "uvicorn", "httpx",  # serve
]
found = [m for m in modules if importlib.util.find_spec(m.split(".")[0]) is not None]
for name in found:
    importlib.import_module(name)
print(f"imported {len(found)} packages: {', '.join(found)}")
if "scispacy.abbreviation" in found:  # the sci extra: medtune's scispacy backend finds a definition
    from medtune.medical.abbreviations import scispacy_definitions

    (defs,) = scispacy_definitions(["Chronic obstructive pulmonary disease (COPD) limits airflow."])
    assert [(d.short, d.long) for d in defs] == [("COPD", "Chronic obstructive pulmonary disease")], defs
    print("scispacy backend: COPD = Chronic obstructive pulmonary disease")
PY
"$venv/bin/medtune" data stats src/medtune/medical/samples/medical_sample.jsonl
echo "check_install: .[${extras}] in ${venv} works ($((SECONDS - start)) s)"
