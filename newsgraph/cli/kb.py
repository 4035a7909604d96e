"""``newsgraph kb``: the actor knowledge base (list, show, import)."""

from __future__ import annotations

import enum
import json
from pathlib import Path

import typer

from newsgraph.cli.common import err_console, report_error

kb_app = typer.Typer(
    help="The actor knowledge base: well-known people, organisations and places the analysis recognises.",
    no_args_is_help=True,
)


class KBFormat(str, enum.Enum):
    csv = "csv"
    phoenix = "phoenix"


@kb_app.command("import")
def import_(
    file: Path = typer.Argument(..., help="A KB CSV file, or a PETRARCH Phoenix actor dictionary."),
    format: KBFormat = typer.Option(KBFormat.csv, "--format", "-f", help="csv or phoenix."),
) -> None:
    """Add a list of actors to your knowledge base ($NEWSGRAPH_HOME/kb/, default ~/.newsgraph/kb/)."""
    from newsgraph.analyze.kb import import_file
    from newsgraph.errors import KnowledgeBaseError

    if not file.is_file():
        report_error(KnowledgeBaseError("no such file", source=str(file)))
        raise typer.Exit(1)
    try:
        dest, count = import_file(file, format.value)
    except KnowledgeBaseError as err:
        report_error(err)
        raise typer.Exit(1) from None
    err_console.print(f"imported {count} actors from {file} into {dest}", highlight=False, soft_wrap=True)


@kb_app.command("list")
def list_(
    query: str = typer.Argument("", help="Only entries whose name, alias or title contains this."),
    as_json: bool = typer.Option(False, "--json", help="One JSON object a line."),
) -> None:
    """List knowledge-base entries (shipped and imported)."""
    from newsgraph.analyze.kb import KnowledgeBase
    from newsgraph.errors import KnowledgeBaseError

    try:
        entries = KnowledgeBase.default().search(query)
    except KnowledgeBaseError as err:
        report_error(err)
        raise typer.Exit(1) from None
    for e in entries:
        if as_json:
            typer.echo(json.dumps(_as_dict(e), ensure_ascii=False))
        else:
            extra = " ".join(x for x in (e.country or "", e.wikidata or "") if x)
            typer.echo(f"{e.name}\t{e.type}\t{extra}".rstrip())
    if not entries:
        err_console.print(f"no knowledge-base entry matches {query!r}", highlight=False)


@kb_app.command("show")
def show(name: str = typer.Argument(..., help="A name, alias or KB id.")) -> None:
    """Show one knowledge-base entry as JSON."""
    from newsgraph.analyze.kb import KnowledgeBase
    from newsgraph.errors import KnowledgeBaseError, NotFoundError

    try:
        entry = KnowledgeBase.default().get(name)
    except KnowledgeBaseError as err:
        report_error(err)
        raise typer.Exit(1) from None
    if entry is None:
        report_error(NotFoundError("no knowledge-base entry with this name", source=name))
        raise typer.Exit(1)
    typer.echo(json.dumps(_as_dict(entry), ensure_ascii=False, indent=2))


def _as_dict(entry) -> dict:
    return {
        "id": entry.id, "name": entry.name, "type": entry.type, "aliases": entry.aliases,
        "titles": entry.titles, "wikidata": entry.wikidata, "country": entry.country,
        "affiliations": entry.affiliations, "source": entry.source,
    }


def register(app: typer.Typer) -> None:
    """Add the ``kb`` command group."""
    app.add_typer(kb_app, name="kb")
