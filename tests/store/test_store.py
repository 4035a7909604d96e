"""The store on SQLite and PostgreSQL: saving, versions, round trips, comments, exports."""

from __future__ import annotations

import csv
import io
import json

import pytest
import sqlalchemy as sa

from newsgraph.errors import NotFoundError, QueryError, StoreError
from newsgraph.model import Analysis, IngestFailure, RawDocument, Statement
from newsgraph.store import Store
from newsgraph.store import schema as t


def test_save_then_read_back_exactly(store: Store, seed_analysis: Analysis) -> None:
    result = store.save(seed_analysis)
    assert (result.article_id, result.status, result.version) == ("seed-iswnews", "new", 1)
    assert store.get_analysis("seed-iswnews") == seed_analysis
    assert store.has_article("seed-iswnews") and not store.has_article("nope")


def test_same_article_twice_is_one_article(store: Store, seed_analysis: Analysis) -> None:
    store.save(seed_analysis)
    again = store.save(seed_analysis)
    assert again.status == "unchanged"
    counts = store.counts()
    assert counts["articles"] == 1 and counts["statements"] == len(seed_analysis.statements)


def test_same_text_from_another_source_is_one_article(store: Store, seed_analysis: Analysis) -> None:
    store.save(seed_analysis)
    art = seed_analysis.article.model_copy(update={
        "id": "other-id", "source": "https://mirror.example/copy", "body": seed_analysis.article.body + "\n",
    })
    copy = seed_analysis.model_copy(update={"article": art})
    result = store.save(copy)
    assert (result.article_id, result.status) == ("seed-iswnews", "unchanged")
    assert store.counts()["articles"] == 1
    assert store.known_ids(["other-id", "seed-iswnews", "x"]) == {"other-id", "seed-iswnews"}
    assert store.get_analysis("other-id").article.id == "seed-iswnews"


def test_changed_page_is_updated_and_old_facts_kept_superseded(store: Store, seed_analysis: Analysis) -> None:
    store.save(seed_analysis)
    body = seed_analysis.article.body + "\n\nUpdate: a correction was added."
    changed = seed_analysis.model_copy(update={
        "article": seed_analysis.article.model_copy(update={"body": body}),
        "statements": seed_analysis.statements[:1],
    })
    result = store.save(changed)
    assert (result.status, result.version) == ("updated", 2)
    assert store.get_analysis("seed-iswnews") == changed
    assert store.counts()["statements"] == 1
    with store.engine.connect() as conn:
        rows = conn.execute(sa.select(t.statements.c.version, t.statements.c.superseded)).all()
        old = conn.execute(sa.select(t.article_versions.c.record)).scalar_one()
    assert sorted(rows) == [(1, True), (1, True), (2, False)]
    assert old["body"] == seed_analysis.article.body  # the old facts' offsets still point somewhere


def test_inconsistent_analysis_is_refused_whole(store: Store, seed_analysis: Analysis) -> None:
    bad = seed_analysis.model_copy(update={"statements": [
        *seed_analysis.statements, Statement(content="not in the body", start=0, end=15),
    ]})
    with pytest.raises(StoreError, match="does not cite") as info:
        store.save(bad)
    assert seed_analysis.article.source in str(info.value)
    unknown = seed_analysis.model_copy(update={"statements": [
        seed_analysis.statements[0].model_copy(update={"speaker": "a99"})]})
    with pytest.raises(StoreError, match="unknown actor 'a99'"):
        store.save(unknown)
    assert store.counts() == {"articles": 0, "actors": 0, "statements": 0, "events": 0, "comments": 0, "failures": 0}
    with store.engine.connect() as conn:
        assert conn.execute(sa.select(sa.func.count()).select_from(t.actors)).scalar() == 0


def test_save_many_isolates_a_bad_article(store: Store, seed_analysis: Analysis, second_analysis: Analysis) -> None:
    bad = second_analysis.model_copy(update={"statements": [Statement(content="zzz", start=0, end=3)]})
    results = store.save_many([seed_analysis, bad, second_analysis])
    assert [r.status for r in results] == ["new", "failed", "new"]
    assert "does not cite" in results[1].error
    assert store.counts()["articles"] == 2
    [failure] = store.failures()
    assert failure.stage == "store" and failure.source == second_analysis.article.source


def test_raw_document_kept(store: Store, seed_analysis: Analysis) -> None:
    content = seed_analysis.article.body.encode("utf-8")
    raw = RawDocument(content=content, source="seed.txt", content_type="text/plain")
    store.save(seed_analysis, raw=raw)
    assert store.get_raw("seed-iswnews") == content
    with pytest.raises(NotFoundError):
        store.get_raw("missing")


def test_get_missing_article(store: Store) -> None:
    with pytest.raises(NotFoundError, match="no article with id 'x'"):
        store.get_analysis("x")


def test_failures_recorded_newest_first(store: Store) -> None:
    for i in range(3):
        store.record_failure(IngestFailure(source=f"in{i}.html", stage="extract", error=f"in{i}.html: empty",
                                           error_type="EmptyDocumentError"))
    got = store.failures(limit=2)
    assert [f.source for f in got] == ["in2.html", "in1.html"]
    assert store.counts()["failures"] == 3


def test_comments_never_return_the_email(store: Store, seed_analysis: Analysis) -> None:
    store.save(seed_analysis)
    first = store.add_comment("seed-iswnews", name="Ana", email="ana@example.org", body="Check the date.")
    second = store.add_comment("seed-iswnews", name="Bo", email="bo@example.org", body="<script>x</script>")
    assert "email" not in first.model_dump() and "ana@example.org" not in first.model_dump_json()
    store.hide_comment(second.id)
    assert [c.name for c in store.comments("seed-iswnews")] == ["Ana"]
    shown = store.comments("seed-iswnews", include_hidden=True)
    assert [(c.name, c.hidden, c.body) for c in shown] == [("Ana", False, "Check the date."), ("Bo", True, "<script>x</script>")]
    with store.engine.connect() as conn:  # stored all the same
        assert conn.execute(sa.select(t.comments.c.email).order_by(t.comments.c.id)).scalars().all() == [
            "ana@example.org", "bo@example.org"]
    with pytest.raises(NotFoundError):
        store.hide_comment(999)
    with pytest.raises(NotFoundError):
        store.add_comment("missing", name="x", email="y", body="z")


def test_recent_articles_pages(store: Store, seed_analysis: Analysis, second_analysis: Analysis) -> None:
    store.save(seed_analysis)
    store.save(second_analysis)
    first = store.recent_articles(limit=1)
    assert [a.id for a in first.items] == ["gulfwire-1"] and first.next_cursor
    second = store.recent_articles(limit=1, cursor=first.next_cursor)
    assert [a.id for a in second.items] == ["seed-iswnews"] and second.next_cursor is None
    with pytest.raises(QueryError):
        store.recent_articles(cursor="%%%not-a-cursor")
    with pytest.raises(QueryError):
        store.recent_articles(limit=0)


def test_export_formats(store: Store, seed_analysis: Analysis, second_analysis: Analysis) -> None:
    store.save(seed_analysis)
    store.save(second_analysis)
    analyses = [Analysis.model_validate_json(line) for line in store.export("jsonl")]
    assert analyses == [seed_analysis, second_analysis]
    facts = list(csv.DictReader(io.StringIO("".join(store.export("csv")))))
    assert {f["kind"] for f in facts} == {"statement", "event", "framing"}
    for fact in facts:  # every row points at its text
        body = seed_analysis.article.body if fact["article_id"] == "seed-iswnews" else second_analysis.article.body
        assert body[int(fact["start"]):int(fact["end"])] == fact["text"]
    events = list(csv.DictReader(io.StringIO("".join(store.export("events")))))
    meeting = [e for e in events if e["date"] == "2023-06-21"]
    assert len(meeting) == 1
    assert (meeting[0]["source_actor"], meeting[0]["target_actor"], meeting[0]["type"]) == (
        "Seyyed Ali Khamenei", "Ismail Haniyeh", "CONSULT")
    assert meeting[0]["articles"] == "2" and "https://english.iswnews.com/example-seed" in meeting[0]["source_urls"]
    with pytest.raises(QueryError):
        store.export("xml")  # type: ignore[arg-type]


def test_export_streams_without_cap(store: Store, seed_analysis: Analysis, monkeypatch: pytest.MonkeyPatch) -> None:
    from newsgraph.store import export

    monkeypatch.setattr(export, "CHUNK", 5)  # small chunks, so that a few articles span several
    n = export.CHUNK * 2 + 3  # more than two chunks
    batch = []
    for i in range(n):
        art = seed_analysis.article.model_copy(update={"id": f"a{i}", "body": f"Story {i}. " + seed_analysis.article.body})
        batch.append(Analysis(article=art))
    store.save_many(batch)
    lines = store.export("jsonl")
    assert next(lines)  # a generator: the first line comes before the rest is read
    assert 1 + sum(1 for _ in lines) == n
    assert json.loads(next(store.export("jsonl")))["article"]["id"] == "a0"


def test_reopening_does_not_migrate_again(db_url: str, seed_analysis: Analysis) -> None:
    from newsgraph.store import engine

    with Store(db_url) as s:
        s.save(seed_analysis)
        assert engine.current_revision(s.engine) == engine.head_revision()
        assert engine.migrate(s.engine) is False
    with Store(db_url) as s:
        assert s.get_analysis("seed-iswnews") == seed_analysis


def test_bad_urls_are_one_line_errors(tmp_path) -> None:
    with pytest.raises(StoreError, match="does not exist"):
        Store(f"sqlite:///{tmp_path}/no/such/dir/x.db")
    with pytest.raises(StoreError, match="unsupported database"):
        Store("mysql://u@h/db")
    with pytest.raises(StoreError, match="cannot open") as info:
        Store("postgresql+psycopg://someone:secret@127.0.0.1:1/none")
    assert "secret" not in str(info.value)


def test_migrations_match_the_table_definitions(store: Store) -> None:
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext

    from newsgraph.store.schema import include_object, metadata

    with store.engine.connect() as conn:
        ctx = MigrationContext.configure(conn, opts={"include_object": include_object})
        assert compare_metadata(ctx, metadata) == []


def test_unchanged_lets_changed_pages_through(store: Store, seed_analysis: Analysis) -> None:
    store.save(seed_analysis)
    art = seed_analysis.article
    changed = art.model_copy(update={"body": art.body + "\n\nUpdated."})
    copy = art.model_copy(update={"id": "copy-id", "source": "elsewhere"})
    assert store.unchanged([art, changed.model_copy(update={"id": "new-id"})]) == {"seed-iswnews"}
    assert store.unchanged([changed]) == set()
    store.save(seed_analysis.model_copy(update={"article": copy}))
    assert store.unchanged([copy]) == {"copy-id"}
    # the copy's page changes later: it becomes an article of its own
    own = copy.model_copy(update={"body": "A different story altogether."})
    result = store.save(Analysis(article=own))
    assert (result.article_id, result.status) == ("copy-id", "new")
    assert store.get_analysis("copy-id").article.body == own.body
    assert store.get_analysis("seed-iswnews").article.body == art.body


def test_csv_cells_that_spreadsheets_would_run_are_neutralised():
    from newsgraph.store.export import csv_line

    line = csv_line(["=HYPERLINK(\"http://x\")", "+1", "-2", "@SUM(A1)", "plain", None, 3])
    cells = line.rstrip("\n").split(",")
    assert cells[0].startswith("\"'=") and cells[1] == "'+1" and cells[2] == "'-2" and cells[3] == "'@SUM(A1)"
    assert cells[4:] == ["plain", "", "3"]
