"""The desk: ``audionews serve``, a web page for editors and a JSON API for systems.

``serve(host, port, data_dir, password=None, lang="vi")`` runs it with uvicorn;
``create_app(data_dir, ...)`` gives the ASGI app (tests drive it in process). Needs the
``desk`` extra: ``pip install 'audionews[desk]'``. See docs/desk.md and docs/api.md.
"""

from __future__ import annotations

import ipaddress
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

from audionews.errors import ConfigError

if TYPE_CHECKING:
    from starlette.applications import Starlette

__all__ = ["create_app", "default_data_dir", "is_loopback", "serve"]


def create_app(data_dir: str | Path | None = None, **options: Any) -> Starlette:
    """The desk as an ASGI app (see :func:`audionews.desk.app.create_app` for ``options``)."""
    from audionews.desk.app import create_app as _create

    return _create(data_dir if data_dir is not None else default_data_dir(), **options)


def default_data_dir() -> Path:
    """``$AUDIONEWS_DESK_DIR``, else the user data folder (``~/.local/share/audionews/desk``)."""
    env = os.environ.get("AUDIONEWS_DESK_DIR")
    if env:
        return Path(env)
    import platformdirs

    return Path(platformdirs.user_data_dir("audionews")) / "desk"


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def read_password(password: str | None, password_file: str | Path | None) -> str | None:
    """The password given, or the first line of a token file."""
    if password_file is not None:
        try:
            text = Path(password_file).read_text(encoding="utf-8").strip()
        except OSError as exc:
            raise ConfigError(
                f"cannot read the token file {password_file}: {exc.strerror or exc}",
                setting="password_file",
            ) from None
        password = text.splitlines()[0].strip() if text else None
    if password is not None and len(password) < 8:
        raise ConfigError("the password must have at least 8 characters.", setting="password")
    return password


def serve(
    host: str = "127.0.0.1",
    port: int = 8000,
    data_dir: str | Path | None = None,
    password: str | None = None,
    lang: str = "vi",
    *,
    password_file: str | Path | None = None,
    workers: int = 2,
    redis_url: str | None = None,
    keep_days: float | None = None,
) -> None:
    """Run the desk until stopped (Ctrl-C). Binding an address other than loopback needs a
    password (or a token file); then every page and API call needs it. ``keep_days``: delete
    finished jobs (and their files) older than that; by default every job is kept."""
    try:
        import uvicorn
    except ImportError:
        raise ConfigError(
            "the desk needs its extra: pip install 'audionews[desk]'", setting="desk"
        ) from None
    secret = read_password(password, password_file)
    if not is_loopback(host) and secret is None:
        raise ConfigError(
            f"binding {host} opens the desk to the network: give a password (or a token file).",
            setting="password",
        )
    if lang not in ("vi", "en"):
        raise ConfigError(f"unknown language {lang!r} (vi or en).", setting="lang")
    hosts = None
    if is_loopback(host):
        hosts = ["127.0.0.1", "localhost", "::1", "[::1]"]  # no DNS rebinding onto the desk
    app = create_app(
        data_dir,
        password=secret,
        lang=lang,
        workers=workers,
        allowed_hosts=hosts,
        redis_url=redis_url,
        keep_days=keep_days,
    )
    uvicorn.run(app, host=host, port=port, log_level="info", server_header=False)
