"""Screenshots of the demo for the README: the widest story's page, its map and its facts.

    python scripts/screenshots.py [--db demo/storyline.db] [--out docs] [--lang de]

Ingests the bundled demo sample into a fresh database (unless --db names an existing one), starts
`storyline serve` on a free loopback port, and drives Debian's headless Chromium through Playwright
(never `playwright install`: needs `make system-deps`). Writes demo-story.png, demo-map.png and
demo-facts.png. Everything runs offline.
"""
from __future__ import annotations

import argparse
import json
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "src" / "storyline" / "data" / "demo_sample"
CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run"]


def storyline(*args: str) -> str:
    return subprocess.run([sys.executable, "-m", "storyline.cli", *args], check=True, capture_output=True,
                          text=True).stdout


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_until_up(url: str, process: subprocess.Popen, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            sys.exit(f"storyline serve exited: {process.stderr.read()}")
        try:
            urllib.request.urlopen(url, timeout=2)
            return
        except OSError:
            time.sleep(0.3)
    sys.exit(f"storyline serve did not answer at {url}")


def shoot(url: str, out: Path, lang: str = "en") -> None:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        page = browser.new_page(viewport={"width": 1100, "height": 900})
        page.goto(f"{url}?lang={lang}")
        page.screenshot(path=str(out / "demo-story.png"))
        page.locator("section#karte").screenshot(path=str(out / "demo-map.png"))
        page.locator("section#fakten").screenshot(path=str(out / "demo-facts.png"))
        browser.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", help="an existing demo database (default: a fresh one from the sample)")
    parser.add_argument("--out", type=Path, default=ROOT / "docs")
    parser.add_argument("--lang", choices=("en", "de"), default="en", help="language of the page's labels")
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db = options.db or str(Path(tmp) / "demo.db")
        if not options.db:
            storyline("ingest", str(SAMPLE), "--db", db)
        top = json.loads(storyline("digest", "--db", db, "--limit", "1", "--json"))["stories"][0]["id"]
        port = free_port()
        process = subprocess.Popen([sys.executable, "-m", "storyline.cli", "serve", "--db", db, "--port", str(port)],
                                   stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        try:
            wait_until_up(f"http://127.0.0.1:{port}/", process)
            options.out.mkdir(parents=True, exist_ok=True)
            shoot(f"http://127.0.0.1:{port}/stories/{top}", options.out, options.lang)
        finally:
            process.terminate()
            process.wait(timeout=10)
    for name in ("demo-story.png", "demo-map.png", "demo-facts.png"):
        print(f"{options.out / name}: {(options.out / name).stat().st_size // 1024} KB")


if __name__ == "__main__":
    main()
