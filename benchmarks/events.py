"""Event coding against the PLOVER gold-standard records.

    .venv/bin/python benchmarks/events.py --data ../shared/data/events-plover

For each gold record with text (the DOCUMENT record is skipped) the sentence
goes through the full newsgraph pipeline (published = the record's date).
newsgraph may find several events in a sentence; the one compared with the
gold record is the *main* one: the event whose trigger is highest in the
dependency parse (the governing verb, as CAMEO/PLOVER coders read a sentence).

- type accuracy: main event type == gold type (no event counts as wrong);
  "any event" also counts a record right when any of our events has the type.
- actor accuracy (source, target): over records whose gold field names actors.
  A gold actor is matched when its actorText and the name or a mention text of
  one of our actors in that role contain one another (case-insensitive).
  "all" needs every gold actor matched; "any" one of them.  PLOVER's SRC/TAR
  compound actors are listed in both fields by the gold data, so they are
  matched in either of our roles there.  PLOVER coders take the location as the
  recipient when no other is named ("lifted a curfew in Montenegro"): our
  event's place is matched against gold targets as well.

A second line scores without the trigger rows written after reading newsgraph's
misses on this gold (triggers.csv from its "LATE ROWS" mark on): those rows
are general CAMEO code descriptions, but they were chosen by looking here.

Peers: a majority-class baseline measured in the same run, and GDELT's
published hand-checked figures (event 0.812, actor1 0.79, actor2 0.785; 50
events, 2014) as the reference line; no open event coder (PETRARCH) is
installed to run beside ours.
"""

from __future__ import annotations

import argparse
import collections
import contextlib
import json
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def load_records(data: Path) -> list[dict]:
    """Return the gold records that carry a sentence (the DOCUMENT record has none)."""
    path = data / "gold_standard_records" / "PLOVER_GSR_CAMEO.txt"
    records = json.loads(path.read_text(encoding="utf-8"))
    return [r for r in records if r.get("event") != "DOCUMENT" and r.get("text")]


def gold_actors(field) -> list[str]:
    if not field or isinstance(field, str):
        return []
    return [a["actorText"] for a in field if isinstance(a, dict) and a.get("actorText")]


def _depth(token) -> int:
    depth = 0
    while token.head.i != token.i:
        token, depth = token.head, depth + 1
    return depth


def main_event(doc, events):
    """Return the event whose trigger sits highest in the parse (first on ties), or None."""
    best, best_key = None, None
    for order, ev in enumerate(events):
        first = (ev.trigger or "").split()[0] if ev.trigger else ""
        span = doc.char_span(ev.start, ev.end, alignment_mode="expand")
        tokens = [t for t in (span or doc) if t.text == first] or list(span or doc)[:1]
        key = (min(_depth(t) for t in tokens), order)
        if best_key is None or key < best_key:
            best, best_key = ev, key
    return best


def _texts(actor) -> list[str]:
    return [actor.name.casefold(), *(m.text.casefold() for m in actor.mentions)]


def matched(gold: str, actors) -> bool:
    g = gold.casefold()
    return any(g in t or t in g for a in actors for t in _texts(a) if t)


def score(records: list[dict], nlp) -> dict:
    """Return the counts behind the table."""
    from newsgraph.analyze.doc import actors_of

    c = collections.Counter()
    confusion = collections.Counter()
    start = time.perf_counter()
    for rec in records:
        doc = nlp.make_doc(rec["text"])
        doc._.ng_published = rec.get("date")
        doc = nlp(doc)
        events = doc._.ng_events or []
        by_id = {a.id: a for a in actors_of(doc)}
        ev = main_event(doc, events)
        gold_type = rec["event"]
        c["n"] += 1
        c["type_ok"] += bool(ev and ev.type == gold_type)
        c["type_any"] += any(e.type == gold_type for e in events)
        c["no_event"] += ev is None
        confusion[(gold_type, ev.type if ev else "-")] += 1
        src, tgt = gold_actors(rec.get("source")), gold_actors(rec.get("target"))
        info = rec.get("textInfo")
        compound = "SRC/TAR" in (info.get("markup", "") if isinstance(info, dict) else str(info or ""))
        roles = collections.defaultdict(list)
        for role in ev.actors if ev else []:
            if role.actor in by_id:
                roles[role.role].append(by_id[role.actor])
        ours_src = roles["source"] + roles["participant"] + (roles["target"] if compound else [])
        ours_tgt = roles["target"] + roles["participant"] + (roles["source"] if compound else [])
        if ev and ev.place in by_id:  # CAMEO/PLOVER code the location as recipient when none is named
            ours_tgt.append(by_id[ev.place])
        for name, gold, ours in (("src", src, ours_src), ("tgt", tgt, ours_tgt)):
            if gold:
                c[f"{name}_n"] += 1
                hits = [matched(g, ours) for g in gold]
                c[f"{name}_all"] += all(hits)
                c[f"{name}_any"] += any(hits)
    c["seconds"] = time.perf_counter() - start
    return {"counts": c, "confusion": confusion}


LATE_ROWS_MARK = "# LATE ROWS:"


@contextlib.contextmanager
def lexicons(paths: tuple[Path, ...]):
    """Match triggers with these lexicons inside the block (newsgraph's own afterwards)."""
    from newsgraph.analyze import plover

    saved = plover.LEXICONS
    plover.LEXICONS = paths
    plover.load_rules.cache_clear()
    try:
        yield
    finally:
        plover.LEXICONS = saved
        plover.load_rules.cache_clear()


def score_without_late_rows(records: list[dict], nlp, tmp: Path) -> dict:
    """Score again with triggers.csv cut at its LATE ROWS mark: the rows written after reading
    misses on this gold, which flatter the figure on it."""
    from newsgraph.analyze import plover

    text = (plover.DATA_DIR / "triggers.csv").read_text(encoding="utf-8")
    early = tmp / "triggers-early.csv"
    early.write_text(text[: text.index(LATE_ROWS_MARK)], encoding="utf-8")
    with lexicons((early, *plover.LEXICONS[1:])):
        return score(records, nlp)


def matching_speed(texts: list[str], nlp) -> list[tuple[str, float, float]]:
    """Return (lexicons, seconds to match triggers in all ``texts``, seconds to load) per lexicon set.

    The texts are parsed once; only ``find_triggers`` is timed, so the cost of the
    PETRARCH rows shows beside newsgraph's own list alone.
    """
    from newsgraph.analyze import plover

    docs = list(nlp.pipe(texts))
    rows = []
    for name, paths in (("newsgraph's own list", plover.LEXICONS[:1]), ("own + PETRARCH rows", plover.LEXICONS)):
        with lexicons(paths):
            start = time.perf_counter()
            plover.load_rules()
            loaded = time.perf_counter() - start
            start = time.perf_counter()
            for doc in docs:
                plover.find_triggers(doc)
            rows.append((name, time.perf_counter() - start, loaded))
    return rows


def _row(label: str, c: collections.Counter) -> str:
    """One table line of accuracies from ``score``'s counts."""
    def pct(k: str, n: str = "n") -> str:
        return f"{c[k] / c[n]:.3f}" if c[n] else "  -  "

    return (f"{label:38} {pct('type_ok'):>6} {pct('type_any'):>9} {pct('src_all', 'src_n'):>8} "
            f"{pct('src_any', 'src_n'):>8} {pct('tgt_all', 'tgt_n'):>8} {pct('tgt_any', 'tgt_n'):>8}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, required=True, help="the events-plover directory")
    parser.add_argument("--confusion", action="store_true", help="also print the most common type confusions")
    parser.add_argument("--by-type", action="store_true", help="also print type accuracy per gold type")
    parser.add_argument("--speed", type=Path, metavar="TEXT_DIR",
                        help="also time trigger matching on the first 100 .txt articles of this directory "
                             "(e.g. ../shared/data/quotes-polnear/train/text)")
    args = parser.parse_args(argv)
    from newsgraph.analyze.pipeline import load_model

    records = load_records(args.data)
    nlp = load_model()
    result = score(records, nlp)
    c = result["counts"]
    majority, majority_n = collections.Counter(r["event"] for r in records).most_common(1)[0]
    print(f"PLOVER gold-standard records: {c['n']} sentences ({c['seconds']:.1f} s, {c['n'] / c['seconds']:.0f}/s)")
    print(f"{'coder':38} {'type':>6} {'type(any)':>9} {'src all':>8} {'src any':>8} {'tgt all':>8} {'tgt any':>8}")
    print(_row("newsgraph (main event)", c))
    with tempfile.TemporaryDirectory() as tmp:
        print(_row("  without the rows written after misses", score_without_late_rows(records, nlp, Path(tmp))["counts"]))
    print(f"{'majority class (' + majority + '), same run':38} {majority_n / c['n']:>6.3f} {'':>9} {'':>8} {'':>8} {'':>8} {'':>8}")
    print(f"{'GDELT hand-checked (published, 2014)':38} {0.812:>6.3f} {'':>9} {0.79:>8.3f} {'':>8} {0.785:>8.3f} {'':>8}")
    print(f"sentences with no event: {c['no_event']} / {c['n']}; gold sources on {c['src_n']}, targets on {c['tgt_n']} records")
    if args.speed:
        texts = [p.read_text(encoding="utf-8") for p in sorted(args.speed.glob("*.txt"))[:100]]
        print(f"\ntrigger matching on {len(texts)} articles (parsed once; only matching timed):")
        print(f"{'lexicons':24} {'match s':>8} {'load s':>7}")
        for name, seconds, loaded in matching_speed(texts, nlp):
            print(f"{name:24} {seconds:>8.3f} {loaded:>7.2f}")
    if args.by_type:
        print(f"\n{'gold type':12} {'n':>4} {'ours right':>10}")
        totals, right = collections.Counter(), collections.Counter()
        for (gold, ours), n in result["confusion"].items():
            totals[gold] += n
            right[gold] += n if gold == ours else 0
        for gold in sorted(totals):
            print(f"{gold:12} {totals[gold]:>4} {right[gold] / totals[gold]:>10.3f}")
    if args.confusion:
        print("\nmost common (gold, ours) type pairs that differ:")
        for (gold, ours), n in result["confusion"].most_common():
            if gold != ours:
                print(f"  {gold:12} -> {ours:12} {n}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
