"""The story step over the store: new articles join stories as a stream; recluster rebuilds.

The stream state (`StoryIndex`) is saved with the story rows in one transaction, so an
interrupted run leaves analysed articles without a story, and the next run assigns them.
"""
from __future__ import annotations

from sqlalchemy import delete

from storyline.link.features import features_from_article
from storyline.link.stories import assign_story
from storyline.link.story_index import StoryIndex, resolve_story
from storyline.link.story_view import date_order, describe_story
from storyline.store import schema
from storyline.store.linked import load_analysis, load_state, save_stories


def assign_stories(store, article_ids: list[str], index: StoryIndex | None = None) -> list[str]:
    """Assign the given analysed articles in date order; returns the ids of the stories touched."""
    index = index or load_state(store, "story_index") or StoryIndex()
    items = sorted(filter(None, (load_analysis(store, i) for i in article_ids)), key=date_order)
    for analyzed in items:
        features = features_from_article(analyzed.article, analyzed.mentions, analyzed.places)
        assign_story(index, features)
    touched = sorted({resolve_story(index, index.article_story[a.article.id]) for a in items})
    stories = [describe_story(story_id, [load_analysis(store, a) for a in index.story_articles[story_id]])
               for story_id in touched]
    save_stories(store, index, stories)
    return touched


def recluster(store) -> list[str]:
    """Forget every story and rebuild them from scratch in date order."""
    from storyline.store.linked import analyzed_without_story

    with store.engine.begin() as conn:
        conn.execute(delete(schema.story_articles))
        conn.execute(delete(schema.stories))
        conn.execute(delete(schema.link_state))
    return assign_stories(store, analyzed_without_story(store), StoryIndex())
