"""The spaCy ``Doc`` extensions newsgraph's components read and write.

A ``Doc`` flows through the pipeline (spaCy's model, then newsgraph's own
components, in order)::

    newsgraph_actors      -> doc._.ng_actors      (list[Actor], mentions merged)
    newsgraph_dates       -> doc._.ng_dates       (list[DateMention])
    newsgraph_statements  -> doc._.ng_statements  (list[Statement])
    newsgraph_events      -> doc._.ng_events      (list[Event])
    newsgraph_framing     -> doc._.ng_framing     (list[Framing])

``doc._.ng_published`` (ISO date or datetime string, or None) is set by the
caller before the pipeline runs; date resolution is relative to it.
Offsets in every record are character offsets into ``doc.text``, which is the
article body.  Which actor a token or a stretch of text names: ``syntax.ActorIndex``.
"""

from __future__ import annotations

from spacy.tokens import Doc

from newsgraph.model import Actor

_EXTENSIONS = ("ng_actors", "ng_dates", "ng_statements", "ng_events", "ng_framing")


def register_extensions() -> None:
    """Declare the ``doc._.ng_*`` attributes (idempotent)."""
    for name in _EXTENSIONS:
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)
    if not Doc.has_extension("ng_published"):
        Doc.set_extension("ng_published", default=None)


register_extensions()


def actors_of(doc: Doc) -> list[Actor]:
    """Return the actors found so far (empty before the actors component ran)."""
    return doc._.ng_actors or []
