"""HTML the main extractor gives up on: repaired markup, a plainer pass; tables of figures are not body text."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from newsgraph.errors import EmptyDocumentError
from newsgraph.extract import extract_article
from newsgraph.extract.fallback import drop_figure_tables, repaired_tree
from newsgraph.model import RawDocument

PAGES = Path(__file__).resolve().parent.parent / "fixtures" / "pages"
PROSE = [
    "Health officials said on Monday that new infections had risen for a third week in the northern provinces.",
    "The ministry asked hospitals to postpone planned operations and said it would open two field clinics.",
    "Schools will stay open, the education minister said, but classes will be smaller until the end of the month.",
    "Opposition lawmakers called for an inquiry into why vaccination centres had closed early in the summer.",
    "The regional governor said supplies of oxygen were sufficient and that no patient had been turned away.",
    "Officials expect the figures to fall again once the holiday travel period is over, a spokesman said.",
]


def read(html: str, source: str = "page.html"):
    return extract_article(RawDocument(content=html.encode("utf-8"), source=source, content_type="text/html"))


def fixture_page() -> str:
    return gzip.decompress((PAGES / "spokesman_meth_campaign.html.gz").read_bytes()).decode("utf-8")


@pytest.mark.parametrize("broken", ["<html/>", "<html lang=\"en\" /><head>"])
def test_broken_html_start_tag_is_repaired(broken: str) -> None:
    raw = fixture_page()
    start = raw.index("<html")
    html = raw[:start] + broken + raw[raw.index(">", start) + 1 :]
    article = read(html)
    good = read(raw)
    assert article.body == good.body
    assert any("repaired markup" in w for w in article.warnings)


def test_repaired_tree_of_a_fragment() -> None:
    tree = repaired_tree("text before <p>" + "</p><p>".join(PROSE) + "</p>")
    assert tree is not None
    assert "field clinics" in tree.text_content()


def test_table_of_figures_is_not_body_text() -> None:
    rows = "".join(f"<tr><td>Province {i}</td><td>{i * 1731:,}</td><td>{i * 13}</td><td>{i}%</td></tr>"
                   for i in range(1, 60))
    html = ("<html><head><title>Infections rise again</title></head><body><article><h1>Infections rise again</h1>"
            + "".join(f"<p>{p}</p>" for p in PROSE * 2)
            + f"<table><tr><th>Province</th><th>Cases</th><th>Deaths</th><th>Change</th></tr>{rows}</table>"
            + "</article></body></html>")
    article = read(html)
    assert "Province 7" not in article.body and "|" not in article.body
    assert article.body.rstrip().endswith(PROSE[-1])
    assert sum(1 for f in article.furniture if f.reason == "table") >= 60


def test_table_of_words_stays_and_a_page_that_is_a_table_keeps_it() -> None:
    words = ["| Minister | Portfolio |", "| Jane Roe | Health |", "| Ali Khan | Education |"]
    assert drop_figure_tables(PROSE * 5 + words)[0] == PROSE * 5 + words
    figures = ["| Team | Won | Points |", "| North | 12 | 40 |", "| South | 11 | 38 |"]
    assert drop_figure_tables(["Standings after round ten."] + figures)[0] == ["Standings after round ten."] + figures
    kept, removed = drop_figure_tables(PROSE * 5 + figures)
    assert kept == PROSE * 5 and len(removed) == 3


def test_page_with_no_article_is_still_refused() -> None:
    with pytest.raises(EmptyDocumentError, match=r"^menu\.html: no article text"):
        read("<html><body><nav><a href='/a'>Home</a> <a href='/b'>World</a></nav></body></html>", "menu.html")
