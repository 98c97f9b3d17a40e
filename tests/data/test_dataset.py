import datasets
import pytest

from medtune import DataFormatError, Dataset, DataValidationError
from medtune.errors import ConfigError
from medtune.testing import make_records


def test_backed_by_arrow_with_num_proc_maps():
    ds = Dataset.from_records(make_records(20))
    assert isinstance(ds.hf, datasets.Dataset)
    lengths = ds.hf.map(lambda b: {"n": [len(x) for x in b["output"]]}, batched=True, num_proc=2)
    assert len(lengths) == 20


def test_from_hf_dataset_and_datasetdict():
    hf = datasets.Dataset.from_list([{"question": "q1", "answer": "a1"}, {"question": "q2", "answer": "a2"}])
    ds = Dataset.load(hf, columns={"question": "input", "answer": "output"})
    assert [r.output for r in ds] == ["a1", "a2"]
    dd = datasets.DatasetDict({"train": hf, "test": hf.select([0])})
    with pytest.raises(DataFormatError, match="available: train, test"):
        Dataset.from_hf(dd, columns={"question": "input", "answer": "output"})
    assert len(Dataset.from_hf(dd, split="test", columns={"question": "input", "answer": "output"})) == 1
    bad = datasets.Dataset.from_list([{"input": "q", "output": 1}])
    with pytest.raises(DataValidationError, match=r"<datasets.Dataset>\[row 0\]: field 'output'"):
        Dataset.load(bad)


def test_to_chat_and_back_is_lossless():
    ds = Dataset.from_records(make_records(5, category="cardio"))
    chat = ds.to_chat()
    assert chat.kind == "chat" and [m.role for m in chat[0].messages] == ["system", "user", "assistant"]
    back = chat.to_instruction()
    assert list(back) == list(ds)


def test_split_is_deterministic_disjoint_and_complete():
    ds = Dataset.from_records(make_records(100))
    a = ds.split(validation=0.1, test=0.2, seed=7)
    b = ds.split(validation=0.1, test=0.2, seed=7)
    c = ds.split(validation=0.1, test=0.2, seed=8)
    ids = {name: [r.id for r in d] for name, d in a.items()}
    assert ids == {name: [r.id for r in d] for name, d in b.items()}
    assert ids != {name: [r.id for r in d] for name, d in c.items()}
    assert a.sizes() == {"train": 70, "validation": 10, "test": 20}
    all_ids = ids["train"] + ids["validation"] + ids["test"]
    assert sorted(all_ids) == sorted(r.id for r in ds)


def test_stratified_split_keeps_category_shares():
    recs = make_records(80, category="a", source="a") + make_records(20, category="b", source="b")
    splits = Dataset.from_records(recs).split(validation=0.2, test=0.1, seed=1, stratify_by="category")
    val = [r.category for r in splits.validation]
    test = [r.category for r in splits.test]
    assert (val.count("a"), val.count("b")) == (16, 4)
    assert (test.count("a"), test.count("b")) == (8, 2)


def test_split_counts_and_errors(tmp_path):
    ds = Dataset.from_records(make_records(10))
    assert Dataset.split(ds, validation=3, test=0).sizes() == {"train": 7, "validation": 3}
    with pytest.raises(ConfigError, match="leave nothing to train on"):
        ds.split(validation=5, test=5)
    with pytest.raises(ConfigError, match="fraction must be below 1"):
        ds.split(validation=1.5)
    with pytest.raises(ConfigError, match="stratify_by='metadata'"):
        ds.split(stratify_by="metadata")
    paths = ds.split(validation=0.2).save(tmp_path / "splits")
    assert sorted(p.name for p in paths.values()) == ["train.jsonl", "validation.jsonl"]


def test_stats_counts_lengths_duplicates_empty_and_categories():
    recs = [
        {"instruction": "Answer.", "input": "one two three", "output": "a b", "category": "x"},
        {"instruction": "Answer.", "input": "one two three", "output": "a b", "category": "x"},  # duplicate
        {"instruction": "Answer.", "input": "", "output": "a b c d", "category": "y"},
        {"instruction": "Answer.", "input": "four", "output": "   "},
    ]
    s = Dataset.from_records(recs).stats()
    assert s.records == 4 and s.tokenizer == "whitespace"
    assert s.duplicates == 1
    assert s.empty_fields == {"instruction": 0, "input": 1, "output": 1}
    assert s.categories == {"x": 2, "y": 1, "<none>": 1}
    assert (s.lengths["input"].min, s.lengths["input"].max, s.lengths["input"].total) == (0, 3, 7)
    assert s.lengths["output"].mean == pytest.approx((2 + 2 + 4 + 0) / 4)


def test_stats_print_as_a_summary_with_lengths_rounded_for_display():
    """Issue #17: ``print(stats)`` is a readable table, not ``p95=5.699999999999999``; the values stay exact."""
    recs = [{"input": "q", "output": " ".join(["w"] * n), "category": "c"} for n in (0, 3, 6)]
    s = Dataset.from_records(recs).stats()
    assert repr(s.lengths["output"].p95) == "5.699999999999999"  # stored exact
    lines = str(s).splitlines()
    assert lines[0] == "3 instruction records, tokens counted by whitespace"
    assert lines[2].split() == ["field", "mean", "min", "p50", "p90", "p95", "p99", "max", "total", "empty"]
    assert lines[5].split() == ["output", "3", "0", "3", "5.4", "5.7", "5.9", "6", "9", "1"]
    assert "categories: c (3)" in lines and "exact duplicates: 0" in lines
    assert "5.699999999999999" not in str(s)


def test_stats_with_a_tokenizer_object():
    from tokenizers import Tokenizer
    from tokenizers.models import WordLevel
    from tokenizers.pre_tokenizers import Split

    vocab = {c: i for i, c in enumerate("abcdefghijklmnopqrstuvwxyz .[UNK]")}
    vocab["[UNK]"] = len(vocab)
    tok = Tokenizer(WordLevel(vocab, unk_token="[UNK]"))
    tok.pre_tokenizer = Split("", "isolated")  # one token per character
    ds = Dataset.from_records([{"instruction": "ab", "input": "abc", "output": "abcd"}])
    s = ds.stats(tokenizer=tok)
    assert (s.lengths["instruction"].max, s.lengths["input"].max, s.lengths["output"].max) == (2, 3, 4)


def test_chat_stats_use_prompt_and_response():
    ds = Dataset.from_records(make_records(3)).to_chat()
    s = ds.stats(num_proc=2)
    assert set(s.lengths) == {"prompt", "response"} and s.records == 3


def test_iteration_getitem_select_shuffle():
    ds = Dataset.from_records(make_records(10))
    assert [r.id for r in ds.select([3, 1])] == ["test-3", "test-1"]
    assert sorted(r.id for r in ds.shuffle(seed=1)) == sorted(r.id for r in ds)
    assert [r.id for r in ds.shuffle(seed=1)] == [r.id for r in ds.shuffle(seed=1)]
    assert repr(ds) == "Dataset(kind='instruction', records=10)"


def test_large_loads_are_batched_and_can_be_memory_mapped(tmp_path, write_jsonl):
    rows = [r.model_dump(exclude_none=True) for r in make_records(5000)]
    path = write_jsonl(rows, "big.jsonl")
    in_memory = Dataset.load(path)
    mapped = Dataset.load(path, cache_dir=tmp_path / "cache")
    assert len(mapped) == 5000 and [r.id for r in mapped.select([0, 4999])] == ["test-0", "test-4999"]
    assert mapped.hf.cache_files and mapped.hf.cache_files[0]["filename"].startswith(str(tmp_path / "cache"))
    assert not in_memory.hf.cache_files
    assert mapped.stats().model_dump() == in_memory.stats().model_dump()
