from __future__ import annotations

import pytest

from medtune.errors import ConfigError
from medtune.serving import ServeConfig, load_serve_config


def test_defaults_are_safe():
    cfg = ServeConfig()
    assert cfg.host == "127.0.0.1" and cfg.safety.enabled and cfg.safety.redact_logs
    assert cfg.limits.default_max_tokens <= cfg.limits.max_tokens_cap


def test_cap_alone_lowers_the_default():
    assert load_serve_config({"limits": {"max_tokens_cap": 4}}).limits.default_max_tokens == 4


def test_yaml_with_overrides(tmp_path):
    path = tmp_path / "serve.yaml"
    path.write_text("model: ./merged\nlimits:\n  queue_size: 2\nsafety:\n  disclaimer: always\n", encoding="utf-8")
    cfg = load_serve_config(path, port=9000, **{"limits.max_concurrency": 3, "adapter": None})
    assert (cfg.model, cfg.port, cfg.limits.queue_size, cfg.limits.max_concurrency) == ("./merged", 9000, 2, 3)
    assert cfg.safety.disclaimer == "always" and cfg.served_name() == "merged"


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        ({"limits": {"max_token_cap": 5}}, "unknown key 'limits.max_token_cap'; did you mean 'limits.max_tokens_cap'?"),
        ({"prot": 1}, "unknown key 'prot'; did you mean 'port'?"),
        ({"limits": {"queue_size": -1}}, "limits.queue_size: Input should be greater than or equal to 0 (got -1)"),
        ({"limits": {"max_batch": 0}}, "limits.max_batch: Input should be greater than or equal to 1 (got 0)"),
        ({"limits": {"compile_level": 4}}, "limits.compile_level: Input should be less than or equal to 3 (got 4)"),
        ({"limits": {"cuda_graph": True}}, "unknown key 'limits.cuda_graph'; did you mean 'limits.cuda_graphs'?"),
        ({"limits": {"max_body_bytes": 10}}, "limits.max_body_bytes"),
        ({"limits": {"max_tokens_cap": 10, "default_max_tokens": 20}}, "default_max_tokens (20) is above"),
        ({"safety": {"disclaimer": "sometimes"}}, "safety.disclaimer"),
        (
            {"safety": {"extra_rules": [{"name": "x", "message": "m", "triggers": [["a"]], "bad": 1}]}},
            "unknown key 'safety.extra_rules[0].bad'; did you mean 'safety.extra_rules[0].name'? Allowed",
        ),
    ],
)
def test_bad_config_names_the_key(data, expected):
    with pytest.raises(ConfigError) as info:
        load_serve_config(data)
    assert expected in str(info.value)


def test_missing_and_invalid_files(tmp_path):
    with pytest.raises(ConfigError, match="no such serve config file"):
        load_serve_config(tmp_path / "nope.yaml")
    bad = tmp_path / "bad.yaml"
    bad.write_text("limits: [", encoding="utf-8")
    with pytest.raises(ConfigError, match="not valid YAML"):
        load_serve_config(bad)
    bad.write_text("- a\n- b\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="expected a mapping"):
        load_serve_config(bad)
