"""``audionews watch``: render each new article of a feed or a folder once, and keep a podcast
feed of the programmes up to date.

A source is an RSS or Atom feed's URL (each item's link is an article) or a folder of article
files (``.txt``, ``.html``, ``.htm``, ``.md``, ``.docx``). What was rendered is remembered in
``.watch-state.json`` in the output folder (written after each article), so a restart renders
only what is new; an article that fails is reported and tried again on the next poll.

A feed's item is known by its guid (or link). A file is known by its content (SHA-256), with
its path recorded: a file edited in place is rendered again (its earlier version forgotten), a
file renamed or moved unchanged is not (its new path is recorded). A state file of an older
version (keyed by file name) is taken over as it is: its files count as rendered.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import time
import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path
from typing import Any

from audionews.formats import is_url

__all__ = ["ARTICLE_SUFFIXES", "Watcher", "feed_links"]

log = logging.getLogger(__name__)

ARTICLE_SUFFIXES = (".txt", ".html", ".htm", ".md", ".docx")
STATE = ".watch-state.json"
_ATOM = "{http://www.w3.org/2005/Atom}"


def feed_links(xml: bytes) -> list[tuple[str, str]]:
    """(key, article URL) of each item of an RSS 2.0 or Atom feed, oldest first."""
    root = ET.fromstring(xml)
    out: list[tuple[str, str]] = []
    for item in root.iter("item"):
        link = (item.findtext("link") or "").strip()
        key = (item.findtext("guid") or "").strip() or link
        if link:
            out.append((key, link))
    for entry in root.iter(_ATOM + "entry"):
        href = ""
        for link_el in entry.findall(_ATOM + "link"):
            if link_el.get("rel", "alternate") == "alternate" and link_el.get("href"):
                href = str(link_el.get("href"))
                break
        key = (entry.findtext(_ATOM + "id") or "").strip() or href
        if href:
            out.append((key, href))
    out.reverse()  # feeds list the newest first
    return out


class Watcher:
    """Polls ``source``; renders what it has not rendered yet into ``output``."""

    def __init__(
        self,
        source: str,
        output: Path,
        *,
        render: Callable[[str, Path], Path],
        publish: Callable[[Path], None] | None = None,
        timeout: float = 15.0,
    ) -> None:
        self.source, self.output = source, Path(output)
        self.render, self.publish, self.timeout = render, publish, timeout
        self.output.mkdir(parents=True, exist_ok=True)
        self.state_path = self.output / STATE
        self._digests: dict[tuple[str, int, int], str] = {}
        self._adopted = False
        self.seen: dict[str, dict[str, str]] = self._load()
        if self._adopted:
            self._save()  # in the new form from now on

    def _load(self) -> dict[str, dict[str, str]]:
        """key -> {"source": path or URL, "output": programme file name}."""
        try:
            data = json.loads(self.state_path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        seen = data.get("seen") if isinstance(data, dict) else None
        if not isinstance(seen, dict):
            return {}
        out: dict[str, dict[str, str]] = {}
        for key, value in seen.items():
            if isinstance(value, dict):
                out[str(key)] = {str(k): str(v) for k, v in value.items()}
            else:  # version 1: a feed's guid or a file's name -> the programme
                out.update(self._adopt(str(key), str(value)))
                self._adopted = True
        return out

    def _adopt(self, key: str, output: str) -> dict[str, dict[str, str]]:
        if not is_url(self.source):
            path = Path(self.source) / key
            if path.is_file():
                return {self._digest(path): {"source": str(path), "output": output}}
        return {key: {"source": key, "output": output}}

    def _save(self) -> None:
        tmp = self.state_path.with_suffix(".tmp")
        state = {"version": 2, "seen": self.seen}
        tmp.write_text(json.dumps(state, ensure_ascii=False, indent=1), "utf-8")
        os.replace(tmp, self.state_path)

    def _digest(self, path: Path) -> str:
        """``sha256:<hex>`` of the file's bytes (read again only when its size or time moved)."""
        st = path.stat()
        memo = (str(path), st.st_size, st.st_mtime_ns)
        if memo not in self._digests:
            self._digests[memo] = "sha256:" + hashlib.sha256(path.read_bytes()).hexdigest()
        return self._digests[memo]

    def articles(self) -> list[tuple[str, str]]:
        """(key, source) of every article the source has now, oldest first."""
        if is_url(self.source):
            from audionews.formats import DEFAULT_MAX_BYTES
            from audionews.formats.url import fetch

            # the guarded download: size limit, wall-clock timeout, no redirect to private hosts
            data, _, _ = fetch(self.source, timeout=self.timeout, max_bytes=DEFAULT_MAX_BYTES)
            return feed_links(data)
        folder = Path(self.source)
        files = [
            p
            for p in folder.iterdir()
            if p.is_file() and p.suffix.lower() in ARTICLE_SUFFIXES and not p.name.startswith(".")
        ]
        files.sort(key=lambda p: (p.stat().st_mtime, p.name))
        return [(self._digest(p), str(p)) for p in files]

    def _moved(self, key: str, source: str) -> None:
        """An article seen before under another path (a file renamed or moved): record where."""
        entry = self.seen[key]
        old = entry.get("source", "")
        if old != source and (is_url(self.source) or not Path(old).is_file()):
            entry["source"] = source
            self._save()

    def poll(self) -> list[Path]:
        """Render each new article once; returns the programmes written."""
        written: list[Path] = []
        for key, source in self.articles():
            if key in self.seen:
                self._moved(key, source)
                continue
            try:
                path = self.render(source, self.output)
            except Exception as exc:  # one bad article must not stop the watch
                log.error("watch: %s: %s", source, exc)
                continue
            for old in [k for k, e in self.seen.items() if e.get("source") == source]:
                del self.seen[old]  # the file's earlier version: a revert renders again
            self.seen[key] = {"source": source, "output": path.name}
            self._save()
            written.append(path)
            if self.publish is not None:
                self.publish(self.output)
        return written

    def run(
        self, interval: float, once: bool = False, on_new: Callable[[Path], Any] | None = None
    ) -> None:
        while True:
            try:
                for path in self.poll():
                    if on_new is not None:
                        on_new(path)
            except Exception as exc:  # a feed down for a while: try again next time
                log.error("watch: %s: %s", self.source, exc)
            if once:
                return
            time.sleep(interval)
