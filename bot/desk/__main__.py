"""Run the agent desk, or manage its accounts.

- `python -m bot.desk` (or `python -m bot.desk serve`): serve on `desk.host`:`desk.port`.
- `python -m bot.desk create-agent NAME --role agent|supervisor [--password-stdin]`: add an
  account; the password is asked twice on the terminal, or read from the first line of stdin.
"""

from __future__ import annotations

import argparse
import getpass
import logging
import sys
from datetime import timedelta
from typing import List

from bot.desk.accounts import ROLES, AccountError, AccountStore
from bot.settings import Settings
from bot.tickets.store import TicketStore


def _serve(settings: Settings) -> int:
    from bot.desk.app import create_desk_app

    store = TicketStore.from_settings(settings)
    app = create_desk_app(settings, store)
    app.run(
        host=settings.desk.host,
        port=settings.desk.port,
        workers=1,
        access_log=False,
        debug=False,
        motd=False,
    )
    return 0


def _read_password(from_stdin: bool) -> str:
    if from_stdin:
        return sys.stdin.readline().rstrip("\r\n")
    first = getpass.getpass("密码 / password: ")
    if getpass.getpass("再输一次 / again: ") != first:
        raise AccountError("the two passwords differ")
    return first


def main(argv: List[str] | None = None) -> int:
    """Parse the command line and run it."""
    parser = argparse.ArgumentParser(prog="python -m bot.desk", description=__doc__)
    commands = parser.add_subparsers(dest="command")
    commands.add_parser("serve", help="serve the desk (the default)")
    create = commands.add_parser("create-agent", help="add an agent account")
    create.add_argument("name")
    create.add_argument("--role", choices=ROLES, default="agent")
    create.add_argument("--password-stdin", action="store_true")
    args = parser.parse_args(argv)
    logging.basicConfig(
        level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s"
    )
    settings = Settings.load()
    if args.command in (None, "serve"):
        return _serve(settings)
    store = TicketStore.from_settings(settings)
    try:
        accounts = AccountStore(store, timedelta(hours=settings.desk.session_hours))
        agent = accounts.create_agent(args.name, args.role, _read_password(args.password_stdin))
    except AccountError as error:
        print(f"not created: {error}", file=sys.stderr)
        return 1
    finally:
        store.close()
    print(f"created {agent.role} {agent.name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
