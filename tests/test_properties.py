"""Property tests: any input, however broken, becomes articles or reported problems, never a
crash or a hang; every span the analysis returns points into the article's text.

Random Unicode, control characters, huge tokens, unbalanced „quotes", deeply nested HTML and dates
like 0000-00 or 9999-99 go through every reader and through `analyze_article`.
"""
from __future__ import annotations

import gzip
import json
import tempfile
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from storyline.analyze.pipeline import AnalysisTimeout, analyze_article
from storyline.ingest.article import ArticleError, make_article
from storyline.ingest.dates import DateError
from storyline.ingest.problems import Problem
from storyline.ingest.read import ReadOptions, read_file
from storyline.model import Article

SETTINGS = settings(max_examples=40, deadline=None, derandomize=True,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
WORDS = ["Putin", "Kim", "sagte", "am", "Mittwoch", "in", "Berlin", "„", "“", '"', "»", "«", "Die", "Regierung",
         "13.", "September", "2023", "3,5", "Millionen", "Euro", "\n\n", ".", ":", "ca.", "Dr.", "z.B."]
news_words = st.lists(st.sampled_from(WORDS), max_size=60).map(" ".join)
huge_token = st.integers(1000, 30000).map(lambda n: "Donaudampfschifffahrts" * (n // 22))
messy = st.one_of(st.text(max_size=300), news_words, huge_token,
                  st.text(st.characters(min_codepoint=0, max_codepoint=31), max_size=50),
                  st.tuples(news_words, st.text(max_size=40), news_words).map("".join))
dates = st.one_of(st.sampled_from(["0000-00", "9999-99", "2023-00", "2023-02-30", "1900-01", "", "gestern",
                                   "2023-09-13T25:61:00Z", "Wed, 13 Sep 2023 10:00:00 +0200"]),
                  st.text(max_size=20))
nested_html = st.integers(1, 3000).map(lambda depth: "<html><body>" + "<div><p><b>" * depth + "Putin sagte „Ja."
                                       + "</b></p></div>" * (depth // 2) + "</body></html>")


def read_everything(data: bytes, name: str, format: str | None) -> list:
    """All articles and problems a reader makes of these bytes, with a time bound per file."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / name
        path.write_bytes(data)
        started = time.monotonic()
        items = list(read_file(path, ReadOptions(format=format)))
    assert time.monotonic() - started < 30, f"reading took {time.monotonic() - started:.0f} s"
    return items


def assert_well_formed(items: list) -> None:
    for item in items:
        assert isinstance(item, (Article, Problem))
        if isinstance(item, Article):
            assert item.text.strip()
            for part in item.blocks + item.sentences:
                assert 0 <= part.start <= part.end <= len(item.text)


@SETTINGS
@given(messy, dates)
def test_seed_text_reader(text, date):
    assert_well_formed(read_everything(f"date {date} {text}".encode(), "a.txt", None))


@SETTINGS
@given(st.lists(st.fixed_dictionaries({"id": st.one_of(st.text(max_size=10), st.integers()), "text": messy,
                                        "date": dates, "title": st.one_of(st.none(), st.text(max_size=30))}),
                max_size=4), st.text(max_size=60))
def test_jsonl_reader(records, garbage):
    lines = [json.dumps(r, ensure_ascii=False) for r in records] + [garbage, "{", "[1, 2]", '{"text": null}']
    assert_well_formed(read_everything("\n".join(lines).encode(), "a.jsonl", "jsonl"))


@SETTINGS
@given(st.lists(st.tuples(messy, dates), max_size=4), st.text(max_size=60))
def test_csv_reader(rows, garbage):
    body = "id,date,text\n" + "".join(f'{n},{d},"{t}"\n' for n, (t, d) in enumerate(rows)) + garbage
    assert_well_formed(read_everything(body.encode(), "a.csv", "csv"))


@SETTINGS
@given(st.one_of(nested_html, messy.map(lambda t: f"<html><head><title>{t[:50]}</title></head><body><p>{t}</p>"
                                        "<script>alert(1)</script><p>unclosed <b><i>")))
def test_html_reader(page):
    assert_well_formed(read_everything(page.encode(), "a.html", "html"))


@SETTINGS
@given(messy, dates, st.text(max_size=30))
def test_feed_reader(text, date, title):
    def escape(value: str) -> str:
        return value.replace("&", "&amp;").replace("<", "&lt;")

    feed = (f'<?xml version="1.0"?><rss version="2.0"><channel><title>{escape(title)}</title><item>'
            f"<title>{escape(title)}</title><link>http://example.org/a</link><pubDate>{escape(date)}</pubDate>"
            f"<description>{escape(text)}</description></item><item><description>&lt;p&gt;</description>"
            "</item></channel></rss>")
    assert_well_formed(read_everything(feed.encode(), "a.xml", "feed"))


@SETTINGS
@given(messy, st.binary(max_size=200), st.booleans())
def test_warc_reader(text, junk, compress):
    body = f"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n<html><body><p>{text}</p>"
    payload = body.encode()
    record = (f"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: http://example.org/a\r\n"
              f"WARC-Date: 2023-09-13T10:00:00Z\r\nContent-Length: {len(payload)}\r\n\r\n").encode()
    data = record + payload + b"\r\n\r\n" + b"WARC/1.0\r\n" + junk
    assert_well_formed(read_everything(gzip.compress(data) if compress else data, "a.warc", None))


@SETTINGS
@given(st.binary(max_size=400), st.sampled_from([None, "seed", "jsonl", "csv", "html", "feed", "text", "warc"]))
def test_any_bytes_in_any_format(data, format):
    assert_well_formed(read_everything(data, "a.dat", format))


def assert_spans_inside(analyzed) -> None:
    text = analyzed.article.text
    spans = analyzed.mentions + analyzed.quotes + analyzed.times + analyzed.places + analyzed.quantities
    for span in spans:
        assert 0 <= span.start <= span.end <= len(text), span
        assert span.text == text[span.start:span.end], span


@SETTINGS
@given(messy, dates)
def test_analysis_of_any_text_keeps_every_span_inside_the_text(text, date):
    try:
        article = make_article(text, id="x", date=date)
    except (ArticleError, DateError):
        return  # reported to the user as a problem by the readers
    started = time.monotonic()
    assert_spans_inside(analyze_article(article, time_limit=30))
    assert time.monotonic() - started < 30


def test_impossible_dates_are_refused_with_a_reason():
    for value, reason in [("0000-00", "impossible"), ("9999-99", "impossible month 9999-99")]:
        with pytest.raises(DateError, match=reason):
            make_article("Putin traf Kim.", date=value)


def test_an_article_over_the_time_limit_is_stored_unanalysed_with_a_clear_problem(tmp_path, monkeypatch):
    from storyline.analyze import pipeline
    from storyline.flow import ingest_paths
    from storyline.store.db import Store
    from storyline.store.linked import unanalyzed_articles

    path = tmp_path / "lang.txt"
    path.write_text("date 2023-09 " + "Putin sagte am Mittwoch in Berlin: „Wir bleiben.“ " * 400)
    monkeypatch.setattr(pipeline, "TIME_LIMIT", 0.001)
    store = Store(tmp_path / "t.db")
    report = ingest_paths(store, [path])
    assert [p.reason for p in report.errors] == ["lang: analysis took longer than 0.001 s; stored without analysis "
                                                 "(`storyline ingest --retry-failed` tries again)"]
    assert report.added == ["lang"] and unanalyzed_articles(store) == ["lang"]


def test_the_time_limit_interrupts_a_stage_that_hangs(monkeypatch):
    from storyline.analyze import pipeline

    monkeypatch.setattr(pipeline, "STAGES", (("entities", lambda analyzed: time.sleep(5)),))
    started = time.monotonic()
    with pytest.raises(AnalysisTimeout, match="longer than 0.2 s"):
        analyze_article(make_article("Der Präsident traf sich am Mittwoch mit der Regierung in Berlin."),
                        time_limit=0.2)
    assert time.monotonic() - started < 1


def test_fuzz_finding_csv_with_old_mac_line_endings_is_read(tmp_path):
    items = read_everything('id,date,text\r1,2023-09,"Putin sagte\rdas."\r2,2023-09,Kim schwieg.'.encode(),
                            "alt.csv", "csv")
    assert [(item.id, item.text) for item in items] == [("1", "Putin sagte\ndas."), ("2", "Kim schwieg.")]


def test_fuzz_finding_paragraph_of_soft_hyphens_keeps_sentences_in_their_paragraphs():
    article = make_article("Putin reiste ab.\n\n\u00ad\n\nKim blieb in Pjöngjang.")
    assert [article.text[s.start:s.end] for s in article.sentences] == ["Putin reiste ab.", "Kim blieb in Pjöngjang."]
    assert make_article("\u00ad").sentences == []


@pytest.mark.parametrize("text, date", [("Die Firma wurde vor zehn Jahren gegründet.", "0001-01-01"),
                                        ("Nächstes Jahr wird gewählt.", "9999-12")])
def test_relative_times_at_the_edges_of_the_calendar(text, date):
    """Found by benchmarks/speed.py on SpkAtt wikinews-75280 (dated 0001-01-01): no crash, unresolved."""
    analyzed = analyze_article(make_article(text, id="rand", date=date))
    assert_spans_inside(analyzed)
    assert [t.value for t in analyzed.times if t.text.lower().startswith(("vor", "nächstes"))] == [None]
