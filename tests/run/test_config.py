"""RunConfig: sections, shorthands, errors that name the key, overrides, the demo config."""

from __future__ import annotations

from pathlib import Path

import pytest

from medtune.errors import ConfigError
from medtune.evaluation import EvalConfig
from medtune.run import RunConfig
from medtune.run.config import RunDataConfig, apply_overrides
from medtune.training import TrainConfig

ROOT = Path(__file__).resolve().parents[2]


def _error(data: dict) -> str:
    with pytest.raises(ConfigError) as info:
        RunConfig.from_dict(data, source="run.yaml")
    return str(info.value)


def test_defaults_are_valid_and_use_the_stage_configs():
    cfg = RunConfig()
    assert cfg.data.source == "sample:medical"
    assert [c.name for c in cfg.clean.cleaners][:3] == ["normalize_units", "pii", "empty"]
    assert isinstance(cfg.train, TrainConfig) and cfg.train == TrainConfig()
    assert isinstance(cfg.eval.evaluator_config(), EvalConfig)
    assert cfg.eval.evaluator_config() == EvalConfig()


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        ({"trian": {}}, "unknown key 'trian'; did you mean 'train'?"),
        ({"data": {"sorce": "x"}}, "unknown key 'data.sorce'; did you mean 'data.source'?"),
        ({"split": {"tset": 3}}, "unknown key 'split.tset'; did you mean 'split.test'?"),
        ({"train": {"lora": {"rank": 8}}}, "unknown key 'train.lora.rank'"),
        ({"clean": {"cleaners": ["empty"], "batchsize": 3}}, "unknown key 'clean.batchsize'"),
        ({"eval": {"limt": 3}}, "unknown key 'eval.limt'; did you mean 'eval.limit'?"),
        ({"eval": {"generation": {"max_tokens": 3}}}, "unknown key 'eval.generation.max_tokens'"),
        ({"eval": {"forgeting": []}}, "unknown key 'eval.forgeting'; did you mean 'eval.forgetting'?"),
    ],
)
def test_unknown_keys_are_errors_naming_the_key(data, expected):
    assert expected in _error(data)


def test_bad_values_name_the_key():
    assert "train.optim.learning_rate" in _error({"train": {"optim": {"learning_rate": -1}}})
    assert "eval.limit" in _error({"eval": {"limit": 0}})


def test_cross_field_checks():
    assert "split.test is 0" in _error({"split": {"test": 0}})
    assert "train.output.dir" in _error({"train": {"output": {"dir": "elsewhere"}}})
    assert "train.data.train" in _error({"train": {"data": {"train": "x.jsonl"}}})
    assert "train.eval.split" in _error({"train": {"eval": {"split": 0.1}}})
    assert "split.test: a fraction must be below 1" in _error({"split": {"test": 1.5}})
    assert "need validation data" in _error({"split": {"validation": 0}, "train": {"eval": {"steps": 2}}})
    # Without evaluation, no test split is needed.
    assert RunConfig.from_dict({"split": {"test": 0}, "eval": False}).eval is None


def test_section_shorthands(tmp_path):
    assert RunConfig.from_dict({"clean": False}).clean is None
    assert RunConfig.from_dict({"clean": "none"}).clean is None
    assert RunConfig.from_dict({"clean": "default"}).clean == RunConfig().clean
    assert [c.name for c in RunConfig.from_dict({"clean": ["empty", "dedup"]}).clean.cleaners] == ["empty", "dedup"]
    pipeline = tmp_path / "pipeline.yaml"
    pipeline.write_text("cleaners:\n  - empty\n  - name: length\n    options: {min_tokens: 2}\n")
    assert [c.name for c in RunConfig.from_dict({"clean": str(pipeline)}).clean.cleaners] == ["empty", "length"]
    pipeline.write_text("cleaners:\n  - empty\nbatchsize: 3\n")
    with pytest.raises(ConfigError, match="batchsize"):
        RunConfig.from_dict({"clean": str(pipeline)})
    assert RunConfig.from_dict({"eval": None}).eval is None
    assert RunConfig.from_dict({"eval": True}).eval is not None


def test_overrides_and_yaml(tmp_path):
    path = tmp_path / "run.yaml"
    path.write_text("clean: default\ntrain:\n  optim:\n    max_steps: 6\noutput_dir: out\n")
    cfg = RunConfig.from_yaml(path, {"train.optim.max_steps": 2, "clean.batch_size": 32, "eval.limit": 5})
    assert cfg.train.optim.max_steps == 2 and cfg.clean.batch_size == 32 and cfg.eval.limit == 5
    with pytest.raises(ConfigError, match=r"unknown key 'train\.optim\.max_stpes'"):
        RunConfig.from_yaml(path, {"train.optim.max_stpes": 2})
    with pytest.raises(ConfigError, match="is not a section"):
        apply_overrides({"output_dir": "out"}, {"output_dir.x": 1})
    path.write_text("train:\n  optim:\n    lr: 1\n")
    with pytest.raises(ConfigError, match=r"run\.yaml: 1 invalid setting:\n  unknown key 'train\.optim\.lr'"):
        RunConfig.from_yaml(path)
    path.write_text("- a\n")
    with pytest.raises(ConfigError, match="must be a mapping"):
        RunConfig.from_yaml(path)


def test_demo_config_matches_the_quickstart():
    cfg = RunConfig.from_yaml(ROOT / "examples" / "demo" / "run.yaml")
    demo_train = TrainConfig.from_yaml(ROOT / "examples" / "demo" / "train.yaml")
    assert cfg.data.source == "sample:medical"
    assert cfg.clean == RunConfig().clean  # the default pipeline
    assert (cfg.split.validation, cfg.split.test, cfg.split.seed, cfg.split.stratify_by) == (16, 16, 42, "category")
    assert cfg.train == demo_train
    assert cfg.eval.limit == 16 and cfg.eval.generation.max_new_tokens == 96 and cfg.eval.compare_base


def test_importing_medtune_run_loads_no_heavy_library():
    from medtune.testing import heavy_modules_imported

    assert heavy_modules_imported("import medtune.run; medtune.run.RunConfig().to_yaml()") == []


def test_fail_on_regression_needs_the_base_and_is_not_part_of_the_eval_hash(tmp_path):
    from medtune.run.stages import EVAL

    with pytest.raises(ConfigError, match="fail_on_regression needs a comparison with the base model.*Fix"):
        RunConfig.from_dict({"eval": {"fail_on_regression": True, "compare_base": False}})
    on = RunConfig.from_dict({"eval": {"fail_on_regression": True}})
    assert on.eval.fail_on_regression and not RunConfig.from_dict({}).eval.fail_on_regression
    assert EVAL.config_payload(on) == EVAL.config_payload(RunConfig.from_dict({}))


RECIPE = [{"source": "chatdoctor.json", "weight": 2}, {"source": "medquad/", "weight": 1, "name": "medquad"}]


def test_data_sources_are_a_weighted_recipe():
    cfg = RunConfig.from_dict({"data": {"sources": RECIPE}})
    assert cfg.data.source is None and [s.label for s in cfg.data.sources] == ["chatdoctor", "medquad"]
    assert cfg.data.weights() == pytest.approx({"chatdoctor": 2 / 3, "medquad": 1 / 3})
    # the resolved config.yaml (source: null next to sources) reads back
    assert RunDataConfig.from_dict(cfg.data.model_dump(mode="json")) == cfg.data


def test_data_source_and_sources_together_are_an_error_naming_both():
    message = _error({"data": {"source": "a.jsonl", "sources": RECIPE}})
    assert "data.source and data.sources are both set" in message and "Fix: remove data.source" in message


@pytest.mark.parametrize("weight", [0, -0.5])
def test_non_positive_weights_are_errors_naming_the_key(weight):
    message = _error({"data": {"sources": [{"source": "a.jsonl", "weight": weight}]}})
    assert "data.sources.0.weight" in message or "data.sources[0].weight" in message
    assert "greater than 0" in message


def test_recipe_names_must_be_distinct_and_train_tokens_needs_sources():
    same = [{"source": "a/x.jsonl", "weight": 1}, {"source": "b/x.jsonl", "weight": 1}]
    assert "data.sources[1]: the name 'x' is also the name of data.sources[0]" in _error({"data": {"sources": same}})
    assert "data.train_tokens only applies to data.sources" in _error({"data": {"train_tokens": 100}})
    assert "data.sources" in _error({"data": {"sources": []}})


def test_eval_sets_default_to_the_presets_and_switch_off(tmp_path):
    from medtune.run.stages import EVAL

    cfg = RunConfig()
    assert (cfg.eval.ood, cfg.eval.forgetting) == (["k-qa"], ["pubmedqa", "mmlu-general"])
    generic = RunConfig.from_dict({"preset": "generic", "data": {"source": "x.jsonl"}})
    assert (generic.eval.ood, generic.eval.forgetting) == ([], ["mmlu-general"])
    off = RunConfig.from_dict({}, overrides={"eval.ood": "none", "eval.forgetting": []})
    assert (off.eval.ood, off.eval.forgetting) == ([], [])
    assert "sets" not in EVAL.config_payload(off)
    assert "eval.ood: item 0: expected a sample name" in _error({"eval": {"ood": [["k-qa"]]}})
    # the eval stage hashes the sets' contents: an edited file reruns the evaluation
    mine = tmp_path / "mine.jsonl"
    mine.write_text('{"instruction": "q", "output": "a"}\n')
    with_file = RunConfig.from_dict({"eval": {"ood": [str(mine)]}})
    before = EVAL.config_payload(with_file)
    assert set(before["sets"]) == {"mine", "pubmedqa", "mmlu-general"}
    mine.write_text('{"instruction": "q2", "output": "a"}\n')
    assert EVAL.config_payload(with_file)["sets"]["mine"] != before["sets"]["mine"]
