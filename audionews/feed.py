"""Publish a folder of programmes as a podcast: an RSS 2.0 feed with iTunes and Podcasting 2.0 tags.

Every ``X.mp3`` in the folder becomes one item, described from its own ID3 tags (title, author,
date, lead as the comment) and duration, with its sidecars when they exist beside it:
``X.chapters.json`` (``<podcast:chapters>``), ``X.vtt`` and ``X.srt`` (``<podcast:transcript>``).
The feed is built with feedgen (its podcast extension writes the iTunes tags); the Podcasting 2.0
elements, which feedgen does not know, come from a small feedgen extension below.

The feed is rebuilt from the folder on every run and written atomically, and each item's guid is
derived from the file name and title, so re-running after adding programmes updates the feed
without duplicating items or changing the guids podcast apps already know.
"""

from __future__ import annotations

import logging
import re
import stat
import uuid
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone, tzinfo
from pathlib import Path
from typing import Any
from urllib.parse import quote

from feedgen.ext.base import BaseEntryExtension, BaseExtension
from feedgen.feed import FeedGenerator
from lxml import etree

from audionews.errors import ExportError, InputError
from audionews.export import atomic_write

__all__ = ["DEFAULT_TZ", "Episode", "read_episode", "write_feed"]

log = logging.getLogger(__name__)

PODCAST_NS = "https://podcastindex.org/namespace/1.0"
ITUNES_NS = "http://www.itunes.com/dtds/podcast-1.0.dtd"
#: Podcasting 2.0 ``<podcast:guid>`` namespace (UUIDv5 of the feed URL without its scheme).
_PODCAST_GUID_NS = uuid.UUID("ead4c236-bf58-58c6-a2c6-a6b28d128cb6")
#: Item guids: UUIDv5 of "file name + title" in this namespace.
_ITEM_GUID_NS = uuid.uuid5(uuid.NAMESPACE_URL, "https://github.com/audionews/episode")
DEFAULT_TZ: tzinfo = timezone(timedelta(hours=7), "ICT")
"""ID3 dates carry no time zone; Vietnamese news prints Indochina Time (UTC+7)."""

#: Sidecar suffixes beside ``X.mp3`` -> (element, MIME type).
CHAPTERS_SUFFIX = ".chapters.json"
CHAPTERS_TYPE = "application/json+chapters"
TRANSCRIPTS = ((".vtt", "text/vtt"), (".srt", "application/x-subrip"))


@dataclass(frozen=True)
class Episode:
    """One programme of the folder, as the feed describes it."""

    path: Path
    title: str
    guid: str
    published: datetime
    """Time-zone aware."""
    duration: float
    """Seconds."""
    size: int
    """Bytes, for the enclosure."""
    description: str | None = None
    author: str | None = None
    language: str | None = None
    chapters: Path | None = None
    transcripts: tuple[tuple[Path, str], ...] = ()
    """(sidecar path, MIME type)."""
    cover: Path | None = None
    """The programme's cover art (from its APIC tag), beside it, for ``itunes:image``."""


def write_feed(
    folder: Path,
    base_url: str,
    title: str,
    *,
    author: str | None = None,
    image: str | None = None,
    output: Path | None = None,
    description: str | None = None,
    language: str = "vi",
) -> Path:
    """Write the podcast feed of the programmes in ``folder``; returns the feed's path.

    ``base_url`` is where the folder's files are published (enclosure, chapter and transcript
    URLs are ``base_url/<file name>``); the feed goes to ``folder/feed.xml`` unless ``output``
    names another file. Raises :class:`InputError` for a missing folder, a bad URL or a folder
    without programmes, and :class:`ExportError` when the feed cannot be written.
    """
    folder = Path(folder)
    if not folder.is_dir():
        raise InputError(f"{folder}: no such folder. Name the folder holding the .mp3 programmes.")
    if not base_url.lower().startswith(("http://", "https://")):
        raise InputError(
            f"--base-url {base_url!r} is not a web address. Give the http(s):// address where "
            f"the files of {folder} are published, e.g. https://example.vn/podcast/."
        )
    if not title.strip():
        raise InputError("The feed needs a title (--title).")
    base = base_url.rstrip("/") + "/"
    target = Path(output) if output is not None else folder / "feed.xml"

    episodes = []
    skipped: list[str] = []
    for mp3 in sorted(folder.glob("*.mp3")):
        if mp3.name.startswith("."):
            continue  # a half-written programme (atomic_write's temporary file)
        try:
            episode = read_episode(mp3)
        except (OSError, ValueError, LookupError) as exc:  # one bad file never breaks the feed
            log.warning("%s: skipped, cannot be read (%s)", mp3, exc)
            episode = None
        if episode is not None:
            episodes.append(episode)
        else:
            skipped.append(mp3.name)
    if not episodes:
        also = f" ({len(skipped)} skipped: {', '.join(skipped[:5])})" if skipped else ""
        raise InputError(
            f"{folder}: no programmes (.mp3 files) to publish{also}. Make some with "
            "`audionews make`."
        )
    episodes.sort(key=lambda e: (e.published, e.path.name), reverse=True)

    # Published beside the programmes, the feed knows its own address (<atom:link rel="self">).
    self_url = base + quote(target.name) if output is None else None
    xml = _build(episodes, base, self_url, title, author, image, description, language)
    with atomic_write(target) as tmp:
        tmp.write_bytes(xml)
    log.info("wrote %s: %d items", target, len(episodes))
    return target


def read_episode(path: Path) -> Episode | None:
    """Describe ``path`` from its ID3 tags, MP3 header and sidecars; None (logged, naming the
    file) if it is not a regular file, not an MP3, or its tags hold text a feed cannot carry."""
    from mutagen import MutagenError
    from mutagen.id3 import ID3, ID3NoHeaderError
    from mutagen.mp3 import MP3

    if not _regular_file(path):
        log.warning("%s: skipped, not a regular file (a pipe, socket or device)", path)
        return None
    try:
        info: Any = MP3(str(path)).info  # type: ignore[no-untyped-call]
    except MutagenError as exc:
        log.warning("%s: skipped, not a readable MP3 (%s)", path, exc)
        return None
    try:
        tags: Any = ID3(str(path))  # type: ignore[no-untyped-call]
    except ID3NoHeaderError:
        tags = {}
    except MutagenError as exc:
        log.warning("%s: ID3 tags unreadable (%s); described from the file name", path, exc)
        tags = {}

    title = _text(tags, "TIT2") or path.stem.replace("-", " ")
    stat = path.stat()
    published = _tag_date(tags) or datetime.fromtimestamp(stat.st_mtime, timezone.utc)
    comments = [f for k, f in _items(tags) if k.startswith("COMM")]
    description = str(comments[0].text[0]) if comments and comments[0].text else None
    language = _text(tags, "TLAN")

    stem = path.name[: -len(path.suffix)]
    chapters = path.with_name(stem + CHAPTERS_SUFFIX)
    transcripts = tuple(
        (path.with_name(stem + suffix), mime)
        for suffix, mime in TRANSCRIPTS
        if path.with_name(stem + suffix).is_file()
    )
    for field, value in (
        ("title", title),
        ("comment", description),
        ("artist", _text(tags, "TPE1")),
        ("language", language),
    ):
        if value is not None and _NOT_XML.search(value):
            bad = _NOT_XML.search(value)
            assert bad is not None
            log.warning(
                "%s: skipped, its %s tag holds U+%04X, which a feed (XML) cannot carry; "
                "make the programme again from a clean article",
                path,
                field,
                ord(bad.group()),
            )
            return None
    return Episode(
        cover=_cover_file(path, stem, tags),
        path=path,
        title=title,
        guid=str(uuid.uuid5(_ITEM_GUID_NS, f"{path.name}\n{title}")),
        published=published,
        duration=float(info.length),
        size=stat.st_size,
        description=description,
        author=_text(tags, "TPE1"),
        language=language,
        chapters=chapters if chapters.is_file() else None,
        transcripts=transcripts,
    )


def _cover_file(path: Path, stem: str, tags: Any) -> Path | None:
    """The cover art of ``path`` (its APIC tag) as ``<stem>.cover.jpg|png`` beside it, written
    when missing or changed; None without cover art."""
    from audionews.export import atomic_write

    pictures = [f for k, f in _items(tags) if k.startswith("APIC")]
    if not pictures:
        return None
    picture = pictures[0]
    ext = ".png" if picture.mime == "image/png" else ".jpg"
    cover = path.with_name(f"{stem}.cover{ext}")
    if not (cover.is_file() and cover.read_bytes() == picture.data):
        with atomic_write(cover) as tmp:
            tmp.write_bytes(picture.data)
    return cover


#: Characters XML 1.0 cannot carry (controls, surrogates, U+FFFE, U+FFFF).
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _regular_file(path: Path) -> bool:
    try:
        return stat.S_ISREG(path.stat().st_mode)
    except OSError:
        return False


def _items(tags: Any) -> list[tuple[str, Any]]:
    return list(tags.items()) if tags else []


def _text(tags: Any, key: str) -> str | None:
    frame = tags.get(key) if tags else None
    if frame is None or not frame.text:
        return None
    value = " / ".join(str(t) for t in frame.text).strip()
    return value or None


def _tag_date(tags: Any) -> datetime | None:
    """TDRC (mutagen joins ID3v2.3 TYER/TDAT/TIME into it) as an aware datetime."""
    stamp = _text(tags, "TDRC")
    if not stamp:
        return None
    stamp = stamp.split(" / ")[0]
    try:
        if len(stamp) == 4:
            value: datetime | date = date(int(stamp), 1, 1)
        elif len(stamp) == 7:
            value = date(int(stamp[:4]), int(stamp[5:7]), 1)
        elif len(stamp) == 10:
            value = date.fromisoformat(stamp)
        else:
            value = datetime.fromisoformat(stamp.replace(" ", "T"))
    except ValueError:
        log.warning("unreadable ID3 date %r ignored", stamp)
        return None
    if not isinstance(value, datetime):
        value = datetime(value.year, value.month, value.day)
    return value if value.tzinfo else value.replace(tzinfo=DEFAULT_TZ)


# --- the XML -----------------------------------------------------------------------------------


def _build(
    episodes: list[Episode],
    base: str,
    self_url: str | None,
    title: str,
    author: str | None,
    image: str | None,
    description: str | None,
    language: str,
) -> bytes:
    fg = FeedGenerator()
    fg.load_extension("podcast")
    fg.register_extension("podcast2", Podcast20Extension, Podcast20EntryExtension)
    fg.title(title)
    if self_url:
        fg.link(href=self_url, rel="self", type="application/rss+xml")
    fg.link(href=base, rel="alternate")  # after "self": feedgen's RSS <link> is the last one set
    fg.description(description or title)
    fg.language(language)
    fg.generator("audionews")
    # The newest programme's date, not "now": re-running on the same folder writes the same bytes.
    fg.lastBuildDate(max(e.published for e in episodes))
    fg.podcast.itunes_category("News")
    fg.podcast.itunes_explicit("no")
    fg.podcast.itunes_summary(description or title)
    if author:
        fg.author({"name": author})
        fg.podcast.itunes_author(author)
    if image:
        image_url = _url(base, image)
        fg.image(url=image_url, title=title, link=base)
        fg.podcast.itunes_image(image_url)
    fg.podcast2.guid(str(uuid.uuid5(_PODCAST_GUID_NS, base.split("://", 1)[1].rstrip("/"))))

    for ep in episodes:
        fe = fg.add_entry(order="append")
        fe.guid(ep.guid, permalink=False)
        fe.title(ep.title)
        fe.description(ep.description or ep.title)
        fe.pubDate(ep.published)
        fe.enclosure(_url(base, ep.path.name), str(ep.size), "audio/mpeg")
        fe.podcast.itunes_duration(round(ep.duration))
        if ep.author:
            fe.podcast.itunes_author(ep.author)
        if ep.description:
            fe.podcast.itunes_summary(ep.description)
        if ep.cover is not None:
            fe.podcast.itunes_image(_url(base, ep.cover.name))
        if ep.chapters is not None:
            fe.podcast2.chapters(_url(base, ep.chapters.name), CHAPTERS_TYPE)
        for path, mime in ep.transcripts:
            fe.podcast2.transcript(_url(base, path.name), mime, _bcp47(ep.language, language))
    try:
        return bytes(fg.rss_str(pretty=True))
    except ValueError as exc:  # feedgen validates required fields and values
        raise ExportError(f"the feed could not be built: {exc}") from exc


def _url(base: str, name: str) -> str:
    if name.lower().startswith(("http://", "https://")):
        return name
    return base + quote(name)


def _bcp47(id3_language: str | None, default: str) -> str:
    """ID3's ISO 639-2 "vie" -> "vi" for ``<podcast:transcript language>``."""
    return {"vie": "vi", "eng": "en"}.get((id3_language or "").lower(), default)


# --- Podcasting 2.0 elements as a feedgen extension --------------------------------------------


class Podcast20Extension(BaseExtension):  # type: ignore[misc]
    """Channel-level ``podcast:`` elements (``<podcast:guid>``)."""

    def __init__(self) -> None:
        self._guid: str | None = None

    def extend_ns(self) -> dict[str, str]:
        return {"podcast": PODCAST_NS}

    def guid(self, value: str) -> None:
        self._guid = value

    def extend_rss(self, rss_feed: Any) -> Any:
        channel = rss_feed[0]
        if self._guid:
            etree.SubElement(channel, f"{{{PODCAST_NS}}}guid").text = self._guid
        return rss_feed


class Podcast20EntryExtension(BaseEntryExtension):  # type: ignore[misc]
    """Item-level ``<podcast:chapters>`` and ``<podcast:transcript>``."""

    def __init__(self) -> None:
        self._chapters: tuple[str, str] | None = None
        self._transcripts: list[dict[str, str]] = []

    def extend_ns(self) -> dict[str, str]:
        return {"podcast": PODCAST_NS}

    def chapters(self, url: str, mime: str) -> None:
        self._chapters = (url, mime)

    def transcript(self, url: str, mime: str, language: str) -> None:
        self._transcripts.append({"url": url, "type": mime, "language": language})

    def extend_rss(self, item: Any) -> Any:
        for attrs in self._transcripts:
            etree.SubElement(item, f"{{{PODCAST_NS}}}transcript", attrs)
        if self._chapters is not None:
            url, mime = self._chapters
            etree.SubElement(item, f"{{{PODCAST_NS}}}chapters", {"url": url, "type": mime})
        return item
