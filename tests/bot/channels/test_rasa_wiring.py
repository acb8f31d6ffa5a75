"""Both channels load from a credentials file and serve inside Rasa's own app factory."""

import aiohttp
from rasa.core.run import configure_app, create_http_input_channels

from bot.channels.socketio import WidgetSocketIOInput
from bot.channels.uploads import EvidenceUploadInput
from tests.bot.channels.conftest import Client, serve
from tests.bot.evidence import media_files as files

CREDENTIALS = """\
bot.channels.socketio.WidgetSocketIOInput:
  session_persistence: true
bot.channels.uploads.EvidenceUploadInput:
"""


async def test_rasa_loads_and_serves_the_widget_channels(tmp_path, monkeypatch):
    monkeypatch.setenv("COMPLAINTS_SETTINGS", str(tmp_path / "none.yml"))
    monkeypatch.setenv("COMPLAINTS_EVIDENCE__STORAGE_DIR", str(tmp_path / "evidence"))
    credentials = tmp_path / "credentials.yml"
    credentials.write_text(CREDENTIALS)

    channels = create_http_input_channels(None, str(credentials))
    assert [type(c) for c in channels] == [WidgetSocketIOInput, EvidenceUploadInput]
    assert (tmp_path / "evidence" / "secret.key").is_file()  # one generated key, shared
    app = configure_app(channels, cors="*", auth_token="api-token", enable_api=True)

    async with serve(app) as url:
        client = await Client().connect(url)
        try:
            confirm = await client.session()
        finally:
            await client.close()
        async with aiohttp.ClientSession(base_url=url) as http:
            async with http.get("/webhooks/widget/") as response:
                assert response.status == 200
            headers = {
                "Origin": "https://shop.example",
                "Access-Control-Request-Method": "POST",
                "Access-Control-Request-Headers": "authorization",
            }
            async with http.options(f"/evidence/{confirm['session_id']}", headers=headers) as r:
                assert r.headers.get("Access-Control-Allow-Origin") == "https://shop.example"
            form = aiohttp.FormData()
            form.add_field("file", files.png(), filename="a.png", content_type="image/png")
            async with http.post(
                f"/evidence/{confirm['session_id']}",
                data=form,
                headers={
                    "Authorization": f"Bearer {confirm['token']}",
                    "Origin": "https://shop.example",
                },
            ) as response:
                assert response.status == 201
                assert response.headers.get("Access-Control-Allow-Origin") == "https://shop.example"
