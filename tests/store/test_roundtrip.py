"""Property: any consistent Analysis goes into the database and comes back equal."""

from __future__ import annotations

import datetime as dt
import itertools

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsgraph.model import (
    Actor,
    Analysis,
    Article,
    DateMention,
    Event,
    EventActor,
    Framing,
    Furniture,
    Mention,
    RelatedLink,
    Span,
    Statement,
)
from newsgraph.store import Store
from newsgraph.store.duplicates import text_hash

# PostgreSQL text cannot hold NUL, and no encoding holds lone surrogates; everything else goes.
TEXT = st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00")
text = st.text(TEXT, max_size=40)
opt_text = st.none() | text
precision = st.none() | st.sampled_from(["year", "month", "day", "hour", "minute", "second", "approximate"])
_counter = itertools.count()


@st.composite
def spans(draw, body: str) -> tuple[str, int, int]:
    start = draw(st.integers(0, len(body)))
    end = draw(st.integers(start, min(len(body), start + 60)))
    return body[start:end], start, end


@st.composite
def analyses(draw) -> Analysis:
    body = draw(st.text(TEXT, min_size=0, max_size=400))
    article = Article(
        id=f"rt-{next(_counter)}", source=draw(text.filter(bool) | st.just("x.txt")), url=draw(opt_text),
        site=draw(opt_text), title=draw(opt_text), published=draw(st.none() | st.dates().map(dt.date.isoformat)),
        published_precision=draw(precision), byline=draw(opt_text), language=draw(st.none() | st.sampled_from(["en", "de"])),
        body=body, related=draw(st.lists(st.builds(RelatedLink, title=text, url=opt_text), max_size=3)),
        furniture=draw(st.lists(st.builds(Furniture, text=text, reason=text), max_size=3)),
        fetched_at=draw(st.none() | st.datetimes(timezones=st.sampled_from([dt.timezone.utc, dt.timezone(dt.timedelta(hours=5, minutes=30))]))),
        extractor=draw(text), low_confidence=draw(st.booleans()), warnings=draw(st.lists(text, max_size=3)),
    )
    n = draw(st.integers(0, 4))
    ids = [f"a{i + 1}" for i in range(n)]
    actors = []
    for aid in ids:
        mentions = [Mention(text=t, start=s, end=e, kind=draw(st.sampled_from(["name", "title", "alias", "pronoun"])))
                    for t, s, e in draw(st.lists(spans(body), max_size=4))]
        actors.append(Actor(
            id=aid, name=draw(text.filter(lambda x: x.strip())), type=draw(st.sampled_from(["PERSON", "ORG", "GPE", "GROUP", "OTHER"])),
            wikidata=draw(st.none() | st.from_regex(r"Q[1-9][0-9]{0,6}", fullmatch=True)), country=draw(st.none() | st.just("IRN")),
            titles=draw(st.lists(text, max_size=2)), aliases=draw(st.lists(text, max_size=3)),
            affiliations=draw(st.lists(st.sampled_from(ids), max_size=2, unique=True)), mentions=mentions,
        ))
    who = st.none() | st.sampled_from(ids) if ids else st.none()
    statements = []
    for _ in range(draw(st.integers(0, 3))):
        content, s, e = draw(spans(body))
        sp = draw(st.none() | spans(body))
        cue = draw(st.none() | spans(body))
        statements.append(Statement(
            speaker=draw(who), speaker_text=sp[0] if sp else None, speaker_start=sp[1] if sp else None,
            speaker_end=sp[2] if sp else None, cue=cue[0] if cue else None, cue_start=cue[1] if cue else None,
            cue_end=cue[2] if cue else None, content=content, start=s, end=e, direct=draw(st.booleans()),
            addressee=draw(who),
        ))
    events = []
    for _ in range(draw(st.integers(0, 3))):
        sentence, s, e = draw(spans(body))
        roles = [EventActor(actor=a, role=draw(st.sampled_from(["source", "target", "participant"])))
                 for a in draw(st.lists(st.sampled_from(ids), max_size=3, unique=True))] if ids else []
        events.append(Event(
            type=draw(st.sampled_from(["CONSULT", "ASSAULT", "SUPPORT"])), mode=draw(st.none() | st.just("visit")),
            actors=roles, date=draw(st.none() | st.dates().map(dt.date.isoformat) | st.just("2023-06")),
            date_precision=draw(precision), date_text=draw(opt_text), place=draw(who), trigger=draw(opt_text),
            text=sentence, start=s, end=e,
            evidence=[Span(text=t, start=a, end=b) for t, a, b in draw(st.lists(spans(body), max_size=2))],
        ))
    dates = [DateMention(text=t, start=s, end=e, value=draw(st.none() | st.just("2023-06-21")), precision=draw(precision))
             for t, s, e in draw(st.lists(spans(body), max_size=2))]
    framing = [Framing(text=t, start=s, end=e, category=draw(text), note=draw(opt_text))
               for t, s, e in draw(st.lists(spans(body), max_size=2))]
    return Analysis(article=article, analysed=draw(st.booleans()), notes=draw(st.lists(text, max_size=2)),
                    actors=actors, statements=statements, events=events, dates=dates, framing=framing,
                    model=draw(opt_text))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(analysis=analyses())
def test_record_database_record(store: Store, analysis: Analysis) -> None:
    result = store.save(analysis)
    stored = store.get_analysis(result.article_id)
    if result.status == "new":
        assert stored == analysis
    else:  # the same text was drawn before: stored once, under the first id
        assert result.status == "unchanged" and text_hash(stored.article.body) == text_hash(analysis.article.body)
