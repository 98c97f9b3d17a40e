"""Files medtune writes and reads back: the output guard, atomic writes, JSON Lines and the model-output cache.

Nothing here knows about models, cleaning or training, so every stage can import it.
"""

from medtune.io.cache import cache_key, read_cache
from medtune.io.files import atomic_output, atomic_write_text, check_outputs
from medtune.io.jsonl import write_jsonl

__all__ = ["atomic_output", "atomic_write_text", "cache_key", "check_outputs", "read_cache", "write_jsonl"]
