"""Run the ticket API: `python -m bot.api` (host and port from the settings)."""

from __future__ import annotations

import logging
import sys

from bot.api.app import MissingApiToken, create_app
from bot.settings import Settings


def main() -> int:
    """Load settings, build the app and serve it until interrupted."""
    logging.basicConfig(
        level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s"
    )
    settings = Settings.load()
    try:
        app = create_app(settings)
    except MissingApiToken as error:
        print(f"ticket API not started: {error}", file=sys.stderr)
        return 2
    # Sanic's own access log prints full URLs (query strings may hold phone numbers);
    # the app logs a masked line per request instead.
    app.run(
        host=settings.api_host,
        port=settings.api_port,
        workers=1,
        access_log=False,
        debug=False,
        motd=False,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
