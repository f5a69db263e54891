"""Articles to table rows and back: the only place that knows how an Article is stored."""
from __future__ import annotations

import json
from datetime import date, datetime, timezone

from storyline.model import Article, Block, DateRef, Sentence


def article_row(article: Article, signature: bytes | None) -> dict:
    when = article.date
    return {
        "id": article.id, "content_hash": article.content_hash, "text": article.text, "title": article.title,
        "outlet": article.outlet, "url": article.url, "path": article.path,
        "date_value": when.value if when else None,
        "date_start": when.start.isoformat() if when else None,
        "date_end": when.end.isoformat() if when else None,
        "date_precision": when.precision if when else None,
        "language": article.language, "credits": json.dumps(article.credits),
        "blocks": json.dumps([[b.start, b.end, b.kind] for b in article.blocks]),
        "sentences": json.dumps([[s.start, s.end] for s in article.sentences]),
        "signature": signature, "ingested_at": datetime.now(timezone.utc).isoformat(),
    }


def row_article(row) -> Article:
    m = row._mapping
    when = None
    if m["date_value"]:
        when = DateRef(m["date_value"], date.fromisoformat(m["date_start"]), date.fromisoformat(m["date_end"]),
                       m["date_precision"])
    return Article(
        id=m["id"], text=m["text"], date=when, title=m["title"], outlet=m["outlet"], url=m["url"], path=m["path"],
        language=m["language"], credits=json.loads(m["credits"]),
        blocks=[Block(*b) for b in json.loads(m["blocks"])],
        sentences=[Sentence(*s) for s in json.loads(m["sentences"])],
        content_hash=m["content_hash"],
    )
