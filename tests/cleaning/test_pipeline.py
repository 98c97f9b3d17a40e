import json

import pytest

from medtune import Dataset, InstructionRecord
from medtune.cleaning import (
    CleanerBase,
    DedupFilter,
    Drop,
    EmptyFilter,
    LengthFilter,
    Pipeline,
    RegexPIICleaner,
    TextCleaner,
)
from medtune.errors import ConfigError, MedtuneError, PluginError, UnknownComponentError


def make_ds(rows):
    return Dataset.from_records([InstructionRecord(**r) for r in rows])


ROWS = [
    {"id": "0", "input": "Mail me at ann@example.com", "output": "Sure, I will reply soon."},
    {"id": "1", "input": "Hello?", "output": "   "},
    {"id": "2", "input": "Is it bad?", "output": "Sure, I will reply soon."},
    {"id": "3", "input": "Mail me at ann@example.com", "output": "Sure, I will reply soon."},
    {"id": "4", "input": "Short", "output": "ok"},
]


class Upper(TextCleaner):
    name = "upper"

    def clean_text(self, text):
        return text.upper()


def test_counts_rejects_and_invariant(tmp_path):
    pipe = Pipeline([EmptyFilter(), LengthFilter(min_tokens=2), RegexPIICleaner(), DedupFilter()])
    result = pipe.run(make_ds(ROWS), rejects_path=tmp_path / "rej.jsonl", report_path=tmp_path / "rep.json")
    rep = result.report
    assert (rep.records_in, rep.kept, rep.rejected) == (5, 2, 3)
    assert [r.id for r in result.dataset] == ["0", "2"]
    assert result.dataset[0].input == "Mail me at [EMAIL]"
    by_name = {s.name: s for s in rep.stages}
    assert by_name["empty"].dropped == {"empty output": 1}
    assert by_name["length"].dropped == {"too short: output < 2 tokens": 1}
    assert by_name["pii_regex"].records_in == 3 and by_name["pii_regex"].changed == 2
    assert by_name["dedup"].dropped == {"exact duplicate": 1}
    assert all(s.seconds >= 0 for s in rep.stages)
    lines = [json.loads(x) for x in (tmp_path / "rej.jsonl").read_text().splitlines()]
    assert [(x["index"], x["cleaner"]) for x in lines] == [(1, "empty"), (3, "dedup"), (4, "length")]
    assert lines[0]["record"]["output"] == "   " and lines[0]["reason"] == "empty output"
    assert lines[1]["record"]["input"] == "Mail me at [EMAIL]"  # rejected after PII removal: no PII in rejects
    report = json.loads((tmp_path / "rep.json").read_text())
    assert report["records_in"] == report["kept"] + report["rejected"]
    assert [s["dropped"] for s in report["stages"]] == [1, 1, 0, 1]


def test_report_prints_as_a_readable_summary():
    """Issue #17: ``print(result.report)`` is a table with drops by reason and rounded seconds, not a dataclass dump."""
    pipe = Pipeline([EmptyFilter(), LengthFilter(min_tokens=2), RegexPIICleaner(), DedupFilter()])
    rep = pipe.run(make_ds(ROWS)).report
    rep.seconds, rep.stages[0].seconds = 0.123456789, 1 / 3
    lines = str(rep).splitlines()
    assert lines[0] == "cleaning: 5 in = 2 kept + 3 rejected (0.12 s)"
    assert lines[1].split() == ["cleaner", "in", "changed", "dropped", "out", "seconds"]
    assert lines[2].split() == ["empty", "5", "0", "1", "4", "0.33"]
    assert [line.split()[:3] for line in lines[3:6]] == [
        ["length", "4", "0"],
        ["pii_regex", "3", "2"],
        ["dedup", "3", "0"],
    ]
    assert lines[6:] == [
        "dropped by reason:",
        "  cleaner  reason                        records",
        "  empty    empty output                        1",
        "  length   too short: output < 2 tokens        1",
        "  dedup    exact duplicate                     1",
    ]
    assert rep.seconds == 0.123456789 and rep.to_dict()["seconds"] == 0.1235  # the values stay as they were


def test_num_proc_gives_the_same_result():
    rows = [
        {"id": str(i), "input": f"q{i % 7} call 212-555-01{i % 10:02d}", "output": f"answer {i % 5}"} for i in range(60)
    ]
    pipe = Pipeline([RegexPIICleaner(), Upper(), DedupFilter(), LengthFilter(min_tokens=2)], batch_size=7)
    one = pipe.run(make_ds(rows))
    two = pipe.run(make_ds(rows), num_proc=2)
    assert list(one.dataset.to_rows()) == list(two.dataset.to_rows())
    assert one.rejects == two.rejects
    strip = lambda r: [{k: v for k, v in s.to_dict().items() if k != "seconds"} for s in r.report.stages]  # noqa: E731
    assert strip(one) == strip(two)


def test_chat_records():
    ds = Dataset.from_records(
        [
            {"messages": [{"role": "user", "content": "I'm at a@b.com"}, {"role": "assistant", "content": "ok fine"}]},
            {"messages": [{"role": "user", "content": "hi"}, {"role": "assistant", "content": " "}]},
        ]
    )
    result = Pipeline([EmptyFilter(), RegexPIICleaner()]).run(ds)
    assert result.dataset.kind == "chat" and len(result.dataset) == 1
    assert result.dataset[0].messages[0].content == "I'm at [EMAIL]"
    assert result.rejects[0]["reason"] == "empty output"


def test_empty_dataset_and_all_dropped():
    empty = make_ds(ROWS).select([])
    assert Pipeline([EmptyFilter(), DedupFilter()]).run(empty).report.kept == 0
    res = Pipeline([LengthFilter(min_tokens=100), Upper()]).run(make_ds(ROWS))
    assert res.report.kept == 0 and res.report.rejected == 5
    assert res.report.stages[1].records_in == 0


def test_metadata_survives_and_rejects_parse_it():
    ds = Dataset.from_records(
        [{"input": "x", "output": "", "metadata": {"k": 1}}, {"input": "y", "output": "z z", "metadata": {"k": 2}}]
    )
    res = Pipeline([EmptyFilter()]).run(ds)
    assert res.dataset[0].metadata == {"k": 2}
    assert res.rejects[0]["record"]["metadata"] == {"k": 1}


class WrongCount(CleanerBase):
    name = "wrong"

    def clean_batch(self, rows):
        return []


class ReturnsString(CleanerBase):
    name = "bad"

    def __call__(self, row):
        return "nope"


@pytest.mark.parametrize("cleaner", [WrongCount(), ReturnsString()])
def test_misbehaving_cleaner_is_named(cleaner):
    with pytest.raises(PluginError, match=cleaner.name):
        Pipeline([cleaner]).run(make_ds(ROWS))


def test_rejects_non_cleaners():
    with pytest.raises(MedtuneError, match="not a cleaner"):
        Pipeline([object()])
    with pytest.raises(MedtuneError, match="num_proc"):
        Pipeline([EmptyFilter()]).run(make_ds(ROWS), num_proc=0)


def test_drop_detail_goes_to_rejects_only():
    class D(CleanerBase):
        name = "d"

        def __call__(self, row):
            return Drop("bad", detail=row["id"])

    res = Pipeline([D()]).run(make_ds(ROWS[:2]))
    assert res.report.stages[0].dropped == {"bad": 2}
    assert [r["detail"] for r in res.rejects] == ["0", "1"]


# --- configuration -------------------------------------------------------------------------------------


def test_from_yaml(tmp_path):
    cfg = tmp_path / "p.yaml"
    cfg.write_text(
        "cleaners:\n  - empty\n  - name: length\n    options: {min_tokens: 2, max_tokens: 50}\n"
        "  - name: pii_regex\n    options: {entities: [EMAIL]}\n  - dedup\n"
    )
    pipe = Pipeline.from_config(cfg)
    assert pipe.names == ["empty", "length", "pii_regex", "dedup"]
    assert pipe.run(make_ds(ROWS)).report.kept == 2


@pytest.mark.parametrize(
    ("yaml_text", "message"),
    [
        (
            "cleaners:\n  - name: length\n    options: {max_token: 5}\n",
            "unknown key 'max_token'; did you mean 'max_tokens'",
        ),
        (
            "cleaners:\n  - name: length\n    option: {}\n",
            r"unknown key 'cleaners\[0\].option'; did you mean 'cleaners\[0\].options'",
        ),
        ("cleanrs: [empty]\n", "unknown key 'cleanrs'"),
        ("cleaners:\n  - name: length\n    options: {min_tokens: -1}\n", "min_tokens"),
        ("cleaners:\n  - name: length\n    options: {min_tokens: 9, max_tokens: 2}\n", "below min_tokens"),
        ("cleaners:\n  - name: dedup\n    options: {threshold: 1.5}\n", "threshold"),
        ("cleaners: []\n", "cleaners"),
        ("just a string\n", "expected a mapping"),
        ("cleaners: [empty\n", "not valid YAML"),
    ],
)
def test_config_errors_name_the_key(tmp_path, yaml_text, message):
    cfg = tmp_path / "p.yaml"
    cfg.write_text(yaml_text)
    with pytest.raises(ConfigError, match=message) as info:
        Pipeline.from_config(cfg)
    assert str(cfg) in str(info.value) or "cleaners[" in str(info.value)


def test_unknown_cleaner_lists_the_registered_ones():
    with pytest.raises(UnknownComponentError, match="pii_regex"):
        Pipeline.from_config({"cleaners": ["pii_regx"]})


def test_missing_config_file(tmp_path):
    with pytest.raises(ConfigError, match="no such pipeline config"):
        Pipeline.from_config(tmp_path / "nope.yaml")


def test_default_pipeline_is_built_from_the_registry():
    pipe = Pipeline.default()
    assert pipe.names == [
        "normalize_units",
        "pii",
        "empty",
        "length",
        "copies_input",
        "language",
        "dedup",
        "medically_sound",
        "disclaimer",
    ]


def test_building_the_default_pipeline_imports_nothing_heavy():
    from medtune.testing import heavy_modules_imported

    assert heavy_modules_imported("from medtune.cleaning import Pipeline; Pipeline.default()") == []


def test_running_the_default_pipeline_imports_only_spacy():
    from medtune.testing import heavy_modules_imported

    stmt = (
        "from medtune import Dataset; from medtune.cleaning import Pipeline; "
        "Pipeline.default().run(Dataset.from_records([{'input': 'a b c', 'output': 'd e f'}]))"
    )
    # The default `pii` cleaner runs the shipped spaCy NER model; spaCy's thinc imports torch when it is installed.
    assert set(heavy_modules_imported(stmt)) <= {"spacy", "torch"}
    assert "spacy" in heavy_modules_imported(stmt)


def test_the_pipeline_refuses_preference_pairs_with_a_fix():
    pairs = Dataset.from_records([{"prompt": "q", "chosen": "a", "rejected": "b"}])
    with pytest.raises(ConfigError, match="preference pairs.*Fix: clean the instruction data first"):
        Pipeline.from_config({"cleaners": ["empty"]}).run(pairs)
