"""Answers that loop: detection, cutting, and the stream guard (medtune.models.loops)."""

import pytest

from medtune.models.loops import LoopGuard, loops, trim_loop

LOOP = "Asthma is a condition in which the airways narrow and swell. "


def test_a_run_of_eight_words_three_times_is_a_loop_twice_is_not():
    assert loops(LOOP * 3) and not loops(LOOP * 2)
    assert not loops("Rest and fluids help. " * 3)  # a 4-word sentence: no 8-word run repeats three times
    assert loops("Rest. " * 30)
    assert not loops("")


def test_trim_keeps_the_text_before_the_repetition_once():
    opening = "Wheezing can have several causes. "
    assert trim_loop(opening + LOOP * 5) == (opening + LOOP).strip()
    assert trim_loop(LOOP * 2) == LOOP * 2  # not a loop: unchanged, spaces and all
    assert trim_loop("line one\n\n" + "same words again and again here now ok\n" * 3).startswith("line one")
    assert not loops(trim_loop(opening + LOOP * 9))


@pytest.mark.parametrize("size", [1, 3, 7, 50])
def test_the_stream_guard_sees_words_split_across_pieces(size):
    text = "Short intro. " + LOOP * 4
    pieces = [text[i : i + size] for i in range(0, len(text), size)]
    guard = LoopGuard()
    fired = [guard.feed(p) for p in pieces]
    assert any(fired) and fired.index(True) > 0
    assert all(fired[fired.index(True) :])  # once looped, it stays looped
    consumed = "".join(pieces[: fired.index(True) + 1])
    assert loops(consumed)  # it fires no later than the text loops...
    assert not loops("".join(pieces[: fired.index(True)]).rsplit(" ", 1)[0])  # ...and not before
    assert guard.text() == trim_loop(guard.raw()) == ("Short intro. " + LOOP).strip()


def test_the_guard_never_fires_on_text_that_does_not_loop():
    guard = LoopGuard()
    assert not any(guard.feed(w + " ") for w in ("Rest, drink fluids and take paracetamol if needed. " * 2).split())
    assert guard.text() == guard.raw()
