"""Safe output files: one guard for every output path, and atomic writes.

:func:`check_outputs` refuses, before any work starts, an output that is one of the inputs or another output, an
existing directory, a special file (a device, a FIFO, a socket) or a path in a directory that cannot be written.
:func:`atomic_output` and :func:`atomic_write_text` write through a temporary file in the same directory (fsync,
rename, fsync of the directory), so that a reader never sees a half-written file under its final name; a failed
write removes its temporary file, and the temporary files of writers that died are removed by the next write.
"""

from __future__ import annotations

import contextlib
import os
import stat
import time
import uuid
from collections.abc import Iterator, Mapping
from os import PathLike
from pathlib import Path

from medtune.errors import ConfigError

__all__ = ["atomic_output", "atomic_write_text", "check_outputs"]

PathArg = str | PathLike[str]


def _kind(path: Path) -> str | None:
    """What ``path`` is when it exists and is not a regular file ("a directory", "a FIFO"…), else None."""
    try:
        mode = path.stat().st_mode
    except (FileNotFoundError, NotADirectoryError):
        return None
    except OSError as exc:
        return f"unreadable ({exc.strerror})"
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return "a directory"
    if stat.S_ISFIFO(mode):
        return "a FIFO"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"  # pragma: no cover - other file types


def _same(a: Path, b: Path) -> bool:
    """Whether two paths name the same file (the same inode when both exist, else the same absolute path)."""
    try:
        return os.path.samefile(a, b)
    except OSError:
        return a.resolve() == b.resolve()


def check_outputs(
    outputs: Mapping[str, PathArg | None],
    inputs: Mapping[str, PathArg | None] | None = None,
    *,
    directories: frozenset[str] = frozenset(),
) -> None:
    """Refuse unsafe output paths before any work: raise :class:`~medtune.errors.ConfigError` naming the flag.

    Args:
        outputs: Flag or field name -> output path (``None`` entries are skipped), e.g. ``{"--rejects": path}``.
        inputs: Flag or field name -> input path; no output may be one of them (or, for a directory input, inside
            it is allowed: only the same file is refused).
        directories: Names of ``outputs`` that are directories (``data split -o``): they may exist as directories
            but not as files.

    Raises:
        ConfigError: An output equals an input or another output, is an existing directory (or, for a directory
            output, an existing file), a special file, or lies in a directory that cannot be written.

    Example:
        >>> import tempfile, pathlib
        >>> d = pathlib.Path(tempfile.mkdtemp())
        >>> check_outputs({"-o": d / "c.jsonl", "--rejects": d / "c.jsonl"})  # doctest: +ELLIPSIS
        Traceback (most recent call last):
        ...
        medtune.errors.ConfigError: --rejects ... is the same file as -o .... Fix: give each output its own path.
    """
    outs = [(name, Path(p)) for name, p in outputs.items() if p is not None]
    ins = [(name, Path(p)) for name, p in (inputs or {}).items() if p is not None]
    for i, (name, path) in enumerate(outs):
        for in_name, in_path in ins:
            if _same(path, in_path):
                raise ConfigError(
                    f"{name} {str(path)!r} is the input {in_name}: writing it would destroy the data being read. "
                    "Fix: write to another path."
                )
        for other_name, other in outs[:i]:
            if _same(path, other):
                raise ConfigError(
                    f"{name} {str(path)!r} is the same file as {other_name} {str(other)!r}. "
                    "Fix: give each output its own path."
                )
        kind = _kind(path)
        if name in directories:
            if path.exists() and kind != "a directory":
                raise ConfigError(
                    f"{name} {str(path)!r} is an existing file, not a directory. Fix: name a directory (it is "
                    "created if missing)."
                )
        elif kind is not None:
            raise ConfigError(
                f"{name} {str(path)!r} is {kind}; medtune writes regular files only. Fix: name a file path."
            )
        _check_parent(name, path)


def _check_parent(name: str, path: Path) -> None:
    """The nearest existing ancestor of ``path`` must be a writable directory."""
    parent = path.parent
    while not parent.exists() and parent != parent.parent:
        parent = parent.parent
    if not parent.is_dir():
        raise ConfigError(f"{name} {str(path)!r}: {str(parent)!r} is a file, not a directory. Fix: fix the path.")
    if not os.access(parent, os.W_OK | os.X_OK):
        raise ConfigError(
            f"{name} {str(path)!r}: the directory {str(parent)!r} is not writable. "
            "Fix: choose a writable directory or fix its permissions."
        )


def _fsync_dir(directory: Path) -> None:
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:  # pragma: no cover - platforms without directory fds (Windows)
        return
    try:
        os.fsync(fd)
    except OSError:  # pragma: no cover
        pass
    finally:
        os.close(fd)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # pragma: no cover - another user's process
        return True
    return True


#: A legacy temporary file (``NAME.tmp``, written by medtune before 0.1) untouched for this long is a leftover.
LEGACY_TMP_AGE_S = 60.0


def _sweep(path: Path) -> None:
    """Remove temporary files of ``path`` left by writers that died (``kill -9``, power loss).

    Ours are named ``.NAME.tmp-PID-…`` and go when their process is gone. Earlier versions wrote ``NAME.tmp`` with no
    process id; such a file goes once it has not been written to for :data:`LEGACY_TMP_AGE_S` seconds.
    """
    for tmp in path.parent.glob(f".{path.name}.tmp-*"):
        pid = tmp.name.rsplit(".tmp-", 1)[1].split("-", 1)[0]
        if pid.isdigit() and not _alive(int(pid)):
            with contextlib.suppress(OSError):
                tmp.unlink()
    legacy = path.with_name(path.name + ".tmp")
    with contextlib.suppress(OSError):
        info = legacy.lstat()
        if stat.S_ISREG(info.st_mode) and time.time() - info.st_mtime > LEGACY_TMP_AGE_S:
            legacy.unlink()


@contextlib.contextmanager
def atomic_output(path: PathArg) -> Iterator[Path]:
    """Write ``path`` atomically: yield a temporary path in the same directory, then fsync and rename it.

    On an exception the temporary file is removed and ``path`` is left as it was.

    Example:
        >>> import tempfile, pathlib
        >>> target = pathlib.Path(tempfile.mkdtemp()) / "out.txt"
        >>> with atomic_output(target) as tmp:
        ...     _ = tmp.write_text("done")
        >>> target.read_text(), sorted(p.name for p in target.parent.iterdir())
        ('done', ['out.txt'])
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    _sweep(path)
    tmp = path.with_name(f".{path.name}.tmp-{os.getpid()}-{uuid.uuid4().hex[:8]}")
    try:
        yield tmp
        if tmp.exists():
            with open(tmp, "rb") as fh:
                os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    _fsync_dir(path.parent)


def atomic_write_text(path: PathArg, text: str) -> Path:
    """Write ``text`` to ``path`` atomically (UTF-8)."""
    path = Path(path)
    with atomic_output(path) as tmp:
        tmp.write_text(text, encoding="utf-8")
    return path
