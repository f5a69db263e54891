"""Per-article analyses for the clustering benchmark, cached on disk under build/.

The benchmark must score what `storyline analyze` does (real NER mentions, geocoded places), and
analysing 460 articles takes about half a minute; the clustering is what changes between runs.
The cache key is a hash of the article fields, of the shipped models and lists, and of the
analysis and ingest sources, so a retrained model, a changed rule or an edited text is analysed
afresh.
"""
from __future__ import annotations

import hashlib
import pickle
from pathlib import Path

from storyline.analyze.pipeline import analyze_article
from storyline.ingest.article import make_article
from storyline.model import AnalyzedArticle

ROOT = Path(__file__).resolve().parent.parent
CACHE = ROOT / "build" / "clustering_analyses"
PACKAGE = ROOT / "src" / "storyline"
ANALYSIS_INPUTS = ("models", "analyze", "ingest")  # what an article's analysis depends on


def hash_model() -> str:
    """Fingerprint of the shipped models and of the analysis code (size and mtime of the files)."""
    digest = hashlib.sha1()
    for folder in ANALYSIS_INPUTS:
        for path in sorted((PACKAGE / folder).rglob("*")):
            if path.is_file() and path.suffix != ".pyc":
                stat = path.stat()
                digest.update(f"{path.relative_to(PACKAGE)}:{stat.st_size}:{stat.st_mtime_ns}".encode())
    return digest.hexdigest()[:12]


def build_article(record: dict):
    """The article as the JSON Lines reader builds it from `id`, `text`, `date`, `outlet`, `url`."""
    return make_article(record["text"], id=record["id"], date=record["date"],
                        outlet=record.get("outlet"), url=record.get("url"))


def cache_path(record: dict, model: str) -> Path:
    fields = "\x1f".join(str(record.get(k)) for k in ("id", "text", "date", "outlet", "url"))
    return CACHE / f"{hashlib.sha1((model + fields).encode()).hexdigest()}.pkl"


def load_analyses(records: list[dict]) -> tuple[list[AnalyzedArticle], int]:
    """Analysed articles in record order and how many had to be analysed now (not cached)."""
    CACHE.mkdir(parents=True, exist_ok=True)
    model, analysed, fresh = hash_model(), [], 0
    for record in records:
        path = cache_path(record, model)
        if path.exists():
            analysed.append(pickle.loads(path.read_bytes()))
            continue
        item = analyze_article(build_article(record))
        path.write_bytes(pickle.dumps(item))
        analysed.append(item)
        fresh += 1
    return analysed, fresh
