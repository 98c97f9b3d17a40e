import pytest

from medtune.cleaning import CopiesInputFilter, DedupFilter, Drop, EmptyFilter, EnglishFilter, LengthFilter
from medtune.cleaning.filters import count_tokens


def row(input="What should I do about my cough?", output="Drink fluids and rest for a few days.", instruction=""):
    return {"id": None, "instruction": instruction, "input": input, "output": output, "source": None,
            "category": None, "metadata": "{}"}  # fmt: skip


def test_empty():
    f = EmptyFilter()
    assert f(row()) == row()
    assert f(row(output=" \n\t")) == Drop("empty output")
    assert f(row(input="", instruction="")) == Drop("empty prompt")
    assert f(row(input="", instruction="Say hi")) == row(input="", instruction="Say hi")


def test_length():
    f = LengthFilter(min_tokens=3, max_tokens=5)
    assert f(row(output="one two")) == Drop("too short: output < 3 tokens")
    assert f(row(output="one two three")) == row(output="one two three")
    assert f(row(output="a b c d e f")) == Drop("too long: output > 5 tokens")
    assert LengthFilter(max_tokens=4, fields=("input", "output"))(row(input="a b", output="c d e")).reason.startswith(
        "too long: input+output"
    )
    assert count_tokens("a  b\nc") == 3 and count_tokens("abc", "chars") == 3


def test_copies_input():
    f = CopiesInputFilter()
    assert f(row(input="My head hurts.", output="my  HEAD hurts.")) == Drop("output copies the input")
    long_q = "I have had a bad cough with green phlegm for two weeks now"
    assert isinstance(f(row(input=long_q, output=long_q + " indeed")), Drop)
    assert f(row()) == row()
    assert f(row(input="ok", output="Ok fine")) == row(input="ok", output="Ok fine")


def test_exact_dedup_keeps_first_and_normalizes_case_and_space():
    rows = [row(), row(output="drink  FLUIDS and rest for a few days."), row(output="Something else.")]
    assert list(DedupFilter().drop_reasons(rows)) == [None, "exact duplicate", None]


def test_near_dedup():
    pytest.importorskip("datasketch")
    base = "Drink plenty of fluids, rest, take paracetamol for fever and see a doctor if it lasts more than a week"
    rows = [row(output=base), row(output=base + " please"), row(output="Completely different advice about knees.")]
    assert list(DedupFilter(near=True, threshold=0.7).drop_reasons(rows)) == [None, "near duplicate", None]
    assert list(DedupFilter(near=False).drop_reasons(rows)) == [None, None, None]


@pytest.mark.parametrize(
    ("text", "english"),
    [
        ("I have had a headache for three days and it is getting worse at night.", True),
        ("Tengo dolor de cabeza desde hace tres días y empeora por la noche, qué hago.", False),
        ("J'ai mal à la tête depuis trois jours et cela empire la nuit, que dois-je faire.", False),
        ("Ich habe seit drei Tagen Kopfschmerzen und es wird nachts schlimmer, was soll ich tun.", False),
        ("我头痛三天了晚上更严重我该怎么办请告诉我应该吃什么药谢谢医生的帮助", False),
        ("Fever", True),
    ],
)
def test_language(text, english):
    assert EnglishFilter().is_english(text) is english


def test_language_filter_drops():
    f = EnglishFilter()
    assert f(
        row(
            input="Tengo dolor de cabeza desde hace tres días y empeora por la noche.",
            output="Descanse y beba agua por favor.",
        )
    ) == Drop("not English")


def test_near_dedup_checks_candidates_exactly_and_keeps_numbers():
    pytest.importorskip("datasketch")
    from medtune.cleaning.filters import shingles

    base = (
        "These resources address the diagnosis or management of trisomy 13 including genetic testing registry "
        "entries, encyclopedia articles about the syndrome and diagnostic tests for newborn babies"
    )
    assert shingles("take 2 tablets daily", 3) == {"take 2 tablets", "2 tablets daily"}
    # a different number is a different fact: "trisomy 13" vs "trisomy 18" share few 5-grams around the digit
    other = base.replace("13", "18")
    words = len(base.split())
    exact = len(shingles(base) & shingles(other)) / len(shingles(base) | shingles(other))
    assert exact < 0.85 and words > 20
    rows = [row(output=base), row(output=other), row(output=base + " today")]
    assert list(DedupFilter(fields=["output"], near=True).drop_reasons(rows)) == [None, None, "near duplicate"]
    # the threshold is the exact 5-gram Jaccard: just above it drops, just below keeps
    below, above = DedupFilter(["output"], True, exact - 0.01), DedupFilter(["output"], True, exact + 0.01)
    assert list(below.drop_reasons(rows[:2])) == [
        None,
        "near duplicate",
    ]
    assert list(above.drop_reasons(rows[:2])) == [None, None]
