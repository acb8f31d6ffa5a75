"""A customer's script read from their conversation in the agent's tracker store."""

from rasa.core.channels.channel import CollectingOutputChannel, UserMessage
from sanic import Blueprint

from bot.channels.tracker_scripts import TrackerScripts
from tests.bot.channels.conftest import new_app, serve
from tests.bot.channels.rasa_agent import AgentBot, tracker_store_at


def served(scripts: TrackerScripts, bot: AgentBot | None = None):
    """An app with a blueprint the lookup is attached to, as a channel attaches it."""
    blueprint = Blueprint(f"channel_{id(scripts)}")
    scripts.attach(blueprint)
    app = new_app()
    app.blueprint(blueprint)
    return serve(bot.serve_on(app) if bot else app)


async def say(bot: AgentBot, sender: str, text: str, **metadata) -> None:
    await bot(UserMessage(text, CollectingOutputChannel(), sender, metadata=metadata))


async def test_the_customers_words_in_any_session_tell_the_script(database_url):
    bot = AgentBot(tracker_store_at(database_url))
    await say(bot, "taipei", "我買的藍牙喇叭收到就壞了")
    await bot.session_expires("taipei")
    await say(bot, "taipei", "/send_evidence")
    await say(bot, "shanghai", "我买的蓝牙音箱坏了")
    scripts = TrackerScripts()
    async with served(scripts, bot):
        assert await scripts("taipei") == "hant"
        assert await scripts("shanghai") == "hans"


async def test_nothing_to_tell_is_unknown_not_simplified(sqlite_url):
    bot = AgentBot(tracker_store_at(sqlite_url))
    await say(bot, "photo-only", "/send_evidence")
    await say(bot, "window", "/send_evidence", lang="zh-HK")
    scripts = TrackerScripts()
    async with served(scripts, bot):
        assert await scripts("photo-only") is None
        assert await scripts("never-wrote") is None
        assert await scripts("window") == "hant"  # the language a message carried


async def test_without_a_rasa_agent_nothing_is_known():
    scripts = TrackerScripts()
    assert await scripts("anyone") is None  # not served yet
    async with served(scripts):
        assert await scripts("anyone") is None
