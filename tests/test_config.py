import pytest
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from medtune.config import allowed_keys, dotted_keys, format_validation_error, read_yaml
from medtune.errors import ConfigError


class Rule(BaseModel):
    model_config = ConfigDict(extra="forbid")
    name: str
    weight: float = Field(1.0, gt=0)


class Section(BaseModel):
    model_config = ConfigDict(extra="forbid")
    rules: list[Rule] = []
    learning_rate: float = 1e-3


class Root(BaseModel):
    model_config = ConfigDict(extra="forbid")
    optim: Section = Section()
    seed: int = 42


def test_unknown_nested_key_names_the_key_the_closest_match_and_the_allowed_keys():
    with pytest.raises(ValidationError) as info:
        Root.model_validate({"optim": {"lerning_rate": 1, "rules": [{"name": "a", "wieght": 2}]}, "sed": 1})
    text = format_validation_error(info.value, Root, "cfg.yaml")
    assert text.startswith("cfg.yaml: 3 invalid settings:")
    assert (
        "unknown key 'optim.lerning_rate'; did you mean 'optim.learning_rate'? Allowed keys in 'optim': rules" in text
    )
    assert "unknown key 'optim.rules[0].wieght'; did you mean 'optim.rules[0].weight'?" in text
    assert "unknown key 'sed'; did you mean 'seed'?" in text


def test_bad_values_show_the_value():
    with pytest.raises(ValidationError) as info:
        Root.model_validate({"optim": {"rules": [{"name": "a", "weight": -1}]}})
    assert "optim.rules[0].weight: Input should be greater than 0 (got -1)" in format_validation_error(
        info.value, Root, "x"
    )


def test_allowed_and_dotted_keys():
    assert allowed_keys(Root, ("optim", "rules", 0)) == ["name", "weight"]
    assert dotted_keys(Root) == ["optim.rules", "optim.learning_rate", "seed"]


def test_read_yaml_keeps_bare_no_as_a_string_and_names_the_line(tmp_path):
    good = tmp_path / "a.yaml"
    good.write_text("save: no\nflag: true\nother: off\n")
    assert read_yaml(good) == {"save": "no", "flag": True, "other": "off"}
    bad = tmp_path / "b.yaml"
    bad.write_text("a: 1\nb: [unclosed\n")
    with pytest.raises(ConfigError, match=r"b.yaml:\d: not valid YAML"):
        read_yaml(bad)
    with pytest.raises(ConfigError, match="no such config file"):
        read_yaml(tmp_path / "missing.yaml")
    empty = tmp_path / "e.yaml"
    empty.write_text("")
    assert read_yaml(empty) == {}
