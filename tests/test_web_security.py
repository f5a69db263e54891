"""Web security: article-derived payloads stay inert on every page, and no route reads files outside its folder.

The articles below carry script, attribute and URL payloads in their title, outlet, url and text. The
real analysis finds the quotes holding payloads; names with payloads (an organisation, a speaker, a
place on the map) are added to its result by a wrapper, as an adversarial text could make a model
tag them. Every HTML page is parsed the way a browser would see it: no <script>, no event-handler
or autofocus attribute, no href/src whose scheme is javascript: or data:, and the payloads are shown
as text. The JSON API must return them as plain strings.
"""
from __future__ import annotations

import datetime
import http.client
import json
import socket
import threading
import time
from html.parser import HTMLParser
from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient

from conftest import run_cli

ATTR_DOUBLE = '" onmouseover="alert(1)'
ATTR_SINGLE = "' autofocus onfocus=alert(1) x='"
SCRIPT = "<script>alert(1)</script>"
IMG = "<img src=x onerror=alert(1)>"
JS_URL = "javascript:alert(1)"
DATA_URL = "data:text/html,<script>alert(1)</script>"
ANCHOR = f'<a href="{JS_URL}">hier</a>'
PAYLOADS = (ATTR_DOUBLE, ATTR_SINGLE, SCRIPT, IMG, JS_URL, DATA_URL)
ORG_NAME = "Reederei Nordlicht" + SCRIPT
PER_NAME = "Kapitän Hansen" + ATTR_DOUBLE
LOC_NAME = "Speicherstadt" + ATTR_SINGLE
QUOTE_TEXT = f"Der Hafen braucht Platz {IMG}"
TRAVERSAL_ID = "../../../etc/passwd"
SAFE_URL = "https://hafen.example/ausbau?teil=1&seite=2"
ARTICLES = [
    {"id": "xss-attr", "date": "2023-09-14", "outlet": f"Hafenblatt {ATTR_SINGLE}", "url": JS_URL,
     "title": f"Scholz im Hamburger Hafen {ATTR_DOUBLE}",
     "text": f"Bundeskanzler Olaf Scholz besuchte am Montag den Hamburger Hafen{ATTR_DOUBLE}. „Wir bauen den "
             f"Hafen aus {SCRIPT}“, sagte Scholz in Hamburg. Auch die {ORG_NAME} war dabei. „{QUOTE_TEXT}“, "
             f"sagte {PER_NAME}. Mehr unter {JS_URL} und {DATA_URL} im Netz."},
    {"id": TRAVERSAL_ID, "date": "2023-09-15", "outlet": f"Elbkurier {SCRIPT}", "url": DATA_URL,
     "title": f"Hafenausbau in Hamburg {SCRIPT}",
     "text": f"Der Hamburger Hafen wird ausgebaut, kündigte Bundeskanzler Olaf Scholz am Dienstag in Hamburg an. "
             f"„Das ist ein guter Tag {ATTR_DOUBLE} für Hamburg“, sagte Scholz in der {LOC_NAME}. Die "
             f"Hafenbehörde{ATTR_SINGLE} nannte Kosten von 200 Millionen Euro."},
    {"id": "xss-url", "date": "2023-09-16", "outlet": "Nordseebote", "url": SAFE_URL, "title": f"Hafen {IMG}",
     "text": f"Der Ausbau des Hamburger Hafens beginnt im Oktober, sagte Bundeskanzler Olaf Scholz am Mittwoch in "
             f"Hamburg. Die {ORG_NAME} begrüßte den Ausbau. Eine Anleitung steht {ANCHOR}."},
    {"id": "xss-case", "date": "2023-09-16", "outlet": "Küstenzeitung", "url": "  JaVaScRiPt:alert(1)",
     "title": "Hafenausbau: Kritik der Umweltverbände",
     "text": "Umweltverbände kritisieren den Ausbau des Hamburger Hafens. Bundeskanzler Olaf Scholz verteidigte "
             "den Ausbau am Donnerstag in Hamburg."},
]
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "poster", "background", "data"}


class PageAudit(HTMLParser):
    """What a browser would act on: every element with its attributes, and the text it shows."""

    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict]] = []
        self.text_parts: list[str] = []
        self.feed(html)
        self.close()

    def handle_starttag(self, tag, attrs):
        self.elements.append((tag, {name: value or "" for name, value in attrs}))

    handle_startendtag = handle_starttag

    def handle_data(self, data):
        self.text_parts.append(data)

    @property
    def text(self) -> str:
        return "".join(self.text_parts)


def url_scheme(value: str) -> str:
    """The scheme as a browser reads it: it drops leading blanks and control characters, tabs and
    newlines anywhere, and ignores case."""
    cleaned = "".join(c for c in value.lstrip("\x00\x01\x02\x03\x04\x05\x06\x07\x08 \x0b\x0c\r\n\t")
                      if c not in "\t\n\r")
    return cleaned.split(":", 1)[0].lower() if ":" in cleaned.split("/", 1)[0] else ""


def active_content(html: str) -> list[str]:
    """Everything on the page that could run script: the list must be empty."""
    problems = []
    for tag, attrs in PageAudit(html).elements:
        if tag in ("script", "iframe", "object", "embed", "img", "base"):
            problems.append(f"<{tag}>")
        for name, value in attrs.items():
            if name.startswith("on") or name in ("autofocus", "srcdoc"):
                problems.append(f"<{tag} {name}>")
            if name in URL_ATTRIBUTES and url_scheme(value) not in ("", "http", "https"):
                problems.append(f"<{tag} {name}={value!r}>")
    return problems


def with_payload_names(real_analysis):
    """The real analysis plus mentions, a quote and a place whose names carry payloads."""
    from storyline.model import Mention, Place, Quote

    def analyze(article, time_limit=None, parsed=None, vectors=True):
        analyzed = real_analysis(article, time_limit, parsed, vectors)
        added = [(article.text.find(name), name, kind) for name, kind in
                 ((ORG_NAME, "ORG"), (PER_NAME, "PER"), (LOC_NAME, "LOC"))]
        for start, name, kind in [item for item in added if item[0] >= 0]:
            end = start + len(name)
            analyzed.mentions = [m for m in analyzed.mentions if m.end <= start or m.start >= end]
            analyzed.mentions.append(Mention(start, end, name, kind))
            if kind == "LOC":
                analyzed.places.append(Place(start, end, name, name, 53.54, 9.99, "DE", "P", 0.9))
            if kind == "PER" and QUOTE_TEXT in article.text:
                q_start = article.text.find(QUOTE_TEXT)
                analyzed.quotes = [q for q in analyzed.quotes if q.end <= q_start or q.start >= q_start + 1]
                analyzed.quotes.append(Quote(q_start, q_start + len(QUOTE_TEXT), QUOTE_TEXT, "direct", "sagte", name,
                                             start, end, resolved_start=start, resolved_end=end, resolved_text=name))
        analyzed.mentions.sort(key=lambda m: m.start)
        return analyzed

    return analyze


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    import storyline.analyze.pipeline as pipeline
    from storyline.flow import ingest_paths
    from storyline.store.db import Store

    folder = tmp_path_factory.mktemp("security")
    source, path = folder / "angriff.jsonl", folder / "web.db"
    source.write_text("".join(json.dumps(a, ensure_ascii=False) + "\n" for a in ARTICLES), encoding="utf-8")
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(pipeline, "analyze_article", with_payload_names(pipeline.analyze_article))
        report = ingest_paths(Store(path), [source], workers=1)  # the patch lives in this process
    assert sorted(report.added) == sorted(a["id"] for a in ARTICLES) and not report.problems
    return path


@pytest.fixture(scope="module")
def client(db):
    from storyline.web.app import create_app

    return TestClient(create_app(str(db), token=""))


@pytest.fixture(scope="module")
def story_id(client):
    stories = client.get("/api/stories").json()["stories"]
    assert len(stories) == 1, "the four articles on the Hamburg port should form one story"
    return stories[0]["id"]


@pytest.fixture(scope="module")
def entity_ids(client) -> dict[str, str]:
    entities = client.get("/api/entities?limit=200").json()
    return {name: next(e["id"] for e in entities if e["name"] == name) for name in (ORG_NAME, PER_NAME, LOC_NAME)}


@pytest.fixture(scope="module")
def pages(client, story_id, entity_ids) -> dict[str, str]:
    """Every HTML page that shows article-derived text, by path."""
    paths = ["/", f"/?outlet={quote(ARTICLES[0]['outlet'])}", f"/?entity={quote(ORG_NAME)}&since=2023-09-01",
             f"/?outlet={quote(SCRIPT)}&limit=1&offset=1", f"/stories/{story_id}", f"/stories/{story_id}/report.html",
             "/search?q=Hafen", f"/search?q={quote(ATTR_DOUBLE)}", f"/search?q={quote(SCRIPT)}",
             f"/?since={quote(SCRIPT)}"]
    paths += [f"/articles/{quote(a['id'], safe='')}" for a in ARTICLES]
    paths += [f"/entities/{quote(i, safe='')}" for i in entity_ids.values()]
    result = {}
    for path in paths:
        response = client.get(path)
        assert response.status_code in (200, 422), path
        assert response.headers["content-type"].startswith("text/html"), path
        result[path] = response.text
    return result


def test_no_page_holds_active_content(pages):
    for path, html in pages.items():
        assert active_content(html) == [], path


def test_no_payload_appears_unescaped_in_the_markup(pages):
    for path, html in pages.items():
        for payload in (ATTR_DOUBLE, ATTR_SINGLE, SCRIPT, IMG, DATA_URL, ANCHOR):
            assert payload not in html, (path, payload)


def test_payloads_are_shown_as_the_text_they_are(pages, story_id, entity_ids):
    article = PageAudit(pages["/articles/xss-attr"]).text
    for payload in (ATTR_DOUBLE, ATTR_SINGLE, SCRIPT, JS_URL, DATA_URL, QUOTE_TEXT, PER_NAME, ORG_NAME):
        assert payload in article
    story = PageAudit(pages[f"/stories/{story_id}"]).text
    assert f"„{QUOTE_TEXT}“" in story and PER_NAME in story and ORG_NAME in story and f"Elbkurier {SCRIPT}" in story
    assert "Hamburger Hafen" in PageAudit(pages["/search?q=Hafen"]).text
    assert f"<h1>{PER_NAME}</h1>".replace('"', "&#34;") in pages[f"/entities/{quote(entity_ids[PER_NAME], safe='')}"]


def test_the_map_escapes_place_names(pages, story_id):
    html = pages[f"/stories/{story_id}"]
    svg = html[html.index('<svg class="map"'):html.index("</svg>")]
    assert "Speicherstadt&#39; autofocus onfocus=alert(1) x=&#39;</text>" in svg
    assert active_content(svg) == []


def test_only_web_links_become_links_to_the_source(pages):
    links = [attrs.get("href") for _, attrs in PageAudit(pages["/articles/xss-url"]).elements]
    assert SAFE_URL in links
    for article_id in ("xss-attr", TRAVERSAL_ID, "xss-case"):
        audit = PageAudit(pages[f"/articles/{quote(article_id, safe='')}"])
        assert not any(attrs.get("href", "").startswith(("http:", "https:")) for _, attrs in audit.elements)
        assert next(a for a in ARTICLES if a["id"] == article_id)["url"].strip() in audit.text


def test_html_report_from_the_command_line_is_inert(db, story_id, tmp_path):
    out = tmp_path / "bericht.html"
    run_cli("report", story_id, "--format", "html", "--db", str(db), "-o", str(out))
    html = out.read_text(encoding="utf-8")
    assert active_content(html) == []
    for payload in (ATTR_DOUBLE, ATTR_SINGLE, SCRIPT, IMG, DATA_URL):
        assert payload not in html
    assert f"„{QUOTE_TEXT}“" in PageAudit(html).text and "<svg class=\"map\"" in html
    assert f"Made with Storyline on {datetime.date.today().isoformat()}" in html


def test_markdown_report_escapes_html(db, story_id):
    text = run_cli("report", story_id, "--format", "md", "--db", str(db)).stdout
    assert SCRIPT not in text and IMG not in text and f"<{JS_URL}>" not in text
    assert f"<{SAFE_URL}>" in text


def test_security_headers_on_every_payload_page(client, pages):
    for path in list(pages) + ["/api/articles/xss-attr", "/static/style.css", "/gibt-es-nicht"]:
        headers = client.get(path).headers
        csp = headers["content-security-policy"]
        assert "default-src 'none'" in csp and "script-src 'self'" in csp and "'unsafe-inline'" not in csp, path
        assert headers["x-content-type-options"] == "nosniff" and headers["x-frame-options"] == "DENY", path


def test_json_api_returns_payloads_as_plain_strings(client, story_id, entity_ids):
    response = client.get("/api/articles/xss-attr")
    assert response.headers["content-type"] == "application/json"
    article = response.json()
    assert (article["title"], article["outlet"], article["url"]) == (ARTICLES[0]["title"], ARTICLES[0]["outlet"],
                                                                     JS_URL)
    assert article["text"] == ARTICLES[0]["text"]
    assert QUOTE_TEXT in [q["text"] for q in article["quotes"]]
    assert {q["speaker_text"] for q in article["quotes"]} >= {PER_NAME}
    story = client.get(f"/api/stories/{story_id}").json()
    assert ORG_NAME in [actor["name"] for actor in story["actors"]]
    assert LOC_NAME in [place["name"] for place in story["places"]]
    assert client.get(f"/api/entities/{quote(entity_ids[PER_NAME], safe='')}").json()["name"] == PER_NAME
    assert client.get(f"/api/articles/{quote(TRAVERSAL_ID, safe='')}").json()["url"] == DATA_URL


@pytest.fixture(scope="module")
def server(db):
    """The app under uvicorn on a free loopback port, so raw paths reach it unnormalised, as from a client
    that sends `..` on purpose (httpx and browsers would resolve the dots first)."""
    import uvicorn

    from storyline.web.app import create_app

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    instance = uvicorn.Server(uvicorn.Config(create_app(str(db), token=""), host="127.0.0.1", port=port,
                                             log_level="error"))
    thread = threading.Thread(target=instance.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not instance.started and time.monotonic() < deadline:
        time.sleep(0.05)
    yield port
    instance.should_exit = True
    thread.join(10)


def raw_get(port: int, path: str) -> tuple[int, str]:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    connection.putrequest("GET", path, skip_accept_encoding=True)
    connection.endheaders()
    response = connection.getresponse()
    body = response.read().decode("utf-8", "replace")
    connection.close()
    return response.status, body


SECRETS = ("root:x:0:0", "from storyline.web.guards import", "[project]", "def create_app")
TRAVERSALS = [
    "/static/../app.py", "/static/%2e%2e/app.py", "/static/%2e%2e%2fapp.py", "/static/..%2fapp.py",
    "/static/..%2F..%2F..%2F..%2F..%2F..%2Fetc%2Fpasswd", "/static/%2e%2e%2f%2e%2e%2f%2e%2e%2fpyproject.toml",
    "/static/%252e%252e%252fapp.py", "/static//etc/passwd", "/static/....//app.py", "/static/..\\app.py",
    "/static/%2e%2e%5capp.py", "/static/../../../../../../etc/passwd",
    "/articles/../../../../etc/passwd", "/articles/%2e%2e%2f%2e%2e%2fapp.py", "/api/articles/..%2f..%2fapp.py",
    "/entities/../../../../etc/passwd", "/api/entities/%2e%2e%2f%2e%2e%2fetc%2fpasswd",
    "/stories/..%2f..%2fapp.py", "/stories/..%2f..%2fapp.py/report.html", "/api/stories/%2e%2e%2fapp.py",
]


def test_no_route_serves_a_file_from_outside_its_folder(server):
    for path in TRAVERSALS:
        status, body = raw_get(server, path)
        assert not any(secret in body for secret in SECRETS), path
        assert status in (200, 400, 404), path
        if status == 200:  # only the article whose id is the traversal string itself
            assert "Hafenausbau in Hamburg" in body, path


def test_an_article_id_with_dots_is_a_key_not_a_path(server):
    status, body = raw_get(server, "/articles/" + quote(TRAVERSAL_ID, safe=""))
    assert status == 200 and "Hafenausbau in Hamburg &lt;script&gt;" in body
    status, body = raw_get(server, "/api/articles/" + quote(TRAVERSAL_ID, safe=""))
    assert status == 200 and json.loads(body)["id"] == TRAVERSAL_ID
    assert raw_get(server, "/static/style.css")[0] == 200
