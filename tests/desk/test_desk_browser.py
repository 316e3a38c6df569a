"""The desk's page in a real headless Chromium (Selenium 4 and Debian's chromedriver).

An editor pastes the bundled example, sees its chapters and dropped lines, changes a
pronunciation, renders with espeak, watches the progress reach 100 %, and downloads an MP3 whose
chapters ffprobe reads. A screenshot of each step is saved; the folder is printed (and is
``$AUDIONEWS_DESK_ARTIFACTS`` when set).
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import threading
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMEDRIVER = shutil.which("chromedriver")
webdriver = pytest.importorskip("selenium.webdriver", reason="selenium is not installed")
pytestmark = pytest.mark.skipif(
    not (CHROMIUM and CHROMEDRIVER),
    reason="Chromium and chromedriver are needed (apt-get install chromium chromium-driver)",
)

from selenium.common.exceptions import StaleElementReferenceException  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.support import expected_conditions as ec  # noqa: E402
from selenium.webdriver.support.ui import WebDriverWait  # noqa: E402


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    import uvicorn

    from audionews.desk import create_app

    port = _free_port()
    app = create_app(tmp_path_factory.mktemp("desk-browser"), workers=2)
    config = uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning")
    srv = uvicorn.Server(config)
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not srv.started:
        assert time.monotonic() < deadline, "the desk did not start"
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(timeout=20)


@pytest.fixture(scope="module")
def artifacts(tmp_path_factory: pytest.TempPathFactory) -> Path:
    env = os.environ.get("AUDIONEWS_DESK_ARTIFACTS")
    folder = Path(env) if env else tmp_path_factory.mktemp("desk-screenshots")
    folder.mkdir(parents=True, exist_ok=True)
    print(f"\ndesk screenshots: {folder}")
    return folder


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in (
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-dev-shm-usage",
        "--window-size=1280,1800",
        "--lang=vi",
        "--autoplay-policy=no-user-gesture-required",
        f"--user-data-dir={tmp_path_factory.mktemp('chromium-profile')}",
    ):
        options.add_argument(flag)
    # The browser's language picks the page's (Vietnamese here; English is tested after).
    options.add_experimental_option("prefs", {"intl.accept_languages": "vi-VN,vi"})
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    driver.set_page_load_timeout(30)
    yield driver
    driver.quit()


def _shot(driver: Any, folder: Path, name: str) -> None:
    driver.save_screenshot(str(folder / f"{name}.png"))


def test_desk_page_end_to_end(server: str, browser: Any, artifacts: Path, example_text: str):
    wait = WebDriverWait(browser, 60, ignored_exceptions=[StaleElementReferenceException])
    browser.get(server + "/")
    assert browser.find_element(By.TAG_NAME, "h1").text == "Bàn biên tập audionews"
    wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, "#s-engine option[value=espeak]"))
    _shot(browser, artifacts, "1-empty")

    # 1. Paste the bundled example; 2. see how it was understood.
    area = browser.find_element(By.CSS_SELECTOR, "#stories .story-text")
    browser.execute_script("arguments[0].value = arguments[1]", area, example_text)
    browser.find_element(By.ID, "understand").click()
    wait.until(ec.visibility_of_element_located((By.CSS_SELECTOR, "#script .chapter")))
    chapters = [e.text for e in browser.find_elements(By.CSS_SELECTOR, "#script .chapter h3")]
    assert chapters[1:] == [
        "Cánh đồng ngập nước thành nguồn thu",
        "Hợp tác xã làm cầu nối",
        "Giữ nước nổi để giữ phù sa",
    ]
    dropped = browser.find_elements(By.CSS_SELECTOR, "#understood ul.dropped li")
    assert len(dropped) == 2
    assert "A A" in dropped[0].text and "Ảnh: THANH TÂM" in dropped[1].text
    # the kind of each drop, in the page language
    assert "phần trang web" in dropped[0].text and "chú thích ảnh" in dropped[1].text
    assert browser.find_elements(By.CSS_SELECTOR, "#script mark.k-number")
    _shot(browser, artifacts, "2-understood")

    # The caption's switch: read it after all, and the spoken script has it.
    def caption_read(d: Any) -> bool:
        written = d.find_elements(By.CSS_SELECTOR, "#script .written")
        return any(w.text.startswith("Người dân xã Vĩnh Hòa") for w in written)

    assert not caption_read(browser)
    browser.find_element(By.CSS_SELECTOR, "#understood input[data-line='9']").click()
    wait.until(caption_read)
    browser.find_element(By.CSS_SELECTOR, "#understood input[data-line='9']").click()
    wait.until(lambda d: not caption_read(d))

    # 3. Select a word in the written text and give it a pronunciation.
    browser.execute_script(
        """
        const p = Array.from(document.querySelectorAll('#script .written'))
          .find((n) => n.textContent.includes('Mê Kông'));
        const node = p.firstChild, at = node.textContent.indexOf('Mê Kông');
        const range = document.createRange();
        range.setStart(node, at); range.setEnd(node, at + 'Mê Kông'.length);
        const sel = window.getSelection(); sel.removeAllRanges(); sel.addRange(range);
        p.scrollIntoView({block: 'center'});
        """
    )
    wait.until(ec.visibility_of_element_located((By.ID, "add-pron")))
    _shot(browser, artifacts, "3-selection")
    browser.find_element(By.ID, "add-pron").click()
    assert browser.find_element(By.ID, "lex-written").get_attribute("value") == "Mê Kông"
    browser.find_element(By.ID, "lex-spoken").send_keys("Mê Công")
    browser.find_element(By.CSS_SELECTOR, "#lexicon-form button").click()
    wait.until(
        lambda d: any(
            m.text == "Công" for m in d.find_elements(By.CSS_SELECTOR, "#script mark.k-lexicon")
        )
    )
    assert "Mê Kông" in browser.find_element(By.ID, "lexicon").text
    browser.execute_script(
        "document.querySelector('#script mark.k-lexicon').scrollIntoView({block: 'center'})"
    )
    _shot(browser, artifacts, "4-lexicon")

    # 4. Render with espeak, watch the progress reach 100 %, play and download.
    assert browser.find_element(By.ID, "s-engine").get_attribute("value") == "espeak"
    browser.find_element(By.ID, "render").click()
    wait.until(ec.visibility_of_element_located((By.ID, "job")))
    browser.execute_script("document.getElementById('step4').scrollIntoView()")
    wait.until(lambda d: "/" in d.find_element(By.ID, "progress-text").text)
    _shot(browser, artifacts, "5-progress")
    wait.until(ec.visibility_of_element_located((By.ID, "result")))
    assert browser.find_element(By.ID, "percent").text == "100%"
    assert browser.find_element(By.ID, "progress").get_attribute("value") == "100"
    assert "Xong" in browser.find_element(By.ID, "progress-text").text
    chapter_links = browser.find_elements(By.CSS_SELECTOR, "#chapters .chapter-link")
    assert len(chapter_links) == 4 and "Hợp tác xã làm cầu nối" in chapter_links[2].text
    wait.until(
        lambda d: d.execute_script("return document.getElementById('player').readyState") >= 1
    )
    duration = browser.execute_script("return document.getElementById('player').duration")
    assert 200 < duration < 300
    browser.execute_script("document.getElementById('step4').scrollIntoView()")
    _shot(browser, artifacts, "6-rendered")

    href = browser.find_element(By.CSS_SELECTOR, "#downloads a.download-audio").get_attribute(
        "href"
    )
    mp3 = artifacts / "desk.mp3"
    with urllib.request.urlopen(href, timeout=30) as answer:
        mp3.write_bytes(answer.read())
    sidecars = browser.find_elements(By.CSS_SELECTOR, "#downloads a[class^=sidecar-]")
    assert {a.text for a in sidecars} >= {"srt", "vtt", "chapters", "manifest"}
    if shutil.which("ffprobe"):
        probe = subprocess.run(
            ["ffprobe", "-v", "error", "-show_chapters", "-of", "json", str(mp3)],
            capture_output=True,
            text=True,
            check=True,
        )
        titles = [c["tags"]["title"] for c in json.loads(probe.stdout)["chapters"]]
        assert titles[1:] == [
            "Cánh đồng ngập nước thành nguồn thu",
            "Hợp tác xã làm cầu nối",
            "Giữ nước nổi để giữ phù sa",
        ]

    # 5. The history lists it; the English page is there too.
    rows = browser.find_elements(By.CSS_SELECTOR, "#history tbody tr[data-job]")
    assert rows and "Mùa nước nổi" in rows[0].text
    browser.execute_script("document.getElementById('step5').scrollIntoView()")
    _shot(browser, artifacts, "7-history")

    # Open it again from the history: the text and settings come back into the editor.
    browser.get(server + "/")
    wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, "#history tbody tr[data-job]"))
    wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, "#s-engine option[value=espeak]"))
    row = browser.find_element(By.CSS_SELECTOR, "#history tbody tr[data-job]")
    row.find_elements(By.CSS_SELECTOR, ".row-actions button")[0].click()
    wait.until(ec.visibility_of_element_located((By.CSS_SELECTOR, "#script .chapter")))
    area = browser.find_element(By.CSS_SELECTOR, "#stories .story-text")
    assert area.get_attribute("value").startswith("Mùa nước nổi")
    assert browser.find_element(By.ID, "percent").text == "100%"
    browser.get(server + "/?lang=en")
    assert browser.find_element(By.TAG_NAME, "h1").text == "audionews desk"
    wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, "#history tbody tr[data-job]"))
    _shot(browser, artifacts, "8-english")


def test_desk_page_upload_and_hear(server: str, browser: Any, artifacts: Path) -> None:
    from conftest import EXAMPLE

    wait = WebDriverWait(browser, 60, ignored_exceptions=[StaleElementReferenceException])
    browser.get(server + "/?lang=vi")
    wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, "#s-engine option[value=espeak]"))
    browser.find_element(By.CSS_SELECTOR, "#stories .tab[data-mode='file']").click()
    browser.find_element(By.CSS_SELECTOR, "#stories .story-file input").send_keys(str(EXAMPLE))
    browser.find_element(By.ID, "understand").click()
    wait.until(ec.visibility_of_element_located((By.CSS_SELECTOR, "#script .chapter")))
    assert len(browser.find_elements(By.CSS_SELECTOR, "#script .chapter")) == 4
    # Hear a paragraph before rendering: the sound arrives, no error is shown.
    browser.execute_script(
        """window.__heard = 0;
        const original = window.fetch;
        window.fetch = async (...args) => {
          const r = await original(...args);
          if (String(args[0]).includes('/api/speak') && r.ok) window.__heard += 1;
          return r;
        };"""
    )
    browser.find_elements(By.CSS_SELECTOR, "#script .hear")[2].click()
    wait.until(lambda d: d.execute_script("return window.__heard") == 1)
    assert not browser.find_element(By.ID, "message").is_displayed()
    _shot(browser, artifacts, "9-uploaded")
