import json
import os
import random
import subprocess
import sys

import pytest

from medtune import Dataset, InstructionRecord
from medtune.cleaning import Decontaminator, Drop, Pipeline
from medtune.cleaning.decontaminate import ngram_hashes, normalize_words
from medtune.errors import ConfigError

TEST_Q = "What are the early warning signs of type 2 diabetes in adults who are over forty years of age?"
TEST_A = "Thirst, frequent urination, blurred vision and tiredness are common; a fasting glucose test confirms it."


def row(input, output="", instruction="", id=None):
    return {"id": id, "instruction": instruction, "input": input, "output": output, "source": None,
            "category": None, "metadata": "{}"}  # fmt: skip


@pytest.fixture
def test_file(write_jsonl):
    return write_jsonl(
        [
            {"id": "t0", "input": TEST_Q, "output": TEST_A},
            {"id": "t1", "input": "Is ibuprofen safe?", "output": "Usually, with food."},
        ],
        "test.jsonl",
    )


def train_ds(rows):
    return Dataset.from_records([InstructionRecord(**r) for r in rows])


TRAIN = [
    {"id": "copy", "input": TEST_Q.upper(), "output": TEST_A.replace(",", " ;")},  # an exact copy, re-cased
    {  # a paraphrase that keeps one 13-word run of the test question
        "id": "para",
        "input": "Hi doctor. The early warning signs of type 2 diabetes in adults who are over 40: what are they?",
        "output": "Mostly thirst and tiredness; ask your GP for a blood test.",
    },
    {"id": "unrelated", "input": "My knee hurts after running a marathon last week.", "output": "Rest and ice it."},
    {"id": "short", "input": "Is ibuprofen safe?", "output": "Usually, with food."},  # short, and a copy of t1
    {"id": "short_other", "input": "Is aspirin safe?", "output": "Usually, with food."},  # short, no copy
]


def test_pipeline_drops_copies_and_shared_ngrams_and_writes_the_reasons(test_file, tmp_path):
    pipe = Pipeline.from_config({"cleaners": [{"name": "decontaminate", "options": {"references": [str(test_file)]}}]})
    rejects_path = tmp_path / "rejects.jsonl"
    result = pipe.run(train_ds(TRAIN), rejects_path=rejects_path)
    assert [r.id for r in result.dataset] == ["unrelated", "short_other"]
    rejects = [json.loads(line) for line in rejects_path.read_text().splitlines()]
    by_id = {r["record"]["id"]: r for r in rejects}
    assert set(by_id) == {"copy", "para", "short"}
    assert all(r["cleaner"] == "decontaminate" for r in rejects)
    assert by_id["copy"]["reason"] == f"exact copy of a record in {test_file}"
    assert by_id["copy"]["detail"] == "the whole text (normalised) equals reference record #0 (id 't0')"
    assert by_id["short"]["reason"] == f"exact copy of a record in {test_file}"
    assert "#1 (id 't1')" in by_id["short"]["detail"]
    para = by_id["para"]
    assert para["reason"] == f"13-gram overlap with {test_file}"
    # "the early warning signs of type 2 diabetes in adults who are over" is the one shared 13-gram
    assert para["detail"].startswith("1 of 7 distinct 13-grams (14.3%) found in the references;")
    assert para["detail"].endswith(
        "first in reference record #0 (id 't0'): 'the early warning signs of type 2 diabetes in adults who are over'"
    )
    stats = result.report.stages[0]
    assert stats.dropped == {f"exact copy of a record in {test_file}": 2, f"13-gram overlap with {test_file}": 1}


def test_unrelated_and_short_records_are_kept_unchanged(test_file):
    decon = Decontaminator([test_file])
    kept = row("My knee hurts after running a marathon last week.", "Rest and ice it.")
    assert decon(kept) is kept
    # fewer than n words in every field: no n-gram to compare, so only an exact copy is dropped
    assert decon(row("Is aspirin safe?", "Usually, with food.")) == row("Is aspirin safe?", "Usually, with food.")
    assert isinstance(decon(row("is IBUPROFEN safe", "usually with food!")), Drop)
    assert decon(row("", "")) == row("", "")
    # a field that is part of a longer reference field is no copy of the record
    assert decon(row("What are the early warning signs", "")) == row("What are the early warning signs", "")


def test_min_matches_min_overlap_n_and_fields(test_file):
    para = row(TRAIN[1]["input"], TRAIN[1]["output"])
    assert isinstance(Decontaminator([test_file])(para), Drop)
    assert Decontaminator([test_file], min_matches=2)(para) == para  # one shared 13-gram only
    assert Decontaminator([test_file], min_overlap=0.5)(para) == para  # 1 of 7 is below half
    assert isinstance(Decontaminator([test_file], min_overlap=0.1)(para), Drop)
    assert Decontaminator([test_file], n=14)(para) == para  # the shared run is 13 words long
    decon = Decontaminator([test_file], n=8, min_matches=6)
    assert decon(para).reason == f"8-gram overlap with {test_file}"
    leak_in_output = row("Tell me something.", TEST_Q)
    assert isinstance(Decontaminator([test_file])(leak_in_output), Drop)
    assert Decontaminator([test_file], fields=["input"])(leak_in_output) == leak_in_output
    leak_in_instruction = row("Tell me something.", "Something.", instruction=TEST_Q)
    assert Decontaminator([test_file])(leak_in_instruction) == leak_in_instruction
    assert isinstance(Decontaminator([test_file], fields=["instruction", "input"])(leak_in_instruction), Drop)


TEMPLATE = "If you are a doctor, please answer the medical questions based on the patient's description."


def test_a_shared_instruction_template_is_not_a_leak(write_jsonl):
    # ChatDoctor: every record has the same 16-word instruction; comparing it dropped every training record
    test = write_jsonl(
        [
            {"instruction": TEMPLATE, "input": f"Question {i} about rashes?", "output": f"Answer {i}."}
            for i in range(20)
        ],
        "test.jsonl",
    )
    train = row("My knee hurts after a run.", "Rest and ice it.", instruction=TEMPLATE)
    assert Decontaminator([test])(train) == train  # the instruction is not compared by default
    everything = ["instruction", "input", "output"]
    assert Decontaminator([test], fields=everything)(train) == train  # ... and a template is no evidence
    unfiltered = Decontaminator([test], fields=everything, common_records=None)
    assert unfiltered(train).reason == f"13-gram overlap with {test}"
    decon = Decontaminator([test], fields=everything)
    assert decon.index_size == 0 and decon._index[0].common == 16 - 13 + 1
    # a template in fewer records than common_records (default 10) is compared
    assert Decontaminator([test], fields=everything, common_records=21)(train).reason == f"13-gram overlap with {test}"
    assert Decontaminator([test], fields=everything, common_records=20)(train) == train
    # a test question repeated in 2 reference records is no template
    two = write_jsonl([{"input": TEST_Q, "output": "a"}] * 2 + [{"input": f"Q{i}", "output": "b"} for i in range(21)])
    assert isinstance(Decontaminator([two])(row("Say: " + TEST_Q, "c")), Drop)
    assert Decontaminator([two], n=5, common_records=2)(row("Say: " + TEST_Q, "c")) == row("Say: " + TEST_Q, "c")


def test_reason_names_the_reference_with_most_matches(write_jsonl):
    val = write_jsonl([{"input": TEST_Q[:60] + " and more words here", "output": "x"}], "val.jsonl")
    test = write_jsonl([{"input": TEST_Q, "output": "y"}], "test.jsonl")
    drop = Decontaminator([val, test], n=5)(row("Question: " + TEST_Q, "no"))
    assert drop.reason == f"5-gram overlap with {test}"
    assert f"{val}: " in drop.detail and f"{test}: " in drop.detail


def test_chat_records_on_both_sides():
    ref = Dataset.from_records(
        [{"messages": [{"role": "user", "content": TEST_Q}, {"role": "assistant", "content": TEST_A}]}]
    )
    decon = Decontaminator([ref])
    chat = {"id": "c", "messages": [{"role": "system", "content": "Be kind."},
                                    {"role": "user", "content": "Please: " + TEST_Q},
                                    {"role": "assistant", "content": "See a doctor."}]}  # fmt: skip
    drop = decon(chat)
    assert drop.reason == "13-gram overlap with references[0]"
    assert decon(row("Hello there.", "Hi.")) == row("Hello there.", "Hi.")
    assert isinstance(decon(row(TEST_Q, TEST_A)), Drop)  # an instruction record that copies a chat reference


def test_normalisation_ignores_case_punctuation_and_whitespace():
    assert normalize_words("Take 2 TABLETS,\ttwice-daily!  ") == ["take", "2", "tablets", "twice", "daily"]
    assert normalize_words("\uff26\uff35\uff2c\uff2c width") == ["full", "width"]  # full-width letters
    a = ngram_hashes(normalize_words("The patient, aged 54, has chest pain."), 4)
    b = ngram_hashes(normalize_words("the PATIENT aged 54 has chest-pain"), 4)
    assert a.tolist() == b.tolist() and len(a) == 4
    assert len(set(ngram_hashes(["a", "b", "c", "d", "e", "f"], 3).tolist())) == 4


def test_hashes_are_deterministic_across_processes():
    code = (
        "from medtune.cleaning.decontaminate import ngram_hashes;"
        "print(ngram_hashes('the early warning signs of diabetes in adults'.split(), 3).tolist())"
    )
    outputs = set()
    for seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        outputs.add(
            subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True).stdout
        )
    here = str(ngram_hashes(["the", "early", "warning", "signs", "of", "diabetes", "in", "adults"], 3).tolist())
    assert outputs == {here + "\n"}


def test_two_runs_and_num_proc_give_the_same_result_and_the_index_is_built_once(test_file, monkeypatch):
    builds = []
    original = Decontaminator._build

    def counting(self, i, ref):
        builds.append(ref)
        return original(self, i, ref)

    monkeypatch.setattr(Decontaminator, "_build", counting)
    rows = TRAIN * 20  # several map batches
    pipe = Pipeline.from_config(
        {"cleaners": [{"name": "decontaminate", "options": {"references": [str(test_file)]}}], "batch_size": 16}
    )
    assert builds == []  # building the pipeline (a run's preflight) does not load the references
    first = pipe.run(train_ds(rows), num_proc=2)
    assert builds == [str(test_file)]  # once, in this process, before the workers started
    second = Pipeline.from_config(
        {"cleaners": [{"name": "decontaminate", "options": {"references": [str(test_file)]}}]}
    )
    again = second.run(train_ds(rows))
    assert first.rejects == again.rejects and len(first.rejects) == 60
    assert [r.id for r in first.dataset] == [r.id for r in again.dataset]


def test_input_rows_are_not_mutated_and_kept_rows_stay_kept(test_file):
    decon = Decontaminator([test_file])
    for r in TRAIN:
        before = row(r["input"], r["output"])
        out = decon(before)
        assert before == row(r["input"], r["output"])
        if not isinstance(out, Drop):
            assert decon(out) == out


def test_config_errors_name_the_key_the_path_and_the_fix(tmp_path, test_file):
    def build(options):
        return Pipeline.from_config({"cleaners": ["empty", {"name": "decontaminate", "options": options}]})

    with pytest.raises(ConfigError) as exc:
        build({"references": [str(test_file)], "min_match": 2})
    assert "cleaners[1] (decontaminate) options" in str(exc.value)
    assert "unknown key 'min_match'; did you mean 'min_matches'?" in str(exc.value)
    missing = tmp_path / "nope" / "test.jsonl"
    with pytest.raises(ConfigError) as exc:
        build({"references": [str(test_file), str(missing)]})
    msg = str(exc.value)
    assert "references[1]: reference dataset not found" in msg and str(missing) in msg and "Fix:" in msg
    with pytest.raises(
        ConfigError, match=r"references: missing.*Fix: add options: \{references: \[data/test.jsonl\]\}"
    ):
        build({})
    with pytest.raises(ConfigError, match=r"n: Input should be greater than or equal to 2 \(got 1\)"):
        build({"references": [str(test_file)], "n": 1})
    with pytest.raises(ConfigError, match=r"min_overlap: Input should be less than or equal to 1"):
        build({"references": [str(test_file)], "min_overlap": 1.5})
    with pytest.raises(ConfigError, match=r"common_records: Input should be greater than or equal to 2 \(got 1\)"):
        build({"references": [str(test_file)], "common_records": 1})
    assert build({"references": [str(test_file)], "common_records": None}).cleaners[1].common_records is None
    with pytest.raises(ConfigError, match=r"references\[0\]: reference dataset not found: 'gone.jsonl'.*Fix:"):
        Decontaminator(["gone.jsonl"])


def test_an_unreadable_reference_names_the_option_and_the_file(tmp_path):
    bad = tmp_path / "bad.jsonl"
    bad.write_text("not json\n", encoding="utf-8")
    decon = Decontaminator([bad])
    with pytest.raises(ConfigError, match=r"decontaminate option references\[0\]: cannot load .*bad.jsonl"):
        decon(row("anything", "at all"))


def test_ten_thousand_records_against_a_thousand_references():
    rng = random.Random(7)
    vocab = [f"w{i}" for i in range(5000)]

    def text(k):
        return " ".join(rng.choice(vocab) for _ in range(k))

    refs = [{"input": text(30), "output": text(60)} for _ in range(1000)]
    decon = Decontaminator([Dataset.from_records(refs, kind="instruction")])
    train = [row(text(30), text(60)) for _ in range(10_000)]
    leaks = list(range(0, 10_000, 500))
    for j, i in enumerate(leaks):  # plant 15 words of a reference answer in 20 training answers
        train[i] = row(train[i]["input"], text(20) + " " + " ".join(refs[j]["output"].split()[10:25]) + " " + text(5))
    verdicts = decon.clean_batch(train)
    assert [i for i, v in enumerate(verdicts) if isinstance(v, Drop)] == leaks
    assert decon.index_size == 1000 * (18 + 48)
