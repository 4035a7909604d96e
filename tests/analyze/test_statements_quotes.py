"""The quote-mark scanner alone: the cases textacy and CoreNLP get wrong."""

from __future__ import annotations

from newsgraph.analyze.quotes import find_quotes, paragraphs


def _texts(text: str) -> list[str]:
    return [text[q.start:q.end] for q in find_quotes(text)]


def test_curly_quote_excludes_marks_and_trailing_comma():
    text = "“We will not back down,” the minister said."
    (q,) = find_quotes(text)
    assert text[q.start:q.end] == "We will not back down"
    assert q.closed and text[q.mark_start] == "“" and text[q.mark_end - 1] == "”"


def test_quote_across_paragraph_breaks_is_one_group_of_pieces():
    text = (
        "“The first paragraph of what she said ends here.\n\n"
        "“And the second one goes on,” said Jones.\n\n"
        "An unrelated paragraph."
    )
    pieces = find_quotes(text)
    assert [text[q.start:q.end] for q in pieces] == [
        "The first paragraph of what she said ends here.",
        "And the second one goes on",
    ]
    assert pieces[0].group == pieces[1].group
    assert not pieces[0].closed and pieces[1].closed
    assert all("\n" not in text[q.start:q.end] for q in pieces)


def test_never_closed_quote_stops_at_its_paragraph():
    text = "He said “this quote is never closed and\n\nThe next paragraph is plain. “A real one,” she said."
    quotes = find_quotes(text)
    first_para_end = paragraphs(text)[0][1]
    assert quotes[0].end <= first_para_end and not quotes[0].closed
    assert _texts(text)[1:] == ["A real one"]


def test_quote_opened_again_before_closing_ends_the_first():
    text = "“One never closed. “Another one,” he said."
    assert _texts(text) == ["One never closed.", "Another one"]


def test_nested_quotes_belong_to_the_outer_quote():
    single = "The senator said, “They called it ‘a historic deal’ yesterday.”"
    assert _texts(single) == ["They called it ‘a historic deal’ yesterday."]
    double = "She said, “He told me “never again” and left.” Then she went home."
    assert _texts(double) == ["He told me “never again” and left."]


def test_apostrophes_are_not_quote_marks():
    text = "Hamas’ office said it won’t comment on the ’90s, and didn’t."
    assert find_quotes(text) == []


def test_straight_and_single_and_guillemet_marks():
    assert _texts('He said "we are ready" and left.') == ["we are ready"]
    assert _texts("The paper’s headline read ‘Peace at last’ on Monday.") == ["Peace at last"]
    assert _texts("Il a dit « nous sommes prêts » hier.") == ["nous sommes prêts"]


def test_degenerate_inputs_do_not_crash():
    for text in ("", "“", "”", '"', "“”", "\n\n“\n\n", "”“”“", "“ ” “", '" "'):
        for q in find_quotes(text):
            assert 0 <= q.start < q.end <= len(text)


def test_single_newline_before_a_quote_is_a_paragraph_break():
    text = "“First paragraph without a close.\n“Second paragraph,” he said."
    assert _texts(text) == ["First paragraph without a close.", "Second paragraph"]


def test_typewriter_double_apostrophes_are_quote_marks():
    text = "''It would be a very big story,'' the economist said. ''It is not,'' he added, ``really.''"
    assert _texts(text) == ["It would be a very big story", "It is not", "really."]
    assert _texts("Mr. Garin added, ''it becomes harder and harder for them.''") == [
        "it becomes harder and harder for them."
    ]
