"""The parts an extractor finds, before they become an Article."""

from __future__ import annotations

from dataclasses import dataclass, field

from newsgraph.model import Furniture, Precision, RelatedLink


@dataclass
class Draft:
    """What the HTML or text extractor found; ``newsgraph.extract`` turns it into an Article."""

    extractor: str
    paragraphs: list[str] = field(default_factory=list)
    title: str | None = None
    published: str | None = None
    published_precision: Precision | None = None
    byline: str | None = None
    url: str | None = None
    site: str | None = None
    language: str | None = None
    furniture: list[Furniture] = field(default_factory=list)
    related: list[RelatedLink] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    low_confidence: bool = False
