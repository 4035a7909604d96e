"""Store fixtures: one parametrised ``store`` on SQLite and (when configured) PostgreSQL (over ``db_url``),
and hand-made analyses of the seed and of a second article about the same meeting."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa

from newsgraph.model import Actor, Analysis, Article, DateMention, Event, EventActor, Framing, Mention, Statement
from newsgraph.store import Store


@pytest.fixture
def store(db_url: str) -> Iterator[Store]:
    s = Store(db_url)
    yield s
    s.close()


# ------------------------------------------------------------ hand-made analyses


def read_copied_page(path: Path) -> tuple[str, str, str]:
    """Return (title, dateline, body) of a copied-text fixture: title, blank, dateline, blank, paragraphs."""
    text = path.read_text(encoding="utf-8")
    title, _, rest = text.partition("\n\n")
    dateline, _, body = rest.partition("\n\n")
    return title.strip(), dateline.strip(), body.strip()


class Cite:
    """Offsets of quoted text in a body: ``cite("Haniyeh")`` -> (text, start, end)."""

    def __init__(self, body: str) -> None:
        self.body = body

    def __call__(self, text: str, nth: int = 0) -> dict:
        start = -1
        for _ in range(nth + 1):
            start = self.body.index(text, start + 1)
        return {"text": text, "start": start, "end": start + len(text)}

    def mentions(self, *texts: str) -> list[Mention]:
        out = []
        for text in texts:
            start = self.body.find(text)
            while start != -1:
                out.append(Mention(text=text, start=start, end=start + len(text)))
                start = self.body.find(text, start + len(text))
        return sorted({(m.start, m.end): m for m in out}.values(), key=lambda m: m.start)


def statement(cite: Cite, speaker: str, content: str, cue: str | None = None, direct: bool = False, **kw) -> Statement:
    c = cite(content)
    extra = {}
    if cue:
        q = cite(cue)
        extra = {"cue": cue, "cue_start": q["start"], "cue_end": q["end"]}
    return Statement(speaker=speaker, content=c["text"], start=c["start"], end=c["end"], direct=direct, **extra, **kw)


def event(cite: Cite, sentence: str, type_: str, actors: list[tuple[str, str]], date: str | None, **kw) -> Event:
    c = cite(sentence)
    return Event(type=type_, actors=[EventActor(actor=a, role=r) for a, r in actors], date=date,
                 date_precision="day" if date else None, **c, **kw)


@pytest.fixture(scope="session")
def seed_analysis(seed_path: Path) -> Analysis:
    """The seed as an analysis would read it: Khamenei, Haniyeh, Ahmadiyan; two CONSULT events."""
    title, _, body = read_copied_page(seed_path)
    c = Cite(body)
    art = Article(id="seed-iswnews", source=str(seed_path), site="ISWNews", title=title,
                  published="2023-06-22T20:22", published_precision="minute", body=body, extractor="text",
                  url="https://english.iswnews.com/example-seed")
    actors = [
        Actor(id="a1", name="Seyyed Ali Khamenei", type="PERSON", aliases=["Khamenei", "Imam Khamenei"], kb_id="ali-khamenei",
              titles=["Supreme Leader"], country="IRN", mentions=c.mentions("Seyyed Ali Khamenei", "Imam Khamenei")),
        Actor(id="a2", name="Ismail Haniyeh", type="PERSON", aliases=["Haniyeh"], affiliations=["a3"],
              titles=["head of Hamas' political bureau"], mentions=c.mentions("Haniyeh")),
        Actor(id="a3", name="Hamas", type="ORG", mentions=c.mentions("Hamas")),
        Actor(id="a4", name="Ali Akbar Ahmadiyan", type="PERSON", mentions=c.mentions("Ali Akbar Ahmadiyan")),
        Actor(id="a5", name="Iran", type="GPE", country="IRN", mentions=c.mentions("Iran")),
    ]
    statements = [
        statement(c, "a1", "Palestine belongs to all Muslims and it is a religious obligation for all Muslims to "
                  "engage in the field for its liberation, because it is a religious duty", cue="stated"),
        statement(c, "a2", "the current situation and the advances made by the resistance front have been "
                  "unprecedented throughout the history of occupation of Palestinian lands", cue="went on to say"),
    ]
    meeting = c("On June 21, the Supreme Leader of the Islamic Revolution said in a meeting with head of Hamas")
    events = [
        event(c, "In a meeting with the head of Palestinian Resistance Movement Hamas’ political bureau Ismail Haniyeh",
              "CONSULT", [("a1", "source"), ("a2", "target")], "2023-06-21", mode="visit", trigger="meeting",
              date_text="June 21", evidence=[meeting]),
        event(c, "Ismail Haniyeh had previously met with representative of the Supreme Leader", "CONSULT",
              [("a2", "source"), ("a4", "target")], "2023-06-19", trigger="met", date_text="June 19"),
    ]
    dates = [DateMention(**c("June 21"), value="2023-06-21", precision="day"),
             DateMention(**c("June 19"), value="2023-06-19", precision="day")]
    framing = [Framing(**c("occupiers"), category="Name_Calling,Labeling")]
    return Analysis(article=art, actors=actors, statements=statements, events=events, dates=dates,
                    framing=framing, model="hand-made")


@pytest.fixture(scope="session")
def second_analysis(fixtures_dir: Path) -> Analysis:
    """The second outlet's story of the same meeting, with names spelled its own way."""
    path = fixtures_dir / "corpus_gulfwire.txt"
    title, _, body = read_copied_page(path)
    c = Cite(body)
    art = Article(id="gulfwire-1", source=str(path), site="Gulf Wire", title=title, published="2023-06-21T18:05",
                  published_precision="minute", body=body, extractor="text")
    actors = [
        # the analysis ties both outlets' forms to the knowledge base's entry; a bare surname alone would not
        # tie them (store/names.py)
        Actor(id="a1", name="Khamenei", type="PERSON", aliases=["Ali Khamenei"], kb_id="ali-khamenei",
              mentions=c.mentions("Khamenei")),
        Actor(id="a2", name="Haniyeh", type="PERSON", aliases=["Ismail Haniyeh"], mentions=c.mentions("Haniyeh")),
        Actor(id="a3", name="Ali Akbar Ahmadian", type="PERSON", mentions=c.mentions("Ali Akbar Ahmadian")),
        Actor(id="a4", name="Hamas", type="GROUP", mentions=c.mentions("Hamas")),
    ]
    statements = [
        statement(c, "a2", "The resistance will not give up a single inch of Palestinian land.", cue="said",
                  direct=True),
        statement(c, "a1", "the West Bank would decide the conflict and that unity among Palestinian factions "
                  "must be preserved", cue="told"),
    ]
    events = [
        event(c, "Iran's Supreme Leader Ayatollah Ali Khamenei met Ismail Haniyeh", "CONSULT",
              [("a1", "source"), ("a2", "target")], "2023-06-21", trigger="met"),
        event(c, "Haniyeh held talks with Ali Akbar Ahmadian", "CONSULT", [("a2", "source"), ("a3", "target")],
              "2023-06-19", trigger="held talks"),
    ]
    return Analysis(article=art, actors=actors, statements=statements, events=events, model="hand-made")


# ------------------------------------------------------------ corpora and dumps


@pytest.fixture(scope="session")
def analyzer():
    """The real analysis pipeline (the spaCy model is loaded once per session)."""
    from newsgraph.analyze.pipeline import Analyzer

    return Analyzer()



@pytest.fixture(scope="session")
def text_corpus(shared_data: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """220 real news texts (PolNeAR), each cut to its title and first paragraphs, as .txt files."""
    out = tmp_path_factory.mktemp("polnear")
    sources = sorted((shared_data / "quotes-polnear" / "train" / "text").glob("*.txt"))[:220]
    for src in sources:
        paragraphs = [p for p in src.read_text(encoding="utf-8").split("\n\n") if p.strip()]
        kept: list[str] = []
        while paragraphs and sum(map(len, kept)) < 600:
            kept.append(paragraphs.pop(0))
        (out / src.name).write_text("\n\n".join(kept) + "\n", encoding="utf-8")
    assert len(list(out.glob("*.txt"))) >= 200
    return out


def corpus_dump(store: Store) -> dict:
    """Return the corpus in natural keys (no database ids): equal dumps = equal corpora."""
    from newsgraph.store import schema as t

    with store.engine.connect() as conn:
        names = dict(conn.execute(sa.select(t.actors.c.id, t.actors.c.name)).all())
        types = dict(conn.execute(sa.select(t.actors.c.id, t.actors.c.type)).all())
        aliases: dict[int, set] = {}
        for r in conn.execute(sa.select(t.actor_names.c.actor_id, t.actor_names.c.norm)):
            aliases.setdefault(r.actor_id, set()).add(r.norm)
        articles = sorted(conn.execute(sa.select(t.articles.c.id, t.articles.c.text_hash, t.articles.c.version,
                                                 t.articles.c.dup_of)).all())
        statements = sorted(
            (r.article_id, r.ord, r.content, names.get(r.speaker_id), r.superseded)
            for r in conn.execute(sa.select(t.statements))
        )
        mentions = sorted(
            (r.article_id, r.start, r.end, names[r.actor_id]) for r in conn.execute(sa.select(t.mentions))
        )
        evidence: dict[int, list] = {}
        for r in conn.execute(sa.select(t.event_evidence)):
            evidence.setdefault(r.event_id, []).append((r.article_id, r.start, r.end))
        event_actors: dict[int, set] = {}
        for r in conn.execute(sa.select(t.event_actors)):
            event_actors.setdefault(r.event_id, set()).add(names[r.actor_id])
        events = sorted(
            (r.type, r.date or "", r.date_lo or "", r.date_hi or "", sorted(event_actors.get(r.id, ())),
             sorted(evidence.get(r.id, [])))
            for r in conn.execute(sa.select(t.events))
        )
        actors = sorted((names[i], types[i], sorted(aliases.get(i, ()))) for i in names)
        raw = conn.execute(sa.select(sa.func.count()).select_from(t.raw_documents)).scalar()
    return {"articles": articles, "statements": statements, "mentions": mentions, "events": events,
            "actors": actors, "raw": raw}


@pytest.fixture(scope="session")
def dump():
    """``corpus_dump`` as a fixture (test modules cannot import conftest under importlib mode)."""
    return corpus_dump
