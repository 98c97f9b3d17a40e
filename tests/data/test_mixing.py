"""Data recipes: tagging records with their source, combining sources, mixing a train set by token share."""

from __future__ import annotations

import pytest

from medtune.data.dataset import Dataset
from medtune.data.mixing import combine, mix_by_tokens, record_token_counts, tag_source
from medtune.errors import ConfigError


def _shares(sources: list[str], tokens: list[int], indices: list[int]) -> dict[str, float]:
    total = sum(tokens[i] for i in indices)
    out: dict[str, float] = {}
    for i in indices:
        out[sources[i]] = out.get(sources[i], 0) + tokens[i] / total
    return out


@pytest.mark.parametrize(
    ("pools", "weights"),
    [
        # two sources: a big one of short records and a small one of long records, the small one weighted up
        ({"short": (500, 6), "long": (12, 240)}, {"short": 1, "long": 1}),
        # three sources, very different sizes and lengths, weights not summing to 1
        ({"tiny": (5, 30), "big": (2000, 9), "mid": (80, 120)}, {"tiny": 2, "big": 5, "mid": 3}),
    ],
)
def test_token_shares_land_within_two_percent_of_the_weights(pools, weights):
    sources, tokens = [], []
    for name, (n, length) in pools.items():
        for i in range(n):
            sources.append(name)
            tokens.append(length + i % 7)  # lengths vary a little within a source
    mix = mix_by_tokens(sources, tokens, weights, seed=3)
    total_weight = sum(weights.values())
    measured = _shares(sources, tokens, mix.indices)
    for name, weight in weights.items():
        assert abs(measured[name] - weight / total_weight) <= 0.02, (name, measured)
        assert mix.sources[name].share == pytest.approx(measured[name])
    assert mix.max_share_error() <= 0.02
    # the natural total is kept (to within a record), small sources repeat, big ones are subsampled
    assert abs(mix.tokens - sum(tokens)) <= max(tokens)
    smallest = min(pools, key=lambda n: pools[n][0] * pools[n][1])
    assert mix.sources[smallest].repeats > 0
    assert mix.sources[smallest].records == mix.sources[smallest].unique + mix.sources[smallest].repeats


def test_same_seed_same_mix_and_another_seed_another():
    sources = ["a"] * 50 + ["b"] * 7
    tokens = [3 + i % 5 for i in range(50)] + [40 + i for i in range(7)]
    one = mix_by_tokens(sources, tokens, {"a": 0.3, "b": 0.7}, seed=1)
    assert mix_by_tokens(sources, tokens, {"a": 0.3, "b": 0.7}, seed=1) == one
    assert mix_by_tokens(sources, tokens, {"a": 0.3, "b": 0.7}, seed=2).indices != one.indices


def test_total_tokens_scales_the_mix():
    sources = ["a"] * 10 + ["b"] * 10
    mix = mix_by_tokens(sources, [10] * 20, {"a": 1, "b": 3}, seed=0, total_tokens=400)
    assert mix.tokens == 400 and mix.sources["a"].tokens == 100 and mix.sources["b"].records == 30


@pytest.mark.parametrize("weight", [0, -1.0])
def test_non_positive_weights_are_errors_naming_the_source(weight):
    with pytest.raises(ConfigError, match="weight of source 'b' is .*must be > 0"):
        mix_by_tokens(["a", "b"], [1, 1], {"a": 1, "b": weight}, seed=0)


def test_a_weighted_source_without_records_or_a_record_without_weight_is_an_error():
    with pytest.raises(ConfigError, match="source 'b' has no records left"):
        mix_by_tokens(["a"], [4], {"a": 1, "b": 1}, seed=0)
    with pytest.raises(ConfigError, match="source 'c', which has no weight"):
        mix_by_tokens(["a", "c"], [4, 4], {"a": 1}, seed=0)


def test_tag_source_keeps_the_original_source_and_combine_unifies_kinds():
    inst = Dataset.from_records([{"input": "one two", "output": "three", "source": "medquad/cancer"}])
    chat = Dataset.from_records(
        [{"messages": [{"role": "user", "content": "hi"}, {"role": "assistant", "content": "yo"}]}]
    )
    a, b = tag_source(inst, "medquad"), tag_source(chat, "general")
    assert a[0].source == "medquad" and a[0].metadata == {"original_source": "medquad/cancer"}
    assert b[0].source == "general" and b[0].metadata == {}
    both = combine([a, b])
    assert both.kind == "chat" and [r.source for r in both] == ["medquad", "general"]
    assert record_token_counts(both) == [3, 2]
    assert record_token_counts(combine([a, a])) == [3, 3]
