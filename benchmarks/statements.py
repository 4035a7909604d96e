"""Benchmark: statements (who said what) against PolNeAR, with textacy as the peer.

    .venv/bin/python benchmarks/statements.py --data /work/shared/data/quotes-polnear [--split dev] [--baseline main]
        [--dump FILE]   (the found saying-verb statements whose speaker is wrong: gold source, ours, sentence)

PolNeAR (``dev/`` 84 articles, ``train/`` 840) annotates attributions in BRAT
standoff: ``T`` lines are Source / Cue / Content spans (a span may be in
pieces, "a b;c d"), ``E`` lines tie one Content to its Cue and Source.

Scores, for newsgraph and for ``textacy.extract.triples.direct_quotations``
run on the same parses in the same run:

* content, overlap: a predicted content matches a gold one when their
  characters overlap (one-to-one, largest overlap first) — the PARC/citron
  "overlap match";
* content, exact: the same words, compared after dropping quote marks, edge
  punctuation and a leading "that" (the two sides differ on whether those
  belong to the content);
* source and cue: of the matched pairs, those whose predicted speaker / cue
  overlaps the gold Source / Cue (precision over predictions that name one,
  recall over gold relations that have one);

* speaker accuracy: of the matched pairs whose gold has a Source, the share
  whose predicted speaker *actor* has a mention overlapping it (for textacy,
  which has no actors, its speaker span);

each for all relations and for those whose cue is a verb of saying (a verb
in the cue whose lemma is in ``newsgraph.analyze.cues.SAYING_VERBS``; the
same test picks the predictions of that kind).  ``--baseline REV`` scores the
code at a git revision in the same run (a temporary worktree, a child
interpreter), so a change's gain shows beside the peer's.  Speed, measured after the
accuracy pass (per batch, best of two alternating rounds): articles per second for the
bare spaCy model, for textacy (model + extraction), for the full newsgraph
pipeline (model + every newsgraph component), and for the statements
component alone.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import spacy
from spacy.tokens import Doc

from newsgraph.analyze.pipeline import DEFAULT_MODEL, load_model
from newsgraph.analyze.statements import find_statements
from polnear_metric import Rel, Score, Spans, ann_for, normalised, overlap, by_cue, is_saying, match, read_ann
#: Articles on which textacy raised (an unclosed quote mark) and so found nothing.
TEXTACY_FAILURES: list[str] = []


def newsgraph_rels(doc: Doc) -> list[Rel]:
    """Return newsgraph's statements of a processed doc as relations."""
    return records_rels(doc, [st.model_dump() for st in doc._.ng_statements or []],
                        [a.model_dump() for a in doc._.ng_actors or []])


def records_rels(doc: Doc, statements: list[dict], actors: list[dict]) -> list[Rel]:
    """Return statement records (dicts, as newsgraph's model dumps them) as relations."""
    mentions = {a["id"]: [(m["start"], m["end"]) for m in a["mentions"]] for a in actors}
    out = []
    for st in statements:
        cue = [(st["cue_start"], st["cue_end"])] if st["cue_start"] is not None else []
        src = [(st["speaker_start"], st["speaker_end"])] if st["speaker_start"] is not None else []
        out.append(Rel([(st["start"], st["end"])], cue, src, is_saying(doc, cue), list(mentions.get(st["speaker"], []))))
    return by_cue(out)


#: Run in a checkout of an older revision: its statements and actors, one JSON line per article.
_DUMP = """
import json, sys
from newsgraph.analyze.pipeline import load_model
nlp = load_model()
texts = json.load(open(sys.argv[1], encoding="utf-8"))
for doc in nlp.pipe(texts):
    print(json.dumps({"statements": [s.model_dump() for s in doc._.ng_statements or []],
                      "actors": [a.model_dump() for a in doc._.ng_actors or []]}))
"""


def baseline_records(rev: str, texts: list[str]) -> list[dict]:
    """Return one {"statements", "actors"} per text as the code at git revision ``rev`` finds them
    (a temporary worktree of this repository, run in a child interpreter)."""
    import json
    import subprocess
    import tempfile

    repo = Path(__file__).resolve().parent.parent
    with tempfile.TemporaryDirectory() as tmp:
        tree = Path(tmp) / "tree"
        subprocess.run(["git", "-C", str(repo), "worktree", "add", "--detach", "-q", str(tree), rev], check=True)
        try:
            inputs = Path(tmp) / "texts.json"
            inputs.write_text(json.dumps(texts), encoding="utf-8")
            env = {**__import__("os").environ, "PYTHONPATH": str(tree)}
            # cwd: ``-c`` puts the working directory first on sys.path, before PYTHONPATH
            out = subprocess.run([sys.executable, "-c", _DUMP, str(inputs)], env=env, cwd=tree, capture_output=True,
                                 text=True, check=True).stdout
        finally:
            subprocess.run(["git", "-C", str(repo), "worktree", "remove", "--force", str(tree)], check=False)
    return [json.loads(line) for line in out.splitlines() if line.startswith("{")]


def textacy_rels(doc: Doc) -> list[Rel]:
    """Return textacy's direct quotations of a parsed doc as relations."""
    from textacy.extract.triples import direct_quotations

    out = []
    try:
        triples = list(direct_quotations(doc))
    except ValueError:  # textacy gives up on an odd number of quote marks
        TEXTACY_FAILURES.append(doc.text[:60])
        return []
    for speaker, cue, content in triples:
        def chars(tokens) -> Spans:
            toks = list(tokens)
            return [(toks[0].idx, toks[-1].idx + len(toks[-1].text))] if toks else []
        cue_spans = chars(cue)
        out.append(Rel([(content.start_char, content.end_char)], cue_spans, chars(speaker), is_saying(doc, cue_spans),
                       chars(speaker)))
    return by_cue(out)


def _timings(bare, nlp, texts: list[str], ng_docs: list[Doc]) -> tuple[float, float, float, float]:
    """Return seconds for: the bare model, the model + textacy, the full pipeline, the
    statements component alone.

    The machine is shared, so load from other processes comes and goes: each batch of
    8 articles is timed in every configuration, twice, in alternating order, and the
    best time of each batch is kept; nothing is kept alive in between.
    """
    totals = {"bare": 0.0, "textacy": 0.0, "newsgraph": 0.0}
    for i in range(0, len(texts), 8):
        batch = texts[i : i + 8]
        best = {name: float("inf") for name in totals}
        for round_ in range(2):
            order = ("bare", "textacy", "newsgraph") if round_ == 0 else ("newsgraph", "textacy", "bare")
            for name in order:
                t0 = time.perf_counter()
                if name == "newsgraph":
                    for _ in nlp.pipe(batch):
                        pass
                else:
                    for doc in bare.pipe(batch):
                        if name == "textacy":
                            textacy_rels(doc)
                best[name] = min(best[name], time.perf_counter() - t0)
        for name in totals:
            totals[name] += best[name]
    t0 = time.perf_counter()
    for doc in ng_docs:  # the statements component alone, on docs the pipeline prepared
        find_statements(doc)
    return totals["bare"], totals["textacy"], totals["newsgraph"], time.perf_counter() - t0


def _sentence(doc: Doc, at: int) -> str:
    span = doc.char_span(at, at + 1, alignment_mode="expand")
    return span.sent.text.replace("\n", " ")[:300] if span is not None else ""


def wrong_speakers(stem: str, text: str, doc: Doc, gold: list[Rel], pred: list[Rel]) -> str:
    """Return one block per found saying-verb statement whose speaker actor holds no part of
    the gold source: article, gold source, our speaker span and the actor's mentions, sentence."""
    gs, ps = [g for g in gold if g.saying and g.source], [p for p in pred if p.saying]
    out = []
    for i, j in match(gs, ps):
        g, p = gs[i], ps[j]
        if overlap(g.source, p.speaker) > 0:
            continue
        ours = " ".join(text[a:b] for a, b in p.source) or "-"
        actor = " / ".join(dict.fromkeys(text[a:b] for a, b in p.speaker)) or "-"
        out.append(f"{stem} @{g.source[0][0]}\n  gold: {' '.join(text[a:b] for a, b in g.source)}\n"
                   f"  ours: {ours} -> [{actor[:120]}]\n  <{_sentence(doc, g.source[0][0])}>\n")
    return "".join(out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, required=True, help="the quotes-polnear directory")
    parser.add_argument("--split", default="dev", help="dev (report) or train (develop on)")
    parser.add_argument("--offset", type=int, default=0, help="skip the first N articles")
    parser.add_argument("--limit", type=int, default=0, help="only N articles")
    parser.add_argument("--no-speed", action="store_true", help="skip the timing rounds (while developing)")
    parser.add_argument("--show", type=int, default=0, help="print N missed and N spurious saying-verb contents")
    parser.add_argument("--baseline", metavar="REV", help="also score the code at this git revision (e.g. main)")
    parser.add_argument("--dump", type=Path, metavar="FILE",
                        help="write the found saying-verb statements whose speaker actor misses the gold source")
    args = parser.parse_args(argv)
    split = args.data / args.split
    if not (split / "text").is_dir():
        print(f"{split}: no text/ directory (is --data the quotes-polnear directory?)", file=sys.stderr)
        return 2
    files = sorted((split / "text").glob("*.txt"))
    files = files[args.offset :]
    if args.limit:
        files = files[: args.limit]
    texts = [f.read_text(encoding="utf-8") for f in files]
    golds = [read_ann(ann_for(split, f.stem)) for f in files]

    bare = spacy.load(DEFAULT_MODEL)
    nlp = load_model()
    bare_docs = list(bare.pipe(texts))
    tx_preds = [textacy_rels(d) for d in bare_docs]
    ng_docs = list(nlp.pipe(texts))
    ng_preds = [newsgraph_rels(d) for d in ng_docs]
    n_textacy_failed = len(TEXTACY_FAILURES)
    systems = ["newsgraph", "textacy"]
    base_preds: list[list[Rel]] = []
    if args.baseline:
        base_preds = [records_rels(d, r["statements"], r["actors"])
                      for d, r in zip(bare_docs, baseline_records(args.baseline, texts))]
        systems.append("baseline")
    timings = None if args.no_speed else _timings(bare, nlp, texts, ng_docs)

    scores = {(sys_, sub): Score() for sys_ in systems for sub in ("all", "saying")}
    missed: list[str] = []
    spurious: list[str] = []
    inexact: list[str] = []
    for n_doc, (text, doc, gold, ng, tx) in enumerate(zip(texts, bare_docs, golds, ng_preds, tx_preds)):
        for g in gold:
            g.saying = is_saying(doc, g.cue)
        runs = [("newsgraph", ng), ("textacy", tx)] + ([("baseline", base_preds[n_doc])] if base_preds else [])
        for name, pred in runs:
            scores[(name, "all")].add(text, gold, pred)
            scores[(name, "saying")].add(text, [g for g in gold if g.saying], [p for p in pred if p.saying])
        if args.show:
            gs, ps = [g for g in gold if g.saying], [p for p in ng if p.saying]
            pairs = match(gs, ps)
            mg, mp = {i for i, _ in pairs}, {j for _, j in pairs}
            missed += [" | ".join(text[a:b] for a, b in g.cue) + " :: " + text[g.content[0][0]:g.content[-1][1]][:160]
                       + "\n      <" + _sentence(doc, g.cue[0][0] if g.cue else g.content[0][0]) + ">"
                       for i, g in enumerate(gs) if i not in mg]
            inexact += [f"gold: {normalised(text, gs[i].content)[:150]}\n      ours: {normalised(text, ps[j].content)[:150]}"
                        for i, j in pairs if normalised(text, gs[i].content) != normalised(text, ps[j].content)]
            spurious += [text[p.cue[0][0]:p.cue[0][1]] + " :: " + text[p.content[0][0]:p.content[0][1]][:160]
                         + "\n      <" + _sentence(doc, p.cue[0][0]) + ">"
                         for j, p in enumerate(ps) if j not in mp]

    if args.dump:
        args.dump.write_text("".join(wrong_speakers(f.stem, t, d, g, p) for f, t, d, g, p
                                     in zip(files, texts, bare_docs, golds, ng_preds)), encoding="utf-8")
    n = len(texts)
    print(f"PolNeAR {args.split}/: {n} articles, {sum(len(g) for g in golds)} gold attributions, "
          f"{sum(g.saying for gold in golds for g in gold)} with a verb of saying")
    print()
    header = (f"{'subset':8} {'measure':16} | {'newsgraph P':>11} {'R':>6} {'F1':>6} "
              f"| {'textacy P':>9} {'R':>6} {'F1':>6}")
    print(header)
    print("-" * len(header))
    for sub in ("saying", "all"):
        ng_rows, tx_rows = scores[("newsgraph", sub)].rows(), scores[("textacy", sub)].rows()
        for measure in ng_rows:
            a, b = ng_rows[measure], tx_rows[measure]
            print(f"{sub:8} {measure:16} | {a[0]:11.3f} {a[1]:6.3f} {a[2]:6.3f} | {b[0]:9.3f} {b[1]:6.3f} {b[2]:6.3f}")
    if args.baseline:
        print(f"baseline ({args.baseline}):")
        for sub in ("saying", "all"):
            for measure, (p, r, f) in scores[("baseline", sub)].rows().items():
                print(f"{sub:8} {measure:16} | {p:11.3f} {r:6.3f} {f:6.3f}")
    print()
    for sub in ("saying", "all"):
        accs = ", ".join(f"{name} {scores[(name, sub)].speaker_accuracy():.3f}" for name in systems)
        print(f"speaker accuracy ({sub}; found statements whose speaker actor holds the gold source): {accs}")
    print()
    n_ng, n_tx = scores[("newsgraph", "all")].n_pred, scores[("textacy", "all")].n_pred
    print(f"predictions (all): newsgraph {n_ng}, textacy {n_tx}")
    print(f"textacy gave up (unbalanced quote marks) on {n_textacy_failed} of {n} articles")
    if timings is not None:
        t_bare, t_textacy, t_ng, t_statements = timings
        print(f"speed, articles/second: spaCy model alone {n / t_bare:.1f}; textacy (model + direct_quotations) "
              f"{n / t_textacy:.1f}; newsgraph (model + all newsgraph components) {n / t_ng:.1f}; "
              f"the statements component alone {n / t_statements:.1f} ({t_statements / t_bare:.0%} of the model's time)")
    for title, items in (("missed", missed), ("spurious", spurious), ("inexact", inexact)):
        if args.show:
            print(f"\n{title} (saying verbs), first {args.show}:")
            for line in items[: args.show]:
                print("  ", line)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
