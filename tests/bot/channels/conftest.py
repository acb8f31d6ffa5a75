"""A real Sanic server on a free local port, in the test's event loop."""

import asyncio
import contextlib
import socket
import uuid

import pytest
import socketio
from sanic import Sanic

from bot.evidence.settings import EvidenceSettings


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(autouse=True)
def sanic_test_mode(monkeypatch):
    """Sanic rewrites its request handler once per process unless in test mode (touchup)."""
    monkeypatch.setattr(Sanic, "test_mode", True)


def new_app() -> Sanic:
    return Sanic(f"test_{uuid.uuid4().hex}")


@contextlib.asynccontextmanager
async def serve(app: Sanic):
    port = free_port()
    server = await app.create_server(
        host="127.0.0.1", port=port, return_asyncio_server=True, access_log=False, debug=False
    )
    await server.startup()
    await server.before_start()  # listeners, e.g. Sanic-CORS's, as `rasa run` runs them
    await server.after_start()
    await server.start_serving()
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        await server.before_stop()
        server.close()
        await server.wait_closed()
        await server.after_stop()


@pytest.fixture
def evidence_settings(tmp_path):
    return EvidenceSettings(
        storage_dir=str(tmp_path / "evidence"),
        secret="channel-test-secret-0123456789abcdef",
        max_image_bytes=20_000,
        max_video_bytes=40_000,
        max_files=3,
    )


class Client:
    """A python-socketio client that queues every event it receives."""

    def __init__(self) -> None:
        self.sio = socketio.AsyncClient(reconnection=False)
        self.events: asyncio.Queue = asyncio.Queue()
        for name in ("session_confirm", "bot_uttered", "user_echo"):
            self.sio.on(name, self._recorder(name))

    def _recorder(self, name):
        async def record(data=None):
            await self.events.put((name, data))

        return record

    async def connect(self, url: str) -> "Client":
        # Long-polling: python-engineio 4.15's websocket client needs aiohttp >= 3.10, and
        # Rasa 3.6 pins 3.9. (Browsers use the websocket transport; see tests/browser.)
        await self.sio.connect(url, socketio_path="/socket.io", transports=["polling"])
        return self

    async def next(self, name: str, timeout: float = 5.0):
        while True:
            event, data = await asyncio.wait_for(self.events.get(), timeout)
            if event == name:
                return data

    async def nothing(self, name: str, wait: float = 1.0) -> bool:
        with contextlib.suppress(asyncio.TimeoutError):
            await self.next(name, wait)
            return False
        return True

    async def session(self, payload=None) -> dict:
        await self.sio.emit("session_request", payload or {})
        return await self.next("session_confirm")

    async def close(self) -> None:
        """Disconnect without waiting for the pending long-poll (it ends at the next ping)."""
        if self.sio.connected:
            await self.sio.eio.disconnect(abort=True)
        for task in (self.sio.eio.read_loop_task, self.sio.eio.write_loop_task):
            if task is not None:
                with contextlib.suppress(Exception, asyncio.CancelledError):
                    await asyncio.wait_for(task, 2)
