"""``newsgraph serve``: the web app and JSON API over a corpus."""

from __future__ import annotations

import typer

from newsgraph.cli.common import db_url, err_console, fail, report_error


def register(app: typer.Typer) -> None:
    """Add the ``serve`` command."""

    @app.command()
    def serve(
        db: str | None = typer.Option(None, "--db", help="Database URL or SQLite path (default: $NEWSGRAPH_DB, ./newsgraph.db)."),
        host: str = typer.Option("127.0.0.1", "--host", help="Address to listen on."),
        port: int = typer.Option(8000, "--port", min=0, max=65535, help="Port to listen on."),
        allow_private: bool = typer.Option(False, "--allow-private", help="Let URL ingest fetch loopback/private addresses."),
        log_level: str = typer.Option("info", "--log-level", help="uvicorn log level."),
        keep_alive: int = typer.Option(15, "--keep-alive", min=1, help="Seconds an idle keep-alive connection is kept open."),
    ) -> None:
        """Serve the pages and the JSON API (tokens from NEWSGRAPH_API_TOKEN / NEWSGRAPH_ADMIN_TOKEN)."""
        import uvicorn

        from newsgraph.errors import NewsgraphError
        from newsgraph.web.app import Settings, create_app

        url = db_url(db)
        try:
            # the flag only adds: without it NEWSGRAPH_ALLOW_PRIVATE decides
            web_app = create_app(url, settings=Settings.from_env(**({"allow_private": True} if allow_private else {})))
        except NewsgraphError as err:
            report_error(err, url)
            raise typer.Exit(1) from None
        if host not in ("127.0.0.1", "localhost", "::1"):
            err_console.print(f"[yellow]warning:[/yellow] listening on {host}: anyone who can reach it can read the corpus")
        err_console.print(f"newsgraph: serving {url} on http://{host}:{port}/", soft_wrap=True, markup=False)
        try:
            uvicorn.run(web_app, host=host, port=port, log_level=log_level, access_log=False,
                        timeout_keep_alive=keep_alive)
        except OSError as err:
            fail(f"cannot listen on {host}:{port}: {err.strerror or err}")
