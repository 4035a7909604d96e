"""/docs: the API described from its OpenAPI document, with no external assets.

FastAPI's Swagger UI page loads its JavaScript and CSS from a CDN, which an
offline user cannot reach and our CSP forbids.  So /docs is a server-rendered
page listing every endpoint, its parameters and summary, from the same
OpenAPI document served at /openapi.json (feed that to any OpenAPI tool).
"""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from newsgraph.web.deps import render

router = APIRouter(include_in_schema=False)

_METHODS = ("get", "post", "put", "patch", "delete")


@router.get("/docs", response_class=HTMLResponse, name="docs_page")
def docs_page(request: Request) -> HTMLResponse:
    """Return the API reference page."""
    spec = request.app.openapi()
    endpoints = []
    for path, item in spec.get("paths", {}).items():
        for method in _METHODS:
            op = item.get(method)
            if not op:
                continue
            params = [(p["name"], p["in"], p.get("required", False),
                       p.get("schema", {}).get("type") or "", p.get("description", "")) for p in op.get("parameters", [])]
            body = op.get("requestBody", {}).get("content", {})
            endpoints.append({
                "method": method.upper(), "path": path, "summary": op.get("summary", ""),
                "description": op.get("description", ""), "params": params,
                "body": ", ".join(body), "tags": op.get("tags", []),
            })
    return render(request, "docs.html", {"spec": spec, "endpoints": endpoints})
