"""`storyline report`: a self-contained HTML file to mail, or Markdown, run as a user would."""
from __future__ import annotations

import re

import pytest

from conftest import INPUTS, SEEDS, run_cli

QUOTE = "Lieber ein alter Freund als zwei neue, wie man bei uns im Volk sagt"


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    from storyline.flow import ingest_paths
    from storyline.store.db import Store

    path = tmp_path_factory.mktemp("report") / "report.db"
    store = Store(path)
    ingest_paths(store, [SEEDS, INPUTS])
    return str(path)


@pytest.fixture(scope="module")
def story_id(db):
    from storyline import views
    from storyline.store.db import Store

    return max(views.list_stories(Store(db))["stories"], key=lambda s: s["article_count"])["id"]


def test_html_report_is_self_contained(db, story_id, tmp_path):
    out = tmp_path / "bericht.html"
    run_cli("report", story_id, "--db", db, "--format", "html", "-o", str(out))
    html = out.read_text(encoding="utf-8")
    assert html.startswith("<!doctype html>") and "<style>" in html and "<h1>Zug aus Pjöngjang</h1>" in html
    assert '"Segoe UI"' in html, "the inline stylesheet must not be HTML-escaped"
    assert "<script" not in html and "<link" not in html and "<img" not in html
    assert not re.search(r'(src|href)="(https?:)?//', html), "no external resources"
    assert '<svg class="map"' in html and "Wostotschny</text>" in html
    assert f"„{QUOTE}“" in html


def test_markdown_report_groups_quotes_by_speaker(db, story_id):
    text = run_cli("report", story_id, "--db", db, "--format", "md").stdout
    assert text.startswith("# Zug aus Pjöngjang\n")
    speaker = text.index("### Wladimir Putin\n")
    assert text.index(f"- „{QUOTE}“ (direct, 000\\_a83f360c9ad2210f)") > speaker
    assert "Wostotschny (51.82, 128.25)" in text


def test_unknown_story_fails_with_a_message(db):
    result = run_cli("report", "story-999999", "--db", db, check=False)
    assert result.returncode == 1 and "No story with id 'story-999999'" in result.stderr


def test_markdown_escapes_html_and_markup_from_articles():
    from storyline.web.report import md, safe_url

    assert md("<script>alert(1)</script> *fett* [Link](x)") == \
        "\\<script\\>alert(1)\\</script\\> \\*fett\\* \\[Link\\](x)"
    assert safe_url("https://beispiel.de/a") and not safe_url("javascript:alert(1)")
