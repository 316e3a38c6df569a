"""The API's OpenAPI 3.1 description, served at ``/api/openapi.json`` (docs/api.md explains it)."""

from __future__ import annotations

from typing import Any

from audionews import __version__

__all__ = ["openapi"]


def _ref(name: str) -> dict[str, str]:
    return {"$ref": f"#/components/schemas/{name}"}


def _json(schema: dict[str, Any], description: str) -> dict[str, Any]:
    return {"description": description, "content": {"application/json": {"schema": schema}}}


_ERROR = _json(_ref("Error"), "An error, as a message (and the setting that fixes it).")
_ID = [{"name": "id", "in": "path", "required": True, "schema": {"type": "string"}}]

_SETTINGS = {
    "type": "object",
    "description": "Render settings, named as on the command line (`audionews make --help`).",
    "properties": {
        "profile": {"type": "string", "enum": ["podcast", "radio"]},
        "engine": {"type": "string", "enum": ["auto", "espeak", "gtts", "piper", "edge"]},
        "voice": {"type": "string"},
        "heading_voice": {"type": "string"},
        "speed": {"type": "number", "minimum": 0.8, "maximum": 1.3},
        "fit": {"type": "string", "description": "target duration, M:SS or seconds"},
        "format": {"type": "string", "enum": ["mp3", "wav"]},
        "bitrate": {"type": "integer"},
        "vbr": {"type": "integer"},
        "bits": {"type": "integer", "enum": [16, 24]},
        "loudness": {"type": "number"},
        "true_peak": {"type": "number"},
        "sample_rate": {"type": "integer"},
        "sidecars": {"type": "string", "description": "all (the default) or srt,vtt,..."},
        "pause_sentence": {"type": "integer"},
        "pause_paragraph": {"type": "integer"},
        "pause_section": {"type": "integer"},
        "read_captions": {"type": "boolean"},
        "album": {"type": "string"},
        "publisher": {"type": "string"},
        "tld": {"type": "string"},
        "slow": {"type": "boolean"},
        "rate": {"type": "string"},
        "pitch": {"type": "string"},
        "speaker": {"type": ["integer", "string"]},
        "timeout": {"type": "number"},
        "jobs": {"type": "integer"},
    },
}

_STORY = {
    "type": "object",
    "description": "One story: text, url or upload (index of an uploaded file), and edits.",
    "properties": {
        "text": {"type": "string"},
        "url": {"type": "string", "format": "uri"},
        "upload": {"type": "integer"},
        "title": {"type": "string", "description": "replaces the title found"},
        "byline": {"type": "string", "description": "replaces the byline; empty: none"},
        "read_dropped": {
            "type": "array",
            "items": {"type": "integer"},
            "description": "line numbers of dropped lines (or captions) to read after all",
        },
    },
}

_SUBMISSION = {
    "type": "object",
    "description": "One story at the top level (text or url), or several in `stories` (a "
    "bulletin); any other key is a setting.",
    "properties": {
        "text": {"type": "string"},
        "url": {"type": "string"},
        "title": {"type": "string"},
        "byline": {"type": "string"},
        "read_dropped": {"type": "array", "items": {"type": "integer"}},
        "stories": {"type": "array", "items": _STORY, "maxItems": 20},
        "bulletin_title": {"type": "string"},
        "settings": _SETTINGS,
        "user": {"type": "string", "description": "who asked (shown in the history)"},
        "from_job": {"type": "string", "description": "reuse the inputs of an earlier job"},
        "priority": {
            "type": ["integer", "boolean"],
            "minimum": 0,
            "maximum": 9,
            "description": "higher runs first (breaking news: 9, or true); default 0",
        },
    },
    "additionalProperties": True,
}

_MULTIPART = {
    "type": "object",
    "properties": {
        "file": {"type": "array", "items": {"type": "string", "format": "binary"}},
        "request": {"type": "string", "description": "the JSON submission, as text"},
    },
    "additionalProperties": {"type": "string", "description": "a setting"},
}

_BODY = {
    "required": True,
    "content": {
        "application/json": {"schema": _SUBMISSION},
        "multipart/form-data": {"schema": _MULTIPART},
    },
}


def openapi() -> dict[str, Any]:
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "audionews desk API",
            "version": __version__,
            "description": "Turn Vietnamese news articles into programmes. See docs/api.md.",
        },
        "components": {
            "securitySchemes": {"bearer": {"type": "http", "scheme": "bearer"}},
            "schemas": {
                "Error": {
                    "type": "object",
                    "properties": {"error": {"type": "string"}, "setting": {"type": "string"}},
                    "required": ["error"],
                },
                "Settings": _SETTINGS,
                "Job": {
                    "type": "object",
                    "properties": {
                        "id": {"type": "string"},
                        "status": {
                            "type": "string",
                            "enum": ["queued", "running", "done", "failed", "cancelled"],
                        },
                        "stage": {"type": "string"},
                        "progress": {
                            "type": "object",
                            "properties": {
                                "done": {"type": "integer"},
                                "total": {"type": "integer"},
                                "cached": {"type": "integer"},
                                "percent": {"type": "integer"},
                                "eta": {"type": ["number", "null"]},
                            },
                        },
                        "result": {"type": "object"},
                        "links": {"type": "object", "additionalProperties": {"type": "string"}},
                        "error": {"type": ["string", "null"]},
                    },
                },
                "Lexicon": {
                    "type": "object",
                    "properties": {
                        "words": {"type": "object", "additionalProperties": {"type": "string"}},
                        "titles": {"type": "object", "additionalProperties": {"type": "string"}},
                    },
                },
            },
        },
        "security": [{"bearer": []}, {}],
        "paths": {
            "/api/jobs": {
                "post": {
                    "summary": "Queue a render",
                    "requestBody": _BODY,
                    "responses": {
                        "202": _json(_ref("Job"), "Queued: `id` and `links`."),
                        "400": _ERROR,
                        "413": _ERROR,
                        "415": _ERROR,
                    },
                },
                "get": {
                    "summary": "The history, newest first",
                    "responses": {"200": _json({"type": "object"}, "`jobs`: a list of Job.")},
                },
            },
            "/api/jobs/{id}": {
                "get": {
                    "summary": "Status, progress, result and links, or the error",
                    "parameters": _ID,
                    "responses": {"200": _json(_ref("Job"), "The job."), "404": _ERROR},
                },
                "delete": {
                    "summary": "Cancel and delete a job and its files",
                    "parameters": _ID,
                    "responses": {"200": _json({"type": "object"}, "Deleted."), "404": _ERROR},
                },
            },
            "/api/jobs/{id}/audio": {
                "get": {
                    "summary": "The programme (MP3 or Broadcast WAV)",
                    "parameters": _ID,
                    "responses": {
                        "200": {
                            "description": "The file.",
                            "content": {"audio/mpeg": {}, "audio/wav": {}},
                        },
                        "404": _ERROR,
                        "409": _ERROR,
                    },
                }
            },
            "/api/jobs/{id}/sidecars/{name}": {
                "get": {
                    "summary": "A sidecar: srt, vtt, chapters, labels, cue or manifest",
                    "parameters": [
                        *_ID,
                        {
                            "name": "name",
                            "in": "path",
                            "required": True,
                            "schema": {
                                "type": "string",
                                "enum": ["srt", "vtt", "chapters", "labels", "cue", "manifest"],
                            },
                        },
                    ],
                    "responses": {"200": {"description": "The file."}, "404": _ERROR},
                }
            },
            "/api/jobs/{id}/stories/{n}": {
                "get": {
                    "summary": "The text of a pasted (or .txt/.md) story of a job, to edit",
                    "parameters": [
                        *_ID,
                        {
                            "name": "n",
                            "in": "path",
                            "required": True,
                            "schema": {"type": "integer"},
                        },
                    ],
                    "responses": {"200": _json({"type": "object"}, "`text`."), "404": _ERROR},
                }
            },
            "/api/preview": {
                "post": {
                    "summary": "The article as understood and the spoken text with each change",
                    "requestBody": _BODY,
                    "responses": {"200": _json({"type": "object"}, "`stories`."), "400": _ERROR},
                }
            },
            "/api/speak": {
                "post": {
                    "summary": "Hear a sentence or a paragraph (WAV)",
                    "requestBody": _json(
                        {
                            "type": "object",
                            "properties": {"text": {"type": "string"}, "settings": _SETTINGS},
                        },
                        "The text (normalized with the lexicon) and the voice settings.",
                    ),
                    "responses": {
                        "200": {"description": "WAV", "content": {"audio/wav": {}}},
                        "400": _ERROR,
                    },
                }
            },
            "/api/engines": {
                "get": {
                    "summary": "Speech engines, their voices, and whether usable here",
                    "responses": {"200": _json({"type": "object"}, "`engines`.")},
                }
            },
            "/api/status": {
                "get": {
                    "summary": "The queue and its workers: queue length, `workers` alive "
                    "(heartbeats), jobs per state, last errors",
                    "responses": {"200": _json({"type": "object"}, "The status.")},
                }
            },
            "/api/lexicon": {
                "get": {
                    "summary": "The newsroom's lexicon",
                    "responses": {"200": _json(_ref("Lexicon"), "The lexicon.")},
                },
                "put": {
                    "summary": "Replace the lexicon",
                    "requestBody": _json(_ref("Lexicon"), "The whole lexicon."),
                    "responses": {"200": _json(_ref("Lexicon"), "Saved."), "400": _ERROR},
                },
                "patch": {
                    "summary": "Add or change entries; an empty spoken form removes one",
                    "requestBody": _json(_ref("Lexicon"), "Entries to merge."),
                    "responses": {"200": _json(_ref("Lexicon"), "Saved."), "400": _ERROR},
                },
            },
            "/api/openapi.json": {
                "get": {
                    "summary": "This description",
                    "responses": {"200": _json({"type": "object"}, "OpenAPI 3.1.")},
                }
            },
        },
    }
