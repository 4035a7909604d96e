"""The analysis pipeline as a whole: component order, skipping, chunking of huge bodies."""

from __future__ import annotations

import pytest

from newsgraph.analyze import pipeline
from newsgraph.analyze.pipeline import Analyzer, load_model
from newsgraph.errors import AnalysisError, ModelNotInstalledError
from newsgraph.model import Article, IngestFailure, RawDocument
from newsgraph.process import Options, Result, process

#: Three paragraphs that tell three different things (no retelling, no pronoun reaching back across them).
OTHERS = (
    "The mayor of Lyon, Gregory Doucet, said on Monday that the city would close two bridges. "
    "Police arrested three protesters outside the town hall, the prefecture said.",
    "Kenya's President William Ruto visited Nairobi's main hospital on Friday. "
    "\u201cWe will build ten more,\u201d he said.",
)
PARAGRAPH = (
    "Russian Foreign Minister Sergei Lavrov met Chinese Foreign Minister Wang Yi in Beijing on Tuesday. "
    "Lavrov said that the two countries would deepen their cooperation. "
    "\u201cWe will not give in to pressure,\u201d Wang told reporters."
)


@pytest.fixture(scope="module")
def analyzer() -> Analyzer:
    return Analyzer()


def _article(body: str, **kw) -> Article:
    return Article(id="t", source="test", body=body, published="2024-03-07", **kw)


def test_components_run_after_the_model_in_order(analyzer):
    names = analyzer.nlp.pipe_names
    ours = [n for n in names if n.startswith("newsgraph_")]
    assert ours == [name for name, _ in pipeline.COMPONENTS]
    assert names.index("ner") < names.index("newsgraph_actors")


def test_missing_model_is_a_clear_error():
    with pytest.raises(ModelNotInstalledError, match="pip install"):
        load_model("no_such_model_package")


def test_empty_body_is_not_analysed(analyzer):
    result = analyzer.analyze_article(_article("   \n\n "))
    assert result.analysed is False
    assert "empty" in result.notes[0]
    assert result.actors == [] and result.statements == []


def test_other_language_is_noted_not_analysed(analyzer):
    result = analyzer.analyze_article(_article("رهبر انقلاب در دیدار هنیه گفت", language="fa"))
    assert result.analysed is False
    assert "fa" in result.notes[0]


def test_text_with_no_entities(analyzer):
    result = analyzer.analyze_article(_article("it rained and then it stopped. nothing else happened."))
    assert result.analysed is True
    assert result.events == []


def test_unclosed_quote_does_not_crash(analyzer):
    body = "The minister said: \u201cwe will never accept this.\n\nOther news followed without a closing mark."
    result = analyzer.analyze_article(_article(body))
    for s in result.statements:
        assert body[s.start:s.end] == s.content


def _offsets_hold(result) -> None:
    body = result.article.body
    for actor in result.actors:
        for m in actor.mentions:
            assert body[m.start:m.end] == m.text
    for s in result.statements:
        assert body[s.start:s.end] == s.content
    for e in result.events:
        assert body[e.start:e.end] == e.text
    for d in result.dates:
        assert body[d.start:d.end] == d.text
    for f in result.framing:
        assert body[f.start:f.end] == f.text


def test_chunked_analysis_keeps_offsets_and_merges_actors(analyzer, monkeypatch):
    body = "\n\n".join([PARAGRAPH] * 6)
    whole = analyzer.analyze_article(_article(body))
    monkeypatch.setattr(pipeline, "CHUNK_CHARS", len(PARAGRAPH) * 2 + 10)
    chunked = analyzer.analyze_article(_article(body))
    assert any("chunks" in note for note in chunked.notes)
    _offsets_hold(chunked)
    ids = [a.id for a in chunked.actors]
    assert len(ids) == len(set(ids))
    # one actor per (name, type) across chunks, as in the unchunked analysis
    assert sorted((a.name, a.type) for a in chunked.actors) == sorted({(a.name, a.type) for a in chunked.actors})
    lavrov = [a for a in chunked.actors if "Lavrov" in a.name]
    assert len(lavrov) == 1 and len(lavrov[0].mentions) >= 6
    known = set(ids)
    for s in chunked.statements:
        assert s.speaker is None or s.speaker in known
    for e in chunked.events:
        assert all(r.actor in known for r in e.actors)
    assert len(chunked.statements) >= len(whole.statements) // 2


def _facts(result) -> dict[str, list]:
    """The facts of an analysis with actors by name and type (chunked analyses number their actors anew)."""
    name = {a.id: (a.name, a.type) for a in result.actors}
    return {
        "actors": sorted((a.name, a.type, sorted((m.start, m.end, m.text) for m in a.mentions)) for a in result.actors),
        "statements": [(s.content, s.start, s.end, name.get(s.speaker), s.cue, s.cue_start, s.direct, s.date)
                       for s in result.statements],
        "events": [(e.type, e.start, e.end, e.text, [(r.role, name[r.actor]) for r in e.actors], e.date,
                    name.get(e.place)) for e in result.events],
        "dates": [(d.text, d.start, d.end, d.value) for d in result.dates],
        "framing": [(f.text, f.start, f.end, f.category) for f in result.framing],
    }


def test_chunked_analysis_gives_the_facts_of_the_whole(analyzer, monkeypatch):
    body = "\n\n".join([PARAGRAPH, *OTHERS])
    whole = analyzer.analyze_article(_article(body))
    monkeypatch.setattr(pipeline, "CHUNK_CHARS", max(len(PARAGRAPH), *map(len, OTHERS)) + 5)
    chunked = analyzer.analyze_article(_article(body))
    assert "analysed in 3 chunks" in chunked.notes[-1]
    assert whole.statements and whole.events and whole.dates
    assert _facts(chunked) == _facts(whole)


def test_offsets_hold_across_chunk_boundaries(analyzer, monkeypatch):
    half = "\n\n".join([PARAGRAPH, *OTHERS])
    body = f"{half}\n\n{half}"
    monkeypatch.setattr(pipeline, "CHUNK_CHARS", len(half) + 2)  # the second chunk starts with the blank line
    result = analyzer.analyze_article(_article(body))
    assert "analysed in 2 chunks" in result.notes[-1]
    _offsets_hold(result)
    shift = len(half) + 2  # where the second half's text begins
    for kind in ("statements", "dates"):
        records = getattr(result, kind)
        first = [(r.start, r.end) for r in records if r.end <= shift]
        second = [(r.start - shift, r.end - shift) for r in records if r.start >= shift]
        assert first and second == first
    for actor in result.actors:
        spans = sorted((m.start, m.end) for m in actor.mentions)
        assert [s for s in spans if s[0] < shift] == [(a - shift, b - shift) for a, b in spans if a >= shift]


def test_a_batch_frees_the_strings_it_added(analyzer):
    strings = len(analyzer.nlp.vocab.strings)
    analyzer.analyze_article(_article("Zorblatt Quenvik met Vashtar Ulmeny in Prugovac on Tuesday, officials said."))
    assert len(analyzer.nlp.vocab.strings) == strings  # each batch runs in a spaCy memory zone


def test_the_time_budget_ends_one_article_with_one_failure(analyzer, monkeypatch):
    long_body = "\n\n".join([PARAGRAPH, *OTHERS] * 3)
    monkeypatch.setattr(pipeline, "CHUNK_CHARS", len(PARAGRAPH) + 5)
    monkeypatch.setattr(analyzer, "budget", 1e-9)
    with pytest.raises(AnalysisError, match=r"^long\.txt: analysis stopped after .* time budget .* at chunk 1 of 9"):
        analyzer.analyze_article(_article(long_body).model_copy(update={"source": "long.txt"}))
    # a one-chunk article finishes whatever the budget; the loop records the long one as its one failure line
    raws = [RawDocument(content=text.encode(), source=name, content_type="text/plain")
            for name, text in (("a.txt", OTHERS[0]), ("long.txt", long_body), ("b.txt", OTHERS[1]))]
    outcomes = list(process(documents=raws, options=Options(), analyzer=analyzer))
    failures = [o for o in outcomes if isinstance(o, IngestFailure)]
    assert [o.article.source for o in outcomes if isinstance(o, Result)] == ["a.txt", "b.txt"]
    assert len(failures) == 1 and failures[0].stage == "analyze" and failures[0].error_type == "AnalysisError"
    assert failures[0].error.startswith("long.txt: analysis stopped after ") and "\n" not in failures[0].error


def test_past_the_character_cap_the_body_is_kept_but_not_analysed_and_the_notes_say_so(analyzer, monkeypatch):
    body = "\n\n".join([PARAGRAPH, *OTHERS])
    cap = len(PARAGRAPH) + 10
    monkeypatch.setattr(analyzer, "max_chars", cap)
    analysis = analyzer.analyze_article(_article(body))
    whole = analyzer.analyze_article(_article(PARAGRAPH))
    assert analysis.article.body == body  # the article keeps its whole body
    assert [e.model_dump() for e in analysis.events] == [e.model_dump() for e in whole.events]
    assert all(f.end <= len(PARAGRAPH) for f in [*analysis.events, *analysis.statements])
    assert any(n.startswith(f"analysed the first {len(PARAGRAPH):,} of {len(body):,} characters") for n in analysis.notes)
    assert not any("NEWSGRAPH_ANALYSIS_MAX_CHARS" in n for n in whole.notes)


@pytest.mark.slow
def test_body_of_200000_words_does_not_crash(analyzer):
    body = "\n\n".join([PARAGRAPH] * (200_000 // len(PARAGRAPH.split()) + 1))
    assert len(body.split()) >= 200_000
    result = analyzer.analyze_article(_article(body))
    assert result.analysed is True
    assert any("chunks" in note for note in result.notes)
    _offsets_hold(result)


def test_pipe_keeps_order_across_skipped_and_analysed_articles(analyzer):
    bodies = ["", PARAGRAPH, "  ", "Lavrov met Wang in Beijing.", ""]
    articles = [_article(b).model_copy(update={"id": f"x{i}"}) for i, b in enumerate(bodies)]
    results = list(analyzer.pipe(articles, batch_size=2))
    assert [r.article.id for r in results] == [a.id for a in articles]
    assert [r.analysed for r in results] == [False, True, False, True, False]
    one_by_one = [analyzer.analyze_article(a) for a in articles]
    assert [len(r.actors) for r in results] == [len(r.actors) for r in one_by_one]
    assert [len(r.statements) for r in results] == [len(r.statements) for r in one_by_one]


def test_the_subpackage_analyze_tells_an_html_fragment_from_text(analyzer, monkeypatch):
    import sys

    monkeypatch.setattr(pipeline, "default_analyzer", lambda: analyzer)  # the session's pipeline, not a second one
    analyze = sys.modules["newsgraph.analyze"].analyze
    # no <p>, <body> or doctype: the old sniff took this for text and analysed the tags
    fragment = ("<article><h1>Floods close roads in the north</h1><div>Heavy rain closed dozens of roads in the "
                "north of the country on Monday, the transport ministry said in a statement.</div><div>Schools "
                "stayed shut in three provinces while crews cleared mud from the main highway.</div></article>")
    analysis = analyze(fragment)
    assert "<" not in analysis.article.body and "Heavy rain closed" in analysis.article.body
    text = analyze("Heavy rain closed dozens of roads on Monday, the ministry said. Crews cleared the highway.")
    assert text.article.body.startswith("Heavy rain closed")
