"""``newsgraph analyze``: read sources and print each article's analysis."""

from __future__ import annotations

import sys
from enum import Enum
from typing import Annotated

import typer

from newsgraph.cli.common import SOURCES_HELP, reads_sources, report_error, report_failure, warn


class AnalyzeFormat(str, Enum):
    json = "json"
    text = "text"


@reads_sources
def analyze_command(
    sources: Annotated[list[str], typer.Argument(help=SOURCES_HELP)],
    format: Annotated[AnalyzeFormat, typer.Option("--format", "-f", help="json: one object per article (JSON Lines); text: a readable summary.")] = AnalyzeFormat.json,
    options: object = None,  # a newsgraph.process.Options, filled by reads_sources
) -> None:
    """Read, extract and analyse articles; print actors, statements, events, dates and framing."""
    from newsgraph.analyze.pipeline import default_analyzer
    from newsgraph.errors import NewsgraphError
    from newsgraph.model import IngestFailure
    from newsgraph.process import process

    try:
        analyzer = default_analyzer()
    except NewsgraphError as err:
        report_error(err)
        raise typer.Exit(2) from None
    failures = printed = 0
    for outcome in process(sources, options=options, analyzer=analyzer, name="newsgraph analyze"):
        if isinstance(outcome, IngestFailure):
            failures += 1
            report_failure(outcome)
            continue
        if format is AnalyzeFormat.json:
            sys.stdout.write(outcome.analysis.model_dump_json() + "\n")
        else:
            print_summary(outcome.analysis)
        sys.stdout.flush()
        printed += 1
    if printed == 0 and failures == 0:
        warn(f"{' '.join(sources)}: no readable document found")
    if failures or not printed:
        raise typer.Exit(1)


def print_summary(analysis) -> None:
    """Print a readable summary of one Analysis to stdout."""
    from rich.console import Console

    from newsgraph.store.dates import date_label

    out = Console(highlight=False, emoji=False)
    art = analysis.article
    names = {a.id: a.name for a in analysis.actors}
    out.print(f"[bold]{_esc(art.title or '(untitled)')}[/bold]  {_esc(art.published or '')}  {_esc(art.byline or art.site or '')}")
    if not analysis.analysed:
        out.print(f"  not analysed: {_esc('; '.join(analysis.notes))}")
        return
    out.print(f"[bold]Actors[/bold] ({len(analysis.actors)})")
    for a in analysis.actors:
        extra = f" — {', '.join(a.titles)}" if a.titles else ""
        out.print(f"  {_esc(a.name)} [{a.type}]{_esc(extra)} ({len(a.mentions)} mentions)")
    out.print(f"[bold]Statements[/bold] ({len(analysis.statements)})")
    for s in analysis.statements:
        who = names.get(s.speaker or "", s.speaker_text or "?")
        kind = "quote" if s.direct else "reported"
        out.print(f"  {_esc(who)} {_esc(s.cue or '')} ({kind}): {_esc(_clip(s.content))}")
    out.print(f"[bold]Events[/bold] ({len(analysis.events)})")
    for e in analysis.events:
        who = ", ".join(f"{names.get(r.actor, r.actor)} ({r.role})" for r in e.actors)
        place = f" in {names.get(e.place, e.place)}" if e.place else ""
        when = f"on {date_label(e.date, e.date_precision, e.date_text)}" if e.date else "undated"
        out.print(f"  {e.type} {_esc(who)} {_esc(when)}{_esc(place)}")
    out.print(f"[bold]Framing[/bold] ({len(analysis.framing)})")
    for f in analysis.framing:
        out.print(f"  {_esc(f.text)!s} — {_esc(f.category)}")
    out.print()


def _clip(text: str, width: int = 140) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def _esc(text: str) -> str:
    from rich.markup import escape

    return escape(text)


def register(app: typer.Typer) -> None:
    """Add the ``analyze`` command to the CLI."""
    app.command("analyze")(analyze_command)
