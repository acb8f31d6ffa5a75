"""An agent's line on channels that show only text: labelled with who wrote it.

Why (hand trial trial5): the widget draws an agent's reply apart from the bot's, named; WeCom
and the live-stream webhook show text only, so a viewer read the agent's "赠品今天补发" as one
more line of the bot and could not tell that a person had taken the complaint. The desk sends
an agent's line as a bot event with `metadata.agent`, which reaches the output channel as the
message's `agent`; these channels put domain.yml's `utter_notice_agent_label` before its text,
in the script the line is written in (the desk wrote it in the customer's).
"""

from __future__ import annotations

from typing import Any, Dict

from bot.i18n import conversation_script, localize_notice
from bot.notices import Notices, default_notices


def labelled(message: Dict[str, Any], notices: Notices | None = None) -> Dict[str, Any]:
    """The message with its text labelled when an agent wrote it; others unchanged."""
    agent, text = message.get("agent"), message.get("text")
    if not (isinstance(agent, str) and agent.strip() and isinstance(text, str) and text.strip()):
        return message
    label = (notices or default_notices()).text("agent_label", agent=agent.strip())
    return {**message, "text": localize_notice(label, conversation_script([text])) + text}
