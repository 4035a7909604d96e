"""A corpus stored by `batch` is the same in 1 partition and in 3 (partitions finish in any order on 2 workers)."""

from __future__ import annotations

import logging
import shutil
from pathlib import Path

import pytest

from newsgraph.store import Store

pytestmark = pytest.mark.slow


def test_batch_partitions_give_the_same_store(text_corpus: Path, tmp_path: Path, dump) -> None:
    distributed = pytest.importorskip("distributed")
    from newsgraph.batch import run_batch

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for f in sorted(text_corpus.glob("*.txt"))[:90]:
        shutil.copy(f, corpus / f.name)
    cluster = distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None,
                                       silence_logs=logging.ERROR)
    client = distributed.Client(cluster)
    dumps = {}
    try:
        for size in (90, 30):
            url = f"sqlite:///{tmp_path / f'p{size}.db'}"
            report = run_batch([str(corpus)], out=url, partition_size=size, client=client, progress=False)
            assert report.failures == 0 and report.partitions == 90 // size
            with Store(url) as store:
                dumps[size] = dump(store)
    finally:
        client.close()
        cluster.close()
    assert dumps[90]["articles"] and len(dumps[90]["articles"]) == 90
    for key in dumps[90]:
        assert dumps[30][key] == dumps[90][key], f"{key} differ between 1 and 3 partitions"
