"""Articles from the web: ``audionews make https://...`` fetches the page, then reads it as HTML.

The download is streamed with requests and stopped as soon as it passes ``max_bytes``. ``timeout``
bounds the connection, each read, and the whole download (checked after every 16 KiB), so a server
that never answers or drips bytes forever cannot hang a run.
"""

from __future__ import annotations

import logging
import time

import requests

from audionews import __version__
from audionews.article import Article, parse_article
from audionews.errors import InputError
from audionews.formats import require_text

__all__ = ["fetch", "fetch_article"]

log = logging.getLogger(__name__)

USER_AGENT = f"audionews/{__version__} (+article reader; python-requests)"
_CHUNK = 16 * 1024


def fetch(url: str, *, timeout: float, max_bytes: int) -> tuple[bytes, str, str | None]:
    """Download ``url``: (body, content type, declared charset). Raises :class:`InputError`."""
    started = time.monotonic()
    try:
        response = requests.get(
            url,
            stream=True,
            timeout=(timeout, timeout),
            headers={"User-Agent": USER_AGENT, "Accept": "text/html,text/plain;q=0.9,*/*;q=0.5"},
        )
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

    with response:
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
        try:
            for chunk in response.iter_content(_CHUNK):
                body += chunk
                if len(body) > max_bytes:
                    raise _too_big(url, None, max_bytes)
                if time.monotonic() - started > timeout:
                    raise InputError(
                        f"{url}: the download took longer than {timeout:g} s and was stopped. "
                        "Try again later, or save the page in the browser and give the .html file."
                    )
        except requests.exceptions.RequestException as exc:
            # requests wraps urllib3's read timeout as ConnectionError while streaming.
            raise InputError(
                f"{url}: the site stopped answering during the download "
                f"(timeout {timeout:g} s; {type(exc).__name__}). Try again later, or save the "
                "page in the browser and give the .html file."
            ) from exc
        content_type = response.headers.get("Content-Type", "text/html")
        charset = requests.utils.get_encoding_from_headers(response.headers)
        if charset and "charset" not in content_type.lower():
            charset = None  # requests' ISO-8859-1 default for text/*: let the page's <meta> say
    log.debug("fetched %s: %d bytes in %.2f s", url, len(body), time.monotonic() - started)
    return bytes(body), content_type, charset


def fetch_article(url: str, *, timeout: float, max_bytes: int) -> Article:
    """Fetch ``url`` and extract its article (HTML page or plain text)."""
    data, content_type, charset = fetch(url, timeout=timeout, max_bytes=max_bytes)
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


def _too_big(url: str, size: int | None, max_bytes: int) -> InputError:
    said = f"{size / 1e6:.1f} MB" if size is not None else "more than the limit"
    return InputError(
        f"{url}: the page is too big ({said}; limit {max_bytes / 1e6:g} MB), so it is not a "
        "single article. Give the address of the article page itself, or save it as .html."
    )
