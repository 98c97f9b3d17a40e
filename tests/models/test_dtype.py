"""The one dtype rule: training, evaluation and serving all turn ``auto`` into the same dtype."""

import pytest

from medtune.errors import ConfigError
from medtune.models import DTYPES, auto_dtype_name, resolve_device, resolve_dtype


@pytest.mark.parametrize(
    ("device", "bf16", "expected"),
    [
        ("cuda", True, "bfloat16"),
        ("cuda:1", True, "bfloat16"),
        ("cuda", False, "float16"),
        ("cpu", True, "float32"),
        ("cpu", False, "float32"),
        ("mps", True, "float32"),
    ],
)
def test_auto_means_one_thing_everywhere(device, bf16, expected):
    assert auto_dtype_name(device, bf16_supported=bf16) == expected


def test_resolve_dtype_on_cpu_and_by_name():
    torch = pytest.importorskip("torch")
    assert resolve_dtype("auto", "cpu") is torch.float32
    for name in DTYPES[1:]:
        assert resolve_dtype(name, "cpu") is getattr(torch, name)


def test_an_unknown_dtype_names_the_choices():
    with pytest.raises(ConfigError, match="dtype 'fp8' is not supported. Fix: use one of auto, float32"):
        resolve_dtype("fp8", "cpu")


def test_resolve_device_keeps_an_explicit_device():
    assert resolve_device("cpu") == "cpu"
    assert resolve_device("cuda:3") == "cuda:3"


def test_every_stage_uses_the_rule():
    """No stage keeps a dtype rule of its own: the only ``is_bf16_supported`` call is in medtune.models.dtype."""
    from pathlib import Path

    import medtune

    src = Path(medtune.__file__).parent
    users = sorted(
        str(p.relative_to(src)) for p in src.rglob("*.py") if "is_bf16_supported" in p.read_text(encoding="utf-8")
    )
    assert users == ["models/dtype.py"]
