"""A long article's facts are written in batches: the stored analysis is the same whatever the batch size."""

from __future__ import annotations

import hashlib
import unicodedata
from unittest.mock import patch

from hypothesis import given, settings
from hypothesis import strategies as st

from newsgraph.model import Analysis
from newsgraph.store import Store, duplicates, write


def test_facts_written_in_small_batches_read_back_whole(store: Store, seed_analysis: Analysis, monkeypatch) -> None:
    rows = sum(len(a.mentions) for a in seed_analysis.actors) + len(seed_analysis.statements)
    monkeypatch.setattr(write, "FACT_BATCH", 2)  # every fact table in several statements, ids paired in order
    assert rows > 4 and len(seed_analysis.actors) > 2 and len(seed_analysis.events) > 0
    saved = store.save(seed_analysis)
    assert store.get_analysis(saved.article_id) == seed_analysis


_TRICKY = "ab cD\u00a8\u00a0\u0301\n\t\u3000\u00e9\u1e9e\ufb01\u2028\x1c\u0308\u00df\u1100\u1161\u11a8"


@given(st.text(alphabet=st.sampled_from(_TRICKY), max_size=60) | st.text(max_size=60))
@settings(max_examples=500, deadline=None)
def test_the_text_hash_read_in_pieces_is_the_hash_of_the_whole_normalised_text(body: str) -> None:
    # a long body is normalised piece by piece (its list of words at once cost ~250 MB at 20 MB);
    # stored hashes must stay those of the whole text: NFKC, case-folded, words joined by one space
    whole = " ".join(unicodedata.normalize("NFKC", body).casefold().split())
    with patch.object(duplicates, "_PIECE", 5):
        assert duplicates.text_hash(body) == hashlib.sha256(whole.encode("utf-8")).hexdigest()
