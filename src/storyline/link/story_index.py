"""The state of the story stream: open stories, their centroids, and an index to find candidates.

Cost per article must not grow with the corpus, so nothing here is ever scanned in full:
posting lists (term, name, place, SimHash band -> story ids) keep only their most recent
`POSTING_CAP` stories, stories older than the time window are closed (their centroids dropped,
their article lists kept), and only the best-connected `MAX_CANDIDATES` stories are scored.
Plain dataclasses and dicts, so that a store can persist them.
"""
from __future__ import annotations

import math
from collections import Counter, deque
from dataclasses import dataclass, field
from datetime import date

from storyline.link.features import ArticleFeatures, load_idf

WINDOW_DAYS = 21  # a report more than three weeks after a story's last article opens a new story
POSTING_CAP = 48
RETRIEVAL_TERMS = 12
RETRIEVAL_NAMES = 8
MAX_CANDIDATES = 24
CENTROID_TERMS = 80
CENTROID_NAMES = 30
KEPT_HASHES = 16
BANDS = 8  # 8 bands of 8 bits: SimHashes within 7 bits share at least one band exactly


@dataclass
class StoryState:
    """One open story: summed term weights, name counts and date range of its articles."""

    id: str
    first: date | None
    last: date | None
    terms: dict[str, float] = field(default_factory=dict)
    entities: Counter = field(default_factory=Counter)
    places: Counter = field(default_factory=Counter)
    simhashes: list[int] = field(default_factory=list)
    size: int = 0
    cached: tuple | None = None  # (key, IDF-weighted centroid, its norm): rebuilt when the key changes
    towns: Counter = field(default_factory=Counter)
    event_days: set = field(default_factory=set)  # the days its articles' openings name (features.find_event_day)


@dataclass
class StoryIndex:
    """Open stories, posting lists, streamed document frequencies and the article -> story map."""

    stories: dict[str, StoryState] = field(default_factory=dict)
    postings: dict[str, deque] = field(default_factory=dict)
    df: Counter = field(default_factory=Counter)
    n_docs: int = 0
    merged: dict[str, str] = field(default_factory=dict)
    article_story: dict[str, str] = field(default_factory=dict)
    story_articles: dict[str, list[str]] = field(default_factory=dict)
    next_id: int = 1
    newest: date | None = None
    idf_cache: dict[str, float] = field(default_factory=dict)
    generation: int = 0  # bumped whenever cached IDF weights are dropped
    refreshed_at: int = 0  # n_docs when the weights were last dropped


IDF_REFRESH_GROWTH = 1.02  # weights are recomputed once the stream has grown by 2 % (+ 4 articles)
IDF_REFRESH_MIN = 4


def weigh_term(index: StoryIndex, term: str) -> float:
    """Inverse document frequency from the shipped prior plus what the stream has seen so far.

    Cached until the stream reaches a new day (or IDF_REFRESH_DOCS articles): within a day the
    frequencies move by a fraction of a percent, and recomputing them was most of the cost.
    """
    weight = index.idf_cache.get(term)
    if weight is None:
        prior, prior_docs = load_idf()
        n_docs = prior_docs + index.n_docs
        weight = math.log((n_docs + 1) / (prior.get(term, 0) + index.df.get(term, 0) + 1)) + 1.0
        index.idf_cache[term] = weight
    return weight


def refresh_weights(index: StoryIndex) -> None:
    """Drop cached IDF weights (and so every cached story centroid) once the counts have moved.

    A 2 % larger stream shifts an IDF by about 0.02; recomputing every centroid more often than
    that was most of the cost per article.
    """
    if index.n_docs >= index.refreshed_at * IDF_REFRESH_GROWTH + IDF_REFRESH_MIN:
        index.idf_cache.clear()
        index.generation += 1
        index.refreshed_at = index.n_docs


def story_vector(index: StoryIndex, story: StoryState) -> tuple[dict[str, float], float]:
    """The story's IDF-weighted centroid and its norm, cached until the story or the weights change."""
    key = (index.generation, story.size, len(story.terms))
    if story.cached is None or story.cached[0] != key:
        vector = weigh_vector(index, story.terms)
        story.cached = (key, vector, math.sqrt(sum(w * w for w in vector.values())))
    return story.cached[1], story.cached[2]


def weigh_vector(index: StoryIndex, terms: dict[str, float]) -> dict[str, float]:
    return {term: weight * weigh_term(index, term) for term, weight in terms.items()}


def resolve_story(index: StoryIndex, story_id: str) -> str:
    """Follow merges to the surviving story id (merges form short chains; compress them)."""
    root = story_id
    while root in index.merged:
        root = index.merged[root]
    while story_id in index.merged and index.merged[story_id] != root:
        index.merged[story_id], story_id = root, index.merged[story_id]
    return root


def index_keys(index: StoryIndex, features: ArticleFeatures) -> list[tuple[str, float]]:
    """Posting keys of an article with a weight: its most specific terms, names and places."""
    vector = weigh_vector(index, features.terms)
    top_terms = sorted(vector, key=vector.get, reverse=True)[:RETRIEVAL_TERMS]
    # ties broken by name: set order depends on the interpreter's hash seed, results must not
    names = sorted(features.entities, key=lambda n: (-weigh_term(index, "e:" + n), n))[:RETRIEVAL_NAMES]
    keys = [("t:" + t, weigh_term(index, t)) for t in top_terms]
    keys += [("e:" + n, 2.0) for n in names] + [("p:" + p, 1.0) for p in sorted(features.places)[:4]]
    return keys + [(band_key(features.simhash, band), 1.0) for band in range(BANDS)]


def band_key(simhash: int, band: int) -> str:
    return f"h{band}:{simhash >> (8 * band) & 0xFF:02x}"


def is_recent(story: StoryState, features: ArticleFeatures) -> bool:
    """A story is a candidate only while the article falls within the window of its dates."""
    return date_gap(story, features) <= WINDOW_DAYS


def date_gap(story: StoryState, features: ArticleFeatures) -> int:
    """Days between the article's date interval and the story's date range (0 when they overlap)."""
    if features.date is None or story.first is None or story.last is None:
        return 0
    end = features.date_end or features.date
    return max(0, (features.date - story.last).days, (story.first - end).days)


def find_candidates(index: StoryIndex, features: ArticleFeatures) -> list[StoryState]:
    """Open stories sharing the most (weighted) posting keys with the article, best first."""
    hits: Counter = Counter()
    for key, weight in index_keys(index, features):
        for story_id in index.postings.get(key, ()):
            story = index.stories.get(resolve_story(index, story_id))
            if story is not None and is_recent(story, features):
                hits[story.id] += weight
    return [index.stories[story_id] for story_id, _ in hits.most_common(MAX_CANDIDATES)]


def add_postings(index: StoryIndex, story_id: str, features: ArticleFeatures) -> None:
    """Point the article's keys at its story; capped deques forget the oldest stories."""
    for key, _ in index_keys(index, features):
        posting = index.postings.get(key)
        if posting is None:
            posting = index.postings[key] = deque(maxlen=POSTING_CAP)
        if not posting or posting[-1] != story_id:
            posting.append(story_id)


def observe_terms(index: StoryIndex, features: ArticleFeatures) -> None:
    """Count the article in the streamed document frequencies (names under an 'e:' prefix)."""
    index.n_docs += 1
    refresh_weights(index)
    index.df.update(features.terms.keys())
    index.df.update("e:" + name for name in features.entities)


def open_story(index: StoryIndex, features: ArticleFeatures) -> StoryState:
    story_id = f"story-{index.next_id:06d}"
    index.next_id += 1
    story = StoryState(story_id, features.date, features.date_end or features.date)
    index.stories[story_id] = story
    index.story_articles[story_id] = []
    return story


def add_to_story(index: StoryIndex, story: StoryState, features: ArticleFeatures) -> None:
    """Fold the article into the story's centroid, names, dates and article list."""
    for term, weight in features.terms.items():
        story.terms[term] = story.terms.get(term, 0.0) + weight
    story.entities.update(sorted(features.entities))  # sorted: Counter ties keep a fixed order
    story.places.update(sorted(features.places))
    story_towns(story).update(sorted(features.towns))
    if getattr(features, "event_day", None):
        story_event_days(story).add(features.event_day)
    story.simhashes = (story.simhashes + [features.simhash])[-KEPT_HASHES:]
    story.size += 1
    extend_dates(story, features.date, features.date_end or features.date)
    trim_story(index, story)
    index.article_story[features.id] = story.id
    index.story_articles[story.id].append(features.id)


def story_towns(story: StoryState) -> Counter:
    """The story's towns; a stream state saved before towns were counted gets an empty counter."""
    if getattr(story, "towns", None) is None:
        story.towns = Counter()
    return story.towns


def story_event_days(story: StoryState) -> set:
    """The story's event days; a stream state saved before they were kept gets an empty set."""
    if getattr(story, "event_days", None) is None:
        story.event_days = set()
    return story.event_days


def extend_dates(story: StoryState, first: date | None, last: date | None) -> None:
    if first is not None:
        story.first = first if story.first is None else min(story.first, first)
    if last is not None:
        story.last = last if story.last is None else max(story.last, last)


def trim_story(index: StoryIndex, story: StoryState) -> None:
    """Keep a centroid of bounded size: the terms that weigh most under the current frequencies."""
    if len(story.terms) > 2 * CENTROID_TERMS:
        vector = weigh_vector(index, story.terms)
        keep = sorted(vector, key=vector.get, reverse=True)[:CENTROID_TERMS]
        story.terms = {term: story.terms[term] for term in keep}
    if len(story.entities) > 2 * CENTROID_NAMES:
        story.entities = Counter(dict(story.entities.most_common(CENTROID_NAMES)))


def close_old_stories(index: StoryIndex, today: date) -> int:
    """Drop the centroids of stories no new article can join any more; returns how many closed."""
    old = [s.id for s in index.stories.values() if s.last and (today - s.last).days > WINDOW_DAYS]
    for story_id in old:
        del index.stories[story_id]
    return len(old)
