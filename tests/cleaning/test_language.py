"""The language filter: the heuristic, lingua when installed, and how one is chosen."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from medtune.cleaning import EnglishFilter, Pipeline
from medtune.cleaning.filters import lingua_available
from medtune.errors import ConfigError, MissingExtraError

_spec = importlib.util.spec_from_file_location("language_samples", Path(__file__).with_name("language_samples.py"))
_samples = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_samples)
ENGLISH, FOREIGN, MIXED, SAMPLES = _samples.ENGLISH, _samples.FOREIGN, _samples.MIXED, _samples.SAMPLES


@pytest.fixture
def no_lingua(monkeypatch):
    real = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec", lambda name, *a: None if name == "lingua" else real(name, *a))


def accuracy(f: EnglishFilter, samples) -> tuple[int, list[str]]:
    wrong = [text for text, english in samples if f.is_english(text) is not english]
    return len(samples) - len(wrong), wrong


def test_heuristic_on_the_multilingual_set():
    f = EnglishFilter(detector="heuristic")
    assert f.detector == "heuristic"
    assert accuracy(f, [(t, True) for t in ENGLISH]) == (len(ENGLISH), [])
    assert accuracy(f, [(t, False) for t in FOREIGN]) == (len(FOREIGN), [])
    # short foreign texts are too short for function words: kept, by design (min_words)
    assert accuracy(f, MIXED) == (len(MIXED) - 2, ["Dolor de cabeza", "Mal di testa e febbre"])


def test_auto_falls_back_to_the_heuristic_without_lingua(no_lingua):
    assert not lingua_available()
    assert EnglishFilter().detector == "heuristic"
    with pytest.raises(MissingExtraError, match=r'pip install "medtune\[lang\]"'):
        EnglishFilter(detector="lingua")
    with pytest.raises(MissingExtraError):
        Pipeline.from_config({"cleaners": [{"name": "language", "options": {"detector": "lingua"}}]})


def test_options_reach_the_filter_and_are_checked():
    [f] = Pipeline.from_config(
        {"cleaners": [{"name": "language", "options": {"detector": "heuristic", "languages": ["en", "es"]}}]}
    ).cleaners
    assert (f.detector, f.languages) == ("heuristic", ("en", "es"))
    with pytest.raises(ConfigError, match="must include 'en'"):
        EnglishFilter(languages=["es", "fr"])


def test_lingua_on_the_multilingual_set():
    pytest.importorskip("lingua")
    f = EnglishFilter()  # auto: lingua is installed
    assert f.detector == "lingua"
    assert accuracy(f, SAMPLES) == (len(SAMPLES), [])
    # lingua's own answer on a drug list is Italian; the function words veto it
    from medtune.cleaning.filters import _lingua_detector

    assert _lingua_detector(f.languages).detect_language_of(ENGLISH[20]).iso_code_639_1.name == "IT"
    assert f.is_english("") and f.is_english("120/80 !!") and f.is_english("Fever") and f.is_english("Dolor agudo")
    assert not f.is_english("我头痛三天了晚上更严重我该怎么办请告诉我应该吃什么药谢谢医生的帮助")
    with pytest.raises(ConfigError, match="unknown ISO 639-1 code"):
        EnglishFilter(languages=["en", "xx"]).is_english("Tengo dolor de cabeza desde hace tres días.")
