"""Batch runs on a real 2-worker LocalCluster: shards and load, database output, resume, worker death, URLs, feeds."""

from __future__ import annotations

import json
import os
import signal
import socket
import sys
import time
from pathlib import Path

import cloudpickle
import pytest

from newsgraph.batch.runner import run_batch
from newsgraph.batch.writers import load_dir
from newsgraph.errors import BatchError
from newsgraph.model import Analysis, IngestFailure

pq = pytest.importorskip("pyarrow.parquet")


def shard_rows(directory: Path) -> list[dict]:
    """Every row of every shard listed in the manifest."""
    manifest = json.loads((directory / "manifest.json").read_text())
    rows = []
    for shard in manifest["shards"]:
        rows.extend(pq.read_table(directory / shard["file"]).to_pylist())
    return rows


def open_store(url: str):
    store_module = pytest.importorskip("newsgraph.store")
    return store_module.Store(url)


def test_parquet_shards_with_bad_inputs_then_load(tmp_path, dask_client, make_corpus, warc_writer, generated):
    _, html = generated
    src = tmp_path / "in"
    corpus = make_corpus(src, texts=5, pages=2)
    warc = src / "crawl.warc.gz"
    warc_writer(warc, [(f"https://news.example/w{i}", html(300 + i)) for i in range(3)], truncate=True)
    out = tmp_path / "shards"

    report = run_batch([str(src)], out=str(out), client=dask_client, partition_size=3, progress=False)

    rows = shard_rows(out)
    analyses = [Analysis.model_validate_json(r["json"]) for r in rows if r["kind"] == "analysis"]
    failures = [IngestFailure.model_validate_json(r["json"]) for r in rows if r["kind"] == "failure"]
    good = {str(p) for p in corpus["good"]}
    from_files = {a.article.source for a in analyses if not a.article.source.startswith("warc:")}
    from_warc = [a for a in analyses if a.article.source.startswith("warc:")]
    assert from_files == good
    assert len(from_warc) == 2  # the records before the damage
    assert {a.article.url for a in from_warc} == {"https://news.example/w0", "https://news.example/w1"}
    assert len({a.article.id for a in analyses}) == len(analyses) == report.articles == len(good) + 2
    assert all(a.analysed and a.model for a in analyses if a.article.body.strip())
    seed = next(a for a in analyses if a.article.source.endswith("seed.txt"))
    assert {"Haniyeh"} <= {part for actor in seed.actors for part in actor.name.split()}
    # one failure per bad document, each naming its input on one line; the damaged WARC
    # record is either dropped by warcio or reported against the WARC (depends on where it broke)
    by_source = {f.source: f for f in failures}
    assert {str(p) for p in corpus["bad"]} <= set(by_source) <= {str(p) for p in corpus["bad"]} | {str(warc)}
    assert all("\n" not in f.error and f.source in f.error for f in failures)
    assert report.failures == len(failures) and report.partitions_failed == 0
    manifest = json.loads((out / "manifest.json").read_text())
    assert manifest["totals"]["articles"] == len(analyses) and manifest["totals"]["failures"] == len(failures)
    assert report.peak_rss and all(0 < rss < 2**30 for rss in report.peak_rss.values())

    # the same command again: every input is known, nothing is read or written
    again = run_batch([str(src)], out=str(out), client=dask_client, partition_size=3, progress=False)
    assert again.inputs == 0 and again.inputs_skipped == report.inputs and again.articles == 0
    assert len(shard_rows(out)) == len(rows)

    # load the shards into a database, twice: the second load changes nothing
    db = f"sqlite:///{tmp_path / 'corpus.db'}"
    loaded = load_dir(str(out), db)
    assert (loaded.written, loaded.failures) == (len(analyses), len(failures))
    reloaded = load_dir(str(out), db)
    assert reloaded.written == 0 and reloaded.shards_skipped == loaded.shards
    with open_store(db) as store:
        ids = [a.article.id for a in analyses]
        assert store.known_ids(ids) == set(ids)
        assert store.counts()["articles"] == len(analyses)
        assert store.counts()["failures"] == len(failures)


def test_database_output_resumes_and_skips_by_id(tmp_path, dask_client, make_corpus, generated):
    text, _ = generated
    src = tmp_path / "in"
    corpus = make_corpus(src, texts=4, pages=1, bad=True)
    db = f"sqlite:///{tmp_path / 'corpus.db'}"

    first = run_batch([str(src)], out=db, client=dask_client, partition_size=2, progress=False)
    assert first.articles == len(corpus["good"]) and first.failures == 2

    again = run_batch([str(src)], out=db, client=dask_client, partition_size=2, progress=False)
    assert (again.inputs, again.articles, again.failures) == (0, 0, 0)
    assert again.inputs_skipped == first.inputs

    # one new file, and one old file touched (new mtime, same text): only the new one is stored
    (src / "story-new.txt").write_text(text(77), encoding="utf-8")
    touched = corpus["good"][0]
    os.utime(touched, ns=(time.time_ns(), time.time_ns()))
    third = run_batch([str(src)], out=db, client=dask_client, partition_size=2, progress=False)
    assert third.inputs == 2 and third.articles == 1 and third.skipped_articles == 1
    with open_store(db) as store:
        assert store.counts()["articles"] == len(corpus["good"]) + 1
        assert store.counts()["failures"] == 2


class KillOnce:
    """Kill the worker process (SIGKILL, for real) when it reaches ``trigger``, the first time only."""

    def __init__(self, marker: str, trigger: str) -> None:
        self.marker = marker
        self.trigger = trigger

    def __call__(self, source: str) -> None:
        if source.endswith(self.trigger) and not os.path.exists(self.marker):
            Path(self.marker).write_text(str(os.getpid()))
            os.kill(os.getpid(), signal.SIGKILL)


def test_worker_killed_mid_partition_is_retried_without_doubles(tmp_path, dask_client, make_corpus):
    # the hook runs on the workers, which cannot import this test module: ship it by value
    cloudpickle.register_pickle_by_value(sys.modules[KillOnce.__module__])
    src = tmp_path / "in"
    corpus = make_corpus(src, texts=8, pages=0, bad=False)
    marker = tmp_path / "killed.pid"
    out = tmp_path / "shards"

    report = run_batch([str(src)], out=str(out), client=dask_client, partition_size=4, progress=False,
                       on_document=KillOnce(str(marker), "story-002.txt"))

    assert marker.exists(), "the worker was not killed"
    killed_pid = int(marker.read_text())
    assert killed_pid not in report.peak_rss  # the dead process delivered nothing; another attempt did
    rows = shard_rows(out)
    ids = [r["article_id"] for r in rows if r["kind"] == "analysis"]
    assert len(ids) == len(set(ids)) == len(corpus["good"])
    assert {r["source"] for r in rows if r["kind"] == "analysis"} == {str(p) for p in corpus["good"]}
    assert report.partitions_failed == 0 and report.failures == 0


def test_url_list_with_junk_lines_and_a_dead_link(tmp_path, dask_client, http_site, generated):
    _, html = generated
    base, pages, requested = http_site
    for i in (1, 2):
        pages[f"/news/{i}"] = ("text/html; charset=utf-8", html(400 + i).encode())
    urls = tmp_path / "today.urls"
    urls.write_text(f"{base}/news/1\nthis is not a url\n{base}/news/2\n{base}/news/missing\n", encoding="utf-8")
    out = tmp_path / "shards"

    report = run_batch([str(urls)], out=str(out), client=dask_client, allow_private=True, progress=False)
    rows = shard_rows(out)
    failures = {r["source"]: r["json"] for r in rows if r["kind"] == "failure"}
    assert report.articles == 2
    assert set(failures) == {f"{urls}:2", f"{base}/news/missing"}
    assert "not a URL" in failures[f"{urls}:2"]

    # re-run: the stored pages are not fetched again; the dead link (a network failure) is retried
    requested.clear()
    again = run_batch([str(urls)], out=str(out), client=dask_client, allow_private=True, progress=False)
    assert sorted(requested) == ["/news/missing"] and again.articles == 0


def rss(base: str, links: list[str]) -> bytes:
    items = "".join(
        f"<item><title>Story {n}</title><link>{base}{n}</link><pubDate>Tue, 05 Mar 2024 10:00:00 GMT</pubDate></item>"
        for n in links
    )
    return f"<?xml version='1.0'?><rss version='2.0'><channel><title>Test outlet</title>{items}</channel></rss>".encode()


def test_feed_list_is_polled_for_new_items_only(tmp_path, dask_client, http_site, generated):
    _, html = generated
    base, pages, requested = http_site
    for i in (1, 2, 3):
        pages[f"/story/{i}"] = ("text/html; charset=utf-8", html(500 + i).encode())
    pages["/feed.rss"] = ("application/rss+xml", rss(base, ["/story/1", "/story/2"]))
    feeds = tmp_path / "outlets.feeds"
    feeds.write_text(f"{base}/feed.rss\n{base}/gone.rss\nnot-a-feed-url\n", encoding="utf-8")
    out = tmp_path / "shards"

    first = run_batch([str(feeds)], out=str(out), client=dask_client, allow_private=True, progress=False)
    assert first.articles == 2
    urls_seen = {Analysis.model_validate_json(r["json"]).article.url for r in shard_rows(out) if r["kind"] == "analysis"}
    assert urls_seen == {f"{base}/story/1", f"{base}/story/2"}
    failed = {r["source"] for r in shard_rows(out) if r["kind"] == "failure"}
    assert failed == {f"{base}/gone.rss", f"{feeds}:3"}

    pages["/feed.rss"] = ("application/rss+xml", rss(base, ["/story/3", "/story/2", "/story/1"]))
    requested.clear()
    second = run_batch([str(feeds)], out=str(out), client=dask_client, allow_private=True, progress=False)
    assert second.articles == 1
    assert sorted(p for p in requested if p.startswith("/story/")) == ["/story/3"]


def test_unreachable_scheduler_is_one_clean_error(tmp_path):
    with socket.socket() as sock:  # a port nobody listens on
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    address = f"tcp://127.0.0.1:{port}"
    out = tmp_path / "out"
    started = time.monotonic()
    with pytest.raises(BatchError) as caught:
        run_batch([str(tmp_path)], out=str(out), scheduler=address, connect_timeout=2, progress=False)
    assert time.monotonic() - started < 30
    message = str(caught.value)
    assert message.startswith(address) and "did not answer" in message and "\n" not in message
    assert not out.exists()  # nothing was started, nothing half-written
    with pytest.raises(BatchError, match="scheduler must be"):
        run_batch([str(tmp_path)], out=str(out), scheduler="localhost:8786", progress=False)


def test_a_warc_file_is_read_in_chunks_that_resume_where_the_last_stopped(tmp_path, dask_client, warc_writer, generated):
    _, html = generated
    warc = tmp_path / "big.warc.gz"
    warc_writer(warc, [(f"https://news.example/c{i}", html(600 + i)) for i in range(7)])
    out = tmp_path / "shards"

    report = run_batch([str(warc)], out=str(out), client=dask_client, warc_records=3, progress=False)

    rows = [r for r in shard_rows(out) if r["kind"] == "analysis"]
    assert report.partitions == 3 and report.inputs == 1  # records 0-2, 3-5, 6
    assert sorted(r["url"] for r in rows) == sorted(f"https://news.example/c{i}" for i in range(7))
    assert len({r["article_id"] for r in rows}) == 7
    assert all(r["source"].startswith(f"warc:{warc}#") for r in rows)
    again = run_batch([str(warc)], out=str(out), client=dask_client, warc_records=3, progress=False)
    assert again.inputs_skipped == 1 and again.partitions == 0


def test_a_server_that_is_not_a_scheduler_is_one_clean_error(tmp_path):
    import threading

    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen()
    port = server.getsockname()[1]

    def answer_garbage():
        while True:
            try:
                conn, _ = server.accept()
            except OSError:
                return
            with conn:
                conn.sendall(b"HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n" * 4)

    threading.Thread(target=answer_garbage, daemon=True).start()
    try:
        with pytest.raises(BatchError) as caught:
            run_batch([str(tmp_path)], out=str(tmp_path / "o"), scheduler=f"tcp://127.0.0.1:{port}",
                      connect_timeout=2, progress=False)
    finally:
        server.close()
    assert str(caught.value).startswith(f"tcp://127.0.0.1:{port}: ") and "\n" not in str(caught.value)
