"""Per-article batch results as flat rows: what both engines write to Parquet, in one schema.

A row holds the cleaned article, its analysis (the `serialize` dict as JSON) and the clustering
features, so that the story step can run later from the Parquet files alone. JSON strings keep the
schema flat and identical between pyarrow (local engine) and Spark.
"""
from __future__ import annotations

import json
from datetime import date

from storyline.analyze.pipeline import TIME_LIMIT, AnalysisTimeout, analyze_articles
from storyline.ingest.problems import Problem
from storyline.link.features import ArticleFeatures, features_of
from storyline.model import AnalyzedArticle, Article, Block, DateRef, Sentence
from storyline.analyze.article_vector import vector_from_text, vector_to_text
from storyline.serialize import analysis_from_dict, analysis_to_dict

ARTICLE_COLUMNS = ("id", "date", "date_start", "date_end", "date_precision", "title", "outlet", "url", "path",
                   "language", "content_hash", "text", "credits", "blocks", "sentences", "analysis", "features")
STORY_COLUMNS = ("id", "title", "first_date", "last_date", "article_count", "outlets", "articles", "data")
PROBLEM_COLUMNS = ("path", "where", "reason", "severity")


class SortedSet(set):
    """A set that iterates in sorted order.

    The story index sorts names by weight and truncates; ties would otherwise follow Python's
    per-process string hashing, and two engines (or two runs) could pick different names.
    """

    def __iter__(self):
        return iter(sorted(set.__iter__(self)))


def dump_json(value) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"), default=str)


def analyze_row(article: Article) -> tuple[dict, list[dict]]:
    """The per-article step of the batch: analysis plus clustering features as one flat row, and
    the problems it raised (see `analyze_rows`)."""
    return analyze_rows([article])[0]


def analyze_rows(articles: list[Article]) -> list[tuple[dict, list[dict]]]:
    """Each article's row and its problem rows, with one model call for the chunk's entities
    (`analyze_articles`). An article whose analysis fails or exceeds the per-article time limit is
    written without analysis and reported, as `ingest` stores it unanalysed; the others go on."""
    results = []
    for article, analyzed in zip(articles, analyze_articles(articles, TIME_LIMIT)):
        if isinstance(analyzed, Exception):
            results.append((analyzed_row(AnalyzedArticle(article=article)), [problem_row(analysis_problem(article, analyzed))]))
        else:
            results.append((analyzed_row(analyzed), []))
    return results


def analysis_problem(article: Article, error: Exception) -> Problem:
    what = str(error) if isinstance(error, AnalysisTimeout) else f"analysis failed: {type(error).__name__}: {error}"
    return Problem(article.path or "?", f"{article.id}: {what}; written without analysis")


def analyzed_row(analyzed: AnalyzedArticle) -> dict:
    features = features_of(analyzed)
    return article_row(analyzed, features)


def article_row(analyzed: AnalyzedArticle, features: ArticleFeatures) -> dict:
    article, when = analyzed.article, analyzed.article.date
    return {
        "id": article.id, "date": when.value if when else None,
        "date_start": when.start.isoformat() if when else None, "date_end": when.end.isoformat() if when else None,
        "date_precision": when.precision if when else None, "title": article.title, "outlet": article.outlet,
        "url": article.url, "path": article.path, "language": article.language,
        "content_hash": article.content_hash, "text": article.text, "credits": dump_json(article.credits),
        "blocks": dump_json([[b.start, b.end, b.kind] for b in article.blocks]),
        "sentences": dump_json([[s.start, s.end] for s in article.sentences]),
        "analysis": dump_json(analysis_to_dict(analyzed)), "features": dump_features(features),
    }


def dump_features(features: ArticleFeatures) -> str:
    """SimHash as a string: it is an unsigned 64-bit number, which Parquet's int64 cannot hold."""
    return dump_json({"terms": features.terms, "entities": sorted(features.entities),
                      "places": sorted(features.places), "towns": sorted(features.towns),
                      "simhash": str(features.simhash), "language": features.language,
                      "vector": vector_to_text(features.vector),
                      "event_day": features.event_day.isoformat() if features.event_day else None})


def row_article(row: dict) -> Article:
    when = None
    if row.get("date"):
        when = DateRef(row["date"], date.fromisoformat(row["date_start"]), date.fromisoformat(row["date_end"]),
                       row["date_precision"])
    return Article(id=row["id"], text=row["text"], date=when, title=row["title"], outlet=row["outlet"],
                   url=row["url"], path=row["path"], language=row["language"], credits=json.loads(row["credits"]),
                   blocks=[Block(*b) for b in json.loads(row["blocks"])],
                   sentences=[Sentence(*s) for s in json.loads(row["sentences"])], content_hash=row["content_hash"])


def row_analysis(row: dict) -> AnalyzedArticle:
    return analysis_from_dict(row_article(row), json.loads(row["analysis"]))


def row_features(row: dict) -> ArticleFeatures:
    data = json.loads(row["features"])
    start = date.fromisoformat(row["date_start"]) if row.get("date_start") else None
    end = date.fromisoformat(row["date_end"]) if row.get("date_end") else None
    return ArticleFeatures(id=row["id"], date=start, date_end=end, terms=data["terms"],
                           entities=SortedSet(data["entities"]), places=SortedSet(data["places"]),
                           towns=SortedSet(data.get("towns", [])), simhash=int(data["simhash"]),
                           language=data.get("language"), vector=vector_from_text(data.get("vector")),
                           event_day=date.fromisoformat(data["event_day"]) if data.get("event_day") else None)


def story_row(story: dict) -> dict:
    """`describe_story`'s dict as a flat row; keys beyond the fixed columns go to `data` as JSON."""
    fixed = {"id", "title", "first_date", "last_date", "outlets", "articles"}
    return {"id": story["id"], "title": story.get("title"), "first_date": story.get("first_date"),
            "last_date": story.get("last_date"), "article_count": len(story["articles"]),
            "outlets": list(story.get("outlets") or []), "articles": list(story["articles"]),
            "data": dump_json({k: v for k, v in story.items() if k not in fixed})}


def pick_row(left: dict, right: dict) -> dict:
    """Two inputs under one article id: keep one by a rule that does not depend on read order."""
    return min(left, right, key=lambda row: (row["content_hash"], row["path"] or "", row["text"]))


def problem_row(problem) -> dict:
    return {"path": problem.path, "where": problem.where, "reason": problem.reason, "severity": problem.severity}
