"""The stage list of ``medtune run``: names, order, dependencies, switches, folders (no model, no torch)."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from medtune.errors import ConfigError
from medtune.run import STAGES, RunConfig, RunPipeline, RunResult
from medtune.run.stages import CARD, CLEAN, DATA, EVAL, RUN_STAGES, SPLIT, TRAIN, DataStage, check_stage_order
from medtune.testing import heavy_modules_imported


def test_stages_names_are_the_stage_list_in_order():
    assert tuple(stage.name for stage in RUN_STAGES) == STAGES
    assert STAGES == ("data", "clean", "split", "train", "eval", "card")  # public API: --force names, folders
    assert len(set(STAGES)) == len(STAGES)


def test_every_stage_runs_after_the_stages_it_depends_on():
    position = {stage.name: i for i, stage in enumerate(RUN_STAGES)}
    for stage in RUN_STAGES:
        assert all(position[up.name] < position[stage.name] for up in stage.depends_on), stage.name
    assert [up.name for up in CARD.depends_on] == ["clean", "train", "eval"]
    assert check_stage_order(RUN_STAGES) == RUN_STAGES


def test_check_stage_order_rejects_repeats_and_bad_order():
    with pytest.raises(ValueError, match="listed twice"):
        check_stage_order([DATA, CLEAN, DataStage("data")])
    with pytest.raises(ValueError, match="'split' depends on 'clean'"):
        check_stage_order([DATA, SPLIT, CLEAN])
    with pytest.raises(ValueError, match="'clean' depends on 'data'"):
        check_stage_order([CLEAN])


def test_unknown_force_name_errors_with_the_stage_list():
    with pytest.raises(ConfigError) as err:
        RunPipeline(RunConfig(), force=["bogus", "train"])
    assert str(err.value).startswith(
        "--force bogus: unknown stage. Fix: use one of data, clean, split, train, eval, card, all."
    )
    assert RunPipeline(RunConfig(), force=["all"]).force == set(STAGES)
    assert RunPipeline(RunConfig(), force=["split"]).force == {"split"}


def test_switches_and_folders(tmp_path: Path):
    on = RunConfig()
    off = RunConfig.from_dict({"clean": False, "eval": False})
    assert all(stage.enabled(on) for stage in RUN_STAGES)
    assert [stage.name for stage in RUN_STAGES if not stage.enabled(off)] == ["clean", "eval"]
    for stage in RUN_STAGES:
        assert stage.output_dir(tmp_path) == tmp_path / stage.name
    assert EVAL.keep == {"generations", "loglikelihoods"} and not any(s.keep for s in RUN_STAGES if s is not EVAL)
    assert [s.name for s in RUN_STAGES if s.resumable] == ["train"]


def test_config_payloads_leave_out_display_only_keys():
    payload = TRAIN.config_payload(RunConfig.from_dict({"train": {"logging": {"progress_bar": False}}}))
    assert "progress_bar" not in payload["logging"] and "dir" not in payload["output"]
    assert TRAIN.config_payload(RunConfig()) == payload  # the progress bar changes no hash
    assert CARD.config_payload(RunConfig()) == {"version": 1}


def test_result_fields_name_real_run_result_fields():
    fields = {f.name for f in dataclasses.fields(RunResult)}
    named = [attr for stage in RUN_STAGES for attr, _ in stage.results]
    assert sorted(named) == sorted(fields - {"output_dir", "stages"})


def test_data_stage_resolves_a_shipped_sample():
    pipeline = RunPipeline(RunConfig())
    files, (path, _fmt) = DATA.external_inputs(pipeline)
    assert files == [path] and path.is_file()
    assert CLEAN.external_inputs(pipeline) is None


def test_importing_the_stages_loads_no_heavy_library():
    assert heavy_modules_imported("import medtune.run.stages") == []
