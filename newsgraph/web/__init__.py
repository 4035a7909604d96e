"""newsgraph.web: the FastAPI app (pages and JSON API). ``create_app(store_url)`` builds it."""

from newsgraph.web.app import Settings, create_app

__all__ = ["Settings", "create_app"]
