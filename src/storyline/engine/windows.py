"""The story step of the batch, split into time windows that overlap, then merged.

The story stream is sequential, so a corpus of a million articles cannot be clustered by one
worker in one pass. Each window of `WINDOW_DAYS` days is clustered on its own, warmed up with the
`OVERLAP_DAYS` before it (those articles belong to the previous window; here they only rebuild
the stories that are still open at the boundary). Merging maps every local story to the global
story of the warm-up articles it contains, or opens a new one; a local story holding warm-up
articles from two global stories joins them. Both engines use these functions, so the result
depends only on the input, never on how it was partitioned or in which order windows finished.
"""
from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from storyline.link.features import ArticleFeatures
from storyline.link.stories import cluster_articles, sort_key

WINDOW_DAYS = 42
OVERLAP_DAYS = 14  # at two weeks' gap the time decay leaves ~0.3 of a score: later joins are rare
UNDATED = -1  # window key of articles without a date: clustered among themselves, last


def article_windows(start: date | None, window_days: int = WINDOW_DAYS, overlap_days: int = OVERLAP_DAYS
                    ) -> list[tuple[int, bool]]:
    """(window, owned) pairs for an article: its own window, and the next when it falls in the overlap."""
    if start is None:
        return [(UNDATED, True)]
    day = start.toordinal()
    own = day // window_days
    pairs = [(own, True)]
    if day >= (own + 1) * window_days - overlap_days:
        pairs.append((own + 1, False))
    return pairs


def cluster_window(window: int, members: Iterable[tuple[ArticleFeatures, bool]]) -> list[tuple[str, str, bool]]:
    """Cluster one window from scratch; returns (article id, local story id, owned) in stream order."""
    members = sorted(members, key=lambda pair: sort_key(pair[0]))
    assignment = cluster_articles([features for features, _ in members])
    return [(features.id, f"{window}:{assignment[features.id]}", owned) for features, owned in members]


class UnionFind:
    """Global stories as sets of nodes; `find` gives a canonical node, `union` keeps the smaller."""

    def __init__(self):
        self.parent: list[int] = []

    def add(self) -> int:
        self.parent.append(len(self.parent))
        return len(self.parent) - 1

    def find(self, node: int) -> int:
        while self.parent[node] != node:
            self.parent[node] = self.parent[self.parent[node]]
            node = self.parent[node]
        return node

    def union(self, left: int, right: int) -> int:
        left, right = self.find(left), self.find(right)
        keep, drop = min(left, right), max(left, right)
        self.parent[drop] = keep
        return keep


def merge_windows(results: dict[int, list[tuple[str, str, bool]]]) -> dict[str, int]:
    """Window results (in any order) to article id -> global node, walking windows in time order."""
    groups, node_of_article = UnionFind(), {}
    for window in sorted(results, key=lambda w: (w == UNDATED, w)):
        node_of_story: dict[str, int] = {}
        for article_id, local, owned in results[window]:
            if not owned:  # a warm-up article: its story is known from the window before
                known = node_of_article[article_id]
                node_of_story[local] = groups.union(node_of_story[local], known) if local in node_of_story else known
        for article_id, local, owned in results[window]:
            if owned:
                if local not in node_of_story:
                    node_of_story[local] = groups.add()
                node_of_article[article_id] = node_of_story[local]
    return {article_id: groups.find(node) for article_id, node in node_of_article.items()}


def name_stories(node_of_article: dict[str, int], order: dict[str, tuple]) -> dict[str, str]:
    """Global story ids numbered by each story's first article in (date, id) order: stable names."""
    first: dict[int, tuple] = {}
    for article_id, node in node_of_article.items():
        key = order[article_id]
        if node not in first or key < first[node]:
            first[node] = key
    numbers = {node: n for n, node in enumerate(sorted(first, key=first.get), start=1)}
    return {article_id: f"story-{numbers[node]:06d}" for article_id, node in node_of_article.items()}


def row_order(article_id: str, date_start: str | None) -> tuple:
    """The stream's (date, id) order from a stored row: undated articles last, then by id."""
    if date_start is None:
        return (True, 0, article_id)
    return (False, date.fromisoformat(date_start).toordinal(), article_id)


def order_key(features: ArticleFeatures) -> tuple:
    return row_order(features.id, features.date.isoformat() if features.date else None)


def assign_windowed(features: list[ArticleFeatures], window_days: int = WINDOW_DAYS,
                    overlap_days: int = OVERLAP_DAYS, map_=map) -> dict[str, str]:
    """The whole windowed story step in one process (`map_` may be a pool's map): article id -> story id."""
    windows: dict[int, list] = {}
    for item in features:
        for window, owned in article_windows(item.date, window_days, overlap_days):
            windows.setdefault(window, []).append((item, owned))
    keys = sorted(windows)
    results = dict(zip(keys, map_(cluster_window, keys, [windows[k] for k in keys])))
    return name_stories(merge_windows(results), {item.id: order_key(item) for item in features})
