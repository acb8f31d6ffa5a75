"""Live-stream awareness shared by the channels, the actions and the ticket API."""
