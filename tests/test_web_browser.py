"""End to end: `storyline serve` on a free loopback port, driven by headless Chromium through Playwright.

Uses Debian's /usr/bin/chromium (never a browser download). Screenshots go to test-output/.
"""
from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from conftest import INPUTS, ROOT, SEEDS

CHROMIUM = Path("/usr/bin/chromium")
pytestmark = pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian's chromium at /usr/bin/chromium "
                                "(apt-get install chromium)")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run"]
SHOTS = ROOT / "test-output"
TOKEN = "browser-token"
QUOTE = "Lieber ein alter Freund als zwei neue, wie man bei uns im Volk sagt"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_until_up(url: str, process: subprocess.Popen, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise AssertionError(f"storyline serve exited: {process.stderr.read()}")
        try:
            urllib.request.urlopen(url, timeout=2)
            return
        except OSError:
            time.sleep(0.3)
    raise AssertionError(f"storyline serve did not answer at {url}")


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    from storyline.flow import ingest_paths
    from storyline.store.db import Store

    db = tmp_path_factory.mktemp("browser") / "web.db"
    ingest_paths(Store(db), [SEEDS, INPUTS])
    port = free_port()
    process = subprocess.Popen([sys.executable, "-m", "storyline.cli", "serve", "--db", str(db), "--port", str(port),
                                "--token", TOKEN], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                               env={**os.environ, "STORYLINE_TOKEN": ""})
    url = f"http://127.0.0.1:{port}"
    try:
        wait_until_up(url + "/", process)
        yield url
    finally:
        process.terminate()
        process.wait(timeout=10)


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield chromium
        chromium.close()


def shoot(page, name: str) -> Path:
    SHOTS.mkdir(exist_ok=True)
    path = SHOTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path


def follow(page, link) -> None:
    """Click a link and wait until the page it leads to has loaded, so no check reads the page before."""
    with page.expect_navigation():
        link.click()


def test_front_page_story_quote_map_and_search(server, browser):
    page = browser.new_page(viewport={"width": 1280, "height": 900}, java_script_enabled=False)
    page.goto(server + "/")
    shoot(page, "front")
    follow(page, page.get_by_role("link", name="Zug aus Pjöngjang"))
    assert page.locator("h1").inner_text() == "Zug aus Pjöngjang"
    putin = page.get_by_role("region", name="Quotes of Wladimir Putin")
    assert putin.get_by_role("heading", level=3).inner_text().startswith("Wladimir Putin")
    assert putin.get_by_text(f"„{QUOTE}“").is_visible()
    label = page.locator("svg.map text", has_text="Wostotschny")
    assert label.is_visible()
    page.locator("svg.map").screenshot(path=str(SHOTS / "map.png"))
    assert shoot(page, "story").stat().st_size > 10_000
    page.get_by_label("Search articles").fill("Wladiwostok")
    page.get_by_label("Search articles").press("Enter")
    page.wait_for_url("**/search?q=Wladiwostok")
    assert page.get_by_role("status").inner_text() == "2 hits for “Wladiwostok”"
    shoot(page, "search")
    page.close()


def test_the_language_switch_turns_the_pages_german_and_back(server, browser):
    page = browser.new_page(java_script_enabled=False)
    page.goto(server + "/")
    assert page.locator("html").get_attribute("lang") == "en"
    follow(page, page.get_by_role("navigation", name="Language").get_by_role("link", name="Deutsch"))
    assert page.locator("html").get_attribute("lang") == "de"
    assert page.locator("h1").inner_text() == "Geschichten"
    follow(page, page.get_by_role("link", name="Zug aus Pjöngjang"))  # the choice holds on the next page
    assert page.get_by_role("heading", name="Zitate nach Sprecher").is_visible()
    assert "15. September 2023" in page.locator(".story-head .meta").inner_text()
    shoot(page, "story-german")
    follow(page, page.get_by_role("navigation", name="Sprache").get_by_role("link", name="English"))
    assert page.get_by_role("heading", name="Quotes by speaker").is_visible()
    page.close()


def test_story_page_reads_on_a_phone(server, browser):
    page = browser.new_page(viewport={"width": 390, "height": 844}, is_mobile=True)
    page.goto(server + "/")
    follow(page, page.get_by_role("link", name="Zug aus Pjöngjang"))
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390, "no sideways scrolling on a phone"
    shoot(page, "story-phone")
    page.close()


def test_skip_link_is_the_first_tab_stop(server, browser):
    page = browser.new_page()
    page.goto(server + "/")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Skip to content"
    page.keyboard.press("Enter")
    assert page.evaluate("location.hash") == "#inhalt"
    page.close()


def test_script_in_an_article_shows_as_text(server, browser):
    payload = "<script>alert('xss')</script>"
    body = json.dumps({"id": "xss-browser", "date": "2023-09-14", "outlet": "Testblatt", "title": f"Test {payload}",
                       "text": f"Kim Jong Un traf Wladimir Putin in Wostotschny. {payload} Ende des Berichts."})
    request = urllib.request.Request(server + "/api/articles", data=body.encode(), method="POST",
                                     headers={"Content-Type": "application/json", "Authorization": f"Bearer {TOKEN}"})
    assert json.load(urllib.request.urlopen(request))["added"] == ["xss-browser"]
    page = browser.new_page()
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.goto(server + "/articles/xss-browser")
    assert page.locator("h1").inner_text() == f"Test {payload}"
    assert payload in page.locator(".text").inner_text()
    shoot(page, "xss")
    assert dialogs == []
    page.close()
