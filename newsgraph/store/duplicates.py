"""Near-duplicate texts: syndicated copies of one story are grouped, not counted as independent reports.

Articles whose word 5-shingles have a MinHash Jaccard estimate of at least ``DUPLICATE_THRESHOLD`` are
copies (datasketch's MinHash, LSH bands stored in ``article_bands`` so a new article meets only its
candidates); an exact copy has the same ``text_hash``.
"""

from __future__ import annotations

import functools
import hashlib
import inspect
import re
import unicodedata
from collections import deque
from collections.abc import Iterator

import numpy as np
import sqlalchemy as sa
from datasketch import MinHash
from sqlalchemy.engine import Connection

from newsgraph.store import schema as t

NUM_PERM = 128
BANDS, ROWS = 16, 8  # LSH: 16 bands of 8 rows, candidate threshold about (1/16) ** (1/8) = 0.71
DUPLICATE_THRESHOLD = 0.8
SHINGLE = 5
# datasketch 2 names its permutation scheme and requires it when rebuilding a
# sketch from stored values; pin it so stored bands stay comparable.
_SCHEME = {"scheme": "affine32"} if "scheme" in inspect.signature(MinHash).parameters else {}


def text_hash(body: str) -> str:
    """Return the hash of the normalised text (same text from two sources = same hash): the SHA-256 of
    its NFKC, case-folded words joined by single spaces."""
    digest = hashlib.sha256()
    first = True
    for piece in _pieces(body):
        words = " ".join(unicodedata.normalize("NFKC", piece).casefold().split())
        if words:
            digest.update(words.encode("utf-8") if first else b" " + words.encode("utf-8"))
            first = False
    return digest.hexdigest()


#: Characters normalised at once by ``text_hash``: a 20 MB body's list of words at once cost 221 MB (5 MB in pieces).
_PIECE = 1 << 18
_SPACE = re.compile(r"\s")


def _pieces(body: str) -> Iterator[str]:
    """Yield ``body`` in pieces of about ``_PIECE`` characters, each cut before a whitespace character
    (no word is split, and no normalisation joins a character across the cut: whitespace never composes)."""
    start = 0
    while start < len(body):
        cut = _SPACE.search(body, start + _PIECE) if start + _PIECE < len(body) else None
        end = cut.start() if cut else len(body)
        yield body[start:end]
        start = end


#: Shingles hashed per ``update_batch``: datasketch makes a (permutations x batch) array, which for a
#: 20 MB article's every shingle at once would be gigabytes.
MINHASH_BATCH = 20_000


def minhash(body: str) -> MinHash | None:
    """Return the MinHash of the body's word 5-shingles (None for a text too short to compare).

    The shingles stream through in batches (a minimum over all of them, whatever the batches or repeats).
    """
    words = re.finditer(r"\w+", body.casefold())
    window: deque[str] = deque(maxlen=SHINGLE)
    sketch = MinHash(num_perm=NUM_PERM, seed=1, permutations=_permutations(), **_SCHEME)
    batch: list[bytes] = []
    count = 0
    for match in words:
        window.append(match.group())
        count += 1
        if count >= SHINGLE:
            batch.append(" ".join(window).encode("utf-8"))
        if len(batch) >= MINHASH_BATCH:
            sketch.update_batch(batch)
            batch = []
    if count < SHINGLE * 4:
        return None
    if batch:
        sketch.update_batch(batch)
    return sketch


@functools.lru_cache(maxsize=1)
def _permutations():  # type: ignore[no-untyped-def]
    """Return the MinHash permutations (drawing them is a third of the cost of a small sketch)."""
    return MinHash(num_perm=NUM_PERM, seed=1, **_SCHEME).permutations


def _bands(sketch: MinHash) -> list[str]:
    """Return one key per LSH band: band number + hash of its rows."""
    values = sketch.hashvalues
    return [
        f"{i:02d}" + hashlib.blake2b(values[i * ROWS : (i + 1) * ROWS].tobytes(), digest_size=8).hexdigest()
        for i in range(BANDS)
    ]


def group_duplicates(conn: Connection, article_id: str, body: str) -> str | None:
    """Index the article's MinHash bands; return the id of the story it is a near-copy of, if any."""
    sketch = minhash(body)
    conn.execute(t.article_bands.delete().where(t.article_bands.c.article_id == article_id))
    if sketch is None:
        return None
    bands = _bands(sketch)
    match = t.article_bands.c.key.in_(bands)
    candidates = conn.execute(
        sa.select(t.articles.c.id, t.articles.c.dup_of, t.articles.c.minhash)
        .where(t.articles.c.id.in_(sa.select(t.article_bands.c.article_id).where(match)), t.articles.c.id != article_id)
        .order_by(t.articles.c.pk)
        .limit(50)
    ).all()
    group = None
    for cand in candidates:
        if cand.minhash is None:
            continue
        values = np.frombuffer(cand.minhash, dtype=np.uint64).astype(sketch.hashvalues.dtype)
        other = MinHash(num_perm=NUM_PERM, seed=1, hashvalues=values, **_SCHEME)
        if sketch.jaccard(other) >= DUPLICATE_THRESHOLD:
            group = cand.dup_of or cand.id
            break
    conn.execute(t.article_bands.insert(), [{"article_id": article_id, "key": key} for key in bands])
    conn.execute(
        t.articles.update().where(t.articles.c.id == article_id).values(
            minhash=sketch.hashvalues.astype(np.uint64).tobytes(), dup_of=group
        )
    )
    return group
