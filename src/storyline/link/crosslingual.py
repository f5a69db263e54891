"""The story linker's language-neutral signal: article vectors beside terms and names.

A German and an English report of one event share almost no terms, so the term cosine cannot
join them; their title-and-lead vectors (analyze.article_vector) can. Each story keeps the sum of
its articles' vectors and counts its languages. The vector is consulted only where a language
other than German is involved (an English article, or a story that has one): German articles
among German stories are scored exactly as before, so German clustering does not move.
"""
from __future__ import annotations

from collections import Counter

import numpy as np

from storyline.link.features import ArticleFeatures

# VECTOR_JOIN was chosen on the tune part of the cross-lingual development set only
# (benchmarks/crosslingual.py, docs/accuracy-crosslingual.md); the frozen part is the check.
VECTOR_JOIN = 0.62  # cosine of an article to a story's mean vector at which it joins
VECTOR_CANDIDATE = 0.35  # below this a story is not even scored for the article
MAX_VECTOR_CANDIDATES = 8
HOME_LANGUAGE = "de"


def language_of(features: ArticleFeatures) -> str:
    return getattr(features, "language", None) or HOME_LANGUAGE


def story_languages(story) -> Counter:
    """The story's languages (article counts); a state saved before languages were kept has none."""
    if getattr(story, "languages", None) is None:
        story.languages = Counter()
    return story.languages


def uses_vectors(story, features: ArticleFeatures) -> bool:
    """Whether a language other than German is involved: only then does the vector count."""
    if getattr(features, "vector", None) is None or getattr(story, "vector_sum", None) is None:
        return False
    return language_of(features) != HOME_LANGUAGE or any(lang != HOME_LANGUAGE for lang in story_languages(story))


def vector_cosine(story, features: ArticleFeatures) -> float:
    total = story.vector_sum
    norm = float(np.linalg.norm(total))
    return float(features.vector @ total) / norm if norm else 0.0


def vector_score(story, features: ArticleFeatures, join_threshold: float, town_mismatch: float) -> float:
    """The vector cosine on the linker's scale: VECTOR_JOIN maps onto the join threshold. Where the
    story is in the article's language only, its towns must not disagree (as for terms); across
    languages the two readers name towns too differently ('York' for 'New York City') to tell."""
    score = join_threshold * vector_cosine(story, features) / VECTOR_JOIN
    same_language = set(story_languages(story)) == {language_of(features)}
    if same_language and features.towns and getattr(story, "towns", None) and not any(
            town in story.towns for town in features.towns):
        score *= town_mismatch
    return score


def combine_scores(term_score: float, story, features: ArticleFeatures, join_threshold: float,
                   town_mismatch: float, time_weight: float) -> float:
    """The better of the term score and the vector score. A non-German article's term score
    counts only when the vectors agree a little: English terms have no shipped document
    frequencies, so words as common as 'government' weigh like rare names."""
    cosine_ok = vector_cosine(story, features) >= VECTOR_CANDIDATE
    if language_of(features) != HOME_LANGUAGE and not cosine_ok:
        term_score = 0.0
    score = max(term_score, vector_score(story, features, join_threshold, town_mismatch) * time_weight)
    return score * town_mismatch if datelines_disagree(story, features) else score


def datelines_disagree(story, features: ArticleFeatures) -> bool:
    """The article and the story are filed from different towns ("SEATTLE -" against "OAKLAND, Ca.
    --"): a language-neutral sign of two events where title and lead read alike (two protest
    reports of one weekend). Town names agree across languages: both readers geocode them."""
    mine, theirs = getattr(features, "dateline", ()), getattr(story, "datelines", None)
    return bool(mine and theirs) and theirs.isdisjoint(mine)


def add_vector(index, story, features: ArticleFeatures) -> None:
    """Fold the article's vector and language into its story; mark stories with other languages."""
    story_languages(story)[language_of(features)] += 1
    if getattr(features, "dateline", None):
        story.datelines = (getattr(story, "datelines", None) or set()) | set(features.dateline)
    vector = getattr(features, "vector", None)
    if vector is not None:
        total = getattr(story, "vector_sum", None)
        story.vector_sum = vector.astype(np.float32) if total is None else total + vector
    if language_of(features) != HOME_LANGUAGE:
        vector_stories(index).add(story.id)


def merge_vectors(index, keep, drop) -> None:
    story_languages(keep).update(story_languages(drop))
    if getattr(drop, "datelines", None):
        keep.datelines = (getattr(keep, "datelines", None) or set()) | drop.datelines
    drop_sum = getattr(drop, "vector_sum", None)
    if drop_sum is not None:
        keep_sum = getattr(keep, "vector_sum", None)
        keep.vector_sum = drop_sum.copy() if keep_sum is None else keep_sum + drop_sum
    if drop.id in vector_stories(index):
        vector_stories(index).add(keep.id)


def vector_stories(index) -> set:
    """Ids of stories that hold an article in another language than German (closed ones drop out lazily)."""
    if getattr(index, "vector_stories", None) is None:
        index.vector_stories = set()
    return index.vector_stories


def vector_candidates(index, features: ArticleFeatures, recent) -> list:
    """Open stories whose mean vector is close to the article's: the term postings cannot find a
    story in another language. A German article looks only at stories with other languages."""
    if getattr(features, "vector", None) is None:
        return []
    if language_of(features) == HOME_LANGUAGE:
        ids = vector_stories(index)
        ids &= set(index.stories)  # forget closed stories
        pool = [index.stories[i] for i in sorted(ids)]
    else:
        pool = list(index.stories.values())
    scored = []
    for story in pool:
        if getattr(story, "vector_sum", None) is not None and recent(story, features):
            cosine = vector_cosine(story, features)
            if cosine >= VECTOR_CANDIDATE:
                scored.append((cosine, story.id, story))
    scored.sort(key=lambda item: (-item[0], item[1]))
    return [story for _, _, story in scored[:MAX_VECTOR_CANDIDATES]]
