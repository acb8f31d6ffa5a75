"""The ticket API (Sanic): tickets for agents and other systems, and text triage."""
