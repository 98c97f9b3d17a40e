"""Names that belong to a domain term: the record's term words, spans made of them, spans with term endings."""

import re

from medtune.cleaning.eponyms import defined_acronyms, is_shaped_term, is_term_span, term_words

HEADS = frozenset({"disease", "syndrome", "leiden", "biopsy"})
VOCAB = frozenset({"heart", "has", "and", "kidney", "the", "what", "causes", "factor"})


def test_term_words_are_the_capitalised_words_before_a_head_in_any_string_of_the_record():
    texts = ["What causes Tay-Sachs?", "Tay-Sachs disease and Jervell and Lange-Nielsen syndrome", "Factor V Leiden"]
    assert term_words(texts, HEADS, VOCAB) == {
        "tay-sachs",
        "tay",
        "sachs",
        "lange-nielsen",
        "lange",
        "nielsen",
        "jervell",
        "v",
    }


def test_up_to_two_adjectives_may_stand_between_the_eponym_and_its_head():
    texts = ["Duchenne muscular dystrophy", "Meesmann corneal disease", "Anna for heart disease", "Ann Lee has disease"]
    assert term_words(texts, HEADS | {"dystrophy"}, VOCAB | {"for"}) == {"duchenne", "meesmann"}


def test_a_vocabulary_word_a_sentence_end_or_a_title_stops_the_run():
    texts = ["JOHN HAS HEART DISEASE", "Seen by Maria Lopez. Syndrome unclear.", "Dr. Wilson disease clinic"]
    assert term_words(texts, HEADS, VOCAB) == frozenset()


def test_no_heads_no_terms():
    assert term_words(["Wilson disease"], frozenset(), VOCAB) == frozenset()
    assert not is_term_span("Wilson disease", 0, 6, frozenset(), frozenset(), VOCAB)


def test_a_span_of_term_words_heads_and_vocabulary_is_a_term_unless_a_title_precedes_it():
    text = "What causes Tay-Sachs? Kidney Biopsy. Ask Dr. Tay-Sachs. Anna Tay-Sachs"
    words = frozenset({"tay-sachs"})
    spans = {m.group(): m.span() for m in re.finditer(r"Tay-Sachs|Kidney Biopsy|Anna Tay-Sachs", text)}
    assert is_term_span(text, *spans["Kidney Biopsy"], words, HEADS, VOCAB)
    assert is_term_span(text, 12, 21, words, HEADS, VOCAB)
    assert not is_term_span(text, 46, 55, words, HEADS, VOCAB)  # "Dr. Tay-Sachs"
    assert not is_term_span(text, *spans["Anna Tay-Sachs"], words, HEADS, VOCAB)  # "anna" is no term word


def test_shaped_terms_need_one_long_word_with_a_term_ending():
    shape = re.compile(r"(?:pathy|iasis|trophy|oma)$")
    text = "Polyendocrinopathy-Candidiasis Dystrophy; Paloma; Mr. Candidiasis"
    assert is_shaped_term(text, 0, 40, shape, VOCAB)
    assert not is_shaped_term(text, 42, 48, shape, VOCAB)  # short: a name as often as not
    assert not is_shaped_term(text, 54, 65, shape, VOCAB)  # after a title
    assert not is_shaped_term(text, 0, 40, None, VOCAB)


def test_punctuation_alone_before_a_head_ends_the_run():
    assert term_words(['see ( " disease', '"( Wilson disease', "disease"], HEADS, VOCAB) == {"wilson"}


def test_acronyms_that_the_record_spells_out_are_terms_even_without_heads():
    texts = [
        "Langerhans cell histiocytosis (LCH) is rare.",
        "Children with LCH and GISTs (gastrointestinal stromal tumors)",
    ]
    words = defined_acronyms(texts)
    assert words == {"lch"}
    assert is_term_span(texts[1], 14, 17, words, frozenset(), VOCAB)
    assert not is_term_span(texts[1], 22, 27, words, frozenset(), VOCAB)  # GISTs: defined the other way round


def test_initials_of_a_name_define_no_acronym():
    assert defined_acronyms(["Seen by John Smith (JSM) today", "Ann Lee (AL)", "no brackets at all"]) == frozenset()
