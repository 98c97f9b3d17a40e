"""The examples in the docstrings of the shared modules run, so they cannot rot."""

import doctest
import importlib

import pytest

MODULES = [
    "medtune.config",
    "medtune.data.dataset",
    "medtune.data.records",
    "medtune.io.jsonl",
    "medtune.cards.writer",
    "medtune.cards.evaluation",
    "medtune.evaluation.compare",
    "medtune.evaluation.metrics",
    "medtune.evaluation.report",
    "medtune.evaluation.sets",
    "medtune.evaluation.verdict",
    "medtune.models.dtype",
    "medtune.models.loops",
    "medtune.models.prompts",
    "medtune.serving.batching",
    "medtune.medical.pairs",
    "medtune.training.formatting",
]


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name):
    module = importlib.import_module(name)
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    assert result.attempted > 0, f"{name} has no examples"
    assert result.failed == 0
