"""AnalyzedArticle to plain dicts and back, for the store and for worker processes."""
from __future__ import annotations

from dataclasses import asdict, fields

from storyline.model import (AnalyzedArticle, Article, Label, Mention, Place, Quantity, Quote, TimeRef, Tone)

PARTS = (("mentions", Mention), ("quotes", Quote), ("times", TimeRef), ("places", Place),
         ("quantities", Quantity), ("labels", Label))


def _plain(item, cls) -> dict:
    """Only the fields of the base dataclass: stage-specific extras stay out of the store."""
    names = {f.name for f in fields(cls)}
    return {key: value for key, value in asdict(item).items() if key in names}


def analysis_to_dict(analyzed: AnalyzedArticle) -> dict:
    data = {name: [_plain(item, cls) for item in getattr(analyzed, name)] for name, cls in PARTS}
    data["tone"] = asdict(analyzed.tone) if analyzed.tone else None
    if analyzed.vector is not None:
        from storyline.analyze.article_vector import vector_to_text

        data["vector"] = vector_to_text(analyzed.vector)
    return data


def analysis_from_dict(article: Article, data: dict) -> AnalyzedArticle:
    analyzed = AnalyzedArticle(article=article)
    for name, cls in PARTS:
        setattr(analyzed, name, [cls(**item) for item in data.get(name, [])])
    analyzed.tone = Tone(**data["tone"]) if data.get("tone") else None
    if data.get("vector"):
        from storyline.analyze.article_vector import vector_from_text

        analyzed.vector = vector_from_text(data["vector"])
    return analyzed
