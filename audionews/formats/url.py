"""Articles from the web: ``audionews make https://...`` fetches the page, then reads it as HTML.

The download is streamed with requests and stopped as soon as it passes ``max_bytes``. ``timeout``
bounds the connection, each read, and the whole download (checked after every 16 KiB), so a server
that never answers or drips bytes forever cannot hang a run.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Iterator

import requests

from audionews import __version__
from audionews.article import Article, parse_article
from audionews.errors import InputError
from audionews.formats import require_text

__all__ = ["fetch", "fetch_article"]

log = logging.getLogger(__name__)

USER_AGENT = f"audionews/{__version__} (+article reader; python-requests)"
_CHUNK = 16 * 1024


_MAX_REDIRECTS = 5


def _is_local(host: str) -> bool:
    """True for a loopback, private, link-local or otherwise non-public address (or a name
    that resolves to one): a page on the internet must not send us there."""
    import ipaddress
    import socket

    try:
        infos = socket.getaddrinfo(host, None)
    except (OSError, UnicodeError):
        return False  # unresolvable: the request itself will fail with a clear message
    for info in infos:
        address = ipaddress.ip_address(info[4][0])
        if not address.is_global:
            return True
    return False


def _open(url: str, timeout: float, public_only: bool = False) -> requests.Response:
    """GET ``url``, following redirects by hand: a redirect from a public page to a local or
    private address is refused (unless the address given was itself local). ``public_only``
    refuses a local or private address even when it is the one given (a server fetching
    addresses its users type: the desk)."""
    from urllib.parse import urljoin, urlsplit

    given_local = _is_local(urlsplit(url).hostname or "")
    if given_local and public_only:
        raise InputError(
            f"{url}: is a local or private address; this server only fetches public web "
            "pages. Save the page as .html and upload it instead."
        )
    current = url
    for _ in range(_MAX_REDIRECTS + 1):
        response = requests.get(
            current,
            stream=True,
            timeout=(timeout, timeout),
            allow_redirects=False,
            headers={"User-Agent": USER_AGENT, "Accept": "text/html,text/plain;q=0.9,*/*;q=0.5"},
        )
        if response.status_code not in (301, 302, 303, 307, 308):
            return response
        target = urljoin(current, response.headers.get("Location", ""))
        response.close()
        parts = urlsplit(target)
        if parts.scheme not in ("http", "https"):
            raise InputError(f"{url}: redirects to {target!r}, which is not a web page.")
        if not given_local and _is_local(parts.hostname or ""):
            raise InputError(
                f"{url}: redirects to a local or private address ({parts.hostname}); refused. "
                "Give that address yourself if you mean it, or save the page as .html."
            )
        current = target
    raise InputError(f"{url}: more than {_MAX_REDIRECTS} redirects; refused.")


def fetch(
    url: str, *, timeout: float, max_bytes: int, public_only: bool = False
) -> tuple[bytes, str, str | None]:
    """Download ``url``: (body, content type, declared charset), within ``timeout`` seconds of
    wall-clock time in all (a server dripping bytes is cut off). Raises :class:`InputError`."""
    started = time.monotonic()
    try:
        response = _open(url, timeout, public_only)
    except requests.exceptions.Timeout as exc:
        raise InputError(
            f"{url}: the site did not answer within {timeout:g} s. Check the address, try again "
            "later, or save the page in the browser and give the .html file."
        ) from exc
    except requests.exceptions.RequestException as exc:
        raise InputError(
            f"{url}: cannot be fetched ({type(exc).__name__}: {exc}). Check the address and "
            "the network connection, or save the page and give the .html file."
        ) from exc

    late = InputError(
        f"{url}: the download took longer than {timeout:g} s and was stopped. "
        "Try again later, or save the page in the browser and give the .html file."
    )
    # A read blocks until bytes come: past the deadline, close the connection under it.
    watchdog = threading.Timer(max(0.0, timeout - (time.monotonic() - started)), response.close)
    watchdog.daemon = True
    watchdog.start()
    try:
        with response:
            body, content_type, charset = _read(response, url, max_bytes, started, timeout, late)
    except InputError:
        raise
    except (requests.exceptions.RequestException, OSError, ValueError, AttributeError) as exc:
        if time.monotonic() - started >= timeout:
            raise late from exc
        # requests wraps urllib3's read timeout as ConnectionError while streaming.
        raise InputError(
            f"{url}: the site stopped answering during the download "
            f"(timeout {timeout:g} s; {type(exc).__name__}). Try again later, or save the "
            "page in the browser and give the .html file."
        ) from exc
    finally:
        watchdog.cancel()
    log.debug("fetched %s: %d bytes in %.2f s", url, len(body), time.monotonic() - started)
    return body, content_type, charset


def _read(
    response: requests.Response,
    url: str,
    max_bytes: int,
    started: float,
    timeout: float,
    late: InputError,
) -> tuple[bytes, str, str | None]:
    if response.status_code >= 400:
        raise InputError(
            f"{url}: the site answered HTTP {response.status_code} {response.reason}. "
            + (
                "Check the address (the article may have moved or been removed)."
                if response.status_code in (404, 410)
                else "Try again later, or save the page in the browser and give the .html file."
            )
        )
    declared_length = response.headers.get("Content-Length", "")
    if declared_length.isdigit() and int(declared_length) > max_bytes:
        raise _too_big(url, int(declared_length), max_bytes)
    body = bytearray()
    for chunk in _pieces(response):
        body += chunk
        if len(body) > max_bytes:
            raise _too_big(url, None, max_bytes)
        if time.monotonic() - started > timeout:
            raise late
    content_type = response.headers.get("Content-Type", "text/html")
    charset = requests.utils.get_encoding_from_headers(response.headers)
    if charset and "charset" not in content_type.lower():
        charset = None  # requests' ISO-8859-1 default for text/*: let the page's <meta> say
    return bytes(body), content_type, charset


def fetch_article(
    url: str, *, timeout: float, max_bytes: int, public_only: bool = False
) -> Article:
    """Fetch ``url`` and extract its article (HTML page or plain text); ``public_only`` as in
    :func:`fetch`."""
    data, content_type, charset = fetch(
        url, timeout=timeout, max_bytes=max_bytes, public_only=public_only
    )
    mime = content_type.split(";")[0].strip().lower()
    if mime in ("text/plain",):
        from audionews.read import decode_article

        return require_text(parse_article(decode_article(data, url)), url)
    if mime not in ("text/html", "application/xhtml+xml", "") and not mime.endswith("+xml"):
        raise InputError(
            f"{url}: is {mime}, not a web page. Give the address of the article page, or save "
            "the article as .txt, .docx or .md."
        )
    from audionews.formats.html import parse_html

    return parse_html(data, url, declared_charset=charset)


def _pieces(response: requests.Response) -> Iterator[bytes]:
    """The body as it arrives: whatever each read of the socket gives (``read1``), so a server
    dripping a few bytes at a time cannot hold a read for long between wall-clock checks."""
    raw = response.raw
    if not hasattr(raw, "read1"):  # urllib3 < 2: fixed-size reads
        yield from response.iter_content(_CHUNK)
        return
    while True:
        piece = raw.read1(_CHUNK, decode_content=True)
        if not piece:
            return
        yield piece


def _too_big(url: str, size: int | None, max_bytes: int) -> InputError:
    said = f"{size / 1e6:.1f} MB" if size is not None else "more than the limit"
    return InputError(
        f"{url}: the page is too big ({said}; limit {max_bytes / 1e6:g} MB), so it is not a "
        "single article. Give the address of the article page itself, or save it as .html."
    )
