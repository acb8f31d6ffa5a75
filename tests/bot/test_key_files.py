"""Keys kept in a file: made once, private, shared by processes that start together."""

import multiprocessing
import os
import stat

import pytest

from bot.key_files import read_or_create_key


def _key_in_child(path: str, queue: "multiprocessing.Queue[bytes]") -> None:
    from pathlib import Path

    queue.put(read_or_create_key(Path(path), "X"))


def test_a_missing_key_is_made_once_private_and_kept(tmp_path):
    key_file = tmp_path / "keys" / "desk.key"
    key = read_or_create_key(key_file, "COMPLAINTS_DESK__SECRET")
    assert len(key) == 64 and int(key, 16) >= 0
    assert stat.S_IMODE(os.stat(key_file).st_mode) == 0o600
    assert read_or_create_key(key_file, "COMPLAINTS_DESK__SECRET") == key
    assert [p.name for p in key_file.parent.iterdir()] == ["desk.key"]


def test_processes_starting_together_agree_on_one_key(tmp_path):
    key_file = tmp_path / "shared.key"
    ctx = multiprocessing.get_context("spawn")
    queue = ctx.Queue()
    children = [ctx.Process(target=_key_in_child, args=(str(key_file), queue)) for _ in range(4)]
    for child in children:
        child.start()
    keys = {queue.get(timeout=60) for _ in children}
    for child in children:
        child.join(timeout=60)
    assert keys == {key_file.read_text().strip().encode("ascii")}


def test_an_empty_key_file_is_refused_with_the_setting_to_use(tmp_path):
    key_file = tmp_path / "evidence.key"
    key_file.write_text("")
    with pytest.raises(RuntimeError, match="COMPLAINTS_EVIDENCE__SECRET"):
        read_or_create_key(key_file, "COMPLAINTS_EVIDENCE__SECRET")
