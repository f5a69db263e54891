"""The plain data that flows between stages.

Every span (`start`, `end`) is a character offset into `Article.text`, the stored original text,
so that annotations from any stage can be shown, checked and exported against one string.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any


@dataclass(frozen=True)
class DateRef:
    """A publication date known to a day, a month or a year: an interval, never an invented day."""

    value: str  # "2023-09-13", "2023-09" or "2023"
    start: date
    end: date
    precision: str  # "day" | "month" | "year"


@dataclass(frozen=True)
class Block:
    """A paragraph-level piece of the text: lead, paragraph, heading or page furniture."""

    start: int
    end: int
    kind: str  # "lead" | "paragraph" | "heading" | "furniture" | "credit"


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int


@dataclass
class Article:
    """One news article as read from its source; `text` is the original, NFC-normalised text."""

    id: str
    text: str
    date: DateRef | None = None
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    path: str | None = None
    language: str | None = None
    credits: list[str] = field(default_factory=list)
    blocks: list[Block] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)
    content_hash: str = ""

    def span_text(self, start: int, end: int) -> str:
        return self.text[start:end]

    def content_sentences(self) -> list[Sentence]:
        """Sentences outside page furniture and agency credits: what the analysis should read."""
        skip = [b for b in self.blocks if b.kind in ("furniture", "credit")]
        return [s for s in self.sentences if not any(b.start <= s.start < b.end for b in skip)]


@dataclass
class Mention:
    """A named-entity mention; `entity` is the id of the entity it refers to, once linked."""

    start: int
    end: int
    text: str
    type: str  # PER | ORG | LOC | MISC
    entity: str | None = None


@dataclass
class Quote:
    start: int
    end: int
    text: str
    kind: str  # direct | partial | indirect
    cue: str | None = None
    speaker_text: str | None = None
    speaker_start: int | None = None
    speaker_end: int | None = None
    speaker: str | None = None  # entity id
    confidence: float = 1.0
    # The person mention the speaker phrase resolves to (itself for a name, the antecedent found
    # by coreference for "er" / "das Staatsoberhaupt"), so the link step can give it an entity id.
    resolved_start: int | None = None
    resolved_end: int | None = None
    resolved_text: str | None = None
    resolved_confidence: float = 0.0
    speaker_kind: str | None = None  # name | pronoun | role | relative | group | phrase


@dataclass
class TimeRef:
    start: int
    end: int
    text: str
    value: str | None  # ISO-8601: day, month, year, interval "a/b", duration "P2H", set
    kind: str = "date"  # date | time | duration | set
    candidates: tuple[str, ...] = ()  # possible days when the article date is only known to the month


@dataclass
class Place:
    start: int
    end: int
    text: str
    name: str | None
    lat: float | None
    lon: float | None
    country: str | None = None
    feature_class: str | None = None
    confidence: float = 0.0
    kind: str | None = None  # country, region, city, water, island, mountain, facility (analyze.places.kinds)


@dataclass
class Quantity:
    start: int
    end: int
    text: str
    value: float | None
    unit: str | None = None
    noun: str | None = None


@dataclass
class Tone:
    polarity: float
    subjectivity: float
    genre: str | None = None


@dataclass
class Label:
    """A noun or epithet an article attaches to an entity ("der Gewaltherrscher aus Pjöngjang").

    `start`/`end` locate the label, `mention_start`/`mention_end` the mention it describes; the
    link step fills `entity` from that mention.
    """

    label: str
    entity: str | None = None
    start: int | None = None
    end: int | None = None
    mention_start: int | None = None
    mention_end: int | None = None
    confidence: float = 1.0


@dataclass
class AnalyzedArticle:
    """An article with everything the per-article analysis found in it."""

    article: Article
    mentions: list[Mention] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    times: list[TimeRef] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    quantities: list[Quantity] = field(default_factory=list)
    tone: Tone | None = None
    labels: list[Label] = field(default_factory=list)
    vector: Any = field(default=None, compare=False)  # numpy unit vector of title and lead (analyze.article_vector); not in the JSON contract
