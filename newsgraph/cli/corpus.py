"""Corpus commands: ``search``, ``actor``, ``network``, ``related``, ``export``, ``db upgrade``.

Records go to stdout (text or JSON Lines); progress and errors to stderr.
Everything printed from the database is article text, hence untrusted: it is
written as plain text (typer.echo), never interpreted as Rich markup.
"""

from __future__ import annotations

import json
import sys
from enum import Enum
from typing import Annotated, Optional

import typer

from newsgraph.cli.common import DbOption, closed_pipe, err_console, fail, open_store, report_error



class OutputFormat(str, Enum):
    text = "text"
    json = "json"


class SearchKindOption(str, Enum):
    articles = "articles"
    statements = "statements"
    events = "events"


class ExportFormatOption(str, Enum):
    jsonl = "jsonl"
    csv = "csv"
    events = "events"


def _fail(err: Exception) -> None:
    report_error(err)
    raise typer.Exit(1)


def _json(record) -> None:  # type: ignore[no-untyped-def]
    sys.stdout.write(record.model_dump_json() + "\n")


def _evidence_line(ev) -> str:  # type: ignore[no-untyped-def]
    where = ", ".join(x for x in (ev.article_title, ev.site, (ev.published or "")[:10], ev.url) if x)
    copy = f" (copy of {ev.duplicate_of})" if ev.duplicate_of else ""
    return f"      — {where or ev.article_id} [{ev.article_id} {ev.start}:{ev.end}]{copy}"


# ------------------------------------------------------------------ queries


class SortOption(str, Enum):
    relevance = "relevance"
    date = "date"
    oldest = "oldest"


_FILTERS = "Filters (as in search)"
ActorOption = Annotated[Optional[str], typer.Option("--actor", help="Only facts of this actor (name, alias or id).", rich_help_panel=_FILTERS)]
TypeOption = Annotated[Optional[str], typer.Option("--type", help="PLOVER event type, e.g. CONSULT.", rich_help_panel=_FILTERS)]
SinceOption = Annotated[Optional[str], typer.Option("--since", help="Date, inclusive: 2023-06-21, 2023-06 or 2023.", rich_help_panel=_FILTERS)]
UntilOption = Annotated[Optional[str], typer.Option("--until", help="Date, inclusive: 2023-06-21, 2023-06 or 2023.", rich_help_panel=_FILTERS)]
SourceOption = Annotated[Optional[str], typer.Option("--source", help="Site name, part of the URL, or the source as given.", rich_help_panel=_FILTERS)]
DirectOption = Annotated[Optional[bool], typer.Option("--direct/--reported", help="Statements: only direct quotes, or only reported speech.", show_default=False, rich_help_panel=_FILTERS)]
CueOption = Annotated[Optional[str], typer.Option("--cue", help="Statements: only those with this cue, e.g. said.", rich_help_panel=_FILTERS)]
CollectionOption = Annotated[Optional[str], typer.Option("--collection", help="Only the outlets of this collection (named in the --collections file).", rich_help_panel=_FILTERS)]
CollectionsOption = Annotated[Optional[str], typer.Option("--collections", help="TOML or CSV file naming outlet collections (default: $NEWSGRAPH_COLLECTIONS).", rich_help_panel=_FILTERS)]


def _sites(collection: str | None, path: str | None) -> list[str] | None:
    """Return the outlets of ``collection`` from the collections file (exit 2 when it is unknown)."""
    if not collection:
        return None
    from newsgraph.errors import NewsgraphError
    from newsgraph.settings import get_settings
    from newsgraph.store.collections import load_collections

    try:
        named = load_collections(path or get_settings().collections)
    except NewsgraphError as err:
        report_error(err)
        raise typer.Exit(2) from None
    if collection not in named:
        known = ", ".join(repr(n) for n in sorted(named)) or "none: give --collections FILE"
        fail(f"no outlet collection named {collection!r} (known: {known})", code=2)
    return named[collection]


def search_command(
    query: Annotated[str, typer.Argument(help='Words, "phrases", OR, -word. Empty ("") lists by date.')],
    kind: Annotated[SearchKindOption, typer.Option("--kind", help="What to search.")] = SearchKindOption.articles,
    actor: ActorOption = None,
    type: TypeOption = None,  # noqa: A002
    since: SinceOption = None,
    until: UntilOption = None,
    source: SourceOption = None,
    direct: DirectOption = None,
    cue: CueOption = None,
    collection: CollectionOption = None,
    collections: CollectionsOption = None,
    sort: Annotated[Optional[SortOption], typer.Option("--sort", help="relevance (default with words), date (newest first; default without) or oldest.")] = None,
    facets: Annotated[bool, typer.Option("--facets", help="Then print the results' counts by outlet, actor, type, cue, direct/reported and month.")] = False,
    limit: Annotated[int, typer.Option("--limit", help="Results per page.")] = 20,
    cursor: Annotated[Optional[str], typer.Option("--cursor", help="Next-page cursor printed by a previous search.")] = None,
    format: Annotated[OutputFormat, typer.Option("--format", "-f")] = OutputFormat.text,  # noqa: A002
    db: DbOption = None,
) -> None:
    """Full-text search of articles, statements or events, with filters; a line says why words found nothing."""
    from newsgraph.errors import NewsgraphError
    from newsgraph.store.dates import day_label

    sites = _sites(collection, collections)
    store = open_store(db)
    filters = {"actor": actor, "type": type, "since": since, "until": until, "source": source, "direct": direct,
               "cue": cue, "sites": sites}
    counted = None
    try:
        page = store.search(query, kind=kind.value, sort=sort.value if sort else None, limit=limit, cursor=cursor,
                            **filters)
        if facets or (not page.items and not cursor):  # nothing found: the hint says why
            counted = store.search_facets(query, kind=kind.value, **filters)
    except NewsgraphError as err:
        _fail(err)
    finally:
        store.close()
    for item in page.items:
        if format is OutputFormat.json:
            _json(item)
        elif kind is SearchKindOption.articles:
            typer.echo(f"{item.title or '(untitled)'} — {item.site or ''} {(item.published or '')[:10] or 'undated'} [{item.id}]")
            if item.snippet:
                typer.echo(f"    {item.snippet}")
        else:
            head = (f"{item.speaker or 'unknown speaker'} {item.cue or ''} ({'quote' if item.direct else 'reported'})"
                    if item.kind == "statement" else f"{item.event_type} {', '.join(item.actors)}")
            when = day_label(item.date, item.date_precision)
            typer.echo(f"{when:<11} {head}: {item.text}")
            if item.date_precision == "approximate" and item.date_text:
                typer.echo(f"      ({when[1:]} read from {item.date_text!r})")
            elif not item.date and item.date_text:
                typer.echo(f"      (undated: {item.date_text})")
            typer.echo(_evidence_line(item.evidence))
    if page.next_cursor:
        err_console.print(f"more: --cursor {page.next_cursor}", highlight=False, markup=False)
    if counted and counted.get("hint"):
        err_console.print(counted["hint"], highlight=False, markup=False, soft_wrap=True)
    if counted and facets:
        _print_facets(counted, format)


def _print_facets(counted: dict, format: OutputFormat) -> None:  # noqa: A002
    """Print a search's facet counts: one JSON line, or a line per facet (the months in order)."""
    if format is OutputFormat.json:
        sys.stdout.write(json.dumps({"facets": counted["facets"], "months": counted["months"],
                                     "total": counted["total"]}) + "\n")
        return
    typer.echo(f"{counted['total']} results")
    for name, values in counted["facets"].items():
        if values and name != "month":
            typer.echo(f"  {name}: " + ", ".join(f"{v['label']} {v['count']}" for v in values))
    if counted["months"]:
        typer.echo("  by month: " + ", ".join(f"{m['label']} {m['count']}" for m in counted["months"]))


def actor_command(
    name: Annotated[str, typer.Argument(help="A name or alias seen in the corpus.")],
    format: Annotated[OutputFormat, typer.Option("--format", "-f")] = OutputFormat.text,  # noqa: A002
    db: DbOption = None,
) -> None:
    """Show an actor: names, titles, affiliations, then a timeline of statements and events with sources."""
    from newsgraph.errors import NewsgraphError
    from newsgraph.store.dates import day_label

    store = open_store(db)
    try:
        actor = store.find_actor(name)
        timeline = store.actor_timeline(actor.id)
    except NewsgraphError as err:
        _fail(err)
    finally:
        store.close()
    if format is OutputFormat.json:
        sys.stdout.write(json.dumps({"actor": actor.model_dump(mode="json"),
                                     "timeline": [i.model_dump(mode="json") for i in timeline]}) + "\n")
        return
    typer.echo(f"{actor.name} [{actor.type}] #{actor.id}" + (f"  wikidata {actor.wikidata}" if actor.wikidata else ""))
    for label, values in (("also", actor.aliases), ("titles", actor.titles), ("affiliations", actor.affiliations)):
        if values:
            typer.echo(f"  {label}: {'; '.join(values)}")
    typer.echo(f"  in {actor.article_count} articles, {actor.mention_count} mentions")
    typer.echo("Timeline:")
    for item in timeline:
        when = day_label(item.date, item.date_precision)
        if item.kind == "statement":
            typer.echo(f"  {when:<11} said ({item.cue or 'reported'}, "
                       f"{'quote' if item.direct else 'reported'}): {item.summary}")
        else:
            typer.echo(f"  {when:<11} {item.summary}")
        for ev in item.evidence:
            typer.echo(_evidence_line(ev))


def network_command(
    actor: Annotated[Optional[str], typer.Option("--actor", help="Only edges of this actor.")] = None,
    since: Annotated[Optional[str], typer.Option("--since", help="ISO date, inclusive.")] = None,
    until: Annotated[Optional[str], typer.Option("--until", help="ISO date, inclusive.")] = None,
    type: Annotated[Optional[list[str]], typer.Option("--type", help="Event types (repeatable; default CONSULT).")] = None,  # noqa: A002
    all_types: Annotated[bool, typer.Option("--all-types", help="Edges from events of every type.")] = False,
    format: Annotated[OutputFormat, typer.Option("--format", "-f")] = OutputFormat.text,  # noqa: A002
    db: DbOption = None,
) -> None:
    """Who met whom (CONSULT events) and who acted on whom: edges with counts and evidence."""
    from newsgraph.errors import NewsgraphError

    store = open_store(db)
    try:
        edges = store.network(actor=actor, since=since, until=until,
                              types=None if all_types else (tuple(type) if type else ("CONSULT",)))
    except NewsgraphError as err:
        _fail(err)
    finally:
        store.close()
    for edge in edges:
        if format is OutputFormat.json:
            _json(edge)
            continue
        dates = edge.first_date if edge.first_date == edge.last_date else f"{edge.first_date}..{edge.last_date}"
        typer.echo(f"{edge.source} — {edge.target}  {edge.event_type} ×{edge.count}  {dates or 'undated'}  "
                   f"({edge.sources} independent sources)")
        for ev in edge.evidence:
            typer.echo(_evidence_line(ev))


def related_command(
    article_id: Annotated[str, typer.Argument(help="An article id (as printed by search).")],
    format: Annotated[OutputFormat, typer.Option("--format", "-f")] = OutputFormat.text,  # noqa: A002
    db: DbOption = None,
) -> None:
    """Articles sharing actors and events with this one, plus the page's own related links."""
    from newsgraph.errors import NewsgraphError

    store = open_store(db)
    try:
        related = store.related(article_id)
        links = store.get_analysis(article_id).article.related
    except NewsgraphError as err:
        _fail(err)
    finally:
        store.close()
    if format is OutputFormat.json:
        sys.stdout.write(json.dumps({"related": [r.model_dump(mode="json") for r in related],
                                     "links": [link.model_dump(mode="json") for link in links]}) + "\n")
        return
    for r in related:
        typer.echo(f"{r.score:5.1f}  {r.title or '(untitled)'} — {r.site or ''} {(r.published or '')[:10]} [{r.id}]")
    if links:
        typer.echo("Links on the page:")
        for link in links:
            typer.echo(f"  {link.title}" + (f" <{link.url}>" if link.url else ""))


class FactKindOption(str, Enum):
    statement = "statement"
    event = "event"
    framing = "framing"
    mention = "mention"
    date = "date"


def export_command(
    format: Annotated[ExportFormatOption, typer.Option("--format", "-f", help="jsonl: analyses; csv: facts (one schema); events: GDELT-like rows.")] = ExportFormatOption.jsonl,  # noqa: A002
    output: Annotated[Optional[str], typer.Option("--output", "-o", help="File to write (default: stdout).")] = None,
    query: Annotated[str, typer.Option("--query", "-q", help='Only what these words find (as in search).', rich_help_panel=_FILTERS)] = "",
    actor: ActorOption = None,
    type: TypeOption = None,  # noqa: A002
    since: SinceOption = None,
    until: UntilOption = None,
    source: SourceOption = None,
    direct: DirectOption = None,
    cue: CueOption = None,
    collection: CollectionOption = None,
    collections: CollectionsOption = None,
    facts: Annotated[Optional[list[FactKindOption]], typer.Option("--facts", metavar="KIND", help="csv: the fact kinds: statement, event, framing, mention, date (repeatable; default the first three).")] = None,
    db: DbOption = None,
) -> None:
    """Export the corpus, streamed, with no row cap; the search filters narrow it.

    Statements and events are filtered as search filters them; framing, mentions and dates by their article; jsonl gives the articles found, events the corpus events of the reports found.
    """
    from newsgraph.errors import NewsgraphError

    sites = _sites(collection, collections)
    store = open_store(db)
    try:
        lines = store.export(format.value, query=query, facts=[f.value for f in facts] if facts else None,
                             actor=actor, type=type, since=since, until=until, source=source, direct=direct,
                             cue=cue, sites=sites)
        if output:
            with open(output, "w", encoding="utf-8", newline="") as fh:
                fh.writelines(lines)
        else:
            sys.stdout.writelines(lines)
            sys.stdout.flush()
    except BrokenPipeError:  # `newsgraph export | head`: the reader has what it wanted
        store.close()
        closed_pipe()
    except (NewsgraphError, OSError) as err:
        _fail(err)
    finally:
        store.close()


db_app = typer.Typer(help="Database maintenance.", no_args_is_help=True)


@db_app.command("upgrade")
def db_upgrade_command(db: DbOption = None) -> None:
    """Create the database or migrate it to the newest schema; print its revision."""
    from newsgraph.store import engine

    store = open_store(db)  # opening migrates
    typer.echo(f"{engine.safe_url(store.url)} at revision {engine.current_revision(store.engine)}")
    store.close()


def register(app: typer.Typer) -> None:
    """Add the corpus commands to the CLI."""
    app.command("search")(search_command)
    app.command("actor")(actor_command)
    app.command("network")(network_command)
    app.command("related")(related_command)
    app.command("export")(export_command)
    app.add_typer(db_app, name="db")
