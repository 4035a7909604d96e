"""Named-entity F1 on CoNLL-2003 English test (eng.testb): the bare spaCy model
against the same model with newsgraph's actors component (KB ruler, merging).

    python benchmarks/ner.py --data ../shared/data/ner-conll2003 [--limit N]

Exact-span entity F1 over PER, ORG, LOC (MISC is not scored: OntoNotes has no
such class).  Label mapping, the same for both systems:

    spaCy        PERSON -> PER, ORG -> ORG, GPE/LOC/FAC -> LOC, NORP and the rest -> not scored
    newsgraph    actor type PERSON -> PER, ORG -> ORG, GPE/LOC/FAC -> LOC, GROUP -> not scored;
                 only name/alias mentions (titles, descriptions, pronouns are not CoNLL entities)

A leading "the" is dropped from predicted spans of both systems (CoNLL spans
never include it; spaCy's sometimes do).  Each sentence is one Doc built from
the gold tokens, so spans compare token for token.  Also prints the time of
the model and of the actors component over the same docs.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from pathlib import Path

SPACY_MAP = {"PERSON": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC"}
ACTOR_MAP = {"PERSON": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC"}
TYPES = ("PER", "ORG", "LOC")


def read_conll(path: Path) -> list[tuple[list[str], set[tuple[str, int, int]]]]:
    """Return (tokens, gold spans (type, start, end)) per sentence of a CoNLL-2003 (IOB1) file."""
    sentences = []
    words: list[str] = []
    tags: list[str] = []

    def flush() -> None:
        if words:
            sentences.append((list(words), spans_of(tags)))
        words.clear()
        tags.clear()

    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("-DOCSTART-"):
            flush()
            continue
        cols = line.split()
        words.append(cols[0])
        tags.append(cols[-1])
    flush()
    return sentences


def spans_of(tags: list[str]) -> set[tuple[str, int, int]]:
    """Return the entity spans of IOB1 tags (B- only starts a span next to one of the same type)."""
    spans = set()
    start, kind = None, None
    for i, tag in enumerate([*tags, "O"]):
        prefix, _, label = tag.partition("-")
        if start is not None and (tag == "O" or label != kind or prefix == "B"):
            if kind in TYPES:
                spans.add((kind, start, i))
            start, kind = None, None
        if tag != "O" and start is None:
            start, kind = i, label
    return spans


def trim(doc, start: int, end: int) -> tuple[int, int]:
    if end - start > 1 and doc[start].lower_ == "the":
        start += 1
    return start, end


def prf(gold: Counter, pred: Counter, hit: Counter, kind: str | None = None) -> tuple[float, float, float]:
    keys = [kind] if kind else list(TYPES)
    g = sum(gold[k] for k in keys)
    p = sum(pred[k] for k in keys)
    h = sum(hit[k] for k in keys)
    precision = h / p if p else 0.0
    recall = h / g if g else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, required=True, help="directory holding eng.testb")
    parser.add_argument("--limit", type=int, default=0, help="only the first N sentences")
    args = parser.parse_args(argv)
    path = args.data / "eng.testb" if args.data.is_dir() else args.data
    if not path.is_file():
        print(f"error: {path}: no CoNLL-2003 file", file=sys.stderr)
        return 1

    import spacy
    from spacy.tokens import Doc

    from newsgraph.analyze.actors import ActorsComponent
    from newsgraph.analyze.kb import SHIPPED_DIR, KnowledgeBase
    from newsgraph.analyze.pipeline import DEFAULT_MODEL

    sentences = read_conll(path)
    if args.limit:
        sentences = sentences[: args.limit]
    nlp = spacy.load(DEFAULT_MODEL)
    systems = {
        "actors (shipped KB)": ActorsComponent(nlp, kb=KnowledgeBase.load([SHIPPED_DIR])),
        "actors (no KB)": ActorsComponent(nlp, kb=KnowledgeBase()),
    }
    docs = [Doc(nlp.vocab, words=words) for words, _ in sentences]
    t0 = time.perf_counter()
    docs = list(nlp.pipe(docs, batch_size=256))
    model_time = time.perf_counter() - t0

    gold = Counter(kind for _, spans in sentences for kind, _, _ in spans)
    results = {}
    pred, hit = Counter(), Counter()
    for doc, (_, spans) in zip(docs, sentences):
        found = {(SPACY_MAP[e.label_], *trim(doc, e.start, e.end)) for e in doc.ents if e.label_ in SPACY_MAP}
        pred.update(k for k, _, _ in found)
        hit.update(k for k, _, _ in found & spans)
    results[f"{DEFAULT_MODEL} (bare)"] = (pred, hit, model_time)

    for label, comp in systems.items():
        pred, hit = Counter(), Counter()
        elapsed = 0.0
        for doc, (_, spans) in zip(docs, sentences):
            t0 = time.perf_counter()
            actors = comp(doc)._.ng_actors
            elapsed += time.perf_counter() - t0
            found = set()
            for actor in actors:
                kind = ACTOR_MAP.get(actor.type)
                if kind is None:
                    continue
                for m in actor.mentions:
                    if m.kind in ("name", "alias"):
                        span = doc.char_span(m.start, m.end)
                        if span is not None:
                            found.add((kind, *trim(doc, span.start, span.end)))
            pred.update(k for k, _, _ in found)
            hit.update(k for k, _, _ in found & spans)
        results[label] = (pred, hit, elapsed)

    n = len(sentences)
    print(f"CoNLL-2003 eng.testb: {n} sentences, gold PER {gold['PER']}, ORG {gold['ORG']}, LOC {gold['LOC']}")
    print(f"{'system':34} {'P':>6} {'R':>6} {'F1':>6}   {'F1 PER':>6} {'F1 ORG':>6} {'F1 LOC':>6}   {'seconds':>8}")
    for label, (pred, hit, secs) in results.items():
        p, r, f = prf(gold, pred, hit)
        per = [prf(gold, pred, hit, k)[2] for k in TYPES]
        cells = " ".join(f"{100 * x:6.1f}" for x in per)
        note = "" if "bare" in label else " (component only)"
        print(f"{label:34} {100 * p:6.1f} {100 * r:6.1f} {100 * f:6.1f}   {cells}   {secs:8.2f}{note}")
    comp_time = results["actors (shipped KB)"][2]
    print(f"\nactors component time = {100 * comp_time / model_time:.1f}% of the model's time on the same docs "
          f"(pipeline with it runs at {100 * model_time / (model_time + comp_time):.0f}% of bare spaCy speed)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
