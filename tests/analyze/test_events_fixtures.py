"""Dates, events and framing on every fixture: each cited span is exactly ``body[start:end]``."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from newsgraph.analyze.pipeline import Analyzer
from newsgraph.extract import extract_article
from newsgraph.model import RawDocument

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
PAGES = sorted((FIXTURES / "pages").glob("*.html.gz"))
TEXTS = sorted(FIXTURES.glob("*.txt"))


def _raw(path: Path) -> RawDocument:
    if path.name.endswith(".html.gz"):
        return RawDocument(content=gzip.decompress(path.read_bytes()), source=str(path), content_type="text/html")
    return RawDocument(content=path.read_bytes(), source=str(path), content_type="text/plain; charset=utf-8")


@pytest.mark.parametrize("path", TEXTS + PAGES, ids=lambda p: p.name)
def test_offsets_of_dates_events_and_framing(nlp, path):
    article = extract_article(_raw(path))
    analysis = Analyzer(nlp=nlp).analyze_article(article)
    body = article.body
    ids = {a.id for a in analysis.actors}
    for d in analysis.dates:
        assert body[d.start:d.end] == d.text
        assert d.value is None or d.precision is not None
    for e in analysis.events:
        assert body[e.start:e.end] == e.text
        for span in e.evidence:
            assert body[span.start:span.end] == span.text
        assert {r.actor for r in e.actors} <= ids
        assert e.place is None or e.place in ids
    for f in analysis.framing:
        assert body[f.start:f.end] == f.text


def test_second_telling_of_the_meeting_gives_its_place(nlp):
    """The GulfWire copy names Tehran: there the meeting has its place (the seed names none)."""
    analysis = Analyzer(nlp=nlp).analyze_article(extract_article(_raw(FIXTURES / "corpus_gulfwire.txt")))
    tehran = [a.id for a in analysis.actors if a.name.casefold() == "tehran"]
    consult = [e for e in analysis.events if e.type == "CONSULT"]
    assert tehran and consult
    assert consult[0].place == tehran[0]
    assert consult[0].date == "2023-06-21"
