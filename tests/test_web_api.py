"""The JSON API and the HTML pages through FastAPI's test client, on a store built from the seed articles."""
from __future__ import annotations

import json

import pytest
from fastapi.testclient import TestClient

from conftest import INPUTS, SEEDS

TOKEN = "geheimes-token"
XSS = "<script>alert('xss')</script>"


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    from storyline.flow import ingest_paths
    from storyline.store.db import Store

    path = tmp_path_factory.mktemp("web") / "web.db"
    ingest_paths(Store(path), [SEEDS, INPUTS])
    return path


@pytest.fixture(scope="module")
def client(db):
    from storyline.web.app import create_app

    return TestClient(create_app(str(db), token=TOKEN))


@pytest.fixture(scope="module")
def story_id(client):
    stories = client.get("/api/stories").json()["stories"]
    return max(stories, key=lambda s: s["article_count"])["id"]


def test_stories_api_lists_the_seed_story_with_outlets(client, story_id):
    page = client.get("/api/stories").json()
    story = next(s for s in page["stories"] if s["id"] == story_id)
    assert story["article_count"] == 11
    assert {"Beispielblatt", "Morgenpost", "Tagesblatt"} <= set(story["outlets"])
    assert story["last_date"] == "2023-09-15"


def test_stories_filters_by_outlet_entity_and_date(client, story_id):
    assert [s["id"] for s in client.get("/api/stories?outlet=Morgenpost").json()["stories"]] == [story_id]
    assert client.get("/api/stories?outlet=Gibtsnicht").json()["total"] == 0
    for spelling in ("MORGENPOST", "morgenpost", "beispielblatt.de", "https://www.beispielblatt.de/"):
        assert [s["id"] for s in client.get(f"/api/stories?outlet={spelling}").json()["stories"]] == [story_id]
    assert client.get("/api/stories?entity=Putin").json()["stories"][0]["id"] == story_id
    assert client.get("/api/stories?since=2024-01-01").json()["total"] == 0
    assert client.get("/api/stories?since=kaputt").status_code == 422


def test_story_api_groups_putins_quote_under_his_name(client, story_id):
    story = client.get(f"/api/stories/{story_id}").json()
    putin = next(g for g in story["quotes_by_speaker"] if g["name"] == "Wladimir Putin")
    assert "Lieber ein alter Freund als zwei neue, wie man bei uns im Volk sagt" in [q["text"] for q in putin["quotes"]]
    assert any(p["name"].endswith("Wostotschny") for p in story["places"])


def test_story_page_shows_quote_speaker_and_map(client, story_id):
    html = client.get(f"/stories/{story_id}").text
    assert "<h1>Zug aus Pjöngjang</h1>" in html
    assert "„Lieber ein alter Freund als zwei neue, wie man bei uns im Volk sagt“" in html
    assert '<svg class="map"' in html and "Wostotschny</text>" in html


def test_unknown_story_is_404_in_json_and_html(client):
    assert client.get("/api/stories/story-999999").json() == {"detail": "Geschichte nicht gefunden."}
    response = client.get("/stories/story-999999")
    assert response.status_code == 404 and "<h1>Not found</h1>" in response.text


def test_search_finds_wladiwostok_and_links_its_story(client, story_id):
    hits = client.get("/api/search?q=Wladiwostok").json()["hits"]
    assert {h["article_id"] for h in hits} == {"000_a83f360c9ad2210f", "004_956d5f3b9d4ee0dc"}
    assert {h["story"] for h in hits} == {story_id}
    html = client.get("/search?q=Wladiwostok").text
    assert "2 hits for “Wladiwostok”" in html and f'href="/stories/{story_id}"' in html


def test_article_with_url_id_opens_by_quoted_path(client):
    response = client.get("/api/articles/https%3A%2F%2Fbeispiel.de%2Fwostotschny")
    assert response.status_code == 200 and response.json()["id"] == "https://beispiel.de/wostotschny"


def test_article_page_highlights_entities_places_and_quotes(client):
    html = client.get("/articles/000_a83f360c9ad2210f").text
    assert '<a class="m-entity" href="/entities/PER%3Avladimir_putin" title="PER">Wladimir Putin</a>' in html
    assert '<mark class="m-place" title="Place: Moscow">Moskau</mark>' in html
    assert 'Lieber ein alter Freund als zwei neue, wie man bei uns im Volk sagt</span>' in html


def test_entity_page_lists_variants_and_quotes(client):
    html = client.get("/entities/PER:vladimir_putin").text
    assert "<h1>Wladimir Putin</h1>" in html and "Wladimir Putin, Putin" in html
    assert "„Lieber ein alter Freund als zwei neue, wie man bei uns im Volk sagt“" in html


def test_security_headers_on_pages_and_api(client):
    for path in ("/", "/api/stories", "/static/style.css"):
        headers = client.get(path).headers
        assert "script-src 'self'" in headers["content-security-policy"]
        assert "frame-ancestors 'none'" in headers["content-security-policy"]
        assert headers["x-content-type-options"] == "nosniff" and headers["referrer-policy"] == "no-referrer"


def test_static_files_stay_inside_the_static_folder(client):
    assert client.get("/static/%2e%2e/app.py").status_code == 404


def test_openapi_schema_and_docs_page(client):
    schema = client.get("/openapi.json").json()
    assert {"/api/stories", "/api/stories/{story_id}", "/api/search", "/api/articles"} <= set(schema["paths"])
    assert "/api/stories/{story_id}" in client.get("/api/docs").text


def test_ingest_is_off_without_a_token(db):
    from storyline.web.app import create_app

    closed = TestClient(create_app(str(db), token=""))
    assert closed.post("/api/articles", json={"text": "Ein Satz.", "date": "2023-09-14"}).status_code == 403


def test_ingest_needs_the_bearer_token(client):
    body = {"text": "Ein Satz.", "date": "2023-09-14"}
    assert client.post("/api/articles", json=body).status_code == 401
    assert client.post("/api/articles", json=body, headers={"Authorization": "Bearer falsch"}).status_code == 401


def test_ingest_json_returns_story_ids_and_escapes_script(client, story_id):
    article = {"id": "xss-1", "date": "2023-09-14", "outlet": "Testblatt", "title": f"Kim in Wostotschny {XSS}",
               "text": f"Kim Jong Un traf Wladimir Putin auf dem Weltraumbahnhof Wostotschny. {XSS} Das Treffen "
                       "dauerte mehr als zwei Stunden."}
    response = client.post("/api/articles", json={"articles": [article]}, headers={"Authorization": f"Bearer {TOKEN}"})
    assert response.status_code == 201
    result = response.json()
    assert result["added"] == ["xss-1"] and result["stories"]["xss-1"].startswith("story-")
    for path in ("/articles/xss-1", f"/stories/{result['stories']['xss-1']}", "/search?q=Stunden"):
        html = client.get(path).text
        assert XSS not in html and "&lt;script&gt;alert(&#39;xss&#39;)&lt;/script&gt;" in html


def test_ingest_upload_of_a_seed_file_is_a_duplicate(client, story_id):
    data = (SEEDS / "004_956d5f3b9d4ee0dc.txt").read_bytes()
    response = client.post("/api/articles", files={"file": ("../../seed.txt", data, "text/plain")},
                           headers={"Authorization": f"Bearer {TOKEN}"})
    assert response.status_code == 200
    assert response.json()["duplicates"] == ["004_956d5f3b9d4ee0dc"]
    assert response.json()["stories"] == {"004_956d5f3b9d4ee0dc": story_id}


def test_ingest_rejects_bodies_without_text_and_oversized_bodies(db):
    from storyline.web.app import create_app

    small = TestClient(create_app(str(db), token=TOKEN, max_body=1000))
    auth = {"Authorization": f"Bearer {TOKEN}"}
    assert small.post("/api/articles", json={"title": "ohne Text"}, headers=auth).status_code == 422
    big = json.dumps({"text": "Wort " * 1000, "date": "2023-09-14"})
    response = small.post("/api/articles", content=big, headers={**auth, "Content-Type": "application/json"})
    assert response.status_code == 413
