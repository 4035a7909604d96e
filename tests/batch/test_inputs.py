"""Input enumeration and partitioning on the client: lazy, cheap, and tolerant of junk."""

from __future__ import annotations

import itertools
import os
from pathlib import Path

from newsgraph.batch.inputs import check_url, classify, expand_sources, partitions, split_feeds
from newsgraph.batch.state import BatchState


def _counting(iterable, counter: list[int]):
    for item in iterable:
        counter[0] += 1
        yield item


def test_twenty_thousand_tiny_files_are_partitioned_lazily(tmp_path: Path):
    root = tmp_path / "many"
    for d in range(20):
        sub = root / f"d{d:02d}"
        sub.mkdir(parents=True)
        for f in range(1000):
            (sub / f"{f:04d}.txt").write_bytes(b"x")
    (root / "d00" / "ignored.bin").write_bytes(b"\0")  # not a kind newsgraph reads
    (root / ".hidden").mkdir()
    (root / ".hidden" / "a.txt").write_text("hidden")

    seen = [0]
    parts = partitions(_counting(expand_sources([str(root)]), seen), 250)
    first = next(parts)
    assert len(first) == 250
    # only what the first partition needed was enumerated, not the 20,000 files
    assert seen[0] == 250
    rest = list(parts)
    total = len(first) + sum(len(p) for p in rest)
    assert total == 20_000
    assert max(len(p) for p in rest) == 250
    keys = {i.key for p in [first, *rest] for i in p}
    assert len(keys) == 20_000
    assert all(i.kind == "file" and i.source.endswith(".txt") for i in first)


def test_resume_state_skips_done_inputs_in_chunks(tmp_path: Path):
    state = BatchState(f"sqlite:///{tmp_path / 'state.sqlite'}")
    state.mark_done([(f"k{i}", f"s{i}", 1, 0) for i in range(1200)])
    state.mark_done([("k5", "s5", 1, 0)])  # marking twice is harmless
    done = state.done_keys(f"k{i}" for i in range(1000, 1400))
    assert done == {f"k{i}" for i in range(1000, 1200)}
    state.close()


def test_changed_file_gets_a_new_key(tmp_path: Path):
    path = tmp_path / "a.txt"
    path.write_text("one")
    (before,) = list(expand_sources([str(path)]))
    path.write_text("one, two")
    os.utime(path, ns=(1, 1))
    (after,) = list(expand_sources([str(path)]))
    assert before.source == after.source and before.key != after.key


def test_url_list_junk_lines_are_rejected_with_their_line(tmp_path: Path):
    urls = tmp_path / "list.urls"
    urls.write_text(
        "# a comment\n\nhttps://example.org/a\nnot a url at all\nftp://example.org/file\nhttp://\n"
        "https://example.org/b?x=1\njavascript:alert(1)\n",
        encoding="utf-8",
    )
    items = list(expand_sources([str(urls)]))
    good = [i.source for i in items if i.kind == "url"]
    bad = {i.source: i.reason for i in items if i.kind == "rejected"}
    assert good == ["https://example.org/a", "https://example.org/b?x=1"]
    assert set(bad) == {f"{urls}:4", f"{urls}:5", f"{urls}:6", f"{urls}:8"}
    assert "scheme 'ftp'" in bad[f"{urls}:5"]


def test_missing_source_is_rejected_not_raised(tmp_path: Path):
    (item,) = list(expand_sources([str(tmp_path / "nope.html")]))
    assert item.kind == "rejected" and "no such file" in item.reason


def test_warc_files_get_a_partition_each(tmp_path: Path):
    for name in ("a.warc.gz", "b.warc", "c.txt", "d.txt", "e.html"):
        (tmp_path / name).write_bytes(b"x")
    parts = list(partitions(expand_sources([str(tmp_path)]), 10))
    warcs = [p for p in parts if any(i.kind == "warc" for i in p)]
    assert len(warcs) == 2 and all(len(p) == 1 for p in warcs)
    assert sorted(Path(i.source).name for p in parts for i in p if i.kind == "file") == ["c.txt", "d.txt", "e.html"]


def test_feeds_are_split_out(tmp_path: Path):
    feeds = tmp_path / "outlets.feeds"
    feeds.write_text("https://example.org/rss\nnonsense line\n", encoding="utf-8")
    rss = tmp_path / "local.rss"
    rss.write_text("<rss/>")
    others, found, rejected = split_feeds([str(feeds), "feed:https://example.net/atom", str(rss), str(tmp_path)])
    assert others == [str(tmp_path)]
    assert [f.target for f in found] == ["https://example.org/rss", "https://example.net/atom", str(rss)]
    assert [r.source for r in rejected] == [f"{feeds}:2"]


def test_classify_and_check_url(tmp_path: Path):
    assert classify("https://example.org/x") == "url"
    assert classify(str(tmp_path)) == "dir"
    assert check_url("https://example.org/a b") is not None
    assert check_url("https://example.org/ok") is None
    assert list(itertools.islice(partitions([], 3), 1)) == []
