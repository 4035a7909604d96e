"""Stable article ids: a hash of the canonical URL, else of the normalised body text."""

from __future__ import annotations

import hashlib
import re
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from courlan import normalize_url

ID_LENGTH = 16
#: Query parameters that track the reader, not the page.
_TRACKING = re.compile(r"^(utm_\w+|fbclid|gclid|dclid|msclkid|mc_cid|mc_eid|_ga|igshid|ref_src)$", re.I)


def canonical_url(url: str) -> str:
    """Return ``url`` normalised: lowercase scheme and host, default port dropped,
    query sorted without tracking parameters (``utm_*``, ``fbclid``...), no fragment."""
    try:
        url = normalize_url(url)
    except (ValueError, AttributeError):
        pass  # courlan refuses some odd URLs; the steps below still apply
    parts = urlsplit(url.strip())
    query = urlencode([(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not _TRACKING.match(k)])
    return urlunsplit((parts.scheme.lower(), parts.netloc.lower(), parts.path or "/", query, ""))


def normalise_text(text: str) -> str:
    """Return text case-folded with all runs of whitespace made one space."""
    return " ".join(text.split()).casefold()


def article_id(url: str | None, body: str) -> str:
    """Return the article id: sha256 (first 16 hex digits) of the canonical URL, or of the normalised body."""
    key = f"url:{canonical_url(url)}" if url else f"text:{normalise_text(body)}"
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:ID_LENGTH]
