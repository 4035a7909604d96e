"""The PolNeAR attribution metric of benchmarks/statements.py: BRAT reading, one-to-one content
matching and the scores (content overlap/exact, source, cue, speaker accuracy).

Kept apart from the benchmark runner so the metric can be tested on real annotation files
without a model (tests/benchmarks/test_polnear_metric.py).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from spacy.tokens import Doc

from newsgraph.analyze.cues import SAYING_VERBS

Spans = list[tuple[int, int]]

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


def ann_for(split: Path, stem: str) -> Path:
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


def overlap(x: Spans, y: Spans) -> int:
    """Return how many characters two span lists share."""
    return sum(max(0, min(b, d) - max(a, c)) for a, b in x for c, d in y)


_QUOTES_PUNCT = "“”\"‘’«»'.,;:!?—–- \n\t"


def normalised(text: str, spans: Spans) -> str:
    """Return the words of ``spans`` as the exact-match compares them: without quote marks, edge
    punctuation or a leading "that"/"whether", lower case."""
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
            ov = overlap(g.content, p.content)
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
            self.exact += normalised(text, g.content) == normalised(text, p.content)
            self.src_ok += bool(g.source and p.source and overlap(g.source, p.source) > 0)
            self.cue_ok += bool(g.cue and p.cue and overlap(g.cue, p.cue) > 0)
            if g.source:  # speaker accuracy: the found statement's speaker actor holds the gold source
                self.spk_found += 1
                self.spk_ok += overlap(g.source, p.speaker) > 0

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
