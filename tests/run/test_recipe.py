"""``data.sources``: a weighted data recipe through the data, clean and split stages (no model, no training)."""

from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path
from typing import Any

import pytest

from medtune.errors import ConfigError
from medtune.run import RunConfig, RunPipeline
from medtune.run.stages import CLEAN, DATA, SPLIT


def _write(path: Path, rows: list[dict[str, Any]]) -> str:
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return str(path)


def _words(prefix: str, n: int) -> str:
    return " ".join(f"{prefix}{i % 37}" for i in range(n))


@pytest.fixture(scope="module")
def sources(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """Three sources of very different sizes and record lengths; 'short' has 20 exact duplicates, 'chat' is chat."""
    d = tmp_path_factory.mktemp("recipe")
    short = [{"input": f"q{i} {_words('s', 3 + i % 6)}", "output": f"a{i} {_words('t', 4)}"} for i in range(400)]
    short += short[:20]  # duplicates for the cleaning to drop
    long = [
        {"instruction": "Answer.", "input": f"case {i} " + _words("p", 80), "output": _words("w", 150 + 7 * i)}
        for i in range(14)
    ]
    chat = [
        {
            "messages": [
                {"role": "user", "content": f"hi {i} " + _words("u", 20)},
                {"role": "assistant", "content": _words("r", 40 + i)},
            ]
        }
        for i in range(70)
    ]
    return {
        "short": _write(d / "short.jsonl", short),
        "long": _write(d / "long.jsonl", long),
        "chat": _write(d / "chat.jsonl", chat),
    }


def _config(out: Path, recipe: list[dict[str, Any]], **data: Any) -> RunConfig:
    return RunConfig.from_dict(
        {
            "data": {"sources": recipe, "mix_tokens": "words", **data},
            "clean": ["empty", "dedup"],
            "split": {"validation": 0.1, "test": 0.1, "seed": 7},
            "eval": False,
            "output_dir": str(out),
        },
        source="test",
    )


def _split(cfg: RunConfig) -> RunPipeline:
    """Run the data, clean and split stages only."""
    pipeline = RunPipeline(cfg, say=lambda _msg: None)
    pipeline.out.mkdir(parents=True, exist_ok=True)
    for stage in (DATA, CLEAN, SPLIT):
        pipeline._stage(stage, rerun=False)
    return pipeline


def _shares(path: Path, count: Any) -> dict[str, float]:
    tokens: dict[str, int] = defaultdict(int)
    for line in path.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        texts = (
            [m["content"] for m in row["messages"]]
            if "messages" in row
            else [row.get("instruction", ""), row.get("input", ""), row["output"]]
        )
        tokens[row["source"]] += count("\n".join(texts))
    total = sum(tokens.values())
    return {name: n / total for name, n in tokens.items()}


TWO = [("short", 1.0), ("long", 1.0)]
THREE = [("short", 0.2), ("long", 0.5), ("chat", 0.3)]


@pytest.mark.parametrize("weights", [TWO, THREE], ids=["two", "three"])
def test_trained_token_shares_are_within_two_percent_and_counts_are_reported(sources, tmp_path, weights):
    recipe = [{"source": sources[name], "weight": w} for name, w in weights]
    out = tmp_path / "run"
    _split(_config(out, recipe))
    total = sum(w for _, w in weights)
    measured = _shares(out / "split" / "train.jsonl", lambda text: len(text.split()))
    assert set(measured) == {name for name, _ in weights}
    for name, w in weights:
        assert abs(measured[name] - w / total) <= 0.02, (name, measured)

    mix = json.loads((out / "split" / "mix.json").read_text())
    state = {s: json.loads((out / s / "stage.json").read_text())["summary"] for s in ("data", "clean", "split")}
    clean = json.loads((out / "clean" / "report.json").read_text())
    for name, w in weights:
        row = mix["sources"][name]
        assert row["weight"] == pytest.approx(w / total, abs=1e-4)
        assert row["share"] == pytest.approx(measured[name], abs=1e-4)
        assert state["split"]["sources"][name] == row
        # loaded = kept by cleaning + dropped; kept = train (unique) + validation + test
        assert row["loaded"] == state["data"]["sources"][name]["records"] == clean["sources"][name]["records_in"]
        assert row["dropped"] == clean["sources"][name]["rejected"]
        assert row["available"] + row["validation"] + row["test"] == clean["sources"][name]["kept"]
        assert row["validation"] > 0 and row["test"] > 0  # the split is stratified by source
        assert row["train"] == row["unique"] + row["repeats"]
    assert clean["sources"]["short"] == {"records_in": 420, "kept": 400, "rejected": 20, "by_cleaner": {"dedup": 20}}
    assert mix["sources"]["long"]["repeats"] > 0  # the small source is repeated to reach its share
    assert mix["sources"]["short"]["unique"] < mix["sources"]["short"]["available"]  # the big one is subsampled
    rejects = [json.loads(line) for line in (out / "clean" / "rejects.jsonl").read_text().splitlines()]
    assert {r["record"]["source"] for r in rejects} == {"short"}  # each drop names its source


def test_same_seed_same_split_files_byte_for_byte_and_another_seed_differs(sources, tmp_path):
    recipe = [{"source": sources[name], "weight": w} for name, w in THREE]
    a, b, c = tmp_path / "a", tmp_path / "b", tmp_path / "c"
    _split(_config(a, recipe))
    _split(_config(b, recipe))
    cfg = _config(c, recipe).with_overrides({"split.seed": 8})
    _split(cfg)
    for name in ("train.jsonl", "validation.jsonl", "test.jsonl", "mix.json"):
        assert (a / "split" / name).read_bytes() == (b / "split" / name).read_bytes(), name
    for name in ("train.jsonl", "test.jsonl"):
        assert (a / "split" / name).read_bytes() != (c / "split" / name).read_bytes(), name


def test_train_tokens_sets_the_size_and_weights_only_rerun_the_split(sources, tmp_path):
    recipe = [{"source": sources["short"], "weight": 1}, {"source": sources["long"], "weight": 3}]
    out = tmp_path / "run"
    _split(_config(out, recipe, train_tokens=5000))
    mix = json.loads((out / "split" / "mix.json").read_text())
    assert abs(mix["tokens"] - 5000) < 300 and mix["total_tokens"] == 5000
    assert DATA.config_payload(_config(out, recipe)) == DATA.config_payload(
        _config(out, [{**recipe[0], "weight": 5}, recipe[1]])
    )
    assert SPLIT.config_payload(_config(out, recipe)) != SPLIT.config_payload(
        _config(out, [{**recipe[0], "weight": 5}, recipe[1]])
    )


def test_a_single_source_hashes_as_before():
    assert set(DATA.config_payload(RunConfig())) == {"source", "format", "columns", "kind", "skip_invalid"}
    assert "mix" not in SPLIT.config_payload(RunConfig())


def test_a_source_with_nothing_to_train_on_is_an_error_naming_it(sources, tmp_path):
    empty = tmp_path / "empty.jsonl"
    _write(empty, [{"input": "x", "output": "   "}, {"input": "y", "output": " "}])
    recipe = [{"source": sources["short"], "weight": 1}, {"source": str(empty), "weight": 1}]
    with pytest.raises(ConfigError, match="source 'empty' has no records left"):
        _split(_config(tmp_path / "run", recipe))


def test_model_tokenizer_counts_the_shares(sources, tmp_path):
    """Mixed by the run's (subword) tokenizer, the shares hold in that tokenizer's tokens."""
    pytest.importorskip("transformers")
    from medtune.testing import tiny_bpe_tokenizer

    texts = [line for path in sources.values() for line in Path(path).read_text().splitlines()[:50]]
    tok = tiny_bpe_tokenizer(texts, vocab_size=300)
    model = tmp_path / "tok"
    tok.save_pretrained(model)
    (model / "config.json").write_text('{"model_type": "llama"}')
    recipe = [{"source": sources[name], "weight": w} for name, w in THREE]
    out = tmp_path / "run"
    cfg = _config(out, recipe, mix_tokens="model").with_overrides({"train.model.path": str(model)})
    _split(cfg)
    measured = _shares(
        out / "split" / "train.jsonl", lambda text: len(tok(text, add_special_tokens=False)["input_ids"])
    )
    for name, w in THREE:
        assert abs(measured[name] - w) <= 0.02, (name, measured)
    assert json.loads((out / "split" / "mix.json").read_text())["tokens_counted"].startswith("tokens of the tokenizer")
