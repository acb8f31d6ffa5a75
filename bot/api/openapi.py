"""The OpenAPI 3 description of the ticket API, written by hand from the ticket contract.

Codes (categories, remedies, severities, reasons, emotions, statuses) come from
`bot.taxonomy`, so the description cannot drift from what the store accepts.
"""

from __future__ import annotations

from typing import Any, Dict, List

from bot.taxonomy import (
    CATEGORIES,
    EMOTIONS,
    REMEDIES,
    SEVERITIES,
    SEVERITY_REASONS,
    TICKET_STATUSES,
)

MAX_TEXT_CHARS = 10_000
MAX_LIST_LIMIT = 500


def _nullable(schema: Dict[str, Any]) -> Dict[str, Any]:
    return {**schema, "nullable": True}


def _enum(codes: List[str]) -> Dict[str, Any]:
    return {"type": "string", "enum": codes}


def _error(description: str) -> Dict[str, Any]:
    return {
        "description": description,
        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}},
    }


def _scored(schema: Dict[str, Any]) -> Dict[str, Any]:
    return {
        "type": "object",
        "required": ["value", "confidence"],
        "properties": {
            "value": schema,
            "confidence": {"type": "number", "minimum": 0, "maximum": 1},
        },
    }


def _ticket_schema() -> Dict[str, Any]:
    time = {"type": "string", "format": "date-time"}
    properties: Dict[str, Any] = {
        "id": {"type": "string", "example": "C20261123-0001"},
        "conversation_id": {"type": "string"},
        "channel": {"type": "string", "example": "widget"},
        "created_at": time,
        "status": _enum(list(TICKET_STATUSES)),
        "order_id": _nullable({"type": "string"}),
        "order_verified": _nullable({"type": "boolean"}),
        "order": _nullable({"type": "object", "additionalProperties": True}),
        "issue_category": _enum(list(CATEGORIES)),
        "issue_description": {"type": "string"},
        "desired_remedy": _nullable(_enum(list(REMEDIES))),
        "evidence": {
            "type": "array",
            "items": {
                "type": "object",
                "properties": {
                    "id": _nullable({"type": "string"}),
                    "filename": _nullable({"type": "string"}),
                    "content_type": _nullable({"type": "string"}),
                    "size": _nullable({"type": "integer"}),
                    "sha256": _nullable({"type": "string"}),
                    "url": _nullable({"type": "string"}),
                },
            },
        },
        "severity": _enum(list(SEVERITIES)),
        "severity_reasons": {"type": "array", "items": _enum(list(SEVERITY_REASONS))},
        "emotion": _nullable(_enum(list(EMOTIONS))),
        "contact": _nullable({"type": "string"}),
        "live": _nullable(
            {
                "type": "object",
                "properties": {
                    key: _nullable({"type": "string"})
                    for key in ("room_id", "streamer", "started_at", "claim", "replay_at")
                },
            }
        ),
        "incident_id": _nullable({"type": "string"}),
        "evidence_missing": {"type": "array", "items": {"type": "string"}},
        "summary": {"type": "string"},
        "sla": {
            "type": "object",
            "required": ["first_response_due", "resolution_due"],
            "properties": {"first_response_due": time, "resolution_due": time},
        },
        "assignee": _nullable({"type": "string"}),
        "resolution": _nullable({"oneOf": [{"type": "string"}, {"type": "object"}]}),
        "satisfaction": _nullable(
            {
                "type": "object",
                "properties": {
                    "score": {"type": "integer", "minimum": 1, "maximum": 5},
                    "comment": _nullable({"type": "string"}),
                },
            }
        ),
        "transcript": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["role", "text", "at"],
                "properties": {
                    "role": _enum(["customer", "bot", "agent"]),
                    "text": {"type": "string"},
                    "at": time,
                    "agent": {"type": "string", "description": "who wrote an agent's line"},
                },
            },
        },
    }
    return {"type": "object", "required": list(properties), "properties": properties}


def build_openapi() -> Dict[str, Any]:
    """The OpenAPI document served at `GET /api/openapi.json`."""
    unauthorized = _error("Missing or wrong bearer token")
    ticket_ref = {"$ref": "#/components/schemas/Ticket"}
    return {
        "openapi": "3.0.3",
        "info": {
            "title": "Complaint intake ticket API",
            "version": "1.0.0",
            "description": "Tickets the complaint bot hands over to people, and triage of a "
            "complaint text with the bot's own model. Every /api route needs "
            "`Authorization: Bearer <token>`.",
        },
        "security": [{"bearerAuth": []}],
        "paths": {
            "/health": {
                "get": {
                    "summary": "Liveness check",
                    "security": [],
                    "responses": {
                        "200": {
                            "description": "The server is up",
                            "content": {
                                "application/json": {
                                    "schema": {
                                        "type": "object",
                                        "properties": {"status": {"type": "string"}},
                                    }
                                }
                            },
                        }
                    },
                }
            },
            "/api/openapi.json": {
                "get": {
                    "summary": "This document",
                    "responses": {
                        "200": {"description": "OpenAPI 3 document"},
                        "401": unauthorized,
                    },
                }
            },
            "/api/tickets": {
                "get": {
                    "summary": "List tickets, newest first",
                    "parameters": [
                        {
                            "name": "status",
                            "in": "query",
                            "schema": _enum(list(TICKET_STATUSES)),
                        },
                        {"name": "conversation_id", "in": "query", "schema": {"type": "string"}},
                        {"name": "order_id", "in": "query", "schema": {"type": "string"}},
                        {
                            "name": "limit",
                            "in": "query",
                            "schema": {
                                "type": "integer",
                                "minimum": 1,
                                "maximum": MAX_LIST_LIMIT,
                                "default": 100,
                            },
                        },
                        {
                            "name": "offset",
                            "in": "query",
                            "schema": {"type": "integer", "minimum": 0, "default": 0},
                        },
                    ],
                    "responses": {
                        "200": {
                            "description": "A page of tickets",
                            "content": {
                                "application/json": {
                                    "schema": {"$ref": "#/components/schemas/TicketPage"}
                                }
                            },
                        },
                        "400": _error("Unknown, repeated or invalid query parameter"),
                        "401": unauthorized,
                    },
                }
            },
            "/api/tickets/{ticket_id}": {
                "get": {
                    "summary": "One ticket",
                    "parameters": [
                        {
                            "name": "ticket_id",
                            "in": "path",
                            "required": True,
                            "schema": {"type": "string"},
                        }
                    ],
                    "responses": {
                        "200": {
                            "description": "The ticket",
                            "content": {"application/json": {"schema": ticket_ref}},
                        },
                        "401": unauthorized,
                        "404": _error("No ticket has this id"),
                    },
                }
            },
            "/api/incidents/{incident_id}": {
                "get": {
                    "summary": "A group incident: complaints of one live session and category",
                    "parameters": [
                        {
                            "name": "incident_id",
                            "in": "path",
                            "required": True,
                            "schema": {"type": "string"},
                        }
                    ],
                    "responses": {
                        "200": {
                            "description": "The incident: id, live session, category, members",
                            "content": {"application/json": {"schema": {"type": "object"}}},
                        },
                        "401": unauthorized,
                        "404": _error("No incident has this id"),
                    },
                }
            },
            "/api/triage": {
                "post": {
                    "summary": "Classify a complaint text with the bot's model",
                    "requestBody": {
                        "required": True,
                        "content": {
                            "application/json": {
                                "schema": {"$ref": "#/components/schemas/TriageRequest"}
                            }
                        },
                    },
                    "responses": {
                        "200": {
                            "description": "Category, remedy, severity, emotion, order number",
                            "content": {
                                "application/json": {
                                    "schema": {"$ref": "#/components/schemas/TriageResult"}
                                }
                            },
                        },
                        "400": _error("Malformed JSON, missing, empty or non-string text"),
                        "401": unauthorized,
                        "413": _error(f"Text longer than {MAX_TEXT_CHARS} characters"),
                        "415": _error("Content-Type is not application/json"),
                        "503": _error("The NLU (Rasa) server is not available"),
                    },
                }
            },
        },
        "components": {
            "securitySchemes": {"bearerAuth": {"type": "http", "scheme": "bearer"}},
            "schemas": {
                "Error": {
                    "type": "object",
                    "required": ["error", "message"],
                    "properties": {
                        "error": {"type": "string", "description": "machine-readable code"},
                        "message": {"type": "string"},
                    },
                },
                "Ticket": _ticket_schema(),
                "TicketPage": {
                    "type": "object",
                    "required": ["tickets", "total", "limit", "offset"],
                    "properties": {
                        "tickets": {"type": "array", "items": ticket_ref},
                        "total": {"type": "integer"},
                        "limit": {"type": "integer"},
                        "offset": {"type": "integer"},
                    },
                },
                "TriageRequest": {
                    "type": "object",
                    "required": ["text"],
                    "properties": {
                        "text": {"type": "string", "minLength": 1, "maxLength": MAX_TEXT_CHARS}
                    },
                },
                "TriageResult": {
                    "type": "object",
                    "required": [
                        "issue_category",
                        "desired_remedy",
                        "severity",
                        "severity_reasons",
                        "emotion",
                        "order_id",
                    ],
                    "properties": {
                        "issue_category": _scored(_enum(list(CATEGORIES))),
                        "desired_remedy": _scored(_nullable(_enum(list(REMEDIES)))),
                        "severity": _scored(_enum(list(SEVERITIES))),
                        "severity_reasons": {
                            "type": "array",
                            "items": _enum(list(SEVERITY_REASONS)),
                        },
                        "emotion": _scored(_enum(list(EMOTIONS))),
                        "order_id": _scored(_nullable({"type": "string"})),
                    },
                },
            },
        },
    }
