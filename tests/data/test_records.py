import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import ValidationError

from medtune import ChatMessage, Conversation, ConversionError, InstructionRecord


def test_instruction_record_requires_output_and_a_prompt():
    with pytest.raises(ValidationError, match="output"):
        InstructionRecord.model_validate({"instruction": "x"})
    with pytest.raises(ValidationError, match="neither 'instruction' nor 'input'"):
        InstructionRecord.model_validate({"output": "y"})
    assert InstructionRecord.model_validate({"input": "q", "output": "a"}).instruction == ""


def test_wrong_types_are_rejected_not_coerced():
    with pytest.raises(ValidationError, match="valid string"):
        InstructionRecord.model_validate({"instruction": "x", "output": 123})
    with pytest.raises(ValidationError, match="Extra inputs"):
        InstructionRecord.model_validate({"instruction": "x", "output": "y", "typo": 1})


def test_conversation_turn_rules():
    ok = Conversation(messages=[{"role": "user", "content": "hi"}, {"role": "assistant", "content": "hello"}])
    assert ok.messages[0] == ChatMessage(role="user", content="hi")
    for bad, msg in [
        ([{"role": "user", "content": "a"}, {"role": "user", "content": "b"}], "last message"),
        ([{"role": "assistant", "content": "a"}, {"role": "assistant", "content": "b"}], "first non-system"),
        (
            [
                {"role": "user", "content": "a"},
                {"role": "system", "content": "s"},
                {"role": "assistant", "content": "b"},
            ],
            "only come first",
        ),
        ([{"role": "doctor", "content": "a"}, {"role": "assistant", "content": "b"}], "role"),
    ]:
        with pytest.raises(ValidationError, match=msg):
            Conversation(messages=bad)


def test_multi_turn_conversation_does_not_convert():
    conv = Conversation(
        messages=[
            {"role": "user", "content": "a"},
            {"role": "assistant", "content": "b"},
            {"role": "user", "content": "c"},
            {"role": "assistant", "content": "d"},
        ]
    )
    with pytest.raises(ConversionError, match="keep the dataset in chat layout"):
        conv.to_instruction()


def test_instruction_layouts_map_to_expected_roles():
    with_input = InstructionRecord(instruction="Be a doctor.", input="Cough?", output="Rest.")
    assert [m.role for m in with_input.to_conversation().messages] == ["system", "user", "assistant"]
    no_input = InstructionRecord(instruction="List three fruits.", output="Apple, pear, fig.")
    conv = no_input.to_conversation()
    assert [(m.role, m.content) for m in conv.messages] == [
        ("user", "List three fruits."),
        ("assistant", "Apple, pear, fig."),
    ]


text = st.text(max_size=40)


@given(instruction=text, input_=text, output=text, category=st.none() | text)
def test_instruction_to_chat_round_trip_is_lossless(instruction, input_, output, category):
    rec = InstructionRecord(
        instruction=instruction, input=input_, output=output, id="x", category=category, metadata={"k": [1, 2]}
    )
    assert InstructionRecord.from_conversation(rec.to_conversation()) == rec


@given(system=st.none() | text, user=text.filter(bool), assistant=text)
def test_single_turn_chat_round_trip_is_lossless(system, user, assistant):
    msgs = ([{"role": "system", "content": system}] if system is not None else []) + [
        {"role": "user", "content": user},
        {"role": "assistant", "content": assistant},
    ]
    conv = Conversation(messages=msgs, source="s")
    assert conv.to_instruction().to_conversation() == conv


def test_metadata_nan_becomes_null_and_infinity_is_refused():
    from medtune.data.records import InstructionRecord

    rec = InstructionRecord(instruction="q", output="a", metadata={"score": float("nan"), "tags": [1.5, float("nan")]})
    assert rec.metadata == {"score": None, "tags": [1.5, None]}  # written as null, not the non-standard NaN
    with pytest.raises(ValueError, match=r"nested.depth is inf, which JSON cannot hold.*Fix"):
        InstructionRecord(instruction="q", output="a", metadata={"nested": {"depth": float("inf")}})
