"""Browser test harness: Debian's chromium driven by Playwright, and the widget's server.

Playwright's own browser downloads are not used (no `playwright install`): the tests launch
`/usr/bin/chromium` (`apt-get install chromium`; override with COMPLAINTS_CHROMIUM). When it
is missing the tests are skipped on a developer machine and FAIL under CI (`CI=true`). The
widget bundle is built from web/ (`npm ci` + `node build.mjs`) when it is missing or older
than its sources.
"""

import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from datetime import datetime, timezone
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
WEB = ROOT / "web"
CHROMIUM = os.environ.get("COMPLAINTS_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-background-networking",
    "--disable-gpu",
    "--disable-component-update",
    "--disable-sync",
]


def _on_ci() -> bool:
    return os.environ.get("CI", "").lower() in ("1", "true", "yes")


def _unavailable(message: str) -> None:
    if _on_ci():
        pytest.fail(message)
    pytest.skip(message)


# Playwright's `expect` waits 5 s by default. A busy CI machine (2 cores, training and
# servers beside the browser) once took longer than that just to open the widget's socket,
# and a page that gets there later still works for the customer.
EXPECT_TIMEOUT_MS = 15_000


@pytest.fixture(scope="session", autouse=True)
def patient_expect() -> None:
    from playwright.sync_api import expect

    expect.set_options(timeout=EXPECT_TIMEOUT_MS)


@pytest.fixture(scope="session")
def chromium_path() -> str:
    if not (os.path.isfile(CHROMIUM) and os.access(CHROMIUM, os.X_OK)):
        _unavailable(f"chromium not found at {CHROMIUM}: apt-get install chromium")
    return CHROMIUM


@pytest.fixture(scope="session")
def widget_bundle() -> Path:
    """web/dist/widget.js, rebuilt when a source is newer."""
    bundle = WEB / "dist" / "widget.js"
    sources = [WEB / "build.mjs", WEB / "package-lock.json", *sorted((WEB / "src").iterdir())]
    if bundle.is_file() and bundle.stat().st_mtime >= max(p.stat().st_mtime for p in sources):
        return bundle
    node, npm = shutil.which("node"), shutil.which("npm")
    if not node or not npm:
        _unavailable("node and npm are needed to build the widget (web/)")
    if not (WEB / "node_modules" / "socket.io-client").is_dir():
        subprocess.run(
            [npm, "ci", "--no-audit", "--no-fund", "--loglevel=error"], cwd=WEB, check=True
        )
    subprocess.run([node, "build.mjs"], cwd=WEB, check=True, capture_output=True)
    return bundle


FAILURES = ROOT / "var" / "browser-failures"


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    """Keeps each phase's report on the test item, so a fixture can tell that its test failed."""
    outcome = yield
    report = outcome.get_result()
    setattr(item, f"report_{report.when}", report)


@pytest.fixture
def browser(chromium_path, request, tmp_path):
    """A fresh Chromium for each test: pages of an earlier test (long-polls, sockets to a
    stopped server) once kept a later test's widget from connecting.

    Chromium records its network events (`--log-net-log`); when the test fails, they, the
    test's server log and the failure are kept in var/browser-failures/ (`keep_failure`)."""
    from playwright.sync_api import sync_playwright

    netlog = tmp_path / "chromium-netlog.json"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=chromium_path,
            args=[*CHROMIUM_ARGS, f"--log-net-log={netlog}"],
            headless=True,
        )
        yield browser
        browser.close()
    keep_failure(request.node, tmp_path)


def keep_failure(item, folder: Path) -> None:
    """Copies a failed test's logs to var/browser-failures/<test>-<time>/.

    Why: a widget page once never connected in one CI run out of several and never alone;
    a rerun passes, so the evidence must outlive the test's temporary folder."""
    report = getattr(item, "report_call", None)
    if report is None or not report.failed:
        return
    stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%S")
    target = FAILURES / f"{re.sub(r'[^A-Za-z0-9_.-]+', '_', item.name)}-{stamp}"
    target.mkdir(parents=True, exist_ok=True)
    for name in ("chromium-netlog.json", "server.log"):
        if (folder / name).is_file():
            shutil.copy(folder / name, target / name)
    (target / "failure.txt").write_text(str(report.longrepr), encoding="utf-8")
    print(f"browser test failure kept in {target}")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def widget_server(widget_bundle, tmp_path):
    """The widget's channels with a fake bot, in a child process; yields its base URL."""
    yield from _widget_server(tmp_path)


@pytest.fixture
def stalled_websocket_server(widget_bundle, tmp_path):
    """The same server, except that every WebSocket handshake hangs (never answered)."""
    yield from _widget_server(tmp_path, "--stall-websocket")


@pytest.fixture
def slow_connect_server(widget_bundle, tmp_path):
    """The same server, except that each socket.io CONNECT packet waits 3 s."""
    yield from _widget_server(tmp_path, "--slow-connect", "3")


@pytest.fixture
def refusing_server(widget_bundle, tmp_path):
    """The same server, except that it refuses the first socket.io namespace connection."""
    yield from _widget_server(tmp_path, "--refuse-connects", "1")


@pytest.fixture
def dying_server(widget_bundle, tmp_path):
    """The same server, except that it stops in the turn of the first confirmation, after
    answering and before storing it (as a server killed mid-turn and started again)."""
    yield from _widget_server(tmp_path, "--die-mid-turn", "1")


def _widget_server(tmp_path, *options):
    port = _free_port()
    log = open(tmp_path / "server.log", "wb")
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "tests.browser.widget_server",
            "--port",
            str(port),
            "--storage",
            str(tmp_path / "evidence"),
            *options,
        ],
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(f"{url}/webhooks/widget/", timeout=2):
                    break
            except OSError:
                if process.poll() is not None or time.monotonic() > deadline:
                    log.flush()
                    pytest.fail(
                        "widget server did not start:\n"
                        + (tmp_path / "server.log").read_text(errors="replace")
                    )
                time.sleep(0.2)
        yield url
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        log.close()


AGENT_PASSWORD = "desk-pass-1234"


@pytest.fixture(scope="session")
def real_stack(tmp_path_factory, widget_bundle):
    """The real bot (Rasa, actions, ticket API) and the desk with agent 小王, on SQLite."""
    from tests.e2e.stack import Stack, require_model

    require_model()
    running = Stack(tmp_path_factory.mktemp("browser-stack"))
    try:
        running.start()
        running.start_desk({"小王": AGENT_PASSWORD})
        yield running
    finally:
        running.stop()
