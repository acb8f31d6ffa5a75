"""The agent desk: queue, tickets, hand-over to and from the bot, statistics."""
