"""Corpus files and hostile pages in batch runs: the same reader and failure rule as ``newsgraph ingest``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsgraph.batch.runner import run_batch
from newsgraph.batch.writers import load_dir

pytest.importorskip("pyarrow.parquet")


def _store(url: str):
    from newsgraph.store import Store

    return Store(url)


def _corpus(path: Path, text, rows: int = 5) -> Path:
    lines = [json.dumps({"id": str(i), "url": f"https://wire.example/story/{i}", "title": f"Story {i}",
                         "media_name": "Wire Example", "publish_date": f"2024-03-{1 + i:02d}", "text": text(i)})
             for i in range(rows)]
    lines[2:2] = ["{broken json", json.dumps({"id": "x", "title": "no text here"})]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_a_corpus_file_is_read_in_chunks_and_resumes(tmp_path, dask_client, generated):
    text, _ = generated
    corpus = _corpus(tmp_path / "wire.jsonl", text)
    db = f"sqlite:///{tmp_path / 'c.db'}"
    first = run_batch([str(corpus)], out=db, client=dask_client, warc_records=2, progress=False)
    assert (first.articles, first.failures) == (5, 2)
    assert first.partitions >= 3  # 7 rows, 2 a task
    with _store(db) as store:
        failures = sorted(f.source for f in store.failures())
        assert failures == [f"{corpus}:3", f"{corpus}:4"]
        hits = store.search("", source="Wire Example", limit=10).items
        assert sorted(h.title for h in hits) == [f"Story {i}" for i in range(5)]
    again = run_batch([str(corpus)], out=db, client=dask_client, warc_records=2, progress=False)
    assert (again.inputs, again.articles, again.failures, again.inputs_skipped) == (0, 0, 0, 1)


def test_a_syndicated_copy_counts_the_same_in_batch_and_load(tmp_path, dask_client, generated):
    text, _ = generated
    corpus = tmp_path / "copies.jsonl"
    corpus.write_text("".join(json.dumps({"url": f"https://outlet{n}.example/a", "text": text(3)}) + "\n"
                              for n in (1, 2)), encoding="utf-8")  # one story, two outlets' URLs
    db = f"sqlite:///{tmp_path / 'direct.db'}"
    direct = run_batch([str(corpus)], out=db, client=dask_client, progress=False)
    assert (direct.articles, direct.skipped_articles) == (1, 1)
    shards = tmp_path / "shards"
    run_batch([str(corpus)], out=str(shards), client=dask_client, progress=False)
    loaded = load_dir(str(shards), f"sqlite:///{tmp_path / 'loaded.db'}")
    assert (loaded.written, loaded.skipped) == (direct.articles, direct.skipped_articles)
    for url in (db, f"sqlite:///{tmp_path / 'loaded.db'}"):
        with _store(url) as store:
            assert store.counts()["articles"] == 1


def test_a_hostile_page_is_one_failure_and_the_others_are_stored(tmp_path, dask_client, generated):
    text, _ = generated
    src = tmp_path / "in"
    src.mkdir()
    for i in range(6):
        (src / f"story-{i}.txt").write_text(text(40 + i), encoding="utf-8")
    (src / "market.html").write_bytes(b'<html><head><meta charset="rot13"></head><body><p>Caf\xe9 day in the '
                                      b"town, and traders came from three towns to the square.</p></body></html>")
    db = f"sqlite:///{tmp_path / 'h.db'}"
    report = run_batch([str(src)], out=db, client=dask_client, partition_size=7, progress=False)
    assert report.articles + report.failures == 7 and report.articles >= 6
    with _store(db) as store:
        assert [f.source for f in store.failures()] == ([] if report.articles == 7 else [str(src / "market.html")])
