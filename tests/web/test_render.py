"""The annotated-body renderer: a pure function, tested without a store."""

from __future__ import annotations

from html.parser import HTMLParser

from newsgraph.model import Actor, Analysis, Article, Event, EventActor, Framing, Mention, Span, Statement
from newsgraph.web.render import render_body


class _Checker(HTMLParser):
    """Check the HTML nests properly and collect the text and the ids."""

    VOID = {"br"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.text: list[str] = []
        self.ids: list[str] = []
        self.open_by_id: dict[str, list[str]] = {}
        self.tags: list[tuple[str, dict]] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.tags.append((tag, attrs))
        if attrs.get("id"):
            self.ids.append(attrs["id"])
        if tag not in self.VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag):
        assert self.stack and self.stack[-1] == tag, f"</{tag}> closes {self.stack[-1:]}"
        self.stack.pop()

    def handle_data(self, data):
        self.text.append(data)


def _check(markup: str) -> _Checker:
    checker = _Checker()
    checker.feed(markup)
    checker.close()
    assert checker.stack == []
    return checker


def _article(body: str) -> Article:
    return Article(id="x", source="test", body=body)


def _span_text(markup: str, element_id: str) -> str:
    """Return the text inside all fragments that belong to the element with this id."""

    class P(HTMLParser):
        def __init__(self):
            super().__init__(convert_charrefs=True)
            self.depth = 0
            self.out = []

        def handle_starttag(self, tag, attrs):
            if self.depth:
                self.depth += 1
            elif dict(attrs).get("id") == element_id:
                self.depth = 1

        def handle_endtag(self, tag):
            if self.depth:
                self.depth -= 1

        def handle_data(self, data):
            if self.depth:
                self.out.append(data)

    p = P()
    p.feed(markup)
    return "".join(p.out)


def test_plain_body_is_escaped_and_split_in_paragraphs():
    body = 'First <script>alert(1)</script> para.\n\nSecond "><img src=x onerror=alert(1)> & more.'
    out = render_body(Analysis(article=_article(body))).html
    assert "<script>" not in out and "<img" not in out
    assert "&lt;script&gt;" in out and "&lt;img src=x onerror=alert(1)&gt;" in out
    checker = _check(out)
    assert "".join(checker.text).replace("\n", "") == body.replace("\n\n", "")
    assert out.count("<p>") == 2


def test_overlapping_statement_and_event_nest_properly_and_keep_all_text():
    body = "Alpha met Beta in Rome. Beta said the talks went well and ended."
    event_end = body.index(".") + 1
    st_start = body.index("Rome")  # starts inside the event, ends after it
    st_end = body.index(" and ended")
    analysis = Analysis(
        article=_article(body),
        actors=[
            Actor(id="a1", name="Alpha", type="PERSON", mentions=[Mention(text="Alpha", start=0, end=5)]),
            Actor(id="a2", name="Beta", type="PERSON", mentions=[
                Mention(text="Beta", start=10, end=14),
                Mention(text="Beta", start=body.index("Beta said"), end=body.index("Beta said") + 4)]),
        ],
        statements=[Statement(speaker="a2", content=body[st_start:st_end], start=st_start, end=st_end, cue="said")],
        events=[Event(type="CONSULT", actors=[EventActor(actor="a1"), EventActor(actor="a2")],
                      text=body[:event_end], start=0, end=event_end, date="2023-06-21")],
    )
    rendered = render_body(analysis)
    out = str(rendered.html)
    assert rendered.skipped == []
    checker = _check(out)
    assert "".join(checker.text) == body
    # every id appears once, on the first fragment
    assert sorted(checker.ids) == sorted(["m-a1-0", "m-a2-0", "m-a2-1", "s-0", "e-0"])
    # the statement's fragments together hold exactly its text (its first fragment has the id)
    fragments = [a for t, a in checker.tags if "ng-statement" in a.get("class", "")]
    assert len(fragments) == 2 and "ng-cont" in fragments[1]["class"]
    assert _span_text(out, "e-0") == body[:event_end]
    assert 'data-speaker="Beta"' in out and 'data-event-type="CONSULT"' in out
    assert "Alpha, Beta on 2023-06-21" in out


def test_annotation_spanning_paragraphs_is_split_at_the_break():
    body = "One two three.\n\nFour five six."
    analysis = Analysis(article=_article(body), framing=[Framing(text=body[4:21], start=4, end=21, category="Loaded_Language")])
    out = str(render_body(analysis).html)
    checker = _check(out)
    marks = [a for t, a in checker.tags if t == "mark"]
    assert len(marks) == 2 and marks[0]["id"] == "f-0" and "id" not in marks[1]
    assert out.count("<p>") == 2


def test_bad_offsets_are_skipped_not_drawn():
    body = "Short body."
    analysis = Analysis(
        article=_article(body),
        statements=[Statement(content="nothing like it", start=0, end=5),
                    Statement(content="x", start=50, end=51)],
        framing=[Framing(text="body", start=6, end=10, category="Doubt")],
    )
    rendered = render_body(analysis)
    assert len(rendered.skipped) == 2
    assert 'id="f-0"' in rendered.html and 'id="s-0"' not in rendered.html
    assert rendered.drawn == {"f-0"}
    assert "".join(_check(str(rendered.html)).text) == body


def test_attributes_from_untrusted_names_are_escaped():
    body = "Evil said hello."
    name = '"><script>alert(1)</script>'
    analysis = Analysis(
        article=_article(body),
        actors=[Actor(id="a1", name=name, type="PERSON", mentions=[Mention(text="Evil", start=0, end=4)])],
        events=[Event(type='X"onmouseover="alert(1)', text=body, start=0, end=len(body),
                      evidence=[Span(text="hello", start=10, end=15)])],
    )
    out = str(render_body(analysis).html)
    assert "<script>" not in out and '"onmouseover' not in out
    checker = _check(out)
    assert any(a.get("data-actor-name") == name for _, a in checker.tags)


def test_highlight_gets_the_hl_anchor():
    body = "We cite this part only."
    out = str(render_body(Analysis(article=_article(body)), highlight=(3, 12)).html)
    assert _span_text(out, "hl") == "cite this"


from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402


@st.composite
def _bodies_with_spans(draw):
    body = draw(st.text(alphabet="ab <>&\"'\n", min_size=1, max_size=80))
    spans = draw(st.lists(st.tuples(st.integers(0, len(body)), st.integers(0, len(body))), max_size=12))
    return body, [(min(a, b), max(a, b)) for a, b in spans if a != b]


@settings(max_examples=200, deadline=None)
@given(_bodies_with_spans())
def test_any_overlap_nests_and_keeps_every_character(case):
    body, spans = case
    half = len(spans) // 2
    analysis = Analysis(
        article=_article(body),
        statements=[Statement(content=body[s:e], start=s, end=e) for s, e in spans[:half]],
        framing=[Framing(text=body[s:e], start=s, end=e, category="Doubt") for s, e in spans[half:]],
    )
    rendered = render_body(analysis)
    checker = _check(str(rendered.html))  # every element closes in order
    paragraphs = [chunk.strip() for chunk in body.split("\n\n") if chunk.strip()]
    assert "".join(checker.text).replace("\n", "") == "".join(paragraphs).replace("\n", "")
    assert len(checker.ids) == len(set(checker.ids))
    # every annotation that lies within one paragraph is drawn, with its id
    assert all(i in rendered.drawn for i in checker.ids)
