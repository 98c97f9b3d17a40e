import pytest

from medtune.errors import ConfigError
from medtune.models.engine import choose_engine, generate_ids

torch = pytest.importorskip("torch")


@pytest.fixture(scope="module")
def lm():
    from medtune import Dataset, sample_path
    from medtune.testing import tiny_bpe_tokenizer, tiny_llama

    records = list(Dataset.load(sample_path("medical")))
    tok = tiny_bpe_tokenizer([r.instruction + " " + r.output for r in records], vocab_size=400)
    model = tiny_llama(len(tok), bos_token_id=tok.bos_token_id, eos_token_id=tok.eos_token_id).eval()
    prompts = [tok(r.input)["input_ids"][: 5 + 7 * i] for i, r in enumerate(records[:6])]  # lengths 5 .. 40
    return model, tok, prompts


def _one_by_one(model, prompts, new, stop):
    out = []
    for p in prompts:
        with torch.no_grad():
            seq = model.generate(torch.tensor([p]), max_new_tokens=new, do_sample=False, pad_token_id=3)[0, len(p) :]
        seq = seq.tolist()
        out.append(seq[: next((i for i, t in enumerate(seq) if t in stop), len(seq))])
    return out


def test_greedy_answers_are_the_same_from_both_engines_and_from_plain_generate(lm):
    model, _, prompts = lm
    want = _one_by_one(model, prompts, 10, set())
    # a stop token that ends some answers early: the second token of the first answer
    stop = [want[0][1]]
    want = _one_by_one(model, prompts, 10, set(stop))
    assert any(len(w) < 10 for w in want) and any(len(w) == 10 for w in want)
    decoding = {"max_new_tokens": 10, "do_sample": False}
    cont, used = generate_ids(model, prompts, decoding, stop_ids=stop, pad_id=3, batch_size=4, engine="continuous")
    assert used == "continuous" and cont == want
    batched, used = generate_ids(model, prompts, decoding, stop_ids=stop, pad_id=3, batch_size=4, engine="batched")
    assert used == "batched" and batched == want
    auto, used = generate_ids(model, prompts, decoding, stop_ids=stop, pad_id=3, batch_size=2)
    assert used == "batched" and auto == want  # auto: the path measured faster today
    # static cache: widths rounded up and the last batch (2 of 4) filled up; the answers are still the same
    static, used = generate_ids(model, prompts, decoding, stop_ids=stop, pad_id=3, batch_size=4, engine="static")
    assert used == "static" and static == want


def test_sampling_and_repetition_penalty_go_to_the_batched_engine(lm):
    model, _, _ = lm
    assert choose_engine(model, {"do_sample": True}) == "batched"
    assert choose_engine(model, {"do_sample": False, "repetition_penalty": 1.2}) == "batched"
    assert choose_engine(model, {"do_sample": False}) == "batched"
    assert choose_engine(model, {"do_sample": False}, "continuous") == "continuous"
    assert choose_engine(model, {"do_sample": False, "min_new_tokens": 8}) == "batched"
    with pytest.raises(ConfigError, match="cannot run here: min_new_tokens"):
        choose_engine(model, {"do_sample": False, "min_new_tokens": 8}, "continuous")
    with pytest.raises(ConfigError, match="engine 'continuous' cannot run here: sampling"):
        choose_engine(model, {"do_sample": True}, "continuous")
    with pytest.raises(ConfigError, match="unknown generation engine 'fast'"):
        choose_engine(model, {}, "fast")


def test_auto_picks_static_only_for_a_compilable_model_on_cuda(lm):
    model = lm[0]
    assert model._can_compile_fullgraph  # a plain Llama: only the device keeps 'auto' off 'static' here
    assert choose_engine(model, {"do_sample": False}) == "batched"

    class Param:
        device = torch.device("cuda")

    class CudaModel:
        _can_compile_fullgraph = True

        def parameters(self):
            yield Param()

    assert choose_engine(CudaModel(), {"do_sample": True}) == "static"
    CudaModel._can_compile_fullgraph = False
    assert choose_engine(CudaModel(), {"do_sample": False}) == "batched"
    peft_like = type("PeftModelForCausalLM", (CudaModel,), {"__module__": "peft.peft_model"})
    peft_like._can_compile_fullgraph = True
    assert choose_engine(peft_like(), {}) == "batched"


def test_auto_falls_back_to_batched_when_the_static_engine_fails(lm, monkeypatch, caplog):
    import medtune.models.engine as engine

    model, _, prompts = lm
    decoding = {"max_new_tokens": 4, "do_sample": False}
    want, _ = generate_ids(model, prompts, decoding, stop_ids=[], pad_id=3, batch_size=4, engine="batched")

    def broken(*args, **kwargs):
        raise RuntimeError("compilation failed")

    monkeypatch.setattr(engine, "_static", broken)
    monkeypatch.setattr(engine, "static_compiles", lambda m: True)
    got, used = generate_ids(model, prompts, decoding, stop_ids=[], pad_id=3, batch_size=4)
    assert (got, used) == (want, "batched")
    assert "static engine failed" in caplog.text
    with pytest.raises(RuntimeError, match="compilation failed"):  # asked for by name: the error is the user's to see
        generate_ids(model, prompts, decoding, stop_ids=[], pad_id=3, batch_size=4, engine="static")


def test_seeded_sampling_repeats(lm):
    model, _, prompts = lm
    decoding = {"max_new_tokens": 6, "do_sample": True, "temperature": 1.0, "top_k": 0}
    runs = []
    for _ in range(2):
        torch.manual_seed(7)
        runs.append(generate_ids(model, prompts, decoding, stop_ids=[], pad_id=3, batch_size=3)[0])
    assert runs[0] == runs[1]


def test_no_prompts_no_work(lm):
    model, _, _ = lm
    assert generate_ids(model, [], {"max_new_tokens": 3}, stop_ids=[], pad_id=0) == ([], "batched")
