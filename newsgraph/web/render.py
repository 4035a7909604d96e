"""The annotated article body: escaped HTML with the analysis marked in place.

``render_body(analysis)`` is a pure function.  Every annotation (actor
mention, statement, event sentence, framing flag, an extra highlight) is a
``[start, end)`` range of ``Article.body``.  Ranges may overlap without
nesting (a statement that starts mid-event and ends after it), which HTML
cannot express directly, so the renderer keeps a stack of open elements and,
at every boundary, closes what must close and re-opens the ranges that go on
as continuation fragments.  Only a range's first fragment carries its ``id``,
so in-page links (``#s-3``) land on where the cited text begins.

Annotations whose offsets do not cite the body (out of range, empty, or
``body[start:end] != text``) are skipped and counted, never drawn wrongly.
"""

from __future__ import annotations

import html
from dataclasses import dataclass, field

from markupsafe import Markup

from newsgraph.model import Analysis

# Outer elements first when two ranges share both ends.
_PRIORITY = {"event": 0, "evidence": 1, "statement": 2, "highlight": 3, "framing": 4, "speaker": 5, "actor": 6}


@dataclass(frozen=True)
class Annotation:
    """One range to mark: the element, its classes, id and data attributes."""

    start: int
    end: int
    kind: str  # a key of _PRIORITY
    tag: str = "span"
    id: str | None = None
    classes: tuple[str, ...] = ()
    title: str | None = None
    data: tuple[tuple[str, str], ...] = ()

    def open_tag(self, first: bool) -> str:
        """Return the opening tag; only the first fragment gets the id."""
        attrs = [f'class="{html.escape(" ".join(("ng-" + self.kind,) + self.classes + (() if first else ("ng-cont",))))}"']
        if first and self.id:
            attrs.append(f'id="{html.escape(self.id)}"')
        if self.title:
            attrs.append(f'title="{html.escape(self.title)}"')
        for key, value in self.data:
            attrs.append(f'data-{html.escape(key)}="{html.escape(value)}"')
        return f"<{self.tag} {' '.join(attrs)}>"

    def close_tag(self) -> str:
        return f"</{self.tag}>"


@dataclass
class Rendered:
    """The body as HTML plus what could not be drawn."""

    html: Markup
    skipped: list[str] = field(default_factory=list)
    drawn: set[str] = field(default_factory=set)  # ids of the elements in the HTML (anchors that work)


def _names(analysis: Analysis) -> dict[str, str]:
    return {a.id: a.name for a in analysis.actors}


def annotations_for(analysis: Analysis, highlight: tuple[int, int] | None = None) -> list[Annotation]:
    """Return every annotation of an analysis (actors, statements, events, framing, highlight)."""
    names = _names(analysis)
    out: list[Annotation] = []
    for actor in analysis.actors:
        for n, m in enumerate(actor.mentions):
            out.append(Annotation(
                m.start, m.end, "actor", tag="mark", id=f"m-{actor.id}-{n}",
                classes=(f"ng-type-{actor.type.lower()}",),
                title=f"{actor.name} ({actor.type.lower()})",
                data=(("actor", actor.id), ("actor-name", actor.name), ("actor-type", actor.type)),
            ))
    for n, st in enumerate(analysis.statements):
        speaker = names.get(st.speaker or "", st.speaker_text or "unknown speaker")
        kind = "direct quote" if st.direct else "reported speech"
        title = f"{kind} by {speaker}" + (f" ({st.cue})" if st.cue else "")
        data = [("speaker", speaker), ("direct", "true" if st.direct else "false")]
        if st.cue:
            data.append(("cue", st.cue))
        out.append(Annotation(
            st.start, st.end, "statement", id=f"s-{n}",
            classes=("ng-direct" if st.direct else "ng-indirect",), title=title, data=tuple(data),
        ))
        if st.speaker_start is not None and st.speaker_end is not None:
            out.append(Annotation(st.speaker_start, st.speaker_end, "speaker", title=f"speaker: {speaker}",
                                  data=(("statement", f"s-{n}"),)))
    for n, ev in enumerate(analysis.events):
        who = ", ".join(names.get(ea.actor, ea.actor) for ea in ev.actors)
        title = f"event {ev.type}" + (f" ({ev.mode})" if ev.mode else "") + (f": {who}" if who else "")
        if ev.date:
            title += f" on {ev.date}"
        data = (("event-type", ev.type), ("event-actors", who), ("event-date", ev.date or ""))
        out.append(Annotation(ev.start, ev.end, "event", id=f"e-{n}", title=title, data=data))
        for k, span in enumerate(ev.evidence):
            out.append(Annotation(span.start, span.end, "evidence", id=f"e-{n}-{k}", title=title, data=data))
    for n, fr in enumerate(analysis.framing):
        title = fr.category.replace("_", " ") + (f": {fr.note}" if fr.note else "")
        out.append(Annotation(fr.start, fr.end, "framing", tag="mark", id=f"f-{n}", title=title,
                              data=(("category", fr.category),)))
    if highlight is not None:
        out.append(Annotation(highlight[0], highlight[1], "highlight", tag="mark", id="hl", title="cited text"))
    return out


def _cited_text(analysis: Analysis, ann: Annotation) -> str | None:
    """Return the text a record claims for this annotation, when it states one."""
    kind, ident = ann.kind, ann.id or ""
    if kind == "actor":
        actor_id, _, n = ident[2:].rpartition("-")
        actor = analysis.actor(actor_id)
        return actor.mentions[int(n)].text if actor else None
    if kind == "statement":
        return analysis.statements[int(ident[2:])].content
    if kind == "event":
        return analysis.events[int(ident[2:])].text
    if kind == "evidence":
        n, k = ident[2:].split("-")
        return analysis.events[int(n)].evidence[int(k)].text
    if kind == "framing":
        return analysis.framing[int(ident[2:])].text
    return None


def render_body(analysis: Analysis, highlight: tuple[int, int] | None = None) -> Rendered:
    """Return the article body as escaped HTML paragraphs with every valid annotation marked."""
    body = analysis.article.body
    skipped: list[str] = []
    valid: list[Annotation] = []
    for ann in annotations_for(analysis, highlight):
        if not (0 <= ann.start < ann.end <= len(body)):
            skipped.append(f"{ann.kind} {ann.id or ''} at {ann.start}-{ann.end}: outside the body".replace("  ", " "))
            continue
        claimed = _cited_text(analysis, ann)
        if claimed is not None and body[ann.start:ann.end] != claimed:
            skipped.append(f"{ann.kind} {ann.id}: offsets {ann.start}-{ann.end} do not cite its text")
            continue
        valid.append(ann)
    return Rendered(Markup(_render(body, valid)), skipped, {a.id for a in valid if a.id})


def _paragraphs(body: str) -> list[tuple[int, int]]:
    """Return (start, end) of each paragraph: runs of text between blank lines."""
    spans, pos = [], 0
    for chunk in body.split("\n\n"):
        if chunk.strip():
            lead = len(chunk) - len(chunk.lstrip())
            spans.append((pos + lead, pos + len(chunk.rstrip())))
        pos += len(chunk) + 2
    return spans


def _render(body: str, annotations: list[Annotation]) -> str:
    out: list[str] = []
    started: set[int] = set()  # indexes of annotations whose first fragment is out
    for p_start, p_end in _paragraphs(body):
        # Clip each annotation to the paragraph; it opens at its own start or the paragraph's.
        local = [(max(a.start, p_start), min(a.end, p_end), i, a) for i, a in enumerate(annotations)
                 if a.start < p_end and a.end > p_start]
        bounds = sorted({p_start, p_end, *(s for s, _, _, _ in local), *(e for _, e, _, _ in local)})
        stack: list[tuple[int, int, Annotation]] = []  # (end, index, annotation)
        out.append("<p>")
        for pos, nxt in zip(bounds, bounds[1:]):
            # Close everything down to the deepest element that ends here, then re-open survivors.
            ending = [k for k, (end, _, _) in enumerate(stack) if end <= pos]
            if ending:
                cut = ending[0]
                reopen = [item for item in stack[cut:] if item[0] > pos]
                for _, _, ann in reversed(stack[cut:]):
                    out.append(ann.close_tag())
                del stack[cut:]
                for item in reopen:
                    out.append(item[2].open_tag(first=False))
                    stack.append(item)
            # Open what starts here: longer ranges outside, then by kind.
            opening = sorted((x for x in local if x[0] == pos and x[1] > pos), key=lambda x: (-x[1], _PRIORITY[x[3].kind], x[2]))
            for _, end, i, ann in opening:
                out.append(ann.open_tag(first=i not in started))
                started.add(i)
                stack.append((end, i, ann))
            out.append(html.escape(body[pos:nxt], quote=False).replace("\n", "<br>\n"))
        for _, _, ann in reversed(stack):
            out.append(ann.close_tag())
        out.append("</p>")
    return "".join(out)
