"""The example plugin package, installed for real with pip, is discovered and used by `medtune clean`."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "examples" / "plugins" / "medtune-greeting-cleaner"


@pytest.fixture(scope="module")
def plugin_site(tmp_path_factory):
    site = tmp_path_factory.mktemp("site")
    cmd = [sys.executable, "-m", "pip", "install", "-q", "--no-deps", "--no-build-isolation", "--target", str(site)]
    subprocess.run([*cmd, str(PACKAGE)], check=True, capture_output=True, text=True)
    return site


def run_medtune(site, *args, cwd=None):
    env = {**os.environ, "PYTHONPATH": f"{site}{os.pathsep}{os.environ.get('PYTHONPATH', '')}"}
    return subprocess.run(
        [sys.executable, "-m", "medtune.cli.main", *args], capture_output=True, text=True, env=env, cwd=cwd
    )


@pytest.mark.slow
def test_installed_plugin_is_listed_and_cleans(plugin_site, tmp_path):
    listed = run_medtune(plugin_site, "plugins", "--json")
    assert listed.returncode == 0, listed.stderr
    components = {(c["kind"], c["name"]): c for c in json.loads(listed.stdout)["components"]}
    assert components[("cleaner", "strip_greeting")]["distribution"] == "medtune-greeting-cleaner"
    assert components[("cleaner", "strip_greeting")]["plugin"] == "greeting"

    data = tmp_path / "d.jsonl"
    rows = [
        {"instruction": "Answer as a doctor.", "input": "Hi doctor, I have had a cough for a week.", "output": "Rest."},
        {"instruction": "Answer as a doctor.", "input": "My knee hurts after running.", "output": "Ice it."},
    ]
    data.write_text("".join(json.dumps(r) + "\n" for r in rows))
    config = tmp_path / "pipeline.yaml"
    config.write_text("cleaners:\n  - name: strip_greeting\n    options: {greetings: [hi doctor]}\n  - empty\n")
    out = tmp_path / "clean.jsonl"
    cleaned = run_medtune(plugin_site, "clean", str(data), "-o", str(out), "--config", str(config), "--json")
    assert cleaned.returncode == 0, cleaned.stderr
    inputs = [json.loads(line)["input"] for line in out.read_text().splitlines()]
    assert inputs == ["I have had a cough for a week.", "My knee hurts after running."]
    stages = {s["name"]: s for s in json.loads(cleaned.stdout)["stages"]}
    assert stages["strip_greeting"]["changed"] == 1

    bad = tmp_path / "bad.yaml"
    bad.write_text("cleaners:\n  - name: strip_greeting\n    options: {greeting: [hi]}\n")
    failed = run_medtune(plugin_site, "clean", str(data), "-o", str(out), "--config", str(bad))
    assert failed.returncode == 2 and "unknown key 'greeting'; did you mean 'greetings'?" in failed.stderr


def test_the_cleaner_itself():
    sys.path.insert(0, str(PACKAGE / "src"))
    try:
        from medtune_greeting_cleaner import StripGreeting
    finally:
        sys.path.pop(0)
    cleaner = StripGreeting(["hi doctor", "hello dr"], ["input"])
    assert cleaner.clean_text("Hi doctor, my head hurts") == "My head hurts"
    assert cleaner.clean_text("Hello Dr. - fever since Monday") == "Fever since Monday"
    assert cleaner.clean_text("My head hurts") == "My head hurts"
    assert cleaner.clean_text(cleaner.clean_text("Hi doctor, hi doctor, x")) == cleaner.clean_text(
        "Hi doctor, hi doctor, x"
    )
