import pytest

from medtune import Conversation, Dataset, InstructionRecord
from medtune.errors import ConfigError, MedtuneError
from medtune.training.config import FormatConfig
from medtune.training.formatting import (
    ALPACA_CHAT_TEMPLATE,
    IGNORE_INDEX,
    alpaca_prompt,
    encode_record,
    ensure_pad_token,
    tokenize_dataset,
)

INSTRUCTION = "You are a careful medical assistant. Answer briefly."
QUESTION, ANSWER = "What treats strep throat?", "Penicillin for ten days."
RECORD = InstructionRecord(instruction=INSTRUCTION, input=QUESTION, output=ANSWER)


def trained(tok, ex):
    return [t for t, lab in zip(ex.input_ids, ex.labels) if lab != IGNORE_INDEX]


def test_alpaca_prompt_tokens_are_masked_and_the_reply_and_eos_are_trained(tokenizer):
    ex = encode_record(RECORD, tokenizer, FormatConfig())
    prompt = tokenizer(alpaca_prompt(INSTRUCTION, QUESTION), add_special_tokens=False)["input_ids"]
    reply = tokenizer(ANSWER, add_special_tokens=False)["input_ids"]
    assert ex.input_ids == prompt + reply + [tokenizer.eos_token_id]
    assert ex.labels == [IGNORE_INDEX] * len(prompt) + reply + [tokenizer.eos_token_id]
    assert ex.input_ids[-1] == ex.labels[-1] == tokenizer.eos_token_id  # EOS appended and trained
    assert tokenizer.decode(trained(tokenizer, ex)) == f"{ANSWER} </s>"
    assert not ex.truncated and ex.trained_tokens == len(reply) + 1


def test_alpaca_without_input_and_train_on_all(tokenizer):
    rec = InstructionRecord(instruction=QUESTION, output=ANSWER)
    ex = encode_record(rec, tokenizer, FormatConfig(train_on="all"))
    assert ex.labels == ex.input_ids
    assert tokenizer.decode(ex.input_ids).startswith("### Instruction: What treats strep throat? ### Response:")


def test_alpaca_chat_template_reproduces_the_training_prompt(tokenizer):
    tokenizer.chat_template = ALPACA_CHAT_TEMPLATE
    for rec in (RECORD, InstructionRecord(instruction=QUESTION, output=ANSWER)):
        msgs = [m.model_dump() for m in rec.to_conversation().messages]
        prompt = tokenizer.apply_chat_template(msgs[:-1], tokenize=False, add_generation_prompt=True)
        assert prompt == alpaca_prompt(rec.instruction, rec.input)
        full = tokenizer.apply_chat_template(msgs, tokenize=False)
        assert full == prompt + rec.output + tokenizer.eos_token


def test_chat_template_masks_everything_but_assistant_turns(tiny):
    tok = tiny.make_tokenizer([*tiny.all_texts(), "Thanks. Welcome."], chat_template=tiny.CHATML)
    conv = Conversation(
        messages=[
            {"role": "system", "content": INSTRUCTION},
            {"role": "user", "content": QUESTION},
            {"role": "assistant", "content": ANSWER},
            {"role": "user", "content": "Thanks."},
            {"role": "assistant", "content": "Welcome."},
        ]
    )
    ex = encode_record(conv, tok, FormatConfig(template="chat"))
    assert tok.decode(trained(tok, ex)) == f"{ANSWER} <|im_end|> Welcome. <|im_end|> </s>"
    masked = [t for t, lab in zip(ex.input_ids, ex.labels) if lab == IGNORE_INDEX]
    assert tok.convert_tokens_to_ids("Thanks.") in masked and tok.convert_tokens_to_ids("system") in masked
    assert ex.input_ids[-1] == tok.eos_token_id == ex.labels[-1]


def test_chatml_with_im_end_as_eos_appends_no_second_eos(tiny):
    tok = tiny.make_tokenizer(tiny.all_texts(), chat_template=tiny.CHATML, eos="<|im_end|>")
    ex = encode_record(RECORD.to_conversation(), tok, FormatConfig(template="chat"))
    assert ex.input_ids.count(tok.eos_token_id) == 3  # one per message, none appended
    assert ex.labels[-1] == ex.input_ids[-1] == tok.eos_token_id  # the reply's <|im_end|> is trained


def test_non_incremental_chat_template_is_an_error(tiny):
    tok = tiny.make_tokenizer(
        tiny.all_texts(),
        chat_template="{% for m in messages %}{% if loop.last %}LAST {% endif %}{{ m['content'] }} {% endfor %}",
    )
    with pytest.raises(ConfigError, match="incrementally"):
        encode_record(RECORD, tok, FormatConfig(template="chat"))
    with pytest.raises(ConfigError, match="no chat template"):
        encode_record(RECORD, tiny.make_tokenizer(tiny.all_texts()), FormatConfig(template="chat"))


def test_multi_turn_with_alpaca_is_an_error(tokenizer):
    conv = Conversation(
        messages=[
            {"role": "user", "content": "a"},
            {"role": "assistant", "content": "b"},
            {"role": "user", "content": "c"},
            {"role": "assistant", "content": "d"},
        ]
    )
    with pytest.raises(ConfigError, match="use template: chat"):
        encode_record(conv, tokenizer, FormatConfig())


def test_truncation_is_counted_or_rejected_never_silent(tokenizer):
    prompt_len = len(tokenizer(alpaca_prompt(INSTRUCTION, QUESTION))["input_ids"])
    long_answer = " ".join(["Penicillin"] * 40)
    ds = Dataset.from_records(
        [
            {"instruction": INSTRUCTION, "input": QUESTION, "output": ANSWER, "id": "short"},
            {"instruction": INSTRUCTION, "input": QUESTION, "output": long_answer, "id": "long"},
        ]
    )
    fmt = FormatConfig(max_seq_length=prompt_len + 10)
    hf, report = tokenize_dataset(ds, tokenizer, fmt)
    assert (report.examples, report.kept, report.truncated, report.rejected) == (2, 2, 1, [])
    assert max(len(x) for x in hf["input_ids"]) == prompt_len + 10 == report.max_length
    assert "1 truncated to" in report.summary()

    hf, report = tokenize_dataset(ds, tokenizer, fmt.model_copy(update={"truncation": "reject"}))
    assert report.kept == 1 and len(hf) == 1 and report.truncated == 0
    assert report.rejected[0]["id"] == "long" and "over format.max_seq_length" in report.rejected[0]["reason"]


def test_an_example_with_no_trained_token_is_rejected(tokenizer):
    prompt_len = len(tokenizer(alpaca_prompt(INSTRUCTION, QUESTION))["input_ids"])
    ds = Dataset.from_records([{"instruction": INSTRUCTION, "input": QUESTION, "output": ANSWER, "id": "x"}] * 2)
    with pytest.raises(MedtuneError, match="all 2 examples were rejected.*no trained token"):
        tokenize_dataset(ds, tokenizer, FormatConfig(max_seq_length=prompt_len))
    # with loss on everything the same example keeps trained (prompt) tokens
    _, report = tokenize_dataset(ds, tokenizer, FormatConfig(max_seq_length=prompt_len, train_on="all"))
    assert report.kept == 2 and report.truncated == 2


def test_pad_token_is_never_eos(tiny):
    tok = tiny.make_tokenizer(tiny.all_texts())
    tok.pad_token = tok.eos_token
    assert "UNK" in ensure_pad_token(tok) and tok.pad_token == "<unk>" != tok.eos_token

    tok = tiny.make_tokenizer(tiny.all_texts(), pad=True)
    assert "own" in ensure_pad_token(tok) and tok.pad_token == "<pad>"

    tok = tiny.make_tokenizer(tiny.all_texts(), unk=False)
    tok.pad_token = tok.eos_token
    model = tiny.make_model(len(tok))
    note = ensure_pad_token(tok, model)
    assert "added" in note and tok.pad_token == "<|pad|>" and tok.pad_token_id != tok.eos_token_id
    assert model.get_input_embeddings().weight.shape[0] == len(tok)


def test_a_tokenizer_without_eos_is_an_error(tiny):
    tok = tiny.make_tokenizer(tiny.all_texts())
    tok.eos_token = None
    with pytest.raises(ConfigError, match="no EOS token"):
        ensure_pad_token(tok)


def test_auto_template_is_chat_for_a_tokenizer_with_its_own_chat_template(tiny):
    tok = tiny.make_tokenizer(tiny.all_texts(), chat_template=tiny.CHATML)
    auto = encode_record(RECORD, tok, FormatConfig())
    assert auto.input_ids == encode_record(RECORD, tok, FormatConfig(template="chat")).input_ids
    assert auto.input_ids != encode_record(RECORD, tok, FormatConfig(template="alpaca")).input_ids
    _, report = tokenize_dataset(Dataset.from_records([RECORD]), tok, FormatConfig())
    assert report.template == "chat"


def test_auto_template_is_alpaca_without_a_chat_template_or_with_medtunes_alpaca_one(tokenizer):
    tokenizer.chat_template = None
    alpaca = encode_record(RECORD, tokenizer, FormatConfig(template="alpaca")).input_ids
    assert encode_record(RECORD, tokenizer, FormatConfig()).input_ids == alpaca
    tokenizer.chat_template = ALPACA_CHAT_TEMPLATE  # what an Alpaca fine-tune saves: train on it as Alpaca again
    _, report = tokenize_dataset(Dataset.from_records([RECORD]), tokenizer, FormatConfig())
    assert report.template == "alpaca"
