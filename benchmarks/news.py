"""Whole-article accuracy on news-gold: statements and events, beside the code as it was.

    .venv/bin/python benchmarks/news.py --data ../shared/data/news-gold [--split A|B] [--stories 1-16]
        [--baseline REV | --no-baseline] [--per-story] [--report errors.json] [--with-evidence]

Each story of ``stories.jsonl`` is fed as a user's article would be: an
``Article`` whose body is the story's ``text`` with its ``title``, ``url``,
``author`` and ``published`` (UTC) as metadata, analysed by
``newsgraph.analyze.pipeline.Analyzer``.  The metric is the one the data's
README states, implemented in ``news_metric.py`` (its docstring says how each
point the README leaves open is decided).

Peers, all from the same run: the code at ``--baseline REV`` (default 0b50eac,
the commit before the precision work of issues 12/13), checked out into a
temporary ``git worktree`` and run in a subprocess with ``PYTHONPATH`` set to it
(``--dump`` mode); and, for statements, textacy's
``direct_quotations`` on the bare spaCy model (quotes only; speaker = its
speaker tokens).

``--split A`` scores the first 16 story ids in sorted order, ``B`` the rest, so
a change tuned on A can be checked on B; ``--stories`` takes 1-based positions
in that order or story ids ("1-8,12", "8011115").
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

import news_metric as nm

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_BASELINE = "0b50eac"

#: Topics of non-political news (IPTC-style: health, weather and disasters, sports, food,
#: entertainment), read in a story's section, keywords and title.  The README says three
#: dev stories are not political; this rule finds them from their metadata instead of a
#: list of ids, and the run prints which stories it picked.
NON_POLITICAL = re.compile(
    r"\b(health|disease|virus|outbreak|epidemic|pandemic|mpox|covid|vaccines?|weather|storms?|floods?|"
    r"wildfires?|bushfires?|blazes?|fires?|earthquakes?|sports?|football|soccer|olympics?|food|meat|"
    r"recipes?|entertainment|films?|music)\b", re.I)


def load_stories(data: Path) -> list[dict]:
    """Return the stories of ``stories.jsonl`` sorted by id, each with its gold record under ``gold``."""
    stories = [json.loads(line) for line in (data / "stories.jsonl").read_text(encoding="utf-8").splitlines() if line]
    for story in stories:
        story["gold"] = json.loads((data / "gold" / f"{story['id']}.json").read_text(encoding="utf-8"))
    return sorted(stories, key=lambda s: s["id"])


def select(stories: list[dict], spec: str | None, split: str | None) -> list[dict]:
    """Return the stories a ``--stories`` spec and/or ``--split`` half picks (all when neither is given)."""
    if split:
        half = len(stories) // 2
        stories = stories[:half] if split.upper() == "A" else stories[half:]
    if not spec:
        return stories
    keep: list[dict] = []
    ids = {s["id"]: s for s in stories}
    for part in spec.split(","):
        part = part.strip()
        if part in ids:
            keep.append(ids[part])
        elif m := re.fullmatch(r"(\d+)(?:-(\d+))?", part):
            lo, hi = int(m[1]), int(m[2] or m[1])
            keep.extend(stories[lo - 1:hi])
        else:
            raise SystemExit(f"--stories: {part!r} is neither a story id nor a position range")
    return list({s["id"]: s for s in keep}.values())


def is_non_political(story: dict) -> bool:
    """True when the story's section, keywords or title name a non-political topic."""
    return bool(NON_POLITICAL.search(" ".join([story.get("section") or "", story.get("keywords") or "",
                                                story.get("title") or ""])))


def article_of(story: dict):
    """Return the Article a user's reading of the story gives: body = text, title and UTC publication time."""
    from newsgraph.model import Article

    published = story["published"].strip().replace(" ", "T").replace("Z", "+00:00")
    return Article(id=story["id"], source=f"news-gold:{story['id']}", url=story.get("url"), title=story.get("title"),
                   published=published, published_precision="second", byline=story.get("author"),
                   language="en", body=story["text"], extractor="text")


def analyse(stories: list[dict]) -> dict[str, dict]:
    """Return story id -> its Analysis dumped to JSON, by the newsgraph this interpreter imports."""
    from newsgraph.analyze.pipeline import Analyzer

    analyzer = Analyzer()
    out = {}
    for analysis in analyzer.pipe(article_of(s) for s in stories):
        out[analysis.article.id] = analysis.model_dump(mode="json")
    return out


def textacy_statements(stories: list[dict]) -> dict[str, list[dict]]:
    """Return story id -> textacy's direct quotations on the bare model, as statements to score."""
    import spacy
    from textacy.extract.triples import direct_quotations

    from newsgraph.analyze.pipeline import DEFAULT_MODEL

    nlp = spacy.load(DEFAULT_MODEL)
    out = {}
    for story, doc in zip(stories, nlp.pipe(s["text"] for s in stories)):
        preds = []
        try:
            triples = list(direct_quotations(doc))
        except ValueError:  # textacy gives up on an odd number of quote marks
            triples = []
        for speaker, _cue, content in triples:
            toks = list(speaker)
            spans = [(t.idx, t.idx + len(t.text)) for t in toks] or None
            preds.append({"start": content.start_char, "end": content.end_char, "speaker_spans": spans,
                          "speaker_name": " ".join(t.text for t in toks) or None})
        out[story["id"]] = preds
    return out


# ------------------------------------------------------------------ baseline


def start_baseline(rev: str, args: argparse.Namespace, stories: list[dict], tmp: Path):
    """Check ``rev`` out into a worktree under ``tmp`` and start this script's --dump there; return (proc, out, tree)."""
    tree = tmp / "baseline"
    made = subprocess.run(["git", "-C", str(ROOT), "worktree", "add", "--detach", "--quiet", str(tree), rev],
                          capture_output=True, text=True)
    if made.returncode:
        raise SystemExit(f"--baseline {rev}: cannot check it out ({made.stderr.strip()[:300]})")
    out = tmp / "baseline.jsonl"
    env = dict(os.environ, PYTHONPATH=str(tree))
    cmd = [sys.executable, str(Path(__file__).resolve()), "--data", str(args.data), "--dump", str(out),
           "--stories", ",".join(s["id"] for s in stories), "--expect-root", str(tree)]
    return subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True), out, tree


def finish_baseline(proc, out: Path, tree: Path) -> dict[str, dict]:
    """Wait for the baseline run, remove its worktree, and return its analyses."""
    _, err = proc.communicate()
    subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force", str(tree)], capture_output=True)
    if proc.returncode:
        raise SystemExit(f"baseline run failed:\n{err[-2000:]}")
    return read_dump(out, None)


def read_dump(path: Path, stories: list[dict] | None = None) -> dict[str, dict]:
    """Return story id -> Analysis dict from a --dump file (checked to hold every story given)."""
    try:
        rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
    except (OSError, ValueError) as err:
        raise SystemExit(f"{path}: not a readable --dump file ({err})") from None
    out = {r["article"]["id"]: r for r in rows}
    missing = [s["id"] for s in stories or [] if s["id"] not in out]
    if missing:
        raise SystemExit(f"{path}: no analysis of stories {', '.join(missing)}")
    return out


def current_rev() -> str:
    """Return the short commit of the checkout (with '+' when it has uncommitted changes)."""
    head = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"], capture_output=True, text=True)
    dirty = subprocess.run(["git", "-C", str(ROOT), "status", "--porcelain", "--untracked-files=no", "newsgraph"],
                           capture_output=True, text=True)
    return head.stdout.strip() + ("+" if dirty.stdout.strip() else "")


# ------------------------------------------------------------------- scoring


def score_system(stories: list[dict], analyses: dict[str, dict], own_only: bool):
    """Return per-story (StatementScore, EventScore) of one system's analyses."""
    out = {}
    for s in stories:
        analysis = analyses[s["id"]]
        st = nm.score_statements(s["text"], s["gold"], nm.newsgraph_statements(analysis))
        ev = nm.score_events(s["text"], s["gold"], analysis, own_only=own_only)
        out[s["id"]] = (st, ev)
    return out


def figures(stories: list[dict], scores) -> dict:
    """Return the statement and event figures over the stories."""
    non_pol = [scores[s["id"]][1] for s in stories if is_non_political(s)]
    return {"statements": nm.statement_figures([scores[s["id"]][0] for s in stories]),
            "events": nm.event_figures([scores[s["id"]][1] for s in stories], non_pol)}


def report(stories: list[dict], scores, figs: dict, path: Path, rev: str) -> None:
    """Write every error per story to ``path`` (JSON), for engineers to read."""
    per_story = {}
    for s in stories:
        st, ev = scores[s["id"]]
        per_story[s["id"]] = {"title": s["title"], "non_political": is_non_political(s),
                              "false_events": ev.false, "missed_events": ev.missed,
                              "matched_not_strict": ev.not_strict, "false_statements": st.false,
                              "wrong_speakers": st.wrong_speaker, "missed_statements": st.missed}
    path.write_text(json.dumps({"revision": rev, "figures": figs, "stories": per_story}, indent=1,
                               ensure_ascii=False), encoding="utf-8")


# -------------------------------------------------------------------- output

STATEMENT_ROWS = [("P", "precision", "≥ 0.90"), ("R", "recall", ""), ("F1", "F1", ""),
                  ("speaker", "speaker right, of found", "≥ 0.90"), ("P_speaker", "precision, right speaker", "≥ 0.90"),
                  ("R_speaker", "recall, right speaker", "≥ 0.85")]
EVENT_ROWS = [("P_lenient", "precision lenient", "≥ 0.92"), ("P_strict", "precision strict", "≥ 0.80"),
              ("R_lenient", "recall lenient", ""), ("R_strict", "recall strict", ""),
              ("core_lenient", "core recall lenient", "≥ 0.70"), ("core_strict", "core recall strict", "≥ 0.50"),
              ("invented_places", "invented places", "0"), ("invented_dates", "invented dates", ""),
              ("wrong_dates", "wrong dates, share of output", "≤ 0.03"),
              ("per_non_political", "events per non-political story", "≤ 0.2")]


def _fmt(value) -> str:
    if value is None:
        return "–"
    return str(value) if isinstance(value, int) else f"{value:.3f}"


def print_tables(columns: dict[str, dict], n_stories: int, non_pol: list[str], per_story, stories) -> None:
    """Print the figures of every system side by side (Rich), and the per-story table if asked."""
    from rich.console import Console
    from rich.table import Table

    console = Console(width=max(Console().width, 120))
    table = Table(title=f"news-gold, {n_stories} stories (non-political: {', '.join(non_pol) or 'none'})")
    table.add_column("figure")
    for name in columns:
        table.add_column(name, justify="right")
    table.add_column("goal", justify="right")
    for kind, rows in (("statements", STATEMENT_ROWS), ("events", EVENT_ROWS)):
        counts = " / ".join(f"{c[kind]['pred'] if c.get(kind) else '–'}" for c in columns.values())
        table.add_section()
        table.add_row(f"[bold]{kind}[/] (gold {next(iter(columns.values()))[kind]['gold']}; output {counts})")
        for key, label, goal in rows:
            table.add_row(label, *[_fmt(c[kind][key]) if c.get(kind) else "" for c in columns.values()], goal)
    console.print(table)
    if per_story:
        console.print(_per_story_table(per_story, stories))


def _per_story_table(per_story: dict[str, dict], stories: list[dict]):
    from rich.table import Table

    table = Table(title="per story: statements found/gold/output (speaker right); events lenient/strict/gold/output")
    table.add_column("story")
    table.add_column("title", no_wrap=True, max_width=28)
    for name in per_story:
        table.add_column(f"{name} statements", justify="right")
        table.add_column(f"{name} events", justify="right")
    for s in stories:
        cells = []
        for scores in per_story.values():
            st, ev = scores[s["id"]]
            cells += [f"{st.found}/{st.gold}/{st.pred} ({st.speaker_right})",
                      f"{ev.lenient}/{ev.strict}/{ev.gold}/{ev.pred}"]
        table.add_row(s["id"], s["title"][:40], *cells)
    return table


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", type=Path, required=True, help="the news-gold folder")
    ap.add_argument("--stories", help="1-based positions in id order or story ids, e.g. 1-16,20 or 8011115")
    ap.add_argument("--split", choices=["A", "B", "a", "b"], help="A: first 16 story ids, B: the rest")
    ap.add_argument("--baseline", default=DEFAULT_BASELINE, help=f"git revision to run beside (default {DEFAULT_BASELINE})")
    ap.add_argument("--no-baseline", action="store_true", help="skip the baseline run")
    ap.add_argument("--no-textacy", action="store_true", help="skip textacy's quotations")
    ap.add_argument("--per-story", action="store_true", help="print a table per story")
    ap.add_argument("--report", type=Path, help="write every error per story to this JSON file")
    ap.add_argument("--with-evidence", action="store_true",
                    help="match an event by its evidence sentences as well as its cited sentence")
    ap.add_argument("--dump", type=Path, help="write the analyses as JSON lines and exit (the baseline's mode)")
    ap.add_argument("--analyses", type=Path, help="score the analyses of a --dump file instead of running newsgraph")
    ap.add_argument("--expect-root", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if not (args.data / "stories.jsonl").is_file():
        print(f"{args.data}: no stories.jsonl here (expected the news-gold folder)", file=sys.stderr)
        return 2
    stories = select(load_stories(args.data), args.stories, args.split)
    if args.dump:
        return dump(stories, args)
    return run(stories, args)


def dump(stories: list[dict], args: argparse.Namespace) -> int:
    """Write this interpreter's newsgraph analyses of the stories to --dump."""
    import newsgraph

    if args.expect_root and not Path(newsgraph.__file__).resolve().is_relative_to(Path(args.expect_root).resolve()):
        print(f"newsgraph imported from {newsgraph.__file__}, not {args.expect_root}", file=sys.stderr)
        return 3
    analyses = analyse(stories)
    with args.dump.open("w", encoding="utf-8") as fh:
        for s in stories:
            fh.write(json.dumps(analyses[s["id"]], ensure_ascii=False) + "\n")
    return 0


def run(stories: list[dict], args: argparse.Namespace) -> int:
    """Score newsgraph (and its peers) on the stories; print the tables and write the report."""
    rev = current_rev() if not args.analyses else args.analyses.name
    with tempfile.TemporaryDirectory(prefix="news-bench-") as tmp:
        base = None if args.no_baseline else start_baseline(args.baseline, args, stories, Path(tmp))
        try:
            analyses = read_dump(args.analyses, stories) if args.analyses else analyse(stories)
            ours = score_system(stories, analyses, not args.with_evidence)
        finally:
            baseline_analyses = finish_baseline(*base) if base else None
    columns = {f"newsgraph {rev}": figures(stories, ours)}
    per_story = {"newsgraph": ours}
    if baseline_analyses is not None:
        theirs = score_system(stories, baseline_analyses, not args.with_evidence)
        columns[f"baseline {args.baseline}"] = figures(stories, theirs)
        per_story["baseline"] = theirs
    if not args.no_textacy:
        quotes = textacy_statements(stories)
        columns["textacy quotes"] = {"statements": nm.statement_figures(
            [nm.score_statements(s["text"], s["gold"], quotes[s["id"]]) for s in stories])}
    non_pol = [s["id"] for s in stories if is_non_political(s)]
    print_tables(columns, len(stories), non_pol, per_story if args.per_story else None, stories)
    if args.report:
        report(stories, ours, columns[f"newsgraph {rev}"], args.report, rev)
        print(f"errors written to {args.report}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
