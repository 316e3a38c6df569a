"""The desk: a web page for editors and a JSON API for systems, on one job engine (Starlette).

Safe by default: it binds 127.0.0.1; another address needs a password, and then every page and
API call needs it (a session cookie from the sign-in page, or ``Authorization: Bearer``).
Requests that change something carry a CSRF token (double-submit cookie) or come as JSON or with
a bearer token, which browsers cannot send from another site without CORS, which the desk never
grants. Bodies are bounded (5 MB a story), files by type; a request names no path on the server;
errors are messages, never tracebacks.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import logging
import re
import secrets
import shutil
import sys
from collections.abc import Awaitable, Callable, MutableMapping
from pathlib import Path
from typing import Any

from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.middleware.trustedhost import TrustedHostMiddleware
from starlette.requests import Request
from starlette.responses import (
    FileResponse,
    JSONResponse,
    RedirectResponse,
    Response,
)
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles
from starlette.templating import Jinja2Templates

from audionews.desk.i18n import MESSAGES, pick_lang
from audionews.desk.jobs import JobEngine, Retention
from audionews.desk.openapi import openapi
from audionews.desk.render import (
    ALLOWED_SETTINGS,
    DeskPaths,
    build_settings,
    clean_settings,
    preview,
    speak,
)
from audionews.errors import AudionewsError, ConfigError, InputError

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib  # type: ignore[import-not-found, unused-ignore]

__all__ = ["MAX_BODY", "MAX_STORY", "create_app"]

log = logging.getLogger(__name__)

HERE = Path(__file__).parent
MAX_STORY = 5_000_000
"""Largest story (pasted text or uploaded file), as for URL fetches."""
MAX_STORIES = 20
MAX_BODY = 12_000_000
"""Largest request body."""
UPLOAD_TYPES = {".txt": "txt", ".html": "html", ".htm": "html", ".md": "md", ".docx": "docx"}
CSRF_COOKIE = "audionews_csrf"
SESSION_COOKIE = "audionews_session"
LANG_COOKIE = "audionews_lang"
JOB_ID = re.compile(r"^[0-9a-f]{16}$")
_UNSAFE = {"POST", "PUT", "PATCH", "DELETE"}

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]


class Problem(Exception):
    """An error shown to the user as a message with an HTTP status."""

    def __init__(self, status: int, message: str, setting: str | None = None) -> None:
        super().__init__(message)
        self.status, self.message, self.setting = status, message, setting


# ---------------------------------------------------------------------- middleware
class BodyLimit:
    """Refuse bodies over ``limit`` bytes, by Content-Length and as they stream in."""

    def __init__(self, app: ASGIApp, limit: int = MAX_BODY) -> None:
        self.app, self.limit = app, limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        length = dict(scope["headers"]).get(b"content-length")
        if length is not None and (not length.isdigit() or int(length) > self.limit):
            await _json(413, "the request is too large (5 MB a story).")(scope, receive, send)
            return
        seen = 0

        async def limited() -> Message:
            nonlocal seen
            message = await receive()
            seen += len(message.get("body", b""))
            if seen > self.limit:
                raise Problem(413, "the request is too large (5 MB a story).")
            return message

        await self.app(scope, limited, send)


class Guard:
    """Password (when set), CSRF and security headers, in front of every route."""

    def __init__(self, app: ASGIApp, password: str | None, secret: bytes) -> None:
        self.app, self.password, self.secret = app, password, secret

    def session_value(self) -> str:
        assert self.password is not None
        return hmac.new(self.secret, self.password.encode(), hashlib.sha256).hexdigest()

    def _bearer_ok(self, request: Request) -> bool:
        auth = request.headers.get("authorization", "")
        if self.password is None or not auth.lower().startswith("bearer "):
            return False
        return hmac.compare_digest(auth[7:].strip().encode(), self.password.encode())

    def _signed_in(self, request: Request) -> bool:
        if self.password is None or self._bearer_ok(request):
            return True
        cookie = request.cookies.get(SESSION_COOKIE, "")
        return hmac.compare_digest(cookie.encode(), self.session_value().encode())

    def _csrf_ok(self, request: Request) -> bool:
        origin = request.headers.get("origin")
        if origin and origin != "null":
            host = request.headers.get("host", "")
            if origin.split("://", 1)[-1] != host:
                return False
        if self._bearer_ok(request):
            return True
        if request.headers.get("content-type", "").startswith("application/json"):
            return True
        if request.headers.get("x-requested-with"):  # a custom header: never cross-site
            return True
        token = request.headers.get("x-csrf-token", "")
        cookie = request.cookies.get(CSRF_COOKIE, "")
        return bool(cookie) and hmac.compare_digest(token.encode(), cookie.encode())

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        request = Request(scope)
        path = request.url.path
        public = path in ("/login", "/static/desk.css")  # the sign-in page and its style
        if not public and not self._signed_in(request):
            if path.startswith("/api/"):
                await _json(401, "sign in first (password or bearer token).")(scope, receive, send)
            else:
                await RedirectResponse("/login", status_code=303)(scope, receive, send)
            return
        # The sign-in form checks its own token (the form field).
        if request.method in _UNSAFE and path != "/login" and not self._csrf_ok(request):
            await _json(403, "missing or wrong CSRF token; reload the page.")(scope, receive, send)
            return

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = message.setdefault("headers", [])
                headers.extend(
                    [
                        (b"x-content-type-options", b"nosniff"),
                        (b"x-frame-options", b"DENY"),
                        (b"referrer-policy", b"same-origin"),
                        (
                            b"content-security-policy",
                            b"default-src 'self'; media-src 'self' blob:; img-src 'self' data:;"
                            b" frame-ancestors 'none'",
                        ),
                    ]
                )
            await send(message)

        await self.app(scope, receive, with_headers)


def _json(status: int, message: str, setting: str | None = None) -> JSONResponse:
    body: dict[str, Any] = {"error": message}
    if setting:
        body["setting"] = setting
    return JSONResponse(body, status_code=status)


# ---------------------------------------------------------------------- reading a request
def _coerce(key: str, value: str) -> Any:
    """A form field's text as the setting's type."""
    kind = ALLOWED_SETTINGS.get(key)
    if kind is None:
        return value
    kinds = kind if isinstance(kind, tuple) else (kind,)
    try:
        if bool in kinds:
            return value.strip().lower() in ("1", "true", "on", "yes")
        if int in kinds and float not in kinds and str not in kinds:
            return int(value)
        if float in kinds and str not in kinds:
            return float(value)
    except ValueError:
        raise Problem(400, f"setting {key!r}: not a number.", key) from None
    return value


async def _read_upload(part: UploadFile) -> tuple[str, bytes]:
    name = Path(part.filename or "upload.txt").name
    ext = UPLOAD_TYPES.get(Path(name).suffix.lower())
    if ext is None:
        raise Problem(415, f"{name}: upload a .txt, .html, .docx or .md file.")
    data = await part.read(MAX_STORY + 1)
    if len(data) > MAX_STORY:
        raise Problem(413, f"{name}: the file is over 5 MB.")
    if ext == "docx" and not data.startswith(b"PK"):
        raise Problem(415, f"{name}: this is not a Word .docx file.")
    return name, data


async def read_submission(request: Request) -> tuple[dict[str, Any], list[tuple[str, bytes]]]:
    """A job or preview request as a dict (JSON body, or a form's ``request`` field and flat
    fields) and the uploaded files (name, bytes)."""
    ctype = request.headers.get("content-type", "")
    if ctype.startswith("application/json"):
        try:
            body = await request.json()
        except ValueError:
            raise Problem(400, "the body is not valid JSON.") from None
        if not isinstance(body, dict):
            raise Problem(400, "the body must be a JSON object.")
        return body, []
    if not ctype.startswith(("multipart/form-data", "application/x-www-form-urlencoded")):
        raise Problem(415, "send JSON or a multipart form.")
    form = await request.form(max_files=MAX_STORIES, max_part_size=MAX_STORY)
    body = {}
    files: list[tuple[str, bytes]] = []
    for key, value in form.multi_items():
        if isinstance(value, UploadFile):
            files.append(await _read_upload(value))
        elif key == "request":
            try:
                body.update(json.loads(value))
            except ValueError:
                raise Problem(400, "the request field is not valid JSON.") from None
        else:
            body[key] = _coerce(key, value)
    return body, files


_STORY_KEYS = ("text", "url", "upload", "title", "byline", "read_dropped")
_META_KEYS = ("stories", "settings", "user", "from_job", "bulletin_title", "priority")


def split_request(
    body: dict[str, Any], uploads: int
) -> tuple[list[dict[str, Any]], dict[str, Any]]:
    """(stories, settings): stories from ``stories`` or the top-level story keys; settings from
    ``settings`` and any other top-level key."""
    settings = dict(body.get("settings") or {})
    for key, value in body.items():
        if key not in _STORY_KEYS and key not in _META_KEYS:
            settings[key] = value
    stories = body.get("stories")
    if stories is None:
        top = {k: body[k] for k in _STORY_KEYS if k in body}
        stories = [top] if any(k in top for k in ("text", "url", "upload")) else []
        stories += [{"upload": i} for i in range(uploads) if i != top.get("upload", -1)]
    if not isinstance(stories, list) or not all(isinstance(s, dict) for s in stories):
        raise Problem(400, "stories must be a list of objects.")
    if len(stories) > MAX_STORIES:
        raise Problem(400, f"at most {MAX_STORIES} stories at once.")
    return stories, clean_settings(settings)


def save_stories(
    stories: list[dict[str, Any]], files: list[tuple[str, bytes]], folder: Path
) -> list[dict[str, Any]]:
    """Write each story's text or file into ``folder`` under a name the desk chooses; return the
    stories as stored (file name, shown name, edits)."""
    folder.mkdir(parents=True, exist_ok=True)
    out = []
    for n, story in enumerate(stories):
        kept: dict[str, Any] = {}
        for key in ("title", "byline"):
            if isinstance(story.get(key), str):
                kept[key] = story[key][:500]
        dropped = story.get("read_dropped") or []
        if not isinstance(dropped, list):
            raise Problem(400, "read_dropped must be a list of line numbers.")
        kept["read_dropped"] = [d for d in dropped if isinstance(d, int)]
        if isinstance(story.get("text"), str):
            data = story["text"].encode("utf-8")
            if len(data) > MAX_STORY:
                raise Problem(413, "the text is over 5 MB.")
            if not story["text"].strip():
                raise Problem(400, "the text is empty.")
            name, ext, shown = data, "txt", "pasted text"
        elif isinstance(story.get("url"), str):
            url = story["url"].strip()
            if not re.match(r"^https?://\S+$", url, re.IGNORECASE):
                raise Problem(400, "the address must start with http:// or https://.", "url")
            out.append({**kept, "url": url, "name": url})
            continue
        elif isinstance(story.get("upload"), int) and 0 <= story["upload"] < len(files):
            shown, name = files[story["upload"]]
            ext = UPLOAD_TYPES[Path(shown).suffix.lower()]
        else:
            raise Problem(400, "each story needs text, a url or an uploaded file.")
        file = f"story-{n}.{ext}"
        (folder / file).write_bytes(name)
        out.append({**kept, "file": file, "name": shown})
    if not out:
        raise Problem(400, "give an article: text, a url or a file.")
    return out


# ---------------------------------------------------------------------- the application
class Desk:
    """Routes over one job engine and one data folder."""

    def __init__(
        self, paths: DeskPaths, engine: JobEngine, lang: str, password: str | None
    ) -> None:
        self.paths, self.engine, self.lang, self.password = paths, engine, lang, password
        self.store = engine.store
        self.templates = Jinja2Templates(directory=str(HERE / "templates"))

    # ------------------------------------------------------------ pages
    def _lang(self, request: Request) -> str:
        return pick_lang(
            request.query_params.get("lang"),
            request.cookies.get(LANG_COOKIE),
            request.headers.get("accept-language"),
            self.lang,
        )

    def _page(self, request: Request, name: str, **context: Any) -> Response:
        lang = self._lang(request)
        token = request.cookies.get(CSRF_COOKIE) or secrets.token_urlsafe(24)
        response = self.templates.TemplateResponse(
            request,
            name,
            {
                "lang": lang,
                "t": MESSAGES[lang],
                "csrf": token,
                "password": self.password is not None,
                **context,
            },
        )
        response.set_cookie(CSRF_COOKIE, token, httponly=True, samesite="strict")
        if request.query_params.get("lang") in MESSAGES:
            response.set_cookie(LANG_COOKIE, lang, samesite="lax", max_age=365 * 86400)
        return response

    async def index(self, request: Request) -> Response:
        return self._page(request, "index.html")

    async def login(self, request: Request) -> Response:
        if request.method == "GET" or self.password is None:
            return self._page(request, "login.html", failed=False)
        form = await request.form()
        token = str(form.get("csrf", ""))
        cookie = request.cookies.get(CSRF_COOKIE, "")
        ok_csrf = bool(cookie) and hmac.compare_digest(token.encode(), cookie.encode())
        given = str(form.get("password", "")).encode()
        if not ok_csrf or not hmac.compare_digest(given, self.password.encode()):
            return self._page(request, "login.html", failed=True)
        guard_value = hmac.new(
            _secret(self.paths), self.password.encode(), hashlib.sha256
        ).hexdigest()
        response = RedirectResponse("/", status_code=303)
        response.set_cookie(SESSION_COOKIE, guard_value, httponly=True, samesite="strict")
        return response

    async def logout(self, request: Request) -> Response:  # noqa: ARG002 - a route
        response = RedirectResponse("/login", status_code=303)
        response.delete_cookie(SESSION_COOKIE)
        return response

    # ------------------------------------------------------------ API
    async def spec(self, request: Request) -> Response:  # noqa: ARG002 - a route
        return JSONResponse(openapi())

    async def engines(self, request: Request) -> Response:  # noqa: ARG002 - a route
        from audionews.engines import ENGINES

        def describe() -> list[dict[str, Any]]:
            return [
                {
                    "name": spec.name,
                    "description": spec.description,
                    "online": spec.online,
                    "voices": list(spec.voices),
                    "unusable": spec.unusable_reason(),
                }
                for spec in ENGINES.values()
            ]

        return JSONResponse({"engines": await run_in_threadpool(describe)})

    async def do_preview(self, request: Request) -> Response:
        body, files = await read_submission(request)
        stories, settings = split_request(body, len(files))
        folder = self.paths.scratch()
        try:
            if isinstance(body.get("from_job"), str):
                stories = self._stories_from(body["from_job"], stories, folder)
            else:
                stories = save_stories(stories, files, folder)
            result = await run_in_threadpool(
                preview, {"stories": stories, "settings": settings}, folder, self.paths
            )
        finally:
            shutil.rmtree(folder, ignore_errors=True)
        return JSONResponse(result)

    async def do_speak(self, request: Request) -> Response:
        body, _ = await read_submission(request)
        text = body.pop("text", "")
        if not isinstance(text, str):
            raise Problem(400, "text must be a string.")
        settings = dict(body.pop("settings", None) or {})
        settings.update({k: v for k, v in body.items() if k in ALLOWED_SETTINGS})
        wav = await run_in_threadpool(speak, text, settings, self.paths)
        return Response(wav, media_type="audio/wav")

    def _stories_from(
        self, job_id: str, edits: list[dict[str, Any]], folder: Path
    ) -> list[dict[str, Any]]:
        """The stories of an earlier job (its saved inputs), with new edits when given."""
        old = self._job(job_id)
        stories = old["request"]["stories"]
        src = self.paths.job(job_id) / "input"
        folder.mkdir(parents=True, exist_ok=True)
        out = []
        for n, story in enumerate(stories):
            if "file" in story:
                shutil.copy(src / story["file"], folder / story["file"])
            edit = edits[n] if n < len(edits) else {}
            out.append(
                {**story, **{k: edit[k] for k in ("title", "byline", "read_dropped") if k in edit}}
            )
        return out

    async def create_job(self, request: Request) -> Response:
        body, files = await read_submission(request)
        stories, settings = split_request(body, len(files))
        await run_in_threadpool(build_settings, settings, self.paths)  # checked now, not later
        user = str(body.get("user") or "")[:80]
        priority = _priority(body.get("priority"))
        parent = body.get("from_job") if isinstance(body.get("from_job"), str) else None
        job_id = self.store.create({}, user=user, parent=parent)
        folder = self.paths.job(job_id) / "input"
        try:
            if parent:
                saved = self._stories_from(parent, stories, folder)
            else:
                saved = save_stories(stories, files, folder)
        except BaseException:
            self.store.delete(job_id)
            shutil.rmtree(self.paths.job(job_id), ignore_errors=True)
            raise
        request_data: dict[str, Any] = {"stories": saved, "settings": settings}
        if priority:
            request_data["priority"] = priority
        if isinstance(body.get("bulletin_title"), str) and body["bulletin_title"].strip():
            request_data["title"] = body["bulletin_title"].strip()[:300]
        title = saved[0].get("title") or saved[0].get("name", "")
        self.store.update(job_id, request=request_data, title=title)
        self.engine.submit(job_id, priority)
        return JSONResponse(
            {"id": job_id, "status": "queued", "links": self._links(job_id)}, status_code=202
        )

    async def status(self, request: Request) -> Response:  # noqa: ARG002 - a route
        return JSONResponse(await run_in_threadpool(self._status))

    def _status(self) -> dict[str, Any]:
        engine = self.engine
        if engine.redis_url:
            from audionews.desk.worker import fleet_status

            conn = getattr(engine.store, "conn", None)
            return fleet_status(engine.redis_url, huey=engine.huey, conn=conn)
        failed = [j for j in self.store.history(200) if j["status"] == "failed"][:10]
        return {
            "broker": None,
            "queue": int(engine.huey.pending_count()),
            "workers": [
                {"id": "embedded", "slots": engine.workers, "running": engine.running_ids()}
            ],
            "jobs": self.store.counts(),
            "errors": [{"job": j["id"], "error": j["error"], "at": j["updated"]} for j in failed],
        }

    def _job(self, job_id: str) -> dict[str, Any]:
        job = self.store.get(job_id) if JOB_ID.match(job_id) else None
        if job is None:
            raise Problem(404, "no such job.")
        return job

    @staticmethod
    def _links(job_id: str) -> dict[str, str]:
        return {"self": f"/api/jobs/{job_id}", "audio": f"/api/jobs/{job_id}/audio"}

    def _public(self, job: dict[str, Any], full: bool = True) -> dict[str, Any]:
        result = job.get("result") or None
        out: dict[str, Any] = {
            "id": job["id"],
            "status": job["status"],
            "stage": job["stage"],
            "title": job["title"],
            "user": job["user"],
            "created": job["created"],
            "started": job["started"],
            "finished": job["finished"],
            "parent": job["parent"],
            "progress": {
                "done": job["done"],
                "total": job["total"],
                "cached": job["cached"],
                "percent": 100
                if job["status"] == "done"
                else (round(100 * job["done"] / job["total"]) if job["total"] else 0),
                "eta": None if job["eta"] is None else round(job["eta"], 1),
            },
            "error": job["error"],
            "error_setting": job["error_setting"],
            "settings": (job.get("request") or {}).get("settings", {}),
        }
        links = self._links(job["id"])
        if result:
            for kind in result.get("sidecars", {}):
                links[kind] = f"/api/jobs/{job['id']}/sidecars/{kind}"
            out["result"] = {k: v for k, v in result.items() if k not in ("file", "sidecars")}
            out["result"]["file"] = Path(result["file"]).name
        else:
            links.pop("audio")
        out["links"] = links
        if full:
            stories = (job.get("request") or {}).get("stories", [])
            out["stories"] = [
                {k: s[k] for k in ("name", "url", "title", "byline", "read_dropped") if k in s}
                | {"editable": str(s.get("file", "")).endswith((".txt", ".md"))}
                for s in stories
            ]
        return out

    async def get_job(self, request: Request) -> Response:
        return JSONResponse(self._public(self._job(request.path_params["id"])))

    async def list_jobs(self, request: Request) -> Response:  # noqa: ARG002 - a route
        return JSONResponse({"jobs": [self._public(j, full=False) for j in self.store.history()]})

    async def story_text(self, request: Request) -> Response:
        job = self._job(request.path_params["id"])
        stories = job["request"].get("stories", [])
        n = request.path_params["n"]
        if not 0 <= n < len(stories) or not str(stories[n].get("file", "")).endswith(
            (".txt", ".md")
        ):
            raise Problem(404, "no text for this story.")
        path = self.paths.job(job["id"]) / "input" / stories[n]["file"]
        from audionews.read import read_article_text

        text, _ = await run_in_threadpool(read_article_text, path)
        return JSONResponse({"text": text})

    def _file(self, job: dict[str, Any], rel: str | None) -> Path:
        if job["status"] != "done" or not rel:
            raise Problem(409, "the job has not finished.")
        base = self.paths.job(job["id"]).resolve()
        path = (base / rel).resolve()
        if base not in path.parents or not path.is_file():
            raise Problem(404, "the file is gone.")
        return path

    async def audio(self, request: Request) -> Response:
        job = self._job(request.path_params["id"])
        path = self._file(job, (job.get("result") or {}).get("file"))
        media = "audio/mpeg" if path.suffix == ".mp3" else "audio/wav"
        return FileResponse(path, media_type=media, filename=path.name)

    async def sidecar(self, request: Request) -> Response:
        job = self._job(request.path_params["id"])
        kind = request.path_params["name"]
        rel = ((job.get("result") or {}).get("sidecars") or {}).get(kind)
        if job["status"] == "done" and rel is None:
            raise Problem(404, f"no sidecar {kind!r} for this job.")
        path = self._file(job, rel)
        return FileResponse(path, filename=path.name)

    async def delete_job(self, request: Request) -> Response:
        job = self._job(request.path_params["id"])
        self.engine.cancel(job["id"])
        self.store.delete(job["id"])
        shutil.rmtree(self.paths.job(job["id"]), ignore_errors=True)
        return JSONResponse({"id": job["id"], "deleted": True})

    # ------------------------------------------------------------ lexicon
    def _read_lexicon(self) -> dict[str, dict[str, str]]:
        from audionews.normalize.lexicon import load_lexicon_file

        if not self.paths.lexicon.is_file():
            return {"words": {}, "titles": {}}
        lex = load_lexicon_file(self.paths.lexicon)
        return {"words": dict(lex.words), "titles": dict(lex.titles)}

    def _write_lexicon(self, data: dict[str, Any]) -> dict[str, dict[str, str]]:
        from audionews.normalize.lexicon import parse_lexicon

        lex = parse_lexicon(data, "lexicon")
        lines = ["# The newsroom's pronunciations (audionews desk). [words]: written = spoken."]
        for section, table in (("words", lex.words), ("titles", lex.titles)):
            lines.append(f"\n[{section}]")
            for key in sorted(table):
                # JSON strings are valid TOML basic strings.
                lines.append(
                    f"{json.dumps(key, ensure_ascii=False)} = "
                    f"{json.dumps(table[key], ensure_ascii=False)}"
                )
        text = "\n".join(lines) + "\n"
        tomllib.loads(text)  # never write a file the renders cannot read
        tmp = self.paths.lexicon.with_suffix(".tmp")
        tmp.write_text(text, encoding="utf-8")
        tmp.replace(self.paths.lexicon)
        return {"words": dict(lex.words), "titles": dict(lex.titles)}

    async def lexicon(self, request: Request) -> Response:
        if request.method == "GET":
            return JSONResponse(self._read_lexicon())
        body, _ = await read_submission(request)
        if request.method == "PATCH":  # merge: an empty spoken form removes the entry
            current = self._read_lexicon()
            for section in ("words", "titles"):
                for key, value in (body.get(section) or {}).items():
                    if value:
                        current[section][key] = value
                    else:
                        current[section].pop(key, None)
            body = current
        return JSONResponse(self._write_lexicon(body))


def _secret(paths: DeskPaths) -> bytes:
    """A random key kept in the data folder (signs the session cookie)."""
    path = paths.root / "secret.key"
    if not path.is_file():
        path.write_bytes(secrets.token_bytes(32))
        path.chmod(0o600)
    return path.read_bytes()


async def _problem(request: Request, exc: Exception) -> Response:  # noqa: ARG001 - a handler
    if isinstance(exc, Problem):
        return _json(exc.status, exc.message, exc.setting)
    if isinstance(exc, HTTPException):
        return _json(exc.status_code, str(exc.detail))
    if isinstance(exc, (InputError, ConfigError)):
        return _json(400, str(exc), exc.setting)
    if isinstance(exc, AudionewsError):
        return _json(502, str(exc), exc.setting)
    log.error("desk: unexpected error", exc_info=exc)
    return _json(500, "internal error; the server log has the details.")


def _priority(value: Any) -> int:
    """A job's priority: 0 (normal) to 9 (breaking news first)."""
    if value is None or value is False:
        return 0
    if value is True:
        return 9
    if isinstance(value, str) and value.strip().isdigit():
        value = int(value)
    if not isinstance(value, int) or not 0 <= value <= 9:
        raise Problem(400, "priority must be a whole number from 0 to 9.", "priority")
    return value


def create_app(
    data_dir: str | Path,
    *,
    password: str | None = None,
    lang: str = "vi",
    workers: int = 2,
    start_workers: bool = True,
    allowed_hosts: list[str] | None = None,
    redis_url: str | None = None,
    keep_days: float | None = None,
) -> Starlette:
    """The desk as an ASGI app. ``start_workers=False`` queues jobs without running them (a
    separate consumer, or a test, runs them). With ``redis_url`` the desk queues on Redis and
    ``audionews worker`` processes render (the desk runs none itself). With ``keep_days``
    finished jobs older than that are deleted with their files (at start, then hourly)."""
    if keep_days is not None and keep_days <= 0:
        raise ConfigError(
            "keep_days must be more than 0 (leave it out to keep every job).", setting="keep_days"
        )
    paths = DeskPaths(Path(data_dir))
    paths.root.mkdir(parents=True, exist_ok=True)
    engine = JobEngine(paths, workers=workers, redis_url=redis_url)
    desk = Desk(paths, engine, lang, password)
    job = "/api/jobs/{id}"
    routes = [
        Route("/", desk.index),
        Route("/login", desk.login, methods=["GET", "POST"]),
        Route("/logout", desk.logout, methods=["POST"]),
        Route("/api/openapi.json", desk.spec),
        Route("/api/engines", desk.engines),
        Route("/api/status", desk.status),
        Route("/api/preview", desk.do_preview, methods=["POST"]),
        Route("/api/speak", desk.do_speak, methods=["POST"]),
        Route("/api/jobs", desk.create_job, methods=["POST"]),
        Route("/api/jobs", desk.list_jobs, methods=["GET"]),
        Route(job, desk.get_job, methods=["GET"]),
        Route(job, desk.delete_job, methods=["DELETE"]),
        Route(job + "/audio", desk.audio),
        Route(job + "/sidecars/{name}", desk.sidecar),
        Route(job + "/stories/{n:int}", desk.story_text),
        Route("/api/lexicon", desk.lexicon, methods=["GET", "PUT", "PATCH"]),
        Mount("/static", StaticFiles(directory=str(HERE / "static")), name="static"),
    ]
    middleware = [
        Middleware(BodyLimit),
        Middleware(Guard, password=password, secret=_secret(paths)),
    ]
    if allowed_hosts:
        middleware.insert(0, Middleware(TrustedHostMiddleware, allowed_hosts=allowed_hosts))

    retention = Retention(engine, keep_days) if keep_days is not None else None

    def startup() -> None:
        if start_workers and not redis_url:
            engine.start()
        if retention is not None:
            retention.start()

    def shutdown() -> None:
        if retention is not None:
            retention.stop()
        engine.stop()

    from contextlib import asynccontextmanager

    @asynccontextmanager
    async def lifespan(_app: Starlette) -> Any:
        startup()
        yield
        shutdown()

    app = Starlette(
        routes=routes,
        middleware=middleware,
        exception_handlers={
            Exception: _problem,
            HTTPException: _problem,
            Problem: _problem,
            AudionewsError: _problem,
        },
        lifespan=lifespan,
    )
    app.state.desk = desk
    app.state.engine = engine
    return app
