"""The upload routes over real HTTP, mounted as Rasa mounts input channels."""

import io
import mimetypes
import time
from urllib.parse import parse_qs, urlparse

import aiohttp
import pytest
from PIL import Image
from rasa.core.channels.channel import register

from bot.channels.uploads import EvidenceUploadInput
from bot.evidence.signing import Signer
from bot.evidence.store import EvidenceStore
from tests.bot.channels.conftest import new_app, serve
from tests.bot.evidence import media_files as files

SECRET = b"channel-test-secret-0123456789abcdef"
token = Signer(SECRET).conversation_token


@pytest.fixture
def store(evidence_settings):
    store = EvidenceStore(evidence_settings)
    yield store
    store.close()


@pytest.fixture
def web_root(tmp_path):
    root = tmp_path / "web"
    (root / "dist").mkdir(parents=True)
    (root / "demo").mkdir()
    (root / "dist" / "widget.js").write_text("console.log('\\u5ba2\\u670d');\n")
    (root / "demo" / "index.html").write_text("<!doctype html><title>店</title>", encoding="utf-8")
    (root / "demo" / "order.html").write_text(
        "<!doctype html><title>订单</title>", encoding="utf-8"
    )
    (root / "secret.txt").write_text("not for the web")
    return root


@pytest.fixture
async def http(store, web_root):
    app = new_app()
    register([EvidenceUploadInput(store=store, web_root=web_root)], app, route="/webhooks/")
    async with serve(app) as url, aiohttp.ClientSession(base_url=url) as session:
        yield session


async def upload(
    http, conversation, data, filename="photo.jpg", content_type="image/jpeg", auth=None
):
    form = aiohttp.FormData()
    form.add_field("file", data, filename=filename, content_type=content_type)
    headers = {"Authorization": f"Bearer {auth or token(conversation)}"}
    async with http.post(f"/evidence/{conversation}", data=form, headers=headers) as response:
        return response.status, await response.json()


async def get(http, url, **kwargs):
    async with http.get(url, **kwargs) as response:
        return response.status, response.headers, await response.read()


async def test_upload_then_read_the_stripped_file_and_its_thumbnail(http):
    status, body = await upload(http, "conv-a", files.jpeg(gps=True, orientation=6))
    assert status == 201
    item = body["evidence"]
    assert {"id", "filename", "content_type", "size", "sha256", "url", "thumbnail_url"} <= set(item)
    assert item["url"].startswith(f"/evidence/file/{item['id']}?exp=")

    status, headers, data = await get(http, item["url"])
    assert status == 200
    assert headers["Content-Type"] == "image/jpeg"
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert len(data) == item["size"]
    assert Image.open(io.BytesIO(data)).getexif().get_ifd(0x8825) == {}

    status, headers, thumb = await get(http, item["thumbnail_url"])
    assert status == 200 and Image.open(io.BytesIO(thumb)).size == (48, 64)


@pytest.mark.parametrize(
    "filename, data, status, code",
    [
        ("photo.jpg", files.elf(), 415, "bad_type"),
        ("photo.jpg", files.pe(), 415, "bad_type"),
        ("photo.jpg", b"", 400, "empty"),
        ("photo.jpg", files.jpeg(300, 300, noise=True), 413, "too_large"),
        ("photo.jpg", files.jpeg(noise=True)[:-300], 422, "truncated"),
        ("doc.pdf", files.pdf(), 415, "unsupported_type"),
    ],
    ids=["elf", "pe", "empty", "too-large", "truncated", "pdf"],
)
async def test_bad_uploads_get_a_clear_message(http, store, filename, data, status, code):
    declared = mimetypes.guess_type(filename)[0]
    got_status, body = await upload(http, "conv-a", data, filename=filename, content_type=declared)
    assert got_status == status
    assert body["error"]["code"] == code
    assert body["error"]["message"]
    assert store.list("conv-a") == []


async def test_refusals_are_worded_in_the_script_of_the_widget_that_asked(http, store):
    """A Traditional widget (`?lang=zh-Hant`) shows the refusal in Traditional (hand test)."""
    form = aiohttp.FormData(quote_fields=False)  # the name as browsers send it, in UTF-8
    form.add_field(
        "file", "這不是圖片".encode() * 9, filename="假圖片.jpg", content_type="image/jpeg"
    )
    headers = {"Authorization": f"Bearer {token('conv-a')}"}
    url = "/evidence/conv-a?lang=zh-Hant"
    async with http.post(url, data=form, headers=headers) as response:
        assert response.status == 415
        message = (await response.json())["error"]["message"]
    assert "「假圖片.jpg」" in message and "圖片或影片" in message and "图片" not in message
    async with http.post(url, data=aiohttp.FormData({"x": "1"}), headers=headers) as response:
        assert (await response.json())["error"]["message"] == "沒有收到檔案，請重新選擇。"
    # without lang, or with a Simplified one, the message stays as written
    for query in ("", "?lang=zh-Hans"):
        form = aiohttp.FormData()
        form.add_field("file", b"not an image", filename="fake.jpg", content_type="image/jpeg")
        async with http.post(f"/evidence/conv-a{query}", data=form, headers=headers) as response:
            assert "图片或视频" in (await response.json())["error"]["message"]
    assert store.list("conv-a") == []


async def test_a_body_over_the_servers_limit_gets_the_json_refusal(store, web_root):
    app = new_app()
    app.config.REQUEST_MAX_SIZE = 50_000  # Sanic's limit (100 MB by default), made small
    register([EvidenceUploadInput(store=store, web_root=web_root)], app, route="/webhooks/")
    async with serve(app) as url, aiohttp.ClientSession(base_url=url) as session:
        status, body = await upload(session, "conv-big", b"\xff" * 60_000)
        async with session.post(
            "/evidence/conv-big?lang=zh-Hant",
            data=b"x" * 60_000,
            headers={"Authorization": f"Bearer {token('conv-big')}"},
        ) as response:
            traditional = response.status, await response.json()
        assert (await upload(session, "conv-big", files.jpeg()))[0] == 201
    assert status == 413 and body["error"]["code"] == "too_large"
    assert body["error"]["message"].startswith("文件太大了")
    assert traditional[0] == 413 and "太大了，沒有上傳" in traditional[1]["error"]["message"]
    assert store.list("conv-big") and len(store.list("conv-big")) == 1


async def test_too_many_files(http):
    for shade in range(3):
        status, _ = await upload(http, "conv-a", files.jpeg(color=(80 * shade, 9, 9)))
        assert status == 201
    status, body = await upload(http, "conv-a", files.png())
    assert status == 409 and body["error"]["code"] == "too_many"


async def test_tokens_open_only_their_own_conversation(http, store):
    status, body = await upload(http, "conv-a", files.png(), auth=token("conv-b"))
    assert status == 403 and body["error"]["code"] == "forbidden"
    status, _ = await upload(http, "conv-a", files.png(), auth="nonsense")
    assert status == 403

    status, body = await upload(http, "conv-a", files.png())
    evidence_id = body["evidence"]["id"]
    async with http.get(
        "/evidence/conv-a", headers={"Authorization": f"Bearer {token('conv-b')}"}
    ) as r:
        assert r.status == 403
    async with http.delete(
        f"/evidence/conv-b/{evidence_id}", headers={"Authorization": f"Bearer {token('conv-b')}"}
    ) as r:
        assert r.status == 404  # conv-b may delete in conv-b, but the item is not there
    async with http.get("/evidence/conv-a", headers={"X-Evidence-Token": token("conv-a")}) as r:
        assert [i["id"] for i in (await r.json())["evidence"]] == [evidence_id]
    assert len(store.list("conv-a")) == 1


async def test_remove_before_confirming(http, store):
    _, body = await upload(http, "conv-a", files.png())
    item = body["evidence"]
    headers = {"Authorization": f"Bearer {token('conv-a')}"}
    async with http.delete(f"/evidence/conv-a/{item['id']}", headers=headers) as r:
        assert r.status == 204
    assert store.list("conv-a") == []
    status, _, _ = await get(http, item["url"])
    assert status == 404


async def test_signed_links_are_checked(http, store):
    _, body = await upload(http, "conv-a", files.png())
    item = body["evidence"]
    query = parse_qs(urlparse(item["url"]).query)
    exp, sig = query["exp"][0], query["sig"][0]
    base = f"/evidence/file/{item['id']}"

    assert (await get(http, f"{base}?exp={exp}&sig={sig}"))[0] == 200
    assert (await get(http, base))[0] == 403
    assert (await get(http, f"{base}?exp={exp}&sig={sig[:-2]}xx"))[0] == 403
    assert (await get(http, f"{base}?exp={int(exp) + 3600}&sig={sig}"))[0] == 403
    assert (await get(http, f"{base}/thumb?exp={exp}&sig={sig}"))[0] == 403  # other variant
    _, other = await upload(http, "conv-b", files.jpeg(), auth=token("conv-b"))
    other_base = f"/evidence/file/{other['evidence']['id']}"
    assert (await get(http, f"{other_base}?exp={exp}&sig={sig}"))[0] == 403  # other item
    expired = store.signed_url(item["id"], -1, absolute=False)
    status, _, body_bytes = await get(http, expired)
    assert status == 403 and b"expired" in body_bytes
    agent_link = store.list("conv-a")[0]["url"]
    assert agent_link.startswith(store.settings.public_base_url)
    assert int(parse_qs(urlparse(agent_link).query)["exp"][0]) > time.time() + 6 * 24 * 3600


async def test_video_byte_ranges(http):
    _, body = await upload(
        http, "conv-a", files.mp4(), filename="clip.mp4", content_type="video/mp4"
    )
    item = body["evidence"]
    assert item["thumbnail_url"] is None
    status, headers, data = await get(http, item["url"], headers={"Range": "bytes=0-99"})
    assert status == 206 and len(data) == 100
    assert headers["Content-Range"] == f"bytes 0-99/{item['size']}"
    status, headers, data = await get(http, item["url"], headers={"Range": "bytes=-10"})
    assert status == 206 and len(data) == 10
    status, _, _ = await get(http, item["url"], headers={"Range": f"bytes={item['size']}-"})
    assert status == 416


async def test_widget_and_demo_pages_are_served(http):
    status, headers, body = await get(http, "/widget/widget.js")
    assert status == 200
    assert headers["Content-Type"] == "application/javascript; charset=utf-8"
    status, headers, body = await get(http, "/widget/demo/")
    assert status == 200 and headers["Content-Type"] == "text/html; charset=utf-8"
    assert "店" in body.decode("utf-8")
    assert (await get(http, "/widget/demo/order.html"))[0] == 200
    async with http.get("/widget/demo", allow_redirects=False) as r:
        assert r.status == 302 and r.headers["Location"] == "/widget/demo/"
    for bad in ("/widget/demo/..%2Fsecret.txt", "/widget/demo/secret.txt", "/widget/demo/.env"):
        assert (await get(http, bad))[0] == 404


async def test_widget_not_built(store, tmp_path):
    app = new_app()
    register(
        [EvidenceUploadInput(store=store, web_root=tmp_path / "none")], app, route="/webhooks/"
    )
    async with serve(app) as url, aiohttp.ClientSession(base_url=url) as session:
        async with session.get("/widget/widget.js") as response:
            assert response.status == 503
            assert "npm ci" in await response.text()
