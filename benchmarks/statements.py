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
import re
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import spacy
from spacy.tokens import Doc

from newsgraph.analyze.cues import SAYING_VERBS
from newsgraph.analyze.pipeline import DEFAULT_MODEL, load_model
from newsgraph.analyze.statements import find_statements

Spans = list[tuple[int, int]]
#: Articles on which textacy raised (an unclosed quote mark) and so found nothing.
TEXTACY_FAILURES: list[str] = []


@dataclass
class Rel:
    """One attribution (gold or predicted): content, cue and source as char spans."""

    content: Spans
    cue: Spans = field(default_factory=list)
    source: Spans = field(default_factory=list)
    saying: bool = False
    #: Every mention of the speaker actor (newsgraph), or the speaker span (textacy).
    speaker: Spans = field(default_factory=list)


def read_ann(path: Path) -> list[Rel]:
    """Return the attribution relations of one BRAT .ann file."""
    spans: dict[str, Spans] = {}
    events: list[dict[str, str]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if line.startswith("T") and len(parts) >= 2:
            label_offsets = parts[1].split(" ", 1)
            if len(label_offsets) == 2:
                pieces = []
                for piece in label_offsets[1].split(";"):
                    a, b = piece.split()
                    pieces.append((int(a), int(b)))
                spans[parts[0]] = pieces
        elif line.startswith("E") and len(parts) >= 2:
            roles = {}
            for arg in parts[1].split():
                if ":" in arg:
                    role, ref = arg.split(":", 1)
                    roles.setdefault(re.sub(r"\d+$", "", role), ref)
            events.append(roles)
    rels = []
    for roles in events:
        if "Content" not in roles or roles["Content"] not in spans:
            continue
        rels.append(Rel(spans[roles["Content"]], spans.get(roles.get("Cue", ""), []),
                        spans.get(roles.get("Source", ""), [])))
    return rels


def _ann_for(split: Path, stem: str) -> Path:
    """Return the annotation of one article: files are named STEM_ANNOTATOR.ann; where two
    annotators did the same article, the first in name order is taken."""
    folder = split / "attributions"
    found = sorted(folder.glob(f"{stem}_*.ann")) or sorted(folder.glob(f"{stem}.ann"))
    if not found:
        raise FileNotFoundError(f"{split}: no annotation for {stem}")
    return found[0]


def is_saying(doc: Doc, cue: Spans) -> bool:
    """True when a verb in the cue span is a verb of saying."""
    for a, b in cue:
        span = doc.char_span(a, b, alignment_mode="expand")
        if span is not None and any(t.pos_ in ("VERB", "AUX") and t.lemma_.lower() in SAYING_VERBS for t in span):
            return True
    return False


def _overlap(x: Spans, y: Spans) -> int:
    return sum(max(0, min(b, d) - max(a, c)) for a, b in x for c, d in y)


_QUOTES_PUNCT = "“”\"‘’«»'.,;:!?—–- \n\t"


def _norm(text: str, spans: Spans) -> str:
    joined = " ".join(text[a:b] for a, b in spans)
    joined = joined.strip(_QUOTES_PUNCT)
    joined = re.sub(r"^(that|whether)\s+", "", joined, flags=re.I)
    joined = re.sub(r"[“”\"‘’«»]", "", joined)
    return " ".join(joined.split()).strip(_QUOTES_PUNCT).lower()


def match(gold: list[Rel], pred: list[Rel]) -> list[tuple[int, int]]:
    """Return one-to-one (gold, pred) index pairs whose contents overlap, largest overlap first."""
    pairs = []
    for i, g in enumerate(gold):
        for j, p in enumerate(pred):
            ov = _overlap(g.content, p.content)
            if ov > 0:
                pairs.append((ov, i, j))
    pairs.sort(reverse=True)
    used_g, used_p, out = set(), set(), []
    for _, i, j in pairs:
        if i not in used_g and j not in used_p:
            used_g.add(i)
            used_p.add(j)
            out.append((i, j))
    return out


class Score:
    """Counts for one system and one subset of relations."""

    def __init__(self) -> None:
        self.n_gold = self.n_pred = 0
        self.overlap = self.exact = 0
        self.src_pred = self.src_gold = self.src_ok = 0
        self.cue_pred = self.cue_gold = self.cue_ok = 0
        self.spk_found = self.spk_ok = 0

    def add(self, text: str, gold: list[Rel], pred: list[Rel]) -> None:
        self.n_gold += len(gold)
        self.n_pred += len(pred)
        self.src_gold += sum(1 for g in gold if g.source)
        self.cue_gold += sum(1 for g in gold if g.cue)
        self.src_pred += sum(1 for p in pred if p.source)
        self.cue_pred += sum(1 for p in pred if p.cue)
        for i, j in match(gold, pred):
            g, p = gold[i], pred[j]
            self.overlap += 1
            self.exact += _norm(text, g.content) == _norm(text, p.content)
            self.src_ok += bool(g.source and p.source and _overlap(g.source, p.source) > 0)
            self.cue_ok += bool(g.cue and p.cue and _overlap(g.cue, p.cue) > 0)
            if g.source:  # speaker accuracy: the found statement's speaker actor holds the gold source
                self.spk_found += 1
                self.spk_ok += _overlap(g.source, p.speaker) > 0

    @staticmethod
    def prf(ok: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
        p = ok / n_pred if n_pred else 0.0
        r = ok / n_gold if n_gold else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)

    def rows(self) -> dict[str, tuple[float, float, float]]:
        return {
            "content overlap": self.prf(self.overlap, self.n_pred, self.n_gold),
            "content exact": self.prf(self.exact, self.n_pred, self.n_gold),
            "source": self.prf(self.src_ok, self.src_pred, self.src_gold),
            "cue": self.prf(self.cue_ok, self.cue_pred, self.cue_gold),
        }

    def speaker_accuracy(self) -> float:
        """Return the share of found statements (with a gold source) whose speaker actor holds it."""
        return self.spk_ok / self.spk_found if self.spk_found else 0.0


def by_cue(rels: list[Rel]) -> list[Rel]:
    """Merge relations that share one cue into one relation with a content in pieces.

    PolNeAR annotates “A,” he said, “B.” as one attribution whose content is in two
    pieces; both systems return a record per quoted piece.  One cue is one act of
    speech on either side, so the pieces are scored as one relation.
    """
    merged: dict[tuple[int, int], Rel] = {}
    out: list[Rel] = []
    for rel in rels:
        key = rel.cue[0] if rel.cue else None
        if key is not None and key in merged:
            merged[key].content.extend(rel.content)
            merged[key].speaker.extend(s for s in rel.speaker if s not in merged[key].speaker)
            continue
        if key is not None:
            merged[key] = rel
        out.append(rel)
    return out


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
        if _overlap(g.source, p.speaker) > 0:
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
    golds = [read_ann(_ann_for(split, f.stem)) for f in files]

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
            inexact += [f"gold: {_norm(text, gs[i].content)[:150]}\n      ours: {_norm(text, ps[j].content)[:150]}"
                        for i, j in pairs if _norm(text, gs[i].content) != _norm(text, ps[j].content)]
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
