"""Fuzz the text analysis with atheris: any Unicode text becomes an article with valid spans.

Run: `make fuzz` or `python fuzz/fuzz_analyze.py -max_total_time=120 -rss_limit_mb=1536`.
Each input picks a German frame sentence, a place in it, a date and the text spliced in there;
the language is forced to German so that every stage runs. Texts the cleaner refuses (empty, too
large, a bad date) are fine; anything else must analyse within the per-article time limit.
"""
from __future__ import annotations

import sys

import atheris

with atheris.instrument_imports():
    from storyline.analyze.pipeline import analyze_article
    from storyline.ingest.article import ArticleError, make_article
    from storyline.ingest.dates import DateError

TIME_LIMIT = 20.0
# German news sentences the fuzzed text is spliced into, so that every stage has work to do.
FRAMES = [
    "Putin sagte am Mittwoch in Wostotschny: „Wir werden die Zusammenarbeit ausbauen.“ Kim nickte.",
    "Die Regierung in Berlin hat am 13. September 2023 rund 3,5 Millionen Euro bewilligt, teilte ein Sprecher mit.",
    "Nach Angaben der Polizei wurden in Hamburg zwei Menschen verletzt. »Es war furchtbar«, sagte eine Zeugin.",
]
DATES = [None, "2023-09", "2023-09-13", "1999-12-31", "0000-00", "9999-99"]  # random dates: fuzz_readers


def check_spans(analyzed) -> None:
    """Every span must point into the text and repeat it exactly (the JSON contract)."""
    text = analyzed.article.text
    for span in analyzed.mentions + analyzed.quotes + analyzed.times + analyzed.places + analyzed.quantities:
        if not (0 <= span.start <= span.end <= len(text) and text[span.start:span.end] == span.text):
            raise AssertionError(f"span {span!r} does not match the text")


def test_one_input(data: bytes) -> None:
    fuzzed = atheris.FuzzedDataProvider(data)
    frame = FRAMES[fuzzed.ConsumeIntInRange(0, len(FRAMES) - 1)]
    where = fuzzed.ConsumeIntInRange(0, len(frame))
    date = DATES[fuzzed.ConsumeIntInRange(0, len(DATES) - 1)]
    text = frame[:where] + fuzzed.ConsumeUnicodeNoSurrogates(fuzzed.remaining_bytes()) + frame[where:]
    try:
        article = make_article(text, id="fuzz", date=date or None)
    except (ArticleError, DateError):
        return
    article.language = "de"  # run every stage, whatever the language guess
    check_spans(analyze_article(article, time_limit=TIME_LIMIT))


def main() -> None:
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
