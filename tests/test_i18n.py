"""English by default, German on request: CLI messages, web pages and dates; JSON never changes."""
from __future__ import annotations

import os
import subprocess
import sys

import pytest
from fastapi.testclient import TestClient

from conftest import INPUTS, SEEDS, run_cli
from storyline.i18n import LANGUAGES, MESSAGES, german_date, translator


def test_every_message_exists_in_both_languages():
    assert set(MESSAGES["de"]) == set(MESSAGES["en"])
    pairs = [key for key in MESSAGES["en"] if isinstance(MESSAGES["en"][key], tuple)]
    assert all(isinstance(MESSAGES[lang][key], tuple) for key in pairs for lang in LANGUAGES)


def test_dates_read_as_germans_read_them_and_stay_iso_in_english():
    assert german_date("2023-09-13") == "13.09.2023"
    assert german_date("2023-09-13", long=True) == "13. September 2023"
    assert german_date("2023-03") == "März 2023"
    assert german_date("2023-09-01/2023-09-30") == "01.09.2023 – 30.09.2023"
    assert german_date("2016-04-22T11:30") == "22.04.2016, 11:30 Uhr"
    assert german_date("2023") == "2023" and german_date("2023-W37") == "2023-W37"
    assert translator("en").date("2023-09-13", long=True) == "2023-09-13"
    # a part of day or a clock time is written out, never shown as its code ("2016-04-16TEV")
    assert translator("en").date("2016-04-16TEV") == "2016-04-16, evening"
    assert translator("de").date("2016-04-16TNI", long=True) == "16. April 2016, nachts"
    assert translator("en").date("2016-04-18T16:24") == "2016-04-18, 16:24"
    assert translator(None)("count.stories", n=1) == "1 story" and translator("de")("count.stories", n=2) == "2 Geschichten"


@pytest.fixture(scope="module")
def seeds_db(tmp_path_factory):
    db = str(tmp_path_factory.mktemp("i18n") / "seeds.db")
    run_cli("ingest", str(SEEDS), "--db", db)
    return db


def storyline(*args: str, lang_env: str | None = None) -> subprocess.CompletedProcess:
    env = {"PATH": "/usr/bin:/bin", "HOME": "/tmp", "LANG": "C.UTF-8"} | ({"STORYLINE_LANG": lang_env} if lang_env else {})
    return subprocess.run([sys.executable, "-m", "storyline.cli", *args], capture_output=True, text=True, env=env,
                          cwd=os.getcwd())


def test_stories_in_german_print_german_words_and_dates(seeds_db):
    english = run_cli("stories", "--db", seeds_db).stdout
    german = run_cli("--lang", "de", "stories", "--db", seeds_db).stdout
    assert "1 of 1 stories" in english and "2023-09" in english
    assert "1 von 1 Geschichten" in german and "September 2023" in german and "2023-09" not in german
    assert "1 von 1 Geschichten" in storyline("stories", "--db", seeds_db, lang_env="de").stdout


def test_errors_in_german(seeds_db):
    assert "No article with id 'nope'." in run_cli("show", "nope", "--db", seeds_db, check=False).stderr
    assert "Kein Artikel mit der id 'nope'." in run_cli("--lang", "de", "show", "nope", "--db", seeds_db,
                                                         check=False).stderr
    refused = run_cli("--lang", "fr", "stories", "--db", seeds_db, check=False)
    assert refused.returncode == 2 and "choose one of en, de" in refused.stderr


@pytest.mark.parametrize("command", [["stories"], ["story", "story-000001"], ["digest"]])
def test_json_is_byte_identical_in_both_languages(seeds_db, command):
    english = run_cli(*command, "--db", seeds_db, "--json").stdout
    assert '"first_date": "2023-09"' in english or '"date": "2023-09"' in english
    assert run_cli("--lang", "de", *command, "--db", seeds_db, "--json").stdout == english


def test_markdown_report_in_german(seeds_db):
    text = run_cli("--lang", "de", "report", "story-000001", "--db", seeds_db, "--format", "md").stdout
    assert "## Zitate nach Sprecher" in text and "(wörtlich, " in text
    assert "## Quotes by speaker" in run_cli("report", "story-000001", "--db", seeds_db, "--format", "md").stdout


@pytest.fixture(scope="module")
def app(tmp_path_factory):
    from storyline.flow import ingest_paths
    from storyline.store.db import Store
    from storyline.web.app import create_app

    db = tmp_path_factory.mktemp("i18n-web") / "web.db"
    ingest_paths(Store(db), [SEEDS, INPUTS])
    return create_app(str(db))


def test_pages_are_english_by_default(app):
    html = TestClient(app).get("/").text
    assert '<html lang="en">' in html and "<h1>Stories</h1>" in html and "last 2023-09-15" in html
    assert 'href="/?lang=de" hreflang="de" lang="de">Deutsch</a>' in html


def test_a_page_in_german_has_german_labels_and_dates_and_the_choice_sticks(app):
    client = TestClient(app)
    html = client.get("/?lang=de").text
    assert '<html lang="de">' in html and "<h1>Geschichten</h1>" in html and "zuletzt 15.09.2023" in html
    story_id = client.get("/api/stories").json()["stories"][0]["id"]
    story = client.get(f"/stories/{story_id}").text  # no ?lang=: the cookie keeps German
    assert '<html lang="de">' in story and "Zitate nach Sprecher" in story and "September 2023" in story
    assert '<html lang="en">' in client.get(f"/stories/{story_id}?lang=en").text
    assert '<html lang="en">' in client.get("/").text


def test_the_json_api_is_the_same_in_german(app):
    english = TestClient(app).get("/api/stories").content
    german = TestClient(app, cookies={"lang": "de"})
    assert german.get("/api/stories?lang=de").content == english
    assert german.get("/api/stories/story-999999").json() == {"detail": "Geschichte nicht gefunden."}
    assert "<h1>Nicht gefunden</h1>" in german.get("/stories/story-999999").text


def test_the_switch_keeps_the_query_and_escapes_it(app):
    html = TestClient(app).get('/search?q="><script>&lang=de').text
    assert 'href="/search?q=%22%3E%3Cscript%3E&amp;lang=en"' in html and "<script>" not in html


def test_a_quote_without_a_speaker_is_unknown_in_the_chosen_language_and_names_no_speaker(tmp_path):
    source = tmp_path / "ohne_sprecher.jsonl"
    # "hieß es" names nobody; the sentence before names no one either (after "Putin traf Kim." the
    # rules take Putin as the one who spoke, as a report of that meeting reads)
    source.write_text('{"id": "u1", "date": "2023-09-13", "title": "Hilfe", "text": "Putin traf Kim in Wostotschny. '
                      'Die Lage blieb unklar. „Wir werden helfen und wir werden es bald tun“, hieß es danach."}\n',
                      encoding="utf-8")
    db = str(tmp_path / "u.db")
    run_cli("ingest", str(source), "--db", db)
    assert "unknown:" in run_cli("story", "story-000001", "--db", db).stdout
    assert "unbekannt:" in run_cli("--lang", "de", "story", "story-000001", "--db", db).stdout
    import json

    digest = json.loads(run_cli("digest", "--db", db, "--json").stdout)
    assert digest["stories"][0]["quote_count"] == 1 and digest["stories"][0]["speakers"] == []
