"""Safe output files: the one output-path guard and atomic writes (medtune.io.files)."""

from __future__ import annotations

import os
import stat
import time

import pytest

from medtune.errors import ConfigError
from medtune.io.files import atomic_output, atomic_write_text, check_outputs


def test_an_output_equal_to_an_input_or_another_output_is_refused(tmp_path):
    src = tmp_path / "in.jsonl"
    src.write_text("x\n")
    with pytest.raises(ConfigError, match=r"-o .* is the input INPUT.*Fix"):
        check_outputs({"-o": src}, {"INPUT": src})
    with pytest.raises(ConfigError, match=r"--rejects .* is the same file as -o.*Fix"):
        check_outputs({"-o": tmp_path / "c.jsonl", "--rejects": tmp_path / "." / "c.jsonl"})
    link = tmp_path / "link.jsonl"
    link.symlink_to(src)
    with pytest.raises(ConfigError, match="is the input"):
        check_outputs({"-o": link}, {"INPUT": src})
    check_outputs({"-o": tmp_path / "out.jsonl", "--rejects": None}, {"INPUT": src, "--config": None})


def test_directories_and_special_files_are_refused(tmp_path):
    with pytest.raises(ConfigError, match="is a directory.*Fix: name a file path"):
        check_outputs({"-o": tmp_path})
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    with pytest.raises(ConfigError, match="is a FIFO"):
        check_outputs({"--rejects": fifo})
    with pytest.raises(ConfigError, match="is a device"):
        check_outputs({"--rejects": "/dev/null"})
    existing = tmp_path / "f.txt"
    existing.write_text("x")
    with pytest.raises(ConfigError, match="is an existing file, not a directory"):
        check_outputs({"-o": existing}, directories=frozenset({"-o"}))
    with pytest.raises(ConfigError, match="is a file, not a directory"):
        check_outputs({"-o": existing / "out.jsonl"})
    check_outputs({"-o": tmp_path}, directories=frozenset({"-o"}))


@pytest.mark.skipif(os.geteuid() == 0, reason="root may write anywhere")
def test_an_output_in_a_read_only_directory_is_refused(tmp_path):
    ro = tmp_path / "ro"
    ro.mkdir()
    ro.chmod(stat.S_IRUSR | stat.S_IXUSR)
    try:
        with pytest.raises(ConfigError, match="is not writable"):
            check_outputs({"-o": ro / "out.jsonl"})
    finally:
        ro.chmod(stat.S_IRWXU)


def test_a_failed_write_leaves_the_old_file_and_no_temporary_file(tmp_path):
    target = tmp_path / "out.jsonl"
    target.write_text("old\n")
    with pytest.raises(RuntimeError), atomic_output(target) as tmp:
        tmp.write_text("half a li")
        raise RuntimeError("killed mid-write")
    assert target.read_text() == "old\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.jsonl"]


def test_temporary_files_of_dead_writers_are_swept_and_live_ones_kept(tmp_path):
    target = tmp_path / "out.jsonl"
    dead = tmp_path / ".out.jsonl.tmp-999999999-abcd1234"  # no such process
    live = tmp_path / f".out.jsonl.tmp-{os.getpid()}-0000aaaa"
    dead.write_text("left by kill -9")
    live.write_text("being written")
    atomic_write_text(target, "new\n")
    assert target.read_text() == "new\n"
    assert not dead.exists() and live.exists()


def test_legacy_tmp_leftovers_of_older_versions_are_swept_once_stale(tmp_path):
    """Issue #15: earlier versions wrote NAME.tmp next to the output, and a killed run left it behind."""
    old = tmp_path / "out.jsonl.tmp"
    old.write_text("half a file from medtune 0.0")
    os.utime(old, (time.time() - 3600, time.time() - 3600))
    fresh = tmp_path / "other.jsonl.tmp"  # may still be written by an old process: kept
    fresh.write_text("being written")
    atomic_write_text(tmp_path / "out.jsonl", "new\n")
    atomic_write_text(tmp_path / "other.jsonl", "new\n")
    assert not old.exists() and fresh.exists()
    assert (tmp_path / "out.jsonl").read_text() == "new\n"
