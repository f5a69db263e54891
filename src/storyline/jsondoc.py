"""The JSON contract of `storyline analyze --json` (see docs/json.md): one place builds it."""
from __future__ import annotations

from storyline.model import AnalyzedArticle


def article_json(analyzed: AnalyzedArticle) -> dict:
    article = analyzed.article
    return {
        "id": article.id, "path": article.path, "url": article.url, "outlet": article.outlet,
        "date": article.date.value if article.date else None, "language": article.language,
        "title": article.title, "text": article.text, "credits": article.credits,
        "entities": [{"start": m.start, "end": m.end, "text": m.text, "type": m.type, "entity": m.entity}
                     for m in analyzed.mentions],
        "quotes": [{"start": q.start, "end": q.end, "text": q.text, "kind": q.kind, "cue": q.cue,
                    "speaker_text": q.speaker_text, "speaker": q.speaker, "speaker_kind": q.speaker_kind,
                    "resolved_text": q.resolved_text, "confidence": q.confidence} for q in analyzed.quotes],
        "times": [{"start": t.start, "end": t.end, "text": t.text, "value": t.value, "kind": t.kind}
                  for t in analyzed.times],
        "places": [{"start": p.start, "end": p.end, "text": p.text, "name": p.name, "lat": p.lat, "lon": p.lon,
                    "country": p.country, "feature_class": p.feature_class, "kind": p.kind,
                    "confidence": p.confidence}
                   for p in analyzed.places],
        "quantities": [{"start": q.start, "end": q.end, "text": q.text, "value": q.value, "unit": q.unit,
                        "noun": q.noun} for q in analyzed.quantities],
        "tone": ({"polarity": analyzed.tone.polarity, "subjectivity": analyzed.tone.subjectivity,
                  "genre": analyzed.tone.genre} if analyzed.tone else None),
        "labels": [{"entity": label.entity, "label": label.label, "start": label.start, "end": label.end,
                    "confidence": label.confidence}
                   for label in analyzed.labels if label.entity],
        "sentences": [[s.start, s.end] for s in article.sentences],
        "blocks": [{"start": b.start, "end": b.end, "kind": b.kind} for b in article.blocks],
    }


def analysis_document(analyzed: list[AnalyzedArticle], entities: list[dict] | None = None,
                      stories: list[dict] | None = None, problems: list[dict] | None = None) -> dict:
    document = {"articles": [article_json(item) for item in analyzed], "entities": entities or [],
                "stories": stories or []}
    if problems:
        document["problems"] = problems
    return document
