"""Events of a body analysed in chunks keep exact offsets, evidence included."""

from __future__ import annotations

from newsgraph.analyze import pipeline
from newsgraph.model import Article


def test_event_and_evidence_offsets_survive_chunking(nlp, monkeypatch):
    monkeypatch.setattr(pipeline, "CHUNK_CHARS", 400)
    filler = "\n\n".join("The weather was mild and the markets were calm that week." for _ in range(8))
    story = (
        "Vladimir Putin met Recep Tayyip Erdogan in Sochi on Monday. "
        "In the meeting with Erdogan, Putin said trade was growing."
    )
    body = f"{filler}\n\n{story}"
    article = Article(id="t", source="test", body=body, published="2023-06-22", language="en")
    analysis = pipeline.Analyzer(nlp=nlp).analyze_article(article)
    assert any("chunks" in note for note in analysis.notes)
    consult = [e for e in analysis.events if e.type == "CONSULT"]
    assert consult and consult[0].start > len(filler)
    for ev in analysis.events:
        assert body[ev.start:ev.end] == ev.text
        for span in ev.evidence:
            assert body[span.start:span.end] == span.text
    assert any(ev.evidence for ev in consult)
    for d in analysis.dates:
        assert body[d.start:d.end] == d.text
