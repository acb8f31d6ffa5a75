import dataclasses
import hashlib
import io
import json
import mimetypes
import os
import subprocess
import sys
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import pytest
from PIL import Image

from bot.evidence.signing import LinkCheck
from bot.evidence.store import EvidenceRejected, EvidenceStore
from bot.notices import Notices
from tests.bot.evidence import media_files as files

ROOT = Path(__file__).resolve().parents[3]
SPEC_KEYS = {"id", "filename", "content_type", "size", "sha256", "url"}


def blob_files(settings):
    root = Path(settings.storage_dir)
    return sorted(
        p
        for p in root.rglob("*")
        if p.is_file() and p.parent.parent.parent.name in ("sha256", "thumb")
    )


@pytest.fixture
def indexed_store(evidence_settings, database_url):
    """The store with its index on SQLite and, with the postgres marker, on PostgreSQL."""
    store = EvidenceStore(dataclasses.replace(evidence_settings, index_url=database_url))
    yield store
    store.close()


def test_save_returns_a_spec_shaped_item_of_the_cleaned_file(indexed_store):
    data = files.jpeg(gps=True)
    item = indexed_store.save("conv-1", "照片 1.JPG", data, "image/jpeg")

    assert set(item) == SPEC_KEYS
    assert item["filename"] == "照片 1.JPG"
    assert item["content_type"] == "image/jpeg"
    stored = indexed_store.read(item["id"])
    assert item["size"] == len(stored.data) < len(data)
    assert item["sha256"] == hashlib.sha256(stored.data).hexdigest()
    assert Image.open(io.BytesIO(stored.data)).getexif().get_ifd(0x8825) == {}
    assert item["url"].startswith(f"https://bot.example/evidence/file/{item['id']}?exp=")
    assert indexed_store.read(item["id"], "thumb").content_type == "image/jpeg"
    [listed] = indexed_store.list("conv-1")  # links are signed anew, so compare the rest
    assert {k: v for k, v in listed.items() if k != "url"} == {
        k: v for k, v in item.items() if k != "url"
    }


def test_declared_type_and_name_do_not_decide_the_type(store):
    item = store.save("conv-1", "screenshot.jpg", files.png(), "image/jpeg")
    assert item["content_type"] == "image/png"
    video = store.save("conv-1", "clip.txt", files.mp4(), "text/plain")
    assert video["content_type"] == "video/mp4"
    assert store.read(video["id"], "thumb") is None


def test_same_bytes_are_stored_once(store, evidence_settings):
    data = files.jpeg()
    first = store.save("conv-1", "a.jpg", data, "image/jpeg")
    again = store.save("conv-1", "a-copy.jpg", data, "image/jpeg")
    other = store.save("conv-2", "b.jpg", data, "image/jpeg")

    assert again["id"] == first["id"]  # the conversation already holds it
    assert other["id"] != first["id"] and other["sha256"] == first["sha256"]
    assert len(store.list("conv-1")) == 1
    assert len(blob_files(evidence_settings)) == 2  # one file, one thumbnail


def test_remove_withdraws_and_frees_bytes_when_unused(store, evidence_settings):
    data = files.jpeg()
    first = store.save("conv-1", "a.jpg", data, "image/jpeg")
    second = store.save("conv-2", "a.jpg", data, "image/jpeg")

    assert not store.remove("conv-2", first["id"])  # not its item
    assert store.remove("conv-1", first["id"])
    assert store.list("conv-1") == [] and store.read(first["id"]) is None
    assert len(blob_files(evidence_settings)) == 2  # conv-2 still uses the bytes
    assert store.remove("conv-2", second["id"])
    assert blob_files(evidence_settings) == []
    assert not store.remove("conv-2", second["id"])


@pytest.mark.parametrize(
    "filename, data, code",
    [
        ("photo.jpg", files.elf(), "bad_type"),
        ("photo.jpg", files.pe(), "bad_type"),
        ("photo.jpg", b"<html><script>alert(1)</script></html>", "bad_type"),
        ("empty.jpg", b"", "empty"),
        ("big.jpg", files.jpeg(300, 300, noise=True), "too_large"),
        ("big.mp4", files.mp4() * 20, "too_large"),
        ("broken.jpg", files.jpeg(noise=True)[:-300], "truncated"),
        ("invoice.pdf", files.pdf(), "unsupported_type"),
        ("funny.gif", files.gif(), "unsupported_type"),
        ("iphone.heic", files.mp4(brand=b"heic"), "unsupported_type"),
        ("notes.txt", b"just a note", "unsupported_type"),
    ],
    ids=[
        "elf",
        "pe",
        "html",
        "empty",
        "big-image",
        "big-video",
        "truncated",
        "pdf",
        "gif",
        "heic",
        "text",
    ],
)
def test_bad_uploads_are_refused_and_change_nothing(store, evidence_settings, filename, data, code):
    kept = store.save("conv-1", "ok.png", files.png(), "image/png")
    before = blob_files(evidence_settings)

    with pytest.raises(EvidenceRejected) as error:
        store.save("conv-1", filename, data, mimetypes.guess_type(filename)[0])

    assert error.value.code == code
    assert filename.split(".")[0] in error.value.message  # the customer sees which file
    assert [i["id"] for i in store.list("conv-1")] == [kept["id"]]
    assert blob_files(evidence_settings) == before


def test_executable_message_is_clear(store):
    with pytest.raises(EvidenceRejected) as error:
        store.save("conv-1", "发票.jpg", files.elf(), "image/jpeg")
    assert "程序" in error.value.message


def test_too_many_files(store):
    for shade in range(3):
        store.save("conv-1", f"{shade}.jpg", files.jpeg(color=(80 * shade, 0, 0)), "image/jpeg")
    with pytest.raises(EvidenceRejected) as error:
        store.save("conv-1", "4.jpg", files.jpeg(color=(9, 9, 9)), "image/jpeg")
    assert error.value.code == "too_many" and "3" in error.value.message
    assert len(store.list("conv-1")) == 3
    store.remove("conv-1", store.list("conv-1")[0]["id"])
    store.save("conv-1", "4.jpg", files.jpeg(color=(9, 9, 9)), "image/jpeg")  # room again


def test_filenames_are_cleaned(store):
    item = store.save("conv-1", "../../etc/pass\x00wd\n.png", files.png(), "image/png")
    assert item["filename"] == "passwd.png"
    unnamed = store.save("conv-1", "", files.jpeg(), None)
    assert unnamed["filename"].startswith("evidence.")


def test_conversation_ids_are_checked(store):
    with pytest.raises(ValueError):
        store.save("../other", "a.png", files.png(), "image/png")


def test_signed_links(store):
    item = store.save("conv-1", "a.png", files.png(), "image/png")
    query = parse_qs(urlparse(store.signed_url(item["id"], 60)).query)
    exp, sig = query["exp"][0], query["sig"][0]

    assert store.check_link(item["id"], "file", exp, sig) is LinkCheck.OK
    assert store.check_link(item["id"], "thumb", exp, sig) is LinkCheck.BAD_SIGNATURE
    assert store.check_link(item["id"], "file", str(int(exp) + 1), sig) is LinkCheck.BAD_SIGNATURE
    assert store.check_link("ev_" + "0" * 20, "file", exp, sig) is LinkCheck.BAD_SIGNATURE
    expired = parse_qs(urlparse(store.signed_url(item["id"], -5)).query)
    assert (
        store.check_link(item["id"], "file", expired["exp"][0], expired["sig"][0])
        is LinkCheck.EXPIRED
    )


def test_another_process_lists_the_same_items(store, evidence_settings):
    """The action server runs in its own process and fills the `evidence` slot with list()."""
    item = store.save("conv-1", "a.png", files.png(), "image/png")
    code = (
        "import json, sys\n"
        "from bot.evidence.settings import EvidenceSettings\n"
        "from bot.evidence.store import EvidenceStore\n"
        "print(json.dumps(EvidenceStore(EvidenceSettings.load()).list('conv-1')))\n"
    )
    env = {
        **os.environ,
        "PYTHONPATH": str(ROOT),
        "COMPLAINTS_SETTINGS": "/nonexistent.yml",
        "COMPLAINTS_EVIDENCE__STORAGE_DIR": evidence_settings.storage_dir,
        "COMPLAINTS_EVIDENCE__SECRET": str(evidence_settings.secret),
        "COMPLAINTS_EVIDENCE__PUBLIC_BASE_URL": "https://bot.example",
    }
    result = subprocess.run(
        [sys.executable, "-c", code],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    listed = json.loads(result.stdout)
    assert [i["id"] for i in listed] == [item["id"]]
    query = parse_qs(urlparse(listed[0]["url"]).query)
    assert store.check_link(item["id"], "file", query["exp"][0], query["sig"][0]) is LinkCheck.OK


def test_the_store_tells_refusals_in_the_shops_own_words(tmp_path, evidence_settings, request):
    domain = tmp_path / "domain.yml"
    domain.write_text(
        'responses:\n  utter_notice_file_empty:\n    - text: "{filename} 没内容哦"\n',
        encoding="utf-8",
    )
    store = EvidenceStore(evidence_settings, notices=Notices.from_domain(domain))
    request.addfinalizer(store.close)
    with pytest.raises(EvidenceRejected) as refused:
        store.save("conv-1", "a.jpg", b"")
    assert (refused.value.code, refused.value.message) == ("empty", "a.jpg 没内容哦")
