"""The ``newsgraph`` command line.

Each stage keeps its commands in its own module here (``read``, ``analyze``,
``ingest``, ``corpus``, ``kb``, ``serve``, ``batch``); each module has a ``register(app)``
that adds them.  Heavy imports (spaCy, SQLAlchemy, Dask) happen inside the
commands, so ``newsgraph --help`` stays fast.
"""

from __future__ import annotations

import importlib

import typer
import typer.main

app = typer.Typer(
    name="newsgraph",
    help="Turn news articles into a verifiable record of who said what, who met whom, when and where.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


def _version(value: bool) -> None:
    if value:
        from newsgraph import __version__

        typer.echo(f"newsgraph {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True, help="Show the version and exit."),
) -> None:
    """Turn news articles into a verifiable record of who said what, who met whom, when and where."""


_COMMAND_MODULES = ("read", "analyze", "ingest", "corpus", "kb", "serve", "batch")

for _name in _COMMAND_MODULES:
    try:
        _module = importlib.import_module(f"newsgraph.cli.{_name}")
    except ModuleNotFoundError as _err:  # a stage not built yet
        if _err.name != f"newsgraph.cli.{_name}":
            raise
        continue
    _module.register(app)


def _flags_as_flags(command) -> None:  # noqa: ANN001 - a click command
    """Show on/off options (and --help) as bare flags in help, not with a ``<bool>`` value they do not take."""
    import click

    for param in command.params:
        if getattr(param, "is_flag", False) and param.metavar is None:
            param.metavar = ""
    help_option = command.get_help_option(click.Context(command))
    if help_option is not None:
        help_option.metavar = ""
    for sub in getattr(command, "commands", {}).values():
        _flags_as_flags(sub)


def command():  # noqa: ANN201 - a click command
    """Return the ``newsgraph`` click command, built from the Typer app, flags shown as flags."""
    cmd = typer.main.get_command(app)
    _flags_as_flags(cmd)
    return cmd


def main() -> None:
    """Entry point of the ``newsgraph`` console script."""
    try:
        command()()
    except BrokenPipeError:  # stdout's reader went away (``| head``): end quietly
        from newsgraph.cli.common import closed_pipe

        closed_pipe()
