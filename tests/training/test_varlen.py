"""Padding-free attention: medtune's varlen kernel wrapper and its installation into Unsloth's dispatch.

The CUDA kernel itself is checked on a GPU by ``benchmarks/train_throughput.py run --modes varlen_check`` (results in
docs/benchmarks.md). Here a reference implementation stands in for the ATen operators, so what is tested is
medtune's side: the arguments it passes, what it saves for the backward pass and the order of the gradients.
"""

import itertools
import sys
import types

import pytest

torch = pytest.importorskip("torch")

from medtune.training import varlen  # noqa: E402

LENGTHS = [3, 7, 1, 5]
HEADS, KV_HEADS, DIM = 4, 2, 8


def _segments(cu):
    bounds = cu.tolist()
    return list(itertools.pairwise(bounds))


def _reference(q, k, v, cu, *, causal, scale):
    """Per-segment attention, (total, heads, dim) in and out; grouped-query heads expanded."""
    group = q.shape[1] // k.shape[1]
    outs = []
    for start, end in _segments(cu):
        qs, ks, vs = (x[start:end].transpose(0, 1) for x in (q, k, v))
        ks, vs = ks.repeat_interleave(group, 0), vs.repeat_interleave(group, 0)
        outs.append(
            torch.nn.functional.scaled_dot_product_attention(qs, ks, vs, is_causal=causal, scale=scale).transpose(0, 1)
        )
    return torch.cat(outs)


class FakeAten:
    """ATen's flash varlen operators, computed by per-segment SDPA on the CPU; records what it was called with."""

    def __init__(self):
        self.calls = []

    def _flash_attention_forward(self, q, k, v, cu_q, cu_k, max_q, max_k, dropout, causal, debug, **kw):
        self.calls.append(("forward", max_q, max_k, dropout, causal, kw))
        assert torch.equal(cu_q, cu_k)
        out = _reference(q, k, v, cu_q, causal=causal, scale=kw["scale"])
        return out, torch.zeros(1), torch.zeros(2), torch.zeros(1), torch.zeros(0)

    def _flash_attention_backward(self, grad, q, k, v, out, lse, cu_q, cu_k, max_q, max_k, dropout, causal, *a, **kw):
        self.calls.append(("backward", max_q, max_k, dropout, causal, kw))
        leaves = [x.detach().requires_grad_() for x in (q, k, v)]
        with torch.enable_grad():
            again = _reference(*leaves, cu_q, causal=causal, scale=kw["scale"])
        assert torch.allclose(again, out)  # the forward's output was saved, not something else
        return torch.autograd.grad(again, leaves, grad)


@pytest.fixture
def fake(monkeypatch):
    aten = FakeAten()
    monkeypatch.setattr(varlen, "_aten", lambda: aten)
    return aten


def _inputs(seed=0):
    gen = torch.Generator().manual_seed(seed)
    total = sum(LENGTHS)
    q, k, v = (torch.randn(total, h, DIM, generator=gen, requires_grad=True) for h in (HEADS, KV_HEADS, KV_HEADS))
    cu = torch.tensor([0, *torch.tensor(LENGTHS).cumsum(0).tolist()], dtype=torch.int32)
    return q, k, v, cu


@pytest.mark.parametrize("scale", [None, 0.5])
def test_wrapper_matches_per_segment_causal_attention_forward_and_backward(fake, scale):
    q, k, v, cu = _inputs()
    grad = torch.randn(sum(LENGTHS), HEADS, DIM, generator=torch.Generator().manual_seed(1))
    out = varlen.flash_varlen_attention(
        q, k, v, cu, None, max(LENGTHS), max(LENGTHS), scale=scale, window_size=(-1, 0), enable_gqa=True
    )
    out.backward(grad)
    got = [out.detach(), q.grad, k.grad, v.grad]

    q2, k2, v2, _ = _inputs()
    expected_out = _reference(q2, k2, v2, cu, causal=True, scale=scale)
    expected_out.backward(grad)
    for a, b in zip(got, [expected_out.detach(), q2.grad, k2.grad, v2.grad]):
        assert torch.allclose(a, b, atol=1e-5)
    # one forward and one backward kernel call, causal, no dropout, the window and scale passed through
    assert [c[:5] for c in fake.calls] == [
        ("forward", 7, 7, 0.0, True),
        ("backward", 7, 7, 0.0, True),
    ]
    assert fake.calls[0][5] == {"scale": scale, "window_size_left": -1, "window_size_right": 0}


def test_each_token_sees_only_its_own_segment(fake):
    q, k, v, cu = _inputs()
    out = varlen.flash_varlen_attention(q, k, v, cu, cu, 7, 7, window_size=(-1, 0))
    first = _segments(cu)[1]
    v2 = v.detach().clone()
    v2[: first[0]] += 100.0  # change every earlier segment's values: a later segment must not notice
    again = varlen.flash_varlen_attention(q.detach(), k.detach(), v2, cu, cu, 7, 7, window_size=(-1, 0))
    assert torch.allclose(out[first[0] :].detach(), again[first[0] :])
    assert not torch.allclose(out[: first[0]].detach(), again[: first[0]])


def test_full_window_is_not_causal(fake):
    q, k, v, cu = _inputs()
    varlen.flash_varlen_attention(q, k, v, cu, cu, 7, 7, window_size=(-1, -1))
    assert fake.calls[-1][4] is False


def _dispatch(monkeypatch, **attrs):
    module = types.ModuleType(varlen._DISPATCH)
    for key, value in attrs.items():
        setattr(module, key, value)
    monkeypatch.setitem(sys.modules, varlen._DISPATCH, module)
    return module


def test_installs_into_unsloth_only_when_it_has_no_varlen_kernel(monkeypatch):
    monkeypatch.delitem(sys.modules, varlen._DISPATCH, raising=False)
    assert varlen.install_unsloth_varlen()[0] is False  # no unsloth loaded

    monkeypatch.setattr(varlen, "_flash_available", lambda torch: True)
    module = _dispatch(monkeypatch, HAS_FLASH_ATTENTION=False, _TORCH_VARLEN_ATTN=None, _LEAN_VARLEN=False)
    fast, kernel = varlen.install_unsloth_varlen()
    assert fast and "installed by medtune" in kernel
    assert module._TORCH_VARLEN_ATTN is varlen.flash_varlen_attention and module._LEAN_VARLEN is False
    assert varlen.install_unsloth_varlen() == (fast, kernel)  # idempotent

    def torch_varlen(*a, **kw):
        raise AssertionError("not called")

    module = _dispatch(monkeypatch, HAS_FLASH_ATTENTION=False, _TORCH_VARLEN_ATTN=torch_varlen, _LEAN_VARLEN=True)
    assert varlen.install_unsloth_varlen() == (True, "torch.nn.attention.varlen (unsloth)")
    assert module._TORCH_VARLEN_ATTN is torch_varlen and module._LEAN_VARLEN is True  # left alone

    module = _dispatch(monkeypatch, HAS_FLASH_ATTENTION=True, _TORCH_VARLEN_ATTN=None)
    assert varlen.install_unsloth_varlen() == (True, "the flash-attn package's varlen kernel (unsloth)")
    assert module._TORCH_VARLEN_ATTN is None

    module = _dispatch(monkeypatch, HAS_FLASH_ATTENTION=False, HAS_XFORMERS=True, _TORCH_VARLEN_ATTN=None)
    assert varlen.install_unsloth_varlen() == (True, "xformers' block-diagonal attention (unsloth)")
    assert module._TORCH_VARLEN_ATTN is None


def test_without_flash_attention_nothing_is_installed_and_padding_free_would_be_slow(monkeypatch):
    module = _dispatch(monkeypatch, HAS_FLASH_ATTENTION=False, _TORCH_VARLEN_ATTN=None)
    fast, kernel = varlen.install_unsloth_varlen()  # this CPU machine has no CUDA flash attention
    assert fast is False and "per-segment" in kernel
    assert module._TORCH_VARLEN_ATTN is None
    assert varlen._flash_available(torch) is False
