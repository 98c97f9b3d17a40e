"""The non-medical example: the support plugin, pip-installed for real, through the same API as medicine.

The plugin (examples/plugins/medtune-support-plugin) is installed into a temporary folder with pip, without build
isolation, exactly as test_greeting_plugin.py installs the greeting plugin; subprocesses see it on PYTHONPATH, and
in-process tests import it from there and register it on an isolated plugin manager.
"""

from __future__ import annotations

import doctest
import importlib
import json
import math
import os
import re
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "examples" / "plugins" / "medtune-support-plugin"
SUPPORT = ROOT / "examples" / "support"
DATA = SUPPORT / "data" / "support.jsonl"
MEDICAL_CLEANERS = {
    "pii",
    "pii_regex",
    "pii_presidio",
    "normalize_units",
    "expand_abbreviations",
    "medically_sound",
    "disclaimer",
}
CLEANERS = ["redact_support_ids", "empty", "length", "copies_input", "language", "dedup", "support_sound"]


@pytest.fixture(scope="module")
def support_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    site = tmp_path_factory.mktemp("support-site")
    cmd = [sys.executable, "-m", "pip", "install", "-q", "--no-deps", "--no-build-isolation", "--target", str(site)]
    subprocess.run([*cmd, str(PACKAGE)], check=True, capture_output=True, text=True)
    return site


@pytest.fixture
def support_plugin(support_site: Path, medtune_plugin_manager: Any, monkeypatch: pytest.MonkeyPatch) -> Any:
    """The installed plugin's hook module, registered on an isolated plugin manager made the process default."""
    monkeypatch.syspath_prepend(str(support_site))
    for name in [m for m in sys.modules if m.startswith("medtune_support_plugin")]:
        monkeypatch.delitem(sys.modules, name)
    module = importlib.import_module("medtune_support_plugin.plugin")
    assert Path(module.__file__).is_relative_to(support_site)  # the installed copy, not the source tree
    medtune_plugin_manager.register(module, name="support")
    return module


def run_medtune(site: Path, *args: str, cwd: Path | None = None, **env: str) -> subprocess.CompletedProcess[str]:
    environ = {**os.environ, "PYTHONPATH": f"{site}{os.pathsep}{os.environ.get('PYTHONPATH', '')}", **env}
    return subprocess.run(
        [sys.executable, "-m", "medtune.cli.main", *args], capture_output=True, text=True, env=environ, cwd=cwd
    )


def _records(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


# --- the data ----------------------------------------------------------------------------------------------------


def test_the_hand_written_dataset_is_valid_and_has_what_the_readme_says():
    from medtune import Dataset

    ds = Dataset.load(DATA)
    assert 60 <= len(ds) <= 100 and ds.kind == "instruction"
    rows = _records(DATA)
    assert len({r["id"] for r in rows}) == len(rows)
    assert {r["category"] for r in rows} >= {"account", "billing", "licensing", "sync", "escalation"}
    assert not [r["id"] for r in rows if re.search(r"doctor|patient|medic", r["input"] + r["output"], re.I)]
    readme = (SUPPORT / "README.md").read_text(encoding="utf-8")
    assert f"{len(rows)} records" in readme and "Apache-2.0" in readme


# --- the components themselves (no install needed) -------------------------------------------------------------


def test_components_and_their_doctests():
    sys.path.insert(0, str(PACKAGE / "src"))
    try:
        from medtune_support_plugin import checks, redact, safety
    finally:
        sys.path.pop(0)
    for module in (redact, checks, safety):
        result = doctest.testmod(module)
        assert result.failed == 0 and result.attempted > 0, module.__name__

    cleaner = redact.RedactSupportIds()
    cases = {
        "Charged twice: order FP-20481736 and FP20481794": "Charged twice: order [ORDER_NUMBER] and [ORDER_NUMBER]",
        "My order #20481736 never arrived": "My order #[ORDER_NUMBER] never arrived",
        "invoice number: 55512345, please redo it": "invoice number: [ORDER_NUMBER], please redo it",
        "My license key is Q7K2M-9XD4P-ZT3B8-LW6NA-R5C1H.": "My license key is [LICENSE_KEY].",
        "key q7k2m-9xd4p-zt3b8-lw6na-r5c1h": "key [LICENSE_KEY]",
        "activation code: AB12-CD34-EF56": "activation code: [LICENSE_KEY]",
        "I'm dana.w@mail.example, +1 415 555 0134": "I'm [EMAIL], [PHONE]",
        "card 4111 1111 1111 1111 declined": "card [CREDIT_CARD] declined",
        # Kept: the company's own addresses, versions, dates, ordinary hyphenated words.
        "Write to billing@fernpad.example or privacy@fernpad.example": None,
        "Fernpad 4.2.1 on Windows 11, build 22631, since 2024-05-01": None,
        "state-of-the-art note-taking for power-users": None,
    }
    for text, expected in cases.items():
        cleaned = cleaner.clean_text(text)
        assert cleaned == (expected or text), text
        assert cleaner.clean_text(cleaned) == cleaned  # idempotent, as the cleaner claims
    only_orders = redact.RedactSupportIds(["ORDER_NUMBER"], fields=["input"])
    assert only_orders.clean_text("FP-20481736 from a@b.example") == "[ORDER_NUMBER] from a@b.example"
    row = {"instruction": "Help.", "input": "order FP-20481736", "output": "Order FP-20481736 ships."}
    assert only_orders(row)["output"] == "Order FP-20481736 ships."  # only the chosen fields

    leaked = checks.LeakedIdsChecker()
    assert leaked.check("?", "Your key is Q7K2M-9XD4P-ZT3B8-LW6NA-R5C1H") == ["identifier in the answer | LICENSE_KEY"]
    assert leaked.check("?", "Write to support@fernpad.example") == []


# --- installed: listed, and used by `medtune clean` ---------------------------------------------------------------


@pytest.mark.slow
def test_installed_plugin_is_listed_and_cleans_the_support_data(support_site, tmp_path):
    listed = run_medtune(support_site, "plugins", "--json")
    assert listed.returncode == 0, listed.stderr
    components = {(c["kind"], c["name"]): c for c in json.loads(listed.stdout)["components"]}
    for key in [
        ("cleaner", "redact_support_ids"),
        ("cleaner", "support_sound"),
        ("checker", "support_escalation"),
        ("checker", "leaked_ids"),
        ("safety_policy", "support"),
        ("card_profile", "support"),
    ]:
        assert components[key]["distribution"] == "medtune-support-plugin", key
        assert components[key]["plugin"] == "support", key
    plugins = {p["name"]: p for p in json.loads(listed.stdout)["plugins"]}
    assert plugins["support"]["version"] == "0.1.0" and plugins["support"]["enabled"]

    pipeline = tmp_path / "pipeline.yaml"
    pipeline.write_text("cleaners: [redact_support_ids, empty, language, dedup, support_sound]\n")
    out = tmp_path / "clean.jsonl"
    cleaned = run_medtune(support_site, "clean", str(DATA), "-o", str(out), "--config", str(pipeline), "--json")
    assert cleaned.returncode == 0, cleaned.stderr
    stages = {s["name"]: s for s in json.loads(cleaned.stdout)["stages"]}
    assert stages["redact_support_ids"]["changed"] >= 8
    assert stages["support_sound"]["dropped_by_reason"] == {
        "support_escalation: escalation without a hand-off to a human": 1
    }
    text = out.read_text(encoding="utf-8")
    assert "[ORDER_NUMBER]" in text and "[LICENSE_KEY]" in text and "[EMAIL]" in text and "[PHONE]" in text
    assert not re.search(r"FP-?\d{6}|Q7K2M-9XD4P|4111 1111|dana\.whitfield|555 0134", text)
    assert "support@fernpad.example" in text  # the company's own address stays

    bad = tmp_path / "bad.yaml"
    bad.write_text("cleaners:\n  - name: redact_support_ids\n    options: {target: [EMAIL]}\n")
    failed = run_medtune(support_site, "clean", str(DATA), "-o", str(out), "--config", str(bad))
    assert failed.returncode == 2 and "unknown key 'target'; did you mean 'targets'?" in failed.stderr


# --- the safety policy in the serving engine ---------------------------------------------------------------------


def test_support_policy_escalates_in_the_safety_layer(support_plugin):
    from medtune.serving import SafetyConfig, SafetyLayer

    layer = SafetyLayer(SafetyConfig(policy="support"))
    assert layer.policy.name == "support" and [r.name for r in layer.rules] == [
        "legal_threat",
        "chargeback",
        "data_breach",
    ]
    fires = {
        "Refund me now or I will take legal action.": ["legal_threat"],
        "My lawyer will be in touch, we are going to sue your company.": ["legal_threat"],
        "I'm calling my bank to file a chargeback.": ["chargeback"],
        "I will dispute this charge with my card issuer.": ["chargeback"],
        "Was there a data breach? Someone logged into my account from Brazil.": ["data_breach"],
        "My account was hacked and my notes have been leaked.": ["data_breach"],
        "I'll sue you and do a chargeback.": ["legal_threat", "chargeback"],
    }
    for message, rules in fires.items():
        assert [e.rule for e in layer.check(message)] == rules, message
    quiet = [
        "What is a chargeback?",  # a general question: nobody to escalate
        "This is not a chargeback, just a question about my invoice.",  # negated
        "How do I export my notes to PDF?",
        "Crushing chest pain and I can't breathe",  # medical rules are the medical policy's, not this one's
    ]
    for message in quiet:
        assert layer.check(message) == [], message

    urgent = layer.urgent_message(layer.check("I'm calling my bank to file a chargeback."))
    assert urgent.startswith("⚠️ This needs a person.") and "billing@fernpad.example" in urgent
    assert layer.disclaimer_for("How do I cancel my plan?", "Open Settings > Billing.").endswith(
        "a human agent is one e-mail away: support@fernpad.example."
    )
    assert layer.disclaimer_for("Is there a dark theme?", "Yes, in Settings > Appearance.") == ""
    assert layer.system_prompt and "Fernpad support assistant" in layer.system_prompt


class _FakeSupportModel:
    """Answers with a fixed text; records the messages it was asked to answer."""

    model_name = "fake-support"

    def __init__(self, answer: str = "Refunds take 5 to 10 business days.") -> None:
        self.answer = answer
        self.calls: list[list[dict[str, str]]] = []

    def generate(self, messages: Any, params: Any, cancel: threading.Event) -> Iterator[str]:
        self.calls.append(list(messages))
        yield from (w if i == 0 else " " + w for i, w in enumerate(self.answer.split()[: params.max_tokens]))


def test_support_policy_escalates_in_the_server(support_plugin):
    pytest.importorskip("fastapi")
    pytest.importorskip("uvicorn")
    httpx = pytest.importorskip("httpx")
    from medtune.serving import BackgroundServer, ServeConfig, create_app

    model = _FakeSupportModel()
    config = ServeConfig.model_validate({"safety": {"policy": "support"}})
    with BackgroundServer(create_app(config, model)) as server:
        r = httpx.post(f"{server.url}/chat", json={"message": "Refund me or I file a chargeback", "max_tokens": 32})
        assert r.status_code == 200 and r.headers["x-medtune-emergency"] == "chargeback"
        answer = r.json()["response"]
        assert answer.startswith("⚠️ This needs a person.") and "Refunds take 5 to 10 business days." in answer
        assert answer.rstrip().endswith("support@fernpad.example.")  # the support disclaimer: a money question
        assert model.calls[-1][0] == {"role": "system", "content": support_plugin_system_prompt()}

        calm = httpx.post(f"{server.url}/chat", json={"message": "Is there a dark theme?", "max_tokens": 32})
        assert "x-medtune-emergency" not in calm.headers and not calm.json()["response"].startswith("⚠️")

    # emergency_action: replace answers with the escalation message alone and never runs the model.
    model = _FakeSupportModel()
    config = ServeConfig.model_validate({"safety": {"policy": "support", "emergency_action": "replace"}})
    with BackgroundServer(create_app(config, model)) as server:
        r = httpx.post(f"{server.url}/chat", json={"message": "We will take legal action against Fernpad."})
        assert r.headers["x-medtune-emergency"] == "legal_threat" and "legal@fernpad.example" in r.json()["response"]
        assert model.calls == []


def support_plugin_system_prompt() -> str:
    from medtune_support_plugin.safety import SYSTEM_PROMPT

    return SYSTEM_PROMPT


# --- `medtune run` on the support config, end to end, with a tiny random model --------------------------------------


@pytest.fixture(scope="module")
def tiny_support_model(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A random 2-layer Llama and a word-level ChatML tokenizer over the support data's words."""
    pytest.importorskip("torch")
    pytest.importorskip("transformers")
    pytest.importorskip("peft")
    from medtune.testing import CHATML_TEMPLATE, tiny_llama, tiny_tokenizer

    texts = [t for r in _records(DATA) for t in (r["instruction"], r["input"], r["output"])]
    tok = tiny_tokenizer([*texts, "system user assistant"], chat_template=CHATML_TEMPLATE, eos="<|im_end|>")
    model = tiny_llama(len(tok), eos_token_id=tok.eos_token_id, pad_token_id=tok.pad_token_id, hidden_size=32)
    out = tmp_path_factory.mktemp("tiny-support") / "tiny-llama"
    model.save_pretrained(out)
    tok.save_pretrained(out)
    return out


#: The smoke settings: the support config unchanged except the model and the sizes.
SMOKE = {
    "train.model.backend": "peft",
    "train.lora.r": 4,
    "train.lora.alpha": 8,
    "train.optim.max_steps": 2,
    "train.optim.batch_size": 2,
    "train.optim.gradient_accumulation_steps": 1,
    "train.optim.optimizer": "adamw_torch",
    "train.optim.learning_rate": 1e-3,
    "train.format.max_seq_length": 64,
    "train.checkpointing.save_strategy": "no",
    "train.output.save_merged": "false",
    "train.logging.progress_bar": "false",
    "eval.limit": 4,
    "eval.generation.max_new_tokens": 8,
    "eval.bootstrap_resamples": 20,
}


@pytest.mark.slow
def test_medtune_run_on_the_support_config_without_the_medical_plugin(support_site, tiny_support_model, tmp_path):
    out = tmp_path / "support-run"
    sets = {**SMOKE, "train.model.path": str(tiny_support_model), "output_dir": str(out)}
    args = [arg for key, value in sets.items() for arg in ("--set", f"{key}={value}")]
    # The medical plugin is switched off: nothing in this run may depend on it.
    proc = run_medtune(
        support_site, "run", "examples/support/run.yaml", *args, "--json", cwd=ROOT, MEDTUNE_DISABLE_PLUGINS="medical"
    )
    assert proc.returncode == 0, proc.stderr[-4000:]
    summary = json.loads(proc.stdout)
    assert {name: s["status"] for name, s in summary["stages"].items()} == dict.fromkeys(
        ["data", "clean", "split", "train", "eval", "card"], "ran"
    )

    report = json.loads((out / "clean" / "report.json").read_text())
    assert [s["name"] for s in report["stages"]] == CLEANERS and not MEDICAL_CLEANERS & set(CLEANERS)
    assert report["records_in"] == len(_records(DATA)) and report["rejected"] == 4
    reasons = sorted(r["reason"] for r in _records(out / "clean" / "rejects.jsonl"))
    assert reasons == [
        "empty output",
        "exact duplicate",
        "not English",
        "support_escalation: escalation without a hand-off to a human",
    ]
    kept = (out / "clean" / "records.jsonl").read_text(encoding="utf-8")
    assert "[ORDER_NUMBER]" in kept and not re.search(r"FP-\d{8}|Q7K2M-9XD4P", kept)

    facts = json.loads((out / "train" / "run.json").read_text())
    assert facts["metrics"]["steps"] == 2 and math.isfinite(facts["metrics"]["final_loss"])
    assert (out / "train" / "adapter" / "adapter_config.json").is_file()
    evaluation = json.loads((out / "eval" / "report.json").read_text())
    assert {"rouge1", "escalation_handoff", "leaked_ids_pass"} <= set(evaluation["comparison"])
    assert not {"term_recall", "empathy"} & set(evaluation["comparison"])  # no medical checker ran
    card = (out / "card" / "README.md").read_text()
    assert "| redact_support_ids |" in card and "## Evaluation" in card
    assert "customer-support" in card and "support agent reviews" in card and "medical" not in card.lower()
    assert Path(summary["report"]).is_file() and Path(summary["model_card"]).is_file()


#: Runs the CLI in this process and reports, on its last stderr line, the medtune.medical modules that were imported.
_WITH_MODULE_REPORT = (
    "import json, sys\n"
    "from medtune.cli.main import main\n"
    "code = main(sys.argv[1:])\n"
    "print(json.dumps(sorted(m for m in sys.modules if m.startswith('medtune.medical'))), file=sys.stderr)\n"
    "sys.exit(code)\n"
)


@pytest.mark.slow
def test_the_support_preset_runs_with_the_medical_plugin_disabled_and_never_imports_it(
    support_site, tiny_support_model, tmp_path
):
    """Issue #14: `preset: support` is the whole domain; no workaround config, and no medical module is loaded."""
    run_yaml = (ROOT / "examples" / "support" / "run.yaml").read_text(encoding="utf-8")
    assert "preset: support" in run_yaml and "cleaners:" not in run_yaml and "checkers:" not in run_yaml
    assert "card_profile" not in run_yaml
    out = tmp_path / "support-run"
    sets = {**SMOKE, "train.model.path": str(tiny_support_model), "output_dir": str(out)}
    args = [arg for key, value in sets.items() for arg in ("--set", f"{key}={value}")]
    environ = {**os.environ, "PYTHONPATH": f"{support_site}{os.pathsep}{os.environ.get('PYTHONPATH', '')}"}
    proc = subprocess.run(
        [
            sys.executable,
            "-c",
            _WITH_MODULE_REPORT,
            "run",
            "examples/support/run.yaml",
            *args,
            "--json",
            "--disable-plugin",
            "medical",
        ],
        capture_output=True,
        text=True,
        env=environ,
        cwd=ROOT,
    )
    assert proc.returncode == 0, proc.stderr[-4000:]
    assert json.loads(proc.stderr.strip().splitlines()[-1]) == []  # no medtune.medical module was imported
    assert "preset: support (chosen)" in proc.stderr
    summary = json.loads(proc.stdout)
    assert {name: s["status"] for name, s in summary["stages"].items()} == dict.fromkeys(
        ["data", "clean", "split", "train", "eval", "card"], "ran"
    )
    report = json.loads((out / "clean" / "report.json").read_text())
    assert [s["name"] for s in report["stages"]] == CLEANERS
    evaluation = json.loads((out / "eval" / "report.json").read_text())
    assert {"escalation_handoff", "leaked_ids_pass"} <= set(evaluation["comparison"])
    card = (out / "card" / "README.md").read_text()
    assert "customer-support" in card and "medical" not in card.lower()


def test_the_support_plugin_imports_only_public_names():
    """Issue #14: a domain plugin needs no private name: only medtune's packages' exported names, no underscore."""
    import ast

    public_modules = {"medtune", "medtune.cleaning", "medtune.evaluation", "medtune.serving", "medtune.errors"}
    found = []
    for path in sorted((PACKAGE / "src" / "medtune_support_plugin").glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("medtune") and node.level == 0:
                if node.module.startswith("medtune_support_plugin"):
                    continue
                found += [(path.name, node.module, alias.name) for alias in node.names]
    assert found, "the plugin imports medtune"
    for file, module, name in found:
        assert module in public_modules, (file, module)
        assert not name.startswith("_"), (file, module, name)
        assert name in importlib.import_module(module).__all__, (file, module, name)
