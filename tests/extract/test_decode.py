"""The decoder: only real text encodings, detection behind a bad or lying label, UTF-16/32 without a BOM,
guesses flagged low-confidence, and invalid markup dates dropped with a warning."""

from __future__ import annotations

import pytest

from newsgraph.errors import NewsgraphError
from newsgraph.extract import extract_article
from newsgraph.extract.decode import decode, text_codec
from newsgraph.model import RawDocument

PARAGRAPHS = [
    "Le maire a inauguré mardi la nouvelle bibliothèque du quartier, fermée depuis deux ans pour travaux.",
    "Selon l'adjointe à la culture, la façade a été rénovée et les salles agrandies grâce à une aide régionale.",
    "Les élèves de l'école voisine y auront accès chaque jeudi matin, a précisé la directrice.",
    "Le conseil municipal doit voter en décembre le budget de fonctionnement pour l'année prochaine.",
]
ENGLISH = [
    "The city council voted on Tuesday to extend the night bus service to the northern suburbs until March.",
    "The mayor said the trial had carried more passengers than expected and would be reviewed in the spring.",
    "Opposition members asked for the cost of the extension to be published before the final vote next month.",
]


def html_page(charset: str, paragraphs: list[str] = PARAGRAPHS, extra_head: str = "") -> str:
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (f"<html><head><meta charset=\"{charset}\"><title>La bibliothèque rouvre</title>{extra_head}</head>"
            f"<body><article><h1>La bibliothèque rouvre</h1>{body}</article></body></html>")


def read(content: bytes, content_type: str | None = "text/html", source: str = "page.html"):
    return extract_article(RawDocument(content=content, source=source, content_type=content_type))


@pytest.mark.parametrize("label", ["rot13", "base64", "hex", "zlib", "bz2", "uu", "quopri", "undefined",
                                   "unicode-escape", "idna", "no-such-charset"])
def test_label_that_is_no_text_encoding_falls_back_to_detection(label: str) -> None:
    article = read(html_page(label).encode("cp1252"))
    assert "la nouvelle bibliothèque du quartier" in article.body
    assert article.low_confidence  # detected, not declared
    assert any("detected" in w for w in article.warnings)


@pytest.mark.parametrize("label", ["rot13", "zlib", "undefined"])
def test_bad_label_on_utf8_page_is_ignored_with_a_warning(label: str) -> None:
    article = read(html_page(label).encode("utf-8"))
    assert "la nouvelle bibliothèque du quartier" in article.body
    if text_codec(label) is None:
        assert any(label in w and "not a text encoding" in w for w in article.warnings)


def test_text_codec_accepts_only_page_charsets() -> None:
    assert text_codec("ISO-8859-1") == "iso8859-1"
    assert text_codec("windows-1251") == "cp1251"
    assert text_codec("utf8") == "utf-8"
    for label in ("rot13", "base64", "hex", "zlib", "bz2", "uu", "quopri", "undefined", "punycode", "", "\x00"):
        assert text_codec(label) is None


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"])
def test_wide_encodings_without_bom_are_read(codec: str) -> None:
    text = "\n\n".join(ENGLISH)
    article = read(text.encode(codec), None, "note.txt")
    assert "carried more passengers than expected" in article.body
    assert any(codec in w for w in article.warnings)


def test_latin1_labelled_utf8_is_read_as_windows_1252_and_flagged() -> None:
    text = "The naïve café owner told the council the rôle of the fête had grown every year since its début."
    decoded = decode(text.encode("latin-1"), "text/plain; charset=utf-8", "note.txt")
    assert decoded.text == text
    assert decoded.guessed
    article = read(("\n\n".join([text, *ENGLISH])).encode("latin-1"), "text/plain; charset=utf-8", "note.txt")
    assert article.low_confidence
    assert any("does not fit" in w for w in article.warnings)


def test_cyrillic_legacy_page_is_detected() -> None:
    text = "Городской совет во вторник проголосовал за продление ночного автобусного маршрута до марта."
    decoded = decode(text.encode("cp1251"), None, "note.txt")
    assert decoded.text == text


@pytest.mark.parametrize("value", ["2023-06-22T25:00:00Z", "2023-02-30T10:00:00Z", "2023-06-22T20:61"])
def test_invalid_markup_date_is_dropped_with_a_warning(value: str) -> None:
    head = f"<meta property='article:published_time' content='{value}'>"
    article = read(html_page("utf-8", ENGLISH * 2, head).replace("</h1>", f"</h1><time datetime='{value}'>x</time>")
                   .encode("utf-8"))
    assert article.published is None
    assert any("invalid date" in w and value in w for w in article.warnings)


def test_valid_markup_time_is_kept() -> None:
    head = "<meta property='article:published_time' content='2023-06-22T20:22:00+03:00'>"
    article = read(html_page("utf-8", ENGLISH * 2, head).encode("utf-8"))
    assert article.published == "2023-06-22T20:22:00+03:00"
    assert not any("invalid date" in w for w in article.warnings)


def test_undecodable_input_is_one_newsgraph_error_naming_it() -> None:
    with pytest.raises(NewsgraphError, match=r"^blob\.bin: "):
        read(bytes(range(256)) * 40, None, "blob.bin")
