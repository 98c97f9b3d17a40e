"""Red-flag escalation preference pairs (issue #18): chosen = the answer with urgent-care advice, rejected = without."""

import json

import pytest

from medtune import Dataset, InstructionRecord, PreferenceRecord
from medtune.medical.cleaners import RED_FLAGS, RedFlagEscalationChecker, red_flag_advice
from medtune.medical.evaluation import SafetyChecker, urgent_advice
from medtune.medical.pairs import RedFlagPairBuilder, red_flag_pairs

#: One prompt per red flag, and an answer that never advises urgent care.
PROMPTS = {
    "chest pain": "I have chest pain when I climb stairs.",
    "breathing difficulty": "I get shortness of breath at night.",
    "stroke signs": "My father has slurred speech since this morning.",
    "worst headache": "I have the worst headache I have ever had.",
    "suicidal thoughts": "Lately I want to kill myself.",
    "bleeding": "I have been vomiting blood since yesterday.",
    "loss of consciousness": "I fainted at work today.",
    "seizure": "My son had a seizure last night.",
    "anaphylaxis": "My throat is swelling after I ate peanuts.",
}
QUIET = "It is probably nothing serious. Rest and drink plenty of water."
INSTRUCTION = "If you are a doctor, please answer the medical questions based on the patient's description."


def record(prompt, output=QUIET, **kw):
    return InstructionRecord(instruction=INSTRUCTION, input=prompt, output=output, **kw)


@pytest.mark.parametrize("flag", sorted(PROMPTS))
def test_each_red_flag_pairs_the_repaired_answer_over_the_original(flag):
    from medtune.evaluation.scoring import EvalExample

    assert set(PROMPTS) == set(RED_FLAGS)
    pair = RedFlagPairBuilder().pair(record(PROMPTS[flag], id=f"r-{flag}", metadata={"lang": "en"}))
    assert isinstance(pair, PreferenceRecord)
    # the prompt as supervised training renders it: the instruction is the system message, the input the prompt
    assert (pair.system, pair.prompt, pair.id) == (INSTRUCTION, PROMPTS[flag], f"r-{flag}")
    # chosen is medically_sound's repair (the same wording, first paragraph), rejected the original answer
    assert pair.chosen == f"{red_flag_advice(flag)}\n\n{QUIET}" and pair.rejected == QUIET
    tag = f"red_flag_escalation:{flag.replace(' ', '_')}"
    assert pair.metadata["pair"] == tag and pair.metadata["lang"] == "en" and pair.metadata["red_flag"]
    # the evaluation's red_flag_escalation passes chosen and fails rejected; so does the cleaning checker
    scores = SafetyChecker().score([EvalExample("1", pair.prompt, a, "") for a in (pair.chosen, pair.rejected)])
    assert [s.values["red_flag_escalation"] for s in scores] == [1.0, 0.0]
    checker = RedFlagEscalationChecker()
    assert checker.check(pair.prompt, pair.chosen) == [] and checker.check(pair.prompt, pair.rejected) != []


def test_records_without_a_pair_say_why():
    builder = RedFlagPairBuilder()
    assert builder.pair(record("I have a mild rash.")) == "no red flag in the prompt"
    assert builder.pair(record("I have no chest pain.")) == "no red flag in the prompt"  # negated
    assert builder.pair(record(PROMPTS["chest pain"], "Go to the emergency room now.")) == (
        "the answer already advises urgent care"
    )
    assert builder.pair(record(PROMPTS["chest pain"], " ")) == "empty answer"
    # an answer that advises tests but no urgent care: a pair by default (what the evaluation counts) ...
    tests_only = record(PROMPTS["chest pain"], "You need an ECG and a stress test.")
    assert isinstance(builder.pair(tests_only), PreferenceRecord)
    # ... and none with missing=any_escalation (what medically_sound repairs)
    assert RedFlagPairBuilder(missing="any_escalation").pair(tests_only) == "the answer already advises urgent care"


def test_a_prompt_without_input_is_the_instruction():
    pair = RedFlagPairBuilder().pair(InstructionRecord(instruction=PROMPTS["seizure"], output=QUIET))
    assert (pair.system, pair.prompt) == ("", PROMPTS["seizure"])


def test_red_flag_pairs_over_a_dataset_count_reasons_and_are_deterministic_for_a_seed():
    records = [record(p, id=f"r{i}") for i, p in enumerate(PROMPTS.values())]
    records += [record("I have a mild rash.", id="rash"), record(PROMPTS["seizure"], "Call 911.", id="sound")]
    ds = Dataset.from_records(records)
    pairs, report = red_flag_pairs(ds)
    assert pairs.kind == "preference" and len(pairs) == len(PROMPTS)
    assert [p.id for p in pairs] == [f"r{i}" for i in range(len(PROMPTS))]  # record order
    assert report.to_dict() == {
        "builder": "red_flag_escalation",
        "records": 11,
        "built": 9,
        "pairs": 9,
        "skipped": {"no red flag in the prompt": 1, "the answer already advises urgent care": 1},
        "seed": None,
    }
    first, _ = red_flag_pairs(ds, max_pairs=4, seed=7)
    again, report = red_flag_pairs(ds, max_pairs=4, seed=7)
    other, _ = red_flag_pairs(ds, max_pairs=4, seed=8)
    ids = [p.id for p in first]
    assert ids == [p.id for p in again] and len(ids) == 4 and ids == sorted(ids)
    assert [p.id for p in other] != ids
    assert report.skipped["not drawn (max_pairs)"] == 5 and report.seed == 7


def test_cli_builds_pairs_that_train_loads(tmp_path, write_jsonl, capsys):
    from medtune.cli.main import main

    rows = [
        {"instruction": INSTRUCTION, "input": p, "output": QUIET, "id": f"r{i}"} for i, p in enumerate(PROMPTS.values())
    ]
    rows.append({"instruction": INSTRUCTION, "input": "I have a mild rash.", "output": QUIET, "id": "rash"})
    data = write_jsonl(rows, "train.jsonl")
    out = tmp_path / "pairs.jsonl"
    assert main(["data", "pairs", str(data), str(out)]) == 0
    shown = capsys.readouterr().out
    assert "wrote 9 preference pairs (red_flag_escalation) from 10 records" in shown
    assert "no pair: 1 (no red flag in the prompt)" in shown
    pairs = Dataset.load(out)
    assert pairs.kind == "preference" and len(pairs) == 9
    code = main(["data", "pairs", str(data), str(tmp_path / "p2.jsonl"), "--max-pairs", "3", "--json"])
    assert code == 0 and json.loads(capsys.readouterr().out)["pairs"] == 3
    # a bad option is a config error naming it, before any data is read
    code = main(["data", "pairs", str(data), str(tmp_path / "p3.jsonl"), "--set", "missing=sometimes"])
    err = capsys.readouterr().err
    assert code == 2 and "missing" in err and "urgent_advice" in err and not (tmp_path / "p3.jsonl").exists()
    code = main(["data", "pairs", str(data), str(tmp_path / "p4.jsonl"), "--builder", "nope"])
    assert code == 2 and "unknown pair_builder 'nope'" in capsys.readouterr().err


def test_the_builder_is_registered_by_the_medical_plugin():
    from medtune.plugins.manager import get_plugin_manager

    spec = get_plugin_manager().registry("pair_builder").get("red_flag_escalation")
    assert isinstance(spec.build({"missing": "any_escalation"}), RedFlagPairBuilder)


def test_urgent_advice_is_the_evaluations_escalation_phrase():
    assert urgent_advice("Please go to the nearest hospital.") == "nearest hospital"
    assert urgent_advice("You do not need an ambulance.") is None
