import pytest

from medtune.errors import ConfigError
from medtune.export.gotemplate import render_go_template
from medtune.export.ollama import PROBE_CONVERSATIONS, OllamaTemplate, modelfile_text, ollama_template
from medtune.models.prompts import ALPACA_CHAT_TEMPLATE
from medtune.testing import CHATML_TEMPLATE, tiny_bpe_tokenizer

pytest.importorskip("transformers")

SMOL_TEMPLATE = (
    "{% for message in messages %}{% if loop.first and messages[0]['role'] != 'system' %}"
    "{{ '<|im_start|>system\\nYou are a helpful AI assistant named SmolLM, trained by Hugging Face<|im_end|>\\n' }}"
    "{% endif %}{{'<|im_start|>' + message['role'] + '\\n' + message['content'] + '<|im_end|>' + '\\n'}}{% endfor %}"
    "{% if add_generation_prompt %}{{ '<|im_start|>assistant\\n' }}{% endif %}"
)
LLAMA3_TEMPLATE = (
    "{% for message in messages %}{% set content = '<|start_header_id|>' + message['role'] + '<|end_header_id|>\\n\\n'"
    " + message['content'] + '<|eot_id|>' %}{% if loop.index0 == 0 %}{% set content = bos_token + content %}{% endif %}"
    "{{ content }}{% endfor %}{% if add_generation_prompt %}{{ '<|start_header_id|>assistant<|end_header_id|>\\n\\n' }}"
    "{% endif %}"
)


def _tok(template):
    return tiny_bpe_tokenizer(["a b c"], vocab_size=270, chat_template=template)


@pytest.mark.parametrize(
    ("template", "family"),
    [
        (CHATML_TEMPLATE, "chatml"),
        (SMOL_TEMPLATE, "chatml"),
        (ALPACA_CHAT_TEMPLATE, "alpaca"),
        (LLAMA3_TEMPLATE, "llama3"),
    ],
)
def test_the_go_template_renders_what_the_chat_template_renders(template, family):
    tok = _tok(template)
    found, checks = ollama_template(tok)
    assert found.family == family and len(checks) == len(PROBE_CONVERSATIONS) and all(c["same"] for c in checks)
    # the comparison is real: render a fresh conversation both ways
    conv = [
        {"role": "system", "content": "Sys"},
        {"role": "user", "content": "Q1"},
        {"role": "assistant", "content": "A1"},
        {"role": "user", "content": "Q2"},
    ]
    jinja = tok.apply_chat_template(conv, tokenize=False, add_generation_prompt=True)
    go = render_go_template(found.template, {"Messages": [{"Role": m["role"], "Content": m["content"]} for m in conv]})
    assert go == jinja


def test_smollm2_default_system_message_is_kept_when_a_conversation_has_none():
    found, _ = ollama_template(_tok(SMOL_TEMPLATE))
    out = render_go_template(found.template, {"Messages": [{"Role": "user", "Content": "hi"}]})
    assert out.startswith("<|im_start|>system\nYou are a helpful AI assistant named SmolLM") and out.endswith(
        "<|im_start|>assistant\n"
    )


def test_alpaca_stops_keep_instruction_headers_out_of_answers():
    found, _ = ollama_template(_tok(ALPACA_CHAT_TEMPLATE))
    assert found.stops[0] == "<|im_end|>" and "### Instruction:" in found.stops and "### Input:" in found.stops


def test_unknown_or_missing_chat_template_is_refused():
    with pytest.raises(ConfigError, match="no Ollama template medtune knows"):
        ollama_template(_tok("{% for m in messages %}<<{{ m['content'] }}>>{% endfor %}"))
    tok = _tok(CHATML_TEMPLATE)
    tok.chat_template = None
    with pytest.raises(ConfigError, match="no chat template"):
        ollama_template(tok)


def test_modelfile_lines_and_quoting():
    t = OllamaTemplate("chatml", "{{ .Content }}", ("<|im_end|>", 'say "hi"'))
    text = modelfile_text("m-q8_0.gguf", t, system_prompt="Line 1\nLine 2", parameters={"num_ctx": 2048})
    lines = text.splitlines()
    assert lines[1] == "FROM ./m-q8_0.gguf" and 'PARAMETER stop "say \\"hi\\""' in lines
    assert "PARAMETER num_ctx 2048" in lines and text.endswith('SYSTEM """Line 1\nLine 2"""\n')
    assert "SYSTEM" not in modelfile_text("m.gguf", t, system_prompt=None)
    with pytest.raises(ConfigError, match='contains """'):
        modelfile_text("m.gguf", t, system_prompt='a """ b')


def test_a_tokenizer_that_adds_bos_itself_gets_a_template_without_it():
    from tokenizers import processors

    tok = _tok(LLAMA3_TEMPLATE)
    tok._tokenizer.post_processor = processors.TemplateProcessing(
        single="<|endoftext|> $A", special_tokens=[("<|endoftext|>", 0)]
    )
    assert tok("x")["input_ids"][0] == tok.bos_token_id
    found, checks = ollama_template(tok)
    assert found.family == "llama3" and not found.template.startswith("<|endoftext|>")
    assert checks[0]["ollama"].startswith("<|start_header_id|>user")
